//! The posting form: every field of an opening, its texts in French, English and Korean on
//! tabs. Without JavaScript it is one long form (each language under its own heading); once
//! hydrated, the languages become tabs (arrow keys move between them) and the first language
//! with a problem is shown. A rejected form comes back with what was typed and each problem
//! beside its field; an edit starts from the posting's current values.

use leptos::prelude::*;
use model::Lang;
use model::account::{FormEcho, InstitutionRef};
use model::posting::text_fields;
use model::posting_form::{APPLY_ELSEWHERE, APPLY_ON_PASSERELLE, question_field};
use model::record::{DURATION_MONTHS, MAX_QUESTIONS, POSITIONS};

/// The labels of the questions for applicants, one per question the form offers.
const QUESTION_LABELS: [&str; MAX_QUESTIONS] = ["posting-question-1", "posting-question-2", "posting-question-3"];
use model::vocab::{CareerStage, Field as ResearchField, Kind, StipendPeriod};

use crate::components::choices::{Choice, LanguagesSection, Radios, Tick, Ticks};
use crate::components::form::{Field, PageForm, Select, TextArea};
use crate::i18n::{tr, use_lang};

/// The posting form, posting to `action`. `institutions` are those the poster may post for
/// (a new posting); `initial` are the posting's current values (an edit) or those of an
/// unfinished posting (with its id as `draft`).
#[component]
pub fn PostingForm(action: String, institutions: Vec<InstitutionRef>, initial: Vec<(String, String)>) -> impl IntoView {
    let fields = move |echo: FormEcho| {
        // A first visit starts from the posting's values; a rejected form from what was typed.
        let echo = if echo.is_rejected() { echo } else { FormEcho { values: initial.clone(), ..echo } };
        // An unfinished posting taken up again is saved over, and goes once it is complete.
        let draft = echo.value("draft").map(|id| view! { <input type="hidden" name="draft" value=id.to_string() /> });
        view! {
            {draft}
            <InstitutionChoice echo=echo.clone() institutions=institutions.clone() />
            <TextsSection echo=echo.clone() />
            <fieldset class="form-section">
                <legend>{tr("posting-section-what")}</legend>
                <Choice echo=echo.clone() name="kind" label="posting-kind" options=Kind::ALL.iter().map(|k| (k.code(), k.message_id())).collect() />
                <Ticks echo=echo.clone() name="career_stages" label="posting-career-stages" options=CareerStage::ALL.iter().map(|s| (s.code(), s.message_id())).collect() />
                <Ticks echo=echo.clone() name="fields" label="posting-fields" options=ResearchField::ALL.iter().map(|f| (f.code(), f.message_id())).collect() />
                <Field echo=echo.clone() name="keywords" label="posting-keywords" hint="posting-keywords-hint" required=false />
            </fieldset>
            <fieldset class="form-section">
                <legend>{tr("posting-section-where")}</legend>
                <Select echo=echo.clone() name="country" label=tr("posting-country") options=l10n::countries(use_lang()) />
                <Field echo=echo.clone() name="city" label="posting-city" />
                <Field echo=echo.clone() name="deadline" label="posting-deadline" kind="date" hint="opening-deadline-note" />
                <Field echo=echo.clone() name="start_date" label="posting-start" kind="date" required=false />
                <Field echo=echo.clone() name="duration_months" label="posting-duration" kind="number" required=false hint="posting-duration-hint" range=DURATION_MONTHS />
                <Field echo=echo.clone() name="positions" label="posting-positions" kind="number" hint="posting-positions-hint" range=POSITIONS />
            </fieldset>
            <fieldset class="form-section">
                <legend>{tr("posting-section-funding")}</legend>
                <p class="field__hint">{tr("posting-stipend-hint")}</p>
                <Field echo=echo.clone() name="stipend_amount" label="posting-stipend-amount" required=false />
                <Select echo=echo.clone() name="stipend_currency" label=tr("posting-stipend-currency") options=l10n::currencies(use_lang()) />
                <Choice echo=echo.clone() name="stipend_period" label="posting-stipend-period" options=StipendPeriod::ALL.iter().map(|p| (p.code(), p.choice_message_id())).collect() />
                <Tick echo=echo.clone() name="travel_covered" label="posting-travel-covered" />
                <Tick echo=echo.clone() name="housing_covered" label="posting-housing-covered" />
            </fieldset>
            <LanguagesSection echo=echo.clone() legend="posting-section-languages" hint="posting-languages-hint" />
            <fieldset class="form-section">
                <legend>{tr("posting-section-apply")}</legend>
                <Radios echo=echo.clone() name="apply_via" label="posting-apply-via" options=vec![(APPLY_ON_PASSERELLE, "posting-apply-here"), (APPLY_ELSEWHERE, "posting-apply-elsewhere")] default=APPLY_ELSEWHERE />
                <Field echo=echo.clone() name="apply_url" label="posting-apply-url" kind="url" hint="posting-apply-url-hint" required=false />
                <Field echo=echo.clone() name="contact_email" label="posting-contact-email" kind="email" required=false />
                <p class="field__hint">{tr("posting-questions-hint")}</p>
                {QUESTION_LABELS.iter().zip(1..).map(|(label, row)| view! {
                    <Field echo=echo.clone() name=question_field(row) label=*label required=false />
                }).collect_view()}
            </fieldset>
            <div class="form-actions">
                <button type="submit" name="action" value="draft" class="button button--secondary">{tr("posting-save-draft")}</button>
                <button type="submit" name="action" value="submit" class="button">{tr("posting-submit")}</button>
            </div>
            <p class="field__hint">{tr("posting-submit-hint")}</p>
        }
    };
    view! { <PageForm name="posting" action fields /> }
}

/// Which institution a new posting is for: a choice when the poster belongs to several.
#[component]
fn InstitutionChoice(echo: FormEcho, institutions: Vec<InstitutionRef>) -> impl IntoView {
    let lang = use_lang();
    match institutions.as_slice() {
        [] => ().into_any(),
        [only] => view! {
            <input type="hidden" name="institution" value=only.slug.clone() />
            <p class="posting-institution">{tr("posting-institution")} ": " <strong>{only.name_in(lang)}</strong></p>
        }
        .into_any(),
        several => {
            let options = several.iter().map(|i| (i.slug.clone(), i.name_in(lang))).collect::<Vec<_>>();
            view! { <Select echo name="institution" label=tr("posting-institution") options /> }.into_any()
        }
    }
}

/// The texts, one section per language, which the browser turns into tabs.
#[component]
fn TextsSection(echo: FormEcho) -> impl IntoView {
    let reader = use_lang();
    let has_problem = |lang: Lang| {
        let (title, description) = text_fields(lang);
        echo.error(title).is_some() || echo.error(description).is_some()
    };
    let original = echo.value("original_language").and_then(Lang::from_code);
    let first = Lang::ALL.into_iter().find(|lang| has_problem(*lang)).or(original).unwrap_or(reader);
    let tabs: Vec<LanguageTab> = Lang::ALL
        .into_iter()
        .map(|lang| LanguageTab { lang, name: l10n::language_name(reader, lang.code()), problem: has_problem(lang) })
        .collect();
    let panels = Lang::ALL
        .into_iter()
        .map(|lang| {
            let (title, description) = text_fields(lang);
            let heading = tr(match lang {
                Lang::Fr => "posting-text-in-fr",
                Lang::En => "posting-text-in-en",
                Lang::Ko => "posting-text-in-ko",
            });
            view! {
                <section class="lang-panel" id=panel_id(lang)>
                    <h2 class="lang-panel__title">{heading}</h2>
                    <div lang=lang.code()>
                        <Field echo=echo.clone() name=title label="posting-title" required=false />
                        <TextArea echo=echo.clone() name=description label="posting-description" rows=12 hint="posting-markdown-hint" />
                    </div>
                </section>
            }
        })
        .collect_view();
    let options = tabs.iter().map(|tab| (tab.lang.code().to_string(), tab.name.clone())).collect();
    view! {
        <fieldset class="form-section">
            <legend>{tr("posting-section-texts")}</legend>
            <p class="field__hint">{tr("posting-texts-hint")}</p>
            <Select echo=echo.clone() name="original_language" label=tr("posting-original-language") options />
            <LanguageTabs tabs first label=tr("posting-section-texts") problem_note=tr("posting-tab-problem") />
            {panels}
        </fieldset>
    }
}

/// One language's tab: its name in the reader's language, and whether its fields have a problem.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LanguageTab {
    lang: Lang,
    name: String,
    problem: bool,
}

fn panel_id(lang: Lang) -> String {
    format!("panel-{}", lang.code())
}

fn tab_id(lang: Lang) -> String {
    format!("tab-{}", lang.code())
}

/// The tabs over the language sections, in the browser only: without JavaScript every language
/// shows, one after another. The tabs show one section at a time (the arrow keys move between
/// them), starting with `first`.
#[island]
fn LanguageTabs(tabs: Vec<LanguageTab>, first: Lang, label: String, problem_note: String) -> impl IntoView {
    let active = RwSignal::new(first);
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    // The sections are drawn by the server, outside this island: the tabs name and show them.
    Effect::new(move |_| {
        let active = active.get();
        if hydrated.get() {
            for lang in Lang::ALL {
                let panel = document().get_element_by_id(&panel_id(lang));
                if let Some(panel) =
                    panel.and_then(|p| leptos::wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(p).ok())
                {
                    let _ = panel.set_attribute("role", "tabpanel");
                    let _ = panel.set_attribute("aria-labelledby", &tab_id(lang));
                    panel.set_hidden(lang != active);
                }
            }
        }
    });
    let count = tabs.len();
    let buttons = move || {
        tabs.clone()
            .into_iter()
            .enumerate()
            .map(|(position, tab)| {
                let lang = tab.lang;
                let note = problem_note.clone();
                let mark = tab.problem.then(
                    || view! { <span class="tab__problem">" ⚠ "<span class="visually-hidden">{note}</span></span> },
                );
                let selected = move || active.get() == lang;
                view! {
                    <button
                        type="button"
                        role="tab"
                        id=tab_id(lang)
                        aria-controls=panel_id(lang)
                        aria-selected=move || selected().to_string()
                        tabindex=move || if selected() { "0" } else { "-1" }
                        on:click=move |_| active.set(lang)
                        on:keydown=move |ev| {
                            let step = match ev.key().as_str() {
                                "ArrowRight" => 1,
                                "ArrowLeft" => count - 1,
                                _ => return,
                            };
                            ev.prevent_default();
                            let next = Lang::ALL[(position + step) % count];
                            active.set(next);
                            super::page_swap::focus(&tab_id(next));
                        }
                    >
                        {tab.name}
                        {mark}
                    </button>
                }
            })
            .collect_view()
    };
    view! {
        {move || hydrated.get().then(|| view! {
            <div class="lang-tabs" role="tablist" aria-label=label.clone()>
                {buttons()}
            </div>
        })}
    }
}
