//! Rounds at their dates: every server looks each minute for rounds whose rankings have closed
//! (solves them), whose results' date has come (sends them) and whose rankings close soon
//! (reminds those who have not ranked). Each step is a conditional change in the database, so
//! several servers do each once.

use std::time::Duration;

const EVERY: Duration = Duration::from_secs(60);

pub async fn run(catalog: catalog::Catalog) {
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tick.tick().await;
        match catalog.run_due_rounds().await {
            Ok(0) => {}
            Ok(steps) => tracing::info!(steps, "rounds closed, published or reminded"),
            Err(err) => tracing::warn!(error = %err, "rounds due could not be handled"),
        }
    }
}
