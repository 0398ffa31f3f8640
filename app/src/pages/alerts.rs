//! "Your alerts": the searches a person saved and their profile alert, how often each comes,
//! when the next digest is due; changing, deleting, and setting up "new openings for you".
//! And the page a digest's unsubscribe link opens.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use model::Lang;
use model::account::PageState;
use model::alert::{AlertView, Frequency, Subject};

use crate::api::{alert_to_unsubscribe, my_alerts};
use crate::components::form::{CsrfField, PageForm, page_state};
use crate::components::local_time::When;
use crate::components::notice::DoneNotice;
use crate::components::page_title::PageTitle;
use crate::components::save_search::FrequencyChoice;
use crate::i18n::{tr, tr_args, use_lang};
use crate::pages::admin::Loaded;
use crate::pages::postings::SignedInFrame;
use crate::url::{path, route, search_href};

#[component]
pub fn AlertsPage() -> impl IntoView {
    let alerts = Resource::new(|| (), |_| my_alerts());
    view! {
        <SignedInFrame
            title="alerts-title"
            here="alerts".to_string()
            content=move |_: PageState| {
                let show = |alerts: Vec<AlertView>| view! { <AlertList alerts /> };
                view! {
                    <h1>{tr("alerts-title")}</h1>
                    <DoneNotice notices=&[
                        ("saved", "alerts-saved"),
                        ("changed", "alerts-changed"),
                        ("deleted", "alerts-deleted"),
                    ] />
                    <p>{tr("alerts-intro")}</p>
                    <Loaded resource=alerts show />
                }
            }
        />
    }
}

#[component]
fn AlertList(alerts: Vec<AlertView>) -> impl IntoView {
    let lang = use_lang();
    let has_profile_alert = alerts.iter().any(|alert| alert.subject == Subject::Profile);
    let list = if alerts.is_empty() {
        view! { <p>{tr("alerts-empty")} " " <a href=path(route::OPENINGS, lang, &[])>{tr("alerts-find")}</a></p> }
            .into_any()
    } else {
        let items = alerts.into_iter().map(|alert| view! { <AlertItem alert /> }).collect_view();
        view! { <ul class="alerts">{items}</ul> }.into_any()
    };
    view! {
        <h2>{tr("alerts-list-title")}</h2>
        {list}
        {(!has_profile_alert).then(|| view! { <ProfileAlertForm /> })}
    }
}

/// What an alert follows, in the reader's words: the search (a link to its list page) or
/// their profile.
fn subject_text(subject: &Subject, lang: Lang) -> (String, String) {
    match subject {
        Subject::Search { params, .. } => (l10n::describe_search(lang, params), search_href(lang, params, 1)),
        Subject::Profile => (tr("alert-profile"), path(route::PROFILE, lang, &[])),
    }
}

#[component]
fn AlertItem(alert: AlertView) -> impl IntoView {
    let lang = use_lang();
    let (text, href) = subject_text(&alert.subject, lang);
    let action = path(route::ALERT, lang, &[&alert.id]);
    let id = alert.id;
    view! {
        <li class="alert-item" id=format!("alert-{id}")>
            <h3 class="alert-item__subject"><a href=href>{text.clone()}</a></h3>
            <p class="alert-item__meta">{tr("alerts-next")} " " <When at=alert.next_due_at.clone() /></p>
            <Suspense fallback=|| ()>
                {move || {
                    let (action, text) = (action.clone(), text.clone());
                    Suspend::new(async move {
                        let state = page_state().await;
                        view! {
                            <form method="post" action=action.clone() class="inline-form">
                                <CsrfField token=state.csrf.clone() />
                                <input type="hidden" name="action" value="change" />
                                <FrequencyChoice id=format!("frequency-{id}") selected=alert.frequency />
                                <button type="submit">{tr("alerts-change")}</button>
                            </form>
                            <form method="post" action=action class="inline-form">
                                <CsrfField token=state.csrf.clone() />
                                <input type="hidden" name="action" value="delete" />
                                <button type="submit" class="button--secondary" aria-label=tr_args("alerts-delete-label", &[("alert", text.into())])>
                                    {tr("alerts-delete")}
                                </button>
                            </form>
                        }
                    })
                }}
            </Suspense>
        </li>
    }
}

/// "E-mail me new openings for my profile".
#[component]
fn ProfileAlertForm() -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="profile-alert" aria-labelledby="profile-alert-title">
            <h2 id="profile-alert-title">{tr("alerts-profile-title")}</h2>
            <p>{tr("alerts-profile-intro")}</p>
            <PageForm
                name="save-alert"
                action=path(route::ALERTS, lang, &[])
                fields=move |_| view! {
                    <input type="hidden" name="profile" value="1" />
                    <FrequencyChoice id="profile-alert-frequency".to_string() selected=Frequency::Weekly />
                    <button type="submit">{tr("alerts-profile-button")}</button>
                }
            />
        </section>
    }
}

/// The page a digest's unsubscribe link opens: what the alert is, and one button.
#[component]
pub fn UnsubscribePage() -> impl IntoView {
    let lang = use_lang();
    let key = use_params_map().read_untracked().get("key").unwrap_or_default();
    let done = use_query_map().read_untracked().get("done").is_some();
    let alert = Resource::new(move || key.clone(), alert_to_unsubscribe);
    let action_key = use_params_map().read_untracked().get("key").unwrap_or_default();
    let show = move |alert: Option<AlertView>| match alert {
        _ if done => view! {
            <p class="notice notice--info" role="status">{tr("unsubscribe-done")}</p>
            <p><a href=path(route::ALERTS, lang, &[])>{tr("unsubscribe-manage")}</a></p>
        }
        .into_any(),
        Some(alert) => {
            let what = subject_text(&alert.subject, lang).0;
            view! {
                <p>{tr_args("unsubscribe-confirm", &[("alert", what.into())])}</p>
                <form method="post" action=path(route::UNSUBSCRIBE, lang, &[&action_key])>
                    <input type="hidden" name="from" value="page" />
                    <button type="submit">{tr("unsubscribe-button")}</button>
                </form>
            }
            .into_any()
        }
        None => view! { <p>{tr("unsubscribe-gone")}</p> }.into_any(),
    };
    view! {
        <PageTitle text=format!("{} – {}", tr("unsubscribe-title"), tr("site-name")) />
        <h1>{tr("unsubscribe-title")}</h1>
        <Loaded resource=alert show />
    }
}
