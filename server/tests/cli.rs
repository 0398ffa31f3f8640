//! The `passerelle` binary as a user runs it.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

mod round;

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

/// Whether the account `email` has the password `password`.
fn has_password(data_dir: &Path, email: &str, password: &str) -> bool {
    use argon2::{Argon2, PasswordHash, PasswordVerifier};
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let account = runtime.block_on(async {
        let url = format!("sqlite://{}?mode=rwc", data_dir.join("passerelle.db").display());
        db::Db::connect(&url).await.expect("connect").account_by_email(email).await.expect("read")
    });
    let account = account.expect("the demo account");
    let hash = PasswordHash::new(&account.password_hash).expect("a stored hash");
    Argon2::default().verify_password(password.as_bytes(), &hash).is_ok()
}

#[test]
fn the_demo_prints_its_accounts_and_takes_a_chosen_password() {
    let dir = tempfile::tempdir().expect("temp dir");
    let seed = Command::new(env!("CARGO_BIN_EXE_passerelle"))
        .args(["seed", "demo"])
        .env("PASSERELLE_DATA_DIR", dir.path())
        .env_remove("DATABASE_URL")
        .env_remove("PASSERELLE_DEMO_PASSWORD")
        .output()
        .expect("run passerelle");
    let stdout = String::from_utf8_lossy(&seed.stdout);
    let accounts: Vec<&str> = stdout.lines().filter(|line| line.contains("@demo.passerelle.example")).collect();
    assert_eq!(accounts.len(), 7, "{stdout}");
    assert_eq!(accounts.iter().filter(|line| line.contains("researcher")).count(), 5);
    assert_eq!(accounts.iter().filter(|line| line.contains("member of")).count(), 2);
    // Without PASSERELLE_DEMO_PASSWORD, a random one, printed once.
    let printed = stdout.split("Password of the new demo accounts: ").nth(1).and_then(|rest| rest.split(' ').next());
    let printed = printed.expect("the password is printed");
    assert!(has_password(dir.path(), "minji.kim@demo.passerelle.example", printed));
    assert!(stdout.contains("do not use it in production"));

    // Seeded again with a chosen password: the accounts stay, with that password.
    let again = Command::new(env!("CARGO_BIN_EXE_passerelle"))
        .args(["seed", "demo"])
        .env("PASSERELLE_DATA_DIR", dir.path())
        .env_remove("DATABASE_URL")
        .env("PASSERELLE_DEMO_PASSWORD", "a chosen demo passphrase")
        .output()
        .expect("run passerelle");
    assert!(String::from_utf8_lossy(&again.stdout).contains("their password is now the value"));
    assert!(has_password(dir.path(), "kaist.coordinator@demo.passerelle.example", "a chosen demo passphrase"));
}

/// A `passerelle serve` process on a free port; killed (SIGKILL) when dropped.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(data_dir: &Path, database_url: Option<&str>) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port();
        let mut command = Command::new(env!("CARGO_BIN_EXE_passerelle"));
        command
            .arg("serve")
            .env("PASSERELLE_DATA_DIR", data_dir)
            .env("PASSERELLE_ADDR", format!("127.0.0.1:{port}"))
            .env("PASSERELLE_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        match database_url {
            Some(url) => command.env("DATABASE_URL", url),
            None => command.env_remove("DATABASE_URL"),
        };
        let server = Server { child: command.spawn().expect("start server"), port };
        assert!(server.wait_until(|server| server.get("/healthz").is_some()), "the server did not start");
        server
    }

    /// The JSON answer to a GET of `path`, if any.
    fn get(&self, path: &str) -> Option<serde_json::Value> {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        let request = format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).ok()?;
        let mut response = String::new();
        stream.read_to_string(&mut response).ok()?;
        let (head, body) = response.split_once("\r\n\r\n")?;
        head.starts_with("HTTP/1.1 200").then(|| serde_json::from_str(body).ok()).flatten()
    }

    /// How many openings the server's search finds, closed ones included.
    fn total(&self) -> Option<u64> {
        self.get("/api/v1/openings?closed=1&per_page=1")?["total"].as_u64()
    }

    /// Waits up to 60 s for `done` (indexing 8,000 openings took more than 20 s once, on two
    /// cores busy with other work).
    fn wait_until(&self, done: impl Fn(&Server) -> bool) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(60) {
            if done(self) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Openings the database holds as published.
fn published_in(url: &str) -> u64 {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async { db::Db::connect(url).await.expect("connect").count_published().await.expect("count") })
}

fn sqlite_url(data_dir: &Path) -> String {
    format!("sqlite://{}?mode=rwc", data_dir.join("passerelle.db").display())
}

/// Writes `count` synthetic openings to a JSONL file in `dir`.
fn synthetic_file(dir: &Path, count: usize) -> std::path::PathBuf {
    let file = dir.join(format!("synthetic-{count}.jsonl"));
    let output = passerelle(dir, &["seed", "synthetic", &count.to_string(), "--output", file.to_str().expect("utf-8")]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    file
}

/// `passerelle import` beside a running server: the server's searches see the new openings
/// without a restart.
#[test]
fn a_running_server_picks_up_an_import() {
    let dir = tempfile::tempdir().expect("temp dir");
    let server = Server::start(dir.path(), None);
    assert_eq!(server.total(), Some(0));
    let file = dir.path().join("openings.jsonl");
    std::fs::write(&file, fixture_lines().join("\n")).expect("write");
    let import = passerelle(dir.path(), &["import", "openings", file.to_str().expect("utf-8")]);
    assert!(import.status.success(), "{}", String::from_utf8_lossy(&import.stderr));
    assert!(server.wait_until(|server| server.total() == Some(3)), "the server did not see the import");
}

/// kill -9 of `passerelle import` halfway through, then of the server in the middle of
/// indexing: after a restart the server's search holds exactly the database's openings, and
/// rerunning the import completes it.
#[test]
fn killed_processes_lose_nothing() {
    const OPENINGS: u64 = 8000;
    let dir = tempfile::tempdir().expect("temp dir");
    let url = sqlite_url(dir.path());
    let file = synthetic_file(dir.path(), OPENINGS as usize);
    let server = Server::start(dir.path(), None);
    let mut import = Command::new(env!("CARGO_BIN_EXE_passerelle"))
        .args(["import", "openings", file.to_str().expect("utf-8")])
        .env("PASSERELLE_DATA_DIR", dir.path())
        .env_remove("DATABASE_URL")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("import");
    // Once a first batch is committed and the import still runs, kill it, then the server.
    let start = Instant::now();
    while published_in(&url) == 0 && start.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = import.kill();
    let _ = import.wait();
    drop(server);
    let after_kill = published_in(&url);
    eprintln!("the import was killed with {after_kill} of {OPENINGS} openings committed");
    assert!(after_kill > 0);

    let server = Server::start(dir.path(), None);
    assert_eq!(server.total(), Some(after_kill), "after a restart the index equals the database");
    let rerun = passerelle(dir.path(), &["import", "openings", file.to_str().expect("utf-8")]);
    assert!(rerun.status.success(), "{}", String::from_utf8_lossy(&rerun.stderr));
    assert_eq!(published_in(&url), OPENINGS);
    assert!(server.wait_until(|server| server.total() == Some(OPENINGS)), "the rerun import did not reach search");
    let caught_up = |server: &Server| server.get("/healthz").is_some_and(|health| health["index"]["lag"] == 0);
    assert!(server.wait_until(caught_up), "/healthz still reports a lag");
}

/// Two servers on one PostgreSQL database, each with its own index: an import through the
/// CLI is found on both.
#[test]
fn two_servers_on_one_postgresql_follow_the_database() {
    let Ok(admin_url) = std::env::var("PASSERELLE_TEST_POSTGRES_URL") else {
        assert!(std::env::var("PASSERELLE_REQUIRE_POSTGRES").is_err(), "PASSERELLE_TEST_POSTGRES_URL is not set");
        eprintln!("skipped: PASSERELLE_TEST_POSTGRES_URL is not set (scripts/test.sh sets it)");
        return;
    };
    let name = format!("passerelle_two_servers_{}", std::process::id());
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        use sea_orm::ConnectionTrait;
        let admin = sea_orm::Database::connect(&admin_url).await.expect("connect to PostgreSQL");
        admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name}")).await.expect("drop");
        admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.expect("create");
    });
    let url = format!("{}/{name}", admin_url.rsplit_once('/').expect("a database URL").0);
    let (first_dir, second_dir) = (tempfile::tempdir().expect("dir"), tempfile::tempdir().expect("dir"));
    // Started together: they migrate one after the other.
    let (first, second) = std::thread::scope(|s| {
        let first = s.spawn(|| Server::start(first_dir.path(), Some(&url)));
        let second = s.spawn(|| Server::start(second_dir.path(), Some(&url)));
        (first.join().expect("first"), second.join().expect("second"))
    });

    let import = |file: &Path| {
        let output = Command::new(env!("CARGO_BIN_EXE_passerelle"))
            .args(["import", "openings", file.to_str().expect("utf-8")])
            .env("PASSERELLE_DATA_DIR", first_dir.path())
            .env("DATABASE_URL", &url)
            .output()
            .expect("import");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        Instant::now()
    };
    let both_have = |count: u64| {
        first.wait_until(|server| server.total() == Some(count))
            && second.wait_until(|server| server.total() == Some(count))
    };
    let fixture = first_dir.path().join("three.jsonl");
    std::fs::write(&fixture, fixture_lines().join("\n")).expect("write");
    let imported = import(&fixture);
    assert!(both_have(3), "an import did not reach both servers");
    eprintln!("3 openings on both servers {:?} after the import", imported.elapsed());
    let file = synthetic_file(first_dir.path(), 2000);
    let imported = import(&file);
    let total = published_in(&url);
    assert_eq!(total, 2003);
    assert!(both_have(total), "a larger import did not reach both servers");
    eprintln!("{total} openings on both servers {:?} after the import", imported.elapsed());
}
