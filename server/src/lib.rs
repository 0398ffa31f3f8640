//! The `passerelle` binary's library: everything but `main`, so that tests drive the real
//! router and the real commands.
//!
//! - [`config`]: settings read once from the environment.
//! - [`cli`]: the commands of the contract (`serve`, `migrate`, `import`, `reindex`, `seed`).
//! - [`router`]: the axum router: pages (Leptos), JSON API, health, language redirects, assets.
//! - [`auth`]: sessions, CSRF, rate limits, the account forms and their e-mails; [`admin`]: the
//!   account commands of the CLI.
//! - [`institutions`], [`moderation`], [`postings`]: the forms of members and admins (joining,
//!   verifying, reports, suspensions, writing openings and reviewing them).
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
pub mod synthetic;

pub use error::ServerError;
