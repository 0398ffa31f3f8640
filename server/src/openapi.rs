//! The JSON API described as OpenAPI 3.1, generated from its handlers (`#[utoipa::path]` beside
//! each one) and the types they answer with: `GET /api/v1/openapi.json` for partners' tools, and
//! `GET /api/v1/docs`, the same document as a page people can read.

use axum::Json;
use axum::Router;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use utoipa::OpenApi;

use crate::markup::escape;
use crate::state::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Passerelle",
        description = "Research exchange openings between institutions, searchable in French, English and \
                       Korean. Nothing sent to this API is stored. Errors answer \
                       `{\"error\": {\"code\", \"message\"}}`.",
        license(name = "AGPL-3.0-or-later")
    ),
    paths(
        crate::api::search,
        crate::api::opening,
        crate::api::suggestions,
        crate::api::recommendations,
        crate::rounds::published_instance,
        crate::rounds::published_result,
        crate::site::healthz,
    ),
    components(schemas(crate::api::FundedParam, crate::api::SortParam, crate::api::ClosedParam)),
    tags(
        (name = "openings", description = "Searching and reading openings"),
        (name = "recommendations", description = "Openings for a profile, with their reasons"),
        (name = "rounds", description = "Published matching rounds, anonymised, for `passerelle round verify`"),
        (name = "service", description = "The server's own state"),
    )
)]
struct ApiDoc;

/// The document, built once.
pub fn document() -> &'static utoipa::openapi::OpenApi {
    static DOCUMENT: std::sync::OnceLock<utoipa::openapi::OpenApi> = std::sync::OnceLock::new();
    DOCUMENT.get_or_init(ApiDoc::openapi)
}

pub fn routes() -> Router<AppState> {
    Router::new().route("/api/v1/openapi.json", get(openapi_json)).route("/api/v1/docs", get(docs_page))
}

async fn openapi_json() -> Response {
    Json(document()).into_response()
}

/// Each operation with its parameters and answers, drawn from the document.
async fn docs_page(crate::api::SearcherLang(lang): crate::api::SearcherLang) -> Html<String> {
    let t = |id: &str| escape(&l10n::t(lang, id));
    let spec = serde_json::to_value(document()).unwrap_or_default();
    let mut body = String::new();
    let paths = spec["paths"].as_object().cloned().unwrap_or_default();
    for (path, item) in &paths {
        for (method, operation) in item.as_object().into_iter().flatten() {
            body.push_str(&format!(
                "<section><h2><code>{} {}</code></h2><p>{}</p>",
                method.to_uppercase(),
                escape(path),
                escape(operation["description"].as_str().or(operation["summary"].as_str()).unwrap_or(""))
            ));
            if let Some(parameters) = operation["parameters"].as_array().filter(|p| !p.is_empty()) {
                body.push_str(&format!(
                    "<table><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
                    t("api-docs-parameters"),
                    t("api-docs-name"),
                    t("api-docs-meaning"),
                ));
                for parameter in parameters {
                    body.push_str(&format!(
                        "<tr><td><code>{}</code></td><td>{}</td></tr>",
                        escape(parameter["name"].as_str().unwrap_or("")),
                        escape(parameter["description"].as_str().unwrap_or(""))
                    ));
                }
                body.push_str("</tbody></table>");
            }
            body.push_str(&format!("<h3>{}</h3><ul>", t("api-docs-answers")));
            for (status, answer) in operation["responses"].as_object().into_iter().flatten() {
                body.push_str(&format!(
                    "<li><code>{}</code> {}</li>",
                    escape(status),
                    escape(answer["description"].as_str().unwrap_or(""))
                ));
            }
            body.push_str("</ul></section>");
        }
    }
    Html(format!(
        "<!DOCTYPE html><html lang=\"{code}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" \
         content=\"width=device-width, initial-scale=1\"><title>{title}</title><link rel=\"stylesheet\" \
         href=\"{css}\"></head><body><main id=\"main\" class=\"api-docs\"><h1>{title}</h1><p>{intro} <a href=\"/api/v1/openapi.json\">/api/v1/openapi.json</a></p>{body}\
         </main></body></html>",
        code = lang.code(),
        title = t("api-docs-title"),
        intro = t("api-docs-intro"),
        css = app::STYLESHEET_PATH,
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_document_is_openapi_3_1_and_covers_the_search() {
        let spec = serde_json::to_value(super::document()).expect("JSON");
        assert!(spec["openapi"].as_str().is_some_and(|v| v.starts_with("3.1")));
        assert!(spec["paths"]["/api/v1/openings"]["get"]["parameters"].as_array().is_some_and(|p| p.len() >= 14));
        assert!(spec["components"]["schemas"]["OpeningRecord"].is_object());
    }
}
