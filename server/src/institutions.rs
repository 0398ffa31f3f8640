//! Institution forms: joining one's institution (by the confirmed e-mail's domain), and the
//! admin area's actions (verifying an institution, making a member its admin). Each action is
//! written to the audit log. Who may do what is checked here, whatever the page showed.

use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use catalog::{CatalogError, MemberChange};
use model::account::normalize_email;

use crate::auth::submission::{Submission, see_other};
use crate::state::AppState;
use app::url::{path, route};

/// Joining, verifying, naming administrators, and an institution's members.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::post;
    axum::Router::new()
        .route(route::JOIN, post(join))
        .route(route::VERIFY_INSTITUTION, post(verify))
        .route(route::NAME_ADMIN, post(promote))
        .route(route::CHANGE_MEMBER, post(change_member))
}

/// Joining: the institution chosen.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct JoinFields {
    institution: String,
}

/// Naming an institution's administrator: the member's address.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct PromoteFields {
    email: String,
}

/// Joins the institution named by the `institution` field (see `catalog::institutions`).
pub async fn join(State(state): State<AppState>, Path(lang): Path<String>, request: Request) -> Response {
    let form = match Submission::begin(&state, &lang, request, "join", Some("account")).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let Some(viewer) = form.viewer().cloned() else {
        return see_other(&path(route::LOG_IN, form.lang, &[]));
    };
    let JoinFields { institution: slug } = form.read();
    match state.catalog.join_institution(&viewer, &slug).await {
        Ok(Ok(())) => see_other(&format!("{}?joined={slug}", path(route::ACCOUNT, form.lang, &[]))),
        Ok(Err(refusal)) => form.refuse(&state, "", refusal.message_id(), StatusCode::FORBIDDEN).await,
        Err(err) => form.internal(&state, err.into()).await,
    }
}

pub async fn verify(
    State(state): State<AppState>,
    Path((lang, slug)): Path<(String, String)>,
    request: Request,
) -> Response {
    let (form, admin) = match Submission::begin_admin(&state, &lang, request, "verify", "admin/institutions").await {
        Ok(found) => found,
        Err(response) => return response,
    };
    match state.catalog.verify_institution(&admin, &slug).await {
        Ok(()) => see_other(&format!("{}?verified={slug}", path(route::ADMIN_INSTITUTIONS, form.lang, &[]))),
        Err(err) => form.failed(&state, err).await,
    }
}

/// Makes the member with the `email` field an admin of the institution.
pub async fn promote(
    State(state): State<AppState>,
    Path((lang, slug)): Path<(String, String)>,
    request: Request,
) -> Response {
    let (form, admin) =
        match Submission::begin_admin(&state, &lang, request, &format!("promote-{slug}"), "admin/institutions").await {
            Ok(found) => found,
            Err(response) => return response,
        };
    let page = path(route::ADMIN_INSTITUTIONS, form.lang, &[]);
    let PromoteFields { email } = form.read();
    let email = normalize_email(&email).unwrap_or_default();
    match state.catalog.name_institution_admin(&admin, &slug, &email).await {
        Ok(()) => see_other(&format!("{page}?promoted={slug}")),
        Err(CatalogError::NotFound) => {
            form.refuse(&state, "email", "admin-error-not-member", StatusCode::UNPROCESSABLE_ENTITY).await
        }
        Err(err) => form.internal(&state, err.into()).await,
    }
}

/// What an institution's administrator does to a member, named by the URL's last segment:
/// `admin` (make an administrator), `remove` (end the membership; the account cannot join again
/// by itself), `readmit` (let a removed account back in).
pub async fn change_member(
    State(state): State<AppState>,
    Path((lang, slug, member, change)): Path<(String, String, i64, String)>,
    request: Request,
) -> Response {
    let Some(change) = MemberChange::from_code(&change) else { return StatusCode::NOT_FOUND.into_response() };
    let (state, slug) = (&state, slug.as_str());
    let page = format!("institutions/{slug}/members");
    let form = match Submission::begin(state, &lang, request, "members", Some(&page)).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let viewer = match form.viewer_allowed(|viewer| viewer.runs_institution(slug)) {
        Ok(viewer) => viewer,
        Err(refusal) => return *refusal,
    };
    match state.catalog.change_member(&viewer, slug, member, change).await {
        Ok(()) => see_other(&format!("{}?saved=1", path(route::MEMBERS, form.lang, &[&slug]))),
        Err(err) => form.failed(state, err).await,
    }
}
