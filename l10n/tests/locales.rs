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
