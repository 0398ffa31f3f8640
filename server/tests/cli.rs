//! The `passerelle` binary as a user runs it.

use std::path::Path;
use std::process::{Command, Output};

fn passerelle(data_dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_passerelle"))
        .args(args)
        .env("PASSERELLE_DATA_DIR", data_dir)
        .env_remove("DATABASE_URL")
        .output()
        .expect("run passerelle")
}

fn fixture_lines() -> Vec<String> {
    ["qec", "nv-sensing", "batteries"]
        .iter()
        .map(|id| serde_json::to_string(&model::record::testing::record(id, "kaist", "An opening")).expect("json"))
        .collect()
}

fn total(data_dir: &Path) -> u64 {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let url = format!("sqlite://{}?mode=rwc", data_dir.join("passerelle.db").display());
        let db = db::Db::connect(&url).await.expect("connect");
        db.count_published().await.expect("count")
    })
}

#[test]
fn importing_twice_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("openings.jsonl");
    std::fs::write(&file, fixture_lines().join("\n")).expect("write");
    let path = file.to_str().expect("utf-8 path");
    let first = passerelle(dir.path(), &["import", "openings", path]);
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    assert!(String::from_utf8_lossy(&first.stdout).contains("3 new"));
    let second = passerelle(dir.path(), &["import", "openings", path]);
    assert!(second.status.success());
    assert!(String::from_utf8_lossy(&second.stdout).contains("0 new, 0 updated, 3 unchanged"));
    assert_eq!(total(dir.path()), 3);
}

#[test]
fn a_broken_line_is_named_and_nothing_is_imported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut lines = fixture_lines();
    lines[1] = lines[1].replace("\"kind\":\"postdoc\"", "\"kind\":\"holiday\"");
    let file = dir.path().join("broken.jsonl");
    std::fs::write(&file, lines.join("\n")).expect("write");
    let output = passerelle(dir.path(), &["import", "openings", file.to_str().expect("utf-8")]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("line 2:"), "{stderr}");
    assert!(stderr.contains("holiday"), "{stderr}");
    assert_eq!(total(dir.path()), 0, "the good lines were imported anyway");
}

#[test]
fn reindex_and_migrate_and_seed_work() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert!(passerelle(dir.path(), &["migrate"]).status.success());
    let seed = passerelle(dir.path(), &["seed", "demo"]);
    assert!(seed.status.success(), "{}", String::from_utf8_lossy(&seed.stderr));
    let reindex = passerelle(dir.path(), &["reindex"]);
    assert!(String::from_utf8_lossy(&reindex.stdout).contains("Indexed 63 openings"));
    let missing = passerelle(dir.path(), &["import", "openings", "/nonexistent.jsonl"]);
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read"));
}

/// `passerelle import` beside a running server: the server's searches see the new openings
/// without a restart.
#[test]
fn a_running_server_picks_up_an_import() {
    let dir = tempfile::tempdir().expect("temp dir");
    let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port();
    let mut server = Command::new(env!("CARGO_BIN_EXE_passerelle"))
        .arg("serve")
        .env("PASSERELLE_DATA_DIR", dir.path())
        .env("PASSERELLE_ADDR", format!("127.0.0.1:{port}"))
        .env_remove("DATABASE_URL")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start server");
    let total = |port: u16| -> Option<u64> {
        let runtime = tokio::runtime::Runtime::new().ok()?;
        runtime.block_on(async {
            let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port)).await.ok()?;
            use tokio::io::{AsyncReadExt, AsyncWriteExt};
            let request = "GET /api/v1/openings?q=opening HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
            stream.write_all(request.as_bytes()).await.ok()?;
            let mut response = String::new();
            stream.read_to_string(&mut response).await.ok()?;
            let body = response.split("\r\n\r\n").nth(1)?;
            serde_json::from_str::<serde_json::Value>(body).ok()?["total"].as_u64()
        })
    };
    let wait_for = |wanted: u64| {
        for _ in 0..100 {
            if total(port) == Some(wanted) {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        false
    };
    let started = wait_for(0);
    let file = dir.path().join("openings.jsonl");
    std::fs::write(&file, fixture_lines().join("\n")).expect("write");
    let import = passerelle(dir.path(), &["import", "openings", file.to_str().expect("utf-8")]);
    let seen = wait_for(3);
    let _ = server.kill();
    let _ = server.wait();
    assert!(started, "the server did not answer");
    assert!(import.status.success(), "{}", String::from_utf8_lossy(&import.stderr));
    assert!(seen, "the server did not see the import within 10 s");
}
