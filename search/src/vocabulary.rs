//! Cross-lingual retrieval through a trilingual research vocabulary.
//!
//! `vocabulary/research-terms.txt` lists concepts, one per line: the English, French and Korean
//! ways of saying it (`en terms | fr terms | ko terms`, alternatives separated by `;`). Every term
//! is analysed with its language's analyzer, the same one the index uses, so `batteries`,
//! `batterie` and `배터리를` all reach the concept "battery". A query is analysed in each language,
//! its longest runs of tokens that name a concept are found, and the other names of those
//! concepts are added to the query as phrases over the matching language's fields.

use std::collections::{BTreeSet, HashMap};

use model::Lang;
use tantivy::tokenizer::TokenizerManager;

use crate::analysis::analyse;

const SOURCE: &str = include_str!("../vocabulary/research-terms.txt");

/// The languages of the file's columns.
const COLUMNS: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Ko];

/// One concept: its names, each with its language.
#[derive(Debug, Clone)]
struct Concept {
    names: Vec<(Lang, String)>,
    /// The names as the index's analyzers cut them, in the same order (empty when a name
    /// analyses to nothing).
    analysed: Vec<Vec<String>>,
}

#[derive(Debug, Default)]
pub struct Vocabulary {
    concepts: Vec<Concept>,
    /// Analysed name → concepts it names, per language.
    by_tokens: HashMap<(Lang, Vec<String>), Vec<usize>>,
    longest: usize,
}

impl Vocabulary {
    /// The vocabulary shipped with Passerelle, analysed with `tokenizers`.
    pub fn shipped(tokenizers: &TokenizerManager) -> Vocabulary {
        Vocabulary::parse(SOURCE, tokenizers)
    }

    pub fn parse(source: &str, tokenizers: &TokenizerManager) -> Vocabulary {
        let mut vocabulary = Vocabulary::default();
        for line in source.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let columns: Vec<&str> = line.split('|').collect();
            if columns.len() != 3 {
                tracing::warn!(line, "vocabulary line without three columns");
                continue;
            }
            let id = vocabulary.concepts.len();
            let mut names = Vec::new();
            let mut analysed = Vec::new();
            for (column, lang) in columns.iter().zip(COLUMNS) {
                for name in column.split(';').map(str::trim).filter(|name| !name.is_empty()) {
                    let tokens = analyse(tokenizers, lang, name);
                    if !tokens.is_empty() {
                        vocabulary.longest = vocabulary.longest.max(tokens.len());
                        vocabulary.by_tokens.entry((lang, tokens.clone())).or_default().push(id);
                    }
                    names.push((lang, name.to_string()));
                    analysed.push(tokens);
                }
            }
            vocabulary.concepts.push(Concept { names, analysed });
        }
        vocabulary
    }

    pub fn len(&self) -> usize {
        self.concepts.len()
    }

    /// The concepts named in `query`, in any of the three languages (longest match first).
    fn concepts_in(&self, query: &str, tokenizers: &TokenizerManager) -> BTreeSet<usize> {
        let mut found = BTreeSet::new();
        for lang in Lang::ALL {
            let tokens = analyse(tokenizers, lang, query);
            let mut start = 0;
            while start < tokens.len() {
                let longest = self.longest.min(tokens.len() - start);
                let matched = (1..=longest).rev().find_map(|len| {
                    self.by_tokens.get(&(lang, tokens[start..start + len].to_vec())).map(|ids| (len, ids))
                });
                match matched {
                    Some((len, ids)) => {
                        found.extend(ids.iter().copied());
                        start += len;
                    }
                    None => start += 1,
                }
            }
        }
        found
    }

    /// Each concept's names in `lang`, with the analysed forms of all its names (in any language)
    /// so that a caller can check whether the concept occurs anywhere.
    pub fn names_in(&self, lang: Lang) -> impl Iterator<Item = (&str, ConceptForms<'_>)> {
        self.concepts.iter().flat_map(move |concept| {
            let forms = ConceptForms { concept };
            concept.names.iter().filter(move |(l, _)| *l == lang).map(move |(_, name)| (name.as_str(), forms))
        })
    }

    /// Every name, in every language, of the concepts that `query` names: what to add to it.
    pub fn expansions(&self, query: &str, tokenizers: &TokenizerManager) -> Vec<(Lang, String)> {
        self.concepts_in(query, tokenizers).into_iter().flat_map(|id| self.concepts[id].names.iter().cloned()).collect()
    }
}

/// A concept of the shipped vocabulary as written: the section of the file it sits in, and its
/// names with their languages (for generating realistic test corpora and query sets).
#[derive(Debug, Clone)]
pub struct ConceptNames {
    pub section: String,
    pub names: Vec<(Lang, String)>,
}

/// The shipped vocabulary's concepts, unanalysed.
pub fn research_concepts() -> Vec<ConceptNames> {
    let mut section = String::new();
    let mut concepts = Vec::new();
    for line in SOURCE.lines().map(str::trim) {
        if let Some(title) = line.strip_prefix("## ") {
            section = title.to_string();
            continue;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let names = line
            .split('|')
            .zip(COLUMNS)
            .flat_map(|(column, lang)| {
                column.split(';').map(str::trim).filter(|n| !n.is_empty()).map(move |n| (lang, n.to_string()))
            })
            .collect();
        concepts.push(ConceptNames { section: section.clone(), names });
    }
    concepts
}

/// The analysed names of one concept, each with its language.
#[derive(Clone, Copy)]
pub struct ConceptForms<'a> {
    concept: &'a Concept,
}

impl<'a> ConceptForms<'a> {
    pub fn iter(self) -> impl Iterator<Item = (Lang, &'a [String])> {
        self.concept.names.iter().zip(&self.concept.analysed).map(|((lang, _), tokens)| (*lang, tokens.as_slice()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> (Vocabulary, TokenizerManager) {
        let tokenizers = TokenizerManager::default();
        crate::analysis::register(&tokenizers);
        (Vocabulary::shipped(&tokenizers), tokenizers)
    }

    fn names(expansions: &[(Lang, String)], lang: Lang) -> Vec<String> {
        expansions.iter().filter(|(l, _)| *l == lang).map(|(_, n)| n.clone()).collect()
    }

    #[test]
    fn inflected_queries_reach_their_concept_in_every_language() {
        let (vocabulary, tokenizers) = vocabulary();
        assert!(vocabulary.len() > 200, "only {} concepts", vocabulary.len());
        let korean = vocabulary.expansions("배터리를 연구하는 방문연구원", &tokenizers);
        assert!(names(&korean, Lang::En).contains(&"battery".to_string()), "{korean:?}");
        assert!(names(&korean, Lang::Fr).contains(&"batterie".to_string()), "{korean:?}");
        let french = vocabulary.expansions("correction d'erreurs quantiques", &tokenizers);
        assert!(names(&french, Lang::Ko).contains(&"양자 오류 정정".to_string()), "{french:?}");
        let english = vocabulary.expansions("Batteries", &tokenizers);
        assert!(names(&english, Lang::Ko).contains(&"배터리".to_string()), "{english:?}");
    }

    #[test]
    fn unknown_words_add_nothing() {
        let (vocabulary, tokenizers) = vocabulary();
        assert!(vocabulary.expansions("zzyzx qwerty", &tokenizers).is_empty());
    }
}
