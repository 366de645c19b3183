//! Blocks into tokens, sentences and quotation spans.

pub mod quote;
pub mod sentence;
pub mod token;

pub use quote::{Quote, Quotes};
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
    pub quotes: Quotes,
}

/// Tokens, sentences and quotes of one block; `block_lower` is the block's text
/// in ASCII lowercase (`block.span.slice(text).to_ascii_lowercase()`), which
/// tokens borrow their lowercase forms from.
pub fn segment<'a>(
    text: &'a str,
    block_lower: &'a str,
    block: Block,
    grammar: &Grammar,
) -> Segmented<'a> {
    // Flags looked up as each token is made rather than in a second loop over
    // the tokens: 3% less time on the bench corpus. Sized as the tokenizer sizes
    // its tokens (a token per four bytes).
    let mut opens = Vec::with_capacity(block.span.len() / 4 + 1);
    // Where the sentence and quotation marks are, so that those passes look at
    // them alone.
    let mut sentence_marks = Vec::new();
    let mut quote_marks = Vec::new();
    let tokens = token::tokenize_lowered(text, block_lower, block.span, |token| {
        let index = opens.len();
        opens.push(match token.kind {
            TokenKind::Word => grammar.first_words.opens(&token.lower),
            TokenKind::Punct(_) => {
                if sentence::is_sentence_mark(token.kind) {
                    sentence_marks.push(index);
                } else if quote::is_quote_mark(token.kind) {
                    quote_marks.push(index);
                }
                Opens::default()
            }
        });
    });
    debug_assert_eq!(opens.len(), tokens.len());
    let sentences = sentence::split_sentences_at(&tokens, &sentence_marks, grammar);
    let quotes = quote::find_quotes_at(text, &tokens, &quote_marks);
    Segmented {
        block,
        tokens,
        opens,
        sentences,
        quotes,
    }
}
