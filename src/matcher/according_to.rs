//! `"according to <source>, <claim>"` and `"<claim>, according to <source>"` (and the
//! other phrases of according.txt: "as reported by"). An index walk over the
//! sentence's tokens that reads the source with the relay parser.

use super::claim::{claim_after, claim_before, comma_ending_at, has_word};
use super::cue_site::CueSite;
use super::phrase::clause_comma;
use super::relay::{SourcePhrase, source_with_relays};
use super::tokens::Tokens;
use super::{Context, Found, Frame};
use crate::grammar::WordClass;

/// Fewest words before "according to" for them to be the claim ("But the, according
/// to the report, …" has two: the claim is what follows).
const MIN_WORDS_BEFORE: usize = 3;

/// Longest source taken whole up to its comma: "According to E. J. Fleming's ''The
/// Fixers: …'' and other sources, …".
const MAX_SOURCE_TO_COMMA: usize = 30;

/// True when the source phrase is followed by the end of its clause.
fn ends_clause(rest: &Tokens) -> bool {
    rest.first().is_some_and(|next| {
        matches!(
            next.kind,
            crate::segment::TokenKind::Punct('.' | '!' | '?' | ';' | ':' | ')' | '—' | '–')
        )
    })
}

/// When no noun phrase reads as the source ("the book and the movie", a quoted
/// title), everything from `start` to the next comma outside quotes is the source.
fn source_up_to_comma<'t>(
    context: &'t Context,
    start: usize,
    end: usize,
) -> Option<(Tokens<'t>, SourcePhrase)> {
    let tokens = &context.segmented.tokens;
    let limit = end.min(start + MAX_SOURCE_TO_COMMA);
    let mut depth = 0usize;
    let comma = (start..limit).find(|&i| {
        if tokens[i].is_quote_mark() {
            depth = usize::from(depth == 0);
        }
        depth == 0 && tokens[i].is_punct(',')
    })?;
    if !has_word(tokens, start..comma) {
        return None;
    }
    let source = SourcePhrase::single(tokens[start].span.cover(tokens[comma - 1].span));
    Some((Tokens::new(tokens, comma..end), source))
}

/// The source with the relative clause right after it, up to the clause's comma:
/// "according to members who spoke with reporters afterward, …" (the type still
/// comes from the head, "members"). Unchanged without such a clause and comma.
fn with_relative_clause<'t>(
    context: &'t Context,
    rest: Tokens<'t>,
    source: SourcePhrase,
    end: usize,
) -> (Tokens<'t>, SourcePhrase) {
    let relative = rest
        .first()
        .is_some_and(|next| context.is(next, WordClass::SubjectRelative));
    match relative
        .then(|| source_up_to_comma(context, rest.offset, end))
        .flatten()
    {
        Some((after, clause)) => {
            let span = source.span.cover(clause.span);
            (after, SourcePhrase { span, ..source })
        }
        None => (rest, source),
    }
}

/// Parses the frame at the site's "according to" phrase.
pub fn parse(context: &Context, site: &CueSite) -> Option<Found> {
    let according = site.according.as_ref()?;
    let tokens = &context.segmented.tokens;
    let (sentence, at) = (&site.sentence, site.at);
    let after_cue = Tokens::new(tokens, according.end..sentence.end);
    let words_before = tokens[sentence.start..at]
        .iter()
        .filter(|t| t.is_word())
        .count();
    // Opening its sentence, "According to …" runs to its comma whatever it holds.
    let opens = words_before < MIN_WORDS_BEFORE;
    let (rest, source) = source_with_relays(context.grammar)(after_cue)
        .ok()
        .filter(|(rest, _)| {
            !opens || rest.is_empty() || clause_comma(*rest).is_ok() || ends_clause(rest)
        })
        .or_else(|| source_up_to_comma(context, after_cue.offset, sentence.end))?;
    let (rest, source) = with_relative_clause(context, rest, source, sentence.end);
    let enough_before = words_before >= MIN_WORDS_BEFORE;
    // ", which first reported …" describes the source; it is not the claim. A colon
    // introduces one too: "According to HuffPo: “…”".
    let after_colon = rest
        .first()
        .filter(|next| next.is_punct(':'))
        .map(|_| rest.offset + 1);
    let claim_follows = clause_comma(rest)
        .ok()
        .map(|(after, _)| after.offset)
        .or(after_colon)
        .filter(|&after| has_word(tokens, after..sentence.end))
        .filter(|&after| !context.is(&tokens[after], WordClass::Relative))
        // "…, according to the regulator, and queues stretched …": a new clause.
        .filter(|&after| !(enough_before && context.is(&tokens[after], WordClass::Coordinator)));
    // "The plan, according to two officials, was abandoned": a subject of any
    // length before the phrase puts the claim on both sides; "But the, according
    // to …" ends on a function word and does not.
    let mut subject_before = enough_before;
    let before = match comma_ending_at(tokens, sentence.start, at) {
        Some((comma, comma_end)) => {
            subject_before |= !context.is_function_word(&tokens[comma - 1]);
            claim_before(context.segmented, sentence.start, comma, comma_end)
        }
        // "82 percent of whom view Trump unfavorably according to the poll"
        None if enough_before => Some(tokens[sentence.start].span.cover(tokens[at - 1].span)),
        None => None,
    };
    let after = claim_follows.and_then(|after| claim_after(context, after, sentence.end));
    let claim = match (before, after) {
        // "Over the long term, according to the budget office, the rise …"
        (Some(before), Some(after)) if subject_before => before.cover(after),
        (Some(before), None) => before,
        (_, Some(after)) => after,
        (None, None) => return None,
    };
    Some(Found::new(
        Frame::AccordingTo,
        claim,
        according.span,
        Some(source),
        sentence.start.min(at)..sentence.end,
    ))
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::matcher::cases::{Case, check_cue_frame};

    /// Text → every `[source, cue, claim]` this frame finds in it, tried alone.
    #[rustfmt::skip]
    const CASES: &[Case] = &[
        ("Around 30 spies died, according to officials cited in a Foreign Policy report.", &[["officials via a Foreign Policy report", "according to", "Around 30 spies died"]]),
        ("According to the report, the vulnerability would have allowed China to deduce it.", &[["the report", "According to", "the vulnerability would have allowed China to deduce it"]]),
        ("The US is concerned, according to documents released by Wikileaks.", &[["documents via Wikileaks", "according to", "The US is concerned"]]),
        ("China acted, according to officials cited in a report by Foreign Policy magazine.", &[["officials via a report via Foreign Policy magazine", "according to", "China acted"]]),
        ("The deal was signed, as reported by Reuters.", &[["Reuters", "as reported by", "The deal was signed"]]),
        ("Fuel was rationed at half the stations, according to the regulator, and queues grew.", &[["the regulator", "according to", "Fuel was rationed at half the stations"]]),
        ("According to HuffPo: \"Kaine has had a mixed record.\"", &[["HuffPo", "According to", "\"Kaine has had a mixed record.\""]]),
        // A relative clause after the source describes it; it is no claim.
        ("The network grew, according to The New York Times, which first reported on it in 2017.", &[["The New York Times", "according to", "The network grew"]]),
        // In the middle of its sentence: the claim is on both sides.
        ("Over the long term, according to the budget office, the rise in costs will slow.", &[["the budget office", "according to", "Over the long term, according to the budget office, the rise in costs will slow"]]),
        // A subject of one or two words before it counts too.
        ("The plan, according to two officials familiar with the talks, was abandoned.", &[["two officials familiar with the talks", "according to", "The plan, according to two officials familiar with the talks, was abandoned"]]),
        ("Trump, according to aides, was furious.", &[["aides", "according to", "Trump, according to aides, was furious"]]),
        // Fewer than three words before it that end on a function word: the claim
        // is what follows.
        ("But the, according to the report, rise was slow.", &[["the report", "according to", "rise was slow"]]),
        // A relative clause right after the source, up to its comma, is the source's.
        ("Notably absent, according to members who spoke to reporters, was any mention of the inquiry.", &[["members who spoke to reporters", "according to", "Notably absent, according to members who spoke to reporters, was any mention of the inquiry"]]),
        ("According to a report that was released on Tuesday, the plan failed.", &[["a report that was released on Tuesday", "According to", "the plan failed"]]),
        ("The plan failed, according to officials who asked not to be named.", &[["officials", "according to", "The plan failed"]]),
        // No comma before it.
        ("Some 82 percent of whom view Trump unfavorably according to the poll.", &[["the poll", "according to", "Some 82 percent of whom view Trump unfavorably"]]),
        // No noun phrase reads as the source: all of it up to the comma is.
        (r#"According to E. J. Fleming's "The Fixers" and other sources, the studio paid the police."#, &[[r#"E. J. Fleming's "The Fixers" and other sources"#, "According to", "the studio paid the police"]]),
        ("According to the report.", &[]),
    ];

    #[test]
    fn case_table() {
        check_cue_frame(parse, CASES);
    }
}
