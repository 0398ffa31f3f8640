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

use crate::analysis::{analyse, analyse_neutral};
use crate::schema::lang_slot;

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
    /// The names as the language-neutral analyzer (keywords) cuts them, in the same order.
    neutral: Vec<Vec<String>>,
}

/// Another name of a concept that a query names, ready to be searched for.
#[derive(Debug, Clone, Copy)]
pub struct Expansion<'a> {
    pub lang: Lang,
    pub name: &'a str,
    /// As `lang`'s analyzer cuts it (title and description fields).
    pub tokens: &'a [String],
    /// As the neutral analyzer cuts it (keywords).
    pub neutral: &'a [String],
}

#[derive(Debug, Default)]
pub struct Vocabulary {
    concepts: Vec<Concept>,
    /// Analysed name → concepts it names, per language.
    /// Per language ([`Lang::ALL`] order): analysed name → concepts it names. Keyed by `Vec`
    /// so that a slice of a query's tokens looks it up without copying.
    by_tokens: [HashMap<Vec<String>, Vec<usize>>; 3],
    /// Every analysed token of every name, per language ([`Lang::ALL`] order): what a
    /// misspelt word may be corrected to.
    known_tokens: [BTreeSet<String>; 3],
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
            let mut neutral = Vec::new();
            for (column, lang) in columns.iter().zip(COLUMNS) {
                for name in column.split(';').map(str::trim).filter(|name| !name.is_empty()) {
                    let tokens = analyse(tokenizers, lang, name);
                    if !tokens.is_empty() {
                        vocabulary.longest = vocabulary.longest.max(tokens.len());
                        vocabulary.by_tokens[lang_slot(lang)].entry(tokens.clone()).or_default().push(id);
                        vocabulary.known_tokens[lang_slot(lang)].extend(tokens.iter().cloned());
                    }
                    names.push((lang, name.to_string()));
                    analysed.push(tokens);
                    neutral.push(analyse_neutral(tokenizers, name));
                }
            }
            vocabulary.concepts.push(Concept { names, analysed, neutral });
        }
        vocabulary
    }

    pub fn len(&self) -> usize {
        self.concepts.len()
    }

    /// A token of the vocabulary one edit away from `token` (a letter added, dropped, changed
    /// or two swapped), for tokens of five letters or more.
    pub fn correction(&self, lang: Lang, token: &str) -> Option<&str> {
        if token.chars().count() < MIN_CORRECTED_CHARS {
            return None;
        }
        // Byte lengths first: most tokens are too long or too short to be one edit away.
        self.known_tokens[lang_slot(lang)]
            .iter()
            .map(String::as_str)
            .filter(|known| known.len().abs_diff(token.len()) <= 4)
            .find(|known| one_edit_apart(token, known))
    }

    /// The concepts named in `query`, in any of the three languages (longest match first).
    /// Tokens that neither the vocabulary nor `is_known` knows are corrected when a vocabulary
    /// token is one edit away (`quantm` → quantum).
    fn concepts_in(&self, tokens_by_lang: &[Vec<String>; 3], is_known: &dyn Fn(Lang, &str) -> bool) -> BTreeSet<usize> {
        // The query is read as each language; the readings that name concepts with the most
        // of its words win. English "quantum communication" is one concept read as English, but
        // read as French it would only name "communication", which would pull in every text
        // about science communication.
        let mut best: (usize, BTreeSet<usize>) = (0, BTreeSet::new());
        for lang in Lang::ALL {
            let (covered, found) = self.concepts_read_as(lang, &tokens_by_lang[lang_slot(lang)], is_known);
            if covered > best.0 {
                best = (covered, found);
            } else if covered == best.0 && covered > 0 {
                best.1.extend(found);
            }
        }
        best.1
    }

    /// The concepts that `tokens` (analysed as `lang`) name, longest first, and how many of the
    /// tokens they cover.
    fn concepts_read_as(
        &self,
        lang: Lang,
        tokens: &[String],
        is_known: &dyn Fn(Lang, &str) -> bool,
    ) -> (usize, BTreeSet<usize>) {
        let known = &self.known_tokens[lang_slot(lang)];
        let tokens: Vec<String> = tokens
            .iter()
            .cloned()
            .map(|token| {
                if known.contains(&token) || is_known(lang, &token) {
                    return token;
                }
                self.correction(lang, &token).map_or(token, str::to_string)
            })
            .collect();
        let by_tokens = &self.by_tokens[lang_slot(lang)];
        let (mut covered, mut found) = (0, BTreeSet::new());
        let mut start = 0;
        while start < tokens.len() {
            let longest = self.longest.min(tokens.len() - start);
            let matched =
                (1..=longest).rev().find_map(|len| by_tokens.get(&tokens[start..start + len]).map(|ids| (len, ids)));
            match matched {
                Some((len, ids)) => {
                    found.extend(ids.iter().copied());
                    covered += len;
                    start += len;
                }
                None => start += 1,
            }
        }
        (covered, found)
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
    /// Names that analyse the same way (in their language and for keywords) come once.
    pub fn expansions(
        &self,
        tokens_by_lang: &[Vec<String>; 3],
        is_known: &dyn Fn(Lang, &str) -> bool,
    ) -> Vec<Expansion<'_>> {
        let mut seen: BTreeSet<(Lang, &[String], &[String])> = BTreeSet::new();
        self.concepts_in(tokens_by_lang, is_known)
            .into_iter()
            .flat_map(|id| {
                let concept = &self.concepts[id];
                concept
                    .names
                    .iter()
                    .zip(&concept.analysed)
                    .zip(&concept.neutral)
                    .map(|(((lang, name), tokens), neutral)| Expansion { lang: *lang, name, tokens, neutral })
            })
            .filter(|expansion| seen.insert((expansion.lang, expansion.tokens, expansion.neutral)))
            .collect()
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

/// Shorter words are never corrected: one edit changes them too much.
const MIN_CORRECTED_CHARS: usize = 5;

/// Whether `a` becomes `b` with one insertion, deletion, substitution or swap of neighbours.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (rest_a, rest_b) = (&a[prefix..], &b[prefix..]);
    let suffix_equal = |x: &[char], y: &[char]| x == y;
    match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Less => suffix_equal(rest_a, &rest_b[1..]),
        std::cmp::Ordering::Greater => suffix_equal(&rest_a[1..], rest_b),
        std::cmp::Ordering::Equal => {
            suffix_equal(&rest_a[1..], &rest_b[1..])
                || (rest_a.len() >= 2 && rest_a[0] == rest_b[1] && rest_a[1] == rest_b[0] && rest_a[2..] == rest_b[2..])
        }
    }
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

    fn expand<'v>(
        vocabulary: &'v Vocabulary,
        tokenizers: &TokenizerManager,
        query: &str,
        is_known: &dyn Fn(Lang, &str) -> bool,
    ) -> Vec<Expansion<'v>> {
        vocabulary.expansions(&Lang::ALL.map(|lang| analyse(tokenizers, lang, query)), is_known)
    }

    fn names(expansions: &[Expansion<'_>], lang: Lang) -> Vec<String> {
        expansions.iter().filter(|e| e.lang == lang).map(|e| e.name.to_string()).collect()
    }

    #[test]
    fn inflected_queries_reach_their_concept_in_every_language() {
        let (vocabulary, tokenizers) = vocabulary();
        assert!(vocabulary.len() > 200, "only {} concepts", vocabulary.len());
        let korean = expand(&vocabulary, &tokenizers, "배터리를 연구하는 방문연구원", &unknown);
        assert!(names(&korean, Lang::En).contains(&"battery".to_string()), "{korean:?}");
        assert!(names(&korean, Lang::Fr).contains(&"batterie".to_string()), "{korean:?}");
        let french = expand(&vocabulary, &tokenizers, "correction d'erreurs quantiques", &unknown);
        assert!(names(&french, Lang::Ko).contains(&"양자 오류 정정".to_string()), "{french:?}");
        let english = expand(&vocabulary, &tokenizers, "Batteries", &unknown);
        assert!(names(&english, Lang::Ko).contains(&"배터리".to_string()), "{english:?}");
    }

    #[test]
    fn unknown_words_add_nothing() {
        let (vocabulary, tokenizers) = vocabulary();
        assert!(expand(&vocabulary, &tokenizers, "zzyzx qwerty", &unknown).is_empty());
    }

    /// No word is known to the index: every unknown word may be corrected.
    fn unknown(_: Lang, _: &str) -> bool {
        false
    }

    #[test]
    fn misspelt_words_still_reach_their_concept() {
        let (vocabulary, tokenizers) = vocabulary();
        let misspelt = expand(&vocabulary, &tokenizers, "quantm sensing", &unknown);
        assert!(names(&misspelt, Lang::Ko).contains(&"양자 센싱".to_string()), "{misspelt:?}");
        // A word the index knows is taken as typed, even one edit from a vocabulary word.
        let known = expand(&vocabulary, &tokenizers, "quantm sensing", &|_: Lang, _: &str| true);
        assert!(!names(&known, Lang::Ko).contains(&"양자 센싱".to_string()), "{known:?}");
    }

    #[test]
    fn one_edit_means_one() {
        for (a, b) in
            [("quantm", "quantum"), ("batery", "battery"), ("photnoics", "photonics"), ("resaerch", "research")]
        {
            assert!(one_edit_apart(a, b), "{a} {b}");
        }
        for (a, b) in [("quantum", "quantum"), ("qntm", "quantum"), ("abcdef", "badcef")] {
            assert!(!one_edit_apart(a, b), "{a} {b}");
        }
    }
}
