use std::borrow::Cow;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use model::Lang;

/// The Fluent sources, embedded at build time. `en` is the reference locale.
pub(crate) const SOURCES: [(Lang, &str); 3] = [
    (Lang::Fr, include_str!("../../locales/fr/main.ftl")),
    (Lang::En, include_str!("../../locales/en/main.ftl")),
    (Lang::Ko, include_str!("../../locales/ko/main.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<Vec<(Lang, Bundle)>> = LazyLock::new(|| {
    SOURCES
        .iter()
        .map(|(lang, source)| {
            let locale = lang.code().parse().unwrap_or_default();
            let mut bundle = Bundle::new_concurrent(vec![locale]);
            // Unicode isolation marks would end up inside titles and attributes.
            bundle.set_use_isolating(false);
            // A syntax error leaves the rest usable; the locale tests fail on it.
            let resource = FluentResource::try_new((*source).to_string()).unwrap_or_else(|(partial, _)| partial);
            // Duplicate ids are reported by the locale tests as well.
            let _ = bundle.add_resource(resource);
            (*lang, bundle)
        })
        .collect()
});

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
