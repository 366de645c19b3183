//! JSONL records written by hand, byte for byte as serde_json writes a [`Record`]:
//! JSONL is the bulk output, and serde_json escapes strings one byte at a time
//! (a tenth of all the work of `extract --format jsonl`). The tests hold this
//! writer to serde_json's output.

use crate::record::{
    ClaimRecord, MarkerRecord, MetaRecord, Record, RelayRecord, SourceRecord, TextSpan,
};
use crate::swar;

/// Appends `record` as one compact JSON object (no newline).
pub fn write_record<S: AsRef<str>>(out: &mut Vec<u8>, record: &Record<S>) {
    out.extend_from_slice(b"{\"doc\":");
    write_str(out, record.doc.as_ref());
    out.extend_from_slice(b",\"id\":");
    write_plain_str(out, &record.id);
    if !record.meta.is_empty() {
        out.extend_from_slice(b",\"meta\":");
        write_meta(out, &record.meta);
    }
    out.extend_from_slice(b",\"kind\":");
    write_plain_str(out, record.kind.as_str());
    out.extend_from_slice(b",\"cue_kind\":");
    match record.cue_kind {
        Some(kind) => write_plain_str(out, kind.as_str()),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"claim_form\":");
    match record.claim_form {
        Some(form) => write_plain_str(out, form.as_str()),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"claim\":");
    write_claim(out, &record.claim);
    out.extend_from_slice(b",\"cue\":");
    write_option(out, record.cue.as_ref(), write_text_span);
    out.extend_from_slice(b",\"source\":");
    write_option(out, record.source.as_ref(), write_source);
    out.extend_from_slice(b",\"markers\":");
    write_array(out, &record.markers, write_marker);
    out.extend_from_slice(b",\"score\":");
    write_score(out, record.score);
    out.push(b'}');
}

fn write_claim<S: AsRef<str>>(out: &mut Vec<u8>, claim: &ClaimRecord<S>) {
    out.extend_from_slice(b"{\"text\":");
    write_str(out, claim.text.as_ref());
    write_offsets(out, claim.start, claim.end);
    out.extend_from_slice(b",\"line\":");
    write_usize(out, claim.line);
    out.extend_from_slice(b",\"col\":");
    write_usize(out, claim.col);
    if !claim.fragments.is_empty() {
        out.extend_from_slice(b",\"fragments\":");
        write_array(out, &claim.fragments, write_text_span);
    }
    out.push(b'}');
}

/// The known fields of `meta`, in order.
fn write_meta<S: AsRef<str>>(out: &mut Vec<u8>, meta: &MetaRecord<S>) {
    out.push(b'{');
    let known = meta
        .fields()
        .into_iter()
        .filter_map(|(name, value)| Some((name, value?)));
    for (index, (name, value)) in known.enumerate() {
        if index > 0 {
            out.push(b',');
        }
        write_plain_str(out, name);
        out.push(b':');
        write_str(out, value.as_ref());
    }
    out.push(b'}');
}

fn write_text_span<S: AsRef<str>>(out: &mut Vec<u8>, span: &TextSpan<S>) {
    out.extend_from_slice(b"{\"text\":");
    write_str(out, span.text.as_ref());
    write_offsets(out, span.start, span.end);
    out.push(b'}');
}

fn write_source<S: AsRef<str>>(out: &mut Vec<u8>, source: &SourceRecord<S>) {
    out.extend_from_slice(b"{\"text\":");
    write_str(out, source.text.as_ref());
    write_offsets(out, source.start, source.end);
    out.extend_from_slice(b",\"type\":");
    write_plain_str(out, source.source_type.as_str());
    out.extend_from_slice(b",\"name\":");
    write_option(out, source.name.as_ref(), |out, name| {
        write_str(out, name.as_ref())
    });
    out.extend_from_slice(b",\"via\":");
    write_array(out, &source.via, write_relay);
    out.push(b'}');
}

fn write_relay<S: AsRef<str>>(out: &mut Vec<u8>, relay: &RelayRecord<S>) {
    out.extend_from_slice(b"{\"text\":");
    write_str(out, relay.text.as_ref());
    out.extend_from_slice(b",\"type\":");
    write_plain_str(out, relay.source_type.as_str());
    out.push(b'}');
}

/// `value` written by `write`, or `null`.
fn write_option<T>(out: &mut Vec<u8>, value: Option<T>, write: impl FnOnce(&mut Vec<u8>, T)) {
    match value {
        Some(value) => write(out, value),
        None => out.extend_from_slice(b"null"),
    }
}

/// `items` as a JSON array, each written by `write`.
fn write_array<'i, T>(out: &mut Vec<u8>, items: &'i [T], write: impl Fn(&mut Vec<u8>, &'i T)) {
    out.push(b'[');
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push(b',');
        }
        write(out, item);
    }
    out.push(b']');
}

fn write_marker<S: AsRef<str>>(out: &mut Vec<u8>, marker: &MarkerRecord<S>) {
    out.extend_from_slice(b"{\"kind\":");
    write_plain_str(out, marker.kind.as_str());
    out.extend_from_slice(b",\"text\":");
    write_str(out, marker.text.as_ref());
    write_offsets(out, marker.start, marker.end);
    out.push(b'}');
}

/// `,"start":S,"end":E`
fn write_offsets(out: &mut Vec<u8>, start: usize, end: usize) {
    out.extend_from_slice(b",\"start\":");
    write_usize(out, start);
    out.extend_from_slice(b",\"end\":");
    write_usize(out, end);
}

fn write_usize(out: &mut Vec<u8>, mut number: usize) {
    // Two digits a step, from a table: offsets run to six or seven digits.
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    // The digits end at byte 20; the 20 bytes from the first digit are appended
    // and the ones past the last digit cut off again, a copy of fixed size: a
    // copy of the digits alone went through `memcpy`'s choice by size, which a
    // number's length (one to seven digits) keeps mispredicting.
    const END: usize = 20;
    let mut digits = [0u8; 2 * END];
    let mut first = END;
    while number >= 100 {
        let pair = (number % 100) * 2;
        number /= 100;
        first -= 2;
        digits[first..first + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if number >= 10 {
        first -= 2;
        digits[first..first + 2].copy_from_slice(&PAIRS[number * 2..number * 2 + 2]);
    } else {
        first -= 1;
        digits[first] = b'0' + number as u8;
    }
    out.extend_from_slice(&digits[first..][..END]);
    out.truncate(out.len() - first);
}

/// Scores go through serde_json: its float formatting is the contract.
fn write_score(out: &mut Vec<u8>, score: f64) {
    // Writing to a Vec cannot fail, and an f64 always serializes.
    let _ = serde_json::to_writer(&mut *out, &score);
}

/// True when some byte of `word` needs escaping in JSON: a control character, a
/// quotation mark or a backslash. Bytes of non-ASCII characters never do.
fn needs_escape(word: u64) -> bool {
    // `|`, not `||`: three tests and one branch per word, not three branches.
    swar::has_byte_below(word, 0x20) | swar::has_byte(word, b'"') | swar::has_byte(word, b'\\')
}

/// Appends a string that needs no escaping (ids and the names of kinds and types)
/// as a JSON string.
fn write_plain_str(out: &mut Vec<u8>, text: &str) {
    debug_assert!(!text.bytes().any(|byte| escape(byte).is_some()));
    out.push(b'"');
    out.extend_from_slice(text.as_bytes());
    out.push(b'"');
}

/// Appends the first `len` bytes (at most eight) of `word`: all eight are copied,
/// a copy of fixed size, and the rest cut off again.
fn push_word(out: &mut Vec<u8>, word: u64, len: usize) {
    out.extend_from_slice(&word.to_le_bytes());
    out.truncate(out.len() - (8 - len));
}

/// Appends `text` as a JSON string, escaped as serde_json escapes it: eight bytes
/// are checked at a time, and only a word holding a byte to escape is read byte by
/// byte.
fn write_str(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    // Clean bytes are copied as they are checked, sixteen or eight at a time:
    // copies of one fixed size, where one copy of a clean run's own length went
    // through `memcpy`'s choice by size, which mispredicts.
    let mut at = 0;
    while at < bytes.len() {
        // Sixteen clean bytes a step, one branch for both words.
        if let (Some(first), Some(second)) =
            (swar::word_at(bytes, at), swar::word_at(bytes, at + 8))
            && !(needs_escape(first) | needs_escape(second))
        {
            out.extend_from_slice(&bytes[at..][..16]);
            at += 16;
            continue;
        }
        let len = (bytes.len() - at).min(8);
        let word = swar::word_at(bytes, at).unwrap_or_else(|| swar::padded_tail(bytes, at));
        if needs_escape(word) {
            for &byte in &bytes[at..at + len] {
                match escape(byte) {
                    Some(escape) => escape.write(out),
                    None => out.push(byte),
                }
            }
        } else {
            push_word(out, word, len);
        }
        at += len;
    }
    out.push(b'"');
}

/// How serde_json writes a byte that needs escaping.
enum Escape {
    /// A backslash and this character.
    Short(u8),
    /// `\u00XX`.
    Unicode(u8),
}

impl Escape {
    fn write(self, out: &mut Vec<u8>) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        match self {
            Escape::Short(c) => out.extend_from_slice(&[b'\\', c]),
            Escape::Unicode(byte) => out.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[usize::from(byte >> 4)],
                HEX[usize::from(byte & 0xf)],
            ]),
        }
    }
}

fn escape(byte: u8) -> Option<Escape> {
    Some(match byte {
        b'"' => Escape::Short(b'"'),
        b'\\' => Escape::Short(b'\\'),
        b'\n' => Escape::Short(b'n'),
        b'\r' => Escape::Short(b'r'),
        b'\t' => Escape::Short(b't'),
        0x08 => Escape::Short(b'b'),
        0x0c => Escape::Short(b'f'),
        0x00..=0x1f => Escape::Unicode(byte),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimForm, CueKind, Kind, MarkerKind, SourceType};
    use crate::record::RelayRecord;

    fn by_serde<T: serde::Serialize>(value: &T) -> String {
        serde_json::to_string(value).expect("serializes")
    }

    fn by_hand(record: &Record<&str>) -> String {
        let mut out = Vec::new();
        write_record(&mut out, record);
        String::from_utf8(out).expect("UTF-8")
    }

    fn record(text: &str, with_parts: bool, score: f64) -> Record<&str> {
        let span = TextSpan {
            text,
            start: 0,
            end: 1234567890,
        };
        Record {
            doc: text,
            id: "c-0123456789abcdef-2".into(),
            kind: Kind::Mixed,
            cue_kind: (score > 0.5).then_some(CueKind::Belief),
            claim_form: Some(ClaimForm::Infinitive),
            // No metadata at all (no `meta` key), some fields, or every field.
            meta: if score == 0.0 {
                MetaRecord::default()
            } else {
                MetaRecord {
                    publisher: Some(text),
                    url: with_parts.then_some(text),
                    date: with_parts.then_some(text),
                    title: Some(text),
                    author: with_parts.then_some(text),
                }
            },
            claim: ClaimRecord {
                text,
                start: 3,
                end: 1234567890,
                line: 12,
                col: usize::MAX,
                fragments: if with_parts {
                    vec![span.clone(); 2]
                } else {
                    Vec::new()
                },
            },
            cue: with_parts.then(|| span.clone()),
            source: with_parts.then(|| SourceRecord {
                text,
                start: 7,
                end: 0,
                source_type: SourceType::Publication,
                name: Some(text),
                via: vec![
                    RelayRecord {
                        text,
                        source_type: SourceType::Document,
                    };
                    2
                ],
            }),
            markers: if with_parts {
                MarkerKind::ALL
                    .into_iter()
                    .map(|kind| MarkerRecord {
                        kind,
                        text,
                        start: 1,
                        end: 2,
                    })
                    .collect()
            } else {
                Vec::new()
            },
            score,
        }
    }

    #[test]
    fn records_are_written_as_serde_json_writes_them() {
        let texts = [
            "",
            "plain words of a claim, longer than one word of eight bytes",
            "“Curly” quotes, a \"straight\" one, a back\\slash, tab\tand\nnewline",
            "controls \u{0}\u{1}\u{8}\u{b}\u{c}\r\u{1f} and DEL \u{7f}, é, 中文, 🙂",
        ];
        for text in texts {
            for with_parts in [false, true] {
                for score in [0.0, 0.4, 0.7999999999999999, 1.0, f64::NAN] {
                    let record = record(text, with_parts, score);
                    assert_eq!(by_hand(&record), by_serde(&record), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn every_kind_and_type_is_named_as_serde_names_it() {
        for kind in [
            Kind::Direct,
            Kind::Mixed,
            Kind::Indirect,
            Kind::Unattributed,
        ] {
            let mut record = record("x", true, 0.5);
            record.kind = kind;
            for source_type in SourceType::ALL {
                if let Some(source) = &mut record.source {
                    source.source_type = source_type;
                }
                assert_eq!(by_hand(&record), by_serde(&record));
            }
            for cue_kind in CueKind::ALL.map(Some).into_iter().chain([None]) {
                record.cue_kind = cue_kind;
                assert_eq!(by_hand(&record), by_serde(&record));
            }
            for claim_form in ClaimForm::ALL.map(Some).into_iter().chain([None]) {
                record.claim_form = claim_form;
                assert_eq!(by_hand(&record), by_serde(&record));
            }
        }
    }

    #[test]
    fn small_numbers_are_written_in_full() {
        for number in (0..1000).chain([9_999, 10_000, 123_456, usize::MAX]) {
            let mut out = Vec::new();
            write_usize(&mut out, number);
            assert_eq!(String::from_utf8(out).expect("ASCII"), number.to_string());
        }
    }

    proptest::proptest! {
        #[test]
        fn numbers_are_written_as_serde_json_writes_them(number: usize) {
            let mut out = Vec::new();
            write_usize(&mut out, number);
            proptest::prop_assert_eq!(String::from_utf8(out).expect("ASCII"), number.to_string());
        }

        #[test]
        fn any_text_is_escaped_as_serde_json_escapes_it(text in "(?s).{0,40}") {
            let record = record(&text, true, 0.25);
            proptest::prop_assert_eq!(by_hand(&record), by_serde(&record));
        }

        /// Long clean runs between the bytes to escape: the sixteen-byte step, the
        /// eight-byte one and the tail all meet an escape at every offset.
        #[test]
        fn escapes_after_clean_runs_of_any_length_are_escaped_alike(
            text in "(x{0,40}[\"\\\\\n\u{1}\u{1f}é]){0,5}x{0,40}"
        ) {
            let record = record(&text, false, 0.0);
            proptest::prop_assert_eq!(by_hand(&record), by_serde(&record));
        }

        #[test]
        fn any_bytes_near_the_escapes_are_escaped_alike(
            bytes in proptest::collection::vec(
                proptest::sample::select(vec![b'a', b'"', b'\\', 0x1f, 0x20, 0x21, 0x7f, 0x0a]),
                0..40,
            )
        ) {
            let text = String::from_utf8(bytes).expect("ASCII");
            let record = record(&text, false, 0.0);
            proptest::prop_assert_eq!(by_hand(&record), by_serde(&record));
        }
    }
}
