//! An opening in a list: title (in the reader's language when it exists), institution, place,
//! type, deadline and funding.

use leptos::prelude::*;
use model::dto::{Highlight, Marked, OpeningSummary};

use crate::i18n::{days_arg, tr, tr_args, use_lang};
use crate::url::{path, route};

/// `highlights` is empty (nothing searched) or has one entry per hit.
#[component]
pub fn OpeningList(hits: Vec<OpeningSummary>, #[prop(optional)] highlights: Vec<Highlight>) -> impl IntoView {
    let mut highlights = highlights.into_iter();
    view! {
        <ul class="opening-list">
            {hits.into_iter().map(|hit| view! { <OpeningCard hit highlight=highlights.next() /> }).collect_view()}
        </ul>
    }
}

/// Text with the matching words in `<mark>`.
#[component]
fn MarkedText(text: Marked) -> impl IntoView {
    text.parts
        .into_iter()
        .map(|part| if part.marked { view! { <mark>{part.text}</mark> }.into_any() } else { part.text.into_any() })
        .collect_view()
}

#[component]
fn OpeningCard(hit: OpeningSummary, highlight: Option<Highlight>) -> impl IntoView {
    let lang = use_lang();
    let href = path(route::OPENING, lang, &[&hit.id]);
    let translated = hit.title_lang == lang;
    let written_in = (!translated).then(|| {
        let language = l10n::language_name(lang, hit.title_lang.code());
        view! { <span class="badge badge--lang">{tr_args("summary-written-in", &[("language", language.into())])}</span> }
    });
    let place = format!("{}, {}", hit.city, l10n::country_name(lang, &hit.country));
    let text_lang = hit.title_lang.code();
    let (title, snippet) = match highlight {
        Some(Highlight { title, snippet }) => (title, snippet.has_marks().then_some(snippet)),
        None => (Marked::plain(&hit.title), None),
    };
    view! {
        <li class="opening-card">
            <h3 class="opening-card__title">
                <a href=href lang=text_lang>
                    <MarkedText text=title />
                </a>
            </h3>
            {snippet.map(|text| view! { <p class="opening-card__snippet" lang=text_lang><MarkedText text /></p> })}
            <p class="opening-card__meta">
                <span class="opening-card__institution">{hit.institution}</span>
                " · "
                <span>{place}</span>
            </p>
            <p class="opening-card__tags">
                <span class="badge">{tr(hit.kind.message_id())}</span>
                {hit.funded.then(|| view! { <span class="badge badge--funded">{tr("summary-funded")}</span> })}
                {written_in}
                <span class="opening-card__deadline">
                    <time datetime=hit.deadline.to_string()>{l10n::format_date(lang, hit.deadline)}</time>
                    " ("
                    {tr_args("opening-days-left", &days_arg(hit.days_left))}
                    ")"
                </span>
            </p>
        </li>
    }
}
