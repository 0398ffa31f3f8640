//! Matching rounds, the coordinator's and participants' use cases: creating a round (or the
//! second round of one), the rounds that concern someone, a round as its viewer sees it, and
//! both sides' rankings. Closing, solving and publishing are in `round_close`.
//!
//! A coordinator is a platform admin, or an admin of the round's institution. Researchers rank
//! the round's openings they applied to (in a second round: any of its openings); members rank
//! the applicants of their institution's openings (in a second round: those who chose it).
//! Rankings are seen by their author and the coordinator only.

use std::collections::HashMap;

use db::{NewRound, Only, Side, StoredRound};
use model::Lang;
use model::account::{AuditAction, InstitutionRole, Viewer};
use model::round::{
    Coordination, OpeningRanking, Phase, ResearcherChoices, RoundApplicant, RoundForm, RoundOpening, RoundSummary,
    RoundView,
};

use crate::{Catalog, CatalogError, audit, now};

/// The most openings the round form offers.
const OFFERED: u64 = 500;

/// Who the viewer is in a round.
pub(crate) struct Part {
    pub coordinator: bool,
    /// Their institutions' openings in the round.
    pub member_of: Vec<i64>,
    /// The openings they may rank as a researcher (empty: not a participant).
    pub rankable: Vec<i64>,
}

impl Catalog {
    /// The institutions (ids) whose rounds the viewer may coordinate; `None`: every one.
    async fn coordinated(&self, viewer: &Viewer) -> Result<Option<Vec<i64>>, CatalogError> {
        if viewer.is_platform_admin() {
            return Ok(None);
        }
        let mut ids = Vec::new();
        for membership in viewer.memberships.iter().filter(|m| m.role == InstitutionRole::Admin) {
            ids.extend(self.db.institution_id(&membership.institution.slug).await?);
        }
        Ok(Some(ids))
    }

    /// The openings `viewer` may put in a new round: with applications, of institutions they
    /// coordinate, `places` set to the most allowed; or with `scramble_of`, those of that
    /// published round with places left. [`CatalogError::Forbidden`] when they coordinate none.
    pub async fn round_form_openings(
        &self,
        viewer: &Viewer,
        lang: Lang,
        scramble_of: Option<i64>,
    ) -> Result<Vec<RoundOpening>, CatalogError> {
        let offered = self.offered(viewer, scramble_of).await?.0;
        self.round_openings_named(&offered, lang).await
    }

    /// What a new round may hold: (opening, most places), and the researchers it starts with.
    async fn offered(
        &self,
        viewer: &Viewer,
        scramble_of: Option<i64>,
    ) -> Result<(Vec<(i64, u32)>, Vec<i64>), CatalogError> {
        if let Some(first) = scramble_of {
            let round = self.coordinated_round(viewer, first).await?;
            if round.state != model::round::RoundState::Published {
                return Err(CatalogError::Stale);
            }
            return Ok((self.places_left(&round).await?, self.unmatched_of(first).await?));
        }
        let scope = self.coordinated(viewer).await?;
        if scope.as_ref().is_some_and(Vec::is_empty) {
            return Err(CatalogError::Forbidden);
        }
        let ids = self.db.openings_with_applications(scope.as_deref(), OFFERED).await?;
        Ok((ids.into_iter().map(|id| (id, model::round::MAX_PLACES)).collect(), Vec::new()))
    }

    /// Openings with their titles and institutions in `lang`, and `places`.
    pub(crate) async fn round_openings_named(
        &self,
        openings: &[(i64, u32)],
        lang: Lang,
    ) -> Result<Vec<RoundOpening>, CatalogError> {
        let mut named = Vec::with_capacity(openings.len());
        for &(id, places) in openings {
            let Some(posting) = self.db.posting(id).await? else { continue };
            let record = posting.working();
            let title = model::lang::pick(&record.title, lang, record.original_language)
                .map_or_else(String::new, |(_, t)| t.to_owned());
            let institution = model::lang::pick(&posting.institution.name, lang, record.original_language)
                .map_or_else(|| posting.institution.slug.clone(), |(_, n)| n.to_owned());
            named.push(RoundOpening { id, title, institution, places, ranked: false, filled: None });
        }
        Ok(named)
    }

    /// Creates a round, or with `scramble_of` the second round of a published one (its
    /// openings with places left, for its unmatched researchers).
    pub async fn create_round(
        &self,
        viewer: &Viewer,
        form: &RoundForm,
        scramble_of: Option<i64>,
    ) -> Result<i64, CatalogError> {
        let institution_id = match self.coordinated(viewer).await? {
            None => None,
            Some(ids) => Some(*ids.first().ok_or(CatalogError::Forbidden)?),
        };
        let (offered, unmatched) = self.offered(viewer, scramble_of).await?;
        let offered: HashMap<i64, u32> = offered.into_iter().collect();
        if form.openings.iter().any(|(id, places)| offered.get(id).is_none_or(|left| places > left)) {
            return Err(CatalogError::Invalid(vec![("openings".into(), "round-error-places")]));
        }
        let utc = |time: chrono::NaiveDateTime| time.and_utc().fixed_offset();
        let tx = self.db.begin().await?;
        let new = NewRound {
            name: &form.name,
            institution_id,
            created_by: viewer.account_id,
            applications_close: utc(form.applications_close),
            rankings_close: utc(form.rankings_close),
            results_at: utc(form.results_at),
            max_ranking: form.max_ranking,
            scramble_of,
            openings: &form.openings,
        };
        let id = tx.create_round(new, now()).await?;
        tx.add_participants(id, &unmatched).await?;
        audit(&tx, viewer.account_id, AuditAction::RoundCreated, ("round", id), "").await?;
        if let Some(round) = tx.round(id).await? {
            let people = self.concerned(&tx, &round, false).await?;
            self.tell(&tx, &round, &people, "mail-round-opened-subject", "mail-round-opened-body").await?;
        }
        tx.commit().await?;
        self.mail_queued();
        Ok(id)
    }

    /// A round the viewer coordinates ([`CatalogError::NotFound`] otherwise).
    pub(crate) async fn coordinated_round(&self, viewer: &Viewer, id: i64) -> Result<StoredRound, CatalogError> {
        let round = self.db.round(id).await?.ok_or(CatalogError::NotFound)?;
        match self.coordinated(viewer).await? {
            None => Ok(round),
            Some(ids) if round.institution_id.is_some_and(|own| ids.contains(&own)) => Ok(round),
            Some(_) => Err(CatalogError::NotFound),
        }
    }

    /// The openings of a published round with places left: (opening, places left).
    pub(crate) async fn places_left(&self, round: &StoredRound) -> Result<Vec<(i64, u32)>, CatalogError> {
        let filled: HashMap<i64, u32> = self.db.round_filled(round.id).await?.into_iter().collect();
        let openings = self.db.round_openings(round.id).await?;
        Ok(openings
            .into_iter()
            .filter_map(|o| {
                let filled = filled.get(&o.opening_id).copied().unwrap_or(0);
                (o.places > filled).then(|| (o.opening_id, o.places - filled))
            })
            .collect())
    }

    /// Researchers who ranked in round `id` and were not matched.
    async fn unmatched_of(&self, id: i64) -> Result<Vec<i64>, CatalogError> {
        let participants = self.db.round_participants(id, Only::All).await?;
        Ok(participants
            .into_iter()
            .filter(|p| p.ranked_at.is_some() && p.opening_id.is_none())
            .map(|p| p.account_id)
            .collect())
    }

    /// The ids of the institutions the viewer belongs to.
    async fn institutions_of(&self, viewer: &Viewer) -> Result<Vec<i64>, CatalogError> {
        let mut institutions = Vec::new();
        for membership in &viewer.memberships {
            institutions.extend(self.db.institution_id(&membership.institution.slug).await?);
        }
        Ok(institutions)
    }

    /// The viewer's part in a round (a few queries, whatever the round's size).
    pub(crate) async fn part(&self, viewer: &Viewer, round: &StoredRound) -> Result<Part, CatalogError> {
        let coordinator = self.coordinated_round(viewer, round.id).await.is_ok();
        let member_of = self.db.round_openings_of(round.id, &self.institutions_of(viewer).await?).await?;
        let rankable = if round.scramble_of.is_some() {
            let takes_part = !self.db.round_participants(round.id, Only::Account(viewer.account_id)).await?.is_empty();
            if takes_part {
                self.db.round_openings(round.id).await?.iter().map(|o| o.opening_id).collect()
            } else {
                Vec::new()
            }
        } else {
            let applied = self.db.round_applications(round.id, Only::Account(viewer.account_id)).await?;
            let mut openings: Vec<i64> = applied.into_iter().map(|(opening, _)| opening).collect();
            openings.sort_unstable();
            openings.dedup();
            openings
        };
        Ok(Part { coordinator, member_of, rankable })
    }

    /// Who may be ranked by `opening` in `round`: its applicants, or in a second round the
    /// participants who chose it.
    pub(crate) async fn rankable_applicants(
        &self,
        round: &StoredRound,
        opening: i64,
    ) -> Result<Vec<i64>, CatalogError> {
        let mut accounts: Vec<i64> = if round.scramble_of.is_some() {
            let choices = self.db.round_rankings(round.id, Side::Researcher, Only::Opening(opening)).await?;
            choices.into_iter().map(|(account, _)| account).collect()
        } else {
            let applications = self.db.round_applications(round.id, Only::Opening(opening)).await?;
            applications.into_iter().map(|(_, account)| account).collect()
        };
        accounts.sort_unstable();
        accounts.dedup();
        Ok(accounts)
    }

    /// The rounds that concern the viewer, newest first.
    pub async fn rounds_for(&self, viewer: &Viewer, lang: Lang) -> Result<Vec<RoundSummary>, CatalogError> {
        let institutions = self.institutions_of(viewer).await?;
        let rounds = self.db.rounds_concerning(viewer.account_id, &institutions, viewer.is_platform_admin()).await?;
        let at = now();
        let mut summaries = Vec::with_capacity(rounds.len());
        for round in rounds {
            let phase = Phase::of(round.state, round.applications_close, round.rankings_close, at);
            let to_rank = phase.ranking_open() && {
                let may_rank = !self.part(viewer, &round).await?.rankable.is_empty();
                let me = self.db.round_participants(round.id, Only::Account(viewer.account_id)).await?;
                may_rank && !me.iter().any(|p| p.ranked_at.is_some())
            };
            summaries.push(RoundSummary {
                id: round.id,
                name: round_name(&round, lang),
                phase,
                rankings_close: round.rankings_close,
                results_at: round.results_at,
                to_rank,
            });
        }
        Ok(summaries)
    }

    /// Round `id` as the viewer sees it; [`CatalogError::NotFound`] when they have no part in it.
    pub async fn round_view(&self, viewer: &Viewer, id: i64, lang: Lang) -> Result<RoundView, CatalogError> {
        let round = self.db.round(id).await?.ok_or(CatalogError::NotFound)?;
        let part = self.part(viewer, &round).await?;
        if !part.coordinator && part.member_of.is_empty() && part.rankable.is_empty() {
            return Err(CatalogError::NotFound);
        }
        // Named only where the viewer sees them: all for the coordinator, else their own.
        let stored = self.db.round_openings(id).await?;
        let shown: Vec<(i64, u32)> = stored
            .iter()
            .filter(|o| {
                part.coordinator || part.rankable.contains(&o.opening_id) || part.member_of.contains(&o.opening_id)
            })
            .map(|o| (o.opening_id, o.places))
            .collect();
        let solved = round.state != model::round::RoundState::Open;
        let filled: HashMap<i64, u32> = self.db.round_filled(id).await?.into_iter().collect();
        let mut openings = self.round_openings_named(&shown, lang).await?;
        for opening in &mut openings {
            opening.ranked = stored.iter().any(|o| o.opening_id == opening.id && o.ranked_at.is_some());
            opening.filled = solved.then(|| filled.get(&opening.id).copied().unwrap_or(0));
        }
        let participants = if part.coordinator { self.db.round_participants(id, Only::All).await? } else { Vec::new() };
        let phase = Phase::of(round.state, round.applications_close, round.rankings_close, now());
        let coordination = part.coordinator.then(|| Coordination {
            ranked_participants: participants.iter().filter(|p| p.ranked_at.is_some()).count() as u64,
            unranked_openings: openings.iter().filter(|o| !o.ranked).cloned().collect(),
            matched: solved.then(|| {
                let ranked: Vec<_> = participants.iter().filter(|p| p.ranked_at.is_some()).collect();
                let matched = ranked.iter().filter(|p| p.opening_id.is_some()).count() as u64;
                (matched, ranked.len() as u64 - matched)
            }),
        });
        let choices = if part.rankable.is_empty() {
            None
        } else {
            Some(self.researcher_choices(viewer, &round, &part.rankable, &openings).await?)
        };
        let mut rankings = Vec::new();
        for opening in openings.iter().filter(|o| part.member_of.contains(&o.id)) {
            rankings.push(self.opening_ranking(&round, opening).await?);
        }
        Ok(RoundView {
            id,
            name: round_name(&round, lang),
            phase,
            applications_close: round.applications_close,
            rankings_close: round.rankings_close,
            results_at: round.results_at,
            max_ranking: round.max_ranking,
            scramble_of: round.scramble_of,
            openings,
            coordination,
            choices,
            rankings,
            anonymised: round.anonymised.is_some(),
        })
    }

    async fn researcher_choices(
        &self,
        viewer: &Viewer,
        round: &StoredRound,
        rankable: &[i64],
        openings: &[RoundOpening],
    ) -> Result<ResearcherChoices, CatalogError> {
        let mine = Only::Account(viewer.account_id);
        let ranking = self.db.round_rankings(round.id, Side::Researcher, mine).await?.into_iter().next();
        let ranking = ranking.map(|(_, ranked)| ranked).unwrap_or_default();
        let participant = self.db.round_participants(round.id, mine).await?.into_iter().next();
        let named = |id: &i64| openings.iter().find(|o| o.id == *id).cloned();
        let mut ordered: Vec<RoundOpening> = ranking.iter().filter_map(named).collect();
        let ranked = ordered.len();
        ordered.extend(rankable.iter().filter(|id| !ranking.contains(id)).filter_map(named));
        let result = if round.state == model::round::RoundState::Published {
            self.researcher_result(round, viewer.account_id, openings).await?
        } else {
            None
        };
        Ok(ResearcherChoices { openings: ordered, ranked, ranked_at: participant.and_then(|p| p.ranked_at), result })
    }

    async fn opening_ranking(
        &self,
        round: &StoredRound,
        opening: &RoundOpening,
    ) -> Result<OpeningRanking, CatalogError> {
        let accounts = self.rankable_applicants(round, opening.id).await?;
        let names = self.db.accounts_by_ids(&accounts).await?;
        let person = |id: &i64| names.get(id).map(|a| RoundApplicant { account_id: *id, name: a.display_name.clone() });
        let ranking =
            self.db.round_rankings(round.id, Side::Opening, Only::Opening(opening.id)).await?.into_iter().next();
        let ranking = ranking.map(|(_, ranked)| ranked).unwrap_or_default();
        let mut applicants: Vec<RoundApplicant> = ranking.iter().filter_map(person).collect();
        applicants.extend(accounts.iter().filter(|a| !ranking.contains(a)).filter_map(person));
        let matched = if round.state == model::round::RoundState::Published {
            let matched = self.db.round_participants(round.id, Only::Opening(opening.id)).await?;
            let ids: Vec<i64> = matched.iter().map(|p| p.account_id).collect();
            let names = self.db.accounts_by_ids(&ids).await?;
            ids.iter()
                .filter_map(|id| {
                    names.get(id).map(|a| RoundApplicant { account_id: *id, name: a.display_name.clone() })
                })
                .collect()
        } else {
            Vec::new()
        };
        Ok(OpeningRanking { opening: opening.clone(), applicants, ranking, matched })
    }

    /// A researcher ranks the round's openings they may rank (best first), until the rankings
    /// close. [`CatalogError::Stale`] once they have.
    pub async fn rank_openings(&self, viewer: &Viewer, id: i64, ranking: &[i64]) -> Result<(), CatalogError> {
        let round = self.db.round(id).await?.ok_or(CatalogError::NotFound)?;
        let part = self.part(viewer, &round).await?;
        if part.rankable.is_empty() {
            return Err(CatalogError::NotFound);
        }
        if ranking.len() > round.max_ranking as usize || ranking.iter().any(|o| !part.rankable.contains(o)) {
            return Err(CatalogError::Invalid(vec![("ranking".into(), "round-error-too-long")]));
        }
        let tx = self.db.begin().await?;
        if !tx.hold_open_round(id, now()).await? {
            return Err(CatalogError::Stale);
        }
        tx.set_ranking(id, db::Side::Researcher, viewer.account_id, ranking, now()).await?;
        audit(&tx, viewer.account_id, AuditAction::RoundRanked, ("round", id), db::Side::Researcher.code()).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A member ranks the applicants of one of their institution's openings in the round (best
    /// first; the others are not acceptable), until the rankings close.
    pub async fn rank_applicants(
        &self,
        viewer: &Viewer,
        id: i64,
        opening: i64,
        ranking: &[i64],
    ) -> Result<(), CatalogError> {
        let round = self.db.round(id).await?.ok_or(CatalogError::NotFound)?;
        if !self.part(viewer, &round).await?.member_of.contains(&opening) {
            return Err(CatalogError::NotFound);
        }
        let applicants = self.rankable_applicants(&round, opening).await?;
        if ranking.iter().any(|a| !applicants.contains(a)) {
            return Err(CatalogError::Invalid(vec![("ranking".into(), "form-error-choose")]));
        }
        let tx = self.db.begin().await?;
        if !tx.hold_open_round(id, now()).await? {
            return Err(CatalogError::Stale);
        }
        tx.set_ranking(id, db::Side::Opening, opening, ranking, now()).await?;
        audit(&tx, viewer.account_id, AuditAction::RoundRanked, ("round", id), db::Side::Opening.code()).await?;
        tx.commit().await?;
        Ok(())
    }
}

/// A round's name in `lang`, else in any language it has.
pub(crate) fn round_name(round: &StoredRound, lang: Lang) -> String {
    round.name.get(&lang).or_else(|| round.name.values().next()).cloned().unwrap_or_default()
}
