//! Headline style `"<source>: <claim>"` ("Sanders: Brexit’s message could draw Trump
//! support", "Q: …", "… - HuffPollster: “…”"), tried once per sentence before its
//! cues. An index walk to the colon; the source is read with the noun-phrase parser.

use std::ops::Range;

use super::claim::{claim_after, has_word};
use super::noun_phrase::noun_phrase;
use super::relay::SourcePhrase;
use super::tokens::Tokens;
use super::{Context, Found, Frame};
use crate::grammar::{AffixClass, WordClass, WordRole};
use crate::ingest::block::Role;
use crate::segment::token::first_token_from;
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
    if !context.holds_colon(window.clone()) {
        return None;
    }
    let colon = window.clone().find(|&i| tokens[i].is_punct(':'))?;
    let mut start = (window.start..colon)
        .rev()
        .find(|&i| tokens[i].is_dash())
        .map_or(sentence.start, |dash| dash + 1);
    // "More from the report: “…”", "From Jones: “…”"
    let is = |index: usize, class| tokens.get(index).is_some_and(|t| context.is(t, class));
    if is(start, WordClass::IntroAdverb) && is(start + 1, WordClass::SourceIntro) {
        start += 2;
    } else if is(start, WordClass::SourceIntro) {
        start += 1;
    }
    let words = tokens[start..colon].iter().filter(|t| t.is_word()).count();
    if start >= colon || !has_word(tokens, colon + 1..sentence.end) {
        return None;
    }
    // "Q:": a question is nobody's claim (transcripts are read in ingest/transcript.rs;
    // this is a label inside a paragraph).
    if is_interview_label(context, start, colon)
        && context.is(&tokens[start], WordClass::QuestionLabel)
    {
        return None;
    }
    let headline = (words <= MAX_SOURCE_WORDS)
        .then(|| headline_source(context, start, colon))
        .flatten();
    let Some(span) = headline else {
        return quotation_introduced(context, start, colon, sentence.end);
    };
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
    // "Remember: The world ignored it", "Answer: A boy": in a body paragraph a
    // headline's shape introduces a quotation, or nothing.
    let quoted = context.segmented.quotes.opening_at(claim.start).is_some();
    let body = context.segmented.block.role == Role::Body;
    if body && !quoted && !is_interview_label(context, start, colon) {
        return None;
    }
    Some(Found::new(
        Frame::Colon,
        claim,
        tokens[colon].span,
        Some(SourcePhrase::single(span)),
        start..sentence.end,
    ))
}

/// Most words between a source and the colon that introduces its quotation: "was
/// blunt", "had a message for the 600 travelling fans, too".
const MAX_PREDICATE_WORDS: usize = 10;

/// "Smith was blunt: “…”", "The council had a warning: ‘…’": a source, a short
/// predicate that opens with no cue (the cue frames read "said in a statement:
/// “…”"), a colon and a quotation. The cue is the predicate up to its first preposition
/// ("had a warning" of "had a warning for the council").
fn quotation_introduced(
    context: &Context,
    start: usize,
    colon: usize,
    end: usize,
) -> Option<Found> {
    let tokens = &context.segmented.tokens;
    let quote = tokens
        .get(colon + 1)
        .and_then(|opening| context.segmented.quotes.opening_at(opening.span.start))?;
    let source_end = introduced_source(context, start, colon)?;
    let predicate_start = after_appositive(context, source_end, colon);
    let predicate = predicate_start..colon;
    let words = tokens[predicate.clone()]
        .iter()
        .filter(|t| t.is_word())
        .count();
    // "had a message for the fans, too:"
    let only_words = tokens[predicate.clone()]
        .iter()
        .all(|token| token.is_word() || token.is_punct(','));
    // "said in a statement:", "Asked …, Devine replied:": the cue frames read a
    // predicate with a cue in it; a cue noun after an article ("had a warning for the
    // council") is no verb of saying.
    let has_cue = predicate.clone().any(|i| {
        context.cue_end_at(i, colon).is_some() && !context.is(&tokens[i - 1], WordClass::Article)
    });
    let opens_with_preposition = context.is_role(&tokens[predicate_start], WordRole::Preposition);
    if !tokens[predicate_start].is_word()
        || opens_with_preposition
        || words > MAX_PREDICATE_WORDS
        || !only_words
        || has_cue
    {
        return None;
    }
    // The source with its appositive, without the comma that closes it.
    let source_last = if predicate_start > source_end {
        predicate_start - 2
    } else {
        source_end - 1
    };
    let cue_end = (predicate_start + 1..colon)
        .find(|&i| context.is_role(&tokens[i], WordRole::Preposition) || tokens[i].is_punct(','))
        .unwrap_or(colon);
    let claim_end = first_token_from(tokens, quote.end).min(end);
    Some(Found::new(
        Frame::Colon,
        quote,
        tokens[predicate_start].span.cover(tokens[cue_end - 1].span),
        Some(SourcePhrase::single(
            tokens[start].span.cover(tokens[source_last].span),
        )),
        start..claim_end.max(colon + 1),
    ))
}

/// Most tokens of an appositive between a source and its predicate: "Ron Abernathy,
/// the engineer who led the inspection, was blunt:".
const MAX_APPOSITIVE_TOKENS: usize = 12;

/// Where the predicate starts after the source that ends at `source_end`: past an
/// appositive between commas, if one follows.
fn after_appositive(context: &Context, source_end: usize, colon: usize) -> usize {
    let tokens = &context.segmented.tokens;
    if !tokens[source_end].is_punct(',') {
        return source_end;
    }
    (source_end + 1..colon.min(source_end + 1 + MAX_APPOSITIVE_TOKENS))
        .take_while(|&i| tokens[i].is_word() || tokens[i].is_punct(','))
        .find(|&i| tokens[i].is_punct(','))
        .map_or(source_end, |comma| comma + 1)
}

/// Where the source before an introduced quotation ends: after a noun phrase whose
/// head is a name, a source noun or a title ("the mayor"), or after a pronoun that
/// stands for a person.
fn introduced_source(context: &Context, start: usize, colon: usize) -> Option<usize> {
    let tokens = &context.segmented.tokens;
    if context.is(&tokens[start], WordClass::RefersPerson) {
        return Some(start + 1);
    }
    // "Asked what he wanted, …", "Responding to this, …": a clause, not a source
    // (a name goes on capitalised: "Ted Cruz").
    let first = &tokens[start];
    let name_goes_on = tokens
        .get(start + 1)
        .is_some_and(|next| next.is_capitalized());
    let participle = context.has_affix(&first.lower, AffixClass::Participle)
        || context.has_affix(&first.lower, AffixClass::PastParticiple);
    if participle && !name_goes_on {
        return None;
    }
    let (rest, span) = noun_phrase(context.grammar)(Tokens::new(tokens, start..colon)).ok()?;
    let head = &tokens[rest.offset - 1];
    let grammar = context.grammar;
    let names_source = head.span.end == span.end
        && (head.is_capitalized()
            || grammar.source_noun(&head.lower).is_some()
            || grammar.opens_title(&head.lower));
    names_source.then_some(rest.offset)
}

/// "Q:" or "A:" of an interview transcript: the one capitalised word before the colon.
fn is_interview_label(context: &Context, start: usize, colon: usize) -> bool {
    let tokens = &context.segmented.tokens;
    colon == start + 1
        && tokens[colon].is_punct(':')
        && tokens[start].is_capitalized()
        && (context.is(&tokens[start], WordClass::QuestionLabel)
            || context.is(&tokens[start], WordClass::AnswerLabel))
}

/// The source before a headline colon: a noun phrase naming a source, all of
/// `start..colon` or, in a title, the phrase before "on/to/about …" ("CNN President On
/// Trump:", "Obama To Asians Worried About U.S. Election:"); "A" of an interview
/// transcript stands for the interviewee.
fn headline_source(context: &Context, start: usize, colon: usize) -> Option<Span> {
    let tokens = &context.segmented.tokens;
    if is_interview_label(context, start, colon) {
        return Some(tokens[start].span);
    }
    // "Schilling told WEEI:": a lowercase cue inside is a verb, and its own frame's.
    let holds_cue = (start + 1..colon)
        .any(|i| !tokens[i].is_capitalized() && context.cue_end_at(i, colon).is_some());
    if holds_cue {
        return None;
    }
    let (rest, span) = noun_phrase(context.grammar)(Tokens::new(tokens, start..colon)).ok()?;
    let in_title = context.segmented.block.role == Role::Title;
    let topic_follows = rest
        .first()
        .is_some_and(|next| context.is(next, WordClass::TopicPreposition));
    if !(rest.is_empty() || (in_title && topic_follows)) {
        return None;
    }
    let head_index = tokens[start..colon].partition_point(|t| t.span.end <= span.end);
    let head = &tokens[start + head_index.checked_sub(1)?];
    // "ANALYSIS:", "Related:": a section's label, not a speaker.
    if context.is(head, WordClass::SectionLabel) {
        return None;
    }
    let names_source = head.is_capitalized() || context.grammar.source_noun(&head.lower).is_some();
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
        // In a body paragraph the shape introduces a quotation, not a clause (#19:
        // 4 right of 50 on PolNeAR train): "Remember: …", "Answer: A boy".
        ("Sanders: “Brexit’s message could draw Trump support.”", &[["Sanders", ":", "“Brexit’s message could draw Trump support.”"]]),
        ("Sanders: Brexit’s message could draw Trump support", &[]),
        ("Officials: the plan failed.", &[]),
        // A cue before the colon is the cue: "told WEEI:" is source_first's.
        ("Schilling told WEEI: “I did not post that.”", &[]),
        // After a dash; after "From" or "More from".
        ("IOWA POLLS NOT WRONG, JUST TOO EARLY - Mark Blumenthal and Jon Cohen: “The polls were right.”", &[["Mark Blumenthal and Jon Cohen", ":", "“The polls were right.”"]]),
        ("More from the report: “Costs rose sharply.”", &[["the report", ":", "“Costs rose sharply.”"]]),
        ("From Jones: “The plan failed badly.”", &[["Jones", ":", "“The plan failed badly.”"]]),
        // An interview answer runs to the next label; a question is nobody's claim.
        ("Q: What did you see? A: Nothing at all, I was asleep.", &[["A", ":", "Nothing at all, I was asleep"]]),
        ("Question: What did you see?", &[]),
        // A section label or kicker names no source (nor steals a cue after it).
        ("Note: the plan failed.", &[]),
        ("ANALYSIS: Prices will rise.", &[]),
        ("ON THE AGENDA: a vote on the budget", &[]),
        // "plan" names no source.
        ("The plan had three parts: cost, time and risk.", &[]),
        // A quotation in single marks.
        ("Chancellor: 'no U-turn on fuel duty'", &[["Chancellor", ":", "'no U-turn on fuel duty'"]]),
        // A quotation introduced by its source and a predicate that is no cue; the cue
        // stops at the predicate's preposition.
        ("Smith was blunt: \"The plan has failed.\"", &[["Smith", "was blunt", "\"The plan has failed.\""]]),
        ("The council had a warning for residents: ‘Stay indoors.’", &[["The council", "had a warning", "‘Stay indoors.’"]]),
        ("She was defiant: \"We will fight on.\"", &[["She", "was defiant", "\"We will fight on.\""]]),
        ("Ron Abernathy, the engineer who led it, was blunt: \"It failed.\"", &[["Ron Abernathy, the engineer who led it", "was blunt", "\"It failed.\""]]),
        ("The manager had a message for the fans, too: 'Sorry.'", &[["The manager", "had a message", "'Sorry.'"]]),
        // A cue opens the predicate: the cue frames read it.
        ("Smith said in a statement: \"We will win.\"", &[]),
        // No quotation after the colon; no source before the predicate.
        ("Smith was blunt: the plan has failed.", &[]),
        ("Asked what he wanted, Devine replied: \"Peace.\"", &[]),
        ("Corporations are part of communities, she said: \"Pay it forward.\"", &[]),
        ("Gillibrand on Hillary Releasing Her Speech Transcripts: ‘I Think She Will.’", &[]),
        ("Ted Cruz was blunt: \"No.\"", &[["Ted Cruz", "was blunt", "\"No.\""]]),
        ("The plan was simple: \"Win.\"", &[]),
        ("It was simple: \"Win.\"", &[]),
    ];

    /// The same in a title, where a topic may follow the source.
    #[rustfmt::skip]
    const TITLE_CASES: &[Case] = &[
        ("Sanders: Brexit’s message could draw Trump support", &[["Sanders", ":", "Brexit’s message could draw Trump support"]]),
        ("Officials: the plan failed.", &[["Officials", ":", "the plan failed"]]),
        ("From Jones: the plan failed badly.", &[["Jones", ":", "the plan failed badly"]]),
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
