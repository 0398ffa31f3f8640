//! An institution's public page (`/{lang}/institutions/{slug}`): its name in the reader's
//! language, where it is, its web site, whether Passerelle verified it, and its open openings,
//! soonest deadline first, with a way to search them and follow them as a feed.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use model::dto::{InstitutionPage, SearchParams};

use crate::api::institution_page;
use crate::components::opening_card::OpeningList;
use crate::components::page_title::PageTitle;
use crate::components::pagination::Pagination;
use crate::i18n::{tr, tr_args, use_lang};
use crate::pages::{LoadError, NotFound};
use crate::url::{feed_href, path, route, search_href};

#[component]
pub fn InstitutionPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let query = use_query_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let page = move || query.read().get("page").and_then(|p| p.parse::<u32>().ok()).unwrap_or(1);
    let found = Resource::new(move || (slug(), page()), move |(slug, page)| institution_page(lang, slug, page));
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match found.await {
                    Ok(Some(found)) => view! { <Institution found /> }.into_any(),
                    Ok(None) => view! { <NotFound message="not-found-institution" /> }.into_any(),
                    Err(_) => view! { <LoadError /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Institution(found: InstitutionPage) -> impl IntoView {
    let lang = use_lang();
    let InstitutionPage { institution, verified, openings } = found;
    let name = institution.name_in(lang, lang);
    let place = l10n::place(lang, &institution.country, &institution.city);
    let site = format!("https://{}", institution.domain);
    let search = SearchParams { institution: Some(institution.slug.clone()), ..SearchParams::default() };
    let here = path(route::INSTITUTION, lang, &[&institution.slug]);
    let pages = openings.page_count();
    let list = if openings.hits.is_empty() {
        view! { <p class="notice">{tr("institution-no-openings")}</p> }.into_any()
    } else {
        view! { <OpeningList hits=openings.hits /> }.into_any()
    };
    view! {
        <PageTitle text=format!("{name} – {}", tr("site-name")) />
        <h1>{name.clone()}</h1>
        <p class="institution__facts">
            {place} " · " <a href=site.clone() rel="external">{institution.domain.clone()}</a>
            {verified.then(|| view! { " · " <span class="badge">{tr("institution-verified")}</span> })}
        </p>
        <section aria-labelledby="institution-openings">
            <h2 id="institution-openings">{tr_args("openings-count", &[("count", openings.total.into())])}</h2>
            {list}
            <Pagination page=openings.page pages href_for=move |n| format!("{here}?page={n}") />
            <p>
                <a href=search_href(lang, &search, 1)>{tr("opening-more-from-all")}</a> " · "
                <a href=feed_href(lang, &search) type="application/atom+xml">{tr("feed-subscribe")}</a>
            </p>
        </section>
    }
}
