//! A fixed list of words that misspellings are corrected to. Each word is filed under itself and
//! under each form of it with one letter dropped; a word one edit away from a listed one (a
//! letter added, dropped, changed, or two neighbours swapped) shares one of those forms with it,
//! so a correction costs a few hash lookups, not a pass over the list.

use std::collections::HashMap;

#[derive(Debug, Default)]
pub struct Words {
    /// In the order given: of two corrections, the first listed wins.
    words: Vec<String>,
    /// A word, or a word less one letter → the words it comes from, by their place in `words`.
    by_form: HashMap<String, Vec<u32>>,
}

impl Words {
    pub fn new(words: impl IntoIterator<Item = String>) -> Words {
        let words: Vec<String> = words.into_iter().collect();
        let mut by_form: HashMap<String, Vec<u32>> = HashMap::new();
        for (place, word) in (0u32..).zip(&words) {
            for form in forms(word) {
                let places = by_form.entry(form).or_default();
                if places.last() != Some(&place) {
                    places.push(place);
                }
            }
        }
        Words { words, by_form }
    }

    pub fn contains(&self, word: &str) -> bool {
        self.by_form.get(word).is_some_and(|places| places.iter().any(|&p| self.words[p as usize] == word))
    }

    /// The first listed word one edit away from `word` (never `word` itself).
    pub fn one_edit_from(&self, word: &str) -> Option<&str> {
        forms(word)
            .filter_map(|form| self.by_form.get(&form))
            .flatten()
            .copied()
            .filter(|&place| one_edit_apart(word, &self.words[place as usize]))
            .min()
            .map(|place| self.words[place as usize].as_str())
    }
}

/// `word` itself, then `word` without each of its letters in turn.
fn forms(word: &str) -> impl Iterator<Item = String> + '_ {
    let without = word.char_indices().map(move |(at, letter)| {
        let mut form = String::with_capacity(word.len());
        form.push_str(&word[..at]);
        form.push_str(&word[at + letter.len_utf8()..]);
        form
    });
    std::iter::once(word.to_string()).chain(without)
}

/// Whether `a` becomes `b` with one insertion, deletion, substitution or swap of neighbours.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (rest_a, rest_b) = (&a[prefix..], &b[prefix..]);
    match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Less => rest_a == &rest_b[1..],
        std::cmp::Ordering::Greater => &rest_a[1..] == rest_b,
        std::cmp::Ordering::Equal => {
            rest_a[1..] == rest_b[1..]
                || (rest_a.len() >= 2 && rest_a[0] == rest_b[1] && rest_a[1] == rest_b[0] && rest_a[2..] == rest_b[2..])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Words, one_edit_apart};

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

    #[test]
    fn corrections_are_found_for_every_kind_of_edit_and_the_first_listed_wins() {
        let words = Words::new(["battery", "quantum", "research", "배터리", "quanta"].map(String::from));
        for (typed, meant) in [
            ("batery", "battery"),    // a letter dropped
            ("batttery", "battery"),  // a letter added
            ("bbttery", "battery"),   // a letter changed
            ("abttery", "battery"),   // neighbours swapped
            ("resaerch", "research"), // neighbours swapped inside
            ("배터이", "배터리"),     // in Hangul too
        ] {
            assert_eq!(words.one_edit_from(typed), Some(meant), "{typed}");
        }
        // "quantu" is one edit from "quantum" and from "quanta": the first listed wins.
        assert_eq!(words.one_edit_from("quantu"), Some("quantum"));
        assert_eq!(words.one_edit_from("battery"), None);
        assert_eq!(words.one_edit_from("bttry"), None);
        assert!(words.contains("quanta") && !words.contains("quant"));
    }
}
