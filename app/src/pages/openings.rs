//! The list of openings: a search box, the count, one page of results, page links.
//! The whole search lives in the URL (`?q=…&page=…`), so it can be shared and bookmarked.

use crate::components::page_title::PageTitle;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use model::dto::{AlsoSearched, Name, ParamError, SearchParams};

use crate::api::search_openings;
use crate::components::filters::Filters;
use crate::components::opening_card::OpeningList;
use crate::components::pagination::Pagination;
use crate::components::save_search::SaveSearch;
use crate::components::search_box::{FILTERS_REGION, RESULTS_REGION, SearchBox};
use crate::i18n::{tr, tr_args, use_lang};
use crate::pages::LoadError;
use crate::status::Status;
use crate::url::{feed_href, search_href};
use crate::url::{path, route};

#[component]
pub fn OpeningsPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let params = Memo::new(move |_| {
        let query = query.read();
        SearchParams::from_pairs(query.latest_values().map(|(key, value)| (key.as_ref(), value)))
    });
    let results = Resource::new(
        move || params.get().ok(),
        move |params| async move {
            match params {
                Some(params) => search_openings(lang, params).await.map(Some),
                None => Ok(None),
            }
        },
    );
    let typed = params.with_untracked(|p| p.as_ref().map(|p| p.q.clone()).unwrap_or_default());
    // Only a change between a valid and an invalid search replaces the results area: a new
    // query swaps the results in place, without flashing an empty page.
    let error = Memo::new(move |_| params.with(|p| p.as_ref().err().cloned()));
    let status = Status::capture();
    view! {
        <PageTitle text=format!("{} – {}", tr("openings-title"), tr("site-name")) />
        // Every search is also a feed, for readers that follow it.
        {move || params.get().ok().map(|params| {
            let href = feed_href(lang, &params);
            view! { <leptos_meta::Link rel="alternate" type_="application/atom+xml" href title=tr("feed-subscribe") /> }
        })}
        <h1>{tr("openings-title")}</h1>
        // The search box stays put while a live search replaces the regions under it, so typing is
        // never interrupted.
        <SearchBox query=typed live=true>
            <div id=FILTERS_REGION>
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        let Ok(Some(page)) = results.await else { return ().into_any() };
                        let Ok(params) = params.get() else { return ().into_any() };
                        view! { <Filters params facets=page.facets institution_names=page.institution_names /> }.into_any()
                    })}
                </Transition>
            </div>
        </SearchBox>
        <div id=RESULTS_REGION>
            {move || match error.get() {
                Some(error) => {
                    status.set(400);
                    view! { <BadRequest error /> }.into_any()
                }
                None => view! { <Results params results /> }.into_any(),
            }}
        </div>
    }
}

type ResultsResource = Resource<Result<Option<model::dto::OpeningPage>, ServerFnError>>;

#[component]
fn Results(params: Memo<Result<SearchParams, ParamError>>, results: ResultsResource) -> impl IntoView {
    let lang = use_lang();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                let page = match results.await {
                    Ok(Some(page)) => page,
                    Ok(None) => return ().into_any(),
                    Err(_) => return view! { <LoadError /> }.into_any(),
                };
                let Ok(params) = params.get() else { return ().into_any() };
                let query = params.q.clone();
                let heading =
                    (!query.is_empty()).then(|| tr_args("openings-results-for", &[("query", query.clone().into())]));
                let sorted_note = query.is_empty().then(|| tr("openings-sorted-by-deadline"));
                let count = tr_args("openings-count", &[("count", page.total.into())]);
                let pages = page.page_count();
                let also_searched = page.also_searched;
                let list = if page.hits.is_empty() {
                    view! { <p class="notice">{tr("openings-none")}</p> }.into_any()
                } else {
                    let back = search_href(lang, &params, page.page);
                    view! { <OpeningList hits=page.hits highlights=page.highlights back /> }.into_any()
                };
                view! {
                    <div class="results">
                        {heading.map(|h| view! { <p class="results__query">{h}</p> })}
                        <AlsoSearchedNote concepts=also_searched />
                        <h2 class="results__count">{count}</h2>
                        {sorted_note.map(|n| view! { <p class="results__note">{n}</p> })}
                        {list}
                    </div>
                    <p class="results__feed">
                        <a href=feed_href(lang, &params) type="application/atom+xml">{tr("feed-subscribe")}</a>
                    </p>
                    <Pagination page=page.page pages href_for={
                        let params = params.clone();
                        move |n| search_href(lang, &params, n)
                    } />
                    <SaveSearch params />
                }
                    .into_any()
            })}
        </Transition>
    }
}

/// The concepts of the research vocabulary the search also looked for in the other languages
/// ("산호초 → récif corallien, coral reef"): why a result written in another language is there.
#[component]
fn AlsoSearchedNote(concepts: Vec<AlsoSearched>) -> impl IntoView {
    let named = |name: Name| view! { <span lang=name.lang.code()>{name.text}</span> };
    let concepts: Vec<_> = concepts
        .into_iter()
        .enumerate()
        .map(|(i, concept)| {
            let names: Vec<_> = concept
                .names
                .into_iter()
                .enumerate()
                .map(|(j, name)| view! { {(j > 0).then_some(", ")} {named(name)} })
                .collect();
            view! { {(i > 0).then_some("; ")} {named(concept.named)} " → " {names} }
        })
        .collect();
    (!concepts.is_empty()).then(|| view! { <p class="results__also">{tr("openings-also-searched")} " " {concepts}</p> })
}

#[component]
fn BadRequest(error: ParamError) -> impl IntoView {
    let message = if error.param == "page" {
        tr("bad-page-number")
    } else {
        tr_args("bad-parameter", &[("param", error.param.into())])
    };
    view! {
        <section class="notice notice--error" role="alert">
            <h2>{tr("bad-request-title")}</h2>
            <p>{message}</p>
            <p><a href=path(route::OPENINGS, use_lang(), &[])>{tr("opening-back")}</a></p>
        </section>
    }
}
