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
use crate::record::ids::push_occurrence;
use crate::record::review::ReviewBuilder;
use crate::record::{Attributed, ClaimIds, LineMarks, Record, borrowed_records, records_apart};

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
        self.separate();
        if self.format == Format::Json {
            serde_json::to_writer_pretty(&mut self.bytes, record)?;
        } else {
            jsonl::write_record(&mut self.bytes, record);
            self.bytes.push(b'\n');
        }
        self.records += 1;
        Ok(())
    }

    /// Appends the records of the document's next section, rendered apart, each
    /// repeated claim's id numbered by `ids` (the ids of the document so far).
    pub fn append(&mut self, section: &SectionBytes, ids: &mut ClaimIds) {
        if section.records == 0 {
            return;
        }
        self.separate();
        let mut from = 0;
        for &(id_end, hash) in &section.ids {
            self.bytes.extend_from_slice(&section.bytes[from..id_end]);
            push_occurrence(&mut self.bytes, ids.count(hash));
            from = id_end;
        }
        self.bytes.extend_from_slice(&section.bytes[from..]);
        self.records += section.records;
    }

    /// Before a record: JSON array elements are separated by ",\n".
    fn separate(&mut self) {
        if self.format == Format::Json && self.records > 0 {
            self.bytes.extend_from_slice(b",\n");
        }
    }
}

/// The records of one section of a long document, rendered apart from the
/// sections before it (on the thread that extracted it, see
/// [`records_apart`]): each id is its claim's first occurrence, and where it ends
/// is kept, so that [`RecordBytes::append`] can number the repeats in document
/// order. What is left to do in order is that numbering and a copy.
#[derive(Debug)]
pub struct SectionBytes {
    bytes: Vec<u8>,
    records: usize,
    /// Where each record's id ends in `bytes`, and the hash of its claim.
    ids: Vec<(usize, u64)>,
}

impl SectionBytes {
    /// Renders `section`'s records in `format` (JSON or JSONL), lines and
    /// columns counted from `marks` (made along its document's file text).
    pub fn render(format: Format, section: Attributed, marks: &LineMarks) -> Result<Self, Error> {
        let mut output = RecordBytes::new(format, format.expected_size(section_len(&section)));
        let mut ids = Vec::with_capacity(section.attributions.len());
        for (hash, record) in records_apart(section, marks) {
            let start = output.bytes.len();
            output.push(&record)?;
            ids.push((start + id_end(&output.bytes[start..], &record.id), hash));
        }
        Ok(SectionBytes {
            bytes: output.bytes,
            records: output.records,
            ids,
        })
    }
}

/// The bytes of text a section's attributions span.
fn section_len(section: &Attributed) -> usize {
    match (section.attributions.first(), section.attributions.last()) {
        (Some(first), Some(last)) => last.claim.end.saturating_sub(first.claim.start),
        _ => 0,
    }
}

/// Where `id` ends in `record`, the bytes of the record that holds it: at the
/// end of the first `"<id>"`. Only the document's name comes before the id, and
/// a quote inside a JSON string is escaped (`\"`), so the first quoted id is the
/// record's own.
fn id_end(record: &[u8], id: &str) -> usize {
    let id = id.as_bytes();
    record
        .windows(id.len() + 2)
        .position(|window| {
            window[0] == b'"' && window[id.len() + 1] == b'"' && &window[1..=id.len()] == id
        })
        .map(|at| at + 1 + id.len())
        .expect("a record holds its id")
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
