//! How well an opening suits a researcher beyond its topic: career stage, languages, kind,
//! country, start date, field and funding. One function ([`assess`]) serves every direction
//! (openings for a researcher, candidates for an opening, the partners' API): it gives a factor
//! that multiplies the topic's score, and the findings behind it, which are shown as reasons.
//! A hard mismatch lowers the factor *and* is stated; it is never hidden in a score.
//! `docs/RECOMMENDATIONS.md` explains the weights.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::profile::Profile;
use crate::record::{LanguageRequirement, OpeningRecord};
use crate::vocab::{CareerStage, Cefr, Field, Kind};

/// An opening only for other career stages than the researcher's.
pub const STAGE_MISMATCH: f32 = 0.35;
/// A required language the researcher has one CEFR level below what is asked.
pub const LANGUAGE_ONE_LEVEL_SHORT: f32 = 0.7;
/// A required language the researcher has two levels or more below, or not at all.
pub const LANGUAGE_FAR_SHORT: f32 = 0.4;
/// An opening of a kind the researcher did not say they look for.
pub const KIND_NOT_SOUGHT: f32 = 0.6;
/// An opening in a country the researcher did not list.
pub const COUNTRY_NOT_SOUGHT: f32 = 0.7;
/// An opening that starts before the researcher is available.
pub const STARTS_TOO_EARLY: f32 = 0.6;
/// An opening in one of the researcher's OECD fields.
pub const FIELD_SHARED: f32 = 1.25;
/// An opening with a stipend.
pub const FUNDED: f32 = 1.05;

/// Required languages an opening is judged on (the index keeps this many; see `search`).
pub const MAX_JUDGED_LANGUAGES: usize = 3;

/// What [`assess`] needs of an opening: what the search index keeps of it, so that ranking
/// never reads the database.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OpeningFacts {
    pub kind: Option<Kind>,
    pub stages: Vec<CareerStage>,
    pub fields: Vec<Field>,
    pub country: String,
    pub funded: bool,
    pub start_date: Option<NaiveDate>,
    /// At most [`MAX_JUDGED_LANGUAGES`].
    pub languages: Vec<LanguageRequirement>,
}

impl OpeningFacts {
    pub fn of(record: &OpeningRecord) -> OpeningFacts {
        OpeningFacts {
            kind: Some(record.kind),
            stages: record.career_stages.clone(),
            fields: record.fields.clone(),
            country: record.location.country.clone(),
            funded: record.funding.stipend.is_some(),
            start_date: record.start_date,
            languages: record.languages_required.iter().take(MAX_JUDGED_LANGUAGES).cloned().collect(),
        }
    }
}

/// One thing found when setting a profile beside an opening. `Short*`, `*NotSought` and
/// `StageMismatch`, `StartsTooEarly` are shortfalls.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Finding {
    StageMatch { stage: CareerStage },
    StageMismatch { yours: CareerStage, wanted: Vec<CareerStage> },
    LanguageMet { lang: String, required: Cefr, yours: Cefr },
    LanguageShort { lang: String, required: Cefr, yours: Option<Cefr> },
    KindSought { kind: Kind },
    KindNotSought { kind: Kind },
    CountrySought { country: String },
    CountryNotSought { country: String },
    StartsWhenAvailable { start: NaiveDate },
    StartsTooEarly { start: NaiveDate, available: NaiveDate },
    FieldShared { field: Field },
    Funded,
}

impl Finding {
    pub fn is_shortfall(&self) -> bool {
        matches!(
            self,
            Finding::StageMismatch { .. }
                | Finding::LanguageShort { .. }
                | Finding::KindNotSought { .. }
                | Finding::CountryNotSought { .. }
                | Finding::StartsTooEarly { .. }
        )
    }

    /// The reason's code in the API (`stage_mismatch`, `language_short`…) and the Fluent
    /// message that says it (see `catalog::recommendations`).
    pub fn names(&self) -> (&'static str, &'static str) {
        match self {
            Finding::StageMatch { .. } => ("stage_match", "reason-stage-match"),
            Finding::StageMismatch { .. } => ("stage_mismatch", "reason-stage-mismatch"),
            Finding::LanguageMet { .. } => ("language_met", "reason-language-met"),
            Finding::LanguageShort { .. } => ("language_short", "reason-language-short"),
            Finding::KindSought { .. } => ("kind_sought", "reason-kind-sought"),
            Finding::KindNotSought { .. } => ("kind_not_sought", "reason-kind-not-sought"),
            Finding::CountrySought { .. } => ("country_sought", "reason-country-sought"),
            Finding::CountryNotSought { .. } => ("country_not_sought", "reason-country-not-sought"),
            Finding::StartsWhenAvailable { .. } => ("starts_when_available", "reason-starts-when-available"),
            Finding::StartsTooEarly { .. } => ("starts_too_early", "reason-starts-too-early"),
            Finding::FieldShared { .. } => ("field_shared", "reason-field-shared"),
            Finding::Funded => ("funded", "reason-funded"),
        }
    }
}

/// The factor by which an opening's topic score is multiplied for this profile, and what was
/// found, shortfalls first. Only what the profile says counts: a profile without a career
/// stage is not judged on stages, one without countries on countries.
pub fn assess(profile: &Profile, opening: &OpeningFacts) -> (f32, Vec<Finding>) {
    let mut factor = 1.0;
    let mut findings = Vec::new();
    if let Some(stage) = profile.career_stage
        && !opening.stages.is_empty()
    {
        if opening.stages.contains(&stage) {
            findings.push(Finding::StageMatch { stage });
        } else {
            factor *= STAGE_MISMATCH;
            findings.push(Finding::StageMismatch { yours: stage, wanted: opening.stages.clone() });
        }
    }
    // A profile that lists no language is not judged on languages (as for stages, kinds…).
    let judged_languages = if profile.languages.is_empty() { &[][..] } else { &opening.languages[..] };
    for requirement in judged_languages {
        let yours = profile.languages.iter().filter(|l| l.lang == requirement.lang).map(|l| l.level).max();
        match yours {
            Some(level) if level >= requirement.level => findings.push(Finding::LanguageMet {
                lang: requirement.lang.clone(),
                required: requirement.level,
                yours: level,
            }),
            _ => {
                factor *= match yours {
                    Some(level) if cefr_rank(requirement.level) - cefr_rank(level) == 1 => LANGUAGE_ONE_LEVEL_SHORT,
                    _ => LANGUAGE_FAR_SHORT,
                };
                findings.push(Finding::LanguageShort {
                    lang: requirement.lang.clone(),
                    required: requirement.level,
                    yours,
                });
            }
        }
    }
    if let Some(kind) = opening.kind
        && !profile.kinds.is_empty()
    {
        if profile.kinds.contains(&kind) {
            findings.push(Finding::KindSought { kind });
        } else {
            factor *= KIND_NOT_SOUGHT;
            findings.push(Finding::KindNotSought { kind });
        }
    }
    if !profile.countries.is_empty() && !opening.country.is_empty() {
        let country = opening.country.clone();
        if profile.countries.contains(&country) {
            findings.push(Finding::CountrySought { country });
        } else {
            factor *= COUNTRY_NOT_SOUGHT;
            findings.push(Finding::CountryNotSought { country });
        }
    }
    if let (Some(available), Some(start)) = (profile.available_from, opening.start_date) {
        if start < available {
            factor *= STARTS_TOO_EARLY;
            findings.push(Finding::StartsTooEarly { start, available });
        } else {
            findings.push(Finding::StartsWhenAvailable { start });
        }
    }
    if let Some(field) = opening.fields.iter().find(|field| profile.fields.contains(field)) {
        factor *= FIELD_SHARED;
        findings.push(Finding::FieldShared { field: *field });
    }
    if opening.funded {
        factor *= FUNDED;
        findings.push(Finding::Funded);
    }
    findings.sort_by_key(|finding| !finding.is_shortfall());
    (factor, findings)
}

fn cefr_rank(level: Cefr) -> i32 {
    Cefr::ALL.iter().position(|l| *l == level).map_or(0, |p| p as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opening() -> OpeningFacts {
        OpeningFacts {
            kind: Some(Kind::Internship),
            stages: vec![CareerStage::R1],
            fields: vec![Field::BiologicalSciences],
            country: "CA".into(),
            funded: true,
            start_date: NaiveDate::from_ymd_opt(2027, 5, 1),
            languages: vec![LanguageRequirement { lang: "fr".into(), level: Cefr::C1 }],
        }
    }

    fn profile() -> Profile {
        Profile {
            career_stage: Some(CareerStage::R1),
            fields: vec![Field::BiologicalSciences],
            languages: vec![LanguageRequirement { lang: "fr".into(), level: Cefr::C1 }],
            kinds: vec![Kind::Internship],
            countries: vec!["CA".into()],
            available_from: NaiveDate::from_ymd_opt(2027, 4, 1),
            ..Profile::default()
        }
    }

    #[test]
    fn a_stage_mismatch_ranks_below_a_match_and_is_stated() {
        let (matching, _) = assess(&profile(), &opening());
        let senior = Profile { career_stage: Some(CareerStage::R3), ..profile() };
        let (mismatching, findings) = assess(&senior, &opening());
        assert!(mismatching < matching);
        assert_eq!(
            findings[0],
            Finding::StageMismatch { yours: CareerStage::R3, wanted: vec![CareerStage::R1] },
            "shortfalls come first"
        );
    }

    #[test]
    fn a_required_c1_the_researcher_lacks_is_a_stated_shortfall() {
        let b2 = Profile { languages: vec![LanguageRequirement { lang: "fr".into(), level: Cefr::B2 }], ..profile() };
        let (factor, findings) = assess(&b2, &opening());
        let short = Finding::LanguageShort { lang: "fr".into(), required: Cefr::C1, yours: Some(Cefr::B2) };
        assert!(findings.contains(&short) && short.is_shortfall());
        let none = Profile { languages: vec![LanguageRequirement { lang: "en".into(), level: Cefr::C2 }], ..profile() };
        let (no_french, _) = assess(&none, &opening());
        assert!(no_french < factor, "no French at all is further from C1 than B2");
        let (full, _) = assess(&profile(), &opening());
        assert!(factor < full);
    }

    #[test]
    fn only_what_the_profile_says_is_judged() {
        let (factor, findings) = assess(&Profile::default(), &OpeningFacts { funded: false, ..opening() });
        assert_eq!((factor, findings.len()), (1.0, 0), "{findings:?}");
        // One language listed: the others required are judged against it.
        let korean = Profile {
            languages: vec![LanguageRequirement { lang: "ko".into(), level: Cefr::C2 }],
            ..Profile::default()
        };
        let (factor, findings) = assess(&korean, &OpeningFacts { funded: false, ..opening() });
        assert_eq!(factor, LANGUAGE_FAR_SHORT);
        assert_eq!(findings, [Finding::LanguageShort { lang: "fr".into(), required: Cefr::C1, yours: None }]);
    }

    #[test]
    fn an_opening_starting_before_the_researcher_is_free_says_so() {
        let late = Profile { available_from: NaiveDate::from_ymd_opt(2027, 9, 1), ..profile() };
        let (factor, findings) = assess(&late, &opening());
        assert!(findings.iter().any(|f| matches!(f, Finding::StartsTooEarly { .. })));
        assert!(factor < assess(&profile(), &opening()).0);
    }
}
