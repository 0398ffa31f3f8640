//! `passerelle bench`: the search benchmark, in one run on a synthetic catalogue.
//!
//! 1. Indexing: the openings straight into a fresh Tantivy index (openings/s).
//! 2. Search in-process: top 10 + count + facets over a mixed query set (p50, p99).
//! 3. The same corpus and queries in SQLite FTS5 ranked by bm25, with the same count and facets.
//! 4. `passerelle import openings FILE` of the whole corpus, as a user would run it.
//! 5. `passerelle serve` on that data: its first start (building its index from the database) and
//!    its memory then; a restart, the JSON API's p50/p99 over HTTP, and the server's memory.
//! 6. Write-to-searchable: a one-line import beside the running server, until the API finds it.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use model::Lang;
use model::dto::SearchParams;
use model::record::OpeningRecord;
use model::vocab::Kind;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement, TransactionTrait};
use search::{IndexedOpening, SearchIndex};

use crate::ServerError;
use crate::synthetic::{Rng, name_in, opening, topics};

pub struct BenchOptions {
    pub openings: usize,
    pub queries: usize,
    /// Stop after the in-process Tantivy figures (for quick iterations on the search code).
    pub index_only: bool,
    /// Where to build everything; a fresh temporary directory when `None` (removed after).
    pub dir: Option<PathBuf>,
}

fn bench_error(what: &str, detail: impl std::fmt::Display) -> ServerError {
    ServerError::Bench(format!("{what}: {detail}"))
}

/// p50 and p99 of `samples`, in milliseconds.
fn percentiles(samples: &mut [Duration]) -> (f64, f64) {
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
    let (index, _) = SearchIndex::open(&dir.join("index-only"))?;
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
    drop(index);
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
    report.add("HTTP GET /api/v1/openings: p50 / p99", format!("{:.2} ms / {:.2} ms", http.0, http.1));
    let (rss, peak) = server.memory();
    report.add("restarted server's resident memory after the HTTP run (RSS / peak)", format!("{rss} MB / {peak} MB"));
    let latencies = write_to_searchable(dir, &data, port, today, &topics)?;
    report.add(
        "write-to-searchable beside the server (import commit → API finds it): median / max",
        format!("{:.0} ms / {:.0} ms", latencies.0, latencies.1),
    );
    server.stop();

    println!("\n| measure | value |\n|---|---|");
    for (what, value) in &report.lines {
        println!("| {what} | {value} |");
    }
    Ok(())
}

pub fn write_jsonl(path: &Path, records: &[OpeningRecord]) -> Result<(), ServerError> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path).map_err(|e| bench_error("writing JSONL", e))?);
    for record in records {
        serde_json::to_writer(&mut out, record).map_err(|e| bench_error("writing JSONL", e))?;
        out.write_all(b"\n").map_err(|e| bench_error("writing JSONL", e))?;
    }
    out.flush().map_err(|e| bench_error("writing JSONL", e))
}

/// This same `passerelle` binary on the embedded database in `data`, quiet.
fn passerelle_command(data: &Path) -> Result<Command, ServerError> {
    let exe = std::env::current_exe().map_err(|e| bench_error("finding passerelle", e))?;
    let mut command = Command::new(exe);
    command
        .env("PASSERELLE_DATA_DIR", data)
        .env_remove("DATABASE_URL")
        .env("PASSERELLE_LOG", "warn")
        .stdout(Stdio::null());
    Ok(command)
}

/// Runs this same `passerelle` binary with `args` on `data`, waiting for it to finish.
fn passerelle(data: &Path, args: &[&str]) -> Result<(), ServerError> {
    let status = passerelle_command(data)?.args(args).status().map_err(|e| bench_error("running passerelle", e))?;
    if status.success() { Ok(()) } else { Err(bench_error("passerelle", format!("{args:?} exited with {status}"))) }
}

fn free_port() -> Result<u16, ServerError> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| bench_error("finding a port", e))?;
    Ok(listener.local_addr().map_err(|e| bench_error("finding a port", e))?.port())
}

struct Server {
    child: Child,
}

impl Server {
    fn start(data: &Path, port: u16) -> Result<Server, ServerError> {
        let child = passerelle_command(data)?
            .arg("serve")
            .env("PASSERELLE_ADDR", format!("127.0.0.1:{port}"))
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| bench_error("starting the server", e))?;
        let server = Server { child };
        for _ in 0..600 {
            if get(port, "/healthz").is_ok_and(|(status, _)| status == 200) {
                return Ok(server);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err(bench_error("starting the server", "not healthy after 60 s"))
    }

    /// (resident, peak resident) in MB, from /proc.
    fn memory(&self) -> (u64, u64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find(|line| line.starts_with(name))
                .and_then(|line| line.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
                .map_or(0, |kb| kb / 1024)
        };
        (field("VmRSS:"), field("VmHWM:"))
    }

    fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A GET over a fresh connection: (status, body).
fn get(port: u16, path: &str) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    let text = String::from_utf8_lossy(&response);
    let status = text.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = text.split_once("\r\n\r\n").map(|(_, body)| body.to_string()).unwrap_or_default();
    Ok((status, body))
}

fn api_path(lang: Lang, params: &SearchParams) -> String {
    let query = app::url::query_string(params.to_pairs());
    let separator = if query.is_empty() { "?" } else { "&" };
    format!("/api/v1/openings{query}{separator}lang={}", lang.code())
}

fn http_percentiles(port: u16, queries: &[(Lang, SearchParams)]) -> Result<(f64, f64), ServerError> {
    let mut samples = Vec::new();
    for pass in 0..4 {
        for (lang, params) in queries {
            let path = api_path(*lang, params);
            let started = Instant::now();
            let (status, _) = get(port, &path).map_err(|e| bench_error("HTTP request", e))?;
            if status != 200 {
                return Err(bench_error("HTTP request", format!("{path} answered {status}")));
            }
            if pass > 0 {
                samples.push(started.elapsed());
            }
        }
    }
    Ok(percentiles(&mut samples))
}

/// Imports one new opening at a time with `passerelle import` while the server runs, and times
/// from the end of the import (its commit) until the server's API returns it. (median, max) ms.
fn write_to_searchable(
    dir: &Path,
    data: &Path,
    port: u16,
    today: NaiveDate,
    topics: &[search::ConceptNames],
) -> Result<(f64, f64), ServerError> {
    let mut samples = Vec::new();
    for round in 0..10 {
        let word = format!("zqxbench{round}");
        let mut record = opening(10_000_000 + round, topics, today);
        record.title.insert(record.original_language, format!("Opening {word}"));
        let file = dir.join(format!("one-{round}.jsonl"));
        write_jsonl(&file, std::slice::from_ref(&record))?;
        passerelle(data, &["import", "openings", &file.display().to_string()])?;
        let committed = Instant::now();
        let path = format!("/api/v1/openings?q={word}&closed=1");
        loop {
            let (_, body) = get(port, &path).map_err(|e| bench_error("HTTP request", e))?;
            if body.contains("\"total\":1") {
                break;
            }
            if committed.elapsed() > Duration::from_secs(30) {
                return Err(bench_error("write-to-searchable", "not searchable after 30 s"));
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        samples.push(committed.elapsed());
    }
    samples.sort_unstable();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    Ok((ms(samples[samples.len() / 2]), ms(samples[samples.len() - 1])))
}

/// The baseline: the same texts in an SQLite FTS5 table (unicode61 tokenizer, diacritics
/// removed), the filterable values in a plain table beside it.
struct Fts5 {
    conn: DatabaseConnection,
}

impl Fts5 {
    async fn build(path: &Path, records: &[OpeningRecord], report: &mut Report) -> Result<Fts5, ServerError> {
        let fail = |e: sea_orm::DbErr| bench_error("FTS5", e);
        let conn = Database::connect(format!("sqlite://{}?mode=rwc", path.display())).await.map_err(fail)?;
        conn.execute_unprepared(
            "PRAGMA journal_mode=WAL;
             CREATE VIRTUAL TABLE docs USING fts5(title, keywords, description,
                 tokenize = 'unicode61 remove_diacritics 2');
             CREATE TABLE meta (id INTEGER PRIMARY KEY, kind TEXT, country TEXT, institution TEXT,
                 funded INTEGER, deadline TEXT);
             CREATE INDEX meta_deadline ON meta (deadline);",
        )
        .await
        .map_err(fail)?;
        let started = Instant::now();
        let txn = conn.begin().await.map_err(fail)?;
        for (id, record) in (1_i64..).zip(records) {
            let join = |texts: &model::Texts| texts.values().cloned().collect::<Vec<_>>().join("\n");
            txn.execute_raw(Statement::from_sql_and_values(
                sea_orm::DbBackend::Sqlite,
                "INSERT INTO docs (rowid, title, keywords, description) VALUES (?, ?, ?, ?)",
                [
                    id.into(),
                    join(&record.title).into(),
                    record.keywords.join("\n").into(),
                    join(&record.description).into(),
                ],
            ))
            .await
            .map_err(fail)?;
            txn.execute_raw(Statement::from_sql_and_values(
                sea_orm::DbBackend::Sqlite,
                "INSERT INTO meta (id, kind, country, institution, funded, deadline) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    id.into(),
                    record.kind.code().into(),
                    record.location.country.clone().into(),
                    record.institution.slug.clone().into(),
                    i32::from(record.funding.stipend.is_some()).into(),
                    record.deadline.to_string().into(),
                ],
            ))
            .await
            .map_err(fail)?;
        }
        txn.commit().await.map_err(fail)?;
        let seconds = started.elapsed().as_secs_f64();
        report.add(
            "indexing (SQLite FTS5, one transaction)",
            format!("{:.0} openings/s ({seconds:.1} s)", records.len() as f64 / seconds),
        );
        Ok(Fts5 { conn })
    }

    /// Top 10 by bm25 (title ×3, keywords ×2), the count, and kind/country/funded/institution
    /// counts over all matches: what the Tantivy search returns.
    async fn search(&self, params: &SearchParams, _lang: Lang, today: NaiveDate) -> Result<(), ServerError> {
        let fail = |e: sea_orm::DbErr| bench_error("FTS5", e);
        let words: Vec<String> = params
            .q
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| format!("\"{w}\""))
            .collect();
        let mut filters = vec!["meta.deadline >= ?".to_string()];
        let mut values: Vec<sea_orm::Value> = vec![today.to_string().into()];
        if let Some(kind) = params.kind {
            filters.push("meta.kind = ?".into());
            values.push(kind.code().into());
        }
        if let Some(country) = &params.country {
            filters.push("meta.country = ?".into());
            values.push(country.clone().into());
        }
        let (from, order) = if words.is_empty() {
            ("meta".to_string(), "meta.deadline, meta.id".to_string())
        } else {
            filters.insert(0, "docs MATCH ?".into());
            // All the words, as the Tantivy search requires every word it knows.
            values.insert(0, words.join(" AND ").into());
            ("docs JOIN meta ON meta.id = docs.rowid".to_string(), "bm25(docs, 3.0, 2.0, 1.0), meta.id".to_string())
        };
        let filter = filters.join(" AND ");
        let statement = |sql: String| Statement::from_sql_and_values(sea_orm::DbBackend::Sqlite, sql, values.clone());
        let top = self
            .conn
            .query_all_raw(statement(format!("SELECT meta.id FROM {from} WHERE {filter} ORDER BY {order} LIMIT 10")))
            .await
            .map_err(fail)?;
        let facets = self
            .conn
            .query_all_raw(statement(format!(
                "SELECT meta.kind, meta.country, meta.funded, meta.institution, count(*) FROM {from}
                 WHERE {filter} GROUP BY 1, 2, 3, 4"
            )))
            .await
            .map_err(fail)?;
        std::hint::black_box((top.len(), facets.len()));
        Ok(())
    }
}
