//! One document through every stage: layout, segmentation, frames, linking.

use crate::grammar::Grammar;
use crate::ingest::{Input, Metadata, layout};
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
    let ascii_lower = text.to_ascii_lowercase();
    let blocks: Vec<_> = layout::layout(text, grammar)
        .into_iter()
        .filter(|block| block.role.is_prose())
        .map(|block| segment(text, &ascii_lower, block, grammar))
        .collect();
    let found = blocks
        .iter()
        .map(|segmented| match_block(text, segmented, grammar))
        .collect();
    crate::link::link(text, &blocks, found, grammar)
}
