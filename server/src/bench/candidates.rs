//! `passerelle bench --candidates N`: candidates for an opening among N researchers who show
//! their profile to verified institutions (synthetic profiles, as `recommend` makes them), in
//! process: the profile index's search, the candidates' profiles read from the database, each
//! judged against the opening, reasons written.

use std::path::Path;
use std::time::{Duration, Instant};

use model::Lang;
use model::profile::Visibility;

use super::{Report, bench_error, percentiles};
use crate::ServerError;
use crate::config::Config;
use crate::synthetic::{opening, topics};

/// Openings whose candidates are timed, each three times after a warm-up pass.
const OPENINGS: usize = 200;

pub async fn run(dir: &Path, count: usize, report: &mut Report) -> Result<(), ServerError> {
    let addr = "127.0.0.1:3000".parse().map_err(|e| bench_error("address", e))?;
    let config = Config::new(dir.to_path_buf(), None, addr, None, None);
    let (topics, today) = (topics(), catalog::today());
    {
        // Written without an index (as a command would): the server's opens on all of them.
        let catalog = config.write_catalog().await?;
        println!("Writing {count} researchers with profiles shown to verified institutions…");
        let started = Instant::now();
        let hash = crate::auth::password::hash_password("a bench passphrase")?;
        for n in 0..count {
            let Some(researcher) = super::bench_researcher(&catalog, "c", n, &hash).await? else { continue };
            let profile =
                model::profile::Profile { visibility: Visibility::Verified, ..super::recommend::profile(n, &topics) };
            catalog.save_profile(&researcher, &profile).await?;
        }
        report.add("profiles written", format!("{count} in {:.1} s", started.elapsed().as_secs_f64()));
    }
    let started = Instant::now();
    let catalog = config.open_catalog().await?;
    report.add(
        "profile index built from the database (with the server's start)",
        format!("{:.1} s", started.elapsed().as_secs_f64()),
    );
    let openings: Vec<_> = (0..OPENINGS).map(|n| opening(n * 37 + 11, &topics, today)).collect();
    let mut samples: Vec<Duration> = Vec::new();
    let mut found = 0;
    for pass in 0..4 {
        for (n, record) in openings.iter().enumerate() {
            let lang = Lang::ALL[n % 3];
            let started = Instant::now();
            let ranked = catalog.rank_candidates(-1, record, lang, catalog::CANDIDATES_SHOWN).await?;
            if pass > 0 {
                samples.push(started.elapsed());
                found += ranked.len();
            }
        }
    }
    let (p50, p99) = percentiles(&mut samples);
    report.add(
        &format!("candidates for an opening among {count} visible profiles (top 20 with reasons, in-process)"),
        format!(
            "p50 {p50:.2} ms / p99 {p99:.2} ms ({:.1} candidates an opening)",
            found as f64 / samples.len().max(1) as f64
        ),
    );
    Ok(())
}
