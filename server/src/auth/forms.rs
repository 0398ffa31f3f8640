//! The account forms: sign-up, sign-in, sign-out, e-mail confirmation, password reset and the
//! account's settings. Plain HTML forms that post to their page's own URL, so they work without
//! JavaScript. A rejected form is rendered again with what was typed (never a password) and
//! each problem next to its field; an accepted one redirects (303), so a reload never posts
//! twice. Every form carries the CSRF token (see `submission`); sign-in, sign-up and reset
//! requests are rate-limited by client and by address.

use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use catalog::{Account, CatalogError, DbError, SignUp, TokenPurpose};
use model::Lang;
use model::account::{display_name_problem, normalize_email, password_problem};
use serde::Deserialize;

use super::password::{hash, verify};
use super::rate_limit::Limit;
use super::session::{CSRF_COOKIE, SESSION_COOKIE, SignedIn, add_cookie};
use crate::ServerError;
use crate::form::{PageLang, Posted, see_other};
use crate::form_spec;
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
form_spec!(SignUpFields, "signup");

/// The sign-in form (its way back, `next`, is read by the submission).
#[derive(Deserialize, Default)]
#[serde(default)]
struct SignInFields {
    email: String,
    password: String,
}
form_spec!(SignInFields, "login");

/// Signing out, from the header of any page.
#[derive(Deserialize, Default)]
struct SignOutFields {}
form_spec!(SignOutFields, "logout", shown_on "");

/// "Send the link again", from the account page.
#[derive(Deserialize, Default)]
struct ResendFields {}
form_spec!(ResendFields, "resend", shown_on "account");

/// "Forgot your password?"
#[derive(Deserialize, Default)]
#[serde(default)]
struct AddressFields {
    email: String,
}
form_spec!(AddressFields, "forgot");

/// A new password, with the current one when changing it from the account page.
#[derive(Deserialize, Default)]
#[serde(default)]
struct PasswordFields {
    current_password: String,
    password: String,
}
form_spec!(PasswordFields, "password", shown_on "account");

/// The form behind a reset link: the new password.
#[derive(Deserialize, Default)]
#[serde(default)]
struct ResetFields {
    password: String,
}
form_spec!(ResetFields, "reset");

/// The account's settings.
#[derive(Deserialize, Default)]
#[serde(default)]
struct SettingsFields {
    display_name: String,
    preferred_lang: String,
}
form_spec!(SettingsFields, "account");

/// A redirect that signs `account` in: a new session, and a new CSRF token with it.
async fn sign_in(state: &AppState, account: &Account, to: &str) -> Result<Response, ServerError> {
    let token = state.catalog.start_session(account.id).await?;
    let mut response = see_other(to);
    add_cookie(&mut response, &state.auth, SESSION_COOKIE, Some(&token));
    add_cookie(&mut response, &state.auth, CSRF_COOKIE, Some(&random_token()));
    Ok(response)
}

async fn sign_up(
    State(state): State<AppState>,
    Posted { fields, form }: Posted<SignUpFields>,
) -> Result<Response, ServerError> {
    form.limit(&state, "signup", form.client(), SIGN_UP_PER_CLIENT).await?;
    let SignUpFields { display_name, email, password, preferred_lang } = fields;
    let name = display_name.trim().to_string();
    if let Some(problem) = display_name_problem(&name) {
        form.reject("display_name", problem);
    }
    let email = normalize_email(&email);
    if email.is_none() {
        form.reject("email", "form-error-email");
    }
    if let Some(problem) = password_problem(&password) {
        form.reject("password", problem);
    }
    form.check()?;
    let Some(email) = email else { return Err(form.invalid()) };
    let preferred = Lang::from_code(&preferred_lang).unwrap_or(form.lang);
    let hash = hash(password).await?;
    let new = SignUp { email: &email, password_hash: &hash, display_name: &name, lang: preferred };
    match state.catalog.sign_up(new).await {
        Ok(account) => sign_in(&state, &account, &format!("{}?welcome=1", path(route::ACCOUNT, form.lang, &[]))).await,
        Err(CatalogError::Db(DbError::Taken)) => {
            Err(form.refuse("email", "form-error-email-taken", StatusCode::CONFLICT))
        }
        Err(err) => Err(err.into()),
    }
}

/// The keys that count wrong passwords for `email`: from this client, and from everywhere.
fn failure_keys(email: &str, client: &str) -> (String, String) {
    (format!("login-failed:{email}:{client}"), format!("login-failed:{email}"))
}

async fn log_in(
    State(state): State<AppState>,
    Posted { fields, form }: Posted<SignInFields>,
) -> Result<Response, ServerError> {
    let SignInFields { email, password } = fields;
    let email = normalize_email(&email).unwrap_or_default();
    let (this_client, everywhere) = failure_keys(&email, form.client());
    let limits = &state.auth.limits;
    form.limit(&state, "login-client", form.client(), SIGN_IN_PER_CLIENT).await?;
    let failed_here = limits.recent(&this_client, FAILURES_PER_CLIENT_AND_ADDRESS).await;
    if failed_here >= FAILURES_PER_CLIENT_AND_ADDRESS.attempts
        || (failed_here > 0 && limits.reached(&everywhere, FAILURES_PER_ADDRESS).await)
    {
        return Err(ServerError::refused(StatusCode::TOO_MANY_REQUESTS, "form-error-too-many"));
    }
    let account = state.catalog.account_by_email(&email).await?;
    let stored = account.as_ref().map(|a| a.password_hash.clone());
    let matches = verify(password, stored).await?;
    match account.filter(|_| matches) {
        None => {
            limits.count(&this_client).await;
            limits.count(&everywhere).await;
            Err(ServerError::refused(StatusCode::UNAUTHORIZED, "form-error-login-failed"))
        }
        Some(account) if account.suspended => Err(ServerError::refused(StatusCode::FORBIDDEN, "form-error-suspended")),
        Some(account) => {
            limits.forget(&this_client).await;
            sign_in(&state, &account, &form.next_or(path(route::ACCOUNT, form.lang, &[]))).await
        }
    }
}

async fn log_out(
    State(state): State<AppState>,
    headers: HeaderMap,
    Posted { form, .. }: Posted<SignOutFields>,
) -> Result<Response, ServerError> {
    let session = super::session::request_cookie(&headers, SESSION_COOKIE).filter(|token| looks_like_token(token));
    if let Some(token) = session {
        state.catalog.end_session(token).await?;
    }
    let mut response = see_other(&path(route::HOME, form.lang, &[]));
    add_cookie(&mut response, &state.auth, SESSION_COOKIE, None);
    add_cookie(&mut response, &state.auth, CSRF_COOKIE, Some(&random_token()));
    Ok(response)
}

#[derive(Deserialize)]
pub struct LinkQuery {
    token: Option<String>,
}

/// The link in the confirmation e-mail.
async fn confirm_email(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    SignedIn(account): SignedIn,
    Query(query): Query<LinkQuery>,
) -> Result<Response, ServerError> {
    let signed_in = account.is_some();
    let confirmed = match query.token.filter(|t| looks_like_token(t)) {
        Some(token) => state.catalog.confirm_email(&token).await,
        None => Ok(false),
    };
    let page = if signed_in { "account" } else { "login" };
    Ok(match confirmed {
        Ok(true) => see_other(&format!("/{}/{page}?confirmed=1", lang.code())),
        Ok(false) => see_other(&format!("/{}/{page}?link=expired", lang.code())),
        Err(err) => {
            tracing::error!(error = %err, "confirming an address failed");
            see_other(&format!("/{}/{page}?link=failed", lang.code()))
        }
    })
}

/// Sends the confirmation link again, to the signed-in account.
async fn resend_confirmation(
    State(state): State<AppState>,
    Posted { form, .. }: Posted<ResendFields>,
) -> Result<Response, ServerError> {
    let account = form.account()?;
    if account.email_confirmed {
        return Ok(see_other(&path(route::ACCOUNT, form.lang, &[])));
    }
    form.limit(&state, "link-address", &account.email, LINKS_PER_ADDRESS).await?;
    state.catalog.send_link(&account, TokenPurpose::ConfirmEmail).await?;
    Ok(see_other(&format!("{}?sent=1", path(route::ACCOUNT, form.lang, &[]))))
}

/// "Forgot your password?": a reset link goes to the address if it has an account. The answer
/// is the same either way, so the form does not tell who has an account.
async fn request_reset(
    State(state): State<AppState>,
    Posted { fields, form }: Posted<AddressFields>,
) -> Result<Response, ServerError> {
    let Some(email) = normalize_email(&fields.email) else {
        return Err(form.refuse("email", "form-error-email", StatusCode::UNPROCESSABLE_ENTITY));
    };
    form.limit(&state, "link-client", form.client(), LINKS_PER_CLIENT).await?;
    form.limit(&state, "link-address", &email, LINKS_PER_ADDRESS).await?;
    state.catalog.request_reset(&email).await?;
    Ok(see_other(&format!("{}?reset=sent", path(route::LOG_IN, form.lang, &[]))))
}

/// The form behind the reset link: a new password. Using the link also confirms the address.
/// The link's token stays in the form's URL (see the reset page).
async fn reset_password(
    State(state): State<AppState>,
    Query(link): Query<LinkQuery>,
    Posted { fields, form }: Posted<ResetFields>,
) -> Result<Response, ServerError> {
    if let Some(problem) = password_problem(&fields.password) {
        return Err(form.refuse("password", problem, StatusCode::UNPROCESSABLE_ENTITY));
    }
    let expired = || ServerError::refused(StatusCode::BAD_REQUEST, "form-error-link-expired");
    let token = link.token.filter(|token| looks_like_token(token)).ok_or_else(expired)?;
    let hash = hash(fields.password).await?;
    if !state.catalog.reset_password(&token, &hash).await? {
        return Err(expired());
    }
    Ok(see_other(&format!("{}?reset=done", path(route::LOG_IN, form.lang, &[]))))
}

/// A new password for the signed-in account, given the current one. Every other session of
/// the account ends; this browser stays signed in with a new session.
async fn change_password(
    State(state): State<AppState>,
    Posted { fields, form }: Posted<PasswordFields>,
) -> Result<Response, ServerError> {
    let account = form.account()?;
    form.limit(&state, "password-change", &account.email, SIGN_IN_PER_ADDRESS).await?;
    let PasswordFields { current_password: current, password: new } = fields;
    if let Some(problem) = password_problem(&new) {
        return Err(form.refuse("password", problem, StatusCode::UNPROCESSABLE_ENTITY));
    }
    if !verify(current, Some(account.password_hash.clone())).await? {
        let problem = "form-error-current-password";
        return Err(form.refuse("current_password", problem, StatusCode::UNAUTHORIZED));
    }
    let hash = hash(new).await?;
    state.catalog.change_password(account.id, &hash).await?;
    sign_in(&state, &account, &format!("{}?password=changed", path(route::ACCOUNT, form.lang, &[]))).await
}

/// The account page's settings: name and preferred language (of e-mails and of the site).
async fn save_account(
    State(state): State<AppState>,
    Posted { fields, form }: Posted<SettingsFields>,
) -> Result<Response, ServerError> {
    let account = form.account()?;
    let name = fields.display_name.trim().to_string();
    if let Some(problem) = display_name_problem(&name) {
        form.reject("display_name", problem);
    }
    let preferred = Lang::from_code(&fields.preferred_lang);
    if preferred.is_none() {
        form.reject("preferred_lang", "form-error-required");
    }
    form.check()?;
    let Some(preferred) = preferred else { return Err(form.invalid()) };
    state.catalog.save_settings(account.id, &name, preferred).await?;
    // The site follows the new preference from here on.
    let mut response = see_other(&format!("{}?saved=1", path(route::ACCOUNT, preferred, &[])));
    crate::site::remember_lang(&mut response, &state, preferred);
    Ok(response)
}
