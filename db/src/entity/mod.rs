//! SeaORM entities, one module per table (see `migrations/` for the schema's history).

pub mod account;
pub mod account_token;
pub mod application;
pub mod application_event;
pub mod audit_log;
pub mod change_log_state;
pub mod cv_file;
pub mod decision;
pub mod dismissed_opening;
pub mod indexer;
pub mod institution;
pub mod invitation;
pub mod membership;
pub mod membership_removal;
pub mod opening;
pub mod outbox;
pub mod profile;
pub mod profile_change;
pub mod rate_limit_hit;
pub mod report;
pub mod saved_search;
pub mod search_change;
pub mod session;
