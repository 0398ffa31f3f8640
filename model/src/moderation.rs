//! What platform admins read and do: the audit log's lines and actions, readers' reports and
//! their reasons, and accounts as the admin area lists them.

use serde::{Deserialize, Serialize};

use crate::account::Role;
use crate::vocab::vocabulary;

/// One line of the audit log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    /// RFC 3339, UTC.
    pub at: String,
    /// The acting account's address; `None` for the system.
    pub actor: Option<String>,
    /// An [`AuditAction`] code.
    pub action: String,
    pub target: String,
    pub detail: String,
}

vocabulary! {
    /// What the audit log records. The code is stored; pages name it through Fluent
    /// (`audit-action-…`). Applications and profiles appear as events only: their contents
    /// are never written here.
    AuditAction {
        InstitutionVerified => "institution_verified", "audit-action-institution-verified";
        /// Someone added their institution, not on Passerelle yet, and became its administrator.
        InstitutionAdded => "institution_added", "audit-action-institution-added";
        MemberJoined => "member_joined", "audit-action-member-joined";
        MemberPromoted => "member_promoted", "audit-action-member-promoted";
        AccountSuspended => "account_suspended", "audit-action-account-suspended";
        AccountReinstated => "account_reinstated", "audit-action-account-reinstated";
        ReportResolved => "report_resolved", "audit-action-report-resolved";
        MemberRemoved => "member_removed", "audit-action-member-removed";
        /// A removed member let back in.
        MemberReadmitted => "member_readmitted", "audit-action-member-readmitted";
        /// Sent for review, or published at once (the detail says which).
        OpeningSubmitted => "opening_submitted", "audit-action-opening-submitted";
        OpeningApproved => "opening_approved", "audit-action-opening-approved";
        OpeningRejected => "opening_rejected", "audit-action-opening-rejected";
        OpeningClosed => "opening_closed", "audit-action-opening-closed";
        ReportFiled => "report_filed", "audit-action-report-filed";
        ProfileSaved => "profile_saved", "audit-action-profile-saved";
        CvUploaded => "cv_uploaded", "audit-action-cv-uploaded";
        ApplicationSent => "application_sent", "audit-action-application-sent";
        /// Moved by the institution, or answered by the researcher (the detail names the status).
        ApplicationMoved => "application_moved", "audit-action-application-moved";
        ApplicationWithdrawn => "application_withdrawn", "audit-action-application-withdrawn";
        /// A researcher set an opening aside from their recommendations.
        OpeningDismissed => "opening_dismissed", "audit-action-opening-dismissed";
        /// A person saved an opening to come back to, or took it off their list.
        OpeningBookmarked => "opening_bookmarked", "audit-action-opening-bookmarked";
        BookmarkRemoved => "bookmark_removed", "audit-action-bookmark-removed";
        /// An alert (saved search or profile alert) set up.
        AlertSaved => "alert_saved", "audit-action-alert-saved";
        /// An alert deleted by its owner, or through a digest's unsubscribe link.
        AlertDeleted => "alert_deleted", "audit-action-alert-deleted";
        /// A member invited a candidate to apply to an opening.
        CandidateInvited => "candidate_invited", "audit-action-candidate-invited";
        /// A matching round created (or the second round of one).
        RoundCreated => "round_created", "audit-action-round-created";
        /// A ranking submitted in a round (the detail says which side); never its contents.
        RoundRanked => "round_ranked", "audit-action-round-ranked";
        /// A round solved at its close (the detail gives how many were matched).
        RoundSolved => "round_solved", "audit-action-round-solved";
        RoundPublished => "round_published", "audit-action-round-published";
        /// A round's anonymised instance and result made public.
        RoundAnonymised => "round_anonymised", "audit-action-round-anonymised";
    }
}

/// Why a reader flags an opening.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReportReason {
    /// The text misleads (pay, conditions, who is hiring).
    Misleading,
    /// Filled or withdrawn, but still listed.
    NoLongerAvailable,
    Discriminatory,
    Spam,
    Other,
}

impl ReportReason {
    pub const ALL: [ReportReason; 5] = [
        ReportReason::Misleading,
        ReportReason::NoLongerAvailable,
        ReportReason::Discriminatory,
        ReportReason::Spam,
        ReportReason::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ReportReason::Misleading => "misleading",
            ReportReason::NoLongerAvailable => "unavailable",
            ReportReason::Discriminatory => "discriminatory",
            ReportReason::Spam => "spam",
            ReportReason::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<ReportReason> {
        ReportReason::ALL.into_iter().find(|reason| reason.code() == code)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            ReportReason::Misleading => "report-reason-misleading",
            ReportReason::NoLongerAvailable => "report-reason-unavailable",
            ReportReason::Discriminatory => "report-reason-discriminatory",
            ReportReason::Spam => "report-reason-spam",
            ReportReason::Other => "report-reason-other",
        }
    }
}

/// The longest explanation a report may carry.
pub const MAX_REPORT_DETAILS_CHARS: usize = 2000;

/// What waits for a platform admin, shown on the admin area's home page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitingCounts {
    pub postings_to_review: u64,
    pub open_reports: u64,
    pub institutions_to_verify: u64,
}

/// An open report, as the admin area lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportView {
    pub id: i64,
    pub opening_id: i64,
    pub opening_title: crate::Texts,
    /// A [`ReportReason`] code.
    pub reason: String,
    pub details: String,
    pub reporter: String,
    /// RFC 3339, UTC.
    pub at: String,
}

/// An account, as the admin area lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountSummary {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub email_confirmed: bool,
    /// Why it was suspended, when it is.
    pub suspension: Option<String>,
}
