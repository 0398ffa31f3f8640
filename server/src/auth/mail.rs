//! E-mail: messages written in the recipient's language from the Fluent files, queued in the
//! database's outbox in the same step as what they announce, and sent by a background task
//! over SMTP when `PASSERELLE_SMTP_URL` is set. Without it they stay in the outbox, where
//! `passerelle outbox` shows them (development, tests).

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use db::{Account, Db, Mail, TokenPurpose};
use lettre::message::header::ContentType;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::sync::Notify;

use super::Auth;
use super::token::{random_token, token_hash};
use crate::ServerError;

/// A mail that failed this many times is left for a person to look at.
const MAX_ATTEMPTS: i32 = 5;
/// How often the sender looks for mail queued by another process (`passerelle admin …`).
const POLL: Duration = Duration::from_secs(30);

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
            path: "confirm",
            subject: "mail-confirm-subject",
            body: "mail-confirm-body",
            lifetime: chrono::Duration::days(2),
        },
        TokenPurpose::ResetPassword => LinkMail {
            path: "reset",
            subject: "mail-reset-subject",
            body: "mail-reset-body",
            lifetime: chrono::Duration::hours(1),
        },
    }
}

/// Issues a one-time token for `purpose` and queues the e-mail carrying its link, in the
/// account's language.
pub async fn send_link(auth: &Auth, account: &Account, purpose: TokenPurpose) -> Result<(), ServerError> {
    let kind = link_mail(purpose);
    let token = random_token();
    let now = Utc::now().fixed_offset();
    auth.db.issue_token(&token_hash(&token), account.id, purpose, now, now + kind.lifetime).await?;
    let link = format!("{}/{}/{}?token={token}", auth.public_url, account.lang.code(), kind.path);
    send_mail(auth, account, kind.subject, kind.body, vec![("link", link.into())]).await
}

/// Queues the e-mail with the Fluent messages `subject` and `body` for `account`, in their
/// language (see `catalog::compose_mail`).
pub async fn send_mail(
    auth: &Auth,
    account: &Account,
    subject: &str,
    body: &str,
    args: Vec<(&str, l10n::FluentValue<'_>)>,
) -> Result<(), ServerError> {
    let mail = catalog::compose_mail(account, subject, body, args);
    auth.db.queue_mail(&mail, Utc::now().fixed_offset()).await?;
    auth.mail_waiting.notify_one();
    Ok(())
}

/// Where mail goes out, from the environment.
#[derive(Clone, Debug, Default)]
pub struct MailSettings {
    /// `PASSERELLE_SMTP_URL`, e.g. `smtps://user:password@smtp.example.org` or
    /// `smtp://localhost:2525` (lettre's URL format).
    pub smtp_url: Option<String>,
    /// `PASSERELLE_MAIL_FROM`, e.g. `Passerelle <noreply@passerelle.example>`.
    pub from: String,
}

/// Sends queued mail as it arrives (woken by `waiting`, and every [`POLL`] for mail that other
/// processes queued). Returns at once when no SMTP server is configured.
pub async fn run_sender(db: Db, settings: MailSettings, waiting: Arc<Notify>) {
    let Some(url) = settings.smtp_url.as_deref() else {
        tracing::info!("PASSERELLE_SMTP_URL is not set: e-mails stay in the outbox (`passerelle outbox` lists them)");
        return;
    };
    let transport = match AsyncSmtpTransport::<Tokio1Executor>::from_url(url) {
        Ok(builder) => builder.build(),
        Err(err) => {
            tracing::error!(error = %err, "PASSERELLE_SMTP_URL is not a usable SMTP URL; e-mails stay in the outbox");
            return;
        }
    };
    loop {
        if let Err(err) = deliver_pending(&db, &transport, &settings.from).await {
            tracing::error!(error = %err, "sending queued e-mail failed");
        }
        tokio::select! {
            () = waiting.notified() => {}
            () = tokio::time::sleep(POLL) => {}
        }
    }
}

/// Sends what the outbox holds; returns how many went out.
pub async fn deliver_pending(
    db: &Db,
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: &str,
) -> Result<usize, ServerError> {
    let mut sent = 0;
    for queued in db.unsent_mail(MAX_ATTEMPTS, 50).await? {
        // Another server may be sending the same outbox.
        if !db.claim_mail(queued.id, Utc::now().fixed_offset(), chrono::Duration::minutes(5)).await? {
            continue;
        }
        let outcome = match message(&queued.mail, from) {
            Ok(message) => transport.send(message).await.map(|_| ()).map_err(|err| err.to_string()),
            Err(err) => Err(err),
        };
        let now = Utc::now().fixed_offset();
        match outcome {
            Ok(()) => {
                db.mail_attempted(queued.id, now, None).await?;
                sent += 1;
            }
            Err(err) => {
                tracing::warn!(id = queued.id, error = %err, "an e-mail could not be sent; it will be retried");
                db.mail_attempted(queued.id, now, Some(&err)).await?;
            }
        }
    }
    Ok(sent)
}

fn message(mail: &Mail, from: &str) -> Result<Message, String> {
    let from = from.parse().map_err(|err| format!("PASSERELLE_MAIL_FROM: {err}"))?;
    let to = mail.recipient.parse().map_err(|err| format!("recipient: {err}"))?;
    Message::builder()
        .from(from)
        .to(to)
        .subject(mail.subject.clone())
        .header(ContentType::TEXT_PLAIN)
        .body(mail.body.clone())
        .map_err(|err| err.to_string())
}
