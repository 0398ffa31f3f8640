//! Attempts counted by rate limits, kept in the database so that every server behind a load
//! balancer counts the same attempts (a per-process count would let each server allow its own).

use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::accounts::Time;
use crate::entity::rate_limit_hit;
use crate::{Db, DbError};

impl Db {
    /// How many attempts were counted under `key` since `since`.
    pub async fn attempts_since(&self, key: &str, since: Time) -> Result<u64, DbError> {
        Ok(rate_limit_hit::Entity::find()
            .filter(rate_limit_hit::Column::Key.eq(key))
            .filter(rate_limit_hit::Column::At.gt(since))
            .count(&self.conn())
            .await?)
    }

    /// Counts an attempt under `key` at `now`.
    pub async fn count_attempt(&self, key: &str, now: Time) -> Result<(), DbError> {
        rate_limit_hit::ActiveModel { key: Set(key.to_string()), at: Set(now), ..Default::default() }
            .insert(&self.conn())
            .await?;
        Ok(())
    }

    /// Forgets the attempts under `key` (a correct password clears its failures).
    pub async fn forget_attempts(&self, key: &str) -> Result<(), DbError> {
        rate_limit_hit::Entity::delete_many().filter(rate_limit_hit::Column::Key.eq(key)).exec(&self.conn()).await?;
        Ok(())
    }

    /// Drops attempts older than `before`, which no window reaches any more.
    pub async fn prune_attempts(&self, before: Time) -> Result<u64, DbError> {
        Ok(rate_limit_hit::Entity::delete_many()
            .filter(rate_limit_hit::Column::At.lt(before))
            .exec(&self.conn())
            .await?
            .rows_affected)
    }
}
