//! `cargo run --release -p embedding --example speed`: how long one query and one passage take.
fn main() {
    let path = std::env::var("PASSERELLE_MODEL").unwrap_or_else(|_| "models/multilingual-e5-small-q4.bin".into());
    let encoder = embedding::Encoder::load(std::path::Path::new(&path)).expect("model file");
    let rounds = 200;
    let t = std::time::Instant::now();
    for _ in 0..rounds {
        encoder.embed_query("fall prevention in older adults");
    }
    println!("query: {:?}", t.elapsed() / rounds);
    let passage = "Join our atmospheric dynamics group to study why some typhoons strengthen within hours. You will combine satellite microwave imagery with ensemble weather models to improve short-range intensity forecasts.";
    let t = std::time::Instant::now();
    for _ in 0..rounds / 10 {
        encoder.embed_passage(passage, 128);
    }
    println!("passage: {:?}", t.elapsed() / (rounds / 10));
}
