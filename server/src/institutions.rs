//! Institution forms: joining one's institution (by the confirmed e-mail's domain), and the
//! admin area's actions (verifying an institution, making a member its admin). Each action is
//! written to the audit log. Who may do what is checked here, whatever the page showed.

use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use db::AuditRecord;
use model::account::{AuditAction, InstitutionRole, email_domains, normalize_email};

use crate::ServerError;
use crate::auth::forms::{Submission, see_other};
use crate::router::AppState;

/// Joins the institution named by the `institution` field, when the account's confirmed
/// address is on its domain.
pub async fn join(State(state): State<AppState>, Path(lang): Path<String>, request: Request) -> Response {
    let form = match Submission::begin(&state, &lang, request, "join", Some("account")).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let Some(account) = form.account.clone() else {
        return see_other(&format!("/{}/login", form.lang.code()));
    };
    if !account.email_confirmed {
        return form.refuse(&state, "", "join-error-unconfirmed", StatusCode::FORBIDDEN).await;
    }
    let slug = form.field("institution").to_string();
    let joined = async {
        let domains = email_domains(&account.email);
        let allowed = state.auth.db.institutions_of_domains(&domains).await?;
        if !allowed.iter().any(|institution| institution.slug == slug) {
            return Ok(None);
        }
        let now = Utc::now().fixed_offset();
        let id = state.auth.db.join_institution(account.id, &slug, InstitutionRole::Member, now).await?;
        if let Some(id) = id {
            let record = AuditRecord {
                actor: Some(account.id),
                action: AuditAction::MemberJoined,
                target_kind: "institution",
                target_id: id,
                detail: &format!("{} ({slug})", account.email),
            };
            state.auth.db.record_audit(record, now).await?;
        }
        Ok::<_, ServerError>(id)
    };
    match joined.await {
        Ok(Some(_)) => see_other(&format!("/{}/account?joined={slug}", form.lang.code())),
        Ok(None) => form.refuse(&state, "", "join-error-domain", StatusCode::FORBIDDEN).await,
        Err(err) => form.internal(&state, err).await,
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
    let verified = async {
        let now = Utc::now().fixed_offset();
        let Some(id) = state.auth.db.verify_institution(&slug, now).await? else { return Ok(false) };
        let record = AuditRecord {
            actor: Some(admin.account_id),
            action: AuditAction::InstitutionVerified,
            target_kind: "institution",
            target_id: id,
            detail: &slug,
        };
        state.auth.db.record_audit(record, now).await?;
        Ok::<_, ServerError>(true)
    };
    match verified.await {
        Ok(true) => see_other(&format!("/{}/admin/institutions?verified={slug}", form.lang.code())),
        Ok(false) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => form.internal(&state, err).await,
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
    let page = format!("/{}/admin/institutions", form.lang.code());
    let email = normalize_email(form.field("email")).unwrap_or_default();
    let promoted = async {
        let Some(member) = state.auth.db.account_by_email(&email).await? else { return Ok(false) };
        if !state.auth.db.set_member_role(member.id, &slug, InstitutionRole::Admin).await? {
            return Ok(false);
        }
        let record = AuditRecord {
            actor: Some(admin.account_id),
            action: AuditAction::MemberPromoted,
            target_kind: "account",
            target_id: member.id,
            detail: &format!("{email} → admin of {slug}"),
        };
        state.auth.db.record_audit(record, Utc::now().fixed_offset()).await?;
        Ok::<_, ServerError>(true)
    };
    match promoted.await {
        Ok(true) => see_other(&format!("{page}?promoted={slug}")),
        Ok(false) => form.refuse(&state, "email", "admin-error-not-member", StatusCode::UNPROCESSABLE_ENTITY).await,
        Err(err) => form.internal(&state, err).await,
    }
}

/// A form on an institution's members page: platform admins and the institution's own admins
/// only. Returns the form and the acting account's id.
async fn begin_members_form(
    state: &AppState,
    lang: &str,
    slug: &str,
    request: Request,
    form: &str,
) -> Result<(Submission, i64), Response> {
    let page = format!("institutions/{slug}/members");
    let form = Submission::begin(state, lang, request, form, Some(&page)).await?;
    let viewer = form.viewer_allowed(|viewer| viewer.runs_institution(slug)).map_err(|refusal| *refusal)?;
    Ok((form, viewer.account_id))
}

/// What an institution's admin does to one of its members.
#[derive(Clone, Copy)]
enum MemberChange {
    MakeAdmin,
    /// The account can no longer post for the institution (its postings stay).
    Remove,
}

/// Makes a member an administrator of the institution.
pub async fn make_admin(
    State(state): State<AppState>,
    Path((lang, slug, member)): Path<(String, String, i64)>,
    request: Request,
) -> Response {
    change_member(&state, &lang, &slug, member, request, MemberChange::MakeAdmin).await
}

/// Ends a membership.
pub async fn remove_member(
    State(state): State<AppState>,
    Path((lang, slug, member)): Path<(String, String, i64)>,
    request: Request,
) -> Response {
    change_member(&state, &lang, &slug, member, request, MemberChange::Remove).await
}

async fn change_member(
    state: &AppState,
    lang: &str,
    slug: &str,
    member: i64,
    request: Request,
    change: MemberChange,
) -> Response {
    let (form, actor) = match begin_members_form(state, lang, slug, request, "members").await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let changed = async {
        let db = &state.auth.db;
        let (done, action, detail) = match change {
            MemberChange::MakeAdmin => (
                db.set_member_role(member, slug, InstitutionRole::Admin).await?,
                AuditAction::MemberPromoted,
                format!("admin of {slug}"),
            ),
            MemberChange::Remove => {
                (db.remove_member(member, slug).await?, AuditAction::MemberRemoved, slug.to_string())
            }
        };
        if done {
            let record =
                AuditRecord { actor: Some(actor), action, target_kind: "account", target_id: member, detail: &detail };
            db.record_audit(record, Utc::now().fixed_offset()).await?;
        }
        Ok::<_, ServerError>(done)
    };
    match changed.await {
        Ok(true) => see_other(&format!("/{}/institutions/{slug}/members?saved=1", form.lang.code())),
        Ok(false) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => form.internal(state, err).await,
    }
}
