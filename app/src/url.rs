//! Building links: the site's paths and query strings come from `model::url` (e-mails build
//! theirs there too); here, what only pages need: the same page in another language, sign-in
//! that comes back, feeds.

use model::Lang;
use model::dto::SearchParams;
pub use model::url::{encode, opening_url, path, query_string, route, search_href, unfinished_href};

/// The sign-in page in `lang`, which comes back to `back` (a path on this site) afterwards.
pub fn sign_in_then(lang: Lang, back: &str) -> String {
    format!("{}?next={}", path(route::LOG_IN, lang, &[]), encode(back))
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

/// The Atom feed of the search `params` (the same openings as its list page).
pub fn feed_href(lang: Lang, params: &SearchParams) -> String {
    format!("{}{}", path(route::OPENINGS_FEED, lang, &[]), query_string(params.to_pairs()))
}

/// Where "Back to the openings" leads: the list the reader came from (`back`, as the list's cards
/// pass it: `/{lang}/openings?…`, with its search and page), else the whole list.
pub fn back_to_list(lang: Lang, back: Option<String>) -> String {
    let is_list = |back: &str| {
        let rest = Lang::ALL.into_iter().find_map(|l| back.strip_prefix(&format!("/{}/openings", l.code())));
        rest.is_some_and(|rest| rest.is_empty() || rest.starts_with('?'))
            && !back.contains("//")
            && !back.chars().any(|c| c == '\\' || c.is_whitespace() || c.is_control())
    };
    back.filter(|back| is_list(back)).unwrap_or_else(|| path(route::OPENINGS, lang, &[]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_way_back_is_a_list_of_this_site_or_the_whole_list() {
        assert_eq!(
            back_to_list(Lang::Fr, Some("/fr/openings?q=quantique&page=2".into())),
            "/fr/openings?q=quantique&page=2"
        );
        for foreign in
            ["//evil.example/fr/openings", "/fr/openingsx", "javascript:alert(1)", "/fr/account", "/fr/openings?q=a b"]
        {
            assert_eq!(back_to_list(Lang::Fr, Some(foreign.into())), "/fr/openings", "{foreign}");
        }
        assert_eq!(back_to_list(Lang::Ko, None), "/ko/openings");
    }

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
}
