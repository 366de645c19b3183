//! Blocks into tokens, sentences and quotation spans.

pub mod quote;
pub mod sentence;
pub mod token;

pub use quote::Quote;
pub use sentence::Sentence;
pub use token::{Token, TokenKind};

use crate::grammar::{Grammar, Opens};
use crate::ingest::Block;

/// One block, segmented.
#[derive(Debug, Clone)]
pub struct Segmented<'a> {
    pub block: Block,
    pub tokens: Vec<Token<'a>>,
    /// What lexicon phrases each token may open (nothing for punctuation).
    pub opens: Vec<Opens>,
    pub sentences: Vec<Sentence>,
    pub quotes: Vec<Quote>,
}

impl Segmented<'_> {
    /// The quotes that share a byte with `span`, found by binary search: quotes are
    /// top-level, sorted and do not overlap.
    pub fn quotes_overlapping(&self, span: crate::span::Span) -> &[Quote] {
        let first = self
            .quotes
            .partition_point(|quote| quote.span.end <= span.start);
        let last = self
            .quotes
            .partition_point(|quote| quote.span.start < span.end);
        &self.quotes[first..last.max(first)]
    }

    /// The quotation that opens at byte `start`.
    pub fn quote_opening_at(&self, start: usize) -> Option<crate::span::Span> {
        self.quotes_overlapping(crate::span::Span::new(start, start + 1))
            .iter()
            .find(|quote| quote.span.start == start)
            .map(|quote| quote.span)
    }

    /// The quotation that closes at byte `end` (exclusive).
    pub fn quote_closing_at(&self, end: usize) -> Option<crate::span::Span> {
        self.quotes_overlapping(crate::span::Span::new(end.saturating_sub(1), end))
            .iter()
            .find(|quote| quote.span.end == end)
            .map(|quote| quote.span)
    }
}

/// Tokens, sentences and quotes of one block; `ascii_lower` is
/// `text.to_ascii_lowercase()`, which tokens borrow their lowercase forms from.
pub fn segment<'a>(
    text: &'a str,
    ascii_lower: &'a str,
    block: Block,
    grammar: &Grammar,
) -> Segmented<'a> {
    let tokens = token::tokenize_lowered(text, ascii_lower, block.span);
    let opens = tokens
        .iter()
        .map(|token| match token.kind {
            TokenKind::Word => grammar.first_words.opens(&token.lower),
            TokenKind::Punct(_) => Opens::default(),
        })
        .collect();
    let sentences = sentence::split_sentences(&tokens, grammar);
    let quotes = quote::find_quotes(text, &tokens);
    Segmented {
        block,
        tokens,
        opens,
        sentences,
        quotes,
    }
}
