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

use crate::grammar::Grammar;
use crate::ingest::Input;
use crate::pipeline::{Extraction, extract, for_each_section};
use crate::review::ClaimIds;
use record::{borrowed_records, section_records};

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

/// Documents longer than this, in bytes, are extracted and written section by
/// section when their turn comes (JSON and JSONL), not rendered whole first: their
/// output, a few times their size, is never held at once.
pub const STREAMED_DOCUMENT_BYTES: usize = 4 << 20;

/// Bytes of streamed output gathered before they are handed to the writer.
const STREAM_CHUNK_BYTES: usize = 64 * 1024;

/// One document made ready for an [`ExtractionWriter`]: extracted and rendered to
/// bytes when the format renders each document on its own, so that worker threads
/// can do it.
pub enum Prepared<'g> {
    /// The document's output; `records` counts its JSON array elements.
    Rendered { bytes: Vec<u8>, records: usize },
    /// Kept whole for a format written at the end (YAML).
    Kept(Extraction),
    /// A long document, extracted as it is written (see [`STREAMED_DOCUMENT_BYTES`]).
    Streamed { input: Input, grammar: &'g Grammar },
}

impl<'g> Prepared<'g> {
    /// Extracts `input` and renders it as far as `format` allows without the other
    /// documents.
    pub fn new(input: Input, format: Format, grammar: &'g Grammar) -> anyhow::Result<Self> {
        let streams = matches!(format, Format::Jsonl | Format::Json);
        if streams && input.text.len() > STREAMED_DOCUMENT_BYTES {
            return Ok(Prepared::Streamed { input, grammar });
        }
        Prepared::rendered(extract(input, grammar), format)
    }

    /// Renders `extraction` as far as `format` allows without the other documents.
    pub fn rendered(extraction: Extraction, format: Format) -> anyhow::Result<Self> {
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
                self.open_records(records)?;
                self.out.write_all(&bytes)?;
            }
            Prepared::Kept(extraction) => self.review.add(&extraction),
            Prepared::Streamed { input, grammar } => self.write_streamed(&input, grammar)?,
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

    /// Extracts `input` section by section and writes each section's records as
    /// they come: the same bytes as [`Prepared::rendered`], without holding them.
    fn write_streamed(&mut self, input: &Input, grammar: &Grammar) -> anyhow::Result<()> {
        let mut ids = ClaimIds::default();
        let mut chunk = Vec::with_capacity(STREAM_CHUNK_BYTES * 2);
        for_each_section(&input.text, grammar, |attributions| {
            for record in section_records(&input.name, &input.text, &attributions, &mut ids) {
                if self.format == Format::Json {
                    // Each record opens or continues the array on its own.
                    self.open_records(1)?;
                    serde_json::to_writer_pretty(&mut chunk, &record)?;
                } else {
                    jsonl::write_record(&mut chunk, &record);
                    chunk.push(b'\n');
                }
                if chunk.len() >= STREAM_CHUNK_BYTES || self.format == Format::Json {
                    self.out.write_all(&chunk)?;
                    chunk.clear();
                }
            }
            anyhow::Ok(())
        })?;
        self.out.write_all(&chunk)?;
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
