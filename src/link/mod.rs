//! Links the frames found in each block into the claims of a document: continued
//! quotes inherit the last speaker, "X reported:" takes the next paragraph, an
//! interview's answer is its speaker's claim and its questions nobody's, and the
//! rest of the prose becomes unattributed claims.

pub mod digest;
pub mod names;

pub use digest::Digest;

use crate::ingest::{Role, Turn};
use crate::matcher::SourcePhrase;
use crate::model::{Marker, add_claim_part, grow_claim};
use crate::span::Span;
use digest::SentenceFacts;

/// A claim before assessment: where it is and what it rests on.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The claim; for a claim in parts, the span that covers them.
    pub claim: Span,
    /// The claim's parts when it has more than one, else none.
    pub fragments: Vec<Span>,
    pub cue: Option<Span>,
    pub source: Option<SourcePhrase>,
    /// The text the claim's markers are looked for in (its sentences).
    pub scope: Span,
    pub attributed: bool,
    /// The interview turn the claim answers in, when it is an answer: its source is
    /// the turn's label, its cue the label's mark.
    pub turn: Option<Turn>,
}

/// A section's claims with what assessing them needs.
#[derive(Debug, Clone)]
pub struct Linked {
    /// The claims, by start and end.
    pub drafts: Vec<Draft>,
    /// Every reliability marker of the section, in text order.
    pub markers: Vec<Marker>,
    /// The blocks, their frames and markers taken out: their quotations tell a
    /// direct claim from an indirect one, their names who a pronoun stands for.
    pub blocks: Vec<Digest>,
}

/// Turns the frames found in each prose block into the section's claims.
pub fn link(mut blocks: Vec<Digest>) -> Linked {
    let mut drafts: Vec<Draft> = Vec::new();
    // The last speaker and the cue that introduced them: a quote that continues
    // their words is attributed by that same cue.
    let mut speaker: Option<(SourcePhrase, Span)> = None;
    let mut previous_block_attributed = false;
    let mut waiting_for_block: Option<usize> = None;
    // The draft whose quotation the previous block left open: a quoted paragraph
    // right after it goes on with the same words, as a part of the same claim.
    let mut left_open: Option<usize> = None;
    for digest in &mut blocks {
        let hits = std::mem::take(&mut digest.found);
        let digest = &*digest;
        let mut block_attributed = false;
        let mut taken = Coverage::new(&digest.sentences);
        let waiting = waiting_for_block;
        if let Some(index) = waiting_for_block.take() {
            drafts[index].claim = digest.span;
            drafts[index].fragments.clear();
            drafts[index].scope = drafts[index].scope.cover(digest.span);
            taken.mark(digest.span);
            block_attributed = true;
        }
        let hits_start = drafts.len();
        for hit in hits {
            let sentence = digest.sentences[hit.sentence].span;
            for span in [hit.claim, hit.cue, sentence] {
                taken.mark(span);
            }
            if let Some(source) = &hit.source {
                taken.mark(source.span);
            }
            if hit.claim_in_next_block {
                waiting_for_block = Some(drafts.len());
            }
            if let Some(source) = &hit.source {
                speaker = Some((source.clone(), hit.cue));
            }
            block_attributed = true;
            drafts.push(Draft {
                claim: hit.claim,
                fragments: hit.fragments,
                cue: Some(hit.cue),
                source: hit.source,
                scope: sentence.cover(hit.claim),
                attributed: true,
                turn: None,
            });
        }
        if let (Role::Answer(turn), Some(claim)) = (digest.role, digest.answer) {
            // The answer is its speaker's words, whole; what it reports others to
            // have said is a claim of its own besides.
            taken.mark(digest.span);
            drafts.push(Draft {
                claim,
                fragments: Vec::new(),
                cue: Some(turn.mark),
                source: Some(SourcePhrase::single(turn.label)),
                scope: digest.span,
                attributed: true,
                turn: Some(turn),
            });
            block_attributed = true;
        }
        // A question asks: it claims nothing of its own (what it reports others to
        // have said is a claim; assess marks what it only asks about).
        let asks = digest.role == Role::Question;
        let mut owners = QuoteOwners::new(&drafts, hits_start, waiting, digest.span);
        for (number, sentence) in digest.sentences.iter().enumerate() {
            if asks || taken.is_marked(number) {
                continue;
            }
            let continues = speaker.is_some()
                && (block_attributed || previous_block_attributed)
                && sentence.quoted;
            if continues && let Some(owner) = owners.owner(sentence.span.start) {
                // "…," Barkley said. "They have followed ratings …": one claim,
                // in parts, without the attribution clause between them; a quoted
                // sentence right after the last part grows it.
                let claim = quote_extent(digest, sentence.span);
                let previous = &mut drafts[owner];
                let follows_last_part =
                    number > 0 && previous.claim.end >= digest.sentences[number - 1].span.end;
                if follows_last_part {
                    grow_claim(&mut previous.claim, &mut previous.fragments, claim);
                } else {
                    add_claim_part(&mut previous.claim, &mut previous.fragments, claim);
                }
                previous.scope = previous.scope.cover(claim);
                taken.mark(claim);
            } else if continues
                && number == 0
                && let Some(owner) = left_open
            {
                let claim = quote_extent(digest, sentence.span);
                let previous = &mut drafts[owner];
                add_claim_part(&mut previous.claim, &mut previous.fragments, claim);
                previous.scope = previous.scope.cover(claim);
                taken.mark(claim);
                owners.continued_by(owner);
                block_attributed = true;
            } else if continues {
                let claim = quote_extent(digest, sentence.span);
                taken.mark(claim);
                owners.continued_by(drafts.len());
                drafts.push(Draft {
                    claim,
                    fragments: Vec::new(),
                    cue: speaker.as_ref().map(|(_, cue)| *cue),
                    source: speaker.as_ref().map(|(source, _)| source.clone()),
                    scope: sentence.span.cover(claim),
                    attributed: true,
                    turn: None,
                });
                block_attributed = true;
            } else if let Some(claim) = sentence.assertion {
                drafts.push(Draft {
                    claim,
                    fragments: Vec::new(),
                    cue: None,
                    source: None,
                    scope: sentence.span,
                    attributed: false,
                    turn: None,
                });
            }
        }
        if !block_attributed {
            speaker = None;
        }
        left_open = digest.quotes.left_open().and_then(|quote| {
            owners
                .owner(quote.end)
                .filter(|&owner| drafts[owner].claim.end >= quote.end)
        });
        previous_block_attributed = block_attributed;
    }
    drafts.retain(|draft| !draft.claim.is_empty());
    let drafts = by_claim(drafts);
    let markers = blocks
        .iter_mut()
        .flat_map(|digest| std::mem::take(&mut digest.markers))
        .collect::<Vec<_>>();
    Linked {
        drafts,
        markers,
        blocks,
    }
}

/// `drafts` by claim start and end, drafts with equal claims in their order. A
/// draft is some 200 bytes and a section may hold thousands, each block's hits
/// before its plain sentences: sorting the drafts themselves spent most of its time
/// moving them, so the keys are sorted and each draft moves once.
fn by_claim(drafts: Vec<Draft>) -> Vec<Draft> {
    let key = |draft: &Draft| (draft.claim.start, draft.claim.end);
    if drafts.is_sorted_by_key(key) {
        return drafts;
    }
    // The index last makes the unstable sort keep equal claims in their order.
    let mut order: Vec<(usize, usize, usize)> = drafts
        .iter()
        .enumerate()
        .map(|(index, draft)| (draft.claim.start, draft.claim.end, index))
        .collect();
    order.sort_unstable();
    let mut slots: Vec<Option<Draft>> = drafts.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|(_, _, index)| slots[index].take())
        .collect()
}

/// Which sentences of a block something already covers; marking a span costs a
/// binary search plus the sentences it touches, so a long paragraph stays linear.
struct Coverage<'s> {
    sentences: &'s [SentenceFacts],
    marked: Vec<bool>,
}

impl<'s> Coverage<'s> {
    fn new(sentences: &'s [SentenceFacts]) -> Self {
        Coverage {
            sentences,
            marked: vec![false; sentences.len()],
        }
    }

    /// Marks every sentence that shares a byte with `span`.
    fn mark(&mut self, span: Span) {
        let first = self
            .sentences
            .partition_point(|sentence| sentence.span.end <= span.start);
        for (offset, sentence) in self.sentences[first..].iter().enumerate() {
            if sentence.span.start >= span.end && !span.is_empty() {
                break;
            }
            if sentence.span.overlaps(span) {
                self.marked[first + offset] = true;
            } else if span.is_empty() {
                break;
            }
        }
    }

    fn is_marked(&self, sentence: usize) -> bool {
        self.marked[sentence]
    }
}

/// The attributed claims of a block that a later quoted sentence continues: the most
/// recent one whose claim starts before the sentence, even past a sentence of
/// narration (measured on PolNeAR train: merging whatever lies between scores better
/// than splitting off a cue-less attribution). Drafts are read newest first and not
/// past one that lies outside the block. Sentences come in text order, so each query
/// costs amortised constant time: a block of a million sentences stays linear.
struct QuoteOwners {
    /// (claim start, draft index) of the block's candidate hits, by claim start.
    hits: Vec<(usize, usize)>,
    /// How many of `hits` start before the last sentence asked about.
    passed: usize,
    /// The newest hit among those.
    newest_hit: Option<usize>,
    /// The newest cue-less continuation pushed in the block (newer than every hit).
    continuation: Option<usize>,
}

impl QuoteOwners {
    /// `hits_start` is the index of the block's first hit; `waiting` the draft of the
    /// previous block that claims this whole block ("X reported:"), if any.
    fn new(drafts: &[Draft], hits_start: usize, waiting: Option<usize>, block: Span) -> Self {
        let outside = (hits_start..drafts.len())
            .rev()
            .find(|&index| !block.contains(drafts[index].claim));
        let first = match outside {
            Some(index) => index + 1,
            None if waiting.is_some_and(|index| index + 1 == hits_start) => hits_start - 1,
            None => hits_start,
        };
        let mut hits: Vec<(usize, usize)> = (first..drafts.len())
            .filter(|&index| drafts[index].attributed)
            .map(|index| (drafts[index].claim.start, index))
            .collect();
        hits.sort_unstable();
        QuoteOwners {
            hits,
            passed: 0,
            newest_hit: None,
            continuation: None,
        }
    }

    /// The draft a quoted sentence starting at `sentence_start` continues.
    fn owner(&mut self, sentence_start: usize) -> Option<usize> {
        while let Some(&(start, index)) = self.hits.get(self.passed) {
            if start >= sentence_start {
                break;
            }
            self.newest_hit = self.newest_hit.max(Some(index));
            self.passed += 1;
        }
        self.continuation.or(self.newest_hit)
    }

    /// A continuation was pushed as draft `index`.
    fn continued_by(&mut self, index: usize) {
        self.continuation = Some(index);
    }
}

/// The quotation that a quoted sentence opens, or the sentence itself.
fn quote_extent(digest: &Digest, sentence: Span) -> Span {
    digest
        .quotes
        .opening_at(sentence.start)
        .map_or(sentence, |quote| quote.cover(sentence))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Block, Role};
    use crate::matcher::cases::{Case, GRAMMAR, check_table};
    use crate::pipeline::digest_block;

    /// `text` linked, each paragraph (between blank lines) a body block.
    fn linked(text: &str) -> Linked {
        let mut start = 0;
        let mut digests = Vec::new();
        let mut lower = String::new();
        let mut buffers = crate::segment::Buffers::default();
        for paragraph in text.split("\n\n") {
            let span = Span::new(start, start + paragraph.len());
            start = span.end + 2;
            let block = Block {
                span,
                role: Role::Body,
            };
            digests.push(digest_block(
                text,
                block,
                &mut lower,
                &mut buffers,
                &GRAMMAR,
            ));
        }
        link(digests)
    }

    /// Text → its claims as they read, `[source, cue, claim]` ("" for none: an
    /// unattributed claim has neither source nor cue; a claim in parts reads them
    /// joined by " … ").
    #[rustfmt::skip]
    const CASES: &[Case] = &[
        // A quote with no cue continues the last speaker's claim: one claim in parts,
        // without the attribution clause.
        (r#""The plan failed," Smith said. "It cost too much.""#, &[["Smith", "said", r#""The plan failed," … "It cost too much.""#]]),
        (r#""The plan failed," said Ann Lee, the agency's director. "It cost too much." "We will fix it.""#, &[["Ann Lee", "said", r#""The plan failed," … "It cost too much." "We will fix it.""#]]),
        (r#""We lost," she said while standing outside the court. "We will appeal.""#, &[["she", "said", r#""We lost," … "We will appeal.""#]]),
        // In the next paragraph it is a claim of its own, by the same speaker and cue.
        ("Smith said the plan failed badly.\n\n\"It cost far too much money.\"", &[["Smith", "said", "the plan failed badly"], ["Smith", "said", "\"It cost far too much money.\""]]),
        // A quotation left open at the paragraph's end goes on in the next one: the
        // same claim, a part per paragraph, as long as each leaves it open.
        ("\"The plan failed,\" Smith said. \"It cost too much.\n\n\"We will fix it.\"", &[["Smith", "said", "\"The plan failed,\" … \"It cost too much. … \"We will fix it.\""]]),
        ("Smith said: \"The plan failed.\n\n\"It cost too much.\n\n\"We will fix it.\"", &[["Smith", "said", "\"The plan failed. … \"It cost too much. … \"We will fix it.\""]]),
        ("‘We lost,’ she said. ‘It cost too much.\n\n‘We will appeal.’", &[["she", "said", "‘We lost,’ … ‘It cost too much. … ‘We will appeal.’"]]),
        // A closed one does not: the next paragraph's quote is a claim of its own.
        ("\"The plan failed,\" Smith said.\n\n\"It cost far too much money.\"", &[["Smith", "said", "\"The plan failed,\""], ["Smith", "said", "\"It cost far too much money.\""]]),
        // Not past a paragraph of narration: the quote is then nobody's.
        ("Smith said the plan failed badly.\n\nThe weather was fine all week long.\n\n\"It cost far too much money.\"", &[["Smith", "said", "the plan failed badly"], ["", "", "The weather was fine all week long"], ["", "", "\"It cost far too much money.\""]]),
        // Within a paragraph, past a sentence of narration, which is also a claim.
        (r#""The plan failed," Smith said. The room was quiet for a while. "It cost too much.""#, &[["Smith", "said", r#""The plan failed," … "It cost too much.""#], ["", "", "The room was quiet for a while"]]),
        // "X reported:" takes the next paragraph as its claim.
        ("The New York Times reported:\n\nThe plan failed badly last year.", &[["The New York Times", "reported", "The plan failed badly last year."]]),
        // The rest of the prose: declarative sentences of four words or more.
        ("The plan failed badly last year.", &[["", "", "The plan failed badly last year"]]),
        ("It failed.", &[]),
        ("Did the plan fail badly last year?", &[]),
        // Claims come out by where they start.
        ("Costs rose sharply this year. The plan failed, officials said.", &[["", "", "Costs rose sharply this year"], ["officials", "said", "The plan failed"]]),
    ];

    proptest::proptest! {
        /// Sorting keys and moving each draft once orders drafts as a stable sort
        /// of the drafts themselves does (the scope's start numbers each draft).
        #[test]
        fn by_claim_is_a_stable_sort(claims in proptest::collection::vec((0usize..12, 0usize..4), 0..40)) {
            let drafts: Vec<Draft> = claims
                .iter()
                .enumerate()
                .map(|(number, &(start, length))| Draft {
                    claim: Span::new(start, start + length),
                    fragments: Vec::new(),
                    cue: None,
                    source: None,
                    scope: Span::new(number, number),
                    attributed: false,
                    turn: None,
                })
                .collect();
            let mut reference = drafts.clone();
            reference.sort_by_key(|draft| (draft.claim.start, draft.claim.end));
            let order = |drafts: &[Draft]| -> Vec<(Span, Span)> {
                drafts.iter().map(|draft| (draft.claim, draft.scope)).collect()
            };
            proptest::prop_assert_eq!(order(&by_claim(drafts)), order(&reference));
        }
    }

    #[test]
    fn case_table() {
        check_table(CASES, |text| {
            let slice = |span: Option<Span>| span.map_or("", |span| span.slice(text)).to_string();
            linked(text)
                .drafts
                .iter()
                .map(|draft| {
                    let source = draft.source.as_ref().map(|source| source.span);
                    let claim = match draft.fragments.as_slice() {
                        [] => slice(Some(draft.claim)),
                        parts => {
                            let parts: Vec<String> =
                                parts.iter().map(|&part| slice(Some(part))).collect();
                            parts.join(" … ")
                        }
                    };
                    [slice(source), slice(draft.cue), claim]
                })
                .collect()
        });
    }
}
