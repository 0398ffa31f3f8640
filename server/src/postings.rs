//! The posting forms: members write, save, submit, edit and close their institution's
//! openings; platform admins approve or reject what waits for review. Who may do what is
//! checked here, whatever the page showed; every submission and decision goes to the audit
//! log, and a decision is e-mailed to the poster in their language.

use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use catalog::{SaveAction, Verdict};
use chrono::Utc;
use db::{AuditRecord, Posting};
use model::account::{AuditAction, Viewer};
use model::posting::{MAX_DECISION_NOTE_CHARS, PostingStatus, RejectReason, may_edit, read_posting};

use crate::ServerError;
use crate::auth::forms::{Submission, see_other};
use crate::auth::mail::send_mail;
use crate::auth::token::random_token;
use crate::router::AppState;

/// Signed-in members with a confirmed address, or the answer for everyone else.
fn poster(form: &Submission) -> Result<Viewer, Box<Response>> {
    form.viewer_allowed(|viewer| viewer.email_confirmed && !viewer.memberships.is_empty())
}

fn action_of(form: &Submission) -> SaveAction {
    if form.field("action") == "submit" { SaveAction::Submit } else { SaveAction::Draft }
}

/// Where a saved posting's page says what happened.
fn saved_page(form: &Submission, id: i64, status: PostingStatus) -> Response {
    see_other(&format!("/{}/postings/{id}?saved={}", form.lang.code(), status.code()))
}

/// Reads the posting form against the institution; the form is shown again with each problem
/// beside its field when it does not read.
async fn read_form(
    state: &AppState,
    mut form: Submission,
    slug: &str,
    external_id: String,
) -> Result<(Submission, model::record::OpeningRecord, bool), Response> {
    let institution = match state.catalog.db().institution_record(slug).await {
        Ok(Some(found)) => found,
        Ok(None) => {
            return Err(form.refuse(state, "institution", "form-error-choose", StatusCode::UNPROCESSABLE_ENTITY).await);
        }
        Err(err) => return Err(form.internal(state, err.into()).await),
    };
    let (record, verified) = institution;
    match read_posting(form.fields(), record, external_id, catalog::today()) {
        Ok(record) => Ok((form, record, verified)),
        Err(problems) => {
            for (field, message) in problems {
                form.echo.reject(&field, message);
            }
            form.echo.reject("", "posting-error-summary");
            Err(form.render(state, StatusCode::UNPROCESSABLE_ENTITY).await)
        }
    }
}

async fn audit(state: &AppState, actor: i64, action: AuditAction, id: i64, detail: &str) -> Result<(), ServerError> {
    let record = AuditRecord { actor: Some(actor), action, target_kind: "opening", target_id: id, detail };
    Ok(state.auth.db.record_audit(record, Utc::now().fixed_offset()).await?)
}

/// What the audit log says of a save: only what reaches readers or moderators is written.
async fn audit_save(state: &AppState, actor: i64, id: i64, status: PostingStatus) -> Result<(), ServerError> {
    match status {
        PostingStatus::Pending | PostingStatus::Published => {
            audit(state, actor, AuditAction::OpeningSubmitted, id, status.code()).await
        }
        _ => Ok(()),
    }
}

/// A new posting, for one of the poster's institutions.
pub async fn create(State(state): State<AppState>, Path(lang): Path<String>, request: Request) -> Response {
    let form = match Submission::begin(&state, &lang, request, "posting", None).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let viewer = match poster(&form) {
        Ok(viewer) => viewer,
        Err(response) => return *response,
    };
    let slug = form.field("institution").to_string();
    if !viewer.memberships.iter().any(|m| m.institution.slug == slug) {
        return form.refuse(&state, "institution", "form-error-choose", StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    // Ids of postings written here never clash with an institution's own import ids.
    let external_id = format!("passerelle-{}", &random_token()[..16]);
    let (form, record, verified) = match read_form(&state, form, &slug, external_id).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let created = async {
        let now = Utc::now().fixed_offset();
        let Some((id, status)) =
            state.catalog.create_posting(&record, viewer.account_id, action_of(&form), verified, now).await?
        else {
            return Ok(None);
        };
        audit_save(&state, viewer.account_id, id, status).await?;
        Ok::<_, ServerError>(Some((id, status)))
    };
    match created.await {
        Ok(Some((id, status))) => saved_page(&form, id, status),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(err) => form.internal(&state, err).await,
    }
}

/// The posting `id` when the form's sender may edit it.
async fn editable(state: &AppState, form: &Submission, id: i64) -> Result<(Viewer, Posting), Response> {
    let viewer = poster(form).map_err(|response| *response)?;
    let posting = match state.catalog.db().posting(id).await {
        Ok(Some(posting)) => posting,
        Ok(None) => return Err(StatusCode::NOT_FOUND.into_response()),
        Err(err) => {
            tracing::error!(error = %err, "a posting could not be read");
            return Err(StatusCode::INTERNAL_SERVER_ERROR.into_response());
        }
    };
    if !may_edit(&viewer, &posting.institution.slug, posting.created_by) {
        return Err(StatusCode::FORBIDDEN.into_response());
    }
    if posting.status == PostingStatus::Closed {
        return Err(StatusCode::CONFLICT.into_response());
    }
    Ok((viewer, posting))
}

pub async fn update(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, i64)>,
    request: Request,
) -> Response {
    let form = match Submission::begin(&state, &lang, request, "posting", None).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let (viewer, posting) = match editable(&state, &form, id).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let slug = posting.institution.slug.clone();
    let (form, record, verified) = match read_form(&state, form, &slug, posting.record.external_id.clone()).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let saved = async {
        let now = Utc::now().fixed_offset();
        let status = state.catalog.update_posting(&posting, &record, action_of(&form), verified, now).await?;
        if posting.status != PostingStatus::Published || status == PostingStatus::Pending {
            audit_save(&state, viewer.account_id, id, status).await?;
        }
        Ok::<_, ServerError>(status)
    };
    match saved.await {
        Ok(status) => saved_page(&form, id, status),
        Err(err) => form.internal(&state, err).await,
    }
}

pub async fn close(State(state): State<AppState>, Path((lang, id)): Path<(String, i64)>, request: Request) -> Response {
    let form = match Submission::begin(&state, &lang, request, "close", Some(&format!("postings/{id}"))).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let (viewer, _) = match editable(&state, &form, id).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let closed = async {
        state.catalog.close_posting(id).await?;
        audit(&state, viewer.account_id, AuditAction::OpeningClosed, id, "").await
    };
    match closed.await {
        Ok(()) => see_other(&format!("/{}/postings/{id}?saved=closed", form.lang.code())),
        Err(err) => form.internal(&state, err).await,
    }
}

/// A moderator's decision on what waits of posting `id`.
pub async fn decide(
    State(state): State<AppState>,
    Path((lang, id)): Path<(String, i64)>,
    request: Request,
) -> Response {
    let (mut form, admin) =
        match Submission::begin_admin(&state, &lang, request, &format!("review-{id}"), "admin/review").await {
            Ok(found) => found,
            Err(response) => return response,
        };
    let verdict = match form.field("verdict") {
        "approve" => Some(Verdict::Approve),
        "reject" => match RejectReason::from_code(form.field("reason")) {
            Some(reason) => Some(Verdict::Reject(reason)),
            None => {
                form.echo.reject("reason", "form-error-choose");
                None
            }
        },
        _ => {
            form.echo.reject("", "form-error-choose");
            None
        }
    };
    let note = form.field("note").trim().to_string();
    if note.chars().count() > MAX_DECISION_NOTE_CHARS {
        form.echo.reject("note", "form-error-too-long");
    }
    let Some(verdict) = verdict.filter(|_| !form.echo.is_rejected()) else {
        return form.render(&state, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let decided = async {
        let Some(posting) = state.catalog.db().posting(id).await? else { return Ok(false) };
        let now = Utc::now().fixed_offset();
        if !state.catalog.decide(&posting, admin.account_id, verdict, &note, now).await? {
            return Ok(false);
        }
        let (action, detail) = match verdict {
            Verdict::Approve => (AuditAction::OpeningApproved, note.clone()),
            Verdict::Reject(reason) => (AuditAction::OpeningRejected, format!("{}: {note}", reason.code())),
        };
        audit(&state, admin.account_id, action, id, detail.trim_end_matches([':', ' '])).await?;
        notify_poster(&state, &posting, verdict, &note).await?;
        Ok::<_, ServerError>(true)
    };
    match decided.await {
        Ok(true) => see_other(&format!("/{}/admin/review?decided={id}", form.lang.code())),
        // Decided already (by another moderator, or withdrawn): nothing waits.
        Ok(false) => see_other(&format!("/{}/admin/review?gone={id}", form.lang.code())),
        Err(err) => form.internal(&state, err).await,
    }
}

/// E-mails the decision to the poster, in their language.
async fn notify_poster(state: &AppState, posting: &Posting, verdict: Verdict, note: &str) -> Result<(), ServerError> {
    let Some(poster) = posting.created_by else { return Ok(()) };
    let Some(account) = state.auth.db.account(poster).await? else { return Ok(()) };
    let lang = account.lang;
    let working = posting.working();
    let title = model::lang::pick(&working.title, lang, working.original_language).map_or("", |(_, t)| t).to_string();
    let link = format!("{}/{}/postings/{}", state.auth.public_url, lang.code(), posting.id);
    let note = if note.is_empty() { "—" } else { note };
    let mut args = vec![("title", title.into()), ("link", link.into()), ("note", note.to_string().into())];
    let (subject, body) = match verdict {
        Verdict::Approve => ("mail-approved-subject", "mail-approved-body"),
        Verdict::Reject(reason) => {
            args.push(("reason", l10n::t(lang, reason.message_id()).into()));
            ("mail-rejected-subject", "mail-rejected-body")
        }
    };
    send_mail(&state.auth, &account, subject, body, args).await
}
