//! Bytes in, documents out: file discovery, input formats (plain text, Markdown,
//! JSONL corpora), the UTF-8 check and layout roles (with the turns of interview
//! transcripts and the dateline and boilerplate of press releases).

pub mod block;
pub mod html;
pub mod jsonl;
pub mod layout;
pub mod markdown;
pub mod original;
pub mod release;
pub mod transcript;

use std::ffi::OsString;
use std::io::BufRead;
use std::path::{Path, PathBuf};

pub use block::{Block, Role, Speaker, Turn};
pub use original::{OffsetMap, Original};

use crate::error::Error;
use crate::grammar::PageRules;

/// What is known about a document besides its text: from a JSONL corpus's fields,
/// or an HTML page's JSON-LD and meta tags.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub publisher: Option<String>,
    pub url: Option<String>,
    /// As the input gave it (an ISO 8601 date or date and time, usually).
    pub date: Option<String>,
    pub title: Option<String>,
    /// The byline's names, ", "-joined.
    pub author: Option<String>,
}

/// A decoded input: its name and its text.
#[derive(Debug, Clone)]
pub struct Input {
    /// The path as the user gave it (`-` for stdin), or the id of a JSONL document;
    /// goes to `doc` in the output.
    pub name: String,
    /// The text the pipeline reads: the file as it is, or an HTML page's text.
    pub text: String,
    /// The bytes `text` was made from, when they differ (see [`Original`]).
    pub original: Option<Box<Original>>,
    pub meta: Metadata,
    /// With `--lossy`: the byte offset of the first invalid sequence replaced (of
    /// UTF-8, or of UTF-16 in a file [`Self::decoded_from`] it).
    pub replaced_invalid_utf8_at: Option<usize>,
    /// The file was UTF-16 (by its byte-order mark) and was decoded: offsets are
    /// into its UTF-8 text, not into the file.
    pub decoded_from: Option<Utf16>,
}

/// The two byte orders of UTF-16, told by the byte-order mark a file opens with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Utf16 {
    Le,
    Be,
}

impl std::fmt::Display for Utf16 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Utf16::Le => "UTF-16LE",
            Utf16::Be => "UTF-16BE",
        })
    }
}

/// How inputs are read.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions<'g> {
    /// Every input is a JSONL corpus, one document per line.
    pub jsonl: bool,
    /// Replace invalid UTF-8 (and say where) instead of refusing the file.
    pub lossy: bool,
    /// Every input is HTML (otherwise: files named .html/.htm, or text that opens
    /// with a doctype or `<html>`).
    pub html: bool,
    /// Which elements of an HTML page are its body, boilerplate or comments by
    /// their attributes (`grammar/page.txt`); none: by tag name only.
    pub page: Option<&'g PageRules>,
}

/// File extensions read when a folder is given.
const TEXT_EXTENSIONS: &[&str] = &["txt", "md", "html", "htm"];

/// How far into a file a NUL byte marks it as binary.
const BINARY_PROBE: usize = 8192;

/// Expands files and folders (recursed, sorted, .txt and .md only) into file paths,
/// lazily: only the folders on the way down are listed at any time, so memory does
/// not grow with the number of files. `-` stays as is and means stdin.
pub fn expand_paths(paths: &[PathBuf]) -> impl Iterator<Item = Result<PathBuf, Error>> {
    Walk {
        roots: paths.iter(),
        folders: Vec::new(),
    }
}

/// A depth-first walk over the given paths.
struct Walk<'p> {
    roots: std::slice::Iter<'p, PathBuf>,
    /// The folders being listed, outermost first: each one's canonical path (to
    /// skip symlink loops) and its children not yet visited, sorted by file name.
    folders: Vec<(PathBuf, std::vec::IntoIter<Child>)>,
}

/// An entry of a folder being walked.
struct Child {
    /// Its file name, the sort key: siblings differ in nothing else.
    name: OsString,
    path: PathBuf,
    is_folder: bool,
}

impl Walk<'_> {
    /// Starts listing `dir`; an error when it cannot be read.
    fn enter(&mut self, dir: &Path) -> Result<(), Error> {
        let io = |source| Error::Io {
            path: dir.to_path_buf(),
            source,
        };
        let canonical = dir.canonicalize().map_err(io)?;
        if self
            .folders
            .iter()
            .any(|(ancestor, _)| *ancestor == canonical)
        {
            return Ok(());
        }
        // Sorting by file name orders siblings as sorting whole paths would. The
        // names are taken once from the entries, not parsed back out of each path
        // at every comparison.
        let mut children: Vec<Child> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|entry| {
                entry.ok().map(|entry| Child {
                    name: entry.file_name(),
                    path: entry.path(),
                    is_folder: is_folder(&entry),
                })
            })
            .collect();
        // Names in a folder are unique, so an unstable sort orders them fully.
        children.sort_unstable_by(|a, b| a.name.cmp(&b.name));
        self.folders.push((canonical, children.into_iter()));
        Ok(())
    }
}

impl Iterator for Walk<'_> {
    type Item = Result<PathBuf, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let Some((_, children)) = self.folders.last_mut() else {
                let root = self.roots.next()?;
                if root.as_os_str() == "-" || !root.is_dir() {
                    return Some(Ok(root.clone()));
                }
                if let Err(error) = self.enter(root) {
                    return Some(Err(error));
                }
                continue;
            };
            let Some(Child {
                path: child,
                is_folder,
                ..
            }) = children.next()
            else {
                self.folders.pop();
                continue;
            };
            if is_folder {
                if let Err(error) = self.enter(&child) {
                    return Some(Err(error));
                }
            } else if child
                .extension()
                .and_then(|ext| ext.to_str())
                .is_some_and(|ext| TEXT_EXTENSIONS.contains(&ext))
            {
                return Some(Ok(child));
            }
        }
    }
}

/// Whether a listed entry is a folder, following symlinks. The listing itself
/// says so for everything but symlinks: a corpus of thousands of files needs no
/// `stat` per file.
fn is_folder(entry: &std::fs::DirEntry) -> bool {
    match entry.file_type() {
        Ok(file_type) if !file_type.is_symlink() => file_type.is_dir(),
        _ => entry.path().is_dir(),
    }
}

/// A document of the input, read or not yet.
#[derive(Debug)]
pub enum PendingInput {
    /// A file (or stdin for `-`) that [`PendingInput::read`] reads: whichever
    /// thread extracts the document reads it too.
    File(PathBuf),
    /// A document already read (a line of a JSONL corpus), or why it could not be.
    Ready(Result<Input, Error>),
}

impl PendingInput {
    /// The decoded document.
    pub fn read(self, options: ReadOptions<'_>) -> Result<Input, Error> {
        match self {
            PendingInput::File(path) => read_input(&path, options),
            PendingInput::Ready(input) => input,
        }
    }
}

/// Every document of `paths`, lazily and in order: a file or stdin is one document,
/// a JSONL corpus one per line (read line by line here, so a pipe streams).
pub fn inputs(paths: &[PathBuf], options: ReadOptions<'_>) -> impl Iterator<Item = PendingInput> {
    expand_paths(paths).flat_map(move |path| -> Box<dyn Iterator<Item = PendingInput>> {
        match path {
            Err(error) => Box::new(std::iter::once(PendingInput::Ready(Err(error)))),
            Ok(path) if options.jsonl || is_jsonl(&path) => {
                Box::new(jsonl_inputs(path).map(PendingInput::Ready))
            }
            Ok(path) => Box::new(std::iter::once(PendingInput::File(path))),
        }
    })
}

/// Whether a path names a JSONL corpus (`.jsonl`), read one document per line
/// without `--input-format jsonl`. Folders are not searched for them: a folder of
/// articles may well hold the records `extract --format jsonl` wrote.
pub fn is_jsonl(path: &Path) -> bool {
    has_extension(path, &["jsonl"])
}

/// Whether `path` ends in one of `extensions` (any case).
fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| {
            extensions
                .iter()
                .any(|known| ext.eq_ignore_ascii_case(known))
        })
}

/// The documents of one JSONL corpus, one per line.
fn jsonl_inputs(path: PathBuf) -> Box<dyn Iterator<Item = Result<Input, Error>>> {
    let name = path.display().to_string();
    let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
        Box::new(std::io::BufReader::new(std::io::stdin()))
    } else {
        match std::fs::File::open(&path) {
            Ok(file) => Box::new(std::io::BufReader::new(file)),
            Err(source) => return Box::new(std::iter::once(Err(Error::Io { path, source }))),
        }
    };
    Box::new(
        reader
            .split(b'\n')
            .enumerate()
            .filter_map(move |(index, line)| {
                let number = index + 1;
                let line = match line {
                    Ok(line) => line,
                    Err(source) => {
                        return Some(Err(Error::Io {
                            path: PathBuf::from(&name),
                            source,
                        }));
                    }
                };
                match String::from_utf8(line) {
                    Ok(line) => jsonl::parse_line(&name, number, &line),
                    Err(error) => Some(Err(Error::Jsonl {
                        path: name.clone(),
                        line: number,
                        message: format!(
                            "invalid UTF-8 at byte {} of the line",
                            error.utf8_error().valid_up_to()
                        ),
                    })),
                }
            }),
    )
}

/// Reads one path (or stdin for `-`), checks it is text, and projects HTML.
pub fn read_input(path: &Path, options: ReadOptions<'_>) -> Result<Input, Error> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let bytes = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes).map_err(io)?;
        bytes
    } else {
        std::fs::read(path).map_err(io)?
    };
    read_bytes(&path.display().to_string(), bytes, options)
}

/// Reads one document from `bytes`, as [`read_input`] reads a file: `name` goes to
/// the output, and its extension says whether the text is HTML (`.html`, `.htm`)
/// or Markdown (`.md`, `.markdown`); HTML is also recognised by its doctype.
pub fn read_bytes(name: &str, bytes: Vec<u8>, options: ReadOptions<'_>) -> Result<Input, Error> {
    let mut input = decode(name, bytes, options.lossy)?;
    let path = Path::new(name);
    if options.html || has_extension(path, &["html", "htm"]) || html::looks_like_html(&input.text) {
        let page = html::project(name, std::mem::take(&mut input.text), options.page)?;
        input.text = page.text;
        input.original = Some(Box::new(page.original));
        input.meta = page.meta;
    } else if has_extension(path, &["md", "markdown"])
        && let Some((text, original)) = markdown::strip_emphasis(&input.text)
    {
        input.text = text;
        input.original = Some(Box::new(original));
    }
    Ok(input)
}

/// Checks that `bytes` are text: UTF-8 (the error names the file and the first bad
/// byte; `lossy` replaces bad sequences instead) with no NUL byte near the start.
/// A file that opens with a UTF-16 byte-order mark is decoded from UTF-16.
pub fn decode(name: &str, bytes: Vec<u8>, lossy: bool) -> Result<Input, Error> {
    if let Some(order) = utf16_order(&bytes) {
        let (text, replaced_invalid_utf8_at) = decode_utf16(name, &bytes[2..], order, lossy)?;
        return Ok(Input {
            name: name.to_string(),
            text,
            original: None,
            meta: Metadata::default(),
            replaced_invalid_utf8_at,
            decoded_from: Some(order),
        });
    }
    // `contains` on bytes is a vectorised memchr; the byte loop only runs on binary.
    let probe = &bytes[..bytes.len().min(BINARY_PROBE)];
    if probe.contains(&0)
        && let Some(offset) = probe.iter().position(|&byte| byte == 0)
    {
        return Err(Error::Binary {
            path: name.to_string(),
            offset,
        });
    }
    let (text, replaced_invalid_utf8_at) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(error) if lossy => {
            let offset = error.utf8_error().valid_up_to();
            (
                String::from_utf8_lossy(error.as_bytes()).into_owned(),
                Some(offset),
            )
        }
        Err(error) => {
            return Err(Error::InvalidUtf8 {
                path: name.to_string(),
                offset: error.utf8_error().valid_up_to(),
            });
        }
    };
    Ok(Input {
        name: name.to_string(),
        text,
        original: None,
        meta: Metadata::default(),
        replaced_invalid_utf8_at,
        decoded_from: None,
    })
}

/// The byte order a UTF-16 byte-order mark at the start of `bytes` gives.
fn utf16_order(bytes: &[u8]) -> Option<Utf16> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(Utf16::Le),
        [0xFE, 0xFF, ..] => Some(Utf16::Be),
        _ => None,
    }
}

/// UTF-16 code units (after the byte-order mark) as UTF-8 text. An unpaired
/// surrogate or a last odd byte is refused with its offset in the file, or with
/// `lossy` replaced by U+FFFD (the first one's offset returned).
fn decode_utf16(
    name: &str,
    body: &[u8],
    order: Utf16,
    lossy: bool,
) -> Result<(String, Option<usize>), Error> {
    let units = body.chunks_exact(2).map(|pair| match order {
        Utf16::Le => u16::from_le_bytes([pair[0], pair[1]]),
        Utf16::Be => u16::from_be_bytes([pair[0], pair[1]]),
    });
    let mut text = String::with_capacity(body.len());
    let mut first_bad = None;
    // Offsets count the mark's two bytes, as offsets into the file do.
    let mut offset = 2;
    for decoded in char::decode_utf16(units) {
        let (c, width) = match decoded {
            Ok(c) => (c, 2 * c.len_utf16()),
            Err(_) => {
                first_bad.get_or_insert(offset);
                (char::REPLACEMENT_CHARACTER, 2)
            }
        };
        text.push(c);
        offset += width;
    }
    if body.len() % 2 == 1 {
        first_bad.get_or_insert(offset);
        text.push(char::REPLACEMENT_CHARACTER);
    }
    match first_bad {
        Some(offset) if !lossy => Err(Error::InvalidUtf16 {
            path: name.to_string(),
            encoding: order.to_string(),
            offset,
        }),
        bad => Ok((text, bad)),
    }
}
