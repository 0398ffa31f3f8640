//! Where a search's words may be in a text, found without analysing the whole text: the text is
//! folded (lower case, accents off) and searched for each word's key, a beginning that the
//! analysed word shares with every written form it comes from. Only the words around those
//! places are analysed then: analysis (Korean segmentation above all) is what marking words
//! costs, and a description is mostly words the search did not ask for.

use std::ops::Range;

use model::Lang;

/// A text folded as [`fold_into`] does, with the byte of the original text each folded byte
/// comes from.
pub(super) struct Folded {
    pub(super) text: String,
    origin: Vec<usize>,
}

impl Folded {
    pub(super) fn new(text: &str) -> Folded {
        let mut folded = Folded { text: String::with_capacity(text.len()), origin: Vec::with_capacity(text.len()) };
        for (at, c) in text.char_indices() {
            fold_into(c, &mut folded.text);
            folded.origin.resize(folded.text.len(), at);
        }
        folded
    }

    /// The stretch of the original text that the folded bytes `range` come from.
    fn original(&self, range: Range<usize>, text: &str) -> Range<usize> {
        let start = self.origin[range.start];
        let last = self.origin[range.end - 1];
        let end = last + text[last..].chars().next().map_or(0, char::len_utf8);
        start..end
    }
}

/// `c` in lower case without its accents, as the analyzers leave it (`Œ` → `oe`, `ß` → `ss`).
/// Letters this does not know are kept in lower case: at worst such a word goes unmarked.
fn fold_into(c: char, out: &mut String) {
    // `y` is read as `i` too: English stems write it so (`study` → `studi`, `dying` → `die`).
    if c.is_ascii() {
        out.push(match c.to_ascii_lowercase() {
            'y' => 'i',
            lower => lower,
        });
        return;
    }
    for lower in c.to_lowercase() {
        let folded = match lower {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'æ' => "ae",
            'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
            'ď' | 'đ' | 'ð' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
            'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
            'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
            'ł' | 'ľ' | 'ĺ' | 'ļ' => "l",
            'ñ' | 'ń' | 'ň' | 'ņ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
            'œ' => "oe",
            'ř' | 'ŕ' => "r",
            'ś' | 'š' | 'ş' | 'ș' => "s",
            'ß' => "ss",
            'ť' | 'ţ' | 'ț' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
            'ý' | 'ÿ' => "i",
            'ź' | 'ż' | 'ž' => "z",
            other => {
                out.push(other);
                continue;
            }
        };
        out.push_str(folded);
    }
}

fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    text.chars().for_each(|c| fold_into(c, &mut out));
    out
}

/// The beginning of `term` (a word as `lang`'s analyzer indexes it) that the folded form of
/// every word analysed into `term` starts with. Korean words are indexed as written. French and
/// English stemmers rewrite only a word's ending: they cut it, and may change the last letter
/// they keep (`studi` from `study`, `die` from `dying`: [`fold_into`] reads `y` as `i`), the
/// last two for a French `c` before `ité` or `ation` (`laiqu` from `laïcité`), or more after a
/// word's first four (`courant` from `couramment`). The analysis tests check this on every name
/// of the research vocabulary.
pub(super) fn key(term: &str, lang: Lang) -> String {
    let folded = fold(term);
    match lang {
        Lang::Ko => folded,
        Lang::En | Lang::Fr => {
            let letters = folded.chars().count();
            let rewritten = if lang == Lang::Fr && folded.ends_with("iqu") { 2 } else { 1 };
            let kept = if letters <= 2 { letters } else { letters.saturating_sub(rewritten).clamp(1, 4) };
            folded.chars().take(kept).collect()
        }
    }
}

/// The stretches of `text` to analyse so as to meet every word with one of `keys` (none empty):
/// each place a key occurs in `folded`, widened to the whole word (in Korean, to the
/// space-separated words on either side as well, since segmenting a word looks at its
/// neighbours), sorted and merged where they touch.
pub(super) fn regions(text: &str, folded: &Folded, keys: &[String], lang: Lang) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = keys
        .iter()
        .filter(|key| !key.is_empty())
        .flat_map(|key| folded.text.match_indices(key.as_str()).map(|(at, key)| at..at + key.len()))
        .map(|range| folded.original(range, text))
        .map(|range| match lang {
            Lang::Ko => spaced_words_around(text, range),
            Lang::En | Lang::Fr => word_around(text, range),
        })
        .collect();
    found.sort_by_key(|range| range.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(found.len());
    for range in found {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// `range` widened to the letters and digits around it: the word the analyzers cut out.
fn word_around(text: &str, range: Range<usize>) -> Range<usize> {
    let start = text[..range.start]
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(0, |(at, c)| at + c.len_utf8());
    let end = text[range.end..]
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(text.len(), |(at, _)| range.end + at);
    start..end
}

/// `range` widened to the space-separated word it is in and the one on either side.
fn spaced_words_around(text: &str, range: Range<usize>) -> Range<usize> {
    let word_start = |at: usize| {
        text[..at].char_indices().rev().find(|(_, c)| c.is_whitespace()).map_or(0, |(i, c)| i + c.len_utf8())
    };
    let word_end = |at: usize| text[at..].find(char::is_whitespace).map_or(text.len(), |i| at + i);
    let previous = word_start(text[..word_start(range.start)].trim_end().len());
    let end = word_end(range.end);
    let spaces = text[end..].len() - text[end..].trim_start().len();
    previous..word_end(end + spaces)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regions_of<'a>(text: &'a str, keys: &[&str], lang: Lang) -> Vec<&'a str> {
        let keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
        regions(text, &Folded::new(text), &keys, lang).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn keys_are_found_whatever_the_case_and_accents() {
        assert_eq!(regions_of("Les ÉNERGIES marines; l'énergie.", &["energ"], Lang::Fr), ["ÉNERGIES", "énergie"]);
        assert_eq!(regions_of("Cœur et nœuds", &["noeu"], Lang::Fr), ["nœuds"]);
        assert_eq!(regions_of("nothing here", &["energ"], Lang::Fr), Vec::<&str>::new());
    }

    #[test]
    fn korean_regions_take_the_neighbouring_words_and_merge() {
        let text = "우리 연구실은 전고체 배터리를 연구합니다. 다른 주제";
        assert_eq!(regions_of(text, &["배터리"], Lang::Ko), ["전고체 배터리를 연구합니다."]);
        assert_eq!(regions_of(text, &["터리"], Lang::Ko), ["전고체 배터리를 연구합니다."]);
        assert_eq!(regions_of(text, &["전고체", "배터리"], Lang::Ko), ["연구실은 전고체 배터리를 연구합니다."]);
        assert_eq!(regions_of("배터리", &["배터리"], Lang::Ko), ["배터리"]);
    }

    #[test]
    fn stems_give_short_keys() {
        assert_eq!(key("energ", Lang::Fr), "ener");
        assert_eq!(key("iot", Lang::En), "io");
        assert_eq!(key("ai", Lang::En), "ai");
        assert_eq!(key("naïv", Lang::En), "nai");
        assert_eq!(key("die", Lang::En), "di");
        assert_eq!(key("laiqu", Lang::Fr), "lai");
        assert_eq!(key("배터리", Lang::Ko), "배터리");
    }
}
