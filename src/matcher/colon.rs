//! Headline style "<source>: <claim>" ("Sanders: Brexit’s message could draw Trump
//! support", "Q: …", "… - HuffPollster: “…”"), tried once per sentence before its
//! cues. An index walk to the colon; the source is read with the noun-phrase parser.

use std::ops::Range;

use super::claim::{claim_after, has_word};
use super::noun_phrase::noun_phrase;
use super::relay::SourcePhrase;
use super::tokens::Tokens;
use super::{Context, Found, Frame};
use crate::grammar::WordClass;
use crate::span::Span;

/// Most words a headline source may have before its colon.
const MAX_SOURCE_WORDS: usize = 5;

/// How far into a sentence its colon may stand: "IOWA POLLS NOT WRONG, JUST TOO
/// EARLY - Mark Blumenthal and Jon Cohen: “…”".
const MAX_COLON_OFFSET: usize = 24;

/// Parses the frame at the start of `sentence` (or after a dash in it).
pub fn parse(context: &Context, sentence: Range<usize>) -> Option<Found> {
    let tokens = &context.segmented.tokens;
    let window = sentence.start..sentence.end.min(sentence.start + MAX_COLON_OFFSET);
    let colon = window.clone().find(|&i| tokens[i].is_punct(':'))?;
    let mut start = (window.start..colon)
        .rev()
        .find(|&i| {
            matches!(
                tokens[i].kind,
                crate::segment::TokenKind::Punct('-' | '—' | '–')
            )
        })
        .map_or(sentence.start, |dash| dash + 1);
    // "More from the report: “…”", "From Jones: “…”"
    let is = |index: usize, class| tokens.get(index).is_some_and(|t| context.is(t, class));
    if is(start, WordClass::IntroAdverb) && is(start + 1, WordClass::SourceIntro) {
        start += 2;
    } else if is(start, WordClass::SourceIntro) {
        start += 1;
    }
    let words = tokens[start..colon].iter().filter(|t| t.is_word()).count();
    if start >= colon || words > MAX_SOURCE_WORDS || !has_word(tokens, colon + 1..sentence.end) {
        return None;
    }
    let span = headline_source(context, start, colon)?;
    // An interview answer ("A: …") runs to the end of its paragraph, or to the
    // next label in it: every answer ending at the paragraph's end would make the
    // output grow with the square of a transcript run together as one paragraph.
    let end = if is_interview_label(context, start, colon) {
        (colon + 1..tokens.len())
            .find(|&i| i + 1 < tokens.len() && is_interview_label(context, i, i + 1))
            .unwrap_or(tokens.len())
    } else {
        sentence.end
    };
    let claim = claim_after(context, colon + 1, end)?;
    Some(Found::new(
        Frame::Colon,
        claim,
        tokens[colon].span,
        Some(SourcePhrase::single(span)),
        start..sentence.end,
    ))
}

/// "Q:" or "A:" of an interview transcript: the one capitalised word before the colon.
fn is_interview_label(context: &Context, start: usize, colon: usize) -> bool {
    let tokens = &context.segmented.tokens;
    colon == start + 1
        && tokens[colon].is_punct(':')
        && tokens[start].is_capitalized()
        && context.is(&tokens[start], WordClass::InterviewLabel)
}

/// The source before a headline colon: a noun phrase naming a source, all of
/// `start..colon` or, in a title, the phrase before "on/to/about …" ("CNN President On
/// Trump:", "Obama To Asians Worried About U.S. Election:"); "Q" and "A" of an
/// interview transcript are speakers too.
fn headline_source(context: &Context, start: usize, colon: usize) -> Option<Span> {
    let tokens = &context.segmented.tokens;
    if is_interview_label(context, start, colon) {
        return Some(tokens[start].span);
    }
    let (rest, span) = noun_phrase(context.grammar)(Tokens::new(tokens, start..colon)).ok()?;
    let in_title = context.segmented.block.role == crate::ingest::Role::Title;
    let topic_follows = rest
        .first()
        .is_some_and(|next| context.is(next, WordClass::TopicPreposition));
    if !(rest.is_empty() || (in_title && topic_follows)) {
        return None;
    }
    let head_index = tokens[start..colon].partition_point(|t| t.span.end <= span.end);
    let head = &tokens[start + head_index.checked_sub(1)?];
    let names_source = head.is_capitalized()
        || context
            .grammar
            .source_nouns
            .contains_key(head.lower.as_ref());
    (names_source && head.text.chars().any(char::is_alphabetic)).then_some(span)
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::ingest::Role;
    use crate::matcher::cases::{Case, check_first_frame};

    /// Text → every `[source, cue, claim]` this frame finds in it, tried alone.
    #[rustfmt::skip]
    const CASES: &[Case] = &[
        ("Sanders: Brexit’s message could draw Trump support", &[["Sanders", ":", "Brexit’s message could draw Trump support"]]),
        ("Officials: the plan failed.", &[["Officials", ":", "the plan failed"]]),
        // After a dash; after "From" or "More from".
        ("IOWA POLLS NOT WRONG, JUST TOO EARLY - Mark Blumenthal and Jon Cohen: “The polls were right.”", &[["Mark Blumenthal and Jon Cohen", ":", "“The polls were right.”"]]),
        ("More from the report: “Costs rose sharply.”", &[["the report", ":", "“Costs rose sharply.”"]]),
        ("From Jones: the plan failed badly.", &[["Jones", ":", "the plan failed badly"]]),
        // An interview answer runs to the next label.
        ("Q: What did you see? A: Nothing at all, I was asleep.", &[["Q", ":", "What did you see"], ["A", ":", "Nothing at all, I was asleep"]]),
        // Today a capitalised label reads as a source too.
        ("Note: the plan failed.", &[["Note", ":", "the plan failed"]]),
        // "plan" names no source.
        ("The plan had three parts: cost, time and risk.", &[]),
        // A quotation in single marks.
        ("Chancellor: 'no U-turn on fuel duty'", &[["Chancellor", ":", "'no U-turn on fuel duty'"]]),
    ];

    /// The same in a title, where a topic may follow the source.
    #[rustfmt::skip]
    const TITLE_CASES: &[Case] = &[
        ("CNN President On Trump: He is a great candidate", &[["CNN President", ":", "He is a great candidate"]]),
        ("Obama To Asians Worried: Do not worry", &[["Obama", ":", "Do not worry"]]),
        // More than five words before the colon.
        ("Obama To Asians Worried About U.S. Election: Do not worry", &[]),
        ("Minister: ‘no U-turn’ on Brackenford bus cuts", &[["Minister", ":", "‘no U-turn’ on Brackenford bus cuts"]]),
    ];

    #[test]
    fn case_table() {
        check_first_frame(parse, Role::Body, CASES);
        check_first_frame(parse, Role::Title, TITLE_CASES);
    }
}
