//! Creating an account. The address is confirmed by a link sent in the chosen language.

use crate::components::page_title::PageTitle;
use leptos::prelude::*;
use model::Lang;
use model::account::FormEcho;

use crate::components::form::{Field, NewPasswordField, PageForm};
use crate::i18n::{tr, use_lang};
use crate::url::{path, route};

#[component]
pub fn SignupPage() -> impl IntoView {
    let lang = use_lang();
    let fields = move |echo: FormEcho| {
        view! {
            <Field echo=echo.clone() name="display_name" label="form-display-name" autocomplete="name" />
            <Field echo=echo.clone() name="email" label="form-email" kind="email" autocomplete="email" />
            <NewPasswordField echo=echo.clone() label="form-password" />
            <LanguageSelect echo current=lang />
            <button type="submit" class="button">{tr("signup-submit")}</button>
        }
    };
    view! {
        <PageTitle text=tr("signup-title") />
        <section class="form-page">
            <h1>{tr("signup-title")}</h1>
            <p>{tr("signup-intro")}</p>
            <PageForm name="signup" action=path(route::SIGN_UP, lang, &[]) fields />
            <p class="form-page__links">
                <a href=path(route::LOG_IN, lang, &[])>{tr("signup-have-account")}</a>
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
