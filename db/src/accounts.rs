//! Accounts, sessions, e-mailed tokens and the outbox. Callers hash secrets before they get
//! here: this module stores and compares hashes only. Times come from the caller, so that
//! expiry can be tested.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset};
use model::Lang;
use model::account::Role;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, QuerySelect, Set, SqlErr,
};

use crate::convert::row_id;
use crate::entity::{account, account_token, outbox, session};
use crate::{Db, DbError};

pub type Time = DateTime<FixedOffset>;

/// An account as the server works with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    pub id: i64,
    pub email: String,
    pub password_hash: String,
    pub display_name: String,
    pub lang: Lang,
    pub role: Role,
    pub email_confirmed: bool,
    pub suspended: bool,
}

pub(crate) fn account_of(row: account::Model) -> Result<Account, DbError> {
    let id = i64::from(row.id);
    let corrupt = |reason: &str| DbError::Corrupt { id, reason: reason.to_string() };
    Ok(Account {
        id,
        lang: Lang::from_code(&row.preferred_lang).ok_or_else(|| corrupt("unknown language"))?,
        role: Role::from_code(&row.role).ok_or_else(|| corrupt("unknown role"))?,
        email_confirmed: row.email_confirmed_at.is_some(),
        suspended: row.suspended_at.is_some(),
        email: row.email,
        password_hash: row.password_hash,
        display_name: row.display_name,
    })
}

pub struct NewAccount<'a> {
    /// Normalised (see `model::account::normalize_email`).
    pub email: &'a str,
    pub password_hash: &'a str,
    pub display_name: &'a str,
    pub lang: Lang,
    pub role: Role,
    pub email_confirmed: bool,
}

/// Why a one-time token was sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenPurpose {
    ConfirmEmail,
    ResetPassword,
}

impl TokenPurpose {
    fn code(self) -> &'static str {
        match self {
            TokenPurpose::ConfirmEmail => "confirm",
            TokenPurpose::ResetPassword => "reset",
        }
    }
}

/// An e-mail to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mail {
    pub recipient: String,
    pub lang: Lang,
    pub subject: String,
    pub body: String,
    /// For a digest: where one click unsubscribes (the `List-Unsubscribe` header, RFC 8058).
    pub unsubscribe: Option<String>,
}

/// An e-mail in the outbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueuedMail {
    pub id: i64,
    pub mail: Mail,
    pub created_at: Time,
    pub sent_at: Option<Time>,
    pub attempts: i32,
}

fn key(id: i64) -> Option<i32> {
    i32::try_from(id).ok()
}

impl Db {
    /// These accounts (those that exist), by id.
    pub async fn accounts_by_ids(&self, ids: &[i64]) -> Result<HashMap<i64, Account>, DbError> {
        let keys: Vec<i32> = ids.iter().filter_map(|id| key(*id)).collect();
        let rows = account::Entity::find().filter(account::Column::Id.is_in(keys)).all(&self.conn()).await?;
        rows.into_iter().map(|row| account_of(row).map(|account| (account.id, account))).collect()
    }

    /// The addresses of these accounts, by row id (for lists that name who did something).
    pub(crate) async fn emails_of(&self, ids: impl IntoIterator<Item = i32>) -> Result<HashMap<i32, String>, DbError> {
        Ok(account::Entity::find()
            .filter(account::Column::Id.is_in(ids.into_iter().collect::<Vec<_>>()))
            .all(&self.conn())
            .await?
            .into_iter()
            .map(|row| (row.id, row.email))
            .collect())
    }

    /// Creates an account; [`DbError::Taken`] when the address has one already.
    pub async fn create_account(&self, new: NewAccount<'_>, now: Time) -> Result<Account, DbError> {
        let row = account::ActiveModel {
            email: Set(new.email.to_string()),
            password_hash: Set(new.password_hash.to_string()),
            display_name: Set(new.display_name.to_string()),
            preferred_lang: Set(new.lang.code().to_string()),
            role: Set(new.role.code().to_string()),
            email_confirmed_at: Set(new.email_confirmed.then_some(now)),
            suspended_at: Set(None),
            suspension_reason: Set(None),
            created_at: Set(now),
            ..Default::default()
        };
        match row.insert(&self.conn()).await {
            Ok(row) => account_of(row),
            Err(err) if matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => Err(DbError::Taken),
            Err(err) => Err(err.into()),
        }
    }

    pub async fn account(&self, id: i64) -> Result<Option<Account>, DbError> {
        let Some(id) = key(id) else { return Ok(None) };
        account::Entity::find_by_id(id).one(&self.conn()).await?.map(account_of).transpose()
    }

    pub async fn account_by_email(&self, email: &str) -> Result<Option<Account>, DbError> {
        account::Entity::find()
            .filter(account::Column::Email.eq(email))
            .one(&self.conn())
            .await?
            .map(account_of)
            .transpose()
    }

    async fn update_account(&self, id: i64, change: impl FnOnce(&mut account::ActiveModel)) -> Result<(), DbError> {
        let Some(row) = account::Entity::find_by_id(row_id(id)).one(&self.conn()).await? else {
            return Ok(());
        };
        let mut active = row.into_active_model();
        change(&mut active);
        active.update(&self.conn()).await?;
        Ok(())
    }

    pub async fn confirm_email(&self, id: i64, now: Time) -> Result<(), DbError> {
        self.update_account(id, |a| a.email_confirmed_at = Set(Some(now))).await
    }

    /// Sets a new password hash and ends every session of the account.
    pub async fn set_password(&self, id: i64, password_hash: &str) -> Result<(), DbError> {
        self.update_account(id, |a| a.password_hash = Set(password_hash.to_string())).await?;
        self.end_sessions_of(id).await
    }

    pub async fn set_account_lang(&self, id: i64, lang: Lang) -> Result<(), DbError> {
        self.update_account(id, |a| a.preferred_lang = Set(lang.code().to_string())).await
    }

    pub async fn set_display_name(&self, id: i64, name: &str) -> Result<(), DbError> {
        self.update_account(id, |a| a.display_name = Set(name.to_string())).await
    }

    pub async fn set_role(&self, id: i64, role: Role) -> Result<(), DbError> {
        self.update_account(id, |a| a.role = Set(role.code().to_string())).await
    }

    pub async fn start_session(
        &self,
        token_hash: &str,
        account_id: i64,
        now: Time,
        expires: Time,
    ) -> Result<(), DbError> {
        session::ActiveModel {
            token_hash: Set(token_hash.to_string()),
            account_id: Set(row_id(account_id)),
            created_at: Set(now),
            expires_at: Set(expires),
            ..Default::default()
        }
        .insert(&self.conn())
        .await?;
        Ok(())
    }

    /// The account a live session belongs to; `None` for unknown or expired sessions and
    /// suspended accounts.
    pub async fn session_account(&self, token_hash: &str, now: Time) -> Result<Option<Account>, DbError> {
        let found = session::Entity::find()
            .filter(session::Column::TokenHash.eq(token_hash))
            .filter(session::Column::ExpiresAt.gt(now))
            .find_also_related(account::Entity)
            .one(&self.conn())
            .await?;
        let account = found.and_then(|(_, account)| account).map(account_of).transpose()?;
        Ok(account.filter(|a| !a.suspended))
    }

    pub async fn end_session(&self, token_hash: &str) -> Result<(), DbError> {
        session::Entity::delete_many().filter(session::Column::TokenHash.eq(token_hash)).exec(&self.conn()).await?;
        Ok(())
    }

    pub async fn end_sessions_of(&self, account_id: i64) -> Result<(), DbError> {
        let Some(id) = key(account_id) else { return Ok(()) };
        session::Entity::delete_many().filter(session::Column::AccountId.eq(id)).exec(&self.conn()).await?;
        Ok(())
    }

    /// Drops expired sessions and tokens (a periodic job).
    pub async fn forget_expired(&self, now: Time) -> Result<u64, DbError> {
        let sessions = session::Entity::delete_many()
            .filter(session::Column::ExpiresAt.lte(now))
            .exec(&self.conn())
            .await?
            .rows_affected;
        let tokens = account_token::Entity::delete_many()
            .filter(account_token::Column::ExpiresAt.lte(now))
            .exec(&self.conn())
            .await?
            .rows_affected;
        Ok(sessions + tokens)
    }

    pub async fn issue_token(
        &self,
        token_hash: &str,
        account_id: i64,
        purpose: TokenPurpose,
        now: Time,
        expires: Time,
    ) -> Result<(), DbError> {
        account_token::ActiveModel {
            token_hash: Set(token_hash.to_string()),
            account_id: Set(row_id(account_id)),
            purpose: Set(purpose.code().to_string()),
            created_at: Set(now),
            expires_at: Set(expires),
            used_at: Set(None),
            ..Default::default()
        }
        .insert(&self.conn())
        .await?;
        Ok(())
    }

    /// Spends a token: the account it was issued to, once, before it expires. The update is
    /// conditional, so two clicks on the same link cannot both succeed.
    pub async fn spend_token(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        now: Time,
    ) -> Result<Option<i64>, DbError> {
        let unspent = || {
            account_token::Column::TokenHash
                .eq(token_hash)
                .and(account_token::Column::Purpose.eq(purpose.code()))
                .and(account_token::Column::UsedAt.is_null())
                .and(account_token::Column::ExpiresAt.gt(now))
        };
        let Some(token) = account_token::Entity::find().filter(unspent()).one(&self.conn()).await? else {
            return Ok(None);
        };
        let spent = account_token::Entity::update_many()
            .col_expr(account_token::Column::UsedAt, Expr::value(now))
            .filter(unspent())
            .exec(&self.conn())
            .await?;
        Ok((spent.rows_affected == 1).then_some(i64::from(token.account_id)))
    }

    pub async fn queue_mail(&self, mail: &Mail, now: Time) -> Result<i64, DbError> {
        let row = outbox::ActiveModel {
            recipient: Set(mail.recipient.clone()),
            lang: Set(mail.lang.code().to_string()),
            subject: Set(mail.subject.clone()),
            body: Set(mail.body.clone()),
            created_at: Set(now),
            sent_at: Set(None),
            attempts: Set(0),
            last_error: Set(None),
            claimed_at: Set(None),
            list_unsubscribe: Set(mail.unsubscribe.clone()),
            ..Default::default()
        }
        .insert(&self.conn())
        .await?;
        Ok(i64::from(row.id))
    }

    /// The newest mail first; only to `recipient` when given.
    pub async fn outbox(&self, recipient: Option<&str>, limit: u64) -> Result<Vec<QueuedMail>, DbError> {
        let mut query = outbox::Entity::find().order_by_desc(outbox::Column::Id).limit(limit);
        if let Some(recipient) = recipient {
            query = query.filter(outbox::Column::Recipient.eq(recipient));
        }
        query.all(&self.conn()).await?.into_iter().map(queued).collect()
    }

    /// Mail not sent yet and tried fewer than `max_attempts` times, oldest first.
    pub async fn unsent_mail(&self, max_attempts: i32, limit: u64) -> Result<Vec<QueuedMail>, DbError> {
        outbox::Entity::find()
            .filter(outbox::Column::SentAt.is_null())
            .filter(outbox::Column::Attempts.lt(max_attempts))
            .order_by_asc(outbox::Column::Id)
            .limit(limit)
            .all(&self.conn())
            .await?
            .into_iter()
            .map(queued)
            .collect()
    }

    /// Takes mail `id` to send it: `false` when it went out already or another server took it
    /// less than `lease` ago (a server that died while sending leaves it to others after that).
    pub async fn claim_mail(&self, id: i64, now: Time, lease: chrono::Duration) -> Result<bool, DbError> {
        let Some(id) = key(id) else { return Ok(false) };
        let free = sea_orm::Condition::any()
            .add(outbox::Column::ClaimedAt.is_null())
            .add(outbox::Column::ClaimedAt.lt(now - lease));
        let claimed = outbox::Entity::update_many()
            .col_expr(outbox::Column::ClaimedAt, Expr::value(now))
            .filter(outbox::Column::Id.eq(id))
            .filter(outbox::Column::SentAt.is_null())
            .filter(free)
            .exec(&self.conn())
            .await?;
        Ok(claimed.rows_affected == 1)
    }

    /// Records an attempt to send: `error` is `None` when it went out.
    pub async fn mail_attempted(&self, id: i64, now: Time, error: Option<&str>) -> Result<(), DbError> {
        let Some(id) = key(id) else { return Ok(()) };
        let mut update = outbox::Entity::update_many()
            .col_expr(outbox::Column::Attempts, Expr::col(outbox::Column::Attempts).add(1))
            .filter(outbox::Column::Id.eq(id));
        update = match error {
            None => update.col_expr(outbox::Column::SentAt, Expr::value(now)),
            Some(error) => update
                .col_expr(outbox::Column::LastError, Expr::value(error.to_string()))
                .col_expr(outbox::Column::ClaimedAt, Expr::value(Option::<Time>::None)),
        };
        update.exec(&self.conn()).await?;
        Ok(())
    }
}

fn queued(row: outbox::Model) -> Result<QueuedMail, DbError> {
    let id = i64::from(row.id);
    Ok(QueuedMail {
        id,
        mail: Mail {
            lang: Lang::from_code(&row.lang)
                .ok_or_else(|| DbError::Corrupt { id, reason: "unknown language".to_string() })?,
            recipient: row.recipient,
            subject: row.subject,
            body: row.body,
            unsubscribe: row.list_unsubscribe,
        },
        created_at: row.created_at,
        sent_at: row.sent_at,
        attempts: row.attempts,
    })
}
