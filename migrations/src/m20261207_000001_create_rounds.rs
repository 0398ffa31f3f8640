//! Matching rounds: `round` (its names, coordinating institution, dates, state, and once solved
//! the instance it solved), `round_opening` (the openings taking part, their places, when they
//! ranked, their public token), `round_participant` (researchers who ranked, their result and
//! token), and `round_ranking`, the rankings of both sides (`side` `researcher`: an account's
//! openings; `opening`: an opening's applicants), position 0 first.

use sea_orm_migration::{prelude::*, schema::*};

use crate::shared_keys::{Account, Opening, cascade};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Round {
    Table,
    Id,
    Name,
    InstitutionId,
    CreatedBy,
    ApplicationsClose,
    RankingsClose,
    ResultsAt,
    MaxRanking,
    ScrambleOf,
    State,
    SolvedAt,
    PublishedAt,
    Instance,
    Anonymised,
    RemindedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum RoundOpening {
    Table,
    RoundId,
    OpeningId,
    Places,
    RankedAt,
    Token,
}

#[derive(DeriveIden)]
enum RoundParticipant {
    Table,
    RoundId,
    AccountId,
    RankedAt,
    OpeningId,
    Token,
}

#[derive(DeriveIden)]
enum RoundRanking {
    Table,
    RoundId,
    Side,
    OwnerId,
    Position,
    RankedId,
}

fn of_round(name: &str, table: impl IntoIden) -> ForeignKeyCreateStatement {
    cascade(name, (table, Alias::new("round_id")), (Round::Table, Round::Id))
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Round::Table)
                    .if_not_exists()
                    .col(pk_auto(Round::Id))
                    .col(text(Round::Name))
                    .col(integer_null(Round::InstitutionId))
                    .col(integer(Round::CreatedBy))
                    .col(timestamp_with_time_zone(Round::ApplicationsClose))
                    .col(timestamp_with_time_zone(Round::RankingsClose))
                    .col(timestamp_with_time_zone(Round::ResultsAt))
                    .col(integer(Round::MaxRanking))
                    .col(integer_null(Round::ScrambleOf))
                    .col(string(Round::State))
                    .col(timestamp_with_time_zone_null(Round::SolvedAt))
                    .col(timestamp_with_time_zone_null(Round::PublishedAt))
                    .col(text_null(Round::Instance))
                    .col(text_null(Round::Anonymised))
                    .col(timestamp_with_time_zone_null(Round::RemindedAt))
                    .col(timestamp_with_time_zone(Round::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RoundOpening::Table)
                    .if_not_exists()
                    .col(integer(RoundOpening::RoundId))
                    .col(integer(RoundOpening::OpeningId))
                    .col(integer(RoundOpening::Places))
                    .col(timestamp_with_time_zone_null(RoundOpening::RankedAt))
                    .col(string_null(RoundOpening::Token))
                    .primary_key(Index::create().col(RoundOpening::RoundId).col(RoundOpening::OpeningId))
                    .foreign_key(&mut of_round("fk_round_opening_round", RoundOpening::Table))
                    .foreign_key(&mut cascade(
                        "fk_round_opening_opening",
                        (RoundOpening::Table, RoundOpening::OpeningId),
                        (Opening::Table, Opening::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RoundParticipant::Table)
                    .if_not_exists()
                    .col(integer(RoundParticipant::RoundId))
                    .col(integer(RoundParticipant::AccountId))
                    .col(timestamp_with_time_zone_null(RoundParticipant::RankedAt))
                    .col(integer_null(RoundParticipant::OpeningId))
                    .col(string_null(RoundParticipant::Token))
                    .primary_key(Index::create().col(RoundParticipant::RoundId).col(RoundParticipant::AccountId))
                    .foreign_key(&mut of_round("fk_round_participant_round", RoundParticipant::Table))
                    .foreign_key(&mut cascade(
                        "fk_round_participant_account",
                        (RoundParticipant::Table, RoundParticipant::AccountId),
                        (Account::Table, Account::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RoundRanking::Table)
                    .if_not_exists()
                    .col(integer(RoundRanking::RoundId))
                    .col(string(RoundRanking::Side))
                    .col(integer(RoundRanking::OwnerId))
                    .col(integer(RoundRanking::Position))
                    .col(integer(RoundRanking::RankedId))
                    .primary_key(
                        Index::create()
                            .col(RoundRanking::RoundId)
                            .col(RoundRanking::Side)
                            .col(RoundRanking::OwnerId)
                            .col(RoundRanking::Position),
                    )
                    .foreign_key(&mut of_round("fk_round_ranking_round", RoundRanking::Table))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            RoundRanking::Table.into_iden(),
            RoundParticipant::Table.into_iden(),
            RoundOpening::Table.into_iden(),
            Round::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
