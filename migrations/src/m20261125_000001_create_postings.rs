//! Openings written on the site: who posted them, an edit of a published opening waiting for
//! review beside the version readers see, and the moderators' decisions (which are also the
//! posters' notifications).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Opening {
    Table,
    Id,
    CreatedBy,
    Revision,
    RevisionStatus,
    SubmittedAt,
    Status,
}

#[derive(DeriveIden)]
enum Decision {
    Table,
    Id,
    OpeningId,
    PosterId,
    DecidedBy,
    Approved,
    Reason,
    Note,
    CreatedAt,
    SeenAt,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        let columns = [
            integer_null(Opening::CreatedBy),
            json_null(Opening::Revision),
            string_len_null(Opening::RevisionStatus, 16),
            timestamp_with_time_zone_null(Opening::SubmittedAt),
        ];
        for column in columns {
            manager.alter_table(Table::alter().table(Opening::Table).add_column(column).to_owned()).await?;
        }
        // The moderation queue and the members' lists read by status.
        manager
            .create_index(
                Index::create()
                    .name("ix_opening_revision_status")
                    .table(Opening::Table)
                    .col(Opening::RevisionStatus)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("ix_opening_created_by").table(Opening::Table).col(Opening::CreatedBy).to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_opening_status_submitted")
                    .table(Opening::Table)
                    .col(Opening::Status)
                    .col(Opening::SubmittedAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Decision::Table)
                    .if_not_exists()
                    .col(pk_auto(Decision::Id))
                    .col(integer(Decision::OpeningId))
                    .col(integer(Decision::PosterId))
                    .col(integer(Decision::DecidedBy))
                    .col(boolean(Decision::Approved))
                    .col(string_len_null(Decision::Reason, 24))
                    .col(text(Decision::Note))
                    .col(timestamp_with_time_zone(Decision::CreatedAt))
                    .col(timestamp_with_time_zone_null(Decision::SeenAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_decision_opening")
                            .from(Decision::Table, Decision::OpeningId)
                            .to(Opening::Table, Opening::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_decision_poster")
                            .from(Decision::Table, Decision::PosterId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_decision_poster")
                    .table(Decision::Table)
                    .col(Decision::PosterId)
                    .col(Decision::SeenAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Decision::Table).to_owned()).await?;
        for column in [Opening::SubmittedAt, Opening::RevisionStatus, Opening::Revision, Opening::CreatedBy] {
            manager.alter_table(Table::alter().table(Opening::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
