//! Accounts on the HTTP side: who is asking ([`session`]), the account forms ([`forms`]),
//! password hashing ([`password`]), one-time tokens ([`token`]), rate limits ([`rate_limit`])
//! and the e-mails they send ([`mail`]). Storage is in the `db` crate.

pub mod client;
pub mod forms;
pub mod mail;
pub mod password;
pub mod rate_limit;
pub mod session;

use std::sync::Arc;

use client::TrustedProxy;
use rate_limit::RateLimits;

/// This site's origin (`https://passerelle.example`), which `Origin` headers must name.
#[derive(Clone, Debug)]
pub struct SiteOrigin {
    origin: String,
    /// Whether `PASSERELLE_PUBLIC_URL` named it. Without it (development), a browser may reach
    /// the server by any of its names (`localhost`, `127.0.0.1`), and the origin it names must
    /// then match the `Host` it asked.
    configured: bool,
}

impl SiteOrigin {
    pub fn of(public_url: &str, configured: bool) -> SiteOrigin {
        let origin = match public_url.split_once("://") {
            Some((scheme, rest)) => format!("{scheme}://{}", rest.split('/').next().unwrap_or_default()),
            None => public_url.to_string(),
        };
        SiteOrigin { origin: origin.to_ascii_lowercase(), configured }
    }

    /// Whether a request saying it came from `origin` (and asking for `host`) came from here.
    pub fn accepts(&self, origin: &str, host: Option<&str>) -> bool {
        let origin = origin.to_ascii_lowercase();
        origin == self.origin
            || (!self.configured
                && host.is_some_and(|host| origin.split_once("://").is_some_and(|(_, authority)| authority == host)))
    }
}

/// What the account handlers share.
#[derive(Clone)]
pub struct Auth {
    /// The use cases (accounts live there too).
    pub catalog: catalog::Catalog,
    pub limits: RateLimits,
    /// What `Origin` headers must name.
    pub origin: SiteOrigin,
    /// Reverse proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Arc<[TrustedProxy]>,
    /// The site's origin, for links in e-mails.
    pub public_url: Arc<str>,
    /// Cookies get `Secure` when the site is served over HTTPS.
    pub secure_cookies: bool,
}

impl Auth {
    pub fn new(catalog: catalog::Catalog, site: &crate::config::Config) -> Auth {
        let public_url = site.public_url.as_str();
        Auth {
            limits: RateLimits::new(catalog.clone()),
            catalog,
            origin: SiteOrigin::of(public_url, site.public_url_configured),
            trusted_proxies: Arc::from(site.trusted_proxies.clone()),
            public_url: Arc::from(public_url),
            secure_cookies: public_url.starts_with("https://"),
        }
    }
}
