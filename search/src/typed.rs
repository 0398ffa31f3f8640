//! What the searcher typed, cut into words and quoted phrases and analysed once per analyzer.
//!
//! Building a query looks at the same text many times: as words over every field, as a phrase,
//! through the vocabulary, for typos. Analysis is not free (Korean runs a morphological analyser),
//! so each word is analysed once per language and once for the language-neutral fields, and every
//! step reads these forms. Words are analysed one by one: every analyzer here cuts text at spaces
//! first (Korean included: it analyses each space-separated eojeol), so nothing is lost.

use model::Lang;
use tantivy::tokenizer::TokenizerManager;

use crate::analysis::{NEUTRAL, analyse_at, analyzer_name};
use crate::schema::lang_slot;

/// A word, or a phrase the searcher put in quotes.
pub struct Unit {
    pub text: String,
    pub quoted: bool,
    /// Per language, in [`Lang::ALL`] order.
    pub by_lang: [Vec<String>; 3],
    /// For keywords and institution names.
    pub neutral: Vec<String>,
    /// Where the tokens of `by_lang` and `neutral` sit: a quoted phrase's stop words leave gaps,
    /// as in the index ("théorie des nœuds").
    pub offsets: [Vec<usize>; 3],
    pub neutral_offsets: Vec<usize>,
}

pub struct Typed {
    pub units: Vec<Unit>,
}

impl Typed {
    /// `text` is what [`crate::query::plain_words`] leaves: words, and phrases in balanced quotes.
    pub fn analyse(text: &str, tokenizers: &TokenizerManager) -> Typed {
        let mut units = Vec::new();
        for (index, part) in text.split('"').enumerate() {
            // Odd parts sit between quotes.
            let quoted = index % 2 == 1;
            let pieces: Vec<&str> = if quoted { vec![part.trim()] } else { part.split_whitespace().collect() };
            for piece in pieces.into_iter().filter(|p| !p.is_empty()) {
                let [(en, en_at), (fr, fr_at), (ko, ko_at)] =
                    Lang::ALL.map(|lang| analyse_at(tokenizers, analyzer_name(lang), piece));
                let (neutral, neutral_offsets) = analyse_at(tokenizers, NEUTRAL, piece);
                units.push(Unit {
                    text: piece.to_string(),
                    quoted,
                    by_lang: [en, fr, ko],
                    neutral,
                    offsets: [en_at, fr_at, ko_at],
                    neutral_offsets,
                });
            }
        }
        Typed { units }
    }

    /// All the tokens in `lang`, in order.
    pub fn tokens(&self, lang: Lang) -> Vec<String> {
        self.units.iter().flat_map(|unit| unit.by_lang[lang_slot(lang)].iter().cloned()).collect()
    }

    pub fn tokens_by_lang(&self) -> [Vec<String>; 3] {
        Lang::ALL.map(|lang| self.tokens(lang))
    }

    pub fn neutral_tokens(&self) -> Vec<String> {
        self.units.iter().flat_map(|unit| unit.neutral.iter().cloned()).collect()
    }

    pub fn has_quotes(&self) -> bool {
        self.units.iter().any(|unit| unit.quoted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_quoted_phrases() {
        let tokenizers = TokenizerManager::default();
        crate::analysis::register(&tokenizers);
        let typed = Typed::analyse("\"surface code\" 배터리를 batteries", &tokenizers);
        let units: Vec<(&str, bool)> = typed.units.iter().map(|u| (u.text.as_str(), u.quoted)).collect();
        assert_eq!(units, [("surface code", true), ("배터리를", false), ("batteries", false)]);
        assert_eq!(typed.tokens(Lang::En), ["surfac", "code", "배터리를", "batteri"]);
        assert_eq!(typed.units[1].by_lang[lang_slot(Lang::Ko)], ["배터리"]);
    }
}
