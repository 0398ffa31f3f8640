//! The opening record: the import format of `passerelle import openings` and the demo data.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::lang::{Lang, Texts};
use crate::vocab::{CareerStage, Cefr, Field, Kind, StipendPeriod};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpeningRecord {
    pub external_id: String,
    pub institution: InstitutionRecord,
    pub kind: Kind,
    pub career_stages: Vec<CareerStage>,
    pub fields: Vec<Field>,
    pub title: Texts,
    pub description: Texts,
    pub original_language: Lang,
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub languages_required: Vec<LanguageRequirement>,
    pub location: Location,
    #[serde(default)]
    pub start_date: Option<NaiveDate>,
    #[serde(default)]
    pub duration_months: Option<u32>,
    pub deadline: NaiveDate,
    #[serde(default)]
    pub funding: Funding,
    #[serde(default = "one")]
    pub positions: u32,
    #[serde(default)]
    pub apply_url: Option<String>,
    #[serde(default)]
    pub contact_email: Option<String>,
    /// Researchers apply on Passerelle (with their profile, a letter and their CV) rather than
    /// through `apply_url` or `contact_email`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub apply_on_passerelle: bool,
    /// What researchers applying on Passerelle answer besides their letter (up to
    /// [`MAX_QUESTIONS`], in the opening's original language).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<String>,
}

/// The most questions an opening asks, and the longest question.
/// How long a stay may last, in months, and how many places an opening may offer.
pub const DURATION_MONTHS: std::ops::RangeInclusive<u32> = 1..=120;
pub const POSITIONS: std::ops::RangeInclusive<u32> = 1..=1000;
pub const MAX_QUESTIONS: usize = 3;
pub const MAX_QUESTION_CHARS: usize = 300;

fn one() -> u32 {
    1
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InstitutionRecord {
    pub slug: String,
    pub name: Texts,
    pub country: String,
    pub city: String,
    pub domain: String,
}

impl InstitutionRecord {
    /// The name a reader of `reader` sees beside an opening written in `original` (see
    /// [`crate::lang::pick`]); the slug when the institution gave no name.
    pub fn name_in(&self, reader: Lang, original: Lang) -> String {
        institution_name(&self.name, &self.slug, reader, original)
    }
}

/// An institution's name (`names`, or its slug when it gave none) as a reader of `reader` sees
/// it beside an opening written in `original`.
pub fn institution_name(names: &Texts, slug: &str, reader: Lang, original: Lang) -> String {
    crate::lang::pick(names, reader, original).map_or_else(|| slug.to_string(), |(_, name)| name.to_string())
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LanguageRequirement {
    /// ISO 639-1 code; not limited to the interface languages.
    pub lang: String,
    pub level: Cefr,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Location {
    pub country: String,
    pub city: String,
    /// The city as each language writes it, where the usual name table does not know it
    /// (optional; `city` stands for the languages missing here).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub city_names: Texts,
}

impl Location {
    /// The city as a reader of `reader` reads it: its own name when the record gives one.
    pub fn city_in(&self, reader: Lang) -> &str {
        self.city_names.get(&reader).map_or(&self.city, String::as_str)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Funding {
    #[serde(default)]
    pub stipend: Option<Stipend>,
    #[serde(default)]
    pub travel_covered: bool,
    #[serde(default)]
    pub housing_covered: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Stipend {
    pub amount: f64,
    /// ISO 4217 code.
    pub currency: String,
    pub period: StipendPeriod,
}

/// Why a record was refused: which field, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{field}: {reason}")]
pub struct RecordError {
    pub field: String,
    pub reason: String,
}

impl RecordError {
    fn new(field: impl Into<String>, reason: impl Into<String>) -> Self {
        RecordError { field: field.into(), reason: reason.into() }
    }
}

const MAX_TITLE_CHARS: usize = 300;
const MAX_CITY_CHARS: usize = 100;
const MAX_DESCRIPTION_CHARS: usize = 20_000;

impl OpeningRecord {
    /// Parses and validates one line of an import file.
    pub fn from_json_line(line: &str) -> Result<Self, RecordError> {
        let record: OpeningRecord = serde_json::from_str(line).map_err(|e| RecordError::new("json", e.to_string()))?;
        record.validate()?;
        Ok(record)
    }

    /// Checks what serde's types cannot: required content, formats and bounds.
    pub fn validate(&self) -> Result<(), RecordError> {
        check_identifier("external_id", &self.external_id)?;
        self.institution.validate()?;
        if self.career_stages.is_empty() {
            return Err(RecordError::new("career_stages", "at least one stage is required"));
        }
        if self.fields.is_empty() {
            return Err(RecordError::new("fields", "at least one field is required"));
        }
        check_texts("title", &self.title, MAX_TITLE_CHARS, false)?;
        check_texts("description", &self.description, MAX_DESCRIPTION_CHARS, true)?;
        if !self.title.contains_key(&self.original_language) {
            return Err(RecordError::new(
                "title",
                format!("no title in the original language ({})", self.original_language),
            ));
        }
        for (i, keyword) in self.keywords.iter().enumerate() {
            if keyword.trim().is_empty() || keyword.chars().count() > 100 {
                return Err(RecordError::new(format!("keywords[{i}]"), "must be 1 to 100 characters"));
            }
            check_one_line(&format!("keywords[{i}]"), keyword)?;
        }
        for (i, req) in self.languages_required.iter().enumerate() {
            if req.lang.len() != 2 || !req.lang.bytes().all(|b| b.is_ascii_lowercase()) {
                return Err(RecordError::new(
                    format!("languages_required[{i}].lang"),
                    "must be a two-letter ISO 639-1 code",
                ));
            }
        }
        check_country("location.country", &self.location.country)?;
        check_not_blank("location.city", &self.location.city)?;
        check_one_line("location.city", &self.location.city)?;
        if !self.location.city_names.is_empty() {
            check_texts("location.city_names", &self.location.city_names, MAX_CITY_CHARS, false)?;
        }
        if let Some(months) = self.duration_months
            && !DURATION_MONTHS.contains(&months)
        {
            return Err(RecordError::new("duration_months", "must be between 1 and 120"));
        }
        if let Some(stipend) = &self.funding.stipend {
            if !stipend.amount.is_finite() || stipend.amount <= 0.0 || stipend.amount > 1e12 {
                return Err(RecordError::new("funding.stipend.amount", "must be a positive number"));
            }
            if stipend.currency.len() != 3 || !stipend.currency.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(RecordError::new(
                    "funding.stipend.currency",
                    "must be a three-letter ISO 4217 code such as CAD or KRW",
                ));
            }
        }
        if !POSITIONS.contains(&self.positions) {
            return Err(RecordError::new("positions", "must be between 1 and 1000"));
        }
        if let Some(url) = &self.apply_url
            && (!(url.starts_with("https://") || url.starts_with("http://")) || url.contains(char::is_whitespace))
        {
            return Err(RecordError::new("apply_url", "must be an http(s) URL"));
        }
        if let Some(url) = &self.apply_url {
            check_one_line("apply_url", url)?;
        }
        if self.questions.len() > MAX_QUESTIONS {
            return Err(RecordError::new("questions", format!("at most {MAX_QUESTIONS} questions")));
        }
        for (i, question) in self.questions.iter().enumerate() {
            if question.trim().is_empty() || question.chars().count() > MAX_QUESTION_CHARS {
                return Err(RecordError::new(format!("questions[{i}]"), "must be 1 to 300 characters"));
            }
            check_one_line(&format!("questions[{i}]"), question)?;
        }
        if let Some(email) = &self.contact_email
            && !is_plausible_email(email)
        {
            return Err(RecordError::new("contact_email", "is not an e-mail address"));
        }
        Ok(())
    }

    /// The languages in which the opening can be read, original first.
    pub fn languages(&self) -> Vec<Lang> {
        let mut langs = vec![self.original_language];
        langs.extend(self.title.keys().copied().filter(|l| *l != self.original_language));
        langs
    }
}

impl InstitutionRecord {
    fn validate(&self) -> Result<(), RecordError> {
        if !is_slug(&self.slug) {
            return Err(RecordError::new("institution.slug", "must be lowercase letters, digits and hyphens"));
        }
        if self.name.is_empty() {
            return Err(RecordError::new("institution.name", "at least one language is required"));
        }
        for (lang, name) in &self.name {
            check_not_blank(&format!("institution.name.{lang}"), name)?;
            check_one_line(&format!("institution.name.{lang}"), name)?;
        }
        check_country("institution.country", &self.country)?;
        check_not_blank("institution.city", &self.city)?;
        check_one_line("institution.city", &self.city)?;
        let domain_ok = self.domain.contains('.')
            && self.domain.len() <= 253
            && self.domain.split('.').all(|label| {
                !label.is_empty() && label.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            });
        if !domain_ok {
            return Err(RecordError::new("institution.domain", "must be a lowercase domain name"));
        }
        Ok(())
    }
}

/// An institution's slug: 1 to 64 lowercase letters, digits and hyphens.
pub fn is_slug(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 64
        && value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn check_identifier(field: &str, value: &str) -> Result<(), RecordError> {
    let ok = !value.is_empty() && value.len() <= 200 && value.chars().all(|c| !c.is_whitespace() && !c.is_control());
    if ok { Ok(()) } else { Err(RecordError::new(field, "must be 1 to 200 characters without spaces")) }
}

fn check_not_blank(field: &str, value: &str) -> Result<(), RecordError> {
    if value.trim().is_empty() { Err(RecordError::new(field, "must not be empty")) } else { Ok(()) }
}

/// Whether `text` holds control characters (NUL, ESC, line breaks…); a multi-line text may hold
/// line breaks and tabs.
pub fn has_control(text: &str, multiline: bool) -> bool {
    text.chars().any(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
}

/// `text` without control characters: on one line, line breaks and tabs become spaces; in a
/// multi-line text they stay, with Windows line ends (`\r\n`) made `\n`.
pub fn without_controls(text: &str, multiline: bool) -> String {
    let text = if multiline { text.replace("\r\n", "\n") } else { text.to_string() };
    text.chars()
        .filter_map(|c| match c {
            '\n' | '\t' if multiline => Some(c),
            '\n' | '\r' | '\t' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect()
}

fn check_one_line(field: &str, value: &str) -> Result<(), RecordError> {
    if has_control(value, false) {
        return Err(RecordError::new(field, "must not contain control characters (line breaks, tabs, NUL, ESC…)"));
    }
    Ok(())
}

fn check_texts(field: &str, texts: &Texts, max_chars: usize, multiline: bool) -> Result<(), RecordError> {
    if texts.is_empty() {
        return Err(RecordError::new(field, "at least one language is required"));
    }
    for (lang, text) in texts {
        let name = format!("{field}.{lang}");
        check_not_blank(&name, text)?;
        if has_control(text, multiline) {
            return Err(RecordError::new(name, "must not contain control characters (NUL, ESC…)"));
        }
        if text.chars().count() > max_chars {
            return Err(RecordError::new(name, format!("longer than {max_chars} characters")));
        }
    }
    Ok(())
}

fn check_country(field: &str, value: &str) -> Result<(), RecordError> {
    if value.len() == 2 && value.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(())
    } else {
        Err(RecordError::new(field, "must be an ISO 3166-1 alpha-2 code such as KR or CA"))
    }
}

fn is_plausible_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !email.contains(char::is_whitespace)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) const SAMPLE: &str = r#"{"external_id": "kaist-qec-01", "institution": {"slug": "kaist", "name": {"en": "KAIST", "ko": "한국과학기술원"}, "country": "KR", "city": "Daejeon", "domain": "kaist.ac.kr"}, "kind": "phd_exchange", "career_stages": ["R1"], "fields": ["1.3", "2.2"], "title": {"en": "Quantum error correction", "ko": "양자 오류 정정"}, "description": {"en": "A stay.", "ko": "연구."}, "original_language": "en", "keywords": ["qec"], "languages_required": [{"lang": "en", "level": "B2"}], "location": {"country": "KR", "city": "Daejeon"}, "start_date": "2028-03-02", "duration_months": 6, "deadline": "2028-01-15", "funding": {"stipend": {"amount": 2500000, "currency": "KRW", "period": "month"}, "travel_covered": true, "housing_covered": false}, "positions": 1, "apply_url": "https://kaist.ac.kr/x", "contact_email": "exchange@kaist.ac.kr"}"#;

    #[test]
    fn a_complete_line_parses() {
        let record = OpeningRecord::from_json_line(SAMPLE).expect("valid sample");
        assert_eq!(record.kind, Kind::PhdExchange);
        assert_eq!(record.languages(), vec![Lang::En, Lang::Ko]);
        assert_eq!(record.funding.stipend.as_ref().map(|s| s.amount), Some(2_500_000.0));
    }

    #[test]
    fn bad_lines_name_the_field() {
        let cases = [
            ("\"kind\": \"phd_exchange\"", "\"kind\": \"holiday\"", "json"),
            ("\"career_stages\": [\"R1\"]", "\"career_stages\": []", "career_stages"),
            ("\"currency\": \"KRW\"", "\"currency\": \"won\"", "funding.stipend.currency"),
            (
                "\"country\": \"KR\", \"city\": \"Daejeon\", \"domain\"",
                "\"country\": \"Korea\", \"city\": \"Daejeon\", \"domain\"",
                "institution.country",
            ),
            ("\"original_language\": \"en\"", "\"original_language\": \"fr\"", "title"),
            ("\"apply_url\": \"https", "\"apply_url\": \"javascript", "apply_url"),
            // Control characters: refused on one line; descriptions keep line breaks only.
            ("\"Quantum error correction\"", "\"Quantum\\u0000 error\"", "title.en"),
            ("\"Quantum error correction\"", "\"Quantum\\nerror\"", "title.en"),
            ("\"A stay.\"", "\"A \\u001b[31mstay\"", "description.en"),
            ("[\"qec\"]", "[\"q\\r\\nec\"]", "keywords[0]"),
            ("\"city\": \"Daejeon\"}, \"start", "\"city\": \"Dae\\u0007jeon\"}, \"start", "location.city"),
            ("\"KAIST\"", "\"KA\\tIST\"", "institution.name.en"),
            (
                "\"city\": \"Daejeon\"}, \"start",
                "\"city\": \"Daejeon\", \"city_names\": {\"ko\": \" \"}}, \"start",
                "location.city_names.ko",
            ),
            (
                "\"city\": \"Daejeon\"}, \"start",
                "\"city\": \"Daejeon\", \"city_names\": {\"de\": \"D\"}}, \"start",
                "json",
            ),
        ];
        for (from, to, field) in cases {
            let line = SAMPLE.replacen(from, to, 1);
            assert_ne!(line, SAMPLE, "{from} not found");
            let err = OpeningRecord::from_json_line(&line).expect_err(field);
            assert_eq!(err.field, field, "{err}");
        }
        assert_eq!(OpeningRecord::from_json_line("{").map_err(|e| e.field), Err("json".into()));
        let paragraphs = SAMPLE.replacen("\"A stay.\"", "\"A stay.\\r\\n\\n\\tIn Daejeon.\"", 1);
        assert!(OpeningRecord::from_json_line(&paragraphs).is_ok(), "line breaks in a description");
    }

    #[test]
    fn a_city_may_be_named_in_each_language() {
        let line = SAMPLE.replacen(
            "\"location\": {\"country\": \"KR\", \"city\": \"Daejeon\"}",
            "\"location\": {\"country\": \"KR\", \"city\": \"Osong\", \"city_names\": {\"ko\": \"오송\"}}",
            1,
        );
        let record = OpeningRecord::from_json_line(&line).expect("valid");
        assert_eq!(record.location.city_in(Lang::Ko), "오송");
        assert_eq!(record.location.city_in(Lang::Fr), "Osong", "the written name stands for the others");
        // Without names, the record is written back as it came.
        let plain = OpeningRecord::from_json_line(SAMPLE).expect("valid");
        assert!(!serde_json::to_string(&plain).expect("json").contains("city_names"));
    }

    #[test]
    fn control_characters_are_dropped_from_typed_text() {
        assert_eq!(without_controls("a\u{0}b\u{1b}[31mc\r\nd\te", false), "ab[31mc  d e");
        assert_eq!(without_controls("a\r\n\nb\u{7}\tc", true), "a\n\nb\tc");
    }
}

/// Records for tests in every crate (`features = ["testing"]`).
#[cfg(any(test, feature = "testing"))]
pub mod testing {
    use super::*;

    /// A complete, valid record of `institution` (a slug; its domain is `{slug}.example.org`).
    pub fn record(external_id: &str, institution: &str, title_en: &str) -> OpeningRecord {
        let line = serde_json::json!({
            "external_id": external_id,
            "institution": {"slug": institution, "name": {"en": institution.to_uppercase()},
                            "country": "KR", "city": "Daejeon", "domain": format!("{institution}.example.org")},
            "kind": "postdoc", "career_stages": ["R2"], "fields": ["1.3"],
            "title": {"en": title_en, "ko": "한국어 제목"},
            "description": {"en": format!("{title_en}. A research stay."), "ko": "연구 체류."},
            "original_language": "en", "keywords": ["physics"],
            "languages_required": [{"lang": "en", "level": "B2"}],
            "location": {"country": "KR", "city": "Daejeon"},
            "start_date": "2099-03-01", "duration_months": 6, "deadline": "2099-01-15",
            "funding": {"stipend": {"amount": 2500.5, "currency": "CAD", "period": "month"},
                        "travel_covered": true, "housing_covered": false},
            "positions": 2, "apply_url": "https://example.org/apply", "contact_email": "a@example.org"
        });
        OpeningRecord::from_json_line(&line.to_string()).unwrap_or_else(|e| panic!("fixture: {e}"))
    }

    /// An opening written in `lang` only, its title as its description, at KAIST.
    pub fn written_in(id: &str, lang: Lang, title: &str, keywords: &[&str]) -> OpeningRecord {
        let mut opening = record(id, "kaist", title);
        opening.title = [(lang, title.to_string())].into();
        opening.description = [(lang, title.to_string())].into();
        opening.original_language = lang;
        opening.keywords = keywords.iter().map(|keyword| keyword.to_string()).collect();
        opening
    }

    /// Ten openings on unrelated topics, each in one language, for the semantic tests (a
    /// neighbour in meaning must stand out from the rest, so a handful would not do): the fifth,
    /// on drought-tolerant wheat, shares no word and no concept with "céréales tolérantes au
    /// stress hydrique".
    pub fn unrelated_topics() -> Vec<OpeningRecord> {
        let opening = written_in;
        vec![
            opening("bridges", Lang::Ko, "교량 구조물의 지진 취약도 평가", &["교량", "내진 설계"]),
            opening("coral", Lang::En, "Coral bleaching during marine heatwaves", &["coral reefs", "marine ecology"]),
            opening("archives", Lang::Fr, "Numérisation des archives notariales", &["archives", "paléographie"]),
            opening("opera", Lang::Fr, "Musicologie de l'opéra baroque", &["musicologie", "opéra"]),
            opening("wheat", Lang::En, "Drought-tolerant wheat breeding", &["wheat", "plant breeding"]),
            opening("elections", Lang::Ko, "선거 제도와 투표율 비교 연구", &["선거", "정치학"]),
            opening("malaria", Lang::En, "Mosquito control against malaria", &["malaria", "public health"]),
            opening("knots", Lang::Fr, "Théorie des nœuds et invariants", &["topologie", "nœuds"]),
            opening("retina", Lang::Ko, "당뇨병성 망막병증 자동 진단", &["안과", "의료 영상"]),
            opening("fuelcell", Lang::En, "Durability of hydrogen fuel cells", &["fuel cells", "electrochemistry"]),
        ]
    }
}
