//! Where a review stands: counts by status and by document, and the unreviewed
//! claims that most need a look.

use std::collections::BTreeMap;

use crate::model::SourceType;
use crate::record::Status;
use crate::review::file::{Entry, ReviewFile};

/// Claims per status, in [`Status::ALL`] order.
pub type Counts = [usize; Status::ALL.len()];

/// The counts of a review file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally<'a> {
    pub total: Counts,
    /// Per document, in first-seen order (claims with no `doc` count under "").
    pub by_doc: Vec<(String, Counts)>,
    /// Unreviewed claims resting on an anonymous source or on none, in file order.
    pub needs_attention: Vec<&'a Entry>,
    /// Claims under `changed`, reworded since their review (not counted above).
    pub changed: Vec<&'a Entry>,
    /// Entries under `removed` (not counted above).
    pub removed: usize,
}

/// Counts the claims of `file`.
pub fn tally(file: &ReviewFile) -> Tally<'_> {
    let mut tally = Tally {
        changed: file.changed.iter().collect(),
        removed: file.removed.len(),
        ..Tally::default()
    };
    let mut doc_rows: BTreeMap<&str, usize> = BTreeMap::new();
    for entry in &file.claims {
        let column = status_index(entry.status);
        tally.total[column] += 1;
        let doc = entry.doc.as_deref().unwrap_or("");
        let row = *doc_rows.entry(doc).or_insert_with(|| {
            tally.by_doc.push((doc.to_string(), Counts::default()));
            tally.by_doc.len() - 1
        });
        tally.by_doc[row].1[column] += 1;
        let weakly_sourced = entry
            .source
            .as_ref()
            .is_none_or(|source| source.source_type == SourceType::Anonymous);
        if entry.status == Status::Unreviewed && weakly_sourced {
            tally.needs_attention.push(entry);
        }
    }
    tally
}

/// The column of `status` in [`Counts`].
pub fn status_index(status: Status) -> usize {
    Status::ALL
        .iter()
        .position(|&known| known == status)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::file::load_review;

    #[test]
    fn counts_by_status_and_document() {
        let text = "\
claims:
- {id: c-1, doc: a.txt, source: null, review: {status: unreviewed}}
- {id: c-2, doc: a.txt, source: {text: officials, type: anonymous}, review: {status: verified}}
- {id: c-3, doc: b.txt, source: {text: officials, type: anonymous}, review: {status: unreviewed}}
- {id: c-4, doc: b.txt, source: {text: Ann Lee, type: person}, review: {status: unreviewed}}
changed:
- {id: c-5, doc: b.txt, claim: {text: new words}, review: {status: verified}, was: {id: c-0, text: old words}}
removed:
- {id: c-9, doc: a.txt, review: {status: disputed}}
";
        let file = load_review(text.as_bytes()).unwrap();
        let tally = tally(&file);
        assert_eq!(tally.total, [3, 1, 0, 0, 0, 0]);
        assert_eq!(tally.by_doc[0], ("a.txt".to_string(), [1, 1, 0, 0, 0, 0]));
        assert_eq!(tally.by_doc[1], ("b.txt".to_string(), [2, 0, 0, 0, 0, 0]));
        let ids: Vec<&str> = tally
            .needs_attention
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids, ["c-1", "c-3"]);
        assert_eq!(tally.removed, 1);
        assert_eq!(tally.changed.len(), 1);
        assert_eq!(tally.changed[0].was.as_ref().unwrap().text, "old words");
    }
}
