//! Matching rounds as pages and forms see them: their state and phase, the round form, the
//! ranking forms of both sides, and each participant's view with its explanation.

use chrono::{DateTime, FixedOffset, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::Texts;
use crate::form_fields::{FieldProblems, PostedFields};
use crate::lang::Lang;
use crate::vocab::vocabulary;

vocabulary! {
    /// Where a round stands; what it allows follows from this and its dates ([`Phase`]).
    RoundState {
        /// Taking rankings until its rankings close.
        Open => "open", "round-state-open";
        /// Solved; the coordinator sees the result, participants at the results' date.
        Solved => "solved", "round-state-solved";
        /// Results out: never changed again (a new round instead).
        Published => "published", "round-state-published";
    }
}

/// What a round allows now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    /// Applications still come in; both sides may rank.
    Applications,
    /// Applications closed; both sides rank until the rankings close.
    Ranking,
    /// Rankings closed; the round is being solved.
    Closed,
    Solved,
    Published,
}

impl Phase {
    pub fn of(
        state: RoundState,
        applications_close: DateTime<FixedOffset>,
        rankings_close: DateTime<FixedOffset>,
        now: DateTime<FixedOffset>,
    ) -> Phase {
        match state {
            RoundState::Published => Phase::Published,
            RoundState::Solved => Phase::Solved,
            RoundState::Open if now < applications_close => Phase::Applications,
            RoundState::Open if now < rankings_close => Phase::Ranking,
            RoundState::Open => Phase::Closed,
        }
    }

    /// Rankings may be submitted and changed.
    pub fn ranking_open(self) -> bool {
        matches!(self, Phase::Applications | Phase::Ranking)
    }

    pub fn message_id(self) -> &'static str {
        match self {
            Phase::Applications => "round-phase-applications",
            Phase::Ranking => "round-phase-ranking",
            Phase::Closed => "round-phase-closed",
            Phase::Solved => "round-phase-solved",
            Phase::Published => "round-phase-published",
        }
    }
}

/// The longest ranking a round may allow.
pub const MAX_RANKING: u32 = 50;
/// The most places one opening may offer in a round.
pub const MAX_PLACES: u32 = 1_000;

/// A new round, as the coordinator gives it. Dates are UTC.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoundForm {
    pub name: Texts,
    /// (opening, places), places ≥ 1.
    pub openings: Vec<(i64, u32)>,
    pub applications_close: NaiveDateTime,
    pub rankings_close: NaiveDateTime,
    pub results_at: NaiveDateTime,
    pub max_ranking: u32,
}

/// The field of an opening's places in the round form.
pub fn places_field(opening: i64) -> String {
    format!("places_{opening}")
}

/// The field of a ranked item's position in a ranking form (an opening's or an applicant's id).
pub fn position_field(id: i64) -> String {
    format!("rank_{id}")
}

/// What a ranking form's position field holds for "not acceptable" (the applicant side).
pub const NOT_ACCEPTABLE: &str = "no";

/// `datetime-local` values (`2026-12-01T09:30`, seconds optional).
fn read_time(form: &PostedFields<'_>, name: &str, problems: &mut FieldProblems) -> Option<NaiveDateTime> {
    let text = form.one(name);
    let parsed = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S"));
    match parsed {
        Ok(time) => Some(time),
        Err(_) => {
            problems.push((name.to_owned(), if text.is_empty() { "form-error-required" } else { "round-error-time" }));
            None
        }
    }
}

impl RoundForm {
    /// Reads the round form; `offered` are the openings the coordinator may put in, `now` the
    /// current UTC time. Problems are noted against their fields.
    pub fn read(form: &PostedFields<'_>, offered: &[i64], now: NaiveDateTime) -> Result<RoundForm, FieldProblems> {
        let mut problems = FieldProblems::new();
        let mut name = Texts::new();
        for lang in Lang::ALL {
            let text = crate::record::without_controls(form.one(&format!("name_{}", lang.code())), false);
            if !text.is_empty() {
                name.insert(lang, text.chars().take(200).collect());
            }
        }
        if name.is_empty() {
            problems.push(("name_en".into(), "round-error-name"));
        }
        let mut openings = Vec::new();
        for &opening in offered {
            let field = places_field(opening);
            match form.one(&field) {
                "" | "0" => {}
                text => match text.parse::<u32>() {
                    Ok(places) if (1..=MAX_PLACES).contains(&places) => openings.push((opening, places)),
                    _ => problems.push((field, "round-error-places")),
                },
            }
        }
        if openings.is_empty() && !problems.iter().any(|(field, _)| field.starts_with("places_")) {
            problems.push(("openings".into(), "round-error-no-openings"));
        }
        let max_ranking = match form.one("max_ranking").parse::<u32>() {
            Ok(n) if (1..=MAX_RANKING).contains(&n) => n,
            _ => {
                problems.push(("max_ranking".into(), "round-error-max-ranking"));
                0
            }
        };
        let applications_close = read_time(form, "applications_close", &mut problems);
        let rankings_close = read_time(form, "rankings_close", &mut problems);
        let results_at = read_time(form, "results_at", &mut problems);
        if let (Some(applications), Some(rankings), Some(results)) = (applications_close, rankings_close, results_at) {
            if rankings <= now {
                problems.push(("rankings_close".into(), "round-error-past"));
            } else if rankings < applications {
                problems.push(("rankings_close".into(), "round-error-order"));
            } else if results < rankings {
                problems.push(("results_at".into(), "round-error-order"));
            }
        }
        match (applications_close, rankings_close, results_at) {
            (Some(applications_close), Some(rankings_close), Some(results_at)) if problems.is_empty() => {
                Ok(RoundForm { name, openings, applications_close, rankings_close, results_at, max_ranking })
            }
            _ => Err(problems),
        }
    }
}

/// Reads a ranking form: each of `items` (ids) has a position field (1 = first; empty: not
/// ranked; [`NOT_ACCEPTABLE`]: left out on purpose). Returns the ranked ids, best first.
/// Two items at one position are refused (rankings have no ties), as is a ranking longer
/// than `longest`.
pub fn read_ranking(form: &PostedFields<'_>, items: &[i64], longest: usize) -> Result<Vec<i64>, FieldProblems> {
    let mut problems = FieldProblems::new();
    let mut ranked: Vec<(usize, i64)> = Vec::new();
    for &item in items {
        let field = position_field(item);
        match form.one(&field) {
            "" | NOT_ACCEPTABLE => {}
            text => match text.parse::<usize>() {
                Ok(position) if (1..=items.len()).contains(&position) => {
                    if ranked.iter().any(|(taken, _)| *taken == position) {
                        problems.push((field, "round-error-tie"));
                    } else {
                        ranked.push((position, item));
                    }
                }
                _ => problems.push((field, "form-error-choose")),
            },
        }
    }
    if ranked.len() > longest {
        problems.push(("ranking".into(), "round-error-too-long"));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    ranked.sort_unstable();
    Ok(ranked.into_iter().map(|(_, item)| item).collect())
}

/// An opening as a round's pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundOpening {
    pub id: i64,
    pub title: String,
    pub institution: String,
    pub places: u32,
    /// Its institution has submitted a ranking.
    pub ranked: bool,
    /// Once solved: how many places were filled.
    pub filled: Option<u32>,
}

/// Why a researcher did not get an opening they ranked above their result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shortfall {
    /// The opening's institution did not rank them.
    NotRanked,
    /// The opening's institution submitted no ranking by the deadline.
    NoRanking,
    /// It filled all its places with applicants it ranked higher.
    Filled { places: u32 },
}

/// A researcher's result, with why each opening they preferred did not happen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResearcherResult {
    pub matched: Option<RoundOpening>,
    /// The openings ranked above the result, in the researcher's order.
    pub above: Vec<(RoundOpening, Shortfall)>,
    /// Their token in the anonymised publication, once published.
    pub token: Option<String>,
}

/// An applicant as an opening's ranking form lists them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundApplicant {
    pub account_id: i64,
    pub name: String,
}

/// What a member of an opening's institution sees of it in a round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpeningRanking {
    pub opening: RoundOpening,
    /// Everyone who may be ranked (its applicants, or in a second round those who chose it).
    pub applicants: Vec<RoundApplicant>,
    /// The submitted ranking, best first (the others are not acceptable).
    pub ranking: Vec<i64>,
    /// Once results are out: who matched to it.
    pub matched: Vec<RoundApplicant>,
}

/// The viewer's part in a round.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundView {
    pub id: i64,
    pub name: String,
    pub phase: Phase,
    pub applications_close: DateTime<FixedOffset>,
    pub rankings_close: DateTime<FixedOffset>,
    pub results_at: DateTime<FixedOffset>,
    pub max_ranking: u32,
    /// The round whose unfilled places this one offers again.
    pub scramble_of: Option<i64>,
    pub openings: Vec<RoundOpening>,
    /// The coordinator's part: participants who ranked, openings without a ranking.
    pub coordination: Option<Coordination>,
    /// A researcher's part: the openings they may rank, their ranking, their result.
    pub choices: Option<ResearcherChoices>,
    /// A member's part: their institution's openings with their rankings.
    pub rankings: Vec<OpeningRanking>,
    /// The anonymised instance and result are public.
    pub anonymised: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Coordination {
    /// Researchers who have submitted a ranking.
    pub ranked_participants: u64,
    /// Openings whose institution has not ranked (reported at the close).
    pub unranked_openings: Vec<RoundOpening>,
    /// Once solved: researchers matched and unmatched.
    pub matched: Option<(u64, u64)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResearcherChoices {
    /// The openings they may rank, in their current order (ranked first).
    pub openings: Vec<RoundOpening>,
    /// How many of them are ranked (the first ones).
    pub ranked: usize,
    pub ranked_at: Option<DateTime<FixedOffset>>,
    pub result: Option<ResearcherResult>,
}

/// A round in a list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundSummary {
    pub id: i64,
    pub name: String,
    pub phase: Phase,
    pub rankings_close: DateTime<FixedOffset>,
    pub results_at: DateTime<FixedOffset>,
    /// The viewer may rank in it, has not, and the rankings are open.
    pub to_rank: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn now() -> NaiveDateTime {
        NaiveDateTime::parse_from_str("2026-12-01T08:00", "%Y-%m-%dT%H:%M").expect("time")
    }

    #[test]
    fn a_complete_round_form_is_read() {
        let posted = fields(&[
            ("name_en", "KAIST–Sherbrooke summer exchange"),
            ("name_ko", "KAIST–셔브룩 여름 교류"),
            ("places_4", "2"),
            ("places_9", ""),
            ("places_12", "1"),
            ("max_ranking", "5"),
            ("applications_close", "2026-12-10T12:00"),
            ("rankings_close", "2026-12-20T12:00"),
            ("results_at", "2026-12-21T09:00"),
        ]);
        let form = RoundForm::read(&PostedFields(&posted), &[4, 9, 12], now()).expect("valid");
        assert_eq!(form.openings, vec![(4, 2), (12, 1)]);
        assert_eq!(form.name.len(), 2);
        assert_eq!(form.max_ranking, 5);
    }

    #[test]
    fn each_problem_is_noted_against_its_field() {
        let posted = fields(&[
            ("places_4", "-1"),
            ("max_ranking", "0"),
            ("applications_close", "tomorrow"),
            ("rankings_close", "2026-11-20T12:00"),
            ("results_at", "2026-12-21T09:00"),
        ]);
        let problems = RoundForm::read(&PostedFields(&posted), &[4], now()).expect_err("refused");
        for (field, message) in [
            ("name_en", "round-error-name"),
            ("places_4", "round-error-places"),
            ("max_ranking", "round-error-max-ranking"),
            ("applications_close", "round-error-time"),
        ] {
            assert!(problems.contains(&(field.to_string(), message)), "{field}: {problems:?}");
        }
        let posted = fields(&[
            ("name_fr", "Échange"),
            ("places_4", "1"),
            ("max_ranking", "3"),
            ("applications_close", "2026-12-10T12:00"),
            ("rankings_close", "2026-11-20T12:00"),
            ("results_at", "2026-12-21T09:00"),
        ]);
        let problems = RoundForm::read(&PostedFields(&posted), &[4], now()).expect_err("refused");
        assert_eq!(problems, vec![("rankings_close".to_string(), "round-error-past")]);
    }

    #[test]
    fn a_ranking_is_read_best_first_and_ties_are_refused() {
        let posted = fields(&[("rank_7", "2"), ("rank_3", "1"), ("rank_5", ""), ("rank_8", NOT_ACCEPTABLE)]);
        assert_eq!(read_ranking(&PostedFields(&posted), &[3, 5, 7, 8], 10), Ok(vec![3, 7]));
        let tie = fields(&[("rank_7", "1"), ("rank_3", "1")]);
        assert_eq!(
            read_ranking(&PostedFields(&tie), &[3, 7], 10),
            Err(vec![("rank_7".to_string(), "round-error-tie")])
        );
        let long = fields(&[("rank_7", "1"), ("rank_3", "2")]);
        assert_eq!(
            read_ranking(&PostedFields(&long), &[3, 7], 1),
            Err(vec![("ranking".to_string(), "round-error-too-long")])
        );
        let outside = fields(&[("rank_7", "9")]);
        assert!(read_ranking(&PostedFields(&outside), &[7], 10).is_err());
    }

    #[test]
    fn the_phase_follows_the_dates_until_solved() {
        let at = |day: u32| {
            chrono::NaiveDate::from_ymd_opt(2026, 12, day)
                .and_then(|d| d.and_hms_opt(12, 0, 0))
                .expect("date")
                .and_utc()
                .fixed_offset()
        };
        assert_eq!(Phase::of(RoundState::Open, at(10), at(20), at(5)), Phase::Applications);
        assert_eq!(Phase::of(RoundState::Open, at(10), at(20), at(15)), Phase::Ranking);
        assert_eq!(Phase::of(RoundState::Open, at(10), at(20), at(25)), Phase::Closed);
        assert_eq!(Phase::of(RoundState::Solved, at(10), at(20), at(5)), Phase::Solved);
        assert!(!Phase::Closed.ranking_open());
    }
}
