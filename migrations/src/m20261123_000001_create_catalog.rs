//! Institutions and their openings: the whole import record, one row per opening.
//! Texts given per language (names, titles, descriptions) and lists are JSON columns.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Institution {
    Table,
    Id,
    Slug,
    Domain,
    Name,
    Country,
    City,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Opening {
    Table,
    Id,
    InstitutionId,
    ExternalId,
    Kind,
    CareerStages,
    Fields,
    Title,
    Description,
    OriginalLanguage,
    Keywords,
    LanguagesRequired,
    Country,
    City,
    StartDate,
    DurationMonths,
    Deadline,
    StipendAmount,
    StipendCurrency,
    StipendPeriod,
    TravelCovered,
    HousingCovered,
    Positions,
    ApplyUrl,
    ContactEmail,
    Status,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Institution::Table)
                    .if_not_exists()
                    .col(pk_auto(Institution::Id))
                    .col(string_len_uniq(Institution::Slug, 64))
                    .col(string_len_uniq(Institution::Domain, 253))
                    .col(json(Institution::Name))
                    .col(char_len(Institution::Country, 2))
                    .col(string(Institution::City))
                    .col(timestamp_with_time_zone(Institution::CreatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Opening::Table)
                    .if_not_exists()
                    .col(pk_auto(Opening::Id))
                    .col(integer(Opening::InstitutionId))
                    .col(string_len(Opening::ExternalId, 200))
                    .col(string_len(Opening::Kind, 32))
                    .col(json(Opening::CareerStages))
                    .col(json(Opening::Fields))
                    .col(json(Opening::Title))
                    .col(json(Opening::Description))
                    .col(char_len(Opening::OriginalLanguage, 2))
                    .col(json(Opening::Keywords))
                    .col(json(Opening::LanguagesRequired))
                    .col(char_len(Opening::Country, 2))
                    .col(string(Opening::City))
                    .col(date_null(Opening::StartDate))
                    .col(integer_null(Opening::DurationMonths))
                    .col(date(Opening::Deadline))
                    .col(double_null(Opening::StipendAmount))
                    .col(char_len_null(Opening::StipendCurrency, 3))
                    .col(string_len_null(Opening::StipendPeriod, 16))
                    .col(boolean(Opening::TravelCovered))
                    .col(boolean(Opening::HousingCovered))
                    .col(integer(Opening::Positions))
                    .col(text_null(Opening::ApplyUrl))
                    .col(string_null(Opening::ContactEmail))
                    .col(string_len(Opening::Status, 16))
                    .col(timestamp_with_time_zone(Opening::CreatedAt))
                    .col(timestamp_with_time_zone(Opening::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_opening_institution")
                            .from(Opening::Table, Opening::InstitutionId)
                            .to(Institution::Table, Institution::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        // The import key: an institution's own identifier for the opening.
        manager
            .create_index(
                Index::create()
                    .name("ux_opening_institution_external_id")
                    .table(Opening::Table)
                    .col(Opening::InstitutionId)
                    .col(Opening::ExternalId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_opening_status_deadline")
                    .table(Opening::Table)
                    .col(Opening::Status)
                    .col(Opening::Deadline)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(Opening::Table).to_owned()).await?;
        manager.drop_table(Table::drop().table(Institution::Table).to_owned()).await
    }
}
