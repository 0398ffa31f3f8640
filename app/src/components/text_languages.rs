//! "Read in: Français · English · 한국어" on an opening written in several languages. Each is a
//! link to `?text=…`, which the server answers with the page in that reading; in the browser (an
//! island) the link only replaces the opening's text with the server's, without reloading.

use leptos::prelude::*;
use model::Lang;

use super::page_swap::{self, History};

/// The region a switch replaces: the opening's title and description.
pub const TEXT_REGION: &str = "opening-text";

/// `languages`: the opening's, each with its own name for itself; `shown`: the one on the page;
/// `label`: "Read in", in the page's language.
#[island]
pub fn TextLanguages(languages: Vec<(Lang, String)>, shown: Lang, label: String) -> impl IntoView {
    let shown = RwSignal::new(shown);
    let links = languages
        .into_iter()
        .map(|(text_lang, name)| {
            let href = format!("?text={}", text_lang.code());
            let current = move || (shown.get() == text_lang).then_some("true");
            let switch = {
                let href = href.clone();
                move |ev: leptos::ev::MouseEvent| {
                    ev.prevent_default();
                    shown.set(text_lang);
                    let still_wanted = move || shown.try_get_untracked() == Some(text_lang);
                    page_swap::swap_from(href.clone(), &[TEXT_REGION], History::Keep, still_wanted, || ());
                }
            };
            view! {
                <li>
                    <a href=href lang=text_lang.code() hreflang=text_lang.code() aria-current=current on:click=switch>
                        {name}
                    </a>
                </li>
            }
        })
        .collect_view();
    let name = label.clone();
    view! {
        <nav class="text-langs" aria-label=name>
            <span class="text-langs__label">{label}</span>
            <ul>{links}</ul>
        </nav>
    }
}
