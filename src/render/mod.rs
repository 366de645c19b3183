//! Values to text: tables (comfy-table), JSON, JSONL and YAML.

pub mod annotate;
pub mod compare;
pub mod escape;
pub mod jsonl;
pub mod record;
pub mod report;
pub mod show;
pub mod sources;
pub mod table;
pub mod yaml;

use std::io::Write;

use clap::ValueEnum;

use crate::pipeline::Extraction;
use record::borrowed_records;

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Yaml,
    Json,
    Jsonl,
}

impl Format {
    /// About how many bytes a document of `text_len` bytes renders to, so that the
    /// output buffer is allocated once. Every sentence becomes a record, so JSON
    /// output is a few times its input: 2.6 (JSONL) and 3.2 (JSON) on news text.
    fn expected_size(self, text_len: usize) -> usize {
        let expected = match self {
            Format::Jsonl => text_len * 3,
            Format::Json => text_len * 7 / 2,
            Format::Table | Format::Yaml => return 0,
        };
        // A power of two, like the sizes doubling goes through: arbitrary sizes
        // spread over many allocator size classes and raised peak memory by 20%.
        expected.next_power_of_two()
    }
}

/// One extraction made ready for an [`ExtractionWriter`]: rendered to bytes when
/// the format renders each document on its own, so that worker threads can do it.
pub enum Prepared {
    /// The document's output; `records` counts its JSON array elements.
    Rendered { bytes: Vec<u8>, records: usize },
    /// Kept whole for a format written at the end (YAML).
    Kept(Extraction),
}

impl Prepared {
    /// Renders `extraction` as far as `format` allows without the other documents.
    pub fn new(extraction: Extraction, format: Format) -> anyhow::Result<Prepared> {
        let mut bytes = Vec::with_capacity(format.expected_size(extraction.text.len()));
        let mut count = 0;
        match format {
            Format::Jsonl => {
                for record in borrowed_records(&extraction) {
                    jsonl::write_record(&mut bytes, &record);
                    bytes.push(b'\n');
                }
            }
            Format::Json => {
                for record in borrowed_records(&extraction) {
                    if count > 0 {
                        bytes.extend_from_slice(b",\n");
                    }
                    serde_json::to_writer_pretty(&mut bytes, &record)?;
                    count += 1;
                }
            }
            Format::Table => writeln!(bytes, "{}", table::extraction_table(&extraction))?,
            Format::Yaml => return Ok(Prepared::Kept(extraction)),
        }
        Ok(Prepared::Rendered {
            bytes,
            records: count,
        })
    }
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

    /// Writes (or, for YAML, keeps) one document prepared for this writer's format.
    pub fn write(&mut self, prepared: Prepared) -> anyhow::Result<()> {
        match prepared {
            Prepared::Rendered { bytes, records } => {
                if self.format == Format::Json && records > 0 {
                    self.out
                        .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                    self.written += records;
                }
                self.out.write_all(&bytes)?;
            }
            Prepared::Kept(extraction) => self.review.add(&extraction),
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
