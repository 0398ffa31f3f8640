//! A digest e-mail: an alert's new openings, written in the recipient's language, with a
//! one-click unsubscribe link in its text and its headers.

use db::{Account, Mail};
use model::alert::{AlertView, Frequency, Subject};
use model::dto::{OpeningSummary, SearchParams};
use model::url::{route, search_href};

use crate::{Catalog, compose_mail};

/// The digest of `alert` for `account`: `openings` (best first) of `total` new ones.
pub(crate) fn compose(
    catalog: &Catalog,
    account: &Account,
    alert: &AlertView,
    frequency: Frequency,
    openings: &[OpeningSummary],
    total: usize,
    unsubscribe_key: &str,
) -> Mail {
    let lang = account.lang;
    let t = |id: &str, args: &[(&str, l10n::FluentValue<'_>)]| l10n::t_args(lang, id, args);
    let (subject_id, intro, search, list_page) = match &alert.subject {
        Subject::Search { params, .. } => {
            let search = l10n::describe_search(lang, params);
            // The list in the reader's language (the words stay as typed), newest first.
            let newest = SearchParams { sort: Some("newest".into()), ..params.clone() };
            let list = catalog.absolute(&search_href(lang, &newest, 1));
            let intro = t("digest-intro-search", &[("search", search.clone().into())]);
            ("digest-subject-search", intro, search, list)
        }
        Subject::Profile => {
            let list = catalog.link_for(account, route::PROFILE, &[]);
            ("digest-subject-profile", t("digest-intro-profile", &[]), String::new(), list)
        }
    };
    let items: Vec<String> = openings
        .iter()
        .map(|opening| {
            t(
                "digest-item",
                &[
                    ("title", opening.title.clone().into()),
                    ("institution", opening.institution.clone().into()),
                    ("country", l10n::country_name(lang, &opening.country).into()),
                    ("deadline", l10n::format_date(lang, opening.deadline).into()),
                    ("link", catalog.link_for(account, route::OPENING, &[&opening.id]).into()),
                ],
            )
        })
        .collect();
    let more = match total.saturating_sub(openings.len()) {
        0 => t("digest-see-all", &[("link", list_page.into())]),
        more => t("digest-more", &[("count", more.into()), ("link", list_page.into())]),
    };
    let why = match frequency {
        Frequency::Daily => "digest-why-daily",
        Frequency::Weekly => "digest-why-weekly",
    };
    let unsubscribe = catalog.link_for(account, route::UNSUBSCRIBE, &[&unsubscribe_key]);
    let mut mail = compose_mail(
        account,
        subject_id,
        "digest-body",
        vec![
            ("count", total.into()),
            ("search", search.into()),
            ("intro", intro.into()),
            ("openings", items.join("\n\n").into()),
            ("more", more.into()),
            ("why", t(why, &[]).into()),
            ("alerts", catalog.link_for(account, route::ALERTS, &[]).into()),
            ("unsubscribe", unsubscribe.clone().into()),
        ],
    );
    mail.unsubscribe = Some(unsubscribe);
    mail
}
