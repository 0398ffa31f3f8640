//! The reader's language inside the app, and message lookup.

use leptos::prelude::*;
use model::Lang;

/// The language of the page being rendered, provided by the layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Locale(pub Lang);

/// The current page's language.
pub fn use_lang() -> Lang {
    use_context::<Locale>().map_or_else(fallback_lang, |l| l.0)
}

/// The language to use when the URL names none of ours (a 404 under `/de/…`): negotiated from
/// the request (cookie, then `Accept-Language`). Islands take their language as a prop instead.
pub fn fallback_lang() -> Lang {
    #[cfg(feature = "ssr")]
    if let Some(parts) = use_context::<http::request::Parts>() {
        let header = |name: http::header::HeaderName| parts.headers.get(name).and_then(|v| v.to_str().ok());
        return model::lang::preferred(header(http::header::COOKIE), header(http::header::ACCEPT_LANGUAGE));
    }
    Lang::DEFAULT
}

/// A message in the current language.
pub fn tr(id: &str) -> String {
    l10n::t(use_lang(), id)
}

/// A message with arguments in the current language.
pub fn tr_args(id: &str, args: &l10n::Args<'_>) -> String {
    l10n::t_args(use_lang(), id, args)
}

/// The `days` argument of `opening-days-left`.
pub fn days_arg(days: i64) -> [(&'static str, l10n::FluentValue<'static>); 1] {
    [("days", l10n::FluentValue::from(days))]
}
