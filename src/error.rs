//! Typed errors of the library; the binary wraps them in `anyhow`.

use std::path::PathBuf;

/// Everything the library can refuse.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input bytes that are not UTF-8.
    #[error("{path}: invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 { path: String, offset: usize },

    /// A UTF-16 file (by its byte-order mark) that does not decode.
    #[error("{path}: invalid {encoding} at byte offset {offset}")]
    InvalidUtf16 {
        path: String,
        encoding: String,
        offset: usize,
    },

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

    /// Output that could not be written: a closed pipe, a full disk.
    #[error(transparent)]
    Write(#[from] std::io::Error),

    /// A value that could not be written as JSON.
    #[error(transparent)]
    Json(#[from] serde_json::Error),

    /// A value that could not be written as YAML.
    #[error(transparent)]
    Yaml(#[from] serde_yaml::Error),

    /// A file or folder that could not be read.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// Whether this is a write to a pipe whose reader has gone (`claimtrace … | head`):
    /// not a failure of the run.
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            Error::Write(error) => error.kind() == std::io::ErrorKind::BrokenPipe,
            Error::Json(error) => error.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe),
            _ => false,
        }
    }
}

/// Result with the library's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;
