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
use crate::model::Attribution;
use crate::pipeline::{Extraction, Extractor};
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

/// Sections of a long document in flight per thread: enough to keep the threads
/// busy while the plan walks on, few enough that only a handful of sections'
/// attributions wait at once.
const SECTIONS_IN_FLIGHT_PER_THREAD: usize = 2;

/// Hands `each` the attributions of each section of `text` in text order, as
/// [`Extractor::for_each_section`] does, with the sections extracted on `threads`
/// threads (the calling thread plans them and works too): a document longer than
/// a section (a few hundred KB) uses every core, and gets what one thread gets.
/// Stops at the first error `each` returns.
pub fn for_each_section<E>(
    extractor: &Extractor,
    text: &str,
    threads: usize,
    each: impl FnMut(Vec<Attribution>) -> Result<(), E>,
) -> Result<(), E> {
    for_each_finished_section(extractor, text, threads, |attributions| attributions, each)
}

/// [`for_each_section`], with each section's attributions made an `R` by `finish`
/// on the thread that extracted them (rendered, for a long document's output), and
/// handed to `each` in text order.
pub fn for_each_finished_section<R: Send, E>(
    extractor: &Extractor,
    text: &str,
    threads: usize,
    finish: impl Fn(Vec<Attribution>) -> R + Sync,
    mut each: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E> {
    if threads <= 1 || text.len() <= extractor.section_bytes() {
        return extractor.for_each_section(text, |attributions| each(finish(attributions)));
    }
    order::stream_in_order_within(
        &mut extractor.sections(text),
        threads,
        threads * SECTIONS_IN_FLIGHT_PER_THREAD,
        &|section| finish(extractor.extract_section(text, &section)),
        each,
    )
}

/// Runs the whole pipeline on one input as [`Extractor::extract`] does, a long
/// document's sections on `threads` threads.
pub fn extract(extractor: &Extractor, input: Input, threads: usize) -> Extraction {
    let mut attributions = Vec::new();
    let Ok(()) = for_each_section(extractor, &input.text, threads, |mut section| {
        attributions.append(&mut section);
        Ok::<(), std::convert::Infallible>(())
    });
    Extraction::of(input, attributions)
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
    /// records, its sections extracted on `threads` threads.
    pub fn new(
        input: Input,
        format: Format,
        extractor: &Extractor,
        threads: usize,
    ) -> Result<Self, Error> {
        if format.writes_records() && input.text.len() > SPILLED_DOCUMENT_BYTES {
            return Ok(match spill::spill(&input, format, extractor, threads) {
                Ok(spilled) => Prepared::Spilled(spilled),
                Err(because) => Prepared::Streamed { input, because },
            });
        }
        Ok(Prepared::Rendered(render_document(
            extract(extractor, input, threads),
            format,
        )?))
    }

    /// Writes the document to `writer`: a streamed one is extracted here, a
    /// section at a time, on this thread (the others go on with the documents
    /// after it).
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
                let format = writer.format();
                spill::render_sections(&input, format, extractor, 1, |bytes, records| {
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

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use proptest::prelude::*;

    use super::*;
    use crate::grammar::Grammar;
    use crate::ingest::decode;

    static GRAMMAR: LazyLock<Grammar> = LazyLock::new(|| Grammar::built_in().unwrap());

    /// Paragraphs whose linking reaches past themselves: a quote the next one goes
    /// on with, "X said:" that claims the next block, a pronoun, boilerplate; and
    /// what records rendered section by section must get right: a claim in parts,
    /// a line wrapped inside a paragraph and characters of several bytes before a
    /// claim (lines and columns), relays.
    const PARAGRAPHS: &[&str] = &[
        "The plan failed, officials said.",
        "“We will appeal,” said Ann Lee, the council leader.",
        "“The vote was rigged. We know it.",
        "“And we will prove it,” she added.",
        "Senator Maria Lopez told reporters:",
        "The budget grew by 5 percent, according to the memo.",
        "“It is over,” she said. “We lost.”",
        "Café owners in Zürich — façades and all — said\nthe rent doubled.",
        "The budget grew by 5 percent, according to a Foreign Policy report.",
        "中文 text: the mayor said the bridge would close.",
        "He said the bridge reportedly closed in May.",
        "Advertisement",
        "The sky is green and the sea is wide.",
        "Lee declined to comment.",
        "“It is over” she said “and we lost.”",
        "ANALYSIS: Several economists say the rate cut came too late.",
    ];

    /// Each section's attributions as `extract` hands them on.
    fn sections(extractor: &Extractor, text: &str, threads: usize) -> Vec<Vec<Attribution>> {
        let mut sections = Vec::new();
        let Ok(()) = for_each_section(extractor, text, threads, |section| {
            sections.push(section);
            Ok::<(), std::convert::Infallible>(())
        });
        sections
    }

    proptest! {
        #[test]
        fn sections_extracted_side_by_side_are_those_of_one_thread(
            picks in prop::collection::vec(prop::sample::select(PARAGRAPHS), 1..40),
            section_bytes in 1..600usize,
            threads in 2..5usize,
            split in any::<bool>(),
        ) {
            let text = picks.join("\n\n");
            let extractor = Extractor::new(&GRAMMAR)
                .with_section_bytes(section_bytes)
                .split_quotes(split);
            let one = sections(&extractor, &text, 1);
            prop_assert_eq!(sections(&extractor, &text, threads), one.clone());
            // The plan cuts where one thread cuts, and each planned section alone is
            // what one thread found in it.
            let planned: Vec<Vec<Attribution>> = extractor
                .sections(&text)
                .map(|section| extractor.extract_section(&text, &section))
                .collect();
            prop_assert_eq!(planned, one);
        }
    }

    #[test]
    fn a_chain_of_blocks_that_claim_the_next_is_cut_as_on_one_thread() {
        let mut chain = String::new();
        for index in 0..40 {
            chain.push_str(&format!("Senator Ann Lee {index} said:\n\n"));
        }
        let extractor = Extractor::new(&GRAMMAR).with_section_bytes(100);
        let one = sections(&extractor, &chain, 1);
        assert!(one.len() > 5, "{}", one.len());
        assert_eq!(sections(&extractor, &chain, 3), one);
    }

    #[test]
    fn a_long_document_comes_out_the_same_on_two_threads() {
        let prepared = |threads| {
            let mut text = String::new();
            for index in 0.. {
                if text.len() > 3 * crate::pipeline::SECTION_BYTES {
                    break;
                }
                text.push_str(PARAGRAPHS[index % PARAGRAPHS.len()]);
                text.push_str(&format!(" {index}\n\n"));
            }
            let input = Input {
                name: "long.txt".into(),
                text,
                original: None,
                meta: Default::default(),
                replaced_invalid_utf8_at: None,
                decoded_from: None,
            };
            let extractor = Extractor::new(&GRAMMAR);
            let extraction = extract(&extractor, input, threads);
            (extraction.attributions.len(), extraction.attributions)
        };
        let (count, one) = prepared(1);
        assert!(count > 10_000, "{count}");
        assert_eq!(prepared(2).1, one);
    }

    /// What `render_sections` hands on for `input`, all chunks joined, and its
    /// count of records.
    fn sectioned(
        input: &Input,
        format: Format,
        extractor: &Extractor,
        threads: usize,
    ) -> (Vec<u8>, usize) {
        let mut bytes = Vec::new();
        let records = spill::render_sections(input, format, extractor, threads, |chunk, _| {
            bytes.extend_from_slice(chunk);
            Ok(())
        })
        .unwrap();
        (bytes, records)
    }

    /// The document rendered whole, in memory, on one thread.
    fn whole(input: &Input, format: Format, extractor: &Extractor) -> (Vec<u8>, usize) {
        match render_document(extractor.extract(input.clone()), format).unwrap() {
            Rendered::Bytes { bytes, records } => (bytes, records),
            Rendered::Kept(_) => unreachable!("JSON and JSONL are rendered"),
        }
    }

    proptest! {
        #[test]
        fn sections_rendered_apart_are_the_document_rendered_whole(
            picks in prop::collection::vec(prop::sample::select(PARAGRAPHS), 1..30),
            section_bytes in 1..400usize,
            threads in 1..4usize,
            json in any::<bool>(),
            html in any::<bool>(),
        ) {
            let (name, text) = if html {
                let body: String = picks.iter().map(|pick| format!("<p>{pick}</p>\n")).collect();
                ("long.html", format!("<html><body>\n{body}</body></html>\n"))
            } else {
                ("long.txt", picks.join("\n\n"))
            };
            let input = decode(name, text.into_bytes(), false).unwrap();
            let format = if json { Format::Json } else { Format::Jsonl };
            let extractor = Extractor::new(&GRAMMAR).with_section_bytes(section_bytes);
            prop_assert_eq!(
                sectioned(&input, format, &extractor, threads),
                whole(&input, format, &extractor)
            );
        }
    }

    /// The place of an id in a record is found by its quoted text: a document's name
    /// (written before the id) that holds that text must not be taken for it.
    #[test]
    fn a_document_named_after_its_own_claim_ids_is_rendered_the_same() {
        let text = PARAGRAPHS.repeat(3).join("\n\n");
        let extractor = Extractor::new(&GRAMMAR).with_section_bytes(100);
        let plain = decode("x.txt", text.clone().into_bytes(), false).unwrap();
        let (first, _) = whole(&plain, Format::Jsonl, &extractor);
        let ids: Vec<String> = first
            .split(|&byte| byte == b'\n')
            .filter(|line| !line.is_empty())
            .map(|line| {
                let record: serde_json::Value = serde_json::from_slice(line).unwrap();
                format!("\"{}\"", record["id"].as_str().unwrap())
            })
            .collect();
        assert!(
            ids.iter().any(|id| id.ends_with("-3\"")),
            "claims recur: {ids:?}"
        );
        let input = decode(&ids.join(" "), text.into_bytes(), false).unwrap();
        for format in [Format::Jsonl, Format::Json] {
            let (bytes, records) = sectioned(&input, format, &extractor, 2);
            assert_eq!(records, ids.len());
            assert_eq!(
                (bytes, records),
                whole(&input, format, &extractor),
                "{format:?}"
            );
        }
    }
}
