//! Passerelle's interface, rendered on the server; its few interactive pieces (`#[island]`) also
//! run in the browser.
//!
//! - [`routes`]: the router and the per-language layout (header, switcher, `<html lang>`).
//! - `pages/`: one module per page; `components/`: pieces shared by pages.
//! - [`api`]: server functions, thin wrappers over the `catalog` crate.
//! - [`i18n`]: the reader's language and the helpers that fetch Fluent messages.

pub mod api;
mod components;
pub mod i18n;
mod pages;
mod routes;
mod status;
pub mod url;

use leptos::prelude::*;
use leptos_meta::MetaTags;

pub use routes::{App, SiteUrl};

/// Where the stylesheet is served; the server embeds `style/passerelle.css` there.
pub const STYLESHEET_PATH: &str = "/assets/passerelle.css";

/// Loads the bundle, once the browser is idle, and brings the page's islands to life: the
/// `<leptos-island>` elements, each named by the function of the bundle that hydrates it. Leptos'
/// own `HydrationScripts` puts the CSP nonce in `crossorigin` attributes, which is invalid HTML;
/// this does the same without that, and marks the page once done (`data-hydrated`, for tests).
#[component]
fn HydrationScript(options: LeptosOptions) -> impl IntoView {
    // Islands mode: the server renders everything else for good, without hydration data.
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    let pkg = format!("/{}/{}", options.site_pkg_dir, options.output_name);
    let script = format!(
        "import init, * as bundle from '{pkg}.js';\n\
         const start = () => init({{ module_or_path: '{pkg}_bg.wasm' }}).then(async () => {{\n\
         bundle.hydrate();\n\
         for (const island of document.querySelectorAll('leptos-island')) {{\n\
         const hydrateIsland = bundle[island.dataset.component];\n\
         if (hydrateIsland) await hydrateIsland(island);\n\
         }}\n\
         document.documentElement.dataset.hydrated = 'true';\n\
         }});\n\
         if ('requestIdleCallback' in window) requestIdleCallback(start, {{ timeout: 1000 }}); else start();"
    );
    // The Content-Security-Policy lets only scripts with this response's nonce run inline.
    let nonce = leptos::nonce::use_nonce();
    view! {
        <link rel="modulepreload" href=format!("{pkg}.js") />
        <link rel="preload" href=format!("{pkg}_bg.wasm") r#as="fetch" r#type="application/wasm" crossorigin="" />
        <script type="module" nonce=nonce>{script}</script>
    }
}

/// The HTML document around the app. `lang` is set by the app through `<Html>`.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="stylesheet" href=STYLESHEET_PATH />
                <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
                <HydrationScript options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}
