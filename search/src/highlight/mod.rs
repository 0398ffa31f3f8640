//! Marking the words of a search in the texts of its hits: the whole title, and the passage of
//! the description that matched best. Each language's text is cut into words by that language's
//! analyzer, so `배터리를` marks 배터리 in a Korean text and `batteries` marks "battery"; only
//! the words where the search's words may be are analysed (see `scan`).

mod scan;

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::sync::OnceLock;

use model::Lang;
use model::dto::{Highlight, Marked, MarkedPart};
use tantivy::query::Query;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, Term};

use crate::SearchError;
use crate::schema::{Fields, lang_slot};
use scan::Folded;

/// Longest passage of a description shown under a hit, in bytes of UTF-8 (Hangul takes three
/// bytes a letter, so Korean passages get more room).
fn passage_bytes(lang: Lang) -> usize {
    match lang {
        Lang::Ko => 420,
        Lang::Fr | Lang::En => 220,
    }
}

/// Made for every search but used only for the hits shown, so each language's words are
/// looked up on first use: most pages show one or two languages.
pub struct Highlighter {
    searcher: Searcher,
    query: Box<dyn Query>,
    fields: Fields,
    /// Per language, in [`Lang::ALL`] order.
    markers: [OnceLock<Option<Marker>>; 3],
}

impl std::fmt::Debug for Highlighter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Highlighter").finish_non_exhaustive()
    }
}

/// What marks one language's texts: its analyzer and the search's words in its title and
/// description fields.
struct Marker {
    lang: Lang,
    analyzer: TextAnalyzer,
    title: Words,
    description: Words,
}

/// The search's words in one field, as the analyzer leaves them, each weighing more the fewer
/// openings have it (as Tantivy's snippets weigh them); and the keys that find where they may
/// be in a text.
struct Words {
    weights: HashMap<String, f32>,
    keys: Vec<String>,
}

/// A word of a text that the search asked for: where it is and what it weighs.
#[derive(Debug, Clone, PartialEq)]
struct Found {
    range: Range<usize>,
    weight: f32,
}

impl Highlighter {
    pub(crate) fn new(searcher: &Searcher, query: &dyn Query, fields: &Fields) -> Highlighter {
        Highlighter {
            searcher: searcher.clone(),
            query: query.box_clone(),
            fields: *fields,
            markers: Default::default(),
        }
    }

    fn marker(&self, lang: Lang) -> Result<Marker, SearchError> {
        let slot = lang_slot(lang);
        let description = self.fields.description[slot];
        Ok(Marker {
            lang,
            analyzer: self.searcher.index().tokenizer_for_field(description)?,
            title: self.words(self.fields.title[slot], lang)?,
            description: self.words(description, lang)?,
        })
    }

    fn words(&self, field: tantivy::schema::Field, lang: Lang) -> Result<Words, SearchError> {
        let mut terms: BTreeSet<&Term> = BTreeSet::new();
        self.query.query_terms(&mut |term, _| {
            if term.field() == field {
                terms.insert(term);
            }
        });
        let mut weights = HashMap::new();
        for term in terms {
            let value = term.value();
            let Some(text) = value.as_str() else { continue };
            let openings = self.searcher.doc_freq(term)?;
            if openings > 0 {
                weights.insert(text.to_string(), 1.0 / (1.0 + openings as f32));
            }
        }
        let mut keys: Vec<String> = weights.keys().map(|term| scan::key(term, lang)).collect();
        keys.sort();
        keys.dedup();
        Ok(Words { weights, keys })
    }

    /// `title` and `description` are written in `lang`. Unmarked if the index cannot say what
    /// matched (logged).
    pub fn highlight(&self, lang: Lang, title: &str, description: &str) -> Highlight {
        let marker = self.markers[lang_slot(lang)]
            .get_or_init(|| self.marker(lang).map_err(|error| tracing::warn!(%error, "cannot highlight")).ok());
        let Some(marker) = marker else {
            return Highlight { title: Marked::plain(title), snippet: Marked::default(), by_meaning: false };
        };
        let mut analyzer = marker.analyzer.clone();
        let in_title = found(&mut analyzer, title, std::iter::once(0..title.len()), &marker.title);
        let title = marked(title, &in_title.iter().map(|f| f.range.clone()).collect::<Vec<_>>());
        let folded = Folded::new(description);
        let regions = scan::regions(description, &folded, &marker.description.keys, marker.lang);
        let in_description = found(&mut analyzer, description, regions.into_iter(), &marker.description);
        let snippet = best_passage(description, &in_description, passage_bytes(lang))
            .map_or_else(Marked::default, |(passage, marks)| passage_of(description, passage, &marks));
        Highlight { title, snippet, by_meaning: false }
    }
}

/// The words of `words` in the `regions` of `text`, in order.
fn found(
    analyzer: &mut TextAnalyzer,
    text: &str,
    regions: impl Iterator<Item = Range<usize>>,
    words: &Words,
) -> Vec<Found> {
    let mut found = Vec::new();
    for region in regions {
        let mut stream = analyzer.token_stream(&text[region.clone()]);
        while stream.advance() {
            let token = stream.token();
            if let Some(weight) = words.weights.get(&token.text) {
                let range = region.start + token.offset_from..region.start + token.offset_to;
                found.push(Found { range, weight: *weight });
            }
        }
    }
    found
}

/// The stretch of at most `max` bytes of `text` whose found words weigh most (the earliest of
/// equals), widened to about `max` bytes at spaces, with the ranges of its found words; `None`
/// when nothing was found.
fn best_passage(text: &str, found: &[Found], max: usize) -> Option<(Range<usize>, Vec<Range<usize>>)> {
    // found[first..last] is the stretch starting at each found word in turn, with its weight.
    let mut best: Option<(f32, Range<usize>)> = None;
    let (mut last, mut weight) = (0, 0.0);
    for first in 0..found.len() {
        if last <= first {
            (last, weight) = (first, 0.0);
        }
        while last < found.len() && found[last].range.end - found[first].range.start <= max {
            weight += found[last].weight;
            last += 1;
        }
        if last > first {
            if best.as_ref().is_none_or(|(most, _)| weight > *most) {
                best = Some((weight, first..last));
            }
            weight -= found[first].weight;
        }
    }
    let words = &found[best?.1];
    let span = words.first()?.range.start..words.last()?.range.end;
    let passage = widen(text, span, max);
    let marks = words.iter().map(|w| w.range.start - passage.start..w.range.end - passage.start).collect();
    Some((passage, marks))
}

/// `span` widened to about `max` bytes of `text` at spaces: a third of the room before it, the
/// rest after (all of it on one side where the text ends on the other).
fn widen(text: &str, span: Range<usize>, max: usize) -> Range<usize> {
    let room = max.saturating_sub(span.len());
    let after = (room - room / 3).min(text.len() - span.end);
    let before = (room - after).min(span.start);
    let start = if before == span.start {
        0
    } else {
        // The earliest word that starts within `before` bytes of the span.
        let from = span.start - before;
        text[..span.start]
            .char_indices()
            .rev()
            .take_while(|(at, _)| *at >= from)
            .filter(|(at, _)| text[..*at].ends_with(char::is_whitespace))
            .last()
            .map_or(span.start, |(at, _)| at)
    };
    let end = if span.end + after >= text.len() {
        text.len()
    } else {
        // The last space within `after` bytes of the span.
        text[span.end..]
            .char_indices()
            .take_while(|(at, _)| *at <= after)
            .filter(|(_, c)| c.is_whitespace())
            .last()
            .map_or(span.end, |(at, _)| span.end + at)
    };
    let kept = text[start..end].trim_start();
    let start = end - kept.len();
    start..start + kept.trim_end().len()
}

/// The passage marked, with an ellipsis on each side where the description goes on.
fn passage_of(description: &str, passage: Range<usize>, marks: &[Range<usize>]) -> Marked {
    let mut marked = marked(&description[passage.clone()], marks);
    if passage.start > 0 {
        marked.parts.insert(0, MarkedPart { text: "… ".to_string(), marked: false });
    }
    if passage.end < description.trim_end().len() {
        marked.parts.push(MarkedPart { text: " …".to_string(), marked: false });
    }
    marked
}

/// `text` cut into unmarked and marked parts; ranges are byte ranges, sorted, not overlapping.
fn marked(text: &str, ranges: &[Range<usize>]) -> Marked {
    let mut parts = Vec::new();
    let mut at = 0;
    for range in ranges.iter().filter(|range| !range.is_empty()) {
        let (Some(before), Some(inside)) = (text.get(at..range.start), text.get(range.clone())) else { continue };
        if !before.is_empty() {
            parts.push(MarkedPart { text: before.to_string(), marked: false });
        }
        parts.push(MarkedPart { text: inside.to_string(), marked: true });
        at = range.end;
    }
    if let Some(rest) = text.get(at..).filter(|rest| !rest.is_empty()) {
        parts.push(MarkedPart { text: rest.to_string(), marked: false });
    }
    Marked { parts }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyzer_name, register};
    use tantivy::tokenizer::TokenizerManager;

    fn word(range: Range<usize>, weight: f32) -> Found {
        Found { range, weight }
    }

    #[test]
    fn cuts_text_into_marked_parts() {
        let parts = marked("전고체 배터리 연구", &[0..0, 10..19]);
        let shown: Vec<(&str, bool)> = parts.parts.iter().map(|p| (p.text.as_str(), p.marked)).collect();
        assert_eq!(shown, [("전고체 ", false), ("배터리", true), (" 연구", false)]);
        assert_eq!(parts.text(), "전고체 배터리 연구");
        // Empty ranges, and ranges off character boundaries, are skipped rather than panicking.
        assert_eq!(marked("배터리", &[0..0, 1..2]).text(), "배터리");
    }

    #[test]
    fn the_passage_is_where_found_words_weigh_most() {
        let text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu";
        // A rare word alone (eta) outweighs two common ones (alpha, delta).
        let found = [word(0..5, 0.1), word(17..22, 0.1), word(36..39, 0.5)];
        let (passage, marks) = best_passage(text, &found, 20).expect("found");
        assert!(text[passage.clone()].contains("eta"), "{:?}", &text[passage.clone()]);
        assert!(passage.len() <= 20, "{passage:?}");
        assert_eq!(marks.len(), 1);
        assert_eq!(&text[passage.start + marks[0].start..passage.start + marks[0].end], "eta");
        // With room for both, both common words are kept and marked.
        let (passage, marks) = best_passage(text, &found[..2], 40).expect("found");
        assert_eq!(marks.len(), 2);
        assert!(text[passage].starts_with("alpha"));
        assert!(best_passage(text, &[], 40).is_none());
    }

    #[test]
    fn passages_end_at_spaces_and_say_where_the_text_goes_on() {
        let text = "Un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze";
        let at = text.find("huit").expect("there");
        let passage = widen(text, at..at + 4, 30);
        let shown = &text[passage.clone()];
        assert!(shown.len() <= 30 && shown.contains("huit"), "{shown:?}");
        assert!(!shown.starts_with(' ') && !shown.ends_with(' '), "{shown:?}");
        assert!(text[..passage.start].ends_with(' ') && text[passage.end..].starts_with(' '), "{shown:?}");
        let mark = at - passage.start..at - passage.start + 4;
        let marked = passage_of(text, passage.clone(), std::slice::from_ref(&mark));
        assert!(marked.text().starts_with("… ") && marked.text().ends_with(" …"), "{:?}", marked.text());
        // A short text is shown whole, without ellipses.
        assert_eq!(widen("전고체 배터리", 10..19, 420), 0..19);
        let battery = 10..19;
        assert_eq!(passage_of("전고체 배터리", 0..19, std::slice::from_ref(&battery)).text(), "전고체 배터리");
    }

    /// What `scan::key` promises: every word an analyzer indexes has its key in the folded form
    /// of the written word it came from. Checked on every name of the research vocabulary and on
    /// words whose stems rewrite their endings.
    #[test]
    fn every_analysed_word_has_its_key_in_the_written_word() {
        let tokenizers = TokenizerManager::default();
        register(&tokenizers);
        let rewritten = [
            "couramment évidemment récemment savamment journaux travaux heureuse heureusement nœuds cœur \
             activité créatrice nationaux idéalement problème bibliothèque l'énergie qu'aujourd'hui Ærø \
             laïcité criticité publication communicatif payer essayant fréquemment premièrement",
            "studies flies dying lying skies gently ugly early only activity creator sensational \
             organization conditional happiness notably hoping hopping agreed naïve café Straße \
             ability responsibility generously happily skyward tying replies",
            "연구원을 모집합니다 QKD 배터리를 전고체 종분화 및 공조 방문연구원 볼록 기하학",
        ];
        let mut missed = Vec::new();
        for lang in Lang::ALL {
            let names = crate::research_concepts()
                .into_iter()
                .flat_map(|concept| concept.names)
                .filter(|(l, _)| *l == lang)
                .map(|(_, name)| name);
            let mut analyzer = tokenizers.get(analyzer_name(lang)).expect("registered");
            for text in names.chain(rewritten.iter().map(|t| t.to_string())) {
                let mut stream = analyzer.token_stream(&text);
                while stream.advance() {
                    let token = stream.token();
                    let written = scan::Folded::new(&text[token.offset_from..token.offset_to]).text;
                    let key = scan::key(&token.text, lang);
                    if !written.starts_with(&key) {
                        missed.push(format!("{lang:?}: {written:?} → {:?}, key {key:?}", token.text));
                    }
                }
            }
        }
        assert!(missed.is_empty(), "{missed:#?}");
    }
}
