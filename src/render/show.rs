//! The text of a document for the terminal, with claims, sources, cues and markers
//! coloured (ANSI), or delimited with plain characters when colour is off.

use std::fmt::Write;

use crate::model::{Attribution, MarkerKind};
use crate::render::annotate::{Piece, pieces};

/// ANSI SGR sequences.
const RESET: &str = "\x1b[0m";
const UNDERLINE: &str = "4";
const BOLD: &str = "1";
const DIM: &str = "2";
const RED: &str = "31";
const YELLOW: &str = "33";
const MAGENTA: &str = "35";
const CYAN: &str = "36";

/// The legend printed above the text, so the colours or delimiters explain themselves.
pub fn legend(color: bool) -> String {
    if color {
        format!(
            "{} {} {} {} {}",
            sgr(&[UNDERLINE], "claim"),
            sgr(&[UNDERLINE, RED], "unsourced claim"),
            sgr(&[BOLD, CYAN], "source"),
            sgr(&[BOLD, YELLOW], "cue"),
            sgr(&[MAGENTA], "marker") + &sgr(&[DIM, MAGENTA], "⟦kind⟧"),
        )
    } else {
        "{claim} [source] <cue> marker⟦kind⟧".to_string()
    }
}

/// `text` with the attributions' spans marked. Claims are numbered where they begin
/// (`¹`-style numbers would be hard to read, so `(3)`), in the order of `extract`.
pub fn annotated(text: &str, attributions: &[Attribution], color: bool) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut previous: Option<&Piece> = None;
    let pieces = pieces(text, attributions);
    for piece in &pieces {
        if color {
            colored_piece(&mut out, piece);
        } else {
            plain_piece(&mut out, previous, piece);
        }
        previous = Some(piece);
    }
    if !color {
        close_plain(&mut out, previous, None);
    }
    out
}

/// A piece with one SGR sequence for everything covering it.
fn colored_piece(out: &mut String, piece: &Piece) {
    for index in &piece.claims_starting {
        out.push_str(&sgr(&[DIM], &format!("({})", index + 1)));
    }
    let mut codes = Vec::new();
    if piece.claim.is_some() {
        codes.push(UNDERLINE);
        if piece.unattributed {
            codes.push(RED);
        }
    }
    if piece.source.is_some() {
        codes.extend([BOLD, CYAN]);
    }
    if piece.cue {
        codes.extend([BOLD, YELLOW]);
    }
    if piece.marker.is_some() {
        codes.push(MAGENTA);
    }
    if codes.is_empty() {
        out.push_str(piece.text);
    } else {
        out.push_str(&sgr(&codes, piece.text));
    }
    for kind in &piece.markers_ending {
        out.push_str(&sgr(&[DIM, MAGENTA], &marker_tag(*kind)));
    }
}

/// A piece with delimiters opened and closed where coverage changes.
fn plain_piece(out: &mut String, previous: Option<&Piece>, piece: &Piece) {
    close_plain(out, previous, Some(piece));
    let was = |test: fn(&Piece) -> bool| previous.is_some_and(test);
    let starts_claim = !piece.claims_starting.is_empty();
    if piece.claim.is_some() && (starts_claim || !was(|p| p.claim.is_some())) {
        for index in &piece.claims_starting {
            let _ = write!(out, "({})", index + 1);
        }
        out.push('{');
    }
    if piece.source.is_some() && !was(|p| p.source.is_some()) {
        out.push('[');
    }
    if piece.cue && !was(|p| p.cue) {
        out.push('<');
    }
    out.push_str(piece.text);
    for kind in &piece.markers_ending {
        out.push_str(&marker_tag(*kind));
    }
}

/// Closes the delimiters of `previous` that `next` does not continue, innermost first.
fn close_plain(out: &mut String, previous: Option<&Piece>, next: Option<&Piece>) {
    let Some(previous) = previous else {
        return;
    };
    let goes_on = |test: fn(&Piece) -> bool| next.is_some_and(test);
    if previous.cue && !goes_on(|p| p.cue) {
        out.push('>');
    }
    if previous.source.is_some() && !goes_on(|p| p.source.is_some()) {
        out.push(']');
    }
    let next_starts_claim = next.is_some_and(|p| !p.claims_starting.is_empty());
    if previous.claim.is_some() && (next_starts_claim || !goes_on(|p| p.claim.is_some())) {
        out.push('}');
    }
}

/// `⟦hedge⟧`, written right after a marker.
fn marker_tag(kind: MarkerKind) -> String {
    format!("⟦{}⟧", kind.as_str())
}

/// `text` wrapped in one SGR sequence and a reset.
fn sgr(codes: &[&str], text: &str) -> String {
    format!("\x1b[{}m{text}{RESET}", codes.join(";"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::annotate::fixture::said;

    #[test]
    fn plain_view_delimits_every_span() {
        let (text, attributions) = said();
        assert_eq!(
            annotated(text, &attributions, false),
            "(1){Prices reportedly⟦hedge⟧ rose}, [the ministry] <said>. Ok."
        );
    }

    #[test]
    fn coloured_view_resets_after_each_piece() {
        let (text, attributions) = said();
        let shown = annotated(text, &attributions, true);
        assert!(shown.contains("\x1b[1;36mthe ministry\x1b[0m"), "{shown:?}");
        assert!(shown.contains("\x1b[4;35mreportedly\x1b[0m"), "{shown:?}");
        assert!(shown.ends_with(". Ok."));
    }
}
