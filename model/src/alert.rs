//! Alerts: a saved search, or a researcher's profile, whose new openings are e-mailed to their
//! owner as a digest, daily or weekly.

use chrono::{DateTime, Duration, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use crate::Lang;
use crate::dto::SearchParams;
use crate::vocab::vocabulary;

vocabulary! {
    /// How often an alert's digest goes out.
    Frequency {
        Daily => "daily", "alert-frequency-daily";
        Weekly => "weekly", "alert-frequency-weekly";
    }
}

impl Frequency {
    /// When a digest sent (or an alert saved) at `now` is next due: the next time the clock
    /// strikes `hour` (UTC), a week later for weekly ones. Digests go out at that hour only,
    /// so readers get them at a time they can expect.
    pub fn next_due(self, now: DateTime<Utc>, hour: u32) -> DateTime<Utc> {
        let today = now.date_naive().and_hms_opt(hour.min(23), 0, 0).unwrap_or_default();
        let mut next = Utc.from_utc_datetime(&today);
        if next <= now {
            next += Duration::days(1);
        }
        if self == Frequency::Weekly {
            next += Duration::days(6);
        }
        next
    }
}

/// What an alert follows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Subject {
    /// The openings this search finds (words and filters), as the list page in `lang` shows them.
    Search { lang: Lang, params: SearchParams },
    /// The openings recommended for the owner's profile.
    Profile,
}

impl Subject {
    /// The search `params` in `lang`, as an alert follows it (see [`followed`]).
    pub fn search(lang: Lang, params: &SearchParams) -> Subject {
        Subject::Search { lang, params: followed(params) }
    }
}

/// A search as an alert follows it: its words and filters, without what only arranges the list
/// (sort, page, page size) or reopens closed openings (a digest lists open ones).
pub fn followed(params: &SearchParams) -> SearchParams {
    SearchParams {
        sort: None,
        page: 1,
        per_page: SearchParams::DEFAULT_PER_PAGE,
        include_closed: false,
        q: params.q.trim().to_string(),
        ..params.clone()
    }
}

/// An alert, as its owner's alerts page lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AlertView {
    pub id: i64,
    pub subject: Subject,
    pub frequency: Frequency,
    /// RFC 3339, UTC.
    pub next_due_at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).expect("a time").with_timezone(&Utc)
    }

    #[test]
    fn digests_fall_due_at_the_configured_hour() {
        let daily = Frequency::Daily;
        assert_eq!(daily.next_due(at("2026-12-02T05:59:00Z"), 6), at("2026-12-02T06:00:00Z"));
        // Sent at the hour itself: the next one is tomorrow, never twice in one day.
        assert_eq!(daily.next_due(at("2026-12-02T06:00:00Z"), 6), at("2026-12-03T06:00:00Z"));
        assert_eq!(daily.next_due(at("2026-12-02T14:30:00Z"), 6), at("2026-12-03T06:00:00Z"));
        assert_eq!(Frequency::Weekly.next_due(at("2026-12-02T06:00:01Z"), 6), at("2026-12-09T06:00:00Z"));
    }

    #[test]
    fn an_alert_ignores_how_the_list_was_arranged() {
        let params = SearchParams {
            q: " quantum ".into(),
            page: 3,
            sort: Some("newest".into()),
            include_closed: true,
            ..SearchParams::default()
        };
        assert_eq!(followed(&params), SearchParams { q: "quantum".into(), ..SearchParams::default() });
    }
}
