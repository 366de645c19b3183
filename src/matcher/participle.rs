//! ", saying …", ", adding that …": a participle cue whose source is the speaker
//! already named in the sentence, or the sentence's subject.

use std::ops::Range;

use super::claim::{claim_after, claim_start};
use super::noun_phrase::noun_phrase;
use super::phrase::{according, cue};
use super::relay::SourcePhrase;
use super::tokens::Tokens;
use super::{Context, Found, Frame};
use crate::grammar::WordRole;
use crate::segment::Token;

/// Parses the frame with the participle cue at token `at`; `previous` is the
/// attribution found earlier in the same sentence, if any.
pub fn parse(
    context: &Context,
    sentence: Range<usize>,
    at: usize,
    previous: Option<&Found>,
) -> Option<Found> {
    let tokens = &context.segmented.tokens;
    let participle = &tokens[at];
    if !participle.lower.ends_with("ing") || at == sentence.start || !tokens[at - 1].is_punct(',') {
        return None;
    }
    if according(context.grammar)(Tokens::new(tokens, at..sentence.end)).is_ok() {
        return None;
    }
    let (after_cue, (cue_span, flags)) =
        cue(context.grammar)(Tokens::new(tokens, at..sentence.end)).ok()?;
    let source = match previous.and_then(|hit| hit.source.clone()) {
        Some(source) => source,
        None => sentence_subject(context, sentence.clone(), at)?,
    };
    let start = claim_start(context, after_cue.offset, sentence.end, flags)?;
    let claim = claim_after(context.segmented, start, sentence.end)?;
    Some(Found {
        frame: Frame::Participle,
        claim,
        cue: cue_span,
        source: Some(source),
        sentence: 0,
        covered: at..sentence.end,
        claim_in_next_block: false,
    })
}

/// Most tokens of an opening phrase skipped before a subject: "On Tuesday, …".
const MAX_OPENER_TOKENS: usize = 6;

/// The noun phrase or pronoun that opens the sentence (after a short opener such as
/// "However," or "On Tuesday,"), when its head names a source: "Carly Fiorina threw
/// her support behind Cruz, saying …".
pub fn sentence_subject(
    context: &Context,
    sentence: Range<usize>,
    before: usize,
) -> Option<SourcePhrase> {
    let tokens = &context.segmented.tokens;
    // The comma right before the participle closes the main clause, not an opener.
    let opener_comma = (sentence.start..before.min(sentence.start + MAX_OPENER_TOKENS + 1))
        .find(|&i| tokens[i].is_punct(',') && i + 1 < before);
    let mut start = opener_comma.map_or(sentence.start, |comma| comma + 1);
    // "But the court overruled and said …": a leading conjunction is no subject.
    if tokens
        .get(start)
        .is_some_and(|token| matches!(token.lower.as_ref(), "but" | "and" | "so" | "yet" | "still"))
    {
        start += 1;
    }
    let first = tokens.get(start).filter(|_| start < before)?;
    if context.is_role(first, WordRole::Pronoun) {
        return Some(SourcePhrase::single(first.span));
    }
    let (_, span) = noun_phrase(context.grammar)(Tokens::new(tokens, start..before)).ok()?;
    let phrase_end = tokens[start..before].partition_point(|token| token.span.end <= span.end);
    let head = subject_head(context, &tokens[start..start + phrase_end])?;
    Some(SourcePhrase::single(tokens[start].span.cover(head.span)))
}

/// "businessman", "lawmaker", "analyst", "resident": a noun for a person by what
/// they do, known by its ending.
fn is_agent_noun(token: &Token) -> bool {
    const ENDINGS: &[&str] = &[
        "man", "woman", "men", "women", "maker", "makers", "ist", "ists",
    ];
    token.lower.len() > 5 && ENDINGS.iter().any(|ending| token.lower.ends_with(ending))
}

/// The head of a subject read left to right, where the greedy noun phrase may have
/// run on into the verb: "Smith saw", "the company cited". A name ends at its first
/// lowercase word that is no source noun, a source noun at its first word that is
/// none; the head must be a name or a source noun.
fn subject_head<'t>(context: &Context, phrase: &'t [Token<'t>]) -> Option<&'t Token<'t>> {
    let is_source_noun = |token: &Token| {
        context
            .grammar
            .source_nouns
            .contains_key(token.lower.as_ref())
    };
    let mut head: Option<&Token> = None;
    let content = phrase
        .iter()
        .filter(|token| token.is_word() && !context.is_role(token, WordRole::Determiner));
    for token in content {
        if token.is_capitalized() || is_source_noun(token) || is_agent_noun(token) {
            head = Some(token);
        } else if head.is_some() {
            break;
        }
    }
    head
}
