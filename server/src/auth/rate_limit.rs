//! Attempts per key in a sliding window, counted in the database so that every server behind a
//! load balancer sees the same counts: sign-in, sign-up, reset requests and reports, by address
//! and by client. If the database cannot be asked, the attempt is let through (and logged):
//! rate limits slow guessing down, they do not guard anything on their own.

use std::time::Duration;

use catalog::Catalog;

/// How many attempts a kind of request allows, and over how long.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub attempts: u64,
    pub per: Duration,
}

impl Limit {
    fn window_start(self, now: chrono::DateTime<chrono::FixedOffset>) -> chrono::DateTime<chrono::FixedOffset> {
        now - chrono::Duration::from_std(self.per).unwrap_or_else(|_| chrono::Duration::hours(1))
    }
}

#[derive(Clone, Debug)]
pub struct RateLimits {
    catalog: Catalog,
}

impl RateLimits {
    pub fn new(catalog: Catalog) -> RateLimits {
        RateLimits { catalog }
    }

    /// Counts an attempt under `key`; `false` when the limit is reached (the attempt is then
    /// not counted, so that waiting always helps).
    pub async fn allow(&self, key: &str, limit: Limit) -> bool {
        if self.reached(key, limit).await {
            return false;
        }
        self.count(key).await;
        true
    }

    /// Whether `key` has had `limit.attempts` attempts in the window (without counting one).
    pub async fn reached(&self, key: &str, limit: Limit) -> bool {
        self.recent(key, limit).await >= limit.attempts
    }

    /// Attempts under `key` in the window.
    pub async fn recent(&self, key: &str, limit: Limit) -> u64 {
        let now = chrono::Utc::now().fixed_offset();
        self.catalog.attempts_since(key, limit.window_start(now)).await.unwrap_or_else(|err| {
            tracing::error!(error = %err, "a rate limit could not be read");
            0
        })
    }

    /// Counts an attempt under `key`.
    pub async fn count(&self, key: &str) {
        if let Err(err) = self.catalog.count_attempt(key).await {
            tracing::error!(error = %err, "a rate limit could not be counted");
        }
    }

    /// Forgets the attempts under `key`.
    pub async fn forget(&self, key: &str) {
        if let Err(err) = self.catalog.forget_attempts(key).await {
            tracing::error!(error = %err, "a rate limit could not be reset");
        }
    }
}
