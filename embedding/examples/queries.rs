//! `cargo run --release -p embedding --example queries -- FILE [--one-thread]`: each line of
//! FILE embedded as a query, three times; p50 and p99 of the last two passes. With
//! `--one-thread`, embedded as a passage (on the calling thread alone: the helper thread's share
//! and its spinning left out, which makes two kernels easier to compare on a noisy machine).
fn main() {
    let path = std::env::var("PASSERELLE_MODEL").unwrap_or_else(|_| "models/multilingual-e5-small-q4.bin".into());
    let encoder = embedding::Encoder::load(std::path::Path::new(&path)).expect("model file");
    let file = std::env::args().nth(1).expect("a file of queries");
    let one_thread = std::env::args().any(|a| a == "--one-thread");
    let text = std::fs::read_to_string(file).expect("the file of queries");
    let queries: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
    let mut samples = Vec::new();
    for pass in 0..3 {
        for q in &queries {
            let t = std::time::Instant::now();
            if one_thread {
                encoder.embed_passage(q, 512);
            } else {
                encoder.embed_query(q);
            }
            if pass > 0 {
                samples.push(t.elapsed());
            }
        }
    }
    samples.sort();
    let at = |p: f64| samples[((samples.len() - 1) as f64 * p) as usize].as_secs_f64() * 1000.0;
    println!("{} queries: p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms", samples.len(), at(0.5), at(0.9), at(0.99));
}
