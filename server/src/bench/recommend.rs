//! Recommendations for researchers' profiles on the synthetic catalogue, in-process: profiles
//! made like the openings (two or three topic names as keywords, a sentence of interests naming
//! others, in any of the three languages; a stage, languages, kinds and countries).

use std::time::Instant;

use chrono::NaiveDate;
use model::Lang;
use model::profile::Profile;
use model::record::LanguageRequirement;
use model::vocab::{CareerStage, Cefr, Kind};
use search::{ConceptNames, RecommendQuery, SearchIndex};

use super::{Report, percentiles};
use crate::ServerError;
use crate::synthetic::{Rng, name_in};

/// Profiles timed, each three times after a warm-up pass.
const PROFILES: usize = 300;

/// A synthetic profile, the `n`-th.
pub fn profile(n: usize, topics: &[ConceptNames]) -> Profile {
    let mut rng = Rng::new(n as u64 * 7_919 + 3);
    let written = *rng.pick(&Lang::ALL);
    let keywords =
        (0..2 + rng.below(2)).map(|_| name_in(rng.pick(topics), *rng.pick(&Lang::ALL)).to_string()).collect();
    let (first, second) = (name_in(rng.pick(topics), written), name_in(rng.pick(topics), written));
    let interests = match written {
        Lang::En => format!("I study {first}, and I would like to learn more about {second}."),
        Lang::Fr => format!("Je travaille sur {first} et je souhaite approfondir {second}."),
        Lang::Ko => format!("{first} 분야를 연구하고 있으며 {second}에도 관심이 있습니다."),
    };
    let level = |rng: &mut Rng| *rng.pick(Cefr::ALL);
    Profile {
        career_stage: Some(*rng.pick(CareerStage::ALL)),
        keywords,
        interests: [(written, interests)].into(),
        languages: vec![
            LanguageRequirement { lang: written.code().to_string(), level: Cefr::C2 },
            LanguageRequirement { lang: "en".into(), level: level(&mut rng) },
        ],
        kinds: (0..rng.below(3)).map(|_| *rng.pick(Kind::ALL)).collect(),
        countries: if rng.chance(50) { vec![rng.pick(&["KR", "CA", "FR"]).to_string()] } else { Vec::new() },
        ..Profile::default()
    }
}

/// Times recommendations for [`PROFILES`] profiles on `index`.
pub(super) fn run(
    index: &SearchIndex,
    encoder: Option<&search::Encoder>,
    topics: &[ConceptNames],
    today: NaiveDate,
    report: &mut Report,
) -> Result<(), ServerError> {
    let profiles: Vec<Profile> = (0..PROFILES).map(|n| profile(n, topics)).collect();
    let mut samples = Vec::new();
    for pass in 0..4 {
        for (n, profile) in profiles.iter().enumerate() {
            let lang = Lang::ALL[n % 3];
            let request = RecommendQuery {
                profile,
                lang,
                limit: 10,
                today,
                exclude: &[],
                published: search::Published::default(),
            };
            let started = Instant::now();
            index.recommend(&request)?;
            if pass > 0 {
                samples.push(started.elapsed());
            }
        }
    }
    let (p50, p99) = percentiles(&mut samples);
    report.add(
        "recommendations for a profile (top 10 with reasons, in-process, words alone): p50 / p99",
        format!("{p50:.2} ms / {p99:.2} ms"),
    );
    // With the model, a server also embeds what the profile is about (once per profile text:
    // remembered while the server runs); the scan of the vectors is the search's (below).
    if let Some(encoder) = encoder {
        let mut samples: Vec<std::time::Duration> = profiles
            .iter()
            .map(|profile| {
                let started = Instant::now();
                encoder.embed_query(&search::meaning_text(profile));
                started.elapsed()
            })
            .collect();
        let (p50, p99) = percentiles(&mut samples);
        report.add("with the model, embedding a profile's keywords: p50 / p99", format!("{p50:.2} ms / {p99:.2} ms"));
    }
    Ok(())
}
