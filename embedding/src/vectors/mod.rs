//! A set of embeddings kept in memory as bytes, and the nearest of them to a query.
//!
//! Each vector is stored as 384 signed bytes with its own scale (a quarter of the memory of
//! floats, and the scan reads four times fewer bytes); the similarity of two is their integer
//! dot product times both scales, within about 1% of the exact cosine.
//!
//! A large set is searched in two passes: on which side of the set's mean each value of a
//! vector lies, kept apart as bits (48 bytes a vector instead of 384), picks the 4% of vectors
//! that agree most with the query, and those are compared exactly; the set's mean and deviation
//! are estimated from a fixed sample. A scan's time goes into reading the bytes. The mean
//! matters: the model's vectors share a large common part, and by their own signs the first
//! pass kept a fifth of the exact nearest 40 (vocabulary names, see the bench), by their sides
//! of the mean nine tenths.
//!
//! Vectors may be put in groups ([`GROUPS`]; for the search, openings written in Korean script
//! and the others) whose similarities to a query are standardised apart: the model places
//! texts in the query's own language nearer it as a whole, so that a Korean query's nearest
//! Korean opening stands out from the set without being about the query, and a French query's
//! Korean neighbours stand out less than they should. Each group's similarities are put on the
//! whole set's scale (its mean and deviation) before the nearest are taken; a small group's own
//! mean and deviation are drawn toward the whole set's ([`PRIOR`]), since a few vectors
//! estimate them badly.

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
#[derive(Debug)]
pub struct VectorSet {
    dimension: usize,
    keys: Vec<i64>,
    scales: Vec<f32>,
    values: Vec<i8>,
    /// Each vector's sides of `center`, a bit a value (set where it is above), `words` a
    /// vector.
    sides: Vec<u64>,
    /// The sum of the vectors, and the mean `sides` was last computed from, with the vectors
    /// added or removed since (when they are a quarter of the set, the mean is taken again).
    sum: Vec<f64>,
    center: Vec<f32>,
    changes: usize,
    slots: HashMap<i64, usize>,
    /// Each vector's group (`0..GROUPS`).
    groups: Vec<u8>,
}

/// How many groups vectors can be put in ([`VectorSet::set_group`]).
pub const GROUPS: usize = 2;
/// How many of the whole set's similarities a group's mean and deviation count as, besides its
/// own (chosen on the tuning sets: docs/SEARCH.md, "Similarities by script").
const PRIOR: f64 = 30.0;

/// Sets up to this size are scanned in one exact pass.
const EXACT_UP_TO: usize = 20_000;
/// The share of a larger set compared exactly (1 in 25), and at least how many.
const CANDIDATES_PER: usize = 25;
const CANDIDATES_AT_LEAST: usize = 1_000;
/// The vectors of a larger set compared exactly to estimate how similar it is to the query.
const SAMPLED: usize = 4_096;
/// Sign codes compared by one task (a larger set's are shared among threads).
const CODES_PER_TASK: usize = 32_768;

/// On which side of `center` each of a vector's values lies, as bits (set where above).
fn sides<'a>(values: &'a [i8], scale: f32, center: &'a [f32]) -> impl Iterator<Item = u64> + 'a {
    values.chunks(64).zip(center.chunks(64)).map(move |(values, center)| {
        values
            .iter()
            .zip(center)
            .enumerate()
            .fold(0u64, |bits, (i, (&v, &c))| bits | (u64::from(f32::from(v) * scale > c) << i))
    })
}

impl VectorSet {
    pub fn new(dimension: usize) -> VectorSet {
        VectorSet {
            dimension,
            keys: Vec::new(),
            scales: Vec::new(),
            values: Vec::new(),
            sides: Vec::new(),
            sum: vec![0.0; dimension],
            center: vec![0.0; dimension],
            changes: 0,
            slots: HashMap::new(),
            groups: Vec::new(),
        }
    }

    /// Words of a vector's sign code.
    fn words(&self) -> usize {
        self.dimension.div_ceil(64)
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

    /// Puts `key`'s vector in `group` (below [`GROUPS`]); a vector is in group 0 until then.
    pub fn set_group(&mut self, key: i64, group: u8) {
        assert!(usize::from(group) < GROUPS, "group {group}");
        if let Some(&slot) = self.slots.get(&key) {
            self.groups[slot] = group;
        }
    }

    /// Adds or replaces `key`'s vector (a vector replaced stays in its group).
    pub fn insert(&mut self, key: i64, vector: &Packed) {
        debug_assert_eq!(vector.values.len(), self.dimension);
        let (d, words) = (self.dimension, self.words());
        for (sum, &value) in self.sum.iter_mut().zip(&vector.values) {
            *sum += f64::from(value) * f64::from(vector.scale);
        }
        match self.slots.get(&key) {
            Some(&slot) => {
                self.remove_from_sum(slot);
                self.scales[slot] = vector.scale;
                self.values[slot * d..(slot + 1) * d].copy_from_slice(&vector.values);
                for (word, side) in self.sides[slot * words..(slot + 1) * words].iter_mut().zip(sides(
                    &vector.values,
                    vector.scale,
                    &self.center,
                )) {
                    *word = side;
                }
            }
            None => {
                self.slots.insert(key, self.keys.len());
                self.keys.push(key);
                self.groups.push(0);
                self.scales.push(vector.scale);
                self.values.extend_from_slice(&vector.values);
                self.sides.extend(sides(&vector.values, vector.scale, &self.center));
            }
        }
        self.changed();
    }

    pub fn remove(&mut self, key: i64) {
        let Some(slot) = self.slots.remove(&key) else { return };
        let (d, words) = (self.dimension, self.words());
        self.remove_from_sum(slot);
        let last = self.keys.len() - 1;
        if slot != last {
            let moved = self.keys[last];
            self.keys[slot] = moved;
            self.scales[slot] = self.scales[last];
            self.groups[slot] = self.groups[last];
            self.values.copy_within(last * d..(last + 1) * d, slot * d);
            self.sides.copy_within(last * words..(last + 1) * words, slot * words);
            self.slots.insert(moved, slot);
        }
        self.keys.pop();
        self.groups.pop();
        self.scales.pop();
        self.values.truncate(last * d);
        self.sides.truncate(last * words);
        self.changed();
    }

    fn remove_from_sum(&mut self, slot: usize) {
        let d = self.dimension;
        for (sum, &value) in self.sum.iter_mut().zip(&self.values[slot * d..(slot + 1) * d]) {
            *sum -= f64::from(value) * f64::from(self.scales[slot]);
        }
    }

    /// Counts a change; once they are a quarter of the set, takes its mean again and each
    /// vector's sides of it (a few tens of milliseconds for 100,000 vectors).
    fn changed(&mut self) {
        self.changes += 1;
        if self.changes * 4 <= self.keys.len() {
            return;
        }
        let count = self.keys.len().max(1) as f64;
        self.center = self.sum.iter().map(|sum| (sum / count) as f32).collect();
        let d = self.dimension;
        let mut recomputed = Vec::with_capacity(self.sides.len());
        for (values, &scale) in self.values.chunks_exact(d).zip(&self.scales) {
            recomputed.extend(sides(values, scale, &self.center));
        }
        self.sides = recomputed;
        self.changes = 0;
    }

    /// Every key with its vector.
    pub fn iter(&self) -> impl Iterator<Item = (i64, Packed)> + '_ {
        self.keys.iter().enumerate().map(|(slot, &key)| {
            let d = self.dimension;
            (key, Packed { scale: self.scales[slot], values: self.values[slot * d..(slot + 1) * d].to_vec() })
        })
    }

    /// The `limit` keys most similar to `query` (a unit vector), best first, with their cosine,
    /// and how similar the whole set is to it on average. A set of more than 20,000 vectors
    /// is searched in two passes (see the module's comment).
    pub fn nearest(&self, query: &[f32], limit: usize) -> Nearest {
        if self.keys.len() <= EXACT_UP_TO {
            self.nearest_exhaustive(query, limit)
        } else {
            let candidates = (self.keys.len() / CANDIDATES_PER).max(CANDIDATES_AT_LEAST);
            self.nearest_in_two_passes(query, limit, candidates)
        }
    }

    /// [`VectorSet::nearest`] in two passes, the first keeping `candidates` vectors (public
    /// to measure what the first pass loses).
    pub fn nearest_in_two_passes(&self, query: &[f32], limit: usize, candidates: usize) -> Nearest {
        let query = Packed::new(query);
        let candidates = self.agreeing_most(&query, candidates.max(limit));
        let mut best = Scanned::default();
        for (&slot, similarity) in candidates.iter().zip(self.similarities(&query, &candidates)) {
            best.keep(self.keys[slot], self.groups[slot], similarity, limit);
        }
        let n = self.keys.len();
        let sampled: Vec<usize> = (0..SAMPLED.min(n)).map(|i| i * n / SAMPLED.min(n)).collect();
        for (&slot, similarity) in sampled.iter().zip(self.similarities(&query, &sampled)) {
            best.count(self.groups[slot], similarity);
        }
        best.into_nearest(limit)
    }

    /// [`VectorSet::nearest`] by comparing the query with every vector, a large set in parts on
    /// rayon's threads (a searcher waits for it).
    pub fn nearest_exhaustive(&self, query: &[f32], limit: usize) -> Nearest {
        let query = &Packed::new(query);
        let d = self.dimension;
        let part = |(index, values): (usize, &[i8])| self.scan(query, index * SLOTS_PER_TASK, values, limit);
        let scanned = if self.keys.len() > SLOTS_PER_TASK {
            self.values
                .par_chunks(SLOTS_PER_TASK * d)
                .enumerate()
                .map(part)
                .reduce(Scanned::default, |earlier, later| earlier.merge(later, limit))
        } else {
            part((0, &self.values))
        };
        scanned.into_nearest(limit)
    }

    /// The slots of the `count` vectors whose sides of the mean differ from the query's in
    /// fewest places (earlier slots first among equals), in slot order.
    fn agreeing_most(&self, query: &Packed, count: usize) -> Vec<usize> {
        let code: Vec<u64> = sides(&query.values, query.scale, &self.center).collect();
        let words = self.words();
        let mut differences = vec![0u16; self.keys.len()];
        self.sides
            .par_chunks(CODES_PER_TASK * words)
            .zip(differences.par_chunks_mut(CODES_PER_TASK))
            .for_each(|(codes, out)| kernels::differing_bits(&code, codes, out));
        let mut histogram = vec![0usize; self.dimension + 1];
        for &difference in &differences {
            histogram[usize::from(difference)] += 1;
        }
        // The largest difference kept, and how many are kept at it.
        let (mut cutoff, mut below) = (0, 0);
        while cutoff < self.dimension && below + histogram[cutoff] < count {
            below += histogram[cutoff];
            cutoff += 1;
        }
        let mut at_cutoff = count.saturating_sub(below);
        let mut kept = Vec::with_capacity(count);
        for (slot, &difference) in differences.iter().enumerate() {
            let difference = usize::from(difference);
            if difference < cutoff || (difference == cutoff && at_cutoff > 0) {
                at_cutoff -= usize::from(difference == cutoff);
                kept.push(slot);
            }
        }
        kept
    }

    /// The cosine of the query with the vectors in `slots`.
    fn similarities(&self, query: &Packed, slots: &[usize]) -> Vec<f32> {
        let d = self.dimension;
        let mut dots = vec![0i32; slots.len()];
        // Read where they are: gathering them first copied 3 MB a search at 100,000 vectors.
        kernels::dots(&query.values, slots.iter().map(|&slot| &self.values[slot * d..(slot + 1) * d]), &mut dots);
        slots.iter().zip(dots).map(|(&slot, dot)| dot as f32 * query.scale * self.scales[slot]).collect()
    }

    /// The vectors in `values`, the first of which is in slot `first`.
    fn scan(&self, query: &Packed, first: usize, values: &[i8], limit: usize) -> Scanned {
        let mut dots = vec![0i32; values.len() / self.dimension];
        kernels::dots(&query.values, values.chunks_exact(self.dimension), &mut dots);
        let mut scanned = Scanned::default();
        for (slot, dot) in dots.into_iter().enumerate().map(|(i, dot)| (first + i, dot)) {
            let similarity = dot as f32 * query.scale * self.scales[slot];
            let group = self.groups[slot];
            scanned.count(group, similarity);
            scanned.keep(self.keys[slot], group, similarity, limit);
        }
        scanned
    }
}

/// Vectors scanned by one task when a set is shared among threads.
const SLOTS_PER_TASK: usize = 8192;

/// What a scan of part of a set found, group by group.
#[derive(Default)]
struct Scanned {
    /// A small sorted list a group (it beats a heap for the few tens kept), best first.
    best: [Vec<(i64, f32)>; GROUPS],
    /// Each group's similarities counted (all, or a sample).
    counted: [Moments; GROUPS],
}

/// How many similarities were counted, their sum and the sum of their squares.
#[derive(Default, Clone, Copy)]
struct Moments {
    count: usize,
    sum: f64,
    squares: f64,
}

impl Moments {
    fn add(&mut self, other: Moments) {
        self.count += other.count;
        self.sum += other.sum;
        self.squares += other.squares;
    }

    /// How many, their mean and their variance.
    fn statistics(self) -> (f64, f64, f64) {
        let n = self.count.max(1) as f64;
        let mean = self.sum / n;
        (self.count as f64, mean, (self.squares / n - mean * mean).max(0.0))
    }
}

impl Scanned {
    /// Keeps `key` if it is among the `limit` best of its group so far; after those as good
    /// (earlier slots win ties, whether the set was scanned whole or in parts).
    fn keep(&mut self, key: i64, group: u8, similarity: f32, limit: usize) {
        let best = &mut self.best[usize::from(group)];
        if best.len() == limit && best.last().is_some_and(|(_, worst)| *worst >= similarity) {
            return;
        }
        let at = best.partition_point(|(_, s)| *s >= similarity);
        best.insert(at, (key, similarity));
        best.truncate(limit);
    }

    /// Counts a similarity in its group's mean and deviation.
    fn count(&mut self, group: u8, similarity: f32) {
        let similarity = f64::from(similarity);
        self.counted[usize::from(group)].add(Moments { count: 1, sum: similarity, squares: similarity * similarity });
    }

    /// The `limit` best of all groups, each group's similarities standardised on the whole
    /// set's mean and deviation (see the module's comment), with those.
    fn into_nearest(self, limit: usize) -> Nearest {
        let mut whole = Moments::default();
        for counted in self.counted {
            whole.add(counted);
        }
        let (_, mean, variance) = whole.statistics();
        let deviation = variance.sqrt();
        let groups_found = self.counted.iter().filter(|counted| counted.count > 0).count();
        let mut best: Vec<(i64, f32)> = Vec::with_capacity(GROUPS * limit);
        for (found, counted) in self.best.into_iter().zip(self.counted) {
            if groups_found < 2 || deviation == 0.0 {
                best.extend(found);
                continue;
            }
            // The group's mean and variance, drawn toward the whole set's by `PRIOR`.
            let (n, own_mean, own_variance) = counted.statistics();
            let group_mean = (n * own_mean + PRIOR * mean) / (n + PRIOR);
            let group_deviation = ((n * own_variance + PRIOR * variance) / (n + PRIOR)).sqrt().max(f64::EPSILON);
            best.extend(found.into_iter().map(|(key, similarity)| {
                let standardised = (f64::from(similarity) - group_mean) / group_deviation;
                (key, (mean + deviation * standardised) as f32)
            }));
        }
        // Stable: within a group, the order of the scan.
        best.sort_by(|a, b| b.1.total_cmp(&a.1));
        best.truncate(limit);
        Nearest { best, mean: mean as f32, deviation: deviation as f32 }
    }

    /// This part's findings with those of the part after it.
    fn merge(mut self, later: Scanned, limit: usize) -> Scanned {
        for (group, found) in later.best.into_iter().enumerate() {
            for (key, similarity) in found {
                self.keep(key, group as u8, similarity, limit);
            }
        }
        for (counted, later) in self.counted.iter_mut().zip(later.counted) {
            counted.add(later);
        }
        self
    }
}

/// The result of [`VectorSet::nearest`].
#[derive(Debug, Clone, Default)]
pub struct Nearest {
    /// Keys with their cosine similarity, best first (in a set of several groups, each
    /// group's standardised on the whole set's mean and deviation).
    pub best: Vec<(i64, f32)>,
    /// The similarity of the whole set to the query: its mean and standard deviation. What
    /// stands out from it is about the query; what does not is only near everything.
    pub mean: f32,
    pub deviation: f32,
}

#[cfg(test)]
mod tests;
