//! Applications to openings made on Passerelle: their statuses, and who may move one from a
//! status to the next.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::profile::Profile;
use crate::vocab::{CareerStage, vocabulary};
use crate::{Lang, Texts};

vocabulary! {
    /// Where an application stands. The institution's members move it along; the researcher
    /// answers an offer or withdraws.
    ApplicationStatus {
        Received => "received", "application-status-received";
        UnderReview => "under_review", "application-status-under-review";
        Shortlisted => "shortlisted", "application-status-shortlisted";
        OfferMade => "offer_made", "application-status-offer-made";
        Accepted => "accepted", "application-status-accepted";
        Declined => "declined", "application-status-declined";
        NotRetained => "not_retained", "application-status-not-retained";
        Withdrawn => "withdrawn", "application-status-withdrawn";
    }
}

/// Who moves an application.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mover {
    /// A member of the opening's institution.
    Institution,
    /// The researcher who applied.
    Applicant,
}

/// The longest letter, and the longest message with a change of status.
pub const MAX_LETTER_CHARS: usize = 5_000;
pub const MAX_STATUS_MESSAGE_CHARS: usize = 2_000;

impl ApplicationStatus {
    /// Nothing moves an application from here: withdrawing is final, and so is an answer.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            ApplicationStatus::Accepted
                | ApplicationStatus::Declined
                | ApplicationStatus::NotRetained
                | ApplicationStatus::Withdrawn
        )
    }

    /// Whether `mover` may move an application from `self` to `to`. Members go forward one or
    /// more steps (received → under review → shortlisted → offer made), or say "not retained"
    /// at any point before an offer; once an offer is made, the researcher's answer (accepted
    /// or declined) is given by the researcher or recorded by a member. The researcher may
    /// withdraw until the end.
    pub fn may_move(self, to: ApplicationStatus, mover: Mover) -> bool {
        use ApplicationStatus::*;
        if self.is_final() || self == to {
            return false;
        }
        match (mover, to) {
            (Mover::Applicant, Withdrawn) => true,
            (_, Accepted | Declined) => self == OfferMade,
            (Mover::Institution, NotRetained) => self != OfferMade,
            (Mover::Institution, UnderReview | Shortlisted | OfferMade) => self.step() < to.step(),
            _ => false,
        }
    }

    /// How far along the way to an offer.
    fn step(self) -> u8 {
        match self {
            ApplicationStatus::Received => 0,
            ApplicationStatus::UnderReview => 1,
            ApplicationStatus::Shortlisted => 2,
            ApplicationStatus::OfferMade => 3,
            _ => 4,
        }
    }
}

/// Applications on the platform as platform admins see them: counts, never contents.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationCounts {
    /// Every application, by status.
    pub by_status: Vec<(ApplicationStatus, u64)>,
    /// Sent in the last seven days.
    pub last_week: u64,
    /// Researchers who keep a profile.
    pub profiles: u64,
}

/// A question of the opening and the applicant's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub question: String,
    pub answer: String,
}

/// The longest answer to an opening's question.
pub const MAX_ANSWER_CHARS: usize = 2_000;

/// The apply form's field for the answer to question `row` (from 1).
pub fn answer_field(row: usize) -> String {
    format!("answer_{row}")
}

/// A change of status, with the message the institution wrote (if any).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChange {
    pub status: ApplicationStatus,
    pub message: Option<String>,
    /// RFC 3339.
    pub at: String,
}

/// An application as the researcher who sent it follows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SentApplication {
    pub id: i64,
    pub opening_id: i64,
    pub opening_title: Texts,
    pub opening_original: Lang,
    pub institution: Texts,
    pub deadline: NaiveDate,
    pub status: ApplicationStatus,
    /// RFC 3339.
    pub sent_at: String,
    /// Oldest first.
    pub changes: Vec<StatusChange>,
    /// How many days the institution usually takes to answer (the median of its answers, in
    /// whole days, rounded up); `None` before its first answer.
    pub institution_answer_days: Option<u32>,
}

/// Applications listed on a page: this many at most.
pub const APPLICATIONS_PER_PAGE: usize = 50;

/// Which of an opening's applications to list, in which order, and which page of them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicationFilter {
    pub status: Option<ApplicationStatus>,
    pub stage: Option<CareerStage>,
    /// An ISO 639-1 code the applicant speaks (from their profile).
    pub language: Option<String>,
    pub oldest_first: bool,
    /// From 1; `0` for every matching application at once (the CSV).
    pub page: usize,
}

impl ApplicationFilter {
    /// The filter of a list's URL (`status`, `stage`, `language`, `sort=oldest`, `page`);
    /// what does not read is left out.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> ApplicationFilter {
        let mut filter = ApplicationFilter { page: 1, ..ApplicationFilter::default() };
        for (key, value) in pairs {
            match key {
                "status" => filter.status = ApplicationStatus::from_code(value),
                "stage" => filter.stage = CareerStage::from_code(value),
                "language" => {
                    let code = value.trim().to_lowercase();
                    filter.language = (code.len() == 2 && code.bytes().all(|b| b.is_ascii_lowercase())).then_some(code);
                }
                "sort" => filter.oldest_first = value == "oldest",
                "page" => filter.page = value.parse().unwrap_or(1).clamp(1, 100_000),
                _ => {}
            }
        }
        filter
    }
}

/// An opening's applications, for its institution: one page of those matching the filter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpeningApplications {
    pub opening_id: i64,
    pub title: Texts,
    pub original: Lang,
    /// Every application to the opening, and those matching the filter.
    pub total: usize,
    pub matching: usize,
    /// The page shown (from 1), and how many pages the matching ones fill.
    pub page: usize,
    pub pages: usize,
    /// In the filter's order.
    pub applications: Vec<ReceivedApplication>,
}

/// An application as the opening's institution reads it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReceivedApplication {
    pub id: i64,
    pub applicant_name: String,
    pub applicant_email: String,
    pub status: ApplicationStatus,
    pub letter: String,
    pub letter_lang: Lang,
    /// The answers to the opening's questions, as they were asked.
    pub answers: Vec<Answer>,
    /// RFC 3339.
    pub sent_at: String,
    /// The applicant's profile, when they let the institutions they apply to see it.
    pub profile: Option<Profile>,
    /// The CV sent with the application.
    pub cv_id: Option<i64>,
    pub changes: Vec<StatusChange>,
}

#[cfg(test)]
mod tests {
    use super::ApplicationStatus::*;
    use super::Mover::*;

    #[test]
    fn applications_move_forward_and_end_once() {
        assert!(Received.may_move(UnderReview, Institution));
        assert!(Received.may_move(Shortlisted, Institution), "steps may be skipped");
        assert!(!Shortlisted.may_move(UnderReview, Institution), "never backwards");
        assert!(Shortlisted.may_move(NotRetained, Institution));
        assert!(!OfferMade.may_move(NotRetained, Institution), "an offer is answered, not taken back");
        assert!(OfferMade.may_move(Accepted, Applicant) && OfferMade.may_move(Declined, Institution));
        assert!(!Shortlisted.may_move(Accepted, Applicant), "no answer before an offer");
        assert!(!Received.may_move(OfferMade, Applicant), "the researcher does not make offers");
        assert!(Shortlisted.may_move(Withdrawn, Applicant) && !Shortlisted.may_move(Withdrawn, Institution));
        for end in [Accepted, Declined, NotRetained, Withdrawn] {
            assert!(super::ApplicationStatus::ALL.iter().all(|to| !end.may_move(*to, Applicant)));
            assert!(super::ApplicationStatus::ALL.iter().all(|to| !end.may_move(*to, Institution)));
        }
    }
}
