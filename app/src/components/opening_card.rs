//! An opening in a list: title (in the reader's language when it exists), institution, place,
//! type, deadline and funding.

use leptos::prelude::*;
use model::dto::{Highlight, Marked, OpeningSummary, Reason};

use crate::components::form::PageForm;
use crate::i18n::{days_arg, tr, tr_args, use_lang};
use crate::url::{encode, path, route};

/// `highlights` is empty (nothing searched) or has one entry per hit; so is `reasons` (why
/// each was recommended). With `action`, each card has its button ("Not for me", "Remove").
#[component]
pub fn OpeningList(
    hits: Vec<OpeningSummary>,
    #[prop(optional)] highlights: Vec<Highlight>,
    #[prop(optional)] reasons: Vec<Vec<Reason>>,
    #[prop(optional)] action: Option<CardAction>,
    /// The list's own address (with its search and page): each opening's page leads back to it.
    #[prop(optional)]
    back: Option<String>,
) -> impl IntoView {
    let mut highlights = highlights.into_iter();
    let mut reasons = reasons.into_iter();
    view! {
        <ul class="opening-list">
            {hits
                .into_iter()
                .map(|hit| {
                    let reasons = reasons.next().unwrap_or_default();
                    view! { <OpeningCard hit highlight=highlights.next() reasons action back=back.clone() /> }
                })
                .collect_view()}
        </ul>
    }
}

/// The button on each card of a list.
#[derive(Clone, Copy)]
pub enum CardAction {
    /// "Not for me": sets the opening aside from the reader's recommendations, and comes back
    /// to the page showing them (`home` or `profile`).
    Dismiss { back: &'static str },
    /// "Remove": takes the opening off the reader's saved openings.
    Unsave,
}

#[component]
fn CardForm(id: i64, title: String, action: CardAction) -> impl IntoView {
    let lang = use_lang();
    let (pattern, name, hidden, label, text) = match action {
        CardAction::Dismiss { back } => {
            (route::DISMISS_OPENING, "dismiss", vec![("back", back)], "for-you-dismiss-label", "for-you-dismiss")
        }
        CardAction::Unsave => {
            let hidden = vec![("keep", "no"), ("back", "saved")];
            (route::KEEP_OPENING, "keep", hidden, "saved-remove-label", "saved-remove")
        }
    };
    let label = tr_args(label, &[("title", title.into())]);
    let fields = move |_| {
        let hidden =
            hidden.iter().map(|(name, value)| view! { <input type="hidden" name=*name value=*value /> }).collect_view();
        view! {
            {hidden}
            <button type="submit" class="button button--secondary" aria-label=label.clone()>{tr(text)}</button>
        }
    };
    view! { <PageForm name action=path(pattern, lang, &[&id]) fields /> }
}

/// Why an opening was recommended; shortfalls first, marked as such in words, not only by colour.
/// `label` names the list (a Fluent id).
#[component]
pub fn Reasons(reasons: Vec<Reason>, #[prop(default = "reason-list")] label: &'static str) -> impl IntoView {
    (!reasons.is_empty()).then(|| {
        let items = reasons
            .into_iter()
            .map(|reason| {
                let class = if reason.shortfall { "reason reason--shortfall" } else { "reason" };
                let label = reason.shortfall.then(|| view! { <strong>{tr("reason-shortfall")}</strong> " " });
                view! { <li class=class data-code=reason.code>{label}{reason.text}</li> }
            })
            .collect_view();
        view! { <ul class="opening-card__reasons" aria-label=tr(label)>{items}</ul> }
    })
}

/// Text with the matching words in `<mark>`.
#[component]
fn MarkedText(text: Marked) -> impl IntoView {
    text.parts
        .into_iter()
        .map(|part| if part.marked { view! { <mark>{part.text}</mark> }.into_any() } else { part.text.into_any() })
        .collect_view()
}

/// An opening published less than this many days ago is marked "new".
const NEW_FOR_DAYS: i64 = 7;
/// An open opening whose deadline is less than this many days away is marked "closing soon".
const CLOSING_SOON_DAYS: i64 = 7;

#[component]
fn OpeningCard(
    hit: OpeningSummary,
    highlight: Option<Highlight>,
    reasons: Vec<Reason>,
    action: Option<CardAction>,
    back: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let href = match back {
        Some(back) => format!("{}?back={}", path(route::OPENING, lang, &[&hit.id]), encode(&back)),
        None => path(route::OPENING, lang, &[&hit.id]),
    };
    let translated = hit.title_lang == lang;
    let written_in = (!translated).then(|| {
        let language = l10n::language_name(lang, hit.title_lang.code());
        view! { <span class="badge badge--lang">{tr_args("summary-written-in", &[("language", language.into())])}</span> }
    });
    let place = l10n::place(lang, &hit.country, &hit.city);
    let today = hit.deadline - chrono::Days::new(u64::try_from(hit.days_left).unwrap_or(0));
    let new = (today - hit.published_on).num_days() < NEW_FOR_DAYS;
    let closing_soon = (0..CLOSING_SOON_DAYS).contains(&hit.days_left);
    let text_lang = hit.title_lang.code();
    let action = action.map(|action| view! { <CardForm id=hit.id title=hit.title.clone() action /> });
    let (title, snippet, by_meaning) = match highlight {
        Some(Highlight { title, snippet, by_meaning }) => (title, snippet.has_marks().then_some(snippet), by_meaning),
        None => (Marked::plain(&hit.title), None, false),
    };
    view! {
        <li class="opening-card">
            <h3 class="opening-card__title">
                <a href=href lang=text_lang>
                    <MarkedText text=title />
                </a>
            </h3>
            {snippet.map(|text| view! { <p class="opening-card__snippet" lang=text_lang><MarkedText text /></p> })}
            {by_meaning.then(|| view! { <p class="opening-card__meaning">{tr("card-by-meaning")}</p> })}
            <Reasons reasons />
            {action}
            <p class="opening-card__meta">
                <span class="opening-card__institution">{hit.institution}</span>
                " · "
                <span>{place}</span>
            </p>
            <p class="opening-card__tags">
                {new.then(|| view! { <span class="badge badge--new">{tr("card-new")}</span> })}
                {closing_soon.then(|| view! { <span class="badge badge--soon">{tr("card-closing-soon")}</span> })}
                <span class="badge">{tr(hit.kind.message_id())}</span>
                {hit.funded.then(|| view! { <span class="badge badge--funded">{tr("summary-funded")}</span> })}
                {written_in}
                <span class="opening-card__deadline">
                    {tr("card-deadline")}
                    " "
                    <time datetime=hit.deadline.to_string()>{l10n::format_date(lang, hit.deadline)}</time>
                    " ("
                    {if hit.days_left < 0 {
                        tr("card-closed")
                    } else {
                        tr_args("opening-days-left", &days_arg(hit.days_left))
                    }}
                    ")"
                </span>
            </p>
        </li>
    }
}
