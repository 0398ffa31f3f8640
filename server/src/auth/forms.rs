//! The account forms: sign-up, sign-in, sign-out, e-mail confirmation, password reset and the
//! account's settings. Plain HTML forms that post to their page's own URL, so they work without
//! JavaScript. A rejected form is rendered again with what was typed (never a password) and
//! each problem next to its field; an accepted one redirects (303), so a reload never posts
//! twice. Every form carries the CSRF token (see `submission`); sign-in, sign-up and reset
//! requests are rate-limited by client and by address.

use std::time::Duration;

use axum::extract::{Path, Query, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use catalog::{Account, CatalogError, DbError, SignUp, TokenPurpose};
use model::Lang;
use model::account::{display_name_problem, normalize_email, password_problem};
use serde::Deserialize;

use super::password::{hash, verify};
use super::rate_limit::Limit;
use super::session::{CSRF_COOKIE, SESSION_COOKIE, SignedIn, add_cookie};
use super::submission::{Submission, see_other};
use crate::ServerError;
use crate::state::AppState;
use app::url::{path, route};
use catalog::token::{looks_like_token, random_token};

/// The account forms post to their own page's URL.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route(route::SIGN_UP, post(sign_up))
        .route(route::LOG_IN, post(log_in))
        .route(route::LOG_OUT, post(log_out))
        .route(route::CONFIRM, get(confirm_email))
        .route(route::RESEND_CONFIRMATION, post(resend_confirmation))
        .route(route::FORGOT, post(request_reset))
        .route(route::RESET, post(reset_password))
        .route(route::ACCOUNT, post(save_account))
        .route(route::CHANGE_PASSWORD, post(change_password))
}

/// Sign-in is throttled so that nobody can lock someone else out:
/// - each client (address) gets this many attempts, whatever the accounts;
const SIGN_IN_PER_CLIENT: Limit = Limit { attempts: 30, per: Duration::from_secs(15 * 60) };
/// - each client gets this many wrong passwords for one account;
const FAILURES_PER_CLIENT_AND_ADDRESS: Limit = Limit { attempts: 10, per: Duration::from_secs(15 * 60) };
/// - past this many wrong passwords for one account from everywhere (guessing spread over many
///   clients), only clients that have not failed on it yet may try: the owner still signs in.
const FAILURES_PER_ADDRESS: Limit = Limit { attempts: 50, per: Duration::from_secs(15 * 60) };
/// Password changes: wrong current passwords per account.
const SIGN_IN_PER_ADDRESS: Limit = Limit { attempts: 10, per: Duration::from_secs(15 * 60) };
const SIGN_UP_PER_CLIENT: Limit = Limit { attempts: 10, per: Duration::from_secs(3600) };
const LINKS_PER_ADDRESS: Limit = Limit { attempts: 3, per: Duration::from_secs(3600) };
const LINKS_PER_CLIENT: Limit = Limit { attempts: 10, per: Duration::from_secs(3600) };

/// The sign-up form.
#[derive(Deserialize, Default)]
#[serde(default)]
struct SignUpFields {
    display_name: String,
    email: String,
    password: String,
    preferred_lang: String,
}

/// The sign-in form (its way back, `next`, is read by the submission).
#[derive(Deserialize, Default)]
#[serde(default)]
struct SignInFields {
    email: String,
    password: String,
}

/// "Forgot your password?"
#[derive(Deserialize, Default)]
#[serde(default)]
struct AddressFields {
    email: String,
}

/// A new password, with the current one when changing it from the account page.
#[derive(Deserialize, Default)]
#[serde(default)]
struct PasswordFields {
    current_password: String,
    password: String,
}

/// The account's settings.
#[derive(Deserialize, Default)]
#[serde(default)]
struct SettingsFields {
    display_name: String,
    preferred_lang: String,
}

/// A redirect that signs `account` in: a new session, and a new CSRF token with it.
async fn sign_in(state: &AppState, account: &Account, to: &str) -> Result<Response, ServerError> {
    let token = state.catalog.start_session(account.id).await?;
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
    if form.limited(&state, "signup", form.client(), SIGN_UP_PER_CLIENT).await {
        return form.refuse(&state, "", "form-error-too-many", StatusCode::TOO_MANY_REQUESTS).await;
    }
    let SignUpFields { display_name, email, password, preferred_lang } = form.read();
    let name = display_name.trim().to_string();
    if let Some(problem) = display_name_problem(&name) {
        form.echo.reject("display_name", problem);
    }
    let email = normalize_email(&email);
    if email.is_none() {
        form.echo.reject("email", "form-error-email");
    }
    if let Some(problem) = password_problem(&password) {
        form.echo.reject("password", problem);
    }
    let preferred = Lang::from_code(&preferred_lang).unwrap_or(form.lang);
    let Some(email) = email.filter(|_| !form.echo.is_rejected()) else {
        return form.render(&state, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let created = async {
        let hash = hash(password).await?;
        let new = SignUp { email: &email, password_hash: &hash, display_name: &name, lang: preferred };
        Ok::<_, ServerError>(state.catalog.sign_up(new).await?)
    };
    match created.await {
        Ok(account) => {
            match sign_in(&state, &account, &format!("{}?welcome=1", path(route::ACCOUNT, form.lang, &[]))).await {
                Ok(response) => response,
                Err(err) => form.internal(&state, err).await,
            }
        }
        Err(ServerError::Catalog(CatalogError::Db(DbError::Taken))) => {
            form.refuse(&state, "email", "form-error-email-taken", StatusCode::CONFLICT).await
        }
        Err(err) => form.internal(&state, err).await,
    }
}

/// The keys that count wrong passwords for `email`: from this client, and from everywhere.
fn failure_keys(email: &str, client: &str) -> (String, String) {
    (format!("login-failed:{email}:{client}"), format!("login-failed:{email}"))
}

pub async fn log_in(State(state): State<AppState>, Path(lang): Path<String>, request: Request) -> Response {
    let form = match Submission::begin(&state, &lang, request, "login", None).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let SignInFields { email, password } = form.read();
    let email = normalize_email(&email).unwrap_or_default();
    let (this_client, everywhere) = failure_keys(&email, form.client());
    let limits = &state.auth.limits;
    let failed_here = limits.recent(&this_client, FAILURES_PER_CLIENT_AND_ADDRESS).await;
    let throttled = form.limited(&state, "login-client", form.client(), SIGN_IN_PER_CLIENT).await
        || failed_here >= FAILURES_PER_CLIENT_AND_ADDRESS.attempts
        || (failed_here > 0 && limits.reached(&everywhere, FAILURES_PER_ADDRESS).await);
    if throttled {
        return form.refuse(&state, "", "form-error-too-many", StatusCode::TOO_MANY_REQUESTS).await;
    }
    let account = match state.catalog.account_by_email(&email).await {
        Ok(account) => account,
        Err(err) => return form.internal(&state, err.into()).await,
    };
    let stored = account.as_ref().map(|a| a.password_hash.clone());
    let matches = match verify(password, stored).await {
        Ok(matches) => matches,
        Err(err) => return form.internal(&state, err).await,
    };
    match account.filter(|_| matches) {
        None => {
            limits.count(&this_client).await;
            limits.count(&everywhere).await;
            form.refuse(&state, "", "form-error-login-failed", StatusCode::UNAUTHORIZED).await
        }
        Some(account) if account.suspended => {
            form.refuse(&state, "", "form-error-suspended", StatusCode::FORBIDDEN).await
        }
        Some(account) => {
            limits.forget(&this_client).await;
            let to = form.next_or(path(route::ACCOUNT, form.lang, &[]));
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
        .map(str::to_string);
    if let Some(token) = session
        && let Err(err) = state.catalog.end_session(&token).await
    {
        return form.internal(&state, err.into()).await;
    }
    let mut response = see_other(&path(route::HOME, form.lang, &[]));
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
    let confirmed = match query.token.filter(|t| looks_like_token(t)) {
        Some(token) => state.catalog.confirm_email(&token).await,
        None => Ok(false),
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
        return see_other(&path(route::LOG_IN, form.lang, &[]));
    };
    if account.email_confirmed {
        return see_other(&path(route::ACCOUNT, form.lang, &[]));
    }
    if form.limited(&state, "link-address", &account.email, LINKS_PER_ADDRESS).await {
        return form.refuse(&state, "", "form-error-too-many", StatusCode::TOO_MANY_REQUESTS).await;
    }
    match state.catalog.send_link(&account, TokenPurpose::ConfirmEmail).await {
        Ok(()) => see_other(&format!("{}?sent=1", path(route::ACCOUNT, form.lang, &[]))),
        Err(err) => form.internal(&state, err.into()).await,
    }
}

/// "Forgot your password?": a reset link goes to the address if it has an account. The answer
/// is the same either way, so the form does not tell who has an account.
pub async fn request_reset(State(state): State<AppState>, Path(lang): Path<String>, request: Request) -> Response {
    let form = match Submission::begin(&state, &lang, request, "forgot", None).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let AddressFields { email } = form.read();
    let Some(email) = normalize_email(&email) else {
        return form.refuse(&state, "email", "form-error-email", StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    if form.limited(&state, "link-client", form.client(), LINKS_PER_CLIENT).await
        || form.limited(&state, "link-address", &email, LINKS_PER_ADDRESS).await
    {
        return form.refuse(&state, "", "form-error-too-many", StatusCode::TOO_MANY_REQUESTS).await;
    }
    match state.catalog.request_reset(&email).await {
        Ok(()) => see_other(&format!("{}?reset=sent", path(route::LOG_IN, form.lang, &[]))),
        Err(err) => form.internal(&state, err.into()).await,
    }
}

/// The form behind the reset link: a new password. Using the link also confirms the address.
pub async fn reset_password(State(state): State<AppState>, Path(lang): Path<String>, request: Request) -> Response {
    let form = match Submission::begin(&state, &lang, request, "reset", None).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let PasswordFields { password, .. } = form.read();
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
        if !looks_like_token(&token) {
            return Ok(false);
        }
        let hash = hash(password).await?;
        Ok::<_, ServerError>(state.catalog.reset_password(&token, &hash).await?)
    };
    match done.await {
        Ok(true) => see_other(&format!("{}?reset=done", path(route::LOG_IN, form.lang, &[]))),
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
        return see_other(&path(route::LOG_IN, form.lang, &[]));
    };
    if form.limited(&state, "password-change", &account.email, SIGN_IN_PER_ADDRESS).await {
        return form.refuse(&state, "", "form-error-too-many", StatusCode::TOO_MANY_REQUESTS).await;
    }
    let PasswordFields { current_password: current, password: new } = form.read();
    if let Some(problem) = password_problem(&new) {
        return form.refuse(&state, "password", problem, StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let stored = account.password_hash.clone();
    match verify(current, Some(stored)).await {
        Ok(true) => {}
        Ok(false) => {
            let problem = "form-error-current-password";
            return form.refuse(&state, "current_password", problem, StatusCode::UNAUTHORIZED).await;
        }
        Err(err) => return form.internal(&state, err).await,
    }
    let changed = async {
        let hash = hash(new).await?;
        state.catalog.change_password(account.id, &hash).await?;
        sign_in(&state, &account, &format!("{}?password=changed", path(route::ACCOUNT, form.lang, &[]))).await
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
        return see_other(&path(route::LOG_IN, form.lang, &[]));
    };
    let SettingsFields { display_name, preferred_lang } = form.read();
    let name = display_name.trim().to_string();
    if let Some(problem) = display_name_problem(&name) {
        form.echo.reject("display_name", problem);
    }
    let preferred = Lang::from_code(&preferred_lang);
    if preferred.is_none() {
        form.echo.reject("preferred_lang", "form-error-required");
    }
    let Some(preferred) = preferred.filter(|_| !form.echo.is_rejected()) else {
        return form.render(&state, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    match state.catalog.save_settings(account.id, &name, preferred).await {
        // The site follows the new preference from here on.
        Ok(()) => {
            let mut response = see_other(&format!("{}?saved=1", path(route::ACCOUNT, preferred, &[])));
            crate::site::remember_lang(&mut response, &state, preferred);
            response
        }
        Err(err) => form.internal(&state, err.into()).await,
    }
}
