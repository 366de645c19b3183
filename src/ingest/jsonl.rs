//! JSONL corpora: one document per line, `{"id", "text", "publisher"?, "url"?,
//! "date"?, "title"?, "author"?}`.

use serde::Deserialize;

use super::{Input, Metadata};
use crate::error::Error;

/// One line of a JSONL corpus.
#[derive(Debug, Deserialize)]
struct Line {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    publisher: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default, alias = "publication_date")]
    date: Option<String>,
    #[serde(default, alias = "headline")]
    title: Option<String>,
    #[serde(default)]
    author: Option<String>,
}

/// Parses line `number` (1-based) of the corpus `name`; blank lines give None.
pub fn parse_line(name: &str, number: usize, line: &str) -> Option<Result<Input, Error>> {
    if line.trim().is_empty() {
        return None;
    }
    let parsed: Result<Line, _> = serde_json::from_str(line);
    Some(match parsed {
        Ok(line) => Ok(Input {
            name: match line.id {
                serde_json::Value::String(id) => id,
                other => other.to_string(),
            },
            text: line.text,
            original: None,
            meta: Metadata {
                publisher: line.publisher,
                url: line.url,
                date: line.date,
                title: line.title,
                author: line.author,
            },
            replaced_invalid_utf8_at: None,
            decoded_from: None,
        }),
        Err(error) => Err(Error::Jsonl {
            path: name.to_string(),
            line: number,
            message: error.to_string(),
        }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_their_errors() {
        let input = parse_line(
            "c.jsonl",
            1,
            r#"{"id": "a", "text": "Hi.", "publisher": "nyt"}"#,
        )
        .unwrap()
        .unwrap();
        assert_eq!((input.name.as_str(), input.text.as_str()), ("a", "Hi."));
        assert_eq!(input.meta.publisher.as_deref(), Some("nyt"));
        let numeric = parse_line("c.jsonl", 2, r#"{"id": 7, "text": ""}"#)
            .unwrap()
            .unwrap();
        assert_eq!(numeric.name, "7");
        assert!(parse_line("c.jsonl", 3, "   ").is_none());
        let error = parse_line("c.jsonl", 4, r#"{"id": "x"}"#)
            .unwrap()
            .unwrap_err()
            .to_string();
        assert!(error.starts_with("c.jsonl:4: "), "{error}");
    }
}
