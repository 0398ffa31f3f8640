//! Choices in forms: among a closed vocabulary (a list, checkboxes, radio buttons), and the
//! rows of languages (named from CLDR) with their CEFR levels. Each shows its problem beside it
//! and comes back with what was chosen.

use leptos::prelude::*;
use model::account::FormEcho;
use model::posting::LANGUAGE_ROWS;
use model::vocab::Cefr;

use crate::components::form::Select;
use crate::components::form_problems::field_problem;
use crate::i18n::{tr, use_lang};

/// Languages with their levels (`language_N`, `level_N`): those an opening requires, those a
/// researcher speaks. `legend` and `hint` are Fluent ids.
#[component]
pub fn LanguagesSection(echo: FormEcho, legend: &'static str, hint: &'static str) -> impl IntoView {
    let languages = l10n::languages(use_lang());
    let rows = (1..=LANGUAGE_ROWS)
        .map(|row| {
            let (lang_name, level_name) = (format!("language_{row}"), format!("level_{row}"));
            let levels: Vec<(String, String)> =
                Cefr::ALL.iter().map(|level| (level.code().to_string(), tr(level.message_id()))).collect();
            let (lang_label, level_label) =
                (format!("{} {row}", tr("posting-language-code")), format!("{} {row}", tr("posting-language-level")));
            view! {
                <div class="language-row">
                    <Select echo=echo.clone() name=lang_name label=lang_label options=languages.clone() />
                    <Select echo=echo.clone() name=level_name label=level_label options=levels />
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="form-section">
            <legend>{tr(legend)}</legend>
            <p class="field__hint">{tr(hint)}</p>
            {rows}
        </fieldset>
    }
}

/// A choice among a closed vocabulary: `(code, Fluent id)` pairs.
#[component]
pub fn Choice(
    echo: FormEcho,
    name: &'static str,
    label: &'static str,
    options: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    let options = options.into_iter().map(|(code, id)| (code.to_string(), tr(id))).collect();
    view! { <Select echo name label=tr(label) options /> }
}

/// Several choices among a closed vocabulary, as checkboxes.
#[component]
pub fn Ticks(
    echo: FormEcho,
    name: &'static str,
    label: &'static str,
    options: Vec<(&'static str, &'static str)>,
) -> impl IntoView {
    let ticked: Vec<String> =
        echo.values.iter().filter(|(key, _)| key == name).map(|(_, value)| value.clone()).collect();
    let boxes = options
        .into_iter()
        .map(|(code, id)| {
            let box_id = format!("field-{name}-{}", code.replace('.', "-"));
            let label_for = box_id.clone();
            view! {
                <label class="tick" for=label_for>
                    <input type="checkbox" id=box_id name=name value=code checked=ticked.iter().any(|t| t == code) />
                    {tr(id)}
                </label>
            }
        })
        .collect_view();
    view! { <ChoiceGroup echo name label><div class="ticks__grid">{boxes}</div></ChoiceGroup> }
}

/// A group of checkboxes or radio buttons: its legend, and its problem above the choices.
#[component]
fn ChoiceGroup(echo: FormEcho, name: &'static str, label: &'static str, children: Children) -> impl IntoView {
    // The list of problems leads to the group's own problem, just above its choices.
    let id = format!("field-{name}-error");
    let error = field_problem(&echo, name, &id, || tr(label)).map(|message| (id, message));
    view! {
        <fieldset
            class="field ticks"
            class:field--invalid=error.is_some()
            aria-describedby=error.as_ref().map(|(id, _)| id.clone())
        >
            <legend>{tr(label)}</legend>
            {error.clone().map(|(id, message)| view! { <p class="field__error" id=id>{message}</p> })}
            {children()}
        </fieldset>
    }
}

/// One checkbox.
#[component]
pub fn Tick(echo: FormEcho, name: &'static str, label: &'static str) -> impl IntoView {
    let checked = echo.value(name).is_some_and(|v| !v.is_empty());
    view! {
        <label class="tick" for=format!("field-{name}")>
            <input type="checkbox" id=format!("field-{name}") name=name value="1" checked=checked />
            {tr(label)}
        </label>
    }
}

/// One choice among a few, as radio buttons; `default` is chosen when nothing was.
#[component]
pub fn Radios(
    echo: FormEcho,
    name: &'static str,
    label: &'static str,
    options: Vec<(&'static str, &'static str)>,
    default: &'static str,
) -> impl IntoView {
    let chosen = echo.value(name).filter(|value| !value.is_empty()).unwrap_or(default).to_string();
    let buttons = options
        .into_iter()
        .map(|(code, id)| {
            let button_id = format!("field-{name}-{code}");
            let label_for = button_id.clone();
            view! {
                <label class="tick" for=label_for>
                    <input type="radio" id=button_id name=name value=code checked=chosen == code />
                    {tr(id)}
                </label>
            }
        })
        .collect_view();
    view! { <ChoiceGroup echo name label>{buttons}</ChoiceGroup> }
}
