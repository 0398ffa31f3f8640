//! The BERT encoder of multilingual-e5-small: word and position embeddings, 12 layers of
//! self-attention and feed-forward, then the mean of the last layer over the tokens, scaled to
//! unit length.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::EmbeddingError;
use crate::kernels::{Helper, QMatrix, Quantised, dequantise_row, matmul};
use crate::model_file::{BLOCK, Dimensions, ModelFile, Q4_BLOCK_BYTES};
use crate::tokenizer::Tokenizer;

/// A text's embedding: unit length, so that the dot product of two is their cosine.
pub type Vector = Vec<f32>;

struct Layer {
    query: QMatrix,
    query_bias: Vec<f32>,
    key: QMatrix,
    key_bias: Vec<f32>,
    value: QMatrix,
    value_bias: Vec<f32>,
    attention_out: QMatrix,
    attention_out_bias: Vec<f32>,
    attention_norm: (Vec<f32>, Vec<f32>),
    expand: QMatrix,
    expand_bias: Vec<f32>,
    contract: QMatrix,
    contract_bias: Vec<f32>,
    out_norm: (Vec<f32>, Vec<f32>),
}

pub struct Encoder {
    dimensions: Dimensions,
    tokenizer: Tokenizer,
    /// The word embeddings, still in `Q4_0` blocks (a row is unpacked when its word is used).
    words: Vec<u8>,
    positions: Vec<f32>,
    token_type: Vec<f32>,
    embedding_norm: (Vec<f32>, Vec<f32>),
    layers: Vec<Layer>,
    /// Query embeddings being computed at this moment (see [`Encoder::embed_query`]).
    queries_in_flight: AtomicUsize,
    /// The processor's cores (as the process may use them).
    cores: usize,
}

/// Tokens of a query that are read (queries are short; this bounds the work a long one costs).
const QUERY_TOKENS: usize = 64;

impl Encoder {
    pub fn load(path: &Path) -> Result<Encoder, EmbeddingError> {
        let bytes =
            std::fs::read(path).map_err(|source| EmbeddingError::Read { path: path.display().to_string(), source })?;
        Encoder::from_bytes(&bytes)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Encoder, EmbeddingError> {
        let file = ModelFile::parse(bytes)?;
        let d = file.dimensions;
        let (h, ff) = (d.hidden, d.feed_forward);
        let norm = |name: &str| -> Result<(Vec<f32>, Vec<f32>), EmbeddingError> {
            Ok((file.floats(&format!("{name}.w"), h)?, file.floats(&format!("{name}.b"), h)?))
        };
        let matrix = |name: &str, rows, cols| file.q4(name, rows, cols).map(|q| QMatrix::from_q4(q, rows, cols));
        let layers = (0..d.layers)
            .map(|l| {
                Ok(Layer {
                    query: matrix(&format!("l{l}.q.w"), h, h)?,
                    query_bias: file.floats(&format!("l{l}.q.b"), h)?,
                    key: matrix(&format!("l{l}.k.w"), h, h)?,
                    key_bias: file.floats(&format!("l{l}.k.b"), h)?,
                    value: matrix(&format!("l{l}.v.w"), h, h)?,
                    value_bias: file.floats(&format!("l{l}.v.b"), h)?,
                    attention_out: matrix(&format!("l{l}.ao.w"), h, h)?,
                    attention_out_bias: file.floats(&format!("l{l}.ao.b"), h)?,
                    attention_norm: norm(&format!("l{l}.aln"))?,
                    expand: matrix(&format!("l{l}.fi.w"), ff, h)?,
                    expand_bias: file.floats(&format!("l{l}.fi.b"), ff)?,
                    contract: matrix(&format!("l{l}.fo.w"), h, ff)?,
                    contract_bias: file.floats(&format!("l{l}.fo.b"), h)?,
                    out_norm: norm(&format!("l{l}.oln"))?,
                })
            })
            .collect::<Result<Vec<_>, EmbeddingError>>()?;
        Ok(Encoder {
            words: file.q4("emb.word", d.vocabulary, h)?.to_vec(),
            positions: file.floats("emb.pos", d.max_positions * h)?,
            token_type: file.floats("emb.type", h)?,
            embedding_norm: norm("emb.ln")?,
            layers,
            tokenizer: Tokenizer::new(file.vocabulary),
            dimensions: d,
            queries_in_flight: AtomicUsize::new(0),
            cores: std::thread::available_parallelism().map_or(1, usize::from),
        })
    }

    pub fn dimension(&self) -> usize {
        self.dimensions.hidden
    }

    /// A search query's embedding (a searcher waits for it): with a second thread when no other
    /// query is being embedded, on the calling thread alone when one is (a busy server has no
    /// core to spare).
    pub fn embed_query(&self, text: &str) -> Vector {
        let ids = self.token_ids(&format!("query: {text}"), QUERY_TOKENS);
        let in_flight = InFlight::count(&self.queries_in_flight);
        let hidden = if in_flight.alone && self.cores > 1 {
            Helper::with(|helper| self.forward(&ids, Some(helper)))
        } else {
            self.forward(&ids, None)
        };
        drop(in_flight);
        mean_of_tokens(&hidden, self.dimensions.hidden)
    }

    /// A passage's embedding (its first `max_tokens` tokens), on the calling thread alone: passages
    /// are embedded in the background while searches go on.
    pub fn embed_passage(&self, text: &str, max_tokens: usize) -> Vector {
        let ids = self.token_ids(&format!("passage: {text}"), max_tokens);
        mean_of_tokens(&self.forward(&ids, None), self.dimensions.hidden)
    }

    /// The text's tokens (at most `max_tokens` of them) between the start and end markers.
    fn token_ids(&self, text: &str, max_tokens: usize) -> Vec<u32> {
        let limit = max_tokens.min(self.dimensions.max_positions.saturating_sub(2));
        let mut ids = vec![self.tokenizer.bos];
        ids.extend(self.tokenizer.pieces(text, limit));
        ids.push(self.tokenizer.eos);
        ids
    }

    /// The last layer's hidden states, one row of `hidden` values per token.
    fn forward<'w>(&'w self, ids: &[u32], helper: Option<&Helper<'w>>) -> Vec<f32> {
        let Dimensions { hidden: h, heads, feed_forward: ff, layer_norm_eps: eps, .. } = self.dimensions;
        let tokens = ids.len();
        let row_bytes = h / BLOCK * Q4_BLOCK_BYTES;
        let mut x = vec![0f32; tokens * h];
        for (t, (&id, row)) in ids.iter().zip(x.chunks_exact_mut(h)).enumerate() {
            let id = (id as usize).min(self.dimensions.vocabulary - 1);
            dequantise_row(&self.words[id * row_bytes..(id + 1) * row_bytes], row);
            // The file's position table starts at XLM-RoBERTa's first position (after padding).
            let position = &self.positions[t * h..(t + 1) * h];
            for ((v, p), k) in row.iter_mut().zip(position).zip(&self.token_type) {
                *v += p + k;
            }
        }
        layer_norm(&mut x, None, &self.embedding_norm, h, eps);

        let head = h / heads;
        let scale = 1.0 / (head as f32).sqrt();
        let (mut q, mut k, mut v) = (vec![0f32; tokens * h], vec![0f32; tokens * h], vec![0f32; tokens * h]);
        let mut context = vec![0f32; tokens * h];
        let mut projected = vec![0f32; tokens * h];
        let mut expanded = vec![0f32; tokens * ff];
        let mut weights = vec![0f32; tokens];
        for layer in &self.layers {
            let input = Arc::new(Quantised::new(&x, h));
            matmul(&layer.query, &layer.query_bias, &input, &mut q, helper);
            matmul(&layer.key, &layer.key_bias, &input, &mut k, helper);
            matmul(&layer.value, &layer.value_bias, &input, &mut v, helper);
            for t in 0..tokens {
                for n in 0..heads {
                    let span = t * h + n * head..t * h + (n + 1) * head;
                    let query = &q[span.clone()];
                    for (s, weight) in weights.iter_mut().enumerate() {
                        let key = &k[s * h + n * head..s * h + (n + 1) * head];
                        *weight = dot(query, key) * scale;
                    }
                    let largest = weights.iter().copied().fold(f32::NEG_INFINITY, f32::max);
                    let mut total = 0.0;
                    for weight in &mut weights {
                        *weight = exp(*weight - largest);
                        total += *weight;
                    }
                    let out = &mut context[span];
                    out.fill(0.0);
                    for (s, weight) in weights.iter().enumerate() {
                        let value = &v[s * h + n * head..s * h + (n + 1) * head];
                        for (o, v) in out.iter_mut().zip(value) {
                            *o += weight / total * v;
                        }
                    }
                }
            }
            matmul(
                &layer.attention_out,
                &layer.attention_out_bias,
                &Arc::new(Quantised::new(&context, h)),
                &mut projected,
                helper,
            );
            layer_norm(&mut x, Some(&projected), &layer.attention_norm, h, eps);
            matmul(&layer.expand, &layer.expand_bias, &Arc::new(Quantised::new(&x, h)), &mut expanded, helper);
            gelu_all(&mut expanded);
            let contracted = Arc::new(Quantised::new(&expanded, ff));
            matmul(&layer.contract, &layer.contract_bias, &contracted, &mut projected, helper);
            layer_norm(&mut x, Some(&projected), &layer.out_norm, h, eps);
        }
        x
    }
}

/// One query embedding counted in [`Encoder::queries_in_flight`] until dropped (a panic too).
struct InFlight<'a> {
    counter: &'a AtomicUsize,
    /// No other query was being embedded when this one started.
    alone: bool,
}

impl InFlight<'_> {
    fn count(counter: &AtomicUsize) -> InFlight<'_> {
        InFlight { counter, alone: counter.fetch_add(1, Ordering::AcqRel) == 0 }
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.counter.fetch_sub(1, Ordering::AcqRel);
    }
}

/// The mean of the tokens' hidden states, scaled to unit length.
fn mean_of_tokens(hidden: &[f32], h: usize) -> Vector {
    let mut mean = vec![0f32; h];
    for token in hidden.chunks_exact(h) {
        for (m, v) in mean.iter_mut().zip(token) {
            *m += v;
        }
    }
    let length = mean.iter().map(|v| v * v).sum::<f32>().sqrt().max(1e-12);
    mean.iter_mut().for_each(|v| *v /= length);
    mean
}

/// `x = LayerNorm(x + residual)`, token by token.
fn layer_norm(x: &mut [f32], residual: Option<&[f32]>, (weight, bias): &(Vec<f32>, Vec<f32>), h: usize, eps: f32) {
    for (t, row) in x.chunks_exact_mut(h).enumerate() {
        if let Some(residual) = residual {
            for (v, r) in row.iter_mut().zip(&residual[t * h..(t + 1) * h]) {
                *v += r;
            }
        }
        let mean = row.iter().sum::<f32>() / h as f32;
        let variance = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / h as f32;
        let inverse = 1.0 / (variance + eps).sqrt();
        for ((v, w), b) in row.iter_mut().zip(weight).zip(bias) {
            *v = (*v - mean) * inverse * w + b;
        }
    }
}

/// The dot product of two vectors, summed in eight lanes: with one running sum each addition
/// waits for the last (the attention's products of 32 values; the forward pass's own share of a
/// query's profile went from 8.3% to 7.2%).
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut lanes = [0f32; 8];
    for (a, b) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        for ((lane, x), y) in lanes.iter_mut().zip(a).zip(b) {
            *lane += x * y;
        }
    }
    let tail: f32 = a.chunks_exact(8).remainder().iter().zip(b.chunks_exact(8).remainder()).map(|(x, y)| x * y).sum();
    lanes.iter().sum::<f32>() + tail
}

/// [`gelu`] over a layer's values, built for AVX-512 or AVX2 where the processor has them: the
/// compiler then turns it into vectors of 16 or 8 lanes rather than the baseline's 4.
fn gelu_all(values: &mut [f32]) {
    #[cfg(target_arch = "x86_64")]
    {
        #[target_feature(enable = "avx512f")]
        fn sixteen_lanes(values: &mut [f32]) {
            values.iter_mut().for_each(|v| *v = gelu(*v));
        }
        #[target_feature(enable = "avx2,fma")]
        fn eight_lanes(values: &mut [f32]) {
            values.iter_mut().for_each(|v| *v = gelu(*v));
        }
        if std::arch::is_x86_feature_detected!("avx512f") {
            // SAFETY: the processor was just checked to have AVX-512.
            #[allow(unsafe_code)]
            unsafe {
                sixteen_lanes(values)
            };
            return;
        }
        if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma") {
            // SAFETY: the processor was just checked to have AVX2 and FMA.
            #[allow(unsafe_code)]
            unsafe {
                eight_lanes(values)
            };
            return;
        }
    }
    values.iter_mut().for_each(|v| *v = gelu(*v));
}

#[inline]
fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2))
}

/// The error function, within 1.5e-7 (Abramowitz and Stegun 7.1.26): a fifth of a query's
/// time went into an exact one.
#[inline]
fn erf(x: f32) -> f32 {
    let t = 1.0 / (1.0 + 0.327_591_1 * x.abs());
    let polynomial = ((((1.061_405_4 * t - 1.453_152_1) * t + 1.421_413_8) * t - 0.284_496_74) * t + 0.254_829_6) * t;
    (1.0 - polynomial * exp(-x * x)).copysign(x)
}

/// eˣ within about 2e-7 of it, in arithmetic the compiler turns into vector instructions (a call
/// to the system's `expf` for each of a layer's 1,536 values a token is not): 2ⁿ × e^r, with n
/// the nearest integer to x / ln 2 (rounded by adding 1.5 × 2²³) and e^r, |r| ≤
/// ln 2 / 2, by its Taylor series to the 7th power.
#[inline]
fn exp(x: f32) -> f32 {
    const ROUND: f32 = 12_582_912.0;
    let x = x.clamp(-87.0, 88.0);
    let shifted = x * std::f32::consts::LOG2_E + ROUND;
    let n = shifted - ROUND;
    // ln 2 in two parts, so that n × the first is exact.
    let r = x - n * 0.693_359_4 + n * 2.121_944_4e-4;
    let series = 1.0
        + r * (1.0
            + r * (0.5
                + r * (1.0 / 6.0 + r * (1.0 / 24.0 + r * (1.0 / 120.0 + r * (1.0 / 720.0 + r * (1.0 / 5040.0)))))));
    // 2ⁿ from the rounded sum's bits, whose low ones hold n (a float-to-integer cast is not
    // turned into vector instructions).
    f32::from_bits(shifted.to_bits().wrapping_sub(0x4b40_0000).wrapping_add(127) << 23) * series
}

#[cfg(test)]
mod tests {
    #[test]
    fn exp_is_close_to_the_exact_one() {
        for i in -8700..=8800 {
            let x = i as f32 / 100.0;
            let (got, exact) = (super::exp(x), x.exp());
            assert!((got - exact).abs() <= 3e-7 * exact, "exp({x}): {got} against {exact}");
        }
    }

    #[test]
    fn erf_is_close_to_the_exact_one() {
        for i in -400..=400 {
            let x = i as f32 / 100.0;
            assert!((super::erf(x) - libm::erff(x)).abs() < 5e-7, "erf({x})");
        }
    }

    #[test]
    fn a_query_shared_with_a_helper_thread_is_embedded_exactly_as_on_one() {
        let Some(encoder) = crate::testing::encoder() else { return };
        for text in [
            "coral bleaching",
            "산호초 백화 현상과 해양 열파",
            "apprentissage automatique pour la détection précoce des maladies rares chez l'enfant",
        ] {
            let ids = encoder.token_ids(&format!("query: {text}"), super::QUERY_TOKENS);
            let alone = encoder.forward(&ids, None);
            let shared = super::Helper::with(|helper| encoder.forward(&ids, Some(helper)));
            assert_eq!(alone, shared, "{text}");
        }
    }
}
