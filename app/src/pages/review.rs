//! Moderation of postings: the queue of what waits for review, and the decision form a
//! moderator finds on a posting's page (approve, or send back with a reason the poster reads in
//! their own language).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use model::account::PageState;
use model::posting::{RejectReason, ReviewItem};

use crate::api::review_queue;
use crate::components::form::{CsrfField, Select, TextArea, echo_of};
use crate::components::local_time::When;
use crate::i18n::{tr, use_lang};
use crate::pages::admin::{AdminFrame, AdminTable, Loaded};
use crate::pages::postings::title_in;
use crate::url::{path, route};

/// A moderator's approve / reject form.
#[component]
pub(crate) fn ReviewForm(id: i64, state: PageState) -> impl IntoView {
    let lang = use_lang();
    let echo = echo_of(&state, &format!("review-{id}"));
    let reasons =
        RejectReason::ALL.into_iter().map(|reason| (reason.code().to_string(), tr(reason.message_id()))).collect();
    view! {
        <section class="review" aria-labelledby="review-title">
            <h2 id="review-title">{tr("review-decide")}</h2>
            <form method="post" action=path(route::DECIDE, lang, &[&id]) class="stacked-form">
                <CsrfField token=state.csrf.clone() />
                <Select echo=echo.clone() name="reason" label=tr("review-reason") options=reasons hint="review-reason-hint" />
                <TextArea echo=echo.clone() name="note" label="review-note" rows=3 maxlength=2000 />
                <div class="form-actions">
                    <button type="submit" name="verdict" value="approve" class="button">{tr("review-approve")}</button>
                    <button type="submit" name="verdict" value="reject" class="button button--danger">{tr("review-reject")}</button>
                </div>
            </form>
        </section>
    }
}

#[component]
pub fn AdminReviewPage() -> impl IntoView {
    // Made with the page (see `PostingsPage`).
    let queue = Resource::new(|| (), |_| review_queue());
    view! { <AdminFrame title="admin-review-title" here="admin/review" content=move |_| view! { <ReviewQueue queue /> } /> }
}

#[component]
fn ReviewQueue(queue: Resource<Result<Vec<ReviewItem>, ServerFnError>>) -> impl IntoView {
    const HEADINGS: &[&str] =
        &["posting-col-title", "posting-col-institution", "review-col-change", "admin-col-who", "admin-col-when"];
    let lang = use_lang();
    let query = use_query_map();
    let decided = query.read_untracked().get("decided").is_some();
    let show = move |items: Vec<ReviewItem>| {
        if items.is_empty() {
            return view! { <p>{tr("review-empty")}</p> }.into_any();
        }
        let rows = items
            .into_iter()
            .map(|item| {
                let (title_lang, title) = title_in(&item.title, lang, item.original_language);
                let verified = if item.institution.verified { tr("admin-verified") } else { tr("review-unverified") };
                view! {
                    <tr>
                        <th scope="row">
                            <a href=path(route::POSTING, lang, &[&item.id]) lang=title_lang.code()>{title}</a>
                        </th>
                        <td>{format!("{} ({verified})", item.institution.name_in(lang))}</td>
                        <td>{tr(if item.is_edit { "review-change-edit" } else { "review-change-new" })}</td>
                        <td>{item.poster}</td>
                        <td><When at=item.submitted_at /></td>
                    </tr>
                }
            })
            .collect_view();
        view! { <AdminTable headings=HEADINGS>{rows}</AdminTable> }.into_any()
    };
    view! {
        {decided.then(|| view! { <p class="notice notice--info" role="status">{tr("review-decided")}</p> })}
        <p>{tr("review-intro")}</p>
        <Loaded resource=queue show />
    }
}
