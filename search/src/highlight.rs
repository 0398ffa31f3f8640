//! Marking the words of a search in the texts of its hits: the whole title, and the passage of
//! the description that matched best. Each language's text is cut into words by that language's
//! analyzer, so `배터리를` marks 배터리 in a Korean text and `batteries` marks "battery".

use std::ops::Range;
use std::sync::OnceLock;

use model::Lang;
use model::dto::{Highlight, Marked, MarkedPart};
use tantivy::Searcher;
use tantivy::query::Query;
use tantivy::snippet::{Snippet, SnippetGenerator};

use crate::SearchError;
use crate::schema::{Fields, lang_slot};

/// Longest passage of a description shown under a hit, in bytes of UTF-8 (Hangul takes three
/// bytes a letter, so Korean passages get more room).
fn passage_bytes(lang: Lang) -> usize {
    match lang {
        Lang::Ko => 420,
        Lang::Fr | Lang::En => 220,
    }
}

/// Titles are shown whole; this only needs to exceed the longest title.
const TITLE_BYTES: usize = 4_000;

/// Made for every search but used only for the hits shown, so each language's generators are
/// built on first use: most pages show one or two languages.
pub struct Highlighter {
    searcher: Searcher,
    query: Box<dyn Query>,
    fields: Fields,
    /// Per language, in [`Lang::ALL`] order: (title, description).
    generators: [OnceLock<Option<(SnippetGenerator, SnippetGenerator)>>; 3],
}

impl std::fmt::Debug for Highlighter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Highlighter").finish_non_exhaustive()
    }
}

impl Highlighter {
    pub(crate) fn new(searcher: &Searcher, query: &dyn Query, fields: &Fields) -> Highlighter {
        Highlighter {
            searcher: searcher.clone(),
            query: query.box_clone(),
            fields: *fields,
            generators: Default::default(),
        }
    }

    fn generators(&self, lang: Lang) -> Result<(SnippetGenerator, SnippetGenerator), SearchError> {
        let slot = lang_slot(lang);
        let mut title = SnippetGenerator::create(&self.searcher, &*self.query, self.fields.title[slot])?;
        title.set_max_num_chars(TITLE_BYTES);
        let mut description = SnippetGenerator::create(&self.searcher, &*self.query, self.fields.description[slot])?;
        description.set_max_num_chars(passage_bytes(lang));
        Ok((title, description))
    }

    /// `title` and `description` are written in `lang`. Unmarked if the index cannot say what
    /// matched (logged).
    pub fn highlight(&self, lang: Lang, title: &str, description: &str) -> Highlight {
        let generators = self.generators[lang_slot(lang)]
            .get_or_init(|| self.generators(lang).map_err(|error| tracing::warn!(%error, "cannot highlight")).ok());
        let Some((title_generator, description_generator)) = generators else {
            return Highlight { title: Marked::plain(title), snippet: Marked::default() };
        };
        let title_snippet = title_generator.snippet(title);
        let title = if title_snippet.is_empty() {
            Marked::plain(title)
        } else {
            let start = title_snippet.fragment_range().start;
            let shifted: Vec<Range<usize>> =
                title_snippet.highlighted().iter().map(|r| r.start + start..r.end + start).collect();
            marked(title, &shifted)
        };
        let passage = description_generator.snippet(description);
        Highlight { title, snippet: passage_of(description, &passage) }
    }
}

/// The passage with an ellipsis on each side where the description goes on.
fn passage_of(description: &str, snippet: &Snippet) -> Marked {
    if snippet.is_empty() {
        return Marked::default();
    }
    let range = snippet.fragment_range();
    let mut passage = marked(snippet.fragment(), snippet.highlighted());
    if range.start > 0 {
        passage.parts.insert(0, MarkedPart { text: "… ".to_string(), marked: false });
    }
    if range.end < description.trim_end().len() {
        passage.parts.push(MarkedPart { text: " …".to_string(), marked: false });
    }
    passage
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
    use super::marked;

    #[test]
    fn cuts_text_into_marked_parts() {
        let parts = marked("전고체 배터리 연구", &[0..0, 10..19]);
        let shown: Vec<(&str, bool)> = parts.parts.iter().map(|p| (p.text.as_str(), p.marked)).collect();
        assert_eq!(shown, [("전고체 ", false), ("배터리", true), (" 연구", false)]);
        assert_eq!(parts.text(), "전고체 배터리 연구");
        // Empty ranges, and ranges off character boundaries, are skipped rather than panicking.
        assert_eq!(marked("배터리", &[0..0, 1..2]).text(), "배터리");
    }
}
