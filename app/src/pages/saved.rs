//! "Saved openings": the openings a person saved to come back to, the latest first, each with
//! a button to take it off the list. Only they see it.

use leptos::prelude::*;
use model::account::PageState;
use model::dto::OpeningSummary;

use crate::api::saved_openings;
use crate::components::notice::DoneNotice;
use crate::components::opening_card::{CardAction, OpeningList};
use crate::i18n::{tr, tr_args, use_lang};
use crate::pages::admin::Loaded;
use crate::pages::postings::SignedInFrame;
use crate::url::{path, route};

#[component]
pub fn SavedPage() -> impl IntoView {
    let lang = use_lang();
    let saved = Resource::new(|| (), move |()| saved_openings(lang));
    view! {
        <SignedInFrame
            title="saved-title"
            here="saved".to_string()
            content=move |_: PageState| {
                let show = move |hits: Vec<OpeningSummary>| {
                    if hits.is_empty() {
                        return view! {
                            <p>
                                {tr("saved-empty")} " "
                                <a href=path(route::OPENINGS, lang, &[])>{tr("applications-find")}</a>
                            </p>
                        }
                        .into_any();
                    }
                    let back = path(route::SAVED, lang, &[]);
                    let count = tr_args("saved-count", &[("count", hits.len().into())]);
                    view! {
                        <h2>{count}</h2>
                        <OpeningList hits action=CardAction::Unsave back />
                    }
                    .into_any()
                };
                view! {
                    <h1>{tr("saved-title")}</h1>
                    <DoneNotice notices=&[("unkept", "saved-removed")] />
                    <p>{tr("saved-private")}</p>
                    <Loaded resource=saved show />
                }
            }
        />
    }
}
