//! A quotation closed by its speaker's sign-off, as press releases, pull quotes and
//! letters print it: "“Nobody should live like this.” — Jane Doe, mayor of
//! Riverton". Tried once per sentence: a dash, a name, an optional appositive after a
//! comma, and nothing else; the claim is the quotation that ends right before the
//! dash and opens its sentence (or ends the sentence before). An index walk; the
//! name is read with the noun-phrase parser.

use std::ops::Range;

use super::noun_phrase::noun_phrase;
use super::relay::SourcePhrase;
use super::tokens::Tokens;
use super::{Context, Found, Frame};
use crate::segment::token::first_token_from;
use crate::segment::{Token, TokenKind};
use crate::span::Span;

/// Parses the frame in `sentence`.
pub fn parse(context: &Context, sentence: Range<usize>) -> Option<Found> {
    let tokens = &context.segmented.tokens;
    let dash = dash_after_quotation(context, &sentence)?;
    let quote = quotation_before(context, &sentence, dash)?;
    // "— Jane Doe", "-- Jane Doe": one dash or two hyphens.
    let name_start = (dash + 1..sentence.end)
        .find(|&i| !tokens[i].is_dash())
        .filter(|&i| tokens[i].is_capitalized())?;
    let (rest, name) =
        noun_phrase(context.grammar)(Tokens::new(tokens, name_start..sentence.end)).ok()?;
    let last_word = tokens[..rest.offset].iter().rev().find(|t| t.is_word())?;
    let signs_off = rest.first().is_none_or(|next| {
        matches!(next.kind, TokenKind::Punct(',' | '(' | '.'))
            && !tokens[rest.offset..sentence.end]
                .iter()
                .any(Token::is_quote_mark)
    });
    if !signs_off || !last_word.is_capitalized() {
        return None;
    }
    Some(Found::new(
        Frame::SignOff,
        quote,
        tokens[dash].span,
        Some(SourcePhrase::single(name)),
        sentence,
    ))
}

/// Where the dash of a sign-off stands: opening the sentence, or right after the
/// quotation that opens it. Looked up, not searched for, as the frame is tried on
/// every sentence.
fn dash_after_quotation(context: &Context, sentence: &Range<usize>) -> Option<usize> {
    let tokens = &context.segmented.tokens;
    let first = tokens.get(sentence.start)?;
    if first.is_dash() {
        return Some(sentence.start);
    }
    let quote = context.segmented.quotes.opening_at(first.span.start)?;
    let after = first_token_from(tokens, quote.end);
    (after < sentence.end && tokens[after].is_dash()).then_some(after)
}

/// The quotation whose closing mark stands right before `dash`: one that opens the
/// sentence, or, when the dash opens it, one that ends the sentence before.
fn quotation_before(context: &Context, sentence: &Range<usize>, dash: usize) -> Option<Span> {
    let tokens = &context.segmented.tokens;
    let closing = tokens
        .get(dash.checked_sub(1)?)
        .filter(|token| token.is_quote_mark())?;
    let quote = context.segmented.quotes.closing_at(closing.span.end)?;
    let opens_sentence = dash == sentence.start || quote.start == tokens[sentence.start].span.start;
    opens_sentence.then_some(quote)
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::ingest::Role;
    use crate::matcher::cases::{Case, check_first_frame};

    /// Text → every `[source, cue, claim]` this frame finds in it, tried alone.
    #[rustfmt::skip]
    const CASES: &[Case] = &[
        ("“Nobody should live like this.” — Jane Doe, mayor of Riverton", &[["Jane Doe", "—", "“Nobody should live like this.”"]]),
        ("\"We did it\" - Coach Tom Reyes.", &[["Coach Tom Reyes", "-", "\"We did it\""]]),
        ("'It was a team effort,' -- Sarah Lund (Ipswich)", &[["Sarah Lund", "-", "'It was a team effort,'"]]),
        // Narration around the quote: no sign-off.
        ("He called it \"a disaster\" — Trump's word for it.", &[]),
        ("\"It is over\" — and he meant it.", &[]),
        // More than a name and its appositive after the dash.
        ("\"It is over\" — Jane Doe said \"again\".", &[]),
        // No quotation before the dash.
        ("The plan failed — Jane Doe, mayor of Riverton", &[]),
    ];

    #[test]
    fn case_table() {
        check_first_frame(parse, Role::Body, CASES);
    }
}
