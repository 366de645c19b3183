//! Values to text: tables (comfy-table), JSON, JSONL and YAML.

pub mod annotate;
pub mod compare;
pub mod escape;
pub mod record;
pub mod report;
pub mod show;
pub mod sources;
pub mod table;
pub mod yaml;

use std::io::Write;

use clap::ValueEnum;

use crate::pipeline::Extraction;
use record::records;

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Yaml,
    Json,
    Jsonl,
}

/// Writes extractions one by one as they arrive, in `format`: JSONL and tables
/// stream, a JSON array streams its elements, the YAML review document is written
/// at the end (it is one mapping).
pub struct ExtractionWriter<W: Write> {
    out: W,
    format: Format,
    written: usize,
    review: yaml::ReviewBuilder,
}

impl<W: Write> ExtractionWriter<W> {
    /// A writer of `format` to `out`.
    pub fn new(out: W, format: Format) -> Self {
        ExtractionWriter {
            out,
            format,
            written: 0,
            review: yaml::ReviewBuilder::default(),
        }
    }

    /// Writes (or, for YAML, keeps) one document's attributions.
    pub fn write(&mut self, extraction: &Extraction) -> anyhow::Result<()> {
        match self.format {
            Format::Jsonl => {
                for record in records(extraction) {
                    serde_json::to_writer(&mut self.out, &record)?;
                    self.out.write_all(b"\n")?;
                }
            }
            Format::Json => {
                for record in records(extraction) {
                    self.out
                        .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                    serde_json::to_writer_pretty(&mut self.out, &record)?;
                    self.written += 1;
                }
            }
            Format::Yaml => self.review.add(extraction),
            Format::Table => writeln!(self.out, "{}", table::extraction_table(extraction))?,
        }
        Ok(())
    }

    /// Closes the output (the JSON array, the YAML document) and flushes it.
    pub fn finish(mut self) -> anyhow::Result<W> {
        match self.format {
            Format::Json if self.written == 0 => self.out.write_all(b"[]\n")?,
            Format::Json => self.out.write_all(b"\n]\n")?,
            Format::Yaml => self.review.write(&mut self.out)?,
            Format::Jsonl | Format::Table => {}
        }
        self.out.flush()?;
        Ok(self.out)
    }
}
