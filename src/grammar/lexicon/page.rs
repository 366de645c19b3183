//! `page.txt`: words of an HTML element's class, id, role, aria-label, itemprop or
//! data-component that say what the element is: the article's body
//! ("article body | body"), boilerplate ("ad slot", "related", "newsletter"), or
//! reader comments ("disqus | comments").

use super::{Entry, Lexicon, lookup, one_of};
use crate::error::Error;
use crate::grammar::Grammar;
use crate::grammar::page::{PageRule, attribute_words};

/// Each rule by its name in the file.
const RULES: &[(&str, PageRule)] = &[
    ("body", PageRule::Body),
    ("boilerplate", PageRule::Boilerplate),
    ("comments", PageRule::Comments),
];

/// The lexicon of `page.txt`.
pub struct Page;

impl Lexicon for Page {
    const FILE: &'static str = "page.txt";
    const TEXT: &'static str = include_str!("../../../grammar/page.txt");
    type Value = PageRule;

    /// `words | RULE`.
    fn parse(entry: &Entry) -> Result<PageRule, Error> {
        let rule = match entry.fields {
            [rule] => lookup(RULES, rule),
            _ => None,
        };
        let rule = rule.ok_or_else(|| {
            entry.error(format!(
                "expected `words | RULE` with RULE one of {}",
                one_of(RULES)
            ))
        })?;
        if attribute_words(entry.phrase).next().is_none() {
            return Err(entry.error("expected words before `|`".into()));
        }
        Ok(rule)
    }

    fn add(grammar: &mut Grammar, phrase: &str, rule: PageRule) {
        grammar.page.insert(phrase, rule);
    }

    fn remove(grammar: &mut Grammar, phrase: &str) -> bool {
        grammar.page.remove(phrase)
    }

    /// None: these words are looked up in attributes, not in the text.
    fn words(_: &Grammar) -> impl Iterator<Item = &str> {
        std::iter::empty()
    }
}
