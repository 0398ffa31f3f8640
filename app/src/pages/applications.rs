//! "Your applications": each application a researcher sent, where it stands, what the
//! institution wrote with each change, and what the researcher can still do (answer an offer,
//! withdraw).

use leptos::prelude::*;
use model::account::PageState;
use model::application::{ApplicationStatus, Mover, SentApplication, StatusChange};
use model::round::RoundSummary;

use crate::api::{my_applications, my_rounds};
use crate::components::form::{CsrfField, page_state};
use crate::components::local_time::When;
use crate::components::notice::DoneNotice;
use crate::i18n::{tr, tr_args, use_lang};
use crate::pages::admin::Loaded;
use crate::pages::postings::{SignedInFrame, title_in};
use crate::url::{path, route};

#[component]
pub fn ApplicationsPage() -> impl IntoView {
    let sent = Resource::new(|| (), |_| my_applications());
    view! {
        <SignedInFrame
            title="applications-title"
            here="applications".to_string()
            content=move |_: PageState| {
                let show = |sent: Vec<SentApplication>| view! { <SentList sent /> };
                view! {
                    <h1>{tr("applications-title")}</h1>
                    <DoneNotice notices=&[("applied", "applications-sent"), ("moved", "applications-updated")] />
                    <RoundsToRank />
                    <Loaded resource=sent show />
                }
            }
        />
    }
}

/// Matching rounds waiting for the researcher's ranking, before their rankings close.
#[component]
fn RoundsToRank() -> impl IntoView {
    let lang = use_lang();
    let rounds = Resource::new(|| (), move |()| my_rounds(lang));
    let show = move |rounds: Option<Vec<RoundSummary>>| {
        let waiting: Vec<RoundSummary> = rounds.unwrap_or_default().into_iter().filter(|r| r.to_rank).collect();
        (!waiting.is_empty()).then(|| {
            let items = waiting
                .into_iter()
                .map(|round| {
                    let closes = l10n::format_utc_time(lang, round.rankings_close);
                    view! {
                        <li>
                            <a href=path(route::ROUND, lang, &[&round.id])>{round.name}</a> " — "
                            {tr_args("round-rank-before", &[("close", closes.into())])}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="notice notice--warning">
                    <p>{tr("round-waiting")}</p>
                    <ul>{items}</ul>
                </div>
            }
        })
    };
    view! { <Loaded resource=rounds show /> }
}

#[component]
fn SentList(sent: Vec<SentApplication>) -> impl IntoView {
    let lang = use_lang();
    if sent.is_empty() {
        return view! {
            <p>{tr("applications-empty")} " " <a href=path(route::OPENINGS, lang, &[])>{tr("applications-find")}</a></p>
        }
        .into_any();
    }
    let items = sent.into_iter().map(|application| view! { <SentItem application /> }).collect_view();
    view! { <ul class="applications">{items}</ul> }.into_any()
}

#[component]
fn SentItem(application: SentApplication) -> impl IntoView {
    let lang = use_lang();
    let (title_lang, title) = title_in(&application.opening_title, lang, application.opening_original);
    let institution = title_in(&application.institution, lang, application.opening_original).1;
    let id = application.id;
    // What the institution last wrote stays in view; the whole history is a click away.
    let latest_message = application.changes.iter().rev().find_map(|change| change.message.clone()).map(|message| {
        view! {
            <div class="application__message">
                <p>{tr("applications-message")}</p>
                <blockquote><p>{message}</p></blockquote>
            </div>
        }
    });
    view! {
        <li class="application" id=format!("application-{id}")>
            <h2 class="application__title">
                <a href=path(route::OPENING, lang, &[&application.opening_id]) lang=title_lang.code()>{title}</a>
            </h2>
            <p class="application__meta">
                {institution} " · " {tr("applications-sent-on")} " " <When at=application.sent_at.clone() />
            </p>
            <p class="application__status">
                {tr("applications-status")} " " <strong class="badge">{tr(application.status.message_id())}</strong>
            </p>
            {application.institution_answer_days.map(|days| view! {
                <p class="field__hint">{crate::i18n::tr_args("applications-answer-days", &[("days", days.into())])}</p>
            })}
            {latest_message}
            <Changes changes=application.changes.clone() />
            <Answers id status=application.status />
        </li>
    }
}

/// The history of an application, oldest first, with the institution's messages.
#[component]
pub(crate) fn Changes(changes: Vec<StatusChange>) -> impl IntoView {
    let items = changes
        .into_iter()
        .map(|change| {
            let message = change.message.map(|message| view! { <blockquote><p>{message}</p></blockquote> });
            view! {
                <li>
                    <When at=change.at /> " — " {tr(change.status.message_id())}
                    {message}
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="application__history">
            <summary>{tr("applications-history")}</summary>
            <ol>{items}</ol>
        </details>
    }
}

/// What the researcher can do now: answer an offer, or withdraw (final).
#[component]
fn Answers(id: i64, status: ApplicationStatus) -> impl IntoView {
    let lang = use_lang();
    let action = path(route::MOVE_APPLICATION, lang, &[&id]);
    let mut choices: Vec<(ApplicationStatus, &'static str, &'static str)> = Vec::new();
    for (to, label, class) in [
        (ApplicationStatus::Accepted, "applications-accept", "button"),
        (ApplicationStatus::Declined, "applications-decline", "button button--secondary"),
        (ApplicationStatus::Withdrawn, "applications-withdraw", "button button--secondary"),
    ] {
        if status.may_move(to, Mover::Applicant) {
            choices.push((to, label, class));
        }
    }
    if choices.is_empty() {
        return ().into_any();
    }
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let (action, choices) = (action.clone(), choices.clone());
                Suspend::new(async move {
                    let state = page_state().await;
                    let buttons = choices
                        .into_iter()
                        .map(|(to, label, class)| {
                            view! { <button type="submit" name="status" value=to.code() class=class>{tr(label)}</button> }
                        })
                        .collect_view();
                    view! {
                        <form method="post" action=action class="inline-form application__answers">
                            <CsrfField token=state.csrf.clone() />
                            {buttons}
                        </form>
                        <p class="field__hint">{tr("applications-withdraw-hint")}</p>
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}
