//! The alert job: each server sends the digests that fall due, at `PASSERELLE_ALERT_HOUR`
//! every day, and once when it starts (digests that fell due while every server was down go
//! out then). Several servers may run it at once: each digest is claimed in the database
//! (see `catalog::alerts`). `passerelle alerts send` runs it on demand.

use chrono::Utc;
use model::alert::Frequency;

use crate::ServerError;
use crate::config::Config;

/// Sends due digests now, then every day at `hour` (UTC).
pub async fn run(catalog: catalog::Catalog, hour: u32) {
    loop {
        let now = Utc::now();
        match catalog.send_due_alerts(now, now).await {
            Ok(run) if run.sent + run.nothing_new > 0 => {
                tracing::info!(sent = run.sent, nothing_new = run.nothing_new, skipped = run.skipped, "digests");
            }
            Ok(_) => {}
            Err(err) => tracing::error!(error = %err, "the alert job failed; it runs again at the next hour"),
        }
        let now = Utc::now();
        let next = Frequency::Daily.next_due(now, hour);
        tokio::time::sleep((next - now).to_std().unwrap_or_default()).await;
    }
}

/// `passerelle alerts send`: sends, now, the digests due by the next alert hour (today's,
/// brought forward); the digests that follow go out at the hour as usual.
pub async fn send_now(config: &Config) -> Result<(), ServerError> {
    let catalog = config.alerts_catalog().await?;
    let now = Utc::now();
    let horizon = Frequency::Daily.next_due(now, config.alert_hour);
    let run = catalog.send_due_alerts(now, horizon).await?;
    println!(
        "Digests queued: {}; alerts with nothing new: {}; left to another server: {}.",
        run.sent, run.nothing_new, run.skipped
    );
    Ok(())
}
