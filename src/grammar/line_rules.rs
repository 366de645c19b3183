//! Which layout rule a line of an article matches ("Advertisement", "Topics: …").

use super::LayoutRule;

/// The grammar's whole-line and prefix layout rules, indexed by the first byte
/// their phrases start with: most lines start with none of them and are turned
/// away at once. Built once, when the grammar is loaded.
#[derive(Debug, Clone, Default)]
pub struct LineRules {
    /// For each first byte of a line, ASCII-lowercased: the rules, in grammar
    /// order, that a line starting with it may match (a phrase starting with that
    /// byte, or an empty one). Most lines are turned away by their first byte, the
    /// rest are tried against a few phrases instead of all of them.
    by_first_byte: Vec<Vec<(String, LayoutRule)>>,
}

impl LineRules {
    /// The rules of `layout`, the grammar's layout phrases.
    pub fn new(layout: &[(String, LayoutRule)]) -> Self {
        let mut by_first_byte = vec![Vec::new(); 256];
        for (phrase, rule) in layout {
            // Credits, labels and a press release's rules are matched elsewhere; a
            // bio opener is not a rule a line has here.
            if is_matched_elsewhere(*rule) {
                continue;
            }
            let entry = (phrase.clone(), *rule);
            match phrase.bytes().next() {
                Some(byte) => by_first_byte[usize::from(byte.to_ascii_lowercase())].push(entry),
                // An empty phrase is a prefix of every line.
                None => by_first_byte
                    .iter_mut()
                    .for_each(|rules| rules.push(entry.clone())),
            }
        }
        LineRules { by_first_byte }
    }

    /// The layout rule a line matches as a whole line or a prefix, if any.
    pub fn rule(&self, line: &str) -> Option<LayoutRule> {
        let line = line.trim();
        let first = line
            .bytes()
            .next()
            .map_or(0, |byte| byte.to_ascii_lowercase());
        // A grammar made by `Default` rather than loaded has no rules at all.
        self.by_first_byte
            .get(usize::from(first))?
            .iter()
            .find_map(|(phrase, rule)| {
                let matches = match *rule {
                    LayoutRule::Prefix => starts_with_ignore_case(line, phrase),
                    _ => line.eq_ignore_ascii_case(phrase),
                };
                matches.then_some(*rule)
            })
    }
}

/// The rules matched by their own code rather than by [`LineRules::rule`].
fn is_matched_elsewhere(rule: LayoutRule) -> bool {
    matches!(
        rule,
        LayoutRule::Credit
            | LayoutRule::Label
            | LayoutRule::BioStart
            | LayoutRule::Wire
            | LayoutRule::ReleaseHeading
            | LayoutRule::ReleaseTail
    )
}

/// True when `line` starts with `prefix`, ignoring ASCII case.
pub fn starts_with_ignore_case(line: &str, prefix: &str) -> bool {
    line.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::Grammar;

    /// The rule of `line` by a scan of every layout phrase in grammar order.
    fn scanned(layout: &[(String, LayoutRule)], line: &str) -> Option<LayoutRule> {
        let line = line.trim();
        layout.iter().find_map(|(phrase, rule)| {
            let matches = match rule {
                LayoutRule::Prefix => starts_with_ignore_case(line, phrase),
                LayoutRule::Credit
                | LayoutRule::Label
                | LayoutRule::BioStart
                | LayoutRule::Wire
                | LayoutRule::ReleaseHeading
                | LayoutRule::ReleaseTail => false,
                _ => line.eq_ignore_ascii_case(phrase),
            };
            matches.then_some(*rule)
        })
    }

    #[test]
    fn the_index_finds_what_a_scan_of_every_phrase_finds() {
        let grammar = Grammar::built_in().expect("the built-in grammar loads");
        let mut layout = grammar.layout.clone();
        let mut lines = vec![String::new(), "  ".into(), "Body text.".into(), "é".into()];
        for (phrase, _) in &grammar.layout {
            lines.push(phrase.to_uppercase());
            lines.push(format!("  {phrase} and more "));
            lines.push(phrase.chars().take(phrase.chars().count() / 2).collect());
        }
        for with_empty_phrase in [false, true] {
            if with_empty_phrase {
                layout.push((String::new(), LayoutRule::Prefix));
            }
            let rules = LineRules::new(&layout);
            for line in &lines {
                assert_eq!(rules.rule(line), scanned(&layout, line), "{line:?}");
            }
        }
        assert!(lines.iter().any(|line| scanned(&layout, line).is_some()));
    }
}
