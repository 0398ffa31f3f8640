//! The `passerelle` binary's library: everything but `main`, so that tests drive the real
//! router and the real commands.
//!
//! - [`config`]: settings read once from the environment.
//! - [`cli`]: the commands of the contract (`serve`, `migrate`, `import`, `reindex`, `seed`).
//! - [`router`]: assembles the areas' routes, Leptos' pages and the layers; [`state`]: the
//!   application state and page rendering; [`site`]: `/`, the language switch, `/healthz`, assets;
//!   [`security`]: the headers every response carries and the server-function guard.
//! - [`auth`]: sessions, CSRF, rate limits, the client's address, the account forms; [`admin`]:
//!   the account commands of the CLI.
//! - [`institutions`], [`moderation`], [`postings`]: the forms of members and admins (joining,
//!   verifying, reports, suspensions, writing openings and reviewing them). Each area lists its
//!   routes; its handlers read the request and call one use case of the `catalog`.
//! - [`api`]: `/api/v1/…` handlers. [`import`]: reading JSONL files. [`demo`]: the demo data.

pub mod admin;
pub mod api;
pub mod auth;
pub mod bench;
pub mod cli;
pub mod config;
pub mod demo;
mod error;
mod html;
pub mod import;
pub mod institutions;
pub mod moderation;
pub mod postings;
pub mod router;
pub mod security;
pub mod site;
pub mod state;
pub mod synthetic;

pub use error::ServerError;
