//! Matching rounds' arithmetic, with no database and no I/O: researchers (applicants) rank
//! openings, openings rank applicants and offer a number of places, and
//! [`solve`](Market::solve) finds the applicant-optimal stable matching by applicant-proposing
//! deferred acceptance (Gale and Shapley; Roth's hospitals/residents with capacities).
//!
//! - [`Instance`] is the JSON of `passerelle round solve` and of a published round;
//!   [`Instance::market`] checks it (unknown or repeated ids, negative capacities) and indexes it.
//! - [`Market::solve`] and [`Market::solve_opening_optimal`] give the two extreme stable
//!   matchings; [`Market::verify`] lists what makes a given result infeasible or unstable.
//! - [`Market::explain_applicant`] and [`Market::explain_opening`] say, without naming anyone,
//!   why each better choice did not happen.
//!
//! A pair is acceptable when each ranks the other; rankings are strict (no ties), and an opening
//! that ranks nobody accepts nobody.

mod explain;
mod id;
mod instance;
mod solve;
pub mod synthetic;
mod verify;

pub use explain::{ApplicantReason, OpeningReason};
pub use id::Id;
pub use instance::{ApplicantEntry, Instance, InstanceError, Market, OpeningEntry};
pub use solve::{Assignment, Matching, Outcome, Publication};
pub use verify::{BlockingPair, Problem, Verdict};

#[cfg(test)]
mod tests;
