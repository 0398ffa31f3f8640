//! The profile form: read into a [`Profile`], and written back from one to edit it. Field names
//! follow the posting form where they mean the same (`fields`, `keywords`, `language_N` with
//! `level_N`).

use chrono::NaiveDate;

use crate::Lang;
use crate::form_fields::{FieldProblems, PostedFields, language_fields, read_languages, read_list};
use crate::profile::{Profile, Visibility};
use crate::record::without_controls;
use crate::vocab::{CareerStage, Field, Kind};

/// The form's field for research interests written in `lang`.
pub fn interests_field(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "interests_fr",
        Lang::En => "interests_en",
        Lang::Ko => "interests_ko",
    }
}

/// Reads the profile form; every problem is reported against its field.
pub fn read_profile(fields: &[(String, String)]) -> Result<Profile, FieldProblems> {
    let form = PostedFields(fields);
    let mut problems: FieldProblems = Vec::new();
    let mut problem = |field: &str, id: &'static str| problems.push((field.to_string(), id));
    let career_stage = match form.one("career_stage") {
        "" => None,
        code => CareerStage::from_code(code).or_else(|| {
            problem("career_stage", "form-error-choose");
            None
        }),
    };
    let visibility = Visibility::from_code(form.one("visibility")).unwrap_or_else(|| {
        problem("visibility", "form-error-choose");
        Visibility::default()
    });
    let available_from = match form.one("available_from") {
        "" => None,
        typed => NaiveDate::parse_from_str(typed, "%Y-%m-%d").ok().or_else(|| {
            problem("available_from", "posting-error-date");
            None
        }),
    };
    let languages = read_languages(&form, &mut problem);
    let mut interests = crate::Texts::new();
    for lang in Lang::ALL {
        let text = without_controls(form.one(interests_field(lang)), true);
        if !text.trim().is_empty() {
            interests.insert(lang, text.trim().to_string());
        }
    }
    let optional = |name: &str| Some(without_controls(form.one(name), false)).filter(|value| !value.is_empty());
    let profile = Profile {
        career_stage,
        fields: form.all("fields").filter_map(Field::from_code).collect(),
        keywords: read_list(&form, "keywords"),
        interests,
        languages,
        available_from,
        kinds: form.all("kinds").filter_map(Kind::from_code).collect(),
        countries: read_list(&form, "countries").into_iter().map(|code| code.to_uppercase()).collect(),
        orcid: optional("orcid").map(|id| id.trim_start_matches("https://orcid.org/").to_uppercase()),
        website: optional("website"),
        visibility,
    };
    problems.extend(profile.problems());
    if problems.is_empty() { Ok(profile) } else { Err(problems) }
}

/// The form's fields for `profile`: what [`read_profile`] reads back into it.
pub fn profile_fields(profile: &Profile) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut put = |name: &str, value: String| fields.push((name.to_string(), value));
    if let Some(stage) = profile.career_stage {
        put("career_stage", stage.code().to_string());
    }
    for field in &profile.fields {
        put("fields", field.code().to_string());
    }
    put("keywords", profile.keywords.join(", "));
    for (lang, text) in &profile.interests {
        put(interests_field(*lang), text.clone());
    }
    language_fields(&profile.languages, &mut put);
    if let Some(date) = profile.available_from {
        put("available_from", date.to_string());
    }
    for kind in &profile.kinds {
        put("kinds", kind.code().to_string());
    }
    put("countries", profile.countries.join(", "));
    if let Some(orcid) = &profile.orcid {
        put("orcid", orcid.clone());
    }
    if let Some(website) = &profile.website {
        put("website", website.clone());
    }
    put("visibility", profile.visibility.code().to_string());
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn a_profile_reads_back_what_it_writes() {
        let typed = pairs(&[
            ("career_stage", "R1"),
            ("fields", "1.6"),
            ("fields", "2.8"),
            ("keywords", "marine microbiology, 해양 미생물"),
            ("interests_ko", "해양 미생물 군집과 기후"),
            ("language_1", "ko"),
            ("level_1", "C2"),
            ("language_2", "fr"),
            ("level_2", "B1"),
            ("available_from", "2027-03-01"),
            ("kinds", "internship"),
            ("countries", "ca, FR"),
            ("orcid", "https://orcid.org/0000-0002-1694-233x"),
            ("website", "https://example.org/~minji"),
            ("visibility", "verified"),
        ]);
        let profile = read_profile(&typed).expect("a valid profile");
        assert_eq!(profile.countries, ["CA", "FR"]);
        assert_eq!(profile.orcid.as_deref(), Some("0000-0002-1694-233X"));
        assert_eq!(profile.languages.len(), 2);
        assert_eq!(read_profile(&profile_fields(&profile)), Ok(profile));
    }

    #[test]
    fn each_problem_is_named_against_its_field() {
        let typed = pairs(&[
            ("career_stage", "R9"),
            ("available_from", "next spring"),
            ("language_1", "korean"),
            ("level_1", "B2"),
            ("orcid", "0000-0002-1694-2330"),
            ("visibility", "verified"),
        ]);
        let fields: Vec<String> = read_profile(&typed).expect_err("refused").into_iter().map(|(f, _)| f).collect();
        assert_eq!(fields, ["career_stage", "available_from", "language_1", "orcid"]);
    }
}
