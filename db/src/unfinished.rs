//! New postings saved as drafts before every field read: the form as typed, kept for their
//! author alone until it is saved complete (then it becomes a posting and goes) or discarded.

use model::account::InstitutionRef;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set};

use crate::accounts::Time;
use crate::convert::{rfc3339, row_id};
use crate::entity::{institution, unfinished_posting};
use crate::institutions::institution_ref;
use crate::{Db, DbError};

/// An unfinished posting as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredUnfinished {
    pub id: i64,
    pub institution: InstitutionRef,
    /// The form's fields as typed, in order.
    pub fields: Vec<(String, String)>,
    /// RFC 3339, UTC.
    pub saved_at: String,
}

fn stored(
    row: unfinished_posting::Model,
    institution: Option<institution::Model>,
) -> Result<StoredUnfinished, DbError> {
    let id = i64::from(row.id);
    let institution = institution.ok_or_else(|| DbError::Corrupt { id, reason: "institution missing".into() })?;
    let fields =
        serde_json::from_str(&row.fields).map_err(|e| DbError::Corrupt { id, reason: format!("fields: {e}") })?;
    Ok(StoredUnfinished { id, institution: institution_ref(&institution)?, fields, saved_at: rfc3339(row.saved_at) })
}

impl Db {
    /// Saves `fields` as `account_id`'s unfinished posting for the institution `slug`: over
    /// `id` when that one is still theirs, else as a new one. Its id; `None` when the
    /// institution does not exist.
    pub async fn save_unfinished(
        &self,
        account_id: i64,
        slug: &str,
        id: Option<i64>,
        fields: &[(String, String)],
        now: Time,
    ) -> Result<Option<i64>, DbError> {
        let Some(institution) = self.institution_by_slug(slug).await? else { return Ok(None) };
        let fields = serde_json::to_string(fields).map_err(|e| DbError::Corrupt { id: 0, reason: e.to_string() })?;
        if let Some(id) = id {
            let updated = unfinished_posting::Entity::update_many()
                .set(unfinished_posting::ActiveModel {
                    institution_id: Set(institution.id),
                    fields: Set(fields.clone()),
                    saved_at: Set(now),
                    ..Default::default()
                })
                .filter(unfinished_posting::Column::Id.eq(row_id(id)))
                .filter(unfinished_posting::Column::AccountId.eq(row_id(account_id)))
                .exec(&self.conn())
                .await?;
            if updated.rows_affected > 0 {
                return Ok(Some(id));
            }
        }
        let row = unfinished_posting::ActiveModel {
            account_id: Set(row_id(account_id)),
            institution_id: Set(institution.id),
            fields: Set(fields),
            saved_at: Set(now),
            ..Default::default()
        }
        .insert(&self.conn())
        .await?;
        Ok(Some(i64::from(row.id)))
    }

    /// `account_id`'s unfinished posting `id`, or `None` (someone else's, or gone).
    pub async fn unfinished(&self, account_id: i64, id: i64) -> Result<Option<StoredUnfinished>, DbError> {
        let found = unfinished_posting::Entity::find_by_id(row_id(id))
            .filter(unfinished_posting::Column::AccountId.eq(row_id(account_id)))
            .find_also_related(institution::Entity)
            .one(&self.conn())
            .await?;
        found.map(|(row, institution)| stored(row, institution)).transpose()
    }

    /// `account_id`'s unfinished postings, the latest saved first.
    pub async fn unfinished_of(&self, account_id: i64) -> Result<Vec<StoredUnfinished>, DbError> {
        let rows = unfinished_posting::Entity::find()
            .filter(unfinished_posting::Column::AccountId.eq(row_id(account_id)))
            .order_by_desc(unfinished_posting::Column::SavedAt)
            .order_by_desc(unfinished_posting::Column::Id)
            .find_also_related(institution::Entity)
            .all(&self.conn())
            .await?;
        rows.into_iter().map(|(row, institution)| stored(row, institution)).collect()
    }

    /// How many unfinished postings `account_id` keeps.
    pub async fn count_unfinished(&self, account_id: i64) -> Result<u64, DbError> {
        Ok(unfinished_posting::Entity::find()
            .filter(unfinished_posting::Column::AccountId.eq(row_id(account_id)))
            .count(&self.conn())
            .await?)
    }

    /// Removes `account_id`'s unfinished posting `id`; `false` when it was not there.
    pub async fn discard_unfinished(&self, account_id: i64, id: i64) -> Result<bool, DbError> {
        let deleted = unfinished_posting::Entity::delete_many()
            .filter(unfinished_posting::Column::Id.eq(row_id(id)))
            .filter(unfinished_posting::Column::AccountId.eq(row_id(account_id)))
            .exec(&self.conn())
            .await?;
        Ok(deleted.rows_affected > 0)
    }
}
