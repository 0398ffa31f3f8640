//! `dismissed_opening`: openings a researcher set aside from their recommendations ("not for
//! me"); they are never recommended to them again. Theirs alone: removed with the account or
//! the opening.

use sea_orm_migration::{prelude::*, schema::*};

use crate::shared_keys::{Account, Opening, cascade};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DismissedOpening {
    Table,
    AccountId,
    OpeningId,
    DismissedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DismissedOpening::Table)
                    .if_not_exists()
                    .col(integer(DismissedOpening::AccountId))
                    .col(integer(DismissedOpening::OpeningId))
                    .col(timestamp_with_time_zone(DismissedOpening::DismissedAt))
                    .primary_key(Index::create().col(DismissedOpening::AccountId).col(DismissedOpening::OpeningId))
                    .foreign_key(&mut cascade(
                        "fk_dismissed_opening_account",
                        (DismissedOpening::Table, DismissedOpening::AccountId),
                        (Account::Table, Account::Id),
                    ))
                    .foreign_key(&mut cascade(
                        "fk_dismissed_opening_opening",
                        (DismissedOpening::Table, DismissedOpening::OpeningId),
                        (Opening::Table, Opening::Id),
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(DismissedOpening::Table).to_owned()).await
    }
}
