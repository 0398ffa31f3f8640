//! Semantic neighbours: each opening's embedding (see the `embedding` crate), kept beside this
//! index, and the openings nearest to a query's embedding, whatever language either is in.
//!
//! The index stores, with each opening, the text its embedding is made of (titles and
//! keywords: `passage`). A background thread per index embeds what a commit added or changed
//! (a few tens of milliseconds an opening), drops what it removed, and on start compares the
//! vectors saved in the index's folder (`vectors-e5.bin`) with the stored texts, so that a
//! crash, a rebuild by `passerelle reindex` or a changed opening is caught up. Until an opening
//! has its vector, searches find it through its words alone.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::{Duration, Instant};

use embedding::{Encoder, Nearest, Packed, VectorSet};
use model::record::OpeningRecord;
use tantivy::schema::Value;
use tantivy::{IndexReader, TantivyDocument};

use crate::schema::Fields;

mod file;

/// The file in the index's folder that keeps the vectors between runs (see `file`).
const VECTORS_FILE: &str = "vectors-e5.bin";
/// Tokens of an opening's passage that are embedded: titles and keywords fit.
const PASSAGE_TOKENS: usize = 64;
/// Openings the nearest-neighbour search returns at most.
const NEIGHBOURS: usize = 40;
/// Query embeddings remembered (a search's pages and facets ask again with the same words).
const REMEMBERED_QUERIES: usize = 2048;
/// How often the embedder saves its vectors while it works through many.
const SAVE_EVERY: Duration = Duration::from_secs(10);

/// What an opening's embedding is made of: its titles (the original language's first) and its
/// keywords. Descriptions are left out: on the judged sets they made matching no better and
/// embedding four times slower.
pub fn passage(record: &OpeningRecord) -> String {
    let mut parts: Vec<&str> = Vec::new();
    parts.extend(record.title.get(&record.original_language).map(String::as_str));
    parts.extend(record.title.iter().filter(|(lang, _)| **lang != record.original_language).map(|(_, t)| t.as_str()));
    let keywords = record.keywords.join(", ");
    if !keywords.is_empty() {
        parts.push(&keywords);
    }
    parts.join(". ")
}

/// The group of vectors an opening's passage is compared within (see `embedding::vectors`):
/// 1 for one in Korean script, 0 for the others. The model sets Korean texts apart from French
/// and English ones as a whole, far more than French from English.
fn group_of(passage: &str) -> u8 {
    u8::from(passage.chars().any(crate::loanword::is_hangul))
}

/// What a query's embedding is remembered by: its text, spaces and case aside.
pub fn remembered_as(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// FNV-1a: stable across runs and platforms, unlike the standard library's hasher.
fn fingerprint(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

/// What a commit changed, for the embedder.
#[derive(Debug, Default)]
pub(crate) struct Changes {
    pub added: Vec<(i64, String)>,
    pub removed: Vec<i64>,
    /// Everything may have changed (the index was cleared): compare all.
    pub everything: bool,
}

impl Changes {
    fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && !self.everything
    }
}

#[derive(Default)]
struct Work {
    changes: Changes,
    /// The embedder is working through changes it took.
    busy: bool,
    stop: bool,
}

struct Vectors {
    set: VectorSet,
    fingerprints: HashMap<i64, u64>,
}

struct Shared {
    encoder: Arc<Encoder>,
    vectors: RwLock<Vectors>,
    work: Mutex<Work>,
    wake: Condvar,
    /// Query embeddings with when each was last used (by `clock`).
    queries: Mutex<HashMap<String, Remembered>>,
    clock: AtomicU64,
    file: PathBuf,
    /// Counts changes to `vectors`, each counted while its write lock is still held: a search
    /// that read a count saw at least the vectors that count stands for.
    version: AtomicU64,
}

/// A query's embedding, and when it was last used (by `Shared::clock`).
type Remembered = (Arc<Vec<f32>>, u64);

/// The embeddings of one index and the thread that keeps them up to date.
pub(crate) struct Semantic {
    shared: Arc<Shared>,
}

impl Drop for Semantic {
    fn drop(&mut self) {
        lock(&self.shared.work).stop = true;
        self.shared.wake.notify_all();
    }
}

impl Semantic {
    /// Loads the vectors saved in `folder` and starts the embedder, which first compares them
    /// with what the index holds.
    pub(crate) fn start(encoder: Arc<Encoder>, folder: &Path, reader: IndexReader, fields: Fields) -> Semantic {
        let file = folder.join(VECTORS_FILE);
        let dimension = encoder.dimension();
        let (set, fingerprints) = match file::load(&file, dimension) {
            Ok(loaded) => loaded,
            Err(err) => {
                if err.kind() != io::ErrorKind::NotFound {
                    tracing::warn!(file = %file.display(), error = %err, "saved vectors unreadable; embedding again");
                }
                (VectorSet::new(dimension), HashMap::new())
            }
        };
        let shared = Arc::new(Shared {
            encoder,
            vectors: RwLock::new(Vectors { set, fingerprints }),
            work: Mutex::new(Work {
                changes: Changes { everything: true, ..Changes::default() },
                busy: false,
                stop: false,
            }),
            wake: Condvar::new(),
            queries: Mutex::new(HashMap::new()),
            clock: AtomicU64::new(0),
            file,
            version: AtomicU64::new(0),
        });
        let worker = Arc::clone(&shared);
        let spawned = std::thread::Builder::new()
            .name("embedder".into())
            .spawn(move || embed_until_stopped(&worker, &reader, fields));
        if let Err(err) = spawned {
            tracing::error!(error = %err, "the embedder thread could not start; searches use words alone");
        }
        Semantic { shared }
    }

    /// Hands what a commit changed to the embedder.
    pub(crate) fn changed(&self, changes: Changes) {
        let mut work = lock(&self.shared.work);
        work.changes.added.extend(changes.added);
        work.changes.removed.extend(changes.removed);
        work.changes.everything |= changes.everything;
        drop(work);
        self.shared.wake.notify_all();
    }

    /// The openings nearest to `text` as a query, best first, with their cosine similarity, and
    /// the similarity of all openings to it.
    pub(crate) fn neighbours(&self, text: &str) -> Nearest {
        let query = self.query_vector(text);
        read(&self.shared.vectors).set.nearest(&query, NEIGHBOURS)
    }

    /// Changes whenever the vectors do (see `Shared::version`).
    pub(crate) fn version(&self) -> u64 {
        self.shared.version.load(Ordering::Acquire)
    }

    /// How many openings have their vector (for health and benchmarks).
    pub(crate) fn len(&self) -> usize {
        read(&self.shared.vectors).set.len()
    }

    /// Whether the embedder has nothing left to do.
    pub(crate) fn is_idle(&self) -> bool {
        let work = lock(&self.shared.work);
        !work.busy && work.changes.is_empty()
    }

    fn query_vector(&self, text: &str) -> Arc<Vec<f32>> {
        let key = remembered_as(text);
        let tick = || self.shared.clock.fetch_add(1, Ordering::Relaxed);
        if let Some((vector, used)) = lock(&self.shared.queries).get_mut(&key) {
            *used = tick();
            return Arc::clone(vector);
        }
        let vector = Arc::new(self.shared.encoder.embed_query(&key));
        let mut queries = lock(&self.shared.queries);
        if queries.len() >= REMEMBERED_QUERIES {
            // Forget the older half at once, rather than one at a time on every search.
            let mut ages: Vec<u64> = queries.values().map(|(_, used)| *used).collect();
            ages.sort_unstable();
            let cut = ages[ages.len() / 2];
            queries.retain(|_, (_, used)| *used > cut);
        }
        queries.insert(key, (Arc::clone(&vector), tick()));
        vector
    }
}

fn embed_until_stopped(shared: &Shared, reader: &IndexReader, fields: Fields) {
    // Embedding a large catalogue takes minutes of a core; searches come first.
    embedding::priority::lower_this_thread();
    let mut last_save = Instant::now();
    let mut unsaved = false;
    loop {
        let changes = {
            let mut work = lock(&shared.work);
            work.busy = false;
            while !work.stop && work.changes.is_empty() {
                work = shared.wake.wait(work).unwrap_or_else(|poisoned| poisoned.into_inner());
            }
            if work.stop {
                break;
            }
            work.busy = true;
            std::mem::take(&mut work.changes)
        };
        let mut todo = changes.added;
        if changes.everything {
            match stored_passages(reader, fields) {
                Ok(passages) => {
                    let mut vectors = write(&shared.vectors);
                    let gone: Vec<i64> =
                        vectors.fingerprints.keys().filter(|id| !passages.contains_key(id)).copied().collect();
                    for id in gone {
                        vectors.set.remove(id);
                        vectors.fingerprints.remove(&id);
                        unsaved = true;
                    }
                    // Groups are not saved with the vectors: the passages tell them again.
                    for (&id, text) in &passages {
                        vectors.set.set_group(id, group_of(text));
                    }
                    shared.version.fetch_add(1, Ordering::AcqRel);
                    drop(vectors);
                    todo.extend(passages);
                }
                Err(err) => tracing::error!(error = %err, "could not read the index's passages"),
            }
        }
        if !changes.removed.is_empty() {
            let mut vectors = write(&shared.vectors);
            for id in changes.removed {
                vectors.set.remove(id);
                vectors.fingerprints.remove(&id);
            }
            shared.version.fetch_add(1, Ordering::AcqRel);
            drop(vectors);
            unsaved = true;
        }
        // Later versions of an opening win; those already embedded as they are cost nothing.
        let mut latest: HashMap<i64, String> = HashMap::with_capacity(todo.len());
        latest.extend(todo);
        for (id, text) in latest {
            if lock(&shared.work).stop {
                break;
            }
            let print = fingerprint(&text);
            if read(&shared.vectors).fingerprints.get(&id) == Some(&print) {
                continue;
            }
            let vector = Packed::new(&shared.encoder.embed_passage(&text, PASSAGE_TOKENS));
            let mut vectors = write(&shared.vectors);
            vectors.set.insert(id, &vector);
            vectors.set.set_group(id, group_of(&text));
            vectors.fingerprints.insert(id, print);
            shared.version.fetch_add(1, Ordering::AcqRel);
            drop(vectors);
            unsaved = true;
            if last_save.elapsed() > SAVE_EVERY {
                save_logged(shared);
                (last_save, unsaved) = (Instant::now(), false);
            }
        }
        if unsaved && lock(&shared.work).changes.added.is_empty() {
            save_logged(shared);
            (last_save, unsaved) = (Instant::now(), false);
        }
    }
    if unsaved {
        save_logged(shared);
    }
}

/// Saves a vector for every opening in the index, made by `vector_of` instead of the model,
/// with the fingerprint of its passage: semantic matching turned on afterwards finds nothing to
/// embed. For benchmarks at sizes the model would take an hour to embed (a search costs the
/// same whatever the vectors hold); a server never calls it.
pub(crate) fn seed(
    folder: &Path,
    reader: &IndexReader,
    fields: Fields,
    dimension: usize,
    mut vector_of: impl FnMut(i64) -> Vec<f32>,
) -> Result<(), crate::SearchError> {
    let mut set = VectorSet::new(dimension);
    let mut fingerprints = HashMap::new();
    for (id, text) in stored_passages(reader, fields)? {
        set.insert(id, &Packed::new(&vector_of(id)));
        fingerprints.insert(id, fingerprint(&text));
    }
    file::save(&folder.join(VECTORS_FILE), &set, &fingerprints)?;
    Ok(())
}

/// Every opening's id and passage, as the index stores them.
fn stored_passages(reader: &IndexReader, fields: Fields) -> tantivy::Result<HashMap<i64, String>> {
    let searcher = reader.searcher();
    let mut passages = HashMap::new();
    for segment in searcher.segment_readers() {
        let store = segment.get_store_reader(64)?;
        for doc_id in segment.doc_ids_alive() {
            let doc: TantivyDocument = store.get(doc_id)?;
            let id = doc.get_first(fields.id).and_then(|v| v.as_i64());
            let text = doc.get_first(fields.passage).and_then(|v| v.as_str().map(str::to_string));
            if let (Some(id), Some(text)) = (id, text) {
                passages.insert(id, text);
            }
        }
    }
    Ok(passages)
}

fn save_logged(shared: &Shared) {
    let started = Instant::now();
    let vectors = read(&shared.vectors);
    match file::save(&shared.file, &vectors.set, &vectors.fingerprints) {
        Ok(()) => tracing::debug!(vectors = vectors.set.len(), took = ?started.elapsed(), "vectors saved"),
        Err(err) => tracing::warn!(file = %shared.file.display(), error = %err, "vectors not saved"),
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn read<T>(lock: &RwLock<T>) -> std::sync::RwLockReadGuard<'_, T> {
    lock.read().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn write<T>(lock: &RwLock<T>) -> std::sync::RwLockWriteGuard<'_, T> {
    lock.write().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use model::Lang;
    use model::record::testing::unrelated_topics;

    use super::Encoder;
    use crate::{Filters, IndexedOpening, SearchIndex, SearchQuery, Sort};

    fn encoder() -> Option<Arc<Encoder>> {
        embedding::testing::encoder().map(Arc::new)
    }

    fn caught_up(index: &SearchIndex) {
        let started = Instant::now();
        while index.semantic_progress() != Some((index.len() as usize, true)) {
            assert!(started.elapsed() < Duration::from_secs(120), "the embedder never caught up");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn first_hit(index: &SearchIndex, text: &str, lang: Lang) -> Option<i64> {
        hits(index, text, lang).first().map(|hit| hit.id)
    }

    fn hits(index: &SearchIndex, text: &str, lang: Lang) -> Vec<crate::Hit> {
        let query = SearchQuery {
            text,
            lang,
            filters: Filters::default(),
            sort: Sort::Relevance,
            offset: 0,
            limit: 10,
            today: chrono::NaiveDate::from_ymd_opt(2098, 1, 1).unwrap_or_default(),
            include_closed: false,
        };
        index.search(&query).expect("search").hits
    }

    #[test]
    fn a_search_finds_an_opening_whose_meaning_alone_it_shares_and_the_vectors_follow_the_index() {
        let Some(encoder) = encoder() else { return };
        let dir = tempfile::tempdir().expect("temp dir");
        let records = unrelated_topics();
        let indexed = || records.iter().zip(1..).map(|(record, id)| IndexedOpening { id, record, published_at: id });
        {
            let index = SearchIndex::open(dir.path()).expect("index");
            index.rebuild(indexed()).expect("rebuild");
            let drought = "céréales tolérantes au stress hydrique";
            assert_eq!(first_hit(&index, drought, Lang::Fr), None, "no word in common, no concept either");
            index.enable_semantic(Arc::clone(&encoder));
            caught_up(&index);
            assert_eq!(first_hit(&index, drought, Lang::Fr), Some(5));
            assert!(hits(&index, drought, Lang::Fr)[0].near_in_meaning, "the searcher is told why");
            assert_eq!(first_hit(&index, "blanchissement des coraux", Lang::Fr), Some(2));
            assert_eq!(first_hit(&index, "seismic fragility of bridges", Lang::En), Some(1));
            // A word match still comes first.
            assert_eq!(first_hit(&index, "archives", Lang::En), Some(3));
            assert_eq!(first_hit(&index, "산호초", Lang::Ko), Some(2));
            // Words near nothing in particular bring nothing, nor a topic no opening is about
            // (before the margin of `meaning`, each found an unrelated opening).
            assert_eq!(first_hit(&index, "zzyzx qwerty", Lang::En), None);
            assert_eq!(first_hit(&index, "hjkl", Lang::En), None);
            assert_eq!(first_hit(&index, "달 탐사 로버", Lang::Ko), None);
            index.remove(&[2]).expect("remove");
            caught_up(&index);
            assert_eq!(index.semantic_progress(), Some((9, true)));
        }
        // Opened again: the vectors saved in the folder are there before any is computed.
        let index = SearchIndex::open(dir.path()).expect("index");
        index.enable_semantic(encoder);
        assert_eq!(index.semantic_progress().map(|(embedded, _)| embedded), Some(9));
        caught_up(&index);
        assert_eq!(first_hit(&index, "seismic fragility of bridges", Lang::En), Some(1));
    }
}
