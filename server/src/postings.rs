//! The posting forms: members write, save, submit, edit and close their institution's
//! openings; platform admins approve or reject what waits for review. The forms are read here;
//! what may be done, the audit log and the e-mails are the use cases' (`catalog::postings`).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use catalog::Posting;
use catalog::{CatalogError, SaveAction, Verdict};
use model::account::Viewer;
use model::posting::{FieldProblems, MAX_DECISION_NOTE_CHARS, PostingStatus, RejectReason, read_posting};

use crate::ServerError;
use crate::form::{Posted, Submission, see_other};
use crate::form_spec;
use crate::state::AppState;
use app::url::{path, route, unfinished_href};
use catalog::token::random_token;

/// Writing, editing and closing postings, and moderators' decisions.
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::post;
    axum::Router::new()
        .route(route::NEW_POSTING, post(create))
        .route(route::EDIT_POSTING, post(update))
        .route(route::CLOSE_POSTING, post(close))
        .route(route::DISCARD_UNFINISHED, post(discard))
        .route(route::DECIDE, post(decide))
}

/// Signed-in members with a confirmed address, or the answer for everyone else.
fn poster(form: &Submission) -> Result<Viewer, ServerError> {
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
    /// The unfinished posting this form takes up again, if any (its id).
    draft: String,
}
form_spec!(PostingFields, "posting");

/// Throwing away an unfinished posting, from "Your openings".
#[derive(serde::Deserialize, Default)]
struct DiscardFields {}

form_spec!(DiscardFields, "discard", shown_on "postings");

/// Closing a posting, from its page.
#[derive(serde::Deserialize, Default)]
struct CloseFields {}

form_spec!(CloseFields, "close", shown_on "postings/{id}");

/// A moderator's decision.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct DecisionFields {
    /// `approve` or `reject`.
    verdict: String,
    reason: String,
    note: String,
}

// The review queue shows one form per posting.
form_spec!(DecisionFields, "review-{id}", shown_on "admin/review");

impl PostingFields {
    fn save_action(&self) -> SaveAction {
        if self.action == "submit" { SaveAction::Submit } else { SaveAction::Draft }
    }

    fn unfinished(&self) -> Option<i64> {
        self.draft.parse().ok()
    }
}

/// Where a saved posting's page says what happened.
fn saved_page(form: &Submission, id: i64, status: PostingStatus) -> Response {
    see_other(&format!("{}?saved={}", path(route::POSTING, form.lang, &[&id]), status.code()))
}

/// Reads the posting form against the institution: the record, or each problem against its
/// field.
async fn read_form(
    state: &AppState,
    form: &Submission,
    slug: &str,
    external_id: String,
) -> Result<Result<model::record::OpeningRecord, FieldProblems>, ServerError> {
    let Some((institution, _)) = state.catalog.institution_for_posting(slug).await? else {
        return Err(form.refuse("institution", "form-error-choose", StatusCode::UNPROCESSABLE_ENTITY));
    };
    Ok(read_posting(form.fields(), institution, external_id, catalog::today()))
}

/// The posting form shown again with each problem beside its field.
fn refuse_posting(form: &Submission, problems: &FieldProblems) -> ServerError {
    form.refuse_all(problems, "posting-error-summary")
}

/// A new posting, for one of the poster's institutions.
async fn create(
    State(state): State<AppState>,
    Posted { fields, form }: Posted<PostingFields>,
) -> Result<Response, ServerError> {
    let viewer = poster(&form)?;
    let slug = fields.institution.as_str();
    if !viewer.memberships.iter().any(|m| m.institution.slug == slug) {
        return Err(form.refuse("institution", "form-error-choose", StatusCode::UNPROCESSABLE_ENTITY));
    }
    // Ids of postings written here never clash with an institution's own import ids.
    let external_id = format!("passerelle-{}", &random_token()[..16]);
    let action = fields.save_action();
    let record = match read_form(&state, &form, slug, external_id).await? {
        Ok(record) => record,
        // A draft is kept as typed until every field reads: the form comes back filled.
        Err(_) if action == SaveAction::Draft => return keep_unfinished(&state, &form, &viewer, &fields).await,
        Err(problems) => return Err(refuse_posting(&form, &problems)),
    };
    let (id, status) = state.catalog.create_posting(&viewer, &record, action, fields.unfinished()).await?;
    Ok(saved_page(&form, id, status))
}

/// Keeps a new posting's form as typed (an unfinished posting) and shows it again.
async fn keep_unfinished(
    state: &AppState,
    form: &Submission,
    viewer: &Viewer,
    fields: &PostingFields,
) -> Result<Response, ServerError> {
    let saved = state.catalog.save_unfinished_posting(viewer, &fields.institution, fields.unfinished(), form.fields());
    let id = saved.await.map_err(|err| form.answer(err))?;
    Ok(see_other(&unfinished_href(form.lang, id, true)))
}

/// Throws away one of the sender's unfinished postings.
async fn discard(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, i64)>,
    Posted { form, .. }: Posted<DiscardFields>,
) -> Result<Response, ServerError> {
    let viewer = form.signed_in()?;
    match state.catalog.discard_unfinished_posting(&viewer, id).await {
        // Gone already (from another tab): the list says what is left either way.
        Ok(()) | Err(CatalogError::NotFound) => Ok(see_other(&path(route::POSTINGS, form.lang, &[]))),
        Err(err) => Err(err.into()),
    }
}

/// The posting `id` when the form's sender may edit it, with the sender.
async fn editable(state: &AppState, form: &Submission, id: i64) -> Result<(Viewer, Posting), ServerError> {
    let viewer = poster(form)?;
    let posting = state.catalog.editable_posting(&viewer, id).await?;
    Ok((viewer, posting))
}

async fn update(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, i64)>,
    Posted { fields, form }: Posted<PostingFields>,
) -> Result<Response, ServerError> {
    let (viewer, posting) = editable(&state, &form, id).await?;
    let record = read_form(&state, &form, &posting.institution.slug, posting.record.external_id.clone())
        .await?
        .map_err(|problems| refuse_posting(&form, &problems))?;
    let status = state.catalog.update_posting(&viewer, id, &record, fields.save_action()).await?;
    Ok(saved_page(&form, id, status))
}

async fn close(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, i64)>,
    Posted { form, .. }: Posted<CloseFields>,
) -> Result<Response, ServerError> {
    let (viewer, _) = editable(&state, &form, id).await?;
    state.catalog.close_posting(&viewer, id).await?;
    Ok(see_other(&format!("{}?saved=closed", path(route::POSTING, form.lang, &[&id]))))
}

/// A moderator's decision on what waits of posting `id`.
async fn decide(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, i64)>,
    Posted { fields, form }: Posted<DecisionFields>,
) -> Result<Response, ServerError> {
    let admin = form.admin()?;
    let DecisionFields { verdict, reason, note } = fields;
    let verdict = match verdict.as_str() {
        "approve" => Some(Verdict::Approve),
        "reject" => RejectReason::from_code(&reason).map(Verdict::Reject).or_else(|| {
            form.reject("reason", "form-error-choose");
            None
        }),
        _ => {
            form.reject("", "form-error-choose");
            None
        }
    };
    let note = note.trim().to_string();
    if note.chars().count() > MAX_DECISION_NOTE_CHARS {
        form.reject("note", "form-error-too-long");
    }
    form.check()?;
    let Some(verdict) = verdict else { return Err(form.invalid()) };
    let queue = path(route::REVIEW_QUEUE, form.lang, &[]);
    match state.catalog.decide(&admin, id, verdict, &note).await {
        Ok(()) => Ok(see_other(&format!("{queue}?decided={id}"))),
        // Decided already (by another moderator, or withdrawn): nothing waits.
        Err(CatalogError::Stale | CatalogError::NotFound) => Ok(see_other(&format!("{queue}?gone={id}"))),
        Err(err) => Err(err.into()),
    }
}
