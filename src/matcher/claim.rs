//! Where a claim starts and ends around its cue, shared by the frames: index walks
//! over the tokens, with the quotations of the block.

use std::ops::Range;

use super::Context;
use super::noun_phrase::noun_phrase;
use super::tokens::Tokens;
use crate::grammar::{CueFlags, WordClass, WordRole};
use crate::segment::{Segmented, Token, TokenKind};
use crate::span::Span;

/// The claim after a cue: `tokens[from..end]`, without leading commas or colons and
/// without a bare final period; a quote it opens is followed to its close, even into
/// later sentences of the block.
pub fn claim_after(context: &Context, from: usize, end: usize) -> Option<Span> {
    let segmented = context.segmented;
    let tokens = &segmented.tokens;
    let mut start = from;
    // Markdown emphasis ("*", "_") around the claim's edges stays out of it too.
    while start < end
        && matches!(
            tokens[start].kind,
            TokenKind::Punct(',' | ':' | '—' | '-' | '*' | '_')
        )
    {
        start += 1;
    }
    let last = trim_final_marks(tokens, start, end, FinalMarks::All)?;
    let mut span = tokens[start].span.cover(tokens[last].span);
    if let Some(quote) = segmented.quotes.opening_at(span.start) {
        span.end = span.end.max(quote.end);
    }
    // One bare word after a cue ("identified people") is an object, not a claim;
    // a quotation is a claim whatever its length.
    let words = tokens[start..=last]
        .iter()
        .filter(|token| token.is_word())
        .count();
    let quoted = tokens[start].is_quote_mark();
    // "he said yes", "he said Ryan": an answer of one word is a claim too.
    let answer = words == 1
        && last == start
        && (tokens[start].is_capitalized() || context.is(&tokens[start], WordClass::Answer));
    (words >= MIN_UNQUOTED_CLAIM_WORDS || (quoted && words > 0) || answer).then_some(span)
}

/// The first token of the clause that ends at `at`: after the nearest comma, colon,
/// semicolon, dash, bracket, quotation mark or clause boundary word before it.
pub fn clause_start_before(context: &Context, start: usize, at: usize) -> usize {
    let tokens = &context.segmented.tokens;
    (start..at)
        .rev()
        .find(|&i| {
            let token = &tokens[i];
            matches!(
                token.kind,
                TokenKind::Punct(',' | ';' | ':' | '—' | '–' | '(')
            ) || token.is_quote_mark()
                || context.is_role(token, WordRole::Boundary)
        })
        .map_or(start, |boundary| boundary + 1)
}

/// Fewest words of an unquoted claim after its cue (one is an object: "identified
/// people").
const MIN_UNQUOTED_CLAIM_WORDS: usize = 2;

/// The claim before a cue: `tokens[start..comma]`, through a closing quote that
/// directly follows the comma; a quote that ends inside it is taken from its start.
pub fn claim_before(
    segmented: &Segmented,
    start: usize,
    comma: usize,
    comma_end: usize,
) -> Option<Span> {
    let tokens = &segmented.tokens;
    if start >= comma || !has_word(tokens, start..comma) {
        return None;
    }
    let through_quote = (comma + 1..comma_end).any(|i| tokens[i].is_quote_mark());
    let last = if through_quote {
        comma_end - 1
    } else {
        comma - 1
    };
    let mut span = tokens[start].span.cover(tokens[last].span);
    if let Some(quote) = segmented
        .quotes
        .overlapping(Span::new(span.start, span.start + 1))
        .iter()
        .find(|quote| {
            quote.span.start < span.start
                && span.start < quote.span.end
                && quote.span.end <= span.end + 1
        })
    {
        span.start = quote.span.start;
    }
    // "…especially fundraising: “There’s a ton of it,” he said." — the quote after
    // a colon is the claim.
    let near_end = Span::new(span.end.saturating_sub(2), span.end);
    let introduced = segmented.quotes.overlapping(near_end).iter().find(|quote| {
        span.start < quote.span.start
            && quote.span.end + 1 >= span.end
            && tokens[..tokens.partition_point(|t| t.span.start < quote.span.start)]
                .last()
                .is_some_and(|before| before.is_punct(':'))
    });
    if let Some(quote) = introduced {
        span.start = quote.span.start;
    }
    Some(span)
}

/// What the end of a claim sheds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FinalMarks {
    /// Every closing mark and emphasis mark (`. ! ? … , ; : * _`): a claim cut out
    /// around its cue ("The plan failed," → "The plan failed").
    All,
    /// One bare period: an unattributed sentence keeps its "!" and all but the last
    /// dot of a spelled-out ellipsis ("He left..." → "He left..").
    OnePeriod,
}

/// Index of the last token of `tokens[start..end]` once `marks` are dropped from its
/// end; the first token always stays. `None` when the range is empty.
pub fn trim_final_marks(
    tokens: &[Token],
    start: usize,
    end: usize,
    marks: FinalMarks,
) -> Option<usize> {
    let mut last = end.checked_sub(1)?;
    match marks {
        FinalMarks::All => {
            while last > start
                && matches!(
                    tokens[last].kind,
                    TokenKind::Punct('.' | '!' | '?' | '…' | ',' | ';' | ':' | '*' | '_')
                )
            {
                last -= 1;
            }
        }
        FinalMarks::OnePeriod => {
            if last > start && tokens[last].is_punct('.') {
                last -= 1;
            }
        }
    }
    (last >= start).then_some(last)
}

/// True when token `index` is a comma between clauses, not one inside a number
/// ("1,237 delegates").
pub fn is_clause_comma(tokens: &[Token], index: usize) -> bool {
    let digit_glued = |neighbour: Option<&Token>, before: bool| {
        neighbour.is_some_and(|token| {
            let glued = if before {
                token.span.end == tokens[index].span.start
            } else {
                tokens[index].span.end == token.span.start
            };
            glued
                && token.text.starts_with(|c: char| c.is_ascii_digit())
                && token.text.ends_with(|c: char| c.is_ascii_digit())
        })
    };
    tokens[index].is_punct(',')
        && !(index > 0
            && digit_glued(tokens.get(index - 1), true)
            && digit_glued(tokens.get(index + 1), false))
}

/// True when some token of `range` is a word.
pub fn has_word(tokens: &[Token], range: Range<usize>) -> bool {
    tokens
        .get(range)
        .is_some_and(|slice| slice.iter().any(Token::is_word))
}

/// True when some token of `range` is a finite verb (`mined/verb_forms.txt`): the
/// tokens hold a clause, not only a noun phrase.
pub fn has_finite_verb(context: &Context, range: Range<usize>) -> bool {
    context.segmented.tokens[range]
        .iter()
        .any(|token| token.is_word() && context.grammar.is_finite_verb(&token.lower))
}

/// A lowercase word that is no function word: the shape of a verb no list names
/// ("to work", "…,” she deadpanned").
pub fn open_class_word(context: &Context, token: &Token) -> bool {
    token.is_word() && !token.is_capitalized() && !context.is_function_word(token)
}

/// When the tokens `start..at` end with a clause comma (`,` `,"` `",` `?"`), the comma's
/// index and `at`; the comma must have something before it.
pub fn comma_ending_at(tokens: &[Token], start: usize, at: usize) -> Option<(usize, usize)> {
    let mut index = at;
    while index > start && tokens[index - 1].is_quote_mark() {
        index -= 1;
    }
    // Inside a closing quote, a question or exclamation ends the clause too:
    // "“Does that fly?” Axelrod asked."
    let quoted = index < at;
    let comma = index.checked_sub(1).filter(|&i| {
        i > start
            && (is_clause_comma(tokens, i)
                || (quoted && (tokens[i].is_punct('?') || tokens[i].is_punct('!'))))
    })?;
    Some((comma, at))
}

/// How far after a cue a complementizer "that" may stand: "said on Monday in a
/// statement that …".
const THAT_LOOKAHEAD: usize = 6;

/// How far a "that" may stand when a prepositional phrase follows the cue: "declared
/// in a heated argument with Keyworth that …".
const ADJUNCT_THAT_LOOKAHEAD: usize = 12;

/// Where the claim after a cue starts: past an addressee ("told Foreign Policy"),
/// at a nearby complementizer ("said on Monday that …"), or right after the cue.
pub fn claim_start(
    context: &Context,
    cue_end: usize,
    end: usize,
    flags: CueFlags,
) -> Option<usize> {
    let tokens = &context.segmented.tokens;
    let mut start = skip_time_adjunct(context, cue_end, end);
    if flags.recipient
        && let Ok((rest, _)) = noun_phrase(context.grammar)(Tokens::new(tokens, cue_end..end))
    {
        start = rest.offset;
    }
    if let Some(quote) = quotation_after_colon(context, start, end) {
        return Some(quote);
    }
    let adjunct = tokens
        .get(start)
        .is_some_and(|token| context.is_role(token, WordRole::Preposition));
    let lookahead = if adjunct {
        ADJUNCT_THAT_LOOKAHEAD
    } else {
        THAT_LOOKAHEAD
    };
    let that = (start..end.min(start + lookahead))
        .take_while(|&i| {
            !(matches!(tokens[i].kind, TokenKind::Punct('.' | ':' | ';'))
                || tokens[i].is_quote_mark())
        })
        .find(|&i| context.is(&tokens[i], WordClass::Complementizer));
    let start = that.unwrap_or(start);
    // "responded to a request" is no claim; "declined to comment" is one, and so is
    // "pledged to work together": "to" before a lowercase word that is no function
    // word opens an infinitive whatever the cue.
    let infinitive = flags.infinitive
        || tokens
            .get(start + 1)
            .is_some_and(|next| bare_verb(context, next));
    let opens_with_preposition = tokens.get(start).is_some_and(|token| {
        context.word(token).is_some_and(|info| {
            info.role == Some(WordRole::Preposition)
                && !(infinitive && info.is(WordClass::Infinitive))
        })
    });
    let start = if opens_with_preposition {
        past_prepositional_phrase(context, start, end)?
    } else {
        start
    };
    has_word(tokens, start..end).then_some(start)
}

/// A word that may be a verb's bare form after "to": lowercase, no function word, no
/// number ("to work", not "to the", "to Trump", "to 40").
fn bare_verb(context: &Context, token: &Token) -> bool {
    open_class_word(context, token) && !token.lower.starts_with(|c: char| c.is_ascii_digit())
}

/// How far after a cue a colon that introduces its quotation may stand: "put it this
/// way:", "told reporters on Monday:".
pub const COLON_LOOKAHEAD: usize = 8;

/// "put it this way: “…”", "told reporters after the vote: “…”": a short phrase after
/// the cue, a colon, and the quotation that is the claim; its opening mark's index.
fn quotation_after_colon(context: &Context, start: usize, end: usize) -> Option<usize> {
    let tokens = &context.segmented.tokens;
    let colon = (start..end.min(start + COLON_LOOKAHEAD))
        .take_while(|&i| {
            !(matches!(tokens[i].kind, TokenKind::Punct('.' | ';' | '!' | '?'))
                || tokens[i].is_quote_mark())
        })
        .find(|&i| tokens[i].is_punct(':'))?;
    let opening = colon + 1;
    let opens = opening < end
        && context
            .segmented
            .quotes
            .opening_at(tokens[opening].span.start)
            .is_some();
    opens.then_some(opening)
}

/// Where the claim starts after a prepositional phrase that follows its cue: after the
/// colon or comma that closes it ("wrote on Facebook: “…”", "wrote to his followers,
/// “…”"), else after the phrase itself ("wrote in both listings he was …"); `None`
/// when nothing of a claim is left ("responded to a request").
fn past_prepositional_phrase(context: &Context, preposition: usize, end: usize) -> Option<usize> {
    let tokens = &context.segmented.tokens;
    let (rest, _) = noun_phrase(context.grammar)(Tokens::new(tokens, preposition + 1..end)).ok()?;
    let mut start = rest.offset;
    if tokens
        .get(start)
        .is_some_and(|token| start < end && matches!(token.kind, TokenKind::Punct(':' | ',')))
    {
        start += 1;
    }
    let words = tokens[start..end].iter().filter(|t| t.is_word()).count();
    // "officials cited in the report are now placing …": a verb after the phrase means
    // the cue was a participle inside the subject, and there is no claim here.
    let opens_clause = tokens.get(start).is_some_and(|token| {
        !context.is_role(token, WordRole::Preposition) && !context.is_role(token, WordRole::Aux)
    });
    (words >= 2 && opens_clause).then_some(start)
}

/// Past a time adjunct right after a cue: "said on Friday he met …", "said Monday
/// that …"; `at` itself when there is none.
fn skip_time_adjunct(context: &Context, at: usize, end: usize) -> usize {
    let tokens = &context.segmented.tokens;
    let opener = tokens
        .get(at)
        .filter(|token| at < end && context.is(token, WordClass::TimeOpener));
    let first = if opener.is_some() { at + 1 } else { at };
    let mut next = first;
    while next < end && context.is_role(&tokens[next], WordRole::Time) {
        next += 1;
    }
    if next == first { at } else { next }
}

/// Where a claim after the cue must stop: at the closing dash or bracket when the
/// source stands inside a parenthetical ("XFocus — a group the US believes was
/// involved — had links"), else at the sentence end.
pub fn parenthetical_end(
    tokens: &[Token],
    sentence: &Range<usize>,
    source_start: usize,
    cue_end: usize,
) -> usize {
    let is_dash = |token: &Token| matches!(token.kind, TokenKind::Punct('—' | '–'));
    let dashes_before = tokens[sentence.start..source_start]
        .iter()
        .filter(|t| is_dash(t))
        .count();
    let opens_bracket = tokens[sentence.start..source_start]
        .iter()
        .rev()
        .find(|t| matches!(t.kind, TokenKind::Punct('(' | ')')))
        .is_some_and(|t| t.is_punct('('));
    if dashes_before % 2 == 0 && !opens_bracket {
        return sentence.end;
    }
    (cue_end..sentence.end)
        .find(|&i| is_dash(&tokens[i]) || tokens[i].is_punct(')'))
        .unwrap_or(sentence.end)
}
