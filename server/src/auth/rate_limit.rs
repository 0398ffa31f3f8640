//! Attempts per key in a sliding window, in memory: sign-in, sign-up and reset requests by
//! address and by client. One server process holds the counts; a restart forgets them, which
//! is acceptable for slowing down guessing.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Default)]
pub struct RateLimiter {
    attempts: Mutex<HashMap<String, VecDeque<Instant>>>,
}

/// How many attempts a kind of request allows, and over how long.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub attempts: usize,
    pub per: Duration,
}

/// Past this many keys, keys with no attempt in the last hour are dropped.
const MAX_KEYS: usize = 10_000;

impl RateLimiter {
    /// Counts an attempt under `key`; `false` when the limit is reached (the attempt is then
    /// not counted, so that waiting always helps).
    pub fn allow(&self, key: &str, limit: Limit) -> bool {
        self.allow_at(key, limit, Instant::now())
    }

    fn allow_at(&self, key: &str, limit: Limit, now: Instant) -> bool {
        let mut attempts = self.attempts.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if attempts.len() > MAX_KEYS {
            let hour = Duration::from_secs(3600);
            attempts.retain(|_, times| times.back().is_some_and(|last| now.duration_since(*last) < hour));
        }
        let times = attempts.entry(key.to_string()).or_default();
        while times.front().is_some_and(|first| now.duration_since(*first) >= limit.per) {
            times.pop_front();
        }
        if times.len() >= limit.attempts {
            return false;
        }
        times.push_back(now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attempts_past_the_limit_wait_for_the_window() {
        let limiter = RateLimiter::default();
        let limit = Limit { attempts: 3, per: Duration::from_secs(60) };
        let start = Instant::now();
        for _ in 0..3 {
            assert!(limiter.allow_at("login:kim", limit, start));
        }
        assert!(!limiter.allow_at("login:kim", limit, start + Duration::from_secs(30)));
        assert!(limiter.allow_at("login:lee", limit, start), "other keys are counted apart");
        assert!(limiter.allow_at("login:kim", limit, start + Duration::from_secs(61)));
    }
}
