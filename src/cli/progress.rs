//! A progress bar on stderr for long batches on a terminal (indicatif): hidden
//! for the first second, so short runs print nothing, and never drawn where
//! stderr is not a terminal. Warnings go through it, so they print above it.

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use claimtrace::ingest::{ReadOptions, expand_paths, is_jsonl};

/// How long a batch runs before its bar is shown.
const SHOWN_AFTER: Duration = Duration::from_secs(1);

/// How often a shown bar is redrawn, documents or not.
const REDRAWN_EVERY: Duration = Duration::from_millis(120);

/// Whether a command may draw a bar: stderr is a terminal, and stdout either is
/// not one or gets nothing until the end (`prints_at_end`), as a bar redrawn
/// between lines of output would garble them.
pub fn wanted(prints_at_end: bool) -> bool {
    std::io::stderr().is_terminal() && (prints_at_end || !std::io::stdout().is_terminal())
}

/// The bar of one batch; [`Progress::off`] draws nothing.
pub struct Progress {
    bar: ProgressBar,
    /// Ends the wait before the bar is shown.
    done: Option<mpsc::Sender<()>>,
    /// The thread that shows the bar after a while.
    show: Option<JoinHandle<()>>,
}

impl Progress {
    /// No bar: warnings go straight to stderr.
    pub fn off() -> Self {
        Progress {
            bar: ProgressBar::hidden(),
            done: None,
            show: None,
        }
    }

    /// A bar over the documents of `paths`, counted meanwhile on a thread of its
    /// own (stdin cannot be counted: the bar then counts up without an end).
    pub fn start(paths: &[PathBuf], read: ReadOptions<'_>) -> Self {
        let jsonl = read.jsonl;
        let bar = ProgressBar::hidden().with_style(counting());
        let (done, waiting) = mpsc::channel::<()>();
        let shown = bar.clone();
        let show = std::thread::spawn(move || {
            if waiting.recv_timeout(SHOWN_AFTER) == Err(mpsc::RecvTimeoutError::Timeout) {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.enable_steady_tick(REDRAWN_EVERY);
            }
        });
        let counted = bar.clone();
        let paths = paths.to_vec();
        // Not waited for: walking a large folder may take longer than the batch.
        std::thread::spawn(move || {
            if let Some(total) = count_documents(&paths, jsonl) {
                counted.set_length(total);
                counted.set_style(measured());
            }
        });
        Progress {
            bar,
            done: Some(done),
            show: Some(show),
        }
    }

    /// One more document done.
    pub fn tick(&self) {
        self.bar.inc(1);
    }

    /// Prints `message` on stderr above the bar.
    pub fn warn(&self, message: &str) {
        self.bar.suspend(|| eprintln!("{message}"));
    }

    /// Removes the bar, so that what the command prints next starts clean.
    pub fn finish(mut self) {
        // Wakes the thread waiting to show the bar, so that it cannot show it
        // once it is cleared.
        self.done.take();
        if let Some(show) = self.show.take() {
            let _ = show.join();
        }
        self.bar.finish_and_clear();
    }
}

/// "⠋ 120 documents · 45/s · 3s", before the total is known.
fn counting() -> ProgressStyle {
    ProgressStyle::with_template("{spinner} {pos} documents · {per_sec} · {elapsed}")
        .expect("a valid template")
}

/// "⠋ [#####     ] 120/840 documents · 45/s · 16s left".
fn measured() -> ProgressStyle {
    ProgressStyle::with_template(
        "{spinner} [{wide_bar}] {pos}/{len} documents · {per_sec} · {eta} left",
    )
    .expect("a valid template")
    .progress_chars("=> ")
}

/// How many documents `paths` hold: a file each, a line each in a JSONL corpus;
/// `None` for stdin. Unreadable files count one (they are reported as one).
fn count_documents(paths: &[PathBuf], jsonl: bool) -> Option<u64> {
    let mut total = 0;
    for path in expand_paths(paths) {
        let Ok(path) = path else {
            total += 1;
            continue;
        };
        if path.as_os_str() == "-" {
            return None;
        }
        if jsonl || is_jsonl(&path) {
            let lines = std::fs::File::open(&path).map(|file| {
                std::io::BufReader::new(file)
                    .split(b'\n')
                    .map_while(Result::ok)
                    .filter(|line| !line.trim_ascii().is_empty())
                    .count()
            });
            total += lines.map_or(1, |lines| lines as u64);
        } else {
            total += 1;
        }
    }
    Some(total)
}
