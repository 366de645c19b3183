//! The bytes a document was read from, when its text is not those bytes as they
//! are: an HTML page's text has its markup taken out, its character references
//! decoded and its whitespace folded; a Markdown file's its emphasis marks taken
//! out. The pipeline reads the text people would read, with no padding in it, and
//! [`OffsetMap`] takes every offset back to the original bytes, where records point.

/// The original bytes of a document, and how its text maps back onto them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Original {
    /// The file as read (UTF-8): `line`/`col` are counted here.
    pub text: String,
    pub map: OffsetMap,
}

/// Text offsets to original offsets. The text is made of runs, each standing for a
/// stretch of the original: copied as is (the same bytes, offsets move together),
/// or replaced (a character reference by its character, a tag by a paragraph
/// break, a run of spaces by one); removed markup lies between runs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    runs: Vec<Run>,
    /// The text's length: where the last run ends.
    text_len: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    /// Where the run starts in the text; it ends where the next one starts.
    text: usize,
    /// The stretch of the original it stands for.
    source: usize,
    source_end: usize,
    /// Copied as is: text and original advance together.
    copied: bool,
}

impl OffsetMap {
    /// Where a span starting at text offset `at` starts in the original: after any
    /// markup removed before it.
    pub fn start(&self, at: usize) -> usize {
        let index = self.runs.partition_point(|run| run.text <= at);
        match index.checked_sub(1).map(|index| self.runs[index]) {
            None => self.runs.first().map_or(at, |run| run.source),
            Some(run) if run.copied => (run.source + (at - run.text)).min(run.source_end),
            // At the very end, after a replacement: after it.
            Some(run) if at >= self.text_len && at > run.text => run.source_end,
            // At or inside a replacement (a paragraph break's second newline): all of it.
            Some(run) => run.source,
        }
    }

    /// Where a span ending at text offset `at` ends in the original: before any
    /// markup removed after it.
    pub fn end(&self, at: usize) -> usize {
        let index = self.runs.partition_point(|run| run.text < at);
        match index.checked_sub(1).map(|index| self.runs[index]) {
            None => self.runs.first().map_or(at, |run| run.source),
            Some(run) if run.copied => (run.source + (at - run.text)).min(run.source_end),
            Some(run) => run.source_end,
        }
    }

    /// The text's length in bytes.
    pub fn text_len(&self) -> usize {
        self.text_len
    }

    /// The original span of text span `start..end`; an empty span stays empty.
    pub fn span(&self, start: usize, end: usize) -> (usize, usize) {
        let from = self.start(start);
        if end <= start {
            return (from, from);
        }
        (from, self.end(end).max(from))
    }
}

/// Builds a text run by run, with its [`OffsetMap`]: the projections of HTML and
/// Markdown write through it, so the map cannot disagree with the text.
#[derive(Debug, Default)]
pub struct TextBuilder {
    text: String,
    runs: Vec<Run>,
}

impl TextBuilder {
    /// An empty text with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        TextBuilder {
            text: String::with_capacity(capacity),
            runs: Vec::new(),
        }
    }

    /// The text so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Appends `piece`, the original's bytes at `source` copied as they are.
    pub fn copy(&mut self, source: usize, piece: &str) {
        if piece.is_empty() {
            return;
        }
        let source_end = source + piece.len();
        match self.runs.last_mut() {
            // Extends the last run when it is a copy ending right there.
            Some(last)
                if last.copied
                    && last.source_end == source
                    && self.text.len() - last.text == last.source_end - last.source =>
            {
                last.source_end = source_end;
            }
            _ => self.runs.push(Run {
                text: self.text.len(),
                source,
                source_end,
                copied: true,
            }),
        }
        self.text.push_str(piece);
    }

    /// Appends `piece`, standing for the original's bytes `source..source_end` (a
    /// character reference's character, a tag's paragraph break).
    pub fn replace(&mut self, source: usize, source_end: usize, piece: &str) {
        if piece.is_empty() {
            return;
        }
        self.runs.push(Run {
            text: self.text.len(),
            source,
            source_end,
            copied: false,
        });
        self.text.push_str(piece);
    }

    /// The text and its map to `original`.
    pub fn finish(self, original: String) -> (String, Original) {
        let map = OffsetMap {
            text_len: self.text.len(),
            runs: self.runs,
        };
        (
            self.text,
            Original {
                text: original,
                map,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `The <b>plan</b> weren&rsquo;t` as the HTML projection writes it.
    fn plan() -> (String, Original) {
        let source = "The <b>plan</b> weren&rsquo;t";
        let mut builder = TextBuilder::default();
        builder.copy(0, "The ");
        builder.copy(7, "plan");
        builder.copy(15, " weren");
        builder.replace(21, 28, "’");
        builder.copy(28, "t");
        builder.finish(source.to_string())
    }

    #[test]
    fn spans_map_to_the_original_without_the_markup_around_them() {
        let (text, original) = plan();
        assert_eq!(text, "The plan weren’t");
        let map = &original.map;
        let slice = |start: usize, end: usize| {
            let (from, to) = map.span(start, end);
            &original.text[from..to]
        };
        // text span -> original bytes
        let table = [
            ("The", "The"),
            ("plan", "plan"),
            ("The plan", "The <b>plan"),
            ("plan weren", "plan</b> weren"),
            ("weren’t", "weren&rsquo;t"),
            ("’", "&rsquo;"),
            ("t", "t"),
            ("The plan weren’t", "The <b>plan</b> weren&rsquo;t"),
        ];
        for (piece, want) in table {
            let start = text.find(piece).unwrap();
            assert_eq!(slice(start, start + piece.len()), want, "{piece}");
        }
        assert_eq!(map.span(4, 4), (7, 7));
        assert_eq!(map.text_len(), text.len());
    }

    #[test]
    fn copies_that_follow_on_are_one_run() {
        let mut builder = TextBuilder::default();
        builder.copy(0, "ab");
        builder.copy(2, "cd");
        builder.copy(5, "e");
        let (text, original) = builder.finish("abcd-e".into());
        assert_eq!(text, "abcde");
        assert_eq!(original.map.runs.len(), 2);
        assert_eq!(original.map.span(0, 5), (0, 6));
    }

    proptest::proptest! {
        /// Any text made of copies and replacements maps every span to one inside
        /// the original, in order, and a copied span to the same bytes.
        #[test]
        fn every_span_maps_inside_the_original_in_order(
            pieces in proptest::collection::vec((0usize..4, "[a-z ]{0,5}", proptest::bool::ANY), 0..12),
            start in 0usize..80,
            len in 0usize..80,
        ) {
            let mut builder = TextBuilder::default();
            let mut original = String::new();
            for (gap, piece, copied) in &pieces {
                original.push_str(&"<".repeat(*gap));
                let at = original.len();
                if *copied {
                    original.push_str(piece);
                    builder.copy(at, piece);
                } else {
                    original.push_str("&x;");
                    builder.replace(at, at + 3, piece);
                }
            }
            let (text, original) = builder.finish(original);
            let start = start.min(text.len());
            let end = (start + len).min(text.len());
            let (from, to) = original.map.span(start, end);
            proptest::prop_assert!(from <= to && to <= original.text.len());
            let (later, _) = original.map.span(end, end);
            proptest::prop_assert!(from <= later);
        }
    }
}
