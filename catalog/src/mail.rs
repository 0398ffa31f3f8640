//! E-mails written in the recipient's language from the Fluent files. Use cases queue them in
//! the outbox inside their transaction, so a mail goes out exactly when what it announces was
//! committed; a task of the server sends the outbox (see `server::auth::mail`).

use db::{Account, Db, Mail};

use crate::{Catalog, CatalogError};

/// The e-mail with the Fluent messages `subject` and `body` for `account`, in their language,
/// both given `args`; `body` also gets the account's name as `$name`.
pub fn compose_mail(
    account: &Account,
    subject: &str,
    body: &str,
    mut args: Vec<(&str, l10n::FluentValue<'_>)>,
) -> Mail {
    let lang = account.lang;
    let subject = l10n::t_args(lang, subject, &args);
    args.push(("name", account.display_name.clone().into()));
    Mail { recipient: account.email.clone(), lang, subject, body: l10n::t_args(lang, body, &args), unsubscribe: None }
}

impl Catalog {
    /// Queues an e-mail to `account` in the transaction `tx`.
    pub(crate) async fn queue_mail(
        &self,
        tx: &Db,
        account: &Account,
        subject: &str,
        body: &str,
        args: Vec<(&str, l10n::FluentValue<'_>)>,
    ) -> Result<(), CatalogError> {
        tx.queue_mail(&compose_mail(account, subject, body, args), crate::now()).await?;
        Ok(())
    }

    /// After a commit that queued mail: wake the sender.
    pub(crate) fn mail_queued(&self) {
        self.mail_waiting.notify_one();
    }

    /// A link to the page `route` (one of `model::url::route`, filled with `values`) on the
    /// site, in `account`'s language.
    pub(crate) fn link_for(&self, account: &Account, route: &str, values: &[&dyn std::fmt::Display]) -> String {
        self.link_in(account.lang, route, values)
    }

    /// A link to the page `route` on the site, in `lang`.
    pub(crate) fn link_in(&self, lang: model::Lang, route: &str, values: &[&dyn std::fmt::Display]) -> String {
        self.absolute(&model::url::path(route, lang, values))
    }

    /// `path` (a path and query on this site) as an absolute address, for e-mails.
    pub(crate) fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.public_url)
    }

    /// Mail not sent yet and tried fewer than `max_attempts` times, oldest first.
    pub async fn unsent_mail(&self, max_attempts: i32, limit: u64) -> Result<Vec<db::QueuedMail>, CatalogError> {
        Ok(self.db.unsent_mail(max_attempts, limit).await?)
    }

    /// Takes mail `id` to send it (see `db::Db::claim_mail`): `false` when another server has it.
    pub async fn claim_mail(&self, id: i64) -> Result<bool, CatalogError> {
        Ok(self.db.claim_mail(id, crate::now(), chrono::Duration::minutes(5)).await?)
    }

    /// Records an attempt to send mail `id`: `error` is `None` when it went out.
    pub async fn mail_attempted(&self, id: i64, error: Option<&str>) -> Result<(), CatalogError> {
        Ok(self.db.mail_attempted(id, crate::now(), error).await?)
    }
}
