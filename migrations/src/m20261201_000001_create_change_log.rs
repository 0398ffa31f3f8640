//! What several processes share through the database:
//! - `search_change`: the change log that every server's indexer follows (one row per opening
//!   whose searchable state changed, written in the same transaction as the change);
//! - `change_log_state`: the database's identity and how far the log has been pruned;
//! - `indexer`: how far each server's index has got (for pruning and `/healthz`);
//! - `rate_limit_hit`: attempts counted by rate limits, shared by every server;
//! - `membership_removal`: members an institution removed, who may not join again until an
//!   administrator lets them back in;
//! - `outbox.claimed_at`: the server sending a queued e-mail claims it first, so that two
//!   servers never send the same one.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SearchChange {
    Table,
    Seq,
    OpeningId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ChangeLogState {
    Table,
    Id,
    DatabaseId,
    PrunedThrough,
}

#[derive(DeriveIden)]
enum Indexer {
    Table,
    Name,
    Applied,
    SeenAt,
}

#[derive(DeriveIden)]
enum RateLimitHit {
    Table,
    Id,
    Key,
    At,
}

#[derive(DeriveIden)]
enum MembershipRemoval {
    Table,
    Id,
    AccountId,
    InstitutionId,
    RemovedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    ClaimedAt,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Institution {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Outbox::Table)
                    .add_column(timestamp_with_time_zone_null(Outbox::ClaimedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SearchChange::Table)
                    .if_not_exists()
                    .col(pk_auto(SearchChange::Seq))
                    .col(integer(SearchChange::OpeningId))
                    .col(timestamp_with_time_zone(SearchChange::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ChangeLogState::Table)
                    .if_not_exists()
                    .col(integer(ChangeLogState::Id).primary_key())
                    .col(string_len(ChangeLogState::DatabaseId, 64))
                    .col(big_integer(ChangeLogState::PrunedThrough))
                    .to_owned(),
            )
            .await?;
        // The database's identity: an index built from another database is rebuilt.
        let database_id = format!("{:016x}{:016x}", rand_u64(), rand_u64());
        manager
            .exec_stmt(
                Query::insert()
                    .into_table(ChangeLogState::Table)
                    .columns([ChangeLogState::Id, ChangeLogState::DatabaseId, ChangeLogState::PrunedThrough])
                    .values_panic([1.into(), database_id.into(), 0.into()])
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Indexer::Table)
                    .if_not_exists()
                    .col(string_len(Indexer::Name, 64).primary_key())
                    .col(big_integer(Indexer::Applied))
                    .col(timestamp_with_time_zone(Indexer::SeenAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RateLimitHit::Table)
                    .if_not_exists()
                    .col(pk_auto(RateLimitHit::Id))
                    .col(string_len(RateLimitHit::Key, 200))
                    .col(timestamp_with_time_zone(RateLimitHit::At))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_rate_limit_hit_key_at")
                    .table(RateLimitHit::Table)
                    .col(RateLimitHit::Key)
                    .col(RateLimitHit::At)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(MembershipRemoval::Table)
                    .if_not_exists()
                    .col(pk_auto(MembershipRemoval::Id))
                    .col(integer(MembershipRemoval::AccountId))
                    .col(integer(MembershipRemoval::InstitutionId))
                    .col(integer_null(MembershipRemoval::RemovedBy))
                    .col(timestamp_with_time_zone(MembershipRemoval::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_membership_removal_account")
                            .from(MembershipRemoval::Table, MembershipRemoval::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_membership_removal_institution")
                            .from(MembershipRemoval::Table, MembershipRemoval::InstitutionId)
                            .to(Institution::Table, Institution::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_membership_removal")
                    .table(MembershipRemoval::Table)
                    .col(MembershipRemoval::AccountId)
                    .col(MembershipRemoval::InstitutionId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            MembershipRemoval::Table.into_iden(),
            RateLimitHit::Table.into_iden(),
            Indexer::Table.into_iden(),
            ChangeLogState::Table.into_iden(),
            SearchChange::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        manager.alter_table(Table::alter().table(Outbox::Table).drop_column(Outbox::ClaimedAt).to_owned()).await?;
        Ok(())
    }
}

/// Random enough to tell databases apart (std's hasher is seeded randomly per process).
fn rand_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos()));
    hasher.finish()
}
