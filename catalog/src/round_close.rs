//! A round's close and after: solving it (at its rankings' close, or when the coordinator
//! closes it early), publishing its results (at their date, or earlier by the coordinator),
//! reminding those who have not ranked, each participant's explanation, and the anonymised
//! publication anyone can check with `passerelle round verify`.
//!
//! Each step is a conditional state change in one transaction with its audit entry and its
//! e-mails: two servers running the job at once do each step once.

use std::collections::{HashMap, HashSet};

use db::StoredRound;
use matching::{ApplicantEntry, ApplicantReason, Assignment, Id, Instance, Matching, OpeningEntry, Publication};
use model::account::{AuditAction, Viewer};
use model::round::{ResearcherResult, RoundOpening, RoundState, Shortfall};
use model::url::route;

use crate::rounds::round_name;
use crate::{Catalog, CatalogError, audit, now};

/// Participants who have not ranked are reminded this long before the rankings close.
pub const REMIND_BEFORE_HOURS: i64 = 48;

/// A public token: 72 random bits, enough that no one guesses another's.
fn public_token() -> String {
    crate::token::random_token().chars().take(12).collect()
}

fn int(id: &Id) -> Option<i64> {
    match id {
        Id::Int(n) => Some(*n),
        Id::Text(_) => None,
    }
}

impl Catalog {
    /// The coordinator closes the rankings now and solves the round.
    pub async fn close_round(&self, viewer: &Viewer, id: i64) -> Result<(), CatalogError> {
        let round = self.coordinated_round(viewer, id).await?;
        if self.solve(&round, viewer.account_id).await? { Ok(()) } else { Err(CatalogError::Stale) }
    }

    /// The coordinator sends a solved round's results now, before their date.
    pub async fn publish_round(&self, viewer: &Viewer, id: i64) -> Result<(), CatalogError> {
        let round = self.coordinated_round(viewer, id).await?;
        if self.publish(&round, viewer.account_id).await? { Ok(()) } else { Err(CatalogError::Stale) }
    }

    /// Solves the rounds whose rankings have closed, publishes those whose results' date has
    /// come, and reminds participants of rankings closing soon. Returns the steps taken.
    pub async fn run_due_rounds(&self) -> Result<usize, CatalogError> {
        let mut steps = 0;
        for round in self.db.rounds_due(now()).await? {
            let done = match round.state {
                RoundState::Open => self.solve(&round, round.created_by).await?,
                RoundState::Solved => self.publish(&round, round.created_by).await?,
                RoundState::Published => false,
            };
            steps += usize::from(done);
        }
        let before = now() + chrono::Duration::hours(REMIND_BEFORE_HOURS);
        for round in self.db.rounds_to_remind(now(), before).await? {
            steps += usize::from(self.remind(&round).await?);
        }
        Ok(steps)
    }

    /// The instance as the rankings stand: researchers who ranked, each opening's ranking of
    /// them (an opening without a ranking ranks no one).
    async fn instance_now(&self, tx: &db::Db, round: &StoredRound) -> Result<Instance, CatalogError> {
        let ranked: Vec<i64> = tx
            .round_participants(round.id, db::Only::All)
            .await?
            .into_iter()
            .filter(|p| p.ranked_at.is_some())
            .map(|p| p.account_id)
            .collect();
        let choices: HashMap<i64, Vec<i64>> =
            tx.round_rankings(round.id, db::Side::Researcher, db::Only::All).await?.into_iter().collect();
        let preferences: HashMap<i64, Vec<i64>> =
            tx.round_rankings(round.id, db::Side::Opening, db::Only::All).await?.into_iter().collect();
        let openings = tx.round_openings(round.id).await?;
        let taking_part: HashSet<i64> = ranked.iter().copied().collect();
        let in_round: HashSet<i64> = openings.iter().map(|o| o.opening_id).collect();
        Ok(Instance {
            applicants: ranked
                .iter()
                .map(|account| ApplicantEntry {
                    id: Id::Int(*account),
                    ranking: choices
                        .get(account)
                        .into_iter()
                        .flatten()
                        .filter(|o| in_round.contains(o))
                        .map(|o| Id::Int(*o))
                        .collect(),
                })
                .collect(),
            openings: openings
                .iter()
                .map(|o| OpeningEntry {
                    id: Id::Int(o.opening_id),
                    capacity: i64::from(o.places),
                    ranking: preferences
                        .get(&o.opening_id)
                        .into_iter()
                        .flatten()
                        .filter(|a| taking_part.contains(a))
                        .map(|a| Id::Int(*a))
                        .collect(),
                })
                .collect(),
        })
    }

    /// Solves an open round: `false` when it was not open any more.
    async fn solve(&self, round: &StoredRound, actor: i64) -> Result<bool, CatalogError> {
        let tx = self.db.begin().await?;
        if !tx.mark_solved(round.id, now()).await? {
            return Ok(false);
        }
        let instance = self.instance_now(&tx, round).await?;
        let market = instance.market().map_err(|err| {
            tracing::error!(round = round.id, error = %err, "a round's rankings do not make an instance");
            CatalogError::Invalid(vec![("round".into(), "round-error-instance")])
        })?;
        let outcome = market.solve();
        let results: Vec<(i64, Option<i64>, String)> = instance
            .applicants
            .iter()
            .enumerate()
            .map(|(n, entry)| {
                let opening = outcome.opening_of(n).and_then(|o| int(market.opening_id(o)));
                (int(&entry.id).unwrap_or_default(), opening, public_token())
            })
            .collect();
        tx.set_results(round.id, &results).await?;
        for entry in &instance.openings {
            tx.set_opening_token(round.id, int(&entry.id).unwrap_or_default(), &public_token()).await?;
        }
        tx.set_round_instance(round.id, &serde_json::to_string(&instance).unwrap_or_default()).await?;
        let matched = (0..market.applicant_count()).filter(|&n| outcome.opening_of(n).is_some()).count();
        let unranked = tx.round_openings(round.id).await?.iter().filter(|o| o.ranked_at.is_none()).count();
        audit(
            &tx,
            actor,
            AuditAction::RoundSolved,
            ("round", round.id),
            &format!("{matched} of {} matched", market.applicant_count()),
        )
        .await?;
        if let Some(coordinator) = tx.account(round.created_by).await? {
            let args = vec![
                ("round", round_name(round, coordinator.lang).into()),
                ("matched", matched.into()),
                ("unmatched", (market.applicant_count() - matched).into()),
                ("unranked", unranked.into()),
                ("link", self.link_for(&coordinator, route::ROUND, &[&round.id]).into()),
            ];
            self.queue_mail(&tx, &coordinator, "mail-round-solved-subject", "mail-round-solved-body", args).await?;
        }
        tx.commit().await?;
        self.mail_queued();
        Ok(true)
    }

    /// Sends a solved round's results: `false` when it was not solved (or already published).
    async fn publish(&self, round: &StoredRound, actor: i64) -> Result<bool, CatalogError> {
        let tx = self.db.begin().await?;
        if !tx.mark_published(round.id, now()).await? {
            return Ok(false);
        }
        let participants = tx.round_participants(round.id, db::Only::All).await?;
        let ranked: Vec<_> = participants.iter().filter(|p| p.ranked_at.is_some()).collect();
        let people = tx.accounts_by_ids(&ranked.iter().map(|p| p.account_id).collect::<Vec<_>>()).await?;
        for participant in &ranked {
            let Some(person) = people.get(&participant.account_id) else { continue };
            let link = self.link_for(person, route::ROUND, &[&round.id]);
            let mut args = vec![("round", round_name(round, person.lang).into()), ("link", link.into())];
            let (subject, body) = match participant.opening_id {
                Some(opening) => {
                    let named = self.round_openings_named(&[(opening, 0)], person.lang).await?;
                    let title = named.first().map(|o| format!("{} ({})", o.title, o.institution)).unwrap_or_default();
                    args.push(("opening", title.into()));
                    ("mail-round-matched-subject", "mail-round-matched-body")
                }
                None => ("mail-round-unmatched-subject", "mail-round-unmatched-body"),
            };
            self.queue_mail(&tx, person, subject, body, args).await?;
        }
        let mut told = HashSet::new();
        for opening in tx.round_openings(round.id).await? {
            let Some(posting) = tx.posting(opening.opening_id).await? else { continue };
            for member in tx.member_accounts(&posting.institution.slug).await? {
                if told.insert(member.id) {
                    let link = self.link_for(&member, route::ROUND, &[&round.id]);
                    let args = vec![("round", round_name(round, member.lang).into()), ("link", link.into())];
                    self.queue_mail(&tx, &member, "mail-round-results-subject", "mail-round-results-body", args)
                        .await?;
                }
            }
        }
        audit(&tx, actor, AuditAction::RoundPublished, ("round", round.id), "").await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(true)
    }

    /// Reminds researchers and members who have not ranked yet, once per round.
    async fn remind(&self, round: &StoredRound) -> Result<bool, CatalogError> {
        let tx = self.db.begin().await?;
        if !tx.claim_round_reminder(round.id, now()).await? {
            return Ok(false);
        }
        let waiting = self.concerned(&tx, round, true).await?;
        self.tell(&tx, round, &waiting, "mail-round-reminder-subject", "mail-round-reminder-body").await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(true)
    }

    /// The people a round concerns: its researchers (the applicants to its openings, or a
    /// second round's participants) and the members of its openings' institutions; with
    /// `waiting`, only researchers who have not ranked and members of openings not ranked.
    pub(crate) async fn concerned(
        &self,
        tx: &db::Db,
        round: &StoredRound,
        waiting: bool,
    ) -> Result<Vec<db::Account>, CatalogError> {
        let participants = tx.round_participants(round.id, db::Only::All).await?;
        let ranked: HashSet<i64> =
            participants.iter().filter(|p| p.ranked_at.is_some()).map(|p| p.account_id).collect();
        let mut people: Vec<i64> = if round.scramble_of.is_some() {
            participants.iter().map(|p| p.account_id).collect()
        } else {
            tx.round_applications(round.id, db::Only::All).await?.into_iter().map(|(_, account)| account).collect()
        };
        if waiting {
            people.retain(|account| !ranked.contains(account));
        }
        for opening in tx.round_openings(round.id).await?.into_iter().filter(|o| !waiting || o.ranked_at.is_none()) {
            if let Some(posting) = tx.posting(opening.opening_id).await? {
                people.extend(tx.member_accounts(&posting.institution.slug).await?.iter().map(|m| m.id));
            }
        }
        people.sort_unstable();
        people.dedup();
        Ok(tx.accounts_by_ids(&people).await?.into_values().collect())
    }

    /// Queues the e-mail `subject`/`body` about `round` to each of `people`, in their language,
    /// with the round's name, its rankings' close and its page.
    pub(crate) async fn tell(
        &self,
        tx: &db::Db,
        round: &StoredRound,
        people: &[db::Account],
        subject: &str,
        body: &str,
    ) -> Result<(), CatalogError> {
        for person in people {
            let args = vec![
                ("round", round_name(round, person.lang).into()),
                ("close", l10n::format_utc_time(person.lang, round.rankings_close).into()),
                ("link", self.link_for(person, route::ROUND, &[&round.id]).into()),
            ];
            self.queue_mail(tx, person, subject, body, args).await?;
        }
        Ok(())
    }

    /// A researcher's result in a published round, with why each opening they ranked higher
    /// did not happen; `None` when they did not rank.
    pub(crate) async fn researcher_result(
        &self,
        round: &StoredRound,
        account: i64,
        openings: &[RoundOpening],
    ) -> Result<Option<ResearcherResult>, CatalogError> {
        let Some(instance) = round.instance.as_deref().and_then(|json| Instance::from_json(json).ok()) else {
            return Ok(None);
        };
        let Some(index) = instance.applicants.iter().position(|a| a.id == Id::Int(account)) else { return Ok(None) };
        let market =
            instance.market().map_err(|_| CatalogError::Invalid(vec![("round".into(), "round-error-instance")]))?;
        let participants = self.db.round_participants(round.id, db::Only::All).await?;
        let outcome = market
            .outcome(&stored_matching(&instance, &participants))
            .map_err(|_| CatalogError::Invalid(vec![("round".into(), "round-error-instance")]))?;
        let stored = self.db.round_openings(round.id).await?;
        let named = |opening: usize| {
            let id = int(market.opening_id(opening)).unwrap_or_default();
            openings.iter().find(|o| o.id == id).cloned()
        };
        let above = market
            .explain_applicant(&outcome, index)
            .into_iter()
            .filter_map(|reason| match reason {
                ApplicantReason::NotRanked { opening } => {
                    let id = int(market.opening_id(opening)).unwrap_or_default();
                    let ranked = stored.iter().any(|o| o.opening_id == id && o.ranked_at.is_some());
                    named(opening).map(|o| (o, if ranked { Shortfall::NotRanked } else { Shortfall::NoRanking }))
                }
                ApplicantReason::Filled { opening, places } => {
                    named(opening).map(|o| (o, Shortfall::Filled { places }))
                }
            })
            .collect();
        let me = participants.iter().find(|p| p.account_id == account);
        Ok(Some(ResearcherResult {
            matched: outcome.opening_of(index).and_then(named),
            above,
            token: me.filter(|_| round.anonymised.is_some()).and_then(|p| p.token.clone()),
        }))
    }

    /// The coordinator publishes the round's instance and result with tokens for every id;
    /// each participant then sees their own token.
    pub async fn publish_anonymised(&self, viewer: &Viewer, id: i64) -> Result<(), CatalogError> {
        let round = self.coordinated_round(viewer, id).await?;
        let instance =
            round.instance.as_deref().and_then(|json| Instance::from_json(json).ok()).ok_or(CatalogError::Stale)?;
        let participants = self.db.round_participants(id, db::Only::All).await?;
        let openings = self.db.round_openings(id).await?;
        let applicant_token: HashMap<i64, String> =
            participants.iter().filter_map(|p| Some((p.account_id, p.token.clone()?))).collect();
        let opening_token: HashMap<i64, String> =
            openings.iter().filter_map(|o| Some((o.opening_id, o.token.clone()?))).collect();
        let rename = |id: &Id, tokens: &HashMap<i64, String>| {
            Id::Text(int(id).and_then(|n| tokens.get(&n).cloned()).unwrap_or_default())
        };
        let result = stored_matching(&instance, &participants);
        let anonymised = Publication {
            instance: Instance {
                applicants: instance
                    .applicants
                    .iter()
                    .map(|a| ApplicantEntry {
                        id: rename(&a.id, &applicant_token),
                        ranking: a.ranking.iter().map(|o| rename(o, &opening_token)).collect(),
                    })
                    .collect(),
                openings: instance
                    .openings
                    .iter()
                    .map(|o| OpeningEntry {
                        id: rename(&o.id, &opening_token),
                        capacity: o.capacity,
                        ranking: o.ranking.iter().map(|a| rename(a, &applicant_token)).collect(),
                    })
                    .collect(),
            },
            result: Matching {
                assignments: result
                    .assignments
                    .iter()
                    .map(|a| Assignment {
                        applicant: rename(&a.applicant, &applicant_token),
                        opening: rename(&a.opening, &opening_token),
                    })
                    .collect(),
                unmatched: result.unmatched.iter().map(|a| rename(a, &applicant_token)).collect(),
            },
        };
        let json = serde_json::to_string(&anonymised).unwrap_or_default();
        let tx = self.db.begin().await?;
        if !tx.set_anonymised(id, &json).await? {
            return Err(CatalogError::Stale);
        }
        audit(&tx, viewer.account_id, AuditAction::RoundAnonymised, ("round", id), "").await?;
        tx.commit().await?;
        Ok(())
    }

    /// A round's anonymised publication, for anyone.
    pub async fn anonymised_round(&self, id: i64) -> Result<Publication, CatalogError> {
        let round = self.db.round(id).await?.ok_or(CatalogError::NotFound)?;
        let json = round.anonymised.ok_or(CatalogError::NotFound)?;
        serde_json::from_str(&json).map_err(|_| CatalogError::NotFound)
    }
}

/// The stored result of a solved round, in the instance's ids and order.
fn stored_matching(instance: &Instance, participants: &[db::StoredParticipant]) -> Matching {
    let result: HashMap<i64, Option<i64>> = participants.iter().map(|p| (p.account_id, p.opening_id)).collect();
    let mut matching = Matching::default();
    for applicant in &instance.applicants {
        match int(&applicant.id).and_then(|a| result.get(&a).copied().flatten()) {
            Some(opening) => {
                matching.assignments.push(Assignment { applicant: applicant.id.clone(), opening: Id::Int(opening) })
            }
            None => matching.unmatched.push(applicant.id.clone()),
        }
    }
    matching
}
