//! Account commands of the CLI: `passerelle admin create` and `passerelle outbox`.

use chrono::Utc;
use db::NewAccount;
use model::Lang;
use model::account::{Role, normalize_email, password_problem};

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
    let db = catalog.db();
    if let Some(account) = db.account_by_email(&email).await? {
        db.set_role(account.id, Role::PlatformAdmin).await?;
        println!("{email} already had an account; it is now a platform admin (password unchanged).");
        return Ok(());
    }
    let password = admin_password()?;
    if let Some(problem) = password_problem(&password) {
        return Err(invalid("PASSERELLE_ADMIN_PASSWORD", l10n::t(Lang::En, problem)));
    }
    let hash = hash_password(&password)?;
    let new = NewAccount {
        email: &email,
        password_hash: &hash,
        display_name: name,
        lang,
        role: Role::PlatformAdmin,
        email_confirmed: true,
    };
    db.create_account(new, Utc::now().fixed_offset()).await?;
    println!("Created the platform admin {email}. Sign in at {}/{}/login", config.public_url, lang.code());
    Ok(())
}

pub async fn print_outbox(config: &Config, to: Option<&str>, limit: u64) -> Result<(), ServerError> {
    let catalog = config.read_catalog().await?;
    let to = to.map(|address| normalize_email(address).unwrap_or_else(|| address.to_string()));
    let mails = catalog.db().outbox(to.as_deref(), limit).await?;
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
        println!("Subject: {}\n\n{}\n", queued.mail.subject, queued.mail.body);
    }
    Ok(())
}
