//! Running the pipeline over many inputs: read and extracted on worker threads,
//! handed on in input order, long documents rendered a section at a time so that
//! memory follows the documents in flight, not the corpus.
//!
//! This is the one stage that both runs the pipeline and renders: render only
//! turns values into bytes, and batch decides which document is rendered where.

mod order;
mod spill;

use std::io::Write;
use std::path::PathBuf;

use crate::error::Error;
use crate::ingest::{Input, PendingInput, ReadOptions, inputs};
use crate::pipeline::Extractor;
use crate::render::{ExtractionWriter, Format, Rendered, render_document};

pub use spill::Spilled;

/// Documents longer than this, in bytes, are rendered (JSON, JSONL) section by
/// section into a temporary file rather than memory: their output, a few
/// times their size, is never held at once, and the worker threads still do the
/// work. Memory then follows the text and one section, whatever the document.
pub const SPILLED_DOCUMENT_BYTES: usize = 256 * 1024;

/// The most threads that are started, whatever is asked: more only costs memory,
/// as each holds documents in flight.
const MAX_THREADS: usize = 256;

/// The number of threads to run on when `requested` are asked for (0: one per
/// core).
pub fn threads(requested: usize) -> usize {
    match requested {
        0 => std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        requested => requested.min(MAX_THREADS),
    }
}

/// Reads every input of `paths` and hands `prepare(input)` to `sink`, in input
/// order, on `threads` threads (reading and `prepare` run on the workers); an
/// input that cannot be read reaches `sink` as its error, and the others are
/// still processed. Stops at the first error `sink` returns.
pub fn for_each_input<T: Send, E>(
    paths: &[PathBuf],
    options: ReadOptions<'_>,
    threads: usize,
    prepare: impl Fn(Input) -> T + Sync,
    sink: impl FnMut(Result<T, Error>) -> Result<(), E>,
) -> Result<(), E> {
    let work = |input: PendingInput| input.read(options).map(&prepare);
    let mut pending = inputs(paths, options);
    order::stream_in_order(&mut pending, threads.max(1), &work, sink)
}

/// One document made ready on a worker thread for an [`ExtractionWriter`]:
/// extracted, and rendered as far as its format allows without the others.
pub enum Prepared {
    /// Rendered whole (or kept, for YAML).
    Rendered(Rendered),
    /// A long document's output, in a temporary file read from its start.
    Spilled(Spilled),
    /// A long document to extract and write section by section at its turn: no
    /// temporary file could be made or written, for the reason `because`.
    Streamed { input: Input, because: Error },
}

impl Prepared {
    /// Extracts `input` and renders it as far as `format` allows without the other
    /// documents: a long document into a temporary file when the format writes
    /// records.
    pub fn new(input: Input, format: Format, extractor: &Extractor) -> Result<Self, Error> {
        if format.writes_records() && input.text.len() > SPILLED_DOCUMENT_BYTES {
            return Ok(match spill::spill(&input, format, extractor) {
                Ok(spilled) => Prepared::Spilled(spilled),
                Err(because) => Prepared::Streamed { input, because },
            });
        }
        Ok(Prepared::Rendered(render_document(
            extractor.extract(input),
            format,
        )?))
    }

    /// Writes the document to `writer`: a streamed one is extracted here, a
    /// section at a time.
    pub fn write_to<W: Write>(
        self,
        writer: &mut ExtractionWriter<W>,
        extractor: &Extractor,
    ) -> Result<(), Error> {
        match self {
            Prepared::Rendered(rendered) => writer.write(rendered),
            Prepared::Spilled(spilled) => {
                let mut file = std::fs::File::open(&spilled.path).map_err(|source| Error::Io {
                    path: spilled.path.to_path_buf(),
                    source,
                })?;
                writer.copy_records(&mut file, spilled.records)
            }
            Prepared::Streamed { input, .. } => {
                let mut opened = false;
                spill::render_sections(&input, writer.format(), extractor, |bytes, records| {
                    if opened {
                        writer.write_more(bytes)
                    } else {
                        opened = true;
                        writer.write_records(bytes, records)
                    }
                })?;
                Ok(())
            }
        }
    }
}
