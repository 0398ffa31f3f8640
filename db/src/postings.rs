//! Openings written on the site: creating and saving them, an edit of a published opening kept
//! beside the version readers see until it is reviewed, the moderation queue, and the
//! moderators' decisions (which are also the posters' notifications). Which transition is
//! allowed is decided by the caller (`catalog`); this module stores what it is told.

use model::account::InstitutionRef;
use model::posting::{Decision, PostingStatus, PostingSummary, RejectReason, ReviewItem};
use model::record::OpeningRecord;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};

use crate::accounts::Time;
use crate::convert::{institution_record, opening_record, rfc3339, row_id, to_json};
use crate::entity::{decision, institution, opening};
use crate::import::opening_fields;
use crate::institutions::institution_ref;
use crate::{Db, DbError};

/// A posting as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Posting {
    pub id: i64,
    pub institution_id: i64,
    pub institution: InstitutionRef,
    pub created_by: Option<i64>,
    pub status: PostingStatus,
    /// The row's record: what readers see once it is published.
    pub record: OpeningRecord,
    /// An edit of the published record and its state (draft, pending or rejected).
    pub revision: Option<(OpeningRecord, PostingStatus)>,
    pub created_at: Time,
    /// When it was first published; `None` before.
    pub published_at: Option<Time>,
}

impl Posting {
    /// The version its institution works on: the edit when there is one.
    pub fn working(&self) -> &OpeningRecord {
        self.revision.as_ref().map_or(&self.record, |(record, _)| record)
    }
}

/// A posting to create.
pub struct NewPosting<'a> {
    /// Its institution is the record's (by slug).
    pub record: &'a OpeningRecord,
    pub created_by: i64,
    pub status: PostingStatus,
}

/// A decision to store.
pub struct NewDecision<'a> {
    pub opening_id: i64,
    pub poster_id: i64,
    pub decided_by: i64,
    pub reason: Option<RejectReason>,
    pub note: &'a str,
}

fn status_of(id: i64, code: &str) -> Result<PostingStatus, DbError> {
    PostingStatus::from_code(code).ok_or_else(|| DbError::Corrupt { id, reason: format!("unknown status {code}") })
}

fn posting_of(row: opening::Model, institution: Option<institution::Model>) -> Result<Posting, DbError> {
    let id = i64::from(row.id);
    let institution = institution.ok_or_else(|| DbError::Corrupt { id, reason: "institution missing".into() })?;
    let revision = match (&row.revision, &row.revision_status) {
        (Some(json), Some(code)) => Some((
            serde_json::from_value::<OpeningRecord>(json.clone())
                .map_err(|e| DbError::Corrupt { id, reason: format!("revision: {e}") })?,
            status_of(id, code)?,
        )),
        _ => None,
    };
    Ok(Posting {
        id,
        institution_id: i64::from(institution.id),
        institution: institution_ref(&institution)?,
        created_by: row.created_by.map(i64::from),
        status: status_of(id, &row.status)?,
        record: opening_record(&row, institution_record(&institution)?)?,
        revision,
        created_at: row.created_at,
        published_at: row.published_at,
    })
}

/// Postings waiting for a moderator: new ones, and edits of published ones.
pub(crate) fn waiting() -> Condition {
    Condition::any()
        .add(opening::Column::Status.eq(PostingStatus::Pending.code()))
        .add(opening::Column::RevisionStatus.eq(PostingStatus::Pending.code()))
}

impl Db {
    /// Stores a new posting; its id, or `None` when its institution does not exist.
    pub async fn create_posting(&self, new: NewPosting<'_>, now: Time) -> Result<Option<i64>, DbError> {
        let Some(institution) = self.institution_by_slug(&new.record.institution.slug).await? else {
            return Ok(None);
        };
        let mut row = opening_fields(new.record, institution.id, now);
        row.status = Set(new.status.code().to_string());
        row.created_at = Set(now);
        row.created_by = Set(Some(row_id(new.created_by)));
        row.submitted_at = Set((new.status == PostingStatus::Pending).then_some(now));
        let row = row.insert(&self.conn()).await?;
        Ok(Some(i64::from(row.id)))
    }

    /// A posting (in any state), or `None`.
    pub async fn posting(&self, id: i64) -> Result<Option<Posting>, DbError> {
        let found =
            opening::Entity::find_by_id(row_id(id)).find_also_related(institution::Entity).one(&self.conn()).await?;
        found.map(|(row, institution)| posting_of(row, institution)).transpose()
    }

    /// Replaces the row's record and status, and drops any edit kept beside it.
    pub async fn save_posting(
        &self,
        id: i64,
        record: &OpeningRecord,
        status: PostingStatus,
        now: Time,
    ) -> Result<(), DbError> {
        let Some(current) = opening::Entity::find_by_id(row_id(id)).one(&self.conn()).await? else { return Ok(()) };
        let mut row = opening_fields(record, current.institution_id, now);
        row.id = Set(current.id);
        row.status = Set(status.code().to_string());
        row.revision = Set(None);
        row.revision_status = Set(None);
        if status == PostingStatus::Pending {
            row.submitted_at = Set(Some(now));
        }
        row.update(&self.conn()).await?;
        Ok(())
    }

    /// Keeps `revision` (an edit and its state) beside the published record, or drops it.
    pub async fn save_revision(
        &self,
        id: i64,
        revision: Option<(&OpeningRecord, PostingStatus)>,
        now: Time,
    ) -> Result<(), DbError> {
        let mut update = opening::Entity::update_many()
            .col_expr(opening::Column::Revision, Expr::value(revision.map(|(record, _)| to_json(record))))
            .col_expr(opening::Column::RevisionStatus, Expr::value(revision.map(|(_, status)| status.code())))
            .filter(opening::Column::Id.eq(row_id(id)));
        if revision.is_some_and(|(_, status)| status == PostingStatus::Pending) {
            update = update.col_expr(opening::Column::SubmittedAt, Expr::value(now));
        }
        update.exec(&self.conn()).await?;
        Ok(())
    }

    /// Moves the posting (`revision: false`) or its edit (`revision: true`) from one of the
    /// states `from` to `to`, only if it is still in one of them: `false` when it was not (a
    /// moderator decided first, the poster withdrew it). Closing also drops a waiting edit.
    pub async fn transition(
        &self,
        id: i64,
        from: &[PostingStatus],
        to: PostingStatus,
        revision: bool,
    ) -> Result<bool, DbError> {
        let column = if revision { opening::Column::RevisionStatus } else { opening::Column::Status };
        let mut update = opening::Entity::update_many()
            .col_expr(column, Expr::value(to.code()))
            .filter(opening::Column::Id.eq(row_id(id)))
            .filter(column.is_in(from.iter().map(|status| status.code())));
        if to == PostingStatus::Closed {
            update = update
                .col_expr(opening::Column::Revision, Expr::value(Option::<sea_orm::JsonValue>::None))
                .col_expr(opening::Column::RevisionStatus, Expr::value(Option::<String>::None));
        }
        Ok(update.exec(&self.conn()).await?.rows_affected == 1)
    }

    /// Postings written on the site or taking applications on it, newest first: all of the
    /// institutions in `admin_of` (by slug), and those `author` wrote for the institutions in
    /// `member_of`.
    pub async fn postings_of(
        &self,
        admin_of: &[String],
        member_of: &[String],
        author: i64,
    ) -> Result<Vec<PostingSummary>, DbError> {
        let visible = Condition::any().add(institution::Column::Slug.is_in(admin_of.iter().cloned())).add(
            Condition::all()
                .add(institution::Column::Slug.is_in(member_of.iter().cloned()))
                .add(opening::Column::CreatedBy.eq(row_id(author))),
        );
        let rows = opening::Entity::find()
            .filter(visible)
            .filter(
                Condition::any()
                    .add(opening::Column::CreatedBy.is_not_null())
                    .add(opening::Column::AppliesHere.eq(true)),
            )
            .order_by_desc(opening::Column::Id)
            .find_also_related(institution::Entity)
            .all(&self.conn())
            .await?;
        rows.into_iter()
            .map(|(row, institution)| {
                let updated_at = rfc3339(row.updated_at);
                let posting = posting_of(row, institution)?;
                let working = posting.working();
                Ok(PostingSummary {
                    id: posting.id,
                    title: working.title.clone(),
                    original_language: working.original_language,
                    institution: posting.institution.clone(),
                    status: posting.status,
                    revision: posting.revision.as_ref().map(|(_, status)| *status),
                    deadline: working.deadline,
                    updated_at,
                })
            })
            .collect()
    }

    /// What waits for a moderator, oldest first.
    pub async fn review_queue(&self, limit: u64) -> Result<Vec<ReviewItem>, DbError> {
        let rows = opening::Entity::find()
            .filter(waiting())
            .order_by_asc(opening::Column::SubmittedAt)
            .order_by_asc(opening::Column::Id)
            .limit(limit)
            .find_also_related(institution::Entity)
            .all(&self.conn())
            .await?;
        let posters = self.emails_of(rows.iter().filter_map(|(row, _)| row.created_by)).await?;
        rows.into_iter()
            .map(|(row, institution)| {
                let submitted_at = rfc3339(row.submitted_at.unwrap_or(row.updated_at));
                let poster = row.created_by.and_then(|id| posters.get(&id).cloned()).unwrap_or_default();
                let posting = posting_of(row, institution)?;
                let working = posting.working();
                Ok(ReviewItem {
                    id: posting.id,
                    title: working.title.clone(),
                    original_language: working.original_language,
                    institution: posting.institution.clone(),
                    is_edit: posting.revision.is_some(),
                    poster,
                    submitted_at,
                })
            })
            .collect()
    }

    pub async fn record_decision(&self, new: NewDecision<'_>, now: Time) -> Result<(), DbError> {
        decision::ActiveModel {
            opening_id: Set(row_id(new.opening_id)),
            poster_id: Set(row_id(new.poster_id)),
            decided_by: Set(row_id(new.decided_by)),
            approved: Set(new.reason.is_none()),
            reason: Set(new.reason.map(|reason| reason.code().to_string())),
            note: Set(new.note.to_string()),
            created_at: Set(now),
            seen_at: Set(None),
            ..Default::default()
        }
        .insert(&self.conn())
        .await?;
        Ok(())
    }

    /// Decisions on `opening_id`, or on every posting of `poster_id`, newest first.
    pub async fn decisions(
        &self,
        opening_id: Option<i64>,
        poster_id: Option<i64>,
        limit: u64,
    ) -> Result<Vec<Decision>, DbError> {
        let mut query = decision::Entity::find().order_by_desc(decision::Column::Id).limit(limit);
        if let Some(id) = opening_id {
            query = query.filter(decision::Column::OpeningId.eq(row_id(id)));
        }
        if let Some(id) = poster_id {
            query = query.filter(decision::Column::PosterId.eq(row_id(id)));
        }
        let rows = query.all(&self.conn()).await?;
        let titles = self.openings_with_institutions(rows.iter().map(|row| row.opening_id)).await?;
        let mut decisions = Vec::with_capacity(rows.len());
        for row in rows {
            let title = match titles.get(&row.opening_id) {
                Some((opening, institution)) => {
                    posting_of(opening.clone(), institution.clone())?.working().title.clone()
                }
                None => model::Texts::new(),
            };
            decisions.push(Decision {
                opening_id: i64::from(row.opening_id),
                opening_title: title,
                approved: row.approved,
                reason: row.reason,
                note: row.note,
                at: rfc3339(row.created_at),
                seen: row.seen_at.is_some(),
            });
        }
        Ok(decisions)
    }

    /// How many decisions the poster has not seen yet.
    pub async fn unseen_decisions(&self, poster_id: i64) -> Result<u64, DbError> {
        use sea_orm::PaginatorTrait;
        Ok(decision::Entity::find()
            .filter(decision::Column::PosterId.eq(row_id(poster_id)))
            .filter(decision::Column::SeenAt.is_null())
            .count(&self.conn())
            .await?)
    }

    pub async fn mark_decisions_seen(&self, poster_id: i64, now: Time) -> Result<(), DbError> {
        decision::Entity::update_many()
            .col_expr(decision::Column::SeenAt, Expr::value(now))
            .filter(decision::Column::PosterId.eq(row_id(poster_id)))
            .filter(decision::Column::SeenAt.is_null())
            .exec(&self.conn())
            .await?;
        Ok(())
    }
}
