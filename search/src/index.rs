//! The index on disk: opened or created in its schema version's folder (see `folder`), filled
//! from the database by its owner when new.

use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

use embedding::Encoder;
use tantivy::schema::Value;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::SearchError;
use crate::analysis;
use crate::facets::CountCache;
use crate::folder::VersionFolder;
use crate::schema::{self, Fields, IndexedOpening, SCHEMA_VERSION};
use crate::semantic::{self, Changes, Semantic};
use crate::vocabulary::Vocabulary;

/// The indexing budget, shared by the writer's threads. Each thread writes one segment per
/// budget's worth of documents, and every search pays a fixed cost per segment (term lookups,
/// scorer set-up, facet merges): a large budget keeps a bulk write to about one segment per
/// thread. The memory is taken as documents arrive, so small writes cost little.
const WRITER_MEMORY_BYTES: usize = 400_000_000;

pub struct SearchIndex {
    pub(crate) index: Index,
    pub(crate) reader: IndexReader,
    pub(crate) fields: Fields,
    pub(crate) vocabulary: Vocabulary,
    pub(crate) counts: CountCache,
    /// The openings' embeddings, when the server has a model (see `semantic`).
    pub(crate) semantic: OnceLock<Semantic>,
    folder: VersionFolder,
    /// One writer at a time within this process; Tantivy's lock guards across processes.
    write_guard: Mutex<()>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").field("folder", &self.folder.path).finish_non_exhaustive()
    }
}

/// How far the index has followed the database's change log, stored with each commit (Tantivy's
/// commit payload), so that an index copied, restored or rebuilt knows where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    /// The database the index was built from.
    pub database_id: String,
    /// The last change applied.
    pub applied: i64,
}

impl Position {
    fn payload(&self) -> String {
        format!("{} {}", self.database_id, self.applied)
    }

    fn from_payload(payload: &str) -> Option<Position> {
        let (database_id, applied) = payload.split_once(' ')?;
        Some(Position { database_id: database_id.to_string(), applied: applied.parse().ok()? })
    }
}

/// Openings being written in one commit; see [`SearchIndex::rewrite`].
pub struct Batch<'w> {
    writer: &'w mut IndexWriter,
    fields: &'w Fields,
    added: u64,
    /// What the embedder must follow, when there is one.
    changes: Option<Changes>,
    /// The position stored with the commit; `None` keeps the index's.
    position: Option<Position>,
}

impl Batch<'_> {
    /// Stores `position` with the commit instead of the one the batch began with: a batch
    /// that stopped short of it (see `catalog::indexer`).
    pub fn record_position(&mut self, position: Position) {
        self.position = Some(position);
    }

    /// Adds the opening, replacing any earlier version with its id.
    pub fn add(&mut self, opening: &IndexedOpening<'_>) -> Result<(), SearchError> {
        self.writer.delete_term(Term::from_field_i64(self.fields.id, opening.id));
        let passage = semantic::passage(opening.record);
        self.writer.add_document(self.fields.document(opening, &passage))?;
        self.added += 1;
        if let Some(changes) = &mut self.changes {
            changes.added.push((opening.id, passage));
        }
        Ok(())
    }

    /// Adds a researcher's profile (in the profile index), replacing any earlier version.
    pub fn add_profile(&mut self, account_id: i64, profile: &model::profile::Profile) -> Result<(), SearchError> {
        self.writer.delete_term(Term::from_field_i64(self.fields.id, account_id));
        self.writer.add_document(self.fields.profile_document(account_id, profile))?;
        self.added += 1;
        Ok(())
    }

    /// Takes the opening out (closed, no longer published).
    pub fn remove(&mut self, id: i64) {
        self.writer.delete_term(Term::from_field_i64(self.fields.id, id));
        if let Some(changes) = &mut self.changes {
            changes.removed.push(id);
        }
    }
}

impl SearchIndex {
    /// Opens the index of this schema version under `root`, creating it (empty) when absent.
    /// A new index has no [`Position`]: its owner fills it from the database, then calls
    /// [`SearchIndex::retire_other_versions`].
    pub fn open(root: &Path) -> Result<SearchIndex, SearchError> {
        let (schema, fields) = schema::build();
        let folder = VersionFolder::take(root, SCHEMA_VERSION)?;
        let dir = &folder.path;
        let index = if dir.join("meta.json").exists() {
            Index::open_in_dir(dir)?
        } else {
            tracing::info!(dir = %dir.display(), "no index of this version yet; creating it");
            Index::create_in_dir(dir, schema)?
        };
        // Segments are searched in parallel: a broad search over a large catalogue takes about
        // half the time on two cores.
        let mut index = index;
        index.set_default_multithread_executor()?;
        analysis::register(index.tokenizers());
        let vocabulary = Vocabulary::shipped(index.tokenizers());
        tracing::debug!(concepts = vocabulary.len(), "research vocabulary loaded");
        let reader = index.reader_builder().reload_policy(ReloadPolicy::OnCommitWithDelay).try_into()?;
        let search_index = SearchIndex {
            index,
            reader,
            fields,
            vocabulary,
            counts: CountCache::default(),
            semantic: OnceLock::new(),
            folder,
            write_guard: Mutex::new(()),
        };
        Ok(search_index)
    }

    /// Replaces the whole content of the index with `openings`. Returns how many were indexed.
    pub fn rebuild<'a>(&self, openings: impl IntoIterator<Item = IndexedOpening<'a>>) -> Result<u64, SearchError> {
        self.rewrite::<SearchError>(true, None, |batch| {
            for opening in openings {
                batch.add(&opening)?;
            }
            Ok(())
        })
    }

    /// Adds or replaces these openings, keyed by id.
    pub fn upsert<'a>(&self, openings: impl IntoIterator<Item = IndexedOpening<'a>>) -> Result<(), SearchError> {
        self.rewrite::<SearchError>(false, None, |batch| {
            for opening in openings {
                batch.add(&opening)?;
            }
            Ok(())
        })?;
        Ok(())
    }

    /// One commit for many openings that `fill` hands to the batch (in pages, say, so that a
    /// large catalogue never sits in memory at once). With `clear`, the index first drops
    /// everything; `position` is stored with the commit, unless the batch records another.
    /// Returns how many openings were added.
    pub fn rewrite<E: From<SearchError>>(
        &self,
        clear: bool,
        position: Option<&Position>,
        fill: impl FnOnce(&mut Batch<'_>) -> Result<(), E>,
    ) -> Result<u64, E> {
        let following = self.semantic.get().is_some();
        let (added, changes) = self.write::<_, E>(|writer, fields| {
            if clear {
                writer.delete_all_documents().map_err(SearchError::from)?;
            }
            let changes = following.then(|| Changes { everything: clear, ..Changes::default() });
            let mut batch = Batch { writer, fields, added: 0, changes, position: position.cloned() };
            fill(&mut batch)?;
            Ok(((batch.added, batch.changes), batch.position))
        })?;
        self.follow(changes);
        Ok(added)
    }

    /// Removes openings by id (closed by a moderator, deleted).
    pub fn remove(&self, ids: &[i64]) -> Result<(), SearchError> {
        self.write(|writer, fields| -> Result<((), Option<Position>), SearchError> {
            for id in ids {
                writer.delete_term(Term::from_field_i64(fields.id, *id));
            }
            Ok(((), None))
        })?;
        self.follow(Some(Changes { removed: ids.to_vec(), ..Changes::default() }));
        Ok(())
    }

    /// Tells the embedder what a commit changed.
    fn follow(&self, changes: Option<Changes>) {
        if let (Some(semantic), Some(changes)) = (self.semantic.get(), changes) {
            semantic.changed(changes);
        }
    }

    /// Turns on semantic matching with `encoder`: openings are embedded in the background
    /// (those saved from an earlier run are not embedded again), and searches add the openings
    /// nearest in meaning to those their words find. Once per index; later calls do nothing.
    pub fn enable_semantic(&self, encoder: Arc<Encoder>) {
        self.semantic.get_or_init(|| Semantic::start(encoder, &self.folder.path, self.reader.clone(), self.fields));
    }

    /// Gives every opening a vector made by `vector_of` (`dimension` values, unit length)
    /// instead of the model's, before [`SearchIndex::enable_semantic`]: see `semantic::seed`.
    pub fn seed_semantic_vectors(
        &self,
        dimension: usize,
        vector_of: impl FnMut(i64) -> Vec<f32>,
    ) -> Result<(), SearchError> {
        semantic::seed(&self.folder.path, &self.reader, self.fields, dimension, vector_of)
    }

    /// Changes whenever a search may find something else: a commit became visible, or the
    /// semantic vectors changed. What was found under one version stands until it changes.
    pub fn version(&self) -> (u64, u64) {
        let generation = self.reader.searcher().generation().generation_id();
        (generation, self.semantic.get().map_or(0, Semantic::version))
    }

    /// With semantic matching on: how many openings have their embedding, and whether the
    /// embedder has caught up.
    pub fn semantic_progress(&self) -> Option<(usize, bool)> {
        self.semantic.get().map(|semantic| (semantic.len(), semantic.is_idle()))
    }

    /// Runs `change` with a writer, commits (with the position `change` returns, else the
    /// position the index had), and makes the result visible to searches at once. Nothing is
    /// committed when `change` fails.
    fn write<T, E: From<SearchError>>(
        &self,
        change: impl FnOnce(&mut IndexWriter, &Fields) -> Result<(T, Option<Position>), E>,
    ) -> Result<T, E> {
        let _guard = self.write_guard.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut writer: IndexWriter = self.index.writer(WRITER_MEMORY_BYTES).map_err(SearchError::from)?;
        let (result, position) = change(&mut writer, &self.fields)?;
        let payload = match position {
            Some(position) => Some(position.payload()),
            None => self.index.load_metas().map_err(SearchError::from)?.payload,
        };
        let mut commit = writer.prepare_commit().map_err(SearchError::from)?;
        if let Some(payload) = payload {
            commit.set_payload(&payload);
        }
        commit.commit().map_err(SearchError::from)?;
        writer.wait_merging_threads().map_err(SearchError::from)?;
        self.reader.reload().map_err(SearchError::from)?;
        Ok(result)
    }

    /// Drops the counts kept for searches without words (see `CountCache`), so that a
    /// measurement can see what they cost when counted afresh.
    pub fn forget_counts(&self) {
        self.counts.clear();
    }

    /// Deletes the folders of other schema versions that no process has open any more (see
    /// `folder`): called once this version's index has caught up with the database.
    pub fn retire_other_versions(&self) -> Result<(), SearchError> {
        for retired in self.folder.retire_others()? {
            tracing::info!(dir = %retired.display(), "index of another schema version deleted");
        }
        Ok(())
    }

    /// How far the index has followed the change log; `None` for an index that never recorded
    /// it (then only a rebuild tells).
    pub fn position(&self) -> Result<Option<Position>, SearchError> {
        Ok(self.index.load_metas()?.payload.as_deref().and_then(Position::from_payload))
    }

    /// How many openings the index holds.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every id in the index, sorted (for consistency checks).
    pub fn ids(&self) -> Result<Vec<i64>, SearchError> {
        let searcher = self.reader.searcher();
        let mut ids = Vec::new();
        for (segment_ord, segment) in searcher.segment_readers().iter().enumerate() {
            let alive = segment.doc_ids_alive();
            for doc_id in alive {
                let doc: TantivyDocument =
                    searcher.doc(tantivy::DocAddress::new(u32::try_from(segment_ord).unwrap_or(0), doc_id))?;
                if let Some(id) = doc.get_first(self.fields.id).and_then(|v| v.as_i64()) {
                    ids.push(id);
                }
            }
        }
        ids.sort_unstable();
        Ok(ids)
    }
}
