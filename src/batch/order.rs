//! Work on many inputs in parallel, results handed on in input order, with memory
//! bounded by the documents in flight rather than the corpus.

use std::collections::BTreeMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Mutex, TryLockError, mpsc};

/// Documents in flight per thread (being read, extracted or waiting for their turn
/// to be written): enough to keep every thread busy, few enough that memory stays
/// near a handful of documents per thread.
const IN_FLIGHT_PER_THREAD: usize = 16;

/// Runs `work` on every input and hands the results to `deliver` in input order
/// as they become ready, on `threads` threads: the calling thread, which alone
/// reads the inputs and delivers, and `threads - 1` helpers. The calling thread
/// works too whenever the next result to deliver is not ready, so no thread
/// waits for a batch to finish, and one thread means no handing over at all. At
/// most `threads * IN_FLIGHT_PER_THREAD` documents are in flight at once.
pub fn stream_in_order<I: Send, R: Send, E>(
    inputs: &mut impl Iterator<Item = I>,
    threads: usize,
    work: &(impl Fn(I) -> R + Sync),
    deliver: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E> {
    stream_in_order_within(
        inputs,
        threads,
        threads * IN_FLIGHT_PER_THREAD,
        work,
        deliver,
    )
}

/// [`stream_in_order`] with at most `window` inputs in flight (at least one).
pub fn stream_in_order_within<I: Send, R: Send, E>(
    inputs: &mut impl Iterator<Item = I>,
    threads: usize,
    window: usize,
    work: &(impl Fn(I) -> R + Sync),
    mut deliver: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E> {
    let window = window.max(1);
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
