//! Korean loanwords met with their Latin-script source by sound: 아쿠아포닉스 and "aquaponics",
//! 그래핀 and "graphene", 스펙트로스코피 and "spectroscopy".
//!
//! Korean writes most new technical words as they sound in English, and a list of concepts
//! will never hold every one of them. Each word is reduced to a key: its consonants, in classes
//! that Korean transcription keeps apart (K, N, T, R, M, P, S, H), vowels dropped. English
//! spelling is read the way Korean hears it: soft `c` and `g`, `ph`, `th`, `-tion`, and an `r`
//! before a consonant silent ("tardigrade" and 타디그레이드 are both T-K-R-T, a repeated class
//! counting once). Hangul words are keyed only when they look borrowed (a syllable such as 스,
//! 크, 플, 레 or 닛, none of which Sino-Korean has), so that native words never meet an English
//! one by chance; keys shorter than four consonants are dropped for the same reason ("gripper"
//! and "group" would share K-R-P).
//!
//! Openings index the keys of their titles and keywords (field `sounds`, each key
//! marked with the script it came from); a query word's key is looked for among the other
//! script's keys.

/// Keys with fewer consonants than this match too many unrelated words.
const MIN_CONSONANTS: usize = 4;

/// Which script a key came from, as the first letter of the indexed term.
const HANGUL: char = 'h';
const LATIN: char = 'l';

/// The keys of every word of `text` (titles, keywords), as indexed. A Latin
/// word ending in a plural `s` is keyed with and without it: Korean borrows the singular
/// (엘라스토머, elastomers) but keeps the s of "-ics" (아쿠아포닉스).
pub fn keys(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        out.extend(key(word));
        if let Some(singular) = word.strip_suffix('s').filter(|w| !w.ends_with('s')) {
            out.extend(key(singular));
        }
    }
    out
}

/// The key under which a query word's counterparts in the other script are indexed.
pub fn counterpart_key(word: &str) -> Option<String> {
    let key = key(word)?;
    let (script, consonants) = key.split_at(1);
    let other = if script.starts_with(HANGUL) { LATIN } else { HANGUL };
    Some(format!("{other}{consonants}"))
}

/// A word's key, marked with its script; `None` for words too short, mixed, or (Hangul) native.
fn key(word: &str) -> Option<String> {
    let (script, consonants) = if word.chars().all(is_hangul) {
        (HANGUL, hangul_consonants(strip_particle(word))?)
    } else if word.chars().all(|c| c.is_alphabetic() && !is_hangul(c)) {
        (LATIN, latin_consonants(word))
    } else {
        return None;
    };
    let consonants = collapse(&consonants);
    (consonants.len() >= MIN_CONSONANTS).then(|| format!("{script}{}", consonants.to_lowercase()))
}

/// A Hangul syllable (not a lone jamo).
pub(crate) fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// Repeated classes count once ("ll" and "ㄹㄹ", "ss" and 스-ㅅ).
fn collapse(consonants: &str) -> String {
    let mut out = String::new();
    for c in consonants.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Particles after a word that add a consonant of their own (을, 는, 과…): 아쿠아포닉스를 is
/// 아쿠아포닉스. Only with two syllables or more left, and never 로 or 도, which end borrowed
/// words too (마이크로).
fn strip_particle(word: &str) -> &str {
    const PARTICLES: [&str; 10] = ["에서는", "에서", "으로", "에게", "를", "을", "은", "는", "과", "만"];
    for particle in PARTICLES {
        if let Some(stem) = word.strip_suffix(particle)
            && stem.chars().count() >= 2
        {
            return stem;
        }
    }
    word
}

/// The consonant classes of a Hangul word, or `None` when it does not look borrowed.
fn hangul_consonants(word: &str) -> Option<String> {
    // Initial consonants (ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ) and finals (none, then
    // ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ), as classes; ㅇ is silent
    // before a vowel and "ng" after one; a final ㅅ is a "t" in borrowed words (로봇, robot).
    const INITIALS: [&str; 19] =
        ["K", "K", "N", "T", "T", "R", "M", "P", "P", "S", "S", "", "S", "S", "S", "K", "T", "P", "H"];
    const FINALS: [&str; 28] = [
        "", "K", "K", "KS", "N", "N", "N", "T", "R", "RK", "RM", "RP", "RS", "RT", "RP", "R", "M", "P", "PS", "T", "T",
        "N", "T", "T", "K", "T", "P", "T",
    ];
    const EU: u32 = 18; // ㅡ
    const E: u32 = 5; // ㅔ
    let mut borrowed = false;
    let mut out = String::new();
    for c in word.chars() {
        let index = c as u32 - 0xAC00;
        let (initial, vowel, last) = (index / (21 * 28), (index / 28) % 21, index % 28);
        // None of these is Sino-Korean: ㅡ with no final (스, 크) or after ㅂ, ㅍ (플); ㅋ; ㅔ
        // after ㄱㄴㄷㄹㅁㅂㅋㅌㅍ (Sino-Korean has only 세, 제, 체); a final ㅅ (로봇, 닛).
        borrowed |= (vowel == EU && (last == 0 || [7, 17].contains(&initial)))
            || initial == 15
            || (vowel == E && [0, 2, 3, 5, 6, 7, 15, 16, 17].contains(&initial))
            || last == 19;
        out.push_str(INITIALS[initial as usize]);
        out.push_str(FINALS[last as usize]);
    }
    borrowed.then_some(out)
}

/// The consonant classes of a Latin-script word, read as Korean transcribes English.
fn latin_consonants(word: &str) -> String {
    let letters: Vec<char> = word.chars().flat_map(char::to_lowercase).map(fold_accent).collect();
    let vowel = |i: usize| letters.get(i).is_some_and(|c| "aeiouy".contains(*c));
    let at = |i: usize| letters.get(i).copied().unwrap_or(' ');
    let mut out = String::new();
    let mut i = 0;
    while i < letters.len() {
        let next = at(i + 1);
        let (class, width) = match letters[i] {
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'w' => ("", 1),
            // Silent before a consonant, at the end, or before a final silent e (pore, 포어).
            'r' if !vowel(i + 1) || (next == 'e' && i + 2 == letters.len()) => ("", 1),
            'r' | 'l' => ("R", 1),
            'p' if next == 'h' => ("P", 2),
            'b' | 'p' | 'f' | 'v' => ("P", 1),
            't' if next == 'h' => ("S", 2),
            // -tion, -tial: 션, 셜; -ture: 처.
            't' if next == 'i' && vowel(i + 2) => ("S", 2),
            't' if next == 'u' && at(i + 2) == 'r' && at(i + 3) == 'e' => ("S", 4),
            'd' | 't' => ("T", 1),
            'c' if next == 'h' => ("S", 2),
            'c' if next == 'k' => ("K", 2),
            'c' if "eiy".contains(next) => ("S", 1),
            'g' if next == 'h' => ("", 2),
            'g' if "eiy".contains(next) => ("S", 1),
            // The g of "ng" is the final ㅇ already said by the n.
            'g' if i > 0 && letters[i - 1] == 'n' && !vowel(i + 1) => ("", 1),
            'c' | 'g' | 'k' | 'q' => ("K", 1),
            'x' => ("KS", 1),
            's' | 'z' | 'j' | 'ç' => ("S", 1),
            'm' => ("M", 1),
            'n' => ("N", 1),
            'h' if i == 0 || vowel(i + 1) => ("H", 1),
            _ => ("", 1),
        };
        out.push_str(class);
        i += width;
    }
    out
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' | 'á' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' | 'í' => 'i',
        'ô' | 'ö' | 'ó' | 'œ' => 'o',
        'ù' | 'û' | 'ü' | 'ú' => 'u',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meet(korean: &str, latin: &str) -> bool {
        counterpart_key(korean).is_some_and(|key| keys(latin).contains(&key))
    }

    #[test]
    fn borrowed_words_meet_their_source() {
        for (korean, latin) in [
            ("아쿠아포닉스", "aquaponics"),
            ("그래핀", "Graphene"),
            ("마이크로바이옴", "microbiome"),
            ("스핀트로닉스", "spintronics"),
            ("타디그레이드", "tardigrade"),
            ("스펙트로스코피", "spectroscopy"),
            ("써모카스트", "thermokarst"),
            ("퍼멘테이션", "fermentation"),
            ("클러스터링", "clustering"),
            ("플라스모닉스", "plasmonics"),
            ("아쿠아포닉스를", "aquaponics"),
            ("엘라스토머", "elastomers"),
            ("엑소플래닛", "exoplanet"),
            ("헤일로스코프", "haloscope"),
            ("레독스", "redox"),
            ("인터랙티브", "interactive"),
            ("포토레지스트", "photoresist"),
            ("마이크로플루이딕스", "microfluidics"),
        ] {
            assert!(meet(korean, latin), "{korean} / {latin}: {:?} vs {:?}", counterpart_key(korean), keys(latin));
        }
        assert_eq!(counterpart_key("aquaponics"), Some("hkpnks".to_string()));
    }

    #[test]
    fn native_and_short_words_have_no_key() {
        // Sino-Korean words, however many consonants, never look borrowed.
        for native in ["완보동물", "연구원", "산호초", "고체산화물", "재생에너지"] {
            assert_eq!(key(native), None, "{native}");
        }
        // Too few consonants to tell "gripper" from "group".
        assert_eq!(key("그리퍼"), None);
        assert_eq!(key("gripper"), None);
        // Mixed scripts and digits are not words of one language.
        assert_eq!(key("5G네트워크"), None);
    }

    #[test]
    fn different_words_keep_apart() {
        assert!(!meet("그래핀", "graphic"));
        assert!(!meet("스펙트로스코피", "spectrometry"));
    }
}
