//! Cross-lingual retrieval through a trilingual research vocabulary.
//!
//! `vocabulary/research-terms.txt` lists concepts, one per line: the English, French and Korean
//! ways of saying it (`en terms | fr terms | ko terms`, alternatives separated by `;`). Every term
//! is analysed with its language's analyzer, the same one the index uses, so `batteries`,
//! `batterie` and `배터리를` all reach the concept "battery". A query is analysed in each language,
//! its longest runs of tokens that name a concept are found, and the other names of those
//! concepts are added to the query as phrases over the matching language's fields.
//!
//! Some names mean something else too (양식 is aquaculture but also a form to fill in;
//! "automatique" is control engineering but also a word of "apprentissage automatique"). They are
//! marked with a trailing `*` in the file (of a name given to two concepts, all but the main
//! sense are marked: the checker sees to it). Such a name
//! brings its concept in at full weight only when the query names another concept of the same
//! section of the file (양식 with 어류, fish); alone, its concept's names are searched at a
//! small fixed score (see `query`), which cannot push a match of the words as typed down. An
//! ambiguous name is searched that way too when another name of its concept brought it in.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use model::Lang;
use tantivy::tokenizer::TokenizerManager;

use crate::analysis::{NEUTRAL, analyse_at, analyzer_name};
use crate::schema::lang_slot;
use crate::spelling::Words;

const SOURCE: &str = include_str!("../vocabulary/research-terms.txt");

/// The languages of the file's columns.
const COLUMNS: [Lang; 3] = [Lang::En, Lang::Fr, Lang::Ko];

/// One concept: its names, each with its language.
#[derive(Debug, Clone)]
struct Concept {
    /// The section of the file it sits in (its `## ` heading's order).
    section: usize,
    names: Vec<(Lang, String)>,
    /// Per name: marked `*`, or given to another concept too.
    ambiguous: Vec<bool>,
    /// The names as the index's analyzers cut them, in the same order (empty when a name
    /// analyses to nothing).
    analysed: Vec<Vec<String>>,
    /// The names as the language-neutral analyzer (keywords) cuts them, in the same order.
    neutral: Vec<Vec<String>>,
    /// Where each token of `analysed` and `neutral` sits in the name (see
    /// [`crate::analysis::analyse_at`]).
    analysed_offsets: Vec<Vec<usize>>,
    neutral_offsets: Vec<Vec<usize>>,
}

/// Another name of a concept that a query names, ready to be searched for.
#[derive(Debug, Clone, Copy)]
pub struct Expansion<'a> {
    /// Which concept this is a name of (the same for all the names of one concept).
    pub concept: usize,
    pub lang: Lang,
    pub name: &'a str,
    /// As `lang`'s analyzer cuts it (title and description fields).
    pub tokens: &'a [String],
    /// As the neutral analyzer cuts it (keywords).
    pub neutral: &'a [String],
    /// Where the tokens of `tokens` and `neutral` sit in the name: a stop word leaves a gap.
    pub offsets: &'a [usize],
    pub neutral_offsets: &'a [usize],
    /// Only an ambiguous name brought its concept in, or it is an ambiguous name itself (see
    /// the module's comment): searched for lightly.
    pub ambiguous: bool,
    /// The concept is a kind of opening or of person (the file's first section: internship,
    /// postdoc, collaboration, researcher…): it says what sort of opening, not what about.
    pub framing: bool,
    /// Its place among the concept's names in its language (0 for the headword): the file
    /// lists a concept's names in the three languages in the same order where it can.
    pub position: usize,
}

/// The file's first section (sections count from 1 at the first `## ` heading): see
/// [`Expansion::framing`].
const FRAMING_SECTION: usize = 1;

#[derive(Debug, Default)]
pub struct Vocabulary {
    concepts: Vec<Concept>,
    /// Analysed name → concepts it names, per language.
    /// Per language ([`Lang::ALL`] order): analysed name → concepts it names. Keyed by `Vec`
    /// so that a slice of a query's tokens looks it up without copying.
    by_tokens: [HashMap<Vec<String>, Vec<usize>>; 3],
    /// Every analysed token of every name, per language ([`Lang::ALL`] order): what a
    /// misspelt word may be corrected to (filled once parsed, from `tokens`).
    known_tokens: [Words; 3],
    longest: usize,
}

impl Vocabulary {
    /// The vocabulary shipped with Passerelle, analysed with `tokenizers`.
    pub fn shipped(tokenizers: &TokenizerManager) -> Vocabulary {
        Vocabulary::parse(SOURCE, tokenizers)
    }

    pub fn parse(source: &str, tokenizers: &TokenizerManager) -> Vocabulary {
        let mut vocabulary = Vocabulary::default();
        let mut tokens_by_lang: [BTreeSet<String>; 3] = Default::default();
        let mut section = 0;
        for line in source.lines() {
            let line = line.trim();
            if line.starts_with("## ") {
                section += 1;
                continue;
            }
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
            let mut analysed_offsets = Vec::new();
            let mut neutral_offsets = Vec::new();
            let mut ambiguous = Vec::new();
            for (column, lang) in columns.iter().zip(COLUMNS) {
                for written in column.split(';').map(str::trim).filter(|name| !name.is_empty()) {
                    let name = written.trim_end_matches('*').trim_end();
                    ambiguous.push(name.len() != written.len());
                    let (tokens, offsets) = analyse_at(tokenizers, analyzer_name(lang), name);
                    let (neutral_tokens, neutral_at) = analyse_at(tokenizers, NEUTRAL, name);
                    if !tokens.is_empty() {
                        vocabulary.longest = vocabulary.longest.max(tokens.len());
                        vocabulary.by_tokens[lang_slot(lang)].entry(tokens.clone()).or_default().push(id);
                        tokens_by_lang[lang_slot(lang)].extend(tokens.iter().cloned());
                    }
                    names.push((lang, name.to_string()));
                    analysed.push(tokens);
                    neutral.push(neutral_tokens);
                    analysed_offsets.push(offsets);
                    neutral_offsets.push(neutral_at);
                }
            }
            vocabulary.concepts.push(Concept {
                section,
                names,
                ambiguous,
                analysed,
                neutral,
                analysed_offsets,
                neutral_offsets,
            });
        }
        // Sorted, so that of two corrections of a word the same one always wins.
        vocabulary.known_tokens = tokens_by_lang.map(Words::new);
        for ids in &mut vocabulary.by_tokens {
            for ids in ids.values_mut() {
                ids.sort_unstable();
                ids.dedup();
            }
        }
        vocabulary
    }

    /// Whether `tokens` (analysed as `lang`) is an ambiguous name of `concept`.
    fn is_ambiguous(&self, concept: usize, lang: Lang, tokens: &[String]) -> bool {
        let concept = &self.concepts[concept];
        concept
            .names
            .iter()
            .zip(&concept.analysed)
            .zip(&concept.ambiguous)
            .any(|(((name_lang, _), analysed), ambiguous)| *ambiguous && *name_lang == lang && analysed == tokens)
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
        self.known_tokens[lang_slot(lang)].one_edit_from(token)
    }

    /// The concepts named in `query`, in any of the three languages (longest match first).
    /// Tokens that neither the vocabulary nor `is_known` knows are corrected when a vocabulary
    /// token is one edit away (`quantm` → quantum).
    /// Each with whether it was named unambiguously (or in context: see the module's comment).
    fn concepts_in(
        &self,
        tokens_by_lang: &[Vec<String>; 3],
        is_known: &dyn Fn(Lang, &str) -> bool,
    ) -> BTreeMap<usize, bool> {
        // The query is read as each language; the readings that name concepts with the most
        // of its words win. English "quantum communication" is one concept read as English, but
        // read as French it would only name "communication", which would pull in every text
        // about science communication.
        let mut best: (usize, BTreeMap<usize, bool>) = (0, BTreeMap::new());
        for lang in Lang::ALL {
            let (covered, found) = self.concepts_read_as(lang, &tokens_by_lang[lang_slot(lang)], is_known);
            if covered > best.0 {
                best = (covered, found);
            } else if covered == best.0 && covered > 0 {
                for (id, clear) in found {
                    *best.1.entry(id).or_default() |= clear;
                }
            }
        }
        let mut found = best.1;
        // Context: an ambiguous name's concept is meant when the query names another concept
        // of its section clearly.
        let clear_sections: BTreeSet<usize> =
            found.iter().filter(|(_, clear)| **clear).map(|(id, _)| self.concepts[*id].section).collect();
        for (id, clear) in found.iter_mut() {
            *clear |= clear_sections.contains(&self.concepts[*id].section);
        }
        found
    }

    /// The concepts that `tokens` (analysed as `lang`) name, longest first, and how many of the
    /// tokens they cover.
    fn concepts_read_as(
        &self,
        lang: Lang,
        tokens: &[String],
        is_known: &dyn Fn(Lang, &str) -> bool,
    ) -> (usize, BTreeMap<usize, bool>) {
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
        let (mut covered, mut found) = (0, BTreeMap::new());
        let mut start = 0;
        while start < tokens.len() {
            let longest = self.longest.min(tokens.len() - start);
            let matched =
                (1..=longest).rev().find_map(|len| by_tokens.get(&tokens[start..start + len]).map(|ids| (len, ids)));
            match matched {
                Some((len, ids)) => {
                    let name = &tokens[start..start + len];
                    for &id in ids {
                        *found.entry(id).or_default() |= !self.is_ambiguous(id, lang, name);
                    }
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
        let mut found: Vec<(usize, bool)> = self.concepts_in(tokens_by_lang, is_known).into_iter().collect();
        // Clearly named concepts first, so that a name shared with an ambiguous one stays clear.
        found.sort_by_key(|(id, clear)| (!clear, *id));
        found
            .into_iter()
            .flat_map(|(id, clear)| {
                let concept = &self.concepts[id];
                (0..concept.names.len()).map(move |at| {
                    let (lang, name) = &concept.names[at];
                    Expansion {
                        concept: id,
                        lang: *lang,
                        name,
                        tokens: &concept.analysed[at],
                        neutral: &concept.neutral[at],
                        offsets: &concept.analysed_offsets[at],
                        neutral_offsets: &concept.neutral_offsets[at],
                        ambiguous: !clear || concept.ambiguous[at],
                        framing: concept.section == FRAMING_SECTION,
                        position: concept.names[..at].iter().filter(|(earlier, _)| earlier == lang).count(),
                    }
                })
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
                column
                    .split(';')
                    .map(|n| n.trim().trim_end_matches('*').trim_end())
                    .filter(|n| !n.is_empty())
                    .map(move |n| (lang, n.to_string()))
            })
            .collect();
        concepts.push(ConceptNames { section: section.clone(), names });
    }
    concepts
}

/// What is wrong with a vocabulary file, one problem a line: lines without three columns,
/// concepts without a name in one of the languages, a name written twice for one concept, and
/// a name given to several concepts but marked ambiguous (`*`) in fewer than all but one. Names are compared
/// as the index analyses them (`Batteries` and `battery` are one name). Run by the test
/// `the_shipped_vocabulary_is_well_formed` (`cargo test -p search --lib vocabulary`).
#[cfg(test)]
fn check(source: &str, tokenizers: &TokenizerManager) -> Vec<String> {
    let mut problems = Vec::new();
    // (language, analysed name) → (line, marked) for each concept that has it.
    type Owners = Vec<(usize, bool)>;
    let mut owners: BTreeMap<(Lang, Vec<String>), Owners> = BTreeMap::new();
    for (number, line) in source.lines().enumerate().map(|(n, line)| (n + 1, line.trim())) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let columns: Vec<&str> = line.split('|').collect();
        if columns.len() != 3 {
            problems.push(format!("line {number}: {} columns instead of 3 (en | fr | ko)", columns.len()));
            continue;
        }
        let mut own: BTreeSet<(Lang, Vec<String>)> = BTreeSet::new();
        let mut written_names: BTreeSet<(Lang, String)> = BTreeSet::new();
        for (column, lang) in columns.iter().zip(COLUMNS) {
            let names: Vec<&str> = column.split(';').map(str::trim).filter(|n| !n.is_empty()).collect();
            if names.is_empty() {
                problems.push(format!("line {number}: no {} name", lang.code()));
            }
            for written in names {
                let name = written.trim_end_matches('*').trim_end();
                let tokens = crate::analysis::analyse(tokenizers, lang, name);
                if tokens.is_empty() {
                    problems.push(format!("line {number}: {name:?} ({}) analyses to nothing", lang.code()));
                    continue;
                }
                // Spellings that analyse alike (doctoral, doctorate) may both be listed; the same
                // spelling twice is a slip.
                if !written_names.insert((lang, name.to_lowercase())) {
                    problems.push(format!("line {number}: {name:?} ({}) is written twice", lang.code()));
                    continue;
                }
                if !own.insert((lang, tokens.clone())) {
                    continue;
                }
                owners.entry((lang, tokens)).or_default().push((number, name.len() != written.len()));
            }
        }
    }
    for ((lang, tokens), lines) in owners {
        if lines.iter().filter(|(_, marked)| !marked).count() > 1 {
            let numbers: Vec<String> = lines.iter().map(|(n, _)| n.to_string()).collect();
            problems.push(format!(
                "lines {}: {:?} ({}) names several concepts; merge them, or mark the name ambiguous with `*` in all but its main sense",
                numbers.join(", "),
                tokens.join(" "),
                lang.code()
            ));
        }
    }
    problems
}

/// Shorter words are never corrected: one edit changes them too much.
const MIN_CORRECTED_CHARS: usize = 5;

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
        vocabulary.expansions(&Lang::ALL.map(|lang| crate::analysis::analyse(tokenizers, lang, query)), is_known)
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
    fn the_shipped_vocabulary_is_well_formed() {
        let (_, tokenizers) = vocabulary();
        let problems = check(SOURCE, &tokenizers);
        assert!(problems.is_empty(), "research-terms.txt:\n{}", problems.join("\n"));
    }

    #[test]
    fn the_checker_finds_each_kind_of_problem() {
        let (_, tokenizers) = vocabulary();
        let source = "battery | batterie\nbattery; Battery | batterie | 배터리\nfish | | 어류; 양식\naquaculture | aquaculture | 양식*";
        let problems = check(source, &tokenizers).join("\n");
        assert!(problems.contains("line 1: 2 columns"), "{problems}");
        assert!(problems.contains("line 2: \"Battery\" (en) is written twice"), "{problems}");
        assert!(problems.contains("line 3: no fr name"), "{problems}");
        assert!(!problems.contains("lines 3, 4:"), "one sense may stay unmarked: {problems}");
        let unmarked_twice = check("fish | poisson | 양식\naquaculture | aquaculture | 양식", &tokenizers).join("\n");
        assert!(unmarked_twice.contains("lines 1, 2:"), "{unmarked_twice}");
    }

    #[test]
    fn an_ambiguous_name_counts_fully_only_in_context() {
        let (vocabulary, tokenizers) = vocabulary();
        let ambiguous = |query: &str, lang: Lang, name: &str| {
            expand(&vocabulary, &tokenizers, query, &unknown)
                .iter()
                .find(|e| e.lang == lang && e.name == name)
                .map(|e| e.ambiguous)
        };
        // 양식 alone (a form to fill in, as often as aquaculture): searched, but lightly.
        assert_eq!(ambiguous("신청 양식", Lang::En, "aquaculture"), Some(true));
        // With fish, it is aquaculture.
        assert_eq!(ambiguous("양식 어류", Lang::En, "aquaculture"), Some(false));
        // 역학 is epidemiology or mechanics: alone, light; with a disease, epidemiology.
        assert_eq!(ambiguous("역학", Lang::En, "epidemiology"), Some(true));
        assert_eq!(ambiguous("감염병 역학", Lang::En, "epidemiology"), Some(false));
        // "automatique" alone is control engineering, lightly; inside "apprentissage
        // automatique" it is machine learning, and control engineering does not come in.
        assert_eq!(ambiguous("automatique", Lang::En, "control systems"), Some(true));
        assert_eq!(ambiguous("apprentissage automatique", Lang::En, "control systems"), None);
        assert_eq!(ambiguous("apprentissage automatique", Lang::En, "machine learning"), Some(false));
        // Searching for control systems looks for "automatique" lightly (it is also in every
        // "apprentissage automatique"), for "commande" fully.
        assert_eq!(ambiguous("control systems", Lang::Fr, "automatique"), Some(true));
        assert_eq!(ambiguous("control systems", Lang::Fr, "commande"), Some(false));
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
}
