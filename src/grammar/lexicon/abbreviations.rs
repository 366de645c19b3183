//! `abbreviations.txt`: abbreviations whose period does not end a sentence ("Mr.",
//! "U.S.", "Sept."), so that "Mr. Smith said the plan works." stays one sentence.
//! Stored lowercase without the final period ("mr", "u.s"), as the word before a
//! period is looked up.

use super::{Entry, Lexicon};
use crate::error::Error;
use crate::grammar::Grammar;

/// The lexicon of `abbreviations.txt`.
pub struct Abbreviations;

impl Lexicon for Abbreviations {
    const FILE: &'static str = "abbreviations.txt";
    const TEXT: &'static str = include_str!("../../../grammar/abbreviations.txt");
    type Value = ();

    fn parse(entry: &Entry) -> Result<(), Error> {
        entry.no_fields()
    }

    fn add(grammar: &mut Grammar, phrase: &str, (): ()) {
        let abbreviation = phrase.trim_end_matches('.').to_lowercase();
        grammar.abbreviations.insert(abbreviation);
    }

    fn remove(grammar: &mut Grammar, phrase: &str) -> bool {
        grammar
            .abbreviations
            .remove(phrase.to_lowercase().trim_end_matches('.'))
    }

    fn words(grammar: &Grammar) -> impl Iterator<Item = &str> {
        grammar.abbreviations.iter().map(String::as_str)
    }
}
