//! A researcher's profile: who they are as a candidate, what they look for, and who may see it.
//! The checks here serve the profile form and the import of demo profiles alike; each problem
//! is a field name and a Fluent message id.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::record::LanguageRequirement;
use crate::vocab::{CareerStage, Field, Kind, vocabulary};
use crate::{Lang, Texts};

vocabulary! {
    /// Who may see a profile (and its CV). Institutions a researcher applied to always see what
    /// was sent with the application.
    #[derive(Default)]
    Visibility {
        Nobody => "nobody", "visibility-nobody";
        #[default]
        AppliedTo => "applied_to", "visibility-applied-to";
        Verified => "verified", "visibility-verified";
    }
}

pub const MAX_KEYWORDS: usize = 20;
pub const MAX_KEYWORD_CHARS: usize = 100;
pub const MAX_INTERESTS_CHARS: usize = 2_000;
pub const MAX_LANGUAGES: usize = 10;
pub const MAX_COUNTRIES: usize = 30;
pub const MAX_URL_CHARS: usize = 300;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Profile {
    pub career_stage: Option<CareerStage>,
    pub fields: Vec<Field>,
    pub keywords: Vec<String>,
    /// Research interests, in the researcher's own language(s).
    pub interests: Texts,
    /// The languages they speak, with CEFR levels.
    pub languages: Vec<LanguageRequirement>,
    pub available_from: Option<NaiveDate>,
    pub kinds: Vec<Kind>,
    /// ISO 3166-1 alpha-2 codes of the countries they look at.
    pub countries: Vec<String>,
    /// `0000-0002-1825-0097`, checked with its checksum.
    pub orcid: Option<String>,
    pub website: Option<String>,
    pub visibility: Visibility,
}

/// A profile as stored, with its current CV.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredProfile {
    pub profile: Profile,
    pub cv: Option<CvInfo>,
}

/// A CV, without its content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CvInfo {
    pub id: i64,
    pub account_id: i64,
    pub file_name: String,
    pub size_bytes: i64,
    /// RFC 3339.
    pub uploaded_at: String,
}

impl Profile {
    /// What is wrong with the profile, field by field (empty when nothing is).
    pub fn problems(&self) -> Vec<(String, &'static str)> {
        let mut problems = Vec::new();
        let mut problem = |field: &str, message: &'static str| problems.push((field.to_string(), message));
        if self.keywords.len() > MAX_KEYWORDS {
            problem("keywords", "profile-error-too-many");
        }
        if self.keywords.iter().any(|k| k.trim().is_empty() || k.chars().count() > MAX_KEYWORD_CHARS) {
            problem("keywords", "form-error-too-long");
        }
        for (lang, text) in &self.interests {
            if text.chars().count() > MAX_INTERESTS_CHARS {
                problem(&format!("interests_{}", lang.code()), "form-error-too-long");
            }
        }
        if self.languages.len() > MAX_LANGUAGES
            || self.languages.iter().any(|l| l.lang.len() != 2 || !l.lang.bytes().all(|b| b.is_ascii_lowercase()))
        {
            problem("languages", "profile-error-language");
        }
        if self.countries.len() > MAX_COUNTRIES
            || self.countries.iter().any(|c| c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()))
        {
            problem("countries", "profile-error-country");
        }
        if let Some(orcid) = &self.orcid
            && !is_orcid(orcid)
        {
            problem("orcid", "profile-error-orcid");
        }
        if let Some(url) = &self.website
            && !is_web_address(url)
        {
            problem("website", "profile-error-website");
        }
        let one_line = self.keywords.iter().chain(self.orcid.iter()).chain(self.website.iter());
        let controls = one_line.into_iter().any(|text| crate::record::has_control(text, false))
            || self.interests.values().any(|text| crate::record::has_control(text, true));
        if controls {
            problem("", "form-error-control");
        }
        problems
    }

    /// The interests in `lang`, else in another language the researcher wrote them in.
    pub fn interests_in(&self, lang: Lang) -> Option<(Lang, &str)> {
        let first = self.interests.keys().next().copied()?;
        crate::lang::pick(&self.interests, lang, first)
    }
}

/// An ORCID iD (`0000-0002-1825-0097`): four groups of four digits, the last character a
/// checksum (ISO 7064 MOD 11-2, `X` for ten).
pub fn is_orcid(id: &str) -> bool {
    let groups: Vec<&str> = id.split('-').collect();
    if groups.len() != 4 || groups.iter().any(|group| group.len() != 4) {
        return false;
    }
    let chars: Vec<char> = groups.concat().chars().collect();
    let (body, check) = chars.split_at(15);
    if !body.iter().all(char::is_ascii_digit) {
        return false;
    }
    let total = body.iter().fold(0u32, |total, digit| (total + digit.to_digit(10).unwrap_or(0)) * 2);
    let expected = (12 - total % 11) % 11;
    let expected = if expected == 10 { 'X' } else { char::from_digit(expected, 10).unwrap_or('?') };
    check == [expected]
}

/// An `http(s)` address on one line.
pub fn is_web_address(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && url.len() > "https://".len()
        && url.chars().count() <= MAX_URL_CHARS
        && !url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orcid_ids_are_checked_with_their_checksum() {
        assert!(is_orcid("0000-0002-1825-0097"), "ORCID's own example");
        assert!(is_orcid("0000-0002-1694-233X"), "a checksum of ten is X");
        assert!(!is_orcid("0000-0002-1825-0098"), "one digit off");
        assert!(!is_orcid("0000-0002-1825-009"));
        assert!(!is_orcid("0000000218250097"));
        assert!(!is_orcid("https://orcid.org/0000-0002-1825-0097"));
    }

    #[test]
    fn a_profile_says_what_is_wrong_with_it() {
        let mut profile = Profile { orcid: Some("0000-0002-1825-0098".into()), ..Profile::default() };
        profile.website = Some("javascript:alert(1)".into());
        profile.countries = vec!["Korea".into()];
        let fields: Vec<String> = profile.problems().into_iter().map(|(field, _)| field).collect();
        assert_eq!(fields, ["countries", "orcid", "website"]);
        profile.orcid = Some("0000-0002-1825-0097".into());
        profile.website = Some("https://example.org/~kim".into());
        profile.countries = vec!["KR".into(), "CA".into()];
        assert!(profile.problems().is_empty());
    }
}
