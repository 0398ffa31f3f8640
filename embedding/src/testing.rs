//! The model for tests, where `scripts/lib.sh` fetches it (or `PASSERELLE_MODEL`). Without the
//! file a test says so and passes, unless `PASSERELLE_REQUIRE_MODEL=1` (as `scripts/test.sh`
//! sets) makes that a failure.

use std::path::PathBuf;

use crate::Encoder;

#[allow(clippy::expect_used)]
pub fn encoder() -> Option<Encoder> {
    let path = std::env::var_os("PASSERELLE_MODEL")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../models/multilingual-e5-small-q4.bin"));
    if !path.exists() {
        assert!(std::env::var("PASSERELLE_REQUIRE_MODEL").is_err(), "no model file at {}", path.display());
        eprintln!("no model file at {}: skipped", path.display());
        return None;
    }
    Some(Encoder::load(&path).expect("the model file loads"))
}
