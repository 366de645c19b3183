//! Which old review a freshly extracted claim takes: same id, preferably from the
//! document of the same name.

use std::collections::HashMap;

/// A claim's document (absent in a hand-written entry) and id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key<'a> {
    pub doc: Option<&'a str>,
    pub id: &'a str,
}

/// For each fresh claim, the index in `old` of the entry whose review it takes.
///
/// Ids hash the claim text only, so the same id in two documents is the same
/// sentence. An old entry of the same document is taken first; then any old entry
/// not taken yet (the file was renamed); then, for a sentence now in more documents
/// than before, an entry already taken (same document first, else the first).
/// Two passes keep the answer independent of the order documents come in.
pub fn match_entries(old: &[Key<'_>], fresh: &[Key<'_>]) -> Vec<Option<usize>> {
    let mut by_id: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, key) in old.iter().enumerate() {
        by_id.entry(key.id).or_default().push(index);
    }
    let candidates = |key: &Key<'_>| by_id.get(key.id).map_or(&[][..], Vec::as_slice);
    let same_doc = |key: &Key<'_>, index: usize| key.doc.is_some() && old[index].doc == key.doc;
    let mut taken = vec![false; old.len()];
    let mut matched: Vec<Option<usize>> = vec![None; fresh.len()];

    for (slot, key) in matched.iter_mut().zip(fresh) {
        *slot = candidates(key)
            .iter()
            .copied()
            .find(|&i| !taken[i] && same_doc(key, i));
        if let Some(index) = *slot {
            taken[index] = true;
        }
    }
    for (slot, key) in matched.iter_mut().zip(fresh) {
        if slot.is_some() {
            continue;
        }
        let found = candidates(key);
        *slot = found
            .iter()
            .copied()
            .find(|&i| !taken[i])
            .or_else(|| found.iter().copied().find(|&i| same_doc(key, i)))
            .or_else(|| found.first().copied());
        if let Some(index) = *slot {
            taken[index] = true;
        }
    }
    matched
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key<'a>(doc: &'a str, id: &'a str) -> Key<'a> {
        Key { doc: Some(doc), id }
    }

    #[test]
    fn same_document_wins_then_renamed_then_shared() {
        let old = [key("a", "x"), key("b", "x"), key("a", "y")];
        // b's x keeps b's review even though a's comes first in the old file.
        assert_eq!(match_entries(&old, &[key("b", "x")]), [Some(1)]);
        // a renamed to a2: its claims take a's entries.
        assert_eq!(
            match_entries(&old, &[key("a2", "y"), key("b", "x"), key("a2", "x")]),
            [Some(2), Some(1), Some(0)]
        );
        // x now also in c: it shares the first entry once every x is taken.
        assert_eq!(
            match_entries(&old, &[key("a", "x"), key("b", "x"), key("c", "x")]),
            [Some(0), Some(1), Some(0)]
        );
        assert_eq!(match_entries(&old, &[key("a", "z")]), [None]);
    }

    #[test]
    fn order_of_documents_does_not_matter() {
        let old = [key("a", "x"), key("b", "x")];
        let forward = match_entries(&old, &[key("c", "x"), key("a", "x")]);
        let backward = match_entries(&old, &[key("a", "x"), key("c", "x")]);
        assert_eq!(forward, [Some(1), Some(0)]);
        assert_eq!(backward, [Some(0), Some(1)]);
    }
}
