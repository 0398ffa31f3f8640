//! The counts behind rate limits, kept in the database so that every server counts the same
//! attempts (the server's `rate_limit` decides what the limits are).

use crate::{Catalog, CatalogError};

impl Catalog {
    /// Counts an attempt under a rate limit's `key` (see the server's `rate_limit`).
    pub async fn count_attempt(&self, key: &str) -> Result<(), CatalogError> {
        Ok(self.db.count_attempt(key, crate::now()).await?)
    }

    /// Attempts counted under `key` since `since`.
    pub async fn attempts_since(&self, key: &str, since: db::accounts::Time) -> Result<u64, CatalogError> {
        Ok(self.db.attempts_since(key, since).await?)
    }

    pub async fn forget_attempts(&self, key: &str) -> Result<(), CatalogError> {
        Ok(self.db.forget_attempts(key).await?)
    }
}
