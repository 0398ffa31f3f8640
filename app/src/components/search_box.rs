//! The search form. Without JavaScript it is a plain GET form to `/{lang}/openings`. In the
//! browser (an island: the only code of the page that is), it suggests completions as the
//! searcher types (an ARIA combobox: arrows move, Enter picks, Escape closes), and on the list
//! page (`live`) the results and the filters follow the typing and the filters' changes: the
//! server draws the list page for the new search and its regions replace these (see
//! [`page_swap`](super::page_swap)), the address kept in step so that the search can be shared
//! and Back works.

use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use model::Lang;
use model::dto::{MAX_SUGGESTIONS, SearchParams};
use serde::{Deserialize, Serialize};

use super::page_swap::{self, History};
use crate::api::suggest_searches;
use crate::i18n::{tr, tr_args, use_lang};
use crate::url::{path, query_string, route, search_href};

/// The regions of the list page that a live search replaces: the filters (their counts follow
/// the search) and the results.
pub const LIVE_REGIONS: &[&str] = &[FILTERS_REGION, RESULTS_REGION];
pub const FILTERS_REGION: &str = "search-filters";
pub const RESULTS_REGION: &str = "search-results";
/// What a live search announces once new results are in: the list page's count.
const COUNT_SELECTOR: &str = ".results__count";

/// Pause in typing after which suggestions are fetched and live results follow.
const DEBOUNCE: Duration = Duration::from_millis(200);
const LISTBOX_ID: &str = "search-suggestions";

fn option_id(index: usize) -> String {
    format!("search-suggestion-{index}")
}

/// The search that the form's controls state now (unknown or bad values are dropped by the
/// list page, which reports them).
fn form_search(form: &web_sys::HtmlFormElement) -> Vec<(&'static str, String)> {
    let Ok(data) = web_sys::FormData::new_with_form(form) else { return Vec::new() };
    SearchParams::KEYS.iter().filter_map(|key| data.get(key).as_string().map(|value| (*key, value))).collect()
}

/// The address of the search the form states now.
fn form_href(lang: Lang, form: &web_sys::HtmlFormElement) -> String {
    let pairs = form_search(form);
    match SearchParams::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str()))) {
        Ok(params) => search_href(lang, &params, 1),
        // Let the list page explain what is wrong.
        Err(_) => format!("{}{}", path(route::OPENINGS, lang, &[]), query_string(pairs)),
    }
}

/// What the box says, drawn on the server in the page's language: the bundle carries no messages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchBoxTexts {
    label: String,
    placeholder: String,
    submit: String,
    suggestions: String,
    /// What is announced when `n` suggestions are listed, at `n - 1`.
    suggestion_counts: Vec<String>,
}

impl SearchBoxTexts {
    fn in_page_language() -> Self {
        Self {
            label: tr("search-label"),
            placeholder: tr("search-placeholder"),
            submit: tr("search-submit"),
            suggestions: tr("search-suggestions"),
            suggestion_counts: (1..=MAX_SUGGESTIONS)
                .map(|count| tr_args("search-suggestions-count", &[("count", count.into())]))
                .collect(),
        }
    }
}

/// The search box. `query`: what the page was loaded with; `live`: results follow the typing and
/// the filters (the list page); `children`: more controls sent with the query (its filters).
#[component]
pub fn SearchBox(
    #[prop(into, optional)] query: String,
    #[prop(optional)] live: bool,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let (lang, texts) = (use_lang(), SearchBoxTexts::in_page_language());
    view! { <SearchForm lang texts query live>{children.map(|children| children())}</SearchForm> }
}

#[island]
fn SearchForm(lang: Lang, texts: SearchBoxTexts, query: String, live: bool, children: Children) -> impl IntoView {
    let form_ref = NodeRef::<html::Form>::new();
    let input_ref = NodeRef::<html::Input>::new();
    let suggestions = RwSignal::new(Vec::<String>::new());
    let active = RwSignal::new(None::<usize>);
    let expanded = RwSignal::new(false);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    // Each live search is numbered: an answer to an older one, arriving late, is dropped.
    let latest = StoredValue::new(0_u64);
    let results_said = RwSignal::new(String::new());

    // A pending keystroke's work never outlives the box: it is cancelled when the search is sent,
    // and what runs late finds the box gone and does nothing (reading a disposed signal would panic).
    let cancel_pending = move || {
        if let Some(Some(handle)) = timer.try_get_value() {
            handle.clear();
        }
    };
    on_cleanup(cancel_pending);

    // Shows the search at `href`: in place on the list page (then `refocus` gets the keyboard
    // back, as the filters are drawn anew), else by going there.
    let show = move |href: String, history: History, refocus: Option<String>| {
        if !live {
            let _ = window().location().set_href(&href);
            return;
        }
        let number = latest.get_value() + 1;
        latest.set_value(number);
        let unfolded = filters_unfolded();
        page_swap::swap_from(
            href,
            LIVE_REGIONS,
            history,
            move || latest.try_get_value() == Some(number),
            move || {
                set_filters_unfolded(unfolded);
                if let Some(id) = refocus {
                    page_swap::focus(&id);
                }
                results_said.try_set(page_swap::text_of(COUNT_SELECTOR).unwrap_or_default());
            },
        );
    };
    let go = move |history: History, refocus: Option<String>| {
        let Some(form) = form_ref.get_untracked() else { return };
        show(form_href(lang, &form), history, refocus);
    };
    // Back and Forward between live searches: the list page follows the address.
    if live {
        let on_history = window_event_listener(leptos::ev::popstate, move |_| {
            let href = window().location().href().unwrap_or_default();
            if let (Some(input), Ok(url)) = (input_ref.get_untracked(), web_sys::Url::new(&href)) {
                input.set_value(&url.search_params().get("q").unwrap_or_default());
            }
            show(href, History::Keep, None);
        });
        on_cleanup(move || on_history.remove());
    }

    let close = move || {
        expanded.set(false);
        active.set(None);
    };
    let pick = move |index: usize| {
        let Some(text) = suggestions.with_untracked(|list| list.get(index).cloned()) else { return };
        if let Some(input) = input_ref.get_untracked() {
            input.set_value(&text);
        }
        cancel_pending();
        close();
        go(History::Push, None);
    };

    let on_input = move |_| {
        cancel_pending();
        let handle = set_timeout_with_handle(
            move || {
                let Some(typed) = input_ref.try_get_untracked().flatten().map(|input| input.value()) else { return };
                if live {
                    go(History::Replace, None);
                }
                leptos::task::spawn_local(async move {
                    let found = suggest_searches(lang, typed.clone()).await.unwrap_or_default();
                    // A slower answer to an earlier keystroke must not replace a newer one.
                    let current = input_ref.try_get_untracked().flatten().map(|input| input.value());
                    if current.as_ref() == Some(&typed) {
                        expanded.try_set(!found.is_empty());
                        active.try_set(None);
                        suggestions.try_set(found);
                    }
                });
            },
            DEBOUNCE,
        );
        timer.set_value(handle.ok());
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        let count = suggestions.with_untracked(Vec::len);
        let open = expanded.get_untracked() && count > 0;
        match ev.key().as_str() {
            "ArrowDown" if count > 0 => {
                ev.prevent_default();
                expanded.set(true);
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % count)));
            }
            "ArrowUp" if open => {
                ev.prevent_default();
                active.update(|a| *a = Some(a.map_or(count - 1, |i| (i + count - 1) % count)));
            }
            "Enter" if open => {
                if let Some(index) = active.get_untracked() {
                    ev.prevent_default();
                    pick(index);
                }
            }
            "Escape" if open => {
                ev.prevent_default();
                close();
            }
            _ => {}
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        cancel_pending();
        close();
        go(History::Push, None);
    };
    // Filters apply as soon as they change; the text box has its own timing.
    let on_change = move |ev: leptos::ev::Event| {
        let id = event_target::<web_sys::Element>(&ev).id();
        if live && id != "search-q" {
            go(History::Push, Some(id));
        }
    };

    let options = move || {
        suggestions
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, text)| {
                let selected = move || active.get() == Some(index);
                view! {
                    <li
                        id=option_id(index)
                        role="option"
                        class="suggestions__option"
                        aria-selected=move || selected().to_string()
                        on:mousedown=move |ev| {
                            ev.prevent_default();
                            pick(index);
                        }
                    >
                        {text}
                    </li>
                }
            })
            .collect_view()
    };
    let counts = texts.suggestion_counts;
    let announcement = move || {
        let count = suggestions.with(Vec::len);
        (expanded.get() && count > 0).then(|| counts.get(count - 1).cloned().unwrap_or_default())
    };

    // The input is `type="text"`, not `search`: HTML allows the combobox role only on text inputs.
    view! {
        <form
            class="search-box"
            method="get"
            action=path(route::OPENINGS, lang, &[])
            role="search"
            node_ref=form_ref
            on:submit=on_submit
            on:change=on_change
        >
            <label for="search-q">{texts.label}</label>
            <div class="search-box__row">
                <div class="search-box__field">
                    <input
                        id="search-q"
                        type="text"
                        enterkeyhint="search"
                        name="q"
                        value=query
                        placeholder=texts.placeholder
                        autocomplete="off"
                        maxlength="500"
                        role="combobox"
                        aria-autocomplete="list"
                        aria-controls=LISTBOX_ID
                        aria-expanded=move || expanded.get().to_string()
                        aria-activedescendant=move || active.get().map(option_id)
                        node_ref=input_ref
                        on:input=on_input
                        on:keydown=on_keydown
                        on:blur=move |_| close()
                    />
                    <ul id=LISTBOX_ID role="listbox" class="suggestions" aria-label=texts.suggestions hidden=move || !expanded.get()>
                        {options}
                    </ul>
                </div>
                <button type="submit">{texts.submit}</button>
            </div>
            <p class="visually-hidden" role="status">{announcement}</p>
            {live.then(|| view! { <p class="visually-hidden" role="status">{move || results_said.get()}</p> })}
            {children()}
        </form>
    }
}

/// Whether the filters panel is unfolded now (it is drawn anew with each live search's results,
/// and must stay as the reader left it).
fn filters_unfolded() -> bool {
    filters_panel().is_some_and(|panel| panel.open())
}

fn set_filters_unfolded(unfolded: bool) {
    if let Some(panel) = filters_panel() {
        panel.set_open(unfolded);
    }
}

fn filters_panel() -> Option<web_sys::HtmlDetailsElement> {
    use leptos::wasm_bindgen::JsCast;
    document().query_selector(".filters-panel").ok().flatten().and_then(|e| e.dyn_into().ok())
}
