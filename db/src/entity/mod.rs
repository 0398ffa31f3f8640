//! SeaORM entities, one module per table (see `migrations/` for the schema's history).

pub mod account;
pub mod account_token;
pub mod audit_log;
pub mod decision;
pub mod institution;
pub mod membership;
pub mod opening;
pub mod outbox;
pub mod report;
pub mod session;
