use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use model::Lang;

/// The Fluent sources, embedded at build time. `en` is the reference locale.
pub(crate) const SOURCES: [(Lang, &str); 3] = [
    (Lang::Fr, include_str!("../../locales/fr/main.ftl")),
    (Lang::En, include_str!("../../locales/en/main.ftl")),
    (Lang::Ko, include_str!("../../locales/ko/main.ftl")),
];

type Bundle = FluentBundle<&'static FluentResource>;

/// The parsed sources, kept for their entries (see `prepare`).
static RESOURCES: LazyLock<Vec<(Lang, FluentResource)>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(lang, source)| {
            // A syntax error leaves the rest usable; the locale tests fail on it.
            let resource = FluentResource::try_new((*source).to_string()).unwrap_or_else(|(partial, _)| partial);
            (*lang, resource)
        })
        .collect()
});

static BUNDLES: LazyLock<Vec<(Lang, Bundle)>> = LazyLock::new(|| {
    RESOURCES
        .iter()
        .map(|(lang, resource)| {
            let locale = lang.code().parse().unwrap_or_default();
            let mut bundle = Bundle::new_concurrent(vec![locale]);
            // Unicode isolation marks would end up inside titles and attributes.
            bundle.set_use_isolating(false);
            bundle.set_formatter(Some(match lang {
                Lang::Fr => grouped::<{ Lang::Fr as u8 }, _>,
                Lang::En => grouped::<{ Lang::En as u8 }, _>,
                Lang::Ko => grouped::<{ Lang::Ko as u8 }, _>,
            }));
            // Duplicate ids are reported by the locale tests as well.
            let _ = bundle.add_resource(resource);
            (*lang, bundle)
        })
        .collect()
});

/// Whole numbers from 1,000 up as the language groups their digits ("1 234 offres"); Fluent
/// itself would write "1234". `LANG` is the language's discriminant: a formatter is a plain
/// function, one per bundle.
fn grouped<const LANG: u8, M>(value: &FluentValue<'_>, _: &M) -> Option<String> {
    let lang = Lang::ALL.into_iter().find(|lang| *lang as u8 == LANG)?;
    group_digits(lang, value)
}

fn group_digits(lang: Lang, value: &FluentValue<'_>) -> Option<String> {
    let FluentValue::Number(number) = value else { return None };
    let whole = number.value.fract() == 0.0 && number.options.minimum_fraction_digits.is_none_or(|d| d == 0);
    (whole && number.options.use_grouping && number.value.abs() >= 1000.0)
        .then(|| crate::format_number(lang, number.value, 0))
}

/// A message made of text and arguments alone (no selectors, terms or functions): formatted by
/// putting the arguments' text between its pieces, as Fluent would, without Fluent's resolver.
#[derive(Debug)]
enum Piece {
    Text(&'static str),
    Argument(&'static str),
}

/// Per language: each message that takes no arguments, formatted once, and each message whose
/// arguments are only put in place, in pieces. Most of a page's text is one or the other
/// (labels, options with their counts, headings), asked for on every page.
#[derive(Debug, Default)]
struct Prepared {
    formatted: HashMap<&'static str, String>,
    pieces: HashMap<&'static str, Vec<Piece>>,
}

/// In `SOURCES` order, each prepared on its language's first use.
static PREPARED: [OnceLock<Prepared>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];

fn prepared(lang: Lang) -> &'static Prepared {
    let slot = SOURCES.iter().position(|(l, _)| *l == lang).unwrap_or(0);
    PREPARED[slot].get_or_init(|| prepare(lang))
}

fn prepare(lang: Lang) -> Prepared {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    let bundle = bundle(lang);
    let mut prepared = Prepared::default();
    let Some(resource) = RESOURCES.iter().find(|(l, _)| *l == lang).map(|(_, r)| r) else { return prepared };
    for entry in resource.entries() {
        let fluent_syntax::ast::Entry::Message(message) = entry else { continue };
        let (id, Some(pattern)) = (message.id.name, message.value.as_ref()) else { continue };
        let pieces: Option<Vec<Piece>> = pattern
            .elements
            .iter()
            .map(|element| match element {
                PatternElement::TextElement { value } => Some(Piece::Text(value)),
                PatternElement::Placeable {
                    expression: Expression::Inline(InlineExpression::VariableReference { id }),
                } => Some(Piece::Argument(id.name)),
                PatternElement::Placeable { .. } => None,
            })
            .collect();
        let Some(pieces) = pieces else {
            // Terms, selectors or functions: formatted once when it takes no arguments.
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else { continue };
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, None, &mut errors).into_owned();
            if errors.is_empty() {
                prepared.formatted.insert(id, text);
            }
            continue;
        };
        // Checked against Fluent itself; a message it would write otherwise stays with Fluent.
        let sample: Vec<(&str, FluentValue<'_>)> = pieces
            .iter()
            .filter_map(|piece| match piece {
                Piece::Argument(name) => Some((*name, FluentValue::from(format!("<{name}>")))),
                Piece::Text(_) => None,
            })
            .collect();
        if put_in_place(lang, &pieces, &sample).as_deref() == Some(t_fluent(lang, id, &sample).as_str()) {
            if sample.is_empty() {
                prepared.formatted.insert(id, put_in_place(lang, &pieces, &[]).unwrap_or_default());
            } else {
                prepared.pieces.insert(id, pieces);
            }
        }
    }
    prepared
}

/// The pieces with the arguments' text in place; `None` if one is missing or not text or a number.
fn put_in_place(lang: Lang, pieces: &[Piece], args: &Args<'_>) -> Option<String> {
    let mut text = String::new();
    for piece in pieces {
        match piece {
            Piece::Text(value) => text.push_str(value),
            Piece::Argument(name) => match &args.iter().find(|(n, _)| n == name)?.1 {
                FluentValue::String(value) => text.push_str(value),
                value @ FluentValue::Number(number) => {
                    text.push_str(&group_digits(lang, value).unwrap_or_else(|| number.as_string().into_owned()));
                }
                _ => return None,
            },
        }
    }
    Some(text)
}

fn bundle(lang: Lang) -> &'static Bundle {
    let bundles = &*BUNDLES;
    bundles.iter().find(|(l, _)| *l == lang).map_or(&bundles[0].1, |(_, b)| b)
}

/// Arguments to a message: `[("count", 3.into()), ("name", "KAIST".into())]`.
pub type Args<'a> = [(&'a str, FluentValue<'a>)];

pub fn has_message(lang: Lang, id: &str) -> bool {
    bundle(lang).has_message(id)
}

/// The message `id` in `lang`. A missing message shows its id (the locale tests forbid that).
pub fn t(lang: Lang, id: &str) -> String {
    t_args(lang, id, &[])
}

pub fn t_args(lang: Lang, id: &str, args: &Args<'_>) -> String {
    let prepared = prepared(lang);
    if let Some(text) = prepared.formatted.get(id) {
        return text.clone();
    }
    if let Some(text) = prepared.pieces.get(id).and_then(|pieces| put_in_place(lang, pieces, args)) {
        return text;
    }
    t_fluent(lang, id, args)
}

/// The message formatted by Fluent's resolver.
fn t_fluent(lang: Lang, id: &str, args: &Args<'_>) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let fluent_args = (!args.is_empty()).then(|| {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        fluent_args
    });
    let mut errors = Vec::new();
    let text: Cow<'_, str> = bundle.format_pattern(pattern, fluent_args.as_ref(), &mut errors);
    text.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_group_their_digits_as_the_language_does() {
        let count = |lang, n: u32| t_args(lang, "openings-count", &[("count", n.into())]);
        assert!(count(Lang::Fr, 12_345).contains("12\u{202f}345"), "{}", count(Lang::Fr, 12_345));
        assert!(count(Lang::En, 1_234).contains("1,234"));
        assert!(count(Lang::Ko, 1_234).contains("1,234"));
        assert!(count(Lang::En, 999).contains("999"));
        // Put in place without Fluent's resolver, too.
        assert!(prepared(Lang::Fr).pieces.contains_key("pagination-goto"));
        assert_eq!(t_args(Lang::Fr, "pagination-goto", &[("page", 1_200.into())]), "Page 1\u{202f}200");
    }

    #[test]
    fn prepared_messages_read_as_fluent_writes_them() {
        for lang in Lang::ALL {
            let prepared = prepared(lang);
            assert!(prepared.formatted.len() > 100 && !prepared.pieces.is_empty(), "{lang:?}");
            for (id, text) in &prepared.formatted {
                assert_eq!(*text, t_fluent(lang, id, &[]), "{lang:?} {id}");
            }
            for (id, pieces) in &prepared.pieces {
                // Numbers (with decimals too) and text, as pages pass them.
                for number in [0.0, 1234.0, 2.5] {
                    let args: Vec<(&str, FluentValue<'_>)> = pieces
                        .iter()
                        .enumerate()
                        .filter_map(|(at, piece)| match piece {
                            Piece::Argument(name) if at % 2 == 0 => Some((*name, FluentValue::from(number))),
                            Piece::Argument(name) => Some((*name, FluentValue::from("KAIST & <b>"))),
                            Piece::Text(_) => None,
                        })
                        .collect();
                    assert_eq!(t_args(lang, id, &args), t_fluent(lang, id, &args), "{lang:?} {id}");
                }
            }
        }
        // A missing argument is Fluent's to report, as before.
        assert_eq!(t_args(Lang::En, "filter-option-count", &[]), t_fluent(Lang::En, "filter-option-count", &[]));
    }
}
