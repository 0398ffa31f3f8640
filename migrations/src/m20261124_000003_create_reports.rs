//! Reports filed by readers against openings ("flag this opening"), and their resolution.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Report {
    Table,
    Id,
    OpeningId,
    ReporterId,
    Reason,
    Details,
    CreatedAt,
    ResolvedAt,
    ResolvedBy,
}

#[derive(DeriveIden)]
enum Opening {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Report::Table)
                    .if_not_exists()
                    .col(pk_auto(Report::Id))
                    .col(integer(Report::OpeningId))
                    .col(integer(Report::ReporterId))
                    .col(string_len(Report::Reason, 24))
                    .col(text(Report::Details))
                    .col(timestamp_with_time_zone(Report::CreatedAt))
                    .col(timestamp_with_time_zone_null(Report::ResolvedAt))
                    .col(integer_null(Report::ResolvedBy))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_report_opening")
                            .from(Report::Table, Report::OpeningId)
                            .to(Opening::Table, Opening::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_report_reporter")
                            .from(Report::Table, Report::ReporterId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("ix_report_resolved_at").table(Report::Table).col(Report::ResolvedAt).to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Report::Table).to_owned()).await
    }
}
