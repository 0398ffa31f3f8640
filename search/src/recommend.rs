//! Openings for a researcher's profile, ranked by one function of profile × opening: how much
//! the opening is about the researcher's topics (their keywords, the concepts their interests
//! name, across languages, and, with the model, what is near them in meaning), multiplied by how
//! well it suits them otherwise ([`model::fit::assess`]: stage, languages, kind, country, start,
//! field, funding). The topics choose the candidates through the index; the fit is computed
//! from fast fields while collecting, so no opening is read from the database to rank it.
//! `docs/RECOMMENDATIONS.md` explains the weights.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use chrono::NaiveDate;
use model::Lang;
use model::fit::{Finding, OpeningFacts, assess};
use model::profile::Profile;
use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EnableScoring, Occur, Query, TermQuery};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentReader, Term};

use crate::SearchError;
use crate::index::SearchIndex;
use crate::query::{EXPANSION_BOOST, Published, Purpose, in_any_field, plain_words};
use crate::schema::{FacetBits, FitBits, lang_slot};
use crate::typed::Typed;

/// What one keyword of the profile counts for, against the concepts its interests name.
const KEYWORD_WEIGHT: f32 = 1.0;
/// A concept named in the interests: less than a keyword, which the researcher chose as such.
const INTEREST_CONCEPT_WEIGHT: f32 = 0.6;
/// Each other word of the interests: little, and only words that are not everywhere.
const INTEREST_WORD_WEIGHT: f32 = 0.15;
/// Interest words in more than this share of the openings say nothing about a topic.
const COMMON_WORD_SHARE: f32 = 0.02;
/// Interest words searched at most (the rarest first).
const MAX_INTEREST_WORDS: usize = 12;
/// An opening in one of the profile's fields but on none of its topics: a candidate still,
/// behind any topic match.
const FIELD_ONLY_SCORE: f32 = 0.3;
/// A profile with no topic and no field: every open opening, ranked by fit alone.
const NOTHING_SAID_SCORE: f32 = 0.1;
/// Results given at most.
pub const MAX_RECOMMENDATIONS: usize = 50;

pub struct RecommendQuery<'a> {
    pub profile: &'a Profile,
    /// The reader's language (titles in it count a little more, as in searches).
    pub lang: Lang,
    pub limit: usize,
    /// Openings whose deadline is before this day are closed and never recommended.
    pub today: NaiveDate,
    /// Openings the researcher set aside ("not for me").
    pub exclude: &'a [i64],
    /// Only openings first published in this window (a digest's new openings).
    pub published: Published,
}

/// Where a topic of the profile was found in an opening.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TopicSource {
    Keyword,
    Interests,
    /// Near the profile's topics in meaning (the model), without a shared word.
    Meaning,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TopicMatch {
    pub source: TopicSource,
    /// The profile's words: a keyword, or a concept its interests name (as they name it).
    pub yours: String,
    /// Another name that the opening has for it (a translation), when that carried the match.
    pub theirs: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Recommendation {
    pub id: i64,
    pub score: f32,
    pub topics: Vec<TopicMatch>,
    /// Shortfalls first (see [`model::fit::assess`]).
    pub findings: Vec<Finding>,
}

/// A name of a topic, with what finds it alone.
type NamedQuery = (String, Box<dyn Query>);

/// A topic of the profile: what finds it, and the names to tell which one matched.
pub(crate) struct Topic {
    source: TopicSource,
    yours: String,
    query: Box<dyn Query>,
    /// The topic's other names.
    names: Vec<NamedQuery>,
}

impl SearchIndex {
    pub fn recommend(&self, request: &RecommendQuery<'_>) -> Result<Vec<Recommendation>, SearchError> {
        let searcher = self.reader.searcher();
        let profile = request.profile;
        let topics = self.topics(&searcher, profile, request.lang);
        let meaning = self.nearest_in_meaning(&meaning_text(profile), Purpose::Topic);
        let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for &(id, weight) in &meaning {
            any.push((Occur::Should, self.scored_opening(id, weight)));
        }
        any.extend(self.topic_queries(&topics, &profile.fields));
        let candidates: Box<dyn Query> = if any.is_empty() {
            Box::new(ConstScoreQuery::new(Box::new(AllQuery), NOTHING_SAID_SCORE))
        } else {
            Box::new(BooleanQuery::new(any))
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, candidates)];
        if let Some(open) = self.deadline_range(Some(request.today), None) {
            clauses.push((Occur::Must, open));
        }
        if let Some(window) = self.published_range(request.published) {
            clauses.push((Occur::Must, window));
        }
        clauses.extend(self.excluding(request.exclude));
        let query = BooleanQuery::new(clauses);
        let judged = Arc::new(profile.clone());
        let limit = request.limit.clamp(1, MAX_RECOMMENDATIONS);
        let mut judges = BTreeMap::new();
        for segment in searcher.segment_readers() {
            judges.insert(segment.segment_id(), Arc::new(Judge::new(segment)?));
        }
        let judges = Arc::new(judges);
        let judges_of_segments = Arc::clone(&judges);
        let collector = TopDocs::with_limit(limit).tweak_score(move |segment: &SegmentReader| {
            let judge = judges_of_segments.get(&segment.segment_id()).cloned();
            let profile = Arc::clone(&judged);
            // Ties break on the id (smaller first), so that lists are stable.
            move |doc: DocId, score: Score| match &judge {
                Some(judge) => {
                    let (id, facts) = judge.facts(doc);
                    (score * assess(&profile, &facts).0, -id)
                }
                None => (0.0, i64::MIN),
            }
        });
        let top = searcher.search(&query, &collector)?;
        let addresses: Vec<DocAddress> = top.iter().map(|(_, address)| *address).collect();
        let mut matched = self.topics_matched(&searcher, &topics, &addresses)?;
        let near: BTreeSet<i64> = meaning.iter().map(|(id, _)| *id).collect();
        let mut out = Vec::with_capacity(top.len());
        for ((score, negated_id), address) in top {
            let id = -negated_id;
            let segment = searcher.segment_reader(address.segment_ord).segment_id();
            let Some(judge) = judges.get(&segment) else { continue };
            let (_, facts) = judge.facts(address.doc_id);
            let mut found = matched.remove(&address).unwrap_or_default();
            if near.contains(&id) && found.is_empty() {
                found.push(TopicMatch { source: TopicSource::Meaning, yours: String::new(), theirs: None });
            }
            out.push(Recommendation { id, score, topics: found, findings: assess(profile, &facts).1 });
        }
        Ok(out)
    }

    /// Any of the topics, and documents in any of `fields` behind them (a constant score): what
    /// chooses candidates, in either direction.
    pub(crate) fn topic_queries(
        &self,
        topics: &[Topic],
        fields: &[model::vocab::Field],
    ) -> Vec<(Occur, Box<dyn Query>)> {
        let mut any: Vec<(Occur, Box<dyn Query>)> =
            topics.iter().map(|topic| (Occur::Should, topic.query.box_clone())).collect();
        for field in fields {
            let term = Term::from_facet(self.fields.facets, &Facet::from_path(["field", field.code()]));
            let in_field = TermQuery::new(term, IndexRecordOption::Basic);
            any.push((Occur::Should, Box::new(ConstScoreQuery::new(Box::new(in_field), FIELD_ONLY_SCORE))));
        }
        any
    }

    /// The profile's topics: each keyword as a search of its own (its words, their concepts'
    /// other names, borrowed words, typos), and each concept its interests name.
    pub(crate) fn topics(&self, searcher: &Searcher, profile: &Profile, lang: Lang) -> Vec<Topic> {
        let mut topics = Vec::new();
        let mut seen = BTreeSet::new();
        for keyword in &profile.keywords {
            let text = plain_words(keyword);
            if text.is_empty() || !seen.insert(text.to_lowercase()) {
                continue;
            }
            let typed = Typed::analyse(&text, self.index.tokenizers());
            let names = self.concept_names(searcher, &typed);
            let query =
                Box::new(BoostQuery::new(self.text_query(searcher, &text, lang, Purpose::Topic).query, KEYWORD_WEIGHT));
            topics.push(Topic { source: TopicSource::Keyword, yours: keyword.trim().to_string(), query, names });
        }
        let mut words: Vec<(u64, String, Box<dyn Query>)> = Vec::new();
        let total_docs = searcher.num_docs().max(1);
        for (interests_lang, text) in &profile.interests {
            let typed = Typed::analyse(&plain_words(text), self.index.tokenizers());
            let mut by_concept: BTreeMap<usize, Vec<(Lang, NamedQuery)>> = BTreeMap::new();
            let known = |lang: Lang, token: &str| self.is_known_in(searcher, lang, token);
            for expansion in self.vocabulary.expansions(&typed.tokens_by_lang(), &known) {
                if expansion.ambiguous || expansion.framing {
                    continue;
                }
                if let Some(query) = self.name_query(&expansion) {
                    by_concept
                        .entry(expansion.concept)
                        .or_default()
                        .push((expansion.lang, (expansion.name.to_string(), query)));
                }
            }
            for names in by_concept.into_values() {
                // The concept as the interests name it: the name in their language.
                let yours = names.iter().find(|(l, _)| l == interests_lang).unwrap_or(&names[0]).1.0.clone();
                if !seen.insert(yours.to_lowercase()) {
                    continue;
                }
                let any: Vec<(Occur, Box<dyn Query>)> =
                    names.iter().map(|(_, (_, query))| (Occur::Should, query.box_clone())).collect();
                let query = Box::new(BoostQuery::new(
                    Box::new(BooleanQuery::new(any)),
                    INTEREST_CONCEPT_WEIGHT * EXPANSION_BOOST,
                ));
                let names = names.into_iter().map(|(_, named)| named).collect();
                topics.push(Topic { source: TopicSource::Interests, yours, query, names });
            }
            // The other words, the rarer the more they say; words in many openings say nothing.
            for unit in &typed.units {
                let by_lang = unit.by_lang.each_ref().map(Vec::as_slice);
                let offsets = unit.offsets.each_ref().map(Vec::as_slice);
                let frequency: u64 = Lang::ALL
                    .into_iter()
                    .flat_map(|l| unit.by_lang[lang_slot(l)].iter().map(move |t| (l, t)))
                    .map(|(l, t)| self.doc_freq_in(searcher, l, t))
                    .max()
                    .unwrap_or(0);
                if frequency == 0 || frequency as f32 > COMMON_WORD_SHARE * total_docs as f32 {
                    continue;
                }
                if let Some(query) = in_any_field(self.every_field(lang, by_lang, &unit.neutral, offsets, &[])) {
                    // A Korean word is shown without its particle (탄소와 → 탄소).
                    let korean = &unit.by_lang[lang_slot(Lang::Ko)];
                    let hangul = unit.text.chars().any(|c| ('\u{ac00}'..='\u{d7a3}').contains(&c));
                    let shown = if hangul && !korean.is_empty() { korean.join(" ") } else { unit.text.clone() };
                    words.push((frequency, shown, query));
                }
            }
        }
        words.sort_by_key(|(frequency, ..)| *frequency);
        for (_, word, query) in words.into_iter().take(MAX_INTEREST_WORDS) {
            if seen.insert(word.to_lowercase()) {
                let query = Box::new(BoostQuery::new(query, INTEREST_WORD_WEIGHT));
                topics.push(Topic { source: TopicSource::Interests, yours: word, query, names: Vec::new() });
            }
        }
        topics
    }

    /// In how many openings `token` occurs in `lang`'s titles or descriptions (the larger).
    fn doc_freq_in(&self, searcher: &Searcher, lang: Lang, token: &str) -> u64 {
        let slot = lang_slot(lang);
        [self.fields.title[slot], self.fields.description[slot]]
            .into_iter()
            .map(|field| searcher.doc_freq(&Term::from_field_text(field, token)).unwrap_or(0))
            .max()
            .unwrap_or(0)
    }

    /// The other names of the concepts `typed` names, each with what finds it.
    fn concept_names(&self, searcher: &Searcher, typed: &Typed) -> Vec<NamedQuery> {
        let known = |lang: Lang, token: &str| self.is_known_in(searcher, lang, token);
        self.vocabulary
            .expansions(&typed.tokens_by_lang(), &known)
            .into_iter()
            .filter(|expansion| !expansion.framing)
            .filter_map(|expansion| self.name_query(&expansion).map(|query| (expansion.name.to_string(), query)))
            .collect()
    }

    /// Which named topics each of `hits` matches, and by which of their names.
    pub(crate) fn topics_matched(
        &self,
        searcher: &Searcher,
        topics: &[Topic],
        hits: &[DocAddress],
    ) -> Result<BTreeMap<DocAddress, Vec<TopicMatch>>, SearchError> {
        let mut matched: BTreeMap<DocAddress, Vec<TopicMatch>> = BTreeMap::new();
        let scoring = EnableScoring::disabled_from_searcher(searcher);
        for topic in topics {
            let in_topic = matching(searcher, &*topic.query.weight(scoring)?, hits)?;
            if in_topic.is_empty() {
                continue;
            }
            let mut named: Vec<(&str, Vec<DocAddress>)> = Vec::new();
            for (name, query) in &topic.names {
                named.push((name, matching(searcher, &*query.weight(scoring)?, &in_topic)?));
            }
            for address in in_topic {
                // The name the opening has, when it is not the researcher's own.
                let theirs = named
                    .iter()
                    .find(|(_, docs)| docs.contains(&address))
                    .map(|(name, _)| name.to_string())
                    .filter(|name| name.to_lowercase() != topic.yours.to_lowercase());
                matched.entry(address).or_default().push(TopicMatch {
                    source: topic.source.clone(),
                    yours: topic.yours.clone(),
                    theirs,
                });
            }
        }
        Ok(matched)
    }
}

/// Which of `hits` a weight matches.
fn matching(
    searcher: &Searcher,
    weight: &dyn tantivy::query::Weight,
    hits: &[DocAddress],
) -> Result<Vec<DocAddress>, SearchError> {
    let mut sorted = hits.to_vec();
    sorted.sort();
    let mut out = Vec::new();
    for segment in sorted.chunk_by(|a, b| a.segment_ord == b.segment_ord) {
        let mut scorer = weight.scorer(searcher.segment_reader(segment[0].segment_ord), 1.0)?;
        for address in segment {
            if scorer.doc() <= address.doc_id && scorer.seek(address.doc_id) == address.doc_id {
                out.push(*address);
            }
        }
    }
    Ok(out)
}

/// Words of the interests the model reads when a profile has no keywords: enough to say what
/// it is about, and an embedding's cost grows with its length.
const MEANING_WORDS: usize = 16;

/// What the model compares with the openings: the keywords, else the start of the interests.
pub fn meaning_text(profile: &Profile) -> String {
    if profile.keywords.is_empty() {
        let interests = profile.interests.values().next().map_or("", String::as_str);
        interests.split_whitespace().take(MEANING_WORDS).collect::<Vec<_>>().join(" ")
    } else {
        profile.keywords.join(", ")
    }
}

/// Reads, for one segment, what [`assess`] needs of an opening.
struct Judge {
    id: Arc<dyn tantivy::columnar::ColumnValues<i64>>,
    facets: Arc<dyn tantivy::columnar::ColumnValues<u64>>,
    fields: Arc<dyn tantivy::columnar::ColumnValues<u64>>,
    fit: Arc<dyn tantivy::columnar::ColumnValues<u64>>,
}

impl Judge {
    fn new(segment: &SegmentReader) -> Result<Judge, SearchError> {
        let fast = segment.fast_fields();
        let column = |name: &str| fast.u64(name).map(|column| column.first_or_default_col(0));
        Ok(Judge {
            id: fast.i64("id")?.first_or_default_col(0),
            facets: column("facet_bits")?,
            fields: column("field_bits")?,
            fit: column("fit_bits")?,
        })
    }

    fn facts(&self, doc: DocId) -> (i64, OpeningFacts) {
        let facts = FitBits(self.fit.get_val(doc)).facts(FacetBits(self.facets.get_val(doc)), self.fields.get_val(doc));
        (self.id.get_val(doc), facts)
    }
}
