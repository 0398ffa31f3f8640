//! Building links: percent-encoding and the same page in another language.

use model::Lang;
use model::dto::SearchParams;

/// Percent-encodes a query-string component (RFC 3986 unreserved characters pass).
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(char::from(byte)),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The sign-in page in `lang`, which comes back to `path` (a path on this site) afterwards.
pub fn sign_in_then(lang: Lang, path: &str) -> String {
    format!("/{}/login?next={}", lang.code(), encode(path))
}

/// `path` (which starts with `/{lang}`) with its language segment replaced by `lang`.
pub fn with_lang(path: &str, lang: Lang) -> String {
    let rest = path.trim_start_matches('/');
    let rest = rest.split_once('/').map_or("", |(_, rest)| rest);
    if rest.is_empty() { format!("/{}/", lang.code()) } else { format!("/{}/{rest}", lang.code()) }
}

/// The current page (`pathname` and `search` as the router gives them) in another language.
pub fn same_page_in(lang: Lang, pathname: &str, search: &str) -> String {
    let search = search.trim_start_matches('?');
    if search.is_empty() { with_lang(pathname, lang) } else { format!("{}?{search}", with_lang(pathname, lang)) }
}

/// A query string from pairs, skipping empty values: `?q=a%20b&page=2`.
pub fn query_string<'a>(pairs: impl IntoIterator<Item = (&'a str, String)>) -> String {
    let encoded: Vec<String> = pairs
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(key, value)| format!("{key}={}", encode(&value)))
        .collect();
    if encoded.is_empty() { String::new() } else { format!("?{}", encoded.join("&")) }
}

/// The list page showing `page` of the search `params`.
pub fn search_href(lang: Lang, params: &SearchParams, page: u32) -> String {
    let query = query_string(SearchParams { page, ..params.clone() }.to_pairs());
    format!("/{}/openings{query}", lang.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switches_the_language_segment() {
        assert_eq!(with_lang("/fr/openings/12", Lang::Ko), "/ko/openings/12");
        assert_eq!(with_lang("/fr", Lang::En), "/en/");
        assert_eq!(with_lang("/fr/", Lang::En), "/en/");
    }

    #[test]
    fn keeps_the_query_when_switching() {
        assert_eq!(same_page_in(Lang::En, "/fr/openings", "q=batterie"), "/en/openings?q=batterie");
        assert_eq!(same_page_in(Lang::En, "/fr/openings", "?q=a"), "/en/openings?q=a");
        assert_eq!(same_page_in(Lang::Ko, "/fr/", ""), "/ko/");
    }

    #[test]
    fn encodes_queries() {
        assert_eq!(
            query_string([("q", "배터리 & co".to_string()), ("page", String::new())]),
            "?q=%EB%B0%B0%ED%84%B0%EB%A6%AC%20%26%20co"
        );
        assert_eq!(query_string([("q", String::new())]), "");
    }
}
