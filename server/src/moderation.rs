//! Reports and suspensions: a reader flags an opening; platform admins resolve reports and
//! suspend or reinstate accounts. Admin actions go to the audit log.

use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use db::AuditRecord;
use model::account::{AuditAction, MAX_REPORT_DETAILS_CHARS, ReportReason};
use std::time::Duration;

use crate::ServerError;
use crate::auth::rate_limit::Limit;
use crate::auth::submission::{Submission, see_other};
use crate::router::AppState;

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
        let back = format!("/{}/openings/{id}", form.lang.code());
        return see_other(&app::url::sign_in_then(form.lang, &back));
    };
    if form.limited(&state, "report", &account.id.to_string(), REPORTS_PER_ACCOUNT).await {
        return form.refuse(&state, "", "form-error-too-many", StatusCode::TOO_MANY_REQUESTS).await;
    }
    let reason = ReportReason::from_code(form.field("reason"));
    if reason.is_none() {
        form.echo.reject("reason", "form-error-choose");
    }
    let details = form.field("details").trim().to_string();
    if details.chars().count() > MAX_REPORT_DETAILS_CHARS {
        form.echo.reject("details", "form-error-too-long");
    }
    let Some(reason) = reason.filter(|_| !form.echo.is_rejected()) else {
        return form.render(&state, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let filed = async {
        if state.auth.db.opening(id).await?.is_none() {
            return Ok(false);
        }
        let now = Utc::now().fixed_offset();
        let report = state.auth.db.file_report(id, account.id, reason, &details, now).await?;
        let detail = format!("report {report}: {}", reason.code());
        let record = AuditRecord {
            actor: Some(account.id),
            action: AuditAction::ReportFiled,
            target_kind: "opening",
            target_id: id,
            detail: &detail,
        };
        state.auth.db.record_audit(record, now).await?;
        Ok::<_, ServerError>(true)
    };
    match filed.await {
        Ok(true) => see_other(&format!("/{}/openings/{id}?reported=1", form.lang.code())),
        Ok(false) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => form.internal(&state, err).await,
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
    let resolved = async {
        let now = Utc::now().fixed_offset();
        let Some(opening) = state.auth.db.resolve_report(id, admin.account_id, now).await? else { return Ok(()) };
        let detail = format!("opening {opening}");
        let record = AuditRecord {
            actor: Some(admin.account_id),
            action: AuditAction::ReportResolved,
            target_kind: "report",
            target_id: id,
            detail: &detail,
        };
        state.auth.db.record_audit(record, now).await?;
        Ok::<_, ServerError>(())
    };
    match resolved.await {
        Ok(()) => see_other(&format!("/{}/admin/reports?resolved=1", form.lang.code())),
        Err(err) => form.internal(&state, err).await,
    }
}

/// Suspends the account (the `reason` field is required) or, with `suspend` false, reinstates it.
async fn set_suspension(state: AppState, lang: String, id: i64, request: Request, suspend: bool) -> Response {
    let (form, admin) =
        match Submission::begin_admin(&state, &lang, request, &format!("suspend-{id}"), "admin/accounts").await {
            Ok(found) => found,
            Err(response) => return response,
        };
    let account = match state.auth.db.account(id).await {
        Ok(Some(account)) => account,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => return form.internal(&state, err.into()).await,
    };
    // Shown again on the search that lists this account.
    let form = form.shown_on(&format!("admin/accounts?q={}", app::url::encode(&account.email)));
    let reason = form.field("reason").trim().to_string();
    if suspend && reason.is_empty() {
        return form.refuse(&state, "reason", "form-error-required", StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    if suspend && reason.chars().count() > MAX_REASON_CHARS {
        return form.refuse(&state, "reason", "form-error-too-long", StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    if id == admin.account_id {
        return form.refuse(&state, "reason", "admin-error-self", StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    let changed = async {
        let now = Utc::now().fixed_offset();
        state.auth.db.set_suspension(id, suspend.then_some(reason.as_str()), now).await?;
        let (action, detail) = if suspend {
            (AuditAction::AccountSuspended, format!("{}: {reason}", account.email))
        } else {
            (AuditAction::AccountReinstated, account.email.clone())
        };
        let record = AuditRecord {
            actor: Some(admin.account_id),
            action,
            target_kind: "account",
            target_id: id,
            detail: &detail,
        };
        state.auth.db.record_audit(record, now).await?;
        Ok::<_, ServerError>(account.email.clone())
    };
    match changed.await {
        Ok(email) => {
            let done = if suspend { "suspended" } else { "reinstated" };
            see_other(&format!("/{}/admin/accounts?q={}&done={done}", form.lang.code(), app::url::encode(&email)))
        }
        Err(err) => form.internal(&state, err).await,
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
