//! Candidates for an opening: the researchers' profiles in the profile index that an opening's
//! topics reach. The profile index has the openings' schema (see
//! `Fields::profile_document`), so the opening is put as a profile would be — its keywords as
//! keywords, its titles and descriptions as interests, its fields — and searched for with the
//! same topics, analysers and vocabulary as recommendations (`recommend`), in the other
//! direction. How well each candidate suits beyond the topic (`model::fit::assess`) needs the
//! whole profile: the caller reads the candidates' profiles and multiplies.

use model::Lang;
use model::profile::Profile;
use model::record::OpeningRecord;
use tantivy::DocAddress;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query};

use crate::SearchError;
use crate::index::SearchIndex;
use crate::recommend::TopicMatch;

/// Candidates asked of the profile index at most (the caller ranks them by fit).
pub const MAX_CANDIDATES: usize = 200;

pub struct CandidateQuery<'a> {
    pub opening: &'a OpeningRecord,
    /// The reader's language.
    pub lang: Lang,
    pub limit: usize,
    /// Researchers not to propose (they applied already).
    pub exclude: &'a [i64],
}

/// A profile the opening's topics reach.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The researcher's account.
    pub id: i64,
    /// How much of the opening's topics the profile covers (BM25, as for recommendations).
    pub topic: f32,
    /// `yours` is the opening's name of the topic; `theirs` the profile's, when it differs.
    pub topics: Vec<TopicMatch>,
}

/// The opening as a profile would state it: what it is about, nothing about the researcher.
pub fn as_profile(opening: &OpeningRecord) -> Profile {
    let interests = opening
        .title
        .iter()
        .map(|(lang, title)| {
            let description = opening.description.get(lang).map_or("", String::as_str);
            (*lang, format!("{title}. {description}"))
        })
        .collect();
    Profile { keywords: opening.keywords.clone(), interests, fields: opening.fields.clone(), ..Profile::default() }
}

impl SearchIndex {
    /// On a profile index: the profiles that `request.opening`'s topics reach, best first.
    pub fn candidates(&self, request: &CandidateQuery<'_>) -> Result<Vec<Candidate>, SearchError> {
        let searcher = self.reader.searcher();
        let wanted = as_profile(request.opening);
        let topics = self.topics(&searcher, &wanted, request.lang);
        let any = self.topic_queries(&topics, &wanted.fields);
        if any.is_empty() {
            return Ok(Vec::new());
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, Box::new(BooleanQuery::new(any)))];
        clauses.extend(self.excluding(request.exclude));
        let query = BooleanQuery::new(clauses);
        let limit = request.limit.clamp(1, MAX_CANDIDATES);
        let top = searcher.search(&query, &TopDocs::with_limit(limit).order_by_score())?;
        let addresses: Vec<DocAddress> = top.iter().map(|(_, address)| *address).collect();
        let mut matched = self.topics_matched(&searcher, &topics, &addresses)?;
        let mut out = Vec::with_capacity(top.len());
        for (topic, address) in top {
            let ids = searcher.segment_reader(address.segment_ord).fast_fields().i64("id")?;
            let Some(id) = ids.first(address.doc_id) else { continue };
            out.push(Candidate { id, topic, topics: matched.remove(&address).unwrap_or_default() });
        }
        Ok(out)
    }
}
