//! The researcher's side of the match:
//! - `profile`: one per account that keeps one (`details`: a `model::profile::Profile` as JSON;
//!   its career stage and visibility also as columns, for lists and recommendations);
//! - `cv_file`: uploaded CVs (PDF), kept in the database so that every server of a deployment
//!   serves them and a backup holds them; a replaced CV stays for the applications sent with it;
//! - `application`: one per researcher and opening, with its letter, answers, the CV sent and
//!   where it stands; `application_event`: each change of status, with its message;
//! - `opening.applies_here`: whether an opening takes applications on Passerelle, and
//!   `opening.questions`: what its applicants answer besides their letter.

use sea_orm_migration::{prelude::*, schema::*};

use crate::shared_keys::cascade;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Profile {
    Table,
    AccountId,
    CareerStage,
    Visibility,
    Details,
    CvId,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CvFile {
    Table,
    Id,
    AccountId,
    FileName,
    Sha256,
    SizeBytes,
    Content,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Application {
    Table,
    Id,
    OpeningId,
    AccountId,
    Status,
    Letter,
    LetterLang,
    Answers,
    CvId,
    CreatedAt,
    StatusAt,
    RemindedAt,
}

#[derive(DeriveIden)]
enum ApplicationEvent {
    Table,
    Id,
    ApplicationId,
    Status,
    Message,
    ActorId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Opening {
    Table,
    Id,
    AppliesHere,
    Questions,
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
            .alter_table(
                Table::alter()
                    .table(Opening::Table)
                    .add_column(boolean(Opening::AppliesHere).default(false))
                    .to_owned(),
            )
            .await?;
        // SQLite adds one column per statement.
        manager
            .alter_table(Table::alter().table(Opening::Table).add_column(json_null(Opening::Questions)).to_owned())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CvFile::Table)
                    .if_not_exists()
                    .col(pk_auto(CvFile::Id))
                    .col(integer(CvFile::AccountId))
                    .col(string_len(CvFile::FileName, 200))
                    .col(string_len(CvFile::Sha256, 64))
                    .col(integer(CvFile::SizeBytes))
                    .col(blob(CvFile::Content))
                    .col(timestamp_with_time_zone(CvFile::CreatedAt))
                    .foreign_key(&mut cascade(
                        "fk_cv_file_account",
                        (CvFile::Table, CvFile::AccountId),
                        (Account::Table, Account::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create().name("ix_cv_file_account").table(CvFile::Table).col(CvFile::AccountId).to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Profile::Table)
                    .if_not_exists()
                    .col(integer(Profile::AccountId).primary_key())
                    .col(string_len_null(Profile::CareerStage, 4))
                    .col(string_len(Profile::Visibility, 16))
                    .col(json(Profile::Details))
                    .col(integer_null(Profile::CvId))
                    .col(timestamp_with_time_zone(Profile::UpdatedAt))
                    .foreign_key(&mut cascade(
                        "fk_profile_account",
                        (Profile::Table, Profile::AccountId),
                        (Account::Table, Account::Id),
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_profile_cv")
                            .from(Profile::Table, Profile::CvId)
                            .to(CvFile::Table, CvFile::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Application::Table)
                    .if_not_exists()
                    .col(pk_auto(Application::Id))
                    .col(integer(Application::OpeningId))
                    .col(integer(Application::AccountId))
                    .col(string_len(Application::Status, 16))
                    .col(text(Application::Letter))
                    .col(string_len(Application::LetterLang, 2))
                    .col(json(Application::Answers))
                    .col(integer_null(Application::CvId))
                    .col(timestamp_with_time_zone(Application::CreatedAt))
                    .col(timestamp_with_time_zone(Application::StatusAt))
                    .col(timestamp_with_time_zone_null(Application::RemindedAt))
                    .foreign_key(&mut cascade(
                        "fk_application_opening",
                        (Application::Table, Application::OpeningId),
                        (Opening::Table, Opening::Id),
                    ))
                    .foreign_key(&mut cascade(
                        "fk_application_account",
                        (Application::Table, Application::AccountId),
                        (Account::Table, Account::Id),
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_application_cv")
                            .from(Application::Table, Application::CvId)
                            .to(CvFile::Table, CvFile::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        // One application per researcher and opening.
        manager
            .create_index(
                Index::create()
                    .name("ux_application_opening_account")
                    .table(Application::Table)
                    .col(Application::OpeningId)
                    .col(Application::AccountId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_application_account")
                    .table(Application::Table)
                    .col(Application::AccountId)
                    .to_owned(),
            )
            .await?;
        // Reminders look for applications left "received".
        manager
            .create_index(
                Index::create()
                    .name("ix_application_status_at")
                    .table(Application::Table)
                    .col(Application::Status)
                    .col(Application::StatusAt)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ApplicationEvent::Table)
                    .if_not_exists()
                    .col(pk_auto(ApplicationEvent::Id))
                    .col(integer(ApplicationEvent::ApplicationId))
                    .col(string_len(ApplicationEvent::Status, 16))
                    .col(text_null(ApplicationEvent::Message))
                    .col(integer_null(ApplicationEvent::ActorId))
                    .col(timestamp_with_time_zone(ApplicationEvent::CreatedAt))
                    .foreign_key(&mut cascade(
                        "fk_application_event_application",
                        (ApplicationEvent::Table, ApplicationEvent::ApplicationId),
                        (Application::Table, Application::Id),
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_application_event_application")
                    .table(ApplicationEvent::Table)
                    .col(ApplicationEvent::ApplicationId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ApplicationEvent::Table.into_iden(),
            Application::Table.into_iden(),
            Profile::Table.into_iden(),
            CvFile::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        for column in [Opening::AppliesHere.into_iden(), Opening::Questions.into_iden()] {
            manager.alter_table(Table::alter().table(Opening::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
