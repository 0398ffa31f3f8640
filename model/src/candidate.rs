//! Candidates for an opening, as its institution's members see them: researchers who show
//! their profile to every verified institution, ranked for the opening with the reasons why.

use serde::{Deserialize, Serialize};

use crate::Texts;
use crate::dto::Reason;
use crate::lang::Lang;
use crate::profile::Profile;

/// One researcher proposed for an opening.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CandidateView {
    pub account_id: i64,
    pub display_name: String,
    /// As its owner wrote it (they show it to every verified institution).
    pub profile: Profile,
    /// The current CV's id, which the institution may download.
    pub cv_id: Option<i64>,
    pub score: f32,
    /// Shortfalls first.
    pub reasons: Vec<Reason>,
    /// Whether someone of the institution invited them to apply already.
    pub invited: bool,
}

/// The candidates page of an opening.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpeningCandidates {
    pub opening_id: i64,
    pub title: Texts,
    pub original: Lang,
    /// Profiles are shown to verified institutions only: `false` means none are listed.
    pub institution_verified: bool,
    pub candidates: Vec<CandidateView>,
}
