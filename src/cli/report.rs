//! `claimtrace report`: the editor's report as Markdown and self-contained HTML,
//! one page, or an overview and a page per document when the report is large.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use claimtrace::render::report::{PAGES_FOLDER, Page, ReportBuilder};

use super::batch::Batch;
use super::files::{write_atomic, write_replacing};

/// Options of `claimtrace report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The folder to write report.md and report.html to (created if missing); a
    /// large report also writes a page per document to its docs/ folder.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Files, folders (recursed; .txt, .md, .html, .htm), `.jsonl` corpora or `-`
    /// for stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

/// Writes the report to DIR as its documents arrive; returns whether an input
/// failed.
pub fn run(args: &ReportArgs, batch: &Batch, out: &mut dyn Write) -> Result<bool> {
    let mut report = ReportBuilder::default();
    let mut created = false;
    let failed = batch.for_each_extraction(&args.paths, |extraction| {
        let pages = report.add(&extraction);
        if !pages.is_empty() && !created {
            create_dir(&args.out.join(PAGES_FOLDER))?;
            created = true;
        }
        write_pages(&args.out, &pages)
    })?;
    let documents = report.documents();
    if documents == 0 {
        bail!("no document to report on");
    }
    let paged = report.is_paged();
    create_dir(&args.out)?;
    let pages = report.finish();
    if !created && pages.iter().any(|page| page.path.contains('/')) {
        create_dir(&args.out.join(PAGES_FOLDER))?;
    }
    write_pages(&args.out, &pages)?;
    let list_pages = pages.len() / 2;
    remove_stale_pages(
        &args.out.join(PAGES_FOLDER),
        paged.then_some(documents),
        list_pages,
    )?;
    let (markdown, html) = (args.out.join("report.md"), args.out.join("report.html"));
    if paged {
        writeln!(
            out,
            "wrote {} and {} ({documents} documents, a page each in {})",
            markdown.display(),
            html.display(),
            args.out.join(PAGES_FOLDER).display()
        )?;
    } else {
        writeln!(
            out,
            "wrote {} and {} ({documents} documents)",
            markdown.display(),
            html.display()
        )?;
    }
    Ok(failed)
}

fn create_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))
}

/// Writes each page under `dir`, replacing it whole: the report's own pages
/// flushed to disk, the documents' (many, and written again by the next run) not.
fn write_pages(dir: &Path, pages: &[Page]) -> Result<()> {
    for page in pages {
        let path = dir.join(&page.path);
        if page.path.starts_with(PAGES_FOLDER) {
            write_replacing(&path, page.text.as_bytes())?;
        } else {
            write_atomic(&path, page.text.as_bytes())?;
        }
    }
    Ok(())
}

/// Removes the pages an earlier, larger report left in `folder` that this one
/// did not write: `doc-N` beyond its `documents` (all of them when the report is
/// one page) and `list-N` beyond its `list_pages`. Nothing else is touched; the
/// folder goes when it is left empty.
fn remove_stale_pages(folder: &Path, documents: Option<usize>, list_pages: usize) -> Result<()> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(stem) = name
            .strip_suffix(".html")
            .or_else(|| name.strip_suffix(".md"))
        else {
            continue;
        };
        let numbered = |prefix: &str| {
            stem.strip_prefix(prefix)
                .filter(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|digits| digits.parse::<usize>().ok())
        };
        let stale = match (numbered("doc-"), numbered("list-")) {
            (Some(n), _) => documents.is_none_or(|documents| n > documents),
            (_, Some(n)) => n > list_pages,
            _ => false,
        };
        if stale {
            std::fs::remove_file(entry.path())
                .with_context(|| format!("removing {}", entry.path().display()))?;
        }
    }
    // Only succeeds when nothing is left in it.
    let _ = std::fs::remove_dir(folder);
    Ok(())
}
