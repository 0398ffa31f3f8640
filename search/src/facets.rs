//! Counting facet values over every match of a search.
//!
//! A broad search matches most of the catalogue, so this runs for tens of thousands of
//! documents per query. Tantivy's `FacetCollector` walks a multi-valued column per document;
//! here each document costs three single-value column reads: the packed [`FacetBits`], the OECD
//! field bits and the institution's ordinal, counted into flat arrays and named at the end.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

use model::dto::{FUNDED_CODES, FacetCounts};
use model::vocab::{CareerStage, Field, Kind};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::index::SegmentId;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use crate::schema::{COUNTED_LANGUAGES, FacetBits, set_bits};

/// Counts the matches of a search and their facet values. Filter-only searches (no words)
/// take and leave their per-segment counts in a [`CountCache`].
#[derive(Clone, Copy)]
pub struct FacetCounter<'c> {
    pub cached: Option<(&'c CountCache, &'c str)>,
}

/// The counts of filter-only searches, per segment. A segment never changes once written,
/// except that documents get deleted, so a segment, its number of deletions and the filters
/// name one set of documents. The landing list and every "all internships in Korea" click are
/// such searches, and each would otherwise count most of the catalogue again; after a commit
/// only the new segment is counted.
#[derive(Default)]
pub struct CountCache {
    entries: Mutex<HashMap<CountKey, Arc<RawCounts>>>,
}

/// Past this many entries the cache starts again (entries of merged-away segments and of
/// earlier days pile up otherwise; recounting is cheap next to keeping track of them).
const CACHED_COUNTS: usize = 1024;

#[derive(Clone, PartialEq, Eq, Hash)]
pub struct CountKey {
    segment: SegmentId,
    deleted: u32,
    filters: String,
}

impl CountCache {
    fn get(&self, key: &CountKey) -> Option<Arc<RawCounts>> {
        self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).get(key).cloned()
    }

    pub(crate) fn clear(&self) {
        self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).clear();
    }

    fn put(&self, key: CountKey, counts: Arc<RawCounts>) {
        let mut entries = self.entries.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if entries.len() >= CACHED_COUNTS {
            entries.clear();
        }
        entries.insert(key, counts);
    }
}

pub enum SegmentFacetCounter {
    Cached(Arc<RawCounts>),
    Counting(Box<SegmentCounting>, Option<CountKey>),
}

/// One segment's counts as they are made.
pub struct SegmentCounting {
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
    total: u64,
    kind: [u64; 8],
    funded: [u64; 2],
    stage: [u64; 4],
    /// By country slot (two letters, base 26).
    country: Vec<u64>,
    language: [u64; 16],
    field: [u64; 64],
    /// (slug, count), one entry per institution in the segment's matches.
    institution: Vec<(String, u64)>,
}

/// One segment's counts, and the key to keep them under when they were just made.
pub struct SegmentCounts {
    counts: Arc<RawCounts>,
    keep_as: Option<CountKey>,
}

impl RawCounts {
    fn new() -> RawCounts {
        RawCounts {
            total: 0,
            kind: [0; 8],
            funded: [0; 2],
            stage: [0; 4],
            country: vec![0; 26 * 26],
            language: [0; 16],
            field: [0; 64],
            institution: Vec::new(),
        }
    }

    fn add(&mut self, other: &RawCounts) {
        let add = |into: &mut [u64], from: &[u64]| into.iter_mut().zip(from).for_each(|(a, b)| *a += b);
        self.total += other.total;
        add(&mut self.kind, &other.kind);
        add(&mut self.funded, &other.funded);
        add(&mut self.stage, &other.stage);
        add(&mut self.country, &other.country);
        add(&mut self.language, &other.language);
        add(&mut self.field, &other.field);
    }

    /// The counts of all `segments`, named.
    fn named(segments: &[SegmentCounts]) -> (usize, FacetCounts) {
        let mut sum = RawCounts::new();
        let mut institution: BTreeMap<&str, u64> = BTreeMap::new();
        for segment in segments {
            sum.add(&segment.counts);
            for (slug, count) in &segment.counts.institution {
                *institution.entry(slug).or_default() += count;
            }
        }
        let country = sum
            .country
            .iter()
            .enumerate()
            .filter(|(_, count)| **count > 0)
            .map(|(slot, count)| (FacetBits::country_code(slot), *count))
            .collect();
        let facets = FacetCounts {
            kind: named(&sum.kind, |i| Kind::ALL.get(i).map(|k| k.code())),
            stage: named(&sum.stage, |i| CareerStage::ALL.get(i).map(|s| s.code())),
            field: named(&sum.field, |i| Field::ALL.get(i).map(|f| f.code())),
            country,
            institution: institution.into_iter().map(|(slug, count)| (slug.to_string(), count)).collect(),
            language: named(&sum.language, |i| COUNTED_LANGUAGES.get(i).copied()),
            funded: named(&sum.funded, |i| FUNDED_CODES.get(i).copied()),
        };
        (usize::try_from(sum.total).unwrap_or(usize::MAX), facets)
    }
}

impl Collector for FacetCounter<'_> {
    /// The number of matches and their facet counts.
    type Fruit = (usize, FacetCounts);
    type Child = SegmentFacetCounter;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<SegmentFacetCounter> {
        let key = self.cached.map(|(_, filters)| CountKey {
            segment: segment.segment_id(),
            deleted: segment.num_deleted_docs(),
            filters: filters.to_string(),
        });
        if let (Some((cache, _)), Some(key)) = (self.cached, &key)
            && let Some(counts) = cache.get(key)
        {
            return Ok(SegmentFacetCounter::Cached(counts));
        }
        let fast = segment.fast_fields();
        let institutions = fast.str("institution_slug")?;
        let institution = vec![0; institutions.as_ref().map_or(0, |column| column.num_terms())];
        let counting = SegmentCounting {
            facet_bits: fast.u64("facet_bits")?,
            field_bits: fast.u64("field_bits")?,
            institutions,
            counts: RawCounts::new(),
            institution,
            pending: Vec::with_capacity(BLOCK),
            facet_values: Vec::with_capacity(BLOCK),
            field_values: Vec::with_capacity(BLOCK),
            institution_values: Vec::with_capacity(BLOCK),
        };
        Ok(SegmentFacetCounter::Counting(Box::new(counting), key))
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<tantivy::Result<SegmentCounts>>) -> tantivy::Result<(usize, FacetCounts)> {
        let segments = segments.into_iter().collect::<tantivy::Result<Vec<_>>>()?;
        if let Some((cache, _)) = self.cached {
            for segment in &segments {
                if let Some(key) = &segment.keep_as {
                    cache.put(key.clone(), Arc::clone(&segment.counts));
                }
            }
        }
        Ok(RawCounts::named(&segments))
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
    type Fruit = tantivy::Result<SegmentCounts>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        if let SegmentFacetCounter::Counting(counting, _) = self {
            counting.collect(doc);
        }
    }

    fn collect_block(&mut self, docs: &[DocId]) {
        if let SegmentFacetCounter::Counting(counting, _) = self {
            counting.collect_block(docs);
        }
    }

    fn harvest(self) -> Self::Fruit {
        Ok(match self {
            SegmentFacetCounter::Cached(counts) => SegmentCounts { counts, keep_as: None },
            SegmentFacetCounter::Counting(counting, keep_as) => {
                SegmentCounts { counts: Arc::new(counting.harvest()?), keep_as }
            }
        })
    }
}

impl SegmentCounting {
    /// Scored searches hand over one document at a time: they are gathered into blocks, which
    /// decode the columns faster than one read per document.
    fn collect(&mut self, doc: DocId) {
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
        self.counts.total += docs.len() as u64;
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

    fn harvest(mut self) -> tantivy::Result<RawCounts> {
        let pending = std::mem::take(&mut self.pending);
        self.collect_block(&pending);
        if let Some(column) = &self.institutions {
            let seen: Vec<u64> =
                (0_u64..).zip(&self.institution).filter(|(_, count)| **count > 0).map(|(ord, _)| ord).collect();
            let mut counts = seen.iter().filter_map(|ord| usize::try_from(*ord).ok()).map(|ord| self.institution[ord]);
            let institution = &mut self.counts.institution;
            // Ordinals come back in order: one pass over the dictionary.
            column.dictionary().sorted_ords_to_term_cb(&seen, |slug| {
                institution.push((String::from_utf8_lossy(slug).into_owned(), counts.next().unwrap_or(0)));
            })?;
        }
        Ok(self.counts)
    }

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
