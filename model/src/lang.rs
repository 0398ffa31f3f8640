use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// An interface language. The order is the display order of the switcher.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Lang {
    Fr,
    En,
    Ko,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fr, Lang::En, Lang::Ko];
    /// Used when nothing else tells us what the reader wants.
    pub const DEFAULT: Lang = Lang::En;

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// Parses a URL segment or a stored code; exact and lowercase, as URLs are.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            "ko" => Some(Lang::Ko),
            _ => None,
        }
    }

    /// Matches a BCP 47 tag such as `fr-CA` or `ko` by its primary subtag.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Lang::from_code(&primary.to_ascii_lowercase())
    }

    /// Picks the best language from an `Accept-Language` header, honouring q-values.
    /// Returns `None` when the header names none of ours.
    pub fn negotiate(accept_language: &str) -> Option<Lang> {
        let mut best: Option<(f32, usize, Lang)> = None;
        for (position, item) in accept_language.split(',').enumerate() {
            let mut parts = item.split(';');
            let Some(lang) = parts.next().and_then(Lang::from_tag) else {
                continue;
            };
            let quality = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
                .filter(|q| q.is_finite() && *q > 0.0);
            let Some(quality) = quality else { continue };
            // Highest quality wins; on a tie the earlier entry wins.
            let better = match best {
                None => true,
                Some((q, pos, _)) => quality > q || (quality == q && position < pos),
            };
            if better {
                best = Some((quality, position, lang));
            }
        }
        best.map(|(_, _, lang)| lang)
    }
}

/// The cookie that remembers a reader's choice of language.
pub const LANG_COOKIE: &str = "passerelle_lang";

/// The reader's language from request headers: an explicit choice remembered in the cookie
/// first, then the browser's `Accept-Language`, then the default.
pub fn preferred(cookie_header: Option<&str>, accept_language: Option<&str>) -> Lang {
    let from_cookie = cookie_header.and_then(|header| cookie(header, LANG_COOKIE)).and_then(Lang::from_code);
    from_cookie.or_else(|| accept_language.and_then(Lang::negotiate)).unwrap_or(Lang::DEFAULT)
}

/// The value of cookie `name` in a `Cookie` request header.
pub fn cookie<'h>(cookie_header: &'h str, name: &str) -> Option<&'h str> {
    cookie_header.split(';').find_map(|pair| {
        let (key, value) = pair.trim().split_once('=')?;
        (key == name).then_some(value.trim())
    })
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A text given in one or more languages (an opening's title, an institution's name).
pub type Texts = BTreeMap<Lang, String>;

/// Chooses what a reader of `wanted` sees from `texts`: their language when present, else the
/// original language, else any. Returns the language actually shown.
pub fn pick(texts: &Texts, wanted: Lang, original: Lang) -> Option<(Lang, &str)> {
    [wanted, original]
        .into_iter()
        .find_map(|lang| texts.get(&lang).map(|t| (lang, t.as_str())))
        .or_else(|| texts.iter().next().map(|(l, t)| (*l, t.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_follows_quality_values() {
        assert_eq!(Lang::negotiate("ko-KR,ko;q=0.9,en;q=0.8"), Some(Lang::Ko));
        assert_eq!(Lang::negotiate("de-DE,fr;q=0.5,en;q=0.7"), Some(Lang::En));
        assert_eq!(Lang::negotiate("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::negotiate("de, it"), None);
        assert_eq!(Lang::negotiate("en;q=0, ko;q=0.1"), Some(Lang::Ko));
        assert_eq!(Lang::negotiate(""), None);
        assert_eq!(Lang::negotiate("fr;q=abc, en"), Some(Lang::En));
    }

    #[test]
    fn a_remembered_choice_beats_the_browser() {
        assert_eq!(preferred(Some("a=1; passerelle_lang=ko"), Some("fr")), Lang::Ko);
        assert_eq!(preferred(Some("passerelle_lang=xx"), Some("fr-CA")), Lang::Fr);
        assert_eq!(preferred(None, Some("de")), Lang::En);
        assert_eq!(preferred(None, None), Lang::En);
    }

    #[test]
    fn pick_prefers_reader_then_original() {
        let texts: Texts = [(Lang::Ko, "가".to_string()), (Lang::En, "a".to_string())].into();
        assert_eq!(pick(&texts, Lang::Ko, Lang::En), Some((Lang::Ko, "가")));
        assert_eq!(pick(&texts, Lang::Fr, Lang::En), Some((Lang::En, "a")));
        assert_eq!(pick(&texts, Lang::Fr, Lang::Fr), Some((Lang::En, "a")));
        assert_eq!(pick(&Texts::new(), Lang::Fr, Lang::Fr), None);
    }
}
