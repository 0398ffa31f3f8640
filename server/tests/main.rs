//! The server's integration tests, one binary for all of them: each binary links the Korean
//! dictionary and the whole server (about 250 MB unstripped), so one per area cost gigabytes of
//! disk and a link each.
//!
//! - `contract`: the HTTP contract (pages, API, feeds) over the demo data;
//! - `authorization`: who may see and do what, as a matrix over every route;
//! - `accounts`, `institutions`, `postings`, `moderation`, `applications`: each area's use cases
//!   through the real router, as the people involved would use them;
//! - `mail`: queued e-mail over SMTP; `cli`: the `passerelle` binary as a user runs it;
//! - `meaning`: semantic matching as a searcher sees it, with the real model.

mod common;

mod accounts;
mod applications;
mod authorization;
mod cli;
mod contract;
mod institutions;
mod mail;
mod meaning;
mod moderation;
mod postings;
