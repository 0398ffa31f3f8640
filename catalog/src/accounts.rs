//! Accounts: signing up, confirming the address, sessions, resetting and changing the password,
//! settings, platform admins. Passwords arrive hashed (hashing is slow on purpose, and bounded,
//! on the server's side); tokens are made here and only their hashes are stored. What goes
//! together is committed together: an account with its confirmation token and e-mail, a new
//! password with the end of the other sessions.

use db::{Account, DbError, NewAccount, QueuedMail, TokenPurpose};
use model::Lang;
use model::account::{InstitutionRole, Role, Viewer};
use model::url::route;

use crate::token::{random_token, token_hash};
use crate::{Catalog, CatalogError, now};

/// A session lasts this long from sign-in.
pub const SESSION_DAYS: i64 = 30;

/// A new researcher's account.
pub struct SignUp<'a> {
    /// Normalised (see `model::account::normalize_email`).
    pub email: &'a str,
    pub password_hash: &'a str,
    pub display_name: &'a str,
    pub lang: Lang,
}

/// What `passerelle admin create` did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdminCreated {
    New,
    /// The address had an account, now a platform admin (password unchanged).
    Promoted,
}

/// What a link e-mail needs to know of its purpose.
struct LinkMail {
    /// The page the link opens.
    path: &'static str,
    subject: &'static str,
    body: &'static str,
    /// How long the link works.
    lifetime: chrono::Duration,
}

fn link_mail(purpose: TokenPurpose) -> LinkMail {
    match purpose {
        TokenPurpose::ConfirmEmail => LinkMail {
            path: route::CONFIRM,
            subject: "mail-confirm-subject",
            body: "mail-confirm-body",
            lifetime: chrono::Duration::days(2),
        },
        TokenPurpose::ResetPassword => LinkMail {
            path: route::RESET,
            subject: "mail-reset-subject",
            body: "mail-reset-body",
            lifetime: chrono::Duration::hours(1),
        },
    }
}

impl Catalog {
    /// Creates a researcher's account with its confirmation link, e-mailed in its language.
    /// [`DbError::Taken`] when the address has an account.
    pub async fn sign_up(&self, new: SignUp<'_>) -> Result<Account, CatalogError> {
        let tx = self.db.begin().await?;
        let account = NewAccount {
            email: new.email,
            password_hash: new.password_hash,
            display_name: new.display_name,
            lang: new.lang,
            role: Role::Researcher,
            email_confirmed: false,
        };
        let account = tx.create_account(account, now()).await?;
        self.queue_link(&tx, &account, TokenPurpose::ConfirmEmail).await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(account)
    }

    /// Issues a one-time link for `purpose` and e-mails it to `account`, in its language.
    pub async fn send_link(&self, account: &Account, purpose: TokenPurpose) -> Result<(), CatalogError> {
        let tx = self.db.begin().await?;
        self.queue_link(&tx, account, purpose).await?;
        tx.commit().await?;
        self.mail_queued();
        Ok(())
    }

    async fn queue_link(&self, tx: &db::Db, account: &Account, purpose: TokenPurpose) -> Result<(), CatalogError> {
        let kind = link_mail(purpose);
        let token = random_token();
        let time = now();
        tx.issue_token(&token_hash(&token), account.id, purpose, time, time + kind.lifetime).await?;
        let link = format!("{}?token={token}", self.link_for(account, kind.path, &[]));
        self.queue_mail(tx, account, kind.subject, kind.body, vec![("link", link.into())]).await
    }

    /// "Forgot your password?": a reset link for the address, if it has an account that is not
    /// suspended. The same answer either way, so the form does not tell who has an account.
    pub async fn request_reset(&self, email: &str) -> Result<(), CatalogError> {
        match self.db.account_by_email(email).await?.filter(|account| !account.suspended) {
            Some(account) => self.send_link(&account, TokenPurpose::ResetPassword).await,
            None => Ok(()),
        }
    }

    /// The e-mailed confirmation link: `false` when it is unknown, used or expired.
    pub async fn confirm_email(&self, token: &str) -> Result<bool, CatalogError> {
        let tx = self.db.begin().await?;
        let time = now();
        let Some(account) = tx.spend_token(&token_hash(token), TokenPurpose::ConfirmEmail, time).await? else {
            return Ok(false);
        };
        tx.confirm_email(account, time).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// The reset link's form: the new password, which also confirms the address and signs the
    /// account out everywhere. `false` when the link is unknown, used or expired.
    pub async fn reset_password(&self, token: &str, password_hash: &str) -> Result<bool, CatalogError> {
        let tx = self.db.begin().await?;
        let time = now();
        let Some(account) = tx.spend_token(&token_hash(token), TokenPurpose::ResetPassword, time).await? else {
            return Ok(false);
        };
        tx.set_password(account, password_hash).await?;
        tx.confirm_email(account, time).await?;
        tx.end_sessions_of(account).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// A new password for `account`: every session ends (the caller signs this browser in again).
    pub async fn change_password(&self, account: i64, password_hash: &str) -> Result<(), CatalogError> {
        let tx = self.db.begin().await?;
        tx.set_password(account, password_hash).await?;
        tx.end_sessions_of(account).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The account's name and preferred language (of e-mails and of the site).
    pub async fn save_settings(&self, account: i64, display_name: &str, lang: Lang) -> Result<(), CatalogError> {
        let tx = self.db.begin().await?;
        tx.set_display_name(account, display_name).await?;
        tx.set_account_lang(account, lang).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn account_by_email(&self, email: &str) -> Result<Option<Account>, CatalogError> {
        Ok(self.db.account_by_email(email).await?)
    }

    /// Starts a session for `account`; its token, for the browser's cookie.
    pub async fn start_session(&self, account: i64) -> Result<String, CatalogError> {
        let token = random_token();
        let time = now();
        self.db.start_session(&token_hash(&token), account, time, time + chrono::Duration::days(SESSION_DAYS)).await?;
        Ok(token)
    }

    pub async fn end_session(&self, token: &str) -> Result<(), CatalogError> {
        Ok(self.db.end_session(&token_hash(token)).await?)
    }

    /// Who holds the session `token`, as pages see them; `None` for an unknown or expired
    /// session, or a suspended account.
    pub async fn session(&self, token: &str) -> Result<Option<(Account, Viewer)>, CatalogError> {
        let Some(account) = self.db.session_account(&token_hash(token), now()).await? else { return Ok(None) };
        let viewer = self.viewer_of(&account).await?;
        Ok(Some((account, viewer)))
    }

    /// `account` as pages see it: with its memberships and the decisions it has not seen.
    async fn viewer_of(&self, account: &Account) -> Result<Viewer, CatalogError> {
        let memberships = self.db.memberships_of(account.id).await?;
        // Only members post, so only they can have decisions waiting.
        let unseen_decisions = if memberships.is_empty() { 0 } else { self.db.unseen_decisions(account.id).await? };
        let viewer = Viewer {
            unseen_decisions,
            account_id: account.id,
            email: account.email.clone(),
            display_name: account.display_name.clone(),
            lang: account.lang,
            role: account.role,
            email_confirmed: account.email_confirmed,
            memberships,
        };
        Ok(viewer)
    }

    /// A demo account (`passerelle seed demo`): confirmed, and a member of `institution` when
    /// given (with that role). `None` when the address has an account already, which is left
    /// as it is.
    pub async fn create_demo_account(
        &self,
        new: NewAccount<'_>,
        institution: Option<(&str, InstitutionRole)>,
    ) -> Result<Option<Viewer>, CatalogError> {
        let tx = self.db.begin().await?;
        let account = match tx.create_account(NewAccount { email_confirmed: true, ..new }, now()).await {
            Ok(account) => account,
            Err(DbError::Taken) => return Ok(None),
            Err(err) => return Err(err.into()),
        };
        if let Some((slug, role)) = institution {
            let id = tx.join_institution(account.id, slug, role, now()).await?.ok_or(CatalogError::NotFound)?;
            let detail = format!("{} ({slug}, demo)", account.email);
            crate::audit(&tx, account.id, model::account::AuditAction::MemberJoined, ("institution", id), &detail)
                .await?;
        }
        tx.commit().await?;
        Ok(Some(self.viewer_of(&account).await?))
    }

    /// Makes `email` a platform admin: a new, confirmed account with `password_hash` (asked for
    /// only then), or an existing account promoted.
    pub async fn create_admin(
        &self,
        email: &str,
        display_name: &str,
        lang: Lang,
        password_hash: impl FnOnce() -> Result<String, CatalogError>,
    ) -> Result<AdminCreated, CatalogError> {
        if let Some(account) = self.db.account_by_email(email).await? {
            self.db.set_role(account.id, Role::PlatformAdmin).await?;
            return Ok(AdminCreated::Promoted);
        }
        let hash = password_hash()?;
        let new = NewAccount {
            email,
            password_hash: &hash,
            display_name,
            lang,
            role: Role::PlatformAdmin,
            email_confirmed: true,
        };
        match self.db.create_account(new, now()).await {
            Ok(_) => Ok(AdminCreated::New),
            Err(DbError::Taken) => Err(CatalogError::Db(DbError::Taken)),
            Err(err) => Err(err.into()),
        }
    }

    /// The e-mails queued, newest first; only to `recipient` when given.
    pub async fn outbox(&self, recipient: Option<&str>, limit: u64) -> Result<Vec<QueuedMail>, CatalogError> {
        Ok(self.db.outbox(recipient, limit).await?)
    }

    /// Drops expired sessions and tokens, and rate-limit counts no window reaches (a periodic
    /// job of the server).
    pub async fn forget_expired(&self) -> Result<u64, CatalogError> {
        let time = now();
        let forgotten = self.db.forget_expired(time).await?;
        Ok(forgotten + self.db.prune_attempts(time - chrono::Duration::days(1)).await?)
    }
}
