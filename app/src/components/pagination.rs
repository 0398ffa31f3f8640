//! Page links for a result list: previous, a window of page numbers, next.

use leptos::prelude::*;

use crate::i18n::{tr, tr_args};

/// `href_for(n)` gives the link to page `n`.
#[component]
pub fn Pagination(page: u32, pages: u32, href_for: impl Fn(u32) -> String + 'static) -> impl IntoView {
    if pages <= 1 {
        return ().into_any();
    }
    let first = page.saturating_sub(2).max(1);
    let last = (first + 4).min(pages);
    let numbers = (first..=last)
        .map(|n| {
            let label = tr_args("pagination-goto", &[("page", n.into())]);
            if n == page {
                view! { <li><span aria-current="page" class="pagination__current">{n}</span></li> }.into_any()
            } else {
                view! { <li><a href=href_for(n) aria-label=label>{n}</a></li> }.into_any()
            }
        })
        .collect_view();
    let previous = (page > 1).then(|| view! { <a rel="prev" href=href_for(page - 1)>{tr("pagination-previous")}</a> });
    let next = (page < pages).then(|| view! { <a rel="next" href=href_for(page + 1)>{tr("pagination-next")}</a> });
    view! {
        <nav class="pagination" aria-label=tr("pagination-label")>
            <p class="pagination__status">{tr_args("pagination-status", &[("page", page.into()), ("pages", pages.into())])}</p>
            {previous}
            <ul>{numbers}</ul>
            {next}
        </nav>
    }
    .into_any()
}
