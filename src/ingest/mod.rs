//! Bytes in, documents out: file discovery, the UTF-8 check and layout roles.

pub mod layout;

use std::path::{Path, PathBuf};

pub use layout::{Block, Role};

use crate::error::Error;

/// A decoded input: its name as given on the command line and its text.
#[derive(Debug, Clone)]
pub struct Input {
    /// The path as the user gave it (or `-` for stdin); goes to `doc` in the output.
    pub name: String,
    pub text: String,
}

/// File extensions read when a folder is given.
const TEXT_EXTENSIONS: &[&str] = &["txt", "md"];

/// Expands files and folders (recursed, sorted, .txt and .md only) into file paths;
/// `-` stays as is and means stdin.
pub fn expand_paths(paths: &[PathBuf]) -> Vec<Result<PathBuf, Error>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" || !path.is_dir() {
            out.push(Ok(path.clone()));
            continue;
        }
        walk(path, &mut out, &mut Vec::new());
    }
    out
}

/// Recurses into `dir`, skipping folders already on the way down (symlink loops).
fn walk(dir: &Path, out: &mut Vec<Result<PathBuf, Error>>, ancestors: &mut Vec<PathBuf>) {
    let canonical = match dir.canonicalize() {
        Ok(canonical) => canonical,
        Err(source) => {
            out.push(Err(Error::Io {
                path: dir.to_path_buf(),
                source,
            }));
            return;
        }
    };
    if ancestors.contains(&canonical) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            out.push(Err(Error::Io {
                path: dir.to_path_buf(),
                source,
            }));
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    ancestors.push(canonical);
    for child in children {
        if child.is_dir() {
            walk(&child, out, ancestors);
        } else if child
            .extension()
            .and_then(|ext| ext.to_str())
            .is_some_and(|ext| TEXT_EXTENSIONS.contains(&ext))
        {
            out.push(Ok(child));
        }
    }
    ancestors.pop();
}

/// Reads one path (or stdin for `-`) and checks it is UTF-8.
pub fn read_input(path: &Path) -> Result<Input, Error> {
    let name = path.display().to_string();
    let bytes = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes).map_err(|source| {
            Error::Io {
                path: path.to_path_buf(),
                source,
            }
        })?;
        bytes
    } else {
        std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?
    };
    let text = decode(&name, bytes)?;
    Ok(Input { name, text })
}

/// Checks that `bytes` are UTF-8; the error names the file and the first bad byte.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|error| Error::InvalidUtf8 {
        path: name.to_string(),
        offset: error.utf8_error().valid_up_to(),
    })
}
