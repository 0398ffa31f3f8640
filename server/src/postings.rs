//! The posting forms: members write, save, submit, edit and close their institution's
//! openings; platform admins approve or reject what waits for review. The forms are read here;
//! what may be done, the audit log and the e-mails are the use cases' (`catalog::postings`).

use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::Response;
use catalog::Posting;
use catalog::{CatalogError, SaveAction, Verdict};
use model::account::Viewer;
use model::posting::{MAX_DECISION_NOTE_CHARS, PostingStatus, RejectReason, read_posting};

use crate::auth::submission::{Submission, see_other};
use crate::state::AppState;
use app::url::{path, route};
use catalog::token::random_token;

/// Writing, editing and closing postings, and moderators' decisions.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::post;
    axum::Router::new()
        .route(route::NEW_POSTING, post(create))
        .route(route::EDIT_POSTING, post(update))
        .route(route::CLOSE_POSTING, post(close))
        .route(route::DECIDE, post(decide))
}

/// Signed-in members with a confirmed address, or the answer for everyone else.
fn poster(form: &Submission) -> Result<Viewer, Box<Response>> {
    form.viewer_allowed(|viewer| viewer.email_confirmed && !viewer.memberships.is_empty())
}

/// What the posting form says besides the opening (which `model::posting::read_posting` reads).
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct PostingFields {
    /// `submit`, else a draft.
    action: String,
    /// The institution's slug, for a new posting.
    institution: String,
}

/// A moderator's decision.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct DecisionFields {
    /// `approve` or `reject`.
    verdict: String,
    reason: String,
    note: String,
}

impl PostingFields {
    fn save_action(&self) -> SaveAction {
        if self.action == "submit" { SaveAction::Submit } else { SaveAction::Draft }
    }
}

/// Where a saved posting's page says what happened.
fn saved_page(form: &Submission, id: i64, status: PostingStatus) -> Response {
    see_other(&format!("{}?saved={}", path(route::POSTING, form.lang, &[&id]), status.code()))
}

/// Reads the posting form against the institution; the form is shown again with each problem
/// beside its field when it does not read.
async fn read_form(
    state: &AppState,
    mut form: Submission,
    slug: &str,
    external_id: String,
) -> Result<(Submission, model::record::OpeningRecord), Response> {
    let institution = match state.catalog.institution_for_posting(slug).await {
        Ok(Some((record, _))) => record,
        Ok(None) => {
            return Err(form.refuse(state, "institution", "form-error-choose", StatusCode::UNPROCESSABLE_ENTITY).await);
        }
        Err(err) => return Err(form.internal(state, err.into()).await),
    };
    match read_posting(form.fields(), institution, external_id, catalog::today()) {
        Ok(record) => Ok((form, record)),
        Err(problems) => {
            for (field, message) in problems {
                form.echo.reject(&field, message);
            }
            form.echo.reject("", "posting-error-summary");
            Err(form.render(state, StatusCode::UNPROCESSABLE_ENTITY).await)
        }
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
    let fields: PostingFields = form.read();
    let slug = fields.institution.clone();
    if !viewer.memberships.iter().any(|m| m.institution.slug == slug) {
        return form.refuse(&state, "institution", "form-error-choose", StatusCode::UNPROCESSABLE_ENTITY).await;
    }
    // Ids of postings written here never clash with an institution's own import ids.
    let external_id = format!("passerelle-{}", &random_token()[..16]);
    let (form, record) = match read_form(&state, form, &slug, external_id).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    match state.catalog.create_posting(&viewer, &record, fields.save_action()).await {
        Ok((id, status)) => saved_page(&form, id, status),
        Err(err) => form.failed(&state, err).await,
    }
}

/// The posting `id` when the form's sender may edit it, or the answer for everyone else.
async fn editable(state: &AppState, form: Submission, id: i64) -> Result<(Submission, Viewer, Posting), Response> {
    let viewer = poster(&form).map_err(|response| *response)?;
    match state.catalog.editable_posting(&viewer, id).await {
        Ok(posting) => Ok((form, viewer, posting)),
        Err(err) => Err(form.failed(state, err).await),
    }
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
    let (form, viewer, posting) = match editable(&state, form, id).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let slug = posting.institution.slug.clone();
    let (form, record) = match read_form(&state, form, &slug, posting.record.external_id.clone()).await {
        Ok(read) => read,
        Err(response) => return response,
    };
    let action = form.read::<PostingFields>().save_action();
    match state.catalog.update_posting(&viewer, id, &record, action).await {
        Ok(status) => saved_page(&form, id, status),
        Err(err) => form.failed(&state, err).await,
    }
}

pub async fn close(State(state): State<AppState>, Path((lang, id)): Path<(String, i64)>, request: Request) -> Response {
    let form = match Submission::begin(&state, &lang, request, "close", Some(&format!("postings/{id}"))).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let (form, viewer, _) = match editable(&state, form, id).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    match state.catalog.close_posting(&viewer, id).await {
        Ok(()) => see_other(&format!("{}?saved=closed", path(route::POSTING, form.lang, &[&id]))),
        Err(err) => form.failed(&state, err).await,
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
    let DecisionFields { verdict, reason, note } = form.read();
    let verdict = match verdict.as_str() {
        "approve" => Some(Verdict::Approve),
        "reject" => match RejectReason::from_code(&reason) {
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
    let note = note.trim().to_string();
    if note.chars().count() > MAX_DECISION_NOTE_CHARS {
        form.echo.reject("note", "form-error-too-long");
    }
    let Some(verdict) = verdict.filter(|_| !form.echo.is_rejected()) else {
        return form.render(&state, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    match state.catalog.decide(&admin, id, verdict, &note).await {
        Ok(()) => see_other(&format!("{}?decided={id}", path(route::REVIEW_QUEUE, form.lang, &[]))),
        // Decided already (by another moderator, or withdrawn): nothing waits.
        Err(CatalogError::Stale | CatalogError::NotFound) => {
            see_other(&format!("{}?gone={id}", path(route::REVIEW_QUEUE, form.lang, &[])))
        }
        Err(err) => form.internal(&state, err.into()).await,
    }
}
