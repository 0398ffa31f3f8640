//! [`super::columns`] with AVX2 and FMA.

#![allow(unsafe_code)]

use std::arch::x86_64::*;

use std::ops::Range;

use super::{BLOCK, PACKED, QMatrix, Quantised, scatter};

/// Tokens that share each load of a block of weights.
const GROUP: usize = 4;

/// Whether the processor has what [`columns`] uses.
pub(super) fn available() -> bool {
    std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma")
}

/// Each block's scale × 8 × the sum of its values (`Quantised::offsets`): [`columns`] reads the
/// weights as 0..=15, each 8 more than it stands for, and takes this times the weight's scale
/// off again.
pub(super) fn offsets(scales: &[f32], values: &[i8]) -> Vec<f32> {
    values
        .chunks_exact(BLOCK)
        .zip(scales)
        .map(|(block, scale)| scale * (8 * block.iter().map(|&v| i32::from(v)).sum::<i32>()) as f32)
        .collect()
}

/// [`super::columns`] with AVX2. A block's 16 bytes are unpacked into 32 weights (low halves,
/// then high halves) read as 0..=15, so that `vpmaddubsw` (unsigned by signed bytes) takes
/// them as they are: each is 8 more than it stands for, and the block's share of that
/// (`offsets`) is taken off each output once, after its blocks (a `vpsignb` a block and token
/// fewer than with the weights' signs moved onto the activations, a query 10% faster).
/// Neighbours are added (at most 2 × 15 × 127, no saturation), `vpmaddwd` adds pairs again into
/// 8 lanes, which are scaled and accumulated as floats, with one horizontal sum per output.
#[target_feature(enable = "avx2,fma")]
pub(super) fn columns(w: &QMatrix, x: &Quantised, span: Range<usize>, out: &mut [f32], stride: usize) {
    let tokens: Vec<Token<'_>> = (0..x.tokens())
        .map(|t| {
            let (values, scales) = x.token(t);
            Token { values, scales, offsets: x.offsets(t) }
        })
        .collect();
    let first = span.start;
    for r in span {
        let (packed, scales) = w.row(r);
        for (g, group) in tokens.chunks(GROUP).enumerate() {
            let at = g * GROUP * stride + r - first;
            match group {
                [a, b, c, d] => scatter(&dot(packed, scales, [*a, *b, *c, *d]), out, at, stride),
                [a, b, c] => scatter(&dot(packed, scales, [*a, *b, *c]), out, at, stride),
                [a, b] => scatter(&dot(packed, scales, [*a, *b]), out, at, stride),
                [a] => scatter(&dot(packed, scales, [*a]), out, at, stride),
                _ => {}
            }
        }
    }
}

/// A token's quantised activations, their blocks' scales and offsets.
#[derive(Clone, Copy)]
struct Token<'a> {
    values: &'a [i8],
    scales: &'a [f32],
    offsets: &'a [f32],
}

/// One row of weights times `N` tokens' activations.
#[inline]
#[target_feature(enable = "avx2,fma")]
fn dot<const N: usize>(packed: &[u8], weight_scales: &[f32], tokens: [Token<'_>; N]) -> [f32; N] {
    let blocks = weight_scales.len();
    assert!(packed.len() == blocks * PACKED);
    for token in &tokens {
        assert!(token.values.len() == blocks * BLOCK && token.scales.len() == blocks && token.offsets.len() == blocks);
    }
    // Read through pointers: the lengths were checked once above, and checking them again for
    // each block and token took registers the loop needs.
    let values = tokens.map(|token| token.values.as_ptr());
    let scales = tokens.map(|token| token.scales.as_ptr());
    let ones = _mm256_set1_epi16(1);
    let low_half = _mm_set1_epi8(0x0f);
    let mut lanes = [_mm256_setzero_ps(); N];
    for b in 0..blocks {
        // SAFETY: `b < blocks`, and each slice holds `blocks` blocks (checked above); the loads
        // are unaligned ones.
        unsafe {
            let bytes = _mm_loadu_si128(packed.as_ptr().add(b * PACKED).cast());
            let low = _mm_and_si128(bytes, low_half);
            let high = _mm_and_si128(_mm_srli_epi16(bytes, 4), low_half);
            let w = _mm256_set_m128i(high, low);
            let weight_scale = *weight_scales.get_unchecked(b);
            for k in 0..N {
                let v = _mm256_loadu_si256(values[k].add(b * BLOCK).cast());
                let products = _mm256_madd_epi16(_mm256_maddubs_epi16(w, v), ones);
                let scale = _mm256_set1_ps(weight_scale * *scales[k].add(b));
                lanes[k] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(products), scale, lanes[k]);
            }
        }
    }
    // What the weights' 8 added: each block's offset times the weight's scale, 8 blocks a step.
    let mut added = [_mm256_setzero_ps(); N];
    let whole = blocks / 8 * 8;
    for b in (0..whole).step_by(8) {
        // SAFETY: `b + 8 <= blocks`, within both slices (checked above); unaligned loads.
        unsafe {
            let scales = _mm256_loadu_ps(weight_scales.as_ptr().add(b));
            for k in 0..N {
                added[k] = _mm256_fmadd_ps(scales, _mm256_loadu_ps(tokens[k].offsets.as_ptr().add(b)), added[k]);
            }
        }
    }
    let mut sums = [0f32; N];
    for k in 0..N {
        let rest: f32 = weight_scales[whole..].iter().zip(&tokens[k].offsets[whole..]).map(|(w, o)| w * o).sum();
        sums[k] = horizontal_sum(_mm256_sub_ps(lanes[k], added[k])) - rest;
    }
    sums
}

/// The sum of a vector's 8 lanes.
#[inline]
#[target_feature(enable = "avx2,fma")]
fn horizontal_sum(lanes: __m256) -> f32 {
    let half = _mm_add_ps(_mm256_castps256_ps128(lanes), _mm256_extractf128_ps(lanes, 1));
    let quarter = _mm_add_ps(half, _mm_movehl_ps(half, half));
    _mm_cvtss_f32(_mm_add_ss(quarter, _mm_shuffle_ps(quarter, quarter, 1)))
}

/// [`super::dots`]: `vpmaddubsw` multiplies unsigned by signed bytes, so each product is taken
/// as |q| × (v with q's sign), 32 a step (a pair's sum is at most 2 × 127², no saturation).
#[target_feature(enable = "avx2")]
pub(super) fn dots<'a>(query: &[i8], rows: impl Iterator<Item = &'a [i8]>, out: &mut [i32]) {
    let ones = _mm256_set1_epi16(1);
    let parts: Vec<(__m256i, __m256i)> = query
        .chunks_exact(32)
        .map(|part| {
            // SAFETY: exactly 32 bytes; an unaligned load.
            let q = unsafe { _mm256_loadu_si256(part.as_ptr().cast()) };
            (_mm256_sign_epi8(q, q), q)
        })
        .collect();
    for (vector, out) in rows.zip(out) {
        let mut sum = _mm256_setzero_si256();
        for ((magnitude, q), part) in parts.iter().zip(vector.chunks_exact(32)) {
            // SAFETY: exactly 32 bytes; an unaligned load.
            let v = unsafe { _mm256_loadu_si256(part.as_ptr().cast()) };
            sum = _mm256_add_epi32(
                sum,
                _mm256_madd_epi16(_mm256_maddubs_epi16(*magnitude, _mm256_sign_epi8(v, *q)), ones),
            );
        }
        let half = _mm_add_epi32(_mm256_castsi256_si128(sum), _mm256_extracti128_si256(sum, 1));
        let quarter = _mm_add_epi32(half, _mm_unpackhi_epi64(half, half));
        *out = _mm_cvtsi128_si32(_mm_add_epi32(quarter, _mm_shuffle_epi32(quarter, 1)));
    }
}
