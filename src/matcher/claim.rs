//! Where a claim starts and ends around its cue.

use std::ops::Range;

use crate::segment::{Segmented, Token, TokenKind};
use crate::span::Span;

/// The claim after a cue: `tokens[from..end]`, without leading commas or colons and
/// without a bare final period; a quote it opens is followed to its close, even into
/// later sentences of the block.
pub fn claim_after(segmented: &Segmented, from: usize, end: usize) -> Option<Span> {
    let tokens = &segmented.tokens;
    let mut start = from;
    while start < end && matches!(tokens[start].kind, TokenKind::Punct(',' | ':' | '—' | '-')) {
        start += 1;
    }
    let last = trim_final_period(tokens, start, end)?;
    let mut span = tokens[start].span.cover(tokens[last].span);
    if let Some(quote) = segmented
        .quotes
        .iter()
        .find(|quote| quote.span.start == span.start)
    {
        span.end = span.end.max(quote.span.end);
    }
    has_word(tokens, start..last + 1).then_some(span)
}

/// The claim before a cue: `tokens[start..comma]`, through a closing quote that
/// directly follows the comma; a quote that ends inside it is taken from its start.
pub fn claim_before(
    segmented: &Segmented,
    start: usize,
    comma: usize,
    comma_end: usize,
) -> Option<Span> {
    let tokens = &segmented.tokens;
    if start >= comma || !has_word(tokens, start..comma) {
        return None;
    }
    let through_quote = (comma + 1..comma_end).any(|i| tokens[i].is_double_quote());
    let last = if through_quote {
        comma_end - 1
    } else {
        comma - 1
    };
    let mut span = tokens[start].span.cover(tokens[last].span);
    if let Some(quote) = segmented.quotes.iter().find(|quote| {
        quote.span.start < span.start
            && span.start < quote.span.end
            && quote.span.end <= span.end + 1
    }) {
        span.start = quote.span.start;
    }
    Some(span)
}

/// Index of the last token to keep when `tokens[start..end]` may end in a bare period.
fn trim_final_period(tokens: &[Token], start: usize, end: usize) -> Option<usize> {
    let mut last = end.checked_sub(1)?;
    while last > start
        && matches!(
            tokens[last].kind,
            TokenKind::Punct('.' | '!' | '?' | '…' | ',' | ';' | ':')
        )
    {
        last -= 1;
    }
    (last >= start).then_some(last)
}

/// True when some token of `range` is a word.
pub fn has_word(tokens: &[Token], range: Range<usize>) -> bool {
    tokens
        .get(range)
        .is_some_and(|slice| slice.iter().any(Token::is_word))
}

/// When the tokens `start..at` end with a clause comma (`,` `,"` `",`), the comma's
/// index and `at`; the comma must have something before it.
pub fn comma_ending_at(tokens: &[Token], start: usize, at: usize) -> Option<(usize, usize)> {
    let mut index = at;
    while index > start && tokens[index - 1].is_double_quote() {
        index -= 1;
    }
    let comma = index
        .checked_sub(1)
        .filter(|&i| i > start && tokens[i].is_punct(','))?;
    Some((comma, at))
}
