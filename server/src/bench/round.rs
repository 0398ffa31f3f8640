//! `passerelle bench --round N`: a matching round of N applicants, each ranking 10 of N/5
//! openings, solved in-process phase by phase, then by `passerelle round solve` and `round
//! verify` as whole processes (what someone checking a published round runs); then a smaller
//! round through Passerelle's use cases on SQLite (`in_passerelle`).

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

/// Researchers, openings and choices of the round run through Passerelle itself.
const SERVICE_RESEARCHERS: usize = 2_000;
const SERVICE_OPENINGS: usize = 400;
const SERVICE_CHOICES: usize = 5;

/// The same kind of round through Passerelle's use cases on SQLite: researchers apply, rank
/// (timed), members rank their applicants (timed), the coordinator closes (the solve's
/// transaction, timed) and sends the results; then a researcher's result page with its
/// explanation and the coordinator's page.
pub async fn in_passerelle(dir: &Path, report: &mut Report) -> Result<(), ServerError> {
    use model::account::{InstitutionRole, Membership, Role, Viewer};
    use model::round::RoundForm;

    let addr = "127.0.0.1:3000".parse().map_err(|e| bench_error("address", e))?;
    let config = crate::config::Config::new(dir.join("passerelle"), None, addr, None, None);
    let catalog = config.write_catalog().await?;
    let (topics, today) = (crate::synthetic::topics(), catalog::today());
    let records: Vec<_> = (0..SERVICE_OPENINGS)
        .map(|n| model::record::OpeningRecord {
            apply_on_passerelle: true,
            deadline: today + chrono::Days::new(60),
            ..crate::synthetic::opening(n, &topics, today)
        })
        .collect();
    catalog.import(&records).await?;
    let mut openings = Vec::with_capacity(records.len());
    for record in &records {
        let id = catalog.opening_id(&record.institution.slug, &record.external_id).await?;
        openings.push((id.ok_or_else(|| bench_error("import", "an opening is missing"))?, record.institution.clone()));
    }
    println!("Writing {SERVICE_RESEARCHERS} researchers and their applications…");
    let started = Instant::now();
    let hash = crate::auth::password::hash_password("a bench passphrase")?;
    let mut rng = synthetic::Rng::new(7);
    let mut researchers = Vec::with_capacity(SERVICE_RESEARCHERS);
    for n in 0..SERVICE_RESEARCHERS {
        let Some(viewer) = super::bench_researcher(&catalog, "round", n, &hash).await? else { continue };
        let mut chosen: Vec<i64> = Vec::new();
        while chosen.len() < SERVICE_CHOICES {
            let (opening, _) = &openings[rng.below(openings.len())];
            if !chosen.contains(opening) {
                chosen.push(*opening);
            }
        }
        for &opening in &chosen {
            let sent = catalog.apply(&viewer, opening, "A bench application letter.", model::Lang::En, &[]).await?;
            sent.map_err(|refusal| bench_error("applying", format!("{refusal:?}")))?;
        }
        researchers.push((viewer, chosen));
    }
    report.add(
        "Passerelle: researchers and applications written",
        format!(
            "{} researchers, {} applications in {:.1} s",
            researchers.len(),
            researchers.len() * SERVICE_CHOICES,
            started.elapsed().as_secs_f64()
        ),
    );
    let coordinator = Viewer { role: Role::PlatformAdmin, ..researchers[0].0.clone() };
    let later = |days| (chrono::Utc::now() + chrono::Duration::days(days)).naive_utc();
    let form = RoundForm {
        name: model::Texts::from([(model::Lang::En, "A bench round".to_string())]),
        openings: openings.iter().map(|(id, _)| (*id, 1 + rng.below(3) as u32)).collect(),
        applications_close: later(1),
        rankings_close: later(2),
        results_at: later(3),
        max_ranking: SERVICE_CHOICES as u32,
    };
    let started = Instant::now();
    let round = catalog.create_round(&coordinator, &form, None).await?;
    report.add("Passerelle: a round created (participants and members told)", format!("{} ms", ms(started.elapsed())));

    let mut samples = Vec::with_capacity(researchers.len());
    for (viewer, chosen) in &researchers {
        let started = Instant::now();
        catalog.rank_openings(viewer, round, chosen).await?;
        samples.push(started.elapsed());
    }
    let (p50, p99) = super::percentiles(&mut samples);
    report
        .add("Passerelle: a researcher ranks (the use case, in-process)", format!("p50 {p50:.2} ms, p99 {p99:.2} ms"));
    let mut samples = Vec::with_capacity(openings.len());
    for (opening, institution) in &openings {
        let member = Viewer {
            memberships: vec![Membership {
                institution: model::account::InstitutionRef {
                    slug: institution.slug.clone(),
                    name: institution.name.clone(),
                    verified: true,
                    country: institution.country.clone(),
                    city: institution.city.clone(),
                },
                role: InstitutionRole::Member,
            }],
            ..researchers[0].0.clone()
        };
        let view = catalog.round_view(&member, round, model::Lang::En).await?;
        let Some(ranking) = view.rankings.iter().find(|r| r.opening.id == *opening) else { continue };
        let applicants: Vec<i64> = ranking.applicants.iter().map(|a| a.account_id).collect();
        let started = Instant::now();
        catalog.rank_applicants(&member, round, *opening, &applicants).await?;
        samples.push(started.elapsed());
    }
    let (p50, p99) = super::percentiles(&mut samples);
    report
        .add("Passerelle: an opening ranks its applicants (the use case)", format!("p50 {p50:.2} ms, p99 {p99:.2} ms"));

    let started = Instant::now();
    catalog.close_round(&coordinator, round).await?;
    report.add(
        "Passerelle: closing the round (instance read, solved, results and tokens written, one transaction)",
        format!("{} ms", ms(started.elapsed())),
    );
    let started = Instant::now();
    catalog.publish_round(&coordinator, round).await?;
    report.add(
        "Passerelle: sending the results (an e-mail to each researcher, one transaction)",
        format!("{} ms", ms(started.elapsed())),
    );
    let mut samples = Vec::new();
    for (viewer, _) in researchers.iter().step_by(10) {
        let started = Instant::now();
        let view = catalog.round_view(viewer, round, viewer.lang).await?;
        samples.push(started.elapsed());
        if view.choices.and_then(|c| c.result).is_none() {
            return Err(bench_error("result page", "a researcher who ranked has no result"));
        }
    }
    let (p50, p99) = super::percentiles(&mut samples);
    report.add(
        "Passerelle: a researcher's result with its explanation (round page data)",
        format!("p50 {p50:.2} ms, p99 {p99:.2} ms"),
    );
    let started = Instant::now();
    let view = catalog.round_view(&coordinator, round, model::Lang::En).await?;
    let matched = view.coordination.and_then(|c| c.matched).unwrap_or_default();
    report.add(
        &format!("Passerelle: the coordinator's page data ({SERVICE_OPENINGS} openings named)"),
        format!("{} ms; {} matched, {} not", ms(started.elapsed()), matched.0, matched.1),
    );
    Ok(())
}
