//! One indexer per server and index: it applies a change log of the database to this server's
//! index, in order, and stores how far it got with each commit of the index (so a restored,
//! copied or rebuilt index knows where it stands). Two indexes follow the database so: the
//! openings (`search_change`) and the researchers' profiles that may be proposed to
//! institutions (`profile_change`); `followed` says what each log holds and how to read it.
//!
//! - On start, the index is checked against the log: built from another database, behind
//!   what was pruned, or ahead of the log (a restored database) means a rebuild from the
//!   database; otherwise the changes since its position are applied. Either way before the
//!   server answers, so a crash between a commit and its indexing is repaired on restart.
//! - Then a task polls the log (a few times a second, and at once when this process wrote),
//!   so writes by other processes (`passerelle import`, other servers) are searchable here
//!   within a second. Changes are applied by id: the opening's current row is read, so
//!   applying a change twice, or late, does no harm.
//! - It reports its position to the database now and then; the log is pruned of what every
//!   server seen lately has applied (see `db::changes`).

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use db::{Db, LogHead};
use search::{Position, SearchIndex};
use tokio::runtime::Handle;
use tokio::sync::{Notify, watch};
use tokio::task::AbortHandle;

use crate::CatalogError;
use crate::followed::Followed;

/// How often the log is read when nothing woke the indexer.
const POLL: Duration = Duration::from_millis(200);
/// Changes applied in one commit of the index at most.
const MAX_CHANGES: u64 = 50_000;
/// How long a write waits for this server's index before answering anyway.
const WAIT_FOR_INDEX: Duration = Duration::from_secs(10);
/// How often the indexer tells the database where it stands, and prunes the log.
const REPORT_EVERY: Duration = Duration::from_secs(10);
const PRUNE_EVERY: Duration = Duration::from_secs(600);

/// How far this server's index is behind the database, for `/healthz`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexHealth {
    /// The last change this index applied.
    pub applied: i64,
    /// The last change in the database.
    pub latest: i64,
    /// Openings the index holds.
    pub documents: u64,
}

impl IndexHealth {
    pub fn lag(&self) -> i64 {
        (self.latest - self.applied).max(0)
    }
}

pub(crate) struct LocalIndex<F> {
    db: Db,
    index: Arc<SearchIndex>,
    /// The last change applied; writers wait on it.
    applied: watch::Sender<i64>,
    wake: Notify,
    /// This server, in the database's list of indexers.
    name: String,
    followed: std::marker::PhantomData<F>,
}

impl<F> std::fmt::Debug for LocalIndex<F> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalIndex").field("name", &self.name).field("applied", &*self.applied.borrow()).finish()
    }
}

impl<F: Followed> LocalIndex<F> {
    /// The index in `dir`, as it is on disk.
    pub(crate) fn new(db: Db, dir: &Path) -> Result<LocalIndex<F>, CatalogError> {
        Ok(LocalIndex {
            db,
            index: Arc::new(SearchIndex::open(dir)?),
            applied: watch::channel(0).0,
            wake: Notify::new(),
            name: indexer_name(dir),
            followed: std::marker::PhantomData,
        })
    }

    /// Opens the index in `dir`, brings it up to date, and (with `follow`) starts its indexer;
    /// without, the index stays as it was brought up to date (a command's one-off look).
    pub(crate) async fn open(db: Db, dir: &Path, follow: bool) -> Result<Following<F>, CatalogError> {
        let local = Arc::new(LocalIndex::new(db, dir)?);
        let mut busy_for = Duration::ZERO;
        loop {
            match local.catch_up().await {
                Ok(true) => {}
                Ok(false) => break,
                // A server on this data directory is writing it (a command run beside it): it
                // will have applied the log in a moment.
                Err(CatalogError::Search(err)) if err.is_busy() && busy_for < WAIT_FOR_INDEX => {
                    tokio::time::sleep(POLL).await;
                    busy_for += POLL;
                }
                Err(err) => return Err(err),
            }
        }
        // Only now: until this index is complete, an older version's folder may still serve.
        if let Err(err) = local.index.retire_other_versions() {
            tracing::warn!(error = %err, "an older index folder could not be deleted");
        }
        let follower = follow.then(|| tokio::spawn(follow_log(Arc::clone(&local))).abort_handle());
        Ok(Following { local, follower })
    }

    pub(crate) fn index(&self) -> Arc<SearchIndex> {
        Arc::clone(&self.index)
    }

    /// Waits (a while at most) until the index has applied change `seq`.
    pub(crate) async fn wait_for(&self, seq: i64) {
        if seq <= 0 || *self.applied.borrow() >= seq {
            return;
        }
        self.wake.notify_one();
        let mut applied = self.applied.subscribe();
        if tokio::time::timeout(WAIT_FOR_INDEX, applied.wait_for(|applied| *applied >= seq)).await.is_err() {
            tracing::warn!(seq, "the index did not reach a write in time; it will catch up");
        }
    }

    /// Where the index stands (as committed with it) against the log.
    pub(crate) async fn health(&self) -> Result<IndexHealth, CatalogError> {
        let head = F::head(&self.db).await?;
        let applied = self.index.position()?.map_or(0, |position| position.applied);
        Ok(IndexHealth { applied, latest: head.latest, documents: self.index.len() })
    }

    /// Applies what the log holds beyond the index's position (or rebuilds the index when its
    /// position cannot be trusted). `true` when it did something.
    async fn catch_up(&self) -> Result<bool, CatalogError> {
        let head = F::head(&self.db).await?;
        let position = self.index.position()?;
        let Some(position) = position.filter(|position| usable(position, &head)) else {
            self.rebuild_at(head).await?;
            return Ok(true);
        };
        let changes = F::changes_after(&self.db, position.applied, MAX_CHANGES).await?;
        let Some(&(last, _)) = changes.last() else {
            self.applied.send_if_modified(|applied| std::mem::replace(applied, position.applied) != position.applied);
            return Ok(false);
        };
        let mut ids: Vec<i64> = changes.iter().map(|(_, id)| *id).collect();
        ids.sort_unstable();
        ids.dedup();
        let next = Position { database_id: head.database_id, applied: last };
        let (db, index, runtime) = (self.db.clone(), Arc::clone(&self.index), Handle::current());
        tokio::task::spawn_blocking(move || {
            index.rewrite::<CatalogError>(false, Some(&next), |batch| F::apply(batch, &db, &runtime, &ids))
        })
        .await??;
        tracing::debug!(applied = last, changes = changes.len(), index = F::NAME, "index caught up");
        self.applied.send_replace(last);
        Ok(true)
    }

    /// Rebuilds the index from the database (`passerelle reindex`). Returns how many documents
    /// it holds.
    pub(crate) async fn rebuild(&self) -> Result<u64, CatalogError> {
        let head = F::head(&self.db).await?;
        self.rebuild_at(head).await
    }

    /// Everything the log's index holds, stamped with the log's position read before reading
    /// it: what commits meanwhile comes after it in the log and is applied next.
    async fn rebuild_at(&self, head: LogHead) -> Result<u64, CatalogError> {
        let position = Position { database_id: head.database_id, applied: head.latest };
        let (db, index, runtime) = (self.db.clone(), Arc::clone(&self.index), Handle::current());
        let count = tokio::task::spawn_blocking(move || {
            index.rewrite::<CatalogError>(true, Some(&position), |batch| F::fill(batch, &db, &runtime))
        })
        .await??;
        tracing::info!(count, applied = head.latest, index = F::NAME, "index rebuilt from the database");
        self.applied.send_replace(head.latest);
        Ok(count)
    }
}

/// An index position is trusted when it comes from this database, and lies between what was
/// pruned and the newest change.
fn usable(position: &Position, head: &LogHead) -> bool {
    position.database_id == head.database_id
        && position.applied >= head.pruned_through
        && position.applied <= head.latest
}

/// The indexer's name in the database: this machine and the index's folder.
fn indexer_name(dir: &Path) -> String {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let host = std::fs::read_to_string("/etc/hostname").unwrap_or_default();
    let mut hasher = DefaultHasher::new();
    dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf()).hash(&mut hasher);
    let host: String = host.trim().chars().take(40).collect();
    format!("{host}:{:016x}", hasher.finish())
}

/// An index with its indexer task, which stops when this is dropped (with the last clone of
/// the catalogue): a task left running would go on writing to the index's folder, and could
/// meet the next one opened there.
#[derive(Debug)]
pub(crate) struct Following<F> {
    local: Arc<LocalIndex<F>>,
    /// `None` for an index brought up to date once and not followed.
    follower: Option<AbortHandle>,
}

impl<F: Followed> Following<F> {
    /// Waits (a while at most) until the index has applied change `seq`, when it follows the
    /// log; an index not followed stays as it is.
    pub(crate) async fn wait_for(&self, seq: i64) {
        if self.follower.is_some() {
            self.local.wait_for(seq).await;
        }
    }
}

impl<F> std::ops::Deref for Following<F> {
    type Target = LocalIndex<F>;

    fn deref(&self) -> &LocalIndex<F> {
        &self.local
    }
}

impl<F> Drop for Following<F> {
    fn drop(&mut self) {
        if let Some(follower) = &self.follower {
            follower.abort();
        }
    }
}

/// The indexer task: follows the log until it is stopped (see [`Following`]).
async fn follow_log<F: Followed>(this: Arc<LocalIndex<F>>) {
    let mut reported = tokio::time::Instant::now() - REPORT_EVERY;
    let mut pruned = tokio::time::Instant::now();
    loop {
        let worked = this.catch_up().await.unwrap_or_else(|err| {
            tracing::error!(error = %err, "the indexer could not apply the change log");
            false
        });
        // Pruning follows the opening log's indexers; the profile log is small.
        if F::REPORTS && reported.elapsed() >= REPORT_EVERY {
            reported = tokio::time::Instant::now();
            let now = crate::now();
            let applied = *this.applied.borrow();
            if let Err(err) = this.db.report_indexer(&this.name, applied, now).await {
                tracing::warn!(error = %err, "the indexer could not report its position");
            }
            if pruned.elapsed() >= PRUNE_EVERY {
                pruned = tokio::time::Instant::now();
                match this.db.prune_change_log(now).await {
                    Ok(count) if count > 0 => tracing::info!(count, "change log pruned"),
                    Ok(_) => {}
                    Err(err) => tracing::warn!(error = %err, "the change log could not be pruned"),
                }
            }
        }
        if worked {
            continue;
        }
        tokio::select! {
            () = this.wake.notified() => {}
            () = tokio::time::sleep(POLL) => {}
        }
    }
}
