//! Headers that make every response safer to handle in a browser:
//! - a Content-Security-Policy: scripts only from this site or carrying this response's nonce
//!   (the script that loads the islands carries it), WebAssembly
//!   allowed, no inline handlers or styles, no framing, forms only to this site;
//! - `X-Content-Type-Options: nosniff`, a `Referrer-Policy`, `X-Frame-Options` for older
//!   browsers; pages shown to a signed-in person are never stored by caches (`no-store`).

use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

use catalog::token::random_token;

/// Server functions (what hydrated pages call, `POST /api/…`) take JSON only, from this site.
/// A cross-site page can send a form or a `text/plain` POST without asking, but not JSON
/// (the browser would ask first, and nothing here answers yes): so no other site can make a
/// visitor's browser call them.
pub async fn guard_server_functions(
    axum::extract::State(auth): axum::extract::State<crate::auth::Auth>,
    request: Request,
    next: Next,
) -> Response {
    use axum::response::IntoResponse;
    let is_server_function = request.method() == axum::http::Method::POST
        && request.uri().path().starts_with("/api/")
        && !request.uri().path().starts_with("/api/v1/");
    if is_server_function {
        let headers = request.headers();
        let json = headers
            .get(header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.starts_with("application/json"));
        if !json || !crate::form::same_origin(headers, &auth.origin) {
            return (axum::http::StatusCode::FORBIDDEN, "server functions take JSON from this site").into_response();
        }
    }
    next.run(request).await
}

/// This response's CSP nonce, for the page renderer (see `state::page_context`).
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);

/// The policy with `nonce` allowed to run inline scripts.
fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'"
    )
}

pub async fn headers(mut request: Request, next: Next) -> Response {
    // 128 bits are plenty for a nonce; a token's alphabet is valid in the header as it is.
    let nonce: String = random_token().chars().take(22).collect();
    request.extensions_mut().insert(CspNonce(nonce.clone()));
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let set = |headers: &mut axum::http::HeaderMap, name: HeaderName, value: &str| {
        if let Ok(value) = HeaderValue::from_str(value) {
            headers.insert(name, value);
        }
    };
    set(headers, header::CONTENT_SECURITY_POLICY, &content_security_policy(&nonce));
    set(headers, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(headers, header::REFERRER_POLICY, "strict-origin-when-cross-origin");
    set(headers, header::X_FRAME_OPTIONS, "DENY");
    response
}

#[cfg(test)]
mod tests {
    use super::content_security_policy;

    #[test]
    fn the_policy_allows_only_the_nonce_inline() {
        let policy = content_security_policy("abc");
        assert!(policy.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval'"));
        assert!(!policy.contains("unsafe-inline"));
        assert!(policy.contains("frame-ancestors 'none'"));
    }
}
