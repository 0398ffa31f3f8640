//! Creating an account. The address is confirmed by a link sent in the chosen language.

use leptos::prelude::*;
use leptos_meta::Title;
use model::Lang;
use model::account::FormEcho;

use crate::components::form::{CsrfField, Field, FormAlert, echo_of, page_state};
use crate::i18n::{tr, use_lang};

#[component]
pub fn SignupPage() -> impl IntoView {
    let lang = use_lang();
    let action = format!("/{}/signup", lang.code());
    let login = format!("/{}/login", lang.code());
    view! {
        <Title text=tr("signup-title") />
        <section class="form-page">
            <h1>{tr("signup-title")}</h1>
            <p>{tr("signup-intro")}</p>
            <Suspense fallback=|| ()>
                {move || {
                    let action = action.clone();
                    Suspend::new(async move {
                        let state = page_state().await;
                        let echo = echo_of(&state, "signup");
                        view! {
                            <form method="post" action=action class="stacked-form" novalidate>
                                <CsrfField token=state.csrf.clone() />
                                <FormAlert echo=echo.clone() />
                                <Field echo=echo.clone() name="display_name" label="form-display-name" autocomplete="name" />
                                <Field echo=echo.clone() name="email" label="form-email" kind="email" autocomplete="email" />
                                <Field
                                    echo=echo.clone()
                                    name="password"
                                    label="form-password"
                                    kind="password"
                                    autocomplete="new-password"
                                    hint="form-password-hint"
                                />
                                <LanguageSelect echo=echo.clone() current=lang />
                                <button type="submit" class="button">{tr("signup-submit")}</button>
                            </form>
                        }
                    })
                }}
            </Suspense>
            <p class="form-page__links">
                <a href=login>{tr("signup-have-account")}</a>
            </p>
        </section>
    }
}

/// The preferred language: of e-mails, and of the site when signing in.
#[component]
pub fn LanguageSelect(echo: FormEcho, current: Lang) -> impl IntoView {
    let chosen = echo.value("preferred_lang").and_then(Lang::from_code).unwrap_or(current);
    let options = Lang::ALL
        .into_iter()
        .map(|option| {
            view! {
                <option value=option.code() selected=option == chosen lang=option.code()>
                    {l10n::t(option, "language-self")}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for="field-preferred_lang">{tr("form-preferred-lang")}</label>
            <p class="field__hint" id="field-preferred_lang-hint">{tr("form-preferred-lang-hint")}</p>
            <select id="field-preferred_lang" name="preferred_lang" aria-describedby="field-preferred_lang-hint">
                {options}
            </select>
        </div>
    }
}
