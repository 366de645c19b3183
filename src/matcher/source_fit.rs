//! Whether a phrase found where a source stands can be the source of its cue: a
//! document cue needs a document, a belief cue a party that can hold a view, and
//! the phrase after an inverted cue must read as a source at all.

use super::Context;
use crate::grammar::{CueFlags, WordRole, classify};
use crate::model::SourceType;
use crate::span::Span;

/// After an inverted cue, what names a source: a capitalised name, one after its
/// title or role ("said chief engineer Helen Okafor"), a phrase opened by a
/// determiner, or a known source noun ("said little" is no source).
pub fn looks_like_source(context: &Context, head: Span) -> bool {
    let text = head.slice(context.text);
    let first = text.split_whitespace().next().unwrap_or("");
    let last = text.split_whitespace().last().unwrap_or("");
    let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
    capitalised(first)
        || capitalised(last)
        || context.grammar.word_role(&first.to_lowercase()) == Some(WordRole::Determiner)
        || context
            .grammar
            .source_nouns
            .contains_key(&last.to_lowercase())
}

/// A document cue ("the cable read", "a poll shows") needs a document or publication;
/// a belief cue ("think") a person or group, not a document.
pub fn cue_allows(context: &Context, flags: CueFlags, source: Span) -> bool {
    if !flags.document && !flags.person {
        // Most cues ("said") take any source: no need to type it here.
        return true;
    }
    let text = source.slice(context.text);
    let source_type = classify(text, context.grammar);
    let document_ok = !flags.document
        || matches!(source_type, SourceType::Document | SourceType::Publication)
        || mentions_document(context, text);
    // Believing and wanting take a party that can hold a view: a person or group, not
    // a text ("the data think"); sources.txt types no personal pronoun as one.
    let person_ok =
        !flags.person || !matches!(source_type, SourceType::Document | SourceType::Publication);
    document_ok && person_ok
}

/// "A new batch of State Department emails released this week showed": a document
/// noun anywhere in the phrase, not only at its head, lets a document cue speak.
fn mentions_document(context: &Context, text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|word| !word.is_empty())
        .any(|word| {
            context
                .grammar
                .source_nouns
                .get(word.to_lowercase().as_str())
                .is_some_and(|kind| matches!(kind, SourceType::Document | SourceType::Publication))
        })
}
