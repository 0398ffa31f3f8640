//! What the site answers outside its pages: `/` (the language redirect), `/set-lang/{lang}`
//! (the language switch), `/healthz`, and the embedded assets.

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use model::Lang;
use model::lang::LANG_COOKIE;
use serde::Deserialize;

use crate::state::AppState;
use app::url::{path, route};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(root_redirect))
        .route("/healthz", get(healthz))
        .route("/set-lang/{lang}", get(set_lang))
        .route(app::STYLESHEET_PATH, get(stylesheet))
        .route("/assets/favicon.svg", get(favicon))
}

fn header_str(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// `/` → `/{lang}/`, by the remembered choice, then `Accept-Language`.
async fn root_redirect(headers: HeaderMap) -> Response {
    let lang =
        model::lang::preferred(header_str(&headers, header::COOKIE), header_str(&headers, header::ACCEPT_LANGUAGE));
    let mut response = Redirect::to(&path(route::HOME, lang, &[])).into_response();
    response.headers_mut().insert(header::VARY, HeaderValue::from_static("Accept-Language, Cookie"));
    response
}

#[derive(Deserialize)]
struct SetLangQuery {
    next: Option<String>,
}

/// Remembers the chosen language and goes back to the page, now in that language.
async fn set_lang(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(query): Query<SetLangQuery>,
) -> Response {
    let Some(lang) = Lang::from_code(&code) else {
        return (StatusCode::NOT_FOUND, "unknown language").into_response();
    };
    let home = path(route::HOME, lang, &[]);
    // Only paths on this site: no `//host` or `/\host` open redirects.
    let next = query.next.filter(|next| is_local_path(next)).unwrap_or(home);
    let mut response = Redirect::to(&next).into_response();
    remember_lang(&mut response, &state, lang);
    response
}

/// Remembers `lang` as the reader's choice (a cookie for a year).
pub fn remember_lang(response: &mut Response, state: &AppState, lang: Lang) {
    let secure = if state.auth.secure_cookies { "; Secure" } else { "" };
    let cookie = format!("{LANG_COOKIE}={}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax{secure}", lang.code());
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

/// A path on this site. Browsers drop tabs and newlines from URLs and read `\` as `/`, so
/// `/\tevil.example` would become `//evil.example`: such characters are refused outright.
pub fn is_local_path(next: &str) -> bool {
    next.starts_with('/')
        && !next.starts_with("//")
        && !next.chars().any(|c| c == '\\' || c.is_whitespace() || c.is_control())
}

/// 200 when the database and the index answer, with how far this server's index lags behind
/// the database's change log (`lag` changes not applied yet) and, with semantic matching on, how
/// many openings have their embedding (`null` when it is off).
/// A server's state: `status` is always `ok` (a failing server answers 503).
#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct Health {
    status: &'static str,
    index: IndexState,
    /// `null` when semantic matching is off.
    semantic: Option<SemanticState>,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct IndexState {
    /// The last change of the database's change log this server's index has applied.
    applied: i64,
    /// The last change in the database.
    latest: i64,
    /// Changes not applied yet.
    lag: i64,
    /// Openings in the index.
    documents: u64,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct SemanticState {
    /// Openings with their embedding.
    embedded: usize,
    /// Whether every opening has its embedding.
    caught_up: bool,
}

#[utoipa::path(
    get,
    path = "/healthz",
    tag = "service",
    description = "Whether the database and the index answer, how far this server's index lags behind the \
                   database's change log, and, with semantic matching on, how many openings have their embedding.",
    responses(
        (status = 200, description = "The database and the index answer", body = Health),
        (status = 503, description = "The database or the index does not answer", content_type = "text/plain", body = String),
    )
)]
pub async fn healthz(State(state): State<AppState>) -> Response {
    let semantic = state.catalog.semantic_progress().map(|(embedded, caught_up)| SemanticState { embedded, caught_up });
    match state.catalog.health().await {
        Ok(health) => axum::Json(Health {
            status: "ok",
            index: IndexState {
                applied: health.applied,
                latest: health.latest,
                lag: health.lag(),
                documents: health.documents,
            },
            semantic,
        })
        .into_response(),
        Err(err) => {
            tracing::error!(error = %err, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "unavailable").into_response()
        }
    }
}

async fn stylesheet() -> Response {
    static_asset("text/css; charset=utf-8", include_str!("../../style/passerelle.css"))
}

async fn favicon() -> Response {
    static_asset("image/svg+xml", include_str!("../assets/favicon.svg"))
}

fn static_asset(content_type: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type), (header::CACHE_CONTROL, "public, max-age=3600")], body).into_response()
}
