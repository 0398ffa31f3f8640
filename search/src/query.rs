//! From a user's search to ranked ids, counts and facets.

use std::ops::Bound;

use chrono::NaiveDate;
use model::Lang;
pub use model::dto::FacetCounts;
use model::dto::funded_code;
use model::vocab::{CareerStage, Field, Kind};
use serde::{Deserialize, Serialize};
use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::collector::{Collector, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery,
};
use tantivy::schema::{Facet, IndexRecordOption};
use tantivy::{Order, Searcher, Term};

use crate::SearchError;
use crate::also_searched::also_searched;
use crate::facets::FacetCounter;
use crate::highlight::Highlighter;
use crate::index::SearchIndex;
use crate::loanword;
use crate::meaning::text_for_meaning;
use crate::schema::{epoch_day, id_of_deadline_order, lang_slot};
use crate::typed::Typed;
use crate::vocabulary::Expansion;
use model::dto::AlsoSearched;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Best match first; with no query text, the same as `Deadline`.
    #[default]
    Relevance,
    /// Soonest deadline first.
    Deadline,
    /// Most recently published first.
    Newest,
}

impl Sort {
    pub fn from_code(code: &str) -> Option<Sort> {
        match code {
            "relevance" => Some(Sort::Relevance),
            "deadline" => Some(Sort::Deadline),
            "newest" => Some(Sort::Newest),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub kind: Option<Kind>,
    pub stage: Option<CareerStage>,
    pub field: Option<Field>,
    pub country: Option<String>,
    pub institution: Option<String>,
    /// Openings that require this language.
    pub language: Option<String>,
    pub funded: Option<bool>,
    /// Deadline window, both ends included.
    pub deadline_from: Option<NaiveDate>,
    pub deadline_to: Option<NaiveDate>,
    /// Only openings first published in this window (a digest's new openings).
    pub published: Published,
}

/// Openings first published after `after` and up to `until` (included), in milliseconds since
/// the Unix epoch; either end open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Published {
    pub after: Option<i64>,
    pub until: Option<i64>,
}

#[derive(Clone, Debug)]
pub struct SearchQuery<'a> {
    pub text: &'a str,
    /// The searcher's language (title boosts favour it).
    pub lang: Lang,
    pub filters: Filters,
    pub sort: Sort,
    pub offset: usize,
    pub limit: usize,
    /// Openings whose deadline is before this day are closed.
    pub today: NaiveDate,
    pub include_closed: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hit {
    pub id: i64,
    pub score: f32,
    /// Among the openings nearest in meaning to the search (it may match its words too).
    pub near_in_meaning: bool,
}

/// A search's query, with what the searcher is told besides the hits.
pub(crate) struct Built {
    pub(crate) query: Box<dyn Query>,
    /// The concepts of the vocabulary the words named, searched in the other languages too.
    pub(crate) also_searched: Vec<AlsoSearched>,
    /// The openings that joined the matches for their meaning (see `meaning`).
    pub(crate) neighbours: Vec<i64>,
}

pub struct SearchResults {
    pub total: usize,
    pub hits: Vec<Hit>,
    pub facets: FacetCounts,
    /// Marks the words of the search in the hits' texts; `None` when the search had no words.
    pub highlighter: Option<Highlighter>,
    /// The concepts of the vocabulary the words named, searched in the other languages too.
    pub also_searched: Vec<AlsoSearched>,
}

/// How much a match through another language's name of a concept counts, against a match of
/// the words as typed.
pub(crate) const EXPANSION_BOOST: f32 = 0.8;
/// What an opening found only through ambiguous names of concepts scores: below any match of a
/// word as typed.
const AMBIGUOUS_SCORE: f32 = 0.2;
/// Words shorter than this are never corrected: one edit changes them too much.
const MIN_FUZZY_CHARS: usize = 5;
const FUZZY_BOOST: f32 = 0.5;
/// Words shorter than this are not completed: "qu" begins too many.
const MIN_PREFIX_CHARS: usize = 3;
/// A completion is a guess at what is being typed: below a correction.
const PREFIX_BOOST: f32 = 0.3;

/// What words are looked for: what a person typed in the search box, or a topic of a profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Purpose {
    /// Words still being typed are completed, and the openings nearest in meaning come in when
    /// well above the rest (see `meaning`).
    Search,
    /// Whole words, meaning left to the recommendation's own use of the model, which keeps
    /// every neighbour that stands out.
    Topic,
}

/// A word met with its Korean or Latin-script counterpart by sound: about as much as a name of
/// the vocabulary in a title.
const LOANWORD_BOOST: f32 = 1.0;
/// How much more the words typed count when they appear as a phrase.
const PHRASE_BOOST: f32 = 1.5;

impl SearchIndex {
    /// Every text field with its boost (the searcher's language's title first among titles) and
    /// the tokens that field's analyzer made of the same words: `by_lang` for titles and
    /// descriptions, `neutral` for keywords and institution names; with where each token sits
    /// (`offsets`, `neutral_offsets`; empty: one after another, see [`words_in`]).
    pub(crate) fn every_field<'t>(
        &self,
        lang: Lang,
        by_lang: [&'t [String]; 3],
        neutral: &'t [String],
        offsets: [&'t [usize]; 3],
        neutral_offsets: &'t [usize],
    ) -> Vec<(tantivy::schema::Field, f32, &'t [String], &'t [usize])> {
        let fields = &self.fields;
        let mut out = Vec::with_capacity(8);
        for field_lang in Lang::ALL {
            let slot = lang_slot(field_lang);
            let title_boost = if field_lang == lang { 3.5 } else { 3.0 };
            out.push((fields.title[slot], title_boost, by_lang[slot], offsets[slot]));
            out.push((fields.description[slot], 1.0, by_lang[slot], offsets[slot]));
        }
        out.push((fields.keywords, 2.0, neutral, neutral_offsets));
        out.push((fields.institution, 1.0, neutral, neutral_offsets));
        out
    }

    /// The words as typed, over every field, or-ed with the other names of the concepts they
    /// name (see `vocabulary`), each over its own language's fields, and alternatives for words
    /// the index does not know; for a search, the unknown words completed too, and, when the
    /// server has the model, the openings nearest in meaning.
    pub(crate) fn text_query(&self, searcher: &Searcher, text: &str, lang: Lang, purpose: Purpose) -> Built {
        let fields = &self.fields;
        let typed = Typed::analyse(text, self.index.tokenizers());
        let tokens_by_lang = typed.tokens_by_lang();
        let known_in = |field: tantivy::schema::Field, token: &str| {
            searcher.doc_freq(&Term::from_field_text(field, token)).is_ok_and(|freq| freq > 0)
        };
        // Asked several times per word (required words, vocabulary, typos): each answer is a
        // dictionary lookup in every segment, so it is remembered.
        let answers: std::cell::RefCell<std::collections::HashMap<(Lang, String), bool>> = Default::default();
        let is_known = |lang: Lang, token: &str| {
            if let Some(known) = answers.borrow().get(&(lang, token.to_string())) {
                return *known;
            }
            let known = self.is_known_in(searcher, lang, token);
            answers.borrow_mut().insert((lang, token.to_string()), known);
            known
        };
        // Every word the index knows must match, in some field of some language: "quantum
        // communication" is not about every text that says "communication". Words the index does
        // not know (typos) are left to the corrections below. Other languages come in through the
        // vocabulary's expansions, which stand on their own.
        let mut all_words: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut unknown = 0;
        for unit in &typed.units {
            let by_lang = unit.by_lang.each_ref().map(Vec::as_slice);
            let offsets = unit.offsets.each_ref().map(Vec::as_slice);
            let in_fields = self.every_field(lang, by_lang, &unit.neutral, offsets, &unit.neutral_offsets);
            let Some(in_fields) = in_any_field(in_fields) else { continue };
            let known = Lang::ALL.into_iter().any(|l| unit.by_lang[lang_slot(l)].iter().any(|t| is_known(l, t)))
                || unit.neutral.iter().any(|t| known_in(fields.keywords, t) || known_in(fields.institution, t));
            unknown += usize::from(!known);
            all_words.push((if known { Occur::Must } else { Occur::Should }, in_fields));
        }
        let mut alternatives: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        if !all_words.is_empty() {
            // A text with only some of the words typed is a partial match: "knot theory" where
            // no text says "knot" must not put "conspiracy theories" above "théorie des nœuds".
            let share = (all_words.len() - unknown) as f32 / all_words.len() as f32;
            alternatives.push((Occur::Should, boosted(Box::new(BooleanQuery::new(all_words)), share)));
        }
        let expansions = self.vocabulary.expansions(&tokens_by_lang, &is_known);
        // Words typed together rank higher where they appear together ("surface code" over a
        // text that says "code" here and "surface" there). When they name concepts of the
        // vocabulary, the expansions below are those phrases already.
        if typed.units.len() > 1 && !typed.has_quotes() && expansions.is_empty() {
            let neutral = typed.neutral_tokens();
            let by_lang = tokens_by_lang.each_ref().map(Vec::as_slice);
            let one_after_another: [&[usize]; 3] = [&[], &[], &[]];
            let phrases = self
                .every_field(lang, by_lang, &neutral, one_after_another, &[])
                .into_iter()
                .filter(|(_, _, tokens, _)| tokens.len() > 1);
            if let Some(phrases) = in_any_field(phrases) {
                alternatives.push((Occur::Should, boosted(phrases, PHRASE_BOOST)));
            }
        }
        // Built directly from the vocabulary's analysed forms: no parsing, no analysis per query.
        tracing::debug!(text, names = ?expansions.iter().map(|e| e.name).collect::<Vec<_>>(), "query expanded");
        // Names of ambiguous readings (see `vocabulary`) count once, a little, however many match:
        // they find what nothing else would, behind any match of the words as typed.
        let mut ambiguous: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        // Names of kinds of openings and people (postdoc, internship, collaboration) are in a
        // large share of all openings: beside a topic, their other names are left out rather
        // than finding, in every language, every opening that says "researcher" (the words as
        // typed still count, with the topic).
        let topical = expansions.iter().any(|expansion| !expansion.framing && !expansion.ambiguous);
        let meaning_text = (purpose == Purpose::Search).then(|| text_for_meaning(text, &expansions));
        // Told to a searcher; a profile's topics (recommendations) have no one to tell.
        let also_searched = match purpose {
            Purpose::Search => also_searched(&expansions, &tokens_by_lang, topical),
            Purpose::Topic => Vec::new(),
        };
        for expansion in expansions.into_iter().filter(|expansion| !(expansion.framing && topical)) {
            match self.name_query(&expansion) {
                Some(named) if expansion.ambiguous => ambiguous.push((Occur::Should, named)),
                Some(named) => alternatives.push((Occur::Should, boosted(named, EXPANSION_BOOST))),
                None => {}
            }
        }
        if !ambiguous.is_empty() {
            let any = Box::new(BooleanQuery::new(ambiguous));
            alternatives.push((Occur::Should, Box::new(ConstScoreQuery::new(any, AMBIGUOUS_SCORE))));
        }
        // Korean borrowed words and their Latin-script source, by sound (see `loanword`).
        for key in
            typed.units.iter().filter(|unit| !unit.quoted).filter_map(|unit| loanword::counterpart_key(&unit.text))
        {
            let sounds = TermQuery::new(Term::from_field_text(fields.sounds, &key), IndexRecordOption::WithFreqs);
            alternatives.push((Occur::Should, boosted(Box::new(sounds), LOANWORD_BOOST)));
        }
        for fuzzy in self.unknown_word_alternatives(&typed, &is_known, purpose) {
            alternatives.push((Occur::Should, fuzzy));
        }
        let words = Box::new(BooleanQuery::new(alternatives));
        let (query, neighbours) = match meaning_text {
            Some(meaning_text) => self.with_neighbours(words, &meaning_text),
            None => (words as Box<dyn Query>, Vec::new()),
        };
        Built { query, also_searched, neighbours }
    }

    /// Whether some opening has `token` (as `lang`'s analyzer cuts it) in its `lang` title or
    /// description.
    pub(crate) fn is_known_in(&self, searcher: &Searcher, lang: Lang, token: &str) -> bool {
        let slot = lang_slot(lang);
        [self.fields.title[slot], self.fields.description[slot]]
            .into_iter()
            .any(|field| searcher.doc_freq(&Term::from_field_text(field, token)).is_ok_and(|freq| freq > 0))
    }

    /// Openings whose deadline falls between `earliest` and `latest` (both included, either
    /// open); `None` when both are.
    pub(crate) fn deadline_range(
        &self,
        earliest: Option<NaiveDate>,
        latest: Option<NaiveDate>,
    ) -> Option<Box<dyn Query>> {
        let day = |date: NaiveDate| Term::from_field_i64(self.fields.deadline, epoch_day(date));
        let lower = earliest.map_or(Bound::Unbounded, |date| Bound::Included(day(date)));
        let upper = latest.map_or(Bound::Unbounded, |date| Bound::Included(day(date)));
        let unbounded = matches!((&lower, &upper), (Bound::Unbounded, Bound::Unbounded));
        (!unbounded).then(|| Box::new(RangeQuery::new(lower, upper)) as Box<dyn Query>)
    }

    /// Openings first published in `window`; `None` when it is open at both ends.
    pub(crate) fn published_range(&self, window: Published) -> Option<Box<dyn Query>> {
        let time = |millis: i64| Term::from_field_i64(self.fields.published_at, millis);
        let lower = window.after.map_or(Bound::Unbounded, |after| Bound::Excluded(time(after)));
        let upper = window.until.map_or(Bound::Unbounded, |until| Bound::Included(time(until)));
        let unbounded = matches!((&lower, &upper), (Bound::Unbounded, Bound::Unbounded));
        (!unbounded).then(|| Box::new(RangeQuery::new(lower, upper)) as Box<dyn Query>)
    }

    /// A concept's name (see `vocabulary`) in its language's titles and descriptions, and in
    /// keywords.
    pub(crate) fn name_query(&self, expansion: &Expansion<'_>) -> Option<Box<dyn Query>> {
        let (fields, slot) = (&self.fields, lang_slot(expansion.lang));
        in_any_field([
            (fields.title[slot], 3.0, expansion.tokens, expansion.offsets),
            (fields.description[slot], 1.0, expansion.tokens, expansion.offsets),
            (fields.keywords, 2.0, expansion.neutral, expansion.neutral_offsets),
        ])
    }

    /// Clauses that leave out the documents with these ids (openings set aside, researchers who
    /// applied already).
    pub(crate) fn excluding<'a>(&'a self, ids: &'a [i64]) -> impl Iterator<Item = (Occur, Box<dyn Query>)> + 'a {
        ids.iter().map(move |&id| {
            let term = Term::from_field_i64(self.fields.id, id);
            (Occur::MustNot, Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>)
        })
    }

    /// One opening, scoring `score`.
    pub(crate) fn scored_opening(&self, id: i64, score: f32) -> Box<dyn Query> {
        let opening = TermQuery::new(Term::from_field_i64(self.fields.id, id), IndexRecordOption::Basic);
        Box::new(ConstScoreQuery::new(Box::new(opening), score))
    }

    /// Words the index does not know in any language, and the vocabulary does not correct: a
    /// word of five letters or more is looked for one edit away (`quantm` → quantum), and, in a
    /// search, a word of three or more as the beginning of longer ones (`quan` → quantum,
    /// quantique: a word still being typed, as the list updates with each letter; a profile's
    /// keywords are whole words). Known words get neither, so correct queries cost nothing more
    /// and rank as before.
    fn unknown_word_alternatives(
        &self,
        typed: &Typed,
        is_known: &dyn Fn(Lang, &str) -> bool,
        purpose: Purpose,
    ) -> Vec<Box<dyn Query>> {
        let fields = &self.fields;
        let mut out: Vec<Box<dyn Query>> = Vec::new();
        for unit in typed.units.iter().filter(|u| !u.quoted && u.text.chars().count() >= MIN_PREFIX_CHARS) {
            let analysed: Vec<(Lang, &String)> = Lang::ALL
                .into_iter()
                .flat_map(|lang| unit.by_lang[lang_slot(lang)].iter().map(move |t| (lang, t)))
                .collect();
            let known = analysed.iter().any(|(lang, token)| is_known(*lang, token));
            // A word the vocabulary corrects is searched through its concept's names already,
            // in every language; scanning the term dictionaries for it would add nothing.
            let corrected = || analysed.iter().any(|(lang, token)| self.vocabulary.correction(*lang, token).is_some());
            if known || corrected() {
                continue;
            }
            let correctable = unit.text.chars().count() >= MIN_FUZZY_CHARS;
            for (lang, token) in analysed {
                let slot = lang_slot(lang);
                let length = token.chars().count();
                for field in [fields.title[slot], fields.description[slot]] {
                    let term = Term::from_field_text(field, token);
                    if correctable && length >= MIN_FUZZY_CHARS - 1 {
                        let fuzzy = FuzzyTermQuery::new(term.clone(), 1, true);
                        out.push(Box::new(BoostQuery::new(Box::new(fuzzy), FUZZY_BOOST)));
                    }
                    if purpose == Purpose::Search && length >= MIN_PREFIX_CHARS {
                        let begun = FuzzyTermQuery::new_prefix(term, 0, true);
                        out.push(Box::new(BoostQuery::new(Box::new(begun), PREFIX_BOOST)));
                    }
                }
            }
        }
        out
    }

    pub fn search(&self, query: &SearchQuery<'_>) -> Result<SearchResults, SearchError> {
        let searcher = self.reader.searcher();
        let text = plain_words(query.text);
        let Built { query: built, also_searched, neighbours } = self.build_query(&searcher, &text, query);
        let top = TopDocs::with_limit(query.limit.max(1)).and_offset(query.offset);
        let has_text = !text.is_empty();
        let sort = if query.sort == Sort::Relevance && !has_text { Sort::Deadline } else { query.sort };
        // Ties break on the id, so that pages are stable and a rebuilt index ranks the same.
        let by_id = (SortByStaticFastValue::<i64>::for_field("id"), Order::Asc);
        let by_field = |field: &str, order| (SortByStaticFastValue::<i64>::for_field(field), order);
        // Without words, the counts depend on the filters alone: see `CountCache`.
        let filters_key = (!has_text).then(|| format!("{:?} {:?}", query.filters, deadline_window(query)));
        let counter = FacetCounter { cached: filters_key.as_deref().map(|key| (&self.counts, key)) };
        let (total, ranked, facets) = match sort {
            Sort::Relevance => {
                let (total, docs, facets) =
                    collect(&searcher, &*built, counter, top.order_by(((SortBySimilarityScore, Order::Desc), by_id)))?;
                (total, docs.into_iter().map(|((score, id), _)| (score, id)).collect::<Vec<_>>(), facets)
            }
            Sort::Deadline => {
                let (total, docs, facets) =
                    collect(&searcher, &*built, counter, top.order_by(by_field("deadline_order", Order::Asc)))?;
                (total, docs.into_iter().map(|(order, _)| (0.0, order.map(id_of_deadline_order))).collect(), facets)
            }
            Sort::Newest => {
                let key = by_field("published_at", Order::Desc);
                let (total, docs, facets) = collect(&searcher, &*built, counter, top.order_by((key, by_id)))?;
                (total, docs.into_iter().map(|((_, id), _)| (0.0, id)).collect(), facets)
            }
        };
        let hit = |id: i64, score| Hit { id, score, near_in_meaning: neighbours.contains(&id) };
        let hits = ranked.into_iter().filter_map(|(score, id)| id.map(|id| hit(id, score))).collect();
        let highlighter = has_text.then(|| Highlighter::new(&searcher, &*built, &self.fields));
        Ok(SearchResults { total, hits, facets, highlighter, also_searched })
    }

    /// `text` is the query's text as [`plain_words`] leaves it.
    fn build_query(&self, searcher: &Searcher, text: &str, query: &SearchQuery<'_>) -> Built {
        let fields = &self.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let (mut also_searched, mut neighbours) = (Vec::new(), Vec::new());
        if !text.is_empty() {
            let words = self.text_query(searcher, text, query.lang, Purpose::Search);
            clauses.push((Occur::Must, words.query));
            (also_searched, neighbours) = (words.also_searched, words.neighbours);
        }
        let filters = &query.filters;
        let facet_filters = [
            filters.kind.map(|k| ["kind", k.code()]),
            filters.stage.map(|s| ["stage", s.code()]),
            filters.field.map(|f| ["field", f.code()]),
            filters.country.as_deref().map(|c| ["country", c]),
            filters.institution.as_deref().map(|i| ["institution", i]),
            filters.language.as_deref().map(|l| ["language", l]),
            filters.funded.map(|f| ["funded", funded_code(f)]),
        ];
        for path in facet_filters.into_iter().flatten() {
            let term = Term::from_facet(fields.facets, &Facet::from_path(path));
            clauses.push((Occur::Must, Box::new(TermQuery::new(term, IndexRecordOption::Basic))));
        }
        let (earliest, latest) = deadline_window(query);
        if let Some(window) = self.deadline_range(earliest, latest) {
            clauses.push((Occur::Must, window));
        }
        if let Some(window) = self.published_range(filters.published) {
            clauses.push((Occur::Must, window));
        }
        // No words: the filters alone choose (an intersection with "everything" only costs time).
        let query = match clauses.len() {
            0 => Box::new(AllQuery),
            1 => clauses.pop().map_or_else(|| Box::new(AllQuery) as Box<dyn Query>, |(_, only)| only),
            _ => Box::new(BooleanQuery::new(clauses)),
        };
        Built { query, also_searched, neighbours }
    }
}

/// The first and last deadline a match may have, both included. Closed openings are those whose
/// deadline has passed; the window the searcher asked for narrows further.
fn deadline_window(query: &SearchQuery<'_>) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let filters = &query.filters;
    let earliest = [(!query.include_closed).then_some(query.today), filters.deadline_from].into_iter().flatten().max();
    (earliest, filters.deadline_to)
}

/// Any of (field, boost, analysed tokens, their offsets): each a term or a phrase (see
/// [`words_in`]); `None` when no field has a token.
pub(crate) fn in_any_field<'t>(
    fields: impl IntoIterator<Item = (tantivy::schema::Field, f32, &'t [String], &'t [usize])>,
) -> Option<Box<dyn Query>> {
    let clauses: Vec<(Occur, Box<dyn Query>)> = fields
        .into_iter()
        .filter_map(|(field, boost, tokens, offsets)| {
            words_in(field, tokens, offsets).map(|q| (Occur::Should, boosted(q, boost)))
        })
        .collect();
    (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
}

/// The analysed `tokens` in `field`: a term, or a phrase when there are several.
fn words_in(field: tantivy::schema::Field, tokens: &[String], offsets: &[usize]) -> Option<Box<dyn Query>> {
    match tokens {
        [] => None,
        [one] => Some(Box::new(TermQuery::new(Term::from_field_text(field, one), IndexRecordOption::WithFreqs))),
        many if offsets.len() == many.len() => Some(Box::new(PhraseQuery::new_with_offset(
            offsets.iter().zip(many).map(|(offset, t)| (*offset, Term::from_field_text(field, t))).collect(),
        ))),
        many => Some(Box::new(PhraseQuery::new(many.iter().map(|t| Term::from_field_text(field, t)).collect()))),
    }
}

pub(crate) fn boosted(query: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    if (boost - 1.0).abs() < f32::EPSILON { query } else { Box::new(BoostQuery::new(query, boost)) }
}

/// Longer query text is cut here; nobody types more, and it bounds the work a request can cause.
const MAX_QUERY_CHARS: usize = 1000;

/// Reduces what a user typed to words and, when balanced, quoted phrases. Tantivy's query syntax
/// (`field:`, `^2`, `~`, `*`, ranges, parentheses) is not for users: a stray `x:` would name a
/// field that does not exist, and `"` left open would swallow the rest.
pub(crate) fn plain_words(text: &str) -> String {
    let quotes_balanced = text.chars().filter(|c| *c == '"').count() % 2 == 0;
    let cleaned: String = text
        .chars()
        .take(MAX_QUERY_CHARS)
        .map(|c| if c.is_alphanumeric() || c == '\'' || (c == '"' && quotes_balanced) { c } else { ' ' })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

type Collected<T> = (usize, Vec<T>, FacetCounts);

/// The count, the top documents and the facet counts, in one pass over the matches.
fn collect<C, T>(
    searcher: &Searcher,
    query: &dyn Query,
    counter: FacetCounter<'_>,
    top: C,
) -> Result<Collected<T>, SearchError>
where
    C: Collector<Fruit = Vec<T>>,
{
    let ((total, facets), docs) = searcher.search(query, &(counter, top))?;
    Ok((total, docs, facets))
}

#[cfg(test)]
mod tests {
    use super::plain_words;

    #[test]
    fn query_syntax_becomes_plain_words() {
        assert_eq!(plain_words("title:quantum^3 (batteries) -x*"), "title quantum 3 batteries x");
        assert_eq!(plain_words("\"error correction\" qubits"), "\"error correction\" qubits");
        assert_eq!(plain_words("\"open phrase"), "open phrase");
        assert_eq!(plain_words("l'énergie 연구원을"), "l'énergie 연구원을");
        assert_eq!(plain_words("\u{0}\u{1b}[31m😀"), "31m");
    }
}
