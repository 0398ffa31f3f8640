//! `opening.city_names`: the city as each language writes it (`{lang: name}`), when an import
//! names it so; `NULL` leaves the city to `opening.city` and the usual names table.

use sea_orm_migration::{prelude::*, schema::*};

use crate::shared_keys::Opening;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OpeningPlace {
    CityNames,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table(Opening::Table).add_column(json_null(OpeningPlace::CityNames)).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.alter_table(Table::alter().table(Opening::Table).drop_column(OpeningPlace::CityNames).to_owned()).await
    }
}
