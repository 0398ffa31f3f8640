//! Reports and suspensions: a reader flags an opening; platform admins resolve reports and
//! suspend or reinstate accounts. Admin actions go to the audit log.

use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use catalog::CatalogError;
use model::account::{MAX_REPORT_DETAILS_CHARS, ReportReason};
use std::time::Duration;

use crate::auth::rate_limit::Limit;
use crate::auth::submission::{Submission, see_other};
use crate::state::AppState;
use app::url::{path, route};

/// Reports and suspensions.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::post;
    axum::Router::new()
        .route(route::REPORT_OPENING, post(report))
        .route(route::RESOLVE_REPORT, post(resolve_report))
        .route(route::SUSPEND, post(suspend))
        .route(route::REINSTATE, post(reinstate))
}

/// "Something wrong with this opening?"
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct ReportFields {
    reason: String,
    details: String,
}

/// A suspension's reason (empty to reinstate).
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct SuspensionFields {
    reason: String,
}

const REPORTS_PER_ACCOUNT: Limit = Limit { attempts: 10, per: Duration::from_secs(3600) };
/// The longest suspension reason.
const MAX_REASON_CHARS: usize = 500;

/// "Report this opening": signed-in readers only.
pub async fn report(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, i64)>,
    request: Request,
) -> Response {
    let mut form = match Submission::begin(&state, &lang, request, "report", Some(&format!("openings/{id}"))).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let Some(account) = form.account.clone() else {
        let back = path(route::OPENING, form.lang, &[&id]);
        return see_other(&app::url::sign_in_then(form.lang, &back));
    };
    if form.limited(&state, "report", &account.id.to_string(), REPORTS_PER_ACCOUNT).await {
        return form.refuse(&state, "", "form-error-too-many", StatusCode::TOO_MANY_REQUESTS).await;
    }
    let ReportFields { reason, details } = form.read();
    let reason = ReportReason::from_code(&reason);
    if reason.is_none() {
        form.echo.reject("reason", "form-error-choose");
    }
    let details = details.trim().to_string();
    if details.chars().count() > MAX_REPORT_DETAILS_CHARS {
        form.echo.reject("details", "form-error-too-long");
    }
    let Some(reason) = reason.filter(|_| !form.echo.is_rejected()) else {
        return form.render(&state, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let Some(viewer) = form.viewer().cloned() else {
        return see_other(&path(route::LOG_IN, form.lang, &[]));
    };
    match state.catalog.report_opening(&viewer, id, reason, &details).await {
        Ok(()) => see_other(&format!("{}?reported=1", path(route::OPENING, form.lang, &[&id]))),
        Err(err) => form.failed(&state, err).await,
    }
}

pub async fn resolve_report(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, i64)>,
    request: Request,
) -> Response {
    let (form, admin) = match Submission::begin_admin(&state, &lang, request, "resolve", "admin/reports").await {
        Ok(found) => found,
        Err(response) => return response,
    };
    match state.catalog.resolve_report(&admin, id).await {
        // Resolved already (by another admin): the list no longer shows it either way.
        Ok(()) | Err(CatalogError::Stale) => see_other(&format!("{}?resolved=1", path(route::REPORTS, form.lang, &[]))),
        Err(err) => form.internal(&state, err.into()).await,
    }
}

/// Suspends the account (the `reason` field is required) or, with `suspend` false, reinstates it.
async fn set_suspension(state: AppState, lang: String, id: i64, request: Request, suspend: bool) -> Response {
    let (form, admin) =
        match Submission::begin_admin(&state, &lang, request, &format!("suspend-{id}"), "admin/accounts").await {
            Ok(found) => found,
            Err(response) => return response,
        };
    let account = match state.catalog.account_for_admin(&admin, id).await {
        Ok(account) => account,
        Err(err) => return form.failed(&state, err).await,
    };
    // Shown again on the search that lists this account.
    let form = form.shown_on(&format!("admin/accounts?q={}", app::url::encode(&account.email)));
    let SuspensionFields { reason } = form.read();
    let reason = reason.trim().to_string();
    if suspend && reason.is_empty() {
        return form.refuse(&state, "reason", "form-error-required", StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    if suspend && reason.chars().count() > MAX_REASON_CHARS {
        return form.refuse(&state, "reason", "form-error-too-long", StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    if id == admin.account_id {
        return form.refuse(&state, "reason", "admin-error-self", StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    match state.catalog.set_suspension(&admin, id, suspend.then_some(reason.as_str())).await {
        Ok(email) => {
            let done = if suspend { "suspended" } else { "reinstated" };
            see_other(&format!("{}?q={}&done={done}", path(route::ACCOUNTS, form.lang, &[]), app::url::encode(&email)))
        }
        Err(err) => form.internal(&state, err.into()).await,
    }
}

pub async fn suspend(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, i64)>,
    request: Request,
) -> Response {
    set_suspension(state, lang, id, request, true).await
}

pub async fn reinstate(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, i64)>,
    request: Request,
) -> Response {
    set_suspension(state, lang, id, request, false).await
}
