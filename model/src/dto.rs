//! What the server hands to pages (through server functions) and to the JSON API.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::lang::{Lang, pick};
use crate::record::OpeningRecord;
use crate::vocab::Kind;

/// An opening as a result row: already in the reader's language where possible.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpeningSummary {
    pub id: i64,
    pub external_id: String,
    pub title: String,
    /// The language `title` is written in; differs from the reader's when no translation exists.
    pub title_lang: Lang,
    pub institution: String,
    pub kind: Kind,
    pub country: String,
    pub city: String,
    pub deadline: NaiveDate,
    pub days_left: i64,
    pub funded: bool,
}

impl OpeningSummary {
    pub fn from_record(id: i64, record: &OpeningRecord, reader: Lang, today: NaiveDate) -> Self {
        let (title_lang, title) =
            pick(&record.title, reader, record.original_language).unwrap_or((record.original_language, ""));
        let institution = pick(&record.institution.name, reader, record.original_language)
            .map_or_else(|| record.institution.slug.clone(), |(_, name)| name.to_string());
        OpeningSummary {
            id,
            external_id: record.external_id.clone(),
            title: title.to_string(),
            title_lang,
            institution,
            kind: record.kind,
            country: record.location.country.clone(),
            city: record.location.city.clone(),
            deadline: record.deadline,
            days_left: (record.deadline - today).num_days(),
            funded: record.funding.stipend.is_some(),
        }
    }
}

/// One opening with everything the record holds; the page chooses the language to show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpeningDetail {
    pub id: i64,
    pub record: OpeningRecord,
    pub published_on: NaiveDate,
    pub days_left: i64,
}

impl OpeningDetail {
    pub fn is_closed(&self) -> bool {
        self.days_left < 0
    }
}

/// Counts of matching openings per value, for each facet (values are the vocabularies' codes).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCounts {
    pub kind: std::collections::BTreeMap<String, u64>,
    pub stage: std::collections::BTreeMap<String, u64>,
    pub field: std::collections::BTreeMap<String, u64>,
    pub country: std::collections::BTreeMap<String, u64>,
}

/// A page of openings, with the facets of the whole result.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OpeningPage {
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub hits: Vec<OpeningSummary>,
    pub facets: FacetCounts,
}

impl OpeningPage {
    pub fn page_count(&self) -> u32 {
        let pages = self.total.div_ceil(u64::from(self.per_page.max(1)));
        u32::try_from(pages).unwrap_or(u32::MAX).max(1)
    }
}

/// A search as the URL states it, shared by the pages and the JSON API.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchParams {
    pub q: String,
    pub kind: Option<Kind>,
    pub stage: Option<crate::vocab::CareerStage>,
    pub field: Option<crate::vocab::Field>,
    pub country: Option<String>,
    /// `relevance`, `deadline` or `newest`.
    pub sort: Option<String>,
    pub include_closed: bool,
    pub page: u32,
    pub per_page: u32,
}

impl Default for SearchParams {
    fn default() -> Self {
        SearchParams {
            q: String::new(),
            kind: None,
            stage: None,
            field: None,
            country: None,
            sort: None,
            include_closed: false,
            page: 1,
            per_page: SearchParams::DEFAULT_PER_PAGE,
        }
    }
}

/// A query parameter that could not be understood: which one, and why.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[error("invalid value for '{param}': {reason}")]
pub struct ParamError {
    pub param: String,
    pub reason: String,
}

impl SearchParams {
    pub const DEFAULT_PER_PAGE: u32 = 20;
    pub const MAX_PER_PAGE: u32 = 100;
    /// Longer queries are cut here: nobody types more, and it bounds the work per request.
    pub const MAX_QUERY_CHARS: usize = 500;

    /// Reads `q, kind, stage, field, country, sort, closed, page, per_page`; ignores other keys.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, ParamError> {
        let mut params = SearchParams::default();
        let invalid = |param: &str, reason: &str| ParamError { param: param.to_string(), reason: reason.to_string() };
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "q" => params.q = value.chars().take(Self::MAX_QUERY_CHARS).collect(),
                _ if value.is_empty() => {}
                "kind" => params.kind = Some(Kind::from_code(value).ok_or_else(|| invalid(key, "unknown kind"))?),
                "stage" => {
                    let stage = crate::vocab::CareerStage::from_code(&value.to_ascii_uppercase());
                    params.stage = Some(stage.ok_or_else(|| invalid(key, "expected R1, R2, R3 or R4"))?);
                }
                "field" => {
                    let field = crate::vocab::Field::from_code(value);
                    params.field = Some(field.ok_or_else(|| invalid(key, "unknown OECD field code"))?);
                }
                "country" => {
                    let code = value.to_ascii_uppercase();
                    if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                        return Err(invalid(key, "expected a two-letter country code"));
                    }
                    params.country = Some(code);
                }
                "sort" => {
                    if !matches!(value, "relevance" | "deadline" | "newest") {
                        return Err(invalid(key, "expected relevance, deadline or newest"));
                    }
                    params.sort = Some(value.to_string());
                }
                "closed" => params.include_closed = matches!(value, "1" | "true" | "yes"),
                "page" => {
                    params.page = value
                        .parse::<u32>()
                        .ok()
                        .filter(|p| *p >= 1 && *p <= 10_000)
                        .ok_or_else(|| invalid(key, "expected a whole number from 1 to 10000"))?;
                }
                "per_page" => {
                    params.per_page = value
                        .parse::<u32>()
                        .ok()
                        .filter(|p| (1..=Self::MAX_PER_PAGE).contains(p))
                        .ok_or_else(|| invalid(key, "expected a whole number from 1 to 100"))?;
                }
                _ => {}
            }
        }
        Ok(params)
    }

    pub fn offset(&self) -> usize {
        (self.page.saturating_sub(1) as usize).saturating_mul(self.per_page as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_parse_and_refuse_nonsense() {
        let ok = SearchParams::from_pairs([("q", " batterie "), ("kind", "postdoc"), ("page", "2"), ("stage", "r2")]);
        let ok = ok.expect("valid");
        assert_eq!((ok.q.as_str(), ok.kind, ok.page, ok.offset()), ("batterie", Some(Kind::Postdoc), 2, 20));
        for (key, value) in [("page", "abc"), ("page", "0"), ("per_page", "1000"), ("kind", "x"), ("country", "Korea")]
        {
            let err = SearchParams::from_pairs([(key, value)]).expect_err(value);
            assert_eq!(err.param, key);
        }
        let long = "a".repeat(10_000);
        assert_eq!(SearchParams::from_pairs([("q", long.as_str())]).map(|p| p.q.len()), Ok(500));
    }
}
