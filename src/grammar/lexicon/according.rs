//! `according.txt`: phrases that put the source after the cue, in either order
//! around the claim: "according to officials, …" or "…, as reported by the Times".
//! A bare list: no fields.

use super::{Entry, Lexicon, Opens};
use crate::error::Error;
use crate::grammar::Grammar;

/// The lexicon of `according.txt`.
pub struct According;

impl Lexicon for According {
    const FILE: &'static str = "according.txt";
    const TEXT: &'static str = include_str!("../../../grammar/according.txt");
    const OPENS: Opens = Opens {
        according: true,
        ..Opens::NONE
    };
    type Value = ();

    fn parse(entry: &Entry) -> Result<(), Error> {
        entry.no_fields()
    }

    fn add(grammar: &mut Grammar, phrase: &str, (): ()) {
        grammar.according.insert(phrase, ());
    }

    fn remove(grammar: &mut Grammar, phrase: &str) -> bool {
        grammar.according.remove(phrase)
    }

    fn words(grammar: &Grammar) -> impl Iterator<Item = &str> {
        grammar.according.first_words()
    }
}
