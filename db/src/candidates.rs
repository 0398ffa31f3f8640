//! What candidates for an opening stand on: the log of profiles whose searchable state changed
//! (which each server's profile index follows, as its opening index follows `search_change`),
//! the profiles that may be proposed to institutions, and invitations to apply.
//!
//! A profile may be proposed when its owner shows it to every verified institution
//! (`Visibility::Verified`) and their account is not suspended.

use model::profile::{Profile, Visibility};
use std::collections::HashSet;

use sea_orm::sea_query::{OnConflict, SimpleExpr};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::accounts::Time;
use crate::convert::row_id;
use crate::entity::{account, application, invitation, profile, profile_change};
use crate::{Db, DbError};

/// Any number, the same for every process (see `changes::LOG_LOCK`), another than the opening
/// log's.
const PROFILE_LOG_LOCK: i64 = 0x7072_6f66_696c;

impl Db {
    /// Records that the searchable state of `account_id`'s profile changed. Call it last in the
    /// transaction (on PostgreSQL it holds the log's lock until the commit, so that positions
    /// become visible in order). Returns the change's position.
    pub async fn log_profile_change(&self, account_id: i64, now: Time) -> Result<i64, DbError> {
        let conn = self.conn();
        if conn.get_database_backend() == DbBackend::Postgres {
            conn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({PROFILE_LOG_LOCK})")).await?;
        }
        let row = profile_change::ActiveModel {
            account_id: Set(row_id(account_id)),
            created_at: Set(now),
            ..Default::default()
        };
        let inserted = profile_change::Entity::insert(row).exec(&conn).await?;
        Ok(i64::from(inserted.last_insert_id))
    }

    /// Up to `limit` profile changes after `after`, in order: (position, account).
    pub async fn profile_changes_after(&self, after: i64, limit: u64) -> Result<Vec<(i64, i64)>, DbError> {
        let rows: Vec<(i32, i32)> = profile_change::Entity::find()
            .select_only()
            .column(profile_change::Column::Seq)
            .column(profile_change::Column::AccountId)
            .filter(profile_change::Column::Seq.gt(after))
            .order_by_asc(profile_change::Column::Seq)
            .limit(limit)
            .into_tuple()
            .all(&self.conn())
            .await?;
        Ok(rows.into_iter().map(|(seq, id)| (i64::from(seq), i64::from(id))).collect())
    }

    /// The last profile change (0 when none).
    pub async fn latest_profile_change(&self) -> Result<i64, DbError> {
        let latest: Option<Option<i32>> = profile_change::Entity::find()
            .select_only()
            .column_as(profile_change::Column::Seq.max(), "latest")
            .into_tuple()
            .one(&self.conn())
            .await?;
        Ok(latest.flatten().map_or(0, i64::from))
    }

    /// Of these accounts, the profiles that may be proposed to institutions.
    pub async fn proposable_profiles(&self, ids: &[i64]) -> Result<Vec<(i64, Profile)>, DbError> {
        let ids: Vec<i32> = ids.iter().map(|id| row_id(*id)).collect();
        self.proposable(profile::Column::AccountId.is_in(ids), None).await
    }

    /// The profiles that may be proposed, by account, after `after`: `limit` at most.
    pub async fn proposable_profiles_after(&self, after: i64, limit: u64) -> Result<Vec<(i64, Profile)>, DbError> {
        self.proposable(profile::Column::AccountId.gt(row_id(after)), Some(limit)).await
    }

    async fn proposable(&self, which: SimpleExpr, limit: Option<u64>) -> Result<Vec<(i64, Profile)>, DbError> {
        let rows: Vec<(i32, serde_json::Value)> = profile::Entity::find()
            .select_only()
            .column(profile::Column::AccountId)
            .column(profile::Column::Details)
            .filter(which)
            .filter(profile::Column::Visibility.eq(Visibility::Verified.code()))
            .order_by_asc(profile::Column::AccountId)
            .limit(limit)
            .into_tuple()
            .all(&self.conn())
            .await?;
        let suspended: HashSet<i32> = account::Entity::find()
            .select_only()
            .column(account::Column::Id)
            .filter(account::Column::Id.is_in(rows.iter().map(|(id, _)| *id)))
            .filter(account::Column::SuspendedAt.is_not_null())
            .into_tuple()
            .all(&self.conn())
            .await?
            .into_iter()
            .collect();
        rows.into_iter()
            .filter(|(id, _)| !suspended.contains(id))
            .map(|(id, details)| {
                let id = i64::from(id);
                let profile = serde_json::from_value(details)
                    .map_err(|err| DbError::Corrupt { id, reason: format!("profile: {err}") })?;
                Ok((id, profile))
            })
            .collect()
    }

    /// Records that `invited_by` invited `account_id` to apply to `opening_id`: `false` when
    /// someone had already.
    pub async fn invite(&self, opening_id: i64, account_id: i64, invited_by: i64, now: Time) -> Result<bool, DbError> {
        let row = invitation::ActiveModel {
            opening_id: Set(row_id(opening_id)),
            account_id: Set(row_id(account_id)),
            invited_by: Set(row_id(invited_by)),
            invited_at: Set(now),
        };
        let inserted = invitation::Entity::insert(row)
            .on_conflict(
                OnConflict::columns([invitation::Column::OpeningId, invitation::Column::AccountId])
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(&self.conn())
            .await?;
        Ok(inserted > 0)
    }

    /// The researchers who applied to `opening_id`.
    pub async fn applicants_of(&self, opening_id: i64) -> Result<Vec<i64>, DbError> {
        let ids: Vec<i32> = application::Entity::find()
            .select_only()
            .column(application::Column::AccountId)
            .filter(application::Column::OpeningId.eq(row_id(opening_id)))
            .into_tuple()
            .all(&self.conn())
            .await?;
        Ok(ids.into_iter().map(i64::from).collect())
    }

    /// The researchers invited to apply to `opening_id`.
    pub async fn invited_to(&self, opening_id: i64) -> Result<Vec<i64>, DbError> {
        let ids: Vec<i32> = invitation::Entity::find()
            .select_only()
            .column(invitation::Column::AccountId)
            .filter(invitation::Column::OpeningId.eq(row_id(opening_id)))
            .into_tuple()
            .all(&self.conn())
            .await?;
        Ok(ids.into_iter().map(i64::from).collect())
    }
}
