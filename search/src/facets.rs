//! Counting facet values over every match of a search.
//!
//! A broad search matches most of the catalogue, so this runs for tens of thousands of
//! documents per query. Tantivy's `FacetCollector` walks a multi-valued column per document;
//! here each document costs three single-value column reads: the packed [`FacetBits`], the OECD
//! field bits and the institution's ordinal, counted into flat arrays and named at the end.

use std::collections::BTreeMap;

use model::dto::{FUNDED_CODES, FacetCounts};
use model::vocab::{CareerStage, Field, Kind};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::schema::{COUNTED_LANGUAGES, FacetBits, set_bits};

pub struct FacetCounter;

pub struct SegmentFacetCounter {
    facet_bits: Column<u64>,
    field_bits: Column<u64>,
    institutions: Option<StrColumn>,
    counts: RawCounts,
    /// By institution ordinal in this segment.
    institution: Vec<u64>,
    /// Documents collected one by one, not counted yet.
    pending: Vec<DocId>,
    /// Column values of a block, reused from block to block.
    facet_values: Vec<Option<u64>>,
    field_values: Vec<Option<u64>>,
    institution_values: Vec<Option<u64>>,
}

const BLOCK: usize = 256;

/// Counts by position (see [`FacetBits`]); added up across segments before anything is named.
pub struct RawCounts {
    kind: [u64; 8],
    funded: [u64; 2],
    stage: [u64; 4],
    /// By country slot (two letters, base 26).
    country: Vec<u64>,
    language: [u64; 16],
    field: [u64; 64],
    /// (slug, count), one entry per segment that has the institution.
    institution: Vec<(Vec<u8>, u64)>,
}

impl RawCounts {
    fn new() -> RawCounts {
        RawCounts {
            kind: [0; 8],
            funded: [0; 2],
            stage: [0; 4],
            country: vec![0; 26 * 26],
            language: [0; 16],
            field: [0; 64],
            institution: Vec::new(),
        }
    }

    fn add(&mut self, other: RawCounts) {
        let add = |into: &mut [u64], from: &[u64]| into.iter_mut().zip(from).for_each(|(a, b)| *a += b);
        add(&mut self.kind, &other.kind);
        add(&mut self.funded, &other.funded);
        add(&mut self.stage, &other.stage);
        add(&mut self.country, &other.country);
        add(&mut self.language, &other.language);
        add(&mut self.field, &other.field);
        self.institution.extend(other.institution);
    }

    fn named(self) -> FacetCounts {
        let mut institution: BTreeMap<String, u64> = BTreeMap::new();
        for (slug, count) in self.institution {
            *institution.entry(String::from_utf8_lossy(&slug).into_owned()).or_default() += count;
        }
        let country = self
            .country
            .iter()
            .enumerate()
            .filter(|(_, count)| **count > 0)
            .map(|(slot, count)| (FacetBits::country_code(slot), *count))
            .collect();
        FacetCounts {
            kind: named(&self.kind, |i| Kind::ALL.get(i).map(|k| k.code())),
            stage: named(&self.stage, |i| CareerStage::ALL.get(i).map(|s| s.code())),
            field: named(&self.field, |i| Field::ALL.get(i).map(|f| f.code())),
            country,
            institution,
            language: named(&self.language, |i| COUNTED_LANGUAGES.get(i).copied()),
            funded: named(&self.funded, |i| FUNDED_CODES.get(i).copied()),
        }
    }
}

impl Collector for FacetCounter {
    type Fruit = FacetCounts;
    type Child = SegmentFacetCounter;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<SegmentFacetCounter> {
        let fast = segment.fast_fields();
        let institutions = fast.str("institution_slug")?;
        let institution = vec![0; institutions.as_ref().map_or(0, |column| column.num_terms())];
        Ok(SegmentFacetCounter {
            facet_bits: fast.u64("facet_bits")?,
            field_bits: fast.u64("field_bits")?,
            institutions,
            counts: RawCounts::new(),
            institution,
            pending: Vec::with_capacity(BLOCK),
            facet_values: Vec::with_capacity(BLOCK),
            field_values: Vec::with_capacity(BLOCK),
            institution_values: Vec::with_capacity(BLOCK),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<tantivy::Result<RawCounts>>) -> tantivy::Result<FacetCounts> {
        let mut total = RawCounts::new();
        for segment in segments {
            total.add(segment?);
        }
        Ok(total.named())
    }
}

/// The non-zero counts, named.
fn named<'a>(counts: &[u64], name: impl Fn(usize) -> Option<&'a str>) -> BTreeMap<String, u64> {
    counts
        .iter()
        .enumerate()
        .filter(|(_, count)| **count > 0)
        .filter_map(|(i, count)| name(i).map(|n| (n.to_string(), *count)))
        .collect()
}

impl SegmentCollector for SegmentFacetCounter {
    type Fruit = tantivy::Result<RawCounts>;

    /// Scored searches hand over one document at a time: they are gathered into blocks, which
    /// decode the columns faster than one read per document.
    fn collect(&mut self, doc: DocId, _score: Score) {
        self.pending.push(doc);
        if self.pending.len() == BLOCK {
            let pending = std::mem::take(&mut self.pending);
            self.collect_block(&pending);
            self.pending = pending;
            self.pending.clear();
        }
    }

    /// Searches that need no scores (no words, or sorted by date) hand over blocks of documents:
    /// the columns are then decoded a block at a time.
    fn collect_block(&mut self, docs: &[DocId]) {
        let mut facet_values = std::mem::take(&mut self.facet_values);
        let mut field_values = std::mem::take(&mut self.field_values);
        let mut institution_values = std::mem::take(&mut self.institution_values);
        for values in [&mut facet_values, &mut field_values, &mut institution_values] {
            values.clear();
            values.resize(docs.len(), None);
        }
        self.facet_bits.first_vals(docs, &mut facet_values);
        self.field_bits.first_vals(docs, &mut field_values);
        if let Some(column) = &self.institutions {
            column.ords().first_vals(docs, &mut institution_values);
        }
        for ((bits, fields), institution) in facet_values.iter().zip(&field_values).zip(&institution_values) {
            self.count(*bits, *fields, *institution);
        }
        (self.facet_values, self.field_values, self.institution_values) =
            (facet_values, field_values, institution_values);
    }

    fn harvest(mut self) -> Self::Fruit {
        let pending = std::mem::take(&mut self.pending);
        self.collect_block(&pending);
        if let Some(column) = &self.institutions {
            let seen: Vec<u64> =
                (0_u64..).zip(&self.institution).filter(|(_, count)| **count > 0).map(|(ord, _)| ord).collect();
            let mut counts = seen.iter().filter_map(|ord| usize::try_from(*ord).ok()).map(|ord| self.institution[ord]);
            let institution = &mut self.counts.institution;
            // Ordinals come back in order: one pass over the dictionary.
            column.dictionary().sorted_ords_to_term_cb(&seen, |slug| {
                institution.push((slug.to_vec(), counts.next().unwrap_or(0)));
            })?;
        }
        Ok(self.counts)
    }
}

impl SegmentFacetCounter {
    fn count(&mut self, facet_bits: Option<u64>, field_bits: Option<u64>, institution: Option<u64>) {
        let counts = &mut self.counts;
        if let Some(bits) = facet_bits.map(FacetBits) {
            counts.kind[bits.kind_slot()] += 1;
            counts.funded[usize::from(bits.funded())] += 1;
            for stage in set_bits(bits.stage_mask()) {
                counts.stage[stage] += 1;
            }
            if let Some(count) = counts.country.get_mut(bits.country_slot()) {
                *count += 1;
            }
            for language in set_bits(bits.language_mask()) {
                counts.language[language] += 1;
            }
        }
        if let Some(fields) = field_bits {
            for field in set_bits(fields) {
                counts.field[field] += 1;
            }
        }
        if let Some(count) =
            institution.and_then(|ord| usize::try_from(ord).ok()).and_then(|o| self.institution.get_mut(o))
        {
            *count += 1;
        }
    }
}
