//! The page behind a password reset link: a new password.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::components::form::{CsrfField, Field, FormAlert, echo_of, page_state};
use crate::i18n::{tr, use_lang};

#[component]
pub fn ResetPage() -> impl IntoView {
    let lang = use_lang();
    // The form posts back to this same URL, token included, so that a rejected password shows
    // the form again with the link still usable.
    let token = use_query_map().read_untracked().get("token").unwrap_or_default();
    let action = format!("/{}/reset?token={}", lang.code(), crate::url::encode(&token));
    view! {
        <Title text=tr("reset-title") />
        <section class="form-page">
            <h1>{tr("reset-title")}</h1>
            <Suspense fallback=|| ()>
                {move || {
                    let action = action.clone();
                    Suspend::new(async move {
                        let state = page_state().await;
                        let echo = echo_of(&state, "reset");
                        view! {
                            <form method="post" action=action class="stacked-form" novalidate>
                                <CsrfField token=state.csrf.clone() />
                                <FormAlert echo=echo.clone() />
                                <Field
                                    echo=echo.clone()
                                    name="password"
                                    label="form-new-password"
                                    kind="password"
                                    autocomplete="new-password"
                                    hint="form-password-hint"
                                />
                                <button type="submit" class="button">{tr("reset-submit")}</button>
                            </form>
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}
