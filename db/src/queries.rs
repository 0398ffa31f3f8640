//! Read queries over published openings.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use model::record::{InstitutionRecord, OpeningRecord};
use sea_orm::{
    ColumnTrait, EntityTrait, JoinType, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, RelationTrait,
};

use crate::convert::{institution_record, opening_record};
use crate::entity::{institution, opening};
use crate::{Db, DbError, Status};

/// An opening as stored: its id, the record and when it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredOpening {
    pub id: i64,
    pub record: OpeningRecord,
    pub created_at: DateTime<FixedOffset>,
    pub updated_at: DateTime<FixedOffset>,
    /// When it was first published.
    pub published_at: DateTime<FixedOffset>,
}

fn stored(row: opening::Model, institution: Option<institution::Model>) -> Result<StoredOpening, DbError> {
    let id = i64::from(row.id);
    let institution = institution.ok_or_else(|| DbError::Corrupt { id, reason: "institution missing".to_string() })?;
    Ok(StoredOpening {
        id,
        record: opening_record(&row, institution_record(&institution)?)?,
        created_at: row.created_at,
        updated_at: row.updated_at,
        published_at: row.published_at.unwrap_or(row.created_at),
    })
}

/// A page of the catalogue in id order; see [`Db::published_after`].
#[derive(Debug)]
pub struct CataloguePage {
    pub openings: Vec<StoredOpening>,
    /// Where the next page starts (after this id).
    pub last_id: i64,
}

/// Ids bound in one `IN (…)` list; SQLite's limit is 32,766.
const MAX_IDS_PER_QUERY: usize = 500;

/// What `fetch` finds for `ids`, asked in lists SQLite accepts, in the order of `ids` (ids it
/// does not find are skipped); `fetch` answers a list of row keys with (id, found) pairs.
pub(crate) async fn in_order_of<T, Found>(ids: &[i64], fetch: impl Fn(Vec<i32>) -> Found) -> Result<Vec<T>, DbError>
where
    Found: Future<Output = Result<Vec<(i64, T)>, DbError>>,
{
    let keys: Vec<i32> = ids.iter().filter_map(|id| i32::try_from(*id).ok()).collect();
    let mut by_id: HashMap<i64, T> = HashMap::with_capacity(keys.len());
    for chunk in keys.chunks(MAX_IDS_PER_QUERY) {
        by_id.extend(fetch(chunk.to_vec()).await?);
    }
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

fn is_published(row: &opening::Model) -> bool {
    row.status == Status::Published.code()
}

fn published() -> sea_orm::Select<opening::Entity> {
    opening::Entity::find().filter(opening::Column::Status.eq(Status::Published.code()))
}

/// Openings by id, each with its institution.
pub(crate) type OpeningsById = HashMap<i32, (opening::Model, Option<institution::Model>)>;

impl Db {
    /// The openings with these ids (whatever their status), each with its institution.
    pub(crate) async fn openings_with_institutions(
        &self,
        ids: impl IntoIterator<Item = i32>,
    ) -> Result<OpeningsById, DbError> {
        Ok(opening::Entity::find()
            .filter(opening::Column::Id.is_in(ids.into_iter().collect::<Vec<_>>()))
            .find_also_related(institution::Entity)
            .all(&self.conn())
            .await?
            .into_iter()
            .map(|(row, institution)| (row.id, (row, institution)))
            .collect())
    }

    /// A published opening, or `None`.
    pub async fn opening(&self, id: i64) -> Result<Option<StoredOpening>, DbError> {
        let Ok(id) = i32::try_from(id) else { return Ok(None) };
        // By key only: with a status condition too, SQLite may walk the status index instead.
        let found = opening::Entity::find()
            .filter(opening::Column::Id.eq(id))
            .find_also_related(institution::Entity)
            .one(&self.conn())
            .await?;
        found.filter(|(row, _)| is_published(row)).map(|(row, inst)| stored(row, inst)).transpose()
    }

    /// Published openings with these ids, in the order of `ids`; unknown ids are skipped.
    pub async fn openings_by_ids(&self, ids: &[i64]) -> Result<Vec<StoredOpening>, DbError> {
        in_order_of(ids, |keys| async move {
            // By key only, as in `opening`; the status is checked on the rows.
            let rows = opening::Entity::find()
                .filter(opening::Column::Id.is_in(keys))
                .find_also_related(institution::Entity)
                .all(&self.conn())
                .await?;
            rows.into_iter()
                .filter(|(row, _)| is_published(row))
                .map(|(row, inst)| stored(row, inst).map(|opening| (opening.id, opening)))
                .collect()
        })
        .await
    }

    /// Every published opening, oldest first: what the search index is built from.
    pub async fn published_openings(&self) -> Result<Vec<StoredOpening>, DbError> {
        let mut all = Vec::new();
        let mut after = 0;
        while let Some(page) = self.published_after(after, 1000).await? {
            after = page.last_id;
            all.extend(page.openings);
        }
        Ok(all)
    }

    /// The published openings among the next `limit` openings with ids above `after_id`: the
    /// catalogue in pages, for rebuilding the index without holding it all in memory. `None`
    /// past the end.
    pub async fn published_after(&self, after_id: i64, limit: u64) -> Result<Option<CataloguePage>, DbError> {
        let after = i32::try_from(after_id).unwrap_or(i32::MAX);
        // Walks the primary key; the status is checked on the rows (see `opening`).
        let rows = opening::Entity::find()
            .filter(opening::Column::Id.gt(after))
            .order_by_asc(opening::Column::Id)
            .limit(limit)
            .find_also_related(institution::Entity)
            .all(&self.conn())
            .await?;
        let Some(last_id) = rows.last().map(|(row, _)| i64::from(row.id)) else { return Ok(None) };
        let openings = rows
            .into_iter()
            .filter(|(row, _)| is_published(row))
            .map(|(row, inst)| stored(row, inst))
            .collect::<Result<_, _>>()?;
        Ok(Some(CataloguePage { openings, last_id }))
    }

    /// The institutions with these slugs, keyed by slug.
    pub async fn institutions_by_slugs(&self, slugs: &[String]) -> Result<HashMap<String, InstitutionRecord>, DbError> {
        let rows = institution::Entity::find()
            .filter(institution::Column::Slug.is_in(slugs.iter().cloned()))
            .order_by_asc(institution::Column::Id)
            .all(&self.conn())
            .await?;
        let mut by_slug = HashMap::with_capacity(rows.len());
        for row in &rows {
            let record = institution_record(row)?;
            by_slug.entry(record.slug.clone()).or_insert(record);
        }
        Ok(by_slug)
    }

    /// The published openings whose deadline is on or after `today`, by id, each with the day it
    /// last changed and its institution's slug: what a sitemap lists, read without loading the
    /// records.
    pub async fn open_opening_days(&self, today: NaiveDate) -> Result<Vec<(i64, NaiveDate, String)>, DbError> {
        let rows: Vec<(i32, DateTime<FixedOffset>, String)> = published()
            .filter(opening::Column::Deadline.gte(today))
            .join(JoinType::InnerJoin, opening::Relation::Institution.def())
            .select_only()
            .column(opening::Column::Id)
            .column(opening::Column::UpdatedAt)
            .column(institution::Column::Slug)
            .order_by_asc(opening::Column::Id)
            .into_tuple()
            .all(&self.conn())
            .await?;
        Ok(rows.into_iter().map(|(id, updated, slug)| (i64::from(id), updated.date_naive(), slug)).collect())
    }

    pub async fn count_published(&self) -> Result<u64, DbError> {
        Ok(published().count(&self.conn()).await?)
    }
}
