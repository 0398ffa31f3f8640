//! Applications to openings and their changes of status.

use std::collections::HashMap;

use model::Lang;
use model::application::{
    APPLICATIONS_PER_PAGE, Answer, ApplicationCounts, ApplicationFilter, ApplicationStatus, ReceivedApplication,
    SentApplication, StatusChange,
};
use model::profile::{Profile, Visibility};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, SqlErr,
};

use crate::accounts::Time;
use crate::convert::{rfc3339, row_id, to_json};
use crate::entity::{account, application, application_event, institution, opening, profile};
use crate::{Db, DbError};

/// Ids bound in one `IN (…)` list.
const IDS_PER_QUERY: usize = 500;

/// An application to create.
pub struct NewApplication<'a> {
    pub opening_id: i64,
    pub account_id: i64,
    pub letter: &'a str,
    pub letter_lang: Lang,
    pub answers: &'a [Answer],
    pub cv_id: Option<i64>,
}

/// Where a researcher applied (institution slugs), for who may see their profile and CV.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AppliedTo {
    pub institutions: Vec<String>,
    /// Those that received the CV asked about.
    pub sent_cv: Vec<String>,
}

/// An application's facts, for the use cases' checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredApplication {
    pub id: i64,
    pub opening_id: i64,
    pub account_id: i64,
    pub status: ApplicationStatus,
    pub cv_id: Option<i64>,
}

fn stored(row: &application::Model) -> Result<StoredApplication, DbError> {
    Ok(StoredApplication {
        id: i64::from(row.id),
        opening_id: i64::from(row.opening_id),
        account_id: i64::from(row.account_id),
        status: status_of(i64::from(row.id), &row.status)?,
        cv_id: row.cv_id.map(i64::from),
    })
}

fn status_of(id: i64, code: &str) -> Result<ApplicationStatus, DbError> {
    ApplicationStatus::from_code(code).ok_or_else(|| DbError::Corrupt { id, reason: format!("status {code}") })
}

impl Db {
    /// Sends an application ("received"); [`DbError::Taken`] when the researcher applied to
    /// this opening already.
    pub async fn create_application(&self, new: NewApplication<'_>, now: Time) -> Result<i64, DbError> {
        let inserted = application::ActiveModel {
            opening_id: Set(row_id(new.opening_id)),
            account_id: Set(row_id(new.account_id)),
            status: Set(ApplicationStatus::Received.code().to_string()),
            letter: Set(new.letter.to_string()),
            letter_lang: Set(new.letter_lang.code().to_string()),
            answers: Set(to_json(&new.answers)),
            cv_id: Set(new.cv_id.map(row_id)),
            created_at: Set(now),
            status_at: Set(now),
            reminded_at: Set(None),
            ..Default::default()
        }
        .insert(&self.conn())
        .await;
        let row = match inserted {
            Ok(row) => row,
            Err(err) if matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                return Err(DbError::Taken);
            }
            Err(err) => return Err(err.into()),
        };
        self.add_event(row.id, ApplicationStatus::Received, None, Some(new.account_id), now).await?;
        Ok(i64::from(row.id))
    }

    async fn add_event(
        &self,
        application_id: i32,
        status: ApplicationStatus,
        message: Option<&str>,
        actor: Option<i64>,
        now: Time,
    ) -> Result<(), DbError> {
        application_event::ActiveModel {
            application_id: Set(application_id),
            status: Set(status.code().to_string()),
            message: Set(message.map(str::to_string)),
            actor_id: Set(actor.map(row_id)),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&self.conn())
        .await?;
        Ok(())
    }

    /// Where the application of `account_id` to `opening_id` stands, if they sent one.
    pub async fn application_status(
        &self,
        account_id: i64,
        opening_id: i64,
    ) -> Result<Option<ApplicationStatus>, DbError> {
        let code: Option<String> = application::Entity::find()
            .select_only()
            .column(application::Column::Status)
            .filter(application::Column::AccountId.eq(row_id(account_id)))
            .filter(application::Column::OpeningId.eq(row_id(opening_id)))
            .into_tuple()
            .one(&self.conn())
            .await?;
        code.map(|code| status_of(opening_id, &code)).transpose()
    }

    pub async fn application(&self, id: i64) -> Result<Option<StoredApplication>, DbError> {
        let row = application::Entity::find_by_id(row_id(id)).one(&self.conn()).await?;
        row.as_ref().map(stored).transpose()
    }

    /// Moves application `id` from `from` to `to` when it is still at `from`; `false` when
    /// someone moved it first.
    pub async fn move_application(
        &self,
        id: i64,
        (from, to): (ApplicationStatus, ApplicationStatus),
        message: Option<&str>,
        actor: i64,
        now: Time,
    ) -> Result<bool, DbError> {
        let moved = application::Entity::update_many()
            .col_expr(application::Column::Status, Expr::value(to.code()))
            .col_expr(application::Column::StatusAt, Expr::value(now))
            .filter(application::Column::Id.eq(row_id(id)))
            .filter(application::Column::Status.eq(from.code()))
            .exec(&self.conn())
            .await?;
        if moved.rows_affected != 1 {
            return Ok(false);
        }
        self.add_event(row_id(id), to, message, Some(actor), now).await?;
        Ok(true)
    }

    /// Every change of these applications, oldest first, by application.
    async fn changes_of(&self, ids: &[i32]) -> Result<HashMap<i32, Vec<StatusChange>>, DbError> {
        let mut changes: HashMap<i32, Vec<StatusChange>> = HashMap::new();
        for chunk in ids.chunks(IDS_PER_QUERY) {
            let rows = application_event::Entity::find()
                .filter(application_event::Column::ApplicationId.is_in(chunk.iter().copied()))
                .order_by_asc(application_event::Column::Id)
                .all(&self.conn())
                .await?;
            for row in rows {
                let status = status_of(i64::from(row.application_id), &row.status)?;
                let change = StatusChange { status, message: row.message, at: rfc3339(row.created_at) };
                changes.entry(row.application_id).or_default().push(change);
            }
        }
        Ok(changes)
    }

    /// The applications `account_id` sent, newest first.
    pub async fn sent_applications(&self, account_id: i64) -> Result<Vec<SentApplication>, DbError> {
        let rows = application::Entity::find()
            .filter(application::Column::AccountId.eq(row_id(account_id)))
            .order_by_desc(application::Column::Id)
            .all(&self.conn())
            .await?;
        let openings = self.openings_with_institutions(rows.iter().map(|row| row.opening_id)).await?;
        let mut changes = self.changes_of(&rows.iter().map(|row| row.id).collect::<Vec<_>>()).await?;
        let mut answer_days: HashMap<i32, Option<u32>> = HashMap::new();
        for (opening, _) in openings.values() {
            if let std::collections::hash_map::Entry::Vacant(entry) = answer_days.entry(opening.institution_id) {
                let days = self.answer_days(i64::from(opening.institution_id)).await?;
                entry.insert(days.map(|days| days.ceil().max(1.0) as u32));
            }
        }
        let mut sent = Vec::with_capacity(rows.len());
        for row in rows {
            let Some((opening, institution)) = openings.get(&row.opening_id) else { continue };
            let id = i64::from(row.id);
            let corrupt = |what: &str| DbError::Corrupt { id, reason: what.to_string() };
            sent.push(SentApplication {
                id,
                opening_id: i64::from(row.opening_id),
                opening_title: serde_json::from_value(opening.title.clone()).map_err(|_| corrupt("title"))?,
                opening_original: Lang::from_code(&opening.original_language).unwrap_or(Lang::DEFAULT),
                institution: institution
                    .as_ref()
                    .and_then(|institution| serde_json::from_value(institution.name.clone()).ok())
                    .unwrap_or_default(),
                deadline: opening.deadline,
                status: status_of(id, &row.status)?,
                sent_at: rfc3339(row.created_at),
                changes: changes.remove(&row.id).unwrap_or_default(),
                institution_answer_days: answer_days.get(&opening.institution_id).copied().flatten(),
            });
        }
        Ok(sent)
    }

    /// The applications to `opening_id` that `filter` keeps, in its order: one page of them
    /// (all with page 0), with how many match and how many there are in all. Only the page's
    /// letters, accounts and histories are read.
    pub async fn received_applications(
        &self,
        opening_id: i64,
        filter: &ApplicationFilter,
    ) -> Result<(Vec<ReceivedApplication>, usize, usize), DbError> {
        let rows: Vec<(i32, i32, String)> = application::Entity::find()
            .select_only()
            .columns([application::Column::Id, application::Column::AccountId, application::Column::Status])
            .filter(application::Column::OpeningId.eq(row_id(opening_id)))
            .order_by_asc(application::Column::Id)
            .into_tuple()
            .all(&self.conn())
            .await?;
        let total = rows.len();
        let applicants: Vec<i32> = rows.iter().map(|(_, account, _)| *account).collect();
        let profiles = self.shared_profiles(&applicants).await?;
        let mut kept: Vec<i32> = rows
            .iter()
            .filter(|(_, account, status)| {
                let profile = profiles.get(account);
                filter.status.is_none_or(|wanted| wanted.code() == status)
                    && filter.stage.is_none_or(|stage| profile.and_then(|p| p.career_stage) == Some(stage))
                    && filter
                        .language
                        .as_ref()
                        .is_none_or(|code| profile.is_some_and(|p| p.languages.iter().any(|l| &l.lang == code)))
            })
            .map(|(id, _, _)| *id)
            .collect();
        if !filter.oldest_first {
            kept.reverse();
        }
        let matching = kept.len();
        let shown: Vec<i32> = match filter.page {
            0 => kept,
            page => kept.into_iter().skip((page - 1) * APPLICATIONS_PER_PAGE).take(APPLICATIONS_PER_PAGE).collect(),
        };
        let mut rows: HashMap<i32, application::Model> = HashMap::new();
        let mut accounts: HashMap<i32, account::Model> = HashMap::new();
        for chunk in shown.chunks(IDS_PER_QUERY) {
            let found = application::Entity::find().filter(application::Column::Id.is_in(chunk.iter().copied()));
            rows.extend(found.all(&self.conn()).await?.into_iter().map(|row| (row.id, row)));
        }
        let page_accounts: Vec<i32> = rows.values().map(|row| row.account_id).collect();
        for chunk in page_accounts.chunks(IDS_PER_QUERY) {
            let found = account::Entity::find().filter(account::Column::Id.is_in(chunk.iter().copied()));
            accounts.extend(found.all(&self.conn()).await?.into_iter().map(|row| (row.id, row)));
        }
        let mut changes = self.changes_of(&shown).await?;
        let mut received = Vec::with_capacity(shown.len());
        for id in shown {
            let Some(row) = rows.remove(&id) else { continue };
            let Some(applicant) = accounts.get(&row.account_id) else { continue };
            let id = i64::from(row.id);
            received.push(ReceivedApplication {
                id,
                applicant_name: applicant.display_name.clone(),
                applicant_email: applicant.email.clone(),
                status: status_of(id, &row.status)?,
                letter_lang: Lang::from_code(&row.letter_lang).unwrap_or(Lang::DEFAULT),
                answers: serde_json::from_value(row.answers).unwrap_or_default(),
                letter: row.letter,
                sent_at: rfc3339(row.created_at),
                profile: profiles.get(&row.account_id).cloned(),
                cv_id: row.cv_id.map(i64::from),
                changes: changes.remove(&row.id).unwrap_or_default(),
            });
        }
        Ok((received, matching, total))
    }

    /// The profiles of these accounts that their owners show to the institutions they apply to.
    async fn shared_profiles(&self, accounts: &[i32]) -> Result<HashMap<i32, Profile>, DbError> {
        let mut profiles = HashMap::new();
        for chunk in accounts.chunks(IDS_PER_QUERY) {
            let shared = profile::Entity::find()
                .select_only()
                .columns([profile::Column::AccountId, profile::Column::Details])
                .filter(profile::Column::AccountId.is_in(chunk.iter().copied()))
                .filter(profile::Column::Visibility.ne(Visibility::Nobody.code()))
                .into_tuple::<(i32, sea_orm::prelude::Json)>();
            for (account, details) in shared.all(&self.conn()).await? {
                if let Ok(details) = serde_json::from_value(details) {
                    profiles.insert(account, details);
                }
            }
        }
        Ok(profiles)
    }

    /// The institutions (their slugs) `account_id` applied to, and those `cv_id` was sent to.
    pub async fn applied_institutions(&self, account_id: i64, cv_id: Option<i64>) -> Result<AppliedTo, DbError> {
        let rows = application::Entity::find()
            .filter(application::Column::AccountId.eq(row_id(account_id)))
            .find_also_related(opening::Entity)
            .all(&self.conn())
            .await?;
        let institution_ids: Vec<i32> =
            rows.iter().filter_map(|(_, opening)| opening.as_ref()).map(|o| o.institution_id).collect();
        let slugs: HashMap<i32, String> = institution::Entity::find()
            .filter(institution::Column::Id.is_in(institution_ids))
            .all(&self.conn())
            .await?
            .into_iter()
            .map(|row| (row.id, row.slug))
            .collect();
        let mut applied = AppliedTo::default();
        for (row, opening) in &rows {
            let Some(slug) = opening.as_ref().and_then(|opening| slugs.get(&opening.institution_id)) else { continue };
            applied.institutions.push(slug.clone());
            if cv_id.is_some() && row.cv_id.map(i64::from) == cv_id {
                applied.sent_cv.push(slug.clone());
            }
        }
        Ok(applied)
    }

    /// How many days `institution_id` took to answer its applications (from sending to the
    /// first change made by the institution), over its most recent answers: the median, or
    /// `None` before any answer.
    pub async fn answer_days(&self, institution_id: i64) -> Result<Option<f64>, DbError> {
        let openings: Vec<i32> = opening::Entity::find()
            .filter(opening::Column::InstitutionId.eq(row_id(institution_id)))
            .all(&self.conn())
            .await?
            .into_iter()
            .map(|row| row.id)
            .collect();
        let mut days = Vec::new();
        for chunk in openings.chunks(IDS_PER_QUERY) {
            let rows = application::Entity::find()
                .filter(application::Column::OpeningId.is_in(chunk.iter().copied()))
                .order_by_desc(application::Column::Id)
                .all(&self.conn())
                .await?;
            let changes = self.changes_of(&rows.iter().map(|row| row.id).collect::<Vec<_>>()).await?;
            for row in rows {
                let answered = changes.get(&row.id).and_then(|changes| {
                    changes.iter().find(|change| {
                        !matches!(change.status, ApplicationStatus::Received | ApplicationStatus::Withdrawn)
                    })
                });
                if let Some(at) = answered.and_then(|change| chrono::DateTime::parse_from_rfc3339(&change.at).ok()) {
                    days.push((at - row.created_at).num_hours() as f64 / 24.0);
                }
            }
        }
        days.sort_by(f64::total_cmp);
        Ok(days.get(days.len() / 2).copied())
    }

    /// How many applications there are by status, how many were sent since `since`, and how many
    /// researchers keep a profile.
    pub async fn application_counts(&self, since: Time) -> Result<ApplicationCounts, DbError> {
        let statuses: Vec<String> = application::Entity::find()
            .select_only()
            .column(application::Column::Status)
            .into_tuple()
            .all(&self.conn())
            .await?;
        let by_status = ApplicationStatus::ALL
            .iter()
            .map(|status| (*status, statuses.iter().filter(|code| *code == status.code()).count() as u64))
            .collect();
        let last_week =
            application::Entity::find().filter(application::Column::CreatedAt.gte(since)).count(&self.conn()).await?;
        let profiles = profile::Entity::find().count(&self.conn()).await?;
        Ok(ApplicationCounts { by_status, last_week, profiles })
    }

    /// Applications left "received" since before `before` and not reminded since then.
    pub async fn unanswered_applications(&self, before: Time) -> Result<Vec<StoredApplication>, DbError> {
        let rows = application::Entity::find()
            .filter(application::Column::Status.eq(ApplicationStatus::Received.code()))
            .filter(application::Column::StatusAt.lt(before))
            .filter(
                sea_orm::Condition::any()
                    .add(application::Column::RemindedAt.is_null())
                    .add(application::Column::RemindedAt.lt(before)),
            )
            .all(&self.conn())
            .await?;
        rows.iter().map(stored).collect()
    }

    /// Takes the reminder of application `id` (still "received", not reminded since `before`):
    /// `false` when another server took it first.
    pub async fn claim_reminder(&self, id: i64, before: Time, now: Time) -> Result<bool, DbError> {
        let claimed = application::Entity::update_many()
            .col_expr(application::Column::RemindedAt, Expr::value(now))
            .filter(application::Column::Id.eq(row_id(id)))
            .filter(application::Column::Status.eq(ApplicationStatus::Received.code()))
            .filter(
                sea_orm::Condition::any()
                    .add(application::Column::RemindedAt.is_null())
                    .add(application::Column::RemindedAt.lt(before)),
            )
            .exec(&self.conn())
            .await?;
        Ok(claimed.rows_affected == 1)
    }
}
