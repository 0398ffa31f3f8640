//! Countries, languages and currencies named in the reader's language, from CLDR: the tables in
//! `l10n/data/` (`countries.tsv`, `languages.tsv`, `currencies.tsv`: code, English, French as
//! written in Canada, Korean), written by `scripts/cldr-names.mjs` from the CLDR inside Node's ICU
//! and the ISO code lists of Debian's `iso-codes`.

use std::sync::LazyLock;

use model::Lang;

/// One table: rows sorted by code, each with its names in English, French and Korean.
struct NameTable {
    rows: Vec<(&'static str, [&'static str; 3])>,
}

impl NameTable {
    fn parse(text: &'static str) -> Self {
        let mut rows: Vec<_> = text
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .filter_map(|line| {
                let mut cells = line.split('\t');
                let code = cells.next()?;
                let names = [cells.next()?, cells.next()?, cells.next()?];
                Some((code, names))
            })
            .collect();
        rows.sort_by_key(|(code, _)| *code);
        Self { rows }
    }

    fn name(&self, code: &str, reader: Lang) -> Option<&'static str> {
        let at = self.rows.binary_search_by_key(&code, |(code, _)| *code).ok()?;
        Some(self.rows[at].1[column(reader)])
    }

    /// Every (code, name) pair, in the order of the names as the reader's language sorts them.
    fn all(&self, reader: Lang) -> Vec<(String, String)> {
        let mut all: Vec<(String, String)> =
            self.rows.iter().map(|(code, names)| (code.to_string(), names[column(reader)].to_string())).collect();
        all.sort_by_cached_key(|(_, name)| sort_key(name));
        all
    }
}

fn column(reader: Lang) -> usize {
    match reader {
        Lang::En => 0,
        Lang::Fr => 1,
        Lang::Ko => 2,
    }
}

/// Names sort by their letters without accents first ("Égypte" among the E), as a French
/// reader expects; Hangul sorts by code point, which is its dictionary order.
fn sort_key(name: &str) -> (String, String) {
    let plain = name
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => 'a',
            'À' | 'Â' | 'Ä' | 'Á' | 'Å' => 'a',
            'ç' | 'Ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
            'î' | 'ï' | 'í' | 'Î' => 'i',
            'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' => 'o',
            'ù' | 'û' | 'ü' | 'ú' | 'Ü' => 'u',
            'ÿ' => 'y',
            other => other.to_lowercase().next().unwrap_or(other),
        })
        .collect();
    (plain, name.to_string())
}

static COUNTRIES: LazyLock<NameTable> = LazyLock::new(|| NameTable::parse(include_str!("../data/countries.tsv")));
static LANGUAGES: LazyLock<NameTable> = LazyLock::new(|| NameTable::parse(include_str!("../data/languages.tsv")));
static CURRENCIES: LazyLock<NameTable> = LazyLock::new(|| NameTable::parse(include_str!("../data/currencies.tsv")));

/// A country's name (ISO 3166-1 alpha-2 code) in the reader's language, or the code when unknown.
pub fn country_name(reader: Lang, code: &str) -> String {
    COUNTRIES.name(&code.to_ascii_uppercase(), reader).map_or_else(|| code.to_string(), str::to_string)
}

/// A language's name (ISO 639-1 code) in the reader's language, or the code when unknown.
pub fn language_name(reader: Lang, code: &str) -> String {
    LANGUAGES.name(&code.to_ascii_lowercase(), reader).map_or_else(|| code.to_uppercase(), str::to_string)
}

/// A currency's name (ISO 4217 code) in the reader's language, or the code when unknown.
pub fn currency_name(reader: Lang, code: &str) -> String {
    CURRENCIES.name(&code.to_ascii_uppercase(), reader).map_or_else(|| code.to_string(), str::to_string)
}

/// Every country, as (code, name) in the reader's order: the posting form's choices.
pub fn countries(reader: Lang) -> Vec<(String, String)> {
    COUNTRIES.all(reader)
}

/// Every language, as (code, name) in the reader's order.
pub fn languages(reader: Lang) -> Vec<(String, String)> {
    LANGUAGES.all(reader)
}

/// Every currency, as (code, name) in the reader's order.
pub fn currencies(reader: Lang) -> Vec<(String, String)> {
    CURRENCIES.all(reader)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_in_the_readers_language_and_unknown_codes_stay_codes() {
        assert_eq!(country_name(Lang::Fr, "KR"), "Corée du Sud");
        assert_eq!(country_name(Lang::Ko, "kr"), "대한민국");
        assert_eq!(country_name(Lang::En, "XX"), "XX");
        assert_eq!(language_name(Lang::Fr, "en"), "anglais");
        assert_eq!(language_name(Lang::Ko, "fr"), "프랑스어");
        assert_eq!(currency_name(Lang::Fr, "CAD"), "dollar canadien");
    }

    #[test]
    fn every_iso_country_language_and_currency_is_offered_in_the_readers_order() {
        let french = countries(Lang::Fr);
        assert!(french.len() > 240, "{}", french.len());
        let position = |name: &str| french.iter().position(|(_, n)| n == name).expect(name);
        // Accents sort with their letter: Égypte among the E, before Espagne.
        assert!(position("Égypte") < position("Espagne") && position("Allemagne") < position("Égypte"));
        assert!(languages(Lang::Ko).iter().any(|(code, name)| code == "sw" && name == "스와힐리어"));
        assert!(currencies(Lang::En).iter().any(|(code, _)| code == "KRW"));
    }
}
