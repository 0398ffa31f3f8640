//! Signing in, and asking for a password reset link.

use crate::components::page_title::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::form::{Field, PageForm};
use crate::i18n::{tr, use_lang};
use crate::url::{path, route};

/// What the login page says after a redirect, by its query (`?reset=sent`, …).
fn login_notice(query: &leptos_router::params::ParamsMap) -> Option<(&'static str, &'static str)> {
    let is = |key: &str, value: &str| query.get(key).as_deref() == Some(value);
    if is("confirmed", "1") {
        Some(("notice--info", "login-notice-confirmed"))
    } else if is("reset", "sent") {
        Some(("notice--info", "login-notice-reset-sent"))
    } else if is("reset", "done") {
        Some(("notice--info", "login-notice-reset-done"))
    } else if query.get("link").is_some() {
        Some(("notice--error", "login-notice-link-expired"))
    } else {
        None
    }
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let notice = login_notice(&query.read_untracked());
    let next = query.read_untracked().get("next").filter(|next| next.starts_with('/') && !next.starts_with("//"));
    let fields = move |echo: model::account::FormEcho| {
        view! {
            {next.clone().map(|next| view! { <input type="hidden" name="next" value=next /> })}
            <Field echo=echo.clone() name="email" label="form-email" kind="email" autocomplete="email" />
            <Field echo=echo name="password" label="form-password" kind="password" autocomplete="current-password" />
            <button type="submit" class="button">{tr("login-submit")}</button>
        }
    };
    view! {
        <PageTitle text=tr("login-title") />
        <section class="form-page">
            <h1>{tr("login-title")}</h1>
            {notice.map(|(class, id)| view! { <p class=format!("notice {class}") role="status">{tr(id)}</p> })}
            <PageForm name="login" action=path(route::LOG_IN, lang, &[]) fields />
            <p class="form-page__links">
                <a href=path(route::FORGOT, lang, &[])>{tr("login-forgot")}</a>
                " · "
                <a href=path(route::SIGN_UP, lang, &[])>{tr("login-no-account")}</a>
            </p>
        </section>
    }
}

#[component]
pub fn ForgotPage() -> impl IntoView {
    let lang = use_lang();
    let fields = |echo: model::account::FormEcho| {
        view! {
            <Field echo name="email" label="form-email" kind="email" autocomplete="email" />
            <button type="submit" class="button">{tr("forgot-submit")}</button>
        }
    };
    view! {
        <PageTitle text=tr("forgot-title") />
        <section class="form-page">
            <h1>{tr("forgot-title")}</h1>
            <p>{tr("forgot-intro")}</p>
            <PageForm name="forgot" action=path(route::FORGOT, lang, &[]) fields />
        </section>
    }
}
