//! "When asked whether he would run, Christie said he would not", "Sanders was asked
//! to name …": a question put by nobody named. The cue is "asked" (with "about"), the
//! claim the question up to its clause's end, and there is no source. An index walk
//! over the sentence's tokens.

use super::cue_site::CueSite;
use super::{Context, Found, Frame};
use crate::grammar::WordClass;
use crate::segment::TokenKind;

/// Parses the frame at the site's "asked".
pub fn parse(context: &Context, site: &CueSite) -> Option<Found> {
    let tokens = &context.segmented.tokens;
    let (sentence, at) = (&site.sentence, site.at);
    if site.according.is_some() || !context.is(&tokens[at], WordClass::Asks) {
        return None;
    }
    let unnamed_asker = at == sentence.start
        || tokens[at - 1].is_punct(',')
        || context.is(&tokens[at - 1], WordClass::NoAsker);
    let next = tokens.get(at + 1).filter(|_| at + 1 < sentence.end)?;
    let next_info = context.word(next);
    let about = next_info.is_some_and(|info| info.is(WordClass::QuestionPreposition));
    let opens_question = next_info.is_some_and(|info| info.is(WordClass::Question));
    if !unnamed_asker || !(about || opens_question) {
        return None;
    }
    let cue_end = if about { at + 2 } else { at + 1 };
    let end = (cue_end..sentence.end)
        .find(|&i| {
            matches!(
                tokens[i].kind,
                TokenKind::Punct(',' | ';' | ':' | '.' | '?' | '—' | '–')
            ) || tokens[i].is_quote_mark()
        })
        .unwrap_or(sentence.end);
    if end <= cue_end + 1 {
        return None;
    }
    Some(Found::new(
        Frame::Question,
        tokens[cue_end].span.cover(tokens[end - 1].span),
        tokens[at].span.cover(tokens[cue_end - 1].span),
        None,
        at..end,
    ))
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::matcher::cases::{Case, check_cue_frame};

    /// Text → every `[source, cue, claim]` this frame finds in it, tried alone.
    #[rustfmt::skip]
    const CASES: &[Case] = &[
        ("When asked whether he would run, Christie said he would not.", &[["", "asked", "whether he would run"]]),
        ("Sanders was asked to name a book he had read.", &[["", "asked", "to name a book he had read"]]),
        // "about" belongs to the cue.
        ("Asked about the tax plan, Smith said it was fair.", &[["", "Asked about", "the tax plan"]]),
        // A named asker: the question is theirs, not this frame's.
        ("Reporters asked whether he would run.", &[]),
        // A question of one word is none.
        ("When asked if, he left.", &[]),
        ("He asked.", &[]),
    ];

    #[test]
    fn case_table() {
        check_cue_frame(parse, CASES);
    }
}
