//! Typed errors of the library; the binary wraps them in `anyhow`.

use std::path::PathBuf;

/// Everything the library can refuse.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input bytes that are not UTF-8.
    #[error("{path}: invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 { path: String, offset: usize },

    /// A grammar file that does not parse or does not make sense.
    #[error("{file}:{line}: {message}")]
    Grammar {
        file: String,
        line: usize,
        message: String,
    },

    /// A line of a JSONL corpus that is not a document.
    #[error("{path}:{line}: {message}")]
    Jsonl {
        path: String,
        line: usize,
        message: String,
    },

    /// An HTML document the parser refused.
    #[error("{path}: not readable as HTML: {message}")]
    Html { path: String, message: String },

    /// A file that holds binary data, not text.
    #[error("{path}: binary file (NUL byte at offset {offset}), skipped")]
    Binary { path: String, offset: usize },

    /// A file or folder that could not be read.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Result with the library's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;
