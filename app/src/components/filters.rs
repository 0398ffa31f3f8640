//! The list page's filters: plain selects in the search form, so they work without JavaScript.
//! Each option shows how many matching openings it would keep.

use std::collections::BTreeMap;

use leptos::prelude::*;
use model::dto::{FacetCounts, SearchParams, funded_code};
use model::vocab::{CareerStage, Field, Kind};

use crate::i18n::{tr, tr_args, use_lang};

/// One `<select>`: "any" first, then the values that match something (or are selected).
#[component]
fn FilterSelect(
    name: &'static str,
    label: String,
    any: String,
    selected: Option<String>,
    /// (code, label) in display order.
    choices: Vec<(String, String)>,
    counts: BTreeMap<String, u64>,
) -> impl IntoView {
    let id = format!("filter-{name}");
    let options = choices
        .into_iter()
        .filter_map(|(code, label)| {
            let count = counts.get(&code).copied().unwrap_or(0);
            let is_selected = selected.as_deref() == Some(code.as_str());
            (count > 0 || is_selected).then(|| {
                let text = tr_args("filter-option-count", &[("label", label.into()), ("count", count.into())]);
                view! { <option value=code selected=is_selected>{text}</option> }
            })
        })
        .collect_view();
    view! {
        <div class="filter">
            <label for=id.clone()>{label}</label>
            <select id=id name=name>
                <option value="">{any}</option>
                {options}
            </select>
        </div>
    }
}

/// (code, name in the page's language) for every term of a vocabulary.
fn choices<T: Copy>(
    terms: &[T],
    code: fn(T) -> &'static str,
    message_id: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    terms.iter().map(|term| (code(*term).to_string(), tr(message_id(*term)))).collect()
}

/// (code, name) pairs for facet values that have no vocabulary, sorted by name.
fn named_choices(counts: &BTreeMap<String, u64>, name: impl Fn(&str) -> String) -> Vec<(String, String)> {
    let mut choices: Vec<(String, String)> = counts.keys().map(|code| (code.clone(), name(code))).collect();
    choices.sort_by(|a, b| a.1.cmp(&b.1));
    choices
}

#[component]
pub fn Filters(
    params: SearchParams,
    facets: FacetCounts,
    /// Institution names in the page's language, by slug.
    institution_names: BTreeMap<String, String>,
) -> impl IntoView {
    let lang = use_lang();
    let kinds = choices(Kind::ALL, Kind::code, Kind::message_id);
    let stages = choices(CareerStage::ALL, CareerStage::code, CareerStage::message_id);
    let fields = choices(Field::ALL, Field::code, Field::message_id);
    let countries = named_choices(&facets.country, |code| l10n::country_name(lang, code));
    let institutions =
        named_choices(&facets.institution, |slug| institution_names.get(slug).cloned().unwrap_or_else(|| slug.into()));
    let languages = named_choices(&facets.language, |code| l10n::language_name(lang, code));
    let funding = vec![
        (funded_code(true).to_string(), tr("filter-funded-yes")),
        (funded_code(false).to_string(), tr("filter-funded-no")),
    ];
    let sort = params.sort.clone().unwrap_or_else(|| "relevance".to_string());
    let sorts = [("relevance", "sort-relevance"), ("deadline", "sort-deadline"), ("newest", "sort-newest")]
        .map(|(code, id)| view! { <option value=code selected=sort == code>{tr(id)}</option> });
    let code = |value: Option<&'static str>| value.map(str::to_string);
    let funded = params.funded.map(funded_code);
    let selects = [
        ("kind", "opening-kind", "filter-any-kind", code(params.kind.map(Kind::code)), kinds, facets.kind),
        (
            "stage",
            "opening-career-stages",
            "filter-any-stage",
            code(params.stage.map(CareerStage::code)),
            stages,
            facets.stage,
        ),
        ("field", "opening-fields", "filter-any-field", code(params.field.map(Field::code)), fields, facets.field),
        ("country", "filter-country", "filter-any-country", params.country.clone(), countries, facets.country),
        (
            "institution",
            "filter-institution",
            "filter-any-institution",
            params.institution.clone(),
            institutions,
            facets.institution,
        ),
        ("language", "filter-language", "filter-any-language", params.language.clone(), languages, facets.language),
        ("funded", "filter-funding", "filter-any-funding", code(funded), funding, facets.funded),
    ]
    .map(|(name, label, any, selected, choices, counts)| {
        view! { <FilterSelect name label=tr(label) any=tr(any) selected choices counts /> }
    });
    let date = |value: Option<chrono::NaiveDate>| value.map(|d| d.to_string()).unwrap_or_default();
    let dates = [
        ("deadline_from", "filter-deadline-from", date(params.deadline_from)),
        ("deadline_to", "filter-deadline-to", date(params.deadline_to)),
    ]
    .map(|(name, label, value)| {
        let id = format!("filter-{name}");
        view! {
            <div class="filter">
                <label for=id.clone()>{tr(label)}</label>
                <input type="date" id=id name=name value=value />
            </div>
        }
    });
    let active = filters_in_use(&params);
    let unfolded = active > 0;
    let active_note = (active > 0).then(|| {
        view! { " " <span class="filters-panel__count">{tr_args("filters-active", &[("count", active.into())])}</span> }
    });
    view! {
        // Unfolded when a filter is in use, folded otherwise; a live search keeps it as the reader left it.
        <details class="filters-panel" open=unfolded>
        <summary>{tr("filters-title")}{active_note}</summary>
        <fieldset class="filters">
            <legend class="visually-hidden">{tr("filters-title")}</legend>
            {selects}
            {dates}
            <div class="filter">
                <label for="filter-sort">{tr("filter-sort")}</label>
                <select id="filter-sort" name="sort">{sorts}</select>
            </div>
            <div class="filter filter--check">
                <input type="checkbox" id="filter-closed" name="closed" value="1" checked=params.include_closed />
                <label for="filter-closed">{tr("filter-closed")}</label>
            </div>
            <div class="filter filter--apply">
                <button type="submit">{tr("filter-apply")}</button>
            </div>
        </fieldset>
        </details>
    }
}

/// How many filters a search uses (its words and order aside). The panel starts unfolded when
/// one is in use, folded otherwise, so that the first results show without scrolling.
pub fn filters_in_use(params: &SearchParams) -> usize {
    [
        params.kind.is_some(),
        params.stage.is_some(),
        params.field.is_some(),
        params.country.is_some(),
        params.institution.is_some(),
        params.language.is_some(),
        params.funded.is_some(),
        params.deadline_from.is_some(),
        params.deadline_to.is_some(),
        params.include_closed,
    ]
    .into_iter()
    .filter(|set| *set)
    .count()
}
