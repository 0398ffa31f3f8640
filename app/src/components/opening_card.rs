//! An opening in a list: title (in the reader's language when it exists), institution, place,
//! type, deadline and funding.

use leptos::prelude::*;
use model::dto::OpeningSummary;

use crate::i18n::{days_arg, tr, tr_args, use_lang};

#[component]
pub fn OpeningList(hits: Vec<OpeningSummary>) -> impl IntoView {
    view! {
        <ul class="opening-list">
            {hits.into_iter().map(|hit| view! { <OpeningCard hit /> }).collect_view()}
        </ul>
    }
}

#[component]
fn OpeningCard(hit: OpeningSummary) -> impl IntoView {
    let lang = use_lang();
    let href = format!("/{}/openings/{}", lang.code(), hit.id);
    let translated = hit.title_lang == lang;
    let written_in = (!translated).then(|| {
        let language = l10n::language_name(lang, hit.title_lang.code());
        view! { <span class="badge badge--lang">{tr_args("summary-written-in", &[("language", language.into())])}</span> }
    });
    let place = format!("{}, {}", hit.city, l10n::country_name(lang, &hit.country));
    view! {
        <li class="opening-card">
            <h3 class="opening-card__title">
                <a href=href lang=hit.title_lang.code()>{hit.title}</a>
            </h3>
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
