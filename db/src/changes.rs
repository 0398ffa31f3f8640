//! The change log that every server's search index follows.
//!
//! A write that changes what search should show (an import, a posting published, edited or
//! closed) records the openings it touched in `search_change`, in the same transaction. Each
//! server applies the log to its own index in `seq` order and remembers the last `seq` it
//! applied with the index. For that, rows must become visible in `seq` order: SQLite has one
//! writer at a time, and on PostgreSQL writers of the log take a transaction-level advisory
//! lock before they draw their numbers, so a later number never commits before an earlier one.

use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::accounts::Time;
use crate::entity::{change_log_state, indexer, opening, search_change};
use crate::{Db, DbError, Status};

/// One opening to look at again, at position `seq` of the log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change {
    pub seq: i64,
    pub opening_id: i64,
}

/// Where the log stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogHead {
    /// Tells this database from another one (an index built from another is rebuilt).
    pub database_id: String,
    /// Changes up to here were pruned: an index that has not applied them must be rebuilt.
    pub pruned_through: i64,
    /// The last change committed (0 when none).
    pub latest: i64,
}

/// Any number, the same for every process: PostgreSQL's advisory locks are named by integers.
const LOG_LOCK: i64 = 0x7061_7373_6572;
/// Change rows inserted per statement.
const INSERT_BATCH: usize = 1000;
/// Changes older than this are pruned even if a server has not applied them (it rebuilds).
const KEEP_DAYS: i64 = 7;
/// A server not seen for this long no longer holds changes back from pruning.
const INDEXER_GONE_HOURS: i64 = 24;

impl Db {
    /// Records that the searchable state of `ids` changed. Call it last in the transaction (it
    /// holds the log's lock until the commit on PostgreSQL). Returns the change's position, to
    /// wait for the index to reach it.
    pub async fn log_changes(&self, ids: &[i64], now: Time) -> Result<i64, DbError> {
        if ids.is_empty() {
            return Ok(0);
        }
        if matches!(self.handle, crate::Handle::Pool(_)) {
            let tx = self.begin().await?;
            let seq = Box::pin(tx.log_changes(ids, now)).await?;
            tx.commit().await?;
            return Ok(seq);
        }
        let conn = self.conn();
        if conn.get_database_backend() == DbBackend::Postgres {
            conn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({LOG_LOCK})")).await?;
        }
        // Publication is stamped now, just before the commit (and on PostgreSQL in the order
        // of commits, under the log's lock), not when a long transaction began: a digest that
        // covers openings published until a moment a few seconds past finds them all committed.
        let published = chrono::SubsecRound::trunc_subsecs(chrono::Utc::now(), 6).fixed_offset().max(now);
        for chunk in ids.chunks(INSERT_BATCH) {
            let rows = chunk.iter().map(|id| search_change::ActiveModel {
                opening_id: Set(crate::convert::row_id(*id)),
                created_at: Set(now),
                ..Default::default()
            });
            search_change::Entity::insert_many(rows).exec_without_returning(&conn).await?;
            // Every write that publishes an opening passes here: the first one stamps it.
            opening::Entity::update_many()
                .col_expr(opening::Column::PublishedAt, Expr::value(published))
                .filter(opening::Column::Id.is_in(chunk.iter().map(|id| crate::convert::row_id(*id))))
                .filter(opening::Column::Status.eq(Status::Published.code()))
                .filter(opening::Column::PublishedAt.is_null())
                .exec(&conn)
                .await?;
        }
        self.latest_change().await
    }

    /// Up to `limit` changes after `after`, in order.
    pub async fn changes_after(&self, after: i64, limit: u64) -> Result<Vec<Change>, DbError> {
        let rows: Vec<(i32, i32)> = search_change::Entity::find()
            .select_only()
            .column(search_change::Column::Seq)
            .column(search_change::Column::OpeningId)
            .filter(search_change::Column::Seq.gt(after))
            .order_by_asc(search_change::Column::Seq)
            .limit(limit)
            .into_tuple()
            .all(&self.conn())
            .await?;
        Ok(rows.into_iter().map(|(seq, id)| Change { seq: i64::from(seq), opening_id: i64::from(id) }).collect())
    }

    async fn latest_change(&self) -> Result<i64, DbError> {
        let latest: Option<Option<i32>> = search_change::Entity::find()
            .select_only()
            .column_as(search_change::Column::Seq.max(), "latest")
            .into_tuple()
            .one(&self.conn())
            .await?;
        Ok(latest.flatten().map_or(0, i64::from))
    }

    pub async fn log_head(&self) -> Result<LogHead, DbError> {
        let state = change_log_state::Entity::find_by_id(1)
            .one(&self.conn())
            .await?
            .ok_or_else(|| DbError::Corrupt { id: 1, reason: "change_log_state is empty".into() })?;
        let latest = self.latest_change().await?.max(state.pruned_through);
        Ok(LogHead { database_id: state.database_id, pruned_through: state.pruned_through, latest })
    }

    /// Remembers how far the server `name`'s index has got.
    pub async fn report_indexer(&self, name: &str, applied: i64, now: Time) -> Result<(), DbError> {
        let row = indexer::ActiveModel { name: Set(name.to_string()), applied: Set(applied), seen_at: Set(now) };
        indexer::Entity::insert(row)
            .on_conflict(
                OnConflict::column(indexer::Column::Name)
                    .update_columns([indexer::Column::Applied, indexer::Column::SeenAt])
                    .to_owned(),
            )
            .exec_without_returning(&self.conn())
            .await?;
        Ok(())
    }

    /// Drops the changes that every server seen lately has applied (once they are an hour old),
    /// and any older than a week. Returns how many were dropped.
    pub async fn prune_change_log(&self, now: Time) -> Result<u64, DbError> {
        let conn = self.conn();
        let active: Vec<i64> = indexer::Entity::find()
            .select_only()
            .column(indexer::Column::Applied)
            .filter(indexer::Column::SeenAt.gt(now - chrono::Duration::hours(INDEXER_GONE_HOURS)))
            .into_tuple()
            .all(&conn)
            .await?;
        let last_before = |time: Time| async move {
            let seq: Option<Option<i32>> = search_change::Entity::find()
                .select_only()
                .column_as(search_change::Column::Seq.max(), "seq")
                .filter(search_change::Column::CreatedAt.lt(time))
                .into_tuple()
                .one(&self.conn())
                .await?;
            Ok::<_, DbError>(seq.flatten().map_or(0, i64::from))
        };
        let mut through = last_before(now - chrono::Duration::days(KEEP_DAYS)).await?;
        if let Some(slowest) = active.iter().min() {
            through = through.max((*slowest).min(last_before(now - chrono::Duration::hours(1)).await?));
        }
        if through <= 0 {
            return Ok(0);
        }
        let deleted = search_change::Entity::delete_many()
            .filter(search_change::Column::Seq.lte(through))
            .exec(&conn)
            .await?
            .rows_affected;
        let head = self.log_head().await?;
        if through > head.pruned_through {
            change_log_state::Entity::update_many()
                .col_expr(change_log_state::Column::PrunedThrough, Expr::value(through))
                .filter(change_log_state::Column::Id.eq(1))
                .exec(&conn)
                .await?;
        }
        Ok(deleted)
    }
}
