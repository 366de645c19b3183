//! One document through every stage: layout, segmentation, frames and markers,
//! linking, assessment.

use std::sync::Mutex;

use crate::assess::{Memos, assess};
use crate::grammar::Grammar;
use crate::ingest::{Block, Input, Metadata, Original, layout};
use crate::link::{Digest, link};
use crate::matcher::{find_markers, match_block};
use crate::model::{Attribution, Scope};
use crate::segment::{self, segment_into};

/// A document's attributions, with the text their spans point into.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// The document's name (its path as given, or its id in a JSONL corpus).
    pub doc: String,
    /// The text the attributions' spans point into.
    pub text: String,
    /// The bytes the text was made from, when they differ (an HTML page): records
    /// point into these.
    pub original: Option<Box<Original>>,
    /// Publisher, URL, date, title and author, when the input carried them.
    pub meta: Metadata,
    pub attributions: Vec<Attribution>,
}

impl Extraction {
    /// The extraction of `input` whose attributions are `attributions`.
    pub fn of(input: Input, attributions: Vec<Attribution>) -> Extraction {
        Extraction {
            doc: input.name,
            text: input.text,
            original: input.original,
            meta: input.meta,
            attributions,
        }
    }
}

/// Text linked as one, at least, in bytes: a document with more is linked in
/// sections of about this much, cut between prose blocks, so that what linking holds
/// stays bounded however long the document. News articles are a few KB; a
/// speaker or a pronoun's antecedent is not carried across a cut, so sections can
/// also be extracted side by side (see [`Extractor::sections`]).
pub const SECTION_BYTES: usize = 256 * 1024;

/// A section of a document, planned before it is extracted: its prose blocks, in
/// text order (see [`Extractor::sections`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub blocks: Vec<Block>,
}

/// The pipeline for one grammar, with what its stages keep from one document to
/// the next (news names the same people and bodies in article after article).
/// One extractor serves a whole run, on every worker thread.
#[derive(Debug)]
pub struct Extractor<'g> {
    grammar: &'g Grammar,
    /// The workspaces not in use: a document takes one and gives it back, so there
    /// are as many as documents were ever extracted at once (one per worker).
    workspaces: Mutex<Vec<Workspace>>,
    split_quotes: bool,
    scope: Scope,
    /// See [`SECTION_BYTES`].
    section_bytes: usize,
}

/// What one worker keeps from block to block and document to document: the
/// buffers a block is lowercased and segmented into, and the answers worked out
/// from the grammar (names, titles). Used by one thread at a time, so nothing in
/// it is locked.
#[derive(Debug, Default)]
pub struct Workspace {
    /// A block's lowercase copy.
    block_lower: String,
    segment: segment::Buffers,
    memos: Memos,
}

impl<'g> Extractor<'g> {
    /// An extractor that knows nothing yet of the documents it will see.
    pub fn new(grammar: &'g Grammar) -> Self {
        Extractor {
            grammar,
            workspaces: Mutex::default(),
            split_quotes: false,
            scope: Scope::All,
            section_bytes: SECTION_BYTES,
        }
    }

    /// The same extractor, cutting sections of `bytes` at least instead of
    /// [`SECTION_BYTES`] (at least 1): for tests that need many sections of a short
    /// text.
    pub fn with_section_bytes(mut self, bytes: usize) -> Self {
        self.section_bytes = bytes.max(1);
        self
    }

    /// The fewest bytes of a section (see [`SECTION_BYTES`]).
    pub fn section_bytes(&self) -> usize {
        self.section_bytes
    }

    /// Runs `work` with a workspace of this extractor's, a free one or a new one.
    fn with_workspace<R>(&self, work: impl FnOnce(&mut Workspace) -> R) -> R {
        let lock = || {
            // A panic elsewhere leaves the list whole: a workspace is in it or not.
            self.workspaces
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
        };
        let mut workspace = lock().pop().unwrap_or_default();
        let result = work(&mut workspace);
        lock().push(workspace);
        result
    }

    /// The same extractor, keeping only the attributions in `scope`.
    pub fn scope(mut self, scope: Scope) -> Self {
        self.scope = scope;
        self
    }

    /// Which attributions it keeps.
    pub fn in_scope(&self) -> Scope {
        self.scope
    }

    /// The same extractor, writing each part of a claim in parts as an attribution
    /// of its own when `split` (see [`split_quotes`]).
    pub fn split_quotes(mut self, split: bool) -> Self {
        self.split_quotes = split;
        self
    }

    /// Whether it writes each part of a claim in parts as an attribution of its own.
    pub fn splits_quotes(&self) -> bool {
        self.split_quotes
    }

    /// The grammar it extracts with.
    pub fn grammar(&self) -> &'g Grammar {
        self.grammar
    }

    /// Runs the whole pipeline on one decoded input.
    pub fn extract(&self, input: Input) -> Extraction {
        let attributions = self.extract_text(&input.text);
        Extraction::of(input, attributions)
    }

    /// The attributions of `text`, in text order.
    pub fn extract_text(&self, text: &str) -> Vec<Attribution> {
        let mut attributions = Vec::new();
        let Ok(()) = self.for_each_section(text, |mut section| {
            attributions.append(&mut section);
            Ok::<(), std::convert::Infallible>(())
        });
        attributions
    }

    /// Hands `each` the attributions of each section of `text` (see
    /// [`SECTION_BYTES`]), in text order: one section for any news article. Stops at
    /// the first error `each` returns.
    pub fn for_each_section<E>(
        &self,
        text: &str,
        each: impl FnMut(Vec<Attribution>) -> Result<(), E>,
    ) -> Result<(), E> {
        self.with_workspace(|workspace| self.sections_in(workspace, text, each))
    }

    /// [`Self::for_each_section`] in `workspace`.
    fn sections_in<E>(
        &self,
        workspace: &mut Workspace,
        text: &str,
        mut each: impl FnMut(Vec<Attribution>) -> Result<(), E>,
    ) -> Result<(), E> {
        let grammar = self.grammar;
        let Workspace {
            block_lower,
            segment,
            memos,
        } = workspace;
        let assessed = |section| self.assessed(text, section, memos);
        let mut section: Vec<Digest> = Vec::new();
        let mut section_start = 0;
        let mut cut_put_off = false;
        for block in layout::layout(text, grammar) {
            if !block.role.is_prose() {
                continue;
            }
            if block.span.start - section_start >= self.section_bytes {
                // "X reported:" takes the next block along, but only once: a chain of
                // them would otherwise put the cut off for ever.
                let claims_next_block = section.last().is_some_and(|digest| {
                    digest.found.iter().any(|found| found.claim_in_next_block)
                });
                if claims_next_block && !cut_put_off {
                    cut_put_off = true;
                } else {
                    if !section.is_empty() {
                        each(assessed(std::mem::take(&mut section)))?;
                    }
                    section_start = block.span.start;
                    cut_put_off = false;
                }
            }
            section.push(digest_block(text, block, block_lower, segment, grammar));
        }
        if section.is_empty() {
            return Ok(());
        }
        each(assessed(section))
    }

    /// A section's digested blocks linked and assessed, kept as the extractor keeps
    /// them.
    fn assessed(&self, text: &str, section: Vec<Digest>, memos: &Memos) -> Vec<Attribution> {
        let mut attributions = assess(text, link(section), self.grammar, memos);
        attributions.retain(|attribution| self.scope.keeps(attribution));
        if self.split_quotes {
            split_quotes(attributions)
        } else {
            attributions
        }
    }

    /// The sections [`Self::for_each_section`] cuts `text` into, planned ahead and
    /// handed out as each is known, so that they can be extracted on other threads
    /// ([`Self::extract_section`]) while the plan goes on. Where a cut falls
    /// depends only on where the prose blocks start and on whether the block
    /// before it claims the next one ("X reported:"), so the plan digests that
    /// block alone, once or twice per section; the walk over the layout is all
    /// else it does.
    pub fn sections<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Section> + 't {
        let grammar = self.grammar;
        let mut blocks = layout::layout(text, grammar)
            .into_iter()
            .filter(|block| block.role.is_prose());
        let mut section: Vec<Block> = Vec::new();
        let mut section_start = 0;
        let mut cut_put_off = false;
        let (mut block_lower, mut buffers) = (String::new(), segment::Buffers::default());
        let mut claims_next_block = move |block: Block| {
            let digest = digest_block(text, block, &mut block_lower, &mut buffers, grammar);
            digest.found.iter().any(|found| found.claim_in_next_block)
        };
        std::iter::from_fn(move || {
            for block in blocks.by_ref() {
                let mut done = None;
                if block.span.start - section_start >= self.section_bytes {
                    // As in `sections_in`: once, and only when the last block asks.
                    if !cut_put_off && section.last().is_some_and(|&last| claims_next_block(last)) {
                        cut_put_off = true;
                    } else {
                        if !section.is_empty() {
                            done = Some(Section {
                                blocks: std::mem::take(&mut section),
                            });
                        }
                        section_start = block.span.start;
                        cut_put_off = false;
                    }
                }
                section.push(block);
                if done.is_some() {
                    return done;
                }
            }
            (!section.is_empty()).then(|| Section {
                blocks: std::mem::take(&mut section),
            })
        })
    }

    /// The attributions of one planned section of `text` (see [`Self::sections`]):
    /// what [`Self::for_each_section`] hands on for it.
    pub fn extract_section(&self, text: &str, section: &Section) -> Vec<Attribution> {
        let grammar = self.grammar;
        self.with_workspace(|workspace| {
            let Workspace {
                block_lower,
                segment,
                memos,
            } = workspace;
            let digests = section
                .blocks
                .iter()
                .map(|&block| digest_block(text, block, block_lower, segment, grammar))
                .collect();
            self.assessed(text, digests, memos)
        })
    }
}

/// Every claim in parts (`"A," she said. "B."`) made one attribution per part, for
/// those who count quotes one by one: each later part goes on with the first's
/// source, cue, markers and score.
pub fn split_quotes(attributions: Vec<Attribution>) -> Vec<Attribution> {
    if attributions
        .iter()
        .all(|attribution| attribution.fragments.is_empty())
    {
        return attributions;
    }
    let mut split = Vec::with_capacity(attributions.len());
    for attribution in attributions {
        if attribution.fragments.is_empty() {
            split.push(attribution);
            continue;
        }
        let mut whole = attribution;
        let parts = std::mem::take(&mut whole.fragments);
        split.extend(parts.into_iter().map(|part| Attribution {
            claim: part,
            ..whole.clone()
        }));
    }
    // A sentence of narration between two parts stays between them.
    split.sort_by_key(|attribution| (attribution.claim.start, attribution.claim.end));
    split
}

/// Runs the whole pipeline on one decoded input (see [`Extractor::extract`]; a run
/// over many documents keeps one extractor).
pub fn extract(input: Input, grammar: &Grammar) -> Extraction {
    Extractor::new(grammar).extract(input)
}

/// The attributions of `text`, in text order.
pub fn extract_text(text: &str, grammar: &Grammar) -> Vec<Attribution> {
    Extractor::new(grammar).extract_text(text)
}

/// One block segmented and matched: only its digest outlives its tokens, so one
/// block's tokens are held at a time. `block_lower` is a buffer for the block's
/// lowercase copy and `buffers` those it is segmented into, reused from block to
/// block.
pub fn digest_block(
    text: &str,
    block: Block,
    block_lower: &mut String,
    buffers: &mut segment::Buffers,
    grammar: &Grammar,
) -> Digest {
    block_lower.clear();
    block_lower.push_str(block.span.slice(text));
    block_lower.make_ascii_lowercase();
    let mut segmented = segment_into(text, block_lower, block, grammar, buffers);
    let found = match_block(text, &segmented, grammar);
    let markers = find_markers(&segmented, grammar);
    let quotes = std::mem::take(&mut segmented.quotes);
    let digest = Digest::new(&segmented, quotes, found, markers, grammar);
    buffers.recycle(segmented);
    digest
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Attributions per section of `text`.
    fn sections(text: &str) -> Vec<Vec<Attribution>> {
        let grammar = Grammar::built_in().expect("the built-in grammar loads");
        let mut sections = Vec::new();
        Extractor::new(&grammar)
            .for_each_section(text, |section| {
                sections.push(section);
                Ok::<(), ()>(())
            })
            .expect("nothing fails");
        sections
    }

    #[test]
    fn a_long_document_is_linked_in_sections_of_whole_paragraphs() {
        // Paragraphs that differ: repeated ones are taken for page furniture.
        let article = |index: usize| {
            format!(
                "Costs rose {index}%, officials said.\n\n\"It failed {index} times,\" Ann Lee said.\n\n"
            )
        };
        assert_eq!(sections(&article(0)).len(), 1);
        let mut long = String::new();
        for index in 0.. {
            if long.len() > 5 * SECTION_BYTES / 2 {
                break;
            }
            long.push_str(&article(index));
        }
        let sections = sections(&long);
        assert_eq!(sections.len(), 3);
        let starts: Vec<usize> = sections
            .iter()
            .flatten()
            .map(|attribution| attribution.claim.start)
            .collect();
        assert!(starts.is_sorted());
        assert_eq!(starts.len(), long.matches("said").count());
        for section in &sections[1..] {
            let first = section[0].claim.start;
            assert!(first >= SECTION_BYTES && long[..first].ends_with("\n\n"));
        }
    }

    #[test]
    fn a_chain_of_blocks_that_claim_the_next_is_still_cut() {
        // Every block ends "… said:", which claims the next block whole.
        let mut chain = String::new();
        for index in 0.. {
            if chain.len() > 5 * SECTION_BYTES / 2 {
                break;
            }
            chain.push_str(&format!("Senator Ann Lee {index} said:\n\n"));
        }
        // Put off without end, the chain was one section of 2.5 MB.
        assert_eq!(sections(&chain).len(), 3);
    }
}
