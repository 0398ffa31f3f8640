//! [`super::columns`] with AVX2 and FMA.

#![allow(unsafe_code)]

use std::arch::x86_64::*;

use std::ops::Range;

use super::{BLOCK, PACKED, QMatrix, Quantised, scatter};

/// Tokens that share each load of a block of weights.
const GROUP: usize = 8;

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
/// fewer than with the weights' signs moved onto the activations). Neighbours are added (at
/// most 2 × 15 × 127, no saturation), `vpmaddwd` adds pairs again into 8 lanes, which are
/// scaled and accumulated as floats, with one horizontal sum per output. Each block of weights
/// is unpacked once for up to 8 tokens. Against the kernel before session 24 (signs moved, 4
/// tokens a group, a scale multiplied and broadcast per block and token): 35% fewer
/// instructions, a query about a fifth faster on an AMD EPYC (docs/SEARCH.md).
#[target_feature(enable = "avx2,fma")]
pub(super) fn columns(w: &QMatrix, x: &Quantised, span: Range<usize>, out: &mut [f32], stride: usize) {
    let tokens: Vec<Token<'_>> = (0..x.tokens())
        .map(|t| {
            let (values, scales) = x.token(t);
            Token { values, scales, offsets: x.offsets(t) }
        })
        .collect();
    // Tokens in groups of at most `GROUP`, as even as can be (10 tokens as 5 and 5, not 8 and 2:
    // a group's weights are unpacked once for all its tokens).
    let size = tokens.len().div_ceil(tokens.len().div_ceil(GROUP).max(1)).max(1);
    let first = span.start;
    for r in span {
        let (packed, scales) = w.row(r);
        for (g, group) in tokens.chunks(size).enumerate() {
            let at = g * size * stride + r - first;
            macro_rules! sized {
                ($($n:literal)*) => {
                    match group.len() {
                        $($n => scatter(&dot::<$n>(packed, scales, std::array::from_fn(|i| group[i])), out, at, stride),)*
                        _ => unreachable!("groups are of 1 to {GROUP} tokens"),
                    }
                };
            }
            sized!(1 2 3 4 5 6 7 8);
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
    let mut lanes = [_mm256_setzero_ps(); N];
    // Four blocks at a time, each token's four scales (the weight's × the activations') are
    // one product, put in both halves of a vector, from which each block's is spread over 8
    // lanes by one shuffle.
    let quads = blocks / 4 * 4;
    for b in (0..quads).step_by(4) {
        let mut combined = [_mm256_setzero_ps(); N];
        // SAFETY: `b + 4 <= blocks`, within the scales of the row and of each token (checked
        // above); unaligned loads.
        unsafe {
            let weight = _mm_loadu_ps(weight_scales.as_ptr().add(b));
            for k in 0..N {
                let four = _mm_mul_ps(weight, _mm_loadu_ps(scales[k].add(b)));
                combined[k] = _mm256_set_m128(four, four);
            }
        }
        let mut each = [_mm256_setzero_ps(); N];
        macro_rules! block {
            ($j:literal, $lane:literal) => {
                for k in 0..N {
                    each[k] = _mm256_permute_ps::<$lane>(combined[k]);
                }
                // SAFETY: `b + $j < blocks`, as `block` needs.
                unsafe { block(packed, values, b + $j, each, &mut lanes) };
            };
        }
        block!(0, 0x00);
        block!(1, 0x55);
        block!(2, 0xaa);
        block!(3, 0xff);
    }
    // A range, not `enumerate().skip(quads)`, whose setup for every row and group cost the
    // kernel 4% more instructions (callgrind).
    for (b, weight_scale) in (quads..blocks).zip(&weight_scales[quads..]) {
        let mut each = [_mm256_setzero_ps(); N];
        for k in 0..N {
            // SAFETY: `b < blocks`, within the scales (checked above).
            each[k] = _mm256_set1_ps(weight_scale * unsafe { *scales[k].add(b) });
        }
        // SAFETY: `b < blocks`, as `block` needs.
        unsafe { block(packed, values, b, each, &mut lanes) };
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

/// Block `b` of a row's packed weights times the same block of `N` tokens' activations (`values`,
/// each token's first), added to `lanes` with each token's scale.
///
/// # Safety
/// `b` must be a block of the row and of every token's values.
#[inline]
#[target_feature(enable = "avx2,fma")]
unsafe fn block<const N: usize>(
    packed: &[u8],
    values: [*const i8; N],
    b: usize,
    scales: [__m256; N],
    lanes: &mut [__m256; N],
) {
    let ones = _mm256_set1_epi16(1);
    let low_half = _mm_set1_epi8(0x0f);
    // SAFETY: block `b` is within the row and every token's values (the caller's promise); the
    // loads are unaligned ones.
    unsafe {
        let bytes = _mm_loadu_si128(packed.as_ptr().add(b * PACKED).cast());
        let low = _mm_and_si128(bytes, low_half);
        let high = _mm_and_si128(_mm_srli_epi16(bytes, 4), low_half);
        let w = _mm256_set_m128i(high, low);
        for k in 0..N {
            let v = _mm256_loadu_si256(values[k].add(b * BLOCK).cast());
            let products = _mm256_madd_epi16(_mm256_maddubs_epi16(w, v), ones);
            lanes[k] = _mm256_fmadd_ps(_mm256_cvtepi32_ps(products), scales[k], lanes[k]);
        }
    }
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
