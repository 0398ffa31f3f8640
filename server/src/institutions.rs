//! Institution forms: joining one's institution (by the confirmed e-mail's domain) or adding
//! it when it is not on Passerelle yet, and the
//! admin area's actions (verifying an institution, making a member its admin). Each action is
//! written to the audit log. Who may do what is checked here, whatever the page showed.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use catalog::{CatalogError, MemberChange};
use model::account::normalize_email;
use model::institution_form::read_new_institution;

use crate::ServerError;
use crate::form::{Posted, see_other};
use crate::form_spec;
use crate::state::AppState;
use app::url::{path, route};

/// Joining, verifying, naming administrators, and an institution's members.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::post;
    axum::Router::new()
        .route(route::JOIN, post(join))
        .route(route::ADD_INSTITUTION, post(add_institution))
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
form_spec!(JoinFields, "join", shown_on "account");

/// Adding one's institution, not on Passerelle yet (read whole by `model::institution_form`).
#[derive(serde::Deserialize, Default)]
struct AddInstitutionFields {}
form_spec!(AddInstitutionFields, "institution", shown_on "account");

/// Verifying an institution, from the admin area's list.
#[derive(serde::Deserialize, Default)]
struct VerifyFields {}
form_spec!(VerifyFields, "verify", shown_on "admin/institutions");

/// Naming an institution's administrator: the member's address.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct PromoteFields {
    email: String,
}

// The admin area lists one such form per institution.
form_spec!(PromoteFields, "promote-{slug}", shown_on "admin/institutions");

/// A change to a member, from the institution's members page.
#[derive(serde::Deserialize, Default)]
struct MemberFields {}

form_spec!(MemberFields, "members", shown_on "institutions/{slug}/members");

/// Joins the institution named by the `institution` field (see `catalog::institutions`).
async fn join(
    State(state): State<AppState>,
    Posted { fields, form }: Posted<JoinFields>,
) -> Result<Response, ServerError> {
    let viewer = form.signed_in()?;
    let slug = fields.institution;
    match state.catalog.join_institution(&viewer, &slug).await? {
        Ok(()) => Ok(see_other(&format!("{}?joined={slug}", path(route::ACCOUNT, form.lang, &[])))),
        Err(refusal) => Err(ServerError::refused(StatusCode::FORBIDDEN, refusal.message_id())),
    }
}

async fn add_institution(
    State(state): State<AppState>,
    Posted { form, .. }: Posted<AddInstitutionFields>,
) -> Result<Response, ServerError> {
    let viewer = form.signed_in()?;
    let record = read_new_institution(form.fields(), &viewer.email, form.lang)
        .map_err(|problems| form.refuse_all(&problems, "form-error-summary"))?;
    match state.catalog.add_institution(&viewer, &record).await? {
        Ok(slug) => Ok(see_other(&format!("{}?added={slug}", path(route::ACCOUNT, form.lang, &[])))),
        Err(refusal) => Err(ServerError::refused(StatusCode::FORBIDDEN, refusal.message_id())),
    }
}

async fn verify(
    State(state): State<AppState>,
    Path((_, slug)): Path<(String, String)>,
    Posted { form, .. }: Posted<VerifyFields>,
) -> Result<Response, ServerError> {
    state.catalog.verify_institution(&form.admin()?, &slug).await?;
    Ok(see_other(&format!("{}?verified={slug}", path(route::ADMIN_INSTITUTIONS, form.lang, &[]))))
}

/// Makes the member with the `email` field an admin of the institution.
async fn promote(
    State(state): State<AppState>,
    Path((_, slug)): Path<(String, String)>,
    Posted { fields, form }: Posted<PromoteFields>,
) -> Result<Response, ServerError> {
    let admin = form.admin()?;
    let email = normalize_email(&fields.email).unwrap_or_default();
    match state.catalog.name_institution_admin(&admin, &slug, &email).await {
        Ok(()) => Ok(see_other(&format!("{}?promoted={slug}", path(route::ADMIN_INSTITUTIONS, form.lang, &[])))),
        Err(CatalogError::NotFound) => {
            Err(form.refuse("email", "admin-error-not-member", StatusCode::UNPROCESSABLE_ENTITY))
        }
        Err(err) => Err(err.into()),
    }
}

/// What an institution's administrator does to a member, named by the URL's last segment:
/// `admin` (make an administrator), `remove` (end the membership; the account cannot join again
/// by itself), `readmit` (let a removed account back in).
async fn change_member(
    State(state): State<AppState>,
    Path((_, slug, member, change)): Path<(String, String, i64, String)>,
    Posted { form, .. }: Posted<MemberFields>,
) -> Result<Response, ServerError> {
    let change = MemberChange::from_code(&change).ok_or(ServerError::NotFound)?;
    let viewer = form.viewer_allowed(|viewer| viewer.runs_institution(&slug))?;
    state.catalog.change_member(&viewer, &slug, member, change).await?;
    Ok(see_other(&format!("{}?saved=1", path(route::MEMBERS, form.lang, &[&slug]))))
}
