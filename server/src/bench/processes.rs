//! The benchmark's real processes: `passerelle` commands, a `passerelle serve` child on a free
//! port, and its JSON API timed over fresh connections.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use model::Lang;
use model::dto::SearchParams;

use super::{Percentiles, bench_error, percentiles, write_jsonl};
use crate::ServerError;
use crate::synthetic::opening;

/// This same `passerelle` binary on the embedded database in `data`, quiet.
pub(super) fn passerelle_command(data: &Path) -> Result<Command, ServerError> {
    let exe = std::env::current_exe().map_err(|e| bench_error("finding passerelle", e))?;
    let mut command = Command::new(exe);
    command
        .env("PASSERELLE_DATA_DIR", data)
        .env_remove("DATABASE_URL")
        .env("PASSERELLE_LOG", "warn")
        // The servers measured match words alone: with the model they would first embed the
        // whole catalogue (see `semantic` for that path's costs).
        .env("PASSERELLE_MODEL", "off")
        .stdout(Stdio::null());
    Ok(command)
}

/// Runs this same `passerelle` binary with `args` on `data`, waiting for it to finish.
pub(super) fn passerelle(data: &Path, args: &[&str]) -> Result<(), ServerError> {
    let status = passerelle_command(data)?.args(args).status().map_err(|e| bench_error("running passerelle", e))?;
    if status.success() { Ok(()) } else { Err(bench_error("passerelle", format!("{args:?} exited with {status}"))) }
}

pub(super) fn free_port() -> Result<u16, ServerError> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| bench_error("finding a port", e))?;
    Ok(listener.local_addr().map_err(|e| bench_error("finding a port", e))?.port())
}

pub(super) struct Server {
    child: Child,
}

impl Server {
    pub(super) fn start(data: &Path, port: u16) -> Result<Server, ServerError> {
        let child = passerelle_command(data)?
            .arg("serve")
            .env("PASSERELLE_ADDR", format!("127.0.0.1:{port}"))
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| bench_error("starting the server", e))?;
        let server = Server { child };
        for _ in 0..600 {
            if get(port, "/healthz").is_ok_and(|answer| answer.status == 200) {
                return Ok(server);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err(bench_error("starting the server", "not healthy after 60 s"))
    }

    /// (resident, peak resident) in MB, from /proc.
    pub(super) fn memory(&self) -> (u64, u64) {
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

    pub(super) fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An answer to [`get`].
pub(super) struct Answer {
    pub status: u16,
    /// The status line and the headers, as sent.
    head: String,
    /// Whole, its chunks joined when it came in chunks.
    pub body: String,
}

impl Answer {
    pub(super) fn header(&self, name: &str) -> Option<&str> {
        self.head
            .lines()
            .filter_map(|line| line.split_once(':'))
            .find(|(header, _)| header.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.trim())
    }
}

/// A GET over a fresh connection.
pub(super) fn get(port: u16, path: &str) -> std::io::Result<Answer> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    let text = String::from_utf8_lossy(&response);
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let mut answer = Answer { status, head: head.to_string(), body: String::new() };
    let chunked = answer.header("transfer-encoding").is_some_and(|value| value.eq_ignore_ascii_case("chunked"));
    answer.body = if chunked { unchunk(body) } else { body.to_string() };
    Ok(answer)
}

/// A body sent in chunks, joined.
fn unchunk(body: &str) -> String {
    let (mut out, mut rest) = (String::new(), body);
    while let Some((size, after)) = rest.split_once("\r\n") {
        let Ok(size) = usize::from_str_radix(size, 16) else { break };
        if size == 0 || after.len() < size {
            break;
        }
        out.push_str(&after[..size]);
        rest = after[size..].trim_start_matches("\r\n");
    }
    out
}

fn api_path(lang: Lang, params: &SearchParams) -> String {
    let query = app::url::query_string(params.to_pairs());
    let separator = if query.is_empty() { "?" } else { "&" };
    format!("/api/v1/openings{query}{separator}lang={}", lang.code())
}

/// The JSON API's p50 and p99 over fresh connections: the first time each search is asked, and
/// when it is asked again (answered from memory while the index stands, see `catalog::recent`).
pub(super) fn http_percentiles(
    port: u16,
    queries: &[(Lang, SearchParams)],
) -> Result<(Percentiles, Percentiles), ServerError> {
    let mut seen = std::collections::HashSet::new();
    let paths: Vec<String> =
        queries.iter().map(|(lang, params)| api_path(*lang, params)).filter(|path| seen.insert(path.clone())).collect();
    let (mut first, mut again) = (Vec::new(), Vec::new());
    for pass in 0..3 {
        for path in &paths {
            let started = Instant::now();
            let status = get(port, path).map_err(|e| bench_error("HTTP request", e))?.status;
            if status != 200 {
                return Err(bench_error("HTTP request", format!("{path} answered {status}")));
            }
            if pass == 0 { &mut first } else { &mut again }.push(started.elapsed());
        }
    }
    Ok((percentiles(&mut first), percentiles(&mut again)))
}

/// Imports one new opening at a time with `passerelle import` while the server runs, and times
/// from the end of the import (its commit) until the server's API returns it. (median, max) ms.
pub(super) fn write_to_searchable(
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
            let body = get(port, &path).map_err(|e| bench_error("HTTP request", e))?.body;
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
