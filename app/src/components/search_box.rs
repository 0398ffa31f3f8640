//! The search form: a plain GET form to `/{lang}/openings`, so it works without JavaScript.

use leptos::prelude::*;

use crate::i18n::{tr, use_lang};

#[component]
pub fn SearchBox(
    #[prop(into, optional)] query: String,
    /// More controls submitted with the query (the list page's filters).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let action = format!("/{}/openings", use_lang().code());
    view! {
        <form class="search-box" method="get" action=action role="search">
            <label for="search-q">{tr("search-label")}</label>
            <div class="search-box__row">
                <input
                    id="search-q"
                    type="search"
                    name="q"
                    value=query
                    placeholder=tr("search-placeholder")
                    autocomplete="off"
                    maxlength="500"
                />
                <button type="submit">{tr("search-submit")}</button>
            </div>
            {children.map(|children| children())}
        </form>
    }
}
