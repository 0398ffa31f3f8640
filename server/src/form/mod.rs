//! A posted form, as every form handler takes it: [`Posted<F>`] reads the body into the struct
//! `F` (named after the form's fields), checks the CSRF token, and knows who sent it and from
//! where. Forms post plain HTML (so they work without JavaScript). A handler that refuses a form
//! notes each problem beside its field and returns an error; `answer` then draws the form's own
//! page again with what was typed (never a password), in the page's language.

pub mod answer;
pub mod upload;

use std::sync::{Arc, Mutex, MutexGuard};

use axum::body::to_bytes;
use axum::extract::{FromRequest, FromRequestParts, RawPathParams, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use catalog::Account;
use model::Lang;
use model::account::{FormEcho, PageState, Viewer};
use serde::de::DeserializeOwned;
use subtle::ConstantTimeEq;

use crate::ServerError;
use crate::auth::client::client_address;
use crate::auth::rate_limit::Limit;
use crate::auth::session::SignedIn;
use crate::state::AppState;

/// Never sent back to the page.
const SECRET_FIELDS: [&str; 3] = ["password", "current_password", "csrf"];
/// The largest form body read: the posting form with every text at its longest, each character
/// taking up to 12 bytes once percent-encoded (4 in UTF-8, `%XX` each), and room for the rest.
/// Sized from the fields' limits, so that a form the fields accept is never refused as too large.
const MAX_FORM_BYTES: usize =
    12 * 3 * (model::posting::MAX_DESCRIPTION_CHARS + model::posting::MAX_TITLE_CHARS) + 64 * 1024;

/// The parameters of the form's URL (`lang`, `id`, `slug`…).
pub struct UrlParams(Vec<(String, String)>);

impl UrlParams {
    pub fn get(&self, name: &str) -> &str {
        self.0.iter().find(|(key, _)| key == name).map_or("", |(_, value)| value)
    }

    /// `template` with each `{param}` replaced by the URL's value (`review-{id}` → `review-7`).
    pub fn fill(&self, template: &str) -> String {
        self.0.iter().fold(template.to_string(), |text, (key, value)| text.replace(&format!("{{{key}}}"), value))
    }
}

/// A form's fields, and where the form is shown. Both texts may name the URL's parameters
/// (`review-{id}`); see [`form_spec!`](crate::form_spec).
pub trait FormSpec: DeserializeOwned + Default + Send {
    /// The form's name on its page (a page may show several; each reads only its own echo).
    const NAME: &'static str;
    /// The page showing the form (`account`, `postings/{id}`: after `/{lang}/`) when it posts
    /// to an action URL of its own; `None` when it posts to its page's URL.
    const SHOWN_ON: Option<&'static str> = None;
}

/// `form_spec!(Fields, "name")`, or `form_spec!(Fields, "review-{id}", shown_on "admin/review")`.
#[macro_export]
macro_rules! form_spec {
    ($fields:ty, $name:literal) => {
        impl $crate::form::FormSpec for $fields {
            const NAME: &'static str = $name;
        }
    };
    ($fields:ty, $name:literal, shown_on $page:literal) => {
        impl $crate::form::FormSpec for $fields {
            const NAME: &'static str = $name;
            const SHOWN_ON: Option<&'static str> = Some($page);
        }
    };
}

/// The page's language, from the URL's `{lang}` (404 when it is not one of ours).
pub struct PageLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for PageLang {
    type Rejection = ServerError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ServerError> {
        let params = RawPathParams::from_request_parts(parts, state).await.map_err(|_| ServerError::NotFound)?;
        let code = params.iter().find(|(key, _)| *key == "lang").map_or("", |(_, value)| value);
        Lang::from_code(code).map(PageLang).ok_or(ServerError::NotFound)
    }
}

/// The signed-in person, for downloads and pages that need one: signed-out visitors are sent
/// to sign in, then back here.
pub struct SignedInViewer(pub Viewer);

impl<S: Send + Sync> FromRequestParts<S> for SignedInViewer {
    type Rejection = ServerError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ServerError> {
        let PageLang(lang) = PageLang::from_request_parts(parts, state).await?;
        let viewer = parts.extensions.get::<PageState>().and_then(|page| page.viewer.clone());
        let here = parts.uri.path_and_query().map_or_else(|| parts.uri.path().to_string(), ToString::to_string);
        viewer.map(SignedInViewer).ok_or(ServerError::SignInFirst { lang, next: Some(here) })
    }
}

/// What every form posts: its fields as `F`, and the [`Submission`].
pub struct Posted<F> {
    pub fields: F,
    pub form: Submission,
}

/// The form being answered: shared with `answer`, which draws its page again on a refusal.
#[derive(Clone, Default)]
pub(crate) struct FormSlot(Arc<Mutex<Option<Shown>>>);

/// A form's page as it will be drawn again: the request (its URL pointing at the page), the
/// page's state and what was typed.
pub(crate) struct Shown {
    pub parts: Parts,
    pub page: PageState,
    pub echo: FormEcho,
}

impl FormSlot {
    fn lock(&self) -> MutexGuard<'_, Option<Shown>> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub(crate) fn take(&self) -> Option<Shown> {
        self.lock().take()
    }
}

/// The posted form, beside its fields.
pub struct Submission {
    pub lang: Lang,
    fields: Vec<(String, String)>,
    viewer: Option<Viewer>,
    pub account: Option<Account>,
    /// The client's address, for rate limits.
    client: String,
    slot: FormSlot,
    /// Whether the CSRF token was right (see [`Submission::check_token`]).
    token_ok: bool,
}

impl<F: FormSpec> FromRequest<AppState> for Posted<F> {
    type Rejection = ServerError;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, ServerError> {
        let (mut parts, body) = request.into_parts();
        let (bytes, too_large) = match to_bytes(body, MAX_FORM_BYTES).await {
            Ok(bytes) => (bytes, false),
            Err(_) => (Default::default(), true),
        };
        let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).map_err(|_| {
            ServerError::BadRequest { code: "invalid_form", message: "the form could not be read".into() }
        })?;
        let form = Submission::begin(&mut parts, state, fields, (F::NAME, F::SHOWN_ON)).await?;
        if too_large {
            // Only a crafted request gets here: the fields' own limits keep a real form smaller.
            return Err(ServerError::refused(StatusCode::PAYLOAD_TOO_LARGE, "form-error-too-large"));
        }
        form.check_token()?;
        let read = serde_urlencoded::from_str(&serde_urlencoded::to_string(&form.fields).unwrap_or_default());
        // A forged body that does not read as `F` reads as empty: the form comes back with what
        // is missing.
        let read = read.unwrap_or_else(|err| {
            tracing::info!(form = F::NAME, error = %err, "a form's fields did not read");
            F::default()
        });
        Ok(Posted { fields: read, form })
    }
}

/// The token matches the browser's cookie, and a browser that says where the form came from
/// says it came from this site.
fn csrf_ok(fields: &[(String, String)], page: &PageState, headers: &HeaderMap, site: &crate::auth::SiteOrigin) -> bool {
    let sent = fields.iter().find(|(key, _)| key == "csrf").map_or("", |(_, value)| value.as_str());
    let same_token = !sent.is_empty() && bool::from(sent.as_bytes().ct_eq(page.csrf.as_bytes()));
    same_token && same_origin(headers, site)
}

impl Submission {
    /// The form posted with `fields` to the request of `parts`, named and shown as `spec` says
    /// (see [`FormSpec`]), kept where `answer` finds it to draw its page again if refused.
    pub(crate) async fn begin(
        parts: &mut Parts,
        state: &AppState,
        fields: Vec<(String, String)>,
        (name, shown_on): (&str, Option<&str>),
    ) -> Result<Submission, ServerError> {
        let PageLang(lang) = PageLang::from_request_parts(parts, state).await?;
        let raw = RawPathParams::from_request_parts(parts, state).await.map_err(|_| ServerError::NotFound)?;
        let params = UrlParams(raw.iter().map(|(key, value)| (key.to_string(), value.to_string())).collect());
        let page = parts.extensions.get::<PageState>().cloned().unwrap_or_default();
        let account = parts.extensions.get::<SignedIn>().and_then(|signed_in| signed_in.0.clone());
        let client = client_address(parts, &state.auth.trusted_proxies);
        let mut echo = FormEcho::new(&params.fill(name));
        for (name, value) in fields.iter().filter(|(name, _)| !SECRET_FIELDS.contains(&name.as_str())) {
            echo.keep(name, value);
        }
        let token_ok = csrf_ok(&fields, &page, &parts.headers, &state.auth.origin);
        let mut shown_parts = Request::new(axum::body::Body::empty()).into_parts().0;
        shown_parts.uri = match shown_on.and_then(|page| format!("/{}/{}", lang.code(), params.fill(page)).parse().ok())
        {
            Some(uri) => uri,
            None => parts.uri.clone(),
        };
        shown_parts.headers = parts.headers.clone();
        shown_parts.extensions = parts.extensions.clone();
        let slot = parts.extensions.get::<FormSlot>().cloned().unwrap_or_default();
        let viewer = page.viewer.clone();
        *slot.lock() = Some(Shown { parts: shown_parts, page, echo });
        Ok(Submission { lang, fields, viewer, account, client, slot, token_ok })
    }

    /// Refuses the form unless its CSRF token was right.
    pub(crate) fn check_token(&self) -> Result<(), ServerError> {
        if self.token_ok {
            return Ok(());
        }
        let form = self.slot.lock().as_ref().map(|shown| shown.echo.form.clone()).unwrap_or_default();
        tracing::info!(form, "a form came without a valid CSRF token");
        Err(ServerError::refused(StatusCode::FORBIDDEN, "form-error-expired"))
    }

    /// The signed-in person with their memberships, as the page saw them.
    pub fn viewer(&self) -> Option<&Viewer> {
        self.viewer.as_ref()
    }

    /// The signed-in person; signed-out visitors go to sign in.
    pub fn signed_in(&self) -> Result<Viewer, ServerError> {
        self.viewer.clone().ok_or(ServerError::SignInFirst { lang: self.lang, next: None })
    }

    /// The signed-in person when `allowed` lets them send this form; signed-out visitors go to
    /// sign in, others are refused (403).
    pub fn viewer_allowed(&self, allowed: impl Fn(&Viewer) -> bool) -> Result<Viewer, ServerError> {
        let viewer = self.signed_in()?;
        if allowed(&viewer) { Ok(viewer) } else { Err(catalog::CatalogError::Forbidden.into()) }
    }

    /// The platform admin sending an admin-area form.
    pub fn admin(&self) -> Result<Viewer, ServerError> {
        self.viewer_allowed(Viewer::is_platform_admin)
    }

    /// The signed-in account, for the account forms.
    pub fn account(&self) -> Result<Account, ServerError> {
        self.account.clone().ok_or(ServerError::SignInFirst { lang: self.lang, next: None })
    }

    /// Every field as posted, in order (checkboxes repeat their name).
    pub fn fields(&self) -> &[(String, String)] {
        &self.fields
    }

    /// The client's address, for rate limits.
    pub fn client(&self) -> &str {
        &self.client
    }

    /// Counts an attempt at `what` by `key`; refuses the form when the limit was reached already.
    pub async fn limit(&self, state: &AppState, what: &str, key: &str, limit: Limit) -> Result<(), ServerError> {
        if state.auth.limits.allow(&format!("{what}:{key}"), limit).await {
            Ok(())
        } else {
            Err(ServerError::refused(StatusCode::TOO_MANY_REQUESTS, "form-error-too-many"))
        }
    }

    /// Notes `message` (a Fluent id) against `field` (`""`: the whole form).
    pub fn reject(&self, field: &str, message: &str) {
        if let Some(shown) = self.slot.lock().as_mut() {
            shown.echo.reject(field, message);
        }
    }

    /// Whether a problem was noted.
    pub fn is_rejected(&self) -> bool {
        self.slot.lock().as_ref().is_some_and(|shown| shown.echo.is_rejected())
    }

    /// The form refused with the problems noted so far (422).
    pub fn invalid(&self) -> ServerError {
        ServerError::Refused { status: StatusCode::UNPROCESSABLE_ENTITY, message: None }
    }

    /// The form refused with each of `problems` against its field, and `summary` above them.
    pub fn refuse_all(&self, problems: &[(String, &'static str)], summary: &str) -> ServerError {
        for (field, message) in problems {
            self.reject(field, message);
        }
        self.reject("", summary);
        self.invalid()
    }

    /// A use case's answer as the form's: the problems of [`catalog::CatalogError::Invalid`]
    /// against their fields, any other error as it is.
    pub fn answer(&self, err: catalog::CatalogError) -> ServerError {
        match err {
            catalog::CatalogError::Invalid(problems) => self.refuse_all(&problems, "form-error-summary"),
            err => err.into(),
        }
    }

    /// `Ok` when nothing was noted, else the refusal.
    pub fn check(&self) -> Result<(), ServerError> {
        if self.is_rejected() { Err(self.invalid()) } else { Ok(()) }
    }

    /// The form refused with `message` against `field`.
    pub fn refuse(&self, field: &str, message: &str, status: StatusCode) -> ServerError {
        self.reject(field, message);
        ServerError::Refused { status, message: None }
    }

    /// Shows the form again on `page` (`admin/accounts?q=…`) rather than where it said.
    pub fn show_on(&self, page: &str) {
        if let (Some(shown), Ok(uri)) = (self.slot.lock().as_mut(), format!("/{}/{page}", self.lang.code()).parse()) {
            shown.parts.uri = uri;
        }
    }

    /// Where to go after signing in: `next` when it is a path on this site.
    pub fn next_or(&self, fallback: String) -> String {
        let next = self.fields.iter().find(|(key, _)| key == "next").map_or("", |(_, value)| value.as_str());
        Some(next).filter(|next| crate::site::is_local_path(next)).map_or(fallback, str::to_string)
    }
}

/// Browsers send `Origin` with form posts and script requests; when one is sent, it must be
/// this site's (see [`crate::auth::SiteOrigin`]).
pub fn same_origin(headers: &HeaderMap, site: &crate::auth::SiteOrigin) -> bool {
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
    fn a_form_names_its_page_from_the_url() {
        let params = UrlParams(vec![("lang".into(), "fr".into()), ("id".into(), "7".into())]);
        assert_eq!(params.fill("review-{id}"), "review-7");
        assert_eq!(params.fill("postings/{id}/edit"), "postings/7/edit");
        assert_eq!(params.fill("account"), "account");
    }

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
