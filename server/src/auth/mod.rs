//! Accounts on the HTTP side: who is asking ([`session`]), the account forms ([`forms`]),
//! password hashing ([`password`]), one-time tokens ([`token`]), rate limits ([`rate_limit`])
//! and the e-mails they send ([`mail`]). Storage is in the `db` crate.

pub mod forms;
pub mod mail;
pub mod password;
pub mod rate_limit;
pub mod session;
pub mod token;

use std::sync::Arc;

use db::Db;
use tokio::sync::Notify;

use rate_limit::RateLimiter;

/// What the account handlers share.
#[derive(Clone)]
pub struct Auth {
    pub db: Db,
    pub limiter: Arc<RateLimiter>,
    /// The site's origin, for links in e-mails.
    pub public_url: Arc<str>,
    /// Cookies get `Secure` when the site is served over HTTPS.
    pub secure_cookies: bool,
    /// Wakes the mail sender when something was queued.
    pub mail_waiting: Arc<Notify>,
}

impl Auth {
    pub fn new(db: Db, public_url: &str, mail_waiting: Arc<Notify>) -> Auth {
        Auth {
            db,
            limiter: Arc::new(RateLimiter::default()),
            public_url: Arc::from(public_url),
            secure_cookies: public_url.starts_with("https://"),
            mail_waiting,
        }
    }
}
