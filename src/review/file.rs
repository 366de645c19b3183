//! Reading a review file back: every claim's id, document and verdict, checked with
//! the line and column of anything wrong, plus each entry as written so that a merge
//! can carry hand edits over untouched.

use serde::Deserialize;
use serde_yaml::{Mapping, Value};

use crate::model::{Kind, SourceType};
use crate::record::ids::migrate_v1;
use crate::record::{LineCol, Status, line_col};
use crate::review::bounded::parse_bounded;
use crate::review::matching::Key;
use crate::span::Span;

/// Why a review file was refused, and where (1-based line and column).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("line {line}, column {column}: {message}")]
pub struct LoadError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// The source of a claim entry, as far as reports need it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct EntrySource {
    pub text: String,
    #[serde(rename = "type")]
    pub source_type: SourceType,
    #[serde(default)]
    pub name: Option<String>,
}

impl EntrySource {
    /// The resolved name when there is one, else the mention.
    pub fn shown(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.text)
    }
}

/// One claim of a review file.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: String,
    pub doc: Option<String>,
    pub kind: Option<Kind>,
    pub claim_text: Option<String>,
    pub source: Option<EntrySource>,
    /// Where the claim was and its parts, for a merge's re-cut fallback.
    pub place: ClaimPlace,
    pub status: Status,
    /// `review.note` as text ("" when absent).
    pub note: String,
    /// `review.reviewer` as text ("" when absent).
    pub reviewer: String,
    /// What the claim said when its review was written, for a claim reworded since
    /// (`was:`, written by a merge, deleted by the reviewer after a second look).
    pub was: Option<Was>,
    /// The whole entry as written: key order, extra keys and all.
    pub raw: Mapping,
}

/// The wording a review was written for: the id and text of the claim before it
/// was reworded. Read leniently (a missing field reads as empty).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Was {
    pub id: String,
    pub text: String,
}

impl Was {
    /// The key a merge writes it under in a claim entry.
    pub const KEY: &'static str = "was";

    /// Read from a claim entry as written: any value under `was` but null marks the
    /// claim as waiting for a second look.
    pub fn of(entry: &Mapping) -> Option<Was> {
        let was = entry.get(Was::KEY).filter(|value| !value.is_null())?;
        let text = |key: &str| {
            was.get(key)
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string()
        };
        Some(Was {
            id: text("id"),
            text: text("text"),
        })
    }

    /// As a merge writes it.
    pub fn to_yaml(&self) -> Value {
        let mut mapping = Mapping::new();
        mapping.insert("id".into(), self.id.as_str().into());
        mapping.insert("text".into(), self.text.as_str().into());
        Value::Mapping(mapping)
    }
}

impl Entry {
    /// Its document and id, as a merge matches them.
    pub fn key(&self) -> Key<'_> {
        Key {
            doc: self.doc.as_deref(),
            id: &self.id,
        }
    }

    /// The `review` mapping as written.
    pub fn raw_review(&self) -> Option<&Value> {
        self.raw.get("review")
    }

    /// Whether the claim was reworded since its review and nobody has looked again.
    pub fn needs_second_look(&self) -> bool {
        self.was.is_some()
    }
}

/// Where a claim entry's claim stood (`claim.start..claim.end`) and the texts of
/// its parts (`claim.fragments[].text`, written for a quote interrupted by its
/// attribution). Read leniently: only a merge's re-cut fallback uses them, so a
/// missing or odd value reads as unknown and never refuses a file (files from
/// releases before multi-part quotes have no `fragments`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClaimPlace {
    /// The claim's span, when both ends are written as numbers.
    pub span: Option<Span>,
    /// The texts of the claim's parts; empty when it has none or they are unreadable.
    pub fragments: Vec<String>,
}

impl ClaimPlace {
    /// Read from a claim entry as written, or from a fresh record serialized.
    pub fn of(entry: &Mapping) -> ClaimPlace {
        let Some(claim) = entry.get("claim") else {
            return ClaimPlace::default();
        };
        let offset = |key: &str| {
            claim
                .get(key)
                .and_then(Value::as_u64)
                .and_then(|n| usize::try_from(n).ok())
        };
        let span = offset("start")
            .zip(offset("end"))
            .filter(|(start, end)| start <= end)
            .map(|(start, end)| Span::new(start, end));
        let fragments = claim
            .get("fragments")
            .and_then(Value::as_sequence)
            .and_then(|parts| {
                parts
                    .iter()
                    .map(|part| part.get("text").and_then(Value::as_str).map(str::to_owned))
                    .collect::<Option<Vec<_>>>()
            })
            .unwrap_or_default();
        ClaimPlace { span, fragments }
    }
}

/// A review file: its claims, the claims an earlier merge found reworded since
/// their review, those it found gone, and the top-level mapping as written.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewFile {
    pub root: Mapping,
    pub claims: Vec<Entry>,
    pub changed: Vec<Entry>,
    pub removed: Vec<Entry>,
}

impl ReviewFile {
    /// Every entry a claim may take a review from: the claims, the changed, then
    /// the removed.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.claims.iter().chain(&self.changed).chain(&self.removed)
    }
}

/// The shape checked with positions: serde_yaml reports line and column for a
/// wrong type, a missing field or an unknown status only while deserializing
/// typed values from the text.
#[derive(Deserialize)]
struct Outline {
    claims: Vec<EntryOutline>,
    #[serde(default)]
    changed: Option<Vec<EntryOutline>>,
    #[serde(default)]
    removed: Option<Vec<EntryOutline>>,
}

#[derive(Deserialize)]
struct EntryOutline {
    id: String,
    #[serde(default)]
    doc: Option<String>,
    #[serde(default)]
    kind: Option<Kind>,
    #[serde(default)]
    claim: Option<ClaimOutline>,
    #[serde(default)]
    source: Option<EntrySource>,
    review: ReviewOutline,
}

#[derive(Deserialize)]
struct ClaimOutline {
    text: String,
}

#[derive(Deserialize)]
struct ReviewOutline {
    status: Status,
}

/// Reads a review file from its bytes. Refuses invalid UTF-8, YAML syntax errors,
/// aliases that expand without bound, duplicate keys, a missing id or review, and
/// any status outside [`Status::ALL`].
pub fn load_review(bytes: &[u8]) -> Result<ReviewFile, LoadError> {
    let text = std::str::from_utf8(bytes).map_err(|error| {
        // The bytes before the first bad one are UTF-8.
        let valid = std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default();
        let LineCol { line, col } = line_col(valid, valid.len());
        LoadError {
            line,
            column: col,
            message: "invalid UTF-8".into(),
        }
    })?;
    if text.trim().is_empty() {
        return Err(LoadError {
            line: 1,
            column: 1,
            message: "the file is empty; expected a claimtrace review mapping".into(),
        });
    }
    // Bounded first: the typed pass below follows aliases too.
    let root = parse_bounded(text).map_err(|error| positioned(text, &error))?;
    let outline: Outline = serde_yaml::from_str(text).map_err(|error| positioned(text, &error))?;
    let Value::Mapping(root) = root else {
        return Err(at_start("expected a mapping at the top of the file"));
    };
    let claims = entries(&root, "claims", outline.claims)?;
    let changed = entries(&root, "changed", outline.changed.unwrap_or_default())?;
    let removed = entries(&root, "removed", outline.removed.unwrap_or_default())?;
    Ok(ReviewFile {
        root,
        claims,
        changed,
        removed,
    })
}

/// Pairs the checked outlines of `key` with their entries as written.
fn entries(
    root: &Mapping,
    key: &str,
    outlines: Vec<EntryOutline>,
) -> Result<Vec<Entry>, LoadError> {
    let raw_entries = match root.get(key) {
        Some(Value::Sequence(items)) => items.as_slice(),
        _ => &[],
    };
    if raw_entries.len() != outlines.len() {
        return Err(at_start(&format!("`{key}` must be a list of claims")));
    }
    raw_entries
        .iter()
        .zip(outlines)
        .map(|(raw, outline)| {
            let Value::Mapping(raw) = raw else {
                return Err(at_start(&format!(
                    "every entry of `{key}` must be a mapping"
                )));
            };
            let review = raw.get("review");
            let mut entry = Entry {
                id: outline.id,
                doc: outline.doc,
                kind: outline.kind,
                claim_text: outline.claim.map(|claim| claim.text),
                source: outline.source,
                place: ClaimPlace::of(raw),
                status: outline.review.status,
                note: review
                    .and_then(|r| r.get("note"))
                    .map(scalar_text)
                    .unwrap_or_default(),
                reviewer: review
                    .and_then(|r| r.get("reviewer"))
                    .map(scalar_text)
                    .unwrap_or_default(),
                was: Was::of(raw),
                raw: raw.clone(),
            };
            migrate_ids(&mut entry);
            Ok(entry)
        })
        .collect()
}

/// An entry written with a version 1 id (the releases before issue #22) read as
/// if written today: its id and its `was` id become the ids their texts have now
/// (see [`migrate_v1`]), in the entry as written too, so that a merge matches it
/// by id and writes today's id. An id that its text does not give stays as it is
/// (a merge then finds the claim by its words, or keeps the entry under
/// `removed`).
fn migrate_ids(entry: &mut Entry) {
    if let Some(text) = &entry.claim_text
        && let Some(id) = migrate_v1(&entry.id, text)
    {
        entry.raw.insert("id".into(), id.as_str().into());
        entry.id = id;
    }
    if let Some(was) = &mut entry.was
        && let Some(id) = migrate_v1(&was.id, &was.text)
    {
        if let Some(Value::Mapping(written)) = entry.raw.get_mut(Was::KEY) {
            written.insert("id".into(), id.as_str().into());
        }
        was.id = id;
    }
}

/// A scalar as text: a note written as `note: 42` still reads "42".
fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Number(number) => number.to_string(),
        Value::Bool(flag) => flag.to_string(),
        Value::Tagged(tagged) => scalar_text(&tagged.value),
        Value::Null | Value::Sequence(_) | Value::Mapping(_) => String::new(),
    }
}

fn at_start(message: &str) -> LoadError {
    LoadError {
        line: 1,
        column: 1,
        message: message.to_string(),
    }
}

/// A serde_yaml error with its position; the few errors serde_yaml gives without
/// one (its own alias cap, an empty stream) point at the first alias or the start.
pub(crate) fn positioned(text: &str, error: &serde_yaml::Error) -> LoadError {
    let message = error.to_string();
    match error.location() {
        Some(location) => {
            let suffix = format!(" at line {} column {}", location.line(), location.column());
            LoadError {
                line: location.line(),
                column: location.column(),
                message: message.replacen(&suffix, "", 1),
            }
        }
        None if message.contains("repetition limit") => {
            let (line, column) = first_alias(text).unwrap_or((1, 1));
            LoadError {
                line,
                column,
                message: format!("{message}: aliases expand too much (a YAML bomb?)"),
            }
        }
        None => LoadError {
            line: 1,
            column: 1,
            message,
        },
    }
}

/// Where the first alias (`*name` starting a token) is, best effort: quoted text
/// and comments are not skipped, which only matters for the position shown.
fn first_alias(text: &str) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(index, line)| {
        let chars: Vec<char> = line.chars().collect();
        (0..chars.len()).find_map(|at| {
            let starts_token = at == 0 || matches!(chars[at - 1], ' ' | '\t' | '[' | '{' | ',');
            let named = chars
                .get(at + 1)
                .is_some_and(|c| c.is_alphanumeric() || *c == '_');
            (chars[at] == '*' && starts_token && named).then_some((index + 1, at + 1))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "\
claimtrace: 0.1.0
documents: [a.txt]
claims:
- review: {note: checked, status: verified, ticket: FC-12}
  id: c-1
  doc: a.txt
  claim: {text: The plan failed.}
  source: {text: officials, type: anonymous, name: null}
- id: c-2
  review: {status: unreviewed}
";

    #[test]
    fn reads_entries_and_keeps_them_as_written() {
        let file = load_review(GOOD.as_bytes()).unwrap();
        assert_eq!(file.claims.len(), 2);
        let first = &file.claims[0];
        assert_eq!((first.id.as_str(), first.status), ("c-1", Status::Verified));
        assert_eq!(first.note, "checked");
        assert_eq!(
            first.source.as_ref().map(EntrySource::shown),
            Some("officials")
        );
        let review = first.raw_review().and_then(Value::as_mapping).unwrap();
        let keys: Vec<_> = review.keys().filter_map(Value::as_str).collect();
        assert_eq!(keys, ["note", "status", "ticket"]);
        assert!(file.removed.is_empty());
    }

    #[test]
    fn claim_places_are_read_leniently() {
        let text = "\
claims:
- id: c-1
  claim: {text: 'A, she said. B.', start: 10, end: 25}
  review: {status: verified}
- id: c-2
  claim:
    text: A … B
    start: 10
    end: 25
    fragments: [{text: A, start: 10, end: 11}, {text: B, start: 24, end: 25}]
  review: {status: verified}
- id: c-3
  claim: {text: x, start: -1, end: 4, fragments: yes}
  review: {status: verified}
- id: c-4
  claim: {text: x, start: 9, end: 4, fragments: [{start: 1}]}
  review: {status: verified}
";
        let file = load_review(text.as_bytes()).unwrap();
        let places: Vec<_> = file.claims.iter().map(|e| e.place.clone()).collect();
        let span = Some(Span::new(10, 25));
        assert_eq!(
            places[0],
            ClaimPlace {
                span,
                fragments: vec![]
            }
        );
        assert_eq!(
            places[1],
            ClaimPlace {
                span,
                fragments: vec!["A".into(), "B".into()]
            }
        );
        assert_eq!(places[2], ClaimPlace::default());
        assert_eq!(places[3], ClaimPlace::default());
    }

    #[test]
    fn an_unknown_status_is_refused_where_it_is() {
        let text = GOOD.replace("status: verified", "status: verifed");
        let error = load_review(text.as_bytes()).unwrap_err();
        assert_eq!(error.line, 4, "{error}");
        assert!(error.message.contains("verifed"), "{error}");
    }

    #[test]
    fn syntax_errors_and_bad_shapes_have_positions() {
        let error = load_review(b"claims:\n- id: [unclosed\n").unwrap_err();
        assert!(error.line >= 2, "{error}");
        let error = load_review(b"claims:\n- id: c-1\n").unwrap_err();
        assert!(error.message.contains("review"), "{error}");
        assert!(load_review(b"- just a list\n").is_err());
        assert!(load_review(b"").is_err());
    }

    #[test]
    fn invalid_utf8_has_a_position() {
        let error = load_review(b"claims: []\nx: \"\xff\"\n").unwrap_err();
        assert_eq!((error.line, error.column), (2, 5));
    }

    #[test]
    fn first_alias_skips_plain_stars() {
        assert_eq!(first_alias("a: 2*3\nb: [*x]\n"), Some((2, 5)));
        assert_eq!(first_alias("a: b\n"), None);
    }
}
