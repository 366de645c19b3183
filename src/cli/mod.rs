//! The command line: clap derive, one arm per subcommand.

mod batch;
mod check;
mod compare;
mod eval_print;
mod export;
mod report;
mod review;
mod show;

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

use claimtrace::aggregate::registry::Registry;
use claimtrace::batch::{Prepared, threads};
use claimtrace::eval::{evaluate, gold::read_validated_gold};
use claimtrace::ingest::ReadOptions;
use claimtrace::record::records;
use claimtrace::render::sources::{sources_csv, sources_table};
use claimtrace::render::{ExtractionWriter, Format};
use claimtrace::{Extractor, Grammar, Scope};

use batch::Batch;

/// Trace every claim in a news text to its stated source.
#[derive(Debug, Parser)]
#[command(name = "claimtrace", version, about)]
pub struct Cli {
    /// A folder of grammar files layered over the built-in grammar.
    #[arg(long, global = true, value_name = "DIR")]
    grammar: Option<PathBuf>,

    /// How inputs are read: text (HTML recognised by name or doctype), html, or a
    /// JSONL corpus with one {"id", "text", "publisher"?, …} per line.
    #[arg(long, global = true, value_enum, default_value_t = InputFormat::Text)]
    input_format: InputFormat,

    /// Replace invalid UTF-8 with U+FFFD (and warn) instead of refusing the file.
    #[arg(long, global = true)]
    lossy: bool,

    /// Write each part of a quote interrupted by its attribution ("A," she said.
    /// "B.") as a claim of its own (`eval`: score the gold's contents in parts the
    /// same way; `review merge`: give each part the quote's review), for counting
    /// quotes one by one.
    #[arg(long, global = true)]
    split_quotes: bool,

    /// Which attributions to keep: `all`, or `speech` (what somebody said or wrote,
    /// by the kind of its cue in grammar/cue_kinds.txt; `eval` drops the gold outside
    /// it by the same lexicon, an approximate view).
    #[arg(long, global = true, value_enum, default_value_t = ScopeArg::All)]
    scope: ScopeArg,

    /// Threads that extract documents, the calling one included (0: one per core;
    /// at most 256). Output order does not depend on it.
    #[arg(long, global = true, value_name = "N", default_value_t = 0)]
    threads: usize,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print every claim with its cue, source and markers.
    Extract {
        #[arg(long, value_enum, default_value_t = ExtractFormat::Table)]
        format: ExtractFormat,
        /// Files, folders (recursed; .txt and .md) or `-` for stdin.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// One row per canonical source: type, claims, documents citing it, quotes, markers.
    Sources {
        #[arg(long, value_enum, default_value_t = SourcesFormat::Table)]
        format: SourcesFormat,
        /// Files, folders (recursed; .txt and .md) or `-` for stdin.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Compare sourcing across documents (or publishers), with the sources they share.
    Compare(compare::CompareArgs),
    /// Write an editor's report (report.md and a self-contained report.html) to a folder.
    Report(report::ReportArgs),
    /// Print the text with claims, sources, cues and markers marked (colours: NO_COLOR, --color).
    Show(show::ShowArgs),
    /// Fact-check review files: carry verdicts over to a new draft, count them.
    Review {
        #[command(subcommand)]
        action: review::ReviewAction,
    },
    /// Exit 1 when a document breaks the publishing policy (for CI).
    Check(check::CheckArgs),
    /// Export a review file to another format.
    Export {
        #[command(subcommand)]
        format: export::ExportAction,
    },
    /// Score extraction against a gold corpus (PolNeAR JSONL).
    Eval {
        #[arg(long, value_name = "FILE.jsonl")]
        gold: PathBuf,
        /// Print the result as JSON.
        #[arg(long)]
        json: bool,
        /// Print up to N examples of each kind of error.
        #[arg(long, value_name = "N", default_value_t = 0)]
        errors: usize,
    },
    /// Work with grammar folders.
    Grammar {
        #[command(subcommand)]
        action: GrammarAction,
    },
}

#[derive(Debug, Subcommand)]
enum GrammarAction {
    /// Validate a grammar folder (or the built-in grammar) and run its examples.
    Check {
        /// The folder to layer over the built-in grammar.
        dir: Option<PathBuf>,
    },
}

/// `--scope`: the library's [`Scope`], named for clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ScopeArg {
    /// Every attribution: speech, beliefs, evidence, stances and intentions.
    All,
    /// What somebody said or wrote.
    Speech,
}

impl From<ScopeArg> for Scope {
    fn from(scope: ScopeArg) -> Scope {
        match scope {
            ScopeArg::All => Scope::All,
            ScopeArg::Speech => Scope::Speech,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    /// Plain text or Markdown, one document per file (HTML by its name or doctype).
    Text,
    /// HTML, one document per file, even without a .html name (stdin).
    Html,
    /// One JSON document per line.
    Jsonl,
}

/// `extract --format`: the library's [`Format`], named for clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExtractFormat {
    Table,
    Yaml,
    Json,
    Jsonl,
}

impl From<ExtractFormat> for Format {
    fn from(format: ExtractFormat) -> Format {
        match format {
            ExtractFormat::Table => Format::Table,
            ExtractFormat::Yaml => Format::Yaml,
            ExtractFormat::Json => Format::Json,
            ExtractFormat::Jsonl => Format::Jsonl,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SourcesFormat {
    Table,
    Json,
    Csv,
}

/// Runs the command line; exit codes as the README says (0 ok, 1 policy, 2 bad input).
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli) {
        Ok(code) => code,
        Err(error) => {
            if is_broken_pipe(&error) {
                return ExitCode::SUCCESS;
            }
            eprintln!("claimtrace: {error:#}");
            ExitCode::from(2)
        }
    }
}

fn dispatch(cli: Cli) -> Result<ExitCode> {
    let grammar_dir = match &cli.command {
        Command::Grammar {
            action: GrammarAction::Check { dir },
        } => dir.clone().or(cli.grammar.clone()),
        _ => cli.grammar.clone(),
    };
    let grammar = Grammar::load(grammar_dir.as_deref()).context("loading the grammar")?;
    let batch = Batch {
        read: ReadOptions {
            jsonl: cli.input_format == InputFormat::Jsonl,
            lossy: cli.lossy,
            html: cli.input_format == InputFormat::Html,
        },
        threads: threads(cli.threads),
        extractor: Extractor::new(&grammar)
            .split_quotes(cli.split_quotes)
            .scope(cli.scope.into()),
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let code = match cli.command {
        Command::Extract { format, paths } => {
            let format = Format::from(format);
            let mut writer = ExtractionWriter::new(&mut out, format);
            let failed = batch.for_each_prepared(
                &paths,
                |input| Ok(Prepared::new(input, format, &batch.extractor)?),
                |prepared| {
                    if let Prepared::Streamed { input, because, .. } = &prepared {
                        // The output is the same; only the time and the thread differ.
                        eprintln!(
                            "claimtrace: warning: {}: could not use a temporary file for \
                             this long document ({because:#}); writing it directly instead \
                             (same output, on one thread)",
                            input.name
                        );
                    }
                    Ok(prepared.write_to(&mut writer, &batch.extractor)?)
                },
            )?;
            writer.finish()?;
            exit_code(failed)
        }
        Command::Sources { format, paths } => {
            let mut registry = Registry::default();
            let failed = batch.for_each_extraction(&paths, |extraction| {
                records(&extraction)
                    .iter()
                    .for_each(|record| registry.add(record));
                Ok(())
            })?;
            let rows = registry.rows();
            match format {
                SourcesFormat::Table => writeln!(out, "{}", sources_table(&rows))?,
                SourcesFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &rows)?;
                    writeln!(out)?;
                }
                SourcesFormat::Csv => out.write_all(sources_csv(&rows).as_bytes())?,
            }
            exit_code(failed)
        }
        Command::Compare(args) => exit_code(compare::run(&args, &batch, &mut out)?),
        Command::Report(args) => exit_code(report::run(&args, &batch, &mut out)?),
        Command::Show(args) => exit_code(show::run(&args, &batch, &mut out)?),
        Command::Review { action } => review::review(action, &batch, &mut out)?,
        Command::Check(args) => check::check_command(args, &batch, &mut out)?,
        Command::Export { format } => export::export(format, &grammar, &mut out)?,
        Command::Eval { gold, json, errors } => {
            let docs = read_validated_gold(&gold)?;
            let evaluation = evaluate(&docs, &batch.extractor, errors);
            if json {
                serde_json::to_writer_pretty(&mut out, &evaluation)?;
                writeln!(out)?;
            } else {
                eval_print::print(&mut out, &evaluation)?;
            }
            ExitCode::SUCCESS
        }
        Command::Grammar {
            action: GrammarAction::Check { .. },
        } => {
            let failures = claimtrace::examples::run_examples(&grammar);
            for failure in &failures {
                eprintln!("{failure}");
            }
            writeln!(
                out,
                "grammar ok: {} cues, {} examples, {} failing",
                grammar.cues.len(),
                grammar.examples.len(),
                failures.len()
            )?;
            if failures.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
    };
    out.flush()?;
    Ok(code)
}

fn exit_code(failed: bool) -> ExitCode {
    if failed {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        let io = cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe);
        let library = cause
            .downcast_ref::<claimtrace::Error>()
            .is_some_and(claimtrace::Error::is_broken_pipe);
        io || library
    })
}
