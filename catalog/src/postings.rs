//! The life of an opening written on the site: saved as a draft, submitted, reviewed,
//! published, edited, closed. Each use case takes the acting viewer, checks what they may do,
//! and commits its writes with their audit entry, e-mail and change-log rows at once.
//!
//! - A new posting from a verified institution is published when submitted; one from an
//!   unverified institution waits for a moderator.
//! - An edit of a published opening that changes its text (titles, descriptions, keywords)
//!   waits for a moderator beside the published version, which readers keep seeing; other
//!   edits (dates, funding, places) show at once.
//! - A moderator approves or rejects what waits, with a reason its poster reads in their own
//!   language; each decision is kept, and is the poster's notification. Decisions are
//!   conditional: of two moderators deciding at once, one decides and the other is told.
//! - Who may see a posting: the member who wrote it, their institution's admins (who may both
//!   edit and close it) and platform admins (who review it). "Your openings" lists the same.

use chrono::NaiveDate;
use db::{Db, NewDecision, NewPosting, Posting};
use model::account::{AuditAction, Viewer};
use model::posting::{PostingDashboard, PostingStatus, PostingView, RejectReason, changes_text, may_edit};
use model::record::{InstitutionRecord, OpeningRecord};
use model::url::route;

use crate::{Catalog, CatalogError, audit, now};

/// What the poster pressed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveAction {
    /// Keep it to themselves for now.
    Draft,
    /// Send it to be published (or reviewed).
    Submit,
}

/// A moderator's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Approve,
    Reject(RejectReason),
}

/// States a posting can be closed from.
const OPEN_STATES: [PostingStatus; 4] =
    [PostingStatus::Draft, PostingStatus::Pending, PostingStatus::Published, PostingStatus::Rejected];
/// Decisions listed on "Your openings" and on a posting.
const DECISIONS_SHOWN: u64 = 20;

/// Whether `viewer` may write openings for the institution `slug`.
pub(crate) fn may_post(viewer: &Viewer, slug: &str) -> bool {
    viewer.email_confirmed && viewer.memberships.iter().any(|membership| membership.institution.slug == slug)
}

/// The audit entry of a save: only what reaches readers or moderators is written.
async fn audit_save(tx: &Db, actor: i64, id: i64, status: PostingStatus) -> Result<(), CatalogError> {
    match status {
        PostingStatus::Pending | PostingStatus::Published => {
            audit(tx, actor, AuditAction::OpeningSubmitted, ("opening", id), status.code()).await
        }
        _ => Ok(()),
    }
}

impl Catalog {
    /// The institution `slug` as a posting's record carries it, and whether it is verified.
    pub async fn institution_for_posting(&self, slug: &str) -> Result<Option<(InstitutionRecord, bool)>, CatalogError> {
        Ok(self.db.institution_record(slug).await?)
    }

    /// Creates a posting for the record's institution; its id and status. The viewer's
    /// unfinished posting `finishing` (that this one completes), if any, goes with it.
    pub async fn create_posting(
        &self,
        viewer: &Viewer,
        record: &OpeningRecord,
        action: SaveAction,
        finishing: Option<i64>,
    ) -> Result<(i64, PostingStatus), CatalogError> {
        let slug = &record.institution.slug;
        if !may_post(viewer, slug) {
            return Err(CatalogError::Forbidden);
        }
        let tx = self.db.begin().await?;
        let (_, verified) = tx.institution_record(slug).await?.ok_or(CatalogError::NotFound)?;
        let status = submitted_status(action, verified);
        let new = NewPosting { record, created_by: viewer.account_id, status };
        let id = tx.create_posting(new, now()).await?.ok_or(CatalogError::NotFound)?;
        audit_save(&tx, viewer.account_id, id, status).await?;
        if let Some(unfinished) = finishing {
            tx.discard_unfinished(viewer.account_id, unfinished).await?;
        }
        let seq = if status == PostingStatus::Published { tx.log_changes(&[id], now()).await? } else { 0 };
        tx.commit().await?;
        self.indexed(seq, &[id]).await;
        Ok((id, status))
    }

    /// Posting `id` when `viewer` may edit it: [`CatalogError::NotFound`] for those who may not
    /// see it, [`CatalogError::Forbidden`] for moderators, [`CatalogError::Stale`] once closed.
    pub async fn editable_posting(&self, viewer: &Viewer, id: i64) -> Result<Posting, CatalogError> {
        editable(&self.db, viewer, id).await
    }

    /// Saves an edit of posting `id`; returns where the edit now stands (for a published
    /// opening: `Published` when it shows at once, else the state of the edit waiting beside it).
    pub async fn update_posting(
        &self,
        viewer: &Viewer,
        id: i64,
        record: &OpeningRecord,
        action: SaveAction,
    ) -> Result<PostingStatus, CatalogError> {
        let tx = self.db.begin().await?;
        let posting = editable(&tx, viewer, id).await?;
        let (_, verified) = tx.institution_record(&posting.institution.slug).await?.ok_or(CatalogError::NotFound)?;
        // The form has no field for the city's names per language (an import's): they stay
        // while the city does.
        let mut record = record.clone();
        if record.location.city == posting.working().location.city {
            record.location.city_names.clone_from(&posting.working().location.city_names);
        }
        let record = &record;
        let time = now();
        let (status, published) = if posting.status != PostingStatus::Published {
            let status = submitted_status(action, verified);
            tx.save_posting(id, record, status, time).await?;
            (status, status == PostingStatus::Published)
        } else if *record == posting.record {
            tx.save_revision(id, None, time).await?;
            (PostingStatus::Published, false)
        } else {
            match action {
                SaveAction::Draft => {
                    tx.save_revision(id, Some((record, PostingStatus::Draft)), time).await?;
                    (PostingStatus::Draft, false)
                }
                SaveAction::Submit if changes_text(&posting.record, record) => {
                    tx.save_revision(id, Some((record, PostingStatus::Pending)), time).await?;
                    (PostingStatus::Pending, false)
                }
                SaveAction::Submit => {
                    tx.save_posting(id, record, PostingStatus::Published, time).await?;
                    (PostingStatus::Published, true)
                }
            }
        };
        // A published opening's own edits that show at once are not news to moderators.
        if posting.status != PostingStatus::Published || status == PostingStatus::Pending {
            audit_save(&tx, viewer.account_id, id, status).await?;
        }
        let seq = if published { tx.log_changes(&[id], time).await? } else { 0 };
        tx.commit().await?;
        self.indexed(seq, &[id]).await;
        Ok(status)
    }

    /// Withdraws posting `id`: it leaves the search at once, and its page says it is closed.
    pub async fn close_posting(&self, viewer: &Viewer, id: i64) -> Result<(), CatalogError> {
        let tx = self.db.begin().await?;
        editable(&tx, viewer, id).await?;
        if !tx.transition(id, &OPEN_STATES, PostingStatus::Closed, false).await? {
            return Err(CatalogError::Stale);
        }
        audit(&tx, viewer.account_id, AuditAction::OpeningClosed, ("opening", id), "").await?;
        let seq = tx.log_changes(&[id], now()).await?;
        tx.commit().await?;
        self.indexed(seq, &[id]).await;
        Ok(())
    }

    /// A moderator's decision on what of posting `id` waits for review: the new posting, or
    /// the edit of a published one. [`CatalogError::Stale`] when nothing waits any more
    /// (another moderator decided first): then nothing is written and nobody is e-mailed.
    pub async fn decide(&self, moderator: &Viewer, id: i64, verdict: Verdict, note: &str) -> Result<(), CatalogError> {
        if !moderator.is_platform_admin() {
            return Err(CatalogError::Forbidden);
        }
        let tx = self.db.begin().await?;
        let posting = tx.posting(id).await?.ok_or(CatalogError::NotFound)?;
        let edit_waits = posting.revision.as_ref().is_some_and(|(_, status)| *status == PostingStatus::Pending);
        let (to, revision) = match verdict {
            Verdict::Approve => (PostingStatus::Published, edit_waits),
            Verdict::Reject(_) => (PostingStatus::Rejected, edit_waits),
        };
        if (posting.status != PostingStatus::Pending && !edit_waits)
            || !tx.transition(id, &[PostingStatus::Pending], to, revision).await?
        {
            return Err(CatalogError::Stale);
        }
        let time = now();
        let published = to == PostingStatus::Published;
        if published && revision {
            // Read again now that the edit is ours: the poster may have changed it meanwhile.
            let claimed = tx.posting(id).await?.ok_or(CatalogError::NotFound)?;
            let edit = claimed.revision.map(|(edit, _)| edit).ok_or(CatalogError::Stale)?;
            tx.save_posting(id, &edit, PostingStatus::Published, time).await?;
        }
        let reason = match verdict {
            Verdict::Approve => None,
            Verdict::Reject(reason) => Some(reason),
        };
        let (action, detail) = match reason {
            None => (AuditAction::OpeningApproved, note.to_string()),
            Some(reason) => (AuditAction::OpeningRejected, format!("{}: {note}", reason.code())),
        };
        audit(&tx, moderator.account_id, action, ("opening", id), detail.trim_end_matches([':', ' '])).await?;
        if let Some(poster) = posting.created_by {
            let decision =
                NewDecision { opening_id: id, poster_id: poster, decided_by: moderator.account_id, reason, note };
            tx.record_decision(decision, time).await?;
            self.mail_decision(&tx, &posting, reason, note).await?;
        }
        let seq = if published { tx.log_changes(&[id], time).await? } else { 0 };
        tx.commit().await?;
        self.mail_queued();
        self.indexed(seq, &[id]).await;
        Ok(())
    }

    /// E-mails the decision to the poster, in their language.
    async fn mail_decision(
        &self,
        tx: &Db,
        posting: &Posting,
        reason: Option<RejectReason>,
        note: &str,
    ) -> Result<(), CatalogError> {
        let Some(poster) = posting.created_by else { return Ok(()) };
        let Some(account) = tx.account(poster).await? else { return Ok(()) };
        let working = posting.working();
        let title = model::lang::pick(&working.title, account.lang, working.original_language)
            .map_or("", |(_, title)| title)
            .to_string();
        let link = self.link_for(&account, route::POSTING, &[&posting.id]);
        let note = if note.is_empty() { "—" } else { note };
        let mut args = vec![("title", title.into()), ("link", link.into()), ("note", note.to_string().into())];
        let (subject, body) = match reason {
            None => ("mail-approved-subject", "mail-approved-body"),
            Some(reason) => {
                args.push(("reason", l10n::t(account.lang, reason.message_id()).into()));
                ("mail-rejected-subject", "mail-rejected-body")
            }
        };
        self.queue_mail(tx, &account, subject, body, args).await
    }

    /// "Your openings": the postings `viewer` may edit (all of their institutions' where they
    /// are an administrator, their own elsewhere) and the decisions on their own, which count
    /// as seen from now on.
    pub async fn dashboard(&self, viewer: &Viewer) -> Result<PostingDashboard, CatalogError> {
        use model::account::InstitutionRole;
        let slugs = |admin: bool| -> Vec<String> {
            viewer
                .memberships
                .iter()
                .filter(|membership| (membership.role == InstitutionRole::Admin) == admin)
                .map(|membership| membership.institution.slug.clone())
                .collect()
        };
        let postings = self.db.postings_of(&slugs(true), &slugs(false), viewer.account_id).await?;
        let decisions = self.db.decisions(None, Some(viewer.account_id), DECISIONS_SHOWN).await?;
        self.db.mark_decisions_seen(viewer.account_id, now()).await?;
        let unfinished = self.unfinished_postings(viewer).await?;
        Ok(PostingDashboard { postings, decisions, unfinished })
    }

    /// Posting `id` as `viewer` may see it (see the module's rule), rendered as readers would
    /// see it, with the decisions on it; `None` for anyone else.
    pub async fn posting_view(
        &self,
        viewer: &Viewer,
        id: i64,
        today: NaiveDate,
    ) -> Result<Option<PostingView>, CatalogError> {
        let Some(posting) = self.db.posting(id).await? else { return Ok(None) };
        let editable = may_edit(viewer, &posting.institution.slug, posting.created_by);
        let reviewable = viewer.is_platform_admin();
        if !editable && !reviewable {
            return Ok(None);
        }
        let decisions = self.db.decisions(Some(posting.id), None, DECISIONS_SHOWN).await?;
        let revision = posting.revision.as_ref().map(|(_, status)| *status);
        let withdrawn = posting.status == PostingStatus::Closed;
        let detail = crate::reading::detail(
            posting.id,
            posting.working().clone(),
            posting.published_at.unwrap_or(posting.created_at),
            today,
            withdrawn,
        );
        let waiting = posting.status == PostingStatus::Pending || revision == Some(PostingStatus::Pending);
        Ok(Some(PostingView {
            id: posting.id,
            institution: posting.institution,
            status: posting.status,
            revision,
            detail,
            decisions,
            editable: editable && !withdrawn,
            reviewable: reviewable && waiting,
        }))
    }
}

/// Posting `id` read through `db` (the pool or a transaction) when `viewer` may edit it.
async fn editable(db: &Db, viewer: &Viewer, id: i64) -> Result<Posting, CatalogError> {
    let posting = db.posting(id).await?.ok_or(CatalogError::NotFound)?;
    if !may_edit(viewer, &posting.institution.slug, posting.created_by) {
        return Err(if viewer.is_platform_admin() { CatalogError::Forbidden } else { CatalogError::NotFound });
    }
    if posting.status == PostingStatus::Closed {
        return Err(CatalogError::Stale);
    }
    Ok(posting)
}

/// The status of a posting (never published) when it is saved.
fn submitted_status(action: SaveAction, verified: bool) -> PostingStatus {
    match action {
        SaveAction::Draft => PostingStatus::Draft,
        SaveAction::Submit if verified => PostingStatus::Published,
        SaveAction::Submit => PostingStatus::Pending,
    }
}
