//! Values to text: tables (comfy-table), JSON, JSONL and YAML.

pub mod annotate;
pub mod compare;
pub mod escape;
pub mod jsonl;
pub mod record;
pub mod report;
pub mod show;
pub mod sources;
mod spill;
pub mod table;
pub mod yaml;

use std::io::Write;

use anyhow::Context;
use clap::ValueEnum;

use crate::grammar::Grammar;
use crate::ingest::Input;
use crate::pipeline::{Extraction, extract};
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

/// Documents longer than this, in bytes, are rendered (JSON, JSONL) section by
/// section into a temporary file rather than memory: their output, a few
/// times their size, is never held at once, and the worker threads still do the
/// work. Memory then follows the text and one section, whatever the document.
pub const SPILLED_DOCUMENT_BYTES: usize = 256 * 1024;

/// One document made ready for an [`ExtractionWriter`]: extracted and rendered to
/// bytes when the format renders each document on its own, so that worker threads
/// can do it.
pub enum Prepared<'g> {
    /// The document's output; `records` counts its JSON array elements.
    Rendered { bytes: Vec<u8>, records: usize },
    /// A long document's output, in a temporary file read from its start.
    Spilled(spill::Spilled),
    /// A long document to extract and write section by section at its turn: no
    /// temporary file could be made or written, for the reason `because`.
    Streamed {
        input: Input,
        grammar: &'g Grammar,
        because: anyhow::Error,
    },
    /// Kept whole for a format written at the end (YAML).
    Kept(Extraction),
}

impl<'g> Prepared<'g> {
    /// Extracts `input` and renders it as far as `format` allows without the other
    /// documents.
    pub fn new(input: Input, format: Format, grammar: &'g Grammar) -> anyhow::Result<Self> {
        let renders_records = matches!(format, Format::Jsonl | Format::Json);
        if renders_records && input.text.len() > SPILLED_DOCUMENT_BYTES {
            return Ok(match spill::spill(&input, format, grammar) {
                Ok(spilled) => Prepared::Spilled(spilled),
                Err(because) => Prepared::Streamed {
                    input,
                    grammar,
                    because,
                },
            });
        }
        Prepared::rendered(extract(input, grammar), format)
    }

    /// Renders `extraction` as far as `format` allows without the other documents.
    pub fn rendered(extraction: Extraction, format: Format) -> anyhow::Result<Self> {
        let mut output = RecordBytes::new(format, format.expected_size(extraction.text.len()));
        match format {
            Format::Jsonl | Format::Json => {
                for record in borrowed_records(&extraction) {
                    output.push(&record)?;
                }
            }
            Format::Table => writeln!(output.bytes, "{}", table::extraction_table(&extraction))?,
            Format::Yaml => return Ok(Prepared::Kept(extraction)),
        }
        Ok(Prepared::Rendered {
            bytes: output.bytes,
            records: output.records,
        })
    }
}

/// A document's records as bytes: JSONL lines, or JSON array elements separated by
/// ",\n" (the writer opens and closes the array). Every path of [`Prepared`] writes
/// through it, so a spilled or streamed document is the same bytes as a rendered one.
struct RecordBytes {
    bytes: Vec<u8>,
    /// The document's records so far.
    records: usize,
    format: Format,
}

impl RecordBytes {
    fn new(format: Format, capacity: usize) -> Self {
        RecordBytes {
            bytes: Vec::with_capacity(capacity),
            records: 0,
            format,
        }
    }

    fn push(&mut self, record: &record::Record<&str>) -> anyhow::Result<()> {
        if self.format == Format::Json {
            if self.records > 0 {
                self.bytes.extend_from_slice(b",\n");
            }
            serde_json::to_writer_pretty(&mut self.bytes, record)?;
        } else {
            jsonl::write_record(&mut self.bytes, record);
            self.bytes.push(b'\n');
        }
        self.records += 1;
        Ok(())
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
                self.open_records(records)?;
                self.out.write_all(&bytes)?;
            }
            Prepared::Spilled(spilled) => {
                let mut file = std::fs::File::open(&spilled.path).with_context(|| {
                    format!("reopening the temporary file {}", spilled.path.display())
                })?;
                self.open_records(spilled.records)?;
                std::io::copy(&mut file, &mut self.out)?;
            }
            Prepared::Streamed { input, grammar, .. } => {
                let mut opened = false;
                spill::render_sections(&input, self.format, grammar, |bytes, records| {
                    if !opened && records > 0 {
                        self.open_records(records)?;
                        opened = true;
                    }
                    self.out.write_all(bytes)?;
                    Ok(())
                })?;
            }
            Prepared::Kept(extraction) => self.review.add(&extraction),
        }
        Ok(())
    }

    /// Before a document's `records` records: opens the JSON array, or separates
    /// them from the records written before.
    fn open_records(&mut self, records: usize) -> anyhow::Result<()> {
        if self.format == Format::Json && records > 0 {
            self.out
                .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
            self.written += records;
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
