//! What the server hands to pages (through server functions) and to the JSON API.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::lang::{Lang, Texts, pick};
use std::collections::BTreeMap;

use crate::record::{InstitutionRecord, Location, OpeningRecord, institution_name, is_slug};
use crate::vocab::{CareerStage, Field, Kind};

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
    /// The day it was first published.
    pub published_on: NaiveDate,
}

/// What a result row needs of a published opening, in every language it is written in: read
/// from the database without the rest of its record, and shown to each reader in theirs.
#[derive(Clone, Debug, PartialEq)]
pub struct OpeningCard {
    pub id: i64,
    pub external_id: String,
    pub title: Texts,
    /// Where a search's words are marked (see `search::Highlighter`).
    pub description: Texts,
    pub original_language: Lang,
    pub institution_slug: String,
    pub institution_name: Texts,
    pub kind: Kind,
    pub location: Location,
    pub deadline: NaiveDate,
    pub funded: bool,
    /// The day it was first published.
    pub published_on: NaiveDate,
}

impl OpeningCard {
    /// The row a reader of `reader` sees: the title in their language where there is one, else
    /// in the original language.
    pub fn summary(&self, reader: Lang, today: NaiveDate) -> OpeningSummary {
        let (title_lang, title) =
            pick(&self.title, reader, self.original_language).unwrap_or((self.original_language, ""));
        let institution =
            institution_name(&self.institution_name, &self.institution_slug, reader, self.original_language);
        OpeningSummary {
            id: self.id,
            external_id: self.external_id.clone(),
            title: title.to_string(),
            title_lang,
            institution,
            kind: self.kind,
            country: self.location.country.clone(),
            city: self.location.city_in(reader).to_string(),
            deadline: self.deadline,
            days_left: (self.deadline - today).num_days(),
            funded: self.funded,
            published_on: self.published_on,
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
    /// The description in each language as HTML, rendered from its Markdown on the server
    /// (a safe subset: see `catalog::markdown`).
    #[serde(default)]
    pub description_html: Texts,
    /// Closed by its institution before the deadline.
    #[serde(default)]
    pub withdrawn: bool,
}

impl OpeningDetail {
    /// Past its deadline, or withdrawn.
    pub fn is_closed(&self) -> bool {
        self.days_left < 0 || self.withdrawn
    }
}

/// How funding is written in URLs and facet counts: `no` (index 0) or `yes` (index 1).
pub const FUNDED_CODES: [&str; 2] = ["no", "yes"];

/// `yes` for an opening with a stipend, `no` without.
pub fn funded_code(funded: bool) -> &'static str {
    FUNDED_CODES[usize::from(funded)]
}

/// Counts of matching openings per value, for each facet (values are the vocabularies' codes,
/// institution slugs, ISO 639-1 language codes and `yes`/`no` for funding).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FacetCounts {
    pub kind: BTreeMap<String, u64>,
    pub stage: BTreeMap<String, u64>,
    pub field: BTreeMap<String, u64>,
    pub country: BTreeMap<String, u64>,
    pub institution: BTreeMap<String, u64>,
    /// Languages that matching openings require.
    pub language: BTreeMap<String, u64>,
    pub funded: BTreeMap<String, u64>,
}

/// A piece of text with the parts that matched the search marked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Marked {
    /// The pieces in order; joined, they give the text back.
    pub parts: Vec<MarkedPart>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MarkedPart {
    pub text: String,
    pub marked: bool,
}

impl Marked {
    pub fn plain(text: &str) -> Marked {
        Marked { parts: vec![MarkedPart { text: text.to_string(), marked: false }] }
    }

    pub fn text(&self) -> String {
        self.parts.iter().map(|p| p.text.as_str()).collect()
    }

    pub fn has_marks(&self) -> bool {
        self.parts.iter().any(|p| p.marked)
    }
}

/// Where a hit matched: its title and a passage of its description, in the language shown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Highlight {
    pub title: Marked,
    /// A passage of the description around the best match; empty when nothing in it matched.
    pub snippet: Marked,
    /// Among the results for its meaning, close to the search's, with none of the search's
    /// words in its title or passage (it says the same in other words, or in another language).
    #[serde(default)]
    pub by_meaning: bool,
}

impl Highlight {
    /// Whether any of the search's words is marked in the title or the passage.
    pub fn has_marks(&self) -> bool {
        self.title.has_marks() || self.snippet.has_marks()
    }
}

/// A concept of the research vocabulary that a search's words named, with its names in the
/// other languages, which were searched too: "산호초 → récif corallien, coral reef".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlsoSearched {
    /// The concept's name that the words matched.
    pub named: Name,
    /// Its name in each other language (the one in the same place of the vocabulary's list,
    /// else the first), a name two languages share once.
    pub names: Vec<Name>,
}

/// A text and its language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Name {
    pub lang: Lang,
    pub text: String,
}

/// A page of openings, with the facets of the whole result.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OpeningPage {
    pub total: u64,
    pub page: u32,
    pub per_page: u32,
    pub hits: Vec<OpeningSummary>,
    /// One per hit, in the same order, when the search had words to highlight.
    pub highlights: Vec<Highlight>,
    pub facets: FacetCounts,
    /// Names, in the reader's language, of the institutions the facets count.
    pub institution_names: BTreeMap<String, String>,
    /// What the research vocabulary searched besides the words as typed.
    #[serde(default)]
    pub also_searched: Vec<AlsoSearched>,
}

impl OpeningPage {
    pub fn page_count(&self) -> u32 {
        let pages = self.total.div_ceil(u64::from(self.per_page.max(1)));
        u32::try_from(pages).unwrap_or(u32::MAX).max(1)
    }
}

/// An institution's public page: who it is, and a page of its open openings, soonest deadline first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InstitutionPage {
    pub institution: InstitutionRecord,
    /// Checked by a platform admin.
    pub verified: bool,
    pub openings: OpeningPage,
}

/// The most completions one as-you-type answer gives.
pub const MAX_SUGGESTIONS: usize = 8;

/// A search as the URL states it, shared by the pages and the JSON API.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchParams {
    pub q: String,
    pub kind: Option<Kind>,
    pub stage: Option<CareerStage>,
    pub field: Option<Field>,
    pub country: Option<String>,
    /// An institution's slug.
    pub institution: Option<String>,
    /// Openings that require this language (ISO 639-1).
    pub language: Option<String>,
    /// Only openings with a stipend (`true`) or only those without (`false`).
    pub funded: Option<bool>,
    /// Deadline window, both ends included.
    pub deadline_from: Option<NaiveDate>,
    pub deadline_to: Option<NaiveDate>,
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
            institution: None,
            language: None,
            funded: None,
            deadline_from: None,
            deadline_to: None,
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

fn invalid(param: &str, reason: &str) -> ParamError {
    ParamError { param: param.to_string(), reason: reason.to_string() }
}

/// `code` (already in its case) when it is two ASCII letters.
fn two_letters(key: &str, code: String, reason: &str) -> Result<String, ParamError> {
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_alphabetic()) { Ok(code) } else { Err(invalid(key, reason)) }
}

fn parse_date(key: &str, value: &str) -> Result<NaiveDate, ParamError> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| invalid(key, "expected a date such as 2027-03-31"))
}

fn whole_number(key: &str, value: &str, range: std::ops::RangeInclusive<u32>) -> Result<u32, ParamError> {
    let reason = format!("expected a whole number from {} to {}", range.start(), range.end());
    value.parse::<u32>().ok().filter(|n| range.contains(n)).ok_or_else(|| invalid(key, &reason))
}

impl SearchParams {
    pub const DEFAULT_PER_PAGE: u32 = 20;
    pub const MAX_PER_PAGE: u32 = 100;
    pub const MAX_PAGE: u32 = 10_000;
    /// Longer queries are cut here: nobody types more, and it bounds the work per request.
    pub const MAX_QUERY_CHARS: usize = 500;
    /// Every key of a search's query string, in the order [`SearchParams::to_pairs`] writes them.
    pub const KEYS: [&'static str; 14] = [
        "q",
        "kind",
        "stage",
        "field",
        "country",
        "institution",
        "language",
        "funded",
        "deadline_from",
        "deadline_to",
        "sort",
        "closed",
        "page",
        "per_page",
    ];

    /// Reads the keys that [`SearchParams::to_pairs`] writes; ignores other keys.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Self, ParamError> {
        let mut params = SearchParams::default();
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "q" => params.q = value.chars().take(Self::MAX_QUERY_CHARS).collect(),
                _ if value.is_empty() => {}
                "kind" => params.kind = Some(Kind::from_code(value).ok_or_else(|| invalid(key, "unknown kind"))?),
                "stage" => {
                    let stage = CareerStage::from_code(&value.to_ascii_uppercase());
                    params.stage = Some(stage.ok_or_else(|| invalid(key, "expected R1, R2, R3 or R4"))?);
                }
                "field" => {
                    params.field =
                        Some(Field::from_code(value).ok_or_else(|| invalid(key, "unknown OECD field code"))?);
                }
                "country" => {
                    params.country =
                        Some(two_letters(key, value.to_ascii_uppercase(), "expected a two-letter country code")?);
                }
                "institution" => {
                    if !is_slug(value) {
                        return Err(invalid(key, "expected an institution identifier such as kaist"));
                    }
                    params.institution = Some(value.to_string());
                }
                "language" => {
                    params.language =
                        Some(two_letters(key, value.to_ascii_lowercase(), "expected a two-letter language code")?);
                }
                "funded" => {
                    params.funded = Some(match value {
                        "yes" | "1" | "true" => true,
                        "no" | "0" | "false" => false,
                        _ => return Err(invalid(key, "expected yes or no")),
                    });
                }
                "deadline_from" => params.deadline_from = Some(parse_date(key, value)?),
                "deadline_to" => params.deadline_to = Some(parse_date(key, value)?),
                "sort" => {
                    if !matches!(value, "relevance" | "deadline" | "newest") {
                        return Err(invalid(key, "expected relevance, deadline or newest"));
                    }
                    params.sort = Some(value.to_string());
                }
                "closed" => params.include_closed = matches!(value, "1" | "true" | "yes"),
                "page" => params.page = whole_number(key, value, 1..=Self::MAX_PAGE)?,
                "per_page" => params.per_page = whole_number(key, value, 1..=Self::MAX_PER_PAGE)?,
                _ => {}
            }
        }
        if let (Some(from), Some(to)) = (params.deadline_from, params.deadline_to)
            && from > to
        {
            return Err(invalid("deadline_to", "must not be before deadline_from"));
        }
        Ok(params)
    }

    /// The search as query-string pairs (empty values mean "not set"), for links and the URL bar.
    /// `page` and `per_page` are left out when they have their default value.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        let date = |value: Option<NaiveDate>| value.map(|d| d.to_string()).unwrap_or_default();
        vec![
            ("q", self.q.clone()),
            ("kind", self.kind.map(|k| k.code().to_string()).unwrap_or_default()),
            ("stage", self.stage.map(|s| s.code().to_string()).unwrap_or_default()),
            ("field", self.field.map(|f| f.code().to_string()).unwrap_or_default()),
            ("country", text(&self.country)),
            ("institution", text(&self.institution)),
            ("language", text(&self.language)),
            ("funded", self.funded.map(|f| funded_code(f).to_string()).unwrap_or_default()),
            ("deadline_from", date(self.deadline_from)),
            ("deadline_to", date(self.deadline_to)),
            ("sort", text(&self.sort)),
            ("closed", if self.include_closed { "1".to_string() } else { String::new() }),
            ("page", if self.page > 1 { self.page.to_string() } else { String::new() }),
            (
                "per_page",
                if self.per_page == Self::DEFAULT_PER_PAGE { String::new() } else { self.per_page.to_string() },
            ),
        ]
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
        let window = SearchParams::from_pairs([("deadline_from", "2027-05-01"), ("deadline_to", "2027-04-01")]);
        assert_eq!(window.map_err(|e| e.param), Err("deadline_to".to_string()));
        assert_eq!(SearchParams::from_pairs([("q", long.as_str())]).map(|p| p.q.len()), Ok(500));
    }
}

#[cfg(test)]
mod round_trip {
    use super::*;

    #[test]
    fn pairs_read_back_as_the_same_search() {
        let pairs = [
            ("q", "배터리를"),
            ("kind", "postdoc"),
            ("stage", "R2"),
            ("field", "1.3"),
            ("country", "kr"),
            ("institution", "kaist"),
            ("language", "FR"),
            ("funded", "no"),
            ("deadline_from", "2027-01-01"),
            ("deadline_to", "2027-06-30"),
            ("sort", "deadline"),
            ("closed", "1"),
            ("page", "3"),
            ("per_page", "50"),
        ];
        let params = SearchParams::from_pairs(pairs).expect("valid");
        assert_eq!((params.country.as_deref(), params.language.as_deref()), (Some("KR"), Some("fr")));
        let written = params.to_pairs();
        let again = SearchParams::from_pairs(written.iter().map(|(k, v)| (*k, v.as_str()))).expect("valid");
        assert_eq!(again, params);
        assert_eq!(written.iter().map(|(k, _)| *k).collect::<Vec<_>>(), SearchParams::KEYS);
    }

    #[test]
    fn bad_filters_name_their_parameter() {
        for (key, value) in
            [("institution", "KAIST!"), ("language", "french"), ("funded", "maybe"), ("deadline_to", "31/12/2027")]
        {
            assert_eq!(SearchParams::from_pairs([(key, value)]).map_err(|e| e.param), Err(key.to_string()));
        }
    }
}

/// Why an opening was recommended, or where it falls short, in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reason {
    /// `keyword`, `interest`, `meaning`, or a [`crate::fit::Finding`]'s code.
    pub code: String,
    pub text: String,
    /// A hard mismatch (stage, language level, kind, country, start), shown as such.
    pub shortfall: bool,
}

/// An opening recommended for a profile, with its reasons (shortfalls first).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Recommended {
    pub opening: OpeningSummary,
    pub score: f32,
    pub reasons: Vec<Reason>,
}
