//! Eight bytes at a time: tests on a `u64` read from text, for the loops that run
//! over every byte of the corpus (escaping JSON, hashing claims, reading words).

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `bytes` from `at`, as one little-endian word; None past the
/// end.
pub fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk = bytes.get(at..at.checked_add(8)?)?;
    Some(u64::from_le_bytes([
        chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
    ]))
}

/// The fewer than eight bytes of `bytes` from `at` as a word, padded with `A`s
/// (plain ASCII that the JSON escape test does not look for; a letter to
/// [`ascii_alphanumeric_mask`], so word scans do not pad).
pub fn padded_tail(bytes: &[u8], at: usize) -> u64 {
    let tail = bytes.get(at..).unwrap_or_default();
    let len = tail.len().min(8);
    // In a text of eight bytes or more, the tail ends the last word: read that
    // and shifted down, not copied in by `memcpy`, whose choice by the tail's
    // length mispredicts.
    if let (1..8, Some(last)) = (len, bytes.len().checked_sub(8)) {
        let word = word_at(bytes, last).unwrap_or_default();
        return word >> (8 * (8 - len)) | splat(b'A') << (8 * len);
    }
    let mut padded = [b'A'; 8];
    padded[..len].copy_from_slice(&tail[..len]);
    u64::from_le_bytes(padded)
}

/// `byte` in every byte of a word.
pub fn splat(byte: u8) -> u64 {
    ONES * u64::from(byte)
}

/// True when some byte of `word` is below `limit` (at most 128); exact.
pub fn has_byte_below(word: u64, limit: u8) -> bool {
    word.wrapping_sub(splat(limit)) & !word & HIGH_BITS != 0
}

/// True when some byte of `word` equals `byte`; exact.
pub fn has_byte(word: u64, byte: u8) -> bool {
    has_byte_below(word ^ splat(byte), 1)
}

/// True when some byte of `word` is not ASCII.
pub fn has_non_ascii(word: u64) -> bool {
    word & HIGH_BITS != 0
}

/// 0x80 in each byte of `word` that equals the ASCII `byte`, 0 elsewhere; exact
/// for any word.
pub fn ascii_byte_mask(word: u64, byte: u8) -> u64 {
    let differs = word ^ splat(byte);
    // Adding 0x7f to the low seven bits carries into the high bit exactly when they
    // are not zero, and never into the next byte; a non-ASCII byte differs from
    // `byte` in the high bit itself.
    !(((differs & !HIGH_BITS) + !HIGH_BITS) | differs) & HIGH_BITS
}

/// 0x80 in each byte of `word` that continues a UTF-8 character (`10xxxxxx`), 0
/// elsewhere.
pub fn continuation_mask(word: u64) -> u64 {
    // Shifted left by one, each byte's bit 6 lands on its bit 7.
    word & !(word << 1) & HIGH_BITS
}

/// How many bytes of `mask` (0x80 or 0 in each byte) are set.
pub fn count_marked(mask: u64) -> usize {
    // Each byte 1 or 0, summed into the top byte by the multiply (at most 8).
    ((mask >> 7).wrapping_mul(ONES) >> 56) as usize
}

/// 0x80 in each seven-bit byte of `bytes` (high bits clear) from `low` to `high`.
fn in_range(bytes: u64, low: u8, high: u8) -> u64 {
    // For seven-bit bytes, adding 0x80 - low sets the high bit exactly when the
    // byte is at least `low`, and adding 0x7f - high sets it exactly when the byte
    // is above `high`; neither sum carries into the next byte.
    (bytes + splat(0x80 - low)) & !(bytes + splat(0x7f - high)) & HIGH_BITS
}

/// 0x80 in each byte of `word` that is an ASCII letter or digit, 0 elsewhere
/// (non-ASCII bytes included).
pub fn ascii_alphanumeric_mask(word: u64) -> u64 {
    let ascii = word & !HIGH_BITS;
    let digits = in_range(ascii, b'0', b'9');
    let letters = in_range(ascii | splat(0x20), b'a', b'z');
    (digits | letters) & !word
}

/// `word` with its ASCII capitals lowercased, every other byte as it is.
pub fn ascii_lowercase(word: u64) -> u64 {
    let capitals = in_range(word & !HIGH_BITS, b'A', b'Z') & !word;
    // 0x80 >> 2 is the bit between a capital and its small letter.
    word | capitals >> 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytewise(word: u64) -> [u8; 8] {
        word.to_le_bytes()
    }

    proptest::proptest! {
        #[test]
        fn word_tests_agree_with_bytewise_ones(word: u64, byte in 0u8..128, limit in 0u8..=128) {
            let bytes = bytewise(word);
            proptest::prop_assert_eq!(has_byte_below(word, limit), bytes.iter().any(|&b| b < limit));
            proptest::prop_assert_eq!(has_byte(word, byte), bytes.contains(&byte));
            proptest::prop_assert_eq!(has_non_ascii(word), !bytes.is_ascii());
            let lowered = bytes.map(|b| b.to_ascii_lowercase());
            proptest::prop_assert_eq!(bytewise(ascii_lowercase(word)), lowered);
            let alphanumerics = ascii_alphanumeric_mask(word);
            for (index, &b) in bytes.iter().enumerate() {
                proptest::prop_assert_eq!(bytewise(alphanumerics)[index] == 0x80, b.is_ascii_alphanumeric());
            }
            let mask = ascii_byte_mask(word, byte);
            let continuations = continuation_mask(word);
            for (index, &b) in bytes.iter().enumerate() {
                proptest::prop_assert_eq!(bytewise(mask)[index], if b == byte { 0x80 } else { 0 });
                let continues = b & 0xc0 == 0x80;
                proptest::prop_assert_eq!(bytewise(continuations)[index], if continues { 0x80 } else { 0 });
            }
            let marked = bytewise(mask).iter().filter(|&&b| b == 0x80).count();
            proptest::prop_assert_eq!(count_marked(mask), marked);
            proptest::prop_assert_eq!(count_marked(HIGH_BITS), 8);
        }
    }

    proptest::proptest! {
        #[test]
        fn a_padded_tail_is_the_tail_and_then_padding(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..24),
            at in 0usize..30,
        ) {
            let mut padded = [b'A'; 8];
            let tail = bytes.get(at..).unwrap_or_default();
            let len = tail.len().min(8);
            padded[..len].copy_from_slice(&tail[..len]);
            proptest::prop_assert_eq!(bytewise(padded_tail(&bytes, at)), padded);
        }
    }

    #[test]
    fn words_are_read_little_endian_and_not_past_the_end() {
        assert_eq!(
            word_at(b"abcdefghi", 1),
            Some(u64::from_le_bytes(*b"bcdefghi"))
        );
        assert_eq!(word_at(b"abcdefgh", 1), None);
        assert_eq!(word_at(b"", usize::MAX), None);
        // A short text copied in; the tail of a longer one read from its last word.
        let tails: [(&[u8], usize, &[u8; 8]); 6] = [
            (b"abc", 1, b"bcAAAAAA"),
            (b"abc", 9, b"AAAAAAAA"),
            (b"abcdefghij", 3, b"defghijA"),
            (b"abcdefghij", 9, b"jAAAAAAA"),
            (b"abcdefghij", 10, b"AAAAAAAA"),
            (b"abcdefgh", 1, b"bcdefghA"),
        ];
        for (bytes, at, want) in tails {
            assert_eq!(
                padded_tail(bytes, at),
                u64::from_le_bytes(*want),
                "{bytes:?} {at}"
            );
        }
    }
}
