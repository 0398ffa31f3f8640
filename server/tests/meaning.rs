//! Semantic matching as a searcher sees it, with the real model (skipped without its file, a
//! failure under `PASSERELLE_REQUIRE_MODEL=1`): an opening that is among the results for its
//! meaning alone says so on its card and in the API.

use std::sync::Arc;
use std::time::{Duration, Instant};

use model::record::testing::unrelated_topics;

use crate::common::{Site, empty_site};

/// Waits until the server's embedder has every opening's vector (as `/healthz` tells).
async fn caught_up(site: &Site) {
    let started = Instant::now();
    while site.json("/healthz").await.1["semantic"]["caught_up"] != true {
        assert!(started.elapsed() < Duration::from_secs(120), "the embedder never caught up");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn an_opening_found_for_its_meaning_alone_says_so() {
    let Some(encoder) = embedding::testing::encoder() else { return };
    let site = empty_site().await;
    site.catalog.import(&unrelated_topics()).await.expect("import");
    site.catalog.enable_semantic(Arc::new(encoder)).expect("semantic matching");
    caught_up(&site).await;
    // No word of the French search is in the English opening, nor any concept of the vocabulary.
    let q = "c%C3%A9r%C3%A9ales%20tol%C3%A9rantes%20au%20stress%20hydrique";
    let (_, body) = site.json(&format!("/api/v1/openings?q={q}&lang=fr")).await;
    assert_eq!(body["hits"][0]["external_id"], "wheat", "{body}");
    assert_eq!(body["hits"][0]["highlight"]["by_meaning"], true);
    let page = site.get(&format!("/fr/openings?q={q}"), &[]).await;
    assert!(page.body.contains("Drought-tolerant wheat breeding"));
    assert!(page.body.contains("Proche de votre recherche par le sens, mais avec d’autres mots."), "{}", page.body);
    // Found through its words: nothing to explain.
    let (_, words) = site.json("/api/v1/openings?q=wheat&lang=en").await;
    assert_eq!(words["hits"][0]["highlight"]["by_meaning"], false);
}
