//! `cues.txt`: the reporting verbs and phrases that introduce what somebody says,
//! writes or shows ("said", "told", "pointed out"), every inflected form on a line of
//! its own, with flags for the frames a cue allows: `said | invert` for "…, said the
//! cable", `told | recipient` for "told Foreign Policy that …". The matcher starts a
//! cue frame only at the first word of one of these phrases.
//!
//! `mined/cues.txt`, mined from the PolNeAR train split, is read by these rules too,
//! before this file, so that the hand-written entries win.

use super::{Entry, Lexicon, Opens};
use crate::error::Error;
use crate::grammar::Grammar;

/// What a reporting cue allows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CueFlags {
    /// May stand between claim and source: "…, said the cable."
    pub invert: bool,
    /// Takes an addressee before the claim: "told Foreign Policy that …"
    pub recipient: bool,
    /// Only a cue when its source is a document or publication: "the cable read".
    pub document: bool,
    /// The claim may be a to-infinitive: "declined to comment", "vowed to fight".
    pub infinitive: bool,
    /// Speaks of its own clause, with no source: "Sanders appears to be spending
    /// more", "the president is expected to run". The claim is the whole clause.
    pub impersonal: bool,
    /// Only a cue with a party that can hold a view (a person, group or organization)
    /// as its source: "I think we still have bases", "voters believe", not "the data
    /// think".
    pub person: bool,
    /// Only a cue when "that" and its clause follow: "CNN is reporting that …",
    /// not "in his reporting on the war".
    pub that: bool,
    /// A participle used as an adjective: a form of "be" before it and a "that"
    /// clause after it makes no passive, and the subject holds the view ("her
    /// advisers are convinced that …").
    pub adjective: bool,
    /// Not a cue when a reflexive pronoun follows: "the bank found itself at the
    /// center of the crisis" reports nothing.
    pub not_reflexive: bool,
}

/// Sets one flag.
type Set = fn(&mut CueFlags);

/// Each flag a cue may carry, with what it sets, in the order errors list them.
const FLAGS: &[(&str, Set)] = &[
    ("invert", |flags| flags.invert = true),
    ("recipient", |flags| flags.recipient = true),
    ("document", |flags| flags.document = true),
    ("infinitive", |flags| flags.infinitive = true),
    ("person", |flags| flags.person = true),
    ("impersonal", |flags| flags.impersonal = true),
    ("that", |flags| flags.that = true),
    ("adjective", |flags| flags.adjective = true),
    ("not-reflexive", |flags| flags.not_reflexive = true),
];

/// The lexicon of `cues.txt`.
pub struct Cues;

impl Lexicon for Cues {
    const FILE: &'static str = "cues.txt";
    const TEXT: &'static str = include_str!("../../../grammar/cues.txt");
    const OPENS: Opens = Opens {
        cue: true,
        ..Opens::NONE
    };
    type Value = CueFlags;

    /// `phrase | flag flag …`, any of the flags or none.
    fn parse(entry: &Entry) -> Result<CueFlags, Error> {
        let mut flags = CueFlags::default();
        for set in entry.values(FLAGS, "cue flag") {
            set?(&mut flags);
        }
        Ok(flags)
    }

    fn add(grammar: &mut Grammar, phrase: &str, flags: CueFlags) {
        grammar.cues.insert(phrase, flags);
    }

    fn remove(grammar: &mut Grammar, phrase: &str) -> bool {
        grammar.cues.remove(phrase)
    }

    fn words(grammar: &Grammar) -> impl Iterator<Item = &str> {
        grammar.cues.first_words()
    }
}
