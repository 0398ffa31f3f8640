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

/// The form's fields as stored.
fn fields_json(fields: &[(String, String)]) -> Result<String, DbError> {
    serde_json::to_string(fields).map_err(|e| DbError::Corrupt { id: 0, reason: e.to_string() })
}

impl Db {
    /// Saves `fields` over `account_id`'s unfinished posting `id`, now for the institution
    /// `slug`; `false` when it is not theirs, is gone, or the institution does not exist.
    pub async fn replace_unfinished(
        &self,
        account_id: i64,
        id: i64,
        slug: &str,
        fields: &[(String, String)],
        now: Time,
    ) -> Result<bool, DbError> {
        let Some(institution) = self.institution_by_slug(slug).await? else { return Ok(false) };
        let updated = unfinished_posting::Entity::update_many()
            .set(unfinished_posting::ActiveModel {
                institution_id: Set(institution.id),
                fields: Set(fields_json(fields)?),
                saved_at: Set(now),
                ..Default::default()
            })
            .filter(unfinished_posting::Column::Id.eq(row_id(id)))
            .filter(unfinished_posting::Column::AccountId.eq(row_id(account_id)))
            .exec(&self.conn())
            .await?;
        Ok(updated.rows_affected > 0)
    }

    /// Keeps `fields` as a new unfinished posting of `account_id` for the institution `slug`;
    /// its id, or `None` when the institution does not exist.
    pub async fn add_unfinished(
        &self,
        account_id: i64,
        slug: &str,
        fields: &[(String, String)],
        now: Time,
    ) -> Result<Option<i64>, DbError> {
        let Some(institution) = self.institution_by_slug(slug).await? else { return Ok(None) };
        let row = unfinished_posting::ActiveModel {
            account_id: Set(row_id(account_id)),
            institution_id: Set(institution.id),
            fields: Set(fields_json(fields)?),
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
