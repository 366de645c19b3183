//! The command line's side of a batch (`claimtrace::batch` does the work): the
//! options every command reads its inputs with, and what reaches stderr.

use std::path::PathBuf;
use std::sync::Mutex;

use anyhow::Result;

use claimtrace::batch::for_each_input;
use claimtrace::ingest::{Input, ReadOptions};
use claimtrace::{Extraction, Extractor};

use super::progress::Progress;

/// How a command reads and extracts its inputs.
pub struct Batch<'g> {
    pub read: ReadOptions<'g>,
    pub threads: usize,
    pub extractor: Extractor<'g>,
    /// Whether a long batch shows a progress bar (see `progress::wanted`).
    pub progress: bool,
    /// The bar of the batch running, which warnings print above.
    pub running: Mutex<Option<Progress>>,
}

impl Batch<'_> {
    /// Extracts every input and hands each extraction to `sink` in input order; a bad
    /// input is reported on stderr and skipped. Returns whether any input failed.
    pub fn for_each_extraction(
        &self,
        paths: &[PathBuf],
        sink: impl FnMut(Extraction) -> Result<()>,
    ) -> Result<bool> {
        self.for_each_prepared(
            paths,
            |input| {
                Ok(claimtrace::batch::extract(
                    &self.extractor,
                    input,
                    self.threads,
                ))
            },
            sink,
        )
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
        let progress = if self.progress {
            Progress::start(paths, self.read)
        } else {
            Progress::off()
        };
        *self.running.lock().unwrap_or_else(|e| e.into_inner()) = Some(progress);
        let prepare = |input: Input| {
            let encoding = match input.decoded_from {
                Some(utf16) => {
                    self.warn(&format!(
                        "claimtrace: warning: {}: read as {utf16} (byte-order mark); \
                         offsets are into its UTF-8 text",
                        input.name
                    ));
                    utf16.to_string()
                }
                None => "UTF-8".to_string(),
            };
            if let Some(offset) = input.replaced_invalid_utf8_at {
                self.warn(&format!(
                    "claimtrace: warning: {}: invalid {encoding} from byte offset {offset} replaced",
                    input.name
                ));
            }
            prepare(input)
        };
        let mut failed = false;
        let result = for_each_input(paths, self.read, self.threads, prepare, |outcome| {
            match outcome {
                Ok(prepared) => sink(prepared?)?,
                Err(error) => {
                    self.warn(&format!("claimtrace: {error}"));
                    failed = true;
                }
            }
            self.tick();
            anyhow::Ok(())
        });
        let progress = self
            .running
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .take();
        if let Some(progress) = progress {
            progress.finish();
        }
        result?;
        Ok(failed)
    }

    /// Prints `message` on stderr, above the progress bar if one is shown.
    pub fn warn(&self, message: &str) {
        match &*self.running.lock().unwrap_or_else(|e| e.into_inner()) {
            Some(progress) => progress.warn(message),
            None => eprintln!("{message}"),
        }
    }

    /// One more document done.
    fn tick(&self) {
        if let Some(progress) = &*self.running.lock().unwrap_or_else(|e| e.into_inner()) {
            progress.tick();
        }
    }
}
