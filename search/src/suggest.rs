//! As-you-type suggestions: completions of what the searcher has typed so far, drawn from the
//! openings' keywords (kept in the index as `/keyword/…` facets, so a server sees what another
//! process imported) and from the research vocabulary's names in the searcher's language, when
//! the concept occurs in some opening.

use std::collections::HashMap;

use model::Lang;
use tantivy::Searcher;
use tantivy::schema::Field;

use crate::SearchError;
use crate::index::SearchIndex;
use crate::schema::{KEYWORD_FACET, lang_slot, suggestion_form};

/// Fewer typed characters than this give no suggestions: one letter matches too much to help.
const MIN_TYPED_CHARS: usize = 2;
/// The most suggestions one answer gives (the search box announces up to this many).
pub use model::dto::MAX_SUGGESTIONS;

/// Whether `candidate` (in suggestion form) completes `typed`: it starts with it, or one of its
/// words does.
fn completes(candidate: &str, typed: &str) -> Option<Rank> {
    if candidate == typed {
        None
    } else if candidate.starts_with(typed) {
        Some(Rank::Prefix)
    } else if candidate.match_indices(typed).any(|(at, _)| candidate[..at].ends_with(' ')) {
        Some(Rank::WordPrefix)
    } else {
        None
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    Prefix,
    WordPrefix,
}

impl SearchIndex {
    /// Up to `limit` completions of `typed`, best first.
    pub fn suggest(&self, typed: &str, lang: Lang, limit: usize) -> Result<Vec<String>, SearchError> {
        let typed = suggestion_form(&typed.chars().take(100).collect::<String>());
        if typed.chars().count() < MIN_TYPED_CHARS {
            return Ok(Vec::new());
        }
        let searcher = self.reader.searcher();
        // (rank, openings that use it, text): keywords first by how many openings they describe.
        let mut found: HashMap<String, (Rank, u64)> = HashMap::new();
        for (keyword, openings) in keyword_counts(&searcher, self.fields.keywords_facet)? {
            if let Some(rank) = completes(&keyword, &typed) {
                let entry = found.entry(keyword).or_insert((rank, 0));
                entry.1 += openings;
            }
        }
        let description_of = |lang: Lang| self.fields.description[lang_slot(lang)];
        for (name, forms) in self.vocabulary.names_in(lang) {
            let form = suggestion_form(name);
            if found.contains_key(&form) {
                continue;
            }
            let Some(rank) = completes(&form, &typed) else { continue };
            // A concept no opening mentions would lead to an empty page.
            let occurs = forms.iter().any(|(name_lang, tokens)| {
                !tokens.is_empty()
                    && tokens.iter().all(|token| {
                        let term = tantivy::Term::from_field_text(description_of(name_lang), token);
                        searcher.doc_freq(&term).is_ok_and(|freq| freq > 0)
                    })
            });
            if occurs {
                found.insert(form, (rank, 0));
            }
        }
        let mut ranked: Vec<(String, (Rank, u64))> = found.into_iter().collect();
        ranked.sort_by(|(a, (rank_a, count_a)), (b, (rank_b, count_b))| {
            rank_a.cmp(rank_b).then(count_b.cmp(count_a)).then(a.len().cmp(&b.len())).then(a.cmp(b))
        });
        Ok(ranked.into_iter().take(limit.min(MAX_SUGGESTIONS)).map(|(text, _)| text).collect())
    }
}

/// Every keyword in the index with the number of openings that carry it (deleted ones included
/// until their segment is merged: close enough for ordering suggestions).
fn keyword_counts(searcher: &Searcher, facets: Field) -> Result<HashMap<String, u64>, SearchError> {
    let prefix = format!("{KEYWORD_FACET}\u{0}");
    let end = format!("{KEYWORD_FACET}\u{1}");
    let mut counts: HashMap<String, u64> = HashMap::new();
    for segment in searcher.segment_readers() {
        let inverted = segment.inverted_index(facets)?;
        let mut stream = inverted.terms().range().ge(prefix.as_bytes()).lt(end.as_bytes()).into_stream()?;
        while stream.advance() {
            let Ok(encoded) = std::str::from_utf8(stream.key()) else { continue };
            let keyword = encoded[prefix.len()..].to_string();
            *counts.entry(keyword).or_default() += u64::from(stream.value().doc_freq);
        }
    }
    Ok(counts)
}

#[cfg(test)]
mod tests {
    use super::{Rank, completes};

    #[test]
    fn completes_from_the_start_of_any_word() {
        assert_eq!(completes("quantum error correction", "quan"), Some(Rank::Prefix));
        assert_eq!(completes("quantum error correction", "error c"), Some(Rank::WordPrefix));
        assert_eq!(completes("quantum error correction", "rror"), None);
        assert_eq!(completes("전고체 배터리", "배터"), Some(Rank::WordPrefix));
        assert_eq!(completes("battery", "battery"), None);
    }
}
