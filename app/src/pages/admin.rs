//! The admin area (platform admins only): its frame and tables, shared by its pages, and the
//! institutions to verify and their admins (the audit log, reports and accounts, and the review
//! queue have modules of their own). Signed-out visitors are sent to sign in; other accounts get
//! a 403 page. The use cases behind these pages check the same thing again.

use crate::components::page_title::PageTitle;
use leptos::prelude::*;
use model::Lang;
use model::account::{InstitutionOverview, PageState, WaitingCounts};

use crate::api::{admin_application_counts, admin_institutions, admin_waiting_counts};
use crate::components::form::{CsrfField, echo_of, page_state};
use crate::i18n::{tr, tr_args, use_lang};
use crate::pages::LoadError;
use crate::status::Status;
use crate::url::{path, route};
use model::application::ApplicationCounts;

/// `Some(page state)` when the viewer is a platform admin; otherwise redirects (signed out) or
/// sets 403 (signed in) and returns `None`.
pub(crate) fn admin_only(state: PageState, status: &Status, lang: Lang, here: &str) -> Option<PageState> {
    match &state.viewer {
        None => {
            status.redirect(&crate::url::sign_in_then(lang, &format!("/{}/{here}", lang.code())));
            None
        }
        Some(viewer) if !viewer.is_platform_admin() => {
            status.set(403);
            None
        }
        Some(_) => Some(state),
    }
}

#[component]
pub(crate) fn Forbidden() -> impl IntoView {
    view! {
        <section class="notice notice--error">
            <h1>{tr("admin-forbidden-title")}</h1>
            <p>{tr("admin-forbidden-text")}</p>
        </section>
    }
}

/// The admin area's frame: the title, the guard, and the area's own navigation.
#[component]
pub(crate) fn AdminFrame<F, V>(title: &'static str, here: &'static str, content: F) -> impl IntoView
where
    F: Fn(PageState) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let lang = use_lang();
    let status = Status::capture();
    let link = move |page: &str| {
        if page.is_empty() { path(route::ADMIN, lang, &[]) } else { format!("/{}/admin/{page}", lang.code()) }
    };
    view! {
        <PageTitle text=tr(title) />
        <Suspense fallback=|| ()>
            {move || {
                let (status, content) = (status.clone(), content.clone());
                Suspend::new(async move {
                    match admin_only(page_state().await, &status, lang, here) {
                        None => view! { <Forbidden /> }.into_any(),
                        Some(state) => view! {
                            <nav class="admin-nav" aria-label=tr("admin-nav")>
                                <a href=link("")>{tr("admin-title")}</a>
                                <a href=link("review")>{tr("admin-review-title")}</a>
                                <a href=link("institutions")>{tr("admin-institutions-title")}</a>
                                <a href=link("reports")>{tr("admin-reports-title")}</a>
                                <a href=link("accounts")>{tr("admin-accounts-title")}</a>
                                <a href=link("audit")>{tr("admin-audit-title")}</a>
                            </nav>
                            <h1>{tr(title)}</h1>
                            {content(state)}
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// A table of the admin area: its column headings (Fluent ids), then its rows.
#[component]
pub(crate) fn AdminTable(headings: &'static [&'static str], children: Children) -> impl IntoView {
    let headings = headings.iter().map(|id| view! { <th scope="col">{tr(id)}</th> }).collect_view();
    view! {
        <table class="admin-table">
            <thead>
                <tr>{headings}</tr>
            </thead>
            <tbody>{children()}</tbody>
        </table>
    }
}

/// Waits for `resource` and draws its value with `show`, or says that loading failed.
#[component]
pub(crate) fn Loaded<T, F, V>(resource: Resource<Result<T, ServerFnError>>, show: F) -> impl IntoView
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let show = show.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(value) => show(value).into_any(),
                        Err(_) => view! { <LoadError /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
pub fn AdminPage() -> impl IntoView {
    let waiting = Resource::new(|| (), |_| admin_waiting_counts());
    let counts = Resource::new(|| (), |_| admin_application_counts());
    view! {
        <AdminFrame
            title="admin-title"
            here="admin"
            content=move |_| {
                let show = |counts: ApplicationCounts| view! { <Counts counts /> };
                let show_waiting = |counts: WaitingCounts| view! { <Waiting counts /> };
                view! {
                    <p>{tr("admin-intro")}</p>
                    <Loaded resource=waiting show=show_waiting />
                    <Loaded resource=counts show />
                }
            }
        />
    }
}

/// What waits for an admin, each count a link to the page where it is handled.
#[component]
fn Waiting(counts: WaitingCounts) -> impl IntoView {
    let lang = use_lang();
    let items = [
        ("admin-waiting-review", counts.postings_to_review, route::REVIEW_QUEUE),
        ("admin-waiting-reports", counts.open_reports, route::REPORTS),
        ("admin-waiting-institutions", counts.institutions_to_verify, route::ADMIN_INSTITUTIONS),
    ]
    .map(|(message, count, page)| {
        let text = tr_args(message, &[("count", count.into())]);
        view! { <li><a href=path(page, lang, &[])>{text}</a></li> }
    });
    view! {
        <section aria-labelledby="waiting-title">
            <h2 id="waiting-title">{tr("admin-waiting")}</h2>
            <ul class="admin-waiting">{items}</ul>
        </section>
    }
}

/// Applications on the platform: counts only, never their contents.
#[component]
fn Counts(counts: ApplicationCounts) -> impl IntoView {
    let rows = counts
        .by_status
        .into_iter()
        .map(|(status, count)| view! { <tr><th scope="row">{tr(status.message_id())}</th><td>{count}</td></tr> })
        .collect_view();
    view! {
        <section aria-labelledby="counts-title">
            <h2 id="counts-title">{tr("admin-applications")}</h2>
            <p>
                {tr_args("admin-applications-week", &[("count", counts.last_week.into())])} " "
                {tr_args("admin-profiles", &[("count", counts.profiles.into())])}
            </p>
            <table class="admin-table">
                <thead><tr><th scope="col">{tr("received-status")}</th><th scope="col">{tr("admin-count")}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}

#[component]
pub fn AdminInstitutionsPage() -> impl IntoView {
    // Resources are made with the page, outside the frame's `Suspend`, so that hydration finds
    // the server's values instead of fetching again (see `postings::PostingsPage`).
    let institutions = Resource::new(|| (), |_| admin_institutions());
    view! {
        <AdminFrame
            title="admin-institutions-title"
            here="admin/institutions"
            content=move |state| view! { <InstitutionsTable state institutions /> }
        />
    }
}

#[component]
fn InstitutionsTable(
    state: PageState,
    institutions: Resource<Result<Vec<InstitutionOverview>, ServerFnError>>,
) -> impl IntoView {
    const HEADINGS: &[&str] = &[
        "admin-col-institution",
        "admin-col-domain",
        "admin-col-members",
        "admin-col-openings",
        "admin-col-verified",
        "admin-col-make-admin",
    ];
    let show = move |list: Vec<InstitutionOverview>| {
        let rows = list.into_iter().map(|row| view! { <InstitutionRow row state=state.clone() /> }).collect_view();
        view! { <AdminTable headings=HEADINGS>{rows}</AdminTable> }
    };
    view! { <Loaded resource=institutions show /> }
}

#[component]
fn InstitutionRow(row: InstitutionOverview, state: PageState) -> impl IntoView {
    let lang = use_lang();
    let slug = row.institution.slug.clone();
    let name = row.institution.name_in(lang);
    let verify = if row.institution.verified {
        view! { <span>{tr("admin-verified")}</span> }.into_any()
    } else {
        view! {
            <form method="post" action=path(route::VERIFY_INSTITUTION, lang, &[&slug])>
                <CsrfField token=state.csrf.clone() />
                <button type="submit" class="button button--secondary">
                    {tr("admin-verify")}
                    <span class="visually-hidden">{format!(" {name}")}</span>
                </button>
            </form>
        }
        .into_any()
    };
    let echo = echo_of(&state, &format!("promote-{slug}"));
    let email_id = format!("promote-{slug}");
    let typed = echo.value("email").map(str::to_string);
    view! {
        <tr>
            <th scope="row">{name.clone()}</th>
            <td>{row.domain}</td>
            <td>
                <a href=path(route::MEMBERS, lang, &[&slug])>
                    {row.members}
                    <span class="visually-hidden">{format!(" ({})", tr("members-title"))}</span>
                </a>
            </td>
            <td>{row.openings}</td>
            <td>{verify}</td>
            <td>
                <form method="post" action=path(route::NAME_ADMIN, lang, &[&slug]) class="inline-form">
                    <CsrfField token=state.csrf.clone() />
                    <label for=email_id.clone() class="visually-hidden">
                        {format!("{} ({name})", tr("admin-member-email"))}
                    </label>
                    <input id=email_id type="email" name="email" value=typed autocomplete="off" />
                    {echo.error("email").map(|message| view! { <p class="field__error">{tr(message)}</p> })}
                    <button type="submit" class="button button--secondary">{tr("admin-make-admin")}</button>
                </form>
            </td>
        </tr>
    }
}
