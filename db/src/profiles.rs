//! Researchers' profiles and their CVs.

use model::profile::{CvInfo, Profile, StoredProfile, Visibility};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QuerySelect, Set};

use crate::accounts::Time;
use crate::convert::{rfc3339, row_id, to_json};
use crate::entity::{cv_file, dismissed_opening, profile};
use crate::{Db, DbError};

/// A CV to store.
pub struct NewCv<'a> {
    pub account_id: i64,
    pub file_name: &'a str,
    pub sha256: &'a str,
    pub content: &'a [u8],
}

impl Db {
    /// The profile of `account_id`, if they keep one.
    pub async fn profile(&self, account_id: i64) -> Result<Option<StoredProfile>, DbError> {
        let Some(row) = profile::Entity::find_by_id(row_id(account_id)).one(&self.conn()).await? else {
            return Ok(None);
        };
        let profile: Profile = serde_json::from_value(row.details.clone())
            .map_err(|err| DbError::Corrupt { id: account_id, reason: format!("profile: {err}") })?;
        let cv = match row.cv_id {
            Some(id) => self.cv_info(i64::from(id)).await?,
            None => None,
        };
        Ok(Some(StoredProfile { profile, cv }))
    }

    /// Creates or replaces the profile of `account_id` (its CV stays).
    pub async fn save_profile(&self, account_id: i64, details: &Profile, now: Time) -> Result<(), DbError> {
        let existing = profile::Entity::find_by_id(row_id(account_id)).one(&self.conn()).await?;
        let is_new = existing.is_none();
        let mut row: profile::ActiveModel = match existing {
            Some(row) => row.into(),
            None => {
                profile::ActiveModel { account_id: Set(row_id(account_id)), cv_id: Set(None), ..Default::default() }
            }
        };
        row.career_stage = Set(details.career_stage.map(|stage| stage.code().to_string()));
        row.visibility = Set(details.visibility.code().to_string());
        row.details = Set(to_json(details));
        row.updated_at = Set(now);
        if is_new {
            row.insert(&self.conn()).await?;
        } else {
            row.update(&self.conn()).await?;
        }
        Ok(())
    }

    /// Stores a CV and makes it the profile's current one (creating an empty profile, seen by
    /// nobody but the institutions applied to, when there was none). Returns its id.
    pub async fn store_cv(&self, cv: NewCv<'_>, now: Time) -> Result<i64, DbError> {
        let row = cv_file::ActiveModel {
            account_id: Set(row_id(cv.account_id)),
            file_name: Set(cv.file_name.to_string()),
            sha256: Set(cv.sha256.to_string()),
            size_bytes: Set(i32::try_from(cv.content.len()).unwrap_or(i32::MAX)),
            content: Set(cv.content.to_vec()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&self.conn())
        .await?;
        if profile::Entity::find_by_id(row_id(cv.account_id)).one(&self.conn()).await?.is_none() {
            self.save_profile(cv.account_id, &Profile::default(), now).await?;
        }
        profile::Entity::update_many()
            .col_expr(profile::Column::CvId, sea_orm::sea_query::Expr::value(row.id))
            .col_expr(profile::Column::UpdatedAt, sea_orm::sea_query::Expr::value(now))
            .filter(profile::Column::AccountId.eq(row_id(cv.account_id)))
            .exec(&self.conn())
            .await?;
        Ok(i64::from(row.id))
    }

    /// A CV's description, without its content.
    pub async fn cv_info(&self, id: i64) -> Result<Option<CvInfo>, DbError> {
        let row = cv_file::Entity::find_by_id(row_id(id))
            .select_only()
            .columns([
                cv_file::Column::Id,
                cv_file::Column::AccountId,
                cv_file::Column::FileName,
                cv_file::Column::SizeBytes,
                cv_file::Column::CreatedAt,
            ])
            .into_tuple::<(i32, i32, String, i32, Time)>()
            .one(&self.conn())
            .await?;
        Ok(row.map(|(id, account_id, file_name, size_bytes, at)| CvInfo {
            id: i64::from(id),
            account_id: i64::from(account_id),
            file_name,
            size_bytes: i64::from(size_bytes),
            uploaded_at: rfc3339(at),
        }))
    }

    /// A CV's description and content.
    pub async fn cv_content(&self, id: i64) -> Result<Option<(CvInfo, Vec<u8>)>, DbError> {
        let Some(row) = cv_file::Entity::find_by_id(row_id(id)).one(&self.conn()).await? else { return Ok(None) };
        let info = CvInfo {
            id,
            account_id: i64::from(row.account_id),
            file_name: row.file_name,
            size_bytes: i64::from(row.size_bytes),
            uploaded_at: rfc3339(row.created_at),
        };
        Ok(Some((info, row.content)))
    }

    /// Who may see the profile of `account_id`: `None` without a profile.
    pub async fn profile_visibility(&self, account_id: i64) -> Result<Option<Visibility>, DbError> {
        let row = profile::Entity::find_by_id(row_id(account_id))
            .select_only()
            .column(profile::Column::Visibility)
            .into_tuple::<String>()
            .one(&self.conn())
            .await?;
        Ok(row.and_then(|code| Visibility::from_code(&code)))
    }
}

impl Db {
    /// Sets opening `opening_id` aside from `account_id`'s recommendations; `false` when it was
    /// already.
    pub async fn dismiss_opening(&self, account_id: i64, opening_id: i64, now: Time) -> Result<bool, DbError> {
        let row = dismissed_opening::ActiveModel {
            account_id: Set(row_id(account_id)),
            opening_id: Set(row_id(opening_id)),
            dismissed_at: Set(now),
        };
        let inserted = dismissed_opening::Entity::insert(row)
            .on_conflict(
                OnConflict::columns([dismissed_opening::Column::AccountId, dismissed_opening::Column::OpeningId])
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(&self.conn())
            .await?;
        Ok(inserted > 0)
    }

    /// The openings `account_id` set aside.
    pub async fn dismissed_openings(&self, account_id: i64) -> Result<Vec<i64>, DbError> {
        let ids: Vec<i32> = dismissed_opening::Entity::find()
            .select_only()
            .column(dismissed_opening::Column::OpeningId)
            .filter(dismissed_opening::Column::AccountId.eq(row_id(account_id)))
            .into_tuple()
            .all(&self.conn())
            .await?;
        Ok(ids.into_iter().map(i64::from).collect())
    }
}
