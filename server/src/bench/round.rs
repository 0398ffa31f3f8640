//! `passerelle bench --round N`: a matching round of N applicants, each ranking 10 of N/5
//! openings, solved in-process phase by phase, then by `passerelle round solve` and `round
//! verify` as whole processes (what someone checking a published round runs).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use matching::{Instance, synthetic};

use super::{Report, bench_error};
use crate::ServerError;

const CHOICES: usize = 10;
const RUNS: usize = 5;

pub fn run(dir: &Path, applicants: usize, report: &mut Report) -> Result<(), ServerError> {
    let openings = (applicants / 5).max(1);
    let instance = synthetic::large(1, applicants, openings, CHOICES);
    let path = dir.join("instance.json");
    let json = serde_json::to_string(&instance).map_err(|e| bench_error("writing the instance", e))?;
    std::fs::write(&path, &json).map_err(|e| bench_error("writing the instance", e))?;
    report.add(
        "instance",
        format!(
            "{applicants} applicants × {openings} openings, {CHOICES} choices each, {:.1} MB of JSON",
            json.len() as f64 / 1e6
        ),
    );

    let started = Instant::now();
    let parsed = Instance::from_json(&json).map_err(|e| bench_error("parsing", e))?;
    let parse = started.elapsed();
    let market = parsed.market().map_err(|e| bench_error("checking", e))?;
    let index = started.elapsed() - parse;
    let solve_started = Instant::now();
    let outcome = market.solve();
    let solve = solve_started.elapsed();
    let check_started = Instant::now();
    let blocking = market.blocking_pairs(&outcome).len();
    let check = check_started.elapsed();
    if blocking > 0 {
        return Err(bench_error("the solver", format!("{blocking} blocking pairs")));
    }
    let matching = market.matching(&outcome);
    report.add(
        "in-process: parse / check and index / solve / stability check",
        format!("{} / {} / {} / {} ms", ms(parse), ms(index), ms(solve), ms(check)),
    );
    report.add("assigned / unmatched", format!("{} / {}", matching.assignments.len(), matching.unmatched.len()));

    let exe = std::env::current_exe().map_err(|e| bench_error("finding passerelle", e))?;
    let result = dir.join("result.json");
    let mut solves = Vec::new();
    for _ in 0..RUNS {
        let output = std::fs::File::create(&result).map_err(|e| bench_error("result file", e))?;
        let started = Instant::now();
        let status = Command::new(&exe)
            .args(["round", "solve"])
            .arg(&path)
            .stdout(output)
            .status()
            .map_err(|e| bench_error("running round solve", e))?;
        solves.push(started.elapsed());
        if !status.success() {
            return Err(bench_error("round solve", status));
        }
    }
    solves.sort_unstable();
    report.add(
        &format!("`passerelle round solve`, whole process ({RUNS} runs)"),
        format!("median {} ms, slowest {} ms", ms(solves[RUNS / 2]), ms(solves[RUNS - 1])),
    );
    let started = Instant::now();
    let status = Command::new(&exe)
        .args(["round", "verify"])
        .arg(&path)
        .arg(&result)
        .stdout(Stdio::null())
        .status()
        .map_err(|e| bench_error("running round verify", e))?;
    if !status.success() {
        return Err(bench_error("round verify refused the solver's result", status));
    }
    report.add("`passerelle round verify`, whole process", format!("{} ms", ms(started.elapsed())));
    Ok(())
}

fn ms(duration: Duration) -> String {
    format!("{:.0}", duration.as_secs_f64() * 1000.0)
}
