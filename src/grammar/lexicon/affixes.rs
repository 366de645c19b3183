//! `affixes.txt`: the endings (and beginnings) that class a word by its form: "-ing
//! | participle" makes ", saying …" a participle cue, "-ly | adverb" lets "publicly"
//! stand between a source and its cue, "-ist | agent-noun" makes "analyst" a noun
//! for a person. How long a word must be besides is the code's: see each class.

use super::{Entry, Lexicon};
use crate::error::Error;
use crate::grammar::Grammar;

/// What an affix says of a word that has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AffixClass {
    /// A present participle: ", saying …", "with 22 percent saying".
    Participle,
    /// A past participle: "a cable released on Wednesday".
    PastParticiple,
    /// An adverb between a source and its cue, written lowercase and longer than
    /// four bytes: "has publicly said".
    Adverb,
    /// A noun for a person by what they do, longer than five bytes: "businessman",
    /// "analyst".
    AgentNoun,
    /// A plural, dropped to match role nouns when more than two bytes are left:
    /// "officials" -> "official".
    Plural,
    /// An ending that is no plural although it ends like one: "boss".
    NotPlural,
    /// In an estimate marker, names the estimate, so that no number needs to
    /// follow: "a low estimate".
    NamesEstimate,
}

/// Each class by its name in the file, in the order errors list them.
const CLASSES: &[(&str, AffixClass)] = &[
    ("participle", AffixClass::Participle),
    ("past-participle", AffixClass::PastParticiple),
    ("adverb", AffixClass::Adverb),
    ("agent-noun", AffixClass::AgentNoun),
    ("plural", AffixClass::Plural),
    ("not-plural", AffixClass::NotPlural),
    ("names-estimate", AffixClass::NamesEstimate),
];

/// An ending ("-ing") or a beginning ("estimate-") without its dash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Affix {
    Ending(String),
    Beginning(String),
}

impl Affix {
    /// `-ing` is an ending, `estimate-` a beginning.
    fn parse(written: &str) -> Option<Affix> {
        let affix = match (written.strip_prefix('-'), written.strip_suffix('-')) {
            (Some(ending), None) => Affix::Ending(ending.to_string()),
            (None, Some(beginning)) => Affix::Beginning(beginning.to_string()),
            _ => return None,
        };
        let text = match &affix {
            Affix::Ending(text) | Affix::Beginning(text) => text,
        };
        (!text.is_empty() && !text.contains([' ', '-'])).then_some(affix)
    }

    /// True when `word` has this affix.
    fn of(&self, word: &str) -> bool {
        match self {
            Affix::Ending(ending) => word.ends_with(ending.as_str()),
            Affix::Beginning(beginning) => word.starts_with(beginning.as_str()),
        }
    }
}

/// The affixes of `affixes.txt`, by class; also the file's lexicon.
#[derive(Debug, Clone, Default)]
pub struct Affixes {
    by_class: [Vec<Affix>; CLASSES.len()],
}

impl Affixes {
    /// True when `word` has an affix of `class`; case-sensitive (the affixes are
    /// lowercase: give it a lowercase word unless the case matters).
    pub fn has(&self, word: &str, class: AffixClass) -> bool {
        self.by_class[class as usize]
            .iter()
            .any(|affix| affix.of(word))
    }

    /// `word` without the longest ending of `class` it has.
    pub fn strip<'w>(&self, word: &'w str, class: AffixClass) -> Option<&'w str> {
        self.by_class[class as usize]
            .iter()
            .filter_map(|affix| match affix {
                Affix::Ending(ending) => word.strip_suffix(ending.as_str()),
                Affix::Beginning(_) => None,
            })
            .min_by_key(|stem| stem.len())
    }

    /// Removes `affix` from every class; true when it had one.
    fn remove_affix(&mut self, affix: &Affix) -> bool {
        let mut had = false;
        for list in &mut self.by_class {
            let before = list.len();
            list.retain(|known| known != affix);
            had |= list.len() != before;
        }
        had
    }
}

impl Lexicon for Affixes {
    const FILE: &'static str = "affixes.txt";
    const TEXT: &'static str = include_str!("../../../grammar/affixes.txt");
    type Value = (Affix, Vec<AffixClass>);

    /// `-ending | CLASS [CLASS …]` or `beginning- | CLASS [CLASS …]`.
    fn parse(entry: &Entry) -> Result<(Affix, Vec<AffixClass>), Error> {
        let affix = Affix::parse(entry.phrase).ok_or_else(|| {
            entry.error(format!(
                "expected an ending `-ing` or a beginning `estimate-`, found `{}`",
                entry.phrase
            ))
        })?;
        if entry.fields.is_empty() {
            return Err(entry.error("expected `-ending | CLASS [CLASS …]`".into()));
        }
        let classes = entry
            .values(CLASSES, "affix class")
            .collect::<Result<_, _>>()?;
        Ok((affix, classes))
    }

    /// A later line of the same affix replaces its classes.
    fn add(grammar: &mut Grammar, _: &str, (affix, classes): (Affix, Vec<AffixClass>)) {
        grammar.affixes.remove_affix(&affix);
        for class in classes {
            let list = &mut grammar.affixes.by_class[class as usize];
            if !list.contains(&affix) {
                list.push(affix.clone());
            }
        }
    }

    fn remove(grammar: &mut Grammar, phrase: &str) -> bool {
        Affix::parse(phrase).is_some_and(|affix| grammar.affixes.remove_affix(&affix))
    }

    /// None: an affix is part of a word, not a word of the text.
    fn words(_: &Grammar) -> impl Iterator<Item = &str> {
        std::iter::empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(phrase: &str, fields: &[&str]) -> Result<(Affix, Vec<AffixClass>), String> {
        let fields: Vec<String> = fields.iter().map(|field| field.to_string()).collect();
        let entry = Entry {
            file: "affixes.txt",
            line: 5,
            phrase,
            fields: &fields,
        };
        Affixes::parse(&entry).map_err(|error| error.to_string())
    }

    /// What an entry reads as, or its error.
    type Read = Result<(Affix, Vec<AffixClass>), &'static str>;

    #[test]
    fn entries_and_their_errors() {
        let ending = |text: &str| Affix::Ending(text.to_string());
        let table: &[(&str, &[&str], Read)] = &[
            (
                "-ing",
                &["participle"],
                Ok((ending("ing"), vec![AffixClass::Participle])),
            ),
            (
                "estimate-",
                &["names-estimate"],
                Ok((
                    Affix::Beginning("estimate".into()),
                    vec![AffixClass::NamesEstimate],
                )),
            ),
            (
                "-s",
                &["plural", "adverb"],
                Ok((ending("s"), vec![AffixClass::Plural, AffixClass::Adverb])),
            ),
            (
                "ing",
                &["participle"],
                Err(
                    "affixes.txt:5: expected an ending `-ing` or a beginning `estimate-`, found `ing`",
                ),
            ),
            (
                "-ing-",
                &["participle"],
                Err(
                    "affixes.txt:5: expected an ending `-ing` or a beginning `estimate-`, found `-ing-`",
                ),
            ),
            (
                "-",
                &["participle"],
                Err(
                    "affixes.txt:5: expected an ending `-ing` or a beginning `estimate-`, found `-`",
                ),
            ),
            (
                "-ing",
                &[],
                Err("affixes.txt:5: expected `-ending | CLASS [CLASS …]`"),
            ),
            (
                "-ing",
                &["gerund"],
                Err(
                    "affixes.txt:5: unknown affix class `gerund`; expected participle, past-participle, adverb, agent-noun, plural, not-plural or names-estimate",
                ),
            ),
        ];
        for (phrase, fields, want) in table {
            assert_eq!(
                &parse(phrase, fields),
                &want.clone().map_err(str::to_string),
                "{phrase}"
            );
        }
    }

    #[test]
    fn endings_beginnings_and_what_is_left() {
        let mut grammar = Grammar::built_in().expect("the built-in grammar loads");
        let affixes = &grammar.affixes;
        assert!(affixes.has("saying", AffixClass::Participle));
        assert!(!affixes.has("said", AffixClass::Participle));
        assert!(affixes.has("estimated", AffixClass::NamesEstimate));
        assert!(!affixes.has("an estimate", AffixClass::NamesEstimate));
        assert_eq!(
            affixes.strip("officials", AffixClass::Plural),
            Some("official")
        );
        assert_eq!(affixes.strip("said", AffixClass::Plural), None);
        assert!(affixes.has("boss", AffixClass::NotPlural));
        // A later line of the same affix replaces its classes; removing takes all.
        Affixes::add(
            &mut grammar,
            "-ing",
            (ending("ing"), vec![AffixClass::Adverb]),
        );
        assert!(!grammar.affixes.has("saying", AffixClass::Participle));
        assert!(grammar.affixes.has("saying", AffixClass::Adverb));
        assert!(Affixes::remove(&mut grammar, "-ing"));
        assert!(!grammar.affixes.has("saying", AffixClass::Adverb));
        assert!(!Affixes::remove(&mut grammar, "-ing"));
        assert!(!Affixes::remove(&mut grammar, "ing"));
    }

    fn ending(text: &str) -> Affix {
        Affix::Ending(text.to_string())
    }
}
