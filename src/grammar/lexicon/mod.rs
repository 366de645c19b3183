//! One module per grammar file, each a [`Lexicon`]: the file's name, how one entry's
//! fields are read, how the entry is added to the [`Grammar`] and removed again, and
//! which words the file gives a role to.
//!
//! [`BUILT_IN`] lists every embedded file with the lexicon that reads it, in the order
//! they are read. `scores.rs` is a small worked example of adding a file (`scores.txt`,
//! `name | NUMBER` lines); the steps are:
//! - write the file in `grammar/`, its header saying the format, with `@example`s;
//! - write its module here (`pub mod` and `use` above): a type implementing
//!   `Lexicon`, whose `parse` reads one entry's fields (and says `file:line:
//!   expected …` otherwise), whose `add` and `remove` change the [`Grammar`] field
//!   that holds it, and whose `words` gives the words it has a role for (none for a
//!   lexicon that is not looked up by the text's words: then also add it to the
//!   list in `the_words_of_every_lexicon_are_in_the_form_words_are_looked_up_by`);
//! - give [`Grammar`] that field (`scores: Scores`);
//! - list it once in `BUILT_IN` (`BuiltIn::of::<Scores>()`).
//!
//! Overlays of the file, the list of known file names in errors, `grammar check` and
//! the lexeme table follow from the list; the test suite then asks for a line
//! in `examples_of!` (tests/grammar.rs) and a row in the README's grammar/ table.
//! A new value of a field, such as a new word role or word class (`answer`, say),
//! is a variant of its type and a line of the table beside it (`ROLES` in
//! function_words.rs, `CLASSES` in word_classes.rs), which also writes the error
//! message listing the values.

pub mod abbreviations;
pub mod according;
pub mod affixes;
pub mod aliases;
pub mod cue_kinds;
pub mod cues;
pub mod function_words;
pub mod layout;
pub mod markers;
pub mod name_hints;
pub mod names;
pub mod page;
pub mod relays;
pub mod scores;
pub mod sources;
pub mod titles;
pub mod verb_forms;
pub mod word_classes;

use abbreviations::Abbreviations;
use according::According;
use affixes::Affixes;
use cue_kinds::CueKinds;
use cues::Cues;
use function_words::FunctionWords;
use layout::Layout;
use markers::Markers;
use name_hints::NameHints;
use names::Names;
use page::Page;
use relays::Relays;
use scores::Scores;
use sources::Sources;
use titles::Titles;
use verb_forms::VerbForms;
use word_classes::WordClasses;

use super::{Aliases, Grammar};
use crate::error::Error;
use crate::model::SourceType;

/// Every built-in grammar file with the lexicon that reads it, in the order they are
/// read: a later entry replaces an earlier one of the same phrase, and `@example`s
/// run in this order.
pub const BUILT_IN: &[BuiltIn] = &[
    // Mined from PolNeAR train by scripts/mine_train.py and read by the cues.txt rules;
    // the hand-written cues.txt comes after it, so its entries win.
    BuiltIn {
        name: "mined/cues.txt",
        text: include_str!("../../../grammar/mined/cues.txt"),
        rules: Rules::of::<Cues>(),
    },
    BuiltIn::of::<Cues>(),
    BuiltIn::of::<CueKinds>(),
    BuiltIn::of::<According>(),
    BuiltIn::of::<Sources>(),
    BuiltIn::of::<Names>(),
    BuiltIn::of::<NameHints>(),
    BuiltIn::of::<Relays>(),
    BuiltIn::of::<Markers>(),
    BuiltIn::of::<Scores>(),
    BuiltIn::of::<FunctionWords>(),
    BuiltIn::of::<WordClasses>(),
    // Mined from the silver tags of PolNeAR train by scripts/mine_syntax.py.
    BuiltIn {
        name: "mined/verb_forms.txt",
        text: VerbForms::TEXT,
        rules: Rules::of::<VerbForms>(),
    },
    BuiltIn::of::<Affixes>(),
    BuiltIn::of::<Abbreviations>(),
    BuiltIn::of::<Layout>(),
    BuiltIn::of::<Page>(),
    BuiltIn::of::<Titles>(),
    BuiltIn::of::<Aliases>(),
];

/// The lexicon of one grammar file.
pub trait Lexicon {
    /// The file's name in `grammar/` and in a `--grammar DIR` overlay: "cues.txt".
    const FILE: &'static str;
    /// The built-in file, embedded.
    const TEXT: &'static str;
    /// The phrases a word of this lexicon opens, for the lexeme table's entries
    /// ([`Lexeme::opens`](crate::grammar::Lexeme::opens)) that the matcher consults
    /// at every token; only the cue, "according to" and marker lexicons are scanned
    /// for that way.
    const OPENS: Opens = Opens::NONE;
    /// What one entry's fields say: a cue's flags, a source noun's type, `()` for a
    /// bare list of phrases.
    type Value;

    /// Reads one entry's fields; an error names the entry's file and line.
    fn parse(entry: &Entry) -> Result<Self::Value, Error>;
    /// Adds (or replaces) the entry `phrase`.
    fn add(grammar: &mut Grammar, phrase: &str, value: Self::Value);
    /// Removes the entry `phrase`; true when there was one.
    fn remove(grammar: &mut Grammar, phrase: &str) -> bool;
    /// The words this lexicon gives a role to, lowercase, as a text's words are
    /// looked up: each key of a word list ("officials"), the first word of each
    /// phrase ("according" for "according to"). None for a lexicon matched on whole
    /// lines or phrases (layout.txt, aliases.txt) or not on the text's words at all
    /// (scores.txt, affixes.txt). The phrases each word opens in the lexeme table
    /// are read from these.
    fn words(grammar: &Grammar) -> impl Iterator<Item = &str>;
}

/// One entry being read, with where it came from.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// The file as errors name it: `cues.txt`, or the path of an overlay's file.
    pub file: &'a str,
    pub line: usize,
    pub phrase: &'a str,
    pub fields: &'a [String],
}

impl Entry<'_> {
    /// An error at this entry: `file:line: message`.
    pub fn error(&self, message: String) -> Error {
        Error::Grammar {
            file: self.file.to_string(),
            line: self.line,
            message,
        }
    }

    /// The fields of a bare list of phrases (according.txt, relays.txt): none.
    pub fn no_fields(&self) -> Result<(), Error> {
        if self.fields.is_empty() {
            Ok(())
        } else {
            Err(self.error(format!("expected no fields after `{}`", self.phrase)))
        }
    }

    /// Each field as a value of `table`, in order; an unknown one is an error that
    /// names `what` ("word class") and lists the known values.
    pub fn values<'e, T: Copy>(
        &'e self,
        table: &'e [(&str, T)],
        what: &'e str,
    ) -> impl Iterator<Item = Result<T, Error>> + 'e {
        self.fields.iter().map(move |field| {
            lookup(table, field).ok_or_else(|| {
                self.error(format!(
                    "unknown {what} `{field}`; expected {}",
                    one_of(table)
                ))
            })
        })
    }

    /// The one field of sources.txt, names.txt and name_hints.txt: a source type
    /// ("officials | anonymous").
    pub fn source_type(&self) -> Result<SourceType, Error> {
        match self.fields {
            [one] => one.parse().map_err(|message: String| self.error(message)),
            _ => Err(self.error(format!(
                "expected `phrase | TYPE` with TYPE one of {}",
                SourceType::names().join(", ")
            ))),
        }
    }

    /// `field` as a number between 0 and 1 (a marker's weight, a score); an error
    /// names it `what` ("weight").
    pub fn fraction(&self, field: &str, what: &str) -> Result<f64, Error> {
        field
            .parse()
            .ok()
            .filter(|number: &f64| (0.0..=1.0).contains(number))
            .ok_or_else(|| {
                self.error(format!(
                    "expected a {what} between 0 and 1, found `{field}`"
                ))
            })
    }
}

/// The phrase lexicons a word may open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Opens {
    /// A reporting cue ("said", "pointed out").
    pub cue: bool,
    /// An "according to"-style phrase.
    pub according: bool,
    /// A reliability marker ("reportedly", "declined to comment").
    pub marker: bool,
}

impl Opens {
    /// Opens nothing.
    pub const NONE: Opens = Opens {
        cue: false,
        according: false,
        marker: false,
    };

    /// True when a cue frame may start here: a cue or an "according to" phrase.
    pub fn cue_or_according(self) -> bool {
        self.cue || self.according
    }
}

impl std::ops::BitOrAssign for Opens {
    fn bitor_assign(&mut self, other: Opens) {
        self.cue |= other.cue;
        self.according |= other.according;
        self.marker |= other.marker;
    }
}

/// A built-in grammar file.
#[derive(Clone, Copy)]
pub struct BuiltIn {
    /// Its path under `grammar/`: "cues.txt", "mined/cues.txt".
    pub name: &'static str,
    /// Its content, embedded.
    pub text: &'static str,
    /// The lexicon that reads it.
    pub rules: Rules,
}

impl BuiltIn {
    /// The lexicon `L`'s own file.
    pub const fn of<L: Lexicon>() -> BuiltIn {
        BuiltIn {
            name: L::FILE,
            text: L::TEXT,
            rules: Rules::of::<L>(),
        }
    }
}

/// What a [`Lexicon`] does, without its types, so that files read by different
/// lexicons sit in one list.
#[derive(Clone, Copy)]
pub struct Rules {
    /// The lexicon's [`Lexicon::FILE`].
    pub file: &'static str,
    /// The lexicon's [`Lexicon::OPENS`].
    pub opens: Opens,
    add: fn(&mut Grammar, &Entry) -> Result<(), Error>,
    remove: fn(&mut Grammar, &str) -> bool,
    words: for<'g> fn(&'g Grammar) -> Vec<&'g str>,
}

impl Rules {
    /// The rules of the lexicon `L`.
    pub const fn of<L: Lexicon>() -> Rules {
        Rules {
            file: L::FILE,
            opens: L::OPENS,
            add: add::<L>,
            remove: L::remove,
            words: words::<L>,
        }
    }

    /// Reads `entry` and adds it.
    pub fn add(&self, grammar: &mut Grammar, entry: &Entry) -> Result<(), Error> {
        (self.add)(grammar, entry)
    }

    /// Removes the entry `!phrase` of an overlay names; an error when there is none.
    pub fn remove(&self, grammar: &mut Grammar, entry: &Entry) -> Result<(), Error> {
        if (self.remove)(grammar, entry.phrase) {
            Ok(())
        } else {
            Err(entry.error(format!(
                "`!{}` removes nothing: no such entry",
                entry.phrase
            )))
        }
    }

    /// [`Lexicon::words`] of the lexicon, in `grammar`.
    pub fn words<'g>(&self, grammar: &'g Grammar) -> Vec<&'g str> {
        (self.words)(grammar)
    }
}

fn add<L: Lexicon>(grammar: &mut Grammar, entry: &Entry) -> Result<(), Error> {
    let value = L::parse(entry)?;
    L::add(grammar, entry.phrase, value);
    Ok(())
}

fn words<L: Lexicon>(grammar: &Grammar) -> Vec<&str> {
    L::words(grammar).collect()
}

/// Every lexicon once, in the order of [`BUILT_IN`]: the rules of each lexicon's own
/// file (a mined file is read by the rules of the file it was mined for).
pub fn lexicons() -> impl Iterator<Item = &'static Rules> {
    BUILT_IN
        .iter()
        .filter(|built_in| built_in.name == built_in.rules.file)
        .map(|built_in| &built_in.rules)
}

/// The value named `name` in a table of a field's values.
fn lookup<T: Copy>(table: &[(&str, T)], name: &str) -> Option<T> {
    table
        .iter()
        .find_map(|(known, value)| (*known == name).then_some(*value))
}

/// The names of a table of a field's values as "a, b or c", for an error message.
fn one_of<T>(table: &[(&str, T)]) -> String {
    let names: Vec<&str> = table.iter().map(|(name, _)| *name).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.concat(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each lexicon's errors, word for word: users and tests/cli.rs read them.
    #[test]
    fn field_errors_say_what_was_expected() {
        let table: &[(Rules, &str, &[&str], &str)] = &[
            (
                Rules::of::<Cues>(),
                "said",
                &["invert", "loud"],
                "unknown cue flag `loud`; expected invert, recipient, document, infinitive, person, impersonal, that, adjective or not-reflexive",
            ),
            (
                Rules::of::<According>(),
                "according to",
                &["x"],
                "expected no fields after `according to`",
            ),
            (
                Rules::of::<Sources>(),
                "officials",
                &[],
                "expected `phrase | TYPE` with TYPE one of person, anonymous, organization, publication, document, unknown",
            ),
            (
                Rules::of::<Names>(),
                "Reuters",
                &["paper"],
                "unknown source type `paper`; expected person, anonymous, organization, publication, document or unknown",
            ),
            (
                Rules::of::<NameHints>(),
                "ministry",
                &["organization", "person"],
                "expected `phrase | TYPE` with TYPE one of person, anonymous, organization, publication, document, unknown",
            ),
            (
                Rules::of::<Relays>(),
                "cited in",
                &["by"],
                "expected no fields after `cited in`",
            ),
            (
                Rules::of::<Markers>(),
                "reportedly",
                &["hedge"],
                "expected `phrase | KIND WEIGHT`, e.g. `reportedly | hedge 0.15`",
            ),
            (
                Rules::of::<Markers>(),
                "reportedly",
                &["rumour", "0.1"],
                "unknown marker kind `rumour`; expected hedge, uncertainty, anonymity, no-comment, second-hand, estimate, belief or non-statement",
            ),
            (
                Rules::of::<Markers>(),
                "reportedly",
                &["hedge", "1.5"],
                "expected a weight between 0 and 1, found `1.5`",
            ),
            (
                Rules::of::<FunctionWords>(),
                "has",
                &[],
                "expected `word | ROLE`",
            ),
            (
                Rules::of::<FunctionWords>(),
                "has",
                &["verb"],
                "unknown word role `verb`; expected aux, boundary, determiner, preposition, pronoun or time",
            ),
            (
                Rules::of::<WordClasses>(),
                "one",
                &[],
                "expected `word | CLASS [CLASS …]`",
            ),
            (
                Rules::of::<Affixes>(),
                "ing",
                &["participle"],
                "expected an ending `-ing` or a beginning `estimate-`, found `ing`",
            ),
            (
                Rules::of::<Affixes>(),
                "-ing",
                &["gerund"],
                "unknown affix class `gerund`; expected participle, past-participle, adverb, agent-noun, plural, not-plural or names-estimate",
            ),
            (
                Rules::of::<Abbreviations>(),
                "mr.",
                &["title"],
                "expected no fields after `mr.`",
            ),
            (
                Rules::of::<Layout>(),
                "Advertisement",
                &["banner"],
                "expected `phrase | RULE` with RULE one of line, prefix, comments-start, teaser-start, teaser-end, credit, label, bio-start, wire, release-heading, release-tail",
            ),
            (
                Rules::of::<Titles>(),
                "sen",
                &["senator", "chair"],
                "expected `title` or `title | role`",
            ),
            (
                Rules::of::<Aliases>(),
                "NYT",
                &[],
                "expected `alias | canonical name`",
            ),
        ];
        for (rules, phrase, fields, want) in table {
            let fields: Vec<String> = fields.iter().map(|field| field.to_string()).collect();
            let entry = Entry {
                file: "f.txt",
                line: 7,
                phrase,
                fields: &fields,
            };
            let error = rules.add(&mut Grammar::default(), &entry).unwrap_err();
            assert_eq!(
                error.to_string(),
                format!("f.txt:7: {want}"),
                "{}",
                rules.file
            );
        }
    }

    #[test]
    fn an_overlay_removes_an_entry_of_every_lexicon_once() {
        let mut grammar = Grammar::built_in().unwrap();
        for rules in lexicons() {
            let built_in = BUILT_IN.iter().find(|b| b.name == rules.file).unwrap();
            let first = crate::grammar::file::parse_file(built_in.name, built_in.text)
                .unwrap()
                .into_iter()
                .find_map(|line| match line {
                    crate::grammar::Line::Entry { phrase, .. } => Some(phrase),
                    crate::grammar::Line::Example(_) => None,
                })
                .unwrap();
            let entry = Entry {
                file: "overlay.txt",
                line: 3,
                phrase: &first,
                fields: &[],
            };
            assert!(rules.remove(&mut grammar, &entry).is_ok(), "{first}");
            let error = rules.remove(&mut grammar, &entry).unwrap_err();
            assert_eq!(
                error.to_string(),
                format!("overlay.txt:3: `!{first}` removes nothing: no such entry")
            );
        }
    }

    #[test]
    fn the_words_of_every_lexicon_are_in_the_form_words_are_looked_up_by() {
        let grammar = Grammar::built_in().unwrap();
        for rules in lexicons() {
            let words = rules.words(&grammar);
            for word in &words {
                assert!(!word.is_empty(), "{}", rules.file);
                assert_eq!(*word, word.to_lowercase(), "{}", rules.file);
            }
            let matched_whole = [
                Layout::FILE,
                Aliases::FILE,
                Scores::FILE,
                Affixes::FILE,
                CueKinds::FILE,
                Page::FILE,
            ]
            .contains(&rules.file);
            assert_eq!(words.is_empty(), matched_whole, "{}", rules.file);
        }
        assert!(
            Rules::of::<FunctionWords>()
                .words(&grammar)
                .contains(&"has")
        );
        assert!(
            Rules::of::<According>()
                .words(&grammar)
                .contains(&"according")
        );
    }

    #[test]
    fn each_built_in_file_is_the_file_of_its_name_read_by_its_lexicon() {
        let grammar = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("grammar");
        for built_in in BUILT_IN {
            let on_disk = std::fs::read_to_string(grammar.join(built_in.name)).unwrap();
            assert_eq!(built_in.text, on_disk, "{}", built_in.name);
            let file = built_in.rules.file;
            assert!(
                built_in.name == file || built_in.name.ends_with(&format!("/{file}")),
                "{} is read by the rules of {file}",
                built_in.name
            );
        }
        let files: Vec<&str> = lexicons().map(|rules| rules.file).collect();
        let mut unique = files.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(
            files.len(),
            unique.len(),
            "a lexicon listed twice: {files:?}"
        );
    }
}
