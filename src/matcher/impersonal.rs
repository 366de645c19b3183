//! "Indeed, Sanders appears to be spending more heavily": a cue that speaks of its own
//! clause (flagged `impersonal` in cues.txt), followed by "to", "that" or "like". The
//! claim is the clause, its subject included, and there is no source. An index walk
//! over the sentence's tokens.

use super::claim::{claim_after, clause_start_before, has_word, is_clause_comma};
use super::cue_site::CueSite;
use super::{Context, Found, Frame};
use crate::grammar::WordClass;
use crate::segment::TokenKind;

/// Parses the frame at the site's impersonal cue.
pub fn parse(context: &Context, site: &CueSite) -> Option<Found> {
    let cue = site.cue.as_ref().filter(|cue| cue.flags.impersonal)?;
    let tokens = &context.segmented.tokens;
    let (sentence, at) = (&site.sentence, site.at);
    tokens.get(cue.end).filter(|next| {
        cue.end < sentence.end && context.is(next, WordClass::ImpersonalComplement)
    })?;
    let clause_start = clause_start_before(context, sentence.start, at);
    if !has_word(tokens, clause_start..at) {
        return None;
    }
    // The clause ends at its first break: "…used by ISIS - so much so that …".
    let end = (cue.end..sentence.end)
        .find(|&i| {
            (is_clause_comma(tokens, i)
                || matches!(
                    tokens[i].kind,
                    TokenKind::Punct(';' | ':' | '—' | '–' | '-' | '(')
                ))
                && !(tokens[i].is_punct('-')
                    && i > 0
                    && tokens[i - 1].span.end == tokens[i].span.start)
        })
        .unwrap_or(sentence.end);
    let claim = claim_after(context, clause_start, end)?;
    Some(Found::new(
        Frame::Impersonal,
        claim,
        cue.span,
        None,
        clause_start..end,
    ))
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::matcher::cases::{Case, check_cue_frame};

    /// Text → every `[source, cue, claim]` this frame finds in it, tried alone.
    #[rustfmt::skip]
    const CASES: &[Case] = &[
        // The clause starts after the opener's comma and ends at the next.
        ("Indeed, Sanders appears to be spending more heavily, despite the polls.", &[["", "appears", "Sanders appears to be spending more heavily"]]),
        ("The president is expected to run again next year.", &[["", "is expected", "The president is expected to run again next year"]]),
        // A spaced dash ends the clause.
        ("It seems like the plan is failing - so much so that aides left.", &[["", "seems", "It seems like the plan is failing"]]),
        // Neither "to", "that" nor "like" after the cue.
        ("It appears.", &[]),
        // No subject before the cue.
        ("Appears to be fine.", &[]),
    ];

    #[test]
    fn case_table() {
        check_cue_frame(parse, CASES);
    }
}
