//! [`super::columns`] with AVX2 and FMA.

#![allow(unsafe_code)]

use std::arch::x86_64::*;

use std::ops::Range;

use super::{BLOCK, PACKED, QMatrix, Quantised, scatter};

/// Tokens that share each load of a block of weights.
const GROUP: usize = 4;

/// [`super::columns`] with AVX2. A block's 16 bytes are unpacked into 32 weights (low halves,
/// then high halves, less 8). `vpmaddubsw` multiplies unsigned by signed bytes, so each
/// product is taken as |w| × (v with w's sign) (`vpsignb`); neighbours are added (at most
/// 2 × 8 × 127, no saturation), `vpmaddwd` adds pairs again into 8 lanes, which are scaled
/// and accumulated as floats, with one horizontal sum per output.
#[target_feature(enable = "avx2,fma")]
pub(super) fn columns(w: &QMatrix, x: &Quantised, span: Range<usize>, out: &mut [f32], stride: usize) {
    let tokens: Vec<(&[i8], &[f32])> = (0..x.tokens()).map(|t| x.token(t)).collect();
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

/// One row of weights times `N` tokens' activations.
#[inline]
#[target_feature(enable = "avx2,fma")]
fn dot<const N: usize>(packed: &[u8], weight_scales: &[f32], tokens: [(&[i8], &[f32]); N]) -> [f32; N] {
    let ones = _mm256_set1_epi16(1);
    let low_half = _mm_set1_epi8(0x0f);
    let eight = _mm256_set1_epi8(8);
    let mut lanes = [_mm256_setzero_ps(); N];
    for (b, (packed, weight_scale)) in packed.chunks_exact(PACKED).zip(weight_scales).enumerate() {
        // SAFETY: the chunk is exactly 16 bytes; the load is an unaligned one.
        let bytes = unsafe { _mm_loadu_si128(packed.as_ptr().cast()) };
        let low = _mm_and_si128(bytes, low_half);
        let high = _mm_and_si128(_mm_srli_epi16(bytes, 4), low_half);
        let w = _mm256_sub_epi8(_mm256_set_m128i(high, low), eight);
        let magnitude = _mm256_sign_epi8(w, w);
        for k in 0..N {
            let (values, scales) = tokens[k];
            let values = &values[b * BLOCK..(b + 1) * BLOCK];
            // SAFETY: the slice is exactly 32 bytes; an unaligned load.
            let v = unsafe { _mm256_loadu_si256(values.as_ptr().cast()) };
            let products = _mm256_madd_epi16(_mm256_maddubs_epi16(magnitude, _mm256_sign_epi8(v, w)), ones);
            let scale = _mm256_set1_ps(weight_scale * scales[b]);
            lanes[k] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(products), scale, lanes[k]);
        }
    }
    lanes.map(|lanes| {
        let half = _mm_add_ps(_mm256_castps256_ps128(lanes), _mm256_extractf128_ps(lanes, 1));
        let quarter = _mm_add_ps(half, _mm_movehl_ps(half, half));
        _mm_cvtss_f32(_mm_add_ss(quarter, _mm_shuffle_ps(quarter, quarter, 1)))
    })
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
