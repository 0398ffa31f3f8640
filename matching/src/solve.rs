//! Deferred acceptance, from either side.

use std::collections::BinaryHeap;

use serde::{Deserialize, Serialize};

use crate::{Id, Market};

/// Who holds which place, by index: the solver's answer before ids are put back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub(crate) opening_of: Vec<Option<u32>>,
}

impl Outcome {
    /// The opening `applicant` is matched to.
    pub fn opening_of(&self, applicant: usize) -> Option<usize> {
        self.opening_of[applicant].map(|o| o as usize)
    }

    /// Each opening's matched applicants (in applicant order).
    pub fn holders(&self, opening_count: usize) -> Vec<Vec<u32>> {
        let mut holders = vec![Vec::new(); opening_count];
        for (applicant, opening) in self.opening_of.iter().enumerate() {
            if let Some(opening) = opening {
                holders[*opening as usize].push(applicant as u32);
            }
        }
        holders
    }
}

/// The JSON result: `{"assignments": [{"applicant", "opening"}], "unmatched": [ids]}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Matching {
    pub assignments: Vec<Assignment>,
    pub unmatched: Vec<Id>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Assignment {
    pub applicant: Id,
    pub opening: Id,
}

impl Market {
    /// The applicant-optimal stable matching: applicants propose down their rankings, each
    /// opening holds the best proposals up to its capacity and rejects the rest. Every
    /// applicant gets the best opening they can have in any stable matching, and no applicant
    /// can do better by ranking untruthfully. The answer does not depend on the order of the
    /// instance's lists.
    pub fn solve(&self) -> Outcome {
        let applicant_count = self.applicants.len();
        let mut next = vec![0u32; applicant_count];
        let mut opening_of = vec![None; applicant_count];
        // Each opening's held proposals, worst (largest rank) on top.
        let mut held: Vec<BinaryHeap<(u32, u32)>> = vec![BinaryHeap::new(); self.openings.len()];
        let mut free: Vec<u32> = (0..applicant_count as u32).rev().collect();
        while let Some(applicant) = free.pop() {
            let ranking = self.applicant_lists.of(applicant as usize);
            while let Some(&opening) = ranking.get(next[applicant as usize] as usize) {
                next[applicant as usize] += 1;
                let Some(rank) = self.opening_rank(opening as usize, applicant as usize) else {
                    continue;
                };
                let places = self.capacity[opening as usize] as usize;
                let holding = &mut held[opening as usize];
                if holding.len() < places {
                    holding.push((rank, applicant));
                    opening_of[applicant as usize] = Some(opening);
                    break;
                }
                if let Some(&(worst_rank, worst)) = holding.peek()
                    && worst_rank > rank
                {
                    holding.pop();
                    holding.push((rank, applicant));
                    opening_of[applicant as usize] = Some(opening);
                    opening_of[worst as usize] = None;
                    free.push(worst);
                    break;
                }
            }
        }
        Outcome { opening_of }
    }

    /// The opening-optimal stable matching: openings propose down their rankings, each
    /// applicant keeps the best offer. Only for comparison (the rural hospitals theorem: the
    /// same applicants are matched, and each opening fills the same number of places).
    pub fn solve_opening_optimal(&self) -> Outcome {
        let opening_count = self.openings.len();
        let mut next = vec![0u32; opening_count];
        let mut filled = vec![0u32; opening_count];
        // Each applicant's held offer: (their rank of the opening, the opening).
        let mut offer: Vec<Option<(u32, u32)>> = vec![None; self.applicants.len()];
        let mut to_propose: Vec<u32> = (0..opening_count as u32).rev().collect();
        while let Some(opening) = to_propose.pop() {
            let o = opening as usize;
            let ranking = self.opening_lists.of(o);
            while filled[o] < self.capacity[o] {
                let Some(&applicant) = ranking.get(next[o] as usize) else { break };
                next[o] += 1;
                let Some(rank) = self.applicant_rank(applicant as usize, o) else { continue };
                let current = &mut offer[applicant as usize];
                match *current {
                    Some((held_rank, _)) if held_rank < rank => continue,
                    Some((_, dropped)) => {
                        filled[dropped as usize] -= 1;
                        to_propose.push(dropped);
                    }
                    None => {}
                }
                *current = Some((rank, opening));
                filled[o] += 1;
            }
        }
        Outcome { opening_of: offer.into_iter().map(|held| held.map(|(_, opening)| opening)).collect() }
    }

    /// The outcome with ids: assignments and unmatched applicants, in the instance's order.
    pub fn matching(&self, outcome: &Outcome) -> Matching {
        let mut matching = Matching::default();
        for (applicant, opening) in outcome.opening_of.iter().enumerate() {
            let id = self.applicants[applicant].clone();
            match opening {
                Some(opening) => matching
                    .assignments
                    .push(Assignment { applicant: id, opening: self.openings[*opening as usize].clone() }),
                None => matching.unmatched.push(id),
            }
        }
        matching
    }
}

/// A round made public: its instance and result, ids replaced by tokens, for anyone to check
/// with `passerelle round verify`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publication {
    pub instance: crate::Instance,
    pub result: Matching,
}
