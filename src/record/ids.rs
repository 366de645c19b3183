//! Stable claim ids: the same claim text gets the same id on every run, whatever
//! else changed in the document or its file name.
//!
//! An id is `c-`, 16 hex digits of a hash of the claim's normalized text, and
//! `-N` for the N-th repeat of a claim in its document. The hash is version 2: the
//! text eight bytes at a time, each word mixed in with one multiply. Version 1
//! (FNV-1a, a multiply per byte: 5% of a run) made the ids of earlier releases;
//! [`migrate_v1`] tells such an id by its text and gives the id the text has now,
//! so that review files written before read as if written today.

use rustc_hash::FxHashMap;

use crate::segment::token::is_ascii_space;
use crate::swar;

/// Folds whitespace runs to one space and curly quotes to straight ones, so that
/// re-wrapping or re-quoting a claim does not change its id.
pub fn normalize_claim(text: &str) -> String {
    let mut normalized = Normalized(Vec::with_capacity(text.len()));
    for_each_normalized(text, &mut normalized);
    String::from_utf8(normalized.0).expect("normalizing keeps characters whole")
}

/// What the normalized text of a claim is fed to: its bytes one at a time, or
/// eight at a time where a word of the text is kept as it is.
trait Sink {
    /// The next byte when `kept`; a space that folding drops when not (handing
    /// those over too lets a hash drop them without a branch per space).
    fn byte(&mut self, byte: u8, kept: bool);
    /// The next eight bytes, little-endian.
    fn word(&mut self, word: u64);
}

/// The normalized text, collected.
struct Normalized(Vec<u8>);

impl Sink for Normalized {
    fn byte(&mut self, byte: u8, kept: bool) {
        if kept {
            self.0.push(byte);
        }
    }

    fn word(&mut self, word: u64) {
        self.0.extend_from_slice(&word.to_le_bytes());
    }
}

/// Feeds the bytes of `normalize_claim(text)` to `sink`. Works on bytes and
/// decodes a character only for non-ASCII bytes, since claim ids hash every claim.
fn for_each_normalized(text: &str, sink: &mut impl Sink) {
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
            sink.word(word);
            after_space = ends_with_space;
            index += 8;
            continue;
        }
        let byte = bytes[index];
        if byte.is_ascii() {
            let is_space = is_ascii_space(byte);
            let folded = if is_space { b' ' } else { byte };
            sink.byte(folded, !(is_space && after_space));
            after_space = is_space;
            index += 1;
            continue;
        }
        let c = text[index..].chars().next().unwrap_or_default();
        let end = index + c.len_utf8();
        if c.is_whitespace() {
            sink.byte(b' ', !after_space);
            after_space = true;
        } else {
            match straightened_quote(c) {
                Some(straight) => sink.byte(straight, true),
                None => bytes[index..end]
                    .iter()
                    .for_each(|&byte| sink.byte(byte, true)),
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

/// The high and low halves of the 128-bit product of `a` and `b`, xored: a
/// multiply that mixes every bit of both into the result (wyhash's mixer).
fn folded_multiply(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

/// Where the version 2 hash starts (the fractional digits of pi).
const SEED: u64 = 0x243f_6a88_85a3_08d3;
/// What each word of the text is mixed in with (wyhash's first prime).
const WORD_MULTIPLIER: u64 = 0xa076_1d64_78bd_642f;
/// What the length is mixed in with at the end (wyhash's second prime).
const LENGTH_MULTIPLIER: u64 = 0xe703_7ed1_a0b4_28db;

/// The version 2 claim hash, fed the normalized text: each full eight-byte word
/// (little-endian) mixed into the state as `state = folded_multiply(state ^ word,
/// WORD_MULTIPLIER)`, then the last zero to seven bytes zero-padded the same way,
/// then `folded_multiply(state ^ length, LENGTH_MULTIPLIER)`. Stable across
/// platforms and releases: ids and review files depend on it.
#[derive(Clone, Copy)]
struct HashV2 {
    state: u64,
    /// The bytes fed since the last full word, from the low end.
    pending: u64,
    /// How many bytes `pending` holds, 0 to 7.
    filled: u32,
    /// Bytes fed in all.
    len: u64,
}

impl HashV2 {
    fn new() -> Self {
        HashV2 {
            state: SEED,
            pending: 0,
            filled: 0,
            len: 0,
        }
    }

    fn mix(&mut self, word: u64) {
        self.state = folded_multiply(self.state ^ word, WORD_MULTIPLIER);
    }

    fn finish(mut self) -> u64 {
        self.mix(self.pending);
        folded_multiply(self.state ^ self.len, LENGTH_MULTIPLIER)
    }
}

impl Sink for HashV2 {
    fn byte(&mut self, byte: u8, kept: bool) {
        // Selects rather than branches: spaces come at unpredictable intervals.
        let shifted = u64::from(byte) << (8 * self.filled);
        self.pending |= if kept { shifted } else { 0 };
        self.filled += u32::from(kept);
        self.len += u64::from(kept);
        if self.filled == 8 {
            self.mix(self.pending);
            (self.pending, self.filled) = (0, 0);
        }
    }

    fn word(&mut self, word: u64) {
        self.len += 8;
        // The pending bytes and the first of these make a word; the rest wait.
        // Without a branch on whether any are pending (`>> 1 >> 63` is none).
        let bits = 8 * self.filled;
        self.mix(self.pending | word << bits);
        self.pending = word >> 1 >> (63 - bits);
    }
}

/// The hash of a claim's normalized text, computed as the text is normalized: what
/// its id is made of.
pub fn claim_hash(claim_text: &str) -> u64 {
    let mut hash = HashV2::new();
    for_each_normalized(claim_text, &mut hash);
    hash.finish()
}

/// 64-bit FNV-1a: the version 1 hash, kept to recognize the ids it made.
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

impl Sink for Fnv1a {
    fn byte(&mut self, byte: u8, kept: bool) {
        if kept {
            *self = self.with_byte(byte);
        }
    }

    fn word(&mut self, word: u64) {
        for byte in word.to_le_bytes() {
            *self = self.with_byte(byte);
        }
    }
}

/// The version 1 hash of a claim's normalized text.
fn claim_hash_v1(claim_text: &str) -> u64 {
    let mut hash = Fnv1a::new();
    for_each_normalized(claim_text, &mut hash);
    hash.0
}

/// The id of a claim text: `c-` and 16 hex digits of its normalized text's hash.
pub fn claim_id(claim_text: &str) -> String {
    id_text(claim_hash(claim_text), 1)
}

/// The id the claim whose text is `claim_text` has now, when `id` is the id an
/// earlier release gave it (version 1, FNV-1a): `c-` and the version 1 hash of
/// that text, with its repeat number `-N` if any, which is kept. None for any
/// other id: one of today's, or one whose text was changed since (the odds that a
/// version 2 hash equals the text's version 1 hash are 2^-64).
pub fn migrate_v1(id: &str, claim_text: &str) -> Option<String> {
    let (hash, occurrence) = parse_id(id)?;
    let occurrence = occurrence.unwrap_or(1);
    (hash == claim_hash_v1(claim_text)).then(|| id_text(claim_hash(claim_text), occurrence))
}

/// The hash and repeat number of an id of the form `id_text` writes: `c-`, 16
/// lowercase hex digits, and `-N` (N of 2 or more) for a repeat.
fn parse_id(id: &str) -> Option<(u64, Option<usize>)> {
    let rest = id.strip_prefix("c-")?;
    let (hex, occurrence) = match rest.split_once('-') {
        Some((hex, number)) => (hex, Some(number)),
        None => (rest, None),
    };
    let lowercase_hex = |digits: &str| {
        digits
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    };
    if hex.len() != 16 || !lowercase_hex(hex) {
        return None;
    }
    let hash = u64::from_str_radix(hex, 16).ok()?;
    let occurrence = match occurrence {
        None => None,
        // `id_text` writes no `-1`, no sign and no leading zero.
        Some(number) => {
            let parsed: usize = number.parse().ok()?;
            Some(parsed).filter(|&n| n >= 2 && n.to_string() == number)?;
            Some(parsed)
        }
    };
    Some((hash, occurrence))
}

/// `c-`, the hash in 16 lowercase hex digits and, from the second occurrence of
/// a claim on, `-` and its occurrence number. Written by hand: `format!` costs
/// more than the rest of an id, and every record has one.
pub(crate) fn id_text(hash: u64, occurrence: usize) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut id = Vec::with_capacity(24);
    id.extend_from_slice(b"c-");
    for shift in (0..16).rev() {
        id.push(HEX[(hash >> (shift * 4)) as usize & 0xf]);
    }
    push_occurrence(&mut id, occurrence);
    String::from_utf8(id).expect("an id is ASCII")
}

/// Appends what follows the hash in the id of a claim's `occurrence`-th
/// appearance in its document: nothing for the first, `-` and the number from the
/// second on (no sign, no leading zero).
pub fn push_occurrence(id: &mut Vec<u8>, occurrence: usize) {
    if occurrence < 2 {
        return;
    }
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    let mut rest = occurrence;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    id.push(b'-');
    id.extend_from_slice(&digits[at..]);
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
        id_text(hash, self.count(hash))
    }

    /// Counts the document's next claim, whose [`claim_hash`] is `hash`, and gives
    /// its occurrence: 1 the first time, 2 for its first repeat … (see
    /// [`push_occurrence`]).
    pub fn count(&mut self, hash: u64) -> usize {
        let occurrence = self.seen.entry(hash).or_insert(0);
        *occurrence += 1;
        *occurrence
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

    /// The version 2 hash as its definition reads, over the normalized bytes.
    fn reference_v2(bytes: &[u8]) -> u64 {
        let mut state = SEED;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in chunks.by_ref() {
            let word = u64::from_le_bytes(chunk.try_into().unwrap());
            state = folded_multiply(state ^ word, WORD_MULTIPLIER);
        }
        let mut tail = [0; 8];
        tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        state = folded_multiply(state ^ u64::from_le_bytes(tail), WORD_MULTIPLIER);
        folded_multiply(state ^ bytes.len() as u64, LENGTH_MULTIPLIER)
    }

    /// Both hashes of `text` are those of its normalized text, which is the
    /// reference's.
    fn hashes_agree(text: &str) -> Result<(), TestCaseError> {
        let want = reference_normalized(text);
        prop_assert_eq!(normalize_claim(text), want.clone());
        prop_assert_eq!(claim_hash(text), reference_v2(want.as_bytes()));
        prop_assert_eq!(claim_hash_v1(text), fnv1a(want.as_bytes()));
        Ok(())
    }

    /// Every `char::is_whitespace` character, curly and straight quotes, ASCII,
    /// accented and wide letters.
    const CLAIM_CHARS: &str = "[\t\n\x0B\x0C\r \u{85}\u{a0}\u{1680}\u{2000}-\u{200a}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}\u{200b}\u{1c}“”„«»‘’\"'a-zé漢😀]{0,60}";

    proptest! {
        #[test]
        fn claim_hashes_are_those_of_the_normalized_text(text in CLAIM_CHARS) {
            hashes_agree(&text)?;
        }

        #[test]
        fn claim_hashes_of_plain_prose_are_those_of_the_normalized_text(
            text in "([A-Za-z.,“]{1,9}( |  |\n)){0,12}"
        ) {
            hashes_agree(&text)?;
        }

        #[test]
        fn claim_hashes_of_any_string_are_those_of_the_normalized_text(text in any::<String>()) {
            hashes_agree(&text)?;
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
        // Version 2, from this release on: review files written now must match later.
        assert_eq!(claim_id(""), "c-d701de250028ce0d");
        assert_eq!(claim_id("a"), "c-667639cfc8305c02");
        // Version 1, as the releases before wrote them (issue #22 changed the hash).
        assert_eq!(id_text(claim_hash_v1(""), 1), "c-cbf29ce484222325");
        assert_eq!(id_text(claim_hash_v1("a"), 1), "c-af63dc4c8601ec8c");
    }

    #[test]
    fn an_id_of_the_version_1_hash_becomes_the_id_its_text_has_now() {
        let text = "The plan “failed”,  officials said";
        let v1 = id_text(claim_hash_v1(text), 1);
        let v2 = claim_id(text);
        assert_ne!(v1, v2);
        #[rustfmt::skip]
        let table: &[(String, &str, Option<String>)] = &[
            (v1.clone(), text, Some(v2.clone())),
            // Its folded form is the same text.
            (v1.clone(), "The plan \"failed\", officials said", Some(v2.clone())),
            (format!("{v1}-3"), text, Some(format!("{v2}-3"))),
            (format!("{v1}-12"), text, Some(format!("{v2}-12"))),
            // Today's id, or the text changed since: nothing to migrate.
            (v2.clone(), text, None),
            (v1.clone(), "The plan failed, officials said", None),
            // Not an id `id_text` writes.
            (format!("{v1}-1"), text, None),
            (format!("{v1}-03"), text, None),
            (format!("{v1}-+3"), text, None),
            (format!("{v1}-"), text, None),
            (v1.to_uppercase().replace("C-", "c-"), text, None),
            (v1.replacen("c-", "x-", 1), text, None),
            (v1[..v1.len() - 1].to_string(), text, None),
            (String::new(), "", None),
        ];
        for (id, text, want) in table {
            assert_eq!(migrate_v1(id, text), *want, "{id} {text:?}");
        }
        assert_eq!(migrate_v1("c-cbf29ce484222325", ""), Some(claim_id("")));
    }

    proptest! {
        #[test]
        fn parsing_an_id_reads_what_id_text_wrote(hash in any::<u64>(), occurrence in 1..100_000usize) {
            let want = (hash, (occurrence > 1).then_some(occurrence));
            prop_assert_eq!(parse_id(&id_text(hash, occurrence)), Some(want));
        }
    }

    proptest! {
        #[test]
        fn id_text_is_the_pinned_format(
            hash in any::<u64>(),
            occurrence in prop_oneof![1..100_000usize, 1..=usize::MAX],
        ) {
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
