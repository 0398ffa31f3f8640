//! Searches answered again from memory. While this server's index (and its semantic vectors)
//! stays as it was, the same search gets the answer it got before — its openings read from the
//! database and its words marked — without searching, reading or marking again: popular
//! searches, pages visited again, the home page's newest openings. An answer is exactly as
//! fresh as the index it came from: every change to an opening reaches the index through the
//! change log, and each new version of the index retires the answers before it.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;
use model::Lang;
use model::dto::SearchParams;

use crate::reading::SearchOutcome;

/// Answers kept at most (a page of ten is a few tens of KB).
const REMEMBERED: usize = 512;

/// What an answer depends on besides the search itself: the index's version (see
/// `search::SearchIndex::version`).
pub(crate) type Version = (u64, u64);

#[derive(Debug, Default)]
pub(crate) struct RecentSearches {
    entries: Mutex<HashMap<String, Entry>>,
    clock: AtomicU64,
}

#[derive(Debug)]
struct Entry {
    version: Version,
    outcome: SearchOutcome,
    used: u64,
}

impl RecentSearches {
    /// The search as a key: everything that makes its answer (the day closes openings).
    pub(crate) fn key(lang: Lang, params: &SearchParams, today: NaiveDate) -> String {
        let mut key = format!("{}|{today}", lang.code());
        for (name, value) in params.to_pairs() {
            key.push_str(&format!("|{name}={value}"));
        }
        key.push_str(&format!("|{}|{}", params.page, params.per_page));
        key
    }

    pub(crate) fn get(&self, key: &str, version: Version) -> Option<SearchOutcome> {
        let mut entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let entry = entries.get_mut(key).filter(|entry| entry.version == version)?;
        entry.used = self.clock.fetch_add(1, Ordering::Relaxed);
        Some(entry.outcome.clone())
    }

    pub(crate) fn put(&self, key: String, version: Version, outcome: &SearchOutcome) {
        let used = self.clock.fetch_add(1, Ordering::Relaxed);
        let mut entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if entries.len() >= REMEMBERED && !entries.contains_key(&key) {
            // Answers of earlier versions first, then the one used longest ago.
            entries.retain(|_, entry| entry.version == version);
            if entries.len() >= REMEMBERED
                && let Some(oldest) = entries.iter().min_by_key(|(_, entry)| entry.used).map(|(key, _)| key.clone())
            {
                entries.remove(&oldest);
            }
        }
        entries.insert(key, Entry { version, outcome: outcome.clone(), used });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::dto::OpeningPage;

    fn outcome(total: u64) -> SearchOutcome {
        SearchOutcome { page: OpeningPage { total, ..OpeningPage::default() }, scores: Vec::new() }
    }

    #[test]
    fn an_answer_stands_until_the_index_changes() {
        let recent = RecentSearches::default();
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
        let params = SearchParams { q: "quantum".into(), ..SearchParams::default() };
        let key = RecentSearches::key(Lang::En, &params, today);
        recent.put(key.clone(), (1, 0), &outcome(3));
        assert_eq!(recent.get(&key, (1, 0)).map(|o| o.page.total), Some(3));
        // A commit, or new semantic vectors: asked again.
        assert!(recent.get(&key, (2, 0)).is_none());
        assert!(recent.get(&key, (1, 1)).is_none());
        // Another language, day, page or filter is another search.
        let other = SearchParams { q: "quantum".into(), page: 2, ..SearchParams::default() };
        assert_ne!(RecentSearches::key(Lang::En, &other, today), key);
        assert_ne!(RecentSearches::key(Lang::Fr, &params, today), key);
        assert_ne!(RecentSearches::key(Lang::En, &params, today.succ_opt().unwrap_or_default()), key);
    }

    #[test]
    fn it_keeps_a_bounded_number_of_answers_dropping_the_least_used() {
        let recent = RecentSearches::default();
        for n in 0..REMEMBERED {
            recent.put(format!("s{n}"), (1, 0), &outcome(n as u64));
        }
        assert!(recent.get("s0", (1, 0)).is_some()); // s0 is now the most recently used
        recent.put("new".into(), (1, 0), &outcome(0));
        let entries = recent.entries.lock().map(|e| e.len()).unwrap_or_default();
        assert_eq!(entries, REMEMBERED);
        assert!(recent.get("s0", (1, 0)).is_some() && recent.get("s1", (1, 0)).is_none());
        // A new version retires every older answer first.
        recent.put("newer".into(), (2, 0), &outcome(0));
        assert!(recent.get("newer", (2, 0)).is_some() && recent.get("new", (1, 0)).is_none());
    }
}
