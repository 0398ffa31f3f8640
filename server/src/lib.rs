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
//! - [`form`]: the posted-form extractor (`Posted<F>`: fields read into `F`, CSRF checked, who
//!   sent it) and `form::answer`, which draws the page around any [`ServerError`] (a refused
//!   form's page again, with what was typed).
//! - [`institutions`], [`moderation`], [`postings`]: the forms of members and admins (joining,
//!   verifying, reports, suspensions, writing openings and reviewing them). Each area lists its
//!   routes; its handlers take a `Posted<F>`, call one use case of the `catalog`, and answer a
//!   redirect or a `ServerError`.
//! - [`alerts`]: saving searches as alerts, changing and deleting them, one-click unsubscribe;
//!   [`alert_job`]: the digests, sent at the configured hour and by `passerelle alerts send`.
//! - [`candidates`]: inviting an opening's candidates to apply.
//! - [`api`]: `/api/v1/…` handlers. [`import`]: reading JSONL files. [`demo`]: the demo data.

pub mod admin;
pub mod alert_job;
pub mod alerts;
pub mod api;
pub mod applications;
pub mod auth;
pub mod bench;
pub mod bookmarks;
pub mod calendar;
pub mod candidates;
pub mod cli;
pub mod config;
pub mod crawlers;
pub mod demo;
pub mod demo_people;
pub mod error;
pub mod feed;
pub mod form;
mod html;
pub mod import;
pub mod institutions;
mod markup;
pub mod moderation;
pub mod openapi;
pub mod page_cache;
pub mod postings;
pub mod round_cli;
pub mod round_job;
pub mod rounds;
pub mod router;
pub mod security;
pub mod site;
pub mod state;
pub mod synthetic;

pub use error::ServerError;
