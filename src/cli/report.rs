//! `claimtrace report`: the editor's report as Markdown and self-contained HTML.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result, bail};

use claimtrace::render::report::ReportBuilder;

use super::batch::Batch;
use super::files::write_atomic;

/// Options of `claimtrace report`.
#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// The folder to write report.md and report.html to (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Files, folders (recursed; .txt, .md, .html, .htm), `.jsonl` corpora or `-`
    /// for stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

/// Writes DIR/report.md and DIR/report.html; returns whether an input failed.
pub fn run(args: &ReportArgs, batch: &Batch, out: &mut dyn Write) -> Result<bool> {
    let mut report = ReportBuilder::default();
    let mut documents = 0;
    let failed = batch.for_each_extraction(&args.paths, |extraction| {
        report.add(&extraction);
        documents += 1;
        Ok(())
    })?;
    if documents == 0 {
        bail!("no document to report on");
    }
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let markdown = args.out.join("report.md");
    let html = args.out.join("report.html");
    write_atomic(&markdown, report.markdown().as_bytes())?;
    write_atomic(&html, report.html().as_bytes())?;
    writeln!(
        out,
        "wrote {} and {} ({documents} documents)",
        markdown.display(),
        html.display()
    )?;
    Ok(failed)
}
