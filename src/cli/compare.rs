//! `claimtrace compare`: sourcing side by side, from texts or from the JSONL that
//! `extract --format jsonl` wrote (the map step of a job run elsewhere).

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use claimtrace::aggregate::registry::Registry;
use claimtrace::aggregate::{Stats, group_by};
use claimtrace::record::{Record, records};
use claimtrace::render::compare::{
    Column, Comparison, GroupBy, SortBy, compare_csv, compare_markdown, compare_table,
};

use super::batch::Batch;

/// The column of documents that carry no publisher, with `--by publisher`.
const NO_PUBLISHER: &str = "(no publisher)";

/// Options of `claimtrace compare`.
#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// How to write the comparison: a table (fitted to the terminal), Markdown,
    /// CSV (every measure, a line per document or publisher) or JSON.
    #[arg(long, value_enum, default_value_t = CompareFormat::Table)]
    format: CompareFormat,
    /// Column order: name (A to Z); claims, anonymous (share of attributed claims on
    /// anonymous sources), unattributed or hedged (share of claims), largest first.
    #[arg(long, value_enum, default_value_t = SortArg::Name)]
    sort: SortArg,
    /// One column per document, or per publisher (from a JSONL corpus's `publisher`
    /// field, an HTML page's metadata, or the `meta` of records read with
    /// `--from-jsonl`).
    #[arg(long, value_enum, default_value_t = GroupArg::Document)]
    by: GroupArg,
    /// Compare the records of `extract --format jsonl` (files or `-`) instead of
    /// extracting texts; records of one document may be spread over several files.
    #[arg(long, value_name = "FILE", num_args = 1.., conflicts_with = "paths")]
    from_jsonl: Vec<PathBuf>,
    /// Files, folders or `-`; default: seeds.
    #[arg(default_value = "seeds")]
    paths: Vec<PathBuf>,
}

/// Output formats of `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum CompareFormat {
    /// Tables, fitted to the terminal.
    Table,
    /// Markdown tables.
    Md,
    /// CSV: a line per document (or publisher).
    Csv,
    /// Everything as one JSON object.
    Json,
}

/// `--sort`: the library's [`SortBy`], named for clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum SortArg {
    /// Document (or publisher) name, A to Z.
    Name,
    /// Number of claims.
    Claims,
    /// Share of attributed claims resting on anonymous sources.
    Anonymous,
    /// Share of claims with no attribution.
    Unattributed,
    /// Share of claims carrying a hedge or uncertainty marker.
    Hedged,
}

impl From<SortArg> for SortBy {
    fn from(sort: SortArg) -> SortBy {
        match sort {
            SortArg::Name => SortBy::Name,
            SortArg::Claims => SortBy::Claims,
            SortArg::Anonymous => SortBy::Anonymous,
            SortArg::Unattributed => SortBy::Unattributed,
            SortArg::Hedged => SortBy::Hedged,
        }
    }
}

/// `--by`: the library's [`GroupBy`], named for clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum GroupArg {
    /// A column per document.
    Document,
    /// A column per publisher (a JSONL corpus's `publisher` field).
    Publisher,
}

impl From<GroupArg> for GroupBy {
    fn from(by: GroupArg) -> GroupBy {
        match by {
            GroupArg::Document => GroupBy::Document,
            GroupArg::Publisher => GroupBy::Publisher,
        }
    }
}

/// What is gathered before comparing: statistics per document (sorted by name, so
/// input order does not matter), the source registry and the publishers.
#[derive(Default)]
struct Gathered {
    docs: BTreeMap<String, Stats>,
    registry: Registry,
    publishers: BTreeMap<String, String>,
}

impl Gathered {
    /// Counts one record, and notes its document's publisher.
    fn add(&mut self, record: &Record) {
        self.docs.entry(record.doc.clone()).or_default().add(record);
        self.registry.add(record);
        if let Some(publisher) = &record.meta.publisher
            && !self.publishers.contains_key(&record.doc)
        {
            self.publishers
                .insert(record.doc.clone(), publisher.clone());
        }
    }
}

/// Prints the comparison; returns whether an input failed.
/// Tables are fitted to `width` (see `terminal::table_width`).
pub fn run(
    args: &CompareArgs,
    batch: &Batch,
    width: Option<u16>,
    out: &mut dyn Write,
) -> Result<bool> {
    let mut gathered = Gathered::default();
    let failed = if args.from_jsonl.is_empty() {
        batch.for_each_extraction(&args.paths, |extraction| {
            // A document with no claim still gets its (empty) column.
            gathered.docs.entry(extraction.doc.clone()).or_default();
            for record in records(&extraction) {
                gathered.add(&record);
            }
            if let Some(publisher) = extraction.meta.publisher {
                gathered.publishers.insert(extraction.doc, publisher);
            }
            Ok(())
        })?
    } else {
        for path in &args.from_jsonl {
            read_records(path, |record| gathered.add(&record))?;
        }
        false
    };
    let comparison = compare(gathered, args)?;
    match args.format {
        CompareFormat::Table => writeln!(out, "{}", compare_table(&comparison, width))?,
        CompareFormat::Md => out.write_all(compare_markdown(&comparison).as_bytes())?,
        CompareFormat::Csv => out.write_all(compare_csv(&comparison).as_bytes())?,
        CompareFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &comparison)?;
            writeln!(out)?;
        }
    }
    Ok(failed)
}

/// Columns per document or per publisher, sorted, with their shared sources.
fn compare(gathered: Gathered, args: &CompareArgs) -> Result<Comparison> {
    let Gathered {
        docs,
        registry,
        publishers,
    } = gathered;
    let by = GroupBy::from(args.by);
    let columns = match by {
        GroupBy::Document => docs
            .into_iter()
            .map(|(name, stats)| Column { name, stats })
            .collect(),
        GroupBy::Publisher => {
            if publishers.is_empty() {
                bail!(
                    "--by publisher: no document carries a publisher (read a JSONL corpus \
                     with --input-format jsonl whose lines have a \"publisher\" field, HTML \
                     pages that name theirs, or the records `extract --format jsonl` wrote \
                     of such documents)"
                );
            }
            group_by(
                docs.iter()
                    .map(|(doc, stats)| (publisher_of(&publishers, doc), stats)),
            )
            .into_iter()
            .map(|(name, stats)| Column { name, stats })
            .collect()
        }
    };
    Ok(Comparison::new(
        by,
        args.sort.into(),
        columns,
        &registry,
        |doc| match by {
            GroupBy::Document => doc.to_string(),
            GroupBy::Publisher => publisher_of(&publishers, doc),
        },
    ))
}

/// The publisher of `doc`, or [`NO_PUBLISHER`].
fn publisher_of(publishers: &BTreeMap<String, String>, doc: &str) -> String {
    publishers
        .get(doc)
        .cloned()
        .unwrap_or_else(|| NO_PUBLISHER.to_string())
}

/// Hands every record of a JSONL file (or stdin for `-`) to `sink`, line by line so
/// memory does not grow with the file; a line that is not a record is an error
/// naming the file and line.
fn read_records(path: &Path, mut sink: impl FnMut(Record)) -> Result<()> {
    let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(BufReader::new(std::io::stdin()))
    } else {
        let file = File::open(path).with_context(|| format!("{}", path.display()))?;
        Box::new(BufReader::new(file))
    };
    for (index, line) in reader.lines().enumerate() {
        let place = || format!("{}:{}", path.display(), index + 1);
        let line = line.with_context(place)?;
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = serde_json::from_str(&line)
            .with_context(|| format!("{}: not a claimtrace record", place()))?;
        sink(record);
    }
    Ok(())
}
