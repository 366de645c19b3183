//! "Topsec received some of its startup capital from the Chinese state, said the
//! cable.": the claim, a comma, then a cue that may invert (flagged `invert` in
//! cues.txt) and its source after it. An index walk over the sentence's tokens that
//! reads the source with the relay parser.

use super::claim::{claim_before, comma_ending_at};
use super::cue_site::{Cue, CueSite};
use super::relay::source_with_relays;
use super::source_fit::{cue_allows, looks_like_source};
use super::subject::source_before;
use super::tokens::Tokens;
use super::{Context, Found, Frame};
use crate::grammar::WordClass;
use crate::model::CueKind;
use crate::segment::TokenKind;
use crate::segment::token::first_token_from;
use crate::span::Span;

/// Parses the frame at the site's cue.
pub fn parse(context: &Context, site: &CueSite) -> Option<Found> {
    let tokens = &context.segmented.tokens;
    let (sentence, at) = (&site.sentence, site.at);
    let cue = site
        .cue_with_source()
        .filter(|cue| cue.flags.invert || speech_after_quotation(context, cue, at))?;
    if at == sentence.start {
        return fronted(context, site, cue);
    }
    let (comma, comma_end) = comma_ending_at(tokens, sentence.start, at)?;
    let (rest, source) =
        source_with_relays(context.grammar)(Tokens::new(tokens, cue.end..sentence.end)).ok()?;
    // "…," said Sen. Chris Murphy (D-Conn.), who …", "…," said an official who …".
    let closes = rest.first().is_none_or(|next| {
        matches!(
            next.kind,
            TokenKind::Punct('.' | '!' | '?' | ',' | ';' | '(')
        ) || next.is_closing_quote_mark()
            || context.is(next, WordClass::PersonalRelative)
    });
    if !closes
        || !looks_like_source(context, source.head)
        || !cue_allows(context, cue.flags, source.head)
        || appositive_subject(context, sentence.start, at)
    {
        return None;
    }
    let claim = claim_before(context.segmented, sentence.start, comma, comma_end)?;
    let mut covered = sentence.start..rest.offset;
    // "\"The risk,\" said Edward Leamer, an economist at UCLA, \"is that …\"": the quote
    // resumes after the source's appositive, a second part of the claim.
    let resumed = tokens[comma_end - 1]
        .is_quote_mark()
        .then(|| quote_after_appositive(context, rest.offset, sentence.end))
        .flatten();
    if let Some(resumed) = resumed {
        covered.end = first_token_from(tokens, resumed.end);
    }
    let found = Found::new(
        Frame::ClaimCueSource,
        claim,
        cue.span,
        Some(source),
        covered,
    );
    Some(match resumed {
        Some(resumed) => found.continued(resumed),
        None => found,
    })
}

/// "“I'm a voter,” declares Stephanie Acs", "‘It is over’, declares Ms Acs": right
/// after a quotation and its comma any verb of speech inverts, flagged or not.
fn speech_after_quotation(context: &Context, cue: &Cue, at: usize) -> bool {
    let tokens = &context.segmented.tokens;
    // The comma inside the quotation, or after it as British house styles put it.
    let after_quotation = at >= 2
        && ((tokens[at - 1].is_closing_quote_mark() && tokens[at - 2].is_punct(','))
            || (tokens[at - 1].is_punct(',') && tokens[at - 2].is_closing_quote_mark()));
    after_quotation
        && context
            .grammar
            .cue_kinds
            .get(cue.span.slice(context.text).to_lowercase().as_str())
            == Some(&CueKind::Speech)
}

/// "Said Comey, “The thought is very painful to us.”": the cue opens the sentence,
/// its source follows, and after a comma or colon the quotation that is the claim.
fn fronted(context: &Context, site: &CueSite, cue: &Cue) -> Option<Found> {
    let tokens = &context.segmented.tokens;
    let sentence = &site.sentence;
    let (rest, source) =
        source_with_relays(context.grammar)(Tokens::new(tokens, cue.end..sentence.end)).ok()?;
    let mark = rest.offset;
    let opening = mark + 1;
    let introduces = tokens.get(mark).is_some_and(|token| {
        opening < sentence.end && matches!(token.kind, TokenKind::Punct(',' | ':'))
    });
    if !introduces || !looks_like_source(context, source.head) {
        return None;
    }
    let quote = context
        .segmented
        .quotes
        .opening_at(tokens[opening].span.start)?;
    let covered = sentence.start..first_token_from(tokens, quote.end).max(opening);
    Some(Found::new(
        Frame::ClaimCueSource,
        quote,
        cue.span,
        Some(source),
        covered,
    ))
}

/// "Hamadoun Toure, the UN agency's secretary-general, said …": the whole sentence
/// before the cue is a name and its appositive, not a claim; the source comes first.
fn appositive_subject(context: &Context, start: usize, at: usize) -> bool {
    at > start
        && context.segmented.tokens[at - 1].is_punct(',')
        && source_before(context, start, at).is_some_and(|(_, first)| first == start)
}

/// The quotation that opens after `, ` following the appositive of an inverted source
/// (`, an economist at UCLA, "…"`), when no other quotation comes first.
fn quote_after_appositive(context: &Context, from: usize, end: usize) -> Option<Span> {
    let tokens = &context.segmented.tokens;
    tokens
        .get(from)
        .filter(|token| from < end && token.is_punct(','))?;
    let opening = (from + 1..end).find(|&i| tokens[i].is_quote_mark())?;
    tokens
        .get(opening - 1)
        .filter(|before| before.is_punct(','))?;
    context
        .segmented
        .quotes
        .opening_at(tokens[opening].span.start)
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::matcher::cases::{Case, check_cue_frame};

    /// Text → every `[source, cue, claim]` this frame finds in it, tried alone.
    #[rustfmt::skip]
    const CASES: &[Case] = &[
        ("Topsec received some of its startup capital from the Chinese state, said the cable.", &[["the cable", "said", "Topsec received some of its startup capital from the Chinese state"]]),
        // The cue opens the sentence; the quotation after its source is the claim (#19).
        (r#"Said Comey, "The thought is very painful to us.""#, &[["Comey", "Said", r#""The thought is very painful to us.""#]]),
        ("Said the plan would fail.", &[]),
        // The quote resumes after the source's appositive: one claim.
        (r#""The risk," said Edward Leamer, an economist at UCLA, "is that prices fall.""#, &[["Edward Leamer", "said", r#""The risk," … "is that prices fall.""#]]),
        // A bracketed label or a relative clause may follow the source.
        ("The plan failed, said Sen. Chris Murphy (D-Conn.), who voted against it.", &[["Sen. Chris Murphy", "said", "The plan failed"]]),
        ("The plan failed, said an official who asked not to be named.", &[["an official", "said", "The plan failed"]]),
        // Right after a quotation any verb of speech inverts; elsewhere only a flagged one (#19).
        ("“I am a voter,” declares Stephanie Acs.", &[["Stephanie Acs", "declares", "“I am a voter,”"]]),
        ("‘It is over’, declares Ms Acs.", &[["Ms Acs", "declares", "‘It is over’"]]),
        ("The plan failed, declares Ms Acs.", &[]),
        // A document cue with a document.
        (r#""Prices will rise," read the memo."#, &[["the memo", "read", r#""Prices will rise,""#]]),
        // "little" reads as no source.
        ("The plan failed, said little.", &[]),
        // A document cue with a person.
        (r#""Prices will rise," read Smith."#, &[]),
        // More after the source than a closing mark or a relative clause.
        ("The plan failed, said the officials today in Geneva.", &[]),
        // A name and its appositive before the cue: the source comes first.
        ("Hamadoun Toure, the UN agency's secretary-general, said the plan failed.", &[]),
        // "told" does not invert.
        ("Prices rose, told the cable.", &[]),
        // Single quotation marks, straight and curly, as double ones.
        ("'These numbers are a disgrace,' said Mr Smith.", &[["Mr Smith", "said", "'These numbers are a disgrace,'"]]),
        ("‘The risk,’ said Edward Leamer, an economist at UCLA, ‘is that prices fall.’", &[["Edward Leamer", "said", "‘The risk,’ … ‘is that prices fall.’"]]),
        ("'Prices will rise,' read the memo.", &[["the memo", "read", "'Prices will rise,'"]]),
        // A title or role before the name.
        ("\"The bridge will hold,\" said chief engineer Helen Okafor.", &[["chief engineer Helen Okafor", "said", "\"The bridge will hold,\""]]),
        ("'We will appeal,' said Labour councillor Declan O'Neill.", &[["Labour councillor Declan O'Neill", "said", "'We will appeal,'"]]),
    ];

    #[test]
    fn case_table() {
        check_cue_frame(parse, CASES);
    }
}
