use sea_orm::DbErr;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database error: {0}")]
    Database(#[from] DbErr),
    /// A stored row no longer reads as a record: a bug or a hand edit, never user input.
    #[error("opening {id} is corrupt: {reason}")]
    Corrupt { id: i64, reason: String },
    /// A unique value (an account's e-mail address) is in use already.
    #[error("already taken")]
    Taken,
    /// An import record clashes with what is stored (for instance a slug taken by another domain).
    #[error("record {index}: {reason}")]
    Conflict { index: usize, reason: String },
}
