//! Korean tokenization: morphological analysis with mecab-ko-dic (through lindera), keeping the
//! content morphemes and dropping particles and endings, so that 연구원을 and 연구원 meet.
//!
//! The dictionary is embedded in the binary (`lindera`'s `embed-ko-dic`); `scripts/lib.sh`
//! builds it offline from the source archive that crates.io ships (see `tools/ko-dic`).

use std::sync::{Arc, LazyLock};

use lindera::dictionary::load_dictionary;
use lindera::mode::Mode;
use lindera::segmenter::Segmenter;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

static SEGMENTER: LazyLock<Option<Arc<Segmenter>>> = LazyLock::new(|| match load_dictionary("embedded://ko-dic") {
    Ok(dictionary) => Some(Arc::new(Segmenter::new(Mode::Normal, dictionary, None))),
    Err(err) => {
        tracing::error!(error = %err, "the Korean dictionary could not be loaded; Korean text splits on spaces");
        None
    }
});

/// Whether a morpheme carries meaning worth indexing. mecab-ko-dic tags (Sejong tag set):
/// particles `J*`, endings `E*`, suffixes `XS*`, the copula `VCP`/`VCN` and punctuation `S[FPSEOW]`
/// are dropped; nouns, verb and adjective stems, roots, foreign words (`SL`), numbers (`SN`) and
/// hanja (`SH`) are kept. Compound tags (`VV+EP`) are judged by their first part.
fn is_content(tag: &str) -> bool {
    let first = tag.split('+').next().unwrap_or(tag);
    !(first.starts_with('J')
        || first.starts_with('E')
        || first.starts_with("XS")
        || matches!(first, "VCP" | "VCN" | "SF" | "SP" | "SS" | "SE" | "SO" | "SW" | "SC" | "SY"))
}

#[derive(Clone, Default)]
pub struct KoreanTokenizer;

pub struct KoreanTokenStream {
    tokens: Vec<Token>,
    index: usize,
}

impl Tokenizer for KoreanTokenizer {
    type TokenStream<'a> = KoreanTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> KoreanTokenStream {
        let mut tokens = Vec::new();
        match SEGMENTER.as_ref() {
            Some(segmenter) => segment(segmenter, text, &mut tokens),
            None => split_on_whitespace(text, &mut tokens),
        }
        KoreanTokenStream { tokens, index: 0 }
    }
}

fn push(tokens: &mut Vec<Token>, text: &str, offset_from: usize, offset_to: usize) {
    tokens.push(Token { offset_from, offset_to, position: tokens.len(), text: text.to_string(), position_length: 1 });
}

fn segment(segmenter: &Segmenter, text: &str, tokens: &mut Vec<Token>) {
    let Ok(morphemes) = segmenter.segment(std::borrow::Cow::Borrowed(text)) else {
        split_on_whitespace(text, tokens);
        return;
    };
    for mut morpheme in morphemes {
        let keep = morpheme.get("part_of_speech_tag").is_none_or(is_content);
        let surface = morpheme.surface.trim();
        if keep && !surface.is_empty() {
            push(tokens, surface, morpheme.byte_start, morpheme.byte_end);
        }
    }
}

fn split_on_whitespace(text: &str, tokens: &mut Vec<Token>) {
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (start, c.is_alphanumeric()) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                push(tokens, &text[s..i], s, i);
                start = None;
            }
            _ => {}
        }
    }
}

impl TokenStream for KoreanTokenStream {
    fn advance(&mut self) -> bool {
        self.index += 1;
        self.index <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.index - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.index - 1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        crate::analysis::token_texts(&mut tantivy::tokenizer::TextAnalyzer::from(KoreanTokenizer), text)
    }

    #[test]
    fn particles_and_endings_are_dropped() {
        assert_eq!(words("양자 컴퓨팅 연구원을 모집합니다"), ["양자", "컴퓨팅", "연구원", "모집"]);
        assert_eq!(words("배터리를"), words("배터리"));
    }

    #[test]
    fn latin_terms_inside_korean_survive() {
        let tokens = words("QKD 기반 양자암호 통신과 FPGA 설계");
        assert!(tokens.contains(&"QKD".to_string()), "{tokens:?}");
        assert!(tokens.contains(&"FPGA".to_string()), "{tokens:?}");
    }
}
