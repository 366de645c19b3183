//! "according to <source>, <claim>" and "<claim>, according to <source>".

use std::ops::Range;

use nom::Parser;

use super::claim::{claim_after, claim_before, comma_ending_at, has_word};
use super::phrase::{according, clause_comma, source_with_relays};
use super::tokens::Tokens;
use super::{Context, Found, Frame};

/// Fewest words before "according to" for them to be the claim ("But the, according
/// to the report, …" has two: the claim is what follows).
const MIN_WORDS_BEFORE: usize = 3;

/// Parses the frame with its cue at token `at` of the sentence `sentence`.
pub fn parse(context: &Context, sentence: Range<usize>, at: usize) -> Option<Found> {
    let tokens = &context.segmented.tokens;
    let grammar = context.grammar;
    let input = Tokens::new(tokens, at..sentence.end);
    let (rest, (cue, source)) = (according(grammar), source_with_relays(grammar))
        .parse(input)
        .ok()?;
    let words_before = tokens[sentence.start..at]
        .iter()
        .filter(|t| t.is_word())
        .count();
    // ", which first reported …" describes the source; it is not the claim.
    let claim_follows = clause_comma(rest)
        .ok()
        .map(|(after, _)| after.offset)
        .filter(|&after| has_word(tokens, after..sentence.end))
        .filter(|&after| {
            !matches!(
                tokens[after].lower.as_ref(),
                "which" | "who" | "whose" | "where"
            )
        });
    let enough_before = words_before >= MIN_WORDS_BEFORE;
    let before = match comma_ending_at(tokens, sentence.start, at) {
        Some((comma, comma_end)) => {
            claim_before(context.segmented, sentence.start, comma, comma_end)
        }
        // "82 percent of whom view Trump unfavorably according to the poll"
        None if enough_before => Some(tokens[sentence.start].span.cover(tokens[at - 1].span)),
        None => None,
    };
    let after = claim_follows.and_then(|after| claim_after(context.segmented, after, sentence.end));
    let claim = match (before, after) {
        // "Over the long term, according to the budget office, the rise …"
        (Some(before), Some(after)) if enough_before => before.cover(after),
        (Some(before), None) => before,
        (_, Some(after)) => after,
        (None, None) => return None,
    };
    Some(Found {
        frame: Frame::AccordingTo,
        claim,
        cue,
        source: Some(source),
        sentence: 0,
        covered: sentence.start.min(at)..sentence.end,
        claim_in_next_block: false,
    })
}
