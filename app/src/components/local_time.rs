//! Moments (a decision, an application sent, a round's deadlines) in the reader's own time. The
//! server, which does not know where the reader is, writes them in UTC in the page's language
//! (`<time datetime data-local>`); in the browser the island [`LocalTimes`], once per page, writes
//! each again in the browser's time zone, with the zone named, and keeps the UTC form as a tooltip.

use leptos::prelude::*;

use crate::i18n::use_lang;

/// A moment given as RFC 3339, shown in UTC by the server and in local time by the browser.
#[component]
pub fn When(#[prop(into)] at: String) -> impl IntoView {
    let shown = chrono::DateTime::parse_from_rfc3339(&at)
        .map(|moment| l10n::format_utc_time(use_lang(), moment))
        .unwrap_or_else(|_| at.clone());
    view! { <time datetime=at data-local="">{shown}</time> }
}

/// Writes every `<time data-local>` of the page in the browser's time zone.
#[island]
pub fn LocalTimes() -> impl IntoView {
    Effect::new(move |_| in_browser::show_local_times());
}

#[cfg(feature = "hydrate")]
mod in_browser {
    use leptos::prelude::document;
    use leptos::wasm_bindgen::{JsCast, JsValue};

    /// The fields of the moment to show (`Intl.DateTimeFormat` options).
    const PARTS: [(&str, &str); 6] = [
        ("year", "numeric"),
        ("month", "long"),
        ("day", "numeric"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("timeZoneName", "short"),
    ];

    pub fn show_local_times() {
        let document = document();
        let lang = document.document_element().and_then(|html| html.get_attribute("lang")).unwrap_or_default();
        let options = js_sys::Object::new();
        for (key, value) in PARTS {
            let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
        }
        let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::of1(&lang.into()), &options).format();
        let Ok(moments) = document.query_selector_all("time[data-local]") else { return };
        for index in 0..moments.length() {
            let Some(element) = moments.item(index).and_then(|node| node.dyn_into::<web_sys::Element>().ok()) else {
                continue;
            };
            let Some(at) = element.get_attribute("datetime") else { continue };
            let moment = js_sys::Date::new(&JsValue::from_str(&at));
            if moment.get_time().is_nan() {
                continue;
            }
            let Some(local) = format.call1(&JsValue::UNDEFINED, &moment).ok().and_then(|text| text.as_string()) else {
                continue;
            };
            if let Some(utc) = element.text_content() {
                let _ = element.set_attribute("title", &utc);
            }
            element.set_text_content(Some(&local));
            let _ = element.remove_attribute("data-local");
        }
    }
}

#[cfg(not(feature = "hydrate"))]
mod in_browser {
    pub fn show_local_times() {}
}
