//! The index schema and the document built from each opening.

use chrono::NaiveDate;
use model::Lang;
use model::dto::funded_code;
use model::fit::{MAX_JUDGED_LANGUAGES, OpeningFacts};
use model::record::{LanguageRequirement, OpeningRecord};
use model::vocab::{CareerStage, Cefr, Kind};
use tantivy::schema::{
    FAST, Facet, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions,
};
use tantivy::{TantivyDocument, doc};

use crate::analysis::{NEUTRAL, analyzer_name};
use crate::loanword;

/// Bump when the schema or an analyzer changes: a stale index is then rebuilt on start.
pub const SCHEMA_VERSION: u32 = 10;

/// What the index needs of an opening.
pub struct IndexedOpening<'a> {
    pub id: i64,
    pub record: &'a OpeningRecord,
    /// When it was published, in milliseconds since the Unix epoch (for "newest first": two
    /// openings published within a second keep their order).
    pub published_at: i64,
}

#[derive(Clone, Copy)]
pub struct Fields {
    pub id: Field,
    /// Per language, in [`Lang::ALL`] order.
    pub title: [Field; 3],
    pub description: [Field; 3],
    pub keywords: Field,
    pub institution: Field,
    /// The sound keys of the words of titles and keywords (see `loanword`).
    pub sounds: Field,
    /// `/kind/…`, `/stage/…`, `/field/…`, `/country/…`, `/institution/…`, `/language/…`,
    /// `/funded/yes|no`: counted for every search.
    pub facets: Field,
    /// Kind, funding, career stages, country and common required languages packed in one
    /// number (see [`FacetBits`]): counting facets reads one value per document.
    pub facet_bits: Field,
    /// One bit per OECD field ([`model::vocab::Field::ALL`] order).
    pub field_bits: Field,
    /// The start date and the required languages with their levels (see [`FitBits`]): with
    /// `facet_bits` and `field_bits`, what recommendations judge an opening on.
    pub fit_bits: Field,
    /// The institution's slug, as a column for counting.
    pub institution_slug: Field,
    /// `/keyword/…` (lower-cased keywords), for suggestions; apart from `facets` so that
    /// counting facets never walks them.
    pub keywords_facet: Field,
    /// Days since the Unix epoch.
    pub deadline: Field,
    /// The deadline day and the id in one number ([`deadline_order`]): sorting by deadline
    /// with ties on the id reads one value per document instead of two.
    pub deadline_order: Field,
    pub published_at: Field,
    /// What the opening's embedding is made of (stored only; see `semantic`).
    pub passage: Field,
}

/// The facet root under which keywords are kept for suggestions.
pub const KEYWORD_FACET: &str = "keyword";

/// How a keyword is kept and compared for suggestions: lower case, single spaces.
pub fn suggestion_form(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

pub fn lang_slot(lang: Lang) -> usize {
    Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)
}

/// `deadline` in the high bits, `id` in the low 32: ordered by deadline, then id.
pub fn deadline_order(deadline: NaiveDate, id: i64) -> i64 {
    (epoch_day(deadline) << 32) | (id & 0xffff_ffff)
}

/// The id back from a [`deadline_order`] value.
pub fn id_of_deadline_order(order: i64) -> i64 {
    order & 0xffff_ffff
}

pub fn epoch_day(date: NaiveDate) -> i64 {
    date.signed_duration_since(NaiveDate::default()).num_days()
}

fn text(analyzer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer(analyzer).set_index_option(IndexRecordOption::WithFreqsAndPositions),
    )
}

pub fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let id = builder.add_i64_field("id", INDEXED | STORED | FAST);
    let per_lang = |builder: &mut tantivy::schema::SchemaBuilder, prefix: &str| {
        Lang::ALL.map(|lang| builder.add_text_field(&format!("{prefix}_{}", lang.code()), text(analyzer_name(lang))))
    };
    let title = per_lang(&mut builder, "title");
    let description = per_lang(&mut builder, "description");
    let keywords = builder.add_text_field("keywords", text(NEUTRAL));
    let institution = builder.add_text_field("institution", text(NEUTRAL));
    let sounds = builder.add_text_field(
        "sounds",
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default().set_tokenizer("default").set_index_option(IndexRecordOption::WithFreqs),
        ),
    );
    let facets = builder.add_facet_field("facets", FacetOptions::default());
    let keywords_facet = builder.add_facet_field("keyword_facets", FacetOptions::default());
    let facet_bits = builder.add_u64_field("facet_bits", FAST);
    let field_bits = builder.add_u64_field("field_bits", FAST);
    let fit_bits = builder.add_u64_field("fit_bits", FAST);
    let institution_slug = builder.add_text_field("institution_slug", STRING | FAST);
    let deadline = builder.add_i64_field("deadline", INDEXED | FAST);
    let deadline_order = builder.add_i64_field("deadline_order", FAST);
    let published_at = builder.add_i64_field("published_at", FAST);
    let passage = builder.add_text_field("passage", STORED);
    let fields = Fields {
        id,
        title,
        description,
        keywords,
        institution,
        sounds,
        facets,
        facet_bits,
        field_bits,
        fit_bits,
        institution_slug,
        keywords_facet,
        deadline,
        deadline_order,
        published_at,
        passage,
    };
    (builder.build(), fields)
}

impl Fields {
    /// `passage` is what the opening's embedding is made of (`semantic::passage`), stored.
    pub fn document(&self, opening: &IndexedOpening<'_>, passage: &str) -> TantivyDocument {
        let record = opening.record;
        let mut document = doc!(
            self.id => opening.id,
            self.deadline => epoch_day(record.deadline),
            self.deadline_order => deadline_order(record.deadline, opening.id),
            self.published_at => opening.published_at,
            self.facet_bits => FacetBits::of(record).0,
            self.field_bits => field_bits(record),
            self.fit_bits => FitBits::of(&OpeningFacts::of(record)).0,
            self.institution_slug => record.institution.slug.as_str(),
            self.passage => passage,
        );
        for (lang, title) in &record.title {
            document.add_text(self.title[lang_slot(*lang)], title);
        }
        for (lang, description) in &record.description {
            document.add_text(self.description[lang_slot(*lang)], description);
        }
        for keyword in &record.keywords {
            document.add_text(self.keywords, keyword);
        }
        // Titles and keywords, as for the embedding: descriptions would cost a tenth of the
        // indexing time and bring chance meetings of common words.
        let texts = record.title.values().chain(&record.keywords);
        let sounds: Vec<String> = texts.flat_map(|text| loanword::keys(text)).collect();
        document.add_text(self.sounds, sounds.join(" "));
        for name in record.institution.name.values() {
            document.add_text(self.institution, name);
        }
        document.add_text(self.institution, &record.institution.slug);
        document.add_facet(self.facets, Facet::from_path(["kind", record.kind.code()]));
        for stage in &record.career_stages {
            document.add_facet(self.facets, Facet::from_path(["stage", stage.code()]));
        }
        for field in &record.fields {
            document.add_facet(self.facets, Facet::from_path(["field", field.code()]));
        }
        document.add_facet(self.facets, Facet::from_path(["country", record.location.country.as_str()]));
        document.add_facet(self.facets, Facet::from_path(["institution", record.institution.slug.as_str()]));
        let mut languages: Vec<&str> = record.languages_required.iter().map(|r| r.lang.as_str()).collect();
        languages.sort_unstable();
        languages.dedup();
        for language in languages {
            document.add_facet(self.facets, Facet::from_path(["language", language]));
        }
        let funded = funded_code(record.funding.stipend.is_some());
        document.add_facet(self.facets, Facet::from_path(["funded", funded]));
        let mut keywords: Vec<String> = record.keywords.iter().map(|k| suggestion_form(k)).collect();
        keywords.sort_unstable();
        keywords.dedup();
        for keyword in keywords.iter().filter(|k| !k.is_empty()) {
            document.add_facet(self.keywords_facet, Facet::from_path([KEYWORD_FACET, keyword.as_str()]));
        }
        document
    }
}

impl Fields {
    /// A researcher's profile as a document of the profile index (the same schema, so that an
    /// opening's topics reach profiles through the same analysers and vocabulary as a profile's
    /// reach openings): its keywords as keywords, its interests as descriptions in their
    /// languages, its fields and stage as facets. `id` is the account.
    pub fn profile_document(&self, account_id: i64, profile: &model::profile::Profile) -> TantivyDocument {
        let mut document = doc!(self.id => account_id);
        for (lang, interests) in &profile.interests {
            document.add_text(self.description[lang_slot(*lang)], interests);
        }
        for keyword in &profile.keywords {
            document.add_text(self.keywords, keyword);
        }
        let sounds: Vec<String> = profile.keywords.iter().flat_map(|text| loanword::keys(text)).collect();
        document.add_text(self.sounds, sounds.join(" "));
        for field in &profile.fields {
            document.add_facet(self.facets, Facet::from_path(["field", field.code()]));
        }
        if let Some(stage) = profile.career_stage {
            document.add_facet(self.facets, Facet::from_path(["stage", stage.code()]));
        }
        document
    }
}

/// Required languages counted in the language facet, one bit each; rarer ones can still be
/// filtered on (through `facets`), they are only left out of the counts.
pub const COUNTED_LANGUAGES: [&str; 16] =
    ["en", "fr", "ko", "de", "es", "ja", "zh", "it", "pt", "ru", "ar", "nl", "sv", "pl", "vi", "hi"];

/// Bits 0–2: kind ([`Kind::ALL`] index); 3: funded; 4–7: career stages; 8–17: country
/// (two letters, base 26); 18–33: required languages ([`COUNTED_LANGUAGES`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FacetBits(pub u64);

fn position<T: PartialEq>(all: &[T], value: &T) -> u64 {
    all.iter().position(|v| v == value).map_or(0, |p| p as u64)
}

impl FacetBits {
    pub fn of(record: &OpeningRecord) -> FacetBits {
        let mut bits = position(Kind::ALL, &record.kind);
        if record.funding.stipend.is_some() {
            bits |= 1 << 3;
        }
        for stage in &record.career_stages {
            bits |= 1 << (4 + position(CareerStage::ALL, stage));
        }
        if let Some(country) = letter_pair(&record.location.country, b'A') {
            bits |= country << 8;
        }
        for requirement in &record.languages_required {
            if let Some(slot) = COUNTED_LANGUAGES.iter().position(|code| *code == requirement.lang) {
                bits |= 1 << (18 + slot);
            }
        }
        FacetBits(bits)
    }

    /// Index of the kind in [`Kind::ALL`].
    pub fn kind_slot(self) -> usize {
        (self.0 & 0b111) as usize
    }

    pub fn funded(self) -> bool {
        self.0 & (1 << 3) != 0
    }

    /// Bit i: the i-th of [`CareerStage::ALL`].
    pub fn stage_mask(self) -> u64 {
        (self.0 >> 4) & 0b1111
    }

    /// The country as a number below 26 × 26; see [`FacetBits::country_code`].
    pub fn country_slot(self) -> usize {
        ((self.0 >> 8) & 0x3ff) as usize
    }

    /// The two letters of a country slot.
    pub fn country_code(slot: usize) -> String {
        letters_of_pair(slot as u64, b'A')
    }

    /// Bit i: the i-th of [`COUNTED_LANGUAGES`].
    pub fn language_mask(self) -> u64 {
        (self.0 >> 18) & 0xffff
    }
}

/// A two-letter code (a country's `KR`, with `first` `A`; a language's `ko`, with `a`) as one
/// number below 26 × 26; `None` when it is not two letters.
fn letter_pair(code: &str, first: u8) -> Option<u64> {
    let letters: Vec<u64> = code.bytes().map(|b| u64::from(b.saturating_sub(first)) % 26).collect();
    let [high, low] = letters[..] else { return None };
    Some(high * 26 + low)
}

/// The two letters of a [`letter_pair`].
fn letters_of_pair(pair: u64, first: u8) -> String {
    let letter = |n: u64| char::from(first + (n % 26) as u8);
    [letter(pair / 26), letter(pair % 26)].iter().collect()
}

/// The set bits of `mask`, lowest first.
pub fn set_bits(mut mask: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        (mask != 0).then(|| {
            let bit = mask.trailing_zeros() as usize;
            mask &= mask - 1;
            bit
        })
    })
}

/// Bits 0–15: the start date as days since the Unix epoch plus one (0: none); then up to
/// [`MAX_JUDGED_LANGUAGES`] required languages, 13 bits each: the level (1–6 for A1–C2, 0: no
/// language) and the two letters of the code (base 26).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FitBits(pub u64);

const LANGUAGE_BITS: u32 = 13;

impl FitBits {
    pub fn of(facts: &OpeningFacts) -> FitBits {
        let start = facts.start_date.map_or(0, |date| (epoch_day(date) + 1).clamp(0, 0xffff) as u64);
        let mut bits = start;
        for (slot, requirement) in facts.languages.iter().take(MAX_JUDGED_LANGUAGES).enumerate() {
            let Some(code) = letter_pair(&requirement.lang, b'a') else { continue };
            let level = position(Cefr::ALL, &requirement.level) + 1;
            let packed = level | (code << 3);
            bits |= packed << (16 + LANGUAGE_BITS * slot as u32);
        }
        FitBits(bits)
    }

    /// The facts of an opening from what the index keeps of it.
    pub fn facts(self, facets: FacetBits, fields: u64) -> OpeningFacts {
        let start = self.0 & 0xffff;
        let languages = (0..MAX_JUDGED_LANGUAGES)
            .map(|slot| (self.0 >> (16 + LANGUAGE_BITS * slot as u32)) & ((1 << LANGUAGE_BITS) - 1))
            .filter(|packed| packed & 0b111 != 0)
            .filter_map(|packed| {
                let level = *Cefr::ALL.get((packed & 0b111) as usize - 1)?;
                Some(LanguageRequirement { lang: letters_of_pair(packed >> 3, b'a'), level })
            })
            .collect();
        OpeningFacts {
            kind: Kind::ALL.get(facets.kind_slot()).copied(),
            stages: set_bits(facets.stage_mask()).filter_map(|i| CareerStage::ALL.get(i).copied()).collect(),
            fields: set_bits(fields).filter_map(|i| model::vocab::Field::ALL.get(i).copied()).collect(),
            country: FacetBits::country_code(facets.country_slot()),
            funded: facets.funded(),
            start_date: (start > 0).then(|| NaiveDate::default() + chrono::Days::new(start - 1)),
            languages,
        }
    }
}

pub fn field_bits(record: &OpeningRecord) -> u64 {
    record.fields.iter().fold(0, |bits, field| bits | 1 << position(model::vocab::Field::ALL, field))
}

#[cfg(test)]
mod tests {
    use model::record::testing::record;

    use super::*;

    #[test]
    fn facet_bits_round_trip() {
        let mut opening = record("a", "kaist", "Batteries");
        opening.location.country = "CA".into();
        opening.career_stages = vec![CareerStage::ALL[0], CareerStage::ALL[3]];
        opening
            .languages_required
            .push(model::record::LanguageRequirement { lang: "ko".into(), level: model::vocab::Cefr::A2 });
        let bits = FacetBits::of(&opening);
        assert_eq!(Kind::ALL[bits.kind_slot()], opening.kind);
        assert!(bits.funded());
        let stages: Vec<CareerStage> = set_bits(bits.stage_mask()).map(|i| CareerStage::ALL[i]).collect();
        assert_eq!(stages, opening.career_stages);
        assert_eq!(FacetBits::country_code(bits.country_slot()), "CA");
        let languages: Vec<&str> = set_bits(bits.language_mask()).map(|i| COUNTED_LANGUAGES[i]).collect();
        assert_eq!(languages, ["en", "ko"]);
    }

    #[test]
    fn what_recommendations_judge_comes_back_from_the_index_as_it_went_in() {
        let mut opening = record("a", "kaist", "Batteries");
        opening.location.country = "KR".into();
        opening.career_stages = vec![CareerStage::ALL[1], CareerStage::ALL[2]];
        opening.fields = vec![model::vocab::Field::ALL[3], model::vocab::Field::ALL[40]];
        opening.start_date = NaiveDate::from_ymd_opt(2027, 3, 2);
        opening.languages_required = vec![
            LanguageRequirement { lang: "ko".into(), level: Cefr::B2 },
            LanguageRequirement { lang: "zu".into(), level: Cefr::A1 },
            LanguageRequirement { lang: "en".into(), level: Cefr::C2 },
        ];
        let facts = OpeningFacts::of(&opening);
        let back = FitBits::of(&facts).facts(FacetBits::of(&opening), field_bits(&opening));
        assert_eq!(back, facts);
        opening.start_date = None;
        opening.languages_required.clear();
        let facts = OpeningFacts::of(&opening);
        assert_eq!(FitBits::of(&facts).facts(FacetBits::of(&opening), field_bits(&opening)), facts);
    }
}
