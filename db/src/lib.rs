//! The database: source of truth for institutions, openings and accounts.
//!
//! [`Db`] wraps a SeaORM connection to SQLite (the default, a file under the data directory) or
//! PostgreSQL. Queries live here so that neither the UI nor the server writes SQL.
//!
//! A `Db` is either the connection pool or one transaction ([`Db::begin`]): every query works
//! on both, so a use case runs its writes, its audit entry, its e-mail and its change-log rows
//! together and commits them at once ([`Db::commit`]).

pub mod accounts;
mod alerts;
mod applications;
mod bookmarks;
mod candidates;
mod cards;
mod changes;
mod convert;
pub mod entity;
mod error;
mod import;
mod institutions;
mod moderation;
mod postings;
mod profiles;
mod queries;
mod rate_limits;
mod rounds;
mod unfinished;

use std::sync::Arc;
use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseExecutor, DatabaseTransaction, DbBackend,
    TransactionTrait,
};

pub use accounts::{Account, Mail, NewAccount, QueuedMail, TokenPurpose};
pub use alerts::{NewAlert, StoredAlert};
pub use applications::{AppliedTo, NewApplication, StoredApplication};
pub use changes::{Change, LogHead};
pub use error::DbError;
pub use import::ImportSummary;
pub use institutions::AuditRecord;
pub use postings::{NewDecision, NewPosting, Posting};
pub use profiles::NewCv;
pub use queries::{CataloguePage, StoredOpening};
pub use rounds::{NewRound, Only, Side, StoredParticipant, StoredRound, StoredRoundOpening};
pub use unfinished::StoredUnfinished;

/// Where an opening is in its life; only published openings are public.
pub(crate) use model::posting::PostingStatus as Status;

/// How long a write waits for another process's write to finish (SQLite has one writer at a
/// time: an import's batch, a moderator's decision).
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);
/// How long a pooled connection may sit unused before it is checked on being taken.
const IDLE_BEFORE_PING: Duration = Duration::from_secs(30);

#[derive(Clone, Debug)]
enum Handle {
    Pool(DatabaseConnection),
    /// Shared so that a transaction can be handed to helpers; committed once they are done.
    Transaction(Arc<DatabaseTransaction>),
}

#[derive(Clone, Debug)]
pub struct Db {
    handle: Handle,
}

impl Db {
    /// Connects to `url` (`sqlite://path?mode=rwc` or `postgres://…`). SQLite files are switched to
    /// WAL so that readers (the server) and a writer (`passerelle import`) do not block each other.
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        let mut options = ConnectOptions::new(url.to_owned());
        options.sqlx_logging(false).max_connections(8).min_connections(1);
        // Pinging every connection taken from the pool costs each query a round trip to the
        // connection's thread; a connection still in use cannot have been dropped by a server
        // or a firewall, so only one left idle a while is checked.
        options.test_before_acquire_if_idle_for(IDLE_BEFORE_PING);
        options.map_sqlx_sqlite_opts(|sqlite| sqlite.busy_timeout(BUSY_TIMEOUT));
        let conn = Database::connect(options).await?;
        if conn.get_database_backend() == DbBackend::Sqlite {
            conn.execute_unprepared("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;").await?;
        }
        Ok(Db { handle: Handle::Pool(conn) })
    }

    /// Applies pending migrations, in one transaction. On PostgreSQL it first takes an
    /// advisory lock, so that servers started together migrate one after the other (the later
    /// ones then find nothing to do).
    pub async fn migrate(&self) -> Result<(), DbError> {
        /// Any number, the same for every process.
        const MIGRATION_LOCK: i64 = 0x6d69_6772_6174;
        let txn = self.conn().begin().await?;
        if txn.get_database_backend() == DbBackend::Postgres {
            txn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")).await?;
        }
        Migrator::up(&txn, None).await?;
        txn.commit().await?;
        Ok(())
    }

    /// Whether migrations are waiting (read-only commands refuse to run on an older schema
    /// rather than migrate it behind a deploy's back).
    pub async fn needs_migration(&self) -> Result<bool, DbError> {
        Ok(!Migrator::get_pending_migrations(&self.conn()).await?.is_empty())
    }

    /// Answers when the database does.
    pub async fn ping(&self) -> Result<(), DbError> {
        match &self.handle {
            Handle::Pool(conn) => conn.ping().await?,
            Handle::Transaction(_) => {}
        }
        Ok(())
    }

    pub fn backend_name(&self) -> &'static str {
        match self.conn().get_database_backend() {
            DbBackend::Postgres => "postgres",
            DbBackend::Sqlite => "sqlite",
            _ => "other",
        }
    }

    /// A transaction: the same queries, committed together by [`Db::commit`] (or dropped).
    ///
    /// On SQLite the transaction starts by taking the write lock (waiting for another writer
    /// up to [`BUSY_TIMEOUT`]): a transaction that read first and wrote later would otherwise
    /// fail at once when another writer committed in between, instead of waiting its turn.
    pub async fn begin(&self) -> Result<Db, DbError> {
        let txn = self.conn().begin().await?;
        if txn.get_database_backend() == DbBackend::Sqlite {
            txn.execute_unprepared("UPDATE change_log_state SET pruned_through = pruned_through WHERE id = 1").await?;
        }
        Ok(Db { handle: Handle::Transaction(Arc::new(txn)) })
    }

    /// Commits a transaction from [`Db::begin`]; on the pool it does nothing.
    pub async fn commit(self) -> Result<(), DbError> {
        match self.handle {
            Handle::Pool(_) => Ok(()),
            Handle::Transaction(txn) => match Arc::try_unwrap(txn) {
                Ok(txn) => Ok(txn.commit().await?),
                Err(_) => Err(DbError::Database(sea_orm::DbErr::Custom(
                    "a transaction was committed while still shared".into(),
                ))),
            },
        }
    }

    pub(crate) fn conn(&self) -> DatabaseExecutor<'_> {
        match &self.handle {
            Handle::Pool(conn) => DatabaseExecutor::Connection(conn),
            Handle::Transaction(txn) => DatabaseExecutor::Transaction(txn),
        }
    }
}
