//! The locale files: every file parses, every locale has exactly the reference's messages, and
//! every message is used by the code.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{Entry, Resource};
use fluent_syntax::parser;

const LOCALES: [&str; 3] = ["en", "fr", "ko"];
const CODE_DIRS: [&str; 6] = ["app/src", "server/src", "model/src", "l10n/src", "search/src", "catalog/src"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn message_ids(locale: &str) -> BTreeSet<String> {
    let path = root().join("locales").join(locale).join("main.ftl");
    let source = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let resource: Resource<&str> = match parser::parse(source.as_str()) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("{} does not parse: {errors:?}", path.display()),
    };
    let mut ids = BTreeSet::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            assert!(message.value.is_some(), "{locale}: {} has no value", message.id.name);
            assert!(ids.insert(message.id.name.to_string()), "{locale}: {} is defined twice", message.id.name);
        }
    }
    ids
}

#[test]
fn every_locale_has_exactly_the_reference_messages() {
    let reference = message_ids("en");
    assert!(reference.len() > 100, "the reference locale looks truncated");
    for locale in &LOCALES[1..] {
        let ids = message_ids(locale);
        let missing: Vec<_> = reference.difference(&ids).collect();
        let extra: Vec<_> = ids.difference(&reference).collect();
        assert!(missing.is_empty(), "{locale} lacks {missing:?}");
        assert!(extra.is_empty(), "{locale} has messages that en lacks: {extra:?}");
    }
}

fn rust_sources(dir: &Path, out: &mut String) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push_str(&fs::read_to_string(&path).unwrap_or_default());
        }
    }
}

#[test]
fn every_message_is_used() {
    let mut code = String::new();
    for dir in CODE_DIRS {
        rust_sources(&root().join(dir), &mut code);
    }
    let unused: Vec<_> = message_ids("en").into_iter().filter(|id| !code.contains(&format!("\"{id}\""))).collect();
    assert!(unused.is_empty(), "messages no code refers to: {unused:?}");
}

#[test]
fn every_message_formats_without_errors_in_every_locale() {
    for lang in model::Lang::ALL {
        for id in message_ids("en") {
            assert!(l10n::has_message(lang, &id), "{lang}: {id}");
        }
    }
}

/// The text of a locale's messages, one string per line of the file, without comments, message
/// ids or the names of variables (`{ $institution }` is not the word "institution").
fn message_lines(locale: &str) -> Vec<String> {
    let path = root().join("locales").join(locale).join("main.ftl");
    let source = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    source
        .lines()
        .filter(|line| !line.trim_start().starts_with('#'))
        .map(|line| {
            let text = match line.split_once(" = ") {
                Some((id, value)) if !id.starts_with(' ') => value,
                _ => line,
            };
            let mut out = String::with_capacity(text.len());
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                if c == '$' {
                    while chars.next_if(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-').is_some() {}
                } else {
                    out.push(c);
                }
            }
            out
        })
        .collect()
}

/// `locales/GLOSSARY.md`'s rows: the term of each language, and the words each must not use.
fn glossary() -> Vec<(String, [String; 3], [Vec<String>; 3])> {
    let text = fs::read_to_string(root().join("locales/GLOSSARY.md")).expect("locales/GLOSSARY.md");
    let rows: Vec<_> = text
        .lines()
        .filter(|line| line.starts_with('|') && !line.starts_with("|---") && !line.starts_with("| concept"))
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
            assert_eq!(cells.len(), 7, "a glossary row has 7 cells: {line}");
            let words =
                |cell: &str| cell.split(',').map(|w| w.trim().to_lowercase()).filter(|w| !w.is_empty()).collect();
            (
                cells[0].to_string(),
                [cells[1].to_lowercase(), cells[2].to_lowercase(), cells[3].to_lowercase()],
                [words(cells[4]), words(cells[5]), words(cells[6])],
            )
        })
        .collect();
    assert!(rows.len() >= 9, "the glossary looks truncated");
    rows
}

/// `word` in `line` as a whole word; Korean words may take a particle after them.
fn contains_word(line: &str, word: &str) -> bool {
    let hangul = |c: char| ('\u{ac00}'..='\u{d7a3}').contains(&c);
    line.match_indices(word).any(|(at, _)| {
        let before = line[..at].chars().next_back();
        let after = line[at + word.len()..].chars().next();
        let apart = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        apart(before) && (word.chars().last().is_some_and(hangul) || apart(after))
    })
}

#[test]
fn each_concept_has_one_term_in_each_language() {
    for (concept, terms, avoided) in glossary() {
        for (n, locale) in LOCALES.iter().enumerate() {
            let lines: Vec<String> = message_lines(locale).iter().map(|l| l.to_lowercase()).collect();
            assert!(lines.iter().any(|l| l.contains(&terms[n])), "{locale}: {concept}: “{}” is never used", terms[n]);
            for word in &avoided[n] {
                if let Some(line) = lines.iter().find(|l| contains_word(l, word)) {
                    panic!("{locale}: {concept} is “{}”, not “{word}”: {line}", terms[n]);
                }
            }
        }
    }
}

#[test]
fn french_punctuation_takes_no_break_spaces() {
    const NBSP: char = '\u{a0}';
    const NARROW: char = '\u{202f}';
    for line in message_lines("fr") {
        let chars: Vec<char> = line.chars().collect();
        for (i, pair) in chars.windows(2).enumerate() {
            let (before, c) = (pair[0], pair[1]);
            let wrong = match c {
                ':' => matches!(before, ' ' | NARROW),
                ';' | '?' | '!' => matches!(before, ' ' | NBSP),
                '»' => before != NBSP,
                _ if before == '«' => c != NBSP,
                // Digits grouped by threes: "5 000".
                d if d.is_ascii_digit() => {
                    before == ' '
                        && i > 0
                        && chars[i - 1].is_ascii_digit()
                        && chars[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count() == 3
                }
                _ => false,
            };
            assert!(!wrong, "French typography: “{before}{c}” in: {line}");
        }
    }
}

#[test]
fn korean_particles_after_variables_are_not_workarounds() {
    for line in message_lines("ko") {
        for workaround in ["을(를)", "를(을)", "(으)로", "이(가)", "가(이)", "은(는)", "는(은)", "와(과)", "과(와)"]
        {
            assert!(!line.contains(workaround), "{workaround} in: {line}");
        }
    }
}
