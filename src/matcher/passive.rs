//! "The plan was criticized by the opposition leader": a passive cue with its agent.
//! The source is the agent after "by", the claim the subject before the form of
//! "be". An index walk; the agent is read with the relay parser.

use super::claim::{claim_after, clause_start_before};
use super::cue_site::CueSite;
use super::relay::source_with_relays;
use super::source_fit::{cue_allows, looks_like_source};
use super::subject::{adverbs_before, passive_be};
use super::tokens::Tokens;
use super::{Context, Found, Frame};
use crate::grammar::WordClass;
use crate::segment::TokenKind;

/// Parses the frame at the site's cue.
pub fn parse(context: &Context, site: &CueSite) -> Option<Found> {
    let cue = site.cue_with_source()?;
    let tokens = &context.segmented.tokens;
    let (sentence, at) = (&site.sentence, site.at);
    let be = passive_be(context, sentence.start, at)?;
    let by = cue.end;
    if by >= sentence.end || !context.is(&tokens[by], WordClass::PassiveAgent) {
        return None;
    }
    let (rest, source) =
        source_with_relays(context.grammar)(Tokens::new(tokens, by + 1..sentence.end)).ok()?;
    // The agent closes the clause: "…by the opposition leader." or "…, who …".
    let closes = rest.first().is_none_or(|next| {
        matches!(next.kind, TokenKind::Punct('.' | '!' | '?' | ',' | ';'))
            || next.is_closing_quote_mark()
    });
    if !closes
        || !looks_like_source(context, source.head)
        || !cue_allows(context, cue.flags, source.head)
    {
        return None;
    }
    // "has been", "will be": auxiliaries before the form of "be" are the verb's.
    let subject_end = adverbs_before(context, sentence.start, be);
    let subject_start = clause_start_before(context, sentence.start, subject_end);
    let claim = claim_after(context, subject_start, subject_end)?;
    Some(Found::new(
        Frame::Passive,
        claim,
        cue.span,
        Some(source),
        subject_start..rest.offset,
    ))
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::matcher::cases::{Case, check_cue_frame};

    /// Text → every `[source, cue, claim]` this frame finds in it, tried alone.
    #[rustfmt::skip]
    const CASES: &[Case] = &[
        // The agent after "by" is the source, the subject before "be" the claim (#19).
        ("The budget plan was criticized by the opposition leader.", &[["the opposition leader", "criticized", "The budget plan"]]),
        ("The new tax has been widely condemned by the mayor, who wants it scrapped.", &[["the mayor", "condemned", "The new tax"]]),
        ("In March, the merger was endorsed by the Federal Trade Commission.", &[["the Federal Trade Commission", "endorsed", "the merger"]]),
        // No agent, or an agent that is no source: no attribution.
        ("The budget plan was criticized on Monday.", &[]),
        ("The budget plan was criticized by the end of the week.", &[]),
        // Not passive.
        ("The opposition leader criticized the budget plan.", &[]),
    ];

    #[test]
    fn case_table() {
        check_cue_frame(parse, CASES);
    }
}
