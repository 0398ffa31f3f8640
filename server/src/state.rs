//! The application's state, shared by every handler, and how a page is rendered: Leptos with
//! the catalogue, the site's URL and the response's CSP nonce in its context. Handlers and the
//! router both use this module; it uses neither.

use std::sync::Arc;

use app::App;
use axum::extract::FromRef;
use axum::response::Response;
use leptos::prelude::*;
use leptos_axum::generate_route_list;

use crate::auth::Auth;
use crate::config::Config;

#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub catalog: catalog::Catalog,
    pub auth: Auth,
    pub public_url: Arc<str>,
    /// The search pages drawn for anonymous readers, as this server's index stands.
    pub pages: Arc<catalog::Recent<crate::page_cache::RememberedPage>>,
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

/// Leptos' settings, without cargo-leptos: the bundle is `pkg/{name}.js` and `pkg/{name}_bg.wasm`
/// under the site root, as `scripts/build-client.sh` writes it, `name` being in `pkg/bundle-name`
/// (named by its content, see `router`).
pub fn leptos_options(config: &Config) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name(bundle_name(&config.site_root))
        .site_root(config.site_root.display().to_string())
        .site_pkg_dir("pkg")
        .site_addr(config.addr)
        .build()
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
pub fn page_context(state: &AppState) -> impl Fn() + Clone + Send + Sync + 'static {
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

pub fn shell(state: &AppState) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static {
    let options = state.leptos_options.clone();
    move || app::shell(options.clone()).into_any()
}

/// Renders the page at the request's path, as a GET would (used to show a rejected form again
/// with what was typed, which the request's `PageState` carries).
pub async fn render_page(state: &AppState, request: axum::extract::Request) -> Response {
    leptos_axum::render_app_async_with_context(page_context(state), shell(state))(request).await
}

/// The browser bundle's name, as `scripts/build-client.sh` wrote it; `passerelle` without one.
pub fn bundle_name(site_root: &std::path::Path) -> String {
    std::fs::read_to_string(site_root.join("pkg").join("bundle-name"))
        .ok()
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or_else(|| "passerelle".to_string())
}
