//! The audit log (platform admins): who did what, filtered by action and by actor.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use model::account::AuditAction;

use crate::api::admin_audit;
use crate::components::local_time::When;
use crate::i18n::{tr, use_lang};
use crate::pages::admin::{AdminFrame, AdminTable, Loaded};
use crate::url::{path, route};

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
        .iter()
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
