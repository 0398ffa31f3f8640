//! Places in the reader's language: the usual cities of Korea and Quebec from a maintained table
//! (`l10n/data/cities.tsv`), found by any of their names ("Montreal", "Montréal", "몬트리올"); a
//! city missing from it is shown as the opening writes it.

use std::collections::HashMap;
use std::sync::LazyLock;

use model::Lang;

const TABLE: &str = include_str!("../data/cities.tsv");

/// A city's names: `[fr, en, ko]` in `Lang::ALL` order.
type Names = [&'static str; 3];

/// (country, folded name) → the city's names.
static CITIES: LazyLock<HashMap<(&'static str, String), Names>> = LazyLock::new(|| {
    let mut cities = HashMap::new();
    for line in TABLE.lines().filter(|line| !line.starts_with('#') && !line.trim().is_empty()) {
        let cells: Vec<&str> = line.split('\t').collect();
        let [country, en, fr, ko, ..] = cells[..] else { continue };
        let names: Names = [fr, en, ko];
        let aliases: Vec<&str> = cells.get(4).map(|cell| cell.split(',').collect()).unwrap_or_default();
        for name in [en, fr, ko].into_iter().chain(aliases) {
            cities.insert((country, fold(name)), names);
        }
    }
    cities
});

/// Lower case, without accents, spaces, hyphens or apostrophes: "Trois-Rivières" and
/// "trois rivieres" are the same name.
fn fold(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '\'' | '’' | '.'))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c => c,
        })
        .collect()
}

/// `city` (in `country`, ISO 3166-1 alpha-2) as the reader's language names it.
pub fn city_name(reader: Lang, country: &str, city: &str) -> String {
    let slot = Lang::ALL.iter().position(|lang| *lang == reader).unwrap_or(0);
    CITIES.get(&(country, fold(city))).map_or_else(|| city.to_string(), |names| names[slot].to_string())
}

/// "Daejeon, South Korea", "Séoul, Corée du Sud", "대전, 대한민국": a city and its country in
/// the reader's language.
pub fn place(reader: Lang, country: &str, city: &str) -> String {
    format!("{}, {}", city_name(reader, country, city), crate::country_name(reader, country))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cities_are_named_in_the_readers_language_whatever_the_spelling() {
        assert_eq!(city_name(Lang::Ko, "KR", "Daejeon"), "대전");
        assert_eq!(city_name(Lang::Fr, "KR", "seoul"), "Séoul");
        assert_eq!(city_name(Lang::En, "CA", "Montréal"), "Montreal");
        assert_eq!(city_name(Lang::Ko, "CA", "Montreal"), "몬트리올");
        assert_eq!(city_name(Lang::Fr, "CA", "Quebec City"), "Québec");
        assert_eq!(city_name(Lang::En, "CA", "trois rivieres"), "Trois-Rivières");
        assert_eq!(city_name(Lang::Ko, "FR", "Lyon"), "Lyon", "a city the table lacks stays as written");
        assert_eq!(city_name(Lang::Ko, "FR", "Seoul"), "Seoul", "the country is part of the name");
    }

    #[test]
    fn the_table_is_well_formed() {
        let rows: Vec<&str> = TABLE.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).collect();
        assert!(rows.len() >= 50);
        let mut seen = HashMap::new();
        for row in rows {
            let cells: Vec<&str> = row.split('\t').collect();
            assert!((4..=5).contains(&cells.len()), "4 or 5 cells: {row}");
            assert!(cells[..4].iter().all(|c| !c.trim().is_empty()), "a name is missing: {row}");
            let names = cells[1..4].iter().copied().chain(cells.get(4).into_iter().flat_map(|c| c.split(',')));
            for name in names {
                let key = (cells[0], fold(name));
                if let Some(other) = seen.insert(key, cells[1]) {
                    assert_eq!(other, cells[1], "{name} names two cities");
                }
            }
        }
    }

    #[test]
    fn a_place_reads_in_the_readers_language() {
        assert_eq!(place(Lang::Ko, "KR", "Daejeon"), format!("대전, {}", crate::country_name(Lang::Ko, "KR")));
    }
}
