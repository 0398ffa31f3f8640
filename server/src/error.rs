//! The server's one error type: what commands report, and what a handler answers when it does
//! not go through. A web error becomes a response here (JSON for the API); a page around it, in
//! the reader's language and with what they typed, is drawn by `form::answer`.

use std::path::PathBuf;

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use catalog::CatalogError;

#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    #[error(transparent)]
    Search(#[from] search::SearchError),
    #[error("password hashing failed: {0}")]
    Password(String),
    /// Too many password hashes waiting: the person is asked to try again shortly.
    #[error("too many password checks at once")]
    Busy,
    /// Nothing there for this viewer (or no such language).
    #[error("not found")]
    NotFound,
    /// A request the API cannot read: `code` and `message` go back as JSON.
    #[error("bad request: {message}")]
    BadRequest { code: &'static str, message: String },
    /// Signed out: go to sign in, then back to `next` (a path on this site) when given.
    #[error("sign in first")]
    SignInFirst { lang: model::Lang, next: Option<String> },
    /// A form sent back to its page with what was typed and its problems: `message` (a Fluent
    /// id) for the form as a whole, beside those noted against fields.
    #[error("form refused ({status})")]
    Refused { status: StatusCode, message: Option<&'static str> },
    #[error("cannot read {path}: {source}")]
    ReadFile { path: PathBuf, source: std::io::Error },
    /// An import file was refused; each entry is `line N: reason`.
    #[error("{path}: {} bad line(s), nothing imported:\n{}", errors.len(), errors.join("\n"))]
    BadImport { path: String, errors: Vec<String> },
    #[error("cannot create the data directory {path}: {source}")]
    DataDir { path: PathBuf, source: std::io::Error },
    #[error("cannot listen on {addr}: {source}")]
    Bind { addr: String, source: std::io::Error },
    #[error("benchmark failed: {0}")]
    Bench(String),
    #[error("server error: {0}")]
    Serve(std::io::Error),
    #[error("invalid setting {name}: {reason}")]
    Config { name: &'static str, reason: String },
    /// A round's instance or result file that cannot be read as one (exit status 2).
    #[error("{path}: {reason}")]
    BadRoundFile { path: PathBuf, reason: String },
    /// A round's result that is not a stable matching of its instance (exit status 1); what is
    /// wrong has been listed.
    #[error("{0}")]
    RoundRefused(String),
}

impl ServerError {
    /// The command's exit status: 2 for input that cannot be read, 1 for everything else.
    pub fn exit_status(&self) -> u8 {
        match self {
            ServerError::BadRoundFile { .. } => 2,
            _ => 1,
        }
    }

    /// A form refused with `message` for the form as a whole.
    pub fn refused(status: StatusCode, message: &'static str) -> ServerError {
        ServerError::Refused { status, message: Some(message) }
    }

    /// The status, and what the person is told (a Fluent id; the API sends its code).
    fn answer(&self) -> (StatusCode, &'static str) {
        match self {
            ServerError::NotFound | ServerError::Catalog(CatalogError::NotFound) => {
                (StatusCode::NOT_FOUND, "form-error-gone")
            }
            ServerError::Catalog(CatalogError::Forbidden) => (StatusCode::FORBIDDEN, "form-error-forbidden"),
            ServerError::Catalog(CatalogError::Stale) => (StatusCode::CONFLICT, "form-error-stale"),
            ServerError::Catalog(CatalogError::Invalid(_)) => (StatusCode::UNPROCESSABLE_ENTITY, "form-error-summary"),
            ServerError::Busy => (StatusCode::SERVICE_UNAVAILABLE, "form-error-busy"),
            ServerError::BadRequest { code, .. } => (StatusCode::BAD_REQUEST, code),
            ServerError::Refused { status, message } => (*status, message.unwrap_or("")),
            _ => (StatusCode::INTERNAL_SERVER_ERROR, "error-text"),
        }
    }
}

/// Marks a response as an error for `form::answer`, which draws the page around it.
#[derive(Clone, Copy, Debug)]
pub struct ErrorAnswer {
    /// A Fluent id for the form as a whole (`""`: only the fields' own problems).
    pub message: &'static str,
}

impl IntoResponse for ServerError {
    fn into_response(self) -> Response {
        if let ServerError::SignInFirst { lang, next } = &self {
            let to = match next {
                Some(next) => app::url::sign_in_then(*lang, next),
                None => app::url::path(app::url::route::LOG_IN, *lang, &[]),
            };
            return Redirect::to(&to).into_response();
        }
        let (status, message) = self.answer();
        let (code, text) = match &self {
            ServerError::BadRequest { code, message } => (*code, message.clone()),
            _ if status == StatusCode::INTERNAL_SERVER_ERROR => {
                tracing::error!(error = %self, "a request failed");
                ("internal", "internal error".to_string())
            }
            _ => (status.canonical_reason().unwrap_or("error"), status.to_string()),
        };
        let code = code.to_ascii_lowercase().replace(' ', "_");
        let body = Json(serde_json::json!({ "error": { "code": code, "message": text } }));
        let mut response = (status, body).into_response();
        response.extensions_mut().insert(ErrorAnswer { message });
        response
    }
}
