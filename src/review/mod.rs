//! Stable claim ids: the same claim text gets the same id on every run.

use crate::model::Attribution;

/// Folds whitespace runs to one space and curly quotes to straight ones, so that
/// re-wrapping or re-quoting a claim does not change its id.
pub fn normalize_claim(text: &str) -> String {
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

/// 64-bit FNV-1a: small, stable across platforms and releases.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The id of a claim text: `c-` and 16 hex digits of its normalized text's hash.
pub fn claim_id(claim_text: &str) -> String {
    format!("c-{:016x}", fnv1a(normalize_claim(claim_text).as_bytes()))
}

/// Ids for a document's attributions, in order; a repeated claim gets `-2`, `-3` ….
pub fn assign_ids(text: &str, attributions: &[Attribution]) -> Vec<String> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    attributions
        .iter()
        .map(|attribution| {
            let id = claim_id(attribution.claim.slice(text));
            let count = seen.entry(id.clone()).or_insert(0);
            *count += 1;
            if *count == 1 {
                id
            } else {
                format!("{id}-{count}")
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
        assert_ne!(claim_id("It works"), claim_id("It fails"));
        assert!(claim_id("x").starts_with("c-") && claim_id("x").len() == 18);
    }
}
