//! SeaORM entities, one module per table (see `migrations/` for the schema's history).

pub mod account;
pub mod account_token;
pub mod audit_log;
pub mod change_log_state;
pub mod decision;
pub mod indexer;
pub mod institution;
pub mod membership;
pub mod membership_removal;
pub mod opening;
pub mod outbox;
pub mod rate_limit_hit;
pub mod report;
pub mod search_change;
pub mod session;
