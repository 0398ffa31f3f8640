#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    #[error("index directory: {0}")]
    Io(#[from] std::io::Error),
    #[error("index directory: {0}")]
    OpenDirectory(#[from] tantivy::directory::error::OpenDirectoryError),
}

impl SearchError {
    /// Another process is writing this index at this moment (Tantivy allows one writer): worth
    /// trying again shortly.
    pub fn is_busy(&self) -> bool {
        matches!(self, SearchError::Tantivy(tantivy::TantivyError::LockFailure(..)))
    }
}
