//! The line format shared by every grammar file.
//!
//! ```text
//! # a comment, to the end of the line
//! phrase words | field field   # an entry: a phrase, then optional fields
//! !phrase                      # in a user's overlay: remove a built-in entry
//! @example TEXT => key: value | key: value
//! ```
//!
//! `\#` in a phrase is a `#` of the phrase, not a comment ("\#\#\# | release-tail");
//! `\n` in an example's TEXT is a line break, so that an example can hold paragraphs.

use nom::{
    IResult, Parser,
    bytes::complete::{tag, take_till, take_until},
    character::complete::space0,
    combinator::{opt, rest},
    sequence::preceded,
};

use crate::error::Error;

/// One meaningful line of a grammar file.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    /// `phrase | fields`; `remove` when the line starts with `!`.
    Entry {
        phrase: String,
        fields: Vec<String>,
        remove: bool,
        line: usize,
    },
    /// `@example TEXT => expectations`.
    Example(Example),
}

/// A small example a grammar file carries; the test suite runs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub file: String,
    pub line: usize,
    pub text: String,
    /// `(key, value)` pairs, e.g. `("source", "the sources")`.
    pub expect: Vec<(String, String)>,
}

/// Parses a whole grammar file into its meaningful lines.
pub fn parse_file(file: &str, content: &str) -> Result<Vec<Line>, Error> {
    let mut lines = Vec::new();
    for (index, raw) in content.lines().enumerate() {
        let number = index + 1;
        let error = |message: String| Error::Grammar {
            file: file.to_string(),
            line: number,
            message,
        };
        if let Some(example) = raw.trim_start().strip_prefix("@example") {
            let (text, expect) = parse_example(example).map_err(error)?;
            lines.push(Line::Example(Example {
                file: file.to_string(),
                line: number,
                text,
                expect,
            }));
            continue;
        }
        if raw.trim_start().starts_with('@') {
            return Err(error(
                "unknown directive; expected `@example TEXT => key: value`".into(),
            ));
        }
        let (_, (remove, phrase, fields)) =
            entry(raw).map_err(|_| error("expected `phrase | fields`".into()))?;
        if phrase.is_empty() {
            if !fields.is_empty() {
                return Err(error("expected a phrase before `|`".into()));
            }
            continue;
        }
        lines.push(Line::Entry {
            phrase,
            fields,
            remove,
            line: number,
        });
    }
    Ok(lines)
}

/// `[!] phrase [| fields] [# comment]`
fn entry(input: &str) -> IResult<&str, (bool, String, Vec<String>)> {
    let (input, _) = space0(input)?;
    let (input, bang) = opt(tag("!")).parse(input)?;
    let (input, body) = until_comment(input)?;
    let (phrase, fields) = match body.split_once('|') {
        Some((phrase, fields)) => (phrase, fields),
        None => (body, ""),
    };
    let phrase = collapse_spaces(&phrase.replace("\\#", "#"));
    let fields = fields.split_whitespace().map(str::to_string).collect();
    Ok((input, (bang.is_some(), phrase, fields)))
}

/// Everything before the first `#` that no backslash escapes.
fn until_comment(input: &str) -> IResult<&str, &str> {
    let bytes = input.as_bytes();
    let at = (0..bytes.len()).find(|&i| bytes[i] == b'#' && (i == 0 || bytes[i - 1] != b'\\'));
    match at {
        Some(at) => Ok((&input[at..], &input[..at])),
        None => rest(input),
    }
}

/// ` TEXT => key: value | key: value`
fn parse_example(input: &str) -> Result<(String, Vec<(String, String)>), String> {
    let parsed: IResult<&str, (&str, &str)> =
        (take_until("=>"), preceded(tag("=>"), take_till(|_| false))).parse(input);
    let (_, (text, expectations)) =
        parsed.map_err(|_| "expected `@example TEXT => key: value`".to_string())?;
    let text = text.trim().replace("\\n", "\n");
    if text.is_empty() {
        return Err("an example needs a text before `=>`".into());
    }
    let mut expect = Vec::new();
    for part in expectations.split(" | ") {
        let part = part.trim();
        if part == "none" {
            expect.push(("none".to_string(), String::new()));
            continue;
        }
        let Some((key, value)) = part.split_once(':') else {
            return Err(format!("expected `key: value` or `none`, found `{part}`"));
        };
        let key = key.trim();
        if !EXAMPLE_KEYS.contains(&key) {
            return Err(format!(
                "unknown example key `{key}`; expected one of {}",
                EXAMPLE_KEYS.join(", ")
            ));
        }
        expect.push((key.to_string(), value.trim().to_string()));
    }
    Ok((text, expect))
}

/// What an example may state about the attribution it produces.
pub const EXAMPLE_KEYS: &[&str] = &[
    "source",
    "cue",
    "claim",
    "type",
    "kind",
    "cue_kind",
    "claim_form",
    "marker",
    "via",
    "count",
    "unattributed",
    "name",
    "score",
];

/// Folds runs of whitespace into one space and trims.
fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(content: &str) -> Vec<(String, Vec<String>, bool)> {
        parse_file("t.txt", content)
            .unwrap()
            .into_iter()
            .filter_map(|line| match line {
                Line::Entry {
                    phrase,
                    fields,
                    remove,
                    ..
                } => Some((phrase, fields, remove)),
                Line::Example(_) => None,
            })
            .collect()
    }

    #[test]
    fn entries_fields_comments_and_removals() {
        let table = [
            ("said | invert", "said", vec!["invert"], false),
            ("  according   to  # phrase", "according to", vec![], false),
            ("!said", "said", vec![], true),
            (
                "\\#\\#\\# | release-tail # the end mark",
                "###",
                vec!["release-tail"],
                false,
            ),
            (
                "reportedly | hedge 0.15 # comment",
                "reportedly",
                vec!["hedge", "0.15"],
                false,
            ),
        ];
        for (input, phrase, fields, remove) in table {
            let got = entries(input);
            assert_eq!(got.len(), 1, "{input}");
            assert_eq!(got[0].0, phrase, "{input}");
            assert_eq!(got[0].1, fields, "{input}");
            assert_eq!(got[0].2, remove, "{input}");
        }
        assert!(entries("# only a comment\n\n   \n").is_empty());
    }

    #[test]
    fn examples_parse_and_errors_name_the_line() {
        let lines = parse_file(
            "f.txt",
            "\n@example A, the sources said. => source: the sources | cue: said",
        )
        .unwrap();
        let Line::Example(example) = &lines[0] else {
            panic!("not an example")
        };
        assert_eq!(example.line, 2);
        assert_eq!(example.text, "A, the sources said.");
        assert_eq!(example.expect[0], ("source".into(), "the sources".into()));
        let lines = parse_file("f.txt", "@example Head\\n\\nQ: Why? => none").unwrap();
        let Line::Example(example) = &lines[0] else {
            panic!("not an example")
        };
        assert_eq!(example.text, "Head\n\nQ: Why?");

        let error = parse_file("f.txt", "ok\n@example no arrow")
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("f.txt:2:"), "{error}");
        let error = parse_file("f.txt", "@example x => colour: red")
            .unwrap_err()
            .to_string();
        assert!(error.contains("unknown example key"), "{error}");
        let error = parse_file("f.txt", "| orphan").unwrap_err().to_string();
        assert!(error.contains("f.txt:1"), "{error}");
    }
}
