//! Stable claim ids: the same claim text gets the same id on every run, whatever
//! else changed in the document or its file name.

use std::collections::HashMap;

use crate::model::Attribution;

/// Folds whitespace runs to one space and curly quotes to straight ones, so that
/// re-wrapping or re-quoting a claim does not change its id.
pub fn normalize_claim(text: &str) -> String {
    let mut normalized = String::with_capacity(text.len());
    for_each_normalized_char(text, |c| normalized.push(c));
    normalized
}

/// Feeds the characters of `normalize_claim(text)` to `emit` without building it.
fn for_each_normalized_char(text: &str, mut emit: impl FnMut(char)) {
    let mut space_pending = false;
    let mut started = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space_pending = started;
            continue;
        }
        if space_pending {
            emit(' ');
            space_pending = false;
        }
        started = true;
        emit(match c {
            '“' | '”' | '„' | '«' | '»' => '"',
            '‘' | '’' => '\'',
            other => other,
        });
    }
}

/// 64-bit FNV-1a: small, stable across platforms and releases.
struct Fnv1a(u64);

impl Fnv1a {
    fn new() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }

    fn write_byte(&mut self, byte: u8) {
        self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
}

/// The hash of a claim's normalized text, computed as the text is normalized.
fn claim_hash(claim_text: &str) -> u64 {
    let mut hash = Fnv1a::new();
    for_each_normalized_char(claim_text, |c| {
        if c.is_ascii() {
            hash.write_byte(c as u8);
        } else {
            for &byte in c.encode_utf8(&mut [0; 4]).as_bytes() {
                hash.write_byte(byte);
            }
        }
    });
    hash.0
}

/// The id of a claim text: `c-` and 16 hex digits of its normalized text's hash.
pub fn claim_id(claim_text: &str) -> String {
    format!("c-{:016x}", claim_hash(claim_text))
}

/// Ids for a document's attributions, in order; a repeated claim gets `-2`, `-3` ….
/// Only the claim texts go in: not the offsets, the source or the file name.
pub fn assign_ids(text: &str, attributions: &[Attribution]) -> Vec<String> {
    ids_for_texts(
        attributions
            .iter()
            .map(|attribution| attribution.claim.slice(text)),
    )
}

/// Ids for claim texts in document order, numbering repeats.
pub fn ids_for_texts<'a>(claims: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    // Keyed by hash: the id is a function of it.
    let mut seen: HashMap<u64, usize> = HashMap::new();
    claims
        .into_iter()
        .map(|claim| {
            let hash = claim_hash(claim);
            let count = seen.entry(hash).or_insert(0);
            *count += 1;
            if *count == 1 {
                format!("c-{hash:016x}")
            } else {
                format!("c-{hash:016x}-{count}")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_ignore_whitespace_and_quote_style() {
        assert_eq!(claim_id("“It  works,”\nhe"), claim_id("\"It works,\" he"));
        assert_eq!(claim_id("it’s ‘done’"), claim_id("it's 'done'"));
        assert_ne!(claim_id("It works"), claim_id("It fails"));
        assert!(claim_id("x").starts_with("c-") && claim_id("x").len() == 18);
    }

    #[test]
    fn normalizing_folds_space_runs_and_trims() {
        let table = [
            ("  a \t\n b  ", "a b"),
            ("\u{a0}“x”\u{2003}‘y’ ", "\"x\" 'y'"),
            ("", ""),
            (" \n ", ""),
            ("one", "one"),
        ];
        for (text, want) in table {
            assert_eq!(normalize_claim(text), want, "{text:?}");
        }
    }

    #[test]
    fn ids_are_pinned_across_releases() {
        // A review file written by an earlier release must still match.
        assert_eq!(claim_id(""), "c-cbf29ce484222325");
        assert_eq!(claim_id("a"), "c-af63dc4c8601ec8c");
    }

    #[test]
    fn repeats_get_a_suffix_in_order() {
        let ids = ids_for_texts(["A.", "B.", "A.", "A."]);
        assert_eq!(ids[0], claim_id("A."));
        assert_eq!(ids[2], format!("{}-2", claim_id("A.")));
        assert_eq!(ids[3], format!("{}-3", claim_id("A.")));
        assert_eq!(ids[1], claim_id("B."));
    }

    #[test]
    fn other_claims_do_not_move_an_id() {
        let before = ids_for_texts(["A.", "B.", "C."]);
        let after = ids_for_texts(["New lead.", "A.", "B changed.", "C.", "D."]);
        assert_eq!(before[0], after[1]);
        assert_eq!(before[2], after[3]);
    }
}
