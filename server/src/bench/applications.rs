//! `passerelle bench --applications N`: an opening with N applications, each from a researcher
//! with a full profile; how long the server takes to render the opening's applications page
//! (and its CSV) for a member of its institution, through the real router, in-process.

use std::path::Path;
use std::time::{Duration, Instant};

use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use model::Lang;
use model::account::{InstitutionRole, Role};
use model::profile::{Profile, Visibility};
use model::record::LanguageRequirement;
use model::vocab::{CareerStage, Cefr, Field, Kind};
use tower::ServiceExt;

use super::{Report, bench_error, percentiles};
use crate::ServerError;
use crate::config::Config;

/// Renders timed after a warm-up.
const RENDERS: usize = 30;

pub async fn run(dir: &Path, count: usize, report: &mut Report) -> Result<(), ServerError> {
    let addr = "127.0.0.1:3000".parse().map_err(|e| bench_error("address", e))?;
    let config = Config::new(dir.to_path_buf(), None, addr, None, None);
    let catalog = config.open_catalog().await?;
    crate::demo::seed(&catalog, catalog::today()).await?;
    let opening = catalog
        .opening_id("kaist", "demo-kaist-soft-robotics")
        .await?
        .ok_or_else(|| bench_error("the demo", "no KAIST opening"))?;
    let hash = crate::auth::password::hash_password("a bench passphrase")?;
    let member = catalog
        .create_demo_account(
            account("bench.member@kaist.ac.kr", "Bench", &hash),
            Some(("kaist", InstitutionRole::Member)),
        )
        .await?
        .ok_or_else(|| bench_error("the member", "exists already"))?;
    println!("Sending {count} applications (each from a researcher with a profile)…");
    let started = Instant::now();
    for n in 0..count {
        let (email, name) = (format!("r{n}@bench.example"), format!("Researcher {n}"));
        let Some(researcher) = catalog.create_demo_account(account(&email, &name, &hash), None).await? else {
            continue;
        };
        catalog.save_profile(&researcher, &profile(n)).await?;
        let letter = format!("Letter {n}: ").repeat(40);
        let _ = catalog.apply(&researcher, opening, &letter, Lang::En, &[]).await?;
    }
    report.add(
        "applications sent (account, profile, application)",
        format!("{count} in {:.1} s", started.elapsed().as_secs_f64()),
    );

    let auth = config.auth(&catalog);
    let router = crate::router::router(&config, catalog.clone(), auth);
    let token = catalog.start_session(member.account_id).await?;
    for (what, path) in [
        ("the applications page", format!("/en/postings/{opening}/applications")),
        ("its CSV", format!("/en/postings/{opening}/applications.csv")),
    ] {
        let mut samples: Vec<Duration> = Vec::new();
        let mut size = 0;
        for pass in 0..=RENDERS {
            let request = Request::get(&path)
                .header(header::COOKIE, format!("passerelle_session={token}"))
                .body(Body::empty())
                .map_err(|e| bench_error("request", e))?;
            let started = Instant::now();
            let response = router.clone().oneshot(request).await.map_err(|e| bench_error("render", e))?;
            let status = response.status();
            let body = to_bytes(response.into_body(), usize::MAX).await.map_err(|e| bench_error("body", e))?;
            let elapsed = started.elapsed();
            if status != StatusCode::OK {
                return Err(bench_error(what, status));
            }
            size = body.len();
            if pass > 0 {
                samples.push(elapsed);
            }
        }
        let (p50, p99) = percentiles(&mut samples);
        report.add(
            &format!("{what} with {count} applications, rendered on the server: p50 / p99"),
            format!("{p50:.1} ms / {p99:.1} ms ({:.1} MB)", size as f64 / 1e6),
        );
    }
    Ok(())
}

/// A confirmed researcher's account.
fn account<'a>(email: &'a str, display_name: &'a str, password_hash: &'a str) -> catalog::NewAccount<'a> {
    catalog::NewAccount {
        email,
        password_hash,
        display_name,
        lang: Lang::Fr,
        role: Role::Researcher,
        email_confirmed: true,
    }
}

/// A full profile, varied by `n`.
fn profile(n: usize) -> Profile {
    let stages = CareerStage::ALL;
    Profile {
        career_stage: Some(stages[n % stages.len()]),
        fields: vec![Field::ALL[n % Field::ALL.len()], Field::ALL[(n * 7) % Field::ALL.len()]],
        keywords: vec![format!("topic {n}"), "soft robotics".into(), "actuators".into()],
        interests: [(Lang::En, format!("Researcher {n} works on soft actuators and grippers."))].into(),
        languages: vec![
            LanguageRequirement { lang: "en".into(), level: Cefr::C1 },
            LanguageRequirement { lang: ["fr", "ko", "de"][n % 3].into(), level: Cefr::B1 },
        ],
        available_from: None,
        kinds: vec![Kind::PhdExchange],
        countries: vec!["KR".into()],
        orcid: None,
        website: None,
        visibility: Visibility::AppliedTo,
    }
}
