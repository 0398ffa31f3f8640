use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error(transparent)]
    Catalog(#[from] catalog::CatalogError),
    #[error(transparent)]
    Search(#[from] search::SearchError),
    #[error("password hashing failed: {0}")]
    Password(String),
    /// Too many password hashes waiting: the person is asked to try again shortly.
    #[error("too many password checks at once")]
    Busy,
    #[error("cannot read {path}: {source}")]
    ReadFile { path: PathBuf, source: std::io::Error },
    /// An import file was refused; each entry is `line N: reason`.
    #[error("{path}: {} bad line(s), nothing imported:\n{}", errors.len(), errors.join("\n"))]
    BadImport { path: String, errors: Vec<String> },
    #[error("cannot create the data directory {path}: {source}")]
    DataDir { path: PathBuf, source: std::io::Error },
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: String, source: std::io::Error },
    #[error("benchmark failed: {0}")]
    Bench(String),
    #[error("server error: {0}")]
    Serve(std::io::Error),
    #[error("invalid setting {name}: {reason}")]
    Config { name: &'static str, reason: String },
}
