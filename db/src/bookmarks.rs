//! Openings people saved to come back to ("Saved openings"): theirs alone.

use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set};

use crate::accounts::Time;
use crate::convert::row_id;
use crate::entity::bookmark;
use crate::{Db, DbError};

/// The most saved openings a list shows, newest first.
pub const MAX_BOOKMARKS_SHOWN: u64 = 500;

impl Db {
    /// Saves opening `opening_id` for `account_id`; `false` when it was already.
    pub async fn add_bookmark(&self, account_id: i64, opening_id: i64, now: Time) -> Result<bool, DbError> {
        let row = bookmark::ActiveModel {
            account_id: Set(row_id(account_id)),
            opening_id: Set(row_id(opening_id)),
            saved_at: Set(now),
        };
        let inserted = bookmark::Entity::insert(row)
            .on_conflict(
                OnConflict::columns([bookmark::Column::AccountId, bookmark::Column::OpeningId]).do_nothing().to_owned(),
            )
            .exec_without_returning(&self.conn())
            .await?;
        Ok(inserted > 0)
    }

    /// Takes opening `opening_id` out of `account_id`'s saved openings; `false` when it was not
    /// there.
    pub async fn remove_bookmark(&self, account_id: i64, opening_id: i64) -> Result<bool, DbError> {
        let deleted = bookmark::Entity::delete_many()
            .filter(bookmark::Column::AccountId.eq(row_id(account_id)))
            .filter(bookmark::Column::OpeningId.eq(row_id(opening_id)))
            .exec(&self.conn())
            .await?;
        Ok(deleted.rows_affected > 0)
    }

    /// The openings `account_id` saved, the latest first (at most [`MAX_BOOKMARKS_SHOWN`]).
    pub async fn bookmarks(&self, account_id: i64) -> Result<Vec<i64>, DbError> {
        let ids: Vec<i32> = bookmark::Entity::find()
            .select_only()
            .column(bookmark::Column::OpeningId)
            .filter(bookmark::Column::AccountId.eq(row_id(account_id)))
            .order_by_desc(bookmark::Column::SavedAt)
            .order_by_desc(bookmark::Column::OpeningId)
            .limit(MAX_BOOKMARKS_SHOWN)
            .into_tuple()
            .all(&self.conn())
            .await?;
        Ok(ids.into_iter().map(i64::from).collect())
    }

    /// Whether `account_id` saved opening `opening_id`.
    pub async fn has_bookmark(&self, account_id: i64, opening_id: i64) -> Result<bool, DbError> {
        let count = bookmark::Entity::find()
            .filter(bookmark::Column::AccountId.eq(row_id(account_id)))
            .filter(bookmark::Column::OpeningId.eq(row_id(opening_id)))
            .count(&self.conn())
            .await?;
        Ok(count > 0)
    }
}
