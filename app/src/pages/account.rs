//! The signed-in person's page: their address and whether it is confirmed, their name and
//! preferred language. Signed out, it sends them to the sign-in page and back here after.

use crate::components::page_title::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use model::account::{InstitutionRole, Viewer};

use crate::components::form::{CsrfField, Field, NewPasswordField, PageForm, Select, echo_of, page_state};
use crate::i18n::{tr, tr_args, use_lang};
use crate::pages::signup::LanguageSelect;
use crate::status::Status;
use crate::url::{path, route};

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
    } else if query.get("added").is_some() {
        Some(("notice--info", tr("account-notice-added")))
    } else if query.get("joined").is_some() {
        Some(("notice--info", tr("account-notice-joined")))
    } else if is("password", "changed") {
        Some(("notice--info", tr("account-notice-password")))
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
    // Made with the page, outside the `Suspend` below (see `postings::PostingsPage`).
    let joinable = Resource::new(|| (), |_| crate::api::joinable_institutions());
    view! {
        <PageTitle text=tr("account-title") />
        <section class="form-page">
            <h1>{tr("account-title")}</h1>
            <Suspense fallback=|| ()>
                {move || {
                    let status = status.clone();
                    Suspend::new(async move {
                        let state = page_state().await;
                        let Some(viewer) = state.viewer.clone() else {
                            status.redirect(&crate::url::sign_in_then(lang, &path(route::ACCOUNT, lang, &[])));
                            return ().into_any();
                        };
                        let notice = account_notice(&query.read_untracked(), &viewer);
                        let echo = echo_of(&state, "account");
                        let confirmation = if viewer.email_confirmed {
                            view! { <p>{tr_args("account-email-confirmed", &[("email", viewer.email.clone().into())])}</p> }
                                .into_any()
                        } else {
                            view! {
                                <div class="notice notice--info">
                                    <p>{tr_args("account-email-unconfirmed", &[("email", viewer.email.clone().into())])}</p>
                                    <form method="post" action=path(route::RESEND_CONFIRMATION, lang, &[])>
                                        <CsrfField token=state.csrf.clone() />
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
                            <Institutions viewer=viewer.clone() csrf=state.csrf.clone() joinable />
                            <h2>{tr("account-settings")}</h2>
                            <form method="post" action=path(route::ACCOUNT, lang, &[]) class="stacked-form" novalidate>
                                <CsrfField token=state.csrf.clone() />
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
                            <h2>{tr("account-password")}</h2>
                            <PageForm name="password" action=path(route::CHANGE_PASSWORD, lang, &[]) fields=password_fields />
                        }
                        .into_any()
                    })
                }}
            </Suspense>
        </section>
    }
}

/// The institutions the viewer belongs to, and those their confirmed address lets them join.
#[component]
fn Institutions(
    viewer: Viewer,
    csrf: String,
    joinable: Resource<Result<Vec<model::account::InstitutionRef>, ServerFnError>>,
) -> impl IntoView {
    let lang = use_lang();
    let name_of = move |institution: &model::account::InstitutionRef| institution.name_in(lang);
    let memberships = viewer
        .memberships
        .iter()
        .map(|m| {
            let role = match m.role {
                InstitutionRole::Member => tr("account-role-member"),
                InstitutionRole::Admin => tr("account-role-admin"),
            };
            view! { <li>{name_of(&m.institution)} " — " {role}</li> }
        })
        .collect_view();
    let confirmed = viewer.email_confirmed;
    let has_memberships = !viewer.memberships.is_empty();
    let email = viewer.email.clone();
    view! {
        <h2 id="institutions">{tr("account-institutions")}</h2>
        {has_memberships.then(|| view! {
            <ul>{memberships}</ul>
            <p><a class="button" href=path(route::NEW_POSTING, lang, &[])>{tr("postings-new")}</a></p>
        })}
        <Suspense fallback=|| ()>
            {move || {
                let (csrf, email) = (csrf.clone(), email.clone());
                Suspend::new(async move {
                    let joinable = joinable.await.unwrap_or_default();
                    if joinable.is_empty() {
                        return (!has_memberships)
                            .then(|| view! {
                                <p>{tr("account-no-institution")}</p>
                                {confirmed.then(|| view! { <AddInstitution email /> })}
                            })
                            .into_any();
                    }
                    if !confirmed {
                        return view! { <p>{tr("join-error-unconfirmed")}</p> }.into_any();
                    }
                    joinable
                        .into_iter()
                        .map(|institution| {
                            let name = name_of(&institution);
                            view! {
                                <form method="post" action=path(route::JOIN, lang, &[])>
                                    <CsrfField token=csrf.clone() />
                                    <input type="hidden" name="institution" value=institution.slug.clone() />
                                    <p>{tr_args("account-can-join", &[("institution", name.clone().into())])}</p>
                                    <button type="submit" class="button">
                                        {tr_args("account-join", &[("institution", name.into())])}
                                    </button>
                                </form>
                            }
                        })
                        .collect_view()
                        .into_any()
                })
            }}
        </Suspense>
    }
}

/// "Add your institution", for a confirmed address whose domain no institution has: on that
/// domain (or a parent), the person becomes its administrator until Passerelle verifies it.
#[component]
fn AddInstitution(email: String) -> impl IntoView {
    let lang = use_lang();
    let domains: Vec<(String, String)> = model::institution_form::addable_domains(&email)
        .into_iter()
        .map(|domain| (domain.to_string(), domain.to_string()))
        .collect();
    if domains.is_empty() {
        return view! { <p>{tr("institution-add-webmail")}</p> }.into_any();
    }
    let fields = move |echo: model::account::FormEcho| {
        view! {
            <Field echo=echo.clone() name="name" label="institution-add-name" autocomplete="organization" />
            <Select echo=echo.clone() name="domain" label=tr("institution-add-domain") options=domains.clone() />
            <Select echo=echo.clone() name="country" label=tr("posting-country") options=l10n::countries(lang) />
            <Field echo name="city" label="posting-city" />
            <button type="submit" class="button">{tr("institution-add-submit")}</button>
        }
    };
    view! {
        <h3>{tr("institution-add-title")}</h3>
        <p>{tr("institution-add-intro")}</p>
        <PageForm name="institution" action=path(route::ADD_INSTITUTION, lang, &[]) fields />
    }
    .into_any()
}

fn password_fields(echo: model::account::FormEcho) -> impl IntoView {
    view! {
        <Field
            echo=echo.clone()
            name="current_password"
            label="form-current-password"
            kind="password"
            autocomplete="current-password"
        />
        <NewPasswordField echo label="form-new-password" />
        <button type="submit" class="button">{tr("account-password-save")}</button>
    }
}
