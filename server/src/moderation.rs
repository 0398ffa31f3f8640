//! Reports and suspensions: a reader flags an opening; platform admins resolve reports and
//! suspend or reinstate accounts. Admin actions go to the audit log.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use catalog::CatalogError;
use model::account::{MAX_REPORT_DETAILS_CHARS, ReportReason};
use std::time::Duration;

use crate::ServerError;
use crate::auth::rate_limit::Limit;
use crate::form::{Posted, see_other};
use crate::form_spec;
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

form_spec!(ReportFields, "report", shown_on "openings/{id}");

/// Resolving a report, from the admin area's list.
#[derive(serde::Deserialize, Default)]
struct ResolveFields {}
form_spec!(ResolveFields, "resolve", shown_on "admin/reports");

/// A suspension's reason (empty to reinstate).
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct SuspensionFields {
    reason: String,
}

// The accounts list shows one such form per account.
form_spec!(SuspensionFields, "suspend-{id}", shown_on "admin/accounts");

const REPORTS_PER_ACCOUNT: Limit = Limit { attempts: 10, per: Duration::from_secs(3600) };
/// The longest suspension reason.
const MAX_REASON_CHARS: usize = 500;

/// "Report this opening": signed-in readers only.
async fn report(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, i64)>,
    Posted { fields, form }: Posted<ReportFields>,
) -> Result<Response, ServerError> {
    let back = path(route::OPENING, form.lang, &[&id]);
    let viewer =
        form.viewer().cloned().ok_or(ServerError::SignInFirst { lang: form.lang, next: Some(back.clone()) })?;
    form.limit(&state, "report", &viewer.account_id.to_string(), REPORTS_PER_ACCOUNT).await?;
    let reason = ReportReason::from_code(&fields.reason);
    if reason.is_none() {
        form.reject("reason", "form-error-choose");
    }
    let details = fields.details.trim().to_string();
    if details.chars().count() > MAX_REPORT_DETAILS_CHARS {
        form.reject("details", "form-error-too-long");
    }
    form.check()?;
    let Some(reason) = reason else { return Err(form.invalid()) };
    state.catalog.report_opening(&viewer, id, reason, &details).await?;
    Ok(see_other(&format!("{back}?reported=1")))
}

async fn resolve_report(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, i64)>,
    Posted { form, .. }: Posted<ResolveFields>,
) -> Result<Response, ServerError> {
    match state.catalog.resolve_report(&form.admin()?, id).await {
        // Resolved already (by another admin): the list no longer shows it either way.
        Ok(()) | Err(CatalogError::Stale) => {
            Ok(see_other(&format!("{}?resolved=1", path(route::REPORTS, form.lang, &[]))))
        }
        Err(err) => Err(err.into()),
    }
}

/// Suspends the account (the `reason` field is required) or, with `suspend` false, reinstates it.
async fn set_suspension(
    state: AppState,
    id: i64,
    Posted { fields, form }: Posted<SuspensionFields>,
    suspend: bool,
) -> Result<Response, ServerError> {
    let admin = form.admin()?;
    let account = state.catalog.account_for_admin(&admin, id).await?;
    // Shown again on the search that lists this account.
    form.show_on(&format!("admin/accounts?q={}", app::url::encode(&account.email)));
    let reason = fields.reason.trim().to_string();
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    if suspend && reason.is_empty() {
        return Err(form.refuse("reason", "form-error-required", unprocessable));
    }
    if suspend && reason.chars().count() > MAX_REASON_CHARS {
        return Err(form.refuse("reason", "form-error-too-long", unprocessable));
    }
    if id == admin.account_id {
        return Err(form.refuse("reason", "admin-error-self", unprocessable));
    }
    let email = state.catalog.set_suspension(&admin, id, suspend.then_some(reason.as_str())).await?;
    let done = if suspend { "suspended" } else { "reinstated" };
    Ok(see_other(&format!("{}?q={}&done={done}", path(route::ACCOUNTS, form.lang, &[]), app::url::encode(&email))))
}

async fn suspend(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, i64)>,
    posted: Posted<SuspensionFields>,
) -> Result<Response, ServerError> {
    set_suspension(state, id, posted, true).await
}

async fn reinstate(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, i64)>,
    posted: Posted<SuspensionFields>,
) -> Result<Response, ServerError> {
    set_suspension(state, id, posted, false).await
}
