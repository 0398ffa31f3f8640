//! Answers given again from memory while this server's index stands as it was: the same search
//! gets the answer it got before — its openings read from the database and its words marked —
//! without searching, reading or marking again (popular searches, pages visited again, the home
//! page's newest openings), and the server remembers the search page it drew for anonymous
//! readers the same way (`server/src/page_cache.rs`). An answer is exactly as fresh as the index
//! it came from: every change to an opening reaches the index through the change log, and each
//! new version of the index retires the answers before it.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::NaiveDate;
use model::Lang;
use model::dto::SearchParams;

/// What an answer depends on besides what was asked: the index's version (see
/// `search::SearchIndex::version`).
pub type Version = (u64, u64);

/// At most `capacity` answers of type `T`, each under its key and the index version it came
/// from; past the capacity, answers of older versions go first, then the one used longest ago.
#[derive(Debug)]
pub struct Recent<T> {
    capacity: usize,
    entries: Mutex<HashMap<String, Entry<T>>>,
    clock: AtomicU64,
}

#[derive(Debug)]
struct Entry<T> {
    version: Version,
    answer: T,
    used: u64,
}

impl<T: Clone> Recent<T> {
    pub fn new(capacity: usize) -> Recent<T> {
        Recent { capacity, entries: Mutex::default(), clock: AtomicU64::default() }
    }

    /// The answer kept under `key` for this `version` of the index, if any.
    pub fn get(&self, key: &str, version: Version) -> Option<T> {
        let mut entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let entry = entries.get_mut(key).filter(|entry| entry.version == version)?;
        entry.used = self.clock.fetch_add(1, Ordering::Relaxed);
        Some(entry.answer.clone())
    }

    pub fn put(&self, key: String, version: Version, answer: T) {
        let used = self.clock.fetch_add(1, Ordering::Relaxed);
        let mut entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if entries.len() >= self.capacity && !entries.contains_key(&key) {
            entries.retain(|_, entry| entry.version == version);
            if entries.len() >= self.capacity
                && let Some(oldest) = entries.iter().min_by_key(|(_, entry)| entry.used).map(|(key, _)| key.clone())
            {
                entries.remove(&oldest);
            }
        }
        entries.insert(key, Entry { version, answer, used });
    }
}

/// A search as a key: everything that makes its answer (the day closes openings).
pub(crate) fn search_key(lang: Lang, params: &SearchParams, today: NaiveDate) -> String {
    let mut key = format!("{}|{today}", lang.code());
    for (name, value) in params.to_pairs() {
        key.push_str(&format!("|{name}={value}"));
    }
    key.push_str(&format!("|{}|{}", params.page, params.per_page));
    key
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_stands_until_the_index_changes() {
        let recent = Recent::new(8);
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
        let params = SearchParams { q: "quantum".into(), ..SearchParams::default() };
        let key = search_key(Lang::En, &params, today);
        recent.put(key.clone(), (1, 0), 3);
        assert_eq!(recent.get(&key, (1, 0)), Some(3));
        // A commit, or new semantic vectors: asked again.
        assert!(recent.get(&key, (2, 0)).is_none());
        assert!(recent.get(&key, (1, 1)).is_none());
        // Another language, day, page or filter is another search.
        let other = SearchParams { q: "quantum".into(), page: 2, ..SearchParams::default() };
        assert_ne!(search_key(Lang::En, &other, today), key);
        assert_ne!(search_key(Lang::Fr, &params, today), key);
        assert_ne!(search_key(Lang::En, &params, today.succ_opt().unwrap_or_default()), key);
    }

    #[test]
    fn it_keeps_a_bounded_number_of_answers_dropping_the_least_used() {
        const CAPACITY: usize = 16;
        let recent = Recent::new(CAPACITY);
        for n in 0..CAPACITY {
            recent.put(format!("s{n}"), (1, 0), n);
        }
        assert!(recent.get("s0", (1, 0)).is_some()); // s0 is now the most recently used
        recent.put("new".into(), (1, 0), 0);
        let entries = recent.entries.lock().map(|e| e.len()).unwrap_or_default();
        assert_eq!(entries, CAPACITY);
        assert!(recent.get("s0", (1, 0)).is_some() && recent.get("s1", (1, 0)).is_none());
        // A new version retires every older answer first.
        recent.put("newer".into(), (2, 0), 0);
        assert!(recent.get("newer", (2, 0)).is_some() && recent.get("new", (1, 0)).is_none());
    }
}
