//! `passerelle round solve` and `round verify` on files, as someone checking a round runs them.

use std::path::Path;
use std::process::Output;

use matching::synthetic::{self, Rng};
use matching::{Instance, Matching};

fn round(dir: &Path, args: &[&str]) -> Output {
    super::passerelle(dir, &[&["round"], args].concat())
}

fn write(dir: &Path, name: &str, json: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, json).expect("write");
    path.to_str().expect("utf-8 path").to_owned()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn solve_prints_the_stable_matching_that_verify_accepts() {
    let dir = tempfile::tempdir().expect("temp dir");
    for seed in 0..5 {
        let instance = synthetic::small(&mut Rng::new(seed), 8, 4, 2);
        let path = write(dir.path(), "instance.json", &serde_json::to_string(&instance).expect("json"));
        let solved = round(dir.path(), &["solve", &path]);
        assert!(solved.status.success(), "{}", text(&solved.stderr));
        let matching: Matching = serde_json::from_slice(&solved.stdout).expect("a result in JSON");
        let market = instance.market().expect("valid");
        assert_eq!(matching, market.matching(&market.solve()));
        let result = write(dir.path(), "result.json", &text(&solved.stdout));
        let verified = round(dir.path(), &["verify", &path, &result]);
        assert!(verified.status.success(), "{}", text(&verified.stdout));
        assert!(text(&verified.stdout).contains("feasible and stable"));
    }
}

#[test]
fn verify_refuses_a_result_with_a_blocking_pair_and_names_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let instance = write(
        dir.path(),
        "instance.json",
        r#"{"applicants": [{"id": "ana", "ranking": ["x", "y"]}, {"id": "bo", "ranking": ["x"]}],
            "openings": [{"id": "x", "capacity": 1, "ranking": ["ana", "bo"]},
                         {"id": "y", "capacity": 1, "ranking": ["ana"]}]}"#,
    );
    let result = write(
        dir.path(),
        "result.json",
        r#"{"assignments": [{"applicant": "ana", "opening": "y"}, {"applicant": "bo", "opening": "x"}], "unmatched": []}"#,
    );
    let output = round(dir.path(), &["verify", &instance, &result]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        text(&output.stdout).contains(r#"blocking pair: applicant "ana" and opening "x""#),
        "{}",
        text(&output.stdout)
    );
    assert!(text(&output.stderr).contains("not stable (1 blocking pair)"), "{}", text(&output.stderr));

    let over = write(
        dir.path(),
        "over.json",
        r#"{"assignments": [{"applicant": "ana", "opening": "x"}, {"applicant": "bo", "opening": "x"}], "unmatched": []}"#,
    );
    let output = round(dir.path(), &["verify", &instance, &over]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stdout).contains(r#"opening "x" has 2 applicants for 1 places"#));
}

#[test]
fn malformed_files_are_refused_with_the_problem_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (json, expected) in [
        (
            r#"{"applicants": [{"id": "a", "ranking": ["q"]}], "openings": []}"#,
            r#"ranks opening "q", which is not in the instance"#,
        ),
        (r#"{"applicants": [], "openings": [{"id": 1, "capacity": -1, "ranking": []}]}"#, "negative capacity"),
        (
            r#"{"applicants": [{"id": 1, "ranking": []}, {"id": 1, "ranking": []}], "openings": []}"#,
            "applicant 1 is listed twice",
        ),
        ("{\"applicants\": [", "not a valid instance"),
    ] {
        let path = write(dir.path(), "instance.json", json);
        let output = round(dir.path(), &["solve", &path]);
        assert_eq!(output.status.code(), Some(2), "{json}");
        assert!(text(&output.stderr).contains(expected), "{json}: {}", text(&output.stderr));
        assert!(output.stdout.is_empty());
    }
    let good = write(dir.path(), "good.json", &serde_json::to_string(&Instance::default()).expect("json"));
    let output = round(dir.path(), &["verify", &good, "missing.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("missing.json: cannot be read"), "{}", text(&output.stderr));
}
