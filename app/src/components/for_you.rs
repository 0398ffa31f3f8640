//! "Openings for you": the openings that suit the signed-in researcher's profile, each with
//! why (and where it falls short), on their home and profile pages.

use leptos::prelude::*;
use model::dto::Recommended;

use crate::api::openings_for_me;
use crate::components::opening_card::{CardAction, OpeningList};
use crate::i18n::{tr, use_lang};
use crate::pages::admin::Loaded;
use crate::url::{path, route};

/// Shown on the home page.
pub const HOME_COUNT: u32 = 3;
/// Shown on the profile page.
pub const PROFILE_COUNT: u32 = 5;

/// The recommendations a page loads: made with the page, not inside a part drawn once its
/// state has loaded (see `PostingsPage`).
pub type ForYouResource = Resource<Result<Option<Vec<Recommended>>, ServerFnError>>;

/// Loads `count` recommendations for the signed-in reader.
pub fn for_you_resource(count: u32) -> ForYouResource {
    let lang = use_lang();
    Resource::new(move || lang, move |lang| openings_for_me(lang, count))
}

/// The section, or nothing for a visitor who is not signed in (`invite`: ask a signed-in person
/// without a profile to write one, with a link to the profile page); `back` names the page it
/// is on, where "Not for me" comes back to.
#[component]
pub fn ForYou(recommended: ForYouResource, invite: bool, back: &'static str) -> impl IntoView {
    let profile_href = path(route::PROFILE, use_lang(), &[]);
    let show = move |list: Option<Vec<Recommended>>| match list {
        Some(list) => view! { <Section list action=CardAction::Dismiss { back } /> }.into_any(),
        None if invite => view! {
            <section class="for-you" aria-labelledby="for-you-title">
                <h2 id="for-you-title">{tr("for-you-title")}</h2>
                <p>{tr("for-you-no-profile")} " " <a href=profile_href.clone()>{tr("for-you-write-profile")}</a></p>
            </section>
        }
        .into_any(),
        None => ().into_any(),
    };
    view! { <Loaded resource=recommended show /> }
}

#[component]
fn Section(list: Vec<Recommended>, action: CardAction) -> impl IntoView {
    let empty = list.is_empty();
    let (hits, reasons): (Vec<_>, Vec<_>) = list.into_iter().map(|r| (r.opening, r.reasons)).unzip();
    view! {
        <section class="for-you" aria-labelledby="for-you-title">
            <h2 id="for-you-title">{tr("for-you-title")}</h2>
            <p class="for-you__intro">{tr("for-you-intro")}</p>
            {if empty {
                view! { <p>{tr("for-you-empty")}</p> }.into_any()
            } else {
                view! { <OpeningList hits reasons action /> }.into_any()
            }}
        </section>
    }
}
