//! Saved searches and profile alerts, and the bookkeeping that sends each digest once.
//!
//! A server that sends digests first claims an alert (`claimed_at`, a lease, as for mail),
//! then works out the digest, then in one transaction queues the e-mail and moves `since` and
//! `next_due_at` forward, on the condition that its claim still stands ([`Db::finish_alert`]).
//! Two servers never send the same digest; a server that dies holding a claim leaves the alert
//! to the next run once the lease is over, with nothing sent.

use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ActiveValue::Set, ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::accounts::Time;
use crate::convert::row_id;
use crate::entity::saved_search;
use crate::{Db, DbError};

/// An alert as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredAlert {
    pub id: i64,
    pub account_id: i64,
    /// The language of the list page it was saved from (a search's words are read in it).
    pub lang: String,
    /// The search's parameters as JSON; empty for a profile alert.
    pub params: String,
    pub for_profile: bool,
    pub frequency: String,
    pub since: Time,
    pub next_due_at: Time,
    pub claimed_at: Option<Time>,
    pub unsubscribe_key: String,
}

impl From<saved_search::Model> for StoredAlert {
    fn from(row: saved_search::Model) -> Self {
        StoredAlert {
            id: i64::from(row.id),
            account_id: i64::from(row.account_id),
            lang: row.lang,
            params: row.params,
            for_profile: row.for_profile,
            frequency: row.frequency,
            since: row.since,
            next_due_at: row.next_due_at,
            claimed_at: row.claimed_at,
            unsubscribe_key: row.unsubscribe_key,
        }
    }
}

/// An alert to save.
#[derive(Clone, Debug)]
pub struct NewAlert<'a> {
    pub account_id: i64,
    pub lang: &'a str,
    pub params: &'a str,
    pub for_profile: bool,
    pub frequency: &'a str,
    pub next_due_at: Time,
    pub unsubscribe_key: &'a str,
}

fn unclaimed(now: Time, lease: chrono::Duration) -> Condition {
    Condition::any().add(saved_search::Column::ClaimedAt.is_null()).add(saved_search::Column::ClaimedAt.lt(now - lease))
}

impl Db {
    /// Saves an alert; one the account saved already keeps its history and takes the new
    /// frequency. Returns its id and whether it is new.
    pub async fn save_alert(&self, alert: &NewAlert<'_>, now: Time) -> Result<(i64, bool), DbError> {
        let existing = saved_search::Entity::find()
            .filter(saved_search::Column::AccountId.eq(row_id(alert.account_id)))
            .filter(saved_search::Column::ForProfile.eq(alert.for_profile))
            .filter(saved_search::Column::Params.eq(alert.params))
            .one(&self.conn())
            .await?;
        if let Some(existing) = existing {
            self.change_alert(alert.account_id, i64::from(existing.id), alert.frequency, alert.next_due_at).await?;
            return Ok((i64::from(existing.id), false));
        }
        let row = saved_search::ActiveModel {
            account_id: Set(row_id(alert.account_id)),
            lang: Set(alert.lang.to_string()),
            params: Set(alert.params.to_string()),
            for_profile: Set(alert.for_profile),
            frequency: Set(alert.frequency.to_string()),
            created_at: Set(now),
            since: Set(now),
            next_due_at: Set(alert.next_due_at),
            claimed_at: Set(None),
            unsubscribe_key: Set(alert.unsubscribe_key.to_string()),
            ..Default::default()
        };
        // Saved twice at once (two tabs): the second finds the first's row.
        let conflict = OnConflict::columns([
            saved_search::Column::AccountId,
            saved_search::Column::ForProfile,
            saved_search::Column::Params,
        ])
        .do_nothing()
        .to_owned();
        let inserted =
            saved_search::Entity::insert(row).on_conflict(conflict).exec_without_returning(&self.conn()).await?;
        let id = saved_search::Entity::find()
            .select_only()
            .column(saved_search::Column::Id)
            .filter(saved_search::Column::AccountId.eq(row_id(alert.account_id)))
            .filter(saved_search::Column::ForProfile.eq(alert.for_profile))
            .filter(saved_search::Column::Params.eq(alert.params))
            .into_tuple::<i32>()
            .one(&self.conn())
            .await?
            .ok_or(DbError::Corrupt { id: alert.account_id, reason: "saved alert vanished".into() })?;
        Ok((i64::from(id), inserted > 0))
    }

    /// The account's alerts, oldest first.
    pub async fn alerts_of(&self, account_id: i64) -> Result<Vec<StoredAlert>, DbError> {
        let rows = saved_search::Entity::find()
            .filter(saved_search::Column::AccountId.eq(row_id(account_id)))
            .order_by_asc(saved_search::Column::Id)
            .all(&self.conn())
            .await?;
        Ok(rows.into_iter().map(StoredAlert::from).collect())
    }

    /// Changes how often the account's alert `id` is sent; `false` when it has no such alert.
    pub async fn change_alert(
        &self,
        account_id: i64,
        id: i64,
        frequency: &str,
        next_due_at: Time,
    ) -> Result<bool, DbError> {
        let changed = saved_search::Entity::update_many()
            .col_expr(saved_search::Column::Frequency, Expr::value(frequency))
            .col_expr(saved_search::Column::NextDueAt, Expr::value(next_due_at))
            .filter(saved_search::Column::Id.eq(row_id(id)))
            .filter(saved_search::Column::AccountId.eq(row_id(account_id)))
            .exec(&self.conn())
            .await?;
        Ok(changed.rows_affected == 1)
    }

    /// Deletes the account's alert `id`; `false` when it has no such alert.
    pub async fn delete_alert(&self, account_id: i64, id: i64) -> Result<bool, DbError> {
        let deleted = saved_search::Entity::delete_many()
            .filter(saved_search::Column::Id.eq(row_id(id)))
            .filter(saved_search::Column::AccountId.eq(row_id(account_id)))
            .exec(&self.conn())
            .await?;
        Ok(deleted.rows_affected == 1)
    }

    /// The alert a digest's unsubscribe link names.
    pub async fn alert_by_key(&self, key: &str) -> Result<Option<StoredAlert>, DbError> {
        let row =
            saved_search::Entity::find().filter(saved_search::Column::UnsubscribeKey.eq(key)).one(&self.conn()).await?;
        Ok(row.map(StoredAlert::from))
    }

    /// Alerts due by `horizon` that no server holds, soonest first.
    pub async fn due_alerts(
        &self,
        horizon: Time,
        now: Time,
        lease: chrono::Duration,
        limit: u64,
    ) -> Result<Vec<StoredAlert>, DbError> {
        let rows = saved_search::Entity::find()
            .filter(saved_search::Column::NextDueAt.lte(horizon))
            .filter(unclaimed(now, lease))
            .order_by_asc(saved_search::Column::NextDueAt)
            .order_by_asc(saved_search::Column::Id)
            .limit(limit)
            .all(&self.conn())
            .await?;
        Ok(rows.into_iter().map(StoredAlert::from).collect())
    }

    /// Takes alert `id` to send its digest, if it is still due by `horizon` and no other
    /// server holds it: `false` otherwise.
    pub async fn claim_alert(
        &self,
        id: i64,
        horizon: Time,
        now: Time,
        lease: chrono::Duration,
    ) -> Result<bool, DbError> {
        let claimed = saved_search::Entity::update_many()
            .col_expr(saved_search::Column::ClaimedAt, Expr::value(now))
            .filter(saved_search::Column::Id.eq(row_id(id)))
            .filter(saved_search::Column::NextDueAt.lte(horizon))
            .filter(unclaimed(now, lease))
            .exec(&self.conn())
            .await?;
        Ok(claimed.rows_affected == 1)
    }

    /// Records that the digest of alert `id` covering openings up to `until` went into the
    /// outbox (in the same transaction): the next one starts there, and is due at `next_due_at`.
    /// `false`, and nothing changed, when the claim made at `claimed_at` no longer stands (the
    /// lease ran out and another server took the alert): the caller must then roll back.
    pub async fn finish_alert(
        &self,
        id: i64,
        claimed_at: Time,
        until: Time,
        next_due_at: Time,
    ) -> Result<bool, DbError> {
        let finished = saved_search::Entity::update_many()
            .col_expr(saved_search::Column::Since, Expr::value(until))
            .col_expr(saved_search::Column::NextDueAt, Expr::value(next_due_at))
            .col_expr(saved_search::Column::ClaimedAt, Expr::value(Option::<Time>::None))
            .filter(saved_search::Column::Id.eq(row_id(id)))
            .filter(saved_search::Column::ClaimedAt.eq(claimed_at))
            .exec(&self.conn())
            .await?;
        Ok(finished.rows_affected == 1)
    }

    /// Lets go of alert `id` without sending (its digest could not be made): the next run
    /// tries again.
    pub async fn release_alert(&self, id: i64, claimed_at: Time) -> Result<(), DbError> {
        saved_search::Entity::update_many()
            .col_expr(saved_search::Column::ClaimedAt, Expr::value(Option::<Time>::None))
            .filter(saved_search::Column::Id.eq(row_id(id)))
            .filter(saved_search::Column::ClaimedAt.eq(claimed_at))
            .exec(&self.conn())
            .await?;
        Ok(())
    }

    /// How many alerts there are (for the bench and the admin home).
    pub async fn count_alerts(&self) -> Result<u64, DbError> {
        use sea_orm::PaginatorTrait;
        Ok(saved_search::Entity::find().count(&self.conn()).await?)
    }
}
