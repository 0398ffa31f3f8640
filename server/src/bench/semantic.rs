//! The semantic path's costs, each measured apart: a query's embedding, an opening's, and the
//! nearest-neighbour scan. The scan runs over random unit vectors (it costs the same whatever
//! they hold): embedding a large synthetic catalogue would take hours on the bench machine.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use embedding::{Encoder, Packed, VectorSet};
use model::Lang;
use model::dto::SearchParams;
use model::record::OpeningRecord;

use super::{Report, percentiles};
use crate::ServerError;
use crate::synthetic::Rng;
use search::SearchIndex;

/// Openings embedded to time it.
const OPENINGS_TIMED: usize = 100;
/// Distinct queries embedded to time it.
const QUERIES_TIMED: usize = 300;

/// With `encoder`, the model `passerelle serve` would use (none: not measured).
pub(super) fn run(
    encoder: Option<&Encoder>,
    n: usize,
    records: &[OpeningRecord],
    queries: &[(Lang, SearchParams)],
    report: &mut Report,
) {
    let Some(encoder) = encoder else {
        report.add("semantic matching", "not measured (no model: see PASSERELLE_MODEL)".to_string());
        return;
    };
    let mut texts: Vec<&str> = queries.iter().map(|(_, params)| params.q.as_str()).filter(|q| !q.is_empty()).collect();
    texts.sort_unstable();
    texts.dedup();
    texts.truncate(QUERIES_TIMED);
    let mut samples: Vec<Duration> = texts
        .iter()
        .map(|text| {
            let started = Instant::now();
            encoder.embed_query(text);
            started.elapsed()
        })
        .collect();
    let (embed_p50, embed_p99) = percentiles(&mut samples);
    report.add(
        "embedding a query (multilingual-e5-small 4-bit, a second thread sharing its products): p50 / p99",
        format!("{embed_p50:.2} ms / {embed_p99:.2} ms"),
    );

    let started = Instant::now();
    for record in records.iter().take(OPENINGS_TIMED) {
        encoder.embed_passage(&search::embedding_passage(record), 64);
    }
    let per_second = OPENINGS_TIMED.min(records.len()) as f64 / started.elapsed().as_secs_f64();
    report.add(
        "embedding openings (titles and keywords, background thread)",
        format!("{per_second:.0} openings/s ({:.0} min for {n})", n as f64 / per_second / 60.0),
    );

    let mut rng = Rng::new(0x5eed);
    let dimension = encoder.dimension();
    let mut set = VectorSet::new(dimension);
    for id in 0..n {
        set.insert(id as i64, &Packed::new(&random_unit(&mut rng, dimension)));
    }
    type Search = fn(&VectorSet, &[f32]) -> embedding::Nearest;
    let searches: [(&str, Search); 2] = [
        ("two passes: sides of the mean, then the 4% that agree most", |set, query| set.nearest(query, 40)),
        ("every vector compared", |set, query| set.nearest_exhaustive(query, 40)),
    ];
    for (how, search) in searches {
        let mut samples: Vec<Duration> = (0..200)
            .map(|_| {
                let query = random_unit(&mut rng, dimension);
                let started = Instant::now();
                search(&set, &query);
                started.elapsed()
            })
            .collect();
        let (scan_p50, scan_p99) = percentiles(&mut samples);
        report.add(
            &format!("nearest 40 of {n} opening vectors ({how}): p50 / p99"),
            format!("{scan_p50:.2} ms / {scan_p99:.2} ms"),
        );
    }
    two_pass_recall(encoder, report);
    report.add(
        "vectors' memory (bytes and a scale each)",
        format!("{:.1} MB", (n * (dimension + dimension / 8 + 4 + 8 + 8)) as f64 / 1_000_000.0),
    );
}

/// What the two passes of a large set's search find of the exact scan's nearest 40, on real
/// embeddings: the shipped vocabulary's names in the three languages (15,279), every
/// 70th of them also embedded as a query. The first pass keeps the share of the set it keeps of
/// a large one (1 in 25), and then 1 in 100.
fn two_pass_recall(encoder: &Encoder, report: &mut Report) {
    let mut names: Vec<String> =
        search::research_concepts().into_iter().flat_map(|concept| concept.names).map(|(_, name)| name).collect();
    names.sort_unstable();
    names.dedup();
    let half = names.len().div_ceil(2);
    let vectors: Vec<Vec<f32>> = std::thread::scope(|scope| {
        let parts: Vec<_> = names
            .chunks(half)
            .map(|part| {
                scope.spawn(move || part.iter().map(|name| encoder.embed_passage(name, 16)).collect::<Vec<_>>())
            })
            .collect();
        parts.into_iter().flat_map(|part| part.join().unwrap_or_default()).collect()
    });
    let mut set = VectorSet::new(encoder.dimension());
    for (key, vector) in vectors.iter().enumerate() {
        set.insert(key as i64, &Packed::new(vector));
    }
    let queries: Vec<Vec<f32>> = names.iter().step_by(70).map(|name| encoder.embed_query(name)).collect();
    let exact: Vec<Vec<(i64, f32)>> = queries.iter().map(|query| set.nearest_exhaustive(query, 40).best).collect();
    let (kept, fewer) = (set.len() / 25, set.len() / 100);
    let found = |candidates: usize, top: usize| {
        let mut kept = 0;
        let mut wanted = 0;
        for (query, exact) in queries.iter().zip(&exact) {
            let two_passes: HashSet<i64> =
                set.nearest_in_two_passes(query, 40, candidates).best.iter().map(|(key, _)| *key).collect();
            wanted += exact.len().min(top);
            kept += exact.iter().take(top).filter(|(key, _)| two_passes.contains(key)).count();
        }
        kept as f64 / wanted.max(1) as f64
    };
    report.add(
        &format!(
            "nearest 40 in two passes, on {} embedded vocabulary names ({} queries): what they find of the exact scan's 40 / its first 10",
            set.len(),
            queries.len()
        ),
        format!(
            "{:.3} / {:.3} keeping {kept} (1 in 25, as a large set's search does); {:.3} / {:.3} keeping {fewer} (1 in 100)",
            found(kept, 40),
            found(kept, 10),
            found(fewer, 40),
            found(fewer, 10)
        ),
    );
}

/// A random direction: what the scan costs does not depend on what the vectors hold.
fn random_unit(rng: &mut Rng, dimension: usize) -> Vec<f32> {
    let v: Vec<f32> = (0..dimension).map(|_| rng.below(2001) as f32 / 1000.0 - 1.0).collect();
    let length = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
    v.into_iter().map(|x| x / length).collect()
}

/// Whole searches with the model, in-process, each asked for the first time (its query
/// embedded, the vectors scanned, the neighbours added to the words' search), over an index
/// whose openings all have a vector (random ones: see [`random_unit`]).
pub(super) fn searches(
    index: &SearchIndex,
    encoder: Option<&Arc<Encoder>>,
    queries: &[(Lang, SearchParams)],
    today: NaiveDate,
    report: &mut Report,
) -> Result<(), ServerError> {
    let Some(encoder) = encoder else { return Ok(()) };
    let mut rng = Rng::new(0x5eed);
    let dimension = encoder.dimension();
    index.seed_semantic_vectors(dimension, |_| random_unit(&mut rng, dimension))?;
    index.enable_semantic(Arc::clone(encoder));
    let started = Instant::now();
    while index.semantic_progress() != Some((index.len() as usize, true)) {
        if started.elapsed() > Duration::from_secs(300) {
            report.add("search in-process with the model", "not measured (the vectors did not load)".to_string());
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    // Asked again, a query's embedding is remembered: the first time is timed apart. The
    // embeddings are remembered by their text, whatever the reader's language, so a text is
    // timed once.
    let mut asked = HashSet::new();
    let distinct: Vec<&(Lang, SearchParams)> =
        queries.iter().filter(|(_, params)| asked.insert(search::embedding_remembered_as(&params.q))).collect();
    for pass in ["each search the first time", "asked again (the query's embedding remembered)"] {
        let mut samples = Vec::new();
        for (lang, params) in &distinct {
            let query = catalog::search_query(params, *lang, today);
            let started = Instant::now();
            index.search(&query)?;
            samples.push(started.elapsed());
        }
        let (p50, p99) = percentiles(&mut samples);
        report.add(
            &format!("search in-process with the model, {pass} ({} searches): p50 / p99", samples.len()),
            format!("{p50:.2} ms / {p99:.2} ms"),
        );
    }
    Ok(())
}
