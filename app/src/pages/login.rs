//! Signing in, and asking for a password reset link.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::form::{CsrfField, Field, FormAlert, echo_of, page_state};
use crate::i18n::{tr, use_lang};

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
    let action = format!("/{}/login", lang.code());
    let links = (format!("/{}/signup", lang.code()), format!("/{}/forgot", lang.code()));
    view! {
        <Title text=tr("login-title") />
        <section class="form-page">
            <h1>{tr("login-title")}</h1>
            {notice.map(|(class, id)| view! { <p class=format!("notice {class}") role="status">{tr(id)}</p> })}
            <Suspense fallback=|| ()>
                {move || {
                    let (action, next, links) = (action.clone(), next.clone(), links.clone());
                    Suspend::new(async move {
                        let state = page_state().await;
                        let echo = echo_of(&state, "login");
                        view! {
                            <form method="post" action=action class="stacked-form" novalidate>
                                <CsrfField token=state.csrf.clone() />
                                {next.map(|next| view! { <input type="hidden" name="next" value=next /> })}
                                <FormAlert echo=echo.clone() />
                                <Field echo=echo.clone() name="email" label="form-email" kind="email" autocomplete="email" />
                                <Field
                                    echo=echo.clone()
                                    name="password"
                                    label="form-password"
                                    kind="password"
                                    autocomplete="current-password"
                                />
                                <button type="submit" class="button">{tr("login-submit")}</button>
                            </form>
                            <p class="form-page__links">
                                <a href=links.1>{tr("login-forgot")}</a>
                                " · "
                                <a href=links.0>{tr("login-no-account")}</a>
                            </p>
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}

#[component]
pub fn ForgotPage() -> impl IntoView {
    let lang = use_lang();
    let action = format!("/{}/forgot", lang.code());
    view! {
        <Title text=tr("forgot-title") />
        <section class="form-page">
            <h1>{tr("forgot-title")}</h1>
            <p>{tr("forgot-intro")}</p>
            <Suspense fallback=|| ()>
                {move || {
                    let action = action.clone();
                    Suspend::new(async move {
                        let state = page_state().await;
                        let echo = echo_of(&state, "forgot");
                        view! {
                            <form method="post" action=action class="stacked-form" novalidate>
                                <CsrfField token=state.csrf.clone() />
                                <FormAlert echo=echo.clone() />
                                <Field echo=echo.clone() name="email" label="form-email" kind="email" autocomplete="email" />
                                <button type="submit" class="button">{tr("forgot-submit")}</button>
                            </form>
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}
