//! Links found frames into attributions: continued quotes inherit the last speaker,
//! "X reports:" takes the next paragraph, the rest of the prose becomes unattributed
//! claims, and markers attach to the claim they qualify.

pub mod digest;
pub mod resolve;

pub use digest::Digest;

use crate::assess::{classify, score};
use crate::grammar::Grammar;
use crate::matcher::SourcePhrase;
use crate::model::{Attribution, Kind, Marker, MarkerKind, Relay, Source, SourceType};
use crate::span::Span;
use digest::SentenceFacts;

/// What a relay through another outlet or document takes off the score.
pub const SECOND_HAND_WEIGHT: f64 = 0.1;

/// A claim before assessment: where it is and what it rests on.
struct Draft {
    claim: Span,
    cue: Option<Span>,
    source: Option<SourcePhrase>,
    /// The text the claim's markers are looked for in (its sentences).
    scope: Span,
    attributed: bool,
}

/// Turns the frames found in each prose block into the document's attributions.
pub fn link(text: &str, mut blocks: Vec<Digest>, grammar: &Grammar) -> Vec<Attribution> {
    let mut drafts: Vec<Draft> = Vec::new();
    // The last speaker and the cue that introduced them: a quote that continues
    // their words is attributed by that same cue.
    let mut speaker: Option<(SourcePhrase, Span)> = None;
    let mut previous_block_attributed = false;
    let mut waiting_for_block: Option<usize> = None;
    for digest in &mut blocks {
        let hits = std::mem::take(&mut digest.found);
        let digest = &*digest;
        let mut block_attributed = false;
        let mut taken = Coverage::new(&digest.sentences);
        let waiting = waiting_for_block;
        if let Some(index) = waiting_for_block.take() {
            drafts[index].claim = digest.span;
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
                cue: Some(hit.cue),
                source: hit.source,
                scope: sentence.cover(hit.claim),
                attributed: true,
            });
        }
        let mut owners = QuoteOwners::new(&drafts, hits_start, waiting, digest.span);
        for (number, sentence) in digest.sentences.iter().enumerate() {
            if taken.is_marked(number) {
                continue;
            }
            let continues = speaker.is_some()
                && (block_attributed || previous_block_attributed)
                && sentence.quoted;
            if continues && let Some(owner) = owners.owner(sentence.span.start) {
                // "…," Barkley said. "They have followed ratings …": one claim.
                let claim = quote_extent(digest, sentence.span);
                let previous = &mut drafts[owner];
                previous.claim = previous.claim.cover(claim);
                previous.scope = previous.scope.cover(claim);
                taken.mark(claim);
            } else if continues {
                let claim = quote_extent(digest, sentence.span);
                taken.mark(claim);
                owners.continued_by(drafts.len());
                drafts.push(Draft {
                    claim,
                    cue: speaker.as_ref().map(|(_, cue)| *cue),
                    source: speaker.as_ref().map(|(source, _)| source.clone()),
                    scope: sentence.span.cover(claim),
                    attributed: true,
                });
                block_attributed = true;
            } else if let Some(claim) = sentence.assertion {
                drafts.push(Draft {
                    claim,
                    cue: None,
                    source: None,
                    scope: sentence.span,
                    attributed: false,
                });
            }
        }
        if !block_attributed {
            speaker = None;
        }
        previous_block_attributed = block_attributed;
    }
    drafts.retain(|draft| !draft.claim.is_empty());
    drafts.sort_by_key(|draft| (draft.claim.start, draft.claim.end));
    let markers = blocks
        .iter_mut()
        .flat_map(|digest| std::mem::take(&mut digest.markers))
        .collect::<Vec<_>>();
    assess(text, &blocks, drafts, markers, grammar)
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

/// Types sources, attaches markers and scores every draft.
fn assess(
    text: &str,
    blocks: &[Digest],
    drafts: Vec<Draft>,
    markers: Vec<Marker>,
    grammar: &Grammar,
) -> Vec<Attribution> {
    let mut owned: Vec<Vec<Marker>> = vec![Vec::new(); drafts.len()];
    let mut by_scope: Vec<usize> = (0..drafts.len()).collect();
    by_scope.sort_by_key(|&index| drafts[index].scope.start);
    for marker in markers {
        if let Some(owner) = marker_owner(&drafts, &by_scope, marker.span) {
            owned[owner].push(marker);
        }
    }
    let sources = make_sources(text, blocks, &drafts, grammar);
    drafts
        .into_iter()
        .zip(owned)
        .zip(sources)
        .map(|((draft, mut markers), source)| {
            if let Some(relayed) = source.as_ref().and_then(second_hand) {
                markers.push(Marker {
                    kind: MarkerKind::SecondHand,
                    span: relayed,
                    weight: SECOND_HAND_WEIGHT,
                });
            }
            markers.sort_by_key(|marker| (marker.span.start, marker.span.end));
            let kind = if draft.attributed {
                quote_kind(blocks, draft.claim)
            } else {
                Kind::Unattributed
            };
            let score = score(
                source.as_ref().map(|source| source.source_type),
                kind,
                &markers,
            );
            Attribution {
                kind,
                claim: draft.claim,
                cue: draft.cue,
                source,
                markers,
                score,
            }
        })
        .collect()
}

/// How many drafts whose scope starts before a marker are tried for it; scopes are
/// sentences, so only the last few can hold it.
const MARKER_CANDIDATES: usize = 8;

/// The draft a marker qualifies: the one whose claim holds it, else the first whose
/// sentence does. `by_scope` lists draft indices by scope start.
fn marker_owner(drafts: &[Draft], by_scope: &[usize], marker: Span) -> Option<usize> {
    let end = by_scope.partition_point(|&index| drafts[index].scope.start <= marker.start);
    let candidates = &by_scope[end.saturating_sub(MARKER_CANDIDATES)..end];
    let in_claim = candidates
        .iter()
        .find(|&&index| drafts[index].claim.contains(marker));
    let in_scope = || {
        candidates
            .iter()
            .filter(|&&index| drafts[index].scope.contains(marker))
            .min()
    };
    in_claim.or_else(in_scope).copied()
}

/// Where a claim came second-hand: the first relay, or the source itself when it is
/// another outlet ("according to The New York Times, which first reported …").
fn second_hand(source: &Source) -> Option<Span> {
    match source.via.first() {
        Some(relay) => Some(relay.span),
        None => (source.source_type == SourceType::Publication).then_some(source.span),
    }
}

/// Types, names and relays of every draft's source, resolving pronouns and role
/// nouns against the names and sources met earlier in the text.
fn make_sources(
    text: &str,
    blocks: &[Digest],
    drafts: &[Draft],
    grammar: &Grammar,
) -> Vec<Option<Source>> {
    let names = blocks
        .iter()
        .flat_map(|digest| digest.names.iter().copied());
    let mut mentions = resolve::Mentions::new(text, names, grammar);
    let mut order: Vec<usize> = (0..drafts.len()).collect();
    order.sort_by_key(|&index| {
        drafts[index]
            .source
            .as_ref()
            .map(|source| source.span.start)
    });
    let mut sources: Vec<Option<Source>> = vec![None; drafts.len()];
    for index in order {
        let Some(phrase) = &drafts[index].source else {
            continue;
        };
        let source = make_source(text, phrase, &mentions, grammar);
        let mention = resolve::source_mention(
            text,
            phrase.span,
            phrase.head,
            source.source_type,
            source.name.as_deref().unwrap_or(phrase.head.slice(text)),
        );
        mentions.push_source(mention);
        sources[index] = Some(source);
    }
    sources
}

/// One source: its type from its head, its name canonical or resolved, its relays.
fn make_source(
    text: &str,
    phrase: &SourcePhrase,
    mentions: &resolve::Mentions,
    grammar: &Grammar,
) -> Source {
    let (mut source_type, canonical) = mentions.type_and_name(phrase.head);
    let mut name = (canonical != phrase.head.slice(text)).then_some(canonical);
    if let Some(antecedent) = resolve::resolve(text, phrase.span, mentions, grammar) {
        name = Some(antecedent.name.clone());
        source_type = antecedent.source_type;
    } else if source_type == SourceType::Person
        && let Some(full) = mentions.full_name(
            name.as_deref().unwrap_or(phrase.head.slice(text)),
            phrase.span.start,
        )
    {
        // "Sullivan" after "Kevin Sullivan".
        name = Some(full);
    }
    let via = phrase
        .via
        .iter()
        .map(|&span| Relay {
            span,
            source_type: classify(span.slice(text), grammar),
        })
        .collect();
    Source {
        span: phrase.span,
        source_type,
        name,
        via,
    }
}

/// Direct when the claim is one quotation, mixed when it holds one, else indirect.
fn quote_kind(blocks: &[Digest], claim: Span) -> Kind {
    let first = blocks.partition_point(|digest| digest.span.end <= claim.start);
    let quotes: Vec<Span> = blocks[first..]
        .iter()
        .take_while(|digest| digest.span.start < claim.end)
        .flat_map(|digest| {
            digest
                .quotes
                .overlapping(claim)
                .iter()
                .map(|quote| quote.span)
        })
        .collect();
    // A claim may start one byte inside a quote or end on a comma or period just
    // outside it; a quote split by "he said" is still the speaker's own words.
    let opens_quoted = quotes.iter().any(|quote| quote.start <= claim.start + 1);
    let closes_quoted = quotes.iter().any(|quote| claim.end <= quote.end + 2);
    match (opens_quoted && closes_quoted, quotes.is_empty()) {
        (true, _) => Kind::Direct,
        (false, false) => Kind::Mixed,
        (false, true) => Kind::Indirect,
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
    /// previous block that claims this whole block ("X reports:"), if any.
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
