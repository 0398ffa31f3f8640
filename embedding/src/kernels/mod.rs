//! The encoder's hot path: products of 4-bit weight matrices with activations quantised to
//! 8 bits per block of 32 values, in integer arithmetic, as the model was quantised for.
//!
//! On processors with AVX-512 VNNI or AVX2 (checked at run time: `avx512`, `avx2`) a block's 32
//! products are a few instructions and each block of weights is loaded once for four tokens;
//! elsewhere a portable loop computes the same sums. The nearest-neighbour scan's byte dot
//! products (`dots`) take the same paths, and a query's products may be shared with a second
//! thread (`helper`).

use std::sync::Arc;

use crate::model_file::{BLOCK, Q4_BLOCK_BYTES};

/// A weight matrix (`rows × cols`, applied as `x · Wᵀ`): each block of 32 weights is a scale
/// and 16 bytes of 4-bit integers that stand for -8..=7 (byte `j` holds weight `j` in its low
/// half and weight `j + 16` in its high half). Kept packed: a short query's time goes into
/// reading the weights, and packed they stay in the processor's cache.
pub(crate) struct QMatrix {
    pub rows: usize,
    pub cols: usize,
    scales: Vec<f32>,
    nibbles: Vec<u8>,
}

/// Bytes of a block's packed weights.
pub(super) const PACKED: usize = BLOCK / 2;

impl QMatrix {
    pub fn from_q4(blocks: &[u8], rows: usize, cols: usize) -> QMatrix {
        let count = rows * cols / BLOCK;
        let mut scales = Vec::with_capacity(count);
        let mut nibbles = Vec::with_capacity(count * PACKED);
        for block in blocks.chunks_exact(Q4_BLOCK_BYTES).take(count) {
            scales.push(f16_to_f32(u16::from_le_bytes([block[0], block[1]])));
            nibbles.extend_from_slice(&block[2..]);
        }
        QMatrix { rows, cols, scales, nibbles }
    }

    /// A row's packed weights and block scales.
    pub(super) fn row(&self, row: usize) -> (&[u8], &[f32]) {
        let blocks = self.cols / BLOCK;
        (
            &self.nibbles[row * blocks * PACKED..(row + 1) * blocks * PACKED],
            &self.scales[row * blocks..(row + 1) * blocks],
        )
    }
}

/// One row of `Q4_0` blocks as f32 (the word embeddings stay packed until a word is looked up).
pub(crate) fn dequantise_row(blocks: &[u8], out: &mut [f32]) {
    for (block, out) in blocks.chunks_exact(Q4_BLOCK_BYTES).zip(out.chunks_exact_mut(BLOCK)) {
        let scale = f16_to_f32(u16::from_le_bytes([block[0], block[1]]));
        for (j, &byte) in block[2..].iter().enumerate() {
            out[j] = f32::from(i16::from(byte & 0x0f) - 8) * scale;
            out[j + 16] = f32::from(i16::from(byte >> 4) - 8) * scale;
        }
    }
}

/// Activations (`tokens × cols`) quantised per block of 32: a scale and 32 values in -127..=127.
pub(crate) struct Quantised {
    cols: usize,
    scales: Vec<f32>,
    values: Vec<i8>,
}

impl Quantised {
    pub fn new(x: &[f32], cols: usize) -> Quantised {
        let mut scales = vec![0f32; x.len() / BLOCK];
        let mut values = vec![0i8; x.len()];
        #[cfg(target_arch = "x86_64")]
        if avx512::available() {
            // SAFETY: `available` checked that the processor has the features `quantise` uses.
            #[allow(unsafe_code)]
            unsafe {
                avx512::quantise(x, &mut scales, &mut values)
            };
            return Quantised { cols, scales, values };
        }
        quantise(x, &mut scales, &mut values);
        Quantised { cols, scales, values }
    }

    pub(super) fn tokens(&self) -> usize {
        self.values.len() / self.cols
    }

    pub(super) fn token(&self, token: usize) -> (&[i8], &[f32]) {
        let blocks = self.cols / BLOCK;
        (&self.values[token * self.cols..(token + 1) * self.cols], &self.scales[token * blocks..(token + 1) * blocks])
    }
}

/// Each block of 32 values of `x` scaled so that its largest is ±127 and rounded half to even.
fn quantise(x: &[f32], scales: &mut [f32], values: &mut [i8]) {
    for ((block, out), scale) in x.chunks_exact(BLOCK).zip(values.chunks_exact_mut(BLOCK)).zip(scales) {
        let largest = block.iter().fold(0f32, |m, v| m.max(v.abs()));
        *scale = largest / 127.0;
        let inverse = if *scale > 0.0 { 1.0 / *scale } else { 0.0 };
        for (v, q) in block.iter().zip(out.iter_mut()) {
            *q = round_ties_even(v * inverse).clamp(-127.0, 127.0) as i8;
        }
    }
}

/// `y = x · Wᵀ + bias` (`y`: tokens × w.rows), with `helper`'s thread when there is one.
pub(crate) fn matmul<'w>(w: &'w QMatrix, bias: &[f32], x: &Arc<Quantised>, y: &mut [f32], helper: Option<&Helper<'w>>) {
    let tokens = x.tokens();
    debug_assert_eq!(x.cols, w.cols);
    // Computed row-major by weight row (each row of W read once), then transposed.
    let mut by_row = vec![0f32; w.rows * tokens];
    match helper {
        Some(helper) => helper.product(w, x, &mut by_row),
        None => rows(w, x, 0, &mut by_row),
    }
    for (t, out) in y.chunks_exact_mut(w.rows).enumerate() {
        for (r, (value, b)) in out.iter_mut().zip(bias).enumerate() {
            *value = by_row[r * tokens + t] + b;
        }
    }
}

/// The integer dot product of `query` with each of the vectors (as long as it) laid end to end in
/// `vectors`, into `out`: the nearest-neighbour scan's inner loop.
pub(crate) fn dots(query: &[i8], vectors: &[i8], out: &mut [i32]) {
    #[cfg(target_arch = "x86_64")]
    if avx512::available() && query.len().is_multiple_of(64) {
        // SAFETY: `available` checked that the processor has the features `avx512::dots` uses.
        #[allow(unsafe_code)]
        unsafe {
            avx512::dots(query, vectors, out)
        };
        return;
    }
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") && query.len().is_multiple_of(32) {
        // SAFETY: the processor was just checked to have AVX2.
        #[allow(unsafe_code)]
        unsafe {
            avx2::dots(query, vectors, out)
        };
        return;
    }
    for (vector, out) in vectors.chunks_exact(query.len()).zip(out) {
        *out = query.iter().zip(vector).map(|(&a, &b)| i32::from(a) * i32::from(b)).sum();
    }
}

/// Rows `first..` of `x · Wᵀ` into `out` (row after row, one value per token).
fn rows(w: &QMatrix, x: &Quantised, first: usize, out: &mut [f32]) {
    #[cfg(target_arch = "x86_64")]
    if avx512::available() && (w.cols / BLOCK).is_multiple_of(2) {
        // SAFETY: `available` checked that the processor has the features `avx512::rows` uses.
        #[allow(unsafe_code)]
        unsafe {
            avx512::rows(w, x, first, out)
        };
        return;
    }
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma") {
        // SAFETY: the processor was just checked to have AVX2 and FMA.
        #[allow(unsafe_code)]
        unsafe {
            avx2::rows(w, x, first, out)
        };
        return;
    }
    let tokens = x.tokens();
    for (r, out) in out.chunks_exact_mut(tokens).enumerate() {
        let (weights, weight_scales) = w.row(first + r);
        for (t, value) in out.iter_mut().enumerate() {
            let (values, scales) = x.token(t);
            let mut total = 0f32;
            for ((packed, values), (weight_scale, scale)) in
                weights.chunks_exact(PACKED).zip(values.chunks_exact(BLOCK)).zip(weight_scales.iter().zip(scales))
            {
                let (low, high) = values.split_at(PACKED);
                let dot: i32 = packed
                    .iter()
                    .zip(low.iter().zip(high))
                    .map(|(&byte, (&l, &h))| {
                        (i32::from(byte & 0x0f) - 8) * i32::from(l) + (i32::from(byte >> 4) - 8) * i32::from(h)
                    })
                    .sum();
                total += weight_scale * scale * dot as f32;
            }
            *value = total;
        }
    }
}

mod helper;

pub(crate) use helper::Helper;

#[cfg(target_arch = "x86_64")]
mod avx2;
#[cfg(target_arch = "x86_64")]
mod avx512;

/// Rounds half-way cases to even, as the reference engine (`lrintf`) does; the added constant
/// (2²³ + 2²²) leaves no fraction bits, so the processor's own rounding does it.
fn round_ties_even(x: f32) -> f32 {
    const SHIFT: f32 = 12_582_912.0;
    if x.abs() < 4_194_304.0 { (x + SHIFT) - SHIFT } else { x }
}

/// IEEE half precision to single.
fn f16_to_f32(half: u16) -> f32 {
    let sign = u32::from(half & 0x8000) << 16;
    let exponent = u32::from((half >> 10) & 0x1f);
    let mantissa = u32::from(half & 0x3ff);
    let bits = match (exponent, mantissa) {
        (0, 0) => sign,
        // Subnormal: exactly mantissa · 2⁻²⁴.
        (0, _) => {
            let magnitude = mantissa as f32 / 16_777_216.0;
            return if sign == 0 { magnitude } else { -magnitude };
        }
        (0x1f, _) => sign | 0x7f80_0000 | (mantissa << 13),
        _ => sign | ((exponent + 127 - 15) << 23) | (mantissa << 13),
    };
    f32::from_bits(bits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_precision_values() {
        assert_eq!(f16_to_f32(0x3c00), 1.0);
        assert_eq!(f16_to_f32(0xc000), -2.0);
        assert_eq!(f16_to_f32(0x3555), 0.333_251_95);
        assert_eq!(f16_to_f32(0x0001), 5.960_464_5e-8);
        assert_eq!(f16_to_f32(0x8001), -5.960_464_5e-8);
    }

    #[test]
    fn quantised_product_is_close_to_the_exact_one() {
        // One row of weights 1..=32 scaled by 0.5 (packed as Q4_0), times a ramp of activations.
        let (rows, cols) = (1, 32);
        let mut block = vec![0x00, 0x38]; // f16 0.5
        block.extend((0..16u8).map(|j| (j % 16) | (((j + 3) % 16) << 4)));
        let w = QMatrix::from_q4(&block, rows, cols);
        let x: Vec<f32> = (0..32).map(|i| i as f32 / 10.0 - 1.0).collect();
        let mut exact = 0.0;
        let mut row = vec![0f32; 32];
        dequantise_row(&block, &mut row);
        for (a, b) in row.iter().zip(&x) {
            exact += a * b;
        }
        let mut y = vec![0f32; 1];
        matmul(&w, &[0.25], &Arc::new(Quantised::new(&x, cols)), &mut y, None);
        // 8-bit activations: within 1% of the exact product.
        assert!((y[0] - (exact + 0.25)).abs() < 0.01 * exact.abs(), "{} against {}", y[0], exact + 0.25);
    }

    #[test]
    fn activations_are_quantised_alike_with_or_without_avx512() {
        #[cfg(target_arch = "x86_64")]
        if avx512::available() {
            // A block of zeros, and a block whose scale is 2 with halves to round (0.5, 1.5, -2.5).
            let mut x: Vec<f32> = (0..96).map(|i| ((i * 37) % 61) as f32 / 7.0 - 4.0).collect();
            x[32..64].fill(0.0);
            x[64..68].copy_from_slice(&[254.0, 1.0, 3.0, -5.0]);
            let (mut scales, mut values) = (vec![0f32; 3], vec![0i8; 96]);
            quantise(&x, &mut scales, &mut values);
            let (mut wide_scales, mut wide_values) = (vec![0f32; 3], vec![0i8; 96]);
            // SAFETY: the processor was just checked to have what `quantise` uses.
            #[allow(unsafe_code)]
            unsafe {
                avx512::quantise(&x, &mut wide_scales, &mut wide_values)
            };
            assert_eq!(&values[64..68], &[127, 0, 2, -2]);
            assert_eq!((scales, values), (wide_scales, wide_values));
        }
    }

    #[test]
    fn dot_products_of_byte_vectors_are_exact() {
        let d = 384;
        let query: Vec<i8> = (0..d).map(|i| ((i * 53 % 255) as i32 - 127) as i8).collect();
        let mut vectors: Vec<i8> = (0..d * 5).map(|i| ((i * 97 % 255) as i32 - 127) as i8).collect();
        vectors[d..2 * d].fill(127);
        vectors[2 * d..3 * d].copy_from_slice(&query.iter().map(|&q| -q).collect::<Vec<i8>>());
        let mut out = vec![0i32; 5];
        dots(&query, &vectors, &mut out);
        let expected: Vec<i32> = vectors
            .chunks_exact(d)
            .map(|v| query.iter().zip(v).map(|(&a, &b)| i32::from(a) * i32::from(b)).sum())
            .collect();
        assert_eq!(out, expected);
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // The AVX2 path too, where the processor would take the AVX-512 one.
            // SAFETY: the processor was just checked to have AVX2.
            #[allow(unsafe_code)]
            unsafe {
                avx2::dots(&query, &vectors, &mut out)
            };
            assert_eq!(out, expected);
        }
        assert_eq!(out[2], -query.iter().map(|&q| i32::from(q) * i32::from(q)).sum::<i32>());
    }
}
