//! The HTTP surface: Leptos pages under `/{lang}/`, the JSON API, `/healthz`, the language
//! redirect at `/`, the language switch at `/set-lang/{lang}`, and static assets.

use std::sync::Arc;

use app::App;
use axum::Router;
use axum::extract::{FromRef, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use model::Lang;
use model::lang::LANG_COOKIE;
use serde::Deserialize;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::config::Config;

#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub catalog: catalog::Catalog,
    pub public_url: Arc<str>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// Leptos' settings, without cargo-leptos: the bundle is `pkg/passerelle.{js,wasm}` under the
/// site root, as `scripts/build-client.sh` writes it.
pub fn leptos_options(config: &Config) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("passerelle")
        .site_root(config.site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(config.addr)
        .build()
}

pub fn router(config: &Config, catalog: catalog::Catalog) -> Router {
    let leptos_options = leptos_options(config);
    let state = AppState {
        leptos_options: leptos_options.clone(),
        catalog: catalog.clone(),
        public_url: Arc::from(config.public_url.as_str()),
    };
    let context = {
        let catalog = catalog.clone();
        let site_url = app::SiteUrl(config.public_url.clone());
        move || {
            provide_context(catalog.clone());
            provide_context(site_url.clone());
        }
    };
    let shell = {
        let options = leptos_options.clone();
        move || app::shell(options.clone())
    };
    let routes = generate_route_list(App);
    let pkg_dir = config.site_root.join("pkg");
    let immutable =
        SetResponseHeaderLayer::overriding(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600"));

    Router::new()
        .route("/", get(root_redirect))
        .route("/healthz", get(healthz))
        .route("/set-lang/{lang}", get(set_lang))
        .route("/api/v1/openings", get(crate::api::search))
        .route("/api/v1/openings/{id}", get(crate::api::opening))
        .route("/api/v1/suggestions", get(crate::api::suggestions))
        .route(app::STYLESHEET_PATH, get(stylesheet))
        .route("/assets/favicon.svg", get(favicon))
        .nest_service("/pkg", tower::ServiceBuilder::new().layer(immutable).service(ServeDir::new(pkg_dir)))
        .leptos_routes_with_context(&state, routes, context.clone(), shell.clone())
        // Rendered whole (not streamed), like the routes above: `/en/` and unknown paths land here.
        .fallback(leptos_axum::render_app_async_with_context(context, shell))
        .layer(axum::middleware::from_fn(crate::html::tidy_markers))
        .layer(CompressionLayer::new())
        .with_state(state)
}

fn header_str(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// `/` → `/{lang}/`, by the remembered choice, then `Accept-Language`.
async fn root_redirect(headers: HeaderMap) -> Response {
    let lang =
        model::lang::preferred(header_str(&headers, header::COOKIE), header_str(&headers, header::ACCEPT_LANGUAGE));
    let mut response = Redirect::to(&format!("/{}/", lang.code())).into_response();
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
    let home = format!("/{}/", lang.code());
    // Only paths on this site: no `//host` or `/\host` open redirects.
    let next = query.next.filter(|next| is_local_path(next)).unwrap_or(home);
    let secure = if state.public_url.starts_with("https://") { "; Secure" } else { "" };
    let cookie = format!("{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}", lang.code());
    let mut response = Redirect::to(&next).into_response();
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, value);
    }
    response
}

/// A path on this site. Browsers drop tabs and newlines from URLs and read `\` as `/`, so
/// `/\tevil.example` would become `//evil.example`: such characters are refused outright.
fn is_local_path(next: &str) -> bool {
    next.starts_with('/')
        && !next.starts_with("//")
        && !next.chars().any(|c| c == '\\' || c.is_whitespace() || c.is_control())
}

async fn healthz(State(state): State<AppState>) -> Response {
    match state.catalog.health().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
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
