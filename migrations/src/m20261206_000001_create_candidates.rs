//! What candidates for an opening stand on: `profile_change`, the log of profiles whose
//! searchable state changed (saved, shown to more or fewer institutions, their account
//! suspended or reinstated), which every server's profile index follows as its opening index
//! follows `search_change`; and `invitation`, a member's invitation to a researcher to apply to
//! an opening (once per opening and researcher).

use sea_orm_migration::{prelude::*, schema::*};

use crate::shared_keys::{Account, Opening, cascade};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ProfileChange {
    Table,
    Seq,
    AccountId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Invitation {
    Table,
    OpeningId,
    AccountId,
    InvitedBy,
    InvitedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ProfileChange::Table)
                    .if_not_exists()
                    .col(pk_auto(ProfileChange::Seq))
                    .col(integer(ProfileChange::AccountId))
                    .col(timestamp_with_time_zone(ProfileChange::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Invitation::Table)
                    .if_not_exists()
                    .col(integer(Invitation::OpeningId))
                    .col(integer(Invitation::AccountId))
                    .col(integer(Invitation::InvitedBy))
                    .col(timestamp_with_time_zone(Invitation::InvitedAt))
                    .primary_key(Index::create().col(Invitation::OpeningId).col(Invitation::AccountId))
                    .foreign_key(&mut cascade(
                        "fk_invitation_opening",
                        (Invitation::Table, Invitation::OpeningId),
                        (Opening::Table, Opening::Id),
                    ))
                    .foreign_key(&mut cascade(
                        "fk_invitation_account",
                        (Invitation::Table, Invitation::AccountId),
                        (Account::Table, Account::Id),
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Invitation::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(ProfileChange::Table).to_owned()).await
    }
}
