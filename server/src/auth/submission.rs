//! A posted form, as every form handler reads it: its fields, who sent it and from where, and
//! the echo a refusal sends back. Forms post plain HTML (so they work without JavaScript); a
//! refused form is rendered again by its own page with what was typed (never a password) and
//! each problem next to its field, in the page's language.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use catalog::Account;
use model::Lang;
use model::account::{FormEcho, PageState, Viewer};
use subtle::ConstantTimeEq;

use super::client::client_address;
use super::rate_limit::Limit;
use super::session::SignedIn;
use crate::ServerError;
use crate::state::AppState;
use app::url::{path, route};

/// Never sent back to the page.
const SECRET_FIELDS: [&str; 3] = ["password", "current_password", "csrf"];
/// The largest form body read: the posting form with every text at its longest, each character
/// taking up to 12 bytes once percent-encoded (4 in UTF-8, `%XX` each), and room for the rest.
/// Sized from the fields' limits, so that a form the fields accept is never refused as too large.
const MAX_FORM_BYTES: usize =
    12 * 3 * (model::posting::MAX_DESCRIPTION_CHARS + model::posting::MAX_TITLE_CHARS) + 64 * 1024;

/// A posted form: its fields, who sent it, and the echo that a rejection sends back.
pub struct Submission {
    pub lang: Lang,
    pub(super) parts: Parts,
    page: PageState,
    fields: Vec<(String, String)>,
    pub echo: FormEcho,
    pub account: Option<Account>,
    /// The client's address, for rate limits.
    client: String,
}

impl Submission {
    /// Reads a form posted under `/{lang}/…` and checks its CSRF token; a form without a valid
    /// one is rendered again (403), what was typed kept, with a request to send it again.
    /// `page` is where the form is shown (`account`, `admin/institutions`) when it posts to an
    /// action URL of its own; `None` when it posts to its page's URL.
    pub async fn begin(
        state: &AppState,
        lang: &str,
        request: Request,
        form: &str,
        page: Option<&str>,
    ) -> Result<Submission, Response> {
        let Some(lang) = Lang::from_code(lang) else { return Err(StatusCode::NOT_FOUND.into_response()) };
        let (parts, body) = request.into_parts();
        let (bytes, too_large) = match to_bytes(body, MAX_FORM_BYTES).await {
            Ok(bytes) => (bytes, false),
            Err(_) => (Default::default(), true),
        };
        let fields: Vec<(String, String)> =
            serde_urlencoded::from_bytes(&bytes).map_err(|_| StatusCode::BAD_REQUEST.into_response())?;
        let page_state = parts.extensions.get::<PageState>().cloned().unwrap_or_default();
        let account = parts.extensions.get::<SignedIn>().and_then(|signed_in| signed_in.0.clone());
        let client = client_address(&parts, &state.auth.trusted_proxies);
        let mut echo = FormEcho::new(form);
        for (name, value) in fields.iter().filter(|(name, _)| !SECRET_FIELDS.contains(&name.as_str())) {
            echo.keep(name, value);
        }
        let mut submission = Submission { lang, parts, page: page_state, fields, echo, account, client };
        if let Some(page) = page {
            submission = submission.shown_on(page);
        }
        if too_large {
            // Only a crafted request gets here: the fields' own limits keep a real form smaller.
            return Err(submission.refuse(state, "", "form-error-too-large", StatusCode::PAYLOAD_TOO_LARGE).await);
        }
        if submission.csrf_ok(&state.auth) {
            Ok(submission)
        } else {
            tracing::info!(form, "a form came without a valid CSRF token");
            Err(submission.refuse(state, "", "form-error-expired", StatusCode::FORBIDDEN).await)
        }
    }

    /// Reads an admin-area form shown on `page` (see [`Submission::begin`]): signed-out visitors
    /// go to sign in, accounts that are not platform admins get a 403. Returns the form and the
    /// admin.
    pub async fn begin_admin(
        state: &AppState,
        lang: &str,
        request: Request,
        form: &str,
        page: &str,
    ) -> Result<(Submission, Viewer), Response> {
        let form = Submission::begin(state, lang, request, form, Some(page)).await?;
        let admin = form.viewer_allowed(Viewer::is_platform_admin).map_err(|refusal| *refusal)?;
        Ok((form, admin))
    }

    /// The signed-in person with their memberships, as the page saw them.
    pub fn viewer(&self) -> Option<&Viewer> {
        self.page.viewer.as_ref()
    }

    /// The signed-in person when `allowed` lets them send this form; otherwise the answer:
    /// signed-out visitors go to sign in, others get a 403.
    pub fn viewer_allowed(&self, allowed: impl Fn(&Viewer) -> bool) -> Result<Viewer, Box<Response>> {
        match self.viewer() {
            None => Err(Box::new(see_other(&path(route::LOG_IN, self.lang, &[])))),
            Some(viewer) if !allowed(viewer) => Err(Box::new(StatusCode::FORBIDDEN.into_response())),
            Some(viewer) => Ok(viewer.clone()),
        }
    }

    /// Every field as posted, in order (checkboxes repeat their name).
    pub fn fields(&self) -> &[(String, String)] {
        &self.fields
    }

    /// The fields as `T`: a struct named after the form's fields (absent ones take their default,
    /// unknown ones are ignored). A forged body that does not read as `T` reads as empty, so
    /// the form is shown again with what is missing.
    pub fn read<T: serde::de::DeserializeOwned + Default>(&self) -> T {
        let encoded = serde_urlencoded::to_string(&self.fields).unwrap_or_default();
        serde_urlencoded::from_str(&encoded).unwrap_or_else(|err| {
            tracing::info!(form = self.echo.form, error = %err, "a form's fields did not read");
            T::default()
        })
    }

    fn field(&self, name: &str) -> &str {
        self.fields.iter().find(|(key, _)| key == name).map_or("", |(_, value)| value.as_str())
    }

    /// The token matches the browser's cookie, and a browser that says where the form came
    /// from says it came from this site.
    fn csrf_ok(&self, auth: &super::Auth) -> bool {
        let sent = self.field("csrf");
        let same_token = !sent.is_empty() && bool::from(sent.as_bytes().ct_eq(self.page.csrf.as_bytes()));
        same_token && same_origin(&self.parts.headers, &auth.origin)
    }

    /// The client's address (see `client`), for rate limits.
    pub fn client(&self) -> &str {
        &self.client
    }

    /// Counts an attempt at `what` by `key`; `true` when the limit was reached already.
    pub async fn limited(&self, state: &AppState, what: &str, key: &str, limit: Limit) -> bool {
        !state.auth.limits.allow(&format!("{what}:{key}"), limit).await
    }

    /// The page (`account`, `admin/accounts?q=…`) to show the form again on, in the form's
    /// language, when it is refused.
    pub fn shown_on(mut self, page: &str) -> Submission {
        if let Ok(uri) = format!("/{}/{page}", self.lang.code()).parse() {
            self.parts.uri = uri;
        }
        self
    }

    /// Renders the form's page again with `message` against `field` (`""`: the whole form).
    pub async fn refuse(mut self, state: &AppState, field: &str, message: &str, status: StatusCode) -> Response {
        self.echo.reject(field, message);
        self.render(state, status).await
    }

    /// Renders the form's page again with the problems found so far.
    pub async fn render(mut self, state: &AppState, status: StatusCode) -> Response {
        self.page.echo = Some(self.echo);
        self.parts.extensions.insert(self.page);
        self.parts.method = Method::GET;
        let mut response = crate::state::render_page(state, Request::from_parts(self.parts, Body::empty())).await;
        *response.status_mut() = status;
        response
    }

    /// The answer to a use case that did not go through: what it refused (nothing there for
    /// this viewer: 404; not theirs to do: 403; someone else acted first: 409), else ours.
    pub async fn failed(self, state: &AppState, err: catalog::CatalogError) -> Response {
        use catalog::CatalogError;
        let status = match err {
            CatalogError::NotFound => StatusCode::NOT_FOUND,
            CatalogError::Forbidden => StatusCode::FORBIDDEN,
            CatalogError::Stale => StatusCode::CONFLICT,
            err => return self.internal(state, err.into()).await,
        };
        status.into_response()
    }

    /// A failure that is ours, not the user's: logged, and the form shown again with a
    /// general apology (what was typed is kept).
    pub async fn internal(self, state: &AppState, err: ServerError) -> Response {
        if matches!(err, ServerError::Busy) {
            return self.refuse(state, "", "form-error-busy", StatusCode::SERVICE_UNAVAILABLE).await;
        }
        tracing::error!(error = %err, form = self.echo.form, "a form could not be handled");
        self.refuse(state, "", "error-text", StatusCode::INTERNAL_SERVER_ERROR).await
    }

    /// Where to go after signing in: `next` when it is a path on this site.
    pub fn next_or(&self, fallback: String) -> String {
        Some(self.field("next")).filter(|next| crate::site::is_local_path(next)).map_or(fallback, str::to_string)
    }
}

/// Browsers send `Origin` with form posts and script requests; when one is sent, it must be
/// this site's (see [`super::SiteOrigin`]).
pub fn same_origin(headers: &HeaderMap, site: &super::SiteOrigin) -> bool {
    let header = |name| headers.get(name).and_then(|v| v.to_str().ok());
    match header(header::ORIGIN) {
        None => true,
        Some(origin) => site.accepts(origin, header(header::HOST)),
    }
}

pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_from_another_site_are_refused() {
        let headers = |origin: Option<&str>| {
            let mut headers = HeaderMap::new();
            headers.insert(header::HOST, "passerelle.example".parse().expect("header"));
            if let Some(origin) = origin {
                headers.insert(header::ORIGIN, origin.parse().expect("header"));
            }
            headers
        };
        let site = crate::auth::SiteOrigin::of("https://passerelle.example", true);
        assert!(same_origin(&headers(Some("https://passerelle.example")), &site));
        assert!(same_origin(&headers(None), &site), "older browsers send no Origin; the token still guards");
        assert!(!same_origin(&headers(Some("https://evil.example")), &site));
        assert!(!same_origin(&headers(Some("http://passerelle.example")), &site), "another scheme");
        assert!(!same_origin(&headers(Some("null")), &site));
        // Without PASSERELLE_PUBLIC_URL (development), the address the browser used is accepted.
        let local = crate::auth::SiteOrigin::of("http://127.0.0.1:3000", false);
        let mut localhost = HeaderMap::new();
        localhost.insert(header::HOST, "localhost:3000".parse().expect("header"));
        localhost.insert(header::ORIGIN, "http://localhost:3000".parse().expect("header"));
        assert!(same_origin(&localhost, &local));
    }
}
