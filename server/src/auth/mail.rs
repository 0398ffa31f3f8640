//! Sending e-mail. The use cases write mail in the recipient's language and queue it in the
//! outbox in the same transaction as what it announces (`catalog::mail`); a background task
//! sends the outbox over SMTP when `PASSERELLE_SMTP_URL` is set, each mail claimed first so
//! that several servers never send one twice. Without it mail stays in the outbox, where
//! `passerelle outbox` shows it (development, tests).

use std::time::Duration;

use catalog::Catalog;
use catalog::Mail;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::ServerError;

/// A mail that failed this many times is left for a person to look at.
const MAX_ATTEMPTS: i32 = 5;
/// How often the sender looks for mail queued by another process (`passerelle admin …`).
const POLL: Duration = Duration::from_secs(30);

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
pub async fn run_sender(catalog: Catalog, settings: MailSettings) {
    let waiting = catalog.mail_signal();
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
        if let Err(err) = deliver_pending(&catalog, &transport, &settings.from).await {
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
    catalog: &Catalog,
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: &str,
) -> Result<usize, ServerError> {
    let mut sent = 0;
    for queued in catalog.unsent_mail(MAX_ATTEMPTS, 50).await? {
        // Another server may be sending the same outbox.
        if !catalog.claim_mail(queued.id).await? {
            continue;
        }
        let outcome = match message(&queued.mail, from) {
            Ok(message) => transport.send(message).await.map(|_| ()).map_err(|err| err.to_string()),
            Err(err) => Err(err),
        };
        match outcome {
            Ok(()) => {
                catalog.mail_attempted(queued.id, None).await?;
                sent += 1;
            }
            Err(err) => {
                tracing::warn!(id = queued.id, error = %err, "an e-mail could not be sent; it will be retried");
                catalog.mail_attempted(queued.id, Some(&err)).await?;
            }
        }
    }
    Ok(sent)
}

fn message(mail: &Mail, from: &str) -> Result<Message, String> {
    let from = from.parse().map_err(|err| format!("PASSERELLE_MAIL_FROM: {err}"))?;
    let to = mail.recipient.parse().map_err(|err| format!("recipient: {err}"))?;
    let mut builder =
        Message::builder().from(from).to(to).subject(mail.subject.clone()).header(ContentType::TEXT_PLAIN);
    // A digest: mail clients offer "unsubscribe", which POSTs to the address at once (RFC 8058).
    if let Some(url) = &mail.unsubscribe {
        let header = |name: &'static str, value: String| HeaderValue::new(HeaderName::new_from_ascii_str(name), value);
        builder = builder
            .raw_header(header("List-Unsubscribe", format!("<{url}>")))
            .raw_header(header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click".to_string()));
    }
    builder.body(mail.body.clone()).map_err(|err| err.to_string())
}
