//! The commands of `passerelle`.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::ServerError;
use crate::config::Config;

#[derive(Debug, Parser)]
#[command(name = "passerelle", version, about = "Research exchange openings between Korea, Quebec and beyond")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Runs pending migrations, brings the index up to date with the database (rebuilding it
    /// when missing or stale) and serves HTTP; the index then follows the database's change log.
    Serve,
    /// Runs pending database migrations.
    Migrate,
    /// Rebuilds this data directory's search index from the database (with no server running
    /// on it: a server keeps its own index up to date).
    Reindex,
    /// Imports data.
    Import {
        #[command(subcommand)]
        what: ImportCommand,
    },
    /// Loads data into the database.
    Seed {
        #[command(subcommand)]
        what: SeedCommand,
    },
    /// Manages accounts.
    Admin {
        #[command(subcommand)]
        what: AdminCommand,
    },
    /// Alerts (saved searches and profile alerts).
    Alerts {
        #[command(subcommand)]
        what: AlertsCommand,
    },
    /// Lists the e-mails Passerelle has queued, newest first (with no SMTP server configured,
    /// this is where confirmation and reset links can be read).
    Outbox {
        /// Only e-mails to this address.
        #[arg(long)]
        to: Option<String>,
        #[arg(long, default_value_t = 10)]
        limit: u64,
    },
    /// Measures search on a synthetic catalogue: indexing, in-process and HTTP latency against
    /// SQLite FTS5, write-to-searchable time and the server's memory. Works in its own
    /// temporary directory; the data directory is not touched.
    Bench {
        /// Size of the synthetic catalogue.
        #[arg(long, default_value_t = 100_000)]
        openings: usize,
        /// Size of the mixed query set.
        #[arg(long, default_value_t = 500)]
        queries: usize,
        /// Build in this directory (kept afterwards) instead of a temporary one.
        #[arg(long)]
        dir: Option<PathBuf>,
        /// Only index and search in-process (skip FTS5, the CLI import and the HTTP run).
        #[arg(long)]
        index_only: bool,
        /// Instead: an opening's applications page with this many applications.
        #[arg(long)]
        applications: Option<usize>,
        /// Instead: a server under load (one keep-alive client, then 64 connections on the JSON
        /// API, the search page and a bare handler serving the same bytes) on --openings of
        /// about 2 KB.
        #[arg(long)]
        load: bool,
        /// Instead: the daily digest run for this many alerts (saved searches and profile
        /// alerts) over a day's new openings, on a catalogue of --openings.
        #[arg(long)]
        alerts: Option<usize>,
        /// Instead: candidates for an opening among this many researchers who show their
        /// profile to verified institutions.
        #[arg(long)]
        candidates: Option<usize>,
        /// Instead: a matching round of this many applicants (each ranking 10 of a fifth as
        /// many openings), in-process and with `round solve` and `round verify`.
        #[arg(long)]
        round: Option<usize>,
    },
    /// Matching rounds' arithmetic on files, with no database.
    Round {
        #[command(subcommand)]
        what: RoundCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum RoundCommand {
    /// Prints the applicant-optimal stable matching of INSTANCE as JSON: {"assignments":
    /// [{"applicant", "opening"}], "unmatched": [ids]}. An unreadable instance exits with 2.
    Solve { instance: PathBuf },
    /// Exits 0 when RESULT is a stable matching of INSTANCE; else 1, listing what makes it
    /// infeasible or the blocking pairs. An unreadable file exits with 2.
    Verify { instance: PathBuf, result: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Makes EMAIL a platform admin: a new account (password from PASSERELLE_ADMIN_PASSWORD,
    /// else asked for), or an existing account promoted.
    Create {
        email: String,
        /// The name shown on the site.
        #[arg(long, default_value = "Admin")]
        name: String,
        /// The language of the admin's e-mails and pages (fr, en, ko).
        #[arg(long, default_value = "en")]
        lang: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum AlertsCommand {
    /// Sends now the digests due by the next alert hour (PASSERELLE_ALERT_HOUR): each alert's
    /// new openings, through the outbox. Servers send them at that hour by themselves.
    Send,
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Upserts openings from a JSONL file (one record per line); a bad line imports nothing.
    Openings { file: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum SeedCommand {
    /// Loads the demo openings shipped with Passerelle.
    Demo,
    /// Generates COUNT synthetic openings (for load tests) and imports them, or writes them to
    /// a JSONL file for `passerelle import openings` with --output.
    Synthetic {
        count: usize,
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

pub async fn run(command: Command, config: Config) -> Result<(), ServerError> {
    match command {
        Command::Serve => serve(config).await,
        Command::Migrate => {
            config.write_catalog().await?;
            println!("Database is up to date.");
            Ok(())
        }
        Command::Reindex => {
            let count = config.rebuild_index().await?;
            println!("Indexed {count} openings.");
            Ok(())
        }
        Command::Import { what: ImportCommand::Openings { file } } => {
            let catalog = config.write_catalog().await?;
            let summary = crate::import::import_file(&catalog, &file).await?;
            println!(
                "Imported {}: {} new, {} updated, {} unchanged.",
                file.display(),
                summary.inserted,
                summary.updated,
                summary.unchanged
            );
            Ok(())
        }
        Command::Seed { what: SeedCommand::Synthetic { count, output } } => {
            seed_synthetic(&config, count, output).await
        }
        Command::Round { what: RoundCommand::Solve { instance } } => crate::round_cli::solve(&instance),
        Command::Round { what: RoundCommand::Verify { instance, result } } => {
            crate::round_cli::verify(&instance, &result)
        }
        Command::Bench { openings, queries, dir, index_only, applications, load, alerts, candidates, round } => {
            let encoder = config.load_model()?;
            let options = crate::bench::BenchOptions {
                openings,
                queries,
                dir,
                index_only,
                applications,
                load,
                alerts,
                candidates,
                round,
                encoder,
            };
            crate::bench::run(options).await
        }
        Command::Admin { what: AdminCommand::Create { email, name, lang } } => {
            crate::admin::create_admin(&config, &email, &name, &lang).await
        }
        Command::Alerts { what: AlertsCommand::Send } => crate::alert_job::send_now(&config).await,
        Command::Outbox { to, limit } => crate::admin::print_outbox(&config, to.as_deref(), limit).await,
        Command::Seed { what: SeedCommand::Demo } => {
            let catalog = config.write_catalog().await?;
            let summary = crate::demo::seed(&catalog, catalog::today()).await?;
            println!(
                "Demo data loaded: {} new, {} updated, {} unchanged.",
                summary.inserted, summary.updated, summary.unchanged
            );
            println!("Demo accounts:");
            crate::demo_people::seed_people(&catalog, catalog::today()).await
        }
    }
}

/// Synthetic openings, imported in batches (one transaction each) or written as JSONL.
async fn seed_synthetic(config: &Config, count: usize, output: Option<PathBuf>) -> Result<(), ServerError> {
    const BATCH: usize = 10_000;
    let topics = crate::synthetic::topics();
    let today = catalog::today();
    let records = (0..count).map(|n| crate::synthetic::opening(n, &topics, today));
    if let Some(path) = output {
        crate::bench::write_jsonl(&path, &records.collect::<Vec<_>>())?;
        println!("Wrote {count} synthetic openings to {}.", path.display());
        return Ok(());
    }
    let catalog = config.write_catalog().await?;
    let mut batch = Vec::with_capacity(BATCH);
    let mut imported = 0;
    for record in records {
        batch.push(record);
        if batch.len() == BATCH {
            imported += catalog.import(&batch).await?.changed_ids.len();
            batch.clear();
        }
    }
    imported += catalog.import(&batch).await?.changed_ids.len();
    println!("Synthetic data loaded: {count} openings, {imported} new or changed.");
    Ok(())
}

/// Drops expired sessions, tokens and rate-limit counts, hourly.
/// Every hour: drops expired sessions and tokens, and reminds institutions of applications
/// waiting for an answer.
async fn hourly_chores(catalog: catalog::Catalog) {
    let mut hourly = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        hourly.tick().await;
        if let Err(err) = catalog.forget_expired().await {
            tracing::warn!(error = %err, "expired sessions could not be dropped");
        }
        match catalog.remind_unanswered().await {
            Ok(0) => {}
            Ok(count) => tracing::info!(count, "institutions reminded of applications waiting for an answer"),
            Err(err) => tracing::warn!(error = %err, "applications waiting for an answer could not be reminded"),
        }
    }
}

async fn serve(config: Config) -> Result<(), ServerError> {
    let catalog = config.open_catalog().await?;
    let bundle = crate::state::bundle_name(&config.site_root);
    if !config.site_root.join("pkg").join(format!("{bundle}_bg.wasm")).exists() {
        tracing::warn!(
            site_root = %config.site_root.display(),
            "no browser bundle found: pages work, without hydration (run scripts/build-client.sh)"
        );
    }
    let auth = config.auth(&catalog);
    tokio::spawn(crate::auth::mail::run_sender(catalog.clone(), config.mail.clone()));
    tokio::spawn(hourly_chores(catalog.clone()));
    tokio::spawn(crate::alert_job::run(catalog.clone(), config.alert_hour));
    tokio::spawn(crate::round_job::run(catalog.clone()));
    let app = crate::router::router(&config, catalog, auth);
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|source| ServerError::Bind { addr: config.addr.to_string(), source })?;
    tracing::info!("Passerelle is listening on http://{}", config.addr);
    println!("Passerelle is listening on http://{}", config.addr);
    // The client's address reaches the handlers for rate limits.
    axum::serve(listener, app.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(ServerError::Serve)
}
