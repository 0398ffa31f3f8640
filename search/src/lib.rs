//! The full-text index: derived from the database and rebuilt from it at any time.
//!
//! - [`analysis`]: per-language analyzers, the same at index and query time; `korean`: the
//!   morphological tokenizer behind the Korean one.
//! - [`schema`]: the fields and the documents built from opening records.
//! - [`index`]: opening, rebuilding and updating the index on disk; `folder`: one folder per
//!   schema version, so that a new version is built beside the old one.
//! - `vocabulary`: the trilingual research vocabulary that carries a query across languages;
//!   `spelling`: the words it corrects misspellings to; `loanword`: Korean borrowed words met
//!   with their Latin-script source by sound.
//! - [`query`]: turning a user's search into a Tantivy query, with filters, facets and sorting.
//! - [`highlight`]: marking the searched words in a hit's title and description.
//! - `semantic`: each opening's embedding (multilingual-e5-small), kept beside the index by a
//!   background thread, and the openings nearest to a query whatever its language; `meaning`:
//!   those neighbours joining a search's matches, and what a query's embedding is made of.
//! - `recommend`: openings ranked for a researcher's profile (topics through the index, times
//!   the fit of `model::fit`), with what matched.
//! - `suggest`: as-you-type completions from the openings' keywords and the vocabulary.

mod also_searched;
mod analysis;
mod candidates;
mod error;
mod facets;
mod folder;
mod highlight;
mod index;
mod korean;
mod loanword;
mod meaning;
mod query;
mod recommend;
mod schema;
mod semantic;
mod spelling;
mod suggest;
mod typed;
mod vocabulary;

pub use candidates::{Candidate, CandidateQuery, MAX_CANDIDATES, as_profile};
pub use embedding::Encoder;
pub use error::SearchError;
pub use highlight::Highlighter;
pub use index::{Batch, Position, SearchIndex};
pub use query::{FacetCounts, Filters, Hit, Published, SearchQuery, SearchResults, Sort};
pub use recommend::{MAX_RECOMMENDATIONS, RecommendQuery, Recommendation, TopicMatch, TopicSource, meaning_text};
pub use schema::IndexedOpening;
pub use semantic::passage as embedding_passage;
pub use semantic::remembered_as as embedding_remembered_as;
pub use suggest::MAX_SUGGESTIONS;
pub use vocabulary::{ConceptNames, research_concepts};
