//! Counting facet values over every match of a search.
//!
//! Tantivy's `FacetCollector` maps each facet ordinal of each matching document to a requested
//! facet, which grows with the number of facets per document (ours carry keywords too). This
//! collector counts ordinals in a flat array per segment, one increment per facet of a document,
//! and turns only the ordinals that were seen into values at the end.

use std::collections::BTreeMap;

use model::dto::FacetCounts;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::fastfield::FacetReader;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

/// Facet roots that are counted; anything else (keywords) is skipped.
const COUNTED: [&str; 7] = ["kind", "stage", "field", "country", "institution", "language", "funded"];

pub struct FacetCounter {
    field: &'static str,
}

impl FacetCounter {
    pub fn for_field(field: &'static str) -> FacetCounter {
        FacetCounter { field }
    }
}

pub struct SegmentFacetCounter {
    reader: FacetReader,
    counts: Vec<u32>,
}

/// (root, value) → matching documents.
type Counts = BTreeMap<(String, String), u64>;

impl Collector for FacetCounter {
    type Fruit = FacetCounts;
    type Child = SegmentFacetCounter;

    fn for_segment(&self, _: SegmentOrdinal, segment: &SegmentReader) -> tantivy::Result<SegmentFacetCounter> {
        let reader = segment.facet_reader(self.field)?;
        let counts = vec![0; reader.num_facets()];
        Ok(SegmentFacetCounter { reader, counts })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<tantivy::Result<Counts>>) -> tantivy::Result<FacetCounts> {
        let mut facets = FacetCounts::default();
        for segment in segments {
            for ((root, value), count) in segment? {
                let map = match root.as_str() {
                    "kind" => &mut facets.kind,
                    "stage" => &mut facets.stage,
                    "field" => &mut facets.field,
                    "country" => &mut facets.country,
                    "institution" => &mut facets.institution,
                    "language" => &mut facets.language,
                    "funded" => &mut facets.funded,
                    _ => continue,
                };
                *map.entry(value).or_default() += count;
            }
        }
        Ok(facets)
    }
}

impl SegmentCollector for SegmentFacetCounter {
    type Fruit = tantivy::Result<Counts>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        for ord in self.reader.facet_ords(doc) {
            if let Some(count) = usize::try_from(ord).ok().and_then(|ord| self.counts.get_mut(ord)) {
                *count += 1;
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        let seen: Vec<u64> = (0_u64..).zip(&self.counts).filter(|(_, count)| **count > 0).map(|(ord, _)| ord).collect();
        let mut counts = Counts::new();
        let mut position = 0;
        // Facets are stored as `root\0value`; ordinals come back in order, one pass over the dictionary.
        self.reader.facet_dict().sorted_ords_to_term_cb(&seen, |bytes| {
            let ord = seen[position];
            position += 1;
            let Ok(encoded) = std::str::from_utf8(bytes) else { return };
            let Some((root, value)) = encoded.split_once('\u{0}') else { return };
            if COUNTED.contains(&root) {
                let count = usize::try_from(ord).ok().and_then(|ord| self.counts.get(ord)).copied().unwrap_or(0);
                counts.insert((root.to_string(), value.to_string()), u64::from(count));
            }
        })?;
        Ok(counts)
    }
}
