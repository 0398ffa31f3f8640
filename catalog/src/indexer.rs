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
//! - A write waits until this server's index holds it, so that its page finds what was just
//!   saved. When the log is long (an import running), the writer's own ids jump the queue:
//!   the indexer stops the log's batch after the page it is on, applies them in the same
//!   commit, and stores how far it got in the log (they are applied again in turn, which does
//!   no harm).
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
/// Changes applied between two looks at the writers waiting (see [`Waiting`]).
const APPLY_PAGE: usize = 200;
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
    waiting: Arc<Waiting>,
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
            waiting: Arc::new(Waiting::default()),
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

    /// Waits (a while at most) until the index has applied change `seq`, or at least the
    /// current state of `ids` (the writer's own, applied ahead of the log).
    pub(crate) async fn wait_for(&self, seq: i64, ids: &[i64]) {
        if seq <= 0 || *self.applied.borrow() >= seq {
            return;
        }
        let mut applied = self.applied.subscribe();
        let mut served = self.waiting.served.subscribe();
        let ticket = if ids.is_empty() { u64::MAX } else { self.waiting.join(ids) };
        self.wake.notify_one();
        let reached = async {
            tokio::select! {
                _ = applied.wait_for(|applied| *applied >= seq) => {}
                _ = served.wait_for(|served| *served >= ticket) => {}
            }
        };
        if tokio::time::timeout(WAIT_FOR_INDEX, reached).await.is_err() {
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
        let next = Position { database_id: head.database_id, applied: last };
        let (db, index, runtime) = (self.db.clone(), Arc::clone(&self.index), Handle::current());
        let waiting = Arc::clone(&self.waiting);
        let (reached, served) = tokio::task::spawn_blocking(move || {
            let mut done = (last, 0);
            index.rewrite::<CatalogError>(false, Some(&next), |batch| {
                for page in changes.chunks(APPLY_PAGE) {
                    F::apply(batch, &db, &runtime, &distinct(page.iter().map(|(_, id)| *id)))?;
                    done.0 = page.last().map_or(last, |(seq, _)| *seq);
                    if waiting.any() {
                        break;
                    }
                }
                let (ids, ticket) = waiting.take();
                F::apply(batch, &db, &runtime, &distinct(ids))?;
                done.1 = ticket;
                if done.0 < last {
                    batch.record_position(Position { applied: done.0, ..next.clone() });
                }
                Ok(())
            })?;
            Ok::<_, CatalogError>(done)
        })
        .await??;
        tracing::debug!(applied = reached, index = F::NAME, "index caught up");
        self.applied.send_replace(reached);
        self.waiting.serve(served);
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

/// The ids, each once, in order.
fn distinct(ids: impl IntoIterator<Item = i64>) -> Vec<i64> {
    let mut ids: Vec<i64> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Writers waiting for their own ids to be searchable. Each gets a ticket; the indexer takes
/// the ids between pages of the log, applies them in the commit it is writing, and then
/// serves every ticket taken with them.
#[derive(Debug, Default)]
struct Waiting {
    queue: std::sync::Mutex<Queue>,
    /// The last ticket served.
    served: watch::Sender<u64>,
}

#[derive(Debug, Default)]
struct Queue {
    ids: Vec<i64>,
    last_ticket: u64,
}

impl Waiting {
    fn queue(&self) -> std::sync::MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Queues `ids`; the ticket to wait for.
    fn join(&self, ids: &[i64]) -> u64 {
        let mut queue = self.queue();
        queue.ids.extend_from_slice(ids);
        queue.last_ticket += 1;
        queue.last_ticket
    }

    fn any(&self) -> bool {
        !self.queue().ids.is_empty()
    }

    /// The ids queued, and the last ticket they answer.
    fn take(&self) -> (Vec<i64>, u64) {
        let mut queue = self.queue();
        (std::mem::take(&mut queue.ids), queue.last_ticket)
    }

    fn serve(&self, ticket: u64) {
        self.served.send_if_modified(|served| {
            let newer = ticket > *served;
            if newer {
                *served = ticket;
            }
            newer
        });
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
    pub(crate) async fn wait_for(&self, seq: i64, ids: &[i64]) {
        if self.follower.is_some() {
            self.local.wait_for(seq, ids).await;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ticket_is_served_only_with_the_ids_it_queued() {
        let waiting = Waiting::default();
        let first = waiting.join(&[7, 3]);
        let (ids, ticket) = waiting.take();
        assert_eq!((ids, ticket), (vec![7, 3], first));
        // A writer queuing after the indexer took the queue waits for the next commit.
        let second = waiting.join(&[3]);
        waiting.serve(ticket);
        assert!(*waiting.served.borrow() < second);
        assert!(waiting.any());
        let (ids, ticket) = waiting.take();
        assert_eq!((ids, ticket), (vec![3], second));
        waiting.serve(ticket);
        waiting.serve(first);
        assert_eq!(*waiting.served.borrow(), second, "served tickets never go back");
        assert!(!waiting.any());
    }

    #[test]
    fn ids_are_applied_once_each() {
        assert_eq!(distinct([5, 1, 5, 2, 1]), vec![1, 2, 5]);
    }
}
