//! The command line: clap derive, one arm per subcommand.

mod batch;
mod check;
mod compare;
mod eval_print;
mod export;
mod files;
mod progress;
mod report;
mod review;
mod show;
mod terminal;

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use claimtrace::aggregate::registry::Registry;
use claimtrace::batch::{Prepared, threads};
use claimtrace::eval::{evaluate, gold::read_validated_gold};
use claimtrace::ingest::{ReadOptions, is_jsonl};
use claimtrace::record::records;
use claimtrace::render::sources::{sources_csv, sources_table};
use claimtrace::render::table::Layout;
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

    /// Fit tables to N columns, wrapping their cells (0: no limit). Default: the
    /// terminal's width when stdout is a terminal ($COLUMNS when set); pipes and
    /// files get every table whole.
    #[arg(long, global = true, value_name = "N")]
    width: Option<u16>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print every claim with its cue, source and markers.
    Extract {
        /// How to write the claims: a table per document, a YAML review file, a
        /// JSON array or JSONL (one record per line, the output contract).
        #[arg(long, value_enum, default_value_t = ExtractFormat::Table)]
        format: ExtractFormat,
        /// Files, folders (recursed; .txt, .md, .html, .htm), `.jsonl` corpora or
        /// `-` for stdin.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// One row per canonical source: type, claims, documents citing it, quotes, markers.
    Sources {
        /// How to write the sources: a table, JSON or CSV.
        #[arg(long, value_enum, default_value_t = SourcesFormat::Table)]
        format: SourcesFormat,
        /// Files, folders (recursed; .txt, .md, .html, .htm), `.jsonl` corpora or
        /// `-` for stdin.
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
        /// The gold corpus: one document per line with its text and attributions.
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
    /// Print a shell completion script.
    ///
    /// `claimtrace completions bash > ~/.local/share/bash-completion/completions/claimtrace`;
    /// zsh: a `_claimtrace` file on $fpath.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page, or write a page per command to a folder.
    ///
    /// `claimtrace man | man -l -` reads it; `claimtrace man --out
    /// ~/.local/share/man/man1` installs them.
    Man {
        /// Write claimtrace.1 and a page per subcommand (claimtrace-extract.1, …)
        /// to this folder instead of printing the main page.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
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

/// `--input-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    /// Plain text or Markdown, one document per file (HTML by its name or doctype).
    Text,
    /// HTML, one document per file, even without a .html name (stdin).
    Html,
    /// One JSON document per line (files named .jsonl are read so anyway).
    Jsonl,
}

/// `extract --format`: the library's [`Format`] (see [`ExtractFormat::with`]),
/// named for clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExtractFormat {
    /// A table per document, fitted to the terminal.
    Table,
    /// A review file: every claim with `review: {status: unreviewed, …}`.
    Yaml,
    /// One JSON array of records.
    Json,
    /// One record per line (the output contract).
    Jsonl,
}

impl ExtractFormat {
    /// The library's format, tables laid out as `layout` says.
    fn with(self, layout: Layout) -> Format {
        match self {
            ExtractFormat::Table => Format::Table(layout),
            ExtractFormat::Yaml => Format::Yaml,
            ExtractFormat::Json => Format::Json,
            ExtractFormat::Jsonl => Format::Jsonl,
        }
    }
}

/// `sources --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SourcesFormat {
    /// A table, fitted to the terminal.
    Table,
    /// A JSON array of sources.
    Json,
    /// CSV with a header line.
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
    // These describe the command line itself: no grammar, no input.
    match &cli.command {
        Command::Completions { shell } => {
            let mut command = Cli::command();
            clap_complete::generate(*shell, &mut command, "claimtrace", &mut std::io::stdout());
            return Ok(ExitCode::SUCCESS);
        }
        Command::Man { out } => {
            man(out.as_deref())?;
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
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
            page: Some(&grammar.page),
        },
        threads: threads(cli.threads),
        extractor: Extractor::new(&grammar)
            .split_quotes(cli.split_quotes)
            .scope(cli.scope.into()),
        // Report, compare and sources print when the batch is over.
        progress: progress::wanted(matches!(
            cli.command,
            Command::Report(_) | Command::Compare(_) | Command::Sources { .. }
        )),
        running: Default::default(),
    };
    let width = terminal::table_width(cli.width);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let code = match cli.command {
        Command::Extract { format, paths } => {
            let format = format.with(Layout {
                width,
                headed: several_documents(&paths, batch.read),
            });
            let mut writer = ExtractionWriter::new(&mut out, format);
            let failed = batch.for_each_prepared(
                &paths,
                |input| {
                    Ok(Prepared::new(
                        input,
                        format,
                        &batch.extractor,
                        batch.threads,
                    )?)
                },
                |prepared| {
                    if let Prepared::Streamed { input, because, .. } = &prepared {
                        // The output is the same; only the time and the thread differ.
                        batch.warn(&format!(
                            "claimtrace: warning: {}: could not use a temporary file for \
                             this long document ({because:#}); writing it directly instead \
                             (same output, on one thread)",
                            input.name
                        ));
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
                SourcesFormat::Table => writeln!(out, "{}", sources_table(&rows, width))?,
                SourcesFormat::Json => {
                    serde_json::to_writer_pretty(&mut out, &rows)?;
                    writeln!(out)?;
                }
                SourcesFormat::Csv => out.write_all(sources_csv(&rows).as_bytes())?,
            }
            exit_code(failed)
        }
        Command::Compare(args) => exit_code(compare::run(&args, &batch, width, &mut out)?),
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
        Command::Completions { .. } | Command::Man { .. } => {
            unreachable!("answered before the grammar is loaded")
        }
        Command::Grammar {
            action: GrammarAction::Check { .. },
        } => {
            let failures = claimtrace::examples::run_examples(&grammar);
            for failure in &failures {
                eprintln!("{failure}");
            }
            let (cues, examples) = (grammar.cues.len(), grammar.examples.len());
            if failures.is_empty() {
                writeln!(
                    out,
                    "grammar ok: {cues} cues, {examples} examples, 0 failing"
                )?;
                ExitCode::SUCCESS
            } else {
                // Exit 1, as `check` does for a broken policy: the grammar loaded,
                // but it does not do what its examples say.
                writeln!(
                    out,
                    "grammar check failed: {} of {examples} examples failing ({cues} cues)",
                    failures.len()
                )?;
                ExitCode::from(1)
            }
        }
    };
    out.flush()?;
    Ok(code)
}

/// The manual page on stdout, or every command's page written to `dir`.
fn man(dir: Option<&Path>) -> Result<()> {
    let command = Cli::command();
    let Some(dir) = dir else {
        let mut page = Vec::new();
        clap_mangen::Man::new(command).render(&mut page)?;
        std::io::stdout().write_all(&page)?;
        return Ok(());
    };
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut command = command.disable_help_subcommand(true);
    command.build();
    let mut pages = vec![command];
    while let Some(command) = pages.pop() {
        pages.extend(command.get_subcommands().cloned());
        let man = clap_mangen::Man::new(command);
        let mut page = Vec::new();
        man.render(&mut page)?;
        files::write_atomic(&dir.join(man.get_filename()), &page)?;
    }
    Ok(())
}

/// Whether `paths` may give more than one document (several paths, a folder, a
/// JSONL corpus), known before any is read: then each table is headed with its
/// document's name.
fn several_documents(paths: &[PathBuf], read: ReadOptions) -> bool {
    read.jsonl || paths.len() > 1 || paths.iter().any(|path| path.is_dir() || is_jsonl(path))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    /// Every argument of every command, and every value of a value list, says what
    /// it is for in `--help`, the man page and completions.
    #[test]
    fn every_argument_has_help() {
        let mut missing = Vec::new();
        let mut commands = vec![(String::from("claimtrace"), Cli::command())];
        while let Some((path, command)) = commands.pop() {
            if command.get_about().is_none() && path != "claimtrace" {
                missing.push(format!("{path} (the command)"));
            }
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                if arg.get_help().is_none() {
                    missing.push(format!("{path} {id}"));
                }
                // A flag's true/false and a shell's name say what they are.
                let values = if arg.get_action().takes_values() && id != "shell" {
                    arg.get_possible_values()
                } else {
                    Vec::new()
                };
                for value in values {
                    if value.get_help().is_none() && !value.is_hide_set() {
                        missing.push(format!("{path} {id}={}", value.get_name()));
                    }
                }
            }
            for sub in command.get_subcommands() {
                commands.push((format!("{path} {}", sub.get_name()), sub.clone()));
            }
        }
        assert!(missing.is_empty(), "arguments without help: {missing:#?}");
    }
}
