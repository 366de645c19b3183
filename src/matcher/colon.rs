//! Headline style "<source>: <claim>" ("Sanders: Brexit’s message could draw Trump
//! support", "Q: …", "… - HuffPollster: “…”").

use std::ops::Range;

use super::claim::{claim_after, has_word};
use super::phrase::{SourcePhrase, noun_phrase};
use super::tokens::Tokens;
use super::{Context, Found, Frame};

/// Most words a headline source may have before its colon.
const MAX_SOURCE_WORDS: usize = 5;

/// Parses the frame at the start of `sentence` (or after a dash in it).
pub fn parse(context: &Context, sentence: Range<usize>) -> Option<Found> {
    let tokens = &context.segmented.tokens;
    let window = sentence.start..sentence.end.min(sentence.start + MAX_SOURCE_WORDS + 4);
    let colon = window.clone().find(|&i| tokens[i].is_punct(':'))?;
    let start = (window.start..colon)
        .rev()
        .find(|&i| {
            matches!(
                tokens[i].kind,
                crate::segment::TokenKind::Punct('-' | '—' | '–')
            )
        })
        .map_or(sentence.start, |dash| dash + 1);
    let words = tokens[start..colon].iter().filter(|t| t.is_word()).count();
    if start >= colon || words > MAX_SOURCE_WORDS || !has_word(tokens, colon + 1..sentence.end) {
        return None;
    }
    let (rest, span) = noun_phrase(context.grammar)(Tokens::new(tokens, start..colon)).ok()?;
    let head = &tokens[colon - 1];
    let names_source = head.is_capitalized()
        || context
            .grammar
            .source_nouns
            .contains_key(head.lower.as_ref());
    if !rest.is_empty() || !names_source || !head.text.chars().any(char::is_alphabetic) {
        return None;
    }
    let claim = claim_after(context.segmented, colon + 1, sentence.end)?;
    Some(Found {
        frame: Frame::Colon,
        claim,
        cue: tokens[colon].span,
        source: Some(SourcePhrase::single(span)),
        sentence: 0,
        covered: start..sentence.end,
        claim_in_next_block: false,
    })
}
