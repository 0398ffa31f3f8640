//! A set of embeddings kept in memory as bytes, and the nearest of them to a query.
//!
//! Each vector is stored as 384 signed bytes with its own scale (a quarter of the memory of
//! floats, and the scan reads four times fewer bytes); the similarity of two is their integer
//! dot product times both scales, within about 1% of the exact cosine.

use std::collections::HashMap;

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
    /// and how similar the whole set is to it on average.
    pub fn nearest(&self, query: &[f32], limit: usize) -> Nearest {
        let query = Packed::new(query);
        let d = self.dimension;
        // A small sorted list beats a heap for the few tens kept.
        let mut best: Vec<(i64, f32)> = Vec::with_capacity(limit + 1);
        let (mut sum, mut sum_of_squares) = (0f64, 0f64);
        for (slot, vector) in self.values.chunks_exact(d).enumerate() {
            let similarity = dot(&query.values, vector) as f32 * query.scale * self.scales[slot];
            sum += f64::from(similarity);
            sum_of_squares += f64::from(similarity) * f64::from(similarity);
            if best.len() == limit && best.last().is_some_and(|(_, worst)| *worst >= similarity) {
                continue;
            }
            let at = best.partition_point(|(_, s)| *s >= similarity);
            best.insert(at, (self.keys[slot], similarity));
            best.truncate(limit);
        }
        let count = self.keys.len().max(1) as f64;
        let mean = sum / count;
        let deviation = (sum_of_squares / count - mean * mean).max(0.0).sqrt();
        Nearest { best, mean: mean as f32, deviation: deviation as f32 }
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

/// The integer dot product of two byte vectors; with AVX2 where the processor has it.
fn dot(a: &[i8], b: &[i8]) -> i32 {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the processor was just checked to have AVX2.
        #[allow(unsafe_code)]
        return unsafe { dot_avx2(a, b) };
    }
    dot_portable(a, b)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn dot_avx2(a: &[i8], b: &[i8]) -> i32 {
    dot_portable(a, b)
}

/// Written so that the compiler turns it into widening multiply-adds.
#[inline(always)]
fn dot_portable(a: &[i8], b: &[i8]) -> i32 {
    let mut lanes = [0i32; 16];
    for (a, b) in a.chunks_exact(16).zip(b.chunks_exact(16)) {
        for lane in 0..16 {
            lanes[lane] += i32::from(i16::from(a[lane]) * i16::from(b[lane]));
        }
    }
    lanes.iter().sum()
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
}
