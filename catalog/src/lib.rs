//! The service layer: every use case of the platform, over the database (the source of truth)
//! and this server's search index (which follows the database).
//!
//! - Each use case takes the acting viewer, checks permission, validates, and does its writes,
//!   its audit entry, its queued e-mail and its change-log rows in one transaction, with
//!   conditional state changes (`postings`).
//! - Reads for pages, the JSON API and the CLI are assembled one way (`reading`); openings
//!   recommended for a profile, with their reasons in the reader's language (`recommendations`).
//! - The index is written by one indexer per server, which follows the database's change log
//!   (`indexer`); nothing else writes it. A server's own writes wait for its indexer, so the
//!   person who just published finds it in search when the page returns.
//! - The CLI opens a catalogue without an index ([`Catalog::connect`]): its writes reach every
//!   server's index through the log.

mod accounts;
mod alerts;
mod applications;
mod bookmarks;
mod candidates;
mod digest;
mod followed;
mod indexer;
mod institutions;
mod limits;
mod mail;
mod markdown;
mod moderation;
mod postings;
mod profiles;
mod reading;
mod recent;
mod recommendations;
mod round_close;
mod rounds;
pub mod token;
mod unfinished;

pub use accounts::{AdminCreated, SESSION_DAYS, SignUp};
pub use alerts::{DIGEST_MAX, DigestRun};
pub use applications::{ApplyRefusal, REMIND_AFTER_DAYS, clean_letter};
pub use candidates::CANDIDATES_SHOWN;
pub use db::{Account, DbError, ImportSummary, Mail, NewAccount, Posting, QueuedMail, TokenPurpose};
pub use indexer::IndexHealth;
pub use institutions::{JoinRefusal, MemberChange};
pub use mail::compose_mail;
pub use postings::{SaveAction, Verdict};
pub use profiles::{CvRefusal, MAX_CV_BYTES, check_pdf};
pub use reading::{SearchOutcome, search_query};
pub use recent::{Recent, Version};
pub use recommendations::DEFAULT_RECOMMENDATIONS;
pub use round_close::REMIND_BEFORE_HOURS;

use std::path::Path;

use chrono::NaiveDate;
use std::sync::Arc;

use db::Db;
use model::record::OpeningRecord;
use search::{SearchError, SearchIndex};
use tokio::sync::Notify;

#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Search(#[from] SearchError),
    #[error("background task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
    /// No such thing, or nothing the viewer may see (answered alike, so as not to tell).
    #[error("not found")]
    NotFound,
    /// The viewer may see it but not do this.
    #[error("not allowed")]
    Forbidden,
    /// Its state changed first (decided by another moderator, closed): nothing was done.
    #[error("already changed")]
    Stale,
    /// What was given does not hold: each problem a field name and a Fluent message id.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<(String, &'static str)>),
    /// This catalogue was opened without an index (a CLI command) and cannot search.
    #[error("no search index is open in this process")]
    NoIndex,
}

#[derive(Clone, Debug)]
pub struct Catalog {
    db: Db,
    /// This server's index and its indexer; `None` in CLI commands.
    search: Option<Arc<indexer::Following<followed::Openings>>>,
    /// This server's index of the profiles that may be proposed to institutions (candidates
    /// for an opening) and its indexer; `None` in CLI commands.
    profiles: Option<Arc<indexer::Following<followed::Profiles>>>,
    /// Answers to searches on this server's index as it stands.
    recent: Arc<recent::Recent<SearchOutcome>>,
    /// The site's origin, for links in e-mails.
    public_url: Arc<str>,
    /// Wakes the mail sender when a use case queued mail.
    mail_waiting: Arc<Notify>,
    /// The hour (UTC) at which digests go out.
    alert_hour: u32,
}

/// Writes in the transaction `tx` that `actor` did `action` to the `target` (its kind and id).
async fn audit(
    tx: &Db,
    actor: i64,
    action: model::account::AuditAction,
    target: (&str, i64),
    detail: &str,
) -> Result<(), CatalogError> {
    let (target_kind, target_id) = target;
    let record = db::AuditRecord { actor: Some(actor), action, target_kind, target_id, detail };
    Ok(tx.record_audit(record, now()).await?)
}

/// The hour (UTC) at which digests go out unless `PASSERELLE_ALERT_HOUR` says otherwise:
/// morning in Europe, afternoon in Korea, night before in Quebec.
pub const DEFAULT_ALERT_HOUR: u32 = 6;

/// The profile index's folder under the index's root (its versions inside, like the openings').
const PROFILES_FOLDER: &str = "profiles";

/// Search answers kept at most (a page of ten is a few tens of KB).
pub const REMEMBERED_SEARCHES: usize = 512;

/// Openings read from the database at a time when (re)indexing many.
const PAGE: u64 = 2000;

impl Catalog {
    /// Connects to the database without migrating it or opening an index (CLI commands).
    pub async fn connect(database_url: &str) -> Result<Catalog, CatalogError> {
        let db = Db::connect(database_url).await?;
        Ok(Catalog {
            db,
            search: None,
            profiles: None,
            recent: Arc::new(recent::Recent::new(REMEMBERED_SEARCHES)),
            public_url: Arc::from("http://localhost:3000"),
            mail_waiting: Arc::new(Notify::new()),
            alert_hour: DEFAULT_ALERT_HOUR,
        })
    }

    /// What a server opens: the database (migrated) and the index in `index_dir`, brought up
    /// to date with the database before this returns, then followed by an indexer task.
    pub async fn open(database_url: &str, index_dir: &Path) -> Result<Catalog, CatalogError> {
        let catalog = Catalog::connect(database_url).await?;
        catalog.migrate().await?;
        catalog.with_index(index_dir).await
    }

    /// This catalogue with the index in `index_dir` and its indexer running.
    pub async fn with_index(mut self, index_dir: &Path) -> Result<Catalog, CatalogError> {
        self.search = Some(Arc::new(indexer::LocalIndex::open(self.db.clone(), index_dir, true).await?));
        let profiles_dir = index_dir.join(PROFILES_FOLDER);
        self.profiles = Some(Arc::new(indexer::LocalIndex::open(self.db.clone(), &profiles_dir, true).await?));
        Ok(self)
    }

    /// This catalogue with the index in `index_dir` brought up to date once, not followed
    /// afterwards: for a command that searches beside the server that keeps that index.
    pub async fn with_index_as_of_now(mut self, index_dir: &Path) -> Result<Catalog, CatalogError> {
        self.search = Some(Arc::new(indexer::LocalIndex::open(self.db.clone(), index_dir, false).await?));
        Ok(self)
    }

    /// Digests go out at `hour` (UTC, 0–23).
    pub fn with_alert_hour(mut self, hour: u32) -> Catalog {
        self.alert_hour = hour.min(23);
        self
    }

    /// Links in e-mails point at `public_url`.
    pub fn with_public_url(mut self, public_url: &str) -> Catalog {
        self.public_url = Arc::from(public_url.trim_end_matches('/'));
        self
    }

    pub async fn migrate(&self) -> Result<(), CatalogError> {
        Ok(self.db.migrate().await?)
    }

    /// Whether the database's schema is older than this program's.
    pub async fn needs_migration(&self) -> Result<bool, CatalogError> {
        Ok(self.db.needs_migration().await?)
    }

    pub fn mail_signal(&self) -> Arc<Notify> {
        Arc::clone(&self.mail_waiting)
    }

    /// Turns on semantic matching in this server's index (see `search::SearchIndex::enable_semantic`).
    pub fn enable_semantic(&self, encoder: Arc<search::Encoder>) -> Result<(), CatalogError> {
        self.index()?.enable_semantic(encoder);
        Ok(())
    }

    /// With semantic matching on: openings embedded so far, and whether all are.
    pub fn semantic_progress(&self) -> Option<(usize, bool)> {
        self.index().ok()?.semantic_progress()
    }

    fn index(&self) -> Result<Arc<SearchIndex>, CatalogError> {
        self.search.as_ref().map(|local| local.index()).ok_or(CatalogError::NoIndex)
    }

    /// Waits until this server's profile index has applied the profile log up to `seq`, or
    /// at least `account_id`'s profile.
    async fn profiles_indexed(&self, seq: i64, account_id: i64) {
        if let Some(local) = &self.profiles {
            local.wait_for(seq, &[account_id]).await;
        }
    }

    /// Waits until this server's index has applied the change log up to `seq`, or at least
    /// the writer's own openings `ids` (when this process has an index), so that what was just
    /// written is found.
    async fn indexed(&self, seq: i64, ids: &[i64]) {
        if let Some(local) = &self.search {
            local.wait_for(seq, ids).await;
        }
    }

    /// `passerelle reindex`: migrates the database and rebuilds the index in `index_dir` from it,
    /// once, with no indexer following it afterwards. Returns how many openings it holds.
    pub async fn rebuild_index(database_url: &str, index_dir: &Path) -> Result<u64, CatalogError> {
        let catalog = Catalog::connect(database_url).await?;
        catalog.migrate().await?;
        let profiles = index_dir.join(PROFILES_FOLDER);
        indexer::LocalIndex::<followed::Profiles>::new(catalog.db.clone(), &profiles)?.rebuild().await?;
        indexer::LocalIndex::<followed::Openings>::new(catalog.db, index_dir)?.rebuild().await
    }

    /// Rebuilds this process's index from the database. Returns how many openings it holds.
    pub async fn reindex(&self) -> Result<u64, CatalogError> {
        match &self.search {
            Some(local) => local.rebuild().await,
            None => Err(CatalogError::NoIndex),
        }
    }

    /// Upserts records (checked for conflicts first, then written in batches of a few
    /// thousand, one transaction each, so that servers index while a large import runs; a
    /// rerun after a crash completes it). Returns when this server's index has them.
    pub async fn import(&self, records: &[OpeningRecord]) -> Result<ImportSummary, CatalogError> {
        /// Openings per transaction.
        const IMPORT_BATCH: usize = 2000;
        self.db.check_import(records).await?;
        let mut summary = ImportSummary::default();
        for (number, batch) in records.chunks(IMPORT_BATCH).enumerate() {
            let done = self.db.import(batch).await.map_err(|err| match err {
                DbError::Conflict { index, reason } => {
                    DbError::Conflict { index: index + number * IMPORT_BATCH, reason }
                }
                other => other,
            })?;
            summary.add(done);
        }
        self.indexed(summary.last_change, &[]).await;
        Ok(summary)
    }

    /// Whether the database answers, and how far this server's index lags behind it.
    pub async fn health(&self) -> Result<IndexHealth, CatalogError> {
        self.db.ping().await?;
        match &self.search {
            Some(local) => local.health().await,
            None => Err(CatalogError::NoIndex),
        }
    }

    /// The version of this server's index: what was found under one version stands until it
    /// changes (see [`Recent`]); `None` without an index.
    pub fn index_version(&self) -> Option<Version> {
        self.index().ok().map(|index| index.version())
    }

    /// Ids in the index, sorted (to compare it with the database).
    pub fn indexed_ids(&self) -> Result<Vec<i64>, CatalogError> {
        Ok(self.index()?.ids()?)
    }
}

/// The day deadlines are compared with. A deadline is a day "anywhere on Earth": an opening
/// stays open until its deadline day has ended in every time zone (UTC−12), so that nobody,
/// in Seoul or in Sherbrooke, loses a day to where they live. Openings close by this rule at
/// query time: they leave searches, and their page says they are closed.
pub fn today() -> NaiveDate {
    today_at(chrono::Utc::now())
}

/// This instant, as the database stores times.
pub fn now() -> chrono::DateTime<chrono::FixedOffset> {
    // To the microsecond, as PostgreSQL keeps it: a time read back compares equal.
    chrono::SubsecRound::trunc_subsecs(chrono::Utc::now(), 6).fixed_offset()
}

/// [`today`] at the instant `now`.
pub fn today_at(now: chrono::DateTime<chrono::Utc>) -> NaiveDate {
    (now - chrono::Duration::hours(12)).date_naive()
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};

    use super::today_at;

    #[test]
    fn a_deadline_ends_when_its_day_has_ended_everywhere() {
        let deadline = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap_or_default();
        let open_at = |y, m, d, h, min| {
            let now = Utc.with_ymd_and_hms(y, m, d, h, min, 0).single().unwrap_or_default();
            deadline >= today_at(now)
        };
        assert!(open_at(2027, 3, 1, 14, 0), "14:00 UTC on the day (23:00 in Seoul)");
        assert!(open_at(2027, 3, 2, 4, 0), "already March 2 in Seoul, still March 1 in Sherbrooke");
        assert!(open_at(2027, 3, 2, 11, 59), "the last minute of March 1 at UTC−12");
        assert!(!open_at(2027, 3, 2, 12, 0), "March 1 is over everywhere");
    }
}
