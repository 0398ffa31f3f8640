//! The logs an index follows (see `indexer`): what each holds, and how to read what it names.
//!
//! - [`Openings`]: `search_change`, openings whose searchable state changed; the index holds
//!   the published ones.
//! - [`Profiles`]: `profile_change`, profiles whose searchable state changed; the index holds
//!   those that may be proposed to institutions (shown to every verified institution, by an
//!   account that is not suspended; see `db::candidates`).

use std::collections::HashSet;
use std::future::Future;

use db::{Db, DbError, LogHead, StoredOpening};
use search::{Batch, IndexedOpening};
use tokio::runtime::Handle;

use crate::{CatalogError, PAGE};

pub(crate) trait Followed: Send + Sync + 'static {
    /// For logs.
    const NAME: &'static str;
    /// Whether the index's position is reported to the database, whose pruning of the log
    /// waits for every server's.
    const REPORTS: bool;
    /// Where the log stands.
    fn head(db: &Db) -> impl Future<Output = Result<LogHead, DbError>> + Send;
    /// Up to `limit` changes after `after`, in order: (position, id).
    fn changes_after(db: &Db, after: i64, limit: u64) -> impl Future<Output = Result<Vec<(i64, i64)>, DbError>> + Send;
    /// Writes the current state of `ids` in `batch` (adds what the index holds, removes the
    /// rest). Runs on a blocking thread: database reads go through `runtime`.
    fn apply(batch: &mut Batch<'_>, db: &Db, runtime: &Handle, ids: &[i64]) -> Result<(), CatalogError>;
    /// Writes everything the index holds in `batch`, page by page.
    fn fill(batch: &mut Batch<'_>, db: &Db, runtime: &Handle) -> Result<(), CatalogError>;
}

/// The published openings.
#[derive(Debug)]
pub(crate) struct Openings;

pub(crate) fn indexed(opening: &StoredOpening) -> IndexedOpening<'_> {
    IndexedOpening { id: opening.id, record: &opening.record, published_at: opening.published_at.timestamp_millis() }
}

impl Followed for Openings {
    const NAME: &'static str = "openings";
    const REPORTS: bool = true;

    fn head(db: &Db) -> impl Future<Output = Result<LogHead, DbError>> + Send {
        db.log_head()
    }

    async fn changes_after(db: &Db, after: i64, limit: u64) -> Result<Vec<(i64, i64)>, DbError> {
        Ok(db.changes_after(after, limit).await?.into_iter().map(|change| (change.seq, change.opening_id)).collect())
    }

    fn apply(batch: &mut Batch<'_>, db: &Db, runtime: &Handle, ids: &[i64]) -> Result<(), CatalogError> {
        for chunk in ids.chunks(PAGE as usize) {
            let found = runtime.block_on(db.openings_by_ids(chunk))?;
            // What is no longer published leaves the index.
            let published: HashSet<i64> = found.iter().map(|opening| opening.id).collect();
            for id in chunk.iter().filter(|id| !published.contains(id)) {
                batch.remove(*id);
            }
            for opening in &found {
                batch.add(&indexed(opening))?;
            }
        }
        Ok(())
    }

    fn fill(batch: &mut Batch<'_>, db: &Db, runtime: &Handle) -> Result<(), CatalogError> {
        let mut after = 0;
        while let Some(page) = runtime.block_on(db.published_after(after, PAGE))? {
            after = page.last_id;
            for opening in &page.openings {
                batch.add(&indexed(opening))?;
            }
        }
        Ok(())
    }
}

/// The profiles that may be proposed to institutions.
#[derive(Debug)]
pub(crate) struct Profiles;

impl Followed for Profiles {
    const NAME: &'static str = "profiles";
    const REPORTS: bool = false;

    async fn head(db: &Db) -> Result<LogHead, DbError> {
        // The same database id as the openings' log; this log is never pruned.
        let openings = db.log_head().await?;
        Ok(LogHead { database_id: openings.database_id, pruned_through: 0, latest: db.latest_profile_change().await? })
    }

    fn changes_after(db: &Db, after: i64, limit: u64) -> impl Future<Output = Result<Vec<(i64, i64)>, DbError>> + Send {
        db.profile_changes_after(after, limit)
    }

    fn apply(batch: &mut Batch<'_>, db: &Db, runtime: &Handle, ids: &[i64]) -> Result<(), CatalogError> {
        for chunk in ids.chunks(PAGE as usize) {
            let found = runtime.block_on(db.proposable_profiles(chunk))?;
            let proposable: HashSet<i64> = found.iter().map(|(id, _)| *id).collect();
            for id in chunk.iter().filter(|id| !proposable.contains(id)) {
                batch.remove(*id);
            }
            for (id, profile) in &found {
                batch.add_profile(*id, profile)?;
            }
        }
        Ok(())
    }

    fn fill(batch: &mut Batch<'_>, db: &Db, runtime: &Handle) -> Result<(), CatalogError> {
        let mut after = 0;
        loop {
            let page = runtime.block_on(db.proposable_profiles_after(after, PAGE))?;
            let Some(&(last, _)) = page.last() else { return Ok(()) };
            after = last;
            for (id, profile) in &page {
                batch.add_profile(*id, profile)?;
            }
        }
    }
}
