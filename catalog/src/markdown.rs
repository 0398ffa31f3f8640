//! Descriptions are written in a small, safe Markdown subset: paragraphs, emphasis, lists,
//! quotes, headings (shown one level under the page's own), inline code and code blocks, and
//! links to `http(s)` or `mailto` addresses. Rendering is a whitelist: the parser's events are
//! turned into those tags only, with every text escaped; raw HTML is shown as text, images as
//! their description, other links as their text. Nothing else can reach the page.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// The HTML for a description written in Markdown.
pub fn render(markdown: &str) -> String {
    let mut html = String::with_capacity(markdown.len() + markdown.len() / 4);
    // Links that were refused: their closing tag is skipped too.
    let mut refused_links: Vec<bool> = Vec::new();
    let mut in_image = 0usize;
    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(tag) => open(&tag, &mut html, &mut refused_links, &mut in_image),
            Event::End(tag) => close(tag, &mut html, &mut refused_links, &mut in_image),
            Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => escape(&text, &mut html),
            Event::Code(code) => {
                html.push_str("<code>");
                escape(&code, &mut html);
                html.push_str("</code>");
            }
            Event::SoftBreak => html.push('\n'),
            Event::HardBreak if in_image == 0 => html.push_str("<br>"),
            Event::Rule => html.push_str("<hr>"),
            _ => {}
        }
    }
    html
}

/// The words of a description without its Markdown, for passages shown in search results
/// (they are text, never HTML). Text without Markdown's marks comes back as it is.
pub fn plain_text(markdown: &str) -> std::borrow::Cow<'_, str> {
    if !markdown.contains(['*', '_', '#', '[', '`', '<', '>', '~']) && !markdown.contains("\n-") {
        return std::borrow::Cow::Borrowed(markdown);
    }
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Text(words) | Event::Code(words) | Event::Html(words) | Event::InlineHtml(words) => {
                text.push_str(&words);
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::CodeBlock) => text.push('\n'),
            _ => {}
        }
    }
    std::borrow::Cow::Owned(text)
}

fn open(tag: &Tag<'_>, html: &mut String, refused_links: &mut Vec<bool>, in_image: &mut usize) {
    if *in_image > 0 {
        return;
    }
    match tag {
        Tag::Paragraph => html.push_str("<p>"),
        Tag::Heading { level, .. } => html.push_str(heading(*level).0),
        Tag::BlockQuote(_) => html.push_str("<blockquote>"),
        Tag::CodeBlock(CodeBlockKind::Fenced(_) | CodeBlockKind::Indented) => html.push_str("<pre><code>"),
        Tag::List(None) => html.push_str("<ul>"),
        Tag::List(Some(_)) => html.push_str("<ol>"),
        Tag::Item => html.push_str("<li>"),
        Tag::Emphasis => html.push_str("<em>"),
        Tag::Strong => html.push_str("<strong>"),
        Tag::Strikethrough => html.push_str("<del>"),
        Tag::Link { dest_url, .. } => {
            let allowed = is_safe_url(dest_url);
            if allowed {
                html.push_str("<a href=\"");
                escape(dest_url, html);
                html.push_str("\" rel=\"nofollow noopener\">");
            }
            refused_links.push(!allowed);
        }
        // An image shows as its description: no pictures fetched from elsewhere.
        Tag::Image { .. } => *in_image += 1,
        _ => {}
    }
}

fn close(tag: TagEnd, html: &mut String, refused_links: &mut Vec<bool>, in_image: &mut usize) {
    if let TagEnd::Image = tag {
        *in_image = in_image.saturating_sub(1);
        return;
    }
    if *in_image > 0 {
        return;
    }
    match tag {
        TagEnd::Paragraph => html.push_str("</p>\n"),
        TagEnd::Heading(level) => html.push_str(heading(level).1),
        TagEnd::BlockQuote(_) => html.push_str("</blockquote>\n"),
        TagEnd::CodeBlock => html.push_str("</code></pre>\n"),
        TagEnd::List(false) => html.push_str("</ul>\n"),
        TagEnd::List(true) => html.push_str("</ol>\n"),
        TagEnd::Item => html.push_str("</li>\n"),
        TagEnd::Emphasis => html.push_str("</em>"),
        TagEnd::Strong => html.push_str("</strong>"),
        TagEnd::Strikethrough => html.push_str("</del>"),
        // A refused link drew no `<a>` to close.
        TagEnd::Link => html.push_str(if refused_links.pop() == Some(false) { "</a>" } else { "" }),
        _ => {}
    }
}

/// The page's title is its `h1` and its sections are `h2`: a description's headings come under.
fn heading(level: HeadingLevel) -> (&'static str, &'static str) {
    match level {
        HeadingLevel::H1 | HeadingLevel::H2 => ("<h3>", "</h3>\n"),
        _ => ("<h4>", "</h4>\n"),
    }
}

fn is_safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"))
        && !url.chars().any(|c| c.is_control() || c.is_whitespace())
}

fn escape(text: &str, html: &mut String) {
    for c in text.chars() {
        match c {
            '&' => html.push_str("&amp;"),
            '<' => html.push_str("&lt;"),
            '>' => html.push_str("&gt;"),
            '"' => html.push_str("&quot;"),
            '\'' => html.push_str("&#39;"),
            _ => html.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::render;

    #[test]
    fn the_subset_renders() {
        let html = render(
            "## Project\n\nWe offer **funding** and *housing*:\n\n- travel\n- a desk\n\n[Apply](https://kaist.ac.kr/apply)",
        );
        assert_eq!(
            html,
            "<h3>Project</h3>\n<p>We offer <strong>funding</strong> and <em>housing</em>:</p>\n<ul><li>travel</li>\n<li>a desk</li>\n</ul>\n<p><a href=\"https://kaist.ac.kr/apply\" rel=\"nofollow noopener\">Apply</a></p>\n"
        );
    }

    #[test]
    fn nothing_unsafe_gets_through() {
        let attacks = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "![x\" onerror=\"alert(1)](https://evil.example/x.png)",
            "<a href=\"https://x\" onclick=\"alert(1)\">x</a>",
            "[x](https://example.org/\"onmouseover=\"alert(1))",
            "<iframe src=https://evil.example></iframe>",
            "`<b>` and ```\n<script>\n```",
        ];
        for attack in attacks {
            let html = render(attack);
            for bad in [
                "<script",
                "<img",
                "<iframe",
                "javascript:",
                "data:",
                "onerror=\"",
                "onclick=\"",
                "<a href=\"https://x\"",
            ] {
                assert!(!html.to_ascii_lowercase().contains(&bad.to_ascii_lowercase()), "{attack} → {html}");
            }
        }
        assert_eq!(render("![a map](https://evil.example/x.png)"), "<p>a map</p>\n");
        assert_eq!(render("[see](ftp://x.example)"), "<p>see</p>\n");
    }

    #[test]
    fn passages_lose_the_marks_but_keep_the_words() {
        assert_eq!(
            super::plain_text("We offer **funding**:\n\n- travel\n- [a desk](https://x.example)"),
            "We offer funding:\ntravel\na desk\n"
        );
        assert!(matches!(super::plain_text("No marks here."), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn plain_text_stays_as_written() {
        assert_eq!(
            render("양자 오류 정정.\n\nSecond < third & fourth."),
            "<p>양자 오류 정정.</p>\n<p>Second &lt; third &amp; fourth.</p>\n"
        );
    }
}
