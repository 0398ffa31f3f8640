//! Who belongs to which institution (and who runs it there), whether an institution has been
//! verified by the platform's admins, and the audit log of moderation and administration.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Institution {
    Table,
    Id,
    VerifiedAt,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Membership {
    Table,
    Id,
    AccountId,
    InstitutionId,
    Role,
    CreatedAt,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    ActorId,
    Action,
    TargetKind,
    TargetId,
    Detail,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Institution::Table)
                    .add_column(timestamp_with_time_zone_null(Institution::VerifiedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Membership::Table)
                    .if_not_exists()
                    .col(pk_auto(Membership::Id))
                    .col(integer(Membership::AccountId))
                    .col(integer(Membership::InstitutionId))
                    // `member` or `admin` (runs the institution's openings and members).
                    .col(string_len(Membership::Role, 16))
                    .col(timestamp_with_time_zone(Membership::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_membership_account")
                            .from(Membership::Table, Membership::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_membership_institution")
                            .from(Membership::Table, Membership::InstitutionId)
                            .to(Institution::Table, Institution::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_membership_account_institution")
                    .table(Membership::Table)
                    .col(Membership::AccountId)
                    .col(Membership::InstitutionId)
                    .unique()
                    .to_owned(),
            )
            .await?;

        // Kept when the actor's account is deleted: the log outlives who wrote it.
        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .if_not_exists()
                    .col(pk_auto(AuditLog::Id))
                    .col(integer_null(AuditLog::ActorId))
                    .col(string_len(AuditLog::Action, 48))
                    .col(string_len(AuditLog::TargetKind, 24))
                    .col(big_integer(AuditLog::TargetId))
                    .col(text(AuditLog::Detail))
                    .col(timestamp_with_time_zone(AuditLog::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("ix_audit_log_action").table(AuditLog::Table).col(AuditLog::Action).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(AuditLog::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Membership::Table).to_owned()).await?;
        manager
            .alter_table(Table::alter().table(Institution::Table).drop_column(Institution::VerifiedAt).to_owned())
            .await
    }
}
