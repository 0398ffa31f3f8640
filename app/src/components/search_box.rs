//! The search form. Without JavaScript it is a plain GET form to `/{lang}/openings`. Hydrated, it
//! suggests completions as the searcher types (an ARIA combobox: arrows move, Enter picks, Escape
//! closes), and on the list page (`live`) the results follow the typing and the filters, with the
//! URL kept in step so that the search can be shared and the back button works.

use std::time::Duration;

use leptos::html;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use model::dto::SearchParams;

use crate::api::suggest_searches;
use crate::i18n::{tr, tr_args, use_lang};
use crate::url::{path, route};
use crate::url::{query_string, search_href};

/// The id of the filter that the searcher just changed: the filters are drawn anew with the
/// results, and this puts the keyboard focus back where it was.
#[derive(Clone, Copy)]
pub struct RefocusFilter(pub StoredValue<Option<String>>);

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

#[component]
pub fn SearchBox(
    /// The query the page was loaded with; kept in the box when the URL changes by navigation.
    #[prop(into, optional)]
    query: Signal<String>,
    /// Results follow typing and filter changes (the list page).
    #[prop(optional)]
    live: bool,
    /// More controls submitted with the query (the list page's filters).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let lang = use_lang();
    let action = path(route::OPENINGS, lang, &[]);
    let form_ref = NodeRef::<html::Form>::new();
    let input_ref = NodeRef::<html::Input>::new();
    let suggestions = RwSignal::new(Vec::<String>::new());
    let active = RwSignal::new(None::<usize>);
    let expanded = RwSignal::new(false);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    let navigate = use_navigate();
    let refocus = StoredValue::new(None::<String>);
    provide_context(RefocusFilter(refocus));

    // A pending keystroke's work never outlives the box: it is cancelled when the search is sent
    // or the page changes, and what runs late finds the box gone and does nothing (reading a
    // disposed signal would panic).
    let cancel_pending = move || {
        if let Some(Some(handle)) = timer.try_get_value() {
            handle.clear();
        }
    };
    on_cleanup(cancel_pending);

    // Navigation (back, forward, a link) changes the query: show it, unless the searcher is typing.
    Effect::new(move |_| {
        let query = query.get();
        if let Some(input) = input_ref.get()
            && input.value() != query
            && document().active_element().as_ref() != Some(input.as_ref())
        {
            input.set_value(&query);
        }
    });

    let list_path = action.clone();
    let go = Callback::new(move |replace: bool| {
        let Some(form) = form_ref.get_untracked() else { return };
        let pairs = form_search(&form);
        let href = match SearchParams::from_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str()))) {
            Ok(params) => search_href(lang, &params, 1),
            // Let the list page explain what is wrong.
            Err(_) => format!("{list_path}{}", query_string(pairs)),
        };
        navigate(&href, NavigateOptions { replace, scroll: false, ..NavigateOptions::default() });
    });
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
        go.run(false);
    };

    let on_input = move |_| {
        cancel_pending();
        let handle = set_timeout_with_handle(
            move || {
                let Some(typed) = input_ref.try_get_untracked().flatten().map(|input| input.value()) else { return };
                if live {
                    go.try_run(true);
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
        go.run(false);
    };
    // Filters apply as soon as they change; the text box has its own timing.
    let on_change = move |ev: leptos::ev::Event| {
        let id = event_target::<web_sys::Element>(&ev).id();
        if live && id != "search-q" {
            refocus.set_value(Some(id));
            go.run(false);
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
    let announcement = move || {
        let count = suggestions.with(Vec::len);
        (expanded.get() && count > 0).then(|| tr_args("search-suggestions-count", &[("count", count.into())]))
    };

    // The input is `type="text"`, not `search`: HTML allows the combobox role only on text inputs.
    view! {
        <form
            class="search-box"
            method="get"
            action=action
            role="search"
            node_ref=form_ref
            on:submit=on_submit
            on:change=on_change
        >
            <label for="search-q">{tr("search-label")}</label>
            <div class="search-box__row">
                <div class="search-box__field">
                    <input
                        id="search-q"
                        type="text"
                        enterkeyhint="search"
                        name="q"
                        value=query.get_untracked()
                        placeholder=tr("search-placeholder")
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
                    <ul id=LISTBOX_ID role="listbox" class="suggestions" aria-label=tr("search-suggestions") hidden=move || !expanded.get()>
                        {options}
                    </ul>
                </div>
                <button type="submit">{tr("search-submit")}</button>
            </div>
            <p class="visually-hidden" role="status">{announcement}</p>
            {children.map(|children| children())}
        </form>
    }
}
