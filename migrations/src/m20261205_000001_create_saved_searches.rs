//! `saved_search`: searches (or a researcher's profile) whose new openings are e-mailed to
//! their owner daily or weekly; and `outbox.list_unsubscribe`, the one-click unsubscribe
//! address (RFC 8058) a digest carries in its headers.
//!
//! A digest covers the openings first published after `since`; sending it moves `since` and
//! `next_due_at` forward in the transaction that queues the e-mail, so a digest is never sent
//! twice. `claimed_at` marks a server at work on it (see `db::alerts`).

use sea_orm_migration::{prelude::*, schema::*};

use crate::shared_keys::{Account, cascade};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SavedSearch {
    Table,
    Id,
    AccountId,
    Lang,
    Params,
    ForProfile,
    Frequency,
    CreatedAt,
    Since,
    NextDueAt,
    ClaimedAt,
    UnsubscribeKey,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    ListUnsubscribe,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SavedSearch::Table)
                    .if_not_exists()
                    .col(pk_auto(SavedSearch::Id))
                    .col(integer(SavedSearch::AccountId))
                    .col(string_len(SavedSearch::Lang, 2))
                    .col(text(SavedSearch::Params))
                    .col(boolean(SavedSearch::ForProfile))
                    .col(string_len(SavedSearch::Frequency, 8))
                    .col(timestamp_with_time_zone(SavedSearch::CreatedAt))
                    .col(timestamp_with_time_zone(SavedSearch::Since))
                    .col(timestamp_with_time_zone(SavedSearch::NextDueAt))
                    .col(timestamp_with_time_zone_null(SavedSearch::ClaimedAt))
                    .col(string_len_uniq(SavedSearch::UnsubscribeKey, 64))
                    .foreign_key(&mut cascade(
                        "fk_saved_search_account",
                        (SavedSearch::Table, SavedSearch::AccountId),
                        (Account::Table, Account::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        // The same search saved twice is one alert.
        manager
            .create_index(
                Index::create()
                    .name("ux_saved_search_account_params")
                    .table(SavedSearch::Table)
                    .col(SavedSearch::AccountId)
                    .col(SavedSearch::ForProfile)
                    .col(SavedSearch::Params)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_saved_search_next_due_at")
                    .table(SavedSearch::Table)
                    .col(SavedSearch::NextDueAt)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(Table::alter().table(Outbox::Table).add_column(text_null(Outbox::ListUnsubscribe)).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(Table::alter().table(Outbox::Table).drop_column(Outbox::ListUnsubscribe).to_owned())
            .await?;
        manager.drop_table(Table::drop().table(SavedSearch::Table).to_owned()).await
    }
}
