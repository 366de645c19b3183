//! Long documents rendered section by section: into a temporary file on a worker
//! thread, or straight to the output at their turn when no file can be had.

use std::io::Write;

use tempfile::TempPath;

use crate::error::Error;
use crate::ingest::Input;
use crate::model::Attribution;
use crate::pipeline::Extractor;
use crate::record::{Attributed, ClaimIds, LineMarks};
use crate::render::{Format, RecordBytes, SectionBytes};

/// Bytes of a long document's output gathered before they are handed on.
const CHUNK_BYTES: usize = 64 * 1024;

/// A long document's records, in a temporary file that is removed when this is
/// dropped. The file is closed until its turn to be copied out: up to 16
/// documents per thread wait for theirs, and holding a descriptor each ran out of
/// them, so that inputs could no longer be opened.
pub struct Spilled {
    pub path: TempPath,
    /// The document's records (JSON array elements).
    pub records: usize,
}

/// Renders `input` into a temporary file; fails when none can be made or written
/// (the caller then writes the document at its turn).
pub fn spill(
    input: &Input,
    format: Format,
    extractor: &Extractor,
    threads: usize,
) -> Result<Spilled, Error> {
    let mut file = tempfile::NamedTempFile::new()?;
    let records = render_sections(input, format, extractor, threads, |bytes, _| {
        file.write_all(bytes)?;
        Ok(())
    })?;
    Ok(Spilled {
        path: file.into_temp_path(),
        records,
    })
}

/// Extracts `input` section by section (on `threads` threads, see
/// [`super::for_each_finished_section`]), renders each section's records on the
/// thread that extracted it, and hands their bytes to `flush` a chunk at a time,
/// with the number of records so far; returns the number of records. Only a chunk
/// and a few sections are held at once.
pub fn render_sections(
    input: &Input,
    format: Format,
    extractor: &Extractor,
    threads: usize,
    mut flush: impl FnMut(&[u8], usize) -> Result<(), Error>,
) -> Result<usize, Error> {
    let document = Attributed {
        doc: &input.name,
        meta: &input.meta,
        text: &input.text,
        original: input.original.as_deref(),
        attributions: &[],
    };
    let marks = LineMarks::new(document.file_text());
    let render = |attributions: Vec<Attribution>| {
        let section = Attributed {
            attributions: &attributions,
            ..document
        };
        SectionBytes::render(format, section, &marks)
    };
    let mut ids = ClaimIds::default();
    let mut output = RecordBytes::new(format, 2 * CHUNK_BYTES);
    super::for_each_finished_section(extractor, &input.text, threads, render, |section| {
        output.append(&section?, &mut ids);
        if output.bytes.len() >= CHUNK_BYTES {
            flush(&output.bytes, output.records)?;
            output.bytes.clear();
        }
        Ok::<(), Error>(())
    })?;
    if !output.bytes.is_empty() {
        flush(&output.bytes, output.records)?;
    }
    Ok(output.records)
}
