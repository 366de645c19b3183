//! One document through every stage: layout, segmentation, frames, linking.

use crate::grammar::Grammar;
use crate::ingest::{Input, Metadata, layout};
use crate::link::{Digest, link};
use crate::matcher::match_block;
use crate::model::Attribution;
use crate::segment::segment;

/// A document's attributions, with the text their spans point into.
#[derive(Debug, Clone)]
pub struct Extraction {
    /// The document's name (its path as given, or its id in a JSONL corpus).
    pub doc: String,
    pub text: String,
    /// Publisher, URL and date, when the input carried them.
    pub meta: Metadata,
    pub attributions: Vec<Attribution>,
}

/// Runs the whole pipeline on one decoded input.
pub fn extract(input: Input, grammar: &Grammar) -> Extraction {
    let attributions = extract_text(&input.text, grammar);
    Extraction {
        doc: input.name,
        text: input.text,
        meta: input.meta,
        attributions,
    }
}

/// The attributions of `text`, in text order.
pub fn extract_text(text: &str, grammar: &Grammar) -> Vec<Attribution> {
    // One block's tokens at a time: each block is digested before the next one
    // is segmented, so memory follows the longest paragraph.
    let blocks = layout::layout(text, grammar)
        .into_iter()
        .filter(|block| block.role.is_prose())
        .map(|block| {
            let block_lower = block.span.slice(text).to_ascii_lowercase();
            let segmented = segment(text, &block_lower, block, grammar);
            let found = match_block(text, &segmented, grammar);
            Digest::new(&segmented, found, grammar)
        })
        .collect();
    link(text, blocks, grammar)
}
