//! Why each better choice did not happen, for one participant at a time and naming no one
//! else: the "why didn't I match?" that a stable result can always answer.

use crate::{Market, Outcome};

/// Why an applicant did not get an opening they ranked above their result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ApplicantReason {
    /// The opening did not rank them (it left them out, or ranked no one).
    NotRanked { opening: usize },
    /// The opening filled all its places with applicants it ranked higher.
    Filled { opening: usize, places: u32 },
}

/// Why an opening did not get an applicant it ranked above one it got (or, with places left,
/// any applicant it ranked).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpeningReason {
    /// The applicant did not rank this opening.
    NotRanked { applicant: usize },
    /// The applicant got an opening they ranked higher.
    PreferredAnother { applicant: usize },
}

impl Market {
    /// One reason for each opening `applicant` ranked above their result, in their order. On a
    /// stable outcome there is always one; an opening that has neither is left out (it would
    /// be a blocking pair).
    pub fn explain_applicant(&self, outcome: &Outcome, applicant: usize) -> Vec<ApplicantReason> {
        let held = outcome.opening_of(applicant);
        let mut reasons = Vec::new();
        for &opening in self.applicant_lists.of(applicant) {
            let opening = opening as usize;
            if Some(opening) == held {
                break;
            }
            let Some(rank) = self.opening_rank(opening, applicant) else {
                reasons.push(ApplicantReason::NotRanked { opening });
                continue;
            };
            let places = self.capacity[opening];
            let ranked_higher = &self.opening_lists.of(opening)[..rank as usize];
            let higher =
                ranked_higher.iter().filter(|&&other| outcome.opening_of(other as usize) == Some(opening)).count();
            if higher >= places as usize {
                reasons.push(ApplicantReason::Filled { opening, places });
            }
        }
        reasons
    }

    /// One reason for each applicant `opening` ranked above the last one it got (all it ranked
    /// when places are left) and did not get, in its order.
    pub fn explain_opening(&self, outcome: &Outcome, opening: usize) -> Vec<OpeningReason> {
        let ranking = self.opening_lists.of(opening);
        // Holders are among the applicants it ranked (the outcome is feasible).
        let positions: Vec<usize> =
            (0..ranking.len()).filter(|&n| outcome.opening_of(ranking[n] as usize) == Some(opening)).collect();
        let considered = if positions.len() < self.capacity[opening] as usize {
            ranking.len()
        } else {
            positions.last().copied().unwrap_or(0)
        };
        let mut reasons = Vec::new();
        for &applicant in &ranking[..considered] {
            let applicant = applicant as usize;
            if outcome.opening_of(applicant) == Some(opening) {
                continue;
            }
            match self.applicant_rank(applicant, opening) {
                None => reasons.push(OpeningReason::NotRanked { applicant }),
                Some(rank) => {
                    let got = outcome.opening_of(applicant).and_then(|o| self.applicant_rank(applicant, o));
                    if got.is_some_and(|got| got < rank) {
                        reasons.push(OpeningReason::PreferredAnother { applicant });
                    }
                }
            }
        }
        reasons
    }
}
