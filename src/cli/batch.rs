//! Many inputs through the pipeline: in parallel, results in input order, memory
//! bounded by a chunk of documents rather than the corpus.

use std::path::PathBuf;

use anyhow::Result;
use rayon::prelude::*;

use claimtrace::ingest::{PendingInput, ReadOptions, inputs};
use claimtrace::{Extraction, Grammar, extract};

/// Documents extracted at once: enough to keep every thread busy, few enough that
/// memory stays near a handful of documents per thread.
const CHUNK_PER_THREAD: usize = 16;

/// Extracts every input and hands each extraction to `sink` in input order; a bad
/// input is reported on stderr and skipped. Returns whether any input failed.
pub fn for_each_extraction(
    paths: &[PathBuf],
    options: ReadOptions,
    grammar: &Grammar,
    sink: impl FnMut(Extraction) -> Result<()>,
) -> Result<bool> {
    for_each_prepared(paths, options, grammar, Ok, sink)
}

/// Like [`for_each_extraction`], with `prepare` applied to each extraction on the
/// worker threads (rendering, say), so that `sink` is left only the ordered part.
pub fn for_each_prepared<T: Send>(
    paths: &[PathBuf],
    options: ReadOptions,
    grammar: &Grammar,
    prepare: impl Fn(Extraction) -> Result<T> + Sync,
    mut sink: impl FnMut(T) -> Result<()>,
) -> Result<bool> {
    let chunk_size = CHUNK_PER_THREAD * rayon::current_num_threads();
    let mut failed = false;
    let mut pending = inputs(paths, options).peekable();
    let one_thread = rayon::current_num_threads() == 1;
    while pending.peek().is_some() {
        let chunk: Vec<_> = pending.by_ref().take(chunk_size).collect();
        let work = |input: PendingInput| {
            let input = input.read(options)?;
            if let Some(offset) = input.replaced_invalid_utf8_at {
                eprintln!(
                    "claimtrace: warning: {}: invalid UTF-8 from byte offset {offset} replaced",
                    input.name
                );
            }
            Ok(prepare(extract(input, grammar)))
        };
        // One thread works on this one: handing each chunk to a pool thread and
        // waiting for it cost two context switches a chunk and nothing in return.
        let results: Vec<Result<Result<T>, claimtrace::Error>> = if one_thread {
            chunk.into_iter().map(work).collect()
        } else {
            chunk.into_par_iter().map(work).collect()
        };
        for result in results {
            match result {
                Ok(prepared) => sink(prepared?)?,
                Err(error) => {
                    eprintln!("claimtrace: {error}");
                    failed = true;
                }
            }
        }
    }
    Ok(failed)
}

/// Uses `threads` worker threads (0: one per core) for the whole run.
pub fn set_threads(threads: usize) -> Result<()> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global()?;
    Ok(())
}
