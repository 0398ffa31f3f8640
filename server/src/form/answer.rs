//! Draws the page around an error (see [`crate::ServerError`]): a refused form's own page again,
//! with what was typed and each problem beside its field; any other error as the page at the
//! request's URL (the "not found" page for a URL that is no page). The router puts this layer
//! on the routes of forms and of the site only: pages and the JSON API never pass through it.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::Response;

use super::{FormSlot, Shown};
use crate::error::ErrorAnswer;
use crate::state::{AppState, render_page};

pub async fn pages_for_errors(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let slot = FormSlot::default();
    request.extensions_mut().insert(slot.clone());
    let mut page_request = Request::new(Body::empty());
    *page_request.uri_mut() = request.uri().clone();
    *page_request.headers_mut() = request.headers().clone();
    *page_request.extensions_mut() = request.extensions().clone();
    let response = next.run(request).await;
    let Some(answer) = response.extensions().get::<ErrorAnswer>().copied() else { return response };
    let status = response.status();
    if let Some(Shown { mut parts, mut page, mut echo }) = slot.take() {
        if !answer.message.is_empty() {
            echo.reject("", answer.message);
        }
        page.echo = Some(echo);
        parts.extensions.insert(page);
        parts.method = Method::GET;
        page_request = Request::from_parts(parts, Body::empty());
    }
    let mut page = render_page(&state, page_request).await;
    *page.status_mut() = status;
    page
}
