//! The openings nearest in meaning to a search (see `semantic`) joining the matches of its
//! words: what the query's embedding is made of, which neighbours stand out, what each adds to
//! a score.

use embedding::Nearest;
use model::Lang;
use tantivy::query::{BooleanQuery, Occur, Query};

use crate::index::SearchIndex;
use crate::loanword;
use crate::query::Purpose;
use crate::vocabulary::Expansion;

/// Semantic neighbours join a search's matches when their similarity to the query stands out
/// from the catalogue's: at least `SEMANTIC_MIN_Z` standard deviations above the mean
/// similarity of all openings, and within `SEMANTIC_WINDOW` of the nearest one's.
/// Each adds up to `SEMANTIC_WEIGHT` to its score (the nearest the most, the edge nothing):
/// less than a match of the words in a title, so that exact matches stay first. Chosen on the
/// tuning topic set (`docs/eval/topics/tune-*`) and the dev sets, never on the held-out one
/// (see `docs/SEARCH.md`).
const SEMANTIC_MIN_Z: f32 = 2.0;
const SEMANTIC_WINDOW: f32 = 0.10;
const SEMANTIC_WEIGHT: f32 = 4.0;

/// How far above the catalogue's mean similarity (in cosine) a neighbour must be to join a
/// search, besides standing out by `SEMANTIC_MIN_Z`: a query near nothing in particular
/// ("zzyzx", "asdf qwer") is near everything alike, and so narrow a spread makes small
/// differences look large; in a large catalogue some openings always stand four deviations
/// above the mean by chance. At 5,000 synthetic openings, each of 15 meaningless queries
/// brought 32 to 40 openings in; with this margin 14 of them bring at most 3 (at 0.04, 1 to
/// 11). The judged dev and tuning sets lose nothing at 0.04, 0.002 nDCG@10 at 0.05, 0.004 at
/// 0.06 (see `docs/SEARCH.md`). Recommendations keep every neighbour that stands out: a
/// profile is always shown the closest openings there are.
const SEARCH_MIN_MARGIN: f32 = 0.05;

/// The least a neighbour's similarity may exceed the catalogue's mean by: a search may find
/// nothing; a profile's recommendations always show the closest openings there are.
fn min_margin(purpose: Purpose) -> f32 {
    match purpose {
        Purpose::Search => SEARCH_MIN_MARGIN,
        Purpose::Topic => 0.0,
    }
}

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
fn semantic_weights(nearest: &Nearest, purpose: Purpose) -> Vec<(i64, f32)> {
    let Some(&(_, best)) = nearest.best.first() else { return Vec::new() };
    let lower = (best - SEMANTIC_WINDOW)
        .max(nearest.mean + SEMANTIC_MIN_Z * nearest.deviation)
        .max(nearest.mean + min_margin(purpose));
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
    /// The openings that stand out as nearest in meaning to `text` (a search's, or a profile's
    /// for `Purpose::Topic`), with what each adds to a score; none when the server has no model.
    pub(crate) fn nearest_in_meaning(&self, text: &str, purpose: Purpose) -> Vec<(i64, f32)> {
        self.semantic.get().map(|semantic| semantic_weights(&semantic.neighbours(text), purpose)).unwrap_or_default()
    }

    /// `words` or-ed with the openings nearest in meaning to `meaning`, each adding its weight to
    /// the score, and those openings.
    pub(crate) fn with_neighbours(&self, words: Box<dyn Query>, meaning: &str) -> (Box<dyn Query>, Vec<i64>) {
        let mut clauses = vec![(Occur::Should, words)];
        let mut neighbours = Vec::new();
        for (id, weight) in self.nearest_in_meaning(meaning, Purpose::Search) {
            clauses.push((Occur::Should, self.scored_opening(id, weight)));
            neighbours.push(id);
        }
        (Box::new(BooleanQuery::new(clauses)), neighbours)
    }
}

#[cfg(test)]
mod tests {
    use embedding::Nearest;

    use super::{Expansion, Lang, Purpose, semantic_weights, text_for_meaning};

    fn ids(weights: &[(i64, f32)]) -> Vec<i64> {
        weights.iter().map(|(id, _)| *id).collect()
    }

    #[test]
    fn a_search_takes_only_neighbours_well_above_the_catalogues_mean() {
        // What a query about a topic looks like: a wide spread, the nearest far above the rest.
        let topical = Nearest { best: vec![(1, 0.885), (2, 0.86), (3, 0.835)], mean: 0.79, deviation: 0.019 };
        let search = semantic_weights(&topical, Purpose::Search);
        assert_eq!(ids(&search), [1, 2], "0.835 is within 0.05 of the mean");
        assert_eq!(search[0].1, super::SEMANTIC_WEIGHT, "the nearest adds the most");
        assert!(search[1].1 < search[0].1);
        assert_eq!(ids(&semantic_weights(&topical, Purpose::Topic)), [1, 2, 3]);
        // What a meaningless query looks like: near everything alike, so the nearest is four
        // deviations above the mean but only 0.045 in cosine.
        let meaningless = Nearest { best: vec![(4, 0.83), (5, 0.828)], mean: 0.785, deviation: 0.011 };
        assert!(semantic_weights(&meaningless, Purpose::Search).is_empty());
        assert_eq!(ids(&semantic_weights(&meaningless, Purpose::Topic)), [4, 5]);
        assert!(semantic_weights(&Nearest { best: vec![], mean: 0.8, deviation: 0.02 }, Purpose::Search).is_empty());
    }

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
            position: 0,
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
