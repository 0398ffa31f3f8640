//! The page behind a password reset link: a new password.

use crate::components::page_title::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::form::{NewPasswordField, PageForm};
use crate::i18n::{tr, use_lang};
use crate::url::{path, route};

#[component]
pub fn ResetPage() -> impl IntoView {
    let lang = use_lang();
    // The form posts back to this same URL, token included, so that a rejected password shows
    // the form again with the link still usable.
    let token = use_query_map().read_untracked().get("token").unwrap_or_default();
    let action = format!("{}?token={}", path(route::RESET, lang, &[]), crate::url::encode(&token));
    let fields = |echo: model::account::FormEcho| {
        view! {
            <NewPasswordField echo label="form-new-password" />
            <button type="submit" class="button">{tr("reset-submit")}</button>
        }
    };
    view! {
        <PageTitle text=tr("reset-title") />
        <section class="form-page">
            <h1>{tr("reset-title")}</h1>
            <PageForm name="reset" action fields />
        </section>
    }
}
