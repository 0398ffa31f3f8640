//! The index schema and the document built from each opening.

use chrono::NaiveDate;
use model::Lang;
use model::record::OpeningRecord;
use tantivy::schema::{
    FAST, Facet, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::{TantivyDocument, doc};

use crate::analysis::{NEUTRAL, analyzer_name};

/// Bump when the schema or an analyzer changes: a stale index is then rebuilt on start.
pub const SCHEMA_VERSION: u32 = 5;

/// What the index needs of an opening.
pub struct IndexedOpening<'a> {
    pub id: i64,
    pub record: &'a OpeningRecord,
    /// When it was published, in seconds since the Unix epoch (for "newest first").
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
    /// `/kind/…`, `/stage/…`, `/field/…`, `/country/…`, `/institution/…`, `/language/…`,
    /// `/funded/yes|no`: counted for every search.
    pub facets: Field,
    /// `/keyword/…` (lower-cased keywords), for suggestions; apart from `facets` so that
    /// counting facets never walks them.
    pub keywords_facet: Field,
    /// Days since the Unix epoch.
    pub deadline: Field,
    pub published_at: Field,
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
    let facets = builder.add_facet_field("facets", FacetOptions::default());
    let keywords_facet = builder.add_facet_field("keyword_facets", FacetOptions::default());
    let deadline = builder.add_i64_field("deadline", INDEXED | FAST);
    let published_at = builder.add_i64_field("published_at", FAST);
    let fields =
        Fields { id, title, description, keywords, institution, facets, keywords_facet, deadline, published_at };
    (builder.build(), fields)
}

impl Fields {
    pub fn document(&self, opening: &IndexedOpening<'_>) -> TantivyDocument {
        let record = opening.record;
        let mut document = doc!(
            self.id => opening.id,
            self.deadline => epoch_day(record.deadline),
            self.published_at => opening.published_at,
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
        let funded = if record.funding.stipend.is_some() { "yes" } else { "no" };
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
