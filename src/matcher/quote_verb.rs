//! "“We will win,” she deadpanned.", "“It is over,” grumbled the coach.": a
//! quotation that opens its sentence and ends on a comma, then a verb that no
//! lexicon lists, with its speaker before or after it; or the speaker and the verb
//! before a colon and the quotation ("Oduya deadpanned: “…”"). There any verb
//! reports the quotation (quipped, fumed, shrugged); the claim-first, inverted and
//! source-first frames read it as they read a listed cue.

use std::ops::Range;

use super::claim::open_class_word;
use super::cue_site::{Cue, CueSite};
use super::{Context, Found, claim_first, inverted, source_first};
use crate::grammar::{AffixClass, CueFlags};
use crate::segment::token::first_token_from;

/// Parses the frame in `sentence`.
pub fn parse(context: &Context, sentence: Range<usize>) -> Option<Found> {
    let tokens = &context.segmented.tokens;
    let Some(opening) = tokens
        .get(sentence.start)
        .filter(|token| token.is_quote_mark())
    else {
        return before_colon(context, sentence);
    };
    let quote = context.segmented.quotes.opening_at(opening.span.start)?;
    let closing = first_token_from(tokens, quote.end).checked_sub(1)?;
    // The comma inside the quotation, or after it as British house styles put it.
    let after = if closing > sentence.start && tokens[closing - 1].is_punct(',') {
        closing + 1
    } else if tokens
        .get(closing + 1)
        .is_some_and(|token| token.is_punct(','))
    {
        closing + 2
    } else {
        return None;
    };
    if after >= sentence.end {
        return None;
    }
    // "…,” grumbled the coach.": the verb first, its speaker after it.
    if !opens_listed_cue(context, after, sentence.end) && is_verb_shaped(context, after) {
        let site = site_at(context, &sentence, after, true);
        return inverted::parse(context, &site);
    }
    // "…,” the manager grumbled after the match.": the speaker, then the verb; the
    // claim-first frame reads the speaker that ends at it. A listed cue anywhere
    // after the quotation leaves the sentence to the other frames ("…," the coach,
    // who retired in May, said).
    if (after..sentence.end).any(|at| opens_listed_cue(context, at, sentence.end)) {
        return None;
    }
    let last = sentence.end.min(after + 1 + MAX_SPEAKER_TOKENS);
    (after + 1..last)
        .filter(|&verb| is_verb_shaped(context, verb))
        .find_map(|verb| claim_first::parse(context, &site_at(context, &sentence, verb, false)))
}

/// "Oduya deadpanned: “I have not packed my boxes yet.”": the speaker, a verb that
/// no lexicon lists, a colon and the quotation, read by the source-first frame as
/// it reads "said:". A listed cue before the colon leaves the sentence to it.
fn before_colon(context: &Context, sentence: Range<usize>) -> Option<Found> {
    let tokens = &context.segmented.tokens;
    let last = sentence.end.min(sentence.start + MAX_SPEAKER_TOKENS + 2);
    if !context.holds_colon(sentence.start + 2..last) {
        return None;
    }
    let colon = (sentence.start + 2..last).find(|&at| {
        tokens[at].is_punct(':')
            && tokens.get(at + 1).is_some_and(|next| {
                at + 1 < sentence.end
                    && context
                        .segmented
                        .quotes
                        .opening_at(next.span.start)
                        .is_some()
            })
    })?;
    let verb = colon - 1;
    let listed = (sentence.start..colon).any(|at| opens_listed_cue(context, at, sentence.end));
    if listed || !is_verb_shaped(context, verb) {
        return None;
    }
    source_first::parse(context, &site_at(context, &sentence, verb, false))
}

/// Most tokens a speaker before its verb may take here: "the team's head coach,
/// Ann Roy," is six.
const MAX_SPEAKER_TOKENS: usize = 8;

/// True when a cue of the lexicons, or an "according to" phrase, opens at `at`:
/// the other frames read the sentence.
fn opens_listed_cue(context: &Context, at: usize, end: usize) -> bool {
    context.segmented.opens[at].according || context.cue_end_at(at, end).is_some()
}

/// A lowercase word, no function word, shaped like a verb in the past or a finite
/// verb ("deadpanned", "fumed", "wrote"). The callers have made sure no listed cue
/// opens there.
fn is_verb_shaped(context: &Context, at: usize) -> bool {
    let token = &context.segmented.tokens[at];
    open_class_word(context, token)
        && (context.has_affix(&token.lower, AffixClass::PastParticiple)
            || context.grammar.is_finite_verb(&token.lower))
}

/// A cue site at the verb `at`, read as a one-word cue (`invert` when its speaker
/// follows it).
fn site_at<'f>(context: &Context, sentence: &Range<usize>, at: usize, invert: bool) -> CueSite<'f> {
    let cue = Cue {
        span: context.segmented.tokens[at].span,
        end: at + 1,
        flags: CueFlags {
            invert,
            ..CueFlags::default()
        },
    };
    CueSite::with_cue(sentence.clone(), at, cue)
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::ingest::Role;
    use crate::matcher::cases::{Case, check_first_frame};

    /// Text → every `[source, cue, claim]` this frame finds in it.
    #[rustfmt::skip]
    const CASES: &[Case] = &[
        ("\"We will win this thing,\" she deadpanned.", &[["she", "deadpanned", "\"We will win this thing,\""]]),
        ("“It is over,” the manager grumbled after the match.", &[["the manager", "grumbled", "“It is over,”"]]),
        ("\"We will win this thing,\" deadpanned the coach.", &[["the coach", "deadpanned", "\"We will win this thing,\""]]),
        // A colon before the quotation.
        ("Oduya deadpanned: \"I have not packed my boxes yet.\"", &[["Oduya", "deadpanned", "\"I have not packed my boxes yet.\""]]),
        ("Oduya said: \"I have not packed my boxes yet.\"", &[]),
        // British: the comma after the closing mark.
        ("‘It is over’, McAteer fumed.", &[["McAteer", "fumed", "‘It is over’"]]),
        // A listed cue is the other frames' to read, wherever it stands.
        ("\"We will win,\" she said.", &[]),
        ("\"We will win,\" the coach, who retired in May, said.", &[]),
        ("“Go back to Univision,” Trump barked at the reporter.", &[["Trump", "barked", "“Go back to Univision,”"]]),
        // No comma: the quotation is a name, not speech.
        ("\"Thriller\" sold millions of copies.", &[]),
        // The quotation does not open the sentence.
        ("He called it \"a mess,\" she fumed.", &[]),
    ];

    #[test]
    fn case_table() {
        check_first_frame(parse, Role::Body, CASES);
    }
}
