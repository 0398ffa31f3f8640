//! XLM-RoBERTa's SentencePiece unigram tokenizer: normalise each character, mark word starts
//! with `▁`, then cut the text into the pieces whose scores add up highest (Viterbi).

use std::collections::HashMap;

use crate::model_file::Vocabulary;

/// SentencePiece's word-start marker.
const WORD_START: char = '\u{2581}';

pub(crate) struct Tokenizer {
    ids: HashMap<Box<[u8]>, u32>,
    scores: Vec<f32>,
    normalisation: HashMap<char, Vec<char>>,
    pub bos: u32,
    pub eos: u32,
    unk: u32,
    /// What a character no piece covers scores: below any piece, as SentencePiece does.
    unknown_score: f32,
    longest_piece: usize,
}

impl Tokenizer {
    pub fn new(vocabulary: Vocabulary) -> Tokenizer {
        let Vocabulary { pieces, scores, bos, eos, unk, normalisation } = vocabulary;
        let unknown_score = scores.iter().copied().fold(f32::INFINITY, f32::min) - 10.0;
        let longest_piece = pieces.iter().map(Vec::len).max().unwrap_or(1);
        let mut ids = HashMap::with_capacity(pieces.len());
        for (id, piece) in pieces.into_iter().enumerate() {
            let id = id as u32;
            if id != unk && !piece.is_empty() {
                ids.entry(piece.into_boxed_slice()).or_insert(id);
            }
        }
        Tokenizer { ids, scores, normalisation, bos, eos, unk, unknown_score, longest_piece }
    }

    /// The ids of `text`'s pieces (without the sentence markers), at most `limit` of them.
    pub fn pieces(&self, text: &str, limit: usize) -> Vec<u32> {
        let text = self.normalise(text);
        // Byte offset of every character, and the end.
        let starts: Vec<usize> = text.char_indices().map(|(at, _)| at).chain([text.len()]).collect();
        let chars = starts.len() - 1;
        let bytes = text.as_bytes();
        // best[i]: the best score of a cut of the first i characters; from[i]: the last piece.
        let mut best = vec![f32::NEG_INFINITY; chars + 1];
        let mut from = vec![(0usize, self.unk); chars + 1];
        best[0] = 0.0;
        for start in 0..chars {
            if best[start] == f32::NEG_INFINITY {
                continue;
            }
            for end in start + 1..=chars {
                let piece = &bytes[starts[start]..starts[end]];
                if piece.len() > self.longest_piece {
                    break;
                }
                if let Some(&id) = self.ids.get(piece) {
                    let score = best[start] + self.scores[id as usize];
                    if score > best[end] {
                        best[end] = score;
                        from[end] = (start, id);
                    }
                }
            }
            let unknown = best[start] + self.unknown_score;
            if unknown > best[start + 1] {
                best[start + 1] = unknown;
                from[start + 1] = (start, self.unk);
            }
        }
        let mut ids = Vec::new();
        let mut end = chars;
        while end > 0 {
            let (start, id) = from[end];
            ids.push(id);
            end = start;
        }
        ids.reverse();
        ids.truncate(limit);
        ids
    }

    /// The normalisation map applied, runs of spaces made one, and every word start marked.
    fn normalise(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + 8);
        let mut previous_space = false;
        for c in text.chars() {
            let mapped = self.normalisation.get(&c);
            for &c in mapped.map_or(std::slice::from_ref(&c), Vec::as_slice) {
                let space = c == ' ';
                if space && previous_space {
                    continue;
                }
                if out.is_empty() && !space {
                    out.push(WORD_START);
                }
                out.push(if space { WORD_START } else { c });
                previous_space = space;
            }
        }
        if out.is_empty() {
            out.push(WORD_START);
        }
        out
    }
}
