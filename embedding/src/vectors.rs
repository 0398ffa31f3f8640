//! A set of embeddings kept in memory as bytes, and the nearest of them to a query.
//!
//! Each vector is stored as 384 signed bytes with its own scale (a quarter of the memory of
//! floats, and the scan reads four times fewer bytes); the similarity of two is their integer
//! dot product times both scales, within about 1% of the exact cosine.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::kernels;

/// One stored vector, as bytes and a scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Packed {
    pub scale: f32,
    pub values: Vec<i8>,
}

impl Packed {
    pub fn new(vector: &[f32]) -> Packed {
        let largest = vector.iter().fold(0f32, |m, v| m.max(v.abs()));
        let scale = if largest > 0.0 { largest / 127.0 } else { 1.0 };
        let values = vector.iter().map(|v| (v / scale).round().clamp(-127.0, 127.0) as i8).collect();
        Packed { scale, values }
    }
}

/// Vectors by key (an opening's id), in one contiguous block for scanning.
#[derive(Debug, Default)]
pub struct VectorSet {
    dimension: usize,
    keys: Vec<i64>,
    scales: Vec<f32>,
    values: Vec<i8>,
    slots: HashMap<i64, usize>,
}

impl VectorSet {
    pub fn new(dimension: usize) -> VectorSet {
        VectorSet { dimension, ..VectorSet::default() }
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    pub fn contains(&self, key: i64) -> bool {
        self.slots.contains_key(&key)
    }

    /// Adds or replaces `key`'s vector.
    pub fn insert(&mut self, key: i64, vector: &Packed) {
        debug_assert_eq!(vector.values.len(), self.dimension);
        let d = self.dimension;
        match self.slots.get(&key) {
            Some(&slot) => {
                self.scales[slot] = vector.scale;
                self.values[slot * d..(slot + 1) * d].copy_from_slice(&vector.values);
            }
            None => {
                self.slots.insert(key, self.keys.len());
                self.keys.push(key);
                self.scales.push(vector.scale);
                self.values.extend_from_slice(&vector.values);
            }
        }
    }

    pub fn remove(&mut self, key: i64) {
        let Some(slot) = self.slots.remove(&key) else { return };
        let d = self.dimension;
        let last = self.keys.len() - 1;
        if slot != last {
            let moved = self.keys[last];
            self.keys[slot] = moved;
            self.scales[slot] = self.scales[last];
            self.values.copy_within(last * d..(last + 1) * d, slot * d);
            self.slots.insert(moved, slot);
        }
        self.keys.pop();
        self.scales.pop();
        self.values.truncate(last * d);
    }

    /// Every key with its vector.
    pub fn iter(&self) -> impl Iterator<Item = (i64, Packed)> + '_ {
        self.keys.iter().enumerate().map(|(slot, &key)| {
            let d = self.dimension;
            (key, Packed { scale: self.scales[slot], values: self.values[slot * d..(slot + 1) * d].to_vec() })
        })
    }

    /// The `limit` keys most similar to `query` (a unit vector), best first, with their cosine,
    /// and how similar the whole set is to it on average. A large set is scanned in parts on
    /// rayon's threads (a searcher waits for it).
    pub fn nearest(&self, query: &[f32], limit: usize) -> Nearest {
        let query = Packed::new(query);
        let d = self.dimension;
        let part = |(index, values): (usize, &[i8])| self.scan(&query, index * SLOTS_PER_TASK, values, limit);
        let scanned = if self.keys.len() > SLOTS_PER_TASK {
            self.values
                .par_chunks(SLOTS_PER_TASK * d)
                .enumerate()
                .map(part)
                .reduce(Scanned::default, |earlier, later| earlier.merge(later, limit))
        } else {
            part((0, &self.values))
        };
        let count = self.keys.len().max(1) as f64;
        let mean = scanned.sum / count;
        let deviation = (scanned.sum_of_squares / count - mean * mean).max(0.0).sqrt();
        Nearest { best: scanned.best, mean: mean as f32, deviation: deviation as f32 }
    }

    /// The vectors in `values`, the first of which is in slot `first`.
    fn scan(&self, query: &Packed, first: usize, values: &[i8], limit: usize) -> Scanned {
        let mut dots = vec![0i32; values.len() / self.dimension];
        kernels::dots(&query.values, values, &mut dots);
        let mut scanned = Scanned { best: Vec::with_capacity(limit + 1), ..Scanned::default() };
        for (slot, dot) in dots.into_iter().enumerate().map(|(i, dot)| (first + i, dot)) {
            let similarity = dot as f32 * query.scale * self.scales[slot];
            scanned.sum += f64::from(similarity);
            scanned.sum_of_squares += f64::from(similarity) * f64::from(similarity);
            scanned.keep(self.keys[slot], similarity, limit);
        }
        scanned
    }
}

/// Vectors scanned by one task when a set is shared among threads.
const SLOTS_PER_TASK: usize = 8192;

/// What a scan of part of a set found.
#[derive(Default)]
struct Scanned {
    /// A small sorted list (it beats a heap for the few tens kept), best first.
    best: Vec<(i64, f32)>,
    sum: f64,
    sum_of_squares: f64,
}

impl Scanned {
    /// Keeps `key` if it is among the `limit` best so far; after those as good (earlier slots
    /// win ties, whether the set was scanned whole or in parts).
    fn keep(&mut self, key: i64, similarity: f32, limit: usize) {
        if self.best.len() == limit && self.best.last().is_some_and(|(_, worst)| *worst >= similarity) {
            return;
        }
        let at = self.best.partition_point(|(_, s)| *s >= similarity);
        self.best.insert(at, (key, similarity));
        self.best.truncate(limit);
    }

    /// This part's findings with those of the part after it.
    fn merge(mut self, later: Scanned, limit: usize) -> Scanned {
        for (key, similarity) in later.best {
            self.keep(key, similarity, limit);
        }
        self.sum += later.sum;
        self.sum_of_squares += later.sum_of_squares;
        self
    }
}

/// The result of [`VectorSet::nearest`].
#[derive(Debug, Clone, Default)]
pub struct Nearest {
    /// Keys with their cosine similarity, best first.
    pub best: Vec<(i64, f32)>,
    /// The similarity of the whole set to the query: its mean and standard deviation. What
    /// stands out from it is about the query; what does not is only near everything.
    pub mean: f32,
    pub deviation: f32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(values: &[f32]) -> Vec<f32> {
        let length = values.iter().map(|v| v * v).sum::<f32>().sqrt();
        values.iter().map(|v| v / length).collect()
    }

    #[test]
    fn nearest_ranks_by_cosine_and_follows_changes() {
        let d = 16;
        let vector = |angle: f32| {
            let mut v = vec![0.0; d];
            v[0] = angle.cos();
            v[1] = angle.sin();
            unit(&v)
        };
        let mut set = VectorSet::new(d);
        for (key, angle) in [(1, 0.0), (2, 0.5), (3, 1.0), (4, 1.5)] {
            set.insert(key, &Packed::new(&vector(angle)));
        }
        let found = set.nearest(&vector(0.9), 2).best;
        assert_eq!(found.iter().map(|(k, _)| *k).collect::<Vec<_>>(), vec![3, 2]);
        assert!((found[0].1 - 0.1f32.cos()).abs() < 0.02, "{found:?}");
        set.remove(3);
        set.insert(2, &Packed::new(&vector(1.6)));
        let found = set.nearest(&vector(0.9), 4);
        assert_eq!(found.best.iter().map(|(k, _)| *k).collect::<Vec<_>>(), vec![4, 2, 1]);
        let mean = found.best.iter().map(|(_, s)| s).sum::<f32>() / 3.0;
        assert!((found.mean - mean).abs() < 1e-4, "{found:?}");
        assert_eq!(set.len(), 3);
        assert!(!set.contains(3));
    }

    #[test]
    fn a_large_set_scanned_in_parts_finds_what_one_scan_finds() {
        let d = 32;
        let mut state = 7u64;
        let mut random = || {
            let v: Vec<f32> = (0..d)
                .map(|_| {
                    state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                    (state >> 40) as f32 / (1u64 << 24) as f32 - 0.5
                })
                .collect();
            unit(&v)
        };
        let mut set = VectorSet::new(d);
        for key in 0..(SLOTS_PER_TASK as i64 * 3 + 17) {
            set.insert(key, &Packed::new(&random()));
        }
        for _ in 0..5 {
            let query = random();
            let parts = set.nearest(&query, 40);
            let whole = set.scan(&Packed::new(&query), 0, &set.values, 40);
            assert_eq!(parts.best, whole.best);
            let mean = whole.sum / set.len() as f64;
            assert!((f64::from(parts.mean) - mean).abs() < 1e-6);
        }
    }
}
