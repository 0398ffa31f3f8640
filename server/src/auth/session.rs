//! Who is asking, for every request: the session cookie names an account (looked up in the
//! database), and the CSRF cookie holds the token that this browser's forms must send back.
//! Both end up in the request's extensions as a [`PageState`], which pages and handlers read.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use catalog::Account;
use model::account::PageState;

use super::Auth;
use catalog::token::{looks_like_token, random_token};

pub const SESSION_COOKIE: &str = "passerelle_session";
pub const CSRF_COOKIE: &str = "passerelle_csrf";
pub use catalog::SESSION_DAYS;

/// The signed-in account behind a request (`None`: signed out), for handlers that need more
/// than the [`Viewer`]. Also an extractor.
#[derive(Clone, Debug)]
pub struct SignedIn(pub Option<Account>);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for SignedIn {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(parts.extensions.get::<SignedIn>().cloned().unwrap_or(SignedIn(None)))
    }
}

pub fn request_cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).find_map(|h| model::lang::cookie(h, name))
}

/// Looks the session up and makes sure the browser has a CSRF token.
pub async fn resolve(State(auth): State<Auth>, mut request: Request, next: Next) -> Response {
    let path = request.uri().path();
    if path.starts_with("/pkg/") || path.starts_with("/assets/") {
        return next.run(request).await;
    }
    let headers = request.headers();
    let session = request_cookie(headers, SESSION_COOKIE).filter(|t| looks_like_token(t)).map(str::to_string);
    let signed_in = match &session {
        Some(token) => auth.catalog.session(token).await.unwrap_or_else(|err| {
            tracing::error!(error = %err, "session lookup failed");
            None
        }),
        None => None,
    };
    let stale_session = session.is_some() && signed_in.is_none();
    let existing_csrf = request_cookie(headers, CSRF_COOKIE).filter(|t| looks_like_token(t)).map(str::to_string);
    let fresh_csrf = existing_csrf.is_none();
    let csrf = existing_csrf.unwrap_or_else(random_token);
    let (account, viewer) = signed_in.unzip();
    let signed_in = account.is_some();
    let state = PageState { viewer, csrf: csrf.clone(), echo: None };
    request.extensions_mut().insert(state);
    request.extensions_mut().insert(SignedIn(account));
    let mut response = next.run(request).await;
    // What a signed-in person is shown is theirs: no cache (shared or not) may keep it.
    if signed_in {
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    // A handler that signed someone in or out has set these cookies itself.
    if fresh_csrf && !sets_cookie(&response, CSRF_COOKIE) {
        add_cookie(&mut response, &auth, CSRF_COOKIE, Some(&csrf));
    }
    if stale_session && !sets_cookie(&response, SESSION_COOKIE) {
        add_cookie(&mut response, &auth, SESSION_COOKIE, None);
    }
    response
}

fn sets_cookie(response: &Response, name: &str) -> bool {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .any(|value| value.to_str().is_ok_and(|cookie| cookie.split_once('=').is_some_and(|(key, _)| key == name)))
}

/// Sets cookie `name` (HttpOnly, SameSite=Lax, Secure behind HTTPS), or clears it with `None`.
pub fn add_cookie(response: &mut Response, auth: &Auth, name: &str, value: Option<&str>) {
    let secure = if auth.secure_cookies { "; Secure" } else { "" };
    let (value, max_age) = match value {
        Some(value) => (value, SESSION_DAYS * 24 * 3600),
        None => ("", 0),
    };
    let cookie = format!("{name}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}");
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}
