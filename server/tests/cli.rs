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
