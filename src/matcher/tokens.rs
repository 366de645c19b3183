//! A token slice as nom input, so that the phrase parsers (lexicon lookups, noun
//! phrases, sources with their relays) are nom parsers over words. The frames walk
//! token indices and run those parsers from an index (`Tokens::new`).

use std::iter::Enumerate;
use std::slice::Iter;

use nom::{Input, Needed};

use crate::segment::Token;

/// A run of a sentence's tokens; nom parsers consume it from the left.
#[derive(Debug, Clone, Copy)]
pub struct Tokens<'t> {
    pub tokens: &'t [Token<'t>],
    /// Index of `tokens[0]` in the whole block, so a parser tells a frame where it stopped.
    pub offset: usize,
}

impl<'t> Tokens<'t> {
    /// The tokens `range` of `all`, remembering where they start.
    pub fn new(all: &'t [Token<'t>], range: std::ops::Range<usize>) -> Self {
        let end = range.end.min(all.len());
        let start = range.start.min(end);
        Tokens {
            tokens: &all[start..end],
            offset: start,
        }
    }

    /// The first token, if any.
    pub fn first(&self) -> Option<&'t Token<'t>> {
        self.tokens.first()
    }

    /// True when no token is left.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Number of tokens left.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }
}

impl<'t> Input for Tokens<'t> {
    type Item = &'t Token<'t>;
    type Iter = Iter<'t, Token<'t>>;
    type IterIndices = Enumerate<Self::Iter>;

    fn input_len(&self) -> usize {
        self.tokens.len()
    }

    fn take(&self, index: usize) -> Self {
        Tokens {
            tokens: &self.tokens[..index],
            offset: self.offset,
        }
    }

    fn take_from(&self, index: usize) -> Self {
        Tokens {
            tokens: &self.tokens[index..],
            offset: self.offset + index,
        }
    }

    fn take_split(&self, index: usize) -> (Self, Self) {
        (self.take_from(index), self.take(index))
    }

    fn position<P>(&self, predicate: P) -> Option<usize>
    where
        P: Fn(Self::Item) -> bool,
    {
        self.tokens.iter().position(predicate)
    }

    fn iter_elements(&self) -> Self::Iter {
        self.tokens.iter()
    }

    fn iter_indices(&self) -> Self::IterIndices {
        self.tokens.iter().enumerate()
    }

    fn slice_index(&self, count: usize) -> Result<usize, Needed> {
        if self.tokens.len() >= count {
            Ok(count)
        } else {
            Err(Needed::new(count - self.tokens.len()))
        }
    }
}
