//! Members' pages for their institution's openings: the list with the moderators' decisions,
//! writing a new one, a posting as researchers will see it (with its status, the decisions on
//! it, and what its members or a moderator can do), and editing it. The moderation queue and the
//! decision form are in `review`. Signed-out visitors are sent to sign in; a posting is shown only to its
//! institution's members who may edit it and to platform admins (a 404 for anyone else).

use crate::components::page_title::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use model::Lang;
use model::account::PageState;
use model::posting::{
    Decision, PostingStatus, PostingSummary, PostingView, RejectReason, UnfinishedDraft, posting_fields,
};

use crate::api::{my_postings, posting_view, unfinished_posting};
use crate::components::form::{CsrfField, page_state};
use crate::components::local_time::When;
use crate::components::posting_form::PostingForm;
use crate::i18n::{tr, use_lang};
use crate::pages::admin::{AdminTable, Loaded};
use crate::pages::opening::OpeningView;
use crate::pages::review::ReviewForm;
use crate::pages::{LoadError, NotFound};
use crate::status::Status;
use crate::url::{path, route, unfinished_href};

/// The page state when someone is signed in; otherwise sends them to sign in and back to `here`.
fn signed_in_only(state: PageState, status: &Status, lang: Lang, here: &str) -> Option<PageState> {
    if state.viewer.is_none() {
        status.redirect(&crate::url::sign_in_then(lang, &format!("/{}/{here}", lang.code())));
        return None;
    }
    Some(state)
}

/// A page for signed-in people: waits for the page state, then draws `content`.
#[component]
pub(crate) fn SignedInFrame<F, V>(title: &'static str, here: String, content: F) -> impl IntoView
where
    F: Fn(PageState) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let lang = use_lang();
    let status = Status::capture();
    view! {
        <PageTitle text=tr(title) />
        <Suspense fallback=|| ()>
            {move || {
                let (status, content, here) = (status.clone(), content.clone(), here.clone());
                Suspend::new(async move {
                    signed_in_only(page_state().await, &status, lang, &here).map(|state| content(state).into_any())
                })
            }}
        </Suspense>
    }
}

/// The title in the reader's language when there is one, else in the original.
pub(crate) fn title_in(title: &model::Texts, lang: Lang, original: Lang) -> (Lang, String) {
    model::lang::pick(title, lang, original).map_or((original, String::new()), |(l, t)| (l, t.to_string()))
}

/// "Join your institution first", for signed-in people who belong to none.
#[component]
fn JoinFirst() -> impl IntoView {
    let lang = use_lang();
    view! {
        <p class="notice notice--info">
            {tr("postings-join-first")} " "
            <a href=format!("{}#institutions", path(route::ACCOUNT, lang, &[]))>{tr("postings-join-link")}</a>
        </p>
    }
}

#[component]
pub fn PostingsPage() -> impl IntoView {
    // Created here, not once the page state has loaded: a resource made inside a `Suspend` is
    // not matched with the server's value when hydrating, and fetching this one again would
    // find its decisions already marked seen (a different page, so hydration fails).
    let dashboard = Resource::new(|| (), |_| my_postings());
    view! {
        <SignedInFrame
            title="postings-title"
            here="postings".to_string()
            content=move |state: PageState| {
                let member = state.viewer.as_ref().is_some_and(|v| !v.memberships.is_empty());
                let csrf = state.csrf.clone();
                view! {
                    <h1>{tr("postings-title")}</h1>
                    {if member { view! { <Dashboard dashboard csrf /> }.into_any() } else { view! { <JoinFirst /> }.into_any() }}
                    <MembersLinks state />
                }
            }
        />
    }
}

/// For institution admins: where to manage their institutions' members.
#[component]
fn MembersLinks(state: PageState) -> impl IntoView {
    let lang = use_lang();
    let links = state
        .viewer
        .iter()
        .flat_map(|viewer| viewer.memberships.iter())
        .filter(|membership| membership.role == model::account::InstitutionRole::Admin)
        .map(|membership| {
            let name = membership.institution.name_in(lang);
            let href = path(route::MEMBERS, lang, &[&membership.institution.slug]);
            view! { <li><a href=href>{crate::i18n::tr_args("members-heading", &[("institution", name.into())])}</a></li> }
        })
        .collect::<Vec<_>>();
    (!links.is_empty()).then(|| view! { <ul class="members-links">{links}</ul> })
}

#[component]
fn Dashboard(
    dashboard: Resource<Result<model::posting::PostingDashboard, ServerFnError>>,
    csrf: String,
) -> impl IntoView {
    let lang = use_lang();
    let show = move |dashboard: model::posting::PostingDashboard| {
        view! {
            <p><a class="button" href=path(route::NEW_POSTING, lang, &[])>{tr("postings-new")}</a></p>
            <Decisions decisions=dashboard.decisions heading=true />
            <UnfinishedList unfinished=dashboard.unfinished csrf=csrf.clone() />
            <PostingsTable postings=dashboard.postings />
        }
    };
    view! { <Loaded resource=dashboard show /> }
}

/// The new postings the viewer saved before every field read: each to take up again or
/// throw away.
#[component]
fn UnfinishedList(unfinished: Vec<UnfinishedDraft>, csrf: String) -> impl IntoView {
    let lang = use_lang();
    if unfinished.is_empty() {
        return ().into_any();
    }
    let items = unfinished
        .into_iter()
        .map(|draft| {
            let (title_lang, title) = match title_in(&draft.title, lang, draft.original_language) {
                (_, untitled) if untitled.is_empty() => (None, tr("posting-unfinished-untitled")),
                (title_lang, title) => (Some(title_lang.code()), title),
            };
            view! {
                <li class="unfinished">
                    <a href=unfinished_href(lang, draft.id, false) lang=title_lang>{title.clone()}</a>
                    " — " {draft.institution.name_in(lang)} " · " {tr("posting-unfinished-saved")} " " <When at=draft.saved_at />
                    <form method="post" action=path(route::DISCARD_UNFINISHED, lang, &[&draft.id]) class="unfinished__discard">
                        <CsrfField token=csrf.clone() />
                        <button type="submit" class="button button--secondary button--small">
                            {tr("posting-unfinished-discard")}
                            <span class="visually-hidden" lang=title_lang>" — " {title.clone()}</span>
                        </button>
                    </form>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="unfinished-list" aria-labelledby="unfinished-title">
            <h2 id="unfinished-title">{tr("posting-unfinished-title")}</h2>
            <p class="field__hint">{tr("posting-unfinished-hint")}</p>
            <ul>{items}</ul>
        </section>
    }
    .into_any()
}

/// Moderators' decisions, newest first; those not seen before are marked new.
#[component]
fn Decisions(decisions: Vec<Decision>, heading: bool) -> impl IntoView {
    let lang = use_lang();
    if decisions.is_empty() {
        return ().into_any();
    }
    let items = decisions
        .into_iter()
        .map(|decision| {
            let (title_lang, title) = title_in(&decision.opening_title, lang, Lang::En);
            let verdict = if decision.approved {
                tr("decision-approved")
            } else {
                let reason = decision.reason.as_deref().and_then(RejectReason::from_code);
                format!("{} {}", tr("decision-rejected"), reason.map(|r| tr(r.message_id())).unwrap_or_default())
            };
            let note = (!decision.note.is_empty()).then(|| {
                view! { <blockquote class="decision__note"><p>{decision.note.clone()}</p></blockquote> }
            });
            view! {
                <li class="decision" class:decision--new=!decision.seen class:decision--rejected=!decision.approved>
                    {(!decision.seen).then(|| view! { <strong class="badge badge--count">{tr("decision-new")}</strong> " " })}
                    <a href=path(route::POSTING, lang, &[&decision.opening_id]) lang=title_lang.code()>{title}</a>
                    " — " {verdict} " " <When at=decision.at />
                    {note}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="decisions" aria-labelledby="decisions-title">
            {if heading {
                view! { <h2 id="decisions-title">{tr("decisions-title")}</h2> }.into_any()
            } else {
                view! { <h3 id="decisions-title">{tr("decisions-title")}</h3> }.into_any()
            }}
            <ul>{items}</ul>
        </section>
    }
    .into_any()
}

/// A posting's status, and that of an edit waiting beside it.
fn status_text(status: PostingStatus, revision: Option<PostingStatus>) -> String {
    match revision {
        Some(edit) => format!(
            "{} · {}",
            tr(status.message_id()),
            crate::i18n::tr_args("posting-edit-status", &[("status", tr(edit.message_id()).into())])
        ),
        None => tr(status.message_id()),
    }
}

#[component]
fn PostingsTable(postings: Vec<PostingSummary>) -> impl IntoView {
    const HEADINGS: &[&str] = &[
        "posting-col-title",
        "posting-col-institution",
        "posting-col-status",
        "posting-deadline",
        "posting-col-applications",
    ];
    let lang = use_lang();
    if postings.is_empty() {
        return view! { <p>{tr("postings-empty")}</p> }.into_any();
    }
    let rows = postings
        .into_iter()
        .map(|posting| {
            let (title_lang, title) = title_in(&posting.title, lang, posting.original_language);
            view! {
                <tr>
                    <th scope="row">
                        <a href=path(route::POSTING, lang, &[&posting.id]) lang=title_lang.code()>{title}</a>
                    </th>
                    <td>{posting.institution.name_in(lang)}</td>
                    <td>{status_text(posting.status, posting.revision)}</td>
                    <td><time datetime=posting.deadline.to_string()>{l10n::format_date(lang, posting.deadline)}</time></td>
                    <td><a href=path(route::POSTING_APPLICATIONS, lang, &[&posting.id])>{tr("posting-applications-link")}</a></td>
                </tr>
            }
        })
        .collect_view();
    view! { <AdminTable headings=HEADINGS>{rows}</AdminTable> }.into_any()
}

#[component]
pub fn NewPostingPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let draft = query.read_untracked().get("draft").and_then(|raw| raw.parse::<i64>().ok());
    let just_saved = query.read_untracked().get("saved").as_deref() == Some("unfinished");
    // Created here rather than once the page state has loaded (see `PostingsPage`).
    let unfinished = Resource::new(
        move || draft,
        |draft| async move {
            match draft {
                Some(id) => unfinished_posting(id).await,
                None => Ok(None),
            }
        },
    );
    let here = format!("postings/new{}", draft.map(|id| format!("?draft={id}")).unwrap_or_default());
    view! {
        <SignedInFrame
            title="posting-new-title"
            here
            content=move |state: PageState| {
                let institutions: Vec<_> = state
                    .viewer
                    .iter()
                    .flat_map(|v| v.memberships.iter().map(|m| m.institution.clone()))
                    .collect();
                if institutions.is_empty() {
                    return view! { <h1>{tr("posting-new-title")}</h1> <JoinFirst /> }.into_any();
                }
                view! {
                    <Suspense fallback=|| ()>
                        {move || {
                            let institutions = institutions.clone();
                            Suspend::new(async move {
                                let initial = match (draft, unfinished.await) {
                                    (None, _) => new_posting_fields(lang, &institutions[0]),
                                    (Some(id), Ok(Some(mut typed))) => {
                                        typed.push(("draft".to_string(), id.to_string()));
                                        typed
                                    }
                                    (Some(_), Ok(None)) => return view! { <NotFound message="not-found-unfinished" /> }.into_any(),
                                    (Some(_), Err(_)) => return view! { <LoadError /> }.into_any(),
                                };
                                let intro = if just_saved {
                                    view! { <p class="notice notice--info" role="status">{tr("posting-saved-unfinished")}</p> }.into_any()
                                } else {
                                    view! { <p>{tr("posting-new-intro")}</p> }.into_any()
                                };
                                view! {
                                    <h1>{tr("posting-new-title")}</h1>
                                    {intro}
                                    <PostingForm action=path(route::NEW_POSTING, lang, &[]) institutions initial />
                                }
                                .into_any()
                            })
                        }}
                    </Suspense>
                }
                .into_any()
            }
        />
    }
}

/// Where a new opening starts: in the reader's language, at its (first) institution's place.
fn new_posting_fields(lang: Lang, home: &model::account::InstitutionRef) -> Vec<(String, String)> {
    [
        ("original_language", lang.code()),
        ("positions", "1"),
        ("country", home.country.as_str()),
        ("city", home.city.as_str()),
    ]
    .iter()
    .map(|(name, value)| (name.to_string(), value.to_string()))
    .collect()
}

/// The posting named by the URL's `id`, for the viewer.
fn load_posting() -> Resource<Result<Option<PostingView>, ServerFnError>> {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|raw| raw.parse::<i64>().ok()).filter(|id| *id > 0));
    Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => posting_view(id).await,
                None => Ok(None),
            }
        },
    )
}

/// Waits for the posting and draws it with `show`; a 404 when the viewer may not see it.
#[component]
fn WithPosting<F, V>(here: &'static str, show: F) -> impl IntoView
where
    F: Fn(PostingView, PageState) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let posting = load_posting();
    let params = use_params_map();
    let id = params.read_untracked().get("id").unwrap_or_default();
    let here = here.replace("{id}", &id);
    view! {
        <SignedInFrame
            title="posting-page-title"
            here
            content=move |state: PageState| {
                let show = show.clone();
                view! {
                    <Suspense fallback=|| ()>
                        {move || {
                            let (show, state) = (show.clone(), state.clone());
                            Suspend::new(async move {
                                match posting.await {
                                    Ok(Some(view)) => show(view, state).into_any(),
                                    Ok(None) => view! { <NotFound message="not-found-posting" /> }.into_any(),
                                    Err(_) => view! { <LoadError /> }.into_any(),
                                }
                            })
                        }}
                    </Suspense>
                }
            }
        />
    }
}

#[component]
pub fn PostingPage() -> impl IntoView {
    view! { <WithPosting here="postings/{id}" show=|view, state| view! { <PostingOverview view state /> } /> }
}

/// What happened when the posting was last saved (`?saved=`).
fn saved_notice(saved: Option<String>) -> Option<&'static str> {
    Some(match saved?.as_str() {
        "draft" => "posting-saved-draft",
        "pending" => "posting-saved-pending",
        "published" => "posting-saved-published",
        "closed" => "posting-saved-closed",
        _ => return None,
    })
}

#[component]
fn PostingOverview(view: PostingView, state: PageState) -> impl IntoView {
    let lang = use_lang();
    let saved = saved_notice(use_query_map().read_untracked().get("saved"));
    let id = view.id;
    let status = status_text(view.status, view.revision);
    let live_note = (view.revision.is_some()).then(|| view! { <p class="field__hint">{tr("posting-live-note")}</p> });
    let actions = view.editable.then(|| {
        view! {
            <div class="form-actions">
                <a class="button" href=path(route::EDIT_POSTING, lang, &[&id])>{tr("posting-edit")}</a>
                <form method="post" action=path(route::CLOSE_POSTING, lang, &[&id])>
                    <CsrfField token=state.csrf.clone() />
                    <button type="submit" class="button button--secondary">{tr("posting-close")}</button>
                </form>
            </div>
        }
    });
    let review = view.reviewable.then(|| view! { <ReviewForm id state=state.clone() /> });
    let public_link = (view.status == PostingStatus::Published || view.status == PostingStatus::Closed)
        .then(|| view! { <p><a href=path(route::OPENING, lang, &[&id])>{tr("posting-public-page")}</a></p> });
    let record = &view.detail.record;
    let (title_lang, title) = title_in(&record.title, lang, record.original_language);
    view! {
        <header class="posting-head">
            <h1 lang=title_lang.code()>{title}</h1>
            <p class="posting-head__institution">{view.institution.name_in(lang)}</p>
            <p class="posting-status">
                <strong>{tr("posting-col-status")} ": "</strong>
                {status}
            </p>
            {saved.map(|id| view! { <p class="notice notice--info" role="status">{tr(id)}</p> })}
            {live_note}
            {public_link}
            {actions}
        </header>
        <Decisions decisions=view.decisions heading=true />
        <section class="preview" aria-labelledby="preview-title">
            <h2 id="preview-title" class="preview__title">{tr("posting-preview")}</h2>
            <OpeningView detail=view.detail preview=true />
        </section>
        // The moderator decides once they have read the opening.
        {review}
    }
}

#[component]
pub fn EditPostingPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <WithPosting
            here="postings/{id}/edit"
            show=move |view: PostingView, _| {
                if !view.editable {
                    return view! { <NotFound message="not-found-posting" /> }.into_any();
                }
                let initial = posting_fields(&view.detail.record);
                view! {
                    <h1>{tr("posting-edit-title")}</h1>
                    <p><a href=path(route::POSTING, lang, &[&view.id])>{tr("posting-back")}</a></p>
                    {(view.status == PostingStatus::Published).then(|| view! { <p class="notice notice--info">{tr("posting-edit-published-note")}</p> })}
                    <PostingForm action=path(route::EDIT_POSTING, lang, &[&view.id]) institutions=Vec::new() initial />
                }
                .into_any()
            }
        />
    }
}
