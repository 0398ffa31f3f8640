//! Passerelle's schema. Migrations are append-only: once one has landed it is never edited;
//! a change to the schema is a new migration.

// async_trait cannot take `SchemaManager<'_>` in these signatures.
#![allow(elided_lifetimes_in_paths)]

pub use sea_orm_migration::prelude::*;

mod shared_keys;

mod m20261123_000001_create_catalog;
mod m20261124_000001_create_accounts;
mod m20261124_000002_create_memberships;
mod m20261124_000003_create_reports;
mod m20261125_000001_create_postings;
mod m20261201_000001_create_change_log;
mod m20261202_000001_create_applications;
mod m20261203_000001_create_dismissals;
mod m20261204_000001_add_published_at;
mod m20261205_000001_create_saved_searches;
mod m20261206_000001_create_candidates;
mod m20261207_000001_create_rounds;
mod m20261208_000001_add_city_names;
mod m20261209_000001_create_bookmarks;
mod m20261210_000001_create_unfinished_postings;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_create_catalog::Migration),
            Box::new(m20261124_000001_create_accounts::Migration),
            Box::new(m20261124_000002_create_memberships::Migration),
            Box::new(m20261124_000003_create_reports::Migration),
            Box::new(m20261125_000001_create_postings::Migration),
            Box::new(m20261201_000001_create_change_log::Migration),
            Box::new(m20261202_000001_create_applications::Migration),
            Box::new(m20261203_000001_create_dismissals::Migration),
            Box::new(m20261204_000001_add_published_at::Migration),
            Box::new(m20261205_000001_create_saved_searches::Migration),
            Box::new(m20261206_000001_create_candidates::Migration),
            Box::new(m20261207_000001_create_rounds::Migration),
            Box::new(m20261208_000001_add_city_names::Migration),
            Box::new(m20261209_000001_create_bookmarks::Migration),
            Box::new(m20261210_000001_create_unfinished_postings::Migration),
        ]
    }
}
