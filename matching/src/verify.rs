//! Checking a result against its instance: is it a matching at all, and is it stable?

use crate::instance::IdIndex;
use crate::{Id, Market, Matching, Outcome};

/// What makes a result not a matching of its instance.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("the result names applicant {0}, who is not in the instance")]
    UnknownApplicant(Id),
    #[error("the result names opening {0}, which is not in the instance")]
    UnknownOpening(Id),
    #[error("applicant {0} appears more than once in the result")]
    Repeated(Id),
    #[error("applicant {0} is neither assigned nor listed as unmatched")]
    Missing(Id),
    #[error("applicant {applicant} is assigned to opening {opening}, but they do not both rank each other")]
    NotAcceptable { applicant: Id, opening: Id },
    #[error("opening {opening} has {assigned} applicants for {capacity} places")]
    OverCapacity { opening: Id, capacity: u32, assigned: usize },
}

/// An applicant and an opening who would both rather have each other than what they got.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct BlockingPair {
    pub applicant: Id,
    pub opening: Id,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Feasible, and no pair blocks it.
    Stable,
    Infeasible(Vec<Problem>),
    Unstable(Vec<BlockingPair>),
}

impl Market {
    /// Whether `matching` is a matching of this instance (known ids, each applicant once,
    /// mutually acceptable pairs, capacities kept) and, if so, whether it is stable.
    pub fn verify(&self, matching: &Matching) -> Verdict {
        match self.outcome(matching) {
            Err(problems) => Verdict::Infeasible(problems),
            Ok(outcome) => {
                let pairs = self.blocking_pairs(&outcome);
                if pairs.is_empty() {
                    Verdict::Stable
                } else {
                    Verdict::Unstable(
                        pairs
                            .into_iter()
                            .map(|(a, o)| BlockingPair {
                                applicant: self.applicants[a].clone(),
                                opening: self.openings[o].clone(),
                            })
                            .collect(),
                    )
                }
            }
        }
    }

    /// Reads a result in ids back into an outcome, or says everything that makes it infeasible.
    pub fn outcome(&self, matching: &Matching) -> Result<Outcome, Vec<Problem>> {
        let applicant_index: IdIndex<'_> = self.applicants.iter().enumerate().map(|(n, id)| (id, n as u32)).collect();
        let opening_index: IdIndex<'_> = self.openings.iter().enumerate().map(|(n, id)| (id, n as u32)).collect();
        let mut problems = Vec::new();
        let mut seen = vec![false; self.applicants.len()];
        let mut opening_of = vec![None; self.applicants.len()];
        let mut mark_seen = |id: &Id, problems: &mut Vec<Problem>| -> Option<usize> {
            let Some(&applicant) = applicant_index.get(id) else {
                problems.push(Problem::UnknownApplicant(id.clone()));
                return None;
            };
            let applicant = applicant as usize;
            if std::mem::replace(&mut seen[applicant], true) {
                problems.push(Problem::Repeated(id.clone()));
                return None;
            }
            Some(applicant)
        };
        for assignment in &matching.assignments {
            let applicant = mark_seen(&assignment.applicant, &mut problems);
            let Some(&opening) = opening_index.get(&assignment.opening) else {
                problems.push(Problem::UnknownOpening(assignment.opening.clone()));
                continue;
            };
            let opening = opening as usize;
            let Some(applicant) = applicant else { continue };
            if !self.acceptable(applicant, opening) {
                problems.push(Problem::NotAcceptable {
                    applicant: assignment.applicant.clone(),
                    opening: assignment.opening.clone(),
                });
            }
            opening_of[applicant] = Some(opening as u32);
        }
        for id in &matching.unmatched {
            mark_seen(id, &mut problems);
        }
        for (applicant, seen) in seen.iter().enumerate() {
            if !seen {
                problems.push(Problem::Missing(self.applicants[applicant].clone()));
            }
        }
        let outcome = Outcome { opening_of };
        for (opening, holders) in outcome.holders(self.openings.len()).iter().enumerate() {
            if holders.len() > self.capacity[opening] as usize {
                problems.push(Problem::OverCapacity {
                    opening: self.openings[opening].clone(),
                    capacity: self.capacity[opening],
                    assigned: holders.len(),
                });
            }
        }
        if problems.is_empty() { Ok(outcome) } else { Err(problems) }
    }

    /// Pairs (applicant, opening) that rank each other, where the applicant ranks the opening
    /// above what they got and the opening has a free place or holds someone it ranks lower.
    pub fn blocking_pairs(&self, outcome: &Outcome) -> Vec<(usize, usize)> {
        let holders = outcome.holders(self.openings.len());
        // The rank of each full opening's least-preferred holder; u32::MAX when a place is free.
        let worst: Vec<u32> = holders
            .iter()
            .enumerate()
            .map(|(opening, held)| {
                if held.len() < self.capacity[opening] as usize {
                    return u32::MAX;
                }
                held.iter().filter_map(|&a| self.opening_rank(opening, a as usize)).max().unwrap_or(0)
            })
            .collect();
        let mut pairs = Vec::new();
        for applicant in 0..self.applicants.len() {
            let held = outcome.opening_of(applicant);
            for &opening in self.applicant_lists.of(applicant) {
                let opening = opening as usize;
                if Some(opening) == held {
                    break;
                }
                if let Some(rank) = self.opening_rank(opening, applicant)
                    && (worst[opening] == u32::MAX || rank < worst[opening])
                {
                    pairs.push((applicant, opening));
                }
            }
        }
        pairs
    }
}
