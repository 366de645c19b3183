//! Where the time of `extract` goes: each stage of the pipeline timed on its own,
//! in bytes of input text per second, over the dev texts one document at a time.
//!
//! Run with `cargo bench --bench stages`. Each stage gets what the stage before it
//! made, prepared outside the timing, so that the rows are the stages' own costs
//! and the share of each is its time over the sum:
//!
//! - `layout`: a document cut into blocks;
//! - `segment`: each prose block's lowercase copy, tokens (each word looked up in
//!   the lexeme table), sentences and quotations;
//! - `frames`: the attribution frames over each segmented block;
//! - `markers`: the reliability-marker phrases of each block;
//! - `digest`: what linking keeps of each block (sentences, names);
//! - `link`: a document's digests linked into claims;
//! - `assess`: sources, names, kinds, forms, markers and scores of the claims;
//! - `render`: the claims as JSONL records (ids, positions, escaping).
//!
//! The texts are those of `../shared/corpus/polnear/dev.jsonl` (or the file named
//! by `CLAIMTRACE_BENCH_DEV`); without it every benchmark says so and is skipped.
//! `extract`'s own benchmark (`benches/extract.rs`) times the whole pipeline.

mod common;

use std::hint::black_box;
use std::sync::LazyLock;

use claimtrace::assess::{Memos, assess};
use claimtrace::ingest::layout::layout;
use claimtrace::ingest::{Block, Input, Metadata};
use claimtrace::link::{Digest, link};
use claimtrace::matcher::{find_markers, match_block};
use claimtrace::pipeline::digest_block;
use claimtrace::render::{Format, render_document};
use claimtrace::segment::{Buffers, Segmented, segment_into};
use claimtrace::{Attribution, Extraction, Grammar};
use divan::Bencher;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

static GRAMMAR: LazyLock<Grammar> =
    LazyLock::new(|| Grammar::built_in().expect("the built-in grammar loads"));

/// A dev text with its prose blocks, each block's lowercase copy, and the
/// attributions of the whole pipeline: the inputs of the stages.
struct Document {
    text: String,
    blocks: Vec<Block>,
    lowers: Vec<String>,
    attributions: Vec<Attribution>,
}

impl Document {
    fn of(text: String) -> Document {
        let grammar = &*GRAMMAR;
        let blocks: Vec<Block> = layout(&text, grammar)
            .into_iter()
            .filter(|block| block.role.is_prose())
            .collect();
        let lowers = blocks
            .iter()
            .map(|block| block.span.slice(&text).to_ascii_lowercase())
            .collect();
        let attributions = claimtrace::extract_text(&text, grammar);
        Document {
            text,
            blocks,
            lowers,
            attributions,
        }
    }

    /// Each prose block segmented.
    fn segmented(&self) -> Vec<Segmented<'_>> {
        let mut buffers = Buffers::default();
        self.blocks
            .iter()
            .zip(&self.lowers)
            .map(|(&block, lower)| segment_into(&self.text, lower, block, &GRAMMAR, &mut buffers))
            .collect()
    }

    /// Each prose block digested, as the pipeline digests it.
    fn digests(&self) -> Vec<Digest> {
        let (mut lower, mut buffers) = (String::new(), Buffers::default());
        self.blocks
            .iter()
            .map(|&block| digest_block(&self.text, block, &mut lower, &mut buffers, &GRAMMAR))
            .collect()
    }
}

/// The dev texts as documents, or `None` when the file cannot be read.
static DOCUMENTS: LazyLock<Option<Vec<Document>>> =
    LazyLock::new(|| Some(common::dev_texts()?.into_iter().map(Document::of).collect()));

/// Runs `stage` over the documents with the bytes of their texts as the counter;
/// nothing when the dev texts are absent.
fn bench_documents(bencher: Bencher, stage: impl Fn(&[Document]) -> usize + Sync) {
    let Some(documents) = DOCUMENTS.as_deref() else {
        return;
    };
    let bytes: usize = documents.iter().map(|document| document.text.len()).sum();
    bencher
        .counter(BytesCount::new(bytes))
        .bench(|| stage(black_box(documents)));
}

#[divan::bench(name = "layout", sample_count = 100, sample_size = 1)]
fn layout_stage(bencher: Bencher) {
    bench_documents(bencher, |documents| {
        documents
            .iter()
            .map(|document| layout(&document.text, &GRAMMAR).len())
            .sum()
    });
}

#[divan::bench(sample_count = 100, sample_size = 1)]
fn segment(bencher: Bencher) {
    bench_documents(bencher, |documents| {
        let (mut lower, mut buffers) = (String::new(), Buffers::default());
        let mut tokens = 0;
        for document in documents {
            for &block in &document.blocks {
                // The lowercase copy is the segmenter's input, made per block.
                lower.clear();
                lower.push_str(block.span.slice(&document.text));
                lower.make_ascii_lowercase();
                let segmented = segment_into(&document.text, &lower, block, &GRAMMAR, &mut buffers);
                tokens += segmented.tokens.len();
                buffers.recycle(segmented);
            }
        }
        tokens
    });
}

/// Segmented blocks of every document, made once (they borrow the documents).
static SEGMENTED: LazyLock<Option<Vec<Vec<Segmented<'static>>>>> = LazyLock::new(|| {
    let documents = DOCUMENTS.as_deref()?;
    Some(documents.iter().map(Document::segmented).collect())
});

/// Runs `stage` over every segmented block.
fn bench_blocks(bencher: Bencher, stage: impl Fn(&str, &Segmented) -> usize + Sync) {
    let (Some(documents), Some(segmented)) = (DOCUMENTS.as_deref(), SEGMENTED.as_deref()) else {
        return;
    };
    bench_documents(bencher, |_| {
        documents
            .iter()
            .zip(segmented)
            .flat_map(|(document, blocks)| blocks.iter().map(|block| stage(&document.text, block)))
            .sum()
    });
}

#[divan::bench(sample_count = 100, sample_size = 1)]
fn frames(bencher: Bencher) {
    bench_blocks(bencher, |text, segmented| {
        match_block(text, segmented, &GRAMMAR).len()
    });
}

#[divan::bench(sample_count = 100, sample_size = 1)]
fn markers(bencher: Bencher) {
    bench_blocks(bencher, |_, segmented| {
        find_markers(segmented, &GRAMMAR).len()
    });
}

#[divan::bench(sample_count = 100, sample_size = 1)]
fn digest(bencher: Bencher) {
    let (Some(documents), Some(segmented)) = (DOCUMENTS.as_deref(), SEGMENTED.as_deref()) else {
        return;
    };
    // What the digest is made of, made before the timing.
    let parts: Vec<Vec<_>> = documents
        .iter()
        .zip(segmented)
        .map(|(document, blocks)| {
            blocks
                .iter()
                .map(|block| {
                    let frames = match_block(&document.text, block, &GRAMMAR);
                    (block.quotes.clone(), frames, find_markers(block, &GRAMMAR))
                })
                .collect()
        })
        .collect();
    let bytes: usize = documents.iter().map(|document| document.text.len()).sum();
    bencher
        .counter(BytesCount::new(bytes))
        .with_inputs(|| parts.clone())
        .bench_values(|parts| {
            let mut sentences = 0;
            for (blocks, parts) in segmented.iter().zip(parts) {
                for (block, (quotes, frames, markers)) in blocks.iter().zip(parts) {
                    let digest = Digest::new(block, quotes, frames, markers, &GRAMMAR);
                    sentences += digest.sentences.len();
                }
            }
            sentences
        });
}

#[divan::bench(name = "link", sample_count = 100, sample_size = 1)]
fn link_stage(bencher: Bencher) {
    let Some(documents) = DOCUMENTS.as_deref() else {
        return;
    };
    let digests: Vec<Vec<Digest>> = documents.iter().map(Document::digests).collect();
    let bytes: usize = documents.iter().map(|document| document.text.len()).sum();
    bencher
        .counter(BytesCount::new(bytes))
        .with_inputs(|| digests.clone())
        .bench_values(|digests| {
            digests
                .into_iter()
                .map(|digests| link(digests).drafts.len())
                .sum::<usize>()
        });
}

#[divan::bench(name = "assess", sample_count = 100, sample_size = 1)]
fn assess_stage(bencher: Bencher) {
    let Some(documents) = DOCUMENTS.as_deref() else {
        return;
    };
    let linked: Vec<_> = documents
        .iter()
        .map(|document| link(document.digests()))
        .collect();
    let bytes: usize = documents.iter().map(|document| document.text.len()).sum();
    // One worker's memos, kept from run to run as a worker keeps them (in a
    // mutex: divan asks for a closure it may share between threads).
    let memos = std::sync::Mutex::new(Memos::default());
    bencher
        .counter(BytesCount::new(bytes))
        .with_inputs(|| linked.clone())
        .bench_values(|linked| {
            let memos = memos
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            documents
                .iter()
                .zip(linked)
                .map(|(document, linked)| assess(&document.text, linked, &GRAMMAR, &memos).len())
                .sum::<usize>()
        });
}

#[divan::bench(sample_count = 100, sample_size = 1)]
fn render(bencher: Bencher) {
    let Some(documents) = DOCUMENTS.as_deref() else {
        return;
    };
    let bytes: usize = documents.iter().map(|document| document.text.len()).sum();
    let extraction = |document: &Document| {
        let input = Input {
            name: "dev.txt".to_string(),
            text: document.text.clone(),
            original: None,
            meta: Metadata::default(),
            replaced_invalid_utf8_at: None,
            decoded_from: None,
        };
        Extraction::of(input, document.attributions.clone())
    };
    bencher
        .counter(BytesCount::new(bytes))
        .with_inputs(|| documents.iter().map(extraction).collect::<Vec<_>>())
        .bench_values(|extractions| {
            extractions
                .into_iter()
                .map(
                    |extraction| match render_document(extraction, Format::Jsonl) {
                        Ok(claimtrace::render::Rendered::Bytes { bytes, .. }) => bytes.len(),
                        _ => 0,
                    },
                )
                .sum::<usize>()
        });
}
