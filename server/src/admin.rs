//! Account commands of the CLI: `passerelle admin create` and `passerelle outbox`.

use catalog::AdminCreated;
use chrono::Utc;
use model::Lang;
use model::account::{normalize_email, password_problem};

use crate::ServerError;
use crate::auth::password::hash_password;
use crate::config::Config;

fn invalid(name: &'static str, reason: impl Into<String>) -> ServerError {
    ServerError::Config { name, reason: reason.into() }
}

/// The first admin's password: `PASSERELLE_ADMIN_PASSWORD`, else typed at a prompt.
fn admin_password() -> Result<String, ServerError> {
    if let Ok(password) = std::env::var("PASSERELLE_ADMIN_PASSWORD") {
        return Ok(password);
    }
    rpassword::prompt_password("Password for the new admin: ")
        .map_err(|err| invalid("PASSERELLE_ADMIN_PASSWORD", format!("not set, and no password could be read ({err})")))
}

pub async fn create_admin(config: &Config, email: &str, name: &str, lang: &str) -> Result<(), ServerError> {
    let email =
        normalize_email(email).ok_or_else(|| invalid("EMAIL", format!("'{email}' is not an e-mail address")))?;
    let lang = Lang::from_code(lang).ok_or_else(|| invalid("--lang", format!("'{lang}' is not fr, en or ko")))?;
    let catalog = config.write_catalog().await?;
    let mut refused = None;
    let password_hash = || {
        let hashed = admin_password().and_then(|password| match password_problem(&password) {
            Some(problem) => Err(invalid("PASSERELLE_ADMIN_PASSWORD", l10n::t(Lang::En, problem))),
            None => hash_password(&password),
        });
        hashed.map_err(|err| {
            refused = Some(err);
            catalog::CatalogError::Forbidden
        })
    };
    match catalog.create_admin(&email, name, lang, password_hash).await {
        Ok(AdminCreated::Promoted) => {
            println!("{email} already had an account; it is now a platform admin (password unchanged).");
        }
        Ok(AdminCreated::New) => {
            println!("Created the platform admin {email}. Sign in at {}/{}/login", config.public_url, lang.code());
        }
        Err(err) => return Err(refused.unwrap_or_else(|| err.into())),
    }
    Ok(())
}

pub async fn print_outbox(config: &Config, to: Option<&str>, limit: u64) -> Result<(), ServerError> {
    let catalog = config.read_catalog().await?;
    let to = to.map(|address| normalize_email(address).unwrap_or_else(|| address.to_string()));
    let mails = catalog.outbox(to.as_deref(), limit).await?;
    if mails.is_empty() {
        println!("The outbox is empty.");
    }
    for queued in mails {
        let status = match queued.sent_at {
            Some(at) => format!("sent {}", at.with_timezone(&Utc).format("%Y-%m-%d %H:%M UTC")),
            None if queued.attempts > 0 => format!("not sent ({} attempts)", queued.attempts),
            None => "queued".to_string(),
        };
        println!("--- #{} to {} [{}] {status}", queued.id, queued.mail.recipient, queued.mail.lang.code());
        if let Some(url) = &queued.mail.unsubscribe {
            println!("List-Unsubscribe: <{url}>");
        }
        println!("Subject: {}\n\n{}\n", queued.mail.subject, queued.mail.body);
    }
    Ok(())
}
