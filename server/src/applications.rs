//! The researcher's side: the profile form, the CV (upload and download), setting a recommended
//! opening aside, applying, and moving
//! an application along (the institution) or answering and withdrawing (the researcher); an
//! opening's applications as CSV. What may be done, the audit log and the e-mails are the use
//! cases' (`catalog::profiles`, `catalog::applications`).

use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use model::Lang;
use model::application::{ApplicationFilter, ApplicationStatus, OpeningApplications};
use model::profile_form::read_profile;

use crate::ServerError;
use crate::form::upload::{MAX_UPLOAD_BYTES, Uploaded};
use crate::form::{PageLang, Posted, SignedInViewer, see_other};
use crate::form_spec;
use crate::state::AppState;
use app::url::{path, route};

/// The profile, the CV, applying and following applications.
pub fn routes() -> axum::Router<AppState> {
    use axum::extract::DefaultBodyLimit;
    use axum::routing::{get, post};
    axum::Router::new()
        .route(route::PROFILE, post(save_profile))
        .route(route::PROFILE_CV, post(upload_cv).layer(DefaultBodyLimit::max(MAX_UPLOAD_BYTES)))
        .route(route::CV, get(download_cv))
        .route(route::APPLY, post(apply))
        .route(route::MOVE_APPLICATION, post(move_application))
        .route(route::POSTING_APPLICATIONS_CSV, get(export_csv))
        .route(route::DISMISS_OPENING, post(dismiss_opening))
}

/// "Not for me", on a recommended opening: `back` is the page it was shown on (home or
/// profile).
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct DismissFields {
    back: String,
}
form_spec!(DismissFields, "dismiss");

async fn dismiss_opening(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, i64)>,
    Posted { fields, form }: Posted<DismissFields>,
) -> Result<Response, ServerError> {
    state.catalog.dismiss_opening(&form.signed_in()?, id).await?;
    // Only back to one of the two pages that show recommendations, never elsewhere.
    let page = if fields.back == "profile" { route::PROFILE } else { route::HOME };
    Ok(see_other(&format!("{}?dismissed=1", path(page, form.lang, &[]))))
}

/// The profile form (read whole by `model::profile_form`).
#[derive(serde::Deserialize, Default)]
struct ProfileFields {}
form_spec!(ProfileFields, "profile");

/// The CV upload, on the profile page.
#[derive(serde::Deserialize, Default)]
struct CvFields {}
form_spec!(CvFields, "cv", shown_on "profile");

/// An application, from the opening's page.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct ApplyFields {
    letter: String,
    letter_lang: String,
    /// The answers to the opening's questions (`model::application::answer_field`).
    answer_1: String,
    answer_2: String,
    answer_3: String,
}
form_spec!(ApplyFields, "apply", shown_on "openings/{id}");

/// A change of an application's status. The institution's form says which opening's list it
/// is on (`opening`); the researcher's comes from their applications page.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct MoveFields {
    status: String,
    message: String,
    opening: String,
}
form_spec!(MoveFields, "application-{id}", shown_on "applications");

async fn save_profile(
    State(state): State<AppState>,
    Posted { form, .. }: Posted<ProfileFields>,
) -> Result<Response, ServerError> {
    let viewer = form.signed_in()?;
    let profile = read_profile(form.fields()).map_err(|problems| form.refuse_all(&problems, "form-error-summary"))?;
    match state.catalog.save_profile(&viewer, &profile).await {
        Ok(()) => Ok(see_other(&format!("{}?saved=1", path(route::PROFILE, form.lang, &[])))),
        Err(err) => Err(form.answer(err)),
    }
}

async fn upload_cv(
    State(state): State<AppState>,
    Uploaded { form, file_name, content, .. }: Uploaded<CvFields>,
) -> Result<Response, ServerError> {
    let viewer = form.signed_in()?;
    match state.catalog.upload_cv(&viewer, &file_name, &content).await? {
        Ok(_) => Ok(see_other(&format!("{}?cv=saved#cv", path(route::PROFILE, form.lang, &[])))),
        Err(refusal) => Err(form.refuse("cv", refusal.message_id(), StatusCode::UNPROCESSABLE_ENTITY)),
    }
}

/// A CV, to its owner and to the institutions that may read it (see `catalog::profiles`); a
/// download, never shown inline.
async fn download_cv(
    State(state): State<AppState>,
    SignedInViewer(viewer): SignedInViewer,
    Path((_, id)): Path<(String, i64)>,
) -> Result<Response, ServerError> {
    let (info, content) = state.catalog.cv(&viewer, id).await?;
    Ok(attachment("application/pdf", &info.file_name, content))
}

/// A file to save, named `file_name` (RFC 6266: an ASCII fallback and the UTF-8 name).
fn attachment(content_type: &'static str, file_name: &str, body: impl Into<axum::body::Body>) -> Response {
    let ascii: String =
        file_name.chars().map(|c| if c.is_ascii_alphanumeric() || ".-_".contains(c) { c } else { '_' }).collect();
    let disposition = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{}", app::url::encode(file_name));
    let mut response = (StatusCode::OK, body.into()).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    response
}

async fn apply(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, i64)>,
    Posted { fields, form }: Posted<ApplyFields>,
) -> Result<Response, ServerError> {
    let back = path(route::OPENING, form.lang, &[&id]);
    let viewer =
        form.viewer().cloned().ok_or(ServerError::SignInFirst { lang: form.lang, next: Some(back.clone()) })?;
    let letter_lang = Lang::from_code(&fields.letter_lang);
    if letter_lang.is_none() {
        form.reject("letter_lang", "form-error-choose");
    }
    if catalog::clean_letter(&fields.letter).is_none() {
        form.reject("letter", "apply-error-letter");
    }
    form.check()?;
    let Some(letter_lang) = letter_lang else { return Err(form.invalid()) };
    let answers = [fields.answer_1, fields.answer_2, fields.answer_3];
    match state.catalog.apply(&viewer, id, &fields.letter, letter_lang, &answers).await {
        Ok(Ok(application)) => {
            let mine = path(route::APPLICATIONS, form.lang, &[]);
            Ok(see_other(&format!("{mine}?applied={application}#application-{application}")))
        }
        Ok(Err(refusal)) => Err(ServerError::refused(StatusCode::CONFLICT, refusal.message_id())),
        Err(err) => Err(form.answer(err)),
    }
}

async fn move_application(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, i64)>,
    Posted { fields, form }: Posted<MoveFields>,
) -> Result<Response, ServerError> {
    let viewer = form.signed_in()?;
    // The institution's form is on its opening's list, and goes back there.
    let list = match fields.opening.parse::<i64>() {
        Ok(opening) => {
            form.show_on(&format!("postings/{opening}/applications"));
            path(route::POSTING_APPLICATIONS, form.lang, &[&opening])
        }
        Err(_) => path(route::APPLICATIONS, form.lang, &[]),
    };
    let Some(to) = ApplicationStatus::from_code(&fields.status) else {
        return Err(form.refuse("status", "form-error-choose", StatusCode::UNPROCESSABLE_ENTITY));
    };
    match state.catalog.move_application(&viewer, id, to, &fields.message).await {
        Ok(()) => Ok(see_other(&format!("{list}?moved={id}#application-{id}"))),
        Err(err) => Err(form.answer(err)),
    }
}

/// An opening's applications as CSV (UTF-8 with a byte-order mark, so that spreadsheets read
/// Korean and accents), for the members of its institution.
async fn export_csv(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    SignedInViewer(viewer): SignedInViewer,
    Path((_, id)): Path<(String, i64)>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, ServerError> {
    // The list's filters and order, every page.
    let filter = ApplicationFilter::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let filter = ApplicationFilter { page: 0, ..filter };
    let applications = state.catalog.received_applications(&viewer, id, &filter).await?;
    Ok(attachment("text/csv; charset=utf-8", &format!("applications-{id}.csv"), applications_csv(&applications, lang)))
}

/// The CSV of an opening's applications, its headings and statuses in `lang`.
fn applications_csv(opening: &OpeningApplications, lang: Lang) -> String {
    let headings = [
        "csv-id",
        "csv-name",
        "csv-email",
        "csv-status",
        "csv-sent",
        "csv-stage",
        "csv-languages",
        "csv-letter-lang",
        "csv-letter",
        "csv-answers",
    ];
    let mut out = String::from("\u{feff}");
    push_row(&mut out, headings.iter().map(|id| l10n::t(lang, id)));
    for application in &opening.applications {
        let profile = application.profile.as_ref();
        let languages = profile.map(|p| {
            p.languages.iter().map(|l| format!("{} {}", l.lang, l.level.code())).collect::<Vec<_>>().join(", ")
        });
        push_row(
            &mut out,
            [
                application.id.to_string(),
                application.applicant_name.clone(),
                application.applicant_email.clone(),
                l10n::t(lang, application.status.message_id()),
                application.sent_at.clone(),
                profile.and_then(|p| p.career_stage).map(|s| s.code().to_string()).unwrap_or_default(),
                languages.unwrap_or_default(),
                application.letter_lang.code().to_string(),
                application.letter.clone(),
                application
                    .answers
                    .iter()
                    .map(|qa| format!("{}\n{}", qa.question, qa.answer))
                    .collect::<Vec<_>>()
                    .join("\n\n"),
            ],
        );
    }
    out
}

/// One CSV line (RFC 4180): each cell quoted, quotes doubled; a cell that a spreadsheet would
/// read as a formula starts with an apostrophe instead.
fn push_row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    let cells: Vec<String> = cells
        .into_iter()
        .map(|cell| {
            let cell = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell };
            format!("\"{}\"", cell.replace('"', "\"\""))
        })
        .collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::push_row;

    #[test]
    fn csv_cells_are_quoted_and_never_formulas() {
        let mut out = String::new();
        push_row(&mut out, ["Kim \"MJ\"".to_string(), "=HYPERLINK(\"x\")".to_string(), "a,b\nc".to_string()]);
        assert_eq!(out, "\"Kim \"\"MJ\"\"\",\"'=HYPERLINK(\"\"x\"\")\",\"a,b\nc\"\r\n");
    }
}
