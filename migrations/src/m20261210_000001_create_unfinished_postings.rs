//! `unfinished_posting`: a new posting saved as a draft before every field reads (a title
//! missing, a date not yet known): the form's fields as typed, for their author alone to take
//! up again. Becomes a posting (and goes) once it is saved complete.

use sea_orm_migration::{prelude::*, schema::*};

use crate::shared_keys::{Account, Institution, cascade};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum UnfinishedPosting {
    Table,
    Id,
    AccountId,
    InstitutionId,
    Fields,
    SavedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(UnfinishedPosting::Table)
                    .if_not_exists()
                    .col(pk_auto(UnfinishedPosting::Id))
                    .col(integer(UnfinishedPosting::AccountId))
                    .col(integer(UnfinishedPosting::InstitutionId))
                    .col(text(UnfinishedPosting::Fields))
                    .col(timestamp_with_time_zone(UnfinishedPosting::SavedAt))
                    .foreign_key(&mut cascade(
                        "fk_unfinished_posting_account",
                        (UnfinishedPosting::Table, UnfinishedPosting::AccountId),
                        (Account::Table, Account::Id),
                    ))
                    .foreign_key(&mut cascade(
                        "fk_unfinished_posting_institution",
                        (UnfinishedPosting::Table, UnfinishedPosting::InstitutionId),
                        (Institution::Table, Institution::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_unfinished_posting_account")
                    .table(UnfinishedPosting::Table)
                    .col(UnfinishedPosting::AccountId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(UnfinishedPosting::Table).to_owned()).await
    }
}
