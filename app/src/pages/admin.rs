//! The admin area (platform admins only): institutions to verify and their admins, and the
//! audit log. Signed-out visitors are sent to sign in; other accounts get a 403 page. The
//! server functions behind these pages check the same thing again.

use crate::components::page_title::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use model::Lang;
use model::account::{AccountSummary, AuditAction, InstitutionOverview, PageState, ReportReason};

use crate::api::{admin_accounts, admin_audit, admin_institutions, admin_reports};
use crate::components::form::{CsrfField, FormAlert, echo_of, page_state};
use crate::i18n::{tr, use_lang};
use crate::pages::LoadError;
use crate::status::Status;
use crate::url::{path, route};

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
    view! {
        <AdminFrame title="admin-title" here="admin" content=|_| view! { <p>{tr("admin-intro")}</p> } />
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
                    <FormAlert echo=echo.clone() />
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

#[component]
pub fn AdminAuditPage() -> impl IntoView {
    let entries = Resource::new(audit_filter, |(action, actor)| admin_audit(action, actor));
    view! { <AdminFrame title="admin-audit-title" here="admin/audit" content=move |_| view! { <AuditLog entries /> } /> }
}

/// The audit log's filters in the URL: an action code and an actor's address.
fn audit_filter() -> (Option<String>, Option<String>) {
    let query = use_query_map();
    let query = query.read();
    (query.get("action").filter(|a| !a.is_empty()), query.get("actor").filter(|a| !a.is_empty()))
}

#[component]
fn AuditLog(entries: Resource<Result<Vec<model::account::AuditEntry>, ServerFnError>>) -> impl IntoView {
    let lang = use_lang();
    let (action, actor) = audit_filter();
    let options = AuditAction::ALL
        .into_iter()
        .map(|option| {
            let selected = action.as_deref() == Some(option.code());
            view! { <option value=option.code() selected=selected>{tr(option.message_id())}</option> }
        })
        .collect_view();
    view! {
        <form method="get" action=path(route::AUDIT, lang, &[]) class="filters">
            <div class="filter">
                <label for="audit-action">{tr("admin-audit-action")}</label>
                <select id="audit-action" name="action">
                    <option value="">{tr("admin-audit-any")}</option>
                    {options}
                </select>
            </div>
            <div class="filter">
                <label for="audit-actor">{tr("admin-audit-actor")}</label>
                <input id="audit-actor" type="email" name="actor" value=actor />
            </div>
            <button type="submit">{tr("filter-apply")}</button>
        </form>
        <Loaded resource=entries show=show_entries />
    }
}

fn show_entries(entries: Vec<model::account::AuditEntry>) -> impl IntoView {
    const HEADINGS: &[&str] =
        &["admin-col-when", "admin-col-who", "admin-col-action", "admin-col-target", "admin-col-detail"];
    if entries.is_empty() {
        return view! { <p>{tr("admin-audit-empty")}</p> }.into_any();
    }
    let rows = entries
        .into_iter()
        .map(|entry| {
            let action =
                AuditAction::from_code(&entry.action).map_or_else(|| entry.action.clone(), |a| tr(a.message_id()));
            view! {
                <tr>
                    <td><When at=entry.at /></td>
                    <td>{entry.actor.unwrap_or_else(|| tr("admin-audit-system"))}</td>
                    <td>{action}</td>
                    <td>{entry.target}</td>
                    <td>{entry.detail}</td>
                </tr>
            }
        })
        .collect_view();
    view! { <AdminTable headings=HEADINGS>{rows}</AdminTable> }.into_any()
}

/// A moment of the log, as RFC 3339 in UTC.
#[component]
pub(crate) fn When(at: String) -> impl IntoView {
    let shown = at.replace('T', " ").replace('Z', " UTC");
    view! { <time datetime=at>{shown}</time> }
}

#[component]
pub fn AdminReportsPage() -> impl IntoView {
    let reports = Resource::new(|| (), |_| admin_reports());
    view! {
        <AdminFrame
            title="admin-reports-title"
            here="admin/reports"
            content=move |state| view! { <ReportsTable state reports /> }
        />
    }
}

#[component]
fn ReportsTable(
    state: PageState,
    reports: Resource<Result<Vec<model::account::ReportView>, ServerFnError>>,
) -> impl IntoView {
    const HEADINGS: &[&str] = &[
        "admin-col-opening",
        "admin-col-reason",
        "admin-col-detail",
        "admin-col-reporter",
        "admin-col-when",
        "admin-col-decision",
    ];
    let lang = use_lang();
    let show = move |reports: Vec<model::account::ReportView>| {
        if reports.is_empty() {
            return view! { <p>{tr("admin-reports-empty")}</p> }.into_any();
        }
        let rows = reports
            .into_iter()
            .map(|report| {
                let title = model::lang::pick(&report.opening_title, lang, Lang::En)
                    .map_or_else(|| report.opening_id.to_string(), |(_, t)| t.to_string());
                let reason = ReportReason::from_code(&report.reason)
                    .map_or_else(|| report.reason.clone(), |r| tr(r.message_id()));
                view! {
                    <tr>
                        <td><a href=path(route::OPENING, lang, &[&report.opening_id])>{title}</a></td>
                        <td>{reason}</td>
                        <td>{report.details}</td>
                        <td>{report.reporter}</td>
                        <td><When at=report.at /></td>
                        <td>
                            <form method="post" action=path(route::RESOLVE_REPORT, lang, &[&report.id])>
                                <CsrfField token=state.csrf.clone() />
                                <button type="submit" class="button button--secondary">{tr("admin-resolve")}</button>
                            </form>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        view! { <AdminTable headings=HEADINGS>{rows}</AdminTable> }.into_any()
    };
    view! { <Loaded resource=reports show /> }
}

#[component]
pub fn AdminAccountsPage() -> impl IntoView {
    let query = use_query_map();
    let accounts = Resource::new(move || query.read().get("q").unwrap_or_default(), admin_accounts);
    view! {
        <AdminFrame
            title="admin-accounts-title"
            here="admin/accounts"
            content=move |state| view! { <AccountsSearch state accounts /> }
        />
    }
}

#[component]
fn AccountsSearch(state: PageState, accounts: Resource<Result<Vec<AccountSummary>, ServerFnError>>) -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let typed = move || query.read().get("q").unwrap_or_default();
    const HEADINGS: &[&str] = &["form-email", "form-display-name", "admin-col-status", "admin-col-decision"];
    let current = typed();
    let show = move |accounts: Vec<AccountSummary>| {
        let rows =
            accounts.into_iter().map(|account| view! { <AccountRow account state=state.clone() /> }).collect_view();
        view! { <AdminTable headings=HEADINGS>{rows}</AdminTable> }
    };
    view! {
        <form method="get" action=path(route::ACCOUNTS, lang, &[]) class="filters" role="search">
            <div class="filter">
                <label for="account-q">{tr("admin-accounts-search")}</label>
                <input id="account-q" type="search" name="q" value=current />
            </div>
            <button type="submit">{tr("search-submit")}</button>
        </form>
        <Loaded resource=accounts show />
    }
}

#[component]
fn AccountRow(account: AccountSummary, state: PageState) -> impl IntoView {
    let lang = use_lang();
    let id = account.id;
    let echo = echo_of(&state, &format!("suspend-{id}"));
    let status = match &account.suspension {
        Some(reason) => format!("{} ({reason})", tr("admin-suspended")),
        None if account.email_confirmed => tr("admin-active"),
        None => tr("admin-unconfirmed"),
    };
    let action = if account.suspension.is_some() {
        view! {
            <form method="post" action=path(route::REINSTATE, lang, &[&id])>
                <CsrfField token=state.csrf.clone() />
                <button type="submit" class="button button--secondary">{tr("admin-reinstate")}</button>
            </form>
        }
        .into_any()
    } else {
        let field = format!("suspend-reason-{id}");
        let error = echo.error("reason").map(tr);
        view! {
            <form method="post" action=path(route::SUSPEND, lang, &[&id]) class="inline-form">
                <CsrfField token=state.csrf.clone() />
                <label for=field.clone()>{tr("admin-suspend-reason")}</label>
                <input id=field name="reason" value=echo.value("reason").map(str::to_string) />
                {error.map(|message| view! { <p class="field__error">{message}</p> })}
                <button type="submit" class="button button--secondary">{tr("admin-suspend")}</button>
            </form>
        }
        .into_any()
    };
    view! {
        <tr>
            <th scope="row">{account.email}</th>
            <td>{account.display_name}</td>
            <td>{status}</td>
            <td>{action}</td>
        </tr>
    }
}
