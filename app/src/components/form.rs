//! Form pieces shared by every form: the page state (viewer, CSRF token, a rejected form's
//! echo), labelled fields that show their problem beside them, and the alert for the form as a whole.

use leptos::prelude::*;
use model::account::{FormEcho, PageState};

use crate::components::form_problems::{NotedProblems, ProblemSummary, field_problem};
use crate::i18n::{tr, tr_args};

/// The page state, loaded once per page load by the layout.
#[derive(Clone, Copy)]
pub struct PageStateResource(pub OnceResource<Result<PageState, ServerFnError>>);

/// Loads the page state and provides it to the page (see [`PageStateResource`]).
pub fn provide_page_state() {
    provide_context(PageStateResource(OnceResource::new(crate::api::page_state())));
}

/// The page state, once loaded (inside a `Suspense`).
pub async fn page_state() -> PageState {
    match use_context::<PageStateResource>() {
        Some(PageStateResource(resource)) => resource.await.unwrap_or_default(),
        None => PageState::default(),
    }
}

/// The echo of a rejected `form`, if this page shows one.
pub fn echo_of(state: &PageState, form: &str) -> FormEcho {
    state.echo.clone().filter(|echo| echo.form == form).unwrap_or_else(|| FormEcho::new(form))
}

/// The hidden field every state-changing form sends back.
#[component]
pub fn CsrfField(token: String) -> impl IntoView {
    view! { <input type="hidden" name="csrf" value=token /> }
}

/// A refused form's problem as a whole (a summary of its fields' problems, or what stopped it),
/// at the top of the page it was drawn again on, where the reader lands, and announced. Shown
/// for the page load that answered the form, not after moving on to another page.
#[component]
pub fn FormAlert() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let answered = location.pathname.get_untracked();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let answered = answered.clone();
                Suspend::new(async move {
                    let state = page_state().await;
                    let still_there = location.pathname.get() == answered;
                    let message = state.echo.as_ref().and_then(|echo| echo.error("")).map(str::to_string);
                    message.filter(|_| still_there).map(|message| {
                        view! {
                            <p class="notice notice--error" role="alert" id="form-alert">
                                {tr(&message)}
                            </p>
                        }
                    })
                })
            }}
        </Suspense>
    }
}

/// A labelled input with its problem beside it (`aria-invalid`, `aria-describedby`). The value
/// comes back from the echo, except for passwords, which are never sent back.
/// The ids of a field's hint and problem, as `aria-describedby` lists them.
fn described_by(hint: Option<&str>, error: Option<&str>) -> Option<String> {
    let ids: Vec<&str> = [hint, error].into_iter().flatten().collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

#[component]
pub fn Field(
    echo: FormEcho,
    #[prop(into)] name: String,
    label: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] value: Option<String>,
    #[prop(default = true)] required: bool,
    /// For a number: the values allowed, given to the browser and to `hint` (`$min`, `$max`).
    #[prop(optional)]
    range: Option<std::ops::RangeInclusive<u32>>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error = field_problem(&echo, &name, &id, || tr(label));
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = described_by(hint.map(|_| hint_id.as_str()), error.as_ref().map(|_| error_id.as_str()));
    let invalid = error.is_some();
    let typed = if kind == "password" { None } else { echo.value(&name).map(str::to_string).or(value) };
    view! {
        <div class="field" class:field--invalid=invalid>
            <label for=id.clone()>{tr(label)}</label>
            {hint.map(|hint| {
                let text = match &range {
                    Some(range) => tr_args(hint, &[("min", (*range.start()).into()), ("max", (*range.end()).into())]),
                    None => tr(hint),
                };
                view! { <p class="field__hint" id=hint_id.clone()>{text}</p> }
            })}
            <input
                id=id
                name=name
                type=kind
                min=range.as_ref().map(|r| r.start().to_string())
                max=range.as_ref().map(|r| r.end().to_string())
                value=typed
                autocomplete=autocomplete
                required=required
                aria-invalid=invalid.then_some("true")
                aria-describedby=described
            />
            {error.map(|message| view! { <p class="field__error" id=error_id>{message}</p> })}
        </div>
    }
}

/// A `<select>` of `(value, shown name)` pairs after an empty first option (`placeholder`), with
/// its problem beside it. `label` is the text shown.
#[component]
pub fn Select(
    echo: FormEcho,
    #[prop(into)] name: String,
    label: String,
    options: Vec<(String, String)>,
    #[prop(default = "form-choose")] placeholder: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let chosen = echo.value(&name).map(str::to_string);
    let error = field_problem(&echo, &name, &id, || label.clone());
    let invalid = error.is_some();
    let described = described_by(hint.map(|_| hint_id.as_str()), error.as_ref().map(|_| error_id.as_str()));
    let options = options
        .into_iter()
        .map(|(value, shown)| {
            let selected = chosen.as_deref() == Some(value.as_str());
            view! { <option value=value selected=selected>{shown}</option> }
        })
        .collect_view();
    view! {
        <div class="field" class:field--invalid=invalid>
            <label for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p class="field__hint" id=hint_id.clone()>{tr(hint)}</p> })}
            <select id=id name=name aria-invalid=invalid.then_some("true") aria-describedby=described>
                <option value="">{tr(placeholder)}</option>
                {options}
            </select>
            {error.map(|message| view! { <p class="field__error" id=error_id>{message}</p> })}
        </div>
    }
}

/// What labels a field: a message of the interface, or a text written by someone in a language
/// of their own (an opening's question to applicants).
#[derive(Clone, Debug)]
pub enum Label {
    Message(&'static str),
    Written(String, model::Lang),
}

impl From<&'static str> for Label {
    fn from(id: &'static str) -> Label {
        Label::Message(id)
    }
}

impl Label {
    /// The label's text, as the list of a form's problems names the field.
    fn text(&self) -> String {
        match self {
            Label::Message(message) => tr(message),
            Label::Written(text, _) => text.clone(),
        }
    }

    fn view(self, id: String) -> impl IntoView {
        match self {
            Label::Message(message) => view! { <label for=id>{tr(message)}</label> }.into_any(),
            Label::Written(text, lang) => view! { <label for=id lang=lang.code()>{text}</label> }.into_any(),
        }
    }
}

/// A labelled `<textarea>` with its problem beside it.
#[component]
pub fn TextArea(
    echo: FormEcho,
    #[prop(into)] name: String,
    #[prop(into)] label: Label,
    rows: u32,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] maxlength: Option<u32>,
) -> impl IntoView {
    let id = format!("field-{name}");
    let (hint_id, error_id) = (format!("{id}-hint"), format!("{id}-error"));
    let error = field_problem(&echo, &name, &id, || label.text());
    let invalid = error.is_some();
    let described = described_by(hint.map(|_| hint_id.as_str()), error.as_ref().map(|_| error_id.as_str()));
    let typed = echo.value(&name).map(str::to_string);
    view! {
        <div class="field" class:field--invalid=invalid>
            {label.view(id.clone())}
            {hint.map(|hint| view! { <p class="field__hint" id=hint_id.clone()>{tr(hint)}</p> })}
            <textarea
                id=id
                name=name
                rows=rows
                maxlength=maxlength
                aria-invalid=invalid.then_some("true")
                aria-describedby=described
            >
                {typed}
            </textarea>
            {error.map(|message| view! { <p class="field__error" id=error_id>{message}</p> })}
        </div>
    }
}

/// A password being chosen (sign-up, reset, change), with the rule it must follow.
#[component]
pub fn NewPasswordField(echo: FormEcho, label: &'static str) -> impl IntoView {
    view! {
        <Field echo name="password" label kind="password" autocomplete="new-password" hint="form-password-hint" />
    }
}

/// A page's state-changing form, posting to `action`: it waits for the page state (inside a
/// `Suspense`), carries the CSRF token, and hands the echo of its last
/// rejection (if any) to `fields`, which draws the fields and the button.
#[component]
pub fn PageForm<F, V>(#[prop(into)] name: String, action: String, fields: F) -> impl IntoView
where
    F: Fn(FormEcho) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let (name, action, fields) = (name.clone(), action.clone(), fields.clone());
                Suspend::new(async move {
                    let state = page_state().await;
                    let echo = echo_of(&state, &name);
                    // The fields note their problems as they are drawn; the list goes above them.
                    let noted = NotedProblems::provide();
                    let drawn = fields(echo);
                    view! {
                        <form method="post" action=action class="stacked-form" novalidate>
                            <CsrfField token=state.csrf.clone() />
                            <ProblemSummary noted />
                            {drawn}
                        </form>
                    }
                })
            }}
        </Suspense>
    }
}
