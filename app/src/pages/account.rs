//! The signed-in person's page: their address and whether it is confirmed, their name and
//! preferred language. Signed out, it sends them to the sign-in page and back here after.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use model::account::Viewer;

use crate::components::form::{CsrfField, Field, FormAlert, echo_of, page_state};
use crate::i18n::{tr, tr_args, use_lang};
use crate::pages::signup::LanguageSelect;
use crate::status::Status;

/// What the page says after a redirect, by its query.
fn account_notice(query: &leptos_router::params::ParamsMap, viewer: &Viewer) -> Option<(&'static str, String)> {
    let is = |key: &str, value: &str| query.get(key).as_deref() == Some(value);
    let email = || vec![("email", viewer.email.clone().into())];
    if is("welcome", "1") {
        Some(("notice--info", tr_args("account-notice-welcome", &email())))
    } else if is("sent", "1") {
        Some(("notice--info", tr_args("account-notice-sent", &email())))
    } else if is("confirmed", "1") {
        Some(("notice--info", tr("account-notice-confirmed")))
    } else if is("saved", "1") {
        Some(("notice--info", tr("account-notice-saved")))
    } else if query.get("link").is_some() {
        Some(("notice--error", tr("login-notice-link-expired")))
    } else {
        None
    }
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let status = Status::capture();
    view! {
        <Title text=tr("account-title") />
        <section class="form-page">
            <h1>{tr("account-title")}</h1>
            <Suspense fallback=|| ()>
                {move || {
                    let status = status.clone();
                    Suspend::new(async move {
                        let state = page_state().await;
                        let Some(viewer) = state.viewer.clone() else {
                            let back = crate::url::encode(&format!("/{}/account", lang.code()));
                            status.redirect(&format!("/{}/login?next={back}", lang.code()));
                            return ().into_any();
                        };
                        let notice = account_notice(&query.read_untracked(), &viewer);
                        let echo = echo_of(&state, "account");
                        let resend_echo = echo_of(&state, "resend");
                        let confirmation = if viewer.email_confirmed {
                            view! { <p>{tr_args("account-email-confirmed", &[("email", viewer.email.clone().into())])}</p> }
                                .into_any()
                        } else {
                            view! {
                                <div class="notice notice--info">
                                    <p>{tr_args("account-email-unconfirmed", &[("email", viewer.email.clone().into())])}</p>
                                    <form method="post" action=format!("/{}/account/confirm", lang.code())>
                                        <CsrfField token=state.csrf.clone() />
                                        <FormAlert echo=resend_echo />
                                        <button type="submit" class="button button--secondary">
                                            {tr("account-resend")}
                                        </button>
                                    </form>
                                </div>
                            }
                            .into_any()
                        };
                        view! {
                            {notice.map(|(class, text)| view! { <p class=format!("notice {class}") role="status">{text}</p> })}
                            {confirmation}
                            <h2>{tr("account-settings")}</h2>
                            <form method="post" action=format!("/{}/account", lang.code()) class="stacked-form" novalidate>
                                <CsrfField token=state.csrf.clone() />
                                <FormAlert echo=echo.clone() />
                                <Field
                                    echo=echo.clone()
                                    name="display_name"
                                    label="form-display-name"
                                    autocomplete="name"
                                    value=viewer.display_name.clone()
                                />
                                <LanguageSelect echo=echo.clone() current=viewer.lang />
                                <button type="submit" class="button">{tr("account-save")}</button>
                            </form>
                        }
                        .into_any()
                    })
                }}
            </Suspense>
        </section>
    }
}
