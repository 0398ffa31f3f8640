//! The posting form: its fields, read into an [`OpeningRecord`] with a problem per field (so the
//! poster fixes them in one go), and written back from a record to edit it. The same checks
//! as the import's run wherever the form is read.

use chrono::NaiveDate;

use crate::form_fields::{FieldProblems, PostedFields, language_fields, read_languages, read_list};
use crate::lang::{Lang, Texts};
use crate::record::{
    DURATION_MONTHS, Funding, InstitutionRecord, Location, MAX_QUESTION_CHARS, MAX_QUESTIONS, OpeningRecord, POSITIONS,
    Stipend, without_controls,
};
use crate::vocab::{CareerStage, Field, Kind, StipendPeriod};

/// The longest title and description the form takes (as the import does).
pub const MAX_TITLE_CHARS: usize = 300;
pub const MAX_DESCRIPTION_CHARS: usize = 20_000;
/// The values of the posting form's `apply_via` choice: on Passerelle, or through the
/// opening's own link or address.
pub const APPLY_ON_PASSERELLE: &str = "passerelle";
pub const APPLY_ELSEWHERE: &str = "elsewhere";

/// The form's field for the opening's question `row` (from 1).
pub fn question_field(row: usize) -> String {
    format!("question_{row}")
}

/// The form's field names for an opening's title and description in `lang`.
pub fn text_fields(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Fr => ("title_fr", "description_fr"),
        Lang::En => ("title_en", "description_en"),
        Lang::Ko => ("title_ko", "description_ko"),
    }
}

/// Reads the posting form into a record of `institution` with this `external_id`. Every
/// problem is reported, each against its field, so the poster fixes them in one go.
pub fn read_posting(
    fields: &[(String, String)],
    institution: InstitutionRecord,
    external_id: String,
    today: NaiveDate,
) -> Result<OpeningRecord, FieldProblems> {
    let form = PostedFields(fields);
    let mut problems: FieldProblems = Vec::new();
    let mut problem = |field: &str, id: &'static str| problems.push((field.to_string(), id));

    let kind = Kind::from_code(form.one("kind"));
    if kind.is_none() {
        problem("kind", "form-error-choose");
    }
    let career_stages: Vec<CareerStage> = form.all("career_stages").filter_map(CareerStage::from_code).collect();
    if career_stages.is_empty() {
        problem("career_stages", "posting-error-choose-some");
    }
    let research_fields: Vec<Field> = form.all("fields").filter_map(Field::from_code).collect();
    if research_fields.is_empty() {
        problem("fields", "posting-error-choose-some");
    }

    let original_language = Lang::from_code(form.one("original_language"));
    let mut title = Texts::new();
    let mut description = Texts::new();
    for lang in Lang::ALL {
        let (title_name, description_name) = text_fields(lang);
        // Control characters cannot be typed, only pasted or forged: they are dropped.
        let typed_title = without_controls(form.one(title_name), false);
        let typed_description = without_controls(form.one(description_name), true);
        let (typed_title, typed_description) = (typed_title.trim(), typed_description.as_str());
        if typed_title.chars().count() > MAX_TITLE_CHARS {
            problem(title_name, "form-error-too-long");
        }
        if typed_description.chars().count() > MAX_DESCRIPTION_CHARS {
            problem(description_name, "form-error-too-long");
        }
        match (typed_title.is_empty(), typed_description.is_empty()) {
            (false, false) => {
                title.insert(lang, typed_title.to_string());
                description.insert(lang, typed_description.to_string());
            }
            (true, false) => problem(title_name, "posting-error-text-pair"),
            (false, true) => problem(description_name, "posting-error-text-pair"),
            (true, true) if original_language == Some(lang) => {
                problem(title_name, "posting-error-original-missing");
            }
            (true, true) => {}
        }
    }
    if original_language.is_none() {
        problem("original_language", "form-error-choose");
    }

    let keywords = read_list(&form, "keywords");
    if keywords.iter().any(|k| k.chars().count() > 100) || keywords.len() > 30 {
        problem("keywords", "posting-error-keywords");
    }
    let languages_required = read_languages(&form, &mut problem);

    let country = form.one("country").to_uppercase();
    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
        problem("country", "posting-error-country");
    }
    let city = without_controls(form.one("city"), false);
    let city = city.trim();
    if city.is_empty() {
        problem("city", "form-error-required");
    }

    let mut date = |name: &str, required: bool| -> Option<NaiveDate> {
        let typed = form.one(name);
        if typed.is_empty() {
            if required {
                problem(name, "form-error-required");
            }
            return None;
        }
        let parsed = NaiveDate::parse_from_str(typed, "%Y-%m-%d").ok();
        if parsed.is_none() {
            problem(name, "posting-error-date");
        }
        parsed
    };
    let start_date = date("start_date", false);
    let deadline = date("deadline", true);
    if deadline.is_some_and(|deadline| deadline < today) {
        problem("deadline", "posting-error-deadline-past");
    }

    let duration_months = whole_number(&form, "duration_months", &DURATION_MONTHS, &mut problems);
    let positions = whole_number(&form, "positions", &POSITIONS, &mut problems);
    if form.one("positions").is_empty() {
        problems.push(("positions".to_string(), "form-error-required"));
    }
    let stipend = read_stipend(&form, &mut problems);

    let apply_url =
        Some(without_controls(form.one("apply_url"), false).trim().to_string()).filter(|url| !url.is_empty());
    if apply_url.as_deref().is_some_and(|url| !(url.starts_with("https://") || url.starts_with("http://"))) {
        problems.push(("apply_url".to_string(), "posting-error-url"));
    }
    let mut questions = Vec::new();
    for row in 1..=MAX_QUESTIONS {
        let name = question_field(row);
        let question = without_controls(form.one(&name), false).trim().to_string();
        if question.chars().count() > MAX_QUESTION_CHARS {
            problems.push((name, "form-error-too-long"));
        } else if !question.is_empty() {
            questions.push(question);
        }
    }
    let contact_email = Some(form.one("contact_email")).filter(|email| !email.is_empty()).map(String::from);
    if contact_email.as_deref().is_some_and(|email| crate::account::normalize_email(email).is_none()) {
        problems.push(("contact_email".to_string(), "form-error-email"));
    }

    let (Some(kind), Some(original_language), Some(deadline), Some(positions)) =
        (kind, original_language, deadline, positions)
    else {
        return Err(problems);
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let record = OpeningRecord {
        external_id,
        institution,
        kind,
        career_stages,
        fields: research_fields,
        title,
        description,
        original_language,
        keywords,
        languages_required,
        location: Location { country, city: city.to_string(), city_names: Texts::new() },
        start_date,
        duration_months,
        deadline,
        funding: Funding {
            stipend,
            travel_covered: form.ticked("travel_covered"),
            housing_covered: form.ticked("housing_covered"),
        },
        positions,
        apply_url,
        contact_email,
        apply_on_passerelle: form.one("apply_via") == APPLY_ON_PASSERELLE,
        questions,
    };
    // What the import would refuse is refused here too; the checks above name the field.
    record.validate().map_err(|_| vec![(String::new(), "posting-error-invalid")])?;
    Ok(record)
}

/// An optional whole number between `min` and `max`.
fn whole_number(
    form: &PostedFields<'_>,
    name: &str,
    range: &std::ops::RangeInclusive<u32>,
    problems: &mut FieldProblems,
) -> Option<u32> {
    let (min, max) = (*range.start(), *range.end());
    let typed = form.one(name);
    if typed.is_empty() {
        return None;
    }
    let number = typed.parse::<u32>().ok().filter(|n| (min..=max).contains(n));
    if number.is_none() {
        problems.push((name.to_string(), "posting-error-number"));
    }
    number
}

/// The stipend: an amount, a currency and a period together, or nothing.
fn read_stipend(form: &PostedFields<'_>, problems: &mut FieldProblems) -> Option<Stipend> {
    let amount_typed = form.one("stipend_amount").replace([' ', '\u{a0}', '\u{202f}', ','], "");
    if amount_typed.is_empty() {
        return None;
    }
    let amount = amount_typed.parse::<f64>().ok().filter(|a| a.is_finite() && *a > 0.0 && *a <= 1e12);
    if amount.is_none() {
        problems.push(("stipend_amount".to_string(), "posting-error-number"));
    }
    let currency = form.one("stipend_currency").to_uppercase();
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
        problems.push(("stipend_currency".to_string(), "posting-error-currency"));
    }
    let period = StipendPeriod::from_code(form.one("stipend_period"));
    if period.is_none() {
        problems.push(("stipend_period".to_string(), "form-error-choose"));
    }
    Some(Stipend { amount: amount?, currency, period: period? })
}

/// The form's fields for `record`, to edit it: what [`read_posting`] reads back into it.
pub fn posting_fields(record: &OpeningRecord) -> Vec<(String, String)> {
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut put = |name: &str, value: String| fields.push((name.to_string(), value));
    put("kind", record.kind.code().to_string());
    for stage in &record.career_stages {
        put("career_stages", stage.code().to_string());
    }
    for field in &record.fields {
        put("fields", field.code().to_string());
    }
    put("original_language", record.original_language.code().to_string());
    for (lang, title) in &record.title {
        put(text_fields(*lang).0, title.clone());
    }
    for (lang, description) in &record.description {
        put(text_fields(*lang).1, description.clone());
    }
    put("keywords", record.keywords.join(", "));
    language_fields(&record.languages_required, &mut put);
    put("country", record.location.country.clone());
    put("city", record.location.city.clone());
    if let Some(start) = record.start_date {
        put("start_date", start.to_string());
    }
    if let Some(months) = record.duration_months {
        put("duration_months", months.to_string());
    }
    put("deadline", record.deadline.to_string());
    if let Some(stipend) = &record.funding.stipend {
        put("stipend_amount", format_amount(stipend.amount));
        put("stipend_currency", stipend.currency.clone());
        put("stipend_period", stipend.period.code().to_string());
    }
    if record.funding.travel_covered {
        put("travel_covered", "1".to_string());
    }
    if record.funding.housing_covered {
        put("housing_covered", "1".to_string());
    }
    put("positions", record.positions.to_string());
    if let Some(url) = &record.apply_url {
        put("apply_url", url.clone());
    }
    if let Some(email) = &record.contact_email {
        put("contact_email", email.clone());
    }
    put("apply_via", if record.apply_on_passerelle { APPLY_ON_PASSERELLE } else { APPLY_ELSEWHERE }.to_string());
    for (row, question) in record.questions.iter().enumerate() {
        put(&question_field(row + 1), question.clone());
    }
    fields
}

/// `2500` rather than `2500.0`; cents when there are some.
fn format_amount(amount: f64) -> String {
    if amount.fract() == 0.0 { format!("{amount:.0}") } else { amount.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::testing::record;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2098, 1, 1).unwrap_or_default()
    }

    fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn a_record_survives_the_form_both_ways() {
        let original = record("kaist-1", "kaist", "Quantum sensing");
        let fields = posting_fields(&original);
        let read = read_posting(&fields, original.institution.clone(), "kaist-1".into(), today());
        assert_eq!(read, Ok(original.clone()));
        // Applications on Passerelle, with questions for applicants.
        let asking = OpeningRecord {
            apply_on_passerelle: true,
            questions: vec!["Which microscopes have you used?".into(), "When could you start?".into()],
            ..original
        };
        let fields = posting_fields(&asking);
        assert!(fields.contains(&("question_2".to_string(), "When could you start?".to_string())));
        let read = read_posting(&fields, asking.institution.clone(), "kaist-1".into(), today());
        assert_eq!(read, Ok(asking));
    }

    #[test]
    fn every_problem_is_named_against_its_field() {
        let fields = owned(&[
            ("title_ko", "양자 센싱 연구원"),
            ("description_en", "A stay in Daejeon."),
            ("original_language", "ko"),
            ("language_1", "Korean"),
            ("level_1", "B2"),
            ("country", "Korea"),
            ("deadline", "2001-01-01"),
            ("duration_months", "0"),
            ("stipend_amount", "2,500,000"),
            ("apply_url", "javascript:alert(1)"),
            ("contact_email", "kim@"),
        ]);
        let institution = record("x", "kaist", "x").institution;
        let problems = read_posting(&fields, institution, "x".into(), today()).expect_err("refused");
        let expect = [
            ("kind", "form-error-choose"),
            ("career_stages", "posting-error-choose-some"),
            ("fields", "posting-error-choose-some"),
            ("title_en", "posting-error-text-pair"),
            ("description_ko", "posting-error-text-pair"),
            ("language_1", "posting-error-language-code"),
            ("country", "posting-error-country"),
            ("city", "form-error-required"),
            ("deadline", "posting-error-deadline-past"),
            ("duration_months", "posting-error-number"),
            ("positions", "form-error-required"),
            ("stipend_currency", "posting-error-currency"),
            ("stipend_period", "form-error-choose"),
            ("apply_url", "posting-error-url"),
            ("contact_email", "form-error-email"),
        ];
        for (field, id) in expect {
            assert!(problems.contains(&(field.to_string(), id)), "{field}: {id} not in {problems:?}");
        }
        assert_eq!(problems.len(), expect.len(), "{problems:?}");
    }

    #[test]
    fn the_original_language_needs_its_text() {
        let mut fields = posting_fields(&record("x", "kaist", "Title"));
        fields.retain(|(name, _)| name != "original_language");
        fields.push(("original_language".into(), "fr".into()));
        let institution = record("x", "kaist", "x").institution;
        let problems = read_posting(&fields, institution, "x".into(), today()).expect_err("refused");
        assert_eq!(problems, vec![("title_fr".to_string(), "posting-error-original-missing")]);
    }
}
