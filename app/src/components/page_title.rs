//! The document's `<title>`. Every page sets it here: `leptos_meta` writes the server's
//! `<title>` text into `<head>` as it is (unescaped), so an opening titled
//! `</title><script>…` would run in every reader's browser. On the server the text is escaped
//! here; in the browser it is set as `document.title`, which takes plain text.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PageTitle(#[prop(into)] text: String) -> impl IntoView {
    view! { <Title text=for_head(text) /> }
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
