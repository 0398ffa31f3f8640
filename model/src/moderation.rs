//! What platform admins read and do: the audit log's lines and actions, readers' reports and
//! their reasons, and accounts as the admin area lists them.

use serde::{Deserialize, Serialize};

use crate::account::Role;

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

/// What the audit log records. The code is stored; pages name it through Fluent
/// (`audit-action-…`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditAction {
    InstitutionVerified,
    MemberJoined,
    MemberPromoted,
    AccountSuspended,
    AccountReinstated,
    ReportResolved,
    MemberRemoved,
    /// A removed member let back in.
    MemberReadmitted,
    /// Sent for review, or published at once (the detail says which).
    OpeningSubmitted,
    OpeningApproved,
    OpeningRejected,
    OpeningClosed,
    ReportFiled,
}

impl AuditAction {
    pub const ALL: [AuditAction; 13] = [
        AuditAction::InstitutionVerified,
        AuditAction::MemberJoined,
        AuditAction::MemberPromoted,
        AuditAction::AccountSuspended,
        AuditAction::AccountReinstated,
        AuditAction::ReportResolved,
        AuditAction::MemberRemoved,
        AuditAction::MemberReadmitted,
        AuditAction::OpeningSubmitted,
        AuditAction::OpeningApproved,
        AuditAction::OpeningRejected,
        AuditAction::OpeningClosed,
        AuditAction::ReportFiled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AuditAction::InstitutionVerified => "institution_verified",
            AuditAction::MemberJoined => "member_joined",
            AuditAction::MemberPromoted => "member_promoted",
            AuditAction::AccountSuspended => "account_suspended",
            AuditAction::AccountReinstated => "account_reinstated",
            AuditAction::ReportResolved => "report_resolved",
            AuditAction::MemberRemoved => "member_removed",
            AuditAction::MemberReadmitted => "member_readmitted",
            AuditAction::OpeningSubmitted => "opening_submitted",
            AuditAction::OpeningApproved => "opening_approved",
            AuditAction::OpeningRejected => "opening_rejected",
            AuditAction::OpeningClosed => "opening_closed",
            AuditAction::ReportFiled => "report_filed",
        }
    }

    pub fn from_code(code: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|action| action.code() == code)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            AuditAction::InstitutionVerified => "audit-action-institution-verified",
            AuditAction::MemberJoined => "audit-action-member-joined",
            AuditAction::MemberPromoted => "audit-action-member-promoted",
            AuditAction::AccountSuspended => "audit-action-account-suspended",
            AuditAction::AccountReinstated => "audit-action-account-reinstated",
            AuditAction::ReportResolved => "audit-action-report-resolved",
            AuditAction::MemberRemoved => "audit-action-member-removed",
            AuditAction::MemberReadmitted => "audit-action-member-readmitted",
            AuditAction::OpeningSubmitted => "audit-action-opening-submitted",
            AuditAction::OpeningApproved => "audit-action-opening-approved",
            AuditAction::OpeningRejected => "audit-action-opening-rejected",
            AuditAction::OpeningClosed => "audit-action-opening-closed",
            AuditAction::ReportFiled => "audit-action-report-filed",
        }
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
