//! Matching rounds: the list of those that concern the viewer, and the form that creates one
//! (or, from a published round, its second round for the places it left).

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use model::account::{FormEcho, PageState};
use model::round::{RoundOpening, RoundSummary, places_field};

use crate::api::{my_rounds, round_form_openings};
use crate::components::form::{Field, PageForm};
use crate::components::local_time::When;
use crate::i18n::{tr, use_lang};
use crate::pages::admin::Loaded;
use crate::pages::postings::SignedInFrame;
use crate::url::{path, route};

/// A moment as the round pages show it (UTC).
pub(crate) fn moment(at: &chrono::DateTime<chrono::FixedOffset>) -> String {
    at.to_utc().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[component]
pub fn RoundsPage() -> impl IntoView {
    let lang = use_lang();
    let rounds = Resource::new(|| (), move |()| my_rounds(lang));
    let coordinates = Resource::new(|| (), move |()| round_form_openings(lang, None));
    view! {
        <SignedInFrame
            title="rounds-title"
            here="rounds".to_string()
            content=move |_: PageState| {
                let show = move |rounds: Option<Vec<RoundSummary>>| {
                    let rounds = rounds.unwrap_or_default();
                    if rounds.is_empty() {
                        return view! { <p>{tr("rounds-none")}</p> }.into_any();
                    }
                    let items = rounds
                        .into_iter()
                        .map(|round| {
                            view! {
                                <li class="round-item">
                                    <a href=path(route::ROUND, lang, &[&round.id])>{round.name}</a>
                                    " · " {tr(round.phase.message_id())} " · " {tr("round-rankings-close")} " "
                                    <When at=moment(&round.rankings_close) />
                                </li>
                            }
                        })
                        .collect_view();
                    view! { <ul class="round-list">{items}</ul> }.into_any()
                };
                let new_round = move |offered: Option<Vec<RoundOpening>>| {
                    offered.map(|_| {
                        view! {
                            <p><a class="button" href=path(route::NEW_ROUND, lang, &[])>{tr("rounds-new")}</a></p>
                        }
                    })
                };
                view! {
                    <h1>{tr("rounds-title")}</h1>
                    <p>{tr("rounds-intro")}</p>
                    <Loaded resource=coordinates show=new_round />
                    <Loaded resource=rounds show />
                }
            }
        />
    }
}

#[component]
pub fn NewRoundPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let scramble_of = query.read_untracked().get("scramble").and_then(|raw| raw.parse::<i64>().ok());
    let offered = Resource::new(|| (), move |()| round_form_openings(lang, scramble_of));
    let here = match scramble_of {
        Some(id) => format!("rounds/new?scramble={id}"),
        None => "rounds/new".to_string(),
    };
    view! {
        <SignedInFrame
            title="round-new-title"
            here
            content=move |_: PageState| {
                let show = move |offered: Option<Vec<RoundOpening>>| match offered {
                    None => view! { <p class="notice notice--info">{tr("round-new-forbidden")}</p> }.into_any(),
                    Some(openings) if openings.is_empty() => {
                        view! { <p class="notice notice--info">{tr("round-new-no-openings")}</p> }.into_any()
                    }
                    Some(openings) => view! { <RoundForm openings scramble_of /> }.into_any(),
                };
                view! {
                    <h1>{tr(if scramble_of.is_some() { "round-scramble-title" } else { "round-new-title" })}</h1>
                    <p>{tr(if scramble_of.is_some() { "round-scramble-intro" } else { "round-new-intro" })}</p>
                    <Loaded resource=offered show />
                }
            }
        />
    }
}

#[component]
fn RoundForm(openings: Vec<RoundOpening>, scramble_of: Option<i64>) -> impl IntoView {
    let lang = use_lang();
    let fields = move |echo: FormEcho| {
        let rows = openings
            .iter()
            .map(|opening| {
                let name = places_field(opening.id);
                let id = format!("field-{name}");
                let typed = echo.value(&name).map(str::to_string);
                let error = echo.error(&name).map(tr);
                let most = opening.places;
                view! {
                    <tr>
                        <td><label for=id.clone()>{opening.title.clone()}</label></td>
                        <td>{opening.institution.clone()}</td>
                        <td>
                            <input id=id name=name type="number" min="0" max=most value=typed class="input--short" />
                            {error.map(|message| view! { <p class="field__error">{message}</p> })}
                        </td>
                    </tr>
                }
            })
            .collect_view();
        let openings_error = echo.error("openings").map(|message| view! { <p class="field__error">{tr(message)}</p> });
        view! {
            {scramble_of.map(|id| view! { <input type="hidden" name="scramble_of" value=id /> })}
            <fieldset>
                <legend>{tr("round-name")}</legend>
                <Field echo=echo.clone() name="name_fr" label="round-name-fr" required=false />
                <Field echo=echo.clone() name="name_en" label="round-name-en" required=false />
                <Field echo=echo.clone() name="name_ko" label="round-name-ko" required=false />
            </fieldset>
            <fieldset>
                <legend>{tr("round-openings")}</legend>
                <p class="field__hint">{tr("round-openings-hint")}</p>
                {openings_error}
                <table class="admin-table">
                    <thead>
                        <tr>
                            <th scope="col">{tr("round-opening")}</th>
                            <th scope="col">{tr("round-institution")}</th>
                            <th scope="col">{tr("round-places-column")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </fieldset>
            <Field echo=echo.clone() name="applications_close" label="round-applications-close" kind="datetime-local" hint="round-time-hint" />
            <Field echo=echo.clone() name="rankings_close" label="round-rankings-close" kind="datetime-local" hint="round-time-hint" />
            <Field echo=echo.clone() name="results_at" label="round-results-at" kind="datetime-local" hint="round-time-hint" />
            <Field
                echo=echo.clone()
                name="max_ranking"
                label="round-max-ranking"
                kind="number"
                value="10".to_string()
                hint="round-max-ranking-hint"
            />
            <button type="submit">{tr("round-create")}</button>
        }
    };
    view! { <PageForm name="new-round" action=path(route::NEW_ROUND, lang, &[]) fields /> }
}
