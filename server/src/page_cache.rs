//! The search page as anonymous readers get it, drawn once per version of this server's index
//! and per day: the same list page asked again is answered from memory, as the search under it
//! is (`catalog::Recent`), with what belongs to one response alone put in afresh — its CSP nonce
//! and the reader's CSRF token. Signed-in readers' pages are theirs and always drawn anew, as
//! is a page showing a rejected form.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use model::Lang;
use model::account::PageState;

use crate::security::CspNonce;
use crate::state::AppState;

/// Pages kept at most, one for each search answer `catalog` keeps (a search page is about
/// 60 KB: some 35 MB at most).
pub const REMEMBERED_PAGES: usize = catalog::REMEMBERED_SEARCHES;

/// A page as it was drawn, and the per-response tokens it was drawn with.
#[derive(Clone, Debug)]
pub struct RememberedPage {
    headers: HeaderMap,
    html: Arc<str>,
    nonce: Arc<str>,
    csrf: Arc<str>,
}

impl RememberedPage {
    /// The page for another response: its nonce and its reader's CSRF token in place of those
    /// it was drawn with (random tokens, found nowhere else in the page).
    fn answer(&self, nonce: &str, csrf: &str) -> Response {
        let html = self.html.replace(&*self.nonce, nonce).replace(&*self.csrf, csrf);
        let mut response = Response::new(Body::from(html));
        *response.headers_mut() = self.headers.clone();
        response
    }
}

/// What a remembered page is kept under, and what is put afresh in it.
struct Remembering {
    key: String,
    version: catalog::Version,
    nonce: Arc<str>,
    csrf: Arc<str>,
}

/// Answers an anonymous reader's search page from memory when this server drew it already for
/// the index as it stands today; otherwise draws it and remembers it.
pub async fn remembered(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let Some(remembering) = remembering(&state, &request) else {
        return next.run(request).await;
    };
    if let Some(page) = state.pages.get(&remembering.key, remembering.version) {
        return page.answer(&remembering.nonce, &remembering.csrf);
    }
    let response = next.run(request).await;
    if response.status() != StatusCode::OK || response.headers().contains_key(header::SET_COOKIE) {
        return response;
    }
    let (parts, bytes) = match crate::html::buffered_page(response).await {
        Ok(page) => page,
        Err(response) => return response,
    };
    if let Ok(html) = std::str::from_utf8(&bytes) {
        let Remembering { key, version, nonce, csrf } = remembering;
        let page = RememberedPage { headers: parts.headers.clone(), html: Arc::from(html), nonce, csrf };
        state.pages.put(key, version, page);
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// `Some` for a GET of a list page (`/{lang}/openings`, any search) by an anonymous reader,
/// with no rejected form to show, on a server with an index.
fn remembering(state: &AppState, request: &Request) -> Option<Remembering> {
    if request.method() != Method::GET || !is_list_page(request.uri().path()) {
        return None;
    }
    let page_state = request.extensions().get::<PageState>()?;
    if page_state.viewer.is_some() || page_state.echo.is_some() {
        return None;
    }
    let nonce = request.extensions().get::<CspNonce>()?;
    let version = state.catalog.index_version()?;
    let asked = request.uri().path_and_query().map_or("", |asked| asked.as_str());
    Some(Remembering {
        key: format!("{}|{asked}", catalog::today()),
        version,
        nonce: Arc::from(nonce.0.as_str()),
        csrf: Arc::from(page_state.csrf.as_str()),
    })
}

fn is_list_page(path: &str) -> bool {
    Lang::ALL.into_iter().any(|lang| path == app::url::path(app::url::route::OPENINGS, lang, &[]))
}
