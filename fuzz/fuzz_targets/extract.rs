//! Whole extraction over arbitrary text: must not panic, and every span it
//! returns must lie inside the text, on char boundaries, with start <= end.
#![no_main]

use std::sync::OnceLock;

use claimtrace::{Grammar, Span, extract_text};
use libfuzzer_sys::fuzz_target;

fn grammar() -> &'static Grammar {
    static GRAMMAR: OnceLock<Grammar> = OnceLock::new();
    GRAMMAR.get_or_init(|| Grammar::built_in().expect("built-in grammar loads"))
}

fn check(text: &str, what: &str, span: Span) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} span {span:?} out of range for text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} span {span:?} not on char boundaries"
    );
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for found in extract_text(text, grammar()) {
        check(text, "claim", found.claim);
        if let Some(cue) = found.cue {
            check(text, "cue", cue);
        }
        if let Some(source) = &found.source {
            check(text, "source", source.span);
            for relay in &source.via {
                check(text, "via", relay.span);
            }
        }
        for marker in &found.markers {
            check(text, "marker", marker.span);
        }
    }
});
