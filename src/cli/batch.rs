//! Many inputs through the pipeline: in parallel, results in input order, memory
//! bounded by the documents in flight rather than the corpus.

use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, TryLockError, mpsc};

use anyhow::Result;

use claimtrace::ingest::{Input, PendingInput, ReadOptions, inputs};
use claimtrace::{Extraction, Grammar, extract};

/// Documents in flight per thread (being read, extracted or waiting for their turn
/// to be written): enough to keep every thread busy, few enough that memory stays
/// near a handful of documents per thread.
const IN_FLIGHT_PER_THREAD: usize = 16;

/// Extracts every input and hands each extraction to `sink` in input order; a bad
/// input is reported on stderr and skipped. Returns whether any input failed.
pub fn for_each_extraction(
    paths: &[PathBuf],
    options: ReadOptions,
    grammar: &Grammar,
    sink: impl FnMut(Extraction) -> Result<()>,
) -> Result<bool> {
    for_each_prepared(paths, options, |input| Ok(extract(input, grammar)), sink)
}

/// Like [`for_each_extraction`], with `prepare` (extracting, rendering, say) applied
/// to each input on the worker threads, so that `sink` is left only the ordered part.
pub fn for_each_prepared<T: Send>(
    paths: &[PathBuf],
    options: ReadOptions,
    prepare: impl Fn(Input) -> Result<T> + Sync,
    mut sink: impl FnMut(T) -> Result<()>,
) -> Result<bool> {
    let work = |input: PendingInput| -> Result<Result<T>, claimtrace::Error> {
        let input = input.read(options)?;
        if let Some(offset) = input.replaced_invalid_utf8_at {
            eprintln!(
                "claimtrace: warning: {}: invalid UTF-8 from byte offset {offset} replaced",
                input.name
            );
        }
        Ok(prepare(input))
    };
    let mut failed = false;
    let deliver = |result: Result<Result<T>, claimtrace::Error>| -> Result<()> {
        match result {
            Ok(prepared) => sink(prepared?)?,
            Err(error) => {
                eprintln!("claimtrace: {error}");
                failed = true;
            }
        }
        Ok(())
    };
    let mut pending = inputs(paths, options);
    let threads = THREADS.load(Ordering::Relaxed).max(1);
    stream_in_order(&mut pending, threads, &work, deliver)?;
    Ok(failed)
}

/// Runs `work` on every input and hands the results to `deliver` in input order
/// as they become ready, on `threads` threads: the calling thread, which alone
/// reads the inputs and delivers, and `threads - 1` helpers. The calling thread
/// works too whenever the next result to deliver is not ready, so no thread
/// waits for a batch to finish, and one thread means no handing over at all. At
/// most `threads * IN_FLIGHT_PER_THREAD` documents are in flight at once.
fn stream_in_order<I: Send, R: Send>(
    inputs: &mut impl Iterator<Item = I>,
    threads: usize,
    work: &(impl Fn(I) -> R + Sync),
    mut deliver: impl FnMut(R) -> Result<()>,
) -> Result<()> {
    let window = threads * IN_FLIGHT_PER_THREAD;
    let (queue, jobs) = mpsc::channel::<(usize, I)>();
    let jobs = Mutex::new(jobs);
    let (done, finished) = mpsc::channel::<(usize, std::thread::Result<R>)>();
    std::thread::scope(|scope| {
        for _ in 1..threads {
            let (jobs, done) = (&jobs, done.clone());
            scope.spawn(move || {
                loop {
                    // The queue is locked only to take a job; it closes when the
                    // loop below ends, and then so does this one.
                    let job = lock(jobs).recv();
                    let Ok((index, input)) = job else { break };
                    let outcome = panic::catch_unwind(AssertUnwindSafe(|| work(input)));
                    if done.send((index, outcome)).is_err() {
                        break;
                    }
                }
            });
        }
        // Dropped when this closure returns, before the scope waits for the helpers.
        let queue = queue;
        let mut started = 0;
        let mut delivered = 0;
        let mut exhausted = false;
        let mut ready: BTreeMap<usize, std::thread::Result<R>> = BTreeMap::new();
        loop {
            while !exhausted && started - delivered < window {
                match inputs.next() {
                    Some(input) => {
                        queue
                            .send((started, input))
                            .expect("the job queue lives as long as this loop");
                        started += 1;
                    }
                    None => exhausted = true,
                }
            }
            ready.extend(finished.try_iter());
            while let Some(outcome) = ready.remove(&delivered) {
                delivered += 1;
                match outcome {
                    Ok(result) => deliver(result)?,
                    // A helper's panic is passed on, as if it had happened here.
                    Err(payload) => panic::resume_unwind(payload),
                }
            }
            if delivered == started {
                if exhausted {
                    return Ok(());
                }
                continue;
            }
            // The next result is not ready: do a job here rather than wait. A
            // helper may hold the queue while it waits for work; then the queue is
            // empty, the next result is a helper's, and waiting for it is safe.
            let job = match jobs.try_lock() {
                Ok(queue) => queue.try_recv().ok(),
                Err(TryLockError::Poisoned(poisoned)) => poisoned.into_inner().try_recv().ok(),
                Err(TryLockError::WouldBlock) => None,
            };
            match job {
                Some((index, input)) => {
                    ready.insert(index, Ok(work(input)));
                }
                None => {
                    let (index, outcome) = finished
                        .recv()
                        .expect("a helper holds each job not yet delivered");
                    ready.insert(index, outcome);
                }
            }
        }
    })
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The number of threads batches use; set once, from `--threads`.
static THREADS: AtomicUsize = AtomicUsize::new(1);

/// Uses `threads` threads (0: one per core) for the whole run.
pub fn set_threads(threads: usize) {
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        // More threads than this only costs memory: each holds documents in flight.
        threads => threads.min(MAX_THREADS),
    };
    THREADS.store(threads, Ordering::Relaxed);
}

/// The most threads `--threads` asks for that are started.
const MAX_THREADS: usize = 256;
