//! The catalogue of openings: reads and writes that touch both the database (the source of
//! truth) and the search index (derived from it). Pages, the JSON API and the CLI all go through
//! [`Catalog`], so that every write reaches the index and every read is assembled one way.

use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use db::{Db, DbError, ImportSummary, StoredOpening};
use std::collections::BTreeMap;

use model::Lang;
use model::dto::{FacetCounts, OpeningDetail, OpeningPage, OpeningSummary, SearchParams};
use model::lang::pick;
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
        let openings = self.db.published_openings().await?;
        let index = Arc::clone(&self.index);
        let count = tokio::task::spawn_blocking(move || index.rebuild(openings.iter().map(indexed))).await??;
        Ok(count)
    }

    /// Upserts records in one transaction, then brings the index up to date with what changed.
    pub async fn import(&self, records: &[OpeningRecord]) -> Result<ImportSummary, CatalogError> {
        let summary = self.db.import(records).await?;
        if !summary.changed_ids.is_empty() {
            let changed = self.db.openings_by_ids(&summary.changed_ids).await?;
            let index = Arc::clone(&self.index);
            tokio::task::spawn_blocking(move || index.upsert(changed.iter().map(indexed))).await??;
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
        let query = SearchQuery {
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
        };
        let results = self.index.search(&query)?;
        let ids: Vec<i64> = results.hits.iter().map(|h| h.id).collect();
        let stored = self.db.openings_by_ids(&ids).await?;
        let mut hits = Vec::with_capacity(stored.len());
        let mut scores = Vec::with_capacity(stored.len());
        let mut highlights = Vec::new();
        for opening in &stored {
            let summary = OpeningSummary::from_record(opening.id, &opening.record, lang, today);
            if let Some(highlighter) = &results.highlighter {
                // The passage comes from the description in the language the title is shown in.
                let description = opening.record.description.get(&summary.title_lang).map_or("", String::as_str);
                highlights.push(highlighter.highlight(summary.title_lang, &summary.title, description));
            }
            hits.push(summary);
            let score = results.hits.iter().find(|h| h.id == opening.id).map_or(0.0, |h| h.score);
            scores.push(score);
        }
        let institution_names = self.institution_names(&results.facets, lang).await?;
        Ok(SearchOutcome {
            page: OpeningPage {
                total: results.total as u64,
                page: params.page,
                per_page: params.per_page,
                hits,
                highlights,
                facets: results.facets,
                institution_names,
            },
            scores,
        })
    }

    /// Names in `lang` of the institutions that the facets count.
    async fn institution_names(
        &self,
        facets: &FacetCounts,
        lang: Lang,
    ) -> Result<BTreeMap<String, String>, CatalogError> {
        let slugs: Vec<String> = facets.institution.keys().cloned().collect();
        if slugs.is_empty() {
            return Ok(BTreeMap::new());
        }
        let institutions = self.db.institutions_by_slugs(&slugs).await?;
        Ok(institutions
            .into_iter()
            .map(|(slug, record)| {
                let name =
                    pick(&record.name, lang, Lang::En).map_or_else(|| slug.clone(), |(_, name)| name.to_string());
                (slug, name)
            })
            .collect())
    }

    /// A published opening with everything a reader sees.
    pub async fn opening(&self, id: i64, today: NaiveDate) -> Result<Option<OpeningDetail>, CatalogError> {
        Ok(self.db.opening(id).await?.map(|stored| OpeningDetail {
            id: stored.id,
            days_left: (stored.record.deadline - today).num_days(),
            published_on: stored.created_at.date_naive(),
            record: stored.record,
        }))
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

/// Today's date where Passerelle runs; deadlines are compared with it.
pub fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}
