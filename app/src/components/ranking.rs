//! A ranking as a form field: every item has a position `<select>` (1 = first, or "not
//! ranked"), which is all there is without JavaScript. Once hydrated, each item also gets
//! "Move up" and "Move down" buttons (the arrow keys do the same on them): the list reorders,
//! the selects follow, and a live region says where the item went. Choosing a position in a
//! select moves the item there too. What is posted is always the selects.
//!
//! The list is an island; its texts are drawn on the server, in the page's language.

use leptos::prelude::*;
use model::account::FormEcho;
use model::round::position_field;
use serde::{Deserialize, Serialize};

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

/// Stands for an item's title in the announcements drawn on the server, replaced in the browser.
const TITLE_SLOT: &str = "\u{E000}";

/// One item as the island draws it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankRow {
    id: i64,
    label: String,
    /// The select's value first: what was typed in a refused form, else the stored place.
    chosen: String,
    select_label: String,
    up_label: String,
    down_label: String,
    error: Option<String>,
}

/// The list's words: the select's "left out" choice, and what is announced after a move, at
/// `moved[position - 1]` (with [`TITLE_SLOT`] for the item's title).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RankTexts {
    none_value: String,
    none_label: String,
    moved: Vec<String>,
    left_out: String,
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
    let (order, ranked) = first_order(&items, ranked, &echo);
    let rows = items
        .into_iter()
        .map(|item| {
            let name = position_field(item.id);
            let first_place = order.iter().position(|x| *x == item.id).filter(|p| *p < ranked);
            let chosen = echo
                .value(&name)
                .map(str::to_string)
                .unwrap_or_else(|| first_place.map_or(none_value.to_string(), |p| (p + 1).to_string()));
            let title = || [("title", l10n::FluentValue::from(item.label.clone()))];
            RankRow {
                id: item.id,
                chosen,
                select_label: tr_args("round-position-of", &title()),
                up_label: tr_args("ranking-up", &title()),
                down_label: tr_args("ranking-down", &title()),
                error: echo.error(&name).map(tr),
                label: item.label,
            }
        })
        .collect();
    let texts = RankTexts {
        none_value: none_value.to_string(),
        none_label: tr(none_label),
        moved: (1..=longest)
            .map(|position| tr_args("ranking-moved", &[("title", TITLE_SLOT.into()), ("position", position.into())]))
            .collect(),
        left_out: tr_args("ranking-left-out", &[("title", TITLE_SLOT.into())]),
    };
    view! { <Ranking rows order ranked longest texts /> }
}

#[island]
fn Ranking(rows: Vec<RankRow>, order: Vec<i64>, ranked: usize, longest: usize, texts: RankTexts) -> impl IntoView {
    let order = RwSignal::new(order);
    let ranked = RwSignal::new(ranked);
    let said = RwSignal::new(String::new());
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let count = rows.len();
    let rows = StoredValue::new(rows);
    let texts = StoredValue::new(texts);
    let label_of = move |id: i64| rows.with_value(|rows| rows.iter().find(|r| r.id == id).map(|r| r.label.clone()));
    // Puts `id` at `place` (0-based; `None`: not ranked) and says where it went.
    let place = move |id: i64, place: Option<usize>| {
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
        texts.with_value(|texts| {
            sync_selects(&ids, top, &texts.none_value);
            let template = match now {
                Some(position) => texts.moved.get(position - 1).cloned().unwrap_or_default(),
                None => texts.left_out.clone(),
            };
            said.set(template.replace(TITLE_SLOT, &label_of(id).unwrap_or_default()));
        });
        order.set(ids);
        ranked.set(top);
    };
    let row = move |id: i64| {
        let Some(row) = rows.with_value(|rows| rows.iter().find(|r| r.id == id).cloned()) else {
            return ().into_any();
        };
        let position = move || order.with(|ids| ids.iter().position(|x| *x == id)).unwrap_or(0);
        let is_ranked = move || position() < ranked.get();
        let name = position_field(id);
        let select_id = format!("field-{name}");
        let options = (1..=count)
            .map(|n| {
                let value = n.to_string();
                let selected = value == row.chosen;
                view! { <option value=value selected=selected>{n}</option> }
            })
            .collect_view();
        let error = row.error.map(|message| view! { <p class="field__error">{message}</p> });
        let (up_id, down_id) = (format!("up-{id}"), format!("down-{id}"));
        let move_by = move |step: isize| {
            let at = position();
            if step < 0 {
                // Up: a ranked item goes one place up; an item left out joins the ranking last.
                place(id, Some(if is_ranked() { at.saturating_sub(1) } else { ranked.get_untracked() }));
            } else if is_ranked() && at + 1 < ranked.get_untracked() {
                place(id, Some(at + 1));
            } else if is_ranked() {
                place(id, None);
            }
        };
        let on_select = move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            place(id, value.parse::<usize>().ok().map(|p| p.saturating_sub(1)));
        };
        let on_key = move |ev: leptos::ev::KeyboardEvent, focus_id: &str| {
            let step = match ev.key().as_str() {
                "ArrowUp" => -1,
                "ArrowDown" => 1,
                _ => return,
            };
            ev.prevent_default();
            move_by(step);
            super::page_swap::focus(focus_id);
        };
        let (up_label, down_label) = (row.up_label, row.down_label);
        let buttons = move || {
            let (up_id, down_id) = (up_id.clone(), down_id.clone());
            hydrated.get().then(|| {
                view! {
                    <span class="ranking__moves">
                        <button type="button" class="button--small" id=up_id.clone() aria-label=up_label.clone()
                            on:click=move |_| move_by(-1)
                            on:keydown=move |ev| on_key(ev, &up_id)>"↑"</button>
                        <button type="button" class="button--small" id=down_id.clone() aria-label=down_label.clone()
                            on:click=move |_| move_by(1)
                            on:keydown=move |ev| on_key(ev, &down_id)>"↓"</button>
                    </span>
                }
            })
        };
        let none_value = texts.with_value(|t| t.none_value.clone());
        let none_label = texts.with_value(|t| t.none_label.clone());
        view! {
            <li class="ranking__item" class:ranking__item--out=move || !is_ranked()>
                <span class="ranking__title">{row.label}</span>
                <label for=select_id.clone() class="visually-hidden">{row.select_label}</label>
                <select id=select_id name=name class="input--short" on:change=on_select>
                    <option value=none_value.clone() selected=row.chosen == none_value>{none_label}</option>
                    {options}
                </select>
                {buttons}
                {error}
            </li>
        }
        .into_any()
    };
    view! {
        <ol class="ranking">
            <For each=move || order.get() key=|id| *id children=row />
        </ol>
        <p class="visually-hidden" aria-live="polite">{move || said.get()}</p>
    }
}
