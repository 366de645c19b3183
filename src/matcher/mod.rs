//! Attribution frames over a sentence's tokens, one frame per file, and the
//! reliability-marker phrases of a block.
//!
//! Each frame is an index walk over the tokens of one sentence, from a cue or a
//! colon; the phrases it reads (cues, noun phrases, sources with their relays) are
//! nom parsers over the tokens (`phrase.rs`, `noun_phrase.rs`, `relay.rs`).
//! [`FRAMES`] lists the frames in the order they are tried: at every cue of a
//! sentence, left to right, the first that parses wins, and its tokens are not
//! reused (attributions do not nest).

pub mod according_to;
pub mod claim;
pub mod claim_first;
pub mod colon;
pub mod coordinated;
pub mod cue_site;
pub mod impersonal;
pub mod inverted;
pub mod markers;
pub mod no_comment;
pub mod noun_phrase;
pub mod participle;
pub mod passive;
pub mod phrase;
pub mod question;
pub mod quote_verb;
pub mod relay;
pub mod sign_off;
pub mod source_first;
pub mod source_fit;
pub mod subject;
pub mod tokens;

use std::ops::Range;

use crate::grammar::{AffixClass, Grammar, WordClass, WordInfo, WordRole};
use crate::model::add_claim_part;
use crate::segment::token::first_token_from;
use crate::segment::{Segmented, Token, TokenKind};
use crate::span::Span;

use cue_site::CueSite;
pub use markers::find_markers;
pub use relay::SourcePhrase;

/// Which frame produced an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// `"according to <source>, <claim>"` / `"<claim>, according to <source>"`
    /// (`according_to.rs`)
    AccordingTo,
    /// `"<source> <cue> [recipient] [that] <claim>"` (`source_first.rs`)
    SourceCueClaim,
    /// `"<claim>, <source> <cue>."` (`claim_first.rs`)
    ClaimSourceCue,
    /// `"<claim>, <cue> <source>."` (`inverted.rs`)
    ClaimCueSource,
    /// `"<source> <verb> …, <participle> <claim>"`: "…, saying …" (`participle.rs`)
    Participle,
    /// `"<source> <verb> … and <cue> <claim>"`: "… and said …" (`coordinated.rs`)
    Coordinated,
    /// Headline style `"<source>: <claim>"` (`colon.rs`)
    Colon,
    /// `"<party> had not responded to a request for comment"` (`no_comment.rs`)
    NoComment,
    /// `"<clause with its cue>"`: "Sanders appears to be spending more" (`impersonal.rs`)
    Impersonal,
    /// `"<claim> was <cue> by <source>"` (`passive.rs`)
    Passive,
    /// `"When asked <question>, …"`: a question put by nobody named (`question.rs`)
    Question,
    /// `"“<claim>” — <source>, <appositive>"` (`sign_off.rs`)
    SignOff,
}

/// An attribution found in one sentence, before linking and assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub frame: Frame,
    /// The claim; for a claim in parts, the span that covers them.
    pub claim: Span,
    /// The claim's parts when it has more than one (`"A," X said, "B."`), else none.
    pub fragments: Vec<Span>,
    pub cue: Span,
    pub source: Option<SourcePhrase>,
    /// Index of the sentence in its block.
    pub sentence: usize,
    /// Tokens of the block this attribution occupies.
    pub covered: Range<usize>,
    /// "The New York Times reported:" — the claim is the next paragraph.
    pub claim_in_next_block: bool,
}

impl Found {
    /// An attribution of `frame` in the sentence the caller numbers.
    pub fn new(
        frame: Frame,
        claim: Span,
        cue: Span,
        source: Option<SourcePhrase>,
        covered: Range<usize>,
    ) -> Found {
        Found {
            frame,
            claim,
            fragments: Vec::new(),
            cue,
            source,
            sentence: 0,
            covered,
            claim_in_next_block: false,
        }
    }

    /// The same attribution, its claim going on with `part` after the attribution
    /// clause: `"The risk," said Edward Leamer, "is that we wait."`.
    pub fn continued(mut self, part: Span) -> Found {
        add_claim_part(&mut self.claim, &mut self.fragments, part);
        self
    }
}

/// What every frame needs: the block's text, its segmentation and the grammar.
pub struct Context<'s, 'a> {
    pub text: &'a str,
    pub segmented: &'s Segmented<'a>,
    pub grammar: &'s Grammar,
    /// The tokens that are colons, in order (see [`Context::holds_colon`]).
    colons: Vec<usize>,
}

impl<'s, 'a> Context<'s, 'a> {
    /// The context of the block `segmented` of `text`. Its colons are found by
    /// `memchr` in the block's text, once: a colon is always a token of its own
    /// (no word holds one), and most blocks have none.
    pub fn new(text: &'a str, segmented: &'s Segmented<'a>, grammar: &'s Grammar) -> Self {
        let span = segmented.block.span;
        let colons = memchr::memchr_iter(b':', span.slice(text).as_bytes())
            .map(|at| first_token_from(&segmented.tokens, span.start + at))
            .collect();
        Context {
            text,
            segmented,
            grammar,
            colons,
        }
    }

    /// What the grammar knows of `token`, if it is a word it knows.
    pub fn word(&self, token: &Token) -> Option<&WordInfo> {
        if token.is_word() {
            self.grammar.word(&token.lower)
        } else {
            None
        }
    }

    /// True when `token` is a function word: a word with a grammatical role
    /// (`function_words.txt`: "the", "for", "and" …).
    pub fn is_function_word(&self, token: &Token) -> bool {
        self.word(token).is_some_and(|info| info.role.is_some())
    }

    /// True when `token` is a word with the grammatical role `role`.
    pub fn is_role(&self, token: &Token, role: WordRole) -> bool {
        self.word(token).is_some_and(|info| info.role == Some(role))
    }

    /// True when `token` is a word of the class `class`.
    pub fn is(&self, token: &Token, class: WordClass) -> bool {
        token.is_word() && self.grammar.is(&token.lower, class)
    }

    /// The end of the cue phrase that opens at token `at`, read no further than
    /// `end`. A token that opens no cue (its first-word flag) is answered without a
    /// lookup.
    pub fn cue_end_at(&self, at: usize, end: usize) -> Option<usize> {
        if !self.segmented.opens[at].cue {
            return None;
        }
        let tokens = tokens::Tokens::new(&self.segmented.tokens, at..end);
        let (rest, _) = phrase::cue(self.grammar)(tokens).ok()?;
        Some(rest.offset)
    }

    /// True when `word` has an affix of `class` (affixes.txt): "-ing", "-ly" …
    pub fn has_affix(&self, word: &str, class: AffixClass) -> bool {
        self.grammar.affixes.has(word, class)
    }

    /// True when one of the tokens `range` is a colon: looked up in the block's
    /// list of them, as the frames that start from a colon ask of every sentence.
    pub fn holds_colon(&self, range: Range<usize>) -> bool {
        indices_in(&self.colons, range).next().is_some()
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

/// The entries of `indices` (token indices in order: a block's cue starts, marker
/// starts or colons) that fall in the token range `range`, in order.
pub(crate) fn indices_in(indices: &[usize], range: Range<usize>) -> impl Iterator<Item = usize> {
    let first = indices.partition_point(|&index| index < range.start);
    indices[first..]
        .iter()
        .copied()
        .take_while(move |&index| index < range.end)
}

/// A frame tried once per sentence.
pub type SentenceFrame = fn(&Context, Range<usize>) -> Option<Found>;

/// A frame tried at a token that may open a cue or an "according to" phrase.
pub type CueFrame = fn(&Context, &CueSite) -> Option<Found>;

/// The frames of [`match_block`], by when they are tried.
pub struct Frames<'f> {
    /// Once per sentence, before its cues, in this order, and the first that parses
    /// wins: a headline's or a transcript's colon, a quotation's sign-off, the verb
    /// no lexicon lists after a quotation.
    pub first: &'f [SentenceFrame],
    /// At each cue of the sentence, left to right past the tokens already taken; at
    /// a cue, in this order, and the first that parses wins.
    pub at_each_cue: &'f [CueFrame],
    /// Once per sentence in which nothing was found: a party's silence.
    pub if_none: SentenceFrame,
}

/// Every frame, in the order it is tried: the order decides what a sentence that two
/// frames could read becomes. At a cue, "according to" first; then the frames that
/// the cue's word or flags pick out (a participle after a comma, "asked", an
/// impersonal cue, an inverting one); last the two that read the cue's subject, the
/// claim before it ("…, officials said.") before the claim after it ("officials
/// said …").
pub const FRAMES: Frames<'static> = Frames {
    first: &[colon::parse, sign_off::parse, quote_verb::parse],
    at_each_cue: &[
        according_to::parse,
        participle::parse,
        coordinated::parse,
        question::parse,
        impersonal::parse,
        inverted::parse,
        passive::parse,
        claim_first::parse,
        source_first::parse,
    ],
    if_none: no_comment::parse,
};

/// Every attribution the frames find in one segmented block.
pub fn match_block(text: &str, segmented: &Segmented, grammar: &Grammar) -> Vec<Found> {
    match_block_at(
        text,
        segmented,
        grammar,
        &segmented.cue_starts,
        &FRAMES,
        Gate::WholePhrase,
    )
}

/// Which of the tokens that may open a cue the cue frames are tried at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gate {
    /// Only where a whole cue or "according to" phrase opens (see
    /// [`CueSite::opens_a_frame`]): the frames' own answer elsewhere is none.
    WholePhrase,
    /// At every token whose word opens a phrase: the reference the gate is
    /// tested against.
    #[cfg(test)]
    FirstWord,
}

/// [`match_block`] with `frames`, trying the cue frames at `starts` only: token
/// indices in order, among them every token that may open a cue or an "according
/// to" phrase (`segmented.cue_starts`, a few in a hundred tokens; any others are
/// passed over), and of those where `gate` lets them.
fn match_block_at(
    text: &str,
    segmented: &Segmented,
    grammar: &Grammar,
    starts: &[usize],
    frames: &Frames,
    gate: Gate,
) -> Vec<Found> {
    let context = Context::new(text, segmented, grammar);
    let mut found = Vec::new();
    for (number, sentence) in segmented.sentences.iter().enumerate() {
        // Tokens before `free_from` are taken: a hit covers them.
        let mut free_from = sentence.tokens.start;
        let first_hit = frames
            .first
            .iter()
            .find_map(|frame| frame(&context, sentence.tokens.clone()));
        if let Some(mut hit) = first_hit {
            hit.sentence = number;
            free_from = hit.covered.end;
            found.push(hit);
        }
        for index in indices_in(starts, sentence.tokens.clone()) {
            if index < free_from {
                continue;
            }
            let previous = found.last().filter(|hit: &&Found| hit.sentence == number);
            let Some(mut hit) = hit_at(&context, &sentence.tokens, index, previous, frames, gate)
            else {
                continue;
            };
            if previous.is_some_and(|previous| claims_again(&hit, previous)) {
                // "“…,” the coach said of his team's playoff hopes.": "hopes" is no cue
                // of the quote "said" already reported.
                continue;
            }
            hit.sentence = number;
            free_from = hit.covered.end;
            let asides = asides_in_claim(&context, &hit);
            found.push(hit);
            // "concerned that XFocus — a group that the US believes was involved in
            // the exploits — had links with …": an aside between dashes inside the
            // claim holds an attribution of its own, read within the aside.
            for aside in asides {
                for index in indices_in(starts, aside.clone()) {
                    if let Some(mut inner) = hit_at(&context, &aside, index, None, frames, gate) {
                        inner.sentence = number;
                        found.push(inner);
                        break;
                    }
                }
            }
        }
        let sentence_has_hit = found.last().is_some_and(|hit| hit.sentence == number);
        if !sentence_has_hit
            && let Some(mut hit) = (frames.if_none)(&context, sentence.tokens.clone())
        {
            hit.sentence = number;
            found.push(hit);
        }
    }
    found
}

/// The first frame that parses at the cue site `index` of `sentence`, if the token
/// may open one.
fn hit_at(
    context: &Context,
    sentence: &Range<usize>,
    index: usize,
    previous: Option<&Found>,
    frames: &Frames,
    gate: Gate,
) -> Option<Found> {
    let segmented = context.segmented;
    if !segmented.opens[index].cue_or_according() {
        return None;
    }
    let token = &segmented.tokens[index];
    // "the United States" holds no cue; "According to …" and a headline's
    // "Trump Says …" do.
    let may_be_cue = !token.is_capitalized()
        || index == sentence.start
        || segmented.block.role == crate::ingest::Role::Title;
    if !may_be_cue {
        return None;
    }
    let site = CueSite::new(context, sentence.clone(), index, previous);
    if (gate == Gate::WholePhrase && !site.opens_a_frame(context)) || context.in_quote(index) {
        return None;
    }
    frames
        .at_each_cue
        .iter()
        .find_map(|frame| frame(context, &site))
}

/// True when `hit` reports the claim `previous`, a hit of the same sentence, already
/// reported, through a source that holds `previous`'s cue: the same words are not
/// reported twice in one sentence.
fn claims_again(hit: &Found, previous: &Found) -> bool {
    hit.claim == previous.claim
        && hit
            .source
            .as_ref()
            .is_some_and(|source| source.span.overlaps(previous.cue))
}

/// The asides between two dashes ("— a group that the US believes … —") inside
/// the claim of `hit`, after its cue: token ranges, dashes excluded.
fn asides_in_claim(context: &Context, hit: &Found) -> Vec<Range<usize>> {
    let tokens = &context.segmented.tokens;
    let in_claim = |i: &usize| {
        let span = tokens[*i].span;
        span.start >= hit.cue.end.max(hit.claim.start) && span.end <= hit.claim.end
    };
    let dashes: Vec<usize> = hit
        .covered
        .clone()
        .filter(in_claim)
        .filter(|&i| matches!(tokens[i].kind, TokenKind::Punct('—' | '–')))
        .collect();
    dashes
        .chunks_exact(2)
        .filter(|pair| pair[1] > pair[0] + 2)
        .map(|pair| pair[0] + 1..pair[1])
        .collect()
}

#[cfg(test)]
pub(crate) mod cases {
    //! The frames' case tables run here: a text segmented as one paragraph, the
    //! frames under test walked over it as [`match_block`] walks them, and what they
    //! found, as it reads.

    use std::ops::Range;
    use std::sync::LazyLock;

    use super::{Context, CueFrame, Found, Frames, Gate, SentenceFrame, match_block_at};
    use crate::grammar::Grammar;
    use crate::ingest::{Block, Role};
    use crate::segment::{Segmented, segment};
    use crate::span::Span;

    pub static GRAMMAR: LazyLock<Grammar> = LazyLock::new(|| Grammar::built_in().unwrap());

    /// One scenario: a text and every attribution the frames find in it, each as
    /// `[source, cue, claim]`. An empty list is a text the frames must leave alone.
    pub type Case = (&'static str, &'static [[&'static str; 3]]);

    /// Calls `f` with `text` segmented as one block of `role`.
    pub fn with_segmented<R>(text: &str, role: Role, f: impl FnOnce(&Segmented) -> R) -> R {
        let lower = text.to_ascii_lowercase();
        let block = Block {
            span: Span::new(0, text.len()),
            role,
        };
        f(&segment(text, &lower, block, &GRAMMAR))
    }

    /// An attribution as it reads: the source ("" when there is none) with its relays
    /// ("officials via a report"), the cue, and the claim ("<next block>" when the
    /// claim is the next paragraph; a claim in parts reads them joined by " … ").
    pub fn reads(text: &str, found: &Found) -> [String; 3] {
        let source = found.source.as_ref().map_or(String::new(), |source| {
            let mut reads = source.span.slice(text).to_string();
            for relay in &source.via {
                reads.push_str(" via ");
                reads.push_str(relay.slice(text));
            }
            reads
        });
        let claim = if found.claim_in_next_block {
            "<next block>".to_string()
        } else if found.fragments.is_empty() {
            found.claim.slice(text).to_string()
        } else {
            let parts: Vec<&str> = found
                .fragments
                .iter()
                .map(|part| part.slice(text))
                .collect();
            parts.join(" … ")
        };
        [source, found.cue.slice(text).to_string(), claim]
    }

    fn nothing(_: &Context, _: Range<usize>) -> Option<Found> {
        None
    }

    /// Checks every case of `table` against what `reads_text` finds in its text;
    /// names each case that fails.
    pub fn check_table(table: &[Case], reads_text: impl Fn(&str) -> Vec<[String; 3]>) {
        let failures: Vec<String> = table
            .iter()
            .filter_map(|&(text, want)| {
                let got = reads_text(text);
                (got != want).then(|| format!("{text:?}\n  want {want:?}\n  got  {got:?}"))
            })
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Checks every case of `table` against what `frames` find in a block of `role`.
    pub fn check(frames: &Frames, role: Role, table: &[Case]) {
        check_table(table, |text| {
            with_segmented(text, role, |segmented| {
                let starts = &segmented.cue_starts;
                match_block_at(text, segmented, &GRAMMAR, starts, frames, Gate::WholePhrase)
                    .iter()
                    .map(|found| reads(text, found))
                    .collect()
            })
        });
    }

    /// Checks `table` against the cue frame `frame` alone, in body text.
    pub fn check_cue_frame(frame: CueFrame, table: &[Case]) {
        let frames = Frames {
            first: &[],
            at_each_cue: &[frame],
            if_none: nothing,
        };
        check(&frames, Role::Body, table);
    }

    /// Checks `table` against `frame` alone in the first place, in a block of `role`.
    pub fn check_first_frame(frame: SentenceFrame, role: Role, table: &[Case]) {
        let frames = Frames {
            first: &[frame],
            at_each_cue: &[],
            if_none: nothing,
        };
        check(&frames, role, table);
    }

    /// Checks `table` against `frame` alone in the last place, in body text.
    pub fn check_if_none_frame(frame: SentenceFrame, table: &[Case]) {
        let frames = Frames {
            first: &[],
            at_each_cue: &[],
            if_none: frame,
        };
        check(&frames, Role::Body, table);
    }
}

#[cfg(test)]
mod tests {
    use super::cases::{Case, GRAMMAR, check};
    use super::*;
    use crate::ingest::{Block, Role};
    use crate::matcher::markers::find_markers_at;
    use crate::model::Marker;
    use crate::segment::segment;

    // The cue and marker passes visit the tokens listed as possible starts: they
    // must find what they find when every token is tried.

    /// Words, cues, markers and marks that the frames react to.
    const PIECES: &[&str] = &[
        "said",
        "says",
        "told",
        "according to",
        "the",
        "hope",
        "officials",
        "Smith",
        "Mr.",
        "Lee",
        "reportedly",
        "it was unclear",
        "declined to comment",
        "that",
        "he",
        "they",
        "who",
        ",",
        ".",
        ":",
        "“",
        "”",
        "\"",
        "not",
        "responded to a request for comment",
        // cues only before "that", adjectives after "be", a verb no lexicon lists,
        // a dash aside (#19)
        "reporting",
        "convinced",
        "are",
        "fumed",
        "Noting",
        "—",
        "around",
        "30",
        "is",
        "expected",
        "a",
        "report",
        "by",
        "Reuters",
        "saying",
        "and",
        "added",
        "on condition of anonymity",
        "Trump",
        "Says",
        "?",
        "!",
        "asked",
        "Asked",
        "whether",
        "about",
        "when",
    ];

    /// Checks that the listed starts, gated by whole phrases, and every token find
    /// the same frames and markers in `pieces` joined by spaces; returns how many of
    /// each were found.
    fn agree(pieces: &[&str], role: Role) -> Result<(usize, usize), String> {
        let text = pieces.join(" ");
        let lower = text.to_ascii_lowercase();
        let block = Block {
            span: Span::new(0, text.len()),
            role,
        };
        let segmented = segment(&text, &lower, block, &GRAMMAR);
        let (found, markers): (Vec<Found>, Vec<Marker>) = (
            match_block(&text, &segmented, &GRAMMAR),
            find_markers(&segmented, &GRAMMAR),
        );
        let every_token: Vec<usize> = (0..segmented.tokens.len()).collect();
        let reference = match_block_at(
            &text,
            &segmented,
            &GRAMMAR,
            &every_token,
            &FRAMES,
            Gate::FirstWord,
        );
        if found != reference {
            return Err(format!("frames differ on {text:?}"));
        }
        if markers != find_markers_at(&segmented, &GRAMMAR, &every_token) {
            return Err(format!("markers differ on {text:?}"));
        }
        Ok((found.len(), markers.len()))
    }

    proptest::proptest! {
        #[test]
        fn starting_at_the_listed_tokens_finds_what_every_token_found(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..40),
            title in proptest::bool::ANY,
        ) {
            let role = if title { Role::Title } else { Role::Body };
            proptest::prop_assert_eq!(agree(&pieces, role).err(), None);
        }
    }

    proptest::proptest! {
        #[test]
        fn a_range_holds_a_colon_when_one_of_its_tokens_is_one(
            pieces in proptest::collection::vec(
                proptest::sample::select(&[
                    "Lee", ":", "::", "a:b", "http://x.org", "：", "10:30", "“", "—", "said", ",",
                ][..]),
                0..12,
            ),
            glue in proptest::collection::vec(proptest::bool::ANY, 12),
        ) {
            // Pieces joined by a space, or by nothing where `glue` says so.
            let mut text = String::new();
            for (piece, glued) in pieces.iter().zip(&glue) {
                if !glued && !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(piece);
            }
            let lower = text.to_ascii_lowercase();
            let block = Block {
                span: Span::new(0, text.len()),
                role: Role::Body,
            };
            let segmented = segment(&text, &lower, block, &GRAMMAR);
            let context = Context::new(&text, &segmented, &GRAMMAR);
            let count = segmented.tokens.len();
            for start in 0..=count {
                for end in start..=count {
                    let want = segmented
                        .tokens
                        .get(start..end)
                        .is_some_and(|tokens| tokens.iter().any(|token| token.is_punct(':')));
                    proptest::prop_assert_eq!(context.holds_colon(start..end), want, "{:?} {}..{}", text, start, end);
                }
            }
        }
    }

    /// Text → what every frame finds, in order, where the walk over a sentence's cues
    /// decides between hits.
    #[rustfmt::skip]
    const WALK: &[Case] = &[
        // A quote reported once: a later word that would report it again through a
        // source holding the first cue is no cue.
        ("“We’re not going anywhere,” the coach said of his team’s playoff hopes.", &[["the coach", "said", "“We’re not going anywhere,”"]]),
        ("“No,” replied Jeff Zucker, the network's president, said in an interview.", &[["Jeff Zucker", "replied", "“No,”"]]),
        // A source may hold a cue of its own when the claims differ.
        ("Barkley, who said he votes Democratic, said one candidate he likes is Kasich.", &[["who", "said", "he votes Democratic"], ["Barkley, who said he votes Democratic", "said", "one candidate he likes is Kasich"]]),
    ];

    #[test]
    fn walk_table() {
        check(&FRAMES, Role::Body, WALK);
    }

    #[test]
    fn a_question_is_read_at_a_word_that_asks_even_where_no_cue_opens() {
        // With "asked" no cue of its own, it still opens "asked about": only a word
        // that asks lets the question frame past the gate.
        let mut grammar = GRAMMAR.clone();
        assert!(grammar.cues.remove("asked"));
        grammar.index();
        let text = "When asked whether he would run, Christie said he would not.";
        let lower = text.to_ascii_lowercase();
        let block = Block {
            span: Span::new(0, text.len()),
            role: Role::Body,
        };
        let segmented = segment(text, &lower, block, &grammar);
        let found = match_block(text, &segmented, &grammar);
        let frames: Vec<Frame> = found.iter().map(|found| found.frame).collect();
        assert_eq!(frames, [Frame::Question, Frame::SourceCueClaim]);
        assert_eq!(found[0].cue.slice(text), "asked");
    }

    #[test]
    fn the_frames_and_markers_of_a_paragraph_are_found_as_before() {
        let paragraph = [
            "Officials",
            "said",
            "the",
            "plan",
            "failed",
            ",",
            "according to",
            "Reuters",
            ".",
            "“",
            "It",
            "was",
            "a",
            "mistake",
            ",",
            "”",
            "Smith",
            "told",
            "reporters",
            ".",
            "Lee",
            "declined to comment",
            ".",
            "reportedly",
            "around",
            "30",
            "died",
            ".",
        ];
        let (frames, markers) = agree(&paragraph, Role::Body).unwrap();
        assert!(frames >= 2);
        assert!(markers > 0);
    }
}
