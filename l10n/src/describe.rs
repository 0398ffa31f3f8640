//! A search put in words, for the alerts page and the digests' subjects: its words in quotes,
//! then its filters named in the reader's language.

use model::Lang;
use model::dto::SearchParams;

use crate::{country_name, format_date, language_name, t, t_args};

/// `“quantum” · Research internship · Canada`; every new opening when the search has neither words
/// nor filters.
pub fn describe_search(reader: Lang, params: &SearchParams) -> String {
    let mut parts = Vec::new();
    if !params.q.trim().is_empty() {
        parts.push(t_args(reader, "alert-words", &[("words", params.q.trim().to_string().into())]));
    }
    parts.extend(params.kind.map(|kind| t(reader, kind.message_id())));
    parts.extend(params.stage.map(|stage| t(reader, stage.message_id())));
    parts.extend(params.field.map(|field| t(reader, field.message_id())));
    parts.extend(params.country.as_deref().map(|code| country_name(reader, code)));
    parts.extend(params.institution.clone());
    parts.extend(
        params
            .language
            .as_deref()
            .map(|code| t_args(reader, "alert-language-required", &[("language", language_name(reader, code).into())])),
    );
    parts.extend(params.funded.map(|funded| t(reader, if funded { "filter-funded-yes" } else { "filter-funded-no" })));
    parts.extend(
        params
            .deadline_from
            .map(|date| t_args(reader, "alert-deadline-from", &[("date", format_date(reader, date).into())])),
    );
    parts.extend(
        params
            .deadline_to
            .map(|date| t_args(reader, "alert-deadline-to", &[("date", format_date(reader, date).into())])),
    );
    if parts.is_empty() { t(reader, "alert-every-opening") } else { parts.join(" · ") }
}

#[cfg(test)]
mod tests {
    use model::vocab::Kind;

    use super::*;

    #[test]
    fn a_search_reads_as_its_words_and_filters() {
        let params = SearchParams {
            q: "quantum".into(),
            kind: Some(Kind::Internship),
            country: Some("CA".into()),
            ..SearchParams::default()
        };
        assert_eq!(describe_search(Lang::En, &params), "“quantum” · Research internship · Canada");
        assert_eq!(describe_search(Lang::Fr, &params), "«\u{a0}quantum\u{a0}» · Stage de recherche · Canada");
        assert_eq!(describe_search(Lang::En, &SearchParams::default()), "every new opening");
    }
}
