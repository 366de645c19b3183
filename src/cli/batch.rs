//! The command line's side of a batch (`claimtrace::batch` does the work): the
//! options every command reads its inputs with, and what reaches stderr.

use std::path::PathBuf;

use anyhow::Result;

use claimtrace::batch::for_each_input;
use claimtrace::ingest::{Input, ReadOptions};
use claimtrace::{Extraction, Extractor};

/// How a command reads and extracts its inputs.
pub struct Batch<'g> {
    pub read: ReadOptions<'g>,
    pub threads: usize,
    pub extractor: Extractor<'g>,
}

impl Batch<'_> {
    /// Extracts every input and hands each extraction to `sink` in input order; a bad
    /// input is reported on stderr and skipped. Returns whether any input failed.
    pub fn for_each_extraction(
        &self,
        paths: &[PathBuf],
        sink: impl FnMut(Extraction) -> Result<()>,
    ) -> Result<bool> {
        self.for_each_prepared(paths, |input| Ok(self.extractor.extract(input)), sink)
    }

    /// Like [`Self::for_each_extraction`], with `prepare` (extracting, rendering,
    /// say) applied to each input on the worker threads, so that `sink` is left only
    /// the ordered part.
    pub fn for_each_prepared<T: Send>(
        &self,
        paths: &[PathBuf],
        prepare: impl Fn(Input) -> Result<T> + Sync,
        mut sink: impl FnMut(T) -> Result<()>,
    ) -> Result<bool> {
        let prepare = |input: Input| {
            if let Some(offset) = input.replaced_invalid_utf8_at {
                eprintln!(
                    "claimtrace: warning: {}: invalid UTF-8 from byte offset {offset} replaced",
                    input.name
                );
            }
            prepare(input)
        };
        let mut failed = false;
        for_each_input(paths, self.read, self.threads, prepare, |outcome| {
            match outcome {
                Ok(prepared) => sink(prepared?)?,
                Err(error) => {
                    eprintln!("claimtrace: {error}");
                    failed = true;
                }
            }
            anyhow::Ok(())
        })?;
        Ok(failed)
    }
}
