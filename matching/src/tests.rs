//! Property tests on random instances, against brute force where the instance is small enough
//! to list every matching. Each case is seeded: a failure names its seed.

use std::collections::BTreeSet;

use crate::synthetic::{self, Rng};
use crate::{ApplicantReason, Id, Instance, Market, Matching, OpeningReason, Outcome, Verdict};

const CASES: u64 = 1_000;

fn market(instance: &Instance) -> Market {
    instance.market().expect("a generated instance is valid")
}

/// Every feasible matching (each applicant unmatched or at a mutually acceptable opening with
/// a place left), by brute force.
fn every_matching(market: &Market) -> Vec<Outcome> {
    fn extend(
        market: &Market,
        applicant: usize,
        current: &mut Vec<Option<u32>>,
        filled: &mut [u32],
        all: &mut Vec<Outcome>,
    ) {
        if applicant == market.applicant_count() {
            all.push(Outcome { opening_of: current.clone() });
            return;
        }
        current.push(None);
        extend(market, applicant + 1, current, filled, all);
        current.pop();
        for opening in 0..market.opening_count() {
            if market.acceptable(applicant, opening) && filled[opening] < market.capacity(opening) {
                filled[opening] += 1;
                current.push(Some(opening as u32));
                extend(market, applicant + 1, current, filled, all);
                current.pop();
                filled[opening] -= 1;
            }
        }
    }
    let mut all = Vec::new();
    extend(market, 0, &mut Vec::new(), &mut vec![0; market.opening_count()], &mut all);
    all
}

/// How much `applicant` likes their result: their rank of it, unmatched last.
fn happiness(market: &Market, outcome: &Outcome, applicant: usize) -> u32 {
    outcome.opening_of(applicant).and_then(|o| market.applicant_rank(applicant, o)).unwrap_or(u32::MAX)
}

fn pairs(matching: &Matching) -> BTreeSet<(Id, Id)> {
    matching.assignments.iter().map(|a| (a.applicant.clone(), a.opening.clone())).collect()
}

fn each_case(applicants: usize, openings: usize, capacity: usize, check: impl Fn(u64, &Instance, &Market)) {
    for seed in 0..CASES {
        let generate = if seed % 2 == 0 { synthetic::small } else { synthetic::opposed };
        let instance = generate(&mut Rng::new(seed), applicants, openings, capacity);
        check(seed, &instance, &market(&instance));
    }
}

#[test]
fn the_result_is_the_applicant_optimal_stable_matching_found_by_brute_force() {
    let several = std::cell::Cell::new(0);
    each_case(6, 4, 2, |seed, _, market| {
        let solved = market.solve();
        assert_eq!(market.verify(&market.matching(&solved)), Verdict::Stable, "seed {seed}");
        let stable: Vec<Outcome> =
            every_matching(market).into_iter().filter(|m| market.blocking_pairs(m).is_empty()).collect();
        assert!(stable.contains(&solved), "seed {seed}: the result is not among the stable matchings");
        several.set(several.get() + usize::from(stable.len() > 1));
        for other in &stable {
            for applicant in 0..market.applicant_count() {
                assert!(
                    happiness(market, &solved, applicant) <= happiness(market, other, applicant),
                    "seed {seed}: applicant {applicant} does better in another stable matching"
                );
            }
        }
    });
    // Otherwise "optimal" would be checked on instances with one stable matching only.
    assert!(several.get() > 20, "only {} instances with several stable matchings", several.get());
}

#[test]
fn capacities_hold_and_only_mutually_acceptable_pairs_are_matched() {
    each_case(12, 6, 3, |seed, _, market| {
        let solved = market.solve();
        for (opening, holders) in solved.holders(market.opening_count()).iter().enumerate() {
            assert!(holders.len() <= market.capacity(opening) as usize, "seed {seed}");
            for &applicant in holders {
                assert!(market.acceptable(applicant as usize, opening), "seed {seed}");
            }
        }
        assert!(market.blocking_pairs(&solved).is_empty(), "seed {seed}");
    });
}

#[test]
fn the_order_of_the_instance_does_not_change_the_result() {
    each_case(12, 6, 3, |seed, instance, market| {
        let expected = pairs(&market.matching(&market.solve()));
        let mut shuffled = instance.clone();
        let mut rng = Rng::new(seed ^ 0xABCD);
        rng.shuffle(&mut shuffled.applicants);
        rng.shuffle(&mut shuffled.openings);
        let reordered = shuffled.market().expect("still valid");
        assert_eq!(pairs(&reordered.matching(&reordered.solve())), expected, "seed {seed}");
    });
}

#[test]
fn both_optimal_results_match_the_same_applicants_and_fill_the_same_places() {
    each_case(12, 6, 3, |seed, _, market| {
        let for_applicants = market.solve();
        let for_openings = market.solve_opening_optimal();
        assert!(market.blocking_pairs(&for_openings).is_empty(), "seed {seed}");
        for applicant in 0..market.applicant_count() {
            assert_eq!(
                for_applicants.opening_of(applicant).is_some(),
                for_openings.opening_of(applicant).is_some(),
                "seed {seed}: applicant {applicant}"
            );
            assert!(happiness(market, &for_applicants, applicant) <= happiness(market, &for_openings, applicant));
        }
        let (a, o) = (for_applicants.holders(market.opening_count()), for_openings.holders(market.opening_count()));
        for opening in 0..market.opening_count() {
            assert_eq!(a[opening].len(), o[opening].len(), "seed {seed}: opening {opening}");
            if a[opening].len() < market.capacity(opening) as usize {
                assert_eq!(a[opening], o[opening], "seed {seed}: an opening with places left gets the same applicants");
            }
        }
    });
}

#[test]
fn the_applicant_optimal_result_is_the_worst_stable_one_for_openings_side_solver() {
    each_case(5, 4, 2, |seed, _, market| {
        let for_openings = market.solve_opening_optimal();
        for other in every_matching(market).iter().filter(|m| market.blocking_pairs(m).is_empty()) {
            for applicant in 0..market.applicant_count() {
                assert!(
                    happiness(market, &for_openings, applicant) >= happiness(market, other, applicant),
                    "seed {seed}"
                );
            }
        }
    });
}

/// Every ordering of every subset of `items`.
fn arrangements(items: &[Id]) -> Vec<Vec<Id>> {
    let mut all = vec![Vec::new()];
    for (n, item) in items.iter().enumerate() {
        let rest: Vec<Id> = items.iter().enumerate().filter(|(m, _)| *m != n).map(|(_, id)| id.clone()).collect();
        for mut tail in arrangements(&rest) {
            tail.insert(0, item.clone());
            all.push(tail);
        }
    }
    all.sort();
    all.dedup();
    all
}

#[test]
fn no_applicant_gains_by_ranking_untruthfully() {
    each_case(6, 3, 2, |seed, instance, market| {
        let truthful = market.solve();
        let applicant = seed as usize % market.applicant_count();
        let opening_ids: Vec<Id> = instance.openings.iter().map(|o| o.id.clone()).collect();
        for lie in arrangements(&opening_ids) {
            let mut manipulated = instance.clone();
            manipulated.applicants[applicant].ranking = lie.clone();
            // Same ids in the same order: the indices of both markets agree.
            let lied = self::market(&manipulated).solve();
            assert!(
                happiness(market, &lied, applicant) >= happiness(market, &truthful, applicant),
                "seed {seed}: ranking {lie:?} does better than the truth"
            );
        }
    });
}

#[test]
fn explanations_are_true_and_cover_every_better_choice() {
    each_case(12, 6, 3, |seed, _, market| {
        let outcome = market.solve();
        let holders = outcome.holders(market.opening_count());
        for applicant in 0..market.applicant_count() {
            let reasons = market.explain_applicant(&outcome, applicant);
            let better = market
                .ranking_of_applicant(applicant)
                .iter()
                .take_while(|&&o| outcome.opening_of(applicant) != Some(o as usize))
                .count();
            assert_eq!(reasons.len(), better, "seed {seed}: applicant {applicant}");
            for reason in reasons {
                match reason {
                    ApplicantReason::NotRanked { opening } => {
                        assert_eq!(market.opening_rank(opening, applicant), None, "seed {seed}")
                    }
                    ApplicantReason::Filled { opening, places } => {
                        let rank = market.opening_rank(opening, applicant).expect("ranked");
                        assert_eq!(places, market.capacity(opening));
                        assert_eq!(holders[opening].len(), places as usize, "seed {seed}: full");
                        for &holder in &holders[opening] {
                            assert!(market.opening_rank(opening, holder as usize) < Some(rank), "seed {seed}");
                        }
                    }
                }
            }
        }
        for opening in 0..market.opening_count() {
            for reason in market.explain_opening(&outcome, opening) {
                match reason {
                    OpeningReason::NotRanked { applicant } => {
                        assert_eq!(market.applicant_rank(applicant, opening), None, "seed {seed}")
                    }
                    OpeningReason::PreferredAnother { applicant } => {
                        let got = outcome.opening_of(applicant).expect("matched elsewhere");
                        assert!(market.applicant_rank(applicant, got) < market.applicant_rank(applicant, opening));
                    }
                }
            }
        }
    });
}

#[test]
fn a_result_with_a_blocking_pair_is_refused_and_the_pair_named() {
    let instance = Instance::from_json(
        r#"{"applicants": [{"id": "ana", "ranking": [1, 2]}, {"id": "bo", "ranking": [1]}],
            "openings": [{"id": 1, "capacity": 1, "ranking": ["ana", "bo"]},
                         {"id": 2, "capacity": 1, "ranking": ["ana"]}]}"#,
    )
    .expect("instance");
    let market = market(&instance);
    let solved = market.matching(&market.solve());
    assert_eq!(
        serde_json::to_string(&solved).expect("json"),
        r#"{"assignments":[{"applicant":"ana","opening":1}],"unmatched":["bo"]}"#
    );
    let unstable: Matching = serde_json::from_str(
        r#"{"assignments": [{"applicant": "ana", "opening": 2}, {"applicant": "bo", "opening": 1}], "unmatched": []}"#,
    )
    .expect("result");
    let Verdict::Unstable(pairs) = market.verify(&unstable) else { panic!("not refused") };
    assert_eq!(pairs.len(), 1);
    assert_eq!((pairs[0].applicant.to_string(), pairs[0].opening.to_string()), ("\"ana\"".into(), "1".into()));
}

#[test]
fn infeasible_results_are_refused_with_each_problem() {
    let instance = Instance::from_json(
        r#"{"applicants": [{"id": "a", "ranking": ["x"]}, {"id": "b", "ranking": ["x"]}, {"id": "c", "ranking": []}],
            "openings": [{"id": "x", "capacity": 1, "ranking": ["a", "b"]}]}"#,
    )
    .expect("instance");
    let result: Matching = serde_json::from_str(
        r#"{"assignments": [{"applicant": "a", "opening": "x"}, {"applicant": "b", "opening": "x"},
                            {"applicant": "c", "opening": "x"}, {"applicant": "z", "opening": "y"}],
            "unmatched": ["a"]}"#,
    )
    .expect("result");
    let Verdict::Infeasible(problems) = market(&instance).verify(&result) else { panic!("not refused") };
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    for expected in [
        "applicant \"z\", who is not in the instance",
        "opening \"y\", which is not in the instance",
        "applicant \"a\" appears more than once",
        "applicant \"c\" is assigned to opening \"x\", but they do not both rank each other",
        "opening \"x\" has 3 applicants for 1 places",
    ] {
        assert!(text.iter().any(|t| t.contains(expected)), "{expected} not in {text:?}");
    }
}

#[test]
fn malformed_instances_are_refused_naming_the_problem() {
    for (json, expected) in [
        ("{", "not a valid instance"),
        (r#"{"applicants": []}"#, "missing field `openings`"),
        (r#"{"applicants": [{"id": 1.5, "ranking": []}], "openings": []}"#, "a string or an integer"),
        (
            r#"{"applicants": [{"id": "a", "ranking": []}, {"id": "a", "ranking": []}], "openings": []}"#,
            "applicant \"a\" is listed twice",
        ),
        (
            r#"{"applicants": [], "openings": [{"id": 1, "capacity": 1, "ranking": []}, {"id": 1, "capacity": 2, "ranking": []}]}"#,
            "opening 1 is listed twice",
        ),
        (
            r#"{"applicants": [], "openings": [{"id": 1, "capacity": -2, "ranking": []}]}"#,
            "opening 1 has a negative capacity (-2)",
        ),
        (r#"{"applicants": [], "openings": [{"id": 1, "capacity": 2.5, "ranking": []}]}"#, "not a valid instance"),
        (
            r#"{"applicants": [{"id": "a", "ranking": [9]}], "openings": []}"#,
            "applicant \"a\" ranks opening 9, which is not in the instance",
        ),
        (
            r#"{"applicants": [], "openings": [{"id": 1, "capacity": 1, "ranking": ["q"]}]}"#,
            "opening 1 ranks applicant \"q\", who is not in the instance",
        ),
        (
            r#"{"applicants": [{"id": "a", "ranking": [1, 1]}], "openings": [{"id": 1, "capacity": 1, "ranking": []}]}"#,
            "applicant \"a\" ranks opening 1 twice",
        ),
        (
            r#"{"applicants": [{"id": "a", "ranking": []}], "openings": [{"id": 1, "capacity": 1, "ranking": ["a", "a"]}]}"#,
            "opening 1 ranks applicant \"a\" twice",
        ),
    ] {
        let refused = Instance::from_json(json).and_then(|instance| instance.market().map(|_| ()));
        let message = refused.expect_err(json).to_string();
        assert!(message.contains(expected), "{json}: {message}");
    }
}

#[test]
fn a_large_instance_is_solved_stably() {
    let instance = synthetic::large(7, 2_000, 400, 10);
    let market = market(&instance);
    let outcome = market.solve();
    assert!(market.blocking_pairs(&outcome).is_empty());
    assert!(outcome.holders(market.opening_count()).iter().any(|h| !h.is_empty()));
}
