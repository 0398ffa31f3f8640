//! A second thread for one query's forward pass: it shares each matrix product, a few rows at a
//! time (whichever thread is free takes the next), and spins between products. Sharing the
//! products among rayon's threads gained nothing on a virtual machine (a query's p50 15.7 ms
//! against 16.6 alone): each of a query's 72 products woke a sleeping thread, and waking one
//! costs about what half a product saves.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use super::{QMatrix, Quantised, columns};

/// Weight rows a thread takes at a time.
const ROWS_AT_A_TIME: usize = 32;

/// A product for the helper to share.
struct Job<'w> {
    w: &'w QMatrix,
    x: Arc<Quantised>,
    /// The next group of rows (of `ROWS_AT_A_TIME`) for a thread to take.
    next: Arc<AtomicUsize>,
}

/// The exchange between the thread that runs a forward pass and its helper.
pub(crate) struct Helper<'w> {
    job: Mutex<Option<Job<'w>>>,
    /// The groups of rows the helper computed, by number.
    result: Mutex<Vec<(usize, Vec<f32>)>>,
    /// Jobs posted, and jobs the helper is through with (done, or found taken back).
    posted: AtomicUsize,
    finished: AtomicUsize,
    /// Set when the pass ends, and when the helper does.
    stop: AtomicBool,
    gone: AtomicBool,
}

/// Sets its flag when dropped, by a panic too: the helper is stopped when the pass ends (it would
/// spin on forever), and the pass is told if the helper ends (it would wait forever).
struct SetOnDrop<'a>(&'a AtomicBool);

impl Drop for SetOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Release);
    }
}

impl<'w> Helper<'w> {
    /// Runs `work` with a helper thread, started for it and stopped after.
    pub(crate) fn with<R>(work: impl FnOnce(&Helper<'w>) -> R) -> R {
        let helper = Helper {
            job: Mutex::new(None),
            result: Mutex::new(Vec::new()),
            posted: AtomicUsize::new(0),
            finished: AtomicUsize::new(0),
            stop: AtomicBool::new(false),
            gone: AtomicBool::new(false),
        };
        std::thread::scope(|scope| {
            let spawned =
                std::thread::Builder::new().name("embedding helper".into()).spawn_scoped(scope, || helper.serve());
            let _stop = SetOnDrop(&helper.stop);
            if spawned.is_err() {
                // No thread to be had: each product is taken back and computed here.
                helper.stop.store(true, Ordering::Release);
            }
            work(&helper)
        })
    }

    fn serve(&self) {
        let _gone = SetOnDrop(&self.gone);
        let mut seen = 0;
        loop {
            while self.posted.load(Ordering::Acquire) == seen {
                if self.stop.load(Ordering::Acquire) {
                    return;
                }
                std::hint::spin_loop();
            }
            seen += 1;
            let job = lock(&self.job).take();
            if let Some(job) = job {
                let mut computed = Vec::new();
                while let Some((group, first, count)) = take_group(job.w, &job.next) {
                    let mut out = vec![0f32; count * job.x.tokens()];
                    columns(job.w, &job.x, first..first + count, &mut out, count);
                    computed.push((group, out));
                }
                *lock(&self.result) = computed;
            }
            self.finished.store(seen, Ordering::Release);
        }
    }

    /// `x · Wᵀ` into `y` (token after token, as [`columns`] writes it), with the helper. If it
    /// has not taken up the product when this thread is through with it (it was not given a
    /// core), it is not waited for.
    pub(super) fn product(&self, w: &'w QMatrix, x: &Arc<Quantised>, y: &mut [f32]) {
        let next = Arc::new(AtomicUsize::new(0));
        *lock(&self.job) = Some(Job { w, x: Arc::clone(x), next: Arc::clone(&next) });
        let posted = self.posted.fetch_add(1, Ordering::AcqRel) + 1;
        while let Some((_, first, count)) = take_group(w, &next) {
            columns(w, x, first..first + count, &mut y[first..], w.rows);
        }
        if lock(&self.job).take().is_some() {
            return;
        }
        while self.finished.load(Ordering::Acquire) < posted {
            assert!(!self.gone.load(Ordering::Acquire), "the embedding helper thread ended in a product");
            std::hint::spin_loop();
        }
        for (group, values) in std::mem::take(&mut *lock(&self.result)) {
            let first = group * ROWS_AT_A_TIME;
            let count = values.len() / x.tokens();
            for (token, values) in y.chunks_exact_mut(w.rows).zip(values.chunks_exact(count)) {
                token[first..first + count].copy_from_slice(values);
            }
        }
    }
}

/// The next group of rows of `w` to compute: its number, first row and number of rows.
fn take_group(w: &QMatrix, next: &AtomicUsize) -> Option<(usize, usize, usize)> {
    let group = next.fetch_add(1, Ordering::Relaxed);
    let first = group * ROWS_AT_A_TIME;
    (first < w.rows).then(|| (group, first, ROWS_AT_A_TIME.min(w.rows - first)))
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
