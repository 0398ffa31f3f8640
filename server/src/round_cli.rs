//! `passerelle round solve` and `passerelle round verify`: a round's arithmetic on files, with
//! no database, for anyone checking a published round.

use std::io::Write;
use std::path::Path;

use matching::{Instance, Market, Matching, Verdict};

use crate::ServerError;

fn read(path: &Path) -> Result<String, ServerError> {
    std::fs::read_to_string(path).map_err(|err| bad(path, format!("cannot be read: {err}")))
}

fn bad(path: &Path, reason: impl ToString) -> ServerError {
    ServerError::BadRoundFile { path: path.to_path_buf(), reason: reason.to_string() }
}

fn market(path: &Path) -> Result<Market, ServerError> {
    let instance = Instance::from_json(&read(path)?).map_err(|err| bad(path, err))?;
    instance.market().map_err(|err| bad(path, err))
}

/// Prints the applicant-optimal stable matching of the instance as JSON.
pub fn solve(instance: &Path) -> Result<(), ServerError> {
    let market = market(instance)?;
    let matching = market.matching(&market.solve());
    let stdout = std::io::stdout().lock();
    let mut out = std::io::BufWriter::new(stdout);
    serde_json::to_writer(&mut out, &matching).map_err(|err| bad(Path::new("-"), err))?;
    writeln!(out).and_then(|()| out.flush()).map_err(ServerError::Serve)
}

/// Checks that `result` is a matching of `instance` and that no pair blocks it; lists what is
/// wrong otherwise.
pub fn verify(instance: &Path, result: &Path) -> Result<(), ServerError> {
    let market = market(instance)?;
    let matching: Matching = serde_json::from_str(&read(result)?).map_err(|err| bad(result, err))?;
    match market.verify(&matching) {
        Verdict::Stable => {
            println!(
                "The result is feasible and stable: {} assigned, {} unmatched.",
                matching.assignments.len(),
                matching.unmatched.len()
            );
            Ok(())
        }
        Verdict::Infeasible(problems) => {
            for problem in &problems {
                println!("{problem}");
            }
            Err(ServerError::RoundRefused(format!(
                "the result is not a matching of this instance ({})",
                count(problems.len(), "problem")
            )))
        }
        Verdict::Unstable(pairs) => {
            for pair in &pairs {
                println!(
                    "blocking pair: applicant {} and opening {} would both rather have each other",
                    pair.applicant, pair.opening
                );
            }
            Err(ServerError::RoundRefused(format!(
                "the result is not stable ({})",
                count(pairs.len(), "blocking pair")
            )))
        }
    }
}

fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}
