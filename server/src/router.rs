//! The HTTP surface: Leptos pages under `/{lang}/`, the JSON API, `/healthz`, the language
//! redirect at `/`, the language switch at `/set-lang/{lang}`, and static assets.

use std::sync::Arc;

use app::App;
use axum::Router;
use axum::extract::{FromRef, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use model::Lang;
use model::lang::LANG_COOKIE;
use serde::Deserialize;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::auth::{Auth, forms};
use crate::config::Config;

#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub catalog: catalog::Catalog,
    pub auth: Auth,
    pub public_url: Arc<str>,
}

impl FromRef<AppState> for Auth {
    fn from_ref(state: &AppState) -> Self {
        state.auth.clone()
    }
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

pub fn router(config: &Config, catalog: catalog::Catalog, auth: Auth) -> Router {
    let leptos_options = leptos_options(config);
    let state = AppState {
        leptos_options: leptos_options.clone(),
        catalog: catalog.clone(),
        auth,
        public_url: Arc::from(config.public_url.as_str()),
    };
    let routes = page_routes();
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
        // The account forms post to their own page's URL (see `auth::forms`).
        .route("/{lang}/signup", post(forms::sign_up))
        .route("/{lang}/login", post(forms::log_in))
        .route("/{lang}/logout", post(forms::log_out))
        .route("/{lang}/confirm", get(forms::confirm_email))
        .route("/{lang}/account/confirm", post(forms::resend_confirmation))
        .route("/{lang}/forgot", post(forms::request_reset))
        .route("/{lang}/reset", post(forms::reset_password))
        .route("/{lang}/account", post(forms::save_account))
        .route("/{lang}/account/password", post(forms::change_password))
        .route("/{lang}/account/join", post(crate::institutions::join))
        .route("/{lang}/admin/institutions/{slug}/verify", post(crate::institutions::verify))
        .route("/{lang}/admin/institutions/{slug}/admins", post(crate::institutions::promote))
        .route("/{lang}/openings/{id}/report", post(crate::moderation::report))
        .route("/{lang}/admin/reports/{id}/resolve", post(crate::moderation::resolve_report))
        .route("/{lang}/admin/accounts/{id}/suspend", post(crate::moderation::suspend))
        .route("/{lang}/admin/accounts/{id}/reinstate", post(crate::moderation::reinstate))
        .route("/{lang}/institutions/{slug}/members/{id}/{change}", post(crate::institutions::change_member))
        .route("/{lang}/postings/new", post(crate::postings::create))
        .route("/{lang}/postings/{id}/edit", post(crate::postings::update))
        .route("/{lang}/postings/{id}/close", post(crate::postings::close))
        .route("/{lang}/admin/review/{id}", post(crate::postings::decide))
        .route(app::STYLESHEET_PATH, get(stylesheet))
        .route("/assets/favicon.svg", get(favicon))
        .nest_service("/pkg", tower::ServiceBuilder::new().layer(immutable).service(ServeDir::new(pkg_dir)))
        .leptos_routes_with_context(&state, routes, page_context(&state), shell(&state))
        // Rendered whole (not streamed), like the routes above: `/en/` and unknown paths land here.
        .fallback(leptos_axum::render_app_async_with_context(page_context(&state), shell(&state)))
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::auth::session::resolve))
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::security::guard_server_functions))
        .layer(axum::middleware::from_fn(crate::html::tidy_markers))
        .layer(axum::middleware::from_fn(crate::security::headers))
        .layer(CompressionLayer::new())
        .with_state(state)
}

/// The app's pages, listed once per process. Listing runs the whole app with resource loading
/// switched off for the entire process (leptos issue #4773): a page rendering at that moment
/// would wait forever, so it must never happen once pages are served (or, in tests, while
/// another test renders).
pub fn page_routes() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// What every page's server functions find in their context.
fn page_context(state: &AppState) -> impl Fn() + Clone + Send + Sync + 'static {
    let catalog = state.catalog.clone();
    let site_url = app::SiteUrl(state.public_url.to_string());
    move || {
        provide_context(catalog.clone());
        provide_context(site_url.clone());
        // The response's CSP nonce, for the scripts Leptos writes (see `security`).
        let nonce = use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<crate::security::CspNonce>().cloned());
        if let Some(nonce) = nonce {
            provide_context(leptos::nonce::Nonce::from_value(nonce.0));
        }
    }
}

fn shell(state: &AppState) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static {
    let options = state.leptos_options.clone();
    move || app::shell(options.clone()).into_any()
}

/// Renders the page at the request's path, as a GET would (used to show a rejected form again
/// with what was typed, which the request's `PageState` carries).
pub async fn render_page(state: &AppState, request: axum::extract::Request) -> Response {
    leptos_axum::render_app_async_with_context(page_context(state), shell(state))(request).await
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
/// the database's change log (`lag` changes not applied yet).
async fn healthz(State(state): State<AppState>) -> Response {
    match state.catalog.health().await {
        Ok(health) => axum::Json(serde_json::json!({
            "status": "ok",
            "index": {
                "applied": health.applied,
                "latest": health.latest,
                "lag": health.lag(),
                "documents": health.documents,
            },
        }))
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
