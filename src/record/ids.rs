//! Stable claim ids: the same claim text gets the same id on every run, whatever
//! else changed in the document or its file name.

use rustc_hash::FxHashMap;

use crate::segment::token::is_ascii_space;
use crate::swar;

/// Folds whitespace runs to one space and curly quotes to straight ones, so that
/// re-wrapping or re-quoting a claim does not change its id.
pub fn normalize_claim(text: &str) -> String {
    let mut normalized = Vec::with_capacity(text.len());
    for_each_normalized_byte(text, |byte, kept| {
        if kept {
            normalized.push(byte);
        }
    });
    String::from_utf8(normalized).expect("normalizing keeps characters whole")
}

/// Feeds the bytes of `normalize_claim(text)` to `emit(byte, true)`, and the
/// spaces that folding drops to `emit(b' ', false)`: handing those over too lets
/// the hash drop them without a branch per space. Works on bytes and decodes a
/// character only for non-ASCII bytes, since claim ids hash every claim.
fn for_each_normalized_byte(text: &str, mut emit: impl FnMut(u8, bool)) {
    // Trimmed, the text starts and ends with kept characters, so folding the
    // whitespace runs inside is all that is left.
    let text = text.trim();
    let bytes = text.as_bytes();
    let mut after_space = false;
    let mut index = 0;
    while index < bytes.len() {
        if let Some(word) = swar::word_at(bytes, index)
            && let Some(ends_with_space) = kept_as_is(word, after_space)
        {
            bytes[index..index + 8]
                .iter()
                .for_each(|&byte| emit(byte, true));
            after_space = ends_with_space;
            index += 8;
            continue;
        }
        let byte = bytes[index];
        if byte.is_ascii() {
            let is_space = is_ascii_space(byte);
            let folded = if is_space { b' ' } else { byte };
            emit(folded, !(is_space && after_space));
            after_space = is_space;
            index += 1;
            continue;
        }
        let c = text[index..].chars().next().unwrap_or_default();
        let end = index + c.len_utf8();
        if c.is_whitespace() {
            emit(b' ', !after_space);
            after_space = true;
        } else {
            match straightened_quote(c) {
                Some(straight) => emit(straight, true),
                None => bytes[index..end].iter().for_each(|&byte| emit(byte, true)),
            }
            after_space = false;
        }
        index = end;
    }
}

/// Whether eight bytes of a claim normalize to themselves, and if so whether they
/// end with a space: they do when they are ASCII with no control character and
/// no space that follows another (`after_space` says whether the byte before
/// them is one). Most of a claim's words pass, so the bytes are read a word at a
/// time.
fn kept_as_is(word: u64, after_space: bool) -> Option<bool> {
    if swar::has_non_ascii(word) || swar::has_byte_below(word, b' ') {
        return None;
    }
    let spaces = swar::ascii_byte_mask(word, b' ');
    let doubled = spaces & (spaces << 8) != 0 || (after_space && spaces & 0x80 != 0);
    (!doubled).then_some(spaces >> 56 != 0)
}

/// The straight quote a curly quote folds to.
fn straightened_quote(c: char) -> Option<u8> {
    match c {
        '“' | '”' | '„' | '«' | '»' => Some(b'"'),
        '‘' | '’' => Some(b'\''),
        _ => None,
    }
}

/// 64-bit FNV-1a: small, stable across platforms and releases.
#[derive(Clone, Copy)]
struct Fnv1a(u64);

impl Fnv1a {
    fn new() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }

    fn with_byte(self, byte: u8) -> Self {
        Fnv1a((self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
    }
}

/// The hash of a claim's normalized text, computed as the text is normalized.
fn claim_hash(claim_text: &str) -> u64 {
    let mut hash = Fnv1a::new();
    for_each_normalized_byte(claim_text, |byte, kept| {
        let next = hash.with_byte(byte);
        // A select rather than a branch: spaces come at unpredictable intervals.
        hash = if kept { next } else { hash };
    });
    hash.0
}

/// The id of a claim text: `c-` and 16 hex digits of its normalized text's hash.
pub fn claim_id(claim_text: &str) -> String {
    id_text(claim_hash(claim_text), 1)
}

/// `c-`, the hash in 16 lowercase hex digits and, from the second occurrence of
/// a claim on, `-` and its occurrence number. Written by hand: `format!` costs
/// more than the rest of an id, and every record has one.
fn id_text(hash: u64, occurrence: usize) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut id = String::with_capacity(24);
    id.push_str("c-");
    for shift in (0..16).rev() {
        id.push(char::from(HEX[(hash >> (shift * 4)) as usize & 0xf]));
    }
    if occurrence > 1 {
        id.push('-');
        id.push_str(&occurrence.to_string());
    }
    id
}

/// The ids of one document's claims, handed out one at a time in document order:
/// a repeated claim gets `-2`, `-3` …, and a document rendered in sections numbers
/// its repeats across them. Only the claim texts go in: not the offsets, the
/// source or the file name.
#[derive(Debug, Default)]
pub struct ClaimIds {
    /// Occurrences so far, keyed by hash: the id is a function of it.
    seen: FxHashMap<u64, usize>,
}

impl ClaimIds {
    /// Room for `claims` distinct claims.
    pub fn with_capacity(claims: usize) -> Self {
        ClaimIds {
            seen: FxHashMap::with_capacity_and_hasher(claims, Default::default()),
        }
    }

    /// The id of the document's next claim, whose text is `claim`.
    pub fn next(&mut self, claim: &str) -> String {
        let hash = claim_hash(claim);
        let occurrence = self.seen.entry(hash).or_insert(0);
        *occurrence += 1;
        id_text(hash, *occurrence)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The definition the byte-level normalizer must match, a character at a time.
    fn reference_normalized(text: &str) -> String {
        let folded: String = text
            .chars()
            .map(|c| match c {
                '“' | '”' | '„' | '«' | '»' => '"',
                '‘' | '’' => '\'',
                other => other,
            })
            .collect();
        folded.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn fnv1a(bytes: &[u8]) -> u64 {
        bytes
            .iter()
            .fold(Fnv1a::new(), |hash, &byte| hash.with_byte(byte))
            .0
    }

    /// Every `char::is_whitespace` character, curly and straight quotes, ASCII,
    /// accented and wide letters.
    const CLAIM_CHARS: &str = "[\t\n\x0B\x0C\r \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}\u{200b}\u{1c}“”„«»‘’\"'a-zé漢😀]{0,60}";

    proptest! {
        #[test]
        fn claim_hash_is_fnv1a_of_the_normalized_text(text in CLAIM_CHARS) {
            let want = reference_normalized(&text);
            prop_assert_eq!(normalize_claim(&text), want.clone());
            prop_assert_eq!(claim_hash(&text), fnv1a(want.as_bytes()));
        }

        #[test]
        fn claim_hash_of_plain_prose_is_fnv1a_of_the_normalized_text(
            text in "([A-Za-z.,“]{1,9}( |  |\n)){0,12}"
        ) {
            let want = reference_normalized(&text);
            prop_assert_eq!(normalize_claim(&text), want.clone());
            prop_assert_eq!(claim_hash(&text), fnv1a(want.as_bytes()));
        }

        #[test]
        fn claim_hash_of_any_string_is_fnv1a_of_the_normalized_text(text in any::<String>()) {
            let want = reference_normalized(&text);
            prop_assert_eq!(normalize_claim(&text), want.clone());
            prop_assert_eq!(claim_hash(&text), fnv1a(want.as_bytes()));
        }
    }

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

    proptest! {
        #[test]
        fn id_text_is_the_pinned_format(hash in any::<u64>(), occurrence in 1..100_000usize) {
            let want = match occurrence {
                1 => format!("c-{hash:016x}"),
                _ => format!("c-{hash:016x}-{occurrence}"),
            };
            prop_assert_eq!(id_text(hash, occurrence), want);
        }
    }

    /// Ids for claim texts in document order.
    fn ids_for_texts(claims: &[&str]) -> Vec<String> {
        let mut ids = ClaimIds::default();
        claims.iter().map(|claim| ids.next(claim)).collect()
    }

    #[test]
    fn repeats_get_a_suffix_in_order() {
        let ids = ids_for_texts(&["A.", "B.", "A.", "A."]);
        assert_eq!(ids[0], claim_id("A."));
        assert_eq!(ids[2], format!("{}-2", claim_id("A.")));
        assert_eq!(ids[3], format!("{}-3", claim_id("A.")));
        assert_eq!(ids[1], claim_id("B."));
    }

    #[test]
    fn other_claims_do_not_move_an_id() {
        let before = ids_for_texts(&["A.", "B.", "C."]);
        let after = ids_for_texts(&["New lead.", "A.", "B changed.", "C.", "D."]);
        assert_eq!(before[0], after[1]);
        assert_eq!(before[2], after[3]);
    }
}
