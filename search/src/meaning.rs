//! The openings nearest in meaning to a search (see `semantic`) joining the matches of its
//! words: what the query's embedding is made of, which neighbours stand out, what each adds to
//! a score.

use embedding::Nearest;
use model::Lang;
use tantivy::query::{BooleanQuery, Occur, Query};

use crate::index::SearchIndex;
use crate::loanword;
use crate::vocabulary::Expansion;

/// Semantic neighbours join a search's matches when their similarity to the query stands out
/// from the catalogue's: at least `SEMANTIC_MIN_Z` standard deviations above the mean
/// similarity of all openings (a query near nothing in particular, "zzyzx" or "the", is near
/// everything alike and brings nothing), and within `SEMANTIC_WINDOW` of the nearest one's.
/// Each adds up to `SEMANTIC_WEIGHT` to its score (the nearest the most, the edge nothing):
/// less than a match of the words in a title, so that exact matches stay first. Chosen on the
/// tuning topic set (`docs/eval/topics/tune-*`) and the dev sets, never on the held-out one
/// (see `docs/SEARCH.md`).
const SEMANTIC_MIN_Z: f32 = 2.0;
const SEMANTIC_WINDOW: f32 = 0.10;
const SEMANTIC_WEIGHT: f32 = 4.0;

/// What a search's embedding is made of: the words as typed and, for a query in Korean, the
/// English names of the concepts the vocabulary found in it. The model is weakest between
/// Korean and the other two languages; a name it reads well carries the query across
/// (second held-out set 0.755 → 0.769 nDCG@10, 51 → 52 of 60; adding them to every query
/// lost 0.01 on two sets, so only Korean ones get them).
pub(crate) fn text_for_meaning(text: &str, expansions: &[Expansion<'_>]) -> String {
    let mut out = text.to_string();
    if !text.chars().any(loanword::is_hangul) {
        return out;
    }
    let mut concepts = std::collections::BTreeSet::new();
    let named = expansions.iter().filter(|e| !e.framing && !e.ambiguous && e.lang == Lang::En);
    for expansion in named.filter(|expansion| concepts.insert(expansion.concept)) {
        out.push_str(", ");
        out.push_str(expansion.name);
    }
    out
}

/// Each neighbour's score, from its cosine similarity.
fn semantic_weights(nearest: &Nearest) -> Vec<(i64, f32)> {
    let Some(&(_, best)) = nearest.best.first() else { return Vec::new() };
    let lower = (best - SEMANTIC_WINDOW).max(nearest.mean + SEMANTIC_MIN_Z * nearest.deviation);
    if best <= lower {
        return Vec::new();
    }
    nearest
        .best
        .iter()
        .take_while(|(_, similarity)| *similarity > lower)
        .map(|&(id, similarity)| (id, SEMANTIC_WEIGHT * (similarity - lower) / (best - lower)))
        .collect()
}

impl SearchIndex {
    /// The openings that stand out as nearest in meaning to `text`, with what each adds to a
    /// score; none when the server has no model.
    pub(crate) fn nearest_in_meaning(&self, text: &str) -> Vec<(i64, f32)> {
        self.semantic.get().map(|semantic| semantic_weights(&semantic.neighbours(text))).unwrap_or_default()
    }

    /// `words` or-ed with the openings nearest in meaning to `meaning`, each adding its weight to
    /// the score.
    pub(crate) fn with_neighbours(&self, words: Box<dyn Query>, meaning: &str) -> Box<dyn Query> {
        let mut clauses = vec![(Occur::Should, words)];
        for (id, weight) in self.nearest_in_meaning(meaning) {
            clauses.push((Occur::Should, self.scored_opening(id, weight)));
        }
        Box::new(BooleanQuery::new(clauses))
    }
}

#[cfg(test)]
mod tests {
    use super::{Expansion, Lang, text_for_meaning};

    #[test]
    fn a_korean_query_is_embedded_with_the_english_names_of_its_concepts() {
        let (none, nowhere): (&[String], &[usize]) = (&[], &[]);
        let name = |concept, lang, name, framing, ambiguous| Expansion {
            concept,
            lang,
            name,
            tokens: none,
            neutral: none,
            offsets: nowhere,
            neutral_offsets: nowhere,
            ambiguous,
            framing,
        };
        let found = [
            name(1, Lang::Ko, "뱀", false, false),
            name(1, Lang::En, "snakes", false, false),
            name(1, Lang::En, "snake", false, false),
            name(2, Lang::En, "postdoc", true, false),
            name(3, Lang::En, "form", false, true),
        ];
        // One name a concept; neither kinds of openings nor ambiguous readings.
        assert_eq!(text_for_meaning("뱀 교상", &found), "뱀 교상, snakes");
        assert_eq!(text_for_meaning("snake bites", &found), "snake bites", "only Korean queries");
    }
}
