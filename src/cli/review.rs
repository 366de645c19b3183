//! The fact-checking commands `review merge` and `review status`. The logic
//! lives in `claimtrace::review`; this file reads the files, extracts the drafts
//! and writes the results.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Subcommand;
use comfy_table::{CellAlignment, Table, presets::UTF8_FULL_CONDENSED};

use claimtrace::record::Status;
use claimtrace::record::{ReviewBuilder, ReviewDocument};
use claimtrace::render::table::excerpt;
use claimtrace::render::yaml::write_review;
use claimtrace::review::merge::{merge, written_by_hand};
use claimtrace::review::tally::tally;
use claimtrace::review::{Entry, ReviewFile, load_review};

use super::batch::Batch;
use super::files::write_atomic;

/// Widest claim excerpt in listings.
pub const CLAIM_EXCERPT: usize = 80;

#[derive(Debug, Subcommand)]
pub enum ReviewAction {
    /// Re-extract PATH and carry every review of OLD over to the claim with the same
    /// id, or else to the claims of its document re-cut from it (listed on stderr);
    /// a claim reworded since its review goes under `changed` with it, for a second
    /// look; vanished claims go under `removed`, new ones arrive unreviewed.
    Merge {
        /// The review file to carry over (never modified).
        #[arg(value_name = "OLD.yaml")]
        old: PathBuf,
        /// The revised draft: files, folders or `-`.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write the merged file here (atomically) instead of to stdout.
        #[arg(short, long, value_name = "OUT.yaml")]
        output: Option<PathBuf>,
    },
    /// Count claims by status and by document; list the claims changed since their
    /// review and the unreviewed claims resting on anonymous sources or on none.
    Status {
        /// The review file to count.
        #[arg(value_name = "FILE.yaml")]
        file: PathBuf,
    },
}

/// Runs `review merge` or `review status`.
pub fn review(action: ReviewAction, batch: &Batch, out: &mut dyn Write) -> Result<ExitCode> {
    match action {
        ReviewAction::Merge { old, paths, output } => {
            merge_command(&old, &paths, output.as_deref(), batch, out)
        }
        ReviewAction::Status { file } => status_command(&file, out),
    }
}

fn merge_command(
    old_path: &Path,
    paths: &[PathBuf],
    output: Option<&Path>,
    batch: &Batch,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    if let Some(output) = output
        && same_file(old_path, output)
    {
        bail!(
            "{}: refusing to overwrite OLD; give -o another file",
            output.display()
        );
    }
    let old = read_review(old_path)?;
    let fresh = extract_review(paths, batch)?;
    let merged = merge(&old, &fresh).context("merging the reviews")?;

    let mut text = Vec::new();
    write_review(&mut text, &merged.document)?;
    match output {
        Some(path) => write_atomic(path, &text)?,
        None => out.write_all(&text)?,
    }
    let summary = merged.summary;
    eprintln!(
        "review merge: {} kept, {} changed, {} new, {} removed",
        summary.kept, summary.changed, summary.new, summary.removed
    );
    if summary.recut > 0 {
        eprintln!(
            "review merge: {} kept by their words, not their id (cut differently since OLD was written):",
            summary.recut
        );
    }
    for recut in &merged.recut {
        eprintln!(
            "  re-cut {} ({}) -> {}: {}",
            recut.entry.id,
            recut.entry.status,
            recut.claims.join(", "),
            claim_excerpt(recut.entry)
        );
    }
    if !merged.changed.is_empty() {
        eprintln!(
            "review merge: {} reworded since their review, under `changed:` with the old \
             wording in `was:` (take a second look, then delete `was:`):",
            merged.changed.len()
        );
    }
    for changed in &merged.changed {
        eprintln!(
            "  changed {} ({}) -> {}: {}",
            changed.entry.id,
            changed.entry.status,
            changed.claim,
            excerpt(&changed.text, CLAIM_EXCERPT)
        );
    }
    // Entries with nothing but what claimtrace wrote are counted, not listed.
    for entry in merged.removed.iter().filter(|e| written_by_hand(e)) {
        eprintln!(
            "  removed {} ({}): {}",
            entry.id,
            entry.status,
            claim_excerpt(entry)
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// An entry's claim text, shortened for a listing.
fn claim_excerpt(entry: &Entry) -> String {
    excerpt(
        entry.claim_text.as_deref().unwrap_or_default(),
        CLAIM_EXCERPT,
    )
}

fn status_command(path: &Path, out: &mut dyn Write) -> Result<ExitCode> {
    let file = read_review(path)?;
    let tally = tally(&file);
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED);
    let mut header = vec!["document".to_string()];
    header.extend(Status::ALL.iter().map(|status| status.to_string()));
    header.push("total".into());
    table.set_header(header);
    let mut rows: Vec<(&str, _)> = tally
        .by_doc
        .iter()
        .map(|(doc, counts)| (doc.as_str(), *counts))
        .collect();
    rows.push(("all", tally.total));
    for (doc, counts) in rows {
        let mut row = vec![doc.to_string()];
        row.extend(counts.iter().map(usize::to_string));
        row.push(counts.iter().sum::<usize>().to_string());
        table.add_row(row);
    }
    for column in 1..=Status::ALL.len() + 1 {
        if let Some(column) = table.column_mut(column) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    writeln!(out, "{table}")?;
    if !tally.changed.is_empty() {
        writeln!(
            out,
            "changed since their review (not counted; take a second look, then delete `was:`): {}",
            tally.changed.len()
        )?;
    }
    for entry in &tally.changed {
        let was = entry.was.as_ref().map_or("", |was| was.text.as_str());
        let now = entry.claim_text.as_deref().unwrap_or_default();
        writeln!(
            out,
            "  {}  {} ({})\n    was: {}\n    now: {}",
            entry.doc.as_deref().unwrap_or("-"),
            entry.id,
            entry.status,
            excerpt(was, CLAIM_EXCERPT),
            excerpt(now, CLAIM_EXCERPT)
        )?;
    }
    if tally.removed > 0 {
        writeln!(
            out,
            "removed (no longer in the text, not counted): {}",
            tally.removed
        )?;
    }
    writeln!(
        out,
        "\nunreviewed claims on anonymous sources or none: {}",
        tally.needs_attention.len()
    )?;
    for entry in &tally.needs_attention {
        let source = entry.source.as_ref().map_or_else(
            || "no source".to_string(),
            |source| format!("{} ({})", source.shown(), source.source_type.as_str()),
        );
        writeln!(
            out,
            "  {}  {}  {}  {}",
            entry.doc.as_deref().unwrap_or("-"),
            entry.id,
            source,
            excerpt(
                entry.claim_text.as_deref().unwrap_or_default(),
                CLAIM_EXCERPT
            )
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads and checks a review file; the error names the file, line and column.
pub fn read_review(path: &Path) -> Result<ReviewFile> {
    let bytes = fs::read(path).with_context(|| format!("{}", path.display()))?;
    load_review(&bytes).map_err(|error| anyhow::anyhow!("{}: {error}", path.display()))
}

/// Extracts every draft into a fresh review document. A draft that cannot be read
/// refuses the merge: its claims would all look removed.
fn extract_review(paths: &[PathBuf], batch: &Batch) -> Result<ReviewDocument> {
    let mut builder = ReviewBuilder::default();
    let mut documents = 0;
    let failed = batch.for_each_extraction(paths, |extraction| {
        documents += 1;
        builder.add(&extraction);
        Ok(())
    })?;
    if failed {
        bail!("some drafts could not be read; nothing written");
    }
    if documents == 0 {
        bail!("no documents found in the given paths; nothing written");
    }
    Ok(builder.finish())
}

/// Whether `a` and `b` name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
