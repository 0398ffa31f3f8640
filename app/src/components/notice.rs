//! What a page says after a redirect that did something (`?saved=1`).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::i18n::tr;

/// The first of `notices` (a query key and a Fluent id) whose key the page's URL has.
#[component]
pub fn DoneNotice(notices: &'static [(&'static str, &'static str)]) -> impl IntoView {
    let query = use_query_map();
    let query = query.read_untracked();
    notices
        .iter()
        .find(|(key, _)| query.get(key).is_some())
        .map(|(_, id)| view! { <p class="notice notice--info" role="status">{tr(id)}</p> })
}
