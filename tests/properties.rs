//! Property tests: no input panics, and every span is on char boundaries inside it.

use proptest::prelude::*;

use claimtrace::grammar::alias_key;
use claimtrace::{Attribution, Grammar, Span, extract_text};

/// Pieces that exercise the parsers: cues, quotes of every style, punctuation,
/// layout lines, multi-byte characters.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("said".to_string()),
        Just("according to".to_string()),
        Just("told".to_string()),
        Just("the cable read".to_string()),
        Just("officials".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("'".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just(":".to_string()),
        Just("—".to_string()),
        Just("\n\n".to_string()),
        Just("\n  • ".to_string()),
        Just("Advertisement\n".to_string()),
        Just("Mr. ".to_string()),
        Just("U.S. ".to_string()),
        Just("(".to_string()),
        Just(")".to_string()),
        Just("wrote on Facebook".to_string()),
        Just("appears to".to_string()),
        Just("when asked whether".to_string()),
        Just("with 22 percent saying".to_string()),
        Just("A: ".to_string()),
        // Interview turns and press releases (issue #21).
        Just("\n\nQ: ".to_string()),
        Just("\n\nA. ".to_string()),
        Just("\n\nSMITH: ".to_string()),
        Just("\n\n(LAUGHTER)".to_string()),
        Just("/PRNewswire/ -- ".to_string()),
        Just("--(BUSINESS WIRE)--".to_string()),
        Just("— (ACCESSWIRE) — 2025 —".to_string()),
        Just("\n\nAbout Acme\n\n".to_string()),
        Just("\n\n###\n".to_string()),
        Just("More from the report: ".to_string()),
        Just("(R-Texas)".to_string()),
        Just("1,237".to_string()),
        Just("42%".to_string()),
        Just("é".to_string()),
        Just("🙂".to_string()),
        "[A-Za-z]{1,8}",
        "\\PC{0,6}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..60).prop_map(|pieces| pieces.join(" "))
}

fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside {}",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on a char boundary"
    );
}

fn assert_spans(text: &str, found: &[Attribution]) {
    for attribution in found {
        assert_span(text, attribution.claim, "claim");
        assert!(!attribution.claim.is_empty(), "empty claim");
        if let Some(cue) = attribution.cue {
            assert_span(text, cue, "cue");
        }
        if let Some(source) = &attribution.source {
            assert_span(text, source.span, "source");
            for relay in &source.via {
                assert_span(text, relay.span, "relay");
            }
        }
        for marker in &attribution.markers {
            assert_span(text, marker.span, "marker");
        }
        assert!((0.0..=1.0).contains(&attribution.score));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn extraction_never_panics_and_spans_fit(text in text()) {
        let grammar = Grammar::built_in().unwrap();
        let found = extract_text(&text, &grammar);
        assert_spans(&text, &found);
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,400}") {
        let grammar = Grammar::built_in().unwrap();
        let found = extract_text(&text, &grammar);
        assert_spans(&text, &found);
    }
}

proptest! {
    #[test]
    fn alias_keys_lowercase_fold_and_drop_the_article(phrase in "(The|THE|a|An|an|the|Ünion|ΣΑΣ|x|İ|[ \t\n\u{a0}]){0,8}") {
        let lower = phrase.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        let words = match words.first() {
            Some(&("the" | "a" | "an")) if words.len() > 1 => &words[1..],
            _ => &words[..],
        };
        prop_assert_eq!(alias_key(&phrase), words.join(" "));
    }
}

#[test]
fn pathological_inputs_finish() {
    let grammar = Grammar::built_in().unwrap();
    let cases = [
        "\"".repeat(100_000),
        "“".repeat(50_000),
        "(".repeat(50_000),
        "said ".repeat(20_000),
        "according to ".repeat(20_000),
        format!("{}.", "word ".repeat(200_000)),
        "\n".repeat(100_000),
        // One paragraph of narration and quotes that all continue the first speaker:
        // finding each quote's owner must not rescan the paragraph.
        format!(
            "\"A,\" he said. {}",
            "The cat is here. \"Bee is here.\" ".repeat(100_000)
        ),
    ];
    for text in cases {
        let found = extract_text(&text, &grammar);
        assert_spans(&text, &found);
    }
}

/// Claims are bounded by their surroundings, not by the paragraph: in one long
/// paragraph, what the claims hold together grows with the text, not its square.
#[test]
fn claims_in_one_long_paragraph_stay_short() {
    let grammar = Grammar::built_in().unwrap();
    let cases = [
        // A transcript run together: each answer once ran to the paragraph's end.
        "Q: Is it so? A: It is so, he thinks. ".repeat(20_000),
        // Quotes left open: each once ran on to a closing mark far away.
        format!("“Open {} “Short,” she said. ", "word ".repeat(20_000)).repeat(20),
    ];
    for text in cases {
        let found = extract_text(&text, &grammar);
        assert_spans(&text, &found);
        let claimed: usize = found.iter().map(|found| found.claim.len()).sum();
        assert!(
            claimed <= 2 * text.len(),
            "{claimed} bytes claimed of {}",
            text.len()
        );
    }
}

/// Frames cut off by the end of their block: each once panicked or could have, by
/// reading the token after the last one.
#[test]
fn frames_cut_off_at_the_end_of_a_block() {
    let grammar = Grammar::built_in().unwrap();
    let cases = [
        "She wrote on Facebook",
        "She wrote on Facebook:",
        "He said in",
        "Sanders appears to",
        "When asked about",
        "When asked whether",
        "A:",
        "More from the report:",
        "According to the book and",
        "\"The risk,\" said Edward Leamer, an economist,",
        "Sen. John Cornyn (R-Texas",
        "with 22 percent saying",
        "“Apparently not,“",
    ];
    for text in cases {
        let found = extract_text(text, &grammar);
        assert_spans(text, &found);
    }
}
