//! "Save this search", below a list page's results: the search (words and filters) becomes an
//! alert whose new openings come by e-mail, daily or weekly. Visitors are asked to sign in.

use leptos::prelude::*;
use model::alert::{Frequency, followed};
use model::dto::SearchParams;

use crate::components::form::{CsrfField, page_state};
use crate::i18n::{tr, use_lang};
use crate::url::{path, route, search_href, sign_in_then};

#[component]
pub fn SaveSearch(params: SearchParams) -> impl IntoView {
    let lang = use_lang();
    let saved = followed(&params);
    let here = search_href(lang, &params, params.page);
    view! {
        <section class="save-search" aria-labelledby="save-search-title">
            <h2 id="save-search-title">{tr("save-search-title")}</h2>
            <Suspense fallback=|| ()>
                {move || {
                    let (saved, here) = (saved.clone(), here.clone());
                    Suspend::new(async move {
                        let state = page_state().await;
                        if state.viewer.is_none() {
                            return view! { <p><a href=sign_in_then(lang, &here)>{tr("save-search-sign-in")}</a></p> }
                                .into_any();
                        }
                        let hidden = saved
                            .to_pairs()
                            .into_iter()
                            .filter(|(_, value)| !value.is_empty())
                            .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
                            .collect_view();
                        view! {
                            <form method="post" action=path(route::ALERTS, lang, &[]) class="inline-form">
                                <CsrfField token=state.csrf.clone() />
                                {hidden}
                                <FrequencyChoice id="save-search-frequency".to_string() selected=Frequency::Daily />
                                <button type="submit">{tr("save-search-button")}</button>
                            </form>
                        }
                        .into_any()
                    })
                }}
            </Suspense>
        </section>
    }
}

/// How often an alert comes: a labelled list, `selected` first chosen.
#[component]
pub fn FrequencyChoice(id: String, selected: Frequency) -> impl IntoView {
    let options = Frequency::ALL
        .iter()
        .map(|frequency| {
            view! {
                <option value=frequency.code() selected=*frequency == selected>{tr(frequency.message_id())}</option>
            }
        })
        .collect_view();
    view! {
        <label for=id.clone()>{tr("alert-frequency")}</label>
        <select id=id name="frequency">{options}</select>
    }
}
