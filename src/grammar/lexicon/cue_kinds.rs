//! `cue_kinds.txt`: what each cue reports, `phrase | KIND`: speech ("said"), belief
//! ("believes"), evidential ("showed"), stance ("criticized") or intent ("vowed").
//! Looked up by the cue's text once a claim is linked, not by the text's words.

use super::{Entry, Lexicon};
use crate::error::Error;
use crate::grammar::Grammar;
use crate::model::CueKind;

/// The lexicon of `cue_kinds.txt`.
pub struct CueKinds;

impl Lexicon for CueKinds {
    const FILE: &'static str = "cue_kinds.txt";
    const TEXT: &'static str = include_str!("../../../grammar/cue_kinds.txt");
    type Value = CueKind;

    fn parse(entry: &Entry) -> Result<CueKind, Error> {
        match entry.fields {
            [kind] => kind.parse().map_err(|message: String| entry.error(message)),
            _ => Err(entry.error(format!(
                "expected `phrase | KIND` with KIND one of {}",
                CueKind::ALL.map(CueKind::as_str).join(", ")
            ))),
        }
    }

    fn add(grammar: &mut Grammar, phrase: &str, kind: CueKind) {
        grammar.cue_kinds.insert(phrase.to_lowercase(), kind);
    }

    fn remove(grammar: &mut Grammar, phrase: &str) -> bool {
        grammar.cue_kinds.remove(&phrase.to_lowercase()).is_some()
    }

    fn words(_: &Grammar) -> impl Iterator<Item = &str> {
        std::iter::empty()
    }
}
