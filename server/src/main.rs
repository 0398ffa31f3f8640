use std::process::ExitCode;

use clap::Parser;
use server::cli::{Cli, run};
use server::config::Config;
use tracing_subscriber::EnvFilter;

// A quarter of a loaded server's time went into the system allocator's malloc and free (many
// small strings and vectors per search); mimalloc serves them from per-thread pages.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let filter = EnvFilter::try_from_env("PASSERELLE_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tantivy=warn,sea_orm=warn"));
    tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).init();
    let cli = Cli::parse();
    let result = match Config::from_env() {
        Ok(config) => run(cli.command, config).await,
        Err(err) => Err(err),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::from(err.exit_status())
        }
    }
}
