//! A token where the cue frames are tried, with what several of them ask of it
//! worked out once: the "according to" phrase or the verb cue that opens there, and
//! the source before that cue.

use std::cell::OnceCell;
use std::ops::Range;

use super::phrase::{according, cue, that_clause_opens};
use super::relay::SourcePhrase;
use super::source_fit::cue_allows;
use super::subject::cue_subject;
use super::tokens::Tokens;
use super::{Context, Found};
use crate::grammar::{CueFlags, WordClass};
use crate::span::Span;

/// A token that may open a cue or an "according to" phrase, in its sentence.
pub struct CueSite<'f> {
    /// The token's index in the block.
    pub at: usize,
    /// The tokens of its sentence.
    pub sentence: Range<usize>,
    /// The attribution found earlier in the same sentence, if any: "…, officials
    /// said, adding …" adds to it.
    pub previous: Option<&'f Found>,
    /// The "according to" phrase that opens here.
    pub according: Option<According>,
    /// The verb cue that opens here ("said", "pointed out"); none where an
    /// "according to" phrase does, which only its own frame reads.
    pub cue: Option<Cue>,
    /// The source before `cue`, looked for when a frame first asks.
    subject: OnceCell<Option<Subject>>,
}

/// An "according to"-style phrase.
pub struct According {
    pub span: Span,
    /// The token after it.
    pub end: usize,
}

/// A verb cue and its flags.
pub struct Cue {
    pub span: Span,
    /// The token after it.
    pub end: usize,
    pub flags: CueFlags,
}

/// The source that stands before a verb cue ("officials" in "officials said").
pub struct Subject {
    pub source: SourcePhrase,
    /// Index of its first token.
    pub start: usize,
    /// Whether the cue takes such a source: "the cable read" takes a document, "the
    /// data think" takes none (see [`cue_allows`]).
    pub allowed: bool,
}

impl<'f> CueSite<'f> {
    /// The site at token `at` of `sentence`, its phrases looked up in the lexicons.
    pub fn new(
        context: &Context,
        sentence: Range<usize>,
        at: usize,
        previous: Option<&'f Found>,
    ) -> Self {
        let grammar = context.grammar;
        // The token's first-word flags answer what the phrase lookups would at once
        // when no phrase of the lexicon starts with it.
        let opens = context.segmented.opens[at];
        let input = Tokens::new(&context.segmented.tokens, at..sentence.end);
        let according = opens
            .according
            .then(|| according(grammar)(input).ok())
            .flatten()
            .map(|(rest, span)| According {
                span,
                end: rest.offset,
            });
        let cue = (opens.cue && according.is_none())
            .then(|| cue(grammar)(input).ok())
            .flatten()
            .map(|(rest, (span, flags))| Cue {
                span,
                end: rest.offset,
                flags,
            });
        CueSite {
            at,
            sentence,
            previous,
            according,
            cue,
            subject: OnceCell::new(),
        }
    }

    /// A site at token `at` read as the cue `cue`, which no lexicon lists: a verb
    /// after a quotation and its comma ("…,” she deadpanned", `quote_verb.rs`).
    pub fn with_cue(sentence: Range<usize>, at: usize, cue: Cue) -> Self {
        CueSite {
            at,
            sentence,
            previous: None,
            according: None,
            cue: Some(cue),
            subject: OnceCell::new(),
        }
    }

    /// False when no cue frame can parse here: neither an "according to" phrase nor
    /// a cue opens at the token, only the first word of one ("the" of "the hope",
    /// "is" of "is expected": hundreds of thousands of them in the bench corpus for
    /// a hundred real cues), and the token is no word that asks (the question frame
    /// reads "asked whether" by its word alone). Every frame of
    /// [`FRAMES`](super::FRAMES) starts from one of these, so the walk skips the
    /// others; `tests::starting_at_the_listed_tokens_finds_what_every_token_found` holds it
    /// to that.
    pub fn opens_a_frame(&self, context: &Context) -> bool {
        self.according.is_some()
            || self.cue.is_some()
            || context.is(&context.segmented.tokens[self.at], WordClass::Asks)
    }

    /// The verb cue when it takes a source: an impersonal cue ("appears") speaks of
    /// its own clause, and only its own frame reads it.
    pub fn cue_with_source(&self) -> Option<&Cue> {
        self.cue.as_ref().filter(|cue| !cue.flags.impersonal)
    }

    /// The source before the verb cue (see [`cue_subject`]), found once for the
    /// frames that read it.
    pub fn subject(&self, context: &Context) -> Option<&Subject> {
        self.subject
            .get_or_init(|| {
                let cue = self.cue_with_source()?;
                // "…, but he was copied and Gates said …": where an earlier claim
                // ended at a coordinator, this source starts after it.
                let tokens = &context.segmented.tokens;
                let floor = self
                    .previous
                    .map(|hit| hit.covered.end)
                    .filter(|&end| {
                        end < self.at && context.is(&tokens[end], WordClass::Coordinator)
                    })
                    .map_or(self.sentence.start, |end| end + 1);
                let searched = floor..self.sentence.end;
                // "are worried that …": an adjective before its clause is no passive;
                // "Diplomats are worried, according to …" stays one.
                let adjective = cue.flags.adjective
                    && that_clause_opens(
                        &tokens[cue.end.min(self.sentence.end)..self.sentence.end],
                        context.grammar,
                    );
                let (source, start) = cue_subject(context, &searched, self.at, adjective)?;
                let allowed = cue_allows(context, cue.flags, source.head);
                Some(Subject {
                    source,
                    start,
                    allowed,
                })
            })
            .as_ref()
    }
}
