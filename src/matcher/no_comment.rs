//! "Topsec had not responded to a request for comment": the silence of a party is
//! recorded on that party, with the no-comment phrase (markers.txt) as its cue;
//! tried on a sentence in which no other frame found anything. A lexicon lookup
//! at the sentence's marker starts, then the subject before the phrase.

use std::ops::Range;

use super::phrase::lexeme_at;
use super::subject::source_before;
use super::{Context, Found, Frame, indices_in};
use crate::model::MarkerKind;

/// Parses a sentence that reports someone's silence.
pub fn parse(context: &Context, sentence: Range<usize>) -> Option<Found> {
    let tokens = &context.segmented.tokens;
    // The block's marker starts in the sentence (a list made as it was segmented),
    // their phrases matched by the words' lexemes.
    let (at, count) =
        indices_in(&context.segmented.marker_starts, sentence.clone()).find_map(|index| {
            context
                .grammar
                .lexemes
                .markers
                .longest_match(|i| {
                    (index + i < sentence.end)
                        .then(|| lexeme_at(tokens, index + i, context.grammar))
                        .flatten()
                })
                .filter(|(_, rule)| rule.kind == MarkerKind::NoComment)
                .map(|(count, _)| (index, count))
        })?;
    // The phrase may start with the auxiliary ("had not responded"): the source ends
    // before it.
    let (source, source_start) = source_before(context, sentence.start, at)
        .or_else(|| source_before(context, sentence.start, at + 1))?;
    let cue = tokens[at].span.cover(tokens[at + count - 1].span);
    let last = tokens[sentence.start..sentence.end]
        .iter()
        .rev()
        .find(|token| token.is_word())?;
    Some(Found::new(
        Frame::NoComment,
        tokens[source_start].span.cover(last.span),
        cue,
        Some(source),
        source_start..sentence.end,
    ))
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::matcher::cases::{Case, check_if_none_frame};

    /// Text → every `[source, cue, claim]` this frame finds in it, tried alone.
    #[rustfmt::skip]
    const CASES: &[Case] = &[
        ("Topsec had not responded to a request for comment.", &[["Topsec", "had not responded to a request for comment", "Topsec had not responded to a request for comment"]]),
        ("Topsec had not responded to a request for comment at the time of writing.", &[["Topsec", "had not responded to a request for comment", "Topsec had not responded to a request for comment at the time of writing"]]),
        ("The ministry did not respond to a request for comment on Monday.", &[["The ministry", "did not respond to a request for comment", "The ministry did not respond to a request for comment on Monday"]]),
        ("Lee declined to comment.", &[["Lee", "declined to comment", "Lee declined to comment"]]),
        // Today the phrase's own first word reads as the party when none stands before it.
        ("Declined to comment.", &[["Declined", "Declined to comment", "Declined to comment"]]),
        ("The plan failed.", &[]),
    ];

    #[test]
    fn case_table() {
        check_if_none_frame(parse, CASES);
    }
}
