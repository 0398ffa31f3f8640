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
use utoipa::ToSchema;

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

/// An opening found by a search.
#[derive(Serialize, ToSchema)]
pub struct ApiHit {
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

/// A page of a search's results, with the facets of all of them.
#[derive(Serialize, ToSchema)]
pub struct SearchAnswer {
    /// How many openings match, on every page.
    total: u64,
    page: u32,
    per_page: u32,
    /// The searcher's language.
    lang: Lang,
    hits: Vec<ApiHit>,
    /// For each facet, how many matching openings have each value.
    facets: model::dto::FacetCounts,
    /// The research concepts the words named, searched in the other languages too: why an
    /// opening written in another language is among the hits.
    also_searched: Vec<model::dto::AlsoSearched>,
}

/// What a partly typed search may become.
#[derive(Serialize, ToSchema)]
pub struct SuggestionsAnswer {
    lang: Lang,
    /// Best first.
    suggestions: Vec<String>,
}

/// An error: `code` for programs, `message` for people.
#[derive(Serialize, ToSchema)]
pub struct ApiError {
    error: ApiErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ApiErrorDetail {
    /// `invalid_parameter`, `invalid_profile`, `not_found`, `internal`…
    code: String,
    message: String,
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
#[utoipa::path(
    get,
    path = "/api/v1/suggestions",
    tag = "openings",
    description = "Completions of a partly typed search, best first: openings' keywords by how many openings \
                   use them, then the research vocabulary's names in `lang` of concepts some opening mentions.",
    params(
        ("q" = Option<String>, Query, description = "What has been typed so far"),
        ("lang" = Option<Lang>, Query, description = "The searcher's language (else `Accept-Language`)"),
    ),
    responses(
        (status = 200, description = "The completions", body = SuggestionsAnswer),
        (status = 400, description = "A parameter is not understood", body = ApiError),
    )
)]
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
    Ok(Json(SuggestionsAnswer { lang, suggestions }).into_response())
}

/// `GET /api/v1/openings?q=&lang=&kind=&stage=&field=&country=&institution=&language=&funded=`
/// `&deadline_from=&deadline_to=&sort=&closed=&page=&per_page=`
#[utoipa::path(
    get,
    path = "/api/v1/openings",
    tag = "openings",
    description = "Searches the openings in any of the three languages: words in one language find openings \
                   written in another. Titles and passages come in `lang` when the opening has it.",
    params(
        ("q" = Option<String>, Query, description = "Words, in French, English or Korean (500 characters at most)"),
        ("lang" = Option<Lang>, Query, description = "The searcher's language (else `Accept-Language`)"),
        ("kind" = Option<model::vocab::Kind>, Query, description = "Only openings of this kind"),
        ("stage" = Option<model::vocab::CareerStage>, Query, description = "Only openings for this career stage"),
        ("field" = Option<model::vocab::Field>, Query, description = "Only openings in this OECD field"),
        ("country" = Option<String>, Query, description = "Only openings in this country (ISO 3166-1 alpha-2)",
            pattern = "^[A-Za-z]{2}$"),
        ("institution" = Option<String>, Query, description = "Only this institution's openings (its slug)",
            pattern = "^[a-z0-9]+(-[a-z0-9]+)*$"),
        ("language" = Option<String>, Query, description = "Only openings that require this language (ISO 639-1)",
            pattern = "^[A-Za-z]{2}$"),
        ("funded" = Option<FundedParam>, Query, description = "Only openings with a stipend (`yes`) or without (`no`)"),
        ("deadline_from" = Option<chrono::NaiveDate>, Query, description = "Deadline on or after this day"),
        ("deadline_to" = Option<chrono::NaiveDate>, Query, description = "Deadline on or before this day"),
        ("sort" = Option<SortParam>, Query, description = "`relevance` (the default with words), `deadline` or `newest`"),
        ("closed" = Option<ClosedParam>, Query, description = "`1` includes openings past their deadline"),
        ("page" = Option<u32>, Query, description = "From 1", minimum = 1, maximum = 10000),
        ("per_page" = Option<u32>, Query, description = "From 1 to 100; 20 by default", minimum = 1, maximum = 100),
    ),
    responses(
        (status = 200, description = "A page of results", body = SearchAnswer),
        (status = 400, description = "A parameter is not understood; the message names it", body = ApiError),
    )
)]
pub async fn search(
    State(state): State<AppState>,
    SearcherLang(lang): SearcherLang,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, ServerError> {
    let params = SearchParams::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(|err| invalid(err.to_string()))?;
    let outcome = state.catalog.search(lang, &params, catalog::today()).await?;
    let facets = outcome.page.facets;
    let also_searched = outcome.page.also_searched;
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
    Ok(Json(SearchAnswer {
        total: outcome.page.total,
        page: outcome.page.page,
        per_page: outcome.page.per_page,
        lang,
        hits,
        facets,
        also_searched,
    })
    .into_response())
}

/// An opening recommended for a profile.
#[derive(Serialize, ToSchema)]
pub struct RecommendedHit {
    id: i64,
    external_id: String,
    title: String,
    title_lang: Lang,
    score: f32,
    url: String,
    /// Why it suits the profile and where it falls short, shortfalls first, in `lang`.
    reasons: Vec<model::dto::Reason>,
}

/// The openings for a profile, best first.
#[derive(Serialize, ToSchema)]
pub struct RecommendationsAnswer {
    lang: Lang,
    hits: Vec<RecommendedHit>,
}

/// `POST /api/v1/recommendations?lang=&per_page=` with a profile as JSON (`career_stage`,
/// `fields`, `keywords`, `interests` {lang: text}, `languages` [{lang, level}],
/// `available_from`, `kinds`, `countries`): the openings that suit it, best first, each with
/// its reasons in `lang`. The profile is stored nowhere.
#[utoipa::path(
    post,
    path = "/api/v1/recommendations",
    tag = "recommendations",
    description = "The openings that suit a profile, best first, each with its reasons in `lang` (shortfalls \
                   first). The profile is stored nowhere.",
    params(
        ("lang" = Option<Lang>, Query, description = "The language of the reasons (else `Accept-Language`)"),
        ("per_page" = Option<u32>, Query, description = "From 1 to 50; 10 by default", minimum = 1, maximum = 50),
    ),
    request_body(content = model::profile::Profile, description = "The profile (every field optional)"),
    responses(
        (status = 200, description = "The openings for the profile", body = RecommendationsAnswer),
        (status = 400, description = "The body is not a profile, or a value in it is wrong", body = ApiError),
    )
)]
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
    Ok(Json(RecommendationsAnswer { lang, hits }).into_response())
}

/// One opening: its record as imported, with its id and status.
#[derive(Serialize, ToSchema)]
pub struct OpeningAnswer {
    id: i64,
    #[serde(flatten)]
    record: model::record::OpeningRecord,
    published_on: chrono::NaiveDate,
    /// Negative once the deadline has passed.
    days_left: i64,
    /// Past its deadline, or closed by its institution.
    closed: bool,
}

/// `GET /api/v1/openings/{id}`: the whole record, plus its id and status.
#[utoipa::path(
    get,
    path = "/api/v1/openings/{id}",
    tag = "openings",
    description = "One opening: the import record plus `id`, `published_on`, `days_left` and `closed`.",
    params(("id" = i64, Path, description = "The opening's id, as search results give it")),
    responses(
        (status = 200, description = "The opening", body = OpeningAnswer),
        (status = 404, description = "No published opening has this id", body = ApiError),
    )
)]
pub async fn opening(State(state): State<AppState>, Path(id): Path<String>) -> Result<Response, ServerError> {
    let Ok(numeric_id) = id.parse::<i64>() else { return Err(ServerError::NotFound) };
    match state.catalog.opening(numeric_id, catalog::today()).await? {
        Some(detail) => Ok(Json(OpeningAnswer {
            id: detail.id,
            published_on: detail.published_on,
            days_left: detail.days_left,
            closed: detail.is_closed(),
            record: detail.record,
        })
        .into_response()),
        None => Err(ServerError::NotFound),
    }
}

/// `funded=`: with a stipend or without.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)] // Documents the parameter; `SearchParams::from_pairs` reads it.
pub enum FundedParam {
    Yes,
    No,
}

/// `sort=`.
#[derive(Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)] // Documents the parameter; `SearchParams::from_pairs` reads it.
pub enum SortParam {
    Relevance,
    Deadline,
    Newest,
}

/// `closed=1` includes closed openings.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)] // Documents the parameter; `SearchParams::from_pairs` reads it.
pub enum ClosedParam {
    #[serde(rename = "1")]
    Include,
    #[serde(rename = "0")]
    Leave,
}
