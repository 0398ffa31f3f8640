//! `GET /{lang}/openings/feed.atom?…`: every search as an Atom 1.0 feed (RFC 4287), with the
//! list page's parameters and the same openings, newest first only when the search says so.
//! Entries are in the feed's language when the opening has it, else in its own (marked with
//! `xml:lang`).

use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use model::Lang;
use model::dto::{OpeningSummary, SearchParams};

use crate::ServerError;
use crate::form::PageLang;
use crate::markup::escape;
use crate::state::AppState;
use app::url::{feed_href, opening_url, route, search_href};

pub fn routes() -> axum::Router<AppState> {
    axum::Router::new().route(route::OPENINGS_FEED, axum::routing::get(feed))
}

async fn feed(
    State(state): State<AppState>,
    PageLang(lang): PageLang,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, ServerError> {
    let params = SearchParams::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .map_err(|err| ServerError::BadRequest { code: "invalid_parameter", message: err.to_string() })?;
    let today = catalog::today();
    let outcome = state.catalog.search(lang, &params, today).await?;
    let body = atom(&state.public_url, lang, &params, &outcome.page.hits, today);
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/atom+xml; charset=utf-8"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=600"));
    Ok(response)
}

/// The feed's XML.
fn atom(origin: &str, lang: Lang, params: &SearchParams, entries: &[OpeningSummary], today: NaiveDate) -> String {
    let t = |id: &str| l10n::t(lang, id);
    let title = if params.q.trim().is_empty() {
        format!("Passerelle – {}", t("openings-title"))
    } else {
        format!("Passerelle – {}", l10n::t_args(lang, "openings-results-for", &[("query", params.q.clone().into())]))
    };
    let updated = entries.iter().map(|hit| hit.published_on).max().unwrap_or(today);
    let self_href = format!("{origin}{}", feed_href(lang, params));
    let mut xml = String::with_capacity(1024 + entries.len() * 600);
    xml.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n", lang.code()));
    element(&mut xml, "id", &self_href);
    element(&mut xml, "title", &title);
    element(&mut xml, "updated", &timestamp(updated));
    link(&mut xml, "self", "application/atom+xml", &self_href);
    link(&mut xml, "alternate", "text/html", &format!("{origin}{}", search_href(lang, params, params.page)));
    xml.push_str("<author><name>Passerelle</name></author>\n");
    for hit in entries {
        let href = opening_url(origin, lang, hit.id);
        xml.push_str(&format!("<entry xml:lang=\"{}\">\n", hit.title_lang.code()));
        element(&mut xml, "id", &href);
        element(&mut xml, "title", &hit.title);
        element(&mut xml, "published", &timestamp(hit.published_on));
        element(&mut xml, "updated", &timestamp(hit.published_on));
        link(&mut xml, "alternate", "text/html", &href);
        xml.push_str(&format!("<author><name>{}</name></author>\n", escape(&hit.institution)));
        xml.push_str(&format!(
            "<category term=\"{}\" label=\"{}\"/>\n",
            hit.kind.code(),
            escape(&t(hit.kind.message_id()))
        ));
        // What a reader of the feed decides on: who, where, what kind, until when.
        let summary = format!(
            "{} · {} · {} · {}",
            hit.institution,
            l10n::place(lang, &hit.country, &hit.city),
            t(hit.kind.message_id()),
            l10n::t_args(lang, "feed-deadline", &[("date", l10n::format_date(lang, hit.deadline).into())]),
        );
        element(&mut xml, "summary", &summary);
        xml.push_str("</entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

fn timestamp(day: NaiveDate) -> String {
    format!("{day}T00:00:00Z")
}

fn element(xml: &mut String, name: &str, text: &str) {
    xml.push_str(&format!("<{name}>{}</{name}>\n", escape(text)));
}

fn link(xml: &mut String, rel: &str, media_type: &str, href: &str) {
    xml.push_str(&format!("<link rel=\"{rel}\" type=\"{media_type}\" href=\"{}\"/>\n", escape(href)));
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn text_is_escaped_and_forbidden_characters_dropped() {
        assert_eq!(escape("R&D <b>\"x\"</b> l'été\u{1b}"), "R&amp;D &lt;b&gt;&quot;x&quot;&lt;/b&gt; l&apos;été");
    }
}
