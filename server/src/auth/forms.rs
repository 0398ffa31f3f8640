//! The account forms: sign-up, sign-in, sign-out, e-mail confirmation, password reset and the
//! account's settings. Plain HTML forms that post to their page's own URL, so they work without
//! JavaScript. A rejected form is rendered again with what was typed (never a password) and
//! each problem next to its field; an accepted one redirects (303), so a reload never posts
//! twice. Every form carries the CSRF token; sign-in, sign-up and reset requests are
//! rate-limited by client and by address.

use std::net::SocketAddr;
use std::time::Duration;

use axum::body::{Body, to_bytes};
use axum::extract::{ConnectInfo, Path, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use db::{Account, DbError, NewAccount, TokenPurpose};
use model::Lang;
use model::account::{FormEcho, PageState, Role, Viewer, display_name_problem, normalize_email, password_problem};
use serde::Deserialize;
use subtle::ConstantTimeEq;

use super::mail::send_link;
use super::password::{blocking, hash_password, verify_password};
use super::rate_limit::Limit;
use super::session::{CSRF_COOKIE, SESSION_COOKIE, SESSION_DAYS, SignedIn, add_cookie};
use super::token::{looks_like_token, random_token, token_hash};
use crate::ServerError;
use crate::router::AppState;

const SIGN_IN_PER_ADDRESS: Limit = Limit { attempts: 10, per: Duration::from_secs(15 * 60) };
const SIGN_IN_PER_CLIENT: Limit = Limit { attempts: 30, per: Duration::from_secs(15 * 60) };
const SIGN_UP_PER_CLIENT: Limit = Limit { attempts: 10, per: Duration::from_secs(3600) };
const LINKS_PER_ADDRESS: Limit = Limit { attempts: 3, per: Duration::from_secs(3600) };
const LINKS_PER_CLIENT: Limit = Limit { attempts: 10, per: Duration::from_secs(3600) };

/// Never sent back to the page.
const SECRET_FIELDS: [&str; 3] = ["password", "current_password", "csrf"];
const MAX_FORM_BYTES: usize = 64 * 1024;

/// A posted form: its fields, who sent it, and the echo that a rejection sends back.
pub struct Submission {
    pub lang: Lang,
    parts: Parts,
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
        let bytes = to_bytes(body, MAX_FORM_BYTES).await.map_err(|_| StatusCode::PAYLOAD_TOO_LARGE.into_response())?;
        let fields: Vec<(String, String)> =
            serde_urlencoded::from_bytes(&bytes).map_err(|_| StatusCode::BAD_REQUEST.into_response())?;
        let page_state = parts.extensions.get::<PageState>().cloned().unwrap_or_default();
        let account = parts.extensions.get::<SignedIn>().and_then(|signed_in| signed_in.0.clone());
        let client = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or_else(|| "unknown".to_string(), |info| info.0.ip().to_string());
        let mut echo = FormEcho::new(form);
        for (name, value) in fields.iter().filter(|(name, _)| !SECRET_FIELDS.contains(&name.as_str())) {
            echo.keep(name, value);
        }
        let mut submission = Submission { lang, parts, page: page_state, fields, echo, account, client };
        if let Some(page) = page {
            submission = submission.shown_on(page);
        }
        if submission.csrf_ok() {
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
            None => Err(Box::new(see_other(&format!("/{}/login", self.lang.code())))),
            Some(viewer) if !allowed(viewer) => Err(Box::new(StatusCode::FORBIDDEN.into_response())),
            Some(viewer) => Ok(viewer.clone()),
        }
    }

    /// Every field as posted, in order (checkboxes repeat their name).
    pub fn fields(&self) -> &[(String, String)] {
        &self.fields
    }

    pub fn field(&self, name: &str) -> &str {
        self.fields.iter().find(|(key, _)| key == name).map_or("", |(_, value)| value.as_str())
    }

    /// The token matches the browser's cookie, and a browser that says where the form came
    /// from says it came from here.
    fn csrf_ok(&self) -> bool {
        let sent = self.field("csrf");
        let same_token = !sent.is_empty() && bool::from(sent.as_bytes().ct_eq(self.page.csrf.as_bytes()));
        same_token && same_origin(&self.parts.headers)
    }

    pub fn limited(&self, state: &AppState, what: &str, key: &str, limit: Limit) -> bool {
        !state.auth.limiter.allow(&format!("{what}:{key}"), limit)
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
        let mut response = crate::router::render_page(state, Request::from_parts(self.parts, Body::empty())).await;
        *response.status_mut() = status;
        response
    }

    /// A failure that is ours, not the user's: logged, and the form shown again with a
    /// general apology (what was typed is kept).
    pub async fn internal(self, state: &AppState, err: ServerError) -> Response {
        tracing::error!(error = %err, form = self.echo.form, "a form could not be handled");
        self.refuse(state, "", "error-text", StatusCode::INTERNAL_SERVER_ERROR).await
    }

    /// Where to go after signing in: `next` when it is a path on this site.
    fn next_or(&self, fallback: String) -> String {
        Some(self.field("next")).filter(|next| crate::router::is_local_path(next)).map_or(fallback, str::to_string)
    }
}

/// Browsers send `Origin` with form posts; when one is sent, it must name this host.
fn same_origin(headers: &HeaderMap) -> bool {
    let header = |name| headers.get(name).and_then(|v| v.to_str().ok());
    match (header(header::ORIGIN), header(header::HOST)) {
        (Some(origin), Some(host)) => origin.split_once("://").is_some_and(|(_, authority)| authority == host),
        (Some(_), None) => false,
        (None, _) => true,
    }
}

pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// A redirect that signs `account` in: a new session, and a new CSRF token with it.
async fn sign_in(state: &AppState, account: &Account, to: &str) -> Result<Response, ServerError> {
    let token = random_token();
    let now = Utc::now().fixed_offset();
    state
        .auth
        .db
        .start_session(&token_hash(&token), account.id, now, now + chrono::Duration::days(SESSION_DAYS))
        .await?;
    let mut response = see_other(to);
    add_cookie(&mut response, &state.auth, SESSION_COOKIE, Some(&token));
    add_cookie(&mut response, &state.auth, CSRF_COOKIE, Some(&random_token()));
    Ok(response)
}

pub async fn sign_up(State(state): State<AppState>, Path(lang): Path<String>, request: Request) -> Response {
    let mut form = match Submission::begin(&state, &lang, request, "signup", None).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    if form.limited(&state, "signup", &form.client, SIGN_UP_PER_CLIENT) {
        return form.refuse(&state, "", "form-error-too-many", StatusCode::TOO_MANY_REQUESTS).await;
    }
    let name = form.field("display_name").trim().to_string();
    if let Some(problem) = display_name_problem(&name) {
        form.echo.reject("display_name", problem);
    }
    let email = normalize_email(form.field("email"));
    if email.is_none() {
        form.echo.reject("email", "form-error-email");
    }
    let password = form.field("password").to_string();
    if let Some(problem) = password_problem(&password) {
        form.echo.reject("password", problem);
    }
    let preferred = Lang::from_code(form.field("preferred_lang")).unwrap_or(form.lang);
    let Some(email) = email.filter(|_| !form.echo.is_rejected()) else {
        return form.render(&state, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let created = async {
        let hash = blocking(move || hash_password(&password)).await??;
        let new = NewAccount {
            email: &email,
            password_hash: &hash,
            display_name: &name,
            lang: preferred,
            role: Role::Researcher,
            email_confirmed: false,
        };
        let account = state.auth.db.create_account(new, Utc::now().fixed_offset()).await?;
        send_link(&state.auth, &account, TokenPurpose::ConfirmEmail).await?;
        Ok::<_, ServerError>(account)
    };
    match created.await {
        Ok(account) => match sign_in(&state, &account, &format!("/{}/account?welcome=1", form.lang.code())).await {
            Ok(response) => response,
            Err(err) => form.internal(&state, err).await,
        },
        Err(ServerError::Db(DbError::Taken)) => {
            form.refuse(&state, "email", "form-error-email-taken", StatusCode::CONFLICT).await
        }
        Err(err) => form.internal(&state, err).await,
    }
}

pub async fn log_in(State(state): State<AppState>, Path(lang): Path<String>, request: Request) -> Response {
    let form = match Submission::begin(&state, &lang, request, "login", None).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let email = normalize_email(form.field("email")).unwrap_or_default();
    if form.limited(&state, "login-client", &form.client, SIGN_IN_PER_CLIENT)
        || form.limited(&state, "login-address", &email, SIGN_IN_PER_ADDRESS)
    {
        return form.refuse(&state, "", "form-error-too-many", StatusCode::TOO_MANY_REQUESTS).await;
    }
    let account = match state.auth.db.account_by_email(&email).await {
        Ok(account) => account,
        Err(err) => return form.internal(&state, err.into()).await,
    };
    let password = form.field("password").to_string();
    let stored = account.as_ref().map(|a| a.password_hash.clone());
    let matches = blocking(move || verify_password(&password, stored.as_deref())).await.unwrap_or(false);
    match account.filter(|_| matches) {
        None => form.refuse(&state, "", "form-error-login-failed", StatusCode::UNAUTHORIZED).await,
        Some(account) if account.suspended => {
            form.refuse(&state, "", "form-error-suspended", StatusCode::FORBIDDEN).await
        }
        Some(account) => {
            let to = form.next_or(format!("/{}/account", form.lang.code()));
            match sign_in(&state, &account, &to).await {
                Ok(response) => response,
                Err(err) => form.internal(&state, err).await,
            }
        }
    }
}

pub async fn log_out(State(state): State<AppState>, Path(lang): Path<String>, request: Request) -> Response {
    let form = match Submission::begin(&state, &lang, request, "logout", Some("")).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let session = super::session::request_cookie(&form.parts.headers, SESSION_COOKIE)
        .filter(|token| looks_like_token(token))
        .map(token_hash);
    if let Some(hash) = session
        && let Err(err) = state.auth.db.end_session(&hash).await
    {
        return form.internal(&state, err.into()).await;
    }
    let mut response = see_other(&format!("/{}/", form.lang.code()));
    add_cookie(&mut response, &state.auth, SESSION_COOKIE, None);
    add_cookie(&mut response, &state.auth, CSRF_COOKIE, Some(&random_token()));
    response
}

#[derive(Deserialize)]
pub struct LinkQuery {
    token: Option<String>,
}

/// The link in the confirmation e-mail.
pub async fn confirm_email(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    Query(query): Query<LinkQuery>,
    request: Request,
) -> Response {
    let Some(lang) = Lang::from_code(&lang) else { return StatusCode::NOT_FOUND.into_response() };
    let signed_in = request.extensions().get::<SignedIn>().is_some_and(|s| s.0.is_some());
    let token = query.token.filter(|t| looks_like_token(t));
    let now = Utc::now().fixed_offset();
    let spent = match token {
        Some(token) => state.auth.db.spend_token(&token_hash(&token), TokenPurpose::ConfirmEmail, now).await,
        None => Ok(None),
    };
    let confirmed = match spent {
        Ok(Some(account_id)) => state.auth.db.confirm_email(account_id, now).await.map(|()| true),
        Ok(None) => Ok(false),
        Err(err) => Err(err),
    };
    let page = if signed_in { "account" } else { "login" };
    match confirmed {
        Ok(true) => see_other(&format!("/{}/{page}?confirmed=1", lang.code())),
        Ok(false) => see_other(&format!("/{}/{page}?link=expired", lang.code())),
        Err(err) => {
            tracing::error!(error = %err, "confirming an address failed");
            see_other(&format!("/{}/{page}?link=failed", lang.code()))
        }
    }
}

/// Sends the confirmation link again, to the signed-in account.
pub async fn resend_confirmation(
    State(state): State<AppState>,
    Path(lang): Path<String>,
    request: Request,
) -> Response {
    let form = match Submission::begin(&state, &lang, request, "resend", Some("account")).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let Some(account) = form.account.clone() else {
        return see_other(&format!("/{}/login", form.lang.code()));
    };
    if account.email_confirmed {
        return see_other(&format!("/{}/account", form.lang.code()));
    }
    if form.limited(&state, "link-address", &account.email, LINKS_PER_ADDRESS) {
        return form.refuse(&state, "", "form-error-too-many", StatusCode::TOO_MANY_REQUESTS).await;
    }
    match send_link(&state.auth, &account, TokenPurpose::ConfirmEmail).await {
        Ok(()) => see_other(&format!("/{}/account?sent=1", form.lang.code())),
        Err(err) => form.internal(&state, err).await,
    }
}

/// "Forgot your password?": a reset link goes to the address if it has an account. The answer
/// is the same either way, so the form does not tell who has an account.
pub async fn request_reset(State(state): State<AppState>, Path(lang): Path<String>, request: Request) -> Response {
    let form = match Submission::begin(&state, &lang, request, "forgot", None).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let Some(email) = normalize_email(form.field("email")) else {
        return form.refuse(&state, "email", "form-error-email", StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    if form.limited(&state, "link-client", &form.client, LINKS_PER_CLIENT)
        || form.limited(&state, "link-address", &email, LINKS_PER_ADDRESS)
    {
        return form.refuse(&state, "", "form-error-too-many", StatusCode::TOO_MANY_REQUESTS).await;
    }
    let sent = async {
        if let Some(account) = state.auth.db.account_by_email(&email).await?.filter(|a| !a.suspended) {
            send_link(&state.auth, &account, TokenPurpose::ResetPassword).await?;
        }
        Ok::<_, ServerError>(())
    };
    match sent.await {
        Ok(()) => see_other(&format!("/{}/login?reset=sent", form.lang.code())),
        Err(err) => form.internal(&state, err).await,
    }
}

/// The form behind the reset link: a new password. Using the link also confirms the address.
pub async fn reset_password(State(state): State<AppState>, Path(lang): Path<String>, request: Request) -> Response {
    let form = match Submission::begin(&state, &lang, request, "reset", None).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let password = form.field("password").to_string();
    if let Some(problem) = password_problem(&password) {
        return form.refuse(&state, "password", problem, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    // The link's token stays in the form's URL (see the reset page).
    let token = form
        .parts
        .uri
        .query()
        .and_then(|query| serde_urlencoded::from_str::<Vec<(String, String)>>(query).ok())
        .and_then(|pairs| pairs.into_iter().find(|(key, _)| key == "token").map(|(_, value)| value))
        .unwrap_or_default();
    let done = async {
        let now = Utc::now().fixed_offset();
        if !looks_like_token(&token) {
            return Ok(false);
        }
        let Some(account_id) = state.auth.db.spend_token(&token_hash(&token), TokenPurpose::ResetPassword, now).await?
        else {
            return Ok(false);
        };
        let hash = blocking(move || hash_password(&password)).await??;
        state.auth.db.set_password(account_id, &hash).await?;
        state.auth.db.confirm_email(account_id, now).await?;
        Ok::<_, ServerError>(true)
    };
    match done.await {
        Ok(true) => see_other(&format!("/{}/login?reset=done", form.lang.code())),
        Ok(false) => form.refuse(&state, "", "form-error-link-expired", StatusCode::BAD_REQUEST).await,
        Err(err) => form.internal(&state, err).await,
    }
}

/// A new password for the signed-in account, given the current one. Every other session of
/// the account ends; this browser stays signed in with a new session.
pub async fn change_password(State(state): State<AppState>, Path(lang): Path<String>, request: Request) -> Response {
    let form = match Submission::begin(&state, &lang, request, "password", Some("account")).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let Some(account) = form.account.clone() else {
        return see_other(&format!("/{}/login", form.lang.code()));
    };
    if form.limited(&state, "login-address", &account.email, SIGN_IN_PER_ADDRESS) {
        return form.refuse(&state, "", "form-error-too-many", StatusCode::TOO_MANY_REQUESTS).await;
    }
    let (current, new) = (form.field("current_password").to_string(), form.field("password").to_string());
    if let Some(problem) = password_problem(&new) {
        return form.refuse(&state, "password", problem, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let stored = account.password_hash.clone();
    if !blocking(move || verify_password(&current, Some(&stored))).await.unwrap_or(false) {
        return form.refuse(&state, "current_password", "form-error-current-password", StatusCode::UNAUTHORIZED).await;
    }
    let changed = async {
        let hash = blocking(move || hash_password(&new)).await??;
        state.auth.db.set_password(account.id, &hash).await?;
        sign_in(&state, &account, &format!("/{}/account?password=changed", form.lang.code())).await
    };
    match changed.await {
        Ok(response) => response,
        Err(err) => form.internal(&state, err).await,
    }
}

/// The account page's settings: name and preferred language (of e-mails and of the site).
pub async fn save_account(State(state): State<AppState>, Path(lang): Path<String>, request: Request) -> Response {
    let mut form = match Submission::begin(&state, &lang, request, "account", None).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let Some(account) = form.account.clone() else {
        return see_other(&format!("/{}/login", form.lang.code()));
    };
    let name = form.field("display_name").trim().to_string();
    if let Some(problem) = display_name_problem(&name) {
        form.echo.reject("display_name", problem);
    }
    let preferred = Lang::from_code(form.field("preferred_lang"));
    if preferred.is_none() {
        form.echo.reject("preferred_lang", "form-error-required");
    }
    let Some(preferred) = preferred.filter(|_| !form.echo.is_rejected()) else {
        return form.render(&state, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let saved = async {
        state.auth.db.set_display_name(account.id, &name).await?;
        state.auth.db.set_account_lang(account.id, preferred).await
    };
    match saved.await {
        // The site follows the new preference from here on.
        Ok(()) => {
            let mut response = see_other(&format!("/{}/account?saved=1", preferred.code()));
            crate::router::remember_lang(&mut response, &state, preferred);
            response
        }
        Err(err) => form.internal(&state, err.into()).await,
    }
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
        assert!(same_origin(&headers(Some("https://passerelle.example"))));
        assert!(same_origin(&headers(None)), "older browsers send no Origin; the token still guards");
        assert!(!same_origin(&headers(Some("https://evil.example"))));
        assert!(!same_origin(&headers(Some("null"))));
    }
}
