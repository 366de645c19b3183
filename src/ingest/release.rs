//! Press releases. A dateline with a newswire's tag ("AUSTIN, Texas, March 4, 2025
//! /PRNewswire/ --", "OSLO, Norway--(BUSINESS WIRE)--", "— (ACCESSWIRE) —") makes a
//! text one: the dateline, up to the tag and the dash after it, is taken off its
//! block, so that "Acme Inc. (NASDAQ: ACME) today announced that …" is Acme's. The
//! release's closing boilerplate ("About Acme", "Forward-Looking Statements",
//! "Media Contact:", "###", "SOURCE Acme Inc.") makes no claims: from its first
//! heading to the end, blocks are boilerplate. The phrases are layout.txt's `wire`,
//! `release-heading` and `release-tail` rules.

use super::block::{Block, Role};
use crate::grammar::line_rules::starts_with_ignore_case;
use crate::grammar::{Grammar, LayoutRule};
use crate::span::Span;

/// How many body blocks from the top the dateline may stand in: a subheading may
/// come before it.
const DATELINE_BLOCKS: usize = 3;

/// How far into its block a wire's tag may start: further on, a wire is named in the
/// text ("… told Business Wire"), not in a dateline.
const MAX_TAG_OFFSET: usize = 160;

/// How far past the tag a date may run before the slash that ends it: "/ ACCESSWIRE
/// / March 4, 2025 / Acme …".
const MAX_DATE_BYTES: usize = 24;

/// Most words of a heading that opens the closing boilerplate.
const MAX_HEADING_WORDS: usize = 12;

/// Takes the dateline off a press release's first paragraph and makes its closing
/// boilerplate boilerplate; leaves any other text as it is.
pub fn mark_release(text: &str, blocks: &mut [Block], grammar: &Grammar) {
    let dateline = blocks
        .iter()
        .enumerate()
        .filter(|(_, block)| block.role == Role::Body)
        .take(DATELINE_BLOCKS)
        .find_map(|(index, block)| {
            dateline_end(block.span.slice(text), grammar).map(|end| (index, block.span.start + end))
        });
    let Some((index, body_start)) = dateline else {
        return;
    };
    let block = &mut blocks[index];
    if body_start < block.span.end {
        block.span = Span::new(body_start, block.span.end);
    } else {
        // The dateline on a line of its own.
        block.role = Role::Boilerplate;
    }
    let tail = blocks[index + 1..]
        .iter()
        .position(|block| opens_tail(block.span.slice(text), grammar));
    if let Some(tail) = tail {
        for block in &mut blocks[index + 1 + tail..] {
            block.role = Role::Boilerplate;
        }
    }
}

/// Where the text after a dateline starts in `paragraph`, when a wire's tag stands
/// near its start between slashes or brackets.
fn dateline_end(paragraph: &str, grammar: &Grammar) -> Option<usize> {
    let head = &paragraph[..floor_char_boundary(paragraph, MAX_TAG_OFFSET + 40)];
    // A wire's tag stands between slashes or brackets: a paragraph with neither near
    // its start is passed over before any search (3% of a run on the bench corpus).
    if !head.contains(['/', '(']) {
        return None;
    }
    let lower = head.to_ascii_lowercase();
    grammar
        .layout
        .iter()
        .filter(|(_, rule)| *rule == LayoutRule::Wire)
        .find_map(|(wire, _)| {
            let wire = wire.to_ascii_lowercase();
            let at = lower.find(&wire).filter(|&at| at <= MAX_TAG_OFFSET)?;
            let before = lower[..at].trim_end();
            let after = lower[at + wire.len()..].trim_start();
            let opens = before.ends_with(['/', '(']);
            let closes = after.starts_with(['/', ')']);
            (opens && closes).then(|| head.len() - after.len() + 1)
        })
        .map(|tag_end| {
            let end = skip_separators(paragraph, tag_end);
            // "/ ACCESSWIRE / March 4, 2025 / Acme …", "— (ACCESSWIRE) — May 12,
            // 2025 — The …": a date after the tag, up to a slash or a dash.
            let date = &paragraph[end..floor_char_boundary(paragraph, end + MAX_DATE_BYTES)];
            let separator = [" /", " —", " –", " -"]
                .iter()
                .filter_map(|separator| date.find(separator))
                .min();
            match separator {
                Some(at) if date[..at].contains(|c: char| c.is_ascii_digit()) => {
                    skip_separators(paragraph, end + at)
                }
                _ => end,
            }
        })
}

/// `at` moved past spaces, slashes and dashes.
fn skip_separators(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    at + rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '/' | '-' | '—' | '–'))
            .len()
}

/// The largest character boundary of `text` at or before `at`.
pub(super) fn floor_char_boundary(text: &str, at: usize) -> usize {
    (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

/// True when `block` opens the release's closing boilerplate: a heading
/// ("About Acme", "Media Contact:") or a line such as "###" or "SOURCE Acme Inc.".
fn opens_tail(block: &str, grammar: &Grammar) -> bool {
    let is_heading = !block.trim_end().ends_with(['.', '!', '?'])
        && block.split_whitespace().nth(MAX_HEADING_WORDS).is_none();
    grammar.layout.iter().any(|(phrase, rule)| {
        let applies = match rule {
            LayoutRule::ReleaseTail => true,
            LayoutRule::ReleaseHeading => is_heading,
            _ => false,
        };
        applies && starts_with_word(block, phrase)
    })
}

/// True when `line` starts with `phrase`, ignoring ASCII case, and no letter or
/// digit follows it: "Contact" opens "Contact: …", not "Contacts".
fn starts_with_word(line: &str, phrase: &str) -> bool {
    starts_with_ignore_case(line, phrase)
        && !line[phrase.len()..].starts_with(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::layout::layout;

    /// The prose blocks of `text` as they read.
    fn prose(text: &str) -> Vec<String> {
        let grammar = Grammar::built_in().expect("the built-in grammar loads");
        layout(text, &grammar)
            .into_iter()
            .filter(|block| block.role.is_prose())
            .map(|block| block.span.slice(text).to_string())
            .collect()
    }

    /// A dateline → the text its paragraph starts with once the dateline is off
    /// ("" when it is all dateline; the paragraph unchanged when there is none).
    #[rustfmt::skip]
    const DATELINES: &[(&str, &str)] = &[
        ("AUSTIN, Texas, March 4, 2025 /PRNewswire/ -- Acme Inc. (NASDAQ: ACME) today announced a robot.", "Acme Inc. (NASDAQ: ACME) today announced a robot."),
        ("OSLO, Norway--(BUSINESS WIRE)--Northwind Energy ASA today reported record output.", "Northwind Energy ASA today reported record output."),
        ("TORONTO, May 2, 2025 (GLOBE NEWSWIRE) -- Maple Labs said sales rose.", "Maple Labs said sales rose."),
        ("DENVER, CO — (ACCESSWIRE) — Peakline Corp. today announced a merger.", "Peakline Corp. today announced a merger."),
        ("NEW YORK, NY / ACCESSWIRE / March 4, 2025 / Harbor Foods Inc. today opened a plant.", "Harbor Foods Inc. today opened a plant."),
        ("BURLINGTON, VT — (ACCESSWIRE) — May 12, 2025 — The Greenway Seed Bank today opened a vault.", "The Greenway Seed Bank today opened a vault."),
        // A number in the first words after the tag, with no separator after it, stays.
        ("PARIS (Business Wire) -- 3M France said on Monday that sales rose - again.", "3M France said on Monday that sales rose - again."),
        // A wire named in the text, not between slashes or brackets, is no dateline.
        ("Shares rose after Business Wire carried the news.", "Shares rose after Business Wire carried the news."),
        ("LONDON /PRNewswire/ --", ""),
    ];

    #[test]
    fn datelines_are_taken_off() {
        for &(paragraph, want) in DATELINES {
            let text = format!("Acme News\n\n{paragraph}\n");
            let got = prose(&text);
            let first = got.get(1).map_or("", String::as_str);
            assert_eq!(first, want, "{paragraph:?}");
        }
    }

    #[test]
    fn the_closing_boilerplate_is_no_prose() {
        let release = "Acme Unveils Robot\n\nAUSTIN, Texas, March 4, 2025 /PRNewswire/ -- Acme Inc. today unveiled a robot.\n\nAbout 40 customers have ordered one.\n\n\"We are thrilled,\" said Jane Doe, CEO of Acme.\n\nAbout Acme\n\nAcme builds robots.\n\nIt employs 800 people.\n\nMedia Contact:\nJohn Roe\n\nSOURCE Acme Inc.\n";
        assert_eq!(
            prose(release),
            [
                "Acme Unveils Robot",
                "Acme Inc. today unveiled a robot.",
                "About 40 customers have ordered one.",
                "\"We are thrilled,\" said Jane Doe, CEO of Acme.",
            ]
        );
        // Each opener on its own, after a paragraph of the release.
        for opener in [
            "Forward-Looking Statements",
            "Safe Harbor Statement",
            "Contacts",
            "###",
            "SOURCE Acme Inc.",
            "This press release contains forward-looking statements within the meaning of the law.",
        ] {
            let text = format!(
                "Head\n\nLONDON (Business Wire) -- Acme Inc. today opened a lab.\n\n{opener}\n\nAcme expects sales to double.\n"
            );
            assert_eq!(prose(&text).len(), 2, "{opener}");
        }
        // Words that only start like an opener, and an article with no dateline.
        for text in [
            "Head\n\nLONDON (Business Wire) -- Acme Inc. today opened a lab.\n\nSources said sales would double.\n\nContactless payments rose.\n",
            "Head\n\nAcme opened a lab.\n\nAbout Acme\n\nAcme builds robots.\n\nForward-Looking Statements\n\nAcme expects sales to double.\n\nSOURCE Acme\n",
        ] {
            let got = prose(text);
            assert!(
                got.iter()
                    .any(|block| block.starts_with("Acme expects")
                        || block.starts_with("Contactless")),
                "{got:?}"
            );
        }
    }
}
