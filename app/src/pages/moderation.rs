//! Reports and accounts (platform admins): resolving what readers flagged, finding accounts,
//! suspending and reinstating them.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use model::Lang;
use model::account::{AccountSummary, PageState, ReportReason};

use crate::api::{admin_accounts, admin_reports};
use crate::components::form::{CsrfField, echo_of};
use crate::components::local_time::When;
use crate::i18n::{tr, use_lang};
use crate::pages::admin::{AdminFrame, AdminTable, Loaded};
use crate::url::{path, route};

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
