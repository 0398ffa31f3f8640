//! What readers see: searches, suggestions, an opening's page. Searches run on the local
//! index (which follows the database, see `indexer`); the openings shown are read from the
//! database, the source of truth; a search asked again before the index changes is answered
//! from memory (`recent`).

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use model::Lang;
use model::dto::{Highlight, InstitutionPage, OpeningCard, OpeningDetail, OpeningPage, OpeningSummary, SearchParams};
use model::lang::pick;
use model::posting::PostingStatus;
use model::record::OpeningRecord;
use search::{Filters, SearchIndex, SearchQuery, Sort};

use crate::recent::search_key;
use crate::{Catalog, CatalogError, markdown};

/// A search's answer: the page of openings plus what the JSON API adds.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchOutcome {
    pub page: OpeningPage,
    /// Relevance score of each hit, in `page.hits` order (0 when not sorted by relevance).
    pub scores: Vec<f32>,
}

/// Runs CPU-bound work on the blocking pool.
pub(crate) async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, CatalogError> {
    Ok(tokio::task::spawn_blocking(work).await?)
}

impl Catalog {
    pub async fn search(
        &self,
        lang: Lang,
        params: &SearchParams,
        today: NaiveDate,
    ) -> Result<SearchOutcome, CatalogError> {
        self.remembered(lang, params, today, None).await
    }

    /// A list page's search: [`Catalog::search`], with the page's facets keeping the
    /// `institution_choices` institutions with the most matches (and the one selected), named
    /// in `lang`.
    pub async fn search_page(
        &self,
        lang: Lang,
        params: &SearchParams,
        today: NaiveDate,
        institution_choices: usize,
    ) -> Result<OpeningPage, CatalogError> {
        Ok(self.remembered(lang, params, today, Some(institution_choices)).await?.page)
    }

    /// The page of the institution `slug`: its record, whether it is verified, and page `page` of
    /// its open openings, soonest deadline first; `None` when there is no such institution.
    pub async fn institution_page(
        &self,
        lang: Lang,
        slug: &str,
        page: u32,
        today: NaiveDate,
    ) -> Result<Option<InstitutionPage>, CatalogError> {
        let Some((institution, verified)) = self.db.institution_record(slug).await? else { return Ok(None) };
        let params = SearchParams {
            institution: Some(institution.slug.clone()),
            sort: Some("deadline".to_string()),
            page: page.max(1),
            ..SearchParams::default()
        };
        let openings = self.remembered(lang, &params, today, None).await?.page;
        Ok(Some(InstitutionPage { institution, verified, openings }))
    }

    /// The answer given before while the index stands as it was (see `recent`), else a new one.
    async fn remembered(
        &self,
        lang: Lang,
        params: &SearchParams,
        today: NaiveDate,
        institution_choices: Option<usize>,
    ) -> Result<SearchOutcome, CatalogError> {
        let local = self.search.as_ref().ok_or(CatalogError::NoIndex)?;
        let index = local.index();
        let mut key = search_key(lang, params, today);
        if let Some(choices) = institution_choices {
            key.push_str(&format!("|institutions={choices}"));
        }
        let version = index.version();
        if let Some(outcome) = self.recent.get(&key, version) {
            return Ok(outcome);
        }
        let mut outcome = self.search_anew(index, lang, params, today).await?;
        if let Some(choices) = institution_choices {
            let selected = params.institution.as_deref();
            self.name_institutions(&mut outcome.page, selected, choices, lang).await?;
        }
        self.recent.put(key, version, outcome.clone());
        Ok(outcome)
    }

    async fn search_anew(
        &self,
        index: Arc<SearchIndex>,
        lang: Lang,
        params: &SearchParams,
        today: NaiveDate,
    ) -> Result<SearchOutcome, CatalogError> {
        let started = std::time::Instant::now();
        let owned = params.clone();
        // Searching and marking words are CPU work: off the async workers.
        let results = blocking(move || index.search(&search_query(&owned, lang, today))).await??;
        let searched = started.elapsed();
        let ids: Vec<i64> = results.hits.iter().map(|h| h.id).collect();
        let cards = self.db.opening_cards(&ids).await?;
        let loaded = started.elapsed();
        let hit_of = |card: &OpeningCard| results.hits.iter().find(|h| h.id == card.id);
        let scores: Vec<f32> = cards.iter().map(|card| hit_of(card).map_or(0.0, |h| h.score)).collect();
        let near: Vec<bool> = cards.iter().map(|card| hit_of(card).is_some_and(|h| h.near_in_meaning)).collect();
        let hits: Vec<OpeningSummary> = cards.iter().map(|card| card.summary(lang, today)).collect();
        let mut highlights: Vec<Highlight> = match results.highlighter {
            Some(highlighter) => {
                let texts: Vec<(Lang, String, String)> = cards
                    .iter()
                    .zip(&hits)
                    .map(|(card, summary)| {
                        // The passage comes from the description in the language the title is shown in.
                        let description = card.description.get(&summary.title_lang).map_or("", String::as_str);
                        (summary.title_lang, summary.title.clone(), markdown::plain_text(description).into_owned())
                    })
                    .collect();
                blocking(move || {
                    use rayon::prelude::*;
                    texts
                        .par_iter()
                        .map(|(lang, title, description)| highlighter.highlight(*lang, title, description))
                        .collect()
                })
                .await?
            }
            None => Vec::new(),
        };
        // Why a hit that shows none of the words is there.
        for (highlight, near) in highlights.iter_mut().zip(near) {
            highlight.by_meaning = near && !highlight.has_marks();
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
                also_searched: results.also_searched,
            },
            scores,
        })
    }

    /// For a list page: keeps the `limit` institutions with the most matches (and `selected`)
    /// in the page's facets, and names them in `lang`.
    async fn name_institutions(
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
            return Ok(Some(detail(stored.id, stored.record, stored.published_at, today, false)));
        }
        let closed = self.db.posting(id).await?.filter(|posting| posting.status == PostingStatus::Closed);
        Ok(closed.map(|posting| {
            let published = posting.published_at.unwrap_or(posting.created_at);
            detail(posting.id, posting.record, published, today, true)
        }))
    }

    /// Completions of what a searcher has typed so far, best first.
    pub async fn suggest(&self, typed: String, lang: Lang) -> Result<Vec<String>, CatalogError> {
        let index = self.index()?;
        Ok(blocking(move || index.suggest(&typed, lang, search::MAX_SUGGESTIONS)).await??)
    }

    /// The open openings (published, deadline not passed), by id, with the day each last
    /// changed and its institution's slug: what the sitemap lists.
    pub async fn open_opening_days(&self, today: NaiveDate) -> Result<Vec<(i64, NaiveDate, String)>, CatalogError> {
        Ok(self.db.open_opening_days(today).await?)
    }

    /// Up to `count` other open openings of the institution that published opening `id`,
    /// deadline soonest first: "more from this institution" on an opening's page.
    pub async fn more_from_institution(
        &self,
        lang: Lang,
        id: i64,
        count: usize,
        today: NaiveDate,
    ) -> Result<Vec<OpeningSummary>, CatalogError> {
        let Some(stored) = self.db.opening(id).await? else { return Ok(Vec::new()) };
        let params = SearchParams {
            institution: Some(stored.record.institution.slug),
            sort: Some("deadline".to_string()),
            per_page: u32::try_from(count + 1).unwrap_or(u32::MAX),
            ..SearchParams::default()
        };
        let outcome = self.search(lang, &params, today).await?;
        Ok(outcome.page.hits.into_iter().filter(|hit| hit.id != id).take(count).collect())
    }

    /// The most recently published open openings.
    pub async fn recent(&self, lang: Lang, count: u32, today: NaiveDate) -> Result<SearchOutcome, CatalogError> {
        let params = SearchParams { sort: Some("newest".to_string()), per_page: count, ..SearchParams::default() };
        self.search(lang, &params, today).await
    }
}

/// An opening as its page shows it, descriptions rendered from their Markdown.
pub(crate) fn detail(
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
            published: search::Published::default(),
        },
        sort: params.sort.as_deref().and_then(Sort::from_code).unwrap_or_default(),
        offset: params.offset(),
        limit: params.per_page as usize,
        today,
        include_closed: params.include_closed,
    }
}
