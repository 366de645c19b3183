//! Byte ranges into the original input.

use serde::Serialize;

/// A byte range `start..end` into the original input, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (end exclusive).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Number of bytes covered.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers no byte.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// True when `other` lies inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers, or "" when it does not fit `text`.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// The 1-based line and column (in characters, as editors count them) of byte
/// `offset` of `text`. An offset inside a character counts from that character;
/// one past the end, from the end.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineCols::new(text).at(offset)
}

/// [`line_col`] for many offsets of one text: each answer scans on from the
/// previous one, so offsets asked in increasing order cost one pass over the text
/// (a text with no line breaks has one very long line).
#[derive(Debug, Clone)]
pub struct LineCols<'t> {
    text: &'t str,
    offset: usize,
    line: usize,
    col: usize,
}

impl<'t> LineCols<'t> {
    /// Positions in `text`, starting at its first byte.
    pub fn new(text: &'t str) -> Self {
        LineCols {
            text,
            offset: 0,
            line: 1,
            col: 1,
        }
    }

    /// The line and column of byte `offset`, as [`line_col`] gives them.
    pub fn at(&mut self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset < self.offset {
            *self = LineCols::new(self.text);
        }
        let passed = &self.text[self.offset..offset];
        match passed.rfind('\n') {
            Some(last) => {
                self.line += passed.bytes().filter(|&b| b == b'\n').count();
                self.col = 1 + passed[last + 1..].chars().count();
            }
            None => self.col += passed.chars().count(),
        }
        self.offset = offset;
        (self.line, self.col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        let text = "ab\n“é” x\n\nlast";
        // (offset, line, col): ASCII, after a newline, after multibyte characters,
        // inside one, an empty line, the end and past it.
        let cases = [
            (0, 1, 1),
            (2, 1, 3),
            (3, 2, 1),
            (6, 2, 2),
            (7, 2, 2),
            (12, 2, 5),
            (14, 3, 1),
            (15, 4, 1),
            (19, 4, 5),
            (99, 4, 5),
        ];
        for (offset, line, col) in cases {
            assert_eq!(line_col(text, offset), (line, col), "offset {offset}");
        }
        // Asked in any order, the cursor gives the same answers.
        let mut cursor = LineCols::new(text);
        for &(offset, line, col) in cases.iter().rev().chain(&cases) {
            assert_eq!(cursor.at(offset), (line, col), "offset {offset}");
        }
    }
}
