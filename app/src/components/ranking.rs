//! A ranking as a form field: every item has a position `<select>` (1 = first, or "not
//! ranked"), which is all there is without JavaScript. Once hydrated, each item also gets
//! "Move up" and "Move down" buttons (the arrow keys do the same on them): the list reorders,
//! the selects follow, and a live region says where the item went. Choosing a position in a
//! select moves the item there too. What is posted is always the selects.

use leptos::prelude::*;
use model::account::FormEcho;
use model::round::position_field;

use crate::i18n::{tr, tr_args};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RankItem {
    pub id: i64,
    pub label: String,
}

/// The order shown first: the positions of a refused form when there are any (what was
/// typed), else the stored ranking (`ranked` first items).
fn first_order(items: &[RankItem], ranked: usize, echo: &FormEcho) -> (Vec<i64>, usize) {
    let typed: Vec<(usize, i64)> = items
        .iter()
        .filter_map(|item| echo.value(&position_field(item.id)).and_then(|v| v.parse().ok()).map(|p| (p, item.id)))
        .collect();
    if typed.is_empty() {
        return (items.iter().map(|item| item.id).collect(), ranked);
    }
    let mut order = typed.clone();
    order.sort_by_key(|(position, _)| *position);
    let mut ids: Vec<i64> = order.iter().map(|(_, id)| *id).collect();
    ids.extend(items.iter().map(|item| item.id).filter(|id| !typed.iter().any(|(_, t)| t == id)));
    (ids, typed.len())
}

/// Sets each select to its item's place (browser only).
fn sync_selects(order: &[i64], ranked: usize, none_value: &str) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        for (n, id) in order.iter().enumerate() {
            let select = document()
                .get_element_by_id(&format!("field-{}", position_field(*id)))
                .and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok());
            if let Some(select) = select {
                select.set_value(&if n < ranked { (n + 1).to_string() } else { none_value.to_string() });
            }
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (order, ranked, none_value);
}

#[component]
pub fn RankingList(
    items: Vec<RankItem>,
    ranked: usize,
    /// The most items that may be ranked.
    longest: usize,
    /// The select's value and label for an item left out ("" / "Not ranked", "no" / "Not acceptable").
    none_value: &'static str,
    none_label: &'static str,
    echo: FormEcho,
) -> impl IntoView {
    let (first, first_ranked) = first_order(&items, ranked, &echo);
    let order = RwSignal::new(first);
    let ranked = RwSignal::new(first_ranked);
    let said = RwSignal::new(String::new());
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let count = items.len();
    let label_of = {
        let items = items.clone();
        move |id: i64| items.iter().find(|item| item.id == id).map(|item| item.label.clone()).unwrap_or_default()
    };
    // Puts `id` at `place` (0-based; `None`: not ranked) and says where it went.
    let place = {
        let label_of = label_of.clone();
        move |id: i64, place: Option<usize>| {
            let (mut ids, mut top) = (order.get_untracked(), ranked.get_untracked());
            let Some(from) = ids.iter().position(|x| *x == id) else { return };
            let was_ranked = from < top;
            ids.remove(from);
            if was_ranked {
                top -= 1;
            }
            let to = match place {
                Some(to) if top < longest => {
                    top += 1;
                    to.min(top - 1)
                }
                _ => top,
            };
            ids.insert(to, id);
            let now = (to < top).then_some(to + 1);
            sync_selects(&ids, top, none_value);
            order.set(ids);
            ranked.set(top);
            let label = label_of(id);
            said.set(match now {
                Some(position) => tr_args("ranking-moved", &[("title", label.into()), ("position", position.into())]),
                None => tr_args("ranking-left-out", &[("title", label.into())]),
            });
        }
    };
    let row = move |id: i64| {
        let position = move || order.with(|ids| ids.iter().position(|x| *x == id)).unwrap_or(0);
        let is_ranked = move || position() < ranked.get();
        let name = position_field(id);
        let select_id = format!("field-{name}");
        let typed = echo.value(&name).map(str::to_string);
        let first_place =
            order.with_untracked(|ids| ids.iter().position(|x| *x == id)).filter(|p| *p < ranked.get_untracked());
        let chosen = typed.unwrap_or_else(|| first_place.map_or(none_value.to_string(), |p| (p + 1).to_string()));
        let options = (1..=count)
            .map(|n| {
                let value = n.to_string();
                let selected = value == chosen;
                view! { <option value=value selected=selected>{n}</option> }
            })
            .collect_view();
        let label = label_of(id);
        let select_label = tr_args("round-position-of", &[("title", label.clone().into())]);
        let error = echo.error(&name).map(|m| view! { <p class="field__error">{tr(m)}</p> });
        let (up_id, down_id) = (format!("up-{id}"), format!("down-{id}"));
        let move_by = {
            let place = place.clone();
            move |step: isize| {
                let at = position();
                if step < 0 {
                    // Up: a ranked item goes one place up; an item left out joins the ranking last.
                    place(id, Some(if is_ranked() { at.saturating_sub(1) } else { ranked.get_untracked() }));
                } else if is_ranked() && at + 1 < ranked.get_untracked() {
                    place(id, Some(at + 1));
                } else if is_ranked() {
                    place(id, None);
                }
            }
        };
        let on_select = {
            let place = place.clone();
            move |ev: leptos::ev::Event| {
                let value = event_target_value(&ev);
                place(id, value.parse::<usize>().ok().map(|p| p.saturating_sub(1)));
            }
        };
        let buttons = {
            let (up_label, down_label) = (
                tr_args("ranking-up", &[("title", label.clone().into())]),
                tr_args("ranking-down", &[("title", label.clone().into())]),
            );
            let move_by = move_by.clone();
            move || {
                let (up, down) = (move_by.clone(), move_by.clone());
                let keys = move_by.clone();
                let (up_id, down_id) = (up_id.clone(), down_id.clone());
                let on_key = move |ev: leptos::ev::KeyboardEvent, focus_id: String| {
                    let step = match ev.key().as_str() {
                        "ArrowUp" => -1,
                        "ArrowDown" => 1,
                        _ => return,
                    };
                    ev.prevent_default();
                    keys(step);
                    crate::components::posting_form::focus(&focus_id);
                };
                let (key_up, key_down) = (on_key.clone(), on_key);
                let (focus_up, focus_down) = (up_id.clone(), down_id.clone());
                hydrated.get().then(|| {
                    view! {
                        <span class="ranking__moves">
                            <button type="button" class="button--small" id=up_id.clone() aria-label=up_label.clone()
                                on:click=move |_| up(-1)
                                on:keydown=move |ev| key_up(ev, focus_up.clone())>"↑"</button>
                            <button type="button" class="button--small" id=down_id.clone() aria-label=down_label.clone()
                                on:click=move |_| down(1)
                                on:keydown=move |ev| key_down(ev, focus_down.clone())>"↓"</button>
                        </span>
                    }
                })
            }
        };
        view! {
            <li class="ranking__item" class:ranking__item--out=move || !is_ranked()>
                <span class="ranking__title">{label}</span>
                <label for=select_id.clone() class="visually-hidden">{select_label}</label>
                <select id=select_id name=name class="input--short" on:change=on_select>
                    <option value=none_value selected=chosen == none_value>{tr(none_label)}</option>
                    {options}
                </select>
                {buttons}
                {error}
            </li>
        }
    };
    view! {
        <ol class="ranking">
            <For each=move || order.get() key=|id| *id children=row />
        </ol>
        <p class="visually-hidden" aria-live="polite">{move || said.get()}</p>
    }
}
