//! The life of an opening written on the site, kept in step with the search index: saved as a
//! draft, submitted, reviewed, published, edited, closed.
//!
//! - A new posting from a verified institution is published when submitted; one from an
//!   unverified institution waits for a moderator.
//! - An edit of a published opening that changes its text (titles, descriptions, keywords)
//!   waits for a moderator beside the published version, which readers keep seeing; other
//!   edits (dates, funding, places) show at once.
//! - A moderator approves or rejects what waits, with a reason its poster reads in their own
//!   language; each decision is kept, and is the poster's notification.

use chrono::NaiveDate;
use db::{NewDecision, NewPosting, Posting};
use model::posting::{PostingStatus, PostingView, RejectReason, changes_text};
use model::record::OpeningRecord;

use crate::{Catalog, CatalogError};

type Time = chrono::DateTime<chrono::FixedOffset>;

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

impl Catalog {
    /// Creates a posting; its id and status, or `None` when its institution does not exist.
    pub async fn create_posting(
        &self,
        record: &OpeningRecord,
        author: i64,
        action: SaveAction,
        verified: bool,
        now: Time,
    ) -> Result<Option<(i64, PostingStatus)>, CatalogError> {
        let status = submitted_status(action, verified);
        let Some(id) = self.db.create_posting(NewPosting { record, created_by: author, status }, now).await? else {
            return Ok(None);
        };
        if status == PostingStatus::Published {
            self.refresh_index(id).await?;
        }
        Ok(Some((id, status)))
    }

    /// Saves an edit of `posting`; returns where the edit now stands (for a published opening:
    /// `Published` when it shows at once, else the state of the edit waiting beside it).
    pub async fn update_posting(
        &self,
        posting: &Posting,
        record: &OpeningRecord,
        action: SaveAction,
        verified: bool,
        now: Time,
    ) -> Result<PostingStatus, CatalogError> {
        let id = posting.id;
        if posting.status != PostingStatus::Published {
            let status = submitted_status(action, verified);
            self.db.save_posting(id, record, status, now).await?;
            if status == PostingStatus::Published {
                self.refresh_index(id).await?;
            }
            return Ok(status);
        }
        if *record == posting.record {
            self.db.save_revision(id, None, now).await?;
            return Ok(PostingStatus::Published);
        }
        match action {
            SaveAction::Draft => {
                self.db.save_revision(id, Some((record, PostingStatus::Draft)), now).await?;
                Ok(PostingStatus::Draft)
            }
            SaveAction::Submit if changes_text(&posting.record, record) => {
                self.db.save_revision(id, Some((record, PostingStatus::Pending)), now).await?;
                Ok(PostingStatus::Pending)
            }
            SaveAction::Submit => {
                self.db.save_posting(id, record, PostingStatus::Published, now).await?;
                self.refresh_index(id).await?;
                Ok(PostingStatus::Published)
            }
        }
    }

    /// Decides on what of `posting` waits for review. `false` when nothing waits.
    pub async fn decide(
        &self,
        posting: &Posting,
        moderator: i64,
        verdict: Verdict,
        note: &str,
        now: Time,
    ) -> Result<bool, CatalogError> {
        let id = posting.id;
        let waiting_edit = posting.revision.as_ref().filter(|(_, status)| *status == PostingStatus::Pending);
        match (posting.status, waiting_edit, verdict) {
            (PostingStatus::Pending, _, Verdict::Approve) => {
                self.db.set_posting_status(id, PostingStatus::Published, false).await?;
                self.refresh_index(id).await?;
            }
            (PostingStatus::Pending, _, Verdict::Reject(_)) => {
                self.db.set_posting_status(id, PostingStatus::Rejected, false).await?;
            }
            (_, Some((edit, _)), Verdict::Approve) => {
                self.db.save_posting(id, edit, PostingStatus::Published, now).await?;
                self.refresh_index(id).await?;
            }
            (_, Some(_), Verdict::Reject(_)) => {
                self.db.set_posting_status(id, PostingStatus::Rejected, true).await?;
            }
            _ => return Ok(false),
        }
        if let Some(poster) = posting.created_by {
            let reason = match verdict {
                Verdict::Approve => None,
                Verdict::Reject(reason) => Some(reason),
            };
            let decision = NewDecision { opening_id: id, poster_id: poster, decided_by: moderator, reason, note };
            self.db.record_decision(decision, now).await?;
        }
        Ok(true)
    }

    /// Withdraws a posting: it leaves the search at once, and its page says it is closed.
    pub async fn close_posting(&self, id: i64) -> Result<(), CatalogError> {
        self.db.set_posting_status(id, PostingStatus::Closed, false).await?;
        self.refresh_index(id).await
    }

    /// A posting as its institution and moderators see it: the version being worked on,
    /// rendered as readers would see it, and the decisions on it.
    pub async fn posting_view(
        &self,
        posting: Posting,
        editable: bool,
        reviewable: bool,
        today: NaiveDate,
    ) -> Result<PostingView, CatalogError> {
        let decisions = self.db.decisions(Some(posting.id), None, 20).await?;
        let revision = posting.revision.as_ref().map(|(_, status)| *status);
        let withdrawn = posting.status == PostingStatus::Closed;
        let detail = crate::detail(posting.id, posting.working().clone(), posting.created_at, today, withdrawn);
        let waiting = posting.status == PostingStatus::Pending || revision == Some(PostingStatus::Pending);
        Ok(PostingView {
            id: posting.id,
            institution: posting.institution,
            status: posting.status,
            revision,
            detail,
            decisions,
            editable: editable && !withdrawn,
            reviewable: reviewable && waiting,
        })
    }

    /// Puts the opening in the index when it is published, takes it out otherwise.
    async fn refresh_index(&self, id: i64) -> Result<(), CatalogError> {
        let stored = self.db.openings_by_ids(&[id]).await?;
        let index = std::sync::Arc::clone(&self.index);
        tokio::task::spawn_blocking(move || match stored.first() {
            Some(opening) => index.upsert([crate::indexed(opening)]),
            None => index.remove(&[id]),
        })
        .await??;
        Ok(())
    }
}

/// The status of a posting (never published) when it is saved.
fn submitted_status(action: SaveAction, verified: bool) -> PostingStatus {
    match action {
        SaveAction::Draft => PostingStatus::Draft,
        SaveAction::Submit if verified => PostingStatus::Published,
        SaveAction::Submit => PostingStatus::Pending,
    }
}
