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
