//! Alerts: saving a search (from the list page) or the profile (from the alerts page) as an
//! alert, changing how often it comes, deleting it, and the digests' one-click unsubscribe.
//! The use cases are `catalog::alerts`; sending digests is the job in `crate::alert_job`.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use catalog::CatalogError;
use model::alert::{Frequency, Subject};
use model::dto::SearchParams;

use crate::ServerError;
use crate::form::{Posted, Submission, see_other};
use crate::form_spec;
use crate::state::AppState;
use app::url::{path, query_string, route};

pub fn routes() -> axum::Router<AppState> {
    use axum::routing::post;
    axum::Router::new()
        .route(route::ALERTS, post(save_alert))
        .route(route::ALERT, post(change_alert))
        .route(route::UNSUBSCRIBE, post(unsubscribe))
}

/// "Save this search" (the list page's search as hidden fields) or, with `profile`, "new
/// openings for you" (the alerts page).
#[derive(serde::Deserialize, Default)]
struct SaveFields {}
form_spec!(SaveFields, "save-alert", shown_on "alerts");

/// Changing an alert's frequency (`action=change`) or deleting it (`action=delete`).
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct ChangeFields {
    action: String,
    frequency: String,
}
form_spec!(ChangeFields, "alert-{id}", shown_on "alerts");

fn field<'a>(form: &'a Submission, name: &str) -> &'a str {
    form.fields().iter().find(|(key, _)| key == name).map_or("", |(_, value)| value.as_str())
}

fn frequency(form: &Submission, code: &str) -> Result<Frequency, ServerError> {
    Frequency::from_code(code)
        .ok_or_else(|| form.refuse("frequency", "alert-error-frequency", StatusCode::UNPROCESSABLE_ENTITY))
}

async fn save_alert(
    State(state): State<AppState>,
    Posted { form, .. }: Posted<SaveFields>,
) -> Result<Response, ServerError> {
    let viewer = form.signed_in()?;
    let subject = if field(&form, "profile") == "1" {
        Subject::Profile
    } else {
        // The search's own parameters, as the list page's URL had them.
        let pairs = form.fields().iter().filter(|(key, _)| !matches!(key.as_str(), "csrf" | "frequency" | "profile"));
        let params = SearchParams::from_pairs(pairs.map(|(key, value)| (key.as_str(), value.as_str())))
            .map_err(|_| form.refuse("", "alert-error-search", StatusCode::UNPROCESSABLE_ENTITY))?;
        // Refused, the form is drawn again under the same search.
        form.show_on(&format!("openings{}", query_string(params.to_pairs())));
        Subject::search(form.lang, &params)
    };
    let frequency = frequency(&form, field(&form, "frequency"))?;
    match state.catalog.save_alert(&viewer, &subject, frequency).await {
        Ok(_) => Ok(see_other(&format!("{}?saved=1", path(route::ALERTS, form.lang, &[])))),
        Err(CatalogError::Invalid(problems)) => {
            let message = problems.first().map_or("form-error-summary", |(_, message)| *message);
            Err(form.refuse("", message, StatusCode::UNPROCESSABLE_ENTITY))
        }
        Err(err) => Err(err.into()),
    }
}

async fn change_alert(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, i64)>,
    Posted { fields, form }: Posted<ChangeFields>,
) -> Result<Response, ServerError> {
    let viewer = form.signed_in()?;
    let done = if fields.action == "delete" {
        state.catalog.delete_alert(&viewer, id).await?;
        "deleted"
    } else {
        state.catalog.change_alert(&viewer, id, frequency(&form, &fields.frequency)?).await?;
        "changed"
    };
    Ok(see_other(&format!("{}?{done}=1", path(route::ALERTS, form.lang, &[]))))
}

/// One-click unsubscribe: the digest's `List-Unsubscribe` header (a mail client posting
/// `List-Unsubscribe=One-Click`, RFC 8058, with no cookie) or the button on the page its link
/// opens. The key in the address is the only credential, so there is no CSRF token to check.
async fn unsubscribe(
    State(state): State<AppState>,
    Path((lang, key)): Path<(String, String)>,
    axum::Form(fields): axum::Form<Vec<(String, String)>>,
) -> Result<Response, ServerError> {
    let lang = model::Lang::from_code(&lang).ok_or(ServerError::NotFound)?;
    state.catalog.unsubscribe(&key).await?;
    let from_page = fields.iter().any(|(name, value)| name == "from" && value == "page");
    if from_page {
        return Ok(see_other(&format!("{}?done=1", path(route::UNSUBSCRIBE, lang, &[&key]))));
    }
    Ok((StatusCode::OK, "unsubscribed").into_response())
}
