//! One matching round, as the viewer takes part in it: a researcher ranks the openings they
//! applied to and reads their result with its explanation; a member ranks their opening's
//! applicants; the coordinator follows the rankings, closes, sends the results, publishes the
//! anonymised round and offers the places left in a second round. Every form is plain HTML.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use model::account::{FormEcho, PageState};
use model::round::{
    Coordination, NOT_ACCEPTABLE, OpeningRanking, Phase, ResearcherChoices, ResearcherResult, RoundOpening, RoundView,
    Shortfall,
};

use crate::api::round_details;
use crate::components::form::{CsrfField, PageForm, page_state};
use crate::components::local_time::When;
use crate::components::notice::DoneNotice;
use crate::components::ranking::{RankItem, RankingList};
use crate::i18n::{tr, tr_args, use_lang};
use crate::pages::NotFound;
use crate::pages::admin::Loaded;
use crate::pages::postings::SignedInFrame;
use crate::pages::rounds::moment;
use crate::url::{path, route};

#[component]
pub fn RoundPage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let id = params.read_untracked().get("id").and_then(|raw| raw.parse::<i64>().ok()).unwrap_or_default();
    let round = Resource::new(|| (), move |()| round_details(id, lang));
    view! {
        <SignedInFrame
            title="round-title"
            here=format!("rounds/{id}")
            content=move |_: PageState| {
                let show = |round: Option<RoundView>| match round {
                    Some(round) => view! { <Round round /> }.into_any(),
                    None => view! { <NotFound message="not-found-round" /> }.into_any(),
                };
                view! { <Loaded resource=round show /> }
            }
        />
    }
}

#[component]
fn Round(round: RoundView) -> impl IntoView {
    let lang = use_lang();
    let id = round.id;
    let phase = round.phase;
    let choices =
        round.choices.clone().map(|choices| view! { <Choices round=id phase max=round.max_ranking choices /> });
    let rankings = round
        .rankings
        .iter()
        .cloned()
        .map(|ranking| view! { <ApplicantRanking round=id phase ranking /> })
        .collect_view();
    let coordination =
        round.coordination.clone().map(|c| view! { <CoordinatorPanel round=round.clone() coordination=c /> });
    view! {
        <h1>{round.name.clone()}</h1>
        <DoneNotice notices=&[
            ("ranked", "round-ranked-notice"),
            ("closed", "round-closed-notice"),
            ("published", "round-published-notice"),
            ("anonymised", "round-anonymised-notice"),
            ("created", "round-created-notice"),
        ] />
        <p class="round-phase"><strong>{tr(phase.message_id())}</strong></p>
        <dl class="facts">
            <dt>{tr("round-applications-close")}</dt><dd><When at=moment(&round.applications_close) /></dd>
            <dt>{tr("round-rankings-close")}</dt><dd><When at=moment(&round.rankings_close) /></dd>
            <dt>{tr("round-results-at")}</dt><dd><When at=moment(&round.results_at) /></dd>
            <dt>{tr("round-max-ranking")}</dt><dd>{round.max_ranking}</dd>
        </dl>
        {round.scramble_of.map(|first| view! {
            <p>{tr("round-second-of")} " " <a href=path(route::ROUND, lang, &[&first])>{tr("round-first")}</a></p>
        })}
        {choices}
        {rankings}
        {coordination}
        {round.anonymised.then(|| view! { <Publication round=id /> })}
    }
}

#[component]
fn Choices(round: i64, phase: Phase, max: u32, choices: ResearcherChoices) -> impl IntoView {
    let lang = use_lang();
    if let Some(result) = choices.result.clone() {
        return view! { <ResultExplained result /> }.into_any();
    }
    if phase == Phase::Published {
        return view! { <section><h2>{tr("round-your-result")}</h2><p>{tr("round-result-not-ranked")}</p></section> }
            .into_any();
    }
    let reminder = (phase.ranking_open() && choices.ranked_at.is_none())
        .then(|| view! { <p class="notice notice--warning">{tr("round-reminder")}</p> });
    if !phase.ranking_open() {
        let order = choices
            .openings
            .iter()
            .take(choices.ranked)
            .map(|o| view! { <li>{o.title.clone()} " — " {o.institution.clone()}</li> })
            .collect_view();
        return view! { <section><h2>{tr("round-your-ranking")}</h2><ol>{order}</ol><p>{tr("round-wait-results")}</p></section> }.into_any();
    }
    let items: Vec<RankItem> = choices
        .openings
        .iter()
        .map(|o| RankItem { id: o.id, label: format!("{} — {}", o.title, o.institution) })
        .collect();
    let ranked = choices.ranked;
    let fields = move |echo: FormEcho| {
        let too_long = echo.error("ranking").map(|m| view! { <p class="field__error">{tr(m)}</p> });
        view! {
            <p class="field__hint">{tr_args("round-rank-hint", &[("max", max.into())])}</p>
            {too_long}
            <RankingList items=items.clone() ranked longest=max as usize none_value="" none_label="round-not-ranked" echo />
            <button type="submit">{tr("round-save-ranking")}</button>
        }
    };
    view! {
        <section>
            <h2>{tr("round-your-ranking")}</h2>
            {reminder}
            <PageForm name="rank-openings" action=path(route::RANK_OPENINGS, lang, &[&round]) fields />
        </section>
    }
    .into_any()
}

#[component]
fn ResultExplained(result: ResearcherResult) -> impl IntoView {
    let headline = match &result.matched {
        Some(opening) => tr_args(
            "round-matched",
            &[("title", opening.title.clone().into()), ("institution", opening.institution.clone().into())],
        ),
        None => tr("round-unmatched"),
    };
    let reasons = result
        .above
        .iter()
        .map(|(opening, shortfall)| {
            let why = match shortfall {
                Shortfall::NotRanked => tr("round-why-not-ranked"),
                Shortfall::NoRanking => tr("round-why-no-ranking"),
                Shortfall::Filled { places } => tr_args("round-why-filled", &[("places", (*places).into())]),
            };
            view! { <li><strong>{opening.title.clone()}</strong> " — " {opening.institution.clone()} ": " {why}</li> }
        })
        .collect_view();
    let explained = (!result.above.is_empty()).then(|| view! { <h3>{tr("round-why")}</h3><ul>{reasons}</ul> });
    view! {
        <section>
            <h2>{tr("round-your-result")}</h2>
            <p class="notice notice--info">{headline}</p>
            {explained}
            <p>{tr("round-stable")}</p>
            {result.token.map(|token| view! { <p>{tr("round-your-token")} " " <code>{token}</code></p> })}
        </section>
    }
}

#[component]
fn ApplicantRanking(round: i64, phase: Phase, ranking: OpeningRanking) -> impl IntoView {
    let lang = use_lang();
    let opening = ranking.opening.clone();
    let status = if opening.ranked { "round-opening-ranked" } else { "round-opening-unranked" };
    let body = if phase == Phase::Published {
        let matched = ranking.matched.iter().map(|a| view! { <li>{a.name.clone()}</li> }).collect_view();
        let left = opening.places.saturating_sub(ranking.matched.len() as u32);
        view! {
            <p>{tr_args("round-places-left", &[("left", left.into()), ("places", opening.places.into())])}</p>
            <ul>{matched}</ul>
        }
        .into_any()
    } else if !phase.ranking_open() {
        view! { <p>{tr(status)}</p> }.into_any()
    } else if ranking.applicants.is_empty() {
        view! { <p>{tr("round-no-applicants")}</p> }.into_any()
    } else {
        let form_name = format!("rank-opening-{}", opening.id);
        let action = path(route::RANK_APPLICANTS, lang, &[&round, &opening.id]);
        let items: Vec<RankItem> =
            ranking.applicants.iter().map(|a| RankItem { id: a.account_id, label: a.name.clone() }).collect();
        let (ranked, longest) = (ranking.ranking.len(), items.len());
        let fields = move |echo: FormEcho| {
            view! {
                <p class="field__hint">{tr("round-rank-applicants-hint")}</p>
                <RankingList items=items.clone() ranked longest none_value=NOT_ACCEPTABLE none_label="round-not-acceptable" echo />
                <button type="submit">{tr("round-save-ranking")}</button>
            }
        };
        view! { <p>{tr(status)}</p><PageForm name=form_name action fields /> }.into_any()
    };
    view! {
        <section>
            <h2>{opening.title.clone()}</h2>
            <p>{tr_args("round-places", &[("places", opening.places.into())])}</p>
            {body}
        </section>
    }
}

/// A button that posts to `action` (closing, sending results, publishing).
#[component]
fn ActionButton(action: String, label: &'static str) -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let action = action.clone();
                Suspend::new(async move {
                    let state = page_state().await;
                    view! {
                        <form method="post" action=action class="inline-form">
                            <CsrfField token=state.csrf.clone() />
                            <button type="submit">{tr(label)}</button>
                        </form>
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn CoordinatorPanel(round: RoundView, coordination: Coordination) -> impl IntoView {
    let lang = use_lang();
    let id = round.id;
    let unranked = coordination
        .unranked_openings
        .iter()
        .map(|o| view! { <li>{o.title.clone()} " — " {o.institution.clone()}</li> })
        .collect_view();
    let unranked = (!coordination.unranked_openings.is_empty()).then(|| {
        let class = if round.phase.ranking_open() { "notice notice--info" } else { "notice notice--warning" };
        view! { <div class=class><p>{tr("round-unranked-openings")}</p><ul>{unranked}</ul></div> }
    });
    let matched = coordination.matched.map(|(matched, unmatched)| {
        view! { <p>{tr_args("round-matched-count", &[("matched", matched.into()), ("unmatched", unmatched.into())])}</p> }
    });
    let action = match round.phase {
        Phase::Applications | Phase::Ranking | Phase::Closed => Some((route::CLOSE_ROUND, "round-close")),
        Phase::Solved => Some((route::PUBLISH_ROUND, "round-publish")),
        Phase::Published if !round.anonymised => Some((route::ANONYMISE_ROUND, "round-anonymise")),
        Phase::Published => None,
    };
    let action = action.map(|(route, label)| view! { <ActionButton action=path(route, lang, &[&id]) label /> });
    let scramble = (round.phase == Phase::Published && round.scramble_of.is_none()).then(|| {
        view! { <p><a href=format!("{}?scramble={id}", path(route::NEW_ROUND, lang, &[]))>{tr("round-scramble")}</a></p> }
    });
    view! {
        <section>
            <h2>{tr("round-coordination")}</h2>
            <p>{tr_args("round-ranked-participants", &[("count", coordination.ranked_participants.into())])}</p>
            {matched}
            {unranked}
            <OpeningsTable openings=round.openings.clone() />
            {action}
            {scramble}
        </section>
    }
}

#[component]
fn OpeningsTable(openings: Vec<RoundOpening>) -> impl IntoView {
    let rows = openings
        .into_iter()
        .map(|o| {
            let ranked = tr(if o.ranked { "round-opening-ranked" } else { "round-opening-unranked" });
            view! {
                <tr>
                    <td>{o.title}</td>
                    <td>{o.institution}</td>
                    <td>{o.places}</td>
                    <td>{o.filled.map(|f| f.to_string()).unwrap_or_default()}</td>
                    <td>{ranked}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="admin-table">
            <thead>
                <tr>
                    <th scope="col">{tr("round-opening")}</th>
                    <th scope="col">{tr("round-institution")}</th>
                    <th scope="col">{tr("round-places-column")}</th>
                    <th scope="col">{tr("round-filled")}</th>
                    <th scope="col">{tr("round-ranking-status")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

#[component]
fn Publication(round: i64) -> impl IntoView {
    let instance = format!("/api/v1/rounds/{round}/instance.json");
    let result = format!("/api/v1/rounds/{round}/result.json");
    view! {
        <section>
            <h2>{tr("round-publication")}</h2>
            <p>{tr("round-publication-intro")}</p>
            <ul>
                <li><a href=instance>{tr("round-instance")}</a></li>
                <li><a href=result>{tr("round-result")}</a></li>
            </ul>
            <p><code>"passerelle round verify instance.json result.json"</code></p>
        </section>
    }
}
