//! The encoder's hot path: products of 4-bit weight matrices with activations quantised to
//! 8 bits per block of 32 values, in integer arithmetic, as the model was quantised for.
//!
//! On processors with AMX (checked at run time, and granted by Linux: `amx`) a tile instruction
//! multiplies a block of 16 tokens by 16 weight rows; with AVX-512 VNNI or AVX2 (`avx512`,
//! `avx2`) a block's 32 products are a few instructions and each block of weights is loaded once
//! for four tokens; elsewhere a portable loop computes the same sums. The nearest-neighbour scan's byte dot
//! products (`dots`) take the same paths, and a query's products may be shared with a second
//! thread (`helper`).

use std::ops::Range;
use std::sync::{Arc, OnceLock};

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
    /// The same weights as AMX's tiles load them, where the processor has AMX.
    #[cfg(target_arch = "x86_64")]
    tiles: Option<amx::Tiles>,
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
        #[cfg(target_arch = "x86_64")]
        let tiles = amx::Tiles::new(rows, cols, &scales, &nibbles);
        QMatrix {
            rows,
            cols,
            scales,
            nibbles,
            #[cfg(target_arch = "x86_64")]
            tiles,
        }
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
/// Where AMX is used, followed by zeros up to a multiple of 16 tokens (its tiles' height).
pub(crate) struct Quantised {
    cols: usize,
    tokens: usize,
    scales: Vec<f32>,
    values: Vec<i8>,
    /// Each block's scale × 8 × the sum of its values, what a product gains when weights are
    /// read as 0..=15 rather than -8..=7 (less the weight's scale): computed when the AVX2
    /// kernel first needs them (`avx2`), once for the threads sharing the product; the other
    /// kernels never do.
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code))]
    offsets: OnceLock<Vec<f32>>,
}

impl Quantised {
    pub fn new(x: &[f32], cols: usize) -> Quantised {
        let tokens = x.len() / cols;
        #[cfg(target_arch = "x86_64")]
        let padded = if amx::available() { tokens.next_multiple_of(amx::TILE) } else { tokens };
        #[cfg(not(target_arch = "x86_64"))]
        let padded = tokens;
        let mut scales = vec![0f32; padded * cols / BLOCK];
        let mut values = vec![0i8; padded * cols];
        let (filled_scales, filled_values) = (&mut scales[..x.len() / BLOCK], &mut values[..x.len()]);
        let offsets = OnceLock::new();
        #[cfg(target_arch = "x86_64")]
        if avx512::available() {
            // SAFETY: `available` checked that the processor has the features `quantise` uses.
            #[allow(unsafe_code)]
            unsafe {
                avx512::quantise(x, filled_scales, filled_values)
            };
            return Quantised { cols, tokens, scales, values, offsets };
        }
        quantise(x, filled_scales, filled_values);
        Quantised { cols, tokens, scales, values, offsets }
    }

    pub(super) fn tokens(&self) -> usize {
        self.tokens
    }

    pub(super) fn token(&self, token: usize) -> (&[i8], &[f32]) {
        let blocks = self.cols / BLOCK;
        (&self.values[token * self.cols..(token + 1) * self.cols], &self.scales[token * blocks..(token + 1) * blocks])
    }

    /// A token's `offsets`.
    #[cfg(target_arch = "x86_64")]
    pub(super) fn offsets(&self, token: usize) -> &[f32] {
        let blocks = self.cols / BLOCK;
        let offsets = self.offsets.get_or_init(|| avx2::offsets(&self.scales, &self.values));
        &offsets[token * blocks..(token + 1) * blocks]
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
    debug_assert_eq!(x.cols, w.cols);
    match helper {
        Some(helper) => helper.product(w, x, y),
        None => columns(w, x, 0..w.rows, y, w.rows),
    }
    for token in y.chunks_exact_mut(w.rows) {
        for (value, b) in token.iter_mut().zip(bias) {
            *value += b;
        }
    }
}

/// The integer dot product of `query` with each of `rows` (each as long as it), into `out`: the
/// nearest-neighbour scan's inner loop.
pub(crate) fn dots<'a>(query: &[i8], rows: impl Iterator<Item = &'a [i8]>, out: &mut [i32]) {
    #[cfg(target_arch = "x86_64")]
    if avx512::available() && query.len().is_multiple_of(64) {
        // SAFETY: `available` checked that the processor has the features `avx512::dots` uses.
        #[allow(unsafe_code)]
        unsafe {
            avx512::dots(query, rows, out)
        };
        return;
    }
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") && query.len().is_multiple_of(32) {
        // SAFETY: the processor was just checked to have AVX2.
        #[allow(unsafe_code)]
        unsafe {
            avx2::dots(query, rows, out)
        };
        return;
    }
    for (vector, out) in rows.zip(out) {
        *out = query.iter().zip(vector).map(|(&a, &b)| i32::from(a) * i32::from(b)).sum();
    }
}

/// The number of bits in which `query` differs from each of the codes (as long as it) laid end
/// to end in `codes`, into `out`: the first pass of a large set's nearest-neighbour search.
pub(crate) fn differing_bits(query: &[u64], codes: &[u64], out: &mut [u16]) {
    /// `WORDS`: the query's length when known as the code is built (0: not known), which
    /// unrolls the loop; the model's 384 values make 6 words.
    #[inline(always)]
    fn count_of<const WORDS: usize>(query: &[u64], codes: &[u64], out: &mut [u16]) {
        let words = if WORDS == 0 { query.len() } else { WORDS };
        for (code, out) in codes.chunks_exact(words).zip(out) {
            *out = query[..words].iter().zip(code).map(|(a, b)| (a ^ b).count_ones() as u16).sum();
        }
    }
    #[inline(always)]
    fn count(query: &[u64], codes: &[u64], out: &mut [u16]) {
        if query.len() == 6 { count_of::<6>(query, codes, out) } else { count_of::<0>(query, codes, out) }
    }
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("popcnt") {
        // Built with the processor's bit count (the baseline's is a dozen instructions).
        #[target_feature(enable = "popcnt")]
        fn with_popcnt(query: &[u64], codes: &[u64], out: &mut [u16]) {
            count(query, codes, out);
        }
        // SAFETY: the processor was just checked to have `popcnt`.
        #[allow(unsafe_code)]
        unsafe {
            with_popcnt(query, codes, out)
        };
        return;
    }
    count(query, codes, out);
}

/// Columns `span` of `x · Wᵀ` (those of weight rows `span`) into `out`, token after token:
/// token `t`'s at `out[t * stride..][..span.len()]`.
fn columns(w: &QMatrix, x: &Quantised, span: Range<usize>, out: &mut [f32], stride: usize) {
    #[cfg(target_arch = "x86_64")]
    if let Some(tiles) = &w.tiles
        && amx::available()
        && span.start.is_multiple_of(amx::TILE)
        && span.len().is_multiple_of(amx::TILE)
    {
        // SAFETY: `available` checked that the processor has AMX and AVX-512 and that this
        // process may use the tiles.
        #[allow(unsafe_code)]
        unsafe {
            amx::columns(tiles, x, span, out, stride)
        };
        return;
    }
    #[cfg(target_arch = "x86_64")]
    if avx512::available() && (w.cols / BLOCK).is_multiple_of(2) {
        // SAFETY: `available` checked that the processor has the features `avx512::columns` uses.
        #[allow(unsafe_code)]
        unsafe {
            avx512::columns(w, x, span, out, stride)
        };
        return;
    }
    #[cfg(target_arch = "x86_64")]
    if avx2::available() {
        // SAFETY: the processor was just checked to have AVX2 and FMA.
        #[allow(unsafe_code)]
        unsafe {
            avx2::columns(w, x, span, out, stride)
        };
        return;
    }
    portable_columns(w, x, span, out, stride);
}

/// [`columns`] on any processor, one product at a time.
fn portable_columns(w: &QMatrix, x: &Quantised, span: Range<usize>, out: &mut [f32], stride: usize) {
    let first = span.start;
    for r in span {
        let (weights, weight_scales) = w.row(r);
        for t in 0..x.tokens() {
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
            out[t * stride + r - first] = total;
        }
    }
}

/// One weight row's values for consecutive tokens into `out`, from `at` on, `stride` apart.
fn scatter(values: &[f32], out: &mut [f32], at: usize, stride: usize) {
    for (k, value) in values.iter().enumerate() {
        out[at + k * stride] = *value;
    }
}

mod helper;

pub(crate) use helper::Helper;

#[cfg(target_arch = "x86_64")]
mod amx;
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
mod tests;
