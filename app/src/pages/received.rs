//! An opening's applications, for the members of its institution: filtered, sorted and paged
//! on the server by the list's own form (a plain GET, so it works without JavaScript; a page of
//! 50 at a time however many there are), each with what the applicant
//! shares (profile, letter, CV), its history, and the form that moves it along with a message
//! for the researcher. The whole list downloads as CSV.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use model::account::PageState;
use model::application::{ApplicationFilter, ApplicationStatus, Mover, OpeningApplications, ReceivedApplication};
use model::profile::Profile;
use model::vocab::CareerStage;

use crate::api::opening_applications;
use crate::components::form::{CsrfField, echo_of, page_state};
use crate::components::local_time::When;
use crate::components::pagination::Pagination;
use crate::i18n::{tr, tr_args, use_lang};
use crate::pages::NotFound;
use crate::pages::admin::Loaded;
use crate::pages::applications::Changes;
use crate::pages::postings::{SignedInFrame, title_in};
use crate::url::{path, route};

/// The list's filters, order and page, from the URL.
fn filter_of(query: &leptos_router::params::ParamsMap) -> ApplicationFilter {
    let pairs: Vec<(String, String)> = ["status", "stage", "language", "sort", "page"]
        .iter()
        .filter_map(|k| Some((k.to_string(), query.get(k)?)))
        .collect();
    ApplicationFilter::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

#[component]
pub fn PostingApplicationsPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|raw| raw.parse::<i64>().ok()).filter(|id| *id > 0));
    let filter = Memo::new(move |_| filter_of(&query.read()));
    let received = Resource::new(
        move || (id.get(), filter.get()),
        |(id, filter)| async move {
            match id {
                Some(id) => opening_applications(id, filter).await,
                None => Ok(None),
            }
        },
    );
    let here = format!("postings/{}/applications", id.get_untracked().unwrap_or_default());
    view! {
        <SignedInFrame
            title="received-title"
            here
            content=move |_: PageState| {
                let show = |found: Option<OpeningApplications>| match found {
                    Some(opening) => view! { <Received opening /> }.into_any(),
                    None => view! { <NotFound message="not-found-posting" /> }.into_any(),
                };
                view! { <Loaded resource=received show /> }
            }
        />
    }
}

#[component]
fn Received(opening: OpeningApplications) -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let (title_lang, title) = title_in(&opening.title, lang, opening.original);
    let id = opening.opening_id;
    let list = path(route::POSTING_APPLICATIONS, lang, &[&id]);
    // The CSV and the other pages keep the list's filters.
    let kept = move |page: Option<u32>| {
        let query = query.read_untracked();
        let mut pairs: Vec<String> = ["status", "stage", "language", "sort"]
            .iter()
            .filter_map(|k| query.get(k).filter(|v| !v.is_empty()).map(|v| format!("{k}={}", crate::url::encode(&v))))
            .collect();
        pairs.extend(page.map(|page| format!("page={page}")));
        if pairs.is_empty() { String::new() } else { format!("?{}", pairs.join("&")) }
    };
    let csv = format!("{}{}", path(route::POSTING_APPLICATIONS_CSV, lang, &[&id]), kept(None));
    let count = tr_args("received-count", &[("shown", opening.matching.into()), ("total", opening.total.into())]);
    let items = opening
        .applications
        .into_iter()
        .map(|application| view! { <ReceivedItem application opening=id /> })
        .collect_view();
    let pages = u32::try_from(opening.pages).unwrap_or(u32::MAX);
    let page = u32::try_from(opening.page).unwrap_or(1);
    view! {
        <h1>{tr("received-title")} ": " <span lang=title_lang.code()>{title}</span></h1>
        <p>
            <a href=path(route::POSTING, lang, &[&id])>{tr("received-back")}</a> " · "
            <a href=csv rel="external" download="">{tr("received-csv")}</a> " · "
            <a href=path(route::CANDIDATES, lang, &[&id])>{tr("candidates-link")}</a>
        </p>
        <ListFilters opening=id />
        <p role="status">{count}</p>
        <ul class="applications">{items}</ul>
        <Pagination page pages href_for=move |n| format!("{list}{}", kept(Some(n))) />
    }
}

/// The filters and the order, as a GET form.
#[component]
fn ListFilters(opening: i64) -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let current = move |name: &str| query.read_untracked().get(name).unwrap_or_default();
    let options = |pairs: Vec<(String, String)>, chosen: String| {
        pairs
            .into_iter()
            .map(|(value, shown)| {
                let selected = value == chosen;
                view! { <option value=value selected=selected>{shown}</option> }
            })
            .collect_view()
    };
    let all = || (String::new(), tr("received-all"));
    let statuses = std::iter::once(all())
        .chain(ApplicationStatus::ALL.iter().map(|s| (s.code().to_string(), tr(s.message_id()))))
        .collect();
    let stages = std::iter::once(all())
        .chain(CareerStage::ALL.iter().map(|s| (s.code().to_string(), tr(s.message_id()))))
        .collect();
    let sorts = vec![("newest".to_string(), tr("received-newest")), ("oldest".to_string(), tr("received-oldest"))];
    view! {
        <form method="get" action=path(route::POSTING_APPLICATIONS, lang, &[&opening]) class="filters">
            <div class="filter">
                <label for="filter-status">{tr("received-status")}</label>
                <select id="filter-status" name="status">{options(statuses, current("status"))}</select>
            </div>
            <div class="filter">
                <label for="filter-stage">{tr("received-stage")}</label>
                <select id="filter-stage" name="stage">{options(stages, current("stage"))}</select>
            </div>
            <div class="filter">
                <label for="filter-language">{tr("received-language")}</label>
                <input id="filter-language" name="language" maxlength="2" size="3" value=current("language") />
            </div>
            <div class="filter">
                <label for="filter-sort">{tr("received-sort")}</label>
                <select id="filter-sort" name="sort">{options(sorts, current("sort"))}</select>
            </div>
            <button type="submit" class="button button--secondary">{tr("received-apply-filters")}</button>
        </form>
    }
}

#[component]
fn ReceivedItem(application: ReceivedApplication, opening: i64) -> impl IntoView {
    let lang = use_lang();
    let id = application.id;
    let cv = application.cv_id.map(|cv| view! { <p><a href=path(route::CV, lang, &[&cv])>{tr("received-cv")}</a></p> });
    let profile = match application.profile.clone() {
        Some(profile) => view! { <ProfileSummary profile /> }.into_any(),
        None => view! { <p class="field__hint">{tr("received-no-profile")}</p> }.into_any(),
    };
    view! {
        <li class="application" id=format!("application-{id}")>
            <h2 class="application__title">{application.applicant_name.clone()}</h2>
            <p class="application__meta">
                <a href=format!("mailto:{}", application.applicant_email)>{application.applicant_email.clone()}</a>
                " · " {tr("applications-sent-on")} " " <When at=application.sent_at.clone() />
            </p>
            <p class="application__status">
                {tr("applications-status")} " " <strong class="badge">{tr(application.status.message_id())}</strong>
            </p>
            {profile}
            <h3>{tr("received-letter")}</h3>
            <div class="application__letter" lang=application.letter_lang.code()>
                <p>{application.letter.clone()}</p>
            </div>
            {(!application.answers.is_empty()).then(|| {
                let answers = application.answers.iter().map(|qa| view! {
                    <div class="fact"><dt>{qa.question.clone()}</dt><dd>{qa.answer.clone()}</dd></div>
                }).collect_view();
                view! { <h3>{tr("received-answers")}</h3> <dl class="application__answers">{answers}</dl> }
            })}
            {cv}
            <Changes changes=application.changes.clone() />
            <MoveForm id status=application.status opening />
        </li>
    }
}

/// What the applicant's profile says, briefly.
#[component]
pub(crate) fn ProfileSummary(profile: Profile) -> impl IntoView {
    let lang = use_lang();
    let stage = profile.career_stage.map(|stage| tr(stage.message_id())).unwrap_or_else(|| "—".into());
    let fields = profile.fields.iter().map(|f| tr(f.message_id())).collect::<Vec<_>>().join(", ");
    let languages = profile
        .languages
        .iter()
        .map(|l| format!("{} {}", l10n::language_name(lang, &l.lang), l.level.code()))
        .collect::<Vec<_>>()
        .join(", ");
    let interests = profile.interests_in(lang).map(|(written, text)| {
        view! { <div class="fact"><dt>{tr("received-interests")}</dt><dd lang=written.code()>{text.to_string()}</dd></div> }
    });
    let orcid = profile.orcid.clone().map(|orcid| {
        let href = format!("https://orcid.org/{orcid}");
        view! { <div class="fact"><dt>"ORCID"</dt><dd><a href=href rel="noopener external">{orcid}</a></dd></div> }
    });
    view! {
        <dl class="application__profile">
            <div class="fact"><dt>{tr("profile-career-stage")}</dt><dd>{stage}</dd></div>
            <div class="fact"><dt>{tr("profile-fields")}</dt><dd>{fields}</dd></div>
            <div class="fact"><dt>{tr("received-languages")}</dt><dd>{languages}</dd></div>
            <div class="fact"><dt>{tr("profile-keywords")}</dt><dd>{profile.keywords.join(", ")}</dd></div>
            {interests}
            {orcid}
        </dl>
    }
}

/// Moves the application along, with a message for the researcher.
#[component]
fn MoveForm(id: i64, status: ApplicationStatus, opening: i64) -> impl IntoView {
    let lang = use_lang();
    let next: Vec<ApplicationStatus> =
        ApplicationStatus::ALL.iter().copied().filter(|to| status.may_move(*to, Mover::Institution)).collect();
    if next.is_empty() {
        return ().into_any();
    }
    let action = path(route::MOVE_APPLICATION, lang, &[&id]);
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let (action, next) = (action.clone(), next.clone());
                Suspend::new(async move {
                    let state = page_state().await;
                    let echo = echo_of(&state, &format!("application-{id}"));
                    let options = next
                        .iter()
                        .map(|to| view! { <option value=to.code()>{tr(to.message_id())}</option> })
                        .collect_view();
                    let (status_id, message_id) = (format!("move-{id}-status"), format!("move-{id}-message"));
                    let error = echo.error("").or(echo.error("message")).map(tr);
                    view! {
                        <form method="post" action=action class="stacked-form application__move">
                            <CsrfField token=state.csrf.clone() />
                            <input type="hidden" name="opening" value=opening />
                            <div class="field">
                                <label for=status_id.clone()>{tr("received-move-to")}</label>
                                <select id=status_id name="status">{options}</select>
                            </div>
                            <div class="field">
                                <label for=message_id.clone()>{tr("received-message")}</label>
                                <p class="field__hint">{tr("received-message-hint")}</p>
                                <textarea id=message_id name="message" rows="3" maxlength="2000">
                                    {echo.value("message").map(str::to_string)}
                                </textarea>
                            </div>
                            {error.map(|message| view! { <p class="field__error">{message}</p> })}
                            <button type="submit" class="button button--secondary">{tr("received-move")}</button>
                        </form>
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}
