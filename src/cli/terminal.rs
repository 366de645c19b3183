//! What the command line asks of the terminal: how wide tables may be.

use std::io::IsTerminal;

/// The width to fit tables to: `--width N` when given (0: no limit), else the
/// terminal's when stdout is one — `COLUMNS` when it is set, as clap's help and
/// `ls` read it, else the terminal's own size — and no limit for pipes and files,
/// which get every table whole.
pub fn table_width(requested: Option<u16>) -> Option<u16> {
    match requested {
        Some(0) => None,
        Some(width) => Some(width),
        // A terminal that reports no width (0, as a bare pseudo-terminal may)
        // gets every table whole, as a pipe does.
        None if std::io::stdout().is_terminal() => std::env::var("COLUMNS")
            .ok()
            .and_then(|columns| columns.trim().parse::<u16>().ok())
            .filter(|&columns| columns > 0)
            .or_else(|| {
                terminal_size::terminal_size_of(std::io::stdout())
                    .map(|(width, _)| width.0)
                    .filter(|&width| width > 0)
            }),
        None => None,
    }
}
