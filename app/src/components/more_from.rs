//! "More from this institution" below an opening: its institution's other open openings,
//! deadline soonest first, and a link to all of them.

use leptos::prelude::*;
use model::dto::{OpeningSummary, SearchParams};

use crate::i18n::{days_arg, tr, tr_args, use_lang};
use crate::url::{path, route, search_href};

/// The other openings, loaded with the page (see `pages::opening`).
pub type MoreResource = Resource<Result<Vec<OpeningSummary>, ServerFnError>>;

#[component]
pub fn MoreFromInstitution(
    more: MoreResource,
    /// The institution's slug (for the link to all its openings) and its name in the page's language.
    slug: String,
    name: String,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let (slug, name) = (slug.clone(), name.clone());
                Suspend::new(async move {
                    let hits = more.await.unwrap_or_default();
                    (!hits.is_empty()).then(|| {
                        let all = SearchParams { institution: Some(slug), ..SearchParams::default() };
                        let items = hits
                            .into_iter()
                            .map(|hit| {
                                view! {
                                    <li>
                                        <a href=path(route::OPENING, lang, &[&hit.id]) lang=hit.title_lang.code()>{hit.title}</a>
                                        " · "
                                        <span class="more-from__deadline">{tr_args("opening-days-left", &days_arg(hit.days_left))}</span>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <section class="more-from" aria-labelledby="more-from-title">
                                <h2 id="more-from-title">{tr_args("opening-more-from", &[("institution", name.into())])}</h2>
                                <ul>{items}</ul>
                                <p><a href=search_href(lang, &all, 1)>{tr("opening-more-from-all")}</a></p>
                            </section>
                        }
                    })
                })
            }}
        </Suspense>
    }
}
