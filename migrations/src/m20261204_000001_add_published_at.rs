//! `opening.published_at`: when an opening was first published (imported, or approved by a
//! moderator), which its page shows and "newest first" sorts by; before, the time it was
//! written stood for it, so a posting approved a week after its draft looked a week old.
//! Openings published already take the time they were written.

use sea_orm_migration::{prelude::*, schema::*};

use crate::shared_keys::Opening;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum OpeningTimes {
    PublishedAt,
    CreatedAt,
    Status,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Opening::Table)
                    .add_column(timestamp_with_time_zone_null(OpeningTimes::PublishedAt))
                    .to_owned(),
            )
            .await?;
        let backfill = Query::update()
            .table(Opening::Table)
            .value(OpeningTimes::PublishedAt, Expr::col(OpeningTimes::CreatedAt))
            .and_where(Expr::col(OpeningTimes::Status).eq("published"))
            .to_owned();
        manager.exec_stmt(backfill).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table(Opening::Table).drop_column(OpeningTimes::PublishedAt).to_owned())
            .await
    }
}
