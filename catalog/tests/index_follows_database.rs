//! The index is derived from the database: a full rebuild and incremental updates agree.

use catalog::Catalog;
use chrono::NaiveDate;
use model::Lang;
use model::dto::SearchParams;
use model::record::testing::record;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2030, 1, 1).unwrap_or_default()
}

async fn search(catalog: &Catalog, q: &str) -> Vec<String> {
    let params = SearchParams { q: q.to_string(), ..SearchParams::default() };
    let outcome = catalog.search(Lang::En, &params, today()).await.expect("search");
    outcome.page.hits.into_iter().map(|h| h.external_id).collect()
}

#[tokio::test]
async fn rebuild_and_incremental_updates_agree() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("db.sqlite").display());
    let catalog = Catalog::open(&url, &dir.path().join("index")).await.expect("open");

    catalog
        .import(&[
            record("a", "kaist", "Quantum error correction"),
            record("b", "snu", "Battery materials"),
            record("c", "postech", "Quantum sensing with batteries of qubits"),
        ])
        .await
        .expect("import");
    let mut edited = record("b", "snu", "Solid-state electrolytes");
    edited.keywords = vec!["electrolyte".into()];
    catalog.import(&[edited]).await.expect("update");

    let queries = ["quantum", "battery", "electrolytes", "", "kaist"];
    let mut incremental = Vec::new();
    for q in queries {
        incremental.push(search(&catalog, q).await);
    }
    assert_eq!(incremental[0].len(), 2, "{incremental:?}");
    assert!(incremental[1].iter().all(|id| id != "b"), "the old title is still indexed");
    assert_eq!(incremental[2], vec!["b".to_string()]);
    assert_eq!(incremental[3].len(), 3, "an empty query lists every open opening");
    // Typos one edit away from a word of five letters or more still find it.
    assert!(search(&catalog, "quantm").await.contains(&"a".to_string()), "no typo tolerance");
    assert!(search(&catalog, "electrolytse").await.contains(&"b".to_string()), "no typo tolerance");

    let count = catalog.reindex().await.expect("reindex");
    assert_eq!(count, 3);
    for (q, before) in queries.iter().zip(&incremental) {
        assert_eq!(&search(&catalog, q).await, before, "query {q:?} differs after a rebuild");
    }
    let db = db::Db::connect(&url).await.expect("connect");
    let mut db_ids: Vec<i64> = db.published_openings().await.expect("db").iter().map(|o| o.id).collect();
    db_ids.sort_unstable();
    assert_eq!(catalog.indexed_ids().expect("ids"), db_ids);
}

#[tokio::test]
async fn a_missing_index_is_rebuilt_on_open() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("db.sqlite").display());
    let index_dir = dir.path().join("index");
    {
        let catalog = Catalog::open(&url, &index_dir).await.expect("open");
        catalog.import(&[record("a", "kaist", "Quantum error correction")]).await.expect("import");
    }
    std::fs::remove_dir_all(&index_dir).expect("remove index");
    let catalog = Catalog::open(&url, &index_dir).await.expect("reopen");
    assert_eq!(search(&catalog, "quantum").await, vec!["a".to_string()]);
}

/// A release with another schema builds its index in a folder of its own: an older server on
/// the same data directory keeps its folder until it stops.
#[tokio::test]
async fn a_new_schema_version_is_built_beside_the_old_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("db.sqlite").display());
    let index_dir = dir.path().join("index");
    let old = index_dir.join("v1");
    std::fs::create_dir_all(&old).expect("old folder");
    let old_server = std::fs::File::create(old.join("passerelle-in-use.lock")).expect("lock file");
    old_server.lock_shared().expect("lock");
    std::fs::write(old.join("meta.json"), "{}").expect("old index");
    {
        let catalog = Catalog::open(&url, &index_dir).await.expect("open");
        catalog.import(&[record("a", "kaist", "Quantum error correction")]).await.expect("import");
        assert_eq!(search(&catalog, "quantum").await, vec!["a".to_string()]);
    }
    assert!(old.join("meta.json").exists(), "the folder of a server still running was deleted");
    drop(old_server);
    let catalog = Catalog::open(&url, &index_dir).await.expect("reopen");
    assert!(!old.exists(), "the old version's folder outlived its last server");
    assert_eq!(search(&catalog, "quantum").await, vec!["a".to_string()]);
}

/// Answers are remembered while the index stands as it was (`recent`): a search asked again
/// after a change finds what changed.
#[tokio::test]
async fn a_search_asked_again_sees_what_changed_since() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("db.sqlite").display());
    let catalog = Catalog::open(&url, &dir.path().join("index")).await.expect("open");
    catalog.import(&[record("a", "kaist", "Quantum error correction")]).await.expect("import");
    assert_eq!(search(&catalog, "quantum").await, ["a"]);
    assert_eq!(search(&catalog, "quantum").await, ["a"], "asked again, answered alike");

    catalog.import(&[record("c", "postech", "Quantum sensing")]).await.expect("import");
    let mut found = search(&catalog, "quantum").await;
    found.sort();
    assert_eq!(found, ["a", "c"], "a new opening");
    catalog.import(&[record("a", "kaist", "Battery materials")]).await.expect("edit");
    assert_eq!(search(&catalog, "quantum").await, ["c"], "an edited title");
    assert_eq!(search(&catalog, "battery").await, ["a"]);
    // The same opening, now shown with its new title.
    let params = SearchParams { q: "battery".to_string(), ..SearchParams::default() };
    let outcome = catalog.search(Lang::En, &params, today()).await.expect("search");
    assert_eq!(outcome.page.hits[0].title, "Battery materials");
}
