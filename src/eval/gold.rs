//! Gold attribution corpus: serde types for the JSONL files, a reader that names the bad line,
//! and a check that every span's byte offsets really select its text.
//!
//! In the PolNeAR files a discontinuous span carries its exact pieces *inside* the span object
//! (`"content": {"start", "end", "text", "fragments": [...]}`; sources can have them too).
//! The reader lifts them into [`GoldAttribution::fragments`] (content),
//! [`GoldAttribution::source_fragments`] and [`GoldAttribution::cue_fragments`]; an
//! attribution-level `"fragments"` list (belonging to the content) is accepted as well.

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One annotated news document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldDoc {
    /// Corpus-wide document id, e.g. `dev/breitbart_2016-09-12_...`.
    pub id: String,
    /// Corpus split the document belongs to, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split: Option<String>,
    /// Publisher slug, e.g. `breitbart`, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Publication date as written in the corpus, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publication_date: Option<String>,
    /// Headline, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Full article text; all offsets are UTF-8 byte offsets into it.
    pub text: String,
    /// Hand-annotated attribution relations.
    #[serde(default)]
    pub attributions: Vec<GoldAttribution>,
}

/// One gold attribution relation: who (source) said (cue) what (content).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "RawGoldAttribution")]
pub struct GoldAttribution {
    /// Raw mention of the speaker; `None` when the annotators marked no source.
    pub source: Option<GoldSpan>,
    /// Reporting verb or phrase; `None` when absent.
    pub cue: Option<GoldSpan>,
    /// Covering span of the attributed material; `None` records are skipped by the scorer.
    pub content: Option<GoldSpan>,
    /// Exact pieces of a discontinuous content (they replace `content` for token counting).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fragments: Option<Vec<GoldSpan>>,
    /// Exact pieces of a discontinuous source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_fragments: Option<Vec<GoldSpan>>,
    /// Exact pieces of a discontinuous cue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue_fragments: Option<Vec<GoldSpan>>,
}

/// A byte span of the document text together with the text it is said to select.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoldSpan {
    /// First byte (inclusive).
    pub start: usize,
    /// Last byte (exclusive).
    pub end: usize,
    /// The text the span selects, as given in the corpus.
    pub text: String,
}

/// The role a span plays in an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpanRole {
    /// The speaker mention.
    Source,
    /// The reporting verb or phrase.
    Cue,
    /// The attributed material.
    Content,
}

/// A span as it appears in the file, possibly with its pieces nested inside.
#[derive(Deserialize)]
struct RawGoldSpan {
    start: usize,
    end: usize,
    text: String,
    fragments: Option<Vec<GoldSpan>>,
}

/// An attribution as it appears in the file, before fragments are lifted out of the spans.
#[derive(Deserialize)]
struct RawGoldAttribution {
    source: Option<RawGoldSpan>,
    cue: Option<RawGoldSpan>,
    content: Option<RawGoldSpan>,
    fragments: Option<Vec<GoldSpan>>,
    source_fragments: Option<Vec<GoldSpan>>,
    cue_fragments: Option<Vec<GoldSpan>>,
}

/// What went wrong while reading or checking a gold file.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    /// The file could not be opened.
    #[error("cannot open gold file {}: {source}", path.display())]
    Open {
        /// The gold file.
        path: PathBuf,
        /// The underlying I/O error.
        source: io::Error,
    },
    /// A line could not be read (I/O failure or invalid UTF-8).
    #[error("{}:{line}: cannot read line: {source}", path.display())]
    Read {
        /// The gold file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// The underlying I/O error.
        source: io::Error,
    },
    /// A line is not a valid gold document.
    #[error("{}:{line}:{column}: bad gold record: {problem}", path.display())]
    Parse {
        /// The gold file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// 1-based column within the line, as reported by the JSON parser.
        column: usize,
        /// What was wrong, without the parser's position suffix.
        problem: String,
        /// The underlying JSON error.
        source: serde_json::Error,
    },
    /// Some spans do not select their stated text.
    #[error("{count} gold span(s) are invalid; first: {first}")]
    InvalidSpans {
        /// How many spans failed the check.
        count: usize,
        /// The first failing span.
        first: Box<SpanIssue>,
    },
}

/// One span whose offsets do not select its stated text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "document {doc_id}, attribution {attribution}, {}: bytes {start}..{end}: {problem}",
    describe_piece(*.role, *.fragment)
)]
pub struct SpanIssue {
    /// Id of the document holding the span.
    pub doc_id: String,
    /// 0-based index of the attribution in the document.
    pub attribution: usize,
    /// Role of the span.
    pub role: SpanRole,
    /// 0-based fragment index, when the span is a fragment.
    pub fragment: Option<usize>,
    /// Stated start byte.
    pub start: usize,
    /// Stated end byte.
    pub end: usize,
    /// What is wrong with it.
    pub problem: SpanProblem,
}

/// The ways a span can disagree with its document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpanProblem {
    /// `start > end`.
    #[error("start is after end")]
    Reversed,
    /// `end` lies past the end of the text.
    #[error("end lies past the end of the text ({text_len} bytes)")]
    OutOfRange {
        /// Length of the document text in bytes.
        text_len: usize,
    },
    /// An offset splits a multi-byte character.
    #[error("an offset is not on a character boundary")]
    NotCharBoundary,
    /// The offsets select other text than the span states.
    #[error("the text there is {found:?} but the span says {expected:?}")]
    TextMismatch {
        /// The span's stated text (abbreviated).
        expected: String,
        /// The text the offsets select (abbreviated).
        found: String,
    },
    /// A fragment is not inside its covering span.
    #[error("the fragment lies outside its covering span {cover_start}..{cover_end}")]
    FragmentOutsideSpan {
        /// Covering span start.
        cover_start: usize,
        /// Covering span end.
        cover_end: usize,
    },
}

impl From<RawGoldAttribution> for GoldAttribution {
    /// Lifts fragments nested in the spans up to the attribution, preferring explicit lists.
    fn from(raw: RawGoldAttribution) -> Self {
        let (source, nested_source_fragments) = split_raw_span(raw.source);
        let (cue, nested_cue_fragments) = split_raw_span(raw.cue);
        let (content, nested_content_fragments) = split_raw_span(raw.content);
        GoldAttribution {
            source,
            cue,
            content,
            fragments: non_empty(raw.fragments.or(nested_content_fragments)),
            source_fragments: non_empty(raw.source_fragments.or(nested_source_fragments)),
            cue_fragments: non_empty(raw.cue_fragments.or(nested_cue_fragments)),
        }
    }
}

/// Splits a raw span into the plain covering span and its nested fragments.
fn split_raw_span(raw: Option<RawGoldSpan>) -> (Option<GoldSpan>, Option<Vec<GoldSpan>>) {
    match raw {
        None => (None, None),
        Some(raw) => (
            Some(GoldSpan {
                start: raw.start,
                end: raw.end,
                text: raw.text,
            }),
            raw.fragments,
        ),
    }
}

/// Treats an empty fragment list as no fragments at all.
fn non_empty(fragments: Option<Vec<GoldSpan>>) -> Option<Vec<GoldSpan>> {
    fragments.filter(|list| !list.is_empty())
}

impl GoldSpan {
    /// The span's byte range (may be reversed or out of range on bad data; callers clamp).
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl fmt::Display for SpanRole {
    /// Writes the role in lower case, as in the JSON.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SpanRole::Source => "source",
            SpanRole::Cue => "cue",
            SpanRole::Content => "content",
        })
    }
}

impl GoldAttribution {
    /// The attribution as one per part of its content: a content given in
    /// fragments (a quote interrupted by its attribution) becomes one attribution
    /// per fragment, each with the source and cue, as `--split-quotes` writes claims.
    pub fn split_parts(&self) -> Vec<GoldAttribution> {
        match &self.fragments {
            Some(parts) if parts.len() > 1 => parts
                .iter()
                .map(|part| GoldAttribution {
                    content: Some(part.clone()),
                    fragments: None,
                    ..self.clone()
                })
                .collect(),
            _ => vec![self.clone()],
        }
    }

    /// The covering span for a role, if annotated.
    pub fn span(&self, role: SpanRole) -> Option<&GoldSpan> {
        match role {
            SpanRole::Source => self.source.as_ref(),
            SpanRole::Cue => self.cue.as_ref(),
            SpanRole::Content => self.content.as_ref(),
        }
    }

    /// The exact pieces of a discontinuous span for a role, if given.
    pub fn role_fragments(&self, role: SpanRole) -> Option<&[GoldSpan]> {
        match role {
            SpanRole::Source => self.source_fragments.as_deref(),
            SpanRole::Cue => self.cue_fragments.as_deref(),
            SpanRole::Content => self.fragments.as_deref(),
        }
    }

    /// The exact byte ranges of a role: its fragments when given, else its covering span;
    /// `None` when the role is not annotated.
    pub fn exact_ranges(&self, role: SpanRole) -> Option<Vec<Range<usize>>> {
        let covering = self.span(role)?;
        Some(match self.role_fragments(role) {
            Some(pieces) => pieces.iter().map(GoldSpan::range).collect(),
            None => vec![covering.range()],
        })
    }
}

/// Reads a gold JSONL file: one [`GoldDoc`] per non-blank line.
pub fn read_gold(path: &Path) -> Result<Vec<GoldDoc>, GoldError> {
    let file = File::open(path).map_err(|source| GoldError::Open {
        path: path.to_path_buf(),
        source,
    })?;
    parse_gold_lines(BufReader::new(file), path)
}

/// Reads a gold JSONL file and fails if any span does not select its stated text.
pub fn read_validated_gold(path: &Path) -> Result<Vec<GoldDoc>, GoldError> {
    let docs = read_gold(path)?;
    validate_gold(&docs)?;
    Ok(docs)
}

/// Parses gold JSONL from any reader; `path` is only used in error messages.
pub fn parse_gold_lines(reader: impl BufRead, path: &Path) -> Result<Vec<GoldDoc>, GoldError> {
    let mut docs = Vec::new();
    for (index, line) in reader.lines().enumerate() {
        let line_number = index + 1;
        let line = line.map_err(|source| GoldError::Read {
            path: path.to_path_buf(),
            line: line_number,
            source,
        })?;
        let record = line.trim_start_matches('\u{feff}').trim();
        if record.is_empty() {
            continue;
        }
        docs.push(parse_gold_record(record, path, line_number)?);
    }
    Ok(docs)
}

/// Parses one JSONL line into a document, naming the file and line on failure.
fn parse_gold_record(record: &str, path: &Path, line: usize) -> Result<GoldDoc, GoldError> {
    serde_json::from_str(record).map_err(|source| GoldError::Parse {
        path: path.to_path_buf(),
        line,
        column: source.column(),
        problem: strip_json_position(&source.to_string()),
        source,
    })
}

/// Removes serde_json's " at line L column C" suffix, which is meaningless per line.
fn strip_json_position(message: &str) -> String {
    match message.rsplit_once(" at line ") {
        Some((problem, _)) => problem.to_string(),
        None => message.to_string(),
    }
}

/// Checks every document and fails with the count and the first issue if any span is bad.
pub fn validate_gold(docs: &[GoldDoc]) -> Result<(), GoldError> {
    let mut issues = docs.iter().flat_map(span_issues);
    match issues.next() {
        None => Ok(()),
        Some(first) => Err(GoldError::InvalidSpans {
            count: 1 + issues.count(),
            first: Box::new(first),
        }),
    }
}

/// Lists every span (covering spans and fragments) of a document that fails the check.
pub fn span_issues(doc: &GoldDoc) -> Vec<SpanIssue> {
    let mut issues = Vec::new();
    for (index, attribution) in doc.attributions.iter().enumerate() {
        for role in [SpanRole::Source, SpanRole::Cue, SpanRole::Content] {
            collect_role_issues(doc, index, attribution, role, &mut issues);
        }
    }
    issues
}

/// Checks one role of one attribution: its covering span and each of its fragments.
fn collect_role_issues(
    doc: &GoldDoc,
    index: usize,
    attribution: &GoldAttribution,
    role: SpanRole,
    issues: &mut Vec<SpanIssue>,
) {
    let covering = attribution.span(role);
    let fragments = attribution.role_fragments(role).unwrap_or_default();
    let pieces = covering
        .map(|span| (None, span))
        .into_iter()
        .chain(fragments.iter().enumerate().map(|(i, s)| (Some(i), s)));
    for (fragment, span) in pieces {
        let problem = span_problem(&doc.text, span).or_else(|| {
            fragment
                .and(covering)
                .and_then(|c| containment_problem(c, span))
        });
        if let Some(problem) = problem {
            issues.push(SpanIssue {
                doc_id: doc.id.clone(),
                attribution: index,
                role,
                fragment,
                start: span.start,
                end: span.end,
                problem,
            });
        }
    }
}

/// Says what, if anything, is wrong with a span relative to the document text.
pub fn span_problem(text: &str, span: &GoldSpan) -> Option<SpanProblem> {
    if span.start > span.end {
        return Some(SpanProblem::Reversed);
    }
    if span.end > text.len() {
        return Some(SpanProblem::OutOfRange {
            text_len: text.len(),
        });
    }
    match text.get(span.start..span.end) {
        None => Some(SpanProblem::NotCharBoundary),
        Some(found) if found != span.text => Some(SpanProblem::TextMismatch {
            expected: abbreviate(&span.text),
            found: abbreviate(found),
        }),
        Some(_) => None,
    }
}

/// Reports a fragment that does not lie within its covering span.
fn containment_problem(covering: &GoldSpan, fragment: &GoldSpan) -> Option<SpanProblem> {
    let inside = covering.start <= fragment.start && fragment.end <= covering.end;
    (!inside).then_some(SpanProblem::FragmentOutsideSpan {
        cover_start: covering.start,
        cover_end: covering.end,
    })
}

/// Shortens long span texts for error messages.
fn abbreviate(text: &str) -> String {
    const MAX_CHARS: usize = 60;
    match text.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

/// Names a role, or a fragment of it, for messages.
fn describe_piece(role: SpanRole, fragment: Option<usize>) -> String {
    match fragment {
        Some(index) => format!("{role} fragment {index}"),
        None => role.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    /// Parses a JSONL string as if it came from `gold.jsonl`.
    fn parse(input: &str) -> Result<Vec<GoldDoc>, GoldError> {
        parse_gold_lines(Cursor::new(input.as_bytes()), Path::new("gold.jsonl"))
    }

    /// Builds a span over `needle`'s first occurrence in `text`.
    fn span_of(text: &str, needle: &str) -> GoldSpan {
        let start = text.find(needle).unwrap_or(0);
        GoldSpan {
            start,
            end: start + needle.len(),
            text: needle.to_string(),
        }
    }

    #[test]
    fn parses_records_and_lifts_fragments() {
        struct Case {
            name: &'static str,
            line: &'static str,
            content_fragments: usize,
            source_fragments: usize,
            source_present: bool,
        }
        let cases = [
            Case {
                name: "plain record with unknown fields",
                line: r#"{"id":"d1","split":"dev","extra":1,"publisher":"p","text":"Ann said hi.","attributions":[{"source":{"start":0,"end":3,"text":"Ann"},"cue":{"start":4,"end":8,"text":"said"},"content":{"start":9,"end":11,"text":"hi"},"no_source_label":false}]}"#,
                content_fragments: 0,
                source_fragments: 0,
                source_present: true,
            },
            Case {
                name: "nested content fragments (PolNeAR layout)",
                line: r#"{"id":"d2","text":"\"A,\" he said, \"B.\"","attributions":[{"source":{"start":6,"end":8,"text":"he"},"cue":{"start":9,"end":13,"text":"said"},"content":{"start":0,"end":20,"text":"x","fragments":[{"start":0,"end":4,"text":"\"A,\""},{"start":15,"end":20,"text":"\"B.\""}]}}]}"#,
                content_fragments: 2,
                source_fragments: 0,
                source_present: true,
            },
            Case {
                name: "attribution-level fragments and null source",
                line: r#"{"id":"d3","text":"t","attributions":[{"source":null,"cue":null,"content":{"start":0,"end":1,"text":"t"},"fragments":[{"start":0,"end":1,"text":"t"}],"no_source_label":true}]}"#,
                content_fragments: 1,
                source_fragments: 0,
                source_present: false,
            },
            Case {
                name: "nested source fragments",
                line: r#"{"id":"d4","text":"t","attributions":[{"source":{"start":0,"end":1,"text":"t","fragments":[{"start":0,"end":1,"text":"t"}]},"content":{"start":0,"end":1,"text":"t","fragments":[]}}]}"#,
                content_fragments: 0,
                source_fragments: 1,
                source_present: true,
            },
        ];
        for case in cases {
            let docs = parse(case.line).unwrap_or_else(|e| panic!("{}: {e}", case.name));
            let attribution = &docs[0].attributions[0];
            let count = |list: &Option<Vec<GoldSpan>>| list.as_ref().map_or(0, Vec::len);
            assert_eq!(
                count(&attribution.fragments),
                case.content_fragments,
                "{}",
                case.name
            );
            assert_eq!(
                count(&attribution.source_fragments),
                case.source_fragments,
                "{}",
                case.name
            );
            assert_eq!(
                attribution.source.is_some(),
                case.source_present,
                "{}",
                case.name
            );
        }
    }

    #[test]
    fn skips_blank_lines_and_keeps_order() {
        let input = "\n{\"id\":\"a\",\"text\":\"\"}\n\n   \n{\"id\":\"b\",\"text\":\"x\"}\n";
        let ids: Vec<String> = parse(input)
            .expect("valid input")
            .into_iter()
            .map(|d| d.id)
            .collect();
        assert_eq!(ids, ["a", "b"]);
    }

    #[test]
    fn bad_lines_name_file_line_and_problem() {
        let cases = [
            (
                "not json",
                "{\"id\":\"a\",\"text\":\"\"}\n{oops\n",
                2,
                "key must be a string",
            ),
            (
                "missing text",
                "{\"id\":\"a\"}\n",
                1,
                "missing field `text`",
            ),
            (
                "wrong type",
                "\n\n{\"id\":\"a\",\"text\":\"\",\"attributions\":[{\"cue\":{\"start\":-1,\"end\":1,\"text\":\"\"}}]}\n",
                3,
                "invalid value",
            ),
        ];
        for (name, input, expected_line, expected_problem) in cases {
            let error = parse(input).expect_err(name);
            let message = error.to_string();
            match error {
                GoldError::Parse { line, problem, .. } => {
                    assert_eq!(line, expected_line, "{name}");
                    assert!(problem.contains(expected_problem), "{name}: {problem}");
                    assert!(!problem.contains("at line"), "{name}: {problem}");
                }
                other => panic!("{name}: unexpected error {other}"),
            }
            assert!(
                message.starts_with(&format!("gold.jsonl:{expected_line}:")),
                "{name}: {message}"
            );
        }
    }

    #[test]
    fn invalid_utf8_line_is_a_read_error_with_line_number() {
        let bytes = b"{\"id\":\"a\",\"text\":\"\"}\n\xff\xfe\n".to_vec();
        let error = parse_gold_lines(Cursor::new(bytes), Path::new("g.jsonl")).expect_err("bad");
        assert!(matches!(error, GoldError::Read { line: 2, .. }), "{error}");
    }

    #[test]
    fn missing_file_is_an_open_error_naming_the_file() {
        let error = read_gold(Path::new("/nonexistent/claimtrace/gold.jsonl")).expect_err("none");
        assert!(matches!(error, GoldError::Open { .. }));
        assert!(
            error
                .to_string()
                .contains("/nonexistent/claimtrace/gold.jsonl")
        );
    }

    #[test]
    fn span_problems_are_detected() {
        let text = "Zoë said “no”.";
        let span = |start: usize, end: usize, stated: &str| GoldSpan {
            start,
            end,
            text: stated.to_string(),
        };
        let zoe_end = "Zoë".len();
        let cases = [
            ("exact", span(0, zoe_end, "Zoë"), None),
            ("empty at end", span(text.len(), text.len(), ""), None),
            ("reversed", span(4, 2, ""), Some(SpanProblem::Reversed)),
            (
                "past the end",
                span(0, text.len() + 1, ""),
                Some(SpanProblem::OutOfRange {
                    text_len: text.len(),
                }),
            ),
            (
                "splits ë",
                span(0, zoe_end - 1, "Zo"),
                Some(SpanProblem::NotCharBoundary),
            ),
            (
                "wrong text",
                span(0, 2, "Ab"),
                Some(SpanProblem::TextMismatch {
                    expected: "Ab".into(),
                    found: "Zo".into(),
                }),
            ),
        ];
        for (name, span, expected) in cases {
            assert_eq!(span_problem(text, &span), expected, "{name}");
        }
    }

    #[test]
    fn span_issues_report_doc_id_role_and_fragment() {
        let text = "\"Yes,\" Bo said, \"now.\"";
        let mut content = span_of(text, text);
        content.end = 10;
        content.text = text[..10].to_string();
        let doc = GoldDoc {
            id: "doc-7".into(),
            split: None,
            publisher: None,
            publication_date: None,
            title: None,
            text: text.into(),
            attributions: vec![GoldAttribution {
                source: Some(span_of(text, "Bo")),
                cue: Some(GoldSpan {
                    start: 0,
                    end: 2,
                    text: "no".into(),
                }),
                content: Some(content),
                fragments: Some(vec![span_of(text, "\"Yes,\""), span_of(text, "\"now.\"")]),
                ..GoldAttribution::default()
            }],
        };
        let issues = span_issues(&doc);
        let summary: Vec<(SpanRole, Option<usize>)> =
            issues.iter().map(|i| (i.role, i.fragment)).collect();
        assert_eq!(
            summary,
            [(SpanRole::Cue, None), (SpanRole::Content, Some(1))]
        );
        assert!(matches!(
            issues[1].problem,
            SpanProblem::FragmentOutsideSpan { .. }
        ));
        assert!(
            issues[0]
                .to_string()
                .starts_with("document doc-7, attribution 0, cue")
        );
        let error = validate_gold(&[doc]).expect_err("invalid");
        assert!(matches!(error, GoldError::InvalidSpans { count: 2, .. }));
    }

    #[test]
    fn abbreviate_keeps_short_and_cuts_long_text_on_char_boundaries() {
        assert_eq!(abbreviate("short"), "short");
        let long = "é".repeat(100);
        let cut = abbreviate(&long);
        assert_eq!(cut.chars().count(), 61);
        assert!(cut.ends_with('…'));
    }

    /// Real corpus check: every span of dev and train selects its stated text.
    #[test]
    #[ignore = "reads the PolNeAR corpus from ../shared/corpus"]
    fn real_corpus_spans_are_valid() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/polnear");
        if !folder.is_dir() {
            eprintln!("skipped: {} is absent", folder.display());
            return;
        }
        for name in ["dev.jsonl", "train.jsonl"] {
            let docs = read_validated_gold(&folder.join(name)).unwrap_or_else(|e| panic!("{e}"));
            let attributions: usize = docs.iter().map(|d| d.attributions.len()).sum();
            println!(
                "{name}: {} documents, {attributions} attributions, all spans valid",
                docs.len()
            );
        }
    }
}
