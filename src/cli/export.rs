//! `claimtrace export claimreview`: a review file as schema.org ClaimReview
//! JSON-LD, published under the desk's name. The logic lives in
//! `claimtrace::review::claimreview`; this file reads the review file and the
//! desk's config, lays the flags over it and writes the result.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow};
use clap::{Args, Subcommand};

use claimtrace::Grammar;
use claimtrace::review::claimreview::claim_reviews;
use claimtrace::review::desk::Desk;

use super::review::read_review;

/// The desk's config looked for beside the review file when `--desk` is not given.
const DESK_FILE: &str = "desk.yaml";

#[derive(Debug, Subcommand)]
pub enum ExportAction {
    /// schema.org ClaimReview JSON-LD for the claims the desk rates (by default
    /// verified and disputed), published under the desk's name.
    Claimreview(ClaimreviewArgs),
}

#[derive(Debug, Args)]
pub struct ClaimreviewArgs {
    /// The review file whose verified and disputed claims to export.
    #[arg(value_name = "FILE.yaml")]
    file: PathBuf,
    /// The desk's config: org, org-url, review-url, date, ratings, articles
    /// (default: desk.yaml beside FILE.yaml, when there is one).
    #[arg(long, value_name = "DESK.yaml")]
    desk: Option<PathBuf>,
    /// The organisation that publishes the fact checks.
    #[arg(long, value_name = "NAME")]
    org: Option<String>,
    /// The organisation's home page.
    #[arg(long, value_name = "URL")]
    org_url: Option<String>,
    /// Where each review is published; `{id}` becomes the claim id
    /// (https://factcheck.example/checks/{id}).
    #[arg(long, value_name = "TEMPLATE")]
    review_url: Option<String>,
    /// When the reviews are published.
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
}

/// Runs `export claimreview`; what keeps the reviews from being complete goes to
/// stderr as warnings.
pub fn export(action: ExportAction, grammar: &Grammar, out: &mut dyn Write) -> Result<ExitCode> {
    let ExportAction::Claimreview(args) = action;
    let file = read_review(&args.file)?;
    let desk = desk(&args)?;
    let export = claim_reviews(&file, &desk, grammar)
        .map_err(|error| anyhow!("{}: {error}", args.file.display()))?;
    serde_json::to_writer_pretty(&mut *out, &export.reviews)?;
    writeln!(out)?;
    for warning in &export.warnings {
        eprintln!("export claimreview: warning: {warning}");
    }
    Ok(ExitCode::SUCCESS)
}

/// The desk's config (`--desk`, or desk.yaml beside the review file, or none)
/// with the flags laid over it.
fn desk(args: &ClaimreviewArgs) -> Result<Desk> {
    let beside = args.file.parent().map(|dir| dir.join(DESK_FILE));
    let path = match (&args.desk, beside) {
        (Some(path), _) => Some(path.clone()),
        (None, Some(beside)) if beside.is_file() => Some(beside),
        _ => None,
    };
    let mut desk = match &path {
        Some(path) => read_desk(path)?,
        None => Desk::default(),
    };
    let flags = [
        (&mut desk.org, &args.org),
        (&mut desk.org_url, &args.org_url),
        (&mut desk.review_url, &args.review_url),
        (&mut desk.date, &args.date),
    ];
    for (value, flag) in flags {
        if flag.is_some() {
            value.clone_from(flag);
        }
    }
    // The file was checked as read: what is wrong now came with a flag.
    desk.validate().map_err(|invalid| anyhow!("--{invalid}"))?;
    Ok(desk)
}

fn read_desk(path: &Path) -> Result<Desk> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
    Desk::from_yaml(&text).map_err(|error| anyhow!("{}: {error}", path.display()))
}
