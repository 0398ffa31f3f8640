//! What readers report and what admins do about people: reports against openings, and
//! suspending or reinstating accounts.

use std::collections::HashMap;

use model::account::{AccountSummary, ReportReason, ReportView, Role, WaitingCounts};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set};

use crate::accounts::Time;
use crate::convert::{rfc3339, row_id};
use crate::entity::{account, institution, opening, report};
use crate::{Db, DbError};

impl Db {
    /// What waits for a platform admin: postings to review, reports to handle, institutions to
    /// verify.
    pub async fn waiting_counts(&self) -> Result<WaitingCounts, DbError> {
        let conn = self.conn();
        Ok(WaitingCounts {
            postings_to_review: opening::Entity::find().filter(crate::postings::waiting()).count(&conn).await?,
            open_reports: report::Entity::find().filter(report::Column::ResolvedAt.is_null()).count(&conn).await?,
            institutions_to_verify: institution::Entity::find()
                .filter(institution::Column::VerifiedAt.is_null())
                .count(&conn)
                .await?,
        })
    }

    pub async fn file_report(
        &self,
        opening_id: i64,
        reporter_id: i64,
        reason: ReportReason,
        details: &str,
        now: Time,
    ) -> Result<i64, DbError> {
        let row = report::ActiveModel {
            opening_id: Set(row_id(opening_id)),
            reporter_id: Set(row_id(reporter_id)),
            reason: Set(reason.code().to_string()),
            details: Set(details.to_string()),
            created_at: Set(now),
            resolved_at: Set(None),
            resolved_by: Set(None),
            ..Default::default()
        }
        .insert(&self.conn())
        .await?;
        Ok(i64::from(row.id))
    }

    /// Reports nobody has resolved yet, oldest first.
    pub async fn open_reports(&self, limit: u64) -> Result<Vec<ReportView>, DbError> {
        let rows = report::Entity::find()
            .filter(report::Column::ResolvedAt.is_null())
            .order_by_asc(report::Column::Id)
            .limit(limit)
            .all(&self.conn())
            .await?;
        let openings: HashMap<i32, opening::Model> = opening::Entity::find()
            .filter(opening::Column::Id.is_in(rows.iter().map(|r| r.opening_id)))
            .all(&self.conn())
            .await?
            .into_iter()
            .map(|row| (row.id, row))
            .collect();
        let reporters = self.emails_of(rows.iter().map(|r| r.reporter_id)).await?;
        Ok(rows
            .into_iter()
            .map(|row| ReportView {
                id: i64::from(row.id),
                opening_id: i64::from(row.opening_id),
                opening_title: openings
                    .get(&row.opening_id)
                    .and_then(|o| serde_json::from_value(o.title.clone()).ok())
                    .unwrap_or_default(),
                reporter: reporters.get(&row.reporter_id).cloned().unwrap_or_default(),
                at: rfc3339(row.created_at),
                reason: row.reason,
                details: row.details,
            })
            .collect())
    }

    /// Closes an open report; the reported opening's id, or `None` when there was none open.
    pub async fn resolve_report(&self, id: i64, by: i64, now: Time) -> Result<Option<i64>, DbError> {
        let Some(row) = report::Entity::find_by_id(row_id(id)).one(&self.conn()).await? else { return Ok(None) };
        let resolved = report::Entity::update_many()
            .col_expr(report::Column::ResolvedAt, Expr::value(now))
            .col_expr(report::Column::ResolvedBy, Expr::value(row_id(by)))
            .filter(report::Column::Id.eq(row.id))
            .filter(report::Column::ResolvedAt.is_null())
            .exec(&self.conn())
            .await?;
        Ok((resolved.rows_affected == 1).then_some(i64::from(row.opening_id)))
    }

    /// Accounts whose address contains `query`, by address.
    pub async fn find_accounts(&self, query: &str, limit: u64) -> Result<Vec<AccountSummary>, DbError> {
        let rows = account::Entity::find()
            .filter(account::Column::Email.contains(query.trim().to_lowercase()))
            .order_by_asc(account::Column::Email)
            .limit(limit)
            .all(&self.conn())
            .await?;
        rows.into_iter()
            .map(|row| {
                let role = Role::from_code(&row.role)
                    .ok_or_else(|| DbError::Corrupt { id: i64::from(row.id), reason: "unknown role".into() })?;
                Ok(AccountSummary {
                    id: i64::from(row.id),
                    suspension: row.suspended_at.map(|_| row.suspension_reason.clone().unwrap_or_default()),
                    email: row.email,
                    display_name: row.display_name,
                    role,
                    email_confirmed: row.email_confirmed_at.is_some(),
                })
            })
            .collect()
    }

    /// Suspends (with `Some(reason)`) or reinstates (`None`) an account. A suspension ends
    /// every session of the account at once.
    pub async fn set_suspension(&self, id: i64, reason: Option<&str>, now: Time) -> Result<bool, DbError> {
        let Some(row) = account::Entity::find_by_id(row_id(id)).one(&self.conn()).await? else { return Ok(false) };
        let mut active: account::ActiveModel = row.into();
        active.suspended_at = Set(reason.map(|_| now));
        active.suspension_reason = Set(reason.map(str::to_string));
        active.update(&self.conn()).await?;
        if reason.is_some() {
            self.end_sessions_of(id).await?;
        }
        Ok(true)
    }
}
