//! People: accounts, their sign-in sessions, the one-time tokens sent by e-mail (address
//! confirmation, password reset), and the outbox those e-mails wait in.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
    Email,
    PasswordHash,
    DisplayName,
    PreferredLang,
    Role,
    EmailConfirmedAt,
    SuspendedAt,
    SuspensionReason,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    Id,
    TokenHash,
    AccountId,
    CreatedAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum AccountToken {
    Table,
    Id,
    TokenHash,
    AccountId,
    Purpose,
    CreatedAt,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    Recipient,
    Lang,
    Subject,
    Body,
    CreatedAt,
    SentAt,
    Attempts,
    LastError,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Account::Table)
                    .if_not_exists()
                    .col(pk_auto(Account::Id))
                    // Stored lowercased, so that the unique index is case-insensitive.
                    .col(string_len_uniq(Account::Email, 254))
                    .col(text(Account::PasswordHash))
                    .col(string_len(Account::DisplayName, 100))
                    .col(char_len(Account::PreferredLang, 2))
                    .col(string_len(Account::Role, 16))
                    .col(timestamp_with_time_zone_null(Account::EmailConfirmedAt))
                    .col(timestamp_with_time_zone_null(Account::SuspendedAt))
                    .col(text_null(Account::SuspensionReason))
                    .col(timestamp_with_time_zone(Account::CreatedAt))
                    .to_owned(),
            )
            .await?;

        // Only a hash of a session's cookie is stored: a leaked database opens no sessions.
        manager
            .create_table(
                Table::create()
                    .table(Session::Table)
                    .if_not_exists()
                    .col(pk_auto(Session::Id))
                    .col(string_len_uniq(Session::TokenHash, 64))
                    .col(integer(Session::AccountId))
                    .col(timestamp_with_time_zone(Session::CreatedAt))
                    .col(timestamp_with_time_zone(Session::ExpiresAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_session_account")
                            .from(Session::Table, Session::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(AccountToken::Table)
                    .if_not_exists()
                    .col(pk_auto(AccountToken::Id))
                    .col(string_len_uniq(AccountToken::TokenHash, 64))
                    .col(integer(AccountToken::AccountId))
                    .col(string_len(AccountToken::Purpose, 16))
                    .col(timestamp_with_time_zone(AccountToken::CreatedAt))
                    .col(timestamp_with_time_zone(AccountToken::ExpiresAt))
                    .col(timestamp_with_time_zone_null(AccountToken::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_account_token_account")
                            .from(AccountToken::Table, AccountToken::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Outbox::Table)
                    .if_not_exists()
                    .col(pk_auto(Outbox::Id))
                    .col(string_len(Outbox::Recipient, 254))
                    .col(char_len(Outbox::Lang, 2))
                    .col(text(Outbox::Subject))
                    .col(text(Outbox::Body))
                    .col(timestamp_with_time_zone(Outbox::CreatedAt))
                    .col(timestamp_with_time_zone_null(Outbox::SentAt))
                    .col(integer(Outbox::Attempts).default(0))
                    .col(text_null(Outbox::LastError))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(Index::create().name("ix_outbox_sent_at").table(Outbox::Table).col(Outbox::SentAt).to_owned())
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [Outbox::Table.into_iden(), AccountToken::Table.into_iden(), Session::Table.into_iden()] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        manager.drop_table(Table::drop().table(Account::Table).to_owned()).await
    }
}
