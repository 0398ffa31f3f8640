//! Memberships: joining one's institution by the confirmed address's domain (or adding it when
//! it is not on Passerelle yet: its first administrator, until Passerelle verifies it), and what an
//! institution's administrators (or platform admins) do to its members. A removed member stays
//! out until an administrator lets them back in. Each change is audited in its transaction.

use model::account::{AuditAction, InstitutionRole, Viewer, email_domains};
use model::record::InstitutionRecord;

use crate::{Catalog, CatalogError, audit, now};

/// What an institution's administrator does to one of its members.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MemberChange {
    MakeAdmin,
    /// The account can no longer post for the institution (its postings stay), and cannot
    /// join again by itself.
    Remove,
    /// A removed account is let back in, as a member.
    Readmit,
}

impl MemberChange {
    /// The change as the last segment of its form's URL names it.
    pub fn from_code(code: &str) -> Option<MemberChange> {
        match code {
            "admin" => Some(MemberChange::MakeAdmin),
            "remove" => Some(MemberChange::Remove),
            "readmit" => Some(MemberChange::Readmit),
            _ => None,
        }
    }
}

/// Why joining was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JoinRefusal {
    /// Only a confirmed address shows where someone works.
    Unconfirmed,
    /// The address is not on the institution's domain (or there is no such institution).
    OtherDomain,
    /// The institution removed this account.
    Removed,
    /// (Adding an institution) one is on Passerelle with this domain already: join it.
    Listed,
}

impl JoinRefusal {
    /// The Fluent message that tells the person.
    pub fn message_id(self) -> &'static str {
        match self {
            JoinRefusal::Unconfirmed => "join-error-unconfirmed",
            JoinRefusal::OtherDomain => "join-error-domain",
            JoinRefusal::Removed => "join-error-removed",
            JoinRefusal::Listed => "institution-add-error-listed",
        }
    }
}

impl Catalog {
    /// Makes `viewer` a member of the institution `slug` when their confirmed address is on its
    /// domain (or a subdomain) and it has not removed them.
    pub async fn join_institution(&self, viewer: &Viewer, slug: &str) -> Result<Result<(), JoinRefusal>, CatalogError> {
        if !viewer.email_confirmed {
            return Ok(Err(JoinRefusal::Unconfirmed));
        }
        let tx = self.db.begin().await?;
        let allowed = tx.institutions_of_domains(&email_domains(&viewer.email)).await?;
        if !allowed.iter().any(|institution| institution.slug == slug) {
            return Ok(Err(JoinRefusal::OtherDomain));
        }
        if tx.was_removed(viewer.account_id, slug).await? {
            return Ok(Err(JoinRefusal::Removed));
        }
        let time = now();
        let id = tx.join_institution(viewer.account_id, slug, InstitutionRole::Member, time).await?;
        let Some(id) = id else { return Ok(Err(JoinRefusal::OtherDomain)) };
        let detail = format!("{} ({slug})", viewer.email);
        audit(&tx, viewer.account_id, AuditAction::MemberJoined, ("institution", id), &detail).await?;
        tx.commit().await?;
        Ok(Ok(()))
    }

    /// Adds the institution of `record` (read by `model::institution_form`, on the domain of
    /// the viewer's confirmed address), unverified, with the viewer as its administrator.
    /// Returns its slug.
    pub async fn add_institution(
        &self,
        viewer: &Viewer,
        record: &InstitutionRecord,
    ) -> Result<Result<String, JoinRefusal>, CatalogError> {
        if !viewer.email_confirmed {
            return Ok(Err(JoinRefusal::Unconfirmed));
        }
        if !model::institution_form::addable_domains(&viewer.email).contains(&record.domain.as_str()) {
            return Ok(Err(JoinRefusal::OtherDomain));
        }
        let tx = self.db.begin().await?;
        if !tx.institutions_of_domains(&email_domains(&viewer.email)).await?.is_empty() {
            return Ok(Err(JoinRefusal::Listed));
        }
        let time = now();
        let Some(slug) = tx.add_institution(record, time).await? else { return Ok(Err(JoinRefusal::Listed)) };
        let id = tx.join_institution(viewer.account_id, &slug, InstitutionRole::Admin, time).await?;
        let id = id.ok_or(CatalogError::NotFound)?;
        let detail = format!("{} ({slug}, {})", viewer.email, record.domain);
        audit(&tx, viewer.account_id, AuditAction::InstitutionAdded, ("institution", id), &detail).await?;
        tx.commit().await?;
        Ok(Ok(slug))
    }

    /// Changes the account `member`'s place at the institution `slug`, for the institution's
    /// administrators and platform admins. [`CatalogError::NotFound`] when there is nothing to
    /// change (not a member, or not removed, for a readmission).
    pub async fn change_member(
        &self,
        viewer: &Viewer,
        slug: &str,
        member: i64,
        change: MemberChange,
    ) -> Result<(), CatalogError> {
        if !viewer.runs_institution(slug) {
            return Err(CatalogError::Forbidden);
        }
        let tx = self.db.begin().await?;
        let time = now();
        let (done, action, detail) = match change {
            MemberChange::MakeAdmin => (
                tx.set_member_role(member, slug, InstitutionRole::Admin).await?,
                AuditAction::MemberPromoted,
                format!("admin of {slug}"),
            ),
            MemberChange::Remove => (
                tx.remove_member(member, slug, viewer.account_id, time).await?,
                AuditAction::MemberRemoved,
                slug.into(),
            ),
            MemberChange::Readmit => {
                (tx.readmit_member(member, slug, time).await?, AuditAction::MemberReadmitted, slug.into())
            }
        };
        if !done {
            return Err(CatalogError::NotFound);
        }
        audit(&tx, viewer.account_id, action, ("account", member), &detail).await?;
        tx.commit().await?;
        Ok(())
    }
}
