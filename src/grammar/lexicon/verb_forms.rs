//! `mined/verb_forms.txt`: words that are finite verbs most of the time they occur
//! ("was", "said", "will"), mined from the silver tags of PolNeAR train by
//! `scripts/mine_syntax.py`. A claim that holds one is a clause ("the plan was
//! dead"); one that holds none is a noun phrase ("a ban on imports"). Looked up by
//! a claim's words once it is linked, not by the matcher.

use super::{Entry, Lexicon};
use crate::error::Error;
use crate::grammar::Grammar;

/// The lexicon of `mined/verb_forms.txt`; an overlay names it `verb_forms.txt`.
pub struct VerbForms;

impl Lexicon for VerbForms {
    const FILE: &'static str = "verb_forms.txt";
    const TEXT: &'static str = include_str!("../../../grammar/mined/verb_forms.txt");
    type Value = ();

    fn parse(entry: &Entry) -> Result<(), Error> {
        entry.no_fields()
    }

    fn add(grammar: &mut Grammar, phrase: &str, (): ()) {
        grammar.finite_verbs.insert(phrase.to_lowercase());
    }

    fn remove(grammar: &mut Grammar, phrase: &str) -> bool {
        grammar.finite_verbs.remove(&phrase.to_lowercase())
    }

    fn words(grammar: &Grammar) -> impl Iterator<Item = &str> {
        grammar.finite_verbs.iter().map(String::as_str)
    }
}
