//! Throughput of `Extractor::extract_text`, in bytes of input text.
//!
//! Run with `cargo bench --bench extract`. The benchmarks:
//!
//! - `seed`: each file in `seeds/`, one benchmark per file;
//! - `dev_concatenated`: the `text` fields of `../shared/corpus/polnear/dev.jsonl`
//!   joined by blank lines into one document (skipped, with a message, when the
//!   file is absent; `CLAIMTRACE_BENCH_DEV=FILE` reads another file);
//! - `dev_per_document`: the same texts, one `extract_text` call per document (the
//!   way the CLI sees a folder of files), so the two together show whether cost
//!   grows faster than the size of one document.
//!
//! The grammar is built once (`Grammar::built_in`), and one extractor over it is
//! shared by every benchmark, as one run of the CLI shares it.

mod common;

use std::hint::black_box;
use std::path::Path;
use std::sync::LazyLock;

use claimtrace::{Extractor, Grammar};
use divan::Bencher;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

static GRAMMAR: LazyLock<Grammar> =
    LazyLock::new(|| Grammar::built_in().expect("the built-in grammar loads"));

static EXTRACTOR: LazyLock<Extractor<'static>> = LazyLock::new(|| Extractor::new(&GRAMMAR));

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every seed file, as (file name, text), sorted by name.
static SEEDS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let dir = manifest_dir().join("seeds");
    let mut seeds: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("reading {}: {error}", dir.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file())
        .map(|path| {
            let name = path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|error| panic!("reading {}: {error}", path.display()));
            (name, text)
        })
        .collect();
    seeds.sort();
    seeds
});

fn seed_names() -> Vec<&'static str> {
    SEEDS.iter().map(|(name, _)| name.as_str()).collect()
}

#[divan::bench(args = seed_names())]
fn seed(bencher: Bencher, name: &str) {
    let extractor = &*EXTRACTOR;
    let text = SEEDS
        .iter()
        .find(|(seed, _)| seed == name)
        .map(|(_, text)| text.as_str())
        .expect("a seed listed by seed_names");
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| extractor.extract_text(black_box(text)));
}

/// The `text` field of each line of dev.jsonl, or `None` when the file is absent.
static DEV_TEXTS: LazyLock<Option<Vec<String>>> = LazyLock::new(common::dev_texts);

static DEV_CONCATENATED: LazyLock<Option<String>> =
    LazyLock::new(|| DEV_TEXTS.as_ref().map(|texts| texts.join("\n\n")));

#[divan::bench(sample_count = 20, sample_size = 1)]
fn dev_concatenated(bencher: Bencher) {
    let Some(text) = DEV_CONCATENATED.as_deref() else {
        eprintln!(
            "dev_concatenated: skipped ({} is absent)",
            common::dev_path().display()
        );
        return;
    };
    let extractor = &*EXTRACTOR;
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| extractor.extract_text(black_box(text)));
}

#[divan::bench(sample_count = 20, sample_size = 1)]
fn dev_per_document(bencher: Bencher) {
    let Some(texts) = DEV_TEXTS.as_deref() else {
        eprintln!(
            "dev_per_document: skipped ({} is absent)",
            common::dev_path().display()
        );
        return;
    };
    let extractor = &*EXTRACTOR;
    let bytes: usize = texts.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        texts
            .iter()
            .map(|text| extractor.extract_text(black_box(text)).len())
            .sum::<usize>()
    });
}
