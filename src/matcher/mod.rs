//! Attribution frames: nom parsers over a sentence's tokens, one frame per file.
//!
//! Each frame is tried at every cue of a sentence, left to right; the first that
//! parses wins, and its tokens are not reused (attributions do not nest).

pub mod according_to;
pub mod claim;
pub mod colon;
pub mod no_comment;
pub mod participle;
pub mod phrase;
pub mod said_by;
pub mod source;
pub mod tokens;

use std::ops::Range;

use crate::grammar::Grammar;
use crate::segment::Segmented;
use crate::span::Span;

pub use phrase::SourcePhrase;

/// Which frame produced an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// "according to <source>, <claim>" / "<claim>, according to <source>"
    AccordingTo,
    /// "<source> <cue> [recipient] [that] <claim>"
    SourceCueClaim,
    /// "<claim>, <source> <cue>."
    ClaimSourceCue,
    /// "<claim>, <cue> <source>."
    ClaimCueSource,
    /// "<source> <verb> …, <participle> <claim>": "…, saying …"
    Participle,
    /// Headline style "<source>: <claim>"
    Colon,
    /// "<party> had not responded to a request for comment"
    NoComment,
    /// "<clause with its cue>": "Sanders appears to be spending more"
    Impersonal,
    /// "When asked <question>, …": a question put by nobody named
    Question,
}

/// An attribution found in one sentence, before linking and assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub frame: Frame,
    pub claim: Span,
    pub cue: Span,
    pub source: Option<SourcePhrase>,
    /// Index of the sentence in its block.
    pub sentence: usize,
    /// Tokens of the block this attribution occupies.
    pub covered: Range<usize>,
    /// "The New York Times reports:" — the claim is the next paragraph.
    pub claim_in_next_block: bool,
}

/// What every frame parser needs.
pub struct Context<'s, 'a> {
    pub text: &'a str,
    pub segmented: &'s Segmented<'a>,
    pub grammar: &'s Grammar,
}

impl Context<'_, '_> {
    /// True when `token` is a word with the grammatical role `role`.
    pub fn is_role(&self, token: &crate::segment::Token, role: crate::grammar::WordRole) -> bool {
        token.is_word() && self.grammar.word_role(&token.lower) == Some(role)
    }

    /// True when the token `index` lies inside a quotation.
    fn in_quote(&self, index: usize) -> bool {
        let span = self.segmented.tokens[index].span;
        self.segmented
            .quotes
            .overlapping(span)
            .iter()
            .any(|quote| quote.span.start < span.start && span.end < quote.span.end)
    }
}

/// Every attribution the frames find in one segmented block.
pub fn match_block(text: &str, segmented: &Segmented, grammar: &Grammar) -> Vec<Found> {
    let context = Context {
        text,
        segmented,
        grammar,
    };
    let mut found = Vec::new();
    let cue_starts = &segmented.cue_starts;
    for (number, sentence) in segmented.sentences.iter().enumerate() {
        // Tokens before `resume_at` are past: a hit skips the tokens it covers.
        let mut resume_at = sentence.tokens.start;
        let mut free_from = sentence.tokens.start;
        if let Some(mut hit) = colon::parse(&context, sentence.tokens.clone()) {
            hit.sentence = number;
            free_from = hit.covered.end;
            found.push(hit);
        }
        // Only a token that may open a cue can be a candidate.
        let first = cue_starts.partition_point(|&start| start < sentence.tokens.start);
        for &index in &cue_starts[first..] {
            if index >= sentence.tokens.end {
                break;
            }
            if index < resume_at {
                continue;
            }
            let token = &segmented.tokens[index];
            // "the United States" holds no cue; "According to …" and a headline's
            // "Trump Says …" do.
            let may_be_cue = !token.is_capitalized()
                || index == sentence.tokens.start
                || segmented.block.role == crate::ingest::Role::Title;
            if index < free_from || !may_be_cue || context.in_quote(index) {
                continue;
            }
            let previous = found.last().filter(|hit: &&Found| hit.sentence == number);
            let matched = according_to::parse(&context, sentence.tokens.clone(), index)
                .or_else(|| participle::parse(&context, sentence.tokens.clone(), index, previous))
                .or_else(|| said_by::parse(&context, sentence.tokens.clone(), index));
            if let Some(mut hit) = matched {
                hit.sentence = number;
                free_from = hit.covered.end;
                resume_at = (index + 1).max(hit.covered.end.min(sentence.tokens.end));
                found.push(hit);
            }
        }
        let sentence_has_hit = found.last().is_some_and(|hit| hit.sentence == number);
        if !sentence_has_hit
            && let Some(mut hit) = no_comment::parse(&context, sentence.tokens.clone())
        {
            hit.sentence = number;
            found.push(hit);
        }
    }
    found
}
