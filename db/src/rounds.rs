//! Matching rounds: the round and its openings, both sides' rankings, and the result. Every
//! change to a round's rankings first takes the round's row with a condition on its state and
//! close ([`Db::hold_open_round`]), and solving takes it first too, so that a ranking either
//! lands before the round is solved or is refused.

use sea_orm::sea_query::{Expr, OnConflict, Query};
use sea_orm::{ActiveValue::Set, ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use model::round::RoundState;

use crate::accounts::Time;
use crate::convert::row_id;
use crate::entity::{application, institution, opening, round, round_opening, round_participant, round_ranking};
use crate::{Db, DbError};

/// Whose ranking: a researcher's of openings, or an opening's of researchers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Researcher,
    Opening,
}

impl Side {
    pub fn code(self) -> &'static str {
        match self {
            Side::Researcher => "researcher",
            Side::Opening => "opening",
        }
    }
}

/// Which rows of a round a query reads: all, or those involving one account or one opening.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Only {
    All,
    Account(i64),
    Opening(i64),
}

/// A round as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredRound {
    pub id: i64,
    pub name: model::Texts,
    pub institution_id: Option<i64>,
    pub created_by: i64,
    pub applications_close: Time,
    pub rankings_close: Time,
    pub results_at: Time,
    pub max_ranking: u32,
    pub scramble_of: Option<i64>,
    pub state: model::round::RoundState,
    pub solved_at: Option<Time>,
    pub published_at: Option<Time>,
    /// The instance it solved (`matching::Instance` JSON, with account and opening ids).
    pub instance: Option<String>,
    /// The anonymised instance and result, once published.
    pub anonymised: Option<String>,
}

/// A new round.
pub struct NewRound<'a> {
    pub name: &'a model::Texts,
    pub institution_id: Option<i64>,
    pub created_by: i64,
    pub applications_close: Time,
    pub rankings_close: Time,
    pub results_at: Time,
    pub max_ranking: u32,
    pub scramble_of: Option<i64>,
    /// (opening, places).
    pub openings: &'a [(i64, u32)],
}

/// An opening taking part in a round.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredRoundOpening {
    pub opening_id: i64,
    pub places: u32,
    pub ranked_at: Option<Time>,
    pub token: Option<String>,
}

/// A researcher who ranked in a round, and once solved their result.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredParticipant {
    pub account_id: i64,
    pub ranked_at: Option<Time>,
    pub opening_id: Option<i64>,
    pub token: Option<String>,
}

fn stored(row: round::Model) -> Result<StoredRound, DbError> {
    let id = i64::from(row.id);
    let corrupt = |reason: String| DbError::Corrupt { id, reason };
    Ok(StoredRound {
        id,
        name: serde_json::from_str(&row.name).map_err(|err| corrupt(format!("round name: {err}")))?,
        institution_id: row.institution_id.map(i64::from),
        created_by: i64::from(row.created_by),
        applications_close: row.applications_close,
        rankings_close: row.rankings_close,
        results_at: row.results_at,
        max_ranking: u32::try_from(row.max_ranking).unwrap_or(0),
        scramble_of: row.scramble_of.map(i64::from),
        state: model::round::RoundState::from_code(&row.state)
            .ok_or_else(|| corrupt(format!("round state {}", row.state)))?,
        solved_at: row.solved_at,
        published_at: row.published_at,
        instance: row.instance,
        anonymised: row.anonymised,
    })
}

impl Db {
    pub async fn create_round(&self, new: NewRound<'_>, now: Time) -> Result<i64, DbError> {
        let row = round::ActiveModel {
            name: Set(serde_json::to_string(new.name).unwrap_or_default()),
            institution_id: Set(new.institution_id.map(row_id)),
            created_by: Set(row_id(new.created_by)),
            applications_close: Set(new.applications_close),
            rankings_close: Set(new.rankings_close),
            results_at: Set(new.results_at),
            max_ranking: Set(new.max_ranking as i32),
            scramble_of: Set(new.scramble_of.map(row_id)),
            state: Set(RoundState::Open.code().to_owned()),
            created_at: Set(now),
            ..Default::default()
        };
        let id = i64::from(round::Entity::insert(row).exec(&self.conn()).await?.last_insert_id);
        let openings = new.openings.iter().map(|&(opening_id, places)| round_opening::ActiveModel {
            round_id: Set(row_id(id)),
            opening_id: Set(row_id(opening_id)),
            places: Set(places as i32),
            ranked_at: Set(None),
            token: Set(None),
        });
        round_opening::Entity::insert_many(openings).exec_without_returning(&self.conn()).await?;
        Ok(id)
    }

    pub async fn round(&self, id: i64) -> Result<Option<StoredRound>, DbError> {
        round::Entity::find_by_id(row_id(id)).one(&self.conn()).await?.map(stored).transpose()
    }

    /// The rounds that concern someone: coordinated by one of `institutions` (every round when
    /// `every`), with an opening of theirs, or where `account_id` applied to an opening or
    /// takes part.
    pub async fn rounds_concerning(
        &self,
        account_id: i64,
        institutions: &[i64],
        every: bool,
    ) -> Result<Vec<StoredRound>, DbError> {
        let mut query = round::Entity::find().order_by_desc(round::Column::Id);
        if !every {
            let institutions: Vec<i32> = institutions.iter().map(|id| row_id(*id)).collect();
            let theirs = Query::select()
                .column(opening::Column::Id)
                .from(opening::Entity)
                .and_where(opening::Column::InstitutionId.is_in(institutions.clone()))
                .to_owned();
            let applied_to = Query::select()
                .column(application::Column::OpeningId)
                .from(application::Entity)
                .and_where(application::Column::AccountId.eq(row_id(account_id)))
                .to_owned();
            let with_openings = Query::select()
                .column(round_opening::Column::RoundId)
                .from(round_opening::Entity)
                .cond_where(
                    Condition::any()
                        .add(round_opening::Column::OpeningId.in_subquery(theirs))
                        .add(round_opening::Column::OpeningId.in_subquery(applied_to)),
                )
                .to_owned();
            let taking_part = Query::select()
                .column(round_participant::Column::RoundId)
                .from(round_participant::Entity)
                .and_where(round_participant::Column::AccountId.eq(row_id(account_id)))
                .to_owned();
            query = query.filter(
                Condition::any()
                    .add(round::Column::InstitutionId.is_in(institutions))
                    .add(round::Column::Id.in_subquery(with_openings))
                    .add(round::Column::Id.in_subquery(taking_part)),
            );
        }
        query.all(&self.conn()).await?.into_iter().map(stored).collect()
    }

    /// The id of the institution `slug`.
    pub async fn institution_id(&self, slug: &str) -> Result<Option<i64>, DbError> {
        let id: Option<i32> = institution::Entity::find()
            .select_only()
            .column(institution::Column::Id)
            .filter(institution::Column::Slug.eq(slug))
            .into_tuple()
            .one(&self.conn())
            .await?;
        Ok(id.map(i64::from))
    }

    /// Openings that may take part in a round: those of `institutions` (any when `None`) that
    /// have received applications on Passerelle, newest first, `limit` at most.
    pub async fn openings_with_applications(
        &self,
        institutions: Option<&[i64]>,
        limit: u64,
    ) -> Result<Vec<i64>, DbError> {
        let mut query = application::Entity::find()
            .select_only()
            .column(application::Column::OpeningId)
            .distinct()
            .inner_join(opening::Entity)
            .order_by_desc(application::Column::OpeningId)
            .limit(limit);
        if let Some(institutions) = institutions {
            query = query.filter(opening::Column::InstitutionId.is_in(institutions.iter().map(|id| row_id(*id))));
        }
        let ids: Vec<i32> = query.into_tuple().all(&self.conn()).await?;
        Ok(ids.into_iter().map(i64::from).collect())
    }

    pub async fn round_openings(&self, round_id: i64) -> Result<Vec<StoredRoundOpening>, DbError> {
        let rows = round_opening::Entity::find()
            .filter(round_opening::Column::RoundId.eq(row_id(round_id)))
            .order_by_asc(round_opening::Column::OpeningId)
            .all(&self.conn())
            .await?;
        Ok(rows
            .into_iter()
            .map(|row| StoredRoundOpening {
                opening_id: i64::from(row.opening_id),
                places: u32::try_from(row.places).unwrap_or(0),
                ranked_at: row.ranked_at,
                token: row.token,
            })
            .collect())
    }

    /// Researchers with an application (not withdrawn) to one of the round's openings:
    /// (opening, account), all of them or those involving one account or one opening.
    pub async fn round_applications(&self, round_id: i64, only: Only) -> Result<Vec<(i64, i64)>, DbError> {
        let in_round = Query::select()
            .column(round_opening::Column::OpeningId)
            .from(round_opening::Entity)
            .and_where(round_opening::Column::RoundId.eq(row_id(round_id)))
            .to_owned();
        let mut query = application::Entity::find()
            .select_only()
            .column(application::Column::OpeningId)
            .column(application::Column::AccountId)
            .filter(application::Column::OpeningId.in_subquery(in_round))
            .filter(application::Column::Status.ne(model::application::ApplicationStatus::Withdrawn.code()))
            .order_by_asc(application::Column::Id);
        query = match only {
            Only::All => query,
            Only::Account(id) => query.filter(application::Column::AccountId.eq(row_id(id))),
            Only::Opening(id) => query.filter(application::Column::OpeningId.eq(row_id(id))),
        };
        let rows: Vec<(i32, i32)> = query.into_tuple().all(&self.conn()).await?;
        Ok(rows.into_iter().map(|(o, a)| (i64::from(o), i64::from(a))).collect())
    }

    /// The round's participants: all, one account, or those matched to one opening.
    pub async fn round_participants(&self, round_id: i64, only: Only) -> Result<Vec<StoredParticipant>, DbError> {
        let mut query = round_participant::Entity::find()
            .filter(round_participant::Column::RoundId.eq(row_id(round_id)))
            .order_by_asc(round_participant::Column::AccountId);
        query = match only {
            Only::All => query,
            Only::Account(id) => query.filter(round_participant::Column::AccountId.eq(row_id(id))),
            Only::Opening(id) => query.filter(round_participant::Column::OpeningId.eq(row_id(id))),
        };
        Ok(query
            .all(&self.conn())
            .await?
            .into_iter()
            .map(|row| StoredParticipant {
                account_id: i64::from(row.account_id),
                ranked_at: row.ranked_at,
                opening_id: row.opening_id.map(i64::from),
                token: row.token,
            })
            .collect())
    }

    /// How many researchers each of the round's openings got: (opening, count), for openings
    /// with at least one.
    pub async fn round_filled(&self, round_id: i64) -> Result<Vec<(i64, u32)>, DbError> {
        let rows: Vec<(Option<i32>, i64)> = round_participant::Entity::find()
            .select_only()
            .column(round_participant::Column::OpeningId)
            .column_as(round_participant::Column::AccountId.count(), "filled")
            .filter(round_participant::Column::RoundId.eq(row_id(round_id)))
            .filter(round_participant::Column::OpeningId.is_not_null())
            .group_by(round_participant::Column::OpeningId)
            .into_tuple()
            .all(&self.conn())
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(opening, n)| Some((i64::from(opening?), u32::try_from(n).unwrap_or(0))))
            .collect())
    }

    /// The round's openings that belong to one of `institutions`.
    pub async fn round_openings_of(&self, round_id: i64, institutions: &[i64]) -> Result<Vec<i64>, DbError> {
        let theirs = Query::select()
            .column(opening::Column::Id)
            .from(opening::Entity)
            .and_where(opening::Column::InstitutionId.is_in(institutions.iter().map(|id| row_id(*id))))
            .to_owned();
        let ids: Vec<i32> = round_opening::Entity::find()
            .select_only()
            .column(round_opening::Column::OpeningId)
            .filter(round_opening::Column::RoundId.eq(row_id(round_id)))
            .filter(round_opening::Column::OpeningId.in_subquery(theirs))
            .into_tuple()
            .all(&self.conn())
            .await?;
        Ok(ids.into_iter().map(i64::from).collect())
    }

    /// Adds researchers to a round without a ranking (the unmatched of a first round, in its
    /// second round).
    pub async fn add_participants(&self, round_id: i64, accounts: &[i64]) -> Result<(), DbError> {
        if accounts.is_empty() {
            return Ok(());
        }
        let rows = accounts.iter().map(|&account_id| round_participant::ActiveModel {
            round_id: Set(row_id(round_id)),
            account_id: Set(row_id(account_id)),
            ranked_at: Set(None),
            opening_id: Set(None),
            token: Set(None),
        });
        round_participant::Entity::insert_many(rows)
            .on_conflict(
                OnConflict::columns([round_participant::Column::RoundId, round_participant::Column::AccountId])
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(&self.conn())
            .await?;
        Ok(())
    }

    /// Takes the round's row if it still takes rankings at `now` (open, before its rankings
    /// close); `false` otherwise. In a transaction, the round cannot be solved until it ends.
    pub async fn hold_open_round(&self, round_id: i64, now: Time) -> Result<bool, DbError> {
        let held = round::Entity::update_many()
            .col_expr(round::Column::State, Expr::value(RoundState::Open.code()))
            .filter(round::Column::Id.eq(row_id(round_id)))
            .filter(round::Column::State.eq(RoundState::Open.code()))
            .filter(round::Column::RankingsClose.gt(now))
            .exec(&self.conn())
            .await?;
        Ok(held.rows_affected == 1)
    }

    /// Replaces `owner`'s ranking on `side` (best first) and records when it was given: a
    /// researcher becomes a participant who ranked; an opening, one whose institution ranked.
    pub async fn set_ranking(
        &self,
        round_id: i64,
        side: Side,
        owner: i64,
        ranked: &[i64],
        now: Time,
    ) -> Result<(), DbError> {
        round_ranking::Entity::delete_many()
            .filter(round_ranking::Column::RoundId.eq(row_id(round_id)))
            .filter(round_ranking::Column::Side.eq(side.code()))
            .filter(round_ranking::Column::OwnerId.eq(row_id(owner)))
            .exec(&self.conn())
            .await?;
        if !ranked.is_empty() {
            let rows = ranked.iter().enumerate().map(|(position, &ranked_id)| round_ranking::ActiveModel {
                round_id: Set(row_id(round_id)),
                side: Set(side.code().to_owned()),
                owner_id: Set(row_id(owner)),
                position: Set(position as i32),
                ranked_id: Set(row_id(ranked_id)),
            });
            round_ranking::Entity::insert_many(rows).exec_without_returning(&self.conn()).await?;
        }
        match side {
            Side::Researcher => {
                let participant = round_participant::ActiveModel {
                    round_id: Set(row_id(round_id)),
                    account_id: Set(row_id(owner)),
                    ranked_at: Set(Some(now)),
                    opening_id: Set(None),
                    token: Set(None),
                };
                round_participant::Entity::insert(participant)
                    .on_conflict(
                        OnConflict::columns([round_participant::Column::RoundId, round_participant::Column::AccountId])
                            .update_column(round_participant::Column::RankedAt)
                            .to_owned(),
                    )
                    .exec_without_returning(&self.conn())
                    .await?;
            }
            Side::Opening => {
                round_opening::Entity::update_many()
                    .col_expr(round_opening::Column::RankedAt, Expr::value(Some(now)))
                    .filter(round_opening::Column::RoundId.eq(row_id(round_id)))
                    .filter(round_opening::Column::OpeningId.eq(row_id(owner)))
                    .exec(&self.conn())
                    .await?;
            }
        }
        Ok(())
    }

    /// The rankings on `side` in the round, best first: (owner, ranked ids); all of them, or
    /// those involving one account or one opening (as their owner, or among those ranked: then
    /// each list holds that one).
    pub async fn round_rankings(&self, round_id: i64, side: Side, only: Only) -> Result<Vec<(i64, Vec<i64>)>, DbError> {
        let mut query = round_ranking::Entity::find()
            .select_only()
            .column(round_ranking::Column::OwnerId)
            .column(round_ranking::Column::RankedId)
            .filter(round_ranking::Column::RoundId.eq(row_id(round_id)))
            .filter(round_ranking::Column::Side.eq(side.code()))
            .order_by_asc(round_ranking::Column::OwnerId)
            .order_by_asc(round_ranking::Column::Position);
        query = match (side, only) {
            (_, Only::All) => query,
            (Side::Researcher, Only::Account(id)) | (Side::Opening, Only::Opening(id)) => {
                query.filter(round_ranking::Column::OwnerId.eq(row_id(id)))
            }
            (Side::Researcher, Only::Opening(id)) | (Side::Opening, Only::Account(id)) => {
                query.filter(round_ranking::Column::RankedId.eq(row_id(id)))
            }
        };
        let rows: Vec<(i32, i32)> = query.into_tuple().all(&self.conn()).await?;
        Ok(grouped(rows))
    }

    /// Moves an open round to solved: `false` when it was not open (solved by another server
    /// first). Call first in the transaction that writes the results: it holds the round
    /// against late rankings.
    pub async fn mark_solved(&self, round_id: i64, now: Time) -> Result<bool, DbError> {
        let solved = round::Entity::update_many()
            .col_expr(round::Column::State, Expr::value(RoundState::Solved.code()))
            .col_expr(round::Column::SolvedAt, Expr::value(Some(now)))
            .filter(round::Column::Id.eq(row_id(round_id)))
            .filter(round::Column::State.eq(RoundState::Open.code()))
            .exec(&self.conn())
            .await?;
        Ok(solved.rows_affected == 1)
    }

    /// Records the instance a round solved.
    pub async fn set_round_instance(&self, round_id: i64, instance: &str) -> Result<(), DbError> {
        round::Entity::update_many()
            .col_expr(round::Column::Instance, Expr::value(Some(instance.to_owned())))
            .filter(round::Column::Id.eq(row_id(round_id)))
            .exec(&self.conn())
            .await?;
        Ok(())
    }

    /// Writes the participants' results and public tokens: (account, opening, token).
    pub async fn set_results(&self, round_id: i64, results: &[(i64, Option<i64>, String)]) -> Result<(), DbError> {
        // Five values a row, well under SQLite's limit on a statement's parameters.
        for chunk in results.chunks(1_000) {
            let rows = chunk.iter().map(|(account_id, opening_id, token)| round_participant::ActiveModel {
                round_id: Set(row_id(round_id)),
                account_id: Set(row_id(*account_id)),
                ranked_at: Set(None),
                opening_id: Set(opening_id.map(row_id)),
                token: Set(Some(token.clone())),
            });
            round_participant::Entity::insert_many(rows)
                .on_conflict(
                    OnConflict::columns([round_participant::Column::RoundId, round_participant::Column::AccountId])
                        .update_columns([round_participant::Column::OpeningId, round_participant::Column::Token])
                        .to_owned(),
                )
                .exec_without_returning(&self.conn())
                .await?;
        }
        Ok(())
    }

    /// Sets an opening's public token.
    pub async fn set_opening_token(&self, round_id: i64, opening_id: i64, token: &str) -> Result<(), DbError> {
        round_opening::Entity::update_many()
            .col_expr(round_opening::Column::Token, Expr::value(Some(token.to_owned())))
            .filter(round_opening::Column::RoundId.eq(row_id(round_id)))
            .filter(round_opening::Column::OpeningId.eq(row_id(opening_id)))
            .exec(&self.conn())
            .await?;
        Ok(())
    }

    /// Moves a solved round to published: `false` when it was not solved (published first).
    pub async fn mark_published(&self, round_id: i64, now: Time) -> Result<bool, DbError> {
        let published = round::Entity::update_many()
            .col_expr(round::Column::State, Expr::value(RoundState::Published.code()))
            .col_expr(round::Column::PublishedAt, Expr::value(Some(now)))
            .filter(round::Column::Id.eq(row_id(round_id)))
            .filter(round::Column::State.eq(RoundState::Solved.code()))
            .exec(&self.conn())
            .await?;
        Ok(published.rows_affected == 1)
    }

    /// Records the anonymised instance and result of a published round, once.
    pub async fn set_anonymised(&self, round_id: i64, json: &str) -> Result<bool, DbError> {
        let set = round::Entity::update_many()
            .col_expr(round::Column::Anonymised, Expr::value(Some(json.to_owned())))
            .filter(round::Column::Id.eq(row_id(round_id)))
            .filter(round::Column::State.eq(RoundState::Published.code()))
            .filter(round::Column::Anonymised.is_null())
            .exec(&self.conn())
            .await?;
        Ok(set.rows_affected == 1)
    }

    /// Rounds that are due: open ones whose rankings have closed (to solve) and solved ones
    /// whose results' date has come (to publish).
    pub async fn rounds_due(&self, now: Time) -> Result<Vec<StoredRound>, DbError> {
        let due = Condition::any()
            .add(
                Condition::all()
                    .add(round::Column::State.eq(RoundState::Open.code()))
                    .add(round::Column::RankingsClose.lte(now)),
            )
            .add(
                Condition::all()
                    .add(round::Column::State.eq(RoundState::Solved.code()))
                    .add(round::Column::ResultsAt.lte(now)),
            );
        let rows = round::Entity::find().filter(due).order_by_asc(round::Column::Id).all(&self.conn()).await?;
        rows.into_iter().map(stored).collect()
    }

    /// Open rounds whose rankings close before `before` and whose participants have not been
    /// reminded; each is claimed (marked reminded) by the caller with [`Db::claim_round_reminder`].
    pub async fn rounds_to_remind(&self, now: Time, before: Time) -> Result<Vec<StoredRound>, DbError> {
        let rows = round::Entity::find()
            .filter(round::Column::State.eq(RoundState::Open.code()))
            .filter(round::Column::RankingsClose.gt(now))
            .filter(round::Column::RankingsClose.lte(before))
            .filter(round::Column::RemindedAt.is_null())
            .all(&self.conn())
            .await?;
        rows.into_iter().map(stored).collect()
    }

    /// Marks a round's reminder sent: `false` when another server did first.
    pub async fn claim_round_reminder(&self, round_id: i64, now: Time) -> Result<bool, DbError> {
        let claimed = round::Entity::update_many()
            .col_expr(round::Column::RemindedAt, Expr::value(Some(now)))
            .filter(round::Column::Id.eq(row_id(round_id)))
            .filter(round::Column::RemindedAt.is_null())
            .exec(&self.conn())
            .await?;
        Ok(claimed.rows_affected == 1)
    }
}

/// Rows `(owner, member)` ordered by owner then position, as one list per owner.
fn grouped(rows: Vec<(i32, i32)>) -> Vec<(i64, Vec<i64>)> {
    let mut lists: Vec<(i64, Vec<i64>)> = Vec::new();
    for (owner, member) in rows {
        match lists.last_mut() {
            Some((last, members)) if *last == i64::from(owner) => members.push(i64::from(member)),
            _ => lists.push((i64::from(owner), vec![i64::from(member)])),
        }
    }
    lists
}
