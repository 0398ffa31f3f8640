//! Entry point of the WebAssembly bundle. The pages are drawn by the server; the bundle holds
//! only the app's islands (`#[island]` components), which the page's script hydrates one by one
//! with the functions this crate exports (see `app`'s `HydrationScript`).

// The islands' hydrating functions live in `app`; linking it exports them.
use app as _;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
