//! Blocks into tokens, sentences and quotation spans.

pub mod quote;
pub mod sentence;
pub mod token;

pub use quote::Quote;
pub use sentence::Sentence;
pub use token::{Token, TokenKind};

use crate::grammar::Grammar;
use crate::ingest::Block;

/// One block, segmented.
#[derive(Debug, Clone)]
pub struct Segmented<'a> {
    pub block: Block,
    pub tokens: Vec<Token<'a>>,
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
}

/// Tokens, sentences and quotes of one block.
pub fn segment<'a>(text: &'a str, block: Block, grammar: &Grammar) -> Segmented<'a> {
    let tokens = token::tokenize(text, block.span);
    let sentences = sentence::split_sentences(&tokens, grammar);
    let quotes = quote::find_quotes(text, &tokens);
    Segmented {
        block,
        tokens,
        sentences,
        quotes,
    }
}
