//! Where a byte offset is for people: its line and column, 1-based, columns
//! counted in characters (what an editor's status bar and `file:line:col` show).

use serde::{Deserialize, Serialize};

use crate::swar;

/// A 1-based line and column (in characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct LineCol {
    pub line: usize,
    pub col: usize,
}

impl std::fmt::Display for LineCol {
    /// `line:col`, as in `file:line:col`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// The line and column of byte `offset` of `text`. An offset inside a character
/// counts as that character; one past the end is the end of the text. Every
/// `file:line:col` claimtrace prints comes from here (or from [`LineCursor`], which
/// gives the same answers for many offsets in one pass).
pub fn line_col(text: &str, offset: usize) -> LineCol {
    LineCursor::default().line_col(text, offset)
}

/// [`line_col`] for many offsets of one text, in one pass when they come in
/// order: it remembers where it stopped, so the records of a document (in text
/// order) cost one walk over the text, not one from the start per record. An
/// offset before the last one asked starts again from the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCursor {
    /// The byte offset reached, on a character boundary.
    offset: usize,
    at: LineCol,
}

impl Default for LineCursor {
    fn default() -> Self {
        LineCursor {
            offset: 0,
            at: LineCol { line: 1, col: 1 },
        }
    }
}

impl LineCursor {
    /// The line and column of byte `offset` of `text` (always the same text for one
    /// cursor).
    pub fn line_col(&mut self, text: &str, offset: usize) -> LineCol {
        let mut target = offset.min(text.len());
        while !text.is_char_boundary(target) {
            target -= 1;
        }
        if target < self.offset {
            *self = LineCursor::default();
        }
        let between = &text.as_bytes()[self.offset..target];
        // The last newline, then the count of those before it: memchr, as the
        // layout finds a text's lines.
        match memchr::memrchr(b'\n', between) {
            Some(last) => {
                self.at.line += 1 + memchr::memchr_iter(b'\n', &between[..last]).count();
                self.at.col = 1 + chars_in(&between[last + 1..]);
            }
            None => self.at.col += chars_in(between),
        }
        self.offset = target;
        self.at
    }
}

/// Cursors left every [`LINE_MARK_BYTES`] along a text, so that the line and column
/// of any offset can be found walking at most that far: the sections of a long
/// document are rendered on several threads, each from the mark before its first
/// claim, and only this one walk over the text is made in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineMarks {
    /// Cursors at about every `every` bytes, the first at the start.
    marks: Vec<LineCursor>,
    every: usize,
}

/// How far apart [`LineMarks`] are: a section is 256 KB or more, so the walk from
/// the mark to its first claim adds a few percent.
pub const LINE_MARK_BYTES: usize = 16 * 1024;

impl LineMarks {
    /// Marks along `text`, [`LINE_MARK_BYTES`] apart.
    pub fn new(text: &str) -> Self {
        Self::every(text, LINE_MARK_BYTES)
    }

    /// Marks along `text`, `every` bytes apart (at least 1).
    pub fn every(text: &str, every: usize) -> Self {
        let every = every.max(1);
        let mut cursor = LineCursor::default();
        let marks = (0..=text.len() / every)
            .map(|index| {
                cursor.line_col(text, index * every);
                cursor
            })
            .collect();
        LineMarks { marks, every }
    }

    /// A cursor on `text` (the text the marks were made along) at or before
    /// `offset`, for offsets from `offset` on.
    pub fn cursor_before(&self, offset: usize) -> LineCursor {
        // A mark rounded down to a character boundary stands at or before its place.
        let index = (offset / self.every).min(self.marks.len().saturating_sub(1));
        self.marks.get(index).copied().unwrap_or_default()
    }
}

/// The characters in UTF-8 `bytes` that start and end on character boundaries:
/// every byte but continuation bytes starts one.
fn chars_in(bytes: &[u8]) -> usize {
    let mut words = bytes.chunks_exact(8);
    let continuations: usize = words
        .by_ref()
        .map(|word| {
            let word = u64::from_le_bytes(word.try_into().expect("eight bytes"));
            swar::count_marked(swar::continuation_mask(word))
        })
        .sum();
    let tail = words
        .remainder()
        .iter()
        .filter(|&&byte| is_continuation(byte));
    bytes.len() - continuations - tail.count()
}

/// True for a byte that continues a UTF-8 character (`10xxxxxx`).
fn is_continuation(byte: u8) -> bool {
    byte & 0xC0 == 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    /// text, byte offset -> line, column.
    #[test]
    fn positions() {
        let table: &[(&str, usize, (usize, usize))] = &[
            ("", 0, (1, 1)),
            ("abc", 0, (1, 1)),
            ("abc", 2, (1, 3)),
            ("abc", 3, (1, 4)),
            ("abc", 99, (1, 4)),
            ("ab\ncd", 3, (2, 1)),
            ("ab\ncd", 2, (1, 3)),
            ("ab\n\ncd", 5, (3, 2)),
            // Columns count characters: "é" is two bytes, "中" three, "🙂" four.
            ("é中🙂x", 9, (1, 4)),
            ("é中🙂x", 10, (1, 5)),
            // Inside a character: that character.
            ("é中", 3, (1, 2)),
            ("a\r\nb", 3, (2, 1)),
        ];
        for &(text, offset, (line, col)) in table {
            assert_eq!(
                line_col(text, offset),
                LineCol { line, col },
                "{text:?} at {offset}"
            );
        }
    }

    proptest::proptest! {
        /// Characters counted eight bytes at a time are those counted one at a time.
        #[test]
        fn counting_by_words_agrees_with_counting_by_bytes(text in "(?s)[a\né中🙂\n ]{0,40}") {
            proptest::prop_assert_eq!(chars_in(text.as_bytes()), text.chars().count());
        }

        /// A cursor taken from the marks gives, from there on, what counting from
        /// the start gives.
        #[test]
        fn a_cursor_from_the_marks_agrees_with_counting_from_the_start(
            text in "(?s)[a\né中\n ]{0,80}",
            every in 1usize..20,
            offset in 0usize..90,
            later in proptest::collection::vec(0usize..30, 0..4),
        ) {
            let marks = LineMarks::every(&text, every);
            let mut cursor = marks.cursor_before(offset);
            let mut offset = offset;
            for step in std::iter::once(0).chain(later) {
                offset += step;
                proptest::prop_assert_eq!(cursor.line_col(&text, offset), line_col(&text, offset));
            }
        }

        /// Offsets in any order give what counting from the start gives.
        #[test]
        fn a_cursor_agrees_with_counting_from_the_start(
            text in "(?s)[a\né中\n ]{0,60}",
            offsets in proptest::collection::vec(0usize..70, 0..12),
        ) {
            let mut cursor = LineCursor::default();
            for offset in offsets {
                let mut target = offset.min(text.len());
                while !text.is_char_boundary(target) {
                    target -= 1;
                }
                let before = &text[..target];
                let line = 1 + before.matches('\n').count();
                let col = 1 + before.rsplit('\n').next().unwrap_or("").chars().count();
                proptest::prop_assert_eq!(cursor.line_col(&text, offset), LineCol { line, col });
            }
        }
    }
}
