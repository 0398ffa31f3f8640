//! `passerelle bench --load`: a real `passerelle serve` under real load, on openings of about
//! 2 KB imported through the CLI, with multi-word queries:
//! - one keep-alive client asking the JSON API one search after another (p50, p99);
//! - 64 keep-alive connections for ten seconds on the JSON API, then on the search page
//!   (gzip, as browsers ask), in requests/s: searches never asked before, and searches
//!   repeated as in a search log (where answers given before help, see `catalog::recent`);
//! - the same 64 connections on a bare axum handler that serves one search page's very bytes
//!   through the same compression and security headers, in turns with the page: what serving
//!   those bytes costs, so that the page's own work can be told apart.
//!
//! The clients run on one thread of this process (as `wrk -t1` would), on the same machine.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::http::header;
use axum::routing::get;
use model::Lang;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;
use tower_http::compression::CompressionLayer;

use super::processes::{self, Server, free_port, passerelle};
use super::{Report, bench_error, percentiles, write_jsonl};
use crate::ServerError;
use crate::synthetic::{Rng, name_in, opening_sized, topics};

/// Each description at least this long: with one to three languages, openings of about 2 KB.
const DESCRIPTION_BYTES: usize = 700;
const CONNECTIONS: usize = 64;
const DURATION: Duration = Duration::from_secs(10);
/// The page and the bare handler are measured in turns this long, this many times each.
const TURN: Duration = Duration::from_secs(5);
const TURNS: usize = 3;
/// Searches a single client asks, one after another (after a warm-up); and how many queries a
/// search log's repetitions are drawn from.
const SEQUENTIAL_QUERIES: usize = 1_000;
/// More than 64 connections ask in ten seconds, so none is asked twice.
const FRESH_QUERIES: usize = 20_000;
/// Draws from the search log's queries: more than are asked in one run.
const DRAWS: usize = 20_000;

pub(super) fn run(dir: &Path, n: usize, report: &mut Report) -> Result<(), ServerError> {
    let today = catalog::today();
    let topics = topics();
    println!("Generating {n} synthetic openings of about 2 KB…");
    let file = dir.join("openings.jsonl");
    let records: Vec<_> = (0..n).map(|i| opening_sized(i, &topics, today, DESCRIPTION_BYTES)).collect();
    let bytes: usize = records.iter().map(|r| serde_json::to_vec(r).map_or(0, |v| v.len())).sum();
    report.add("openings", format!("{n}, {:.1} KB each on average (JSON)", bytes as f64 / n as f64 / 1024.0));
    write_jsonl(&file, &records)?;
    drop(records);
    let data = dir.join("data");
    passerelle(&data, &["import", "openings", &file.display().to_string()])?;
    let port = free_port()?;
    let server = Server::start(&data, port)?;

    let api = |(lang, q): &(Lang, String)| format!("/api/v1/openings?q={}&lang={}", encode(q), lang.code());
    let page = |(lang, q): &(Lang, String)| format!("/{}/openings?q={}", lang.code(), encode(q));
    let paths = |queries: &[(Lang, String)], path: &dyn Fn(&(Lang, String)) -> String| -> Arc<Vec<String>> {
        Arc::new(queries.iter().map(path).collect())
    };
    // Searches never asked before (the answers of `catalog::recent` cannot help), then searches
    // repeated as in a search log: drawn from a thousand with Zipf's law (the most asked twice
    // as often as the second, and so on).
    hammer(port, paths(&multi_word_queries(1, 200), &api), 1, Duration::ZERO, false)?; // warm-up
    let one = hammer(port, paths(&multi_word_queries(2, SEQUENTIAL_QUERIES), &api), 1, Duration::ZERO, false)?;
    report.add(
        "JSON API, one keep-alive client, multi-word searches each asked once: p50 / p99",
        format!("{:.2} ms / {:.2} ms", one.p50, one.p99),
    );
    let fresh = multi_word_queries(3, FRESH_QUERIES);
    let repeated = zipf_draws(&multi_word_queries(4, SEQUENTIAL_QUERIES), DRAWS);
    let load = hammer(port, paths(&fresh, &api), CONNECTIONS, DURATION, false)?;
    report.add("JSON API, 64 connections, searches never asked before", load.describe());
    let load = hammer(port, paths(&repeated, &api), CONNECTIONS, DURATION, false)?;
    report.add("JSON API, 64 connections, searches repeated as in a search log", load.describe());
    let load = hammer(port, paths(&fresh, &page), CONNECTIONS, DURATION, true)?;
    report.add("search page (gzip), 64 connections, searches never asked before", load.describe());

    // The page against a bare handler serving its bytes, in turns (the machine's speed drifts).
    let page_paths = paths(&repeated, &page);
    let page = processes::get(port, &page_paths[0]).map_err(|e| bench_error("fetching a page", e))?;
    let content_type = page.header("content-type").unwrap_or("text/html; charset=utf-8").to_string();
    let html = Bytes::from(page.body);
    let size = html.len();
    let bare_port = free_port()?;
    let bare = BareServer::start(bare_port, content_type, html)?;
    let (mut pages, mut bares) = (Vec::new(), Vec::new());
    for _ in 0..TURNS {
        pages.push(hammer(port, page_paths.clone(), CONNECTIONS, TURN, true)?);
        bares.push(hammer(bare_port, Arc::new(vec!["/".to_string()]), CONNECTIONS, TURN, true)?);
    }
    bare.stop();
    let (page_load, bare_load) = (median(pages), median(bares));
    report.add(
        "search page (gzip), 64 connections, searches repeated as in a search log (median of 3)",
        page_load.describe(),
    );
    report.add(
        &format!("bare axum handler serving one such page ({} KB, same compression and headers), 64 connections (median of 3)", size / 1024),
        bare_load.describe(),
    );
    report.add(
        "search page ÷ bare handler (requests/s)",
        format!("{:.0}%", 100.0 * page_load.per_second() / bare_load.per_second().max(1e-9)),
    );
    server.stop();
    Ok(())
}

/// `count` paths drawn from `queries` with Zipf's law: the query at rank r with weight 1/r.
fn zipf_draws(queries: &[(Lang, String)], count: usize) -> Vec<(Lang, String)> {
    let weights: Vec<f64> = (1..=queries.len()).map(|rank| 1.0 / rank as f64).collect();
    let total: f64 = weights.iter().sum();
    let mut rng = Rng::new(0x21bf);
    (0..count)
        .map(|_| {
            let mut left = rng.below(1 << 30) as f64 / f64::from(1u32 << 30) * total;
            let rank = weights.iter().position(|w| {
                left -= w;
                left <= 0.0
            });
            queries[rank.unwrap_or(queries.len() - 1)].clone()
        })
        .collect()
}

fn median(mut loads: Vec<Load>) -> Load {
    loads.sort_by(|a, b| a.per_second().total_cmp(&b.per_second()));
    loads.swap_remove(loads.len() / 2)
}

/// Pairs and triples of topic names in one language (half the time another than the page's).
fn multi_word_queries(seed: u64, count: usize) -> Vec<(Lang, String)> {
    let topics = topics();
    let mut rng = Rng::new(0x10ad + seed);
    (0..count)
        .map(|_| {
            let lang = *rng.pick(&Lang::ALL);
            let written_in = if rng.chance(50) { lang } else { *rng.pick(&Lang::ALL) };
            let words = if rng.chance(70) { 2 } else { 3 };
            let names: Vec<&str> = (0..words).map(|_| name_in(rng.pick(&topics), written_in)).collect();
            (lang, names.join(" "))
        })
        .collect()
}

fn encode(text: &str) -> String {
    app::url::query_string([("q", text.to_string())]).trim_start_matches("?q=").to_string()
}

struct Load {
    requests: usize,
    elapsed: Duration,
    p50: f64,
    p99: f64,
}

impl Load {
    fn per_second(&self) -> f64 {
        self.requests as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    fn describe(&self) -> String {
        format!("{:.0} requests/s (p50 {:.1} ms, p99 {:.1} ms)", self.per_second(), self.p50, self.p99)
    }
}

/// `connections` keep-alive clients on one thread, each asking for the next of `paths` as soon
/// as its previous answer has been read whole, for `duration` (zero: one pass over `paths`).
fn hammer(
    port: u16,
    paths: Arc<Vec<String>>,
    connections: usize,
    duration: Duration,
    gzip: bool,
) -> Result<Load, ServerError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| bench_error("starting the clients", e))?;
    let started = Instant::now();
    let samples = runtime.block_on(async move {
        let next = Arc::new(AtomicUsize::new(0));
        let until = (!duration.is_zero()).then(|| Instant::now() + duration);
        let clients: Vec<_> =
            (0..connections).map(|_| tokio::spawn(client(port, paths.clone(), next.clone(), until, gzip))).collect();
        let mut samples = Vec::new();
        for client in clients {
            samples.extend(client.await.map_err(std::io::Error::other)??);
        }
        Ok::<_, std::io::Error>(samples)
    });
    let elapsed = started.elapsed();
    let mut samples = samples.map_err(|e| bench_error("load", e))?;
    let (p50, p99) = percentiles(&mut samples);
    Ok(Load { requests: samples.len(), elapsed, p50, p99 })
}

async fn client(
    port: u16,
    paths: Arc<Vec<String>>,
    next: Arc<AtomicUsize>,
    until: Option<Instant>,
    gzip: bool,
) -> std::io::Result<Vec<Duration>> {
    let stream = TcpStream::connect(("127.0.0.1", port)).await?;
    stream.set_nodelay(true)?;
    let mut stream = BufReader::new(stream);
    let mut samples = Vec::new();
    loop {
        let turn = next.fetch_add(1, Ordering::Relaxed);
        match until {
            Some(until) if Instant::now() >= until => break,
            None if turn >= paths.len() => break,
            _ => {}
        }
        let path = &paths[turn % paths.len()];
        let started = Instant::now();
        let status = exchange(&mut stream, path, gzip).await?;
        if status != 200 {
            return Err(std::io::Error::other(format!("{path} answered {status}")));
        }
        samples.push(started.elapsed());
    }
    Ok(samples)
}

/// One GET on a kept-alive connection, its answer read whole: the status.
async fn exchange(stream: &mut BufReader<TcpStream>, path: &str, gzip: bool) -> std::io::Result<u16> {
    let encoding = if gzip { "Accept-Encoding: gzip\r\n" } else { "" };
    let request = format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{encoding}\r\n");
    stream.get_mut().write_all(request.as_bytes()).await?;
    let mut line = String::new();
    stream.read_line(&mut line).await?;
    let status = line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let (mut length, mut chunked) = (0u64, false);
    loop {
        line.clear();
        if stream.read_line(&mut line).await? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let Some((name, value)) = line.trim_end().split_once(':') else { break };
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            length = value.parse().map_err(std::io::Error::other)?;
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            chunked = value.eq_ignore_ascii_case("chunked");
        }
    }
    if !chunked {
        return skip(stream, length).await.map(|()| status);
    }
    loop {
        line.clear();
        stream.read_line(&mut line).await?;
        let size = u64::from_str_radix(line.trim_end(), 16).map_err(std::io::Error::other)?;
        skip(stream, size + 2).await?; // the chunk and its CRLF (after the last, empty one: the end)
        if size == 0 {
            return Ok(status);
        }
    }
}

async fn skip(stream: &mut BufReader<TcpStream>, bytes: u64) -> std::io::Result<()> {
    let copied = tokio::io::copy(&mut stream.take(bytes), &mut tokio::io::sink()).await?;
    if copied < bytes { Err(std::io::ErrorKind::UnexpectedEof.into()) } else { Ok(()) }
}

/// An axum server on its own two worker threads (as `passerelle serve` has) with one route.
struct BareServer {
    shutdown: tokio::sync::oneshot::Sender<()>,
    thread: std::thread::JoinHandle<()>,
}

impl BareServer {
    fn start(port: u16, content_type: String, body: Bytes) -> Result<BareServer, ServerError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .map_err(|e| bench_error("starting the bare server", e))?;
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind(("127.0.0.1", port)))
            .map_err(|e| bench_error("starting the bare server", e))?;
        let app = Router::new()
            .route("/", get(move || async move { ([(header::CONTENT_TYPE, content_type)], body) }))
            .layer(axum::middleware::from_fn(crate::security::headers))
            .layer(CompressionLayer::new());
        let (shutdown, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            runtime.block_on(async move {
                let serving = axum::serve(listener, app).with_graceful_shutdown(async move {
                    let _ = stopped.await;
                });
                if let Err(error) = serving.await {
                    tracing::error!(%error, "bare server");
                }
            });
        });
        Ok(BareServer { shutdown, thread })
    }

    fn stop(self) {
        let _ = self.shutdown.send(());
        let _ = self.thread.join();
    }
}
