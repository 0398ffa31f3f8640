//! [`super::columns`] with AVX-512 and its VNNI instructions: two blocks (64 weights) a register,
//! and one `vpdpbusd` for their 64 products.

#![allow(unsafe_code)]

use std::arch::x86_64::*;

use std::ops::Range;

use super::{BLOCK, PACKED, QMatrix, Quantised, scatter};

/// Tokens that share each load of a pair of blocks of weights.
const GROUP: usize = 4;

/// Whether the processor has what [`columns`] uses.
pub(super) fn available() -> bool {
    std::arch::is_x86_feature_detected!("avx512f")
        && std::arch::is_x86_feature_detected!("avx512bw")
        && std::arch::is_x86_feature_detected!("avx512dq")
        && std::arch::is_x86_feature_detected!("avx512vnni")
}

/// A pair of blocks' 32 packed bytes are unpacked into 64 weights (each block's low halves,
/// then its high halves, less 8). `vpdpbusd` multiplies unsigned by signed bytes, so each
/// product is taken as |w| × (v negated where w is negative), four neighbours added into each
/// of 16 lanes (8 per block), which are scaled by their block's scales and accumulated as
/// floats; one horizontal sum per output. Needs an even number of blocks a row.
#[target_feature(enable = "avx512f,avx512bw,avx512dq,avx512vnni")]
pub(super) fn columns(w: &QMatrix, x: &Quantised, span: Range<usize>, out: &mut [f32], stride: usize) {
    // Each token's activation scales, two blocks to a 16-lane register (8 lanes each).
    let tokens: Vec<(&[i8], Vec<f32>)> = (0..x.tokens())
        .map(|t| {
            let (values, scales) = x.token(t);
            (values, scales.iter().flat_map(|&s| [s; 8]).collect())
        })
        .collect();
    let first = span.start;
    for r in span {
        let (packed, scales) = w.row(r);
        for (g, group) in tokens.chunks(GROUP).enumerate() {
            let token = |k: usize| (group[k].0, group[k].1.as_slice());
            let at = g * GROUP * stride + r - first;
            match group.len() {
                4 => scatter(&dot(packed, scales, [token(0), token(1), token(2), token(3)]), out, at, stride),
                3 => scatter(&dot(packed, scales, [token(0), token(1), token(2)]), out, at, stride),
                2 => scatter(&dot(packed, scales, [token(0), token(1)]), out, at, stride),
                _ => scatter(&dot(packed, scales, [token(0)]), out, at, stride),
            }
        }
    }
}

/// One row of weights times `N` tokens' activations (with their scales spread 8 lanes a block).
#[inline]
#[target_feature(enable = "avx512f,avx512bw,avx512dq,avx512vnni")]
fn dot<const N: usize>(packed: &[u8], weight_scales: &[f32], tokens: [(&[i8], &[f32]); N]) -> [f32; N] {
    let low_half = _mm256_set1_epi8(0x0f);
    let eight = _mm512_set1_epi8(8);
    let zero = _mm512_setzero_si512();
    let mut lanes = [_mm512_setzero_ps(); N];
    for (pair, (packed, scales)) in packed.chunks_exact(2 * PACKED).zip(weight_scales.chunks_exact(2)).enumerate() {
        // SAFETY: the chunk is exactly 32 bytes; an unaligned load.
        let bytes = unsafe { _mm256_loadu_si256(packed.as_ptr().cast()) };
        let low = _mm256_and_si256(bytes, low_half);
        let high = _mm256_and_si256(_mm256_srli_epi16(bytes, 4), low_half);
        // 128-bit lanes: low₀ low₁ high₀ high₁ → low₀ high₀ low₁ high₁ (block 0, then block 1).
        let halves = _mm512_inserti64x4(_mm512_castsi256_si512(low), high, 1);
        let weights = _mm512_sub_epi8(_mm512_shuffle_i64x2(halves, halves, 0b11_01_10_00), eight);
        let negative = _mm512_movepi8_mask(weights);
        let magnitude = _mm512_abs_epi8(weights);
        let weight_scale = _mm512_insertf32x8(_mm512_set1_ps(scales[0]), _mm256_set1_ps(scales[1]), 1);
        for (lanes, (values, value_scales)) in lanes.iter_mut().zip(tokens) {
            let span = pair * 2 * BLOCK..(pair + 1) * 2 * BLOCK;
            let (values, value_scales) = (&values[span.clone()], &value_scales[span.start / 4..span.end / 4]);
            // SAFETY: 64 bytes and 16 floats, sliced above; unaligned loads.
            let (v, value_scale) =
                unsafe { (_mm512_loadu_si512(values.as_ptr().cast()), _mm512_loadu_ps(value_scales.as_ptr())) };
            let signed = _mm512_mask_sub_epi8(v, negative, zero, v);
            let products = _mm512_dpbusd_epi32(zero, magnitude, signed);
            *lanes = _mm512_fmadd_ps(_mm512_cvtepi32_ps(products), _mm512_mul_ps(weight_scale, value_scale), *lanes);
        }
    }
    lanes.map(|lanes| _mm512_reduce_add_ps(lanes))
}

/// [`Quantised::new`]: each block of 32 values scaled so that its largest is ±127 and rounded
/// half to even (the processor's rounding, as the reference engine's `lrintf`).
#[target_feature(enable = "avx512f,avx512bw,avx512dq,avx512vnni")]
pub(super) fn quantise(x: &[f32], scales: &mut [f32], values: &mut [i8]) {
    for ((block, out), scale) in x.chunks_exact(BLOCK).zip(values.chunks_exact_mut(BLOCK)).zip(scales) {
        // SAFETY: 32 floats, sliced by `chunks_exact`; unaligned loads.
        let (low, high) = unsafe { (_mm512_loadu_ps(block.as_ptr()), _mm512_loadu_ps(block.as_ptr().add(16))) };
        let largest = _mm512_reduce_max_ps(_mm512_max_ps(_mm512_abs_ps(low), _mm512_abs_ps(high)));
        *scale = largest / 127.0;
        let inverse = _mm512_set1_ps(if *scale > 0.0 { 1.0 / *scale } else { 0.0 });
        let bytes = |half: __m512| _mm512_cvtsepi32_epi8(_mm512_cvtps_epi32(_mm512_mul_ps(half, inverse)));
        // SAFETY: 32 bytes, sliced by `chunks_exact`; unaligned stores.
        unsafe {
            _mm_storeu_si128(out.as_mut_ptr().cast(), bytes(low));
            _mm_storeu_si128(out.as_mut_ptr().add(16).cast(), bytes(high));
        }
    }
}

/// [`super::dots`]: `vpdpbusd` multiplies unsigned by signed bytes, so each product is taken as
/// |q| × (v with q's sign), 64 a step.
#[target_feature(enable = "avx512f,avx512bw,avx512dq,avx512vnni")]
pub(super) fn dots<'a>(query: &[i8], rows: impl Iterator<Item = &'a [i8]>, out: &mut [i32]) {
    let zero = _mm512_setzero_si512();
    let parts: Vec<(__m512i, __mmask64)> = query
        .chunks_exact(64)
        .map(|part| {
            // SAFETY: exactly 64 bytes; an unaligned load.
            let q = unsafe { _mm512_loadu_si512(part.as_ptr().cast()) };
            (_mm512_abs_epi8(q), _mm512_movepi8_mask(q))
        })
        .collect();
    for (vector, out) in rows.zip(out) {
        let mut sum = zero;
        for ((magnitude, negative), part) in parts.iter().zip(vector.chunks_exact(64)) {
            // SAFETY: exactly 64 bytes; an unaligned load.
            let v = unsafe { _mm512_loadu_si512(part.as_ptr().cast()) };
            sum = _mm512_dpbusd_epi32(sum, *magnitude, _mm512_mask_sub_epi8(v, *negative, zero, v));
        }
        *out = _mm512_reduce_add_epi32(sum);
    }
}
