//! An institution's members, for its admins and the platform's: who may post for it, making
//! a member an administrator, ending a membership, letting a removed member back in. Anyone
//! else gets a 404.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use model::account::{InstitutionMembers, InstitutionRole, MemberView, PageState};

use crate::api::institution_members;
use crate::components::form::CsrfField;
use crate::components::local_time::When;
use crate::i18n::{tr, tr_args, use_lang};
use crate::pages::admin::AdminTable;
use crate::pages::postings::SignedInFrame;
use crate::pages::{LoadError, NotFound};
use crate::url::{path, route};

#[component]
pub fn InstitutionMembersPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let members = Resource::new(slug, institution_members);
    let here = format!("institutions/{}/members", slug());
    view! {
        <SignedInFrame
            title="members-title"
            here
            content=move |state: PageState| {
                view! {
                    <Suspense fallback=|| ()>
                        {move || {
                            let state = state.clone();
                            Suspend::new(async move {
                                match members.await {
                                    Ok(Some(members)) => view! { <Members members state /> }.into_any(),
                                    Ok(None) => view! { <NotFound message="not-found-text" /> }.into_any(),
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
fn Members(members: InstitutionMembers, state: PageState) -> impl IntoView {
    const HEADINGS: &[&str] =
        &["form-display-name", "form-email", "members-col-role", "members-col-joined", "admin-col-decision"];
    let lang = use_lang();
    let name = members.institution.name_in(lang);
    let saved = use_query_map().read_untracked().get("saved").is_some();
    let slug = members.institution.slug.clone();
    const REMOVED_HEADINGS: &[&str] = &["form-display-name", "form-email", "members-col-removed", "admin-col-decision"];
    let rows = members
        .members
        .into_iter()
        .map(|member| view! { <MemberRow member slug=slug.clone() csrf=state.csrf.clone() /> })
        .collect_view();
    let removed = (!members.removed.is_empty()).then(|| {
        let rows = members
            .removed
            .into_iter()
            .map(|member| view! { <RemovedRow member slug=slug.clone() csrf=state.csrf.clone() /> })
            .collect_view();
        view! {
            <h2>{tr("members-removed-heading")}</h2>
            <p>{tr("members-removed-intro")}</p>
            <AdminTable headings=REMOVED_HEADINGS>{rows}</AdminTable>
        }
    });
    view! {
        <h1>{tr_args("members-heading", &[("institution", name.into())])}</h1>
        <p>{tr("members-intro")}</p>
        {saved.then(|| view! { <p class="notice notice--info" role="status">{tr("members-saved")}</p> })}
        <AdminTable headings=HEADINGS>{rows}</AdminTable>
        {removed}
    }
}

/// A member's action on their row: one button posting to `action`, naming the member for
/// screen readers.
#[component]
fn MemberAction(action: String, csrf: String, label: &'static str, email: String) -> impl IntoView {
    view! {
        <form method="post" action=action>
            <CsrfField token=csrf />
            <button type="submit" class="button button--secondary">
                {tr(label)}
                <span class="visually-hidden">{format!(" ({email})")}</span>
            </button>
        </form>
    }
}

#[component]
fn RemovedRow(member: MemberView, slug: String, csrf: String) -> impl IntoView {
    let lang = use_lang();
    let action = path(route::CHANGE_MEMBER, lang, &[&slug, &member.account_id, &"readmit"]);
    view! {
        <tr>
            <th scope="row">{member.display_name.clone()}</th>
            <td>{member.email.clone()}</td>
            <td><When at=member.joined_at /></td>
            <td><MemberAction action csrf label="members-readmit" email=member.email /></td>
        </tr>
    }
}

#[component]
fn MemberRow(member: MemberView, slug: String, csrf: String) -> impl IntoView {
    let lang = use_lang();
    let change = |change: &str| path(route::CHANGE_MEMBER, lang, &[&slug, &member.account_id, &change]);
    let role = tr(match member.role {
        InstitutionRole::Admin => "members-role-admin",
        InstitutionRole::Member => "members-role-member",
    });
    let promote = (member.role == InstitutionRole::Member).then(|| {
        view! {
            <MemberAction action=change("admin") csrf=csrf.clone() label="members-make-admin" email=member.email.clone() />
        }
    });
    view! {
        <tr>
            <th scope="row">{member.display_name.clone()}</th>
            <td>{member.email.clone()}</td>
            <td>{role}</td>
            <td><When at=member.joined_at /></td>
            <td>
                <div class="form-actions">
                    {promote}
                    <MemberAction action=change("remove") csrf label="members-remove" email=member.email.clone() />
                </div>
            </td>
        </tr>
    }
}
