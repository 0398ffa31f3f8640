//! Makes Leptos' server-rendered HTML valid for checkers, without changing what the browser
//! builds from it:
//! - its hydration markers `<!>` (empty comments the parser accepts but flags as "abrupt closing
//!   of empty comment") become `<!---->`, the very same empty comment node;
//! - the scripts carrying serialized resources, which Leptos appends after `</html>` (a parse
//!   error that browsers recover from by moving them into the body), are moved into the body.
//!   They run during parsing either way, before the deferred module that hydrates.

use axum::body::{Body, Bytes, to_bytes};
use axum::extract::Request;
use axum::http::header;
use axum::http::response::Parts;
use axum::middleware::Next;
use axum::response::Response;

/// Pages are rendered whole (`SsrMode::Async`), so buffering them costs nothing extra.
const MAX_PAGE_BYTES: usize = 16 * 1024 * 1024;

pub async fn tidy_markers(request: Request, next: Next) -> Response {
    let (mut parts, bytes) = match buffered_page(next.run(request).await).await {
        Ok(page) => page,
        Err(response) => return response,
    };
    let html = tidy(&String::from_utf8_lossy(&bytes));
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(html))
}

/// An HTML page's head and whole body; anything else comes back as it was (`Err`), as does a
/// page whose body could not be read (emptied, the error logged).
pub(crate) async fn buffered_page(response: Response) -> Result<(Parts, Bytes), Response> {
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !is_html {
        return Err(response);
    }
    let (parts, body) = response.into_parts();
    match to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(bytes) => Ok((parts, bytes)),
        Err(err) => {
            tracing::error!(error = %err, "could not read a rendered page");
            Err(Response::from_parts(parts, Body::empty()))
        }
    }
}

fn tidy(html: &str) -> String {
    let html = html.replace("<!>", "<!---->");
    // The first ones are the document's: inside it, such text would be escaped.
    let Some(body_end) = html.find("</body>") else { return html };
    let Some(html_end) = html[body_end..].find("</html>").map(|at| body_end + at + "</html>".len()) else {
        return html;
    };
    if html_end == html.len() {
        return html;
    }
    // What follows `</html>` goes just before `</body>` (markers between the two stay put).
    format!("{}{}{}", &html[..body_end], &html[html_end..], &html[body_end..html_end])
}

#[cfg(test)]
mod tests {
    use super::tidy;

    #[test]
    fn markers_and_trailing_scripts_are_tidied() {
        let page = "<html><body><p>a</p><!><!>b</body></html><script>x()</script>";
        assert_eq!(tidy(page), "<html><body><p>a</p><!----><!---->b<script>x()</script></body></html>");
        assert_eq!(tidy("<body></body></html>"), "<body></body></html>");
        let erased = "<html><body><p>a</p></body><!><!></html><!><script>x()</script>";
        assert_eq!(tidy(erased), "<html><body><p>a</p><!----><script>x()</script></body><!----><!----></html>");
    }
}
