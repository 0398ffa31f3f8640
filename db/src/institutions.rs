//! Institutions as the platform runs them: verification, who belongs to which (found by their
//! e-mail domain), and the audit log of what admins did.

use std::collections::HashMap;

use model::account::{
    AuditAction, AuditEntry, InstitutionMembers, InstitutionOverview, InstitutionRef, InstitutionRole, MemberView,
    Membership,
};
use model::record::InstitutionRecord;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, SqlErr,
};

use crate::accounts::Time;
use crate::convert::{institution_record, new_institution, rfc3339, row_id};
use crate::entity::{account, audit_log, institution, membership, membership_removal, opening};
use crate::{Db, DbError};

pub(crate) fn institution_ref(row: &institution::Model) -> Result<InstitutionRef, DbError> {
    Ok(InstitutionRef {
        slug: row.slug.clone(),
        name: institution_record(row)?.name,
        verified: row.verified_at.is_some(),
        country: row.country.clone(),
        city: row.city.clone(),
    })
}

/// An audit log line to write.
pub struct AuditRecord<'a> {
    /// The acting account; `None` for the system.
    pub actor: Option<i64>,
    pub action: AuditAction,
    pub target_kind: &'a str,
    pub target_id: i64,
    pub detail: &'a str,
}

impl Db {
    pub(crate) async fn institution_by_slug(&self, slug: &str) -> Result<Option<institution::Model>, DbError> {
        Ok(institution::Entity::find().filter(institution::Column::Slug.eq(slug)).one(&self.conn()).await?)
    }

    /// Adds an unverified institution on `record`'s domain, under its slug or the first free one
    /// after it (`etsmtl-2`…); returns the slug. `None` when an institution has that domain.
    pub async fn add_institution(&self, record: &InstitutionRecord, now: Time) -> Result<Option<String>, DbError> {
        let on_domain = institution::Entity::find().filter(institution::Column::Domain.eq(record.domain.as_str()));
        if on_domain.count(&self.conn()).await? > 0 {
            return Ok(None);
        }
        let mut slug = record.slug.clone();
        let mut number = 1;
        while self.institution_by_slug(&slug).await?.is_some() {
            number += 1;
            slug = format!("{}-{number}", record.slug);
        }
        new_institution(record, &slug, now).insert(&self.conn()).await?;
        Ok(Some(slug))
    }

    /// The id of the opening `external_id` of the institution `slug`.
    pub async fn opening_id(&self, slug: &str, external_id: &str) -> Result<Option<i64>, DbError> {
        let Some(institution) = self.institution_by_slug(slug).await? else { return Ok(None) };
        let row = opening::Entity::find()
            .filter(opening::Column::InstitutionId.eq(institution.id))
            .filter(opening::Column::ExternalId.eq(external_id))
            .one(&self.conn())
            .await?;
        Ok(row.map(|row| i64::from(row.id)))
    }

    /// The institution with this slug as a record carries it, and whether it is verified.
    pub async fn institution_record(&self, slug: &str) -> Result<Option<(InstitutionRecord, bool)>, DbError> {
        let Some(row) = self.institution_by_slug(slug).await? else { return Ok(None) };
        Ok(Some((institution_record(&row)?, row.verified_at.is_some())))
    }

    /// Institutions whose domain is one of `domains` (see `model::account::email_domains`).
    pub async fn institutions_of_domains(&self, domains: &[&str]) -> Result<Vec<InstitutionRef>, DbError> {
        let rows = institution::Entity::find()
            .filter(institution::Column::Domain.is_in(domains.iter().map(|d| d.to_string())))
            .order_by_asc(institution::Column::Slug)
            .all(&self.conn())
            .await?;
        rows.iter().map(institution_ref).collect()
    }

    /// Makes the account a member of the institution (an existing membership is kept as it is).
    /// Returns the institution's id, or `None` when there is no such institution.
    pub async fn join_institution(
        &self,
        account_id: i64,
        slug: &str,
        role: InstitutionRole,
        now: Time,
    ) -> Result<Option<i64>, DbError> {
        let Some(institution) = self.institution_by_slug(slug).await? else { return Ok(None) };
        let row = membership::ActiveModel {
            account_id: Set(row_id(account_id)),
            institution_id: Set(institution.id),
            role: Set(role.code().to_string()),
            created_at: Set(now),
            ..Default::default()
        };
        match row.insert(&self.conn()).await {
            Ok(_) => Ok(Some(i64::from(institution.id))),
            Err(err) if matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                Ok(Some(i64::from(institution.id)))
            }
            Err(err) => Err(err.into()),
        }
    }

    pub async fn memberships_of(&self, account_id: i64) -> Result<Vec<Membership>, DbError> {
        let rows = membership::Entity::find()
            .filter(membership::Column::AccountId.eq(row_id(account_id)))
            .find_also_related(institution::Entity)
            .order_by_asc(membership::Column::Id)
            .all(&self.conn())
            .await?;
        let mut memberships = Vec::with_capacity(rows.len());
        for (row, institution) in rows {
            let Some(institution) = institution else { continue };
            let role = InstitutionRole::from_code(&row.role)
                .ok_or_else(|| DbError::Corrupt { id: i64::from(row.id), reason: "unknown membership role".into() })?;
            memberships.push(Membership { institution: institution_ref(&institution)?, role });
        }
        Ok(memberships)
    }

    /// Sets a member's role; `false` when the account is not a member there.
    pub async fn set_member_role(&self, account_id: i64, slug: &str, role: InstitutionRole) -> Result<bool, DbError> {
        let Some(institution) = self.institution_by_slug(slug).await? else { return Ok(false) };
        let updated = membership::Entity::update_many()
            .col_expr(membership::Column::Role, Expr::value(role.code()))
            .filter(membership::Column::AccountId.eq(row_id(account_id)))
            .filter(membership::Column::InstitutionId.eq(institution.id))
            .exec(&self.conn())
            .await?;
        Ok(updated.rows_affected == 1)
    }

    /// Marks the institution verified; its id, or `None` when there is no such institution.
    pub async fn verify_institution(&self, slug: &str, now: Time) -> Result<Option<i64>, DbError> {
        let Some(row) = self.institution_by_slug(slug).await? else { return Ok(None) };
        let id = row.id;
        let mut active: institution::ActiveModel = row.into();
        active.verified_at = Set(Some(now));
        active.update(&self.conn()).await?;
        Ok(Some(i64::from(id)))
    }

    /// Every institution with its number of members and openings, by slug.
    pub async fn institutions_overview(&self) -> Result<Vec<InstitutionOverview>, DbError> {
        let rows = institution::Entity::find().order_by_asc(institution::Column::Slug).all(&self.conn()).await?;
        let members: Vec<(i32, i64)> = membership::Entity::find()
            .select_only()
            .column(membership::Column::InstitutionId)
            .column_as(membership::Column::Id.count(), "count")
            .group_by(membership::Column::InstitutionId)
            .into_tuple()
            .all(&self.conn())
            .await?;
        let openings: Vec<(i32, i64)> = opening::Entity::find()
            .select_only()
            .column(opening::Column::InstitutionId)
            .column_as(opening::Column::Id.count(), "count")
            .group_by(opening::Column::InstitutionId)
            .into_tuple()
            .all(&self.conn())
            .await?;
        let by_institution = |pairs: Vec<(i32, i64)>| -> HashMap<i32, u64> {
            pairs.into_iter().map(|(id, n)| (id, u64::try_from(n).unwrap_or(0))).collect()
        };
        let (members, openings) = (by_institution(members), by_institution(openings));
        rows.iter()
            .map(|row| {
                Ok(InstitutionOverview {
                    institution: institution_ref(row)?,
                    domain: row.domain.clone(),
                    country: row.country.clone(),
                    members: members.get(&row.id).copied().unwrap_or(0),
                    openings: openings.get(&row.id).copied().unwrap_or(0),
                })
            })
            .collect()
    }

    pub async fn record_audit(&self, record: AuditRecord<'_>, now: Time) -> Result<(), DbError> {
        audit_log::ActiveModel {
            actor_id: Set(record.actor.and_then(|id| i32::try_from(id).ok())),
            action: Set(record.action.code().to_string()),
            target_kind: Set(record.target_kind.to_string()),
            target_id: Set(record.target_id),
            detail: Set(record.detail.to_string()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&self.conn())
        .await?;
        Ok(())
    }

    /// The newest `limit` lines, optionally of one action and by one actor (address).
    pub async fn audit_log(
        &self,
        action: Option<AuditAction>,
        actor_email: Option<&str>,
        limit: u64,
    ) -> Result<Vec<AuditEntry>, DbError> {
        let mut query = audit_log::Entity::find().order_by_desc(audit_log::Column::Id).limit(limit);
        if let Some(action) = action {
            query = query.filter(audit_log::Column::Action.eq(action.code()));
        }
        if let Some(email) = actor_email {
            let actor = account::Entity::find().filter(account::Column::Email.eq(email)).one(&self.conn()).await?;
            let Some(actor) = actor else { return Ok(Vec::new()) };
            query = query.filter(audit_log::Column::ActorId.eq(actor.id));
        }
        let rows = query.all(&self.conn()).await?;
        let actor_ids: Vec<i32> = rows.iter().filter_map(|row| row.actor_id).collect();
        let emails = self.emails_of(actor_ids).await?;
        Ok(rows
            .into_iter()
            .map(|row| AuditEntry {
                id: i64::from(row.id),
                at: rfc3339(row.created_at),
                actor: row.actor_id.and_then(|id| emails.get(&id).cloned()),
                action: row.action,
                target: format!("{} {}", row.target_kind, row.target_id),
                detail: row.detail,
            })
            .collect())
    }

    /// The institution and its members (admins first, then by when they joined), and the
    /// accounts it removed (newest first), or `None`.
    pub async fn institution_members(&self, slug: &str) -> Result<Option<InstitutionMembers>, DbError> {
        let Some(institution) = self.institution_by_slug(slug).await? else { return Ok(None) };
        let rows = membership::Entity::find()
            .filter(membership::Column::InstitutionId.eq(institution.id))
            .order_by_asc(membership::Column::Id)
            .all(&self.conn())
            .await?;
        let members = rows
            .iter()
            .filter_map(|row| Some((row.account_id, InstitutionRole::from_code(&row.role)?, row.created_at)));
        let mut members = self.member_views(members.collect()).await?;
        members.sort_by_key(|member| member.role != InstitutionRole::Admin);
        let removals = membership_removal::Entity::find()
            .filter(membership_removal::Column::InstitutionId.eq(institution.id))
            .order_by_desc(membership_removal::Column::Id)
            .all(&self.conn())
            .await?;
        let removed = removals.iter().map(|row| (row.account_id, InstitutionRole::Member, row.created_at)).collect();
        let removed = self.member_views(removed).await?;
        Ok(Some(InstitutionMembers { institution: institution_ref(&institution)?, members, removed }))
    }

    /// The accounts of the institution `slug`'s members (to e-mail them).
    pub async fn member_accounts(&self, slug: &str) -> Result<Vec<crate::Account>, DbError> {
        let Some(institution) = self.institution_by_slug(slug).await? else { return Ok(Vec::new()) };
        let members = membership::Entity::find().filter(membership::Column::InstitutionId.eq(institution.id));
        let ids: Vec<i32> = members.all(&self.conn()).await?.into_iter().map(|row| row.account_id).collect();
        let accounts = account::Entity::find().filter(account::Column::Id.is_in(ids)).all(&self.conn()).await?;
        accounts.into_iter().filter(|row| row.suspended_at.is_none()).map(crate::accounts::account_of).collect()
    }

    /// The accounts of `(account, role, since)` rows as lists show them, in the same order.
    async fn member_views(&self, rows: Vec<(i32, InstitutionRole, Time)>) -> Result<Vec<MemberView>, DbError> {
        let accounts: HashMap<i32, account::Model> = account::Entity::find()
            .filter(account::Column::Id.is_in(rows.iter().map(|(id, _, _)| *id)))
            .all(&self.conn())
            .await?
            .into_iter()
            .map(|row| (row.id, row))
            .collect();
        Ok(rows
            .into_iter()
            .filter_map(|(id, role, since)| {
                let account = accounts.get(&id)?;
                Some(MemberView {
                    account_id: i64::from(account.id),
                    email: account.email.clone(),
                    display_name: account.display_name.clone(),
                    role,
                    joined_at: rfc3339(since),
                })
            })
            .collect())
    }

    /// Ends an account's membership and remembers the removal, so that the account cannot join
    /// again by itself (see [`Db::was_removed`]); `false` when it was not a member there.
    pub async fn remove_member(
        &self,
        account_id: i64,
        slug: &str,
        removed_by: i64,
        now: Time,
    ) -> Result<bool, DbError> {
        let Some(institution) = self.institution_by_slug(slug).await? else { return Ok(false) };
        let deleted = membership::Entity::delete_many()
            .filter(membership::Column::AccountId.eq(row_id(account_id)))
            .filter(membership::Column::InstitutionId.eq(institution.id))
            .exec(&self.conn())
            .await?;
        if deleted.rows_affected != 1 {
            return Ok(false);
        }
        let removal = membership_removal::ActiveModel {
            account_id: Set(row_id(account_id)),
            institution_id: Set(institution.id),
            removed_by: Set(Some(row_id(removed_by))),
            created_at: Set(now),
            ..Default::default()
        };
        match removal.insert(&self.conn()).await {
            Ok(_) => Ok(true),
            Err(err) if matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => Ok(true),
            Err(err) => Err(err.into()),
        }
    }

    /// Whether the institution removed the account (and nobody let it back in).
    pub async fn was_removed(&self, account_id: i64, slug: &str) -> Result<bool, DbError> {
        let Some(institution) = self.institution_by_slug(slug).await? else { return Ok(false) };
        Ok(membership_removal::Entity::find()
            .filter(membership_removal::Column::AccountId.eq(row_id(account_id)))
            .filter(membership_removal::Column::InstitutionId.eq(institution.id))
            .count(&self.conn())
            .await?
            > 0)
    }

    /// Lets a removed account back in, as a member; `false` when it had not been removed.
    pub async fn readmit_member(&self, account_id: i64, slug: &str, now: Time) -> Result<bool, DbError> {
        let Some(institution) = self.institution_by_slug(slug).await? else { return Ok(false) };
        let deleted = membership_removal::Entity::delete_many()
            .filter(membership_removal::Column::AccountId.eq(row_id(account_id)))
            .filter(membership_removal::Column::InstitutionId.eq(institution.id))
            .exec(&self.conn())
            .await?;
        if deleted.rows_affected == 0 {
            return Ok(false);
        }
        self.join_institution(account_id, slug, InstitutionRole::Member, now).await?;
        Ok(true)
    }

    pub async fn count_members(&self, slug: &str) -> Result<u64, DbError> {
        let Some(institution) = self.institution_by_slug(slug).await? else { return Ok(0) };
        Ok(membership::Entity::find()
            .filter(membership::Column::InstitutionId.eq(institution.id))
            .count(&self.conn())
            .await?)
    }
}
