//! The database: source of truth for institutions, openings and accounts.
//!
//! [`Db`] wraps a SeaORM connection to SQLite (the default, a file under the data directory) or
//! PostgreSQL. Queries live here so that neither the UI nor the server writes SQL.

pub mod accounts;
mod convert;
pub mod entity;
mod error;
mod import;
mod institutions;
mod moderation;
mod postings;
mod queries;

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend};

pub use accounts::{Account, Mail, NewAccount, QueuedMail, TokenPurpose};
pub use error::DbError;
pub use import::ImportSummary;
pub use institutions::AuditRecord;
pub use postings::{NewDecision, NewPosting, Posting};
pub use queries::{CataloguePage, StoredOpening};

/// Where an opening is in its life; only published openings are public.
pub(crate) use model::posting::PostingStatus as Status;

#[derive(Clone, Debug)]
pub struct Db {
    conn: DatabaseConnection,
}

impl Db {
    /// Connects to `url` (`sqlite://path?mode=rwc` or `postgres://…`). SQLite files are switched to
    /// WAL so that readers (the server) and a writer (`passerelle import`) do not block each other.
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        let mut options = ConnectOptions::new(url.to_owned());
        options.sqlx_logging(false).max_connections(8).min_connections(1);
        let conn = Database::connect(options).await?;
        if conn.get_database_backend() == DbBackend::Sqlite {
            conn.execute_unprepared("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON;").await?;
        }
        Ok(Db { conn })
    }

    /// Applies pending migrations.
    pub async fn migrate(&self) -> Result<(), DbError> {
        Migrator::up(&self.conn, None).await?;
        Ok(())
    }

    /// Answers when the database does.
    pub async fn ping(&self) -> Result<(), DbError> {
        self.conn.ping().await?;
        Ok(())
    }

    pub fn backend_name(&self) -> &'static str {
        match self.conn.get_database_backend() {
            DbBackend::Postgres => "postgres",
            DbBackend::Sqlite => "sqlite",
            _ => "other",
        }
    }

    pub(crate) fn conn(&self) -> &DatabaseConnection {
        &self.conn
    }
}
