//! SeaORM entities, one module per table (see `migrations/` for the schema's history).

pub mod institution;
pub mod opening;
