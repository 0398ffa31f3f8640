//! What readers report and what platform admins do: reports on openings, suspending and
//! reinstating accounts, verifying institutions and naming their administrators; and the admin
//! area's lists. Every action is audited in its own transaction; a suspension ends the
//! account's sessions in the same one.

use model::account::{
    AccountSummary, AuditAction, AuditEntry, InstitutionMembers, InstitutionOverview, InstitutionRef, InstitutionRole,
    ReportReason, ReportView, Viewer, WaitingCounts, email_domains,
};
use model::posting::ReviewItem;

use crate::{Catalog, CatalogError, audit, now};

/// Lines of the admin area's lists shown at once.
const AUDIT_PAGE: u64 = 200;
const REPORTS_PAGE: u64 = 200;
const ACCOUNTS_PAGE: u64 = 50;
const QUEUE_PAGE: u64 = 100;

fn admin_only(viewer: &Viewer) -> Result<(), CatalogError> {
    if viewer.is_platform_admin() { Ok(()) } else { Err(CatalogError::Forbidden) }
}

/// What an admin wrote when suspending an account (`None` reinstates it).
pub type SuspensionReason<'a> = Option<&'a str>;

impl Catalog {
    /// A signed-in reader flags a published opening.
    pub async fn report_opening(
        &self,
        viewer: &Viewer,
        opening: i64,
        reason: ReportReason,
        details: &str,
    ) -> Result<(), CatalogError> {
        let tx = self.db.begin().await?;
        if tx.opening(opening).await?.is_none() {
            return Err(CatalogError::NotFound);
        }
        let time = now();
        let report = tx.file_report(opening, viewer.account_id, reason, details, time).await?;
        let detail = format!("report {report}: {}", reason.code());
        audit(&tx, viewer.account_id, AuditAction::ReportFiled, ("opening", opening), &detail).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Closes an open report. [`CatalogError::Stale`] when it was resolved already.
    pub async fn resolve_report(&self, admin: &Viewer, report: i64) -> Result<(), CatalogError> {
        admin_only(admin)?;
        let tx = self.db.begin().await?;
        let time = now();
        let opening = tx.resolve_report(report, admin.account_id, time).await?.ok_or(CatalogError::Stale)?;
        let detail = format!("opening {opening}");
        audit(&tx, admin.account_id, AuditAction::ReportResolved, ("report", report), &detail).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Suspends account `id` (with the reason shown to admins), which signs it out everywhere
    /// at once, or reinstates it (`None`). Returns the account's address.
    /// [`CatalogError::Forbidden`] for an admin's own account.
    pub async fn set_suspension(
        &self,
        admin: &Viewer,
        id: i64,
        reason: SuspensionReason<'_>,
    ) -> Result<String, CatalogError> {
        admin_only(admin)?;
        if id == admin.account_id {
            return Err(CatalogError::Forbidden);
        }
        let tx = self.db.begin().await?;
        let account = tx.account(id).await?.ok_or(CatalogError::NotFound)?;
        let time = now();
        tx.set_suspension(id, reason, time).await?;
        let (action, detail) = match reason {
            Some(reason) => (AuditAction::AccountSuspended, format!("{}: {reason}", account.email)),
            None => (AuditAction::AccountReinstated, account.email.clone()),
        };
        audit(&tx, admin.account_id, action, ("account", id), &detail).await?;
        // A suspended researcher is proposed to no institution; reinstated, again.
        let seq = tx.log_profile_change(id, time).await?;
        tx.commit().await?;
        self.profiles_indexed(seq, id).await;
        Ok(account.email)
    }

    /// Account `id`, for an admin's page about it.
    pub async fn account_for_admin(&self, admin: &Viewer, id: i64) -> Result<db::Account, CatalogError> {
        admin_only(admin)?;
        self.db.account(id).await?.ok_or(CatalogError::NotFound)
    }

    /// Marks the institution `slug` verified: its postings are published without review.
    pub async fn verify_institution(&self, admin: &Viewer, slug: &str) -> Result<(), CatalogError> {
        admin_only(admin)?;
        let tx = self.db.begin().await?;
        let time = now();
        let id = tx.verify_institution(slug, time).await?.ok_or(CatalogError::NotFound)?;
        audit(&tx, admin.account_id, AuditAction::InstitutionVerified, ("institution", id), slug).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Makes the member with address `email` an administrator of the institution `slug`.
    /// [`CatalogError::NotFound`] when no such account is a member there.
    pub async fn name_institution_admin(&self, admin: &Viewer, slug: &str, email: &str) -> Result<(), CatalogError> {
        admin_only(admin)?;
        let tx = self.db.begin().await?;
        let member = tx.account_by_email(email).await?.ok_or(CatalogError::NotFound)?;
        if !tx.set_member_role(member.id, slug, InstitutionRole::Admin).await? {
            return Err(CatalogError::NotFound);
        }
        let detail = format!("{email} → admin of {slug}");
        audit(&tx, admin.account_id, AuditAction::MemberPromoted, ("account", member.id), &detail).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Every institution, for the admin area.
    pub async fn institutions_overview(&self, admin: &Viewer) -> Result<Vec<InstitutionOverview>, CatalogError> {
        admin_only(admin)?;
        Ok(self.db.institutions_overview().await?)
    }

    /// The newest lines of the audit log, optionally of one action and by one actor's address.
    pub async fn audit_log(
        &self,
        admin: &Viewer,
        action: Option<AuditAction>,
        actor: Option<&str>,
    ) -> Result<Vec<AuditEntry>, CatalogError> {
        admin_only(admin)?;
        Ok(self.db.audit_log(action, actor, AUDIT_PAGE).await?)
    }

    /// Reports nobody has resolved yet.
    pub async fn open_reports(&self, admin: &Viewer) -> Result<Vec<ReportView>, CatalogError> {
        admin_only(admin)?;
        Ok(self.db.open_reports(REPORTS_PAGE).await?)
    }

    /// Accounts whose address contains `query` (nothing for an empty query).
    pub async fn find_accounts(&self, admin: &Viewer, query: &str) -> Result<Vec<AccountSummary>, CatalogError> {
        admin_only(admin)?;
        if query.trim().is_empty() {
            return Ok(Vec::new());
        }
        Ok(self.db.find_accounts(query, ACCOUNTS_PAGE).await?)
    }

    /// How much waits for platform admins: postings to review, reports, institutions to verify.
    pub async fn waiting_counts(&self, admin: &Viewer) -> Result<WaitingCounts, CatalogError> {
        admin_only(admin)?;
        Ok(self.db.waiting_counts().await?)
    }

    /// What waits for a moderator, oldest first.
    pub async fn review_queue(&self, admin: &Viewer) -> Result<Vec<ReviewItem>, CatalogError> {
        admin_only(admin)?;
        Ok(self.db.review_queue(QUEUE_PAGE).await?)
    }

    /// An institution's members, for its administrators and platform admins; `None` for anyone
    /// else (as if it did not exist).
    pub async fn institution_members(
        &self,
        viewer: &Viewer,
        slug: &str,
    ) -> Result<Option<InstitutionMembers>, CatalogError> {
        if !viewer.runs_institution(slug) {
            return Ok(None);
        }
        Ok(self.db.institution_members(slug).await?)
    }

    /// Institutions `viewer` may join: those on their address's domain, not joined yet.
    pub async fn joinable_institutions(&self, viewer: &Viewer) -> Result<Vec<InstitutionRef>, CatalogError> {
        let found = self.db.institutions_of_domains(&email_domains(&viewer.email)).await?;
        let joined = |slug: &str| viewer.memberships.iter().any(|m| m.institution.slug == slug);
        Ok(found.into_iter().filter(|institution| !joined(&institution.slug)).collect())
    }
}
