//! `passerelle bench`: the search benchmark, in one run on a synthetic catalogue.
//!
//! 1. Indexing: the openings straight into a fresh Tantivy index (openings/s).
//! 2. Search in-process: top 10 + count + facets over a mixed query set (p50, p99);
//!    recommendations for synthetic profiles (`recommend`); then the semantic path's own costs,
//!    when the embedding model is there (`semantic`).
//! 3. The same corpus and queries in SQLite FTS5 ranked by bm25, with the same count and facets.
//! 4. `passerelle import openings FILE` of the whole corpus, as a user would run it.
//! 5. `passerelle serve` on that data: its first start (building its index from the database) and
//!    its memory then; a restart, the JSON API's p50/p99 over HTTP, and the server's memory.
//! 6. Write-to-searchable: a one-line import beside the running server, until the API finds it.
//!
//! With `--applications N`, instead: an opening's applications page with N applications
//! (`applications`). With `--load`, instead: a server under many clients (`load`). With
//! `--alerts N`, instead: the daily digest run for N alerts (`alerts`). With `--candidates N`,
//! instead: candidates for an opening among N visible profiles (`candidates`).

mod alerts;
mod applications;
mod candidates;
mod fts5;
mod load;
mod processes;
mod recommend;
mod round;
mod semantic;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use model::Lang;
use model::dto::SearchParams;
use model::record::OpeningRecord;
use model::vocab::Kind;
use search::{IndexedOpening, SearchIndex};

use crate::ServerError;
use crate::synthetic::{Rng, name_in, opening, topics};
use fts5::Fts5;
use processes::{Server, free_port, http_percentiles, passerelle, write_to_searchable};

pub struct BenchOptions {
    pub openings: usize,
    pub queries: usize,
    /// Stop after the in-process Tantivy figures (for quick iterations on the search code).
    pub index_only: bool,
    /// Where to build everything; a fresh temporary directory when `None` (removed after).
    pub dir: Option<PathBuf>,
    /// Measure an opening's applications page with this many applications instead.
    pub applications: Option<usize>,
    /// Measure a server under load instead (see `load`).
    pub load: bool,
    /// Measure the daily digest run for this many alerts instead (see `alerts`).
    pub alerts: Option<usize>,
    /// Measure candidates for an opening among this many visible profiles instead.
    pub candidates: Option<usize>,
    /// Measure a matching round of this many applicants instead.
    pub round: Option<usize>,
    /// The embedding model, as a server would load it (see `semantic`).
    pub encoder: Option<std::sync::Arc<search::Encoder>>,
}

/// The `n`-th confirmed researcher of a bench (`{prefix}{n}@bench.example`, writing in one of
/// the three languages in turn), created with the password hash `hash`; `None` when the account
/// exists already.
async fn bench_researcher(
    catalog: &catalog::Catalog,
    prefix: &str,
    n: usize,
    hash: &str,
) -> Result<Option<model::account::Viewer>, ServerError> {
    let email = format!("{prefix}{n}@bench.example");
    let new = catalog::NewAccount {
        email: &email,
        password_hash: hash,
        display_name: "Bench",
        lang: Lang::ALL[n % 3],
        role: model::account::Role::Researcher,
        email_confirmed: true,
    };
    Ok(catalog.create_demo_account(new, None).await?)
}

fn bench_error(what: &str, detail: impl std::fmt::Display) -> ServerError {
    ServerError::Bench(format!("{what}: {detail}"))
}

/// p50 and p99, in milliseconds.
type Percentiles = (f64, f64);

/// p50 and p99 of `samples`, in milliseconds.
fn percentiles(samples: &mut [Duration]) -> Percentiles {
    samples.sort_unstable();
    let at = |p: f64| {
        let index = ((samples.len() as f64 * p).ceil() as usize).clamp(1, samples.len().max(1)) - 1;
        samples.get(index).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    (at(0.50), at(0.99))
}

/// A mixed query set: topic names in the three languages, pairs of topics, misspellings,
/// filters, and empty searches, in proportions like a search log's.
pub fn query_set(count: usize) -> Vec<(Lang, SearchParams)> {
    let topics = topics();
    let mut rng = Rng::new(0xbe7c);
    (0..count)
        .map(|_| {
            let lang = *rng.pick(&Lang::ALL);
            let written_in = *rng.pick(&Lang::ALL);
            let mut params = SearchParams { per_page: 10, ..SearchParams::default() };
            let roll = rng.below(100);
            params.q = match roll {
                0..=44 => name_in(rng.pick(&topics), written_in).to_string(),
                45..=69 => {
                    format!("{} {}", name_in(rng.pick(&topics), written_in), name_in(rng.pick(&topics), written_in))
                }
                70..=79 => misspell(name_in(rng.pick(&topics), Lang::En)),
                80..=94 => {
                    if rng.chance(50) {
                        params.kind = Some(*rng.pick(Kind::ALL));
                    } else {
                        params.country = Some(rng.pick(&["KR", "CA", "FR"]).to_string());
                    }
                    name_in(rng.pick(&topics), written_in).to_string()
                }
                _ => String::new(),
            };
            (lang, params)
        })
        .collect()
}

/// Drops one letter from the longest word (`quantum` → `quantm`).
fn misspell(text: &str) -> String {
    let mut words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
    if let Some(longest) = words.iter_mut().max_by_key(|w| w.chars().count()) {
        let chars: Vec<char> = longest.chars().collect();
        if chars.len() >= 5 {
            let middle = chars.len() / 2;
            *longest = chars.iter().enumerate().filter(|(i, _)| *i != middle).map(|(_, c)| c).collect();
        }
    }
    words.join(" ")
}

struct Report {
    lines: Vec<(String, String)>,
}

impl Report {
    fn add(&mut self, what: &str, value: String) {
        println!("  {what}: {value}");
        self.lines.push((what.to_string(), value));
    }

    /// The figures as a Markdown table, for the README.
    fn print(&self) -> Result<(), ServerError> {
        println!("\n| measure | value |\n|---|---|");
        for (what, value) in &self.lines {
            println!("| {what} | {value} |");
        }
        Ok(())
    }
}

pub async fn run(options: BenchOptions) -> Result<(), ServerError> {
    let temporary = options.dir.is_none();
    let dir = options
        .dir
        .clone()
        .unwrap_or_else(|| std::env::temp_dir().join(format!("passerelle-bench-{}", std::process::id())));
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(|e| bench_error("clearing the bench directory", e))?;
    }
    std::fs::create_dir_all(&dir).map_err(|e| bench_error("creating the bench directory", e))?;
    let result = run_in(&dir, &options).await;
    if temporary {
        let _ = std::fs::remove_dir_all(&dir);
    }
    result
}

async fn run_in(dir: &Path, options: &BenchOptions) -> Result<(), ServerError> {
    if let Some(count) = options.round {
        let mut report = Report { lines: Vec::new() };
        round::run(dir, count, &mut report)?;
        round::in_passerelle(dir, &mut report).await?;
        return report.print();
    }
    if let Some(count) = options.applications {
        let mut report = Report { lines: Vec::new() };
        applications::run(dir, count, &mut report).await?;
        return report.print();
    }
    if let Some(count) = options.candidates {
        let mut report = Report { lines: Vec::new() };
        candidates::run(dir, count, &mut report).await?;
        return report.print();
    }
    if let Some(count) = options.alerts {
        let mut report = Report { lines: Vec::new() };
        alerts::run(dir, options.openings, count, &mut report).await?;
        return report.print();
    }
    if options.load {
        let (dir, n) = (dir.to_path_buf(), options.openings);
        let mut report = Report { lines: Vec::new() };
        let report = tokio::task::spawn_blocking(move || load::run(&dir, n, &mut report).map(|()| report))
            .await
            .map_err(|e| bench_error("load run", e))??;
        return report.print();
    }
    let today = catalog::today();
    let topics = topics();
    let n = options.openings;
    println!("Generating {n} synthetic openings and {} queries…", options.queries);
    let records: Vec<OpeningRecord> = (0..n).map(|i| opening(i, &topics, today)).collect();
    let queries = query_set(options.queries);
    let mut report = Report { lines: Vec::new() };
    report.add("openings", n.to_string());
    report.add("queries", format!("{} (×3 timed passes after a warm-up)", queries.len()));

    // 1 and 2: the index alone.
    let index = SearchIndex::open(&dir.join("index-only"))?;
    let started = Instant::now();
    index.rebuild(records.iter().zip(1..).map(|(record, id)| IndexedOpening { id, record, published_at: id }))?;
    let seconds = started.elapsed().as_secs_f64();
    report.add("indexing (Tantivy, in-process)", format!("{:.0} openings/s ({seconds:.1} s)", n as f64 / seconds));
    let mut samples = Vec::new();
    let mut slowest: Vec<(Duration, String, usize)> = Vec::new();
    for pass in 0..4 {
        for (lang, params) in &queries {
            let query = catalog::search_query(params, *lang, today);
            let started = Instant::now();
            let results = index.search(&query)?;
            let elapsed = started.elapsed();
            if pass > 0 {
                samples.push(elapsed);
            }
            if pass == 3 {
                slowest.push((elapsed, format!("{}:{:?}", lang.code(), params.q), results.total));
            }
        }
    }
    slowest.sort_by_key(|slow| std::cmp::Reverse(slow.0));
    for (elapsed, query, total) in slowest.iter().take(8) {
        println!("    slow: {:.2} ms {query} ({total} hits)", elapsed.as_secs_f64() * 1000.0);
    }
    let (p50, p99) = percentiles(&mut samples);
    report.add("search in-process (Tantivy): p50 / p99", format!("{p50:.2} ms / {p99:.2} ms"));
    // Searches without words reuse their counts per segment; what they cost when counted anew
    // (the first such search after a commit, or with other filters).
    let mut samples = Vec::new();
    for (lang, params) in queries.iter().filter(|(_, params)| params.q.is_empty()) {
        let query = catalog::search_query(params, *lang, today);
        index.forget_counts();
        let started = Instant::now();
        index.search(&query)?;
        samples.push(started.elapsed());
    }
    let (fresh_p50, fresh_p99) = percentiles(&mut samples);
    report.add("without words, counts not reused: p50 / p99", format!("{fresh_p50:.2} ms / {fresh_p99:.2} ms"));
    recommend::run(&index, options.encoder.as_deref(), &topics, today, &mut report)?;
    semantic::searches(&index, options.encoder.as_ref(), &queries, today, &mut report)?;
    drop(index);
    semantic::run(options.encoder.as_deref(), n, &records, &queries, &mut report);
    if options.index_only {
        return Ok(());
    }

    // 3: SQLite FTS5 on the same corpus and queries.
    let fts = Fts5::build(&dir.join("fts5.sqlite"), &records, &mut report).await?;
    let mut samples = Vec::new();
    for pass in 0..4 {
        for (lang, params) in &queries {
            let started = Instant::now();
            fts.search(params, *lang, today).await?;
            if pass > 0 {
                samples.push(started.elapsed());
            }
        }
    }
    let (fts_p50, fts_p99) = percentiles(&mut samples);
    report.add("search SQLite FTS5 (bm25): p50 / p99", format!("{fts_p50:.2} ms / {fts_p99:.2} ms"));
    report.add("FTS5 p99 ÷ Tantivy p99", format!("{:.1}×", fts_p99 / p99.max(1e-9)));
    drop(fts);

    // 4: the CLI import of the whole corpus.
    let data = dir.join("data");
    let file = dir.join("openings.jsonl");
    write_jsonl(&file, &records)?;
    drop(records);
    let started = Instant::now();
    passerelle(&data, &["import", "openings", &file.display().to_string()])?;
    let seconds = started.elapsed().as_secs_f64();
    report.add(
        "passerelle import (parse, validate, database; servers index what it wrote)",
        format!("{:.0} openings/s ({seconds:.1} s)", n as f64 / seconds),
    );

    // 5 and 6: a real server on that data. The first start builds its index from the database
    // (before it answers); a restart opens that index as it is.
    let started = Instant::now();
    let server = Server::start(&data, free_port()?)?;
    let seconds = started.elapsed().as_secs_f64();
    let (rss, peak) = server.memory();
    report.add("passerelle serve, first start: index built from the database", format!("{seconds:.1} s"));
    report.add("server resident memory after building its index (RSS / peak)", format!("{rss} MB / {peak} MB"));
    server.stop();
    let port = free_port()?;
    let server = Server::start(&data, port)?;
    let http = tokio::task::spawn_blocking({
        let queries = queries.clone();
        move || http_percentiles(port, &queries)
    })
    .await
    .map_err(|e| bench_error("HTTP run", e))??;
    let ((p50, p99), (again_p50, again_p99)) = http;
    report
        .add("HTTP GET /api/v1/openings, each search the first time: p50 / p99", format!("{p50:.2} ms / {p99:.2} ms"));
    report.add(
        "the same searches asked again (answered from memory): p50 / p99",
        format!("{again_p50:.2} ms / {again_p99:.2} ms"),
    );
    let (rss, peak) = server.memory();
    report.add("restarted server's resident memory after the HTTP run (RSS / peak)", format!("{rss} MB / {peak} MB"));
    let latencies = write_to_searchable(dir, &data, port, today, &topics)?;
    report.add(
        "write-to-searchable beside the server (import commit → API finds it): median / max",
        format!("{:.0} ms / {:.0} ms", latencies.0, latencies.1),
    );
    server.stop();
    report.print()
}

pub fn write_jsonl(path: &Path, records: &[OpeningRecord]) -> Result<(), ServerError> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).map_err(|e| bench_error("writing JSONL", e))?);
    for record in records {
        serde_json::to_writer(&mut out, record).map_err(|e| bench_error("writing JSONL", e))?;
        out.write_all(b"\n").map_err(|e| bench_error("writing JSONL", e))?;
    }
    out.flush().map_err(|e| bench_error("writing JSONL", e))
}
