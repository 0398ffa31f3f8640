//! Openings written on the site: where a posting is in its life, what moderators decide, and
//! who may edit a posting. The posting form is read in [`crate::posting_form`] (re-exported
//! here).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::account::{InstitutionRef, InstitutionRole, Viewer};
use crate::dto::OpeningDetail;
use crate::lang::{Lang, Texts};
use crate::record::OpeningRecord;

pub use crate::form_fields::{FieldProblems, LANGUAGE_ROWS, PostedFields};
pub use crate::posting_form::{MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS, posting_fields, read_posting, text_fields};

/// Where a posting (or an edit of a published one) is in its life. Only `Published` openings
/// are public.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PostingStatus {
    /// Saved by its poster, seen by nobody else.
    Draft,
    /// Waiting for a moderator.
    Pending,
    Published,
    /// Sent back by a moderator, with a reason; the poster may fix it and submit it again.
    Rejected,
    /// Withdrawn by its institution: no longer listed, its page says so.
    Closed,
}

impl PostingStatus {
    pub const ALL: [PostingStatus; 5] = [
        PostingStatus::Draft,
        PostingStatus::Pending,
        PostingStatus::Published,
        PostingStatus::Rejected,
        PostingStatus::Closed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PostingStatus::Draft => "draft",
            PostingStatus::Pending => "pending",
            PostingStatus::Published => "published",
            PostingStatus::Rejected => "rejected",
            PostingStatus::Closed => "closed",
        }
    }

    pub fn from_code(code: &str) -> Option<PostingStatus> {
        PostingStatus::ALL.into_iter().find(|status| status.code() == code)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            PostingStatus::Draft => "posting-status-draft",
            PostingStatus::Pending => "posting-status-pending",
            PostingStatus::Published => "posting-status-published",
            PostingStatus::Rejected => "posting-status-rejected",
            PostingStatus::Closed => "posting-status-closed",
        }
    }
}

/// Why a moderator sends a posting back. The poster reads it in their own language; the
/// moderator's note, in whatever language it was written, comes with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RejectReason {
    /// Key facts missing or unclear (what, who, when, funding).
    Incomplete,
    /// The versions in different languages say different things.
    Translations,
    /// Not a research exchange (a sales offer, a regular job, …).
    NotResearch,
    Misleading,
    /// Posted under an institution it does not belong to.
    WrongInstitution,
    Duplicate,
    Other,
}

impl RejectReason {
    pub const ALL: [RejectReason; 7] = [
        RejectReason::Incomplete,
        RejectReason::Translations,
        RejectReason::NotResearch,
        RejectReason::Misleading,
        RejectReason::WrongInstitution,
        RejectReason::Duplicate,
        RejectReason::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RejectReason::Incomplete => "incomplete",
            RejectReason::Translations => "translations",
            RejectReason::NotResearch => "not_research",
            RejectReason::Misleading => "misleading",
            RejectReason::WrongInstitution => "wrong_institution",
            RejectReason::Duplicate => "duplicate",
            RejectReason::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<RejectReason> {
        RejectReason::ALL.into_iter().find(|reason| reason.code() == code)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            RejectReason::Incomplete => "reject-reason-incomplete",
            RejectReason::Translations => "reject-reason-translations",
            RejectReason::NotResearch => "reject-reason-not-research",
            RejectReason::Misleading => "reject-reason-misleading",
            RejectReason::WrongInstitution => "reject-reason-wrong-institution",
            RejectReason::Duplicate => "reject-reason-duplicate",
            RejectReason::Other => "reject-reason-other",
        }
    }
}

/// The longest note a moderator may add to a decision.
pub const MAX_DECISION_NOTE_CHARS: usize = 2000;

/// A moderator's decision on a posting, as its poster reads it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub opening_id: i64,
    pub opening_title: Texts,
    pub approved: bool,
    /// A [`RejectReason`] code, for a rejection.
    pub reason: Option<String>,
    pub note: String,
    /// RFC 3339, UTC.
    pub at: String,
    /// Whether the poster had seen it before this page.
    pub seen: bool,
}

/// One of an institution's postings, as its members list them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostingSummary {
    pub id: i64,
    pub title: Texts,
    pub original_language: Lang,
    pub institution: InstitutionRef,
    pub status: PostingStatus,
    /// The state of an edit waiting on a published opening, if any.
    pub revision: Option<PostingStatus>,
    pub deadline: NaiveDate,
    /// RFC 3339, UTC.
    pub updated_at: String,
}

/// What a member's "Your openings" page shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostingDashboard {
    pub postings: Vec<PostingSummary>,
    /// The moderators' decisions on them, newest first.
    pub decisions: Vec<Decision>,
    /// New postings the viewer saved before every field read, the latest first.
    pub unfinished: Vec<UnfinishedDraft>,
}

/// A new posting saved as a draft before every field read, as its author lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnfinishedDraft {
    pub id: i64,
    pub institution: InstitutionRef,
    /// The titles typed so far, by language.
    pub title: Texts,
    pub original_language: Lang,
    /// RFC 3339, UTC.
    pub saved_at: String,
}

/// The most unfinished postings a member keeps at once.
pub const MAX_UNFINISHED: u64 = 20;

/// What of a posted posting form is kept as an unfinished posting: every field but the
/// form's own (its token, the button pressed, the unfinished posting's id).
pub fn unfinished_fields(fields: &[(String, String)]) -> Vec<(String, String)> {
    const FORM_OWN: [&str; 3] = ["csrf", "action", "draft"];
    fields.iter().filter(|(name, _)| !FORM_OWN.contains(&name.as_str())).cloned().collect()
}

/// The titles typed in an unfinished posting's `fields`, and the language it is written in
/// (English until one is chosen).
pub fn typed_titles(fields: &[(String, String)]) -> (Texts, Lang) {
    let form = PostedFields(fields);
    let titles = Lang::ALL
        .into_iter()
        .map(|lang| (lang, form.one(text_fields(lang).0).chars().take(MAX_TITLE_CHARS).collect::<String>()))
        .filter(|(_, title)| !title.is_empty())
        .collect();
    (titles, Lang::from_code(form.one("original_language")).unwrap_or(Lang::En))
}

/// A posting as its institution (and moderators) see it: the version being worked on, rendered
/// as researchers would see it, its status and the decisions on it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PostingView {
    pub id: i64,
    pub institution: InstitutionRef,
    pub status: PostingStatus,
    /// The state of an edit of a published opening; `detail` is then that edit.
    pub revision: Option<PostingStatus>,
    pub detail: OpeningDetail,
    pub decisions: Vec<Decision>,
    /// The viewer may edit and close it (a member who posted it, or the institution's admin).
    pub editable: bool,
    /// The viewer may approve or reject it (a platform admin, while it waits).
    pub reviewable: bool,
}

/// A posting waiting for a moderator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewItem {
    pub id: i64,
    pub title: Texts,
    pub original_language: Lang,
    pub institution: InstitutionRef,
    /// An edit of a published opening (rather than a new one).
    pub is_edit: bool,
    pub poster: String,
    /// RFC 3339, UTC.
    pub submitted_at: String,
}

/// Whether `viewer` may edit and close a posting of `institution` written by `author`: its
/// institution's admins may, and the member who wrote it.
pub fn may_edit(viewer: &Viewer, institution: &str, author: Option<i64>) -> bool {
    viewer.memberships.iter().any(|membership| {
        membership.institution.slug == institution
            && (membership.role == InstitutionRole::Admin || author == Some(viewer.account_id))
    })
}

/// Whether an edit changes what readers read (and so must be reviewed again before it shows):
/// titles, descriptions or keywords, in any language.
pub fn changes_text(before: &OpeningRecord, after: &OpeningRecord) -> bool {
    before.title != after.title || before.description != after.description || before.keywords != after.keywords
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::testing::record;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(name, value)| (name.to_string(), value.to_string())).collect()
    }

    #[test]
    fn an_unfinished_posting_keeps_the_fields_not_the_form_s_own() {
        let posted =
            pairs(&[("csrf", "t"), ("title_fr", "Capteurs"), ("action", "draft"), ("draft", "4"), ("fields", "1.3")]);
        assert_eq!(unfinished_fields(&posted), pairs(&[("title_fr", "Capteurs"), ("fields", "1.3")]));
    }

    #[test]
    fn an_unfinished_posting_is_listed_by_the_titles_typed() {
        let (titles, original) =
            typed_titles(&pairs(&[("title_fr", " Capteurs "), ("title_en", ""), ("original_language", "fr")]));
        assert_eq!(original, Lang::Fr);
        assert_eq!(titles.into_iter().collect::<Vec<_>>(), vec![(Lang::Fr, "Capteurs".to_string())]);
        let (titles, original) = typed_titles(&[]);
        assert!(titles.is_empty());
        assert_eq!(original, Lang::En, "before a language is chosen");
    }

    #[test]
    fn only_text_edits_need_another_review() {
        let before = record("x", "kaist", "Title");
        let mut after = before.clone();
        after.deadline = after.deadline.succ_opt().unwrap_or_default();
        after.positions += 1;
        assert!(!changes_text(&before, &after));
        after.title.insert(Lang::Fr, "Titre".into());
        assert!(changes_text(&before, &after));
    }
}
