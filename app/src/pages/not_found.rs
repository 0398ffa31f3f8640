//! 404: in the URL's language when it names one of ours, else the negotiated one.

use leptos::prelude::*;
use leptos_meta::Html;

use crate::components::page_title::PageTitle;
use leptos_router::hooks::use_location;
use model::Lang;

use crate::i18n::{Locale, fallback_lang, tr};
use crate::status::Status;

/// The router's fallback: no route matched.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let path = use_location().pathname.get_untracked();
    let from_url = path.trim_start_matches('/').split('/').next().and_then(Lang::from_code);
    let lang = from_url.unwrap_or_else(fallback_lang);
    provide_context(Locale(lang));
    view! {
        <Html {..} lang=lang.code() />
        <main id="main">
            <NotFound message="not-found-text" />
        </main>
    }
}

/// The 404 body, also used inside the layout for an unknown opening.
#[component]
pub fn NotFound(message: &'static str) -> impl IntoView {
    Status::capture().set(404);
    let home = crate::url::path(crate::url::route::HOME, crate::i18n::use_lang(), &[]);
    view! {
        <PageTitle text=tr("not-found-title") />
        <section class="notice">
            <h1>{tr("not-found-title")}</h1>
            <p>{tr(message)}</p>
            <p><a href=home>{tr("not-found-home")}</a></p>
        </section>
    }
}
