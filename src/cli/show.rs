//! `claimtrace show`: a document's text in the terminal with its claims, sources,
//! cues and markers marked.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Result;
use clap::ValueEnum;

use claimtrace::render::show::{annotated, legend};

use super::batch::Batch;

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When stdout is a terminal and NO_COLOR is not set.
    Auto,
    /// Always, even with NO_COLOR set (an explicit flag wins).
    Always,
    /// Never: spans are delimited with {claim} [source] <cue> instead.
    Never,
}

/// Options of `claimtrace show`.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// When to colour: auto (a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Files, folders (recursed; .txt, .md, .html, .htm), `.jsonl` corpora or `-`
    /// for stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
}

/// Prints each document's annotated text; returns whether an input failed.
pub fn run(args: &ShowArgs, batch: &Batch, out: &mut dyn Write) -> Result<bool> {
    let color = wants_color(args.color);
    writeln!(out, "{}", legend(color))?;
    batch.for_each_extraction(&args.paths, |extraction| {
        let heading = format!("== {} ==", extraction.doc);
        if color {
            writeln!(out, "\n\x1b[1m{heading}\x1b[0m")?;
        } else {
            writeln!(out, "\n{heading}")?;
        }
        let text = annotated(&extraction.text, &extraction.attributions, color);
        writeln!(out, "{}", text.trim_end())?;
        Ok(())
    })
}

/// `--color`, with `auto` following NO_COLOR (https://no-color.org: set and not
/// empty means no colour) and whether stdout is a terminal.
fn wants_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty());
            !no_color && std::io::stdout().is_terminal()
        }
    }
}
