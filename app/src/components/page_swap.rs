//! What the islands do to the page around them: fetch another page of this site and put its
//! regions (elements named by id) in place of the same regions here. A live search and a
//! switch of an opening's text language change the results or the text without reloading, while
//! the server alone draws them: the browser bundle carries no page's code and no messages.
//!
//! In the browser only; on the server every function here does nothing.

/// How the address bar follows a swap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    /// A new entry, which Back leaves (a filter changed, a search sent).
    Push,
    /// The same entry, rewritten (each pause in typing).
    Replace,
    /// Unchanged (the text language: the address names the page, not its reading).
    Keep,
}

/// Fetches `href` and, if it is still wanted when it arrives (`still_wanted`), puts its
/// `regions` in place of this page's, sets the title and the address, then runs `after` with the
/// fetched page. A page that cannot be fetched is loaded the ordinary way.
pub fn swap_from(
    href: String,
    regions: &'static [&'static str],
    history: History,
    still_wanted: impl Fn() -> bool + 'static,
    after: impl FnOnce() + 'static,
) {
    #[cfg(feature = "hydrate")]
    leptos::task::spawn_local(async move {
        let Some(page) = browser::fetch_page(&href).await else {
            let _ = leptos::prelude::window().location().set_href(&href);
            return;
        };
        if !still_wanted() {
            return;
        }
        browser::replace_regions(&page, regions);
        browser::set_address(&href, history);
        after();
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (href, regions, history, still_wanted, after);
}

/// The text of the first element of the current page that `selector` matches.
pub fn text_of(selector: &str) -> Option<String> {
    #[cfg(feature = "hydrate")]
    return leptos::prelude::document().query_selector(selector).ok().flatten().and_then(|e| e.text_content());
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = selector;
        None
    }
}

/// Moves the keyboard focus to the element with `id`.
pub fn focus(id: &str) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        let element = leptos::prelude::document().get_element_by_id(id);
        if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = element.focus();
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = id;
}

#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::{document, window};
    use leptos::wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    use super::History;

    /// The page at `href`, parsed. A refused search (400) is a page too: it says what is wrong.
    pub async fn fetch_page(href: &str) -> Option<web_sys::Document> {
        let response = JsFuture::from(window().fetch_with_str(href)).await.ok()?;
        let response: web_sys::Response = response.dyn_into().ok()?;
        if !(response.ok() || response.status() == 400) || response.redirected() {
            return None;
        }
        let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string()?;
        web_sys::DomParser::new().ok()?.parse_from_string(&text, web_sys::SupportedType::TextHtml).ok()
    }

    /// Each region's content (and language) here becomes the fetched page's; the title follows.
    /// The content comes from this site's server, which escaped and sanitised it.
    pub fn replace_regions(page: &web_sys::Document, regions: &[&str]) {
        let here = document();
        for id in regions {
            let (Some(old), Some(new)) = (here.get_element_by_id(id), page.get_element_by_id(id)) else { continue };
            old.set_inner_html(&new.inner_html());
            match new.get_attribute("lang") {
                Some(lang) => old.set_attribute("lang", &lang).unwrap_or_default(),
                None => old.remove_attribute("lang").unwrap_or_default(),
            }
        }
        here.set_title(&page.title());
    }

    pub fn set_address(href: &str, history: History) {
        let Ok(bar) = window().history() else { return };
        let _ = match history {
            History::Push => bar.push_state_with_url(&JsValue::NULL, "", Some(href)),
            History::Replace => bar.replace_state_with_url(&JsValue::NULL, "", Some(href)),
            History::Keep => Ok(()),
        };
    }
}
