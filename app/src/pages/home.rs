//! The home page: what Passerelle is, a search box, openings for a signed-in researcher and the
//! newest openings.

use crate::components::page_title::PageTitle;
use leptos::prelude::*;

use crate::api::recent_openings;
use crate::components::for_you::{ForYou, HOME_COUNT, for_you_resource};
use crate::components::notice::DoneNotice;
use crate::components::opening_card::OpeningList;
use crate::components::search_box::SearchBox;
use crate::i18n::{tr, tr_args, use_lang};
use crate::pages::LoadError;
use crate::url::{path, route};

const RECENT_COUNT: u32 = 6;

#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let recent = Resource::new(move || lang, |lang| recent_openings(lang, RECENT_COUNT));
    let for_you = for_you_resource(HOME_COUNT);
    let all_href = path(route::OPENINGS, lang, &[]);
    view! {
        <PageTitle text=format!("{} – {}", tr("site-name"), tr("site-tagline")) />
        <section class="hero">
            <h1>{tr("home-title")}</h1>
            <p class="hero__intro">{tr("home-intro")}</p>
            <SearchBox />
            <ul class="hero__points">
                <li>{tr("home-point-languages")}</li>
                <li>{tr("home-point-institutions")}</li>
                <li>{tr("home-point-free")}</li>
            </ul>
        </section>
        <DoneNotice notices=&[("dismissed", "for-you-dismissed")] />
        <ForYou recommended=for_you invite=true back="home" />
        <section class="recent" aria-labelledby="recent-title">
            <h2 id="recent-title">{tr("home-recent")}</h2>
            <Suspense fallback=|| ()>
                {move || {
                    let all_href = all_href.clone();
                    Suspend::new(async move {
                        match recent.await {
                            Ok(page) => {
                                let browse = tr_args("home-browse-all", &[("count", page.total.into())]);
                                view! {
                                    <OpeningList hits=page.hits />
                                    <p class="recent__all"><a href=all_href>{browse}</a></p>
                                }
                                    .into_any()
                            }
                            Err(_) => view! { <LoadError /> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}
