//! Attributions that state nothing, marked rather than dropped: a refused or
//! negated report ("declined to say how many jobs would go", "declined to fund the
//! project"), a question put to a source ("asked whether the mayor would resign"),
//! a photo caption or video blurb ("Photo: …"), a correction note ("Correction: An
//! earlier version of this article incorrectly said …"), what an interviewer only
//! asks about ("Q: Do you think the plan failed?"), the author's own first person ("I
//! think …" outside a quotation or an interview's answer), and a speech verb in
//! another sense ("added a second goal"). The phrases of refused reports are markers of `markers.txt`; the
//! other shapes are read here from the attribution and the word classes of
//! `word_classes.txt`. `--scope speech` leaves them out; the default keeps them,
//! marked `non-statement`.

use super::claim_form;
use crate::grammar::{Grammar, WordClass};
use crate::ingest::Role;
use crate::link::Digest;
use crate::model::{Attribution, ClaimForm, Kind, Marker, MarkerKind};
use crate::span::Span;

/// The mark of a non-statement on `attribution` (in `text`, whose blocks are
/// `blocks`), when it is one and carries no such mark from `markers.txt` yet.
pub fn mark(
    text: &str,
    attribution: &Attribution,
    blocks: &[Digest],
    grammar: &Grammar,
) -> Option<Marker> {
    if attribution.kind == Kind::Unattributed || attribution.is_non_statement() {
        return None;
    }
    let span = caption_label(text, attribution.claim, blocks, grammar)
        .or_else(|| interview_question(attribution, blocks))
        .or_else(|| by_cue(text, attribution, grammar))
        .or_else(|| first_person(text, attribution, blocks, grammar))?;
    Some(Marker {
        kind: MarkerKind::NonStatement,
        span,
        weight: 0.0,
    })
}

/// The cue, when its first word and the claim's form make the attribution ask,
/// refuse or act rather than state: "asked whether …", "declined to fund …",
/// "added a second goal".
fn by_cue(text: &str, attribution: &Attribution, grammar: &Grammar) -> Option<Span> {
    let cue = attribution.cue?;
    let first = grammar
        .lexemes
        .caseless(cue.slice(text).split_whitespace().next()?);
    let is = |class| first.is(class);
    let claim = attribution.claim.slice(text);
    let asks = || {
        attribution.claim_form == ClaimForm::Clause
            && attribution.kind != Kind::Direct
            && (claim.trim_end().ends_with('?')
                || first_word(claim).is_some_and(|word| {
                    grammar
                        .lexemes
                        .caseless(word)
                        .is(WordClass::EmbeddedQuestion)
                }))
    };
    let refuses = || attribution.claim_form == ClaimForm::Infinitive;
    // The object right after the verb: "added a second goal", not "…, the cable added."
    let other_sense =
        || attribution.claim_form == ClaimForm::NounPhrase && attribution.claim.start >= cue.end;
    let marked = (is(WordClass::QuestionCue) && asks())
        || (is(WordClass::Refusal) && refuses())
        || (is(WordClass::NeedsClause) && other_sense());
    marked.then_some(cue)
}

/// The label of a photo caption, video blurb or correction note that opens the
/// claim's block: "Photo:", "WATCH:", "Correction:" (also when layout.txt took the
/// label off the block: it then stands before the block on its line).
fn caption_label(text: &str, claim: Span, blocks: &[Digest], grammar: &Grammar) -> Option<Span> {
    let block = blocks.get(blocks.partition_point(|block| block.span.end <= claim.start))?;
    let line_start = text
        .get(..block.span.start)?
        .rfind('\n')
        .map_or(0, |newline| newline + 1);
    let start = if text[line_start..block.span.start].trim().is_empty() {
        block.span.start
    } else {
        line_start
    };
    let rest = text.get(start..block.span.end)?;
    let label = first_word(rest)?;
    // The first word is a slice of `rest`: where it starts needs no search.
    let offset = label.as_ptr() as usize - rest.as_ptr() as usize;
    let after = rest[offset + label.len()..].trim_start();
    let labels = || {
        let lexeme = grammar.lexemes.caseless(label);
        lexeme.is(WordClass::CaptionLabel) || lexeme.is(WordClass::CorrectionLabel)
    };
    (after.starts_with(':') && labels())
        .then(|| Span::new(start + offset, start + offset + label.len()))
}

/// The question mark of the sentence that holds the cue, when it asks in an
/// interviewer's turn: "Do you think the plan failed?" reports nobody's words.
fn interview_question(attribution: &Attribution, blocks: &[Digest]) -> Option<Span> {
    let cue = attribution.cue?;
    let block = blocks.get(blocks.partition_point(|block| block.span.end <= cue.start))?;
    if block.role != Role::Question {
        return None;
    }
    let sentence = block.sentences.get(
        block
            .sentences
            .partition_point(|sentence| sentence.span.end <= cue.start),
    )?;
    sentence.asks
}

/// The source, when it is the author's first person outside any quotation and
/// any interview answer: "I think the plan is a mistake."
fn first_person(
    text: &str,
    attribution: &Attribution,
    blocks: &[Digest],
    grammar: &Grammar,
) -> Option<Span> {
    let source = attribution.source.as_ref()?.span;
    if attribution.kind == Kind::Direct
        || !grammar
            .lexemes
            .caseless(source.slice(text))
            .is(WordClass::FirstPerson)
    {
        return None;
    }
    let block = blocks.get(blocks.partition_point(|block| block.span.end <= source.start))?;
    if matches!(block.role, Role::Answer(_)) {
        return None;
    }
    let quoted = block
        .quotes
        .overlapping(source)
        .iter()
        .any(|quote| quote.span.contains(source));
    (!quoted).then_some(source)
}

/// The first word of `text`, as a claim's words are read.
fn first_word(text: &str) -> Option<&str> {
    claim_form::words(text).next()
}
