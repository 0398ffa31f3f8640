//! "Copy the link" beside an opening's other ways to keep it: a button that exists only where
//! it can work (an island, drawn once the bundle runs: without JavaScript there is nothing to
//! press), which puts the opening's address on the clipboard and says so.

use leptos::prelude::*;

/// `url`: the address to copy; `label` and `done`: the button's words and what is announced
/// once copied, in the page's language.
#[island]
pub fn CopyLink(url: String, label: String, done: String) -> impl IntoView {
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let said = RwSignal::new(String::new());
    let copy = move |_| {
        let (url, done) = (url.clone(), done.clone());
        leptos::task::spawn_local(async move {
            if copy_to_clipboard(&url).await {
                said.try_set(done);
            }
        });
    };
    view! {
        {move || hydrated.get().then(|| view! {
            " · "
            <button type="button" class="button--link" on:click=copy.clone()>{label.clone()}</button>
        })}
        <span class="opening__copied" role="status">{move || said.get()}</span>
    }
}

async fn copy_to_clipboard(text: &str) -> bool {
    #[cfg(feature = "hydrate")]
    {
        let promise = window().navigator().clipboard().write_text(text);
        wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = text;
        false
    }
}
