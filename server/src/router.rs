//! The HTTP surface, assembled: each area's routes (the site's own, the JSON API and its OpenAPI
//! document, what crawlers read, accounts, institutions, moderation, postings), the browser
//! bundle, Leptos' pages under `/{lang}/`, and the layers every request passes (security headers,
//! sessions, the server-function guard, anonymous search pages remembered, markup tidying,
//! compression). Handlers live with their area; the state in `state`.

use std::sync::Arc;

use axum::Router;
use axum::http::{HeaderValue, header};
use leptos_axum::LeptosRoutes;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::auth::Auth;
use crate::config::Config;
pub use crate::state::{AppState, leptos_options, page_routes, render_page};
use crate::state::{page_context, shell};

pub fn router(config: &Config, catalog: catalog::Catalog, auth: Auth) -> Router {
    let leptos_options = leptos_options(config);
    let state = AppState {
        leptos_options: leptos_options.clone(),
        catalog: catalog.clone(),
        auth,
        public_url: Arc::from(config.public_url.as_str()),
        pages: Arc::new(catalog::Recent::new(crate::page_cache::REMEMBERED_PAGES)),
    };
    let routes = page_routes();
    let pkg_dir = config.site_root.join("pkg");
    // The bundle's files are named by their content: a new build has new names.
    let immutable = SetResponseHeaderLayer::overriding(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    // Compressed once at build time, at the highest level: sent as they are.
    let bundle = ServeDir::new(pkg_dir).precompressed_br().precompressed_gzip();

    // The handlers that answer a `ServerError` with a page (forms, the site's own routes) get
    // that page drawn by `form::answer`; Leptos' pages and the JSON API do not pass through it.
    let with_pages_for_errors = Router::new()
        .merge(crate::site::routes())
        .merge(crate::auth::forms::routes())
        .merge(crate::institutions::routes())
        .merge(crate::moderation::routes())
        .merge(crate::postings::routes())
        .merge(crate::applications::routes())
        .merge(crate::bookmarks::routes())
        .merge(crate::alerts::routes())
        .merge(crate::candidates::routes())
        .merge(crate::rounds::routes())
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::form::answer::pages_for_errors));

    Router::new()
        .merge(with_pages_for_errors)
        .merge(crate::api::routes())
        .merge(crate::rounds::api_routes())
        .merge(crate::feed::routes())
        .merge(crate::calendar::routes())
        .merge(crate::crawlers::routes())
        .merge(crate::openapi::routes())
        .nest_service("/pkg", tower::ServiceBuilder::new().layer(immutable).service(bundle))
        .leptos_routes_with_context(&state, routes, page_context(&state), shell(&state))
        // Rendered whole (not streamed), like the routes above: `/en/` and unknown paths land here.
        .fallback(leptos_axum::render_app_async_with_context(page_context(&state), shell(&state)))
        .layer(axum::middleware::from_fn(crate::html::tidy_markers))
        // Inside the session (it needs the reader) and outside tidying (pages are kept tidied).
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::page_cache::remembered))
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::auth::session::resolve))
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::security::guard_server_functions))
        .layer(axum::middleware::from_fn(crate::security::headers))
        .layer(CompressionLayer::new())
        .with_state(state)
}
