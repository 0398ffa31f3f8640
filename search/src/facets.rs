//! Counting facet values over every match of a search.
//!
//! A broad search matches most of the catalogue, so this runs for tens of thousands of
//! documents per query. Tantivy's `FacetCollector` walks a multi-valued column per document;
//! here each document costs three single-value column reads: the packed [`FacetBits`], the OECD
//! field bits and the institution's ordinal, counted into flat arrays and named at the end.

use std::collections::BTreeMap;

use model::dto::FacetCounts;
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
}

/// Counts by position (see [`FacetBits`]); added up across segments before anything is named.
pub struct RawCounts {
    kind: [u64; 8],
    funded: [u64; 2],
    stage: [u64; 4],
    /// By country slot (two letters, base 26).
    country: Vec<u64>,
    language: [u64; 16],
    field: [u64; 64],
    /// (slug, count), sorted by slug.
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

    fn named(mut self) -> FacetCounts {
        self.institution.sort_unstable_by(|a, b| a.0.cmp(&b.0));
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
            funded: named(&self.funded, |i| ["no", "yes"].get(i).copied()),
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

    fn collect(&mut self, doc: DocId, _score: Score) {
        let counts = &mut self.counts;
        if let Some(bits) = self.facet_bits.first(doc).map(FacetBits) {
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
        if let Some(fields) = self.field_bits.first(doc) {
            for field in set_bits(fields) {
                counts.field[field] += 1;
            }
        }
        if let Some(ord) = self.institutions.as_ref().and_then(|column| column.ords().first(doc))
            && let Some(count) = usize::try_from(ord).ok().and_then(|ord| self.institution.get_mut(ord))
        {
            *count += 1;
        }
    }

    fn harvest(mut self) -> Self::Fruit {
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
