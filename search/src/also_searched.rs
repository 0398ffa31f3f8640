//! What a search looked for besides the words as typed, told to the searcher: each concept of
//! the vocabulary the words named fully, as they named it, with its name in each other
//! language ("산호초 → récif corallien, coral reef"). A result in another language then says
//! why it is there.

use model::Lang;
use model::dto::{AlsoSearched, Name};

use crate::schema::lang_slot;
use crate::vocabulary::Expansion;

/// The concepts searched in full among `expansions` (an ambiguous reading is searched only
/// lightly, and beside a topic a kind of opening is not searched in other languages: neither
/// is shown), in the order they were found. `tokens_by_lang` is the query as each language's
/// analyser cuts it: a concept is shown as the name whose words the query has.
pub(crate) fn also_searched(
    expansions: &[Expansion<'_>],
    tokens_by_lang: &[Vec<String>; 3],
    topical: bool,
) -> Vec<AlsoSearched> {
    let searched = |e: &&Expansion<'_>| !(e.ambiguous || (e.framing && topical));
    let mut concepts: Vec<usize> = Vec::new();
    for expansion in expansions.iter().filter(searched) {
        if !concepts.contains(&expansion.concept) {
            concepts.push(expansion.concept);
        }
    }
    let typed = |e: &Expansion<'_>| {
        let words = &tokens_by_lang[lang_slot(e.lang)];
        !e.tokens.is_empty() && words.windows(e.tokens.len()).any(|window| window == e.tokens)
    };
    concepts
        .into_iter()
        .filter_map(|concept| {
            let names: Vec<&Expansion<'_>> = expansions.iter().filter(|e| e.concept == concept).collect();
            // The longest name typed, a clear one before one that also means something else:
            // "fusion nucléaire" rather than "fusion".
            let named = names.iter().filter(|e| typed(e)).max_by_key(|e| (!e.ambiguous, e.tokens.len()))?;
            // In each other language, the name in the same place as the one typed (산호 →
            // coral, corail; 산호초 → coral reef, récif corallien), else the first; never one
            // that also means something else; a name two languages share once.
            let mut shown: Vec<Name> = Vec::new();
            for lang in Lang::ALL.into_iter().filter(|&lang| lang != named.lang) {
                let in_lang = || names.iter().filter(move |e| e.lang == lang && !e.ambiguous);
                let aligned = in_lang().find(|e| e.position == named.position);
                let Some(other) = aligned.or_else(|| in_lang().min_by_key(|e| e.position)) else { continue };
                let same = |text: &str| text.to_lowercase() == other.name.to_lowercase();
                if !same(named.name) && !shown.iter().any(|name| same(&name.text)) {
                    shown.push(Name { lang, text: other.name.to_string() });
                }
            }
            let named_as = Name { lang: named.lang, text: named.name.to_string() };
            Some(AlsoSearched { named: named_as, names: shown })
        })
        .filter(|concept| !concept.names.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use model::Lang;
    use model::dto::{AlsoSearched, Name};

    use super::{Expansion, also_searched};

    /// Shows what `also_searched` makes of `names` (concept, language, name, place in its
    /// language, ambiguous, framing) for a query whose words are `typed` in every language.
    fn shown(names: &[(usize, Lang, &str, usize, bool, bool)], typed: &str) -> Vec<AlsoSearched> {
        let cut = |text: &str| text.split(' ').map(String::from).collect::<Vec<_>>();
        let tokens: Vec<Vec<String>> = names.iter().map(|(_, _, name, ..)| cut(name)).collect();
        let nowhere: &[usize] = &[];
        let expansions: Vec<Expansion<'_>> = names
            .iter()
            .zip(&tokens)
            .map(|(&(concept, lang, name, position, ambiguous, framing), tokens)| Expansion {
                concept,
                lang,
                name,
                tokens,
                neutral: tokens,
                offsets: nowhere,
                neutral_offsets: nowhere,
                ambiguous,
                framing,
                position,
            })
            .collect();
        also_searched(&expansions, &[cut(typed), cut(typed), cut(typed)], true)
    }

    fn name(lang: Lang, text: &str) -> Name {
        Name { lang, text: text.into() }
    }

    #[test]
    fn a_concept_is_shown_as_the_words_named_it_with_one_name_in_each_other_language() {
        let coral = [
            (1, Lang::En, "coral reef", 0, false, false),
            (1, Lang::Fr, "récif corallien", 0, false, false),
            (1, Lang::Ko, "산호초", 0, false, false),
            (2, Lang::Ko, "reef", 0, true, false),
            (3, Lang::En, "coral", 0, false, true),
        ];
        let found = shown(&coral, "coral reef");
        assert_eq!(found.len(), 1, "neither an ambiguous reading nor a kind of opening beside a topic");
        assert_eq!(found[0].named, name(Lang::En, "coral reef"));
        assert_eq!(found[0].names, [name(Lang::Fr, "récif corallien"), name(Lang::Ko, "산호초")]);
        // plasma; fusion | plasma; fusion nucléaire | 플라스마; 핵융합
        let fusion = [
            (4, Lang::En, "plasma", 0, false, false),
            (4, Lang::En, "fusion", 1, false, false),
            (4, Lang::Fr, "plasma", 0, false, false),
            (4, Lang::Fr, "fusion nucléaire", 1, false, false),
            (4, Lang::Ko, "플라스마", 0, false, false),
            (4, Lang::Ko, "핵융합", 1, false, false),
        ];
        let in_place = &shown(&fusion, "핵융합")[0];
        assert_eq!(in_place.names, [name(Lang::Fr, "fusion nucléaire"), name(Lang::En, "fusion")]);
        assert_eq!(shown(&fusion, "플라스마")[0].names, [name(Lang::Fr, "plasma")], "a shared name once");
        assert!(shown(&fusion, "tokamak").is_empty(), "no name of it typed");
        let longest = &shown(&fusion, "fusion nucléaire")[0];
        assert_eq!(longest.named, name(Lang::Fr, "fusion nucléaire"), "not the English fusion");
    }
}
