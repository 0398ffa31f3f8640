//! Password hashing with argon2id (the crate's defaults: 19 MiB, 2 passes, OWASP's minimum).
//! Hashing is slow on purpose, so callers run it on a blocking thread.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use password_hash::rand_core::OsRng;

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

/// Runs `work` (hashing) off the async threads.
pub async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, ServerError> {
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
}
