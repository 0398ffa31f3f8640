//! Building links: every path of the site in one place ([`route`]), which the server's router
//! matches, pages fill in ([`path`]) for their links and form actions, and e-mails use for
//! theirs; percent-encoding and query strings.

use std::fmt::Display;

use crate::Lang;
use crate::dto::SearchParams;

/// Every path of the site under a language, as axum's router matches it (`{…}` is a segment).
pub mod route {
    pub const HOME: &str = "/{lang}/";
    pub const OPENINGS: &str = "/{lang}/openings";
    pub const OPENINGS_FEED: &str = "/{lang}/openings/feed.atom";
    pub const OPENING: &str = "/{lang}/openings/{id}";
    pub const REPORT_OPENING: &str = "/{lang}/openings/{id}/report";
    pub const OPENING_DEADLINE: &str = "/{lang}/openings/{id}/deadline.ics";
    pub const APPLY: &str = "/{lang}/openings/{id}/apply";
    pub const DISMISS_OPENING: &str = "/{lang}/openings/{id}/dismiss";
    pub const KEEP_OPENING: &str = "/{lang}/openings/{id}/save";
    pub const SAVED: &str = "/{lang}/saved";
    pub const PROFILE: &str = "/{lang}/profile";
    pub const ALERTS: &str = "/{lang}/alerts";
    pub const ALERT: &str = "/{lang}/alerts/{id}";
    pub const UNSUBSCRIBE: &str = "/{lang}/alerts/unsubscribe/{key}";
    pub const PROFILE_CV: &str = "/{lang}/profile/cv";
    pub const CV: &str = "/{lang}/cv/{id}";
    pub const APPLICATIONS: &str = "/{lang}/applications";
    pub const MOVE_APPLICATION: &str = "/{lang}/applications/{id}/status";
    pub const SIGN_UP: &str = "/{lang}/signup";
    pub const LOG_IN: &str = "/{lang}/login";
    pub const LOG_OUT: &str = "/{lang}/logout";
    pub const CONFIRM: &str = "/{lang}/confirm";
    pub const FORGOT: &str = "/{lang}/forgot";
    pub const RESET: &str = "/{lang}/reset";
    pub const ACCOUNT: &str = "/{lang}/account";
    pub const RESEND_CONFIRMATION: &str = "/{lang}/account/confirm";
    pub const CHANGE_PASSWORD: &str = "/{lang}/account/password";
    pub const JOIN: &str = "/{lang}/account/join";
    pub const ADD_INSTITUTION: &str = "/{lang}/account/institution";
    pub const POSTINGS: &str = "/{lang}/postings";
    pub const NEW_POSTING: &str = "/{lang}/postings/new";
    pub const POSTING: &str = "/{lang}/postings/{id}";
    pub const EDIT_POSTING: &str = "/{lang}/postings/{id}/edit";
    pub const CLOSE_POSTING: &str = "/{lang}/postings/{id}/close";
    pub const DISCARD_UNFINISHED: &str = "/{lang}/postings/unfinished/{id}/discard";
    pub const POSTING_APPLICATIONS: &str = "/{lang}/postings/{id}/applications";
    pub const POSTING_APPLICATIONS_CSV: &str = "/{lang}/postings/{id}/applications.csv";
    pub const CANDIDATES: &str = "/{lang}/postings/{id}/candidates";
    pub const INVITE: &str = "/{lang}/postings/{id}/candidates/{account}/invite";
    pub const INSTITUTION: &str = "/{lang}/institutions/{slug}";
    pub const MEMBERS: &str = "/{lang}/institutions/{slug}/members";
    pub const CHANGE_MEMBER: &str = "/{lang}/institutions/{slug}/members/{id}/{change}";
    pub const ROUNDS: &str = "/{lang}/rounds";
    pub const NEW_ROUND: &str = "/{lang}/rounds/new";
    pub const ROUND: &str = "/{lang}/rounds/{id}";
    pub const RANK_OPENINGS: &str = "/{lang}/rounds/{id}/ranking";
    pub const RANK_APPLICANTS: &str = "/{lang}/rounds/{id}/openings/{opening}";
    pub const CLOSE_ROUND: &str = "/{lang}/rounds/{id}/close";
    pub const PUBLISH_ROUND: &str = "/{lang}/rounds/{id}/publish";
    pub const ANONYMISE_ROUND: &str = "/{lang}/rounds/{id}/anonymised";
    pub const ADMIN: &str = "/{lang}/admin";
    pub const REVIEW_QUEUE: &str = "/{lang}/admin/review";
    pub const DECIDE: &str = "/{lang}/admin/review/{id}";
    pub const ADMIN_INSTITUTIONS: &str = "/{lang}/admin/institutions";
    pub const VERIFY_INSTITUTION: &str = "/{lang}/admin/institutions/{slug}/verify";
    pub const NAME_ADMIN: &str = "/{lang}/admin/institutions/{slug}/admins";
    pub const REPORTS: &str = "/{lang}/admin/reports";
    pub const RESOLVE_REPORT: &str = "/{lang}/admin/reports/{id}/resolve";
    pub const ACCOUNTS: &str = "/{lang}/admin/accounts";
    pub const SUSPEND: &str = "/{lang}/admin/accounts/{id}/suspend";
    pub const REINSTATE: &str = "/{lang}/admin/accounts/{id}/reinstate";
    pub const AUDIT: &str = "/{lang}/admin/audit";
}

/// The path of `pattern` (one of [`route`]) in `lang`, its other segments filled in order with
/// `values`: `path(route::POSTING, Lang::Fr, &[&12])` is `/fr/postings/12`.
pub fn path(pattern: &str, lang: Lang, values: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut values = values.iter();
    let mut rest = pattern;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = rest[start..].find('}').map_or(rest.len(), |end| start + end + 1);
        match &rest[start..end] {
            "{lang}" => out.push_str(lang.code()),
            _ => {
                if let Some(value) = values.next() {
                    out.push_str(&value.to_string());
                }
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

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
    format!("{}{query}", path(route::OPENINGS, lang, &[]))
}

/// The posting form filled with the unfinished posting `id`, to take it up again (with the
/// notice that it was just saved when `saved`).
pub fn unfinished_href(lang: Lang, id: i64, saved: bool) -> String {
    let saved = if saved { "&saved=unfinished" } else { "" };
    format!("{}?draft={id}{saved}", path(route::NEW_POSTING, lang, &[]))
}

/// An opening's page on the site at `origin` (for the JSON API and feeds).
pub fn opening_url(origin: &str, lang: Lang, id: i64) -> String {
    format!("{origin}{}", path(route::OPENING, lang, &[&id]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_fill_their_segments_in_order() {
        assert_eq!(path(route::POSTING, Lang::Fr, &[&12]), "/fr/postings/12");
        assert_eq!(
            path(route::CHANGE_MEMBER, Lang::Ko, &[&"kaist", &7, &"readmit"]),
            "/ko/institutions/kaist/members/7/readmit"
        );
        assert_eq!(path(route::HOME, Lang::En, &[]), "/en/");
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
