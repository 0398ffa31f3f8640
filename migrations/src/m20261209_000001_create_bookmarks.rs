//! `bookmark`: openings a person saved to come back to ("Saved openings"). Theirs alone:
//! removed with the account or the opening.

use sea_orm_migration::{prelude::*, schema::*};

use crate::shared_keys::{Account, Opening, cascade};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Bookmark {
    Table,
    AccountId,
    OpeningId,
    SavedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Bookmark::Table)
                    .if_not_exists()
                    .col(integer(Bookmark::AccountId))
                    .col(integer(Bookmark::OpeningId))
                    .col(timestamp_with_time_zone(Bookmark::SavedAt))
                    .primary_key(Index::create().col(Bookmark::AccountId).col(Bookmark::OpeningId))
                    .foreign_key(&mut cascade(
                        "fk_bookmark_account",
                        (Bookmark::Table, Bookmark::AccountId),
                        (Account::Table, Account::Id),
                    ))
                    .foreign_key(&mut cascade(
                        "fk_bookmark_opening",
                        (Bookmark::Table, Bookmark::OpeningId),
                        (Opening::Table, Opening::Id),
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Bookmark::Table).to_owned()).await
    }
}
