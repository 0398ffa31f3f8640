//! An opening's candidates, for the members of its institution: researchers who show their
//! profile to verified institutions, ranked for the opening with why each one fits and where
//! they fall short, each with an "Invite to apply" button.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use model::account::PageState;
use model::candidate::{CandidateView, OpeningCandidates};

use crate::api::opening_candidates;
use crate::components::form::{CsrfField, page_state};
use crate::components::notice::DoneNotice;
use crate::components::opening_card::Reasons;
use crate::i18n::{tr, tr_args, use_lang};
use crate::pages::NotFound;
use crate::pages::admin::Loaded;
use crate::pages::postings::{SignedInFrame, title_in};
use crate::pages::received::ProfileSummary;
use crate::url::{path, route};

#[component]
pub fn CandidatesPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|raw| raw.parse::<i64>().ok()).filter(|id| *id > 0));
    let found = Resource::new(
        move || id.get(),
        move |id| async move {
            match id {
                Some(id) => opening_candidates(id, lang).await,
                None => Ok(None),
            }
        },
    );
    let here = format!("postings/{}/candidates", id.get_untracked().unwrap_or_default());
    view! {
        <SignedInFrame
            title="candidates-title"
            here
            content=move |_: PageState| {
                let show = |found: Option<OpeningCandidates>| match found {
                    Some(opening) => view! { <Candidates opening /> }.into_any(),
                    None => view! { <NotFound message="not-found-posting" /> }.into_any(),
                };
                view! { <Loaded resource=found show /> }
            }
        />
    }
}

#[component]
fn Candidates(opening: OpeningCandidates) -> impl IntoView {
    let lang = use_lang();
    let (title_lang, title) = title_in(&opening.title, lang, opening.original);
    let id = opening.opening_id;
    let list = if !opening.institution_verified {
        view! { <p class="notice notice--info">{tr("candidates-not-verified")}</p> }.into_any()
    } else if opening.candidates.is_empty() {
        view! { <p>{tr("candidates-none")}</p> }.into_any()
    } else {
        let items =
            opening.candidates.into_iter().map(|candidate| view! { <Candidate opening=id candidate /> }).collect_view();
        view! { <ul class="applications">{items}</ul> }.into_any()
    };
    view! {
        <h1>{tr("candidates-title")} ": " <span lang=title_lang.code()>{title}</span></h1>
        <p>
            <a href=path(route::POSTING, lang, &[&id])>{tr("received-back")}</a> " · "
            <a href=path(route::POSTING_APPLICATIONS, lang, &[&id])>{tr("received-title")}</a>
        </p>
        <DoneNotice notices=&[("invited", "candidates-invited-notice")] />
        <p>{tr("candidates-intro")}</p>
        {list}
    }
}

#[component]
fn Candidate(opening: i64, candidate: CandidateView) -> impl IntoView {
    let lang = use_lang();
    let account = candidate.account_id;
    let name = candidate.display_name.clone();
    let cv = candidate.cv_id.map(|cv| {
        view! { <p><a href=path(route::CV, lang, &[&cv]) rel="external" download="">{tr("candidates-cv")}</a></p> }
    });
    let invite = if candidate.invited {
        view! { <p class="badge">{tr("candidates-invited")}</p> }.into_any()
    } else {
        let action = path(route::INVITE, lang, &[&opening, &account]);
        let label = tr_args("candidates-invite-label", &[("name", name.clone().into())]);
        view! {
            <Suspense fallback=|| ()>
                {move || {
                    let (action, label) = (action.clone(), label.clone());
                    Suspend::new(async move {
                        let state = page_state().await;
                        view! {
                            <form method="post" action=action class="inline-form">
                                <CsrfField token=state.csrf.clone() />
                                <button type="submit" aria-label=label>{tr("candidates-invite")}</button>
                            </form>
                        }
                    })
                }}
            </Suspense>
        }
        .into_any()
    };
    view! {
        <li class="application" id=format!("candidate-{account}")>
            <h2 class="application__title">{name}</h2>
            <Reasons reasons=candidate.reasons label="candidates-reasons" />
            <ProfileSummary profile=candidate.profile />
            {cv}
            {invite}
        </li>
    }
}
