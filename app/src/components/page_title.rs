//! The document's `<title>`. Every page sets it here: `leptos_meta` writes the server's
//! `<title>` text into `<head>` as it is (unescaped), so an opening titled
//! `</title><script>…` would run in every reader's browser. On the server the text is escaped
//! here; in the browser it is set as `document.title`, which takes plain text.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::i18n::tr;

/// The page's `<title>`, its description (the site's unless the page has its own) and the
/// Open Graph tags that link previews read.
#[component]
pub fn PageTitle(
    #[prop(into)] text: String,
    /// What this page is about, in a sentence or two (an opening's first lines).
    #[prop(optional, into)]
    description: Option<String>,
) -> impl IntoView {
    let description = description.unwrap_or_else(|| tr("meta-description"));
    view! {
        <Title text=for_head(text.clone()) />
        <Meta name="description" content=description.clone() />
        <Meta property="og:title" content=text />
        <Meta property="og:description" content=description />
        <Meta property="og:type" content="website" />
        <Meta property="og:site_name" content=tr("site-name") />
    }
}

/// The first sentences of `text` (Markdown) as plain text of at most `limit` characters, cut at
/// a word: what a search result or a link preview shows.
pub fn summary(text: &str, limit: usize) -> String {
    let plain: String = text.chars().map(|c| if "*_#>`[]".contains(c) { ' ' } else { c }).collect();
    let words: Vec<&str> = plain.split_whitespace().collect();
    let mut out = String::new();
    for word in words {
        if out.chars().count() + word.chars().count() + 1 > limit {
            out.push('…');
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(feature = "ssr")]
fn for_head(text: String) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(not(feature = "ssr"))]
fn for_head(text: String) -> String {
    text
}

#[cfg(test)]
mod summary_tests {
    #[test]
    fn a_summary_is_plain_text_cut_at_a_word() {
        assert_eq!(super::summary("**Bold** start of a _long_ text", 20), "Bold start of a long…");
        assert_eq!(super::summary("Short.", 160), "Short.");
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    #[test]
    fn markup_in_a_title_stays_text() {
        assert_eq!(
            super::for_head("a </title><script>x</script> & \"b\"".into()),
            "a &lt;/title&gt;&lt;script&gt;x&lt;/script&gt; &amp; &quot;b&quot;"
        );
    }
}
