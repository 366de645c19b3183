//! ", saying …", ", adding that …": a participle cue after a comma, whose source is
//! the speaker already found in the sentence ("…, officials said, adding …"), else
//! the sentence's subject ("Carly Fiorina threw her support behind Cruz, saying …").
//! An index walk over the sentence's tokens.

use super::claim::{claim_after, claim_start, has_finite_verb, is_clause_comma};
use super::cue_site::CueSite;
use super::source_fit::looks_like_source;
use super::subject::{adverbs_before, sentence_subject};
use super::{Context, Found, Frame};
use crate::grammar::{AffixClass, WordClass};

/// Parses the frame at the site's participle cue.
pub fn parse(context: &Context, site: &CueSite) -> Option<Found> {
    let tokens = &context.segmented.tokens;
    let (sentence, at) = (&site.sentence, site.at);
    let participle = &tokens[at];
    if at == sentence.start
        && context
            .grammar
            .affixes
            .has(&participle.lower, AffixClass::Participle)
    {
        return fronted(context, site);
    }
    // "…a “bad earpiece,” claiming …": the comma may stand inside a closing quote;
    // adverbs may stand after it ("…, falsely suggesting …").
    let first = adverbs_before(context, sentence.start, at);
    let after_comma = first > sentence.start
        && (tokens[first - 1].is_punct(',')
            || (first >= sentence.start + 2
                && tokens[first - 1].is_quote_mark()
                && tokens[first - 2].is_punct(',')));
    if !after_comma
        || !context
            .grammar
            .affixes
            .has(&participle.lower, AffixClass::Participle)
    {
        return None;
    }
    let cue = site.cue.as_ref()?;
    let source = match site.previous.and_then(|hit| hit.source.clone()) {
        Some(source) => source,
        None => sentence_subject(context, sentence.clone(), first)?,
    };
    let start = claim_start(context, cue.end, sentence.end, cue.flags)?;
    let claim = claim_after(context, start, sentence.end)?;
    Some(Found::new(
        Frame::Participle,
        claim,
        cue.span,
        Some(source),
        at..sentence.end,
    ))
}

/// Most tokens a fronted participle's clause may run before its comma.
const MAX_FRONTED_TOKENS: usize = 40;

/// "Noting that both men faced opposition, Schlafly wrote …": a participle cue that
/// opens the sentence. Its claim runs to the comma that closes its clause, and its
/// source is the subject after that comma, before a lowercase verb; the main
/// clause is left for its own cue.
fn fronted(context: &Context, site: &CueSite) -> Option<Found> {
    let tokens = &context.segmented.tokens;
    let sentence = &site.sentence;
    let cue = site.cue.as_ref()?;
    let limit = sentence.end.min(cue.end + MAX_FRONTED_TOKENS);
    let comma = (cue.end..limit).find(|&i| is_clause_comma(tokens, i) && !context.in_quote(i))?;
    let start = claim_start(context, cue.end, comma, cue.flags)?;
    // A reported clause ("Noting that …", "Insisting it wasn't rehearsed"), not a
    // thing cited ("Citing last week's attack, …").
    let clause = context.is(&tokens[start], WordClass::Complementizer)
        || has_finite_verb(context, start..comma);
    if !clause {
        return None;
    }
    let claim = claim_after(context, start, comma)?;
    let source = sentence_subject(context, comma + 1..sentence.end, sentence.end)?;
    if !looks_like_source(context, source.head) {
        return None;
    }
    Some(Found::new(
        Frame::Participle,
        claim,
        cue.span,
        Some(source),
        sentence.start..comma + 1,
    ))
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::matcher::FRAMES;
    use crate::matcher::cases::{Case, check, check_cue_frame};

    /// Text → every `[source, cue, claim]` this frame finds in it, tried alone: the
    /// source is the sentence's subject.
    #[rustfmt::skip]
    const CASES: &[Case] = &[
        ("Carly Fiorina threw her support behind Cruz, saying he would win the race.", &[["Carly Fiorina", "saying", "he would win the race"]]),
        // The comma inside a closing quotation mark.
        ("The senator blamed a “bad earpiece,” claiming he had never heard the question.", &[["The senator", "claiming", "he had never heard the question"]]),
        // A title is a subject's head too.
        ("The mayor toured the site, saying the bridge would reopen.", &[["The mayor", "saying", "the bridge would reopen"]]),
        // Adverbs between the comma and the participle.
        ("Trump toured the site, falsely suggesting that Obama was born abroad.", &[["Trump", "suggesting", "that Obama was born abroad"]]),
        ("The board met twice, later adding that costs rose.", &[["The board", "adding", "that costs rose"]]),
        // A short opener and its comma come before the subject.
        ("The plan failed, officials said, adding that costs rose.", &[["officials", "adding", "that costs rose"]]),
        // No subject that names a source.
        ("In the end the plan failed badly, officials said, adding that costs rose.", &[]),
        // Opening the sentence: the claim runs to its comma, the source is the
        // subject after it; a thing cited is no claim.
        ("Saying he would win, Fiorina left the stage.", &[["Fiorina", "Saying", "he would win"]]),
        ("Noting that both men faced opposition, the senator wrote a book.", &[["the senator", "Noting", "that both men faced opposition"]]),
        ("Citing last week's attack, Trump called for a ban.", &[]),
        // Not after a comma.
        ("Fiorina left the stage after saying he would win.", &[]),
        // One word after the cue is no claim.
        ("The committee met on Tuesday, saying nothing.", &[]),
    ];

    /// Text → what every frame finds, in order: the speaker found earlier in the
    /// sentence speaks on.
    #[rustfmt::skip]
    const AFTER_A_SPEAKER: &[Case] = &[
        ("In the end the plan failed badly, officials said, adding that costs rose.", &[["officials", "said", "In the end the plan failed badly"], ["officials", "adding", "that costs rose"]]),
    ];

    #[test]
    fn case_table() {
        check_cue_frame(parse, CASES);
        check(&FRAMES, crate::ingest::Role::Body, AFTER_A_SPEAKER);
    }
}
