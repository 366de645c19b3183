//! Quotation spans: straight and curly double quotes, nested and unclosed.

use super::token::{Token, TokenKind};
use crate::span::Span;

/// A top-level quotation in a block, with its marks; `closed` is false when the
/// block ends inside it (a quote that goes on in the next paragraph).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    pub span: Span,
    pub closed: bool,
}

/// A block's top-level quotations, sorted and never overlapping.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quotes(Vec<Quote>);

impl Quotes {
    /// The quotes that share a byte with `span`, found by binary search.
    pub fn overlapping(&self, span: Span) -> &[Quote] {
        let first = self.0.partition_point(|quote| quote.span.end <= span.start);
        let last = self.0.partition_point(|quote| quote.span.start < span.end);
        &self.0[first..last.max(first)]
    }

    /// The quotation that opens at byte `start`.
    pub fn opening_at(&self, start: usize) -> Option<Span> {
        self.overlapping(Span::new(start, start + 1))
            .iter()
            .find(|quote| quote.span.start == start)
            .map(|quote| quote.span)
    }

    /// The quotation that closes at byte `end` (exclusive).
    pub fn closing_at(&self, end: usize) -> Option<Span> {
        self.overlapping(Span::new(end.saturating_sub(1), end))
            .iter()
            .find(|quote| quote.span.end == end)
            .map(|quote| quote.span)
    }
}

/// The longest quotation taken as one, in bytes. A paragraph of news is a few
/// KB (2.6 KB at most in PolNeAR train); a quote that runs on for longer is a
/// mark left open, and every claim that ends at its close would copy it: in one
/// 3.9 MB paragraph, that made 112 MB of output.
pub const MAX_QUOTE_BYTES: usize = 16 * 1024;

/// Finds the top-level double-quoted spans among a block's tokens.
pub fn find_quotes(text: &str, tokens: &[Token]) -> Quotes {
    let marks: Vec<usize> = (0..tokens.len())
        .filter(|&index| tokens[index].is_double_quote())
        .collect();
    find_quotes_at(text, tokens, &marks)
}

/// [`find_quotes`], given `marks`: the indices of the tokens that are
/// double quotation marks, in order. Only those are looked at. A runaway quote is
/// still dropped as if every token were: its length only grows token by token,
/// so it is caught at the next mark, or at the block's end.
pub fn find_quotes_at(text: &str, tokens: &[Token], marks: &[usize]) -> Quotes {
    let mut quotes = Vec::new();
    let mut depth = 0usize;
    let mut open_at = 0;
    for &index in marks {
        let token = &tokens[index];
        let TokenKind::Punct(mark) = token.kind else {
            continue;
        };
        if depth > 0 && token.span.end - open_at > MAX_QUOTE_BYTES {
            // A runaway quote: its opening mark is taken for a stray one.
            depth = 0;
        }
        let opens = match mark {
            // “Apparently not,“ he said: an opening mark glued to the word before it,
            // with a space after, is a mistyped closing one.
            '“' => depth == 0 || !closes_like_a_closing_mark(text, tokens, index),
            '„' | '«' => true,
            '”' | '»' => false,
            '"' => straight_quote_opens(text, tokens, index, depth),
            _ => continue,
        };
        if opens {
            if depth == 0 {
                open_at = token.span.start;
            }
            depth += 1;
        } else if depth > 0 {
            depth -= 1;
            if depth == 0 {
                quotes.push(Quote {
                    span: Span::new(open_at, token.span.end),
                    closed: true,
                });
            }
        }
    }
    if depth > 0
        && let Some(last) = tokens.last()
        && last.span.end - open_at <= MAX_QUOTE_BYTES
    {
        quotes.push(Quote {
            span: Span::new(open_at, last.span.end),
            closed: false,
        });
    }
    Quotes(quotes)
}

/// True when the mark at `index` is glued to what precedes it and followed by space
/// or the end of the text.
fn closes_like_a_closing_mark(text: &str, tokens: &[Token], index: usize) -> bool {
    let span = tokens[index].span;
    let glued_before = text[..span.start]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace());
    let space_after = text[span.end..]
        .chars()
        .next()
        .is_none_or(char::is_whitespace);
    glued_before && space_after
}

/// A straight quote opens when nothing but space or an opening bracket stands before
/// it, or when no quote is open and a word follows it at once.
fn straight_quote_opens(text: &str, tokens: &[Token], index: usize, depth: usize) -> bool {
    let start = tokens[index].span.start;
    let before = text[..start].chars().next_back();
    let after_space =
        before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '-'));
    let glued_to_next = tokens
        .get(index + 1)
        .is_some_and(|next| next.span.start == tokens[index].span.end);
    if after_space && glued_to_next {
        return true;
    }
    if after_space && !glued_to_next {
        return depth == 0;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::token::tokenize;

    fn quotes(text: &str) -> Vec<(&str, bool)> {
        let tokens = tokenize(text, Span::new(0, text.len()));
        find_quotes(text, &tokens)
            .0
            .iter()
            .map(|quote| (quote.span.slice(text), quote.closed))
            .collect()
    }

    /// The loop `find_quotes_at` replaced: every punctuation token looked at, the
    /// runaway test made at each.
    fn quotes_looking_at_every_token(text: &str, tokens: &[Token]) -> Quotes {
        let marks: Vec<usize> = (0..tokens.len())
            .filter(|&index| matches!(tokens[index].kind, TokenKind::Punct(_)))
            .collect();
        find_quotes_at(text, tokens, &marks)
    }

    fn agree(text: &str) -> Result<(), String> {
        let tokens = tokenize(text, Span::new(0, text.len()));
        let (marks_only, every) = (
            find_quotes(text, &tokens),
            quotes_looking_at_every_token(text, &tokens),
        );
        if marks_only == every {
            Ok(())
        } else {
            Err(format!("{marks_only:?} != {every:?}"))
        }
    }

    #[test]
    fn runaway_quotes_are_dropped_as_when_every_token_was_looked_at() {
        let commas = "word, ".repeat(MAX_QUOTE_BYTES / 5);
        for text in [
            format!("“Open {commas} and on.” Then “a” b."),
            format!("“Open {commas} and never closed, he said."),
            format!("\"Open {commas}\" and \"b\"."),
            format!("“a” and “open {commas}"),
        ] {
            agree(&text).unwrap();
        }
    }

    proptest::proptest! {
        #[test]
        fn looking_at_the_marks_alone_finds_the_same_quotes(
            text in "[a-z ,.\"“”„«»(—-]{0,40}"
        ) {
            proptest::prop_assert_eq!(agree(&text), Ok(()));
        }
    }

    #[test]
    fn a_quote_left_open_does_not_run_on_past_the_limit() {
        let words = "word ".repeat(MAX_QUOTE_BYTES / 4);
        for text in [
            format!("“Open {words} closed,” he said. “Short,” she said."),
            format!("He said “open {words} and never closed."),
        ] {
            let quoted = quotes(&text);
            assert!(
                quoted
                    .iter()
                    .all(|(quote, _)| quote.len() <= MAX_QUOTE_BYTES)
            );
            assert!(quoted.contains(&("“Short,”", true)) || !text.contains("Short"));
        }
    }

    #[test]
    fn quote_table() {
        let table: &[(&str, &[(&str, bool)])] = &[
            (
                "He said \"yes,\" then \"no.\"",
                &[("\"yes,\"", true), ("\"no.\"", true)],
            ),
            ("“a “b” c” d", &[("“a “b” c”", true)]),
            (
                "\"open and never closed",
                &[("\"open and never closed", false)],
            ),
            ("no quotes here", &[]),
            ("stray ” close", &[]),
            (
                "“Apparently not,“ he said. “A leopard.”",
                &[("“Apparently not,“", true), ("“A leopard.”", true)],
            ),
            (
                "made the CIA \"invincible,\" Foreign Policy reported.",
                &[("\"invincible,\"", true)],
            ),
        ];
        for (text, want) in table {
            assert_eq!(quotes(text), *want, "{text}");
        }
    }
}
