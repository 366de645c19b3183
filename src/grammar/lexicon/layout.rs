//! `layout.txt`: lines of a web page that are not body text: adverts
//! ("Advertisement | line"), link lists ("Topics: | prefix"), teaser boxes ("Read
//! this | teaser-start" … "Read more+ | teaser-end"), reader comments, photo credits
//! ("Getty Images | credit"), labels ("Summary: | label"), author bios, and the
//! wire tag and closing boilerplate of a press release ("PRNewswire | wire",
//! "About | release-heading"). Kept in file order: the first rule a line matches is
//! its rule.

use super::{Entry, Lexicon, lookup};
use crate::error::Error;
use crate::grammar::Grammar;

/// A layout rule from `layout.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutRule {
    /// The whole line is boilerplate ("Advertisement").
    Line,
    /// A line starting with this is boilerplate ("Topics:").
    Prefix,
    /// Everything after this line is reader comments.
    CommentsStart,
    /// Opens a teaser box ("Read this") …
    TeaserStart,
    /// … which this closes ("Read more+").
    TeaserEnd,
    /// A word that marks a photo credit ("Getty Images", "Reuters").
    Credit,
    /// A leading label that is not part of the claim ("Summary:").
    Label,
    /// A line starting with this opens an author's bio ("About").
    BioStart,
    /// A newswire's name in a press release's dateline ("PRNewswire").
    Wire,
    /// In a press release, a heading starting with this opens the boilerplate that
    /// runs to its end ("About", "Forward-Looking Statements", "Media Contact").
    ReleaseHeading,
    /// In a press release, a line starting with this, whatever its length, opens
    /// that boilerplate ("###", "SOURCE").
    ReleaseTail,
}

/// Each rule by its name in the file, in the order errors list them.
const RULES: &[(&str, LayoutRule)] = &[
    ("line", LayoutRule::Line),
    ("prefix", LayoutRule::Prefix),
    ("comments-start", LayoutRule::CommentsStart),
    ("teaser-start", LayoutRule::TeaserStart),
    ("teaser-end", LayoutRule::TeaserEnd),
    ("credit", LayoutRule::Credit),
    ("label", LayoutRule::Label),
    ("bio-start", LayoutRule::BioStart),
    ("wire", LayoutRule::Wire),
    ("release-heading", LayoutRule::ReleaseHeading),
    ("release-tail", LayoutRule::ReleaseTail),
];

/// The lexicon of `layout.txt`.
pub struct Layout;

impl Lexicon for Layout {
    const FILE: &'static str = "layout.txt";
    const TEXT: &'static str = include_str!("../../../grammar/layout.txt");
    type Value = LayoutRule;

    /// `phrase | RULE`.
    fn parse(entry: &Entry) -> Result<LayoutRule, Error> {
        let rule = match entry.fields {
            [rule] => lookup(RULES, rule),
            _ => None,
        };
        rule.ok_or_else(|| {
            let names: Vec<&str> = RULES.iter().map(|(name, _)| *name).collect();
            entry.error(format!(
                "expected `phrase | RULE` with RULE one of {}",
                names.join(", ")
            ))
        })
    }

    fn add(grammar: &mut Grammar, phrase: &str, rule: LayoutRule) {
        grammar.layout.push((phrase.to_string(), rule));
    }

    fn remove(grammar: &mut Grammar, phrase: &str) -> bool {
        let before = grammar.layout.len();
        grammar.layout.retain(|(kept, _)| kept != phrase);
        before != grammar.layout.len()
    }

    /// None: layout phrases are matched against whole lines.
    fn words(_: &Grammar) -> impl Iterator<Item = &str> {
        std::iter::empty()
    }
}
