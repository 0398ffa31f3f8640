//! [`super::columns`] with AMX, the tile registers of Intel's server processors since Sapphire
//! Rapids: one `tdpbssd` multiplies a block (32 columns) of 16 tokens' activations by the same
//! block of 16 weight rows, 8,192 products into a tile of exact 32-bit sums, which are then
//! scaled by their token's and their row's block scales and added up as floats, as the other
//! paths do. Four tiles of sums are filled before any is read, so that the products do not wait
//! on one another. On a two-core virtual machine the products went at two to four times
//! AVX-512's speed with the model's weights out of cache, five times with them in (see
//! docs/SEARCH.md, "Cost").
//!
//! The activations' tiles are loaded straight from `Quantised` (16 tokens, padded with zeros,
//! 32 bytes each). The weights are kept a second time, laid out as the tiles load them but still
//! 4 bits a weight ([`Tiles`]): reading them is most of a product's time, and they are unpacked
//! four blocks at a time into a buffer that stays in the first-level cache.

#![allow(unsafe_code)]

use std::arch::asm;
use std::arch::x86_64::*;
use std::ops::Range;
use std::sync::OnceLock;

use super::{BLOCK, PACKED, Quantised};

/// Weight rows, and tokens, in a tile.
pub(super) const TILE: usize = 16;
/// Bytes of one block of a tile's weights unpacked: 8 rows of 64 bytes (see [`Tiles`]).
const TILE_BYTES: usize = TILE * BLOCK;
/// Bytes of one block of a tile's weights packed, two weights a byte.
const TILE_PACKED: usize = TILE_BYTES / 2;
/// Bytes of a row of a tile of weights: 4 weights of each of 16 rows.
const QUAD_ROW: usize = 4 * TILE;
/// Blocks multiplied before their sums are read.
const BLOCKS_AT_A_TIME: usize = 4;
/// How far ahead of the weights being multiplied they are fetched into the cache (bytes).
const PREFETCH_AHEAD: usize = 4096;

/// Whether the processor has AMX's integer products and the operating system lets this process
/// use the tiles (Linux grants them on request, once for the whole process).
pub(super) fn available() -> bool {
    static AVAILABLE: OnceLock<bool> = OnceLock::new();
    *AVAILABLE.get_or_init(|| {
        // CPUID leaf 7: AMX-TILE and AMX-INT8 are bits 24 and 25 of EDX.
        let features = __cpuid_count(7, 0).edx;
        let has_tiles = features & (1 << 24) != 0 && features & (1 << 25) != 0;
        has_tiles && super::avx512::available() && tiles_granted()
    })
}

#[cfg(target_os = "linux")]
fn tiles_granted() -> bool {
    const ARCH_REQ_XCOMP_PERM: libc::c_long = 0x1023;
    const XFEATURE_XTILEDATA: libc::c_long = 18;
    // SAFETY: asks the kernel for a permission; no memory is passed.
    unsafe { libc::syscall(libc::SYS_arch_prctl, ARCH_REQ_XCOMP_PERM, XFEATURE_XTILEDATA) == 0 }
}

#[cfg(not(target_os = "linux"))]
fn tiles_granted() -> bool {
    false
}

/// A weight matrix as the tiles load it: for each group of 16 rows, block after block, the
/// block's weights in the order `tdpbssd` takes them (8 rows of 64 bytes, row `q` holding
/// weights `4q..4q+4` of each of the 16 rows in turn), 256 bytes whose low halves are the first
/// 256 weights and whose high halves are the last 256, each plus 8; and then, apart, the 16
/// rows' scales of each block.
pub(crate) struct Tiles {
    packed: Vec<u8>,
    scales: Vec<f32>,
}

impl Tiles {
    /// The tiles' copy of a matrix of `Q4_0` blocks (`scales`, `nibbles` as `QMatrix` keeps
    /// them), when AMX is available and the matrix fills whole tiles.
    pub(super) fn new(rows: usize, cols: usize, scales: &[f32], nibbles: &[u8]) -> Option<Tiles> {
        if !available() || !rows.is_multiple_of(TILE) || !cols.is_multiple_of(BLOCKS_AT_A_TIME * BLOCK) {
            return None;
        }
        let blocks = cols / BLOCK;
        let mut packed = vec![0u8; rows * cols / 2];
        let mut tile_scales = vec![0f32; rows * blocks];
        let mut weights = [0u8; BLOCK];
        for row in 0..rows {
            for block in 0..blocks {
                let source = row * blocks + block;
                let tile = row / TILE * blocks + block;
                tile_scales[tile * TILE + row % TILE] = scales[source];
                // The block's 32 weights (plus 8) in order, from byte `j`'s low and high halves.
                for (j, &byte) in nibbles[source * PACKED..(source + 1) * PACKED].iter().enumerate() {
                    (weights[j], weights[j + PACKED]) = (byte & 0x0f, byte >> 4);
                }
                let out = &mut packed[tile * TILE_PACKED..(tile + 1) * TILE_PACKED];
                for (k, &weight) in weights.iter().enumerate() {
                    let at = k / 4 * QUAD_ROW + row % TILE * 4 + k % 4;
                    out[at % TILE_PACKED] |= if at < TILE_PACKED { weight } else { weight << 4 };
                }
            }
        }
        Some(Tiles { packed, scales: tile_scales })
    }
}

/// The tiles' shapes (`ldtilecfg`'s 64 bytes): tmm0 to tmm3 hold 16 × 16 sums each, tmm4 and
/// tmm5 a block of 16 tokens' activations, tmm6 and tmm7 a block of 16 rows' weights.
#[repr(C, align(64))]
struct Shapes {
    palette: u8,
    start_row: u8,
    reserved: [u8; 14],
    bytes_per_row: [u16; 16],
    rows: [u8; 16],
}

impl Shapes {
    fn products() -> Shapes {
        let mut shapes = Shapes { palette: 1, start_row: 0, reserved: [0; 14], bytes_per_row: [0; 16], rows: [0; 16] };
        let sums = (4 * TILE, TILE);
        let (values, weights) = ((BLOCK, TILE), (QUAD_ROW, BLOCK / 4));
        for (tile, (bytes, rows)) in [sums, sums, sums, sums, values, values, weights, weights].into_iter().enumerate()
        {
            shapes.bytes_per_row[tile] = bytes as u16;
            shapes.rows[tile] = rows as u8;
        }
        shapes
    }
}

/// Four blocks of a tile's weights unpacked, or four tiles of sums: a cache line a row.
#[repr(C, align(64))]
struct Scratch<T, const N: usize>([T; N]);

type Unpacked = Scratch<i8, { BLOCKS_AT_A_TIME * TILE_BYTES }>;
type Sums = Scratch<i32, { BLOCKS_AT_A_TIME * TILE * TILE }>;

/// [`super::columns`]: `span` starts and ends at multiples of 16.
#[target_feature(enable = "avx512f,avx512bw,avx512dq,avx512vnni")]
pub(super) fn columns(w: &Tiles, x: &Quantised, span: Range<usize>, out: &mut [f32], stride: usize) {
    let (cols, tokens) = (x.cols, x.tokens());
    let blocks = cols / BLOCK;
    assert!(span.start.is_multiple_of(TILE) && span.len().is_multiple_of(TILE), "{span:?} splits a tile");
    assert!(x.values.len() >= tokens.next_multiple_of(TILE) * cols, "activations not padded for the tiles");
    let shapes = Shapes::products();
    let (mut weights, mut sums) = (Scratch([0; _]), Scratch([0; _]));
    // SAFETY: `available` checked that the processor has AMX and that Linux lets this process
    // use it; the shapes are 64 valid bytes.
    unsafe { asm!("ldtilecfg [{}]", in(reg) &raw const shapes, options(nostack, readonly)) };
    for group in span.start / TILE..span.end / TILE {
        for first_token in (0..tokens).step_by(TILE) {
            let width = (tokens - first_token).min(TILE);
            let mut totals = [_mm512_setzero_ps(); TILE];
            for block in (0..blocks).step_by(BLOCKS_AT_A_TIME) {
                let tile = group * blocks + block;
                unpack(&w.packed[tile * TILE_PACKED..][..BLOCKS_AT_A_TIME * TILE_PACKED], &mut weights);
                let values = &x.values[first_token * cols + block * BLOCK..];
                // SAFETY: the tiles were given their shapes above.
                unsafe { multiply(values, cols, &weights, &mut sums) };
                for (k, sums) in sums.0.chunks_exact(TILE * TILE).enumerate() {
                    let token_scales = x.scales[first_token * blocks + block + k..].iter().step_by(blocks);
                    add_scaled(sums, &w.scales[(tile + k) * TILE..][..TILE], token_scales, &mut totals[..width]);
                }
            }
            let column = group * TILE - span.start;
            for (t, total) in totals[..width].iter().enumerate() {
                let out = &mut out[(first_token + t) * stride + column..][..TILE];
                // SAFETY: 16 floats, sliced above; an unaligned store.
                unsafe { _mm512_storeu_ps(out.as_mut_ptr(), *total) };
            }
        }
    }
    // SAFETY: returns the tiles to their initial state (nothing for a context switch to save).
    unsafe { asm!("tilerelease", options(nostack, nomem)) };
}

/// Four blocks of a tile's weights, 4 bits a weight, into bytes as the tiles load them; the
/// weights 4 KB further on are asked into the cache (the hardware's prefetcher does not run far
/// enough ahead of one stream: a fifth faster with this on the bench machine).
#[inline]
#[target_feature(enable = "avx512f,avx512bw")]
fn unpack(packed: &[u8], unpacked: &mut Unpacked) {
    let ahead = packed.as_ptr().wrapping_add(PREFETCH_AHEAD);
    for line in (0..packed.len()).step_by(64) {
        _mm_prefetch::<_MM_HINT_T0>(ahead.wrapping_add(line).cast());
    }
    let (low_halves, eight) = (_mm512_set1_epi8(0x0f), _mm512_set1_epi8(8));
    for (packed, unpacked) in packed.chunks_exact(TILE_PACKED).zip(unpacked.0.chunks_exact_mut(TILE_BYTES)) {
        let (low, high) = unpacked.split_at_mut(TILE_PACKED);
        for ((packed, low), high) in
            packed.chunks_exact(64).zip(low.chunks_exact_mut(64)).zip(high.chunks_exact_mut(64))
        {
            // SAFETY: 64 bytes each, sliced above; unaligned loads and stores.
            unsafe {
                let bytes = _mm512_loadu_si512(packed.as_ptr().cast());
                let lows = _mm512_sub_epi8(_mm512_and_si512(bytes, low_halves), eight);
                let highs = _mm512_sub_epi8(_mm512_and_si512(_mm512_srli_epi16(bytes, 4), low_halves), eight);
                _mm512_storeu_si512(low.as_mut_ptr().cast(), lows);
                _mm512_storeu_si512(high.as_mut_ptr().cast(), highs);
            }
        }
    }
}

/// Four blocks of 16 tokens' activations (`values`: 16 rows of 128 bytes, `cols` apart) times
/// the same blocks of 16 rows' weights: four tiles of exact sums, one a block.
///
/// # Safety
/// The tiles must have been given [`Shapes::products`] (`ldtilecfg`), on a processor with AMX.
#[inline]
unsafe fn multiply(values: &[i8], cols: usize, weights: &Unpacked, sums: &mut Sums) {
    assert!(values.len() >= (TILE - 1) * cols + BLOCKS_AT_A_TIME * BLOCK);
    // SAFETY: the tiles have their shapes (the caller's promise); the activations and the
    // unpacked weights (2,048 bytes) are read within their bounds, with the strides the shapes
    // give them; the sums' 4,096 bytes are written.
    unsafe {
        asm!(
            "tilezero tmm0",
            "tilezero tmm1",
            "tilezero tmm2",
            "tilezero tmm3",
            "tileloadd tmm4, [{values} + {cols}*1]",
            "tileloadd tmm6, [{weights} + {quad}*1]",
            "tdpbssd tmm0, tmm4, tmm6",
            "tileloadd tmm5, [{values} + {cols}*1 + 32]",
            "tileloadd tmm7, [{weights} + {quad}*1 + 512]",
            "tdpbssd tmm1, tmm5, tmm7",
            "tileloadd tmm4, [{values} + {cols}*1 + 64]",
            "tileloadd tmm6, [{weights} + {quad}*1 + 1024]",
            "tdpbssd tmm2, tmm4, tmm6",
            "tileloadd tmm5, [{values} + {cols}*1 + 96]",
            "tileloadd tmm7, [{weights} + {quad}*1 + 1536]",
            "tdpbssd tmm3, tmm5, tmm7",
            "tilestored [{sums} + {quad}*1], tmm0",
            "tilestored [{sums} + {quad}*1 + 1024], tmm1",
            "tilestored [{sums} + {quad}*1 + 2048], tmm2",
            "tilestored [{sums} + {quad}*1 + 3072], tmm3",
            values = in(reg) values.as_ptr(),
            cols = in(reg) cols,
            weights = in(reg) weights.0.as_ptr(),
            quad = in(reg) QUAD_ROW,
            sums = in(reg) sums.0.as_mut_ptr(),
            options(nostack),
        );
    }
}

/// One tile of a block's sums (a row of 16 a token), each scaled by its row's and its token's
/// scale of the block, added to the tokens' totals.
#[inline]
#[target_feature(enable = "avx512f")]
fn add_scaled<'a>(
    sums: &[i32],
    row_scales: &[f32],
    token_scales: impl Iterator<Item = &'a f32>,
    totals: &mut [__m512],
) {
    // SAFETY: 16 floats; an unaligned load.
    let row_scales = unsafe { _mm512_loadu_ps(row_scales[..TILE].as_ptr()) };
    for ((total, sums), &token_scale) in totals.iter_mut().zip(sums.chunks_exact(TILE)).zip(token_scales) {
        // SAFETY: 16 sums, a row of the tile; an unaligned load.
        let sums = _mm512_cvtepi32_ps(unsafe { _mm512_loadu_si512(sums.as_ptr().cast()) });
        *total = _mm512_fmadd_ps(sums, _mm512_mul_ps(row_scales, _mm512_set1_ps(token_scale)), *total);
    }
}
