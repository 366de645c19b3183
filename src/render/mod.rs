//! Values to bytes: tables (comfy-table), JSON, JSONL, YAML, Markdown, HTML and
//! CSV. Nothing here runs the pipeline: every function takes what it prints.

pub mod annotate;
pub mod compare;
pub mod escape;
pub mod jsonl;
pub mod report;
pub mod show;
pub mod sources;
pub mod table;
pub mod yaml;

use std::io::Write;

use crate::error::Error;
use crate::pipeline::Extraction;
use crate::record::review::ReviewBuilder;
use crate::record::{Record, borrowed_records};

/// "15 (62%)": a count with its share of `whole`, or just the count when there is
/// no whole. Tables, reports and comparisons all show shares this way.
pub(crate) fn with_share(part: usize, whole: usize) -> String {
    if whole == 0 {
        return part.to_string();
    }
    format!("{part} ({:.0}%)", 100.0 * part as f64 / whole as f64)
}

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table(table::Layout),
    Yaml,
    Json,
    Jsonl,
}

impl Format {
    /// Whether a document is written as a sequence of records (JSONL lines, JSON
    /// array elements), so that a long one can be written a section at a time.
    pub fn writes_records(self) -> bool {
        matches!(self, Format::Jsonl | Format::Json)
    }

    /// About how many bytes a document of `text_len` bytes renders to, so that the
    /// output buffer is allocated once. Every sentence becomes a record, so JSON
    /// output is a few times its input: 2.6 (JSONL) and 3.2 (JSON) on news text.
    fn expected_size(self, text_len: usize) -> usize {
        let expected = match self {
            Format::Jsonl => text_len * 3,
            Format::Json => text_len * 7 / 2,
            Format::Table(_) | Format::Yaml => return 0,
        };
        // A power of two, like the sizes doubling goes through: arbitrary sizes
        // spread over many allocator size classes and raised peak memory by 20%.
        expected.next_power_of_two()
    }
}

/// One document rendered as far as its format allows without the other documents.
pub enum Rendered {
    /// The document's output; `records` counts its JSON array elements.
    Bytes { bytes: Vec<u8>, records: usize },
    /// Kept whole for a format written at the end (YAML).
    Kept(Extraction),
}

/// Renders `extraction` as far as `format` allows without the other documents.
pub fn render_document(extraction: Extraction, format: Format) -> Result<Rendered, Error> {
    let mut output = RecordBytes::new(format, format.expected_size(extraction.text.len()));
    match format {
        Format::Jsonl | Format::Json => {
            for record in borrowed_records(&extraction) {
                output.push(&record)?;
            }
        }
        Format::Table(layout) => {
            if layout.headed {
                writeln!(output.bytes, "== {} ==", extraction.doc)?;
            }
            let table = table::extraction_table(&extraction, layout.width);
            writeln!(output.bytes, "{table}")?;
            if layout.headed {
                writeln!(output.bytes)?;
            }
        }
        Format::Yaml => return Ok(Rendered::Kept(extraction)),
    }
    Ok(Rendered::Bytes {
        bytes: output.bytes,
        records: output.records,
    })
}

/// A document's records as bytes: JSONL lines, or JSON array elements separated by
/// ",\n" (the writer opens and closes the array). A document rendered whole and
/// one rendered section by section go through it alike, so they are the same bytes.
pub struct RecordBytes {
    pub bytes: Vec<u8>,
    /// The document's records so far.
    pub records: usize,
    format: Format,
}

impl RecordBytes {
    /// An empty buffer for records of `format` (JSON or JSONL), with room for
    /// `capacity` bytes.
    pub fn new(format: Format, capacity: usize) -> Self {
        RecordBytes {
            bytes: Vec::with_capacity(capacity),
            records: 0,
            format,
        }
    }

    /// Appends one record.
    pub fn push<S: AsRef<str> + serde::Serialize>(
        &mut self,
        record: &Record<S>,
    ) -> Result<(), Error> {
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

/// Writes documents one by one as they arrive, in `format`: JSONL and tables
/// stream, a JSON array streams its elements, the YAML review document is written
/// at the end (it is one mapping).
pub struct ExtractionWriter<W: Write> {
    out: W,
    format: Format,
    written: usize,
    review: ReviewBuilder,
}

impl<W: Write> ExtractionWriter<W> {
    /// A writer of `format` to `out`.
    pub fn new(out: W, format: Format) -> Self {
        ExtractionWriter {
            out,
            format,
            written: 0,
            review: ReviewBuilder::default(),
        }
    }

    /// The format it writes.
    pub fn format(&self) -> Format {
        self.format
    }

    /// Writes (or, for YAML, keeps) one rendered document.
    pub fn write(&mut self, rendered: Rendered) -> Result<(), Error> {
        match rendered {
            Rendered::Bytes { bytes, records } => self.write_records(&bytes, records),
            Rendered::Kept(extraction) => {
                self.review.add(&extraction);
                Ok(())
            }
        }
    }

    /// Writes `records` records of one document, rendered to `bytes`.
    pub fn write_records(&mut self, bytes: &[u8], records: usize) -> Result<(), Error> {
        self.open_records(records)?;
        self.out.write_all(bytes)?;
        Ok(())
    }

    /// Writes more bytes of the document whose records [`Self::write_records`]
    /// began: a long document written a chunk at a time.
    pub fn write_more(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.out.write_all(bytes)?;
        Ok(())
    }

    /// Writes one document's `records` records, rendered into `file`.
    pub fn copy_records(
        &mut self,
        file: &mut impl std::io::Read,
        records: usize,
    ) -> Result<(), Error> {
        self.open_records(records)?;
        std::io::copy(file, &mut self.out)?;
        Ok(())
    }

    /// Before a document's `records` records: opens the JSON array, or separates
    /// them from the records written before.
    fn open_records(&mut self, records: usize) -> Result<(), Error> {
        if self.format == Format::Json && records > 0 {
            self.out
                .write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
            self.written += records;
        }
        Ok(())
    }

    /// Closes the output (the JSON array, the YAML document) and flushes it.
    pub fn finish(mut self) -> Result<W, Error> {
        match self.format {
            Format::Json if self.written == 0 => self.out.write_all(b"[]\n")?,
            Format::Json => self.out.write_all(b"\n]\n")?,
            Format::Yaml => yaml::write_review(&mut self.out, &self.review.finish())?,
            Format::Jsonl | Format::Table(_) => {}
        }
        self.out.flush()?;
        Ok(self.out)
    }
}
