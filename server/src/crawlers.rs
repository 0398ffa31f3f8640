//! What crawlers read: `/robots.txt` (the sitemap's address, and the pages that are nobody's
//! business but their reader's kept out) and `/sitemap.xml` (the main pages, every open
//! opening and the pages of the institutions that have one, in the three languages, each with its alternates; past 50,000 addresses, an index of
//! `/sitemaps/{n}.xml` files).

use std::fmt::Write;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::NaiveDate;
use model::Lang;

use crate::ServerError;
use crate::markup::escape;
use crate::state::AppState;
use app::url::{path, route};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/robots.txt", get(robots))
        .route("/sitemap.xml", get(sitemap))
        .route("/sitemaps/{file}", get(sitemap_file))
}

/// The most addresses one sitemap file may list (the sitemaps.org protocol's limit).
const URLS_PER_FILE: usize = 50_000;

/// Pages that only mean something to their signed-in reader, or that only act.
const PRIVATE: &[&str] = &[
    route::ACCOUNT,
    route::PROFILE,
    route::ALERTS,
    route::APPLICATIONS,
    route::SAVED,
    route::POSTINGS,
    route::ROUNDS,
    route::ADMIN,
    route::SIGN_UP,
    route::LOG_IN,
    route::LOG_OUT,
    route::CONFIRM,
    route::FORGOT,
    route::RESET,
    "/{lang}/cv/",
    // Members' pages; an institution's own page is public.
    "/{lang}/institutions/*/members",
];

async fn robots(State(state): State<AppState>) -> Response {
    let mut text = String::from("User-agent: *\n");
    for lang in Lang::ALL {
        for pattern in PRIVATE {
            let _ = writeln!(text, "Disallow: {}", path(pattern, lang, &[]));
        }
    }
    let _ = writeln!(text, "Disallow: /set-lang/\nDisallow: /api/\n\nSitemap: {}/sitemap.xml", state.public_url);
    with_type(text, "text/plain; charset=utf-8")
}

/// A page the sitemap lists, in each of the three languages.
struct Page {
    /// One of [`route`], with the opening's id or the institution's slug when it is one.
    pattern: &'static str,
    key: Option<String>,
    changed: Option<NaiveDate>,
}

/// The main pages, then every open opening, then the institutions that have one.
async fn pages(state: &AppState) -> Result<Vec<Page>, ServerError> {
    let openings = state.catalog.open_opening_days(catalog::today()).await?;
    let main = [route::HOME, route::OPENINGS].into_iter().map(|pattern| Page { pattern, key: None, changed: None });
    let mut institutions = std::collections::BTreeSet::new();
    let openings: Vec<Page> = openings
        .into_iter()
        .map(|(id, changed, slug)| {
            institutions.insert(slug);
            Page { pattern: route::OPENING, key: Some(id.to_string()), changed: Some(changed) }
        })
        .collect();
    let institutions =
        institutions.into_iter().map(|slug| Page { pattern: route::INSTITUTION, key: Some(slug), changed: None });
    Ok(main.chain(openings).chain(institutions).collect())
}

/// Pages per file: each page is listed once per language, and its languages stay together.
fn pages_per_file() -> usize {
    URLS_PER_FILE / Lang::ALL.len()
}

async fn sitemap(State(state): State<AppState>) -> Result<Response, ServerError> {
    let pages = pages(&state).await?;
    let body = if pages.len() <= pages_per_file() {
        url_set(&state.public_url, &pages)
    } else {
        index(&state.public_url, pages.len().div_ceil(pages_per_file()))
    };
    Ok(with_type(body, "application/xml; charset=utf-8"))
}

/// `/sitemaps/{n}.xml`, counted from 1.
async fn sitemap_file(State(state): State<AppState>, Path(file): Path<String>) -> Result<Response, ServerError> {
    let number = file.strip_suffix(".xml").and_then(|n| n.parse::<usize>().ok()).filter(|n| *n > 0);
    let pages = pages(&state).await?;
    let chunk = number.and_then(|n| pages.chunks(pages_per_file()).nth(n - 1)).ok_or(ServerError::NotFound)?;
    Ok(with_type(url_set(&state.public_url, chunk), "application/xml; charset=utf-8"))
}

fn url_set(base: &str, pages: &[Page]) -> String {
    let mut xml = String::with_capacity(200 + pages.len() * 3 * 400);
    xml.push_str(concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?>"#,
        "\n",
        r#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">"#,
        "\n"
    ));
    for page in pages {
        let address = |lang: Lang| {
            let values: Vec<&dyn std::fmt::Display> =
                page.key.iter().map(|key| key as &dyn std::fmt::Display).collect();
            escape(&format!("{base}{}", path(page.pattern, lang, &values)))
        };
        for lang in Lang::ALL {
            let _ = write!(xml, "<url><loc>{}</loc>", address(lang));
            if let Some(changed) = page.changed {
                let _ = write!(xml, "<lastmod>{changed}</lastmod>");
            }
            for other in Lang::ALL {
                let _ = write!(
                    xml,
                    r#"<xhtml:link rel="alternate" hreflang="{}" href="{}"/>"#,
                    other.code(),
                    address(other)
                );
            }
            xml.push_str("</url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    xml
}

fn index(base: &str, files: usize) -> String {
    let mut xml = String::from(concat!(
        r#"<?xml version="1.0" encoding="UTF-8"?>"#,
        "\n",
        r#"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#,
        "\n"
    ));
    for n in 1..=files {
        let _ = writeln!(xml, "<sitemap><loc>{}/sitemaps/{n}.xml</loc></sitemap>", escape(base));
    }
    xml.push_str("</sitemapindex>\n");
    xml
}

fn with_type(body: String, content_type: &'static str) -> Response {
    let mut response = body.into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_opening_is_listed_in_each_language_with_its_alternates() {
        let pages = [Page {
            pattern: route::OPENING,
            key: Some("12".to_string()),
            changed: NaiveDate::from_ymd_opt(2026, 12, 1),
        }];
        let xml = url_set("https://passerelle.example", &pages);
        assert_eq!(xml.matches("<url>").count(), 3);
        assert!(xml.contains("<loc>https://passerelle.example/ko/openings/12</loc><lastmod>2026-12-01</lastmod>"));
        assert_eq!(xml.matches(r#"hreflang="fr" href="https://passerelle.example/fr/openings/12""#).count(), 3);
    }

    #[test]
    fn an_index_names_each_file() {
        let xml = index("https://passerelle.example", 2);
        assert!(xml.contains("<loc>https://passerelle.example/sitemaps/2.xml</loc>"));
        assert!(!xml.contains("sitemaps/3.xml"));
    }
}
