//! Analyzers. Each language field is analysed with its language's analyzer, and the query parser
//! applies the same one to the query text, so `batteries` meets `battery` and `Énergie` meets
//! `energie`.

use model::Lang;

use crate::korean::KoreanTokenizer;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
    TokenizerManager,
};

/// For text whose language is unknown (keywords, institution names): folds case and accents.
pub const NEUTRAL: &str = "passerelle_neutral";

pub fn analyzer_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "passerelle_en",
        Lang::Fr => "passerelle_fr",
        Lang::Ko => "passerelle_ko",
    }
}

/// French elided articles and pronouns (l', d', qu'…) split off by the tokenizer.
const FRENCH_ELISIONS: [&str; 9] = ["l", "d", "j", "m", "n", "s", "t", "c", "qu"];

/// The token texts `analyzer` makes of `text` (for tests; the index and queries use
/// [`analyse_at`]).
#[cfg(test)]
pub fn token_texts(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// `text` as the analyzer named `analyzer` indexes it, in one pass: its tokens, and where each
/// sits counted from the first. Words the analyzer drops (stop words) leave a gap, as they do
/// in the index ("théorie des nœuds" is `theor` at 0 and `noeud` at 2), so a phrase built
/// from these offsets matches the indexed text.
pub fn analyse_at(tokenizers: &TokenizerManager, analyzer: &str, text: &str) -> (Vec<String>, Vec<usize>) {
    let Some(mut analyzer) = tokenizers.get(analyzer) else { return Default::default() };
    let mut stream = analyzer.token_stream(text);
    let (mut tokens, mut offsets) = (Vec::new(), Vec::new());
    while stream.advance() {
        let token = stream.token();
        let first = *offsets.first().unwrap_or(&token.position);
        tokens.push(token.text.clone());
        offsets.push(token.position - first);
    }
    (tokens, offsets)
}

/// `text` as `lang`'s analyzer (registered in `tokenizers`) indexes it (for tests).
#[cfg(test)]
pub fn analyse(tokenizers: &TokenizerManager, lang: Lang, text: &str) -> Vec<String> {
    tokenizers.get(analyzer_name(lang)).map(|mut analyzer| token_texts(&mut analyzer, text)).unwrap_or_default()
}

pub fn register(manager: &TokenizerManager) {
    // Stop words match nearly every opening: they cost time and add nothing to the ranking.
    let stop_words =
        |language| StopWordFilter::new(language).unwrap_or_else(|| StopWordFilter::remove(Vec::<String>::new()));
    manager.register(
        analyzer_name(Lang::En),
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(stop_words(Language::English))
            .filter(Stemmer::new(Language::English))
            .build(),
    );
    let french_stop_words = stop_words(Language::French);
    manager.register(
        analyzer_name(Lang::Fr),
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(StopWordFilter::remove(FRENCH_ELISIONS.map(String::from)))
            .filter(french_stop_words)
            .filter(Stemmer::new(Language::French))
            .filter(AsciiFoldingFilter)
            .build(),
    );
    manager.register(
        analyzer_name(Lang::Ko),
        TextAnalyzer::builder(KoreanTokenizer).filter(RemoveLongFilter::limit(40)).filter(LowerCaser).build(),
    );
    // Keywords and institution names mix languages ("Université de Sherbrooke"): without the
    // stop words of both, a French query's "de" would match every French-named institution.
    manager.register(
        NEUTRAL,
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(StopWordFilter::remove(FRENCH_ELISIONS.map(String::from)))
            .filter(stop_words(Language::English))
            .filter(stop_words(Language::French))
            .filter(AsciiFoldingFilter)
            .build(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(lang: Lang, text: &str) -> Vec<String> {
        let manager = TokenizerManager::default();
        register(&manager);
        analyse(&manager, lang, text)
    }

    #[test]
    fn french_drops_elisions_and_folds_accents() {
        assert_eq!(tokens(Lang::Fr, "l'énergie des batteries"), tokens(Lang::Fr, "Energie batterie"));
    }

    #[test]
    fn korean_particles_do_not_matter() {
        assert_eq!(tokens(Lang::Ko, "연구원을 모집합니다"), tokens(Lang::Ko, "연구원 모집"));
        assert_eq!(tokens(Lang::Ko, "QKD 연구"), ["qkd", "연구"]);
    }

    #[test]
    fn english_stems() {
        assert_eq!(tokens(Lang::En, "batteries"), tokens(Lang::En, "battery"));
    }
}
