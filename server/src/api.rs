//! The JSON API (`/api/v1/…`). Errors are JSON too: `{"error": {"code", "message"}}` (see
//! [`ServerError`]).

use axum::Json;
use axum::extract::FromRequestParts;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use model::Lang;
use model::dto::{Highlight, SearchParams};
use serde::Serialize;
use serde_json::json;

use crate::ServerError;
use crate::state::AppState;

/// The JSON API (nothing it is sent is stored).
pub fn routes() -> axum::Router<AppState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/api/v1/openings", get(search))
        .route("/api/v1/recommendations", post(recommendations))
        .route("/api/v1/openings/{id}", get(opening))
        .route("/api/v1/suggestions", get(suggestions))
}

fn invalid(message: impl Into<String>) -> ServerError {
    ServerError::BadRequest { code: "invalid_parameter", message: message.into() }
}

#[derive(Serialize)]
struct ApiHit {
    id: i64,
    external_id: String,
    title: String,
    title_lang: Lang,
    institution: String,
    kind: model::vocab::Kind,
    country: String,
    city: String,
    deadline: chrono::NaiveDate,
    days_left: i64,
    funded: bool,
    score: f32,
    url: String,
    /// The passage of the description that matched, in `title_lang` (empty without query words).
    snippet: String,
    /// Title and passage cut into parts, the matching ones marked.
    #[serde(skip_serializing_if = "Option::is_none")]
    highlight: Option<Highlight>,
}

/// The searcher's language: `?lang=` when given (a 400 when it is not one of ours), else
/// negotiated from `Accept-Language`.
pub struct SearcherLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for SearcherLang {
    type Rejection = ServerError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let Query(pairs) =
            Query::<Vec<(String, String)>>::try_from_uri(&parts.uri).map_err(|_| invalid("unreadable query string"))?;
        match pairs.into_iter().find(|(key, _)| key == "lang") {
            Some((_, code)) if !code.is_empty() => {
                Lang::from_tag(&code).map(SearcherLang).ok_or_else(|| invalid("lang: expected fr, en or ko"))
            }
            _ => {
                let accept = parts.headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
                Ok(SearcherLang(model::lang::preferred(None, accept)))
            }
        }
    }
}

/// `GET /api/v1/suggestions?q=&lang=`: completions of a partly typed search, best first.
pub async fn suggestions(
    State(state): State<AppState>,
    SearcherLang(lang): SearcherLang,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, ServerError> {
    let typed: String = pairs
        .iter()
        .find(|(key, _)| key == "q")
        .map(|(_, q)| q.chars().take(SearchParams::MAX_QUERY_CHARS).collect())
        .unwrap_or_default();
    let suggestions = state.catalog.suggest(typed, lang).await?;
    Ok(Json(json!({ "lang": lang, "suggestions": suggestions })).into_response())
}

/// `GET /api/v1/openings?q=&lang=&kind=&stage=&field=&country=&institution=&language=&funded=`
/// `&deadline_from=&deadline_to=&sort=&closed=&page=&per_page=`
pub async fn search(
    State(state): State<AppState>,
    SearcherLang(lang): SearcherLang,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, ServerError> {
    let params = SearchParams::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(|err| invalid(err.to_string()))?;
    let outcome = state.catalog.search(lang, &params, catalog::today()).await?;
    let facets = outcome.page.facets;
    let mut highlights = outcome.page.highlights.into_iter();
    let hits: Vec<ApiHit> = outcome
        .page
        .hits
        .into_iter()
        .zip(outcome.scores)
        .map(|(hit, score)| (hit, score, highlights.next()))
        .map(|(hit, score, highlight)| ApiHit {
            url: app::url::opening_url(&state.public_url, lang, hit.id),
            id: hit.id,
            external_id: hit.external_id,
            title: hit.title,
            title_lang: hit.title_lang,
            institution: hit.institution,
            kind: hit.kind,
            country: hit.country,
            city: hit.city,
            deadline: hit.deadline,
            days_left: hit.days_left,
            funded: hit.funded,
            score,
            snippet: highlight.as_ref().map(|h| h.snippet.text()).unwrap_or_default(),
            highlight,
        })
        .collect();
    Ok(Json(json!({
        "total": outcome.page.total,
        "page": outcome.page.page,
        "per_page": outcome.page.per_page,
        "lang": lang,
        "hits": hits,
        "facets": facets,
    }))
    .into_response())
}

#[derive(Serialize)]
struct RecommendedHit {
    id: i64,
    external_id: String,
    title: String,
    title_lang: Lang,
    score: f32,
    url: String,
    reasons: Vec<model::dto::Reason>,
}

/// `POST /api/v1/recommendations?lang=&per_page=` with a profile as JSON (`career_stage`,
/// `fields`, `keywords`, `interests` {lang: text}, `languages` [{lang, level}],
/// `available_from`, `kinds`, `countries`): the openings that suit it, best first, each with
/// its reasons in `lang`. The profile is stored nowhere.
pub async fn recommendations(
    State(state): State<AppState>,
    SearcherLang(lang): SearcherLang,
    Query(pairs): Query<Vec<(String, String)>>,
    body: axum::body::Bytes,
) -> Result<Response, ServerError> {
    let per_page = match pairs.iter().find(|(key, _)| key == "per_page") {
        None => catalog::DEFAULT_RECOMMENDATIONS,
        Some((_, value)) => value
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=search::MAX_RECOMMENDATIONS).contains(n))
            .ok_or_else(|| invalid(format!("per_page: expected 1 to {}", search::MAX_RECOMMENDATIONS)))?,
    };
    let profile: model::profile::Profile = serde_json::from_slice(&body).map_err(|err| ServerError::BadRequest {
        code: "invalid_profile",
        message: format!("the body is not a profile: {err}"),
    })?;
    let recommended = match state.catalog.recommend_for_profile(&profile, lang, per_page, catalog::today()).await {
        Err(catalog::CatalogError::Invalid(problems)) => {
            let fields: Vec<String> = problems.into_iter().map(|(field, _)| field).collect();
            return Err(ServerError::BadRequest {
                code: "invalid_profile",
                message: format!("invalid profile fields: {}", fields.join(", ")),
            });
        }
        answer => answer?,
    };
    let hits: Vec<RecommendedHit> = recommended
        .into_iter()
        .map(|hit| RecommendedHit {
            url: app::url::opening_url(&state.public_url, lang, hit.opening.id),
            id: hit.opening.id,
            external_id: hit.opening.external_id,
            title: hit.opening.title,
            title_lang: hit.opening.title_lang,
            score: hit.score,
            reasons: hit.reasons,
        })
        .collect();
    Ok(Json(json!({ "lang": lang, "hits": hits })).into_response())
}

/// `GET /api/v1/openings/{id}`: the whole record, plus its id and status.
pub async fn opening(State(state): State<AppState>, Path(id): Path<String>) -> Result<Response, ServerError> {
    let Ok(numeric_id) = id.parse::<i64>() else { return Err(ServerError::NotFound) };
    match state.catalog.opening(numeric_id, catalog::today()).await? {
        Some(detail) => {
            let mut body = serde_json::to_value(&detail.record).unwrap_or_default();
            if let Some(object) = body.as_object_mut() {
                object.insert("id".into(), json!(detail.id));
                object.insert("published_on".into(), json!(detail.published_on));
                object.insert("days_left".into(), json!(detail.days_left));
                object.insert("closed".into(), json!(detail.is_closed()));
            }
            Ok(Json(body).into_response())
        }
        None => Err(ServerError::NotFound),
    }
}
