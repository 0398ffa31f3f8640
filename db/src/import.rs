//! `passerelle import openings`: upsert records keyed by institution domain + `external_id`,
//! all in one transaction, so that a failing record leaves the database as it was.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use chrono::Utc;
use model::record::{InstitutionRecord, OpeningRecord};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter, QuerySelect};

use crate::convert::{institution_record, new_institution, opening_record, to_json};
use crate::entity::{institution, opening};
use crate::{Db, DbError, Status};

type Timestamp = sea_orm::prelude::DateTimeWithTimeZone;

/// What an import did. `changed_ids` are the openings whose searchable content changed;
/// `last_change` is the change-log position that records them (0 when nothing changed).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub changed_ids: Vec<i64>,
    pub last_change: i64,
}

impl ImportSummary {
    /// Adds up the summaries of an import done in several transactions.
    pub fn add(&mut self, other: ImportSummary) {
        self.inserted += other.inserted;
        self.updated += other.updated;
        self.unchanged += other.unchanged;
        self.changed_ids.extend(other.changed_ids);
        self.last_change = self.last_change.max(other.last_change);
    }
}

impl Db {
    /// Checks, without writing, that no record clashes with stored data or with another
    /// record (an institution slug that belongs to another domain): [`DbError::Conflict`]
    /// names the first such record's index in `records`.
    pub async fn check_import(&self, records: &[OpeningRecord]) -> Result<(), DbError> {
        let mut domains_of_slugs: HashMap<&str, &str> = HashMap::new();
        for (index, record) in records.iter().enumerate() {
            let institution = &record.institution;
            match domains_of_slugs.entry(institution.slug.as_str()) {
                Entry::Occupied(known) if *known.get() != institution.domain => {
                    return Err(slug_taken(index, institution, known.get()));
                }
                Entry::Occupied(_) => {}
                Entry::Vacant(slot) => {
                    slot.insert(institution.domain.as_str());
                    check_slug(self, institution, index).await?;
                }
            }
        }
        Ok(())
    }

    /// Upserts `records` atomically, with the change-log rows of what changed. A record that
    /// clashes with stored data fails the whole import with [`DbError::Conflict`] naming its
    /// index in `records`.
    pub async fn import(&self, records: &[OpeningRecord]) -> Result<ImportSummary, DbError> {
        let txn = self.begin().await?;
        let now = Utc::now().fixed_offset();
        let mut summary = ImportSummary::default();
        let mut institution_ids: HashMap<String, i32> = HashMap::new();
        // Per institution: its openings' ids by external id, read once.
        let mut stored: HashMap<i32, HashMap<String, i32>> = HashMap::new();
        let mut new_rows = NewRows::default();

        for (index, record) in records.iter().enumerate() {
            let institution_id = match institution_ids.get(&record.institution.domain) {
                Some(id) => *id,
                None => {
                    let id = upsert_institution(&txn, &record.institution, index, now, &mut summary).await?;
                    institution_ids.insert(record.institution.domain.clone(), id);
                    id
                }
            };
            if let Entry::Vacant(slot) = stored.entry(institution_id) {
                slot.insert(stored_ids(&txn, institution_id).await?);
            }
            let key = (institution_id, record.external_id.clone());
            if new_rows.keys.contains(&key) {
                // The same opening twice in one import: the later one updates the earlier.
                new_rows.flush(&txn, &mut stored, &mut summary).await?;
            }
            let existing_id = stored.get(&institution_id).and_then(|ids| ids.get(&record.external_id)).copied();
            match existing_id {
                Some(id) => {
                    let row = opening::Entity::find_by_id(id).one(&txn.conn()).await?;
                    let Some(row) = row else { continue };
                    if opening_record(&row, record.institution.clone())? == *record {
                        summary.unchanged += 1;
                    } else {
                        let mut active = opening_fields(record, institution_id, now);
                        active.id = Set(row.id);
                        active.created_at = Set(row.created_at);
                        active.update(&txn.conn()).await?;
                        summary.updated += 1;
                        summary.changed_ids.push(i64::from(row.id));
                    }
                }
                None => {
                    let mut active = opening_fields(record, institution_id, now);
                    active.created_at = Set(now);
                    new_rows.keys.insert(key);
                    new_rows.rows.push(active);
                    if new_rows.rows.len() >= INSERT_BATCH {
                        new_rows.flush(&txn, &mut stored, &mut summary).await?;
                    }
                }
            }
        }
        new_rows.flush(&txn, &mut stored, &mut summary).await?;
        summary.changed_ids.sort_unstable();
        summary.changed_ids.dedup();
        summary.last_change = txn.log_changes(&summary.changed_ids, now).await?;
        txn.commit().await?;
        Ok(summary)
    }
}

/// New openings are inserted this many to a statement (27 columns each stays well under
/// SQLite's limit on bound parameters); one row at a time, an import is several times slower.
const INSERT_BATCH: usize = 500;

/// New openings waiting to be inserted together.
#[derive(Default)]
struct NewRows {
    rows: Vec<opening::ActiveModel>,
    keys: std::collections::HashSet<(i32, String)>,
}

impl NewRows {
    async fn flush(
        &mut self,
        txn: &Db,
        stored: &mut HashMap<i32, HashMap<String, i32>>,
        summary: &mut ImportSummary,
    ) -> Result<(), DbError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let inserted =
            opening::Entity::insert_many(std::mem::take(&mut self.rows)).exec_with_returning(&txn.conn()).await?;
        for row in inserted {
            stored.entry(row.institution_id).or_default().insert(row.external_id.clone(), row.id);
            summary.inserted += 1;
            summary.changed_ids.push(i64::from(row.id));
        }
        self.keys.clear();
        Ok(())
    }
}

/// Ids of an institution's stored openings, by external id.
async fn stored_ids(txn: &Db, institution_id: i32) -> Result<HashMap<String, i32>, DbError> {
    let pairs: Vec<(i32, String)> = opening::Entity::find()
        .select_only()
        .column(opening::Column::Id)
        .column(opening::Column::ExternalId)
        .filter(opening::Column::InstitutionId.eq(institution_id))
        .into_tuple()
        .all(&txn.conn())
        .await?;
    Ok(pairs.into_iter().map(|(id, external_id)| (external_id, id)).collect())
}

/// The refusal of record `index`, whose institution's slug belongs to `owner` (another domain).
fn slug_taken(index: usize, record: &InstitutionRecord, owner: &str) -> DbError {
    DbError::Conflict { index, reason: format!("institution slug '{}' already belongs to {owner}", record.slug) }
}

/// [`DbError::Conflict`] when the institution's slug is stored for another domain.
async fn check_slug(db: &Db, record: &InstitutionRecord, index: usize) -> Result<(), DbError> {
    let owner =
        institution::Entity::find().filter(institution::Column::Slug.eq(record.slug.as_str())).one(&db.conn()).await?;
    match owner {
        Some(owner) if owner.domain != record.domain => Err(slug_taken(index, record, &owner.domain)),
        _ => Ok(()),
    }
}

async fn upsert_institution(
    txn: &Db,
    record: &InstitutionRecord,
    index: usize,
    now: Timestamp,
    summary: &mut ImportSummary,
) -> Result<i32, DbError> {
    check_slug(txn, record, index).await?;
    let existing = institution::Entity::find()
        .filter(institution::Column::Domain.eq(record.domain.as_str()))
        .one(&txn.conn())
        .await?;
    let Some(row) = existing else {
        let row = new_institution(record, &record.slug, now).insert(&txn.conn()).await?;
        return Ok(row.id);
    };
    if institution_record(&row)? != *record {
        let id = row.id;
        let mut active: institution::ActiveModel = row.into();
        active.slug = Set(record.slug.clone());
        active.name = Set(to_json(&record.name));
        active.country = Set(record.country.clone());
        active.city = Set(record.city.clone());
        active.update(&txn.conn()).await?;
        let opening_ids: Vec<i32> = opening::Entity::find()
            .select_only()
            .column(opening::Column::Id)
            .filter(opening::Column::InstitutionId.eq(id))
            .into_tuple()
            .all(&txn.conn())
            .await?;
        summary.changed_ids.extend(opening_ids.into_iter().map(i64::from));
        return Ok(id);
    }
    Ok(row.id)
}

/// The columns an import sets; `id` and `created_at` are the caller's.
pub(crate) fn opening_fields(record: &OpeningRecord, institution_id: i32, now: Timestamp) -> opening::ActiveModel {
    let stipend = record.funding.stipend.as_ref();
    opening::ActiveModel {
        institution_id: Set(institution_id),
        external_id: Set(record.external_id.clone()),
        kind: Set(record.kind.code().to_string()),
        career_stages: Set(to_json(&record.career_stages)),
        fields: Set(to_json(&record.fields)),
        title: Set(to_json(&record.title)),
        description: Set(to_json(&record.description)),
        original_language: Set(record.original_language.code().to_string()),
        keywords: Set(to_json(&record.keywords)),
        languages_required: Set(to_json(&record.languages_required)),
        country: Set(record.location.country.clone()),
        city: Set(record.location.city.clone()),
        city_names: Set((!record.location.city_names.is_empty()).then(|| to_json(&record.location.city_names))),
        start_date: Set(record.start_date),
        duration_months: Set(record.duration_months.and_then(|m| i32::try_from(m).ok())),
        deadline: Set(record.deadline),
        stipend_amount: Set(stipend.map(|s| s.amount)),
        stipend_currency: Set(stipend.map(|s| s.currency.clone())),
        stipend_period: Set(stipend.map(|s| s.period.code().to_string())),
        travel_covered: Set(record.funding.travel_covered),
        housing_covered: Set(record.funding.housing_covered),
        positions: Set(i32::try_from(record.positions).unwrap_or(i32::MAX)),
        apply_url: Set(record.apply_url.clone()),
        contact_email: Set(record.contact_email.clone()),
        applies_here: Set(record.apply_on_passerelle),
        questions: Set((!record.questions.is_empty()).then(|| to_json(&record.questions))),
        status: Set(Status::Published.code().to_string()),
        updated_at: Set(now),
        ..Default::default()
    }
}
