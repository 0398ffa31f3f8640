//! Candidates for an opening, for its institution's members: the researchers who show their
//! profile to every verified institution, ranked for the opening by the recommendations'
//! function in the other direction — the opening's topics reach profiles through the profile
//! index (`search::candidates`), and each candidate's topic score is multiplied by
//! `model::fit::assess` of their profile against the opening — with the same reasons, told to
//! the institution. A member may invite a candidate to apply (an e-mail in the researcher's
//! language); an invitation is sent once per opening and researcher.

use model::Lang;
use model::account::{AuditAction, Viewer};
use model::candidate::{CandidateView, OpeningCandidates};
use model::fit::{OpeningFacts, assess};
use model::profile::Profile;
use model::url::route;
use search::{CandidateQuery, MAX_CANDIDATES, Recommendation};

use crate::reading::blocking;
use crate::recommendations::{Perspective, reasons};
use crate::{Catalog, CatalogError, audit, now};

/// Candidates shown on an opening's page of candidates.
pub const CANDIDATES_SHOWN: usize = 20;

/// Whether `viewer` is a member of the institution named `slug`, and whether it is verified.
fn membership(viewer: &Viewer, slug: &str) -> Option<bool> {
    viewer.memberships.iter().find(|m| m.institution.slug == slug).map(|m| m.institution.verified)
}

impl Catalog {
    /// The candidates for opening `id`, best first, with their reasons in `lang`, for a member
    /// of its institution ([`CatalogError::NotFound`] for anyone else). An institution not
    /// verified yet sees none: profiles are shown to verified institutions only.
    pub async fn candidates_for(
        &self,
        viewer: &Viewer,
        id: i64,
        lang: Lang,
        limit: usize,
    ) -> Result<OpeningCandidates, CatalogError> {
        let posting = self.db.posting(id).await?.ok_or(CatalogError::NotFound)?;
        let verified = membership(viewer, &posting.institution.slug).ok_or(CatalogError::NotFound)?;
        let record = posting.working().clone();
        let mut page = OpeningCandidates {
            opening_id: id,
            title: record.title.clone(),
            original: record.original_language,
            institution_verified: verified,
            candidates: Vec::new(),
        };
        if !verified {
            return Ok(page);
        }
        let ranked = self.rank_candidates(id, &record, lang, limit).await?;
        let ids: Vec<i64> = ranked.iter().map(|(id, ..)| *id).collect();
        let accounts = self.db.accounts_by_ids(&ids).await?;
        let invited = self.db.invited_to(id).await?;
        for (account_id, score, profile, reasons) in ranked {
            let Some(account) = accounts.get(&account_id) else { continue };
            let cv_id = self.db.profile(account_id).await?.and_then(|stored| stored.cv).map(|cv| cv.id);
            page.candidates.push(CandidateView {
                account_id,
                display_name: account.display_name.clone(),
                profile,
                cv_id,
                score,
                reasons,
                invited: invited.contains(&account_id),
            });
        }
        Ok(page)
    }

    /// The `limit` best candidates for the opening `record` (id `id`): each researcher, their
    /// score, profile and reasons in `lang`. Researchers who applied already are not proposed.
    pub async fn rank_candidates(
        &self,
        id: i64,
        record: &model::record::OpeningRecord,
        lang: Lang,
        limit: usize,
    ) -> Result<Vec<(i64, f32, Profile, Vec<model::dto::Reason>)>, CatalogError> {
        let index = self.profiles.as_ref().ok_or(CatalogError::NoIndex)?.index();
        let applied = self.db.applicants_of(id).await?;
        let opening = record.clone();
        let found = blocking(move || {
            let request = CandidateQuery { opening: &opening, lang, limit: MAX_CANDIDATES, exclude: &applied };
            index.candidates(&request)
        })
        .await??;
        // The profiles as they are now (one may have been hidden since the index saw it).
        let ids: Vec<i64> = found.iter().map(|candidate| candidate.id).collect();
        let profiles: std::collections::HashMap<i64, Profile> =
            self.db.proposable_profiles(&ids).await?.into_iter().collect();
        let facts = OpeningFacts::of(record);
        let mut ranked: Vec<(i64, f32, Profile, Vec<model::dto::Reason>)> = found
            .into_iter()
            .filter_map(|candidate| {
                let profile = profiles.get(&candidate.id)?.clone();
                let (factor, findings) = assess(&profile, &facts);
                let score = candidate.topic * factor;
                let hit = Recommendation { id: candidate.id, score, topics: candidate.topics, findings };
                Some((candidate.id, score, profile, reasons(&hit, lang, Perspective::Institution)))
            })
            .collect();
        // Best first; ties by account, so that the list is stable.
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(limit);
        Ok(ranked)
    }

    /// A member of opening `id`'s institution invites researcher `account_id` (a candidate) to
    /// apply: an e-mail in the researcher's language, once per opening and researcher.
    /// [`CatalogError::NotFound`] for anyone else, or for a researcher who is not a candidate.
    pub async fn invite_candidate(&self, viewer: &Viewer, id: i64, account_id: i64) -> Result<(), CatalogError> {
        let opening = self.db.opening(id).await?.ok_or(CatalogError::NotFound)?;
        if membership(viewer, &opening.record.institution.slug) != Some(true) {
            return Err(CatalogError::NotFound);
        }
        if self.db.proposable_profiles(&[account_id]).await?.is_empty() {
            return Err(CatalogError::NotFound);
        }
        let researcher = self.db.account(account_id).await?.ok_or(CatalogError::NotFound)?;
        let tx = self.db.begin().await?;
        if tx.invite(id, account_id, viewer.account_id, now()).await? {
            audit(&tx, viewer.account_id, AuditAction::CandidateInvited, ("opening", id), "").await?;
            let reader = researcher.lang;
            let title = model::lang::pick(&opening.record.title, reader, opening.record.original_language)
                .map_or_else(String::new, |(_, title)| title.to_string());
            let institution = opening.record.institution.name_in(reader, opening.record.original_language);
            let link = self.link_for(&researcher, route::OPENING, &[&id]);
            let args = vec![("title", title.into()), ("institution", institution.into()), ("link", link.into())];
            self.queue_mail(&tx, &researcher, "mail-invited-subject", "mail-invited-body", args).await?;
            tx.commit().await?;
            self.mail_queued();
        }
        Ok(())
    }
}
