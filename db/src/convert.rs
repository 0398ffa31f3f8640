//! Between the import record and the rows that store it.

use model::record::{Funding, InstitutionRecord, LanguageRequirement, Location, OpeningRecord, Stipend};
use model::vocab::{Kind, StipendPeriod};
use model::{Lang, Texts};
use sea_orm::entity::prelude::Json;
use serde::de::DeserializeOwned;

use crate::DbError;
use crate::entity::{institution, opening};

/// A row id from an id as pages and URLs carry it; an id beyond `i32` matches no row.
pub(crate) fn row_id(id: i64) -> i32 {
    i32::try_from(id).unwrap_or(-1)
}

/// A stored time as pages show it: RFC 3339 in UTC, to the second.
pub(crate) fn rfc3339(time: crate::accounts::Time) -> String {
    time.to_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> Json {
    serde_json::to_value(value).unwrap_or(Json::Null)
}

fn from_json<T: DeserializeOwned>(id: i64, column: &str, value: &Json) -> Result<T, DbError> {
    // Read from the value in place (`&Value` is a deserializer): no copy of the whole tree.
    T::deserialize(value).map_err(|e| corrupt_json(id, column, e))
}

/// A JSON column of a row, read as text, decoded into its type.
pub(crate) fn from_json_text<T: DeserializeOwned>(id: i64, column: &str, text: &str) -> Result<T, DbError> {
    serde_json::from_str(text).map_err(|e| corrupt_json(id, column, e))
}

fn corrupt_json(id: i64, column: &str, error: serde_json::Error) -> DbError {
    DbError::Corrupt { id, reason: format!("{column}: {error}") }
}

/// The row of a new institution: `record` under `slug`, unverified.
pub(crate) fn new_institution(
    record: &InstitutionRecord,
    slug: &str,
    now: crate::accounts::Time,
) -> institution::ActiveModel {
    use sea_orm::ActiveValue::Set;
    institution::ActiveModel {
        slug: Set(slug.to_string()),
        domain: Set(record.domain.clone()),
        name: Set(to_json(&record.name)),
        country: Set(record.country.clone()),
        city: Set(record.city.clone()),
        created_at: Set(now),
        ..Default::default()
    }
}

pub(crate) fn institution_record(row: &institution::Model) -> Result<InstitutionRecord, DbError> {
    Ok(InstitutionRecord {
        slug: row.slug.clone(),
        name: from_json::<Texts>(i64::from(row.id), "institution.name", &row.name)?,
        country: row.country.clone(),
        city: row.city.clone(),
        domain: row.domain.clone(),
    })
}

pub(crate) fn opening_record(row: &opening::Model, institution: InstitutionRecord) -> Result<OpeningRecord, DbError> {
    let id = i64::from(row.id);
    let corrupt = |reason: &str| DbError::Corrupt { id, reason: reason.to_string() };
    let stipend = match (row.stipend_amount, &row.stipend_currency, &row.stipend_period) {
        (Some(amount), Some(currency), Some(period)) => Some(Stipend {
            amount,
            currency: currency.clone(),
            period: StipendPeriod::from_code(period).ok_or_else(|| corrupt("stipend_period"))?,
        }),
        _ => None,
    };
    Ok(OpeningRecord {
        external_id: row.external_id.clone(),
        institution,
        kind: Kind::from_code(&row.kind).ok_or_else(|| corrupt("kind"))?,
        career_stages: from_json(id, "career_stages", &row.career_stages)?,
        fields: from_json(id, "fields", &row.fields)?,
        title: from_json(id, "title", &row.title)?,
        description: from_json(id, "description", &row.description)?,
        original_language: Lang::from_code(&row.original_language).ok_or_else(|| corrupt("original_language"))?,
        keywords: from_json(id, "keywords", &row.keywords)?,
        languages_required: from_json::<Vec<LanguageRequirement>>(id, "languages_required", &row.languages_required)?,
        location: Location {
            country: row.country.clone(),
            city: row.city.clone(),
            city_names: match &row.city_names {
                Some(names) => from_json(id, "city_names", names)?,
                None => Texts::new(),
            },
        },
        start_date: row.start_date,
        duration_months: row.duration_months.and_then(|m| u32::try_from(m).ok()),
        deadline: row.deadline,
        funding: Funding { stipend, travel_covered: row.travel_covered, housing_covered: row.housing_covered },
        positions: u32::try_from(row.positions).map_err(|_| corrupt("positions"))?,
        apply_url: row.apply_url.clone(),
        contact_email: row.contact_email.clone(),
        apply_on_passerelle: row.applies_here,
        questions: match &row.questions {
            Some(questions) => from_json(id, "questions", questions)?,
            None => Vec::new(),
        },
    })
}
