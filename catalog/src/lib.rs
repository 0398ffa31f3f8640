//! The catalogue of openings: reads and writes that touch both the database (the source of
//! truth) and the search index (derived from it). Pages, the JSON API and the CLI all go through
//! [`Catalog`], so that every write reaches the index and every read is assembled one way.

mod markdown;
mod postings;

pub use postings::{SaveAction, Verdict};

use std::path::Path;
use std::sync::Arc;

use tokio::runtime::Handle;

use chrono::NaiveDate;
use db::{Db, DbError, ImportSummary, StoredOpening};
use std::collections::BTreeMap;

use model::Lang;
use model::dto::{OpeningDetail, OpeningPage, OpeningSummary, SearchParams};
use model::lang::pick;
use model::posting::PostingStatus;
use model::record::OpeningRecord;
use search::{Filters, IndexState, IndexedOpening, SearchError, SearchIndex, SearchQuery, Sort};

#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Search(#[from] SearchError),
    #[error("background task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
}

/// A search's answer: the page of openings plus what the JSON API adds.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchOutcome {
    pub page: OpeningPage,
    /// Relevance score of each hit, in `page.hits` order (0 when not sorted by relevance).
    pub scores: Vec<f32>,
}

#[derive(Clone, Debug)]
pub struct Catalog {
    db: Db,
    index: Arc<SearchIndex>,
}

/// Openings read from the database at a time when (re)indexing many.
const PAGE: u64 = 2000;

fn indexed(opening: &StoredOpening) -> IndexedOpening<'_> {
    IndexedOpening { id: opening.id, record: &opening.record, published_at: opening.created_at.timestamp() }
}

impl Catalog {
    /// Connects to the database, applies migrations, opens the index in `index_dir` and rebuilds
    /// it from the database when it is missing or stale.
    pub async fn open(database_url: &str, index_dir: &Path) -> Result<Catalog, CatalogError> {
        let db = Db::connect(database_url).await?;
        db.migrate().await?;
        let (index, state) = SearchIndex::open(index_dir)?;
        let catalog = Catalog { db, index: Arc::new(index) };
        if state == IndexState::NeedsRebuild {
            let count = catalog.reindex().await?;
            tracing::info!(count, "search index rebuilt from the database");
        }
        Ok(catalog)
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    /// Rebuilds the whole index from the database. Returns how many openings it holds.
    pub async fn reindex(&self) -> Result<u64, CatalogError> {
        let (db, index, runtime) = (self.db.clone(), Arc::clone(&self.index), Handle::current());
        let count = tokio::task::spawn_blocking(move || {
            index.rewrite::<CatalogError>(true, |batch| {
                let mut after = 0;
                while let Some(page) = runtime.block_on(db.published_after(after, PAGE))? {
                    after = page.last_id;
                    for opening in &page.openings {
                        batch.add(&indexed(opening))?;
                    }
                }
                Ok(())
            })
        })
        .await??;
        Ok(count)
    }

    /// Upserts records in one transaction, then brings the index up to date with what changed.
    pub async fn import(&self, records: &[OpeningRecord]) -> Result<ImportSummary, CatalogError> {
        let summary = self.db.import(records).await?;
        if !summary.changed_ids.is_empty() {
            let (db, index, runtime) = (self.db.clone(), Arc::clone(&self.index), Handle::current());
            let changed = summary.changed_ids.clone();
            tokio::task::spawn_blocking(move || {
                index.rewrite::<CatalogError>(false, |batch| {
                    for ids in changed.chunks(PAGE as usize) {
                        for opening in &runtime.block_on(db.openings_by_ids(ids))? {
                            batch.add(&indexed(opening))?;
                        }
                    }
                    Ok(())
                })
            })
            .await??;
        }
        Ok(summary)
    }

    /// Answers when both the database and the index do.
    pub async fn health(&self) -> Result<(), CatalogError> {
        self.db.ping().await?;
        let _ = self.index.len();
        Ok(())
    }

    /// Ids in the index, sorted (to compare it with the database).
    pub fn indexed_ids(&self) -> Result<Vec<i64>, CatalogError> {
        Ok(self.index.ids()?)
    }

    pub async fn search(
        &self,
        lang: Lang,
        params: &SearchParams,
        today: NaiveDate,
    ) -> Result<SearchOutcome, CatalogError> {
        let started = std::time::Instant::now();
        let query = search_query(params, lang, today);
        let results = self.index.search(&query)?;
        let searched = started.elapsed();
        let ids: Vec<i64> = results.hits.iter().map(|h| h.id).collect();
        let stored = self.db.openings_by_ids(&ids).await?;
        let loaded = started.elapsed();
        let mut hits = Vec::with_capacity(stored.len());
        let mut scores = Vec::with_capacity(stored.len());
        let mut highlights = Vec::new();
        for opening in &stored {
            let summary = OpeningSummary::from_record(opening.id, &opening.record, lang, today);
            if let Some(highlighter) = &results.highlighter {
                // The passage comes from the description in the language the title is shown in.
                let description = opening.record.description.get(&summary.title_lang).map_or("", String::as_str);
                let description = markdown::plain_text(description);
                highlights.push(highlighter.highlight(summary.title_lang, &summary.title, &description));
            }
            hits.push(summary);
            let score = results.hits.iter().find(|h| h.id == opening.id).map_or(0.0, |h| h.score);
            scores.push(score);
        }
        tracing::debug!(?searched, ?loaded, total = ?started.elapsed(), "search");
        Ok(SearchOutcome {
            page: OpeningPage {
                total: results.total as u64,
                page: params.page,
                per_page: params.per_page,
                hits,
                highlights,
                facets: results.facets,
                institution_names: BTreeMap::new(),
            },
            scores,
        })
    }

    /// For a list page: keeps the `limit` institutions with the most matches (and `selected`)
    /// in the page's facets, and names them in `lang`.
    pub async fn name_institutions(
        &self,
        page: &mut OpeningPage,
        selected: Option<&str>,
        limit: usize,
        lang: Lang,
    ) -> Result<(), CatalogError> {
        let mut ranked: Vec<(&String, &u64)> = page.facets.institution.iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let kept: Vec<String> = ranked
            .iter()
            .enumerate()
            .filter(|(rank, (slug, _))| *rank < limit || Some(slug.as_str()) == selected)
            .map(|(_, (slug, _))| (*slug).clone())
            .collect();
        page.facets.institution.retain(|slug, _| kept.contains(slug));
        page.institution_names = self.institution_names(&kept, lang).await?;
        Ok(())
    }

    /// Names in `lang` of the institutions with these slugs.
    async fn institution_names(&self, slugs: &[String], lang: Lang) -> Result<BTreeMap<String, String>, CatalogError> {
        if slugs.is_empty() {
            return Ok(BTreeMap::new());
        }
        let institutions = self.db.institutions_by_slugs(slugs).await?;
        Ok(institutions
            .into_iter()
            .map(|(slug, record)| {
                let name =
                    pick(&record.name, lang, Lang::En).map_or_else(|| slug.clone(), |(_, name)| name.to_string());
                (slug, name)
            })
            .collect())
    }

    /// A published opening with everything a reader sees; an opening its institution closed
    /// is shown as closed.
    pub async fn opening(&self, id: i64, today: NaiveDate) -> Result<Option<OpeningDetail>, CatalogError> {
        if let Some(stored) = self.db.opening(id).await? {
            return Ok(Some(detail(stored.id, stored.record, stored.created_at, today, false)));
        }
        let closed = self.db.posting(id).await?.filter(|posting| posting.status == PostingStatus::Closed);
        Ok(closed.map(|posting| detail(posting.id, posting.record, posting.created_at, today, true)))
    }

    /// Completions of what a searcher has typed so far, best first.
    pub async fn suggest(&self, typed: String, lang: Lang) -> Result<Vec<String>, CatalogError> {
        let index = Arc::clone(&self.index);
        Ok(tokio::task::spawn_blocking(move || index.suggest(&typed, lang, search::MAX_SUGGESTIONS)).await??)
    }

    /// The most recently published open openings.
    pub async fn recent(&self, lang: Lang, count: u32, today: NaiveDate) -> Result<SearchOutcome, CatalogError> {
        let params = SearchParams { sort: Some("newest".to_string()), per_page: count, ..SearchParams::default() };
        self.search(lang, &params, today).await
    }
}

/// An opening as its page shows it, descriptions rendered from their Markdown.
fn detail(
    id: i64,
    record: OpeningRecord,
    published: chrono::DateTime<chrono::FixedOffset>,
    today: NaiveDate,
    withdrawn: bool,
) -> OpeningDetail {
    OpeningDetail {
        id,
        days_left: (record.deadline - today).num_days(),
        published_on: published.date_naive(),
        description_html: record.description.iter().map(|(lang, text)| (*lang, markdown::render(text))).collect(),
        withdrawn,
        record,
    }
}

/// The index's form of a search as the URL states it.
pub fn search_query(params: &SearchParams, lang: Lang, today: NaiveDate) -> SearchQuery<'_> {
    SearchQuery {
        text: &params.q,
        lang,
        filters: Filters {
            kind: params.kind,
            stage: params.stage,
            field: params.field,
            country: params.country.clone(),
            institution: params.institution.clone(),
            language: params.language.clone(),
            funded: params.funded,
            deadline_from: params.deadline_from,
            deadline_to: params.deadline_to,
        },
        sort: params.sort.as_deref().and_then(Sort::from_code).unwrap_or_default(),
        offset: params.offset(),
        limit: params.per_page as usize,
        today,
        include_closed: params.include_closed,
    }
}

/// The day deadlines are compared with. A deadline is a day "anywhere on Earth": an opening
/// stays open until its deadline day has ended in every time zone (UTC−12), so that nobody,
/// in Seoul or in Sherbrooke, loses a day to where they live. Openings close by this rule at
/// query time: they leave searches, and their page says they are closed.
pub fn today() -> NaiveDate {
    today_at(chrono::Utc::now())
}

/// This instant, as the database stores times.
pub fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::Utc::now().fixed_offset()
}

/// [`today`] at the instant `now`.
pub fn today_at(now: chrono::DateTime<chrono::Utc>) -> NaiveDate {
    (now - chrono::Duration::hours(12)).date_naive()
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};

    use super::today_at;

    #[test]
    fn a_deadline_ends_when_its_day_has_ended_everywhere() {
        let deadline = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap_or_default();
        let open_at = |y, m, d, h, min| {
            let now = Utc.with_ymd_and_hms(y, m, d, h, min, 0).single().unwrap_or_default();
            deadline >= today_at(now)
        };
        assert!(open_at(2027, 3, 1, 14, 0), "14:00 UTC on the day (23:00 in Seoul)");
        assert!(open_at(2027, 3, 2, 4, 0), "already March 2 in Seoul, still March 1 in Sherbrooke");
        assert!(open_at(2027, 3, 2, 11, 59), "the last minute of March 1 at UTC−12");
        assert!(!open_at(2027, 3, 2, 12, 0), "March 1 is over everywhere");
    }
}
