//! `passerelle bench --alerts N`: the daily digest run for N alerts over a day's new openings.
//! A catalogue of `--openings` synthetic openings; N confirmed researchers, each with one alert
//! (four in five a saved search from the bench's query set, the rest "new openings for you" on
//! a synthetic profile); then a day's new openings; then one run of the alert job, as a server
//! runs it at the hour: claims, searches, digests written and queued in the outbox.

use std::path::Path;
use std::time::Instant;

use chrono::{Duration, Utc};
use model::alert::{Frequency, Subject};

use super::{Report, bench_error, query_set};
use crate::ServerError;
use crate::config::Config;
use crate::synthetic::{opening, topics};

/// New openings published in the day the digests cover.
const NEW_OPENINGS: usize = 400;
/// Openings imported per transaction.
const BATCH: usize = 5_000;

pub async fn run(dir: &Path, openings: usize, alerts: usize, report: &mut Report) -> Result<(), ServerError> {
    let addr = "127.0.0.1:3000".parse().map_err(|e| bench_error("address", e))?;
    let config = Config::new(dir.to_path_buf(), None, addr, None, None);
    let catalog = config.open_catalog().await?;
    let (topics, today) = (topics(), catalog::today());
    println!("Importing {openings} synthetic openings…");
    let records: Vec<_> = (0..openings + NEW_OPENINGS).map(|n| opening(n, &topics, today)).collect();
    for batch in records[..openings].chunks(BATCH) {
        catalog.import(batch).await?;
    }
    println!("Setting up {alerts} alerts (one researcher each)…");
    let started = Instant::now();
    let hash = crate::auth::password::hash_password("a bench passphrase")?;
    let searches = query_set(alerts);
    for (n, (lang, params)) in searches.iter().enumerate() {
        let Some(researcher) = super::bench_researcher(&catalog, "a", n, &hash).await? else { continue };
        let subject = if n % 5 == 4 {
            catalog.save_profile(&researcher, &super::recommend::profile(n, &topics)).await?;
            Subject::Profile
        } else {
            Subject::search(*lang, params)
        };
        catalog.save_alert(&researcher, &subject, Frequency::Daily).await?;
    }
    report.add(
        "alerts set up (account, profile for one in five, alert)",
        format!("{alerts} in {:.1} s", started.elapsed().as_secs_f64()),
    );
    catalog.import(&records[openings..]).await?;
    report.add("catalogue", format!("{openings} openings, then {NEW_OPENINGS} new ones in the day"));

    // The job at the hour the next day: every alert falls due.
    let at = Utc::now() + Duration::days(1);
    let started = Instant::now();
    let run = catalog.send_due_alerts(at, at).await?;
    let elapsed = started.elapsed().as_secs_f64();
    report.add(
        &format!("daily digest run for {alerts} alerts (claim, search, write, queue)"),
        format!(
            "{elapsed:.1} s ({:.1} ms an alert): {} digests queued, {} with nothing new",
            elapsed * 1000.0 / alerts.max(1) as f64,
            run.sent,
            run.nothing_new
        ),
    );
    if run.sent + run.nothing_new != alerts {
        return Err(bench_error(
            "the digest run",
            format!("{} alerts were not handled", alerts - run.sent - run.nothing_new),
        ));
    }
    Ok(())
}
