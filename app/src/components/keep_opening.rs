//! "Save this opening", on an opening's page: a button for signed-in readers (or one to take
//! it off their saved openings), a sign-in link for others.

use leptos::prelude::*;

use crate::components::form::PageForm;
use crate::components::notice::DoneNotice;
use crate::i18n::{tr, use_lang};
use crate::url::{path, route};

/// Whether the viewer saved the opening, as `api::opening_kept` loads it (`None`: signed out).
pub type KeptResource = Resource<Result<Option<bool>, ServerFnError>>;

#[component]
pub fn KeepOpening(id: i64, kept: KeptResource) -> impl IntoView {
    let lang = use_lang();
    let here = path(route::OPENING, lang, &[&id]);
    view! {
        <DoneNotice notices=&[("kept", "opening-kept"), ("unkept", "saved-removed")] />
        <Suspense fallback=|| ()>
            {move || {
                let here = here.clone();
                Suspend::new(async move {
                    match kept.await {
                        Ok(Some(kept)) => {
                            let (keep, text) = if kept { ("no", "opening-unkeep") } else { ("yes", "opening-keep") };
                            let fields = move |_| {
                                view! {
                                    <input type="hidden" name="keep" value=keep />
                                    <button type="submit" class="button button--secondary">{tr(text)}</button>
                                    {kept.then(|| view! {
                                        " " <a href=path(route::SAVED, lang, &[])>{tr("nav-saved")}</a>
                                    })}
                                }
                            };
                            view! { <PageForm name="keep" action=path(route::KEEP_OPENING, lang, &[&id]) fields /> }
                                .into_any()
                        }
                        _ => {
                            let login = crate::url::sign_in_then(lang, &here);
                            view! { <p><a href=login>{tr("opening-keep-sign-in")}</a></p> }.into_any()
                        }
                    }
                })
            }}
        </Suspense>
    }
}
