//! Whatever a user types, search answers with results or an empty list: never an error, never a
//! panic. A seeded generator throws thousands of hostile strings at the query builder.

use chrono::NaiveDate;
use model::Lang;
use model::record::testing::record;
use search::{Filters, IndexedOpening, SearchIndex, SearchQuery, Sort};

/// Characters that mean something to query parsers, scripts of our languages, and worse.
const ALPHABET: &[&str] = &[
    "a",
    "Z",
    "é",
    "ç",
    "l'",
    "연구원을",
    "배터리",
    "양자",
    " ",
    "  ",
    "\t",
    "\n",
    "\"",
    "'",
    "+",
    "-",
    "&&",
    "||",
    "!",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "^",
    "~",
    "*",
    "?",
    ":",
    "\\",
    "/",
    "TO",
    "AND",
    "OR",
    "NOT",
    "title:",
    "id:",
    "IN",
    "0",
    "9",
    "1.5",
    "-1",
    "😀",
    "🇰🇷",
    "\u{0}",
    "\u{7}",
    "\u{1b}[31m",
    "\u{200b}",
    "\u{feff}",
    "\u{fffd}",
    "\u{202e}",
    "ﷺ",
    "𝔘",
    "<script>",
    "%",
    "%ED%A0%80",
    "*:*",
    "QKD",
    "FPGA",
];

/// xorshift64*: deterministic, so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        usize::try_from(self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33).unwrap_or(0)
    }
}

fn queries() -> Vec<String> {
    let mut rng = Rng(0x5eed_cafe);
    let mut out: Vec<String> = (0..3000)
        .map(|_| {
            let parts = rng.next() % 12;
            (0..parts).map(|_| ALPHABET[rng.next() % ALPHABET.len()]).collect()
        })
        .collect();
    out.push("quantum ".repeat(1500)); // about 10 KB
    out.push("(".repeat(5000));
    out.push("\"".repeat(4001));
    out.push("a~99999999999999999999 b^1e400".into());
    out.push(String::from_utf8_lossy(&[0xed, 0xa0, 0x80, 0x41]).into_owned()); // a lone surrogate, decoded
    out
}

#[test]
fn no_query_string_fails() {
    let dir = tempfile::tempdir().expect("temp dir");
    let index = SearchIndex::open(dir.path()).expect("index");
    let records = [
        record("a", "kaist", "Quantum error correction"),
        record("b", "snu", "Battery materials"),
        record("c", "postech", "Photonics"),
    ];
    index
        .rebuild(records.iter().enumerate().map(|(i, record)| IndexedOpening {
            id: i64::try_from(i).unwrap_or(0) + 1,
            record,
            published_at: 0,
        }))
        .expect("rebuild");
    let today = NaiveDate::from_ymd_opt(2030, 1, 1).unwrap_or_default();
    for (i, text) in queries().iter().enumerate() {
        let query = SearchQuery {
            text,
            lang: Lang::ALL[i % 3],
            filters: Filters::default(),
            sort: [Sort::Relevance, Sort::Deadline, Sort::Newest][i % 3],
            offset: i % 4,
            limit: 10,
            today,
            include_closed: i % 2 == 0,
        };
        let results = index.search(&query).unwrap_or_else(|e| panic!("query {text:?} failed: {e}"));
        assert!(results.hits.len() <= 10);
        let suggestions = index.suggest(text, query.lang, 8).unwrap_or_else(|e| panic!("suggest {text:?} failed: {e}"));
        assert!(suggestions.len() <= 8);
    }
}
