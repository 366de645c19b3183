//! `scores.txt`: the numbers of the sourcing score that are not a marker's weight:
//! where a claim starts from its source's type ("person | 0.80", "anonymous |
//! 0.45"), what a direct quote adds ("direct quote | 0.10") and what a relay
//! through another outlet takes off ("second-hand | 0.10").

use super::{Entry, Lexicon};
use crate::error::Error;
use crate::grammar::Grammar;
use crate::model::SourceType;

/// The numbers of `scores.txt`; one the files do not give (or an overlay removes)
/// counts as 0.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    /// Where a claim on a source of each type starts, in [`SourceType::ALL`] order.
    by_type: [Option<f64>; SourceType::ALL.len()],
    /// Added for the source's own words in quotation marks.
    direct_quote: Option<f64>,
    /// The weight of the second-hand marker a relayed source gets.
    second_hand: Option<f64>,
}

impl Scores {
    /// Where a claim on a source of `source_type` starts.
    pub fn start(&self, source_type: SourceType) -> f64 {
        self.by_type[type_index(source_type)].unwrap_or(0.0)
    }

    /// What a direct quote of the source's own words adds.
    pub fn direct_quote(&self) -> f64 {
        self.direct_quote.unwrap_or(0.0)
    }

    /// What a relay through another outlet or document takes off.
    pub fn second_hand(&self) -> f64 {
        self.second_hand.unwrap_or(0.0)
    }

    /// The slot of the number named `name`.
    fn slot(&mut self, name: &str) -> Option<&mut Option<f64>> {
        match name {
            "direct quote" => Some(&mut self.direct_quote),
            "second-hand" => Some(&mut self.second_hand),
            _ => {
                let source_type: SourceType = name.parse().ok()?;
                Some(&mut self.by_type[type_index(source_type)])
            }
        }
    }
}

fn type_index(source_type: SourceType) -> usize {
    SourceType::ALL
        .iter()
        .position(|known| *known == source_type)
        .expect("ALL lists every source type")
}

impl Lexicon for Scores {
    const FILE: &'static str = "scores.txt";
    const TEXT: &'static str = include_str!("../../../grammar/scores.txt");
    type Value = f64;

    /// `name | NUMBER`, the name known and the number in [0, 1].
    fn parse(entry: &Entry) -> Result<f64, Error> {
        if Scores::default().slot(entry.phrase).is_none() {
            return Err(entry.error(format!(
                "unknown score `{}`; expected {}, direct quote or second-hand",
                entry.phrase,
                SourceType::names().join(", ")
            )));
        }
        let [number] = entry.fields else {
            return Err(entry.error("expected `name | NUMBER`, e.g. `person | 0.80`".into()));
        };
        entry.fraction(number, "number")
    }

    fn add(grammar: &mut Grammar, phrase: &str, number: f64) {
        if let Some(slot) = grammar.scores.slot(phrase) {
            *slot = Some(number);
        }
    }

    /// The number counts as 0 from then on: an editor who removes the second-hand
    /// penalty means none.
    fn remove(grammar: &mut Grammar, phrase: &str) -> bool {
        grammar.scores.slot(phrase).and_then(Option::take).is_some()
    }

    /// None: the names are not words of the text.
    fn words(_: &Grammar) -> impl Iterator<Item = &str> {
        std::iter::empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(phrase: &str, fields: &[&str]) -> Result<f64, String> {
        let fields: Vec<String> = fields.iter().map(|field| field.to_string()).collect();
        let entry = Entry {
            file: "scores.txt",
            line: 9,
            phrase,
            fields: &fields,
        };
        Scores::parse(&entry).map_err(|error| error.to_string())
    }

    #[test]
    fn entries_and_their_errors() {
        let table: &[(&str, &[&str], Result<f64, &str>)] = &[
            ("person", &["0.80"], Ok(0.8)),
            ("direct quote", &["0.1"], Ok(0.1)),
            ("second-hand", &["0"], Ok(0.0)),
            (
                "editor",
                &["0.5"],
                Err(
                    "scores.txt:9: unknown score `editor`; expected person, anonymous, organization, publication, document, unknown, direct quote or second-hand",
                ),
            ),
            (
                "person",
                &[],
                Err("scores.txt:9: expected `name | NUMBER`, e.g. `person | 0.80`"),
            ),
            (
                "person",
                &["1.5"],
                Err("scores.txt:9: expected a number between 0 and 1, found `1.5`"),
            ),
        ];
        for (phrase, fields, want) in table {
            assert_eq!(
                parse(phrase, fields),
                want.map_err(str::to_string),
                "{phrase}"
            );
        }
    }

    #[test]
    fn a_removed_number_counts_as_nothing() {
        let mut grammar = Grammar::built_in().expect("the built-in grammar loads");
        assert_eq!(grammar.scores.start(SourceType::Anonymous), 0.45);
        assert_eq!(grammar.scores.second_hand(), 0.1);
        assert!(Scores::remove(&mut grammar, "second-hand"));
        assert_eq!(grammar.scores.second_hand(), 0.0);
        assert!(!Scores::remove(&mut grammar, "second-hand"));
        Scores::add(&mut grammar, "anonymous", 0.3);
        assert_eq!(grammar.scores.start(SourceType::Anonymous), 0.3);
    }
}
