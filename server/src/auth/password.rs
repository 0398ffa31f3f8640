//! Password hashing with argon2id (the crate's defaults: 19 MiB, 2 passes, OWASP's minimum).
//! Hashing is slow on purpose, so callers run it on a blocking thread.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use password_hash::rand_core::OsRng;

use std::time::Duration;

use tokio::sync::Semaphore;

use crate::ServerError;

pub fn hash_password(password: &str) -> Result<String, ServerError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|err| ServerError::Password(err.to_string()))
}

/// Whether `password` matches `stored`. With no stored hash (no such account) the same work is
/// done against a fixed hash, so that timing does not tell which addresses have accounts.
pub fn verify_password(password: &str, stored: Option<&str>) -> bool {
    static UNKNOWN: std::sync::LazyLock<String> =
        std::sync::LazyLock::new(|| hash_password("no account has this password").unwrap_or_default());
    let Ok(parsed) = PasswordHash::new(stored.unwrap_or(&UNKNOWN)) else { return false };
    Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok() && stored.is_some()
}

/// Hashes computed at once at most: each takes 19 MiB while it runs, so without a bound a burst
/// of sign-ins would take the server's memory (30 at once: about 600 MB).
pub const MAX_CONCURRENT_HASHES: usize = 4;
/// How long a sign-in waits for a turn before the server answers that it is busy.
const WAIT_FOR_TURN: Duration = Duration::from_secs(5);

static HASHING: Semaphore = Semaphore::const_new(MAX_CONCURRENT_HASHES);

/// Runs `work` (hashing) off the async threads, [`MAX_CONCURRENT_HASHES`] at a time;
/// [`ServerError::Busy`] when no turn came in time.
pub async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, ServerError> {
    let turn = tokio::time::timeout(WAIT_FOR_TURN, HASHING.acquire()).await;
    let Ok(Ok(_permit)) = turn else { return Err(ServerError::Busy) };
    tokio::task::spawn_blocking(work).await.map_err(|err| ServerError::Password(err.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argon2id_hashes_verify_and_differ_by_salt() {
        let hash = hash_password("correct horse battery").expect("hash");
        assert!(hash.starts_with("$argon2id$"));
        assert_ne!(hash, hash_password("correct horse battery").expect("hash"));
        assert!(verify_password("correct horse battery", Some(&hash)));
        assert!(!verify_password("wrong horse battery", Some(&hash)));
        assert!(!verify_password("correct horse battery", None));
        assert!(!verify_password("x", Some("not a hash")));
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn no_more_than_a_few_hashes_run_at_once() {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicUsize, Ordering};
        let (running, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let attempts = (0..20).map(|_| {
            let (running, most) = (Arc::clone(&running), Arc::clone(&most));
            tokio::spawn(blocking(move || {
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                most.fetch_max(now, Ordering::SeqCst);
                std::thread::sleep(Duration::from_millis(20));
                running.fetch_sub(1, Ordering::SeqCst);
            }))
        });
        for attempt in attempts.collect::<Vec<_>>() {
            attempt.await.expect("join").expect("a turn came");
        }
        assert!(most.load(Ordering::SeqCst) <= MAX_CONCURRENT_HASHES, "{} at once", most.load(Ordering::SeqCst));
    }
}
