//! Matching rounds' forms: creating a round (or a second round), both sides' rankings, and the
//! coordinator's buttons; and the anonymised publication in the JSON API. The use cases are
//! `catalog::rounds` and `catalog::round_close`; closing and publishing at their dates is the
//! job in `crate::round_job`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use catalog::CatalogError;
use model::form_fields::PostedFields;
use model::round::{RoundForm, read_ranking};

use crate::ServerError;
use crate::form::{Posted, Submission, see_other};
use crate::form_spec;
use crate::state::AppState;
use app::url::{path, route};

/// The round forms (errors answered with a page).
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::post;
    axum::Router::new()
        .route(route::NEW_ROUND, post(create_round))
        .route(route::RANK_OPENINGS, post(rank_openings))
        .route(route::RANK_APPLICANTS, post(rank_applicants))
        .route(route::CLOSE_ROUND, post(close_round))
        .route(route::PUBLISH_ROUND, post(publish_round))
        .route(route::ANONYMISE_ROUND, post(anonymise_round))
}

/// The published rounds in the JSON API (errors answered in JSON).
pub fn api_routes() -> axum::Router<AppState> {
    use axum::routing::get;
    axum::Router::new()
        .route("/api/v1/rounds/{id}/instance.json", get(published_instance))
        .route("/api/v1/rounds/{id}/result.json", get(published_result))
}

/// The round form (fields named per opening: read from the submission).
#[derive(serde::Deserialize, Default)]
struct RoundFields {}
form_spec!(RoundFields, "new-round");

#[derive(serde::Deserialize, Default)]
struct RankOpeningsFields {}
form_spec!(RankOpeningsFields, "rank-openings", shown_on "rounds/{id}");

#[derive(serde::Deserialize, Default)]
struct RankApplicantsFields {}
form_spec!(RankApplicantsFields, "rank-opening-{opening}", shown_on "rounds/{id}");

/// The coordinator's buttons.
#[derive(serde::Deserialize, Default)]
struct RoundAction {}
form_spec!(RoundAction, "round-action", shown_on "rounds/{id}");

/// A catalogue refusal as the form's answer: its problems against their fields.
fn refused(form: &Submission, err: CatalogError) -> ServerError {
    match err {
        CatalogError::Stale => form.refuse("", "round-error-closed", StatusCode::CONFLICT),
        err => form.answer(err),
    }
}

fn round_page(form: &Submission, id: i64, done: &str) -> Response {
    see_other(&format!("{}?{done}=1", path(route::ROUND, form.lang, &[&id])))
}

async fn create_round(
    State(state): State<AppState>,
    Posted { form, .. }: Posted<RoundFields>,
) -> Result<Response, ServerError> {
    let viewer = form.signed_in()?;
    let fields = PostedFields(form.fields());
    let scramble_of =
        form.fields().iter().find(|(key, _)| key == "scramble_of").and_then(|(_, v)| v.parse::<i64>().ok());
    if let Some(first) = scramble_of {
        form.show_on(&format!("rounds/new?scramble={first}"));
    }
    let offered: Vec<i64> = match state.catalog.round_form_openings(&viewer, form.lang, scramble_of).await {
        Ok(openings) => openings.iter().map(|o| o.id).collect(),
        Err(CatalogError::Forbidden) => return Err(CatalogError::NotFound.into()),
        Err(err) => return Err(err.into()),
    };
    let round = RoundForm::read(&fields, &offered, catalog::now().naive_utc())
        .map_err(|problems| form.refuse_all(&problems, "form-error-summary"))?;
    let id = state.catalog.create_round(&viewer, &round, scramble_of).await.map_err(|err| refused(&form, err))?;
    Ok(round_page(&form, id, "created"))
}

async fn rank_openings(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, i64)>,
    Posted { form, .. }: Posted<RankOpeningsFields>,
) -> Result<Response, ServerError> {
    let viewer = form.signed_in()?;
    let round = state.catalog.round_view(&viewer, id, form.lang).await?;
    let choices = round.choices.ok_or(ServerError::NotFound)?;
    let items: Vec<i64> = choices.openings.iter().map(|o| o.id).collect();
    let ranking = read_ranking(&PostedFields(form.fields()), &items, round.max_ranking as usize)
        .map_err(|problems| form.refuse_all(&problems, "form-error-summary"))?;
    state.catalog.rank_openings(&viewer, id, &ranking).await.map_err(|err| refused(&form, err))?;
    Ok(round_page(&form, id, "ranked"))
}

async fn rank_applicants(
    State(state): State<AppState>,
    Path((_, id, opening)): Path<(String, i64, i64)>,
    Posted { form, .. }: Posted<RankApplicantsFields>,
) -> Result<Response, ServerError> {
    let viewer = form.signed_in()?;
    let round = state.catalog.round_view(&viewer, id, form.lang).await?;
    let ranking = round.rankings.iter().find(|r| r.opening.id == opening).ok_or(ServerError::NotFound)?;
    let items: Vec<i64> = ranking.applicants.iter().map(|a| a.account_id).collect();
    let ranked = read_ranking(&PostedFields(form.fields()), &items, items.len())
        .map_err(|problems| form.refuse_all(&problems, "form-error-summary"))?;
    state.catalog.rank_applicants(&viewer, id, opening, &ranked).await.map_err(|err| refused(&form, err))?;
    Ok(round_page(&form, id, "ranked"))
}

async fn close_round(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, i64)>,
    Posted { form, .. }: Posted<RoundAction>,
) -> Result<Response, ServerError> {
    let viewer = form.signed_in()?;
    state.catalog.close_round(&viewer, id).await.map_err(|err| refused(&form, err))?;
    Ok(round_page(&form, id, "closed"))
}

async fn publish_round(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, i64)>,
    Posted { form, .. }: Posted<RoundAction>,
) -> Result<Response, ServerError> {
    let viewer = form.signed_in()?;
    state.catalog.publish_round(&viewer, id).await.map_err(|err| refused(&form, err))?;
    Ok(round_page(&form, id, "published"))
}

async fn anonymise_round(
    State(state): State<AppState>,
    Path((_, id)): Path<(String, i64)>,
    Posted { form, .. }: Posted<RoundAction>,
) -> Result<Response, ServerError> {
    let viewer = form.signed_in()?;
    state.catalog.publish_anonymised(&viewer, id).await.map_err(|err| refused(&form, err))?;
    Ok(round_page(&form, id, "anonymised"))
}

/// A round's anonymised instance, once its coordinator published it (404 before).
#[utoipa::path(
    get,
    path = "/api/v1/rounds/{id}/instance.json",
    tag = "rounds",
    description = "A matching round's instance, anonymised (random tokens for ids), once its coordinator \
                   published it: both sides' rankings, best first, and each opening's places.",
    params(("id" = i64, Path, description = "The round's id")),
    responses(
        (status = 200, description = "The instance", body = matching::Instance),
        (status = 404, description = "No such round, or not published", body = crate::api::ApiError),
    )
)]
pub async fn published_instance(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Json<matching::Instance>, ServerError> {
    Ok(Json(state.catalog.anonymised_round(id).await?.instance))
}

/// A round's anonymised result, once its coordinator published it (404 before).
#[utoipa::path(
    get,
    path = "/api/v1/rounds/{id}/result.json",
    tag = "rounds",
    description = "A matching round's result, anonymised as its instance is.",
    params(("id" = i64, Path, description = "The round's id")),
    responses(
        (status = 200, description = "The result", body = matching::Matching),
        (status = 404, description = "No such round, or not published", body = crate::api::ApiError),
    )
)]
pub async fn published_result(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> Result<Json<matching::Matching>, ServerError> {
    Ok(Json(state.catalog.anonymised_round(id).await?.result))
}
