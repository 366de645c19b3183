//! "The vulnerability led to the deaths of at least 30 spies, the sources said.": the
//! claim, a comma, then the source and its cue, which close the clause; also a quote
//! in the sentence before ("…are missing.” Trump said.") and a parenthetical cue
//! ("Whatever progress he made, officials said, could be unraveled."). An index walk
//! over the sentence's tokens; the source is the cue's subject (`subject.rs`).

use std::ops::Range;

use super::claim::{claim_after, claim_before, comma_ending_at};
use super::cue_site::{Cue, CueSite};
use super::noun_phrase::noun_phrase;
use super::phrase::marker;
use super::tokens::Tokens;
use super::{Context, Found, Frame};
use crate::grammar::{AffixClass, WordClass, WordRole};
use crate::model::MarkerKind;
use crate::segment::token::first_token_from;
use crate::segment::{Token, TokenKind};
use crate::span::Span;

/// How many tokens of adjuncts may follow a cue that ends its clause: "…, one of the
/// officials said in the report."
const MAX_TRAILING_ADJUNCT: usize = 4;

/// How many tokens an adjunct with no verb in it may run after such a cue: "…, the
/// regulator said on Tuesday after a long inspection of the three towns."
const MAX_VERBLESS_ADJUNCT: usize = 12;

/// Parses the frame at the site's cue.
pub fn parse(context: &Context, site: &CueSite) -> Option<Found> {
    let cue = site.cue_with_source()?;
    let subject = site.subject(context)?;
    let clause_end = past_recipient(context, &site.sentence, cue);
    let (claim, more, covered) =
        claim_before_source(context, &site.sentence, subject.start, clause_end)?;
    // A quotation before its speaker is spoken whatever the verb: "''For me,'' Mr.
    // Bruner concluded" even though "concluded" alone wants a document.
    let quotation = || context.segmented.quotes.opening_at(claim.start).is_some();
    if !subject.allowed && !quotation() {
        return None;
    }
    let found = Found::new(
        Frame::ClaimSourceCue,
        claim,
        cue.span,
        Some(subject.source.clone()),
        covered,
    );
    Some(match more {
        Some(more) => found.continued(more),
        None => found,
    })
}

/// Where the cue's clause goes on after it: past the addressee of a cue that takes
/// one ("…, his top aide told The Huffington Post.": the addressee closes nothing).
fn past_recipient(context: &Context, sentence: &Range<usize>, cue: &Cue) -> usize {
    let tokens = &context.segmented.tokens;
    if !cue.flags.recipient {
        return cue.end;
    }
    let object_pronoun = tokens
        .get(cue.end)
        .is_some_and(|token| cue.end < sentence.end && context.is(token, WordClass::ObjectPronoun));
    if object_pronoun {
        cue.end + 1
    } else {
        noun_phrase(context.grammar)(Tokens::new(tokens, cue.end..sentence.end))
            .map_or(cue.end, |(rest, _)| rest.offset)
    }
}

/// A claim, the part of it after the cue if it goes on there, and the tokens the
/// attribution covers.
type ClaimParts = (Span, Option<Span>, Range<usize>);

/// The claim before the source that starts at `source_start`, the part of it after
/// the cue when it goes on there ("…," she said, "…"), and the tokens the
/// attribution covers, when the cue's clause (ending at `cue_end`) closes after the
/// cue.
fn claim_before_source(
    context: &Context,
    sentence: &Range<usize>,
    source_start: usize,
    cue_end: usize,
) -> Option<ClaimParts> {
    let tokens = &context.segmented.tokens;
    let Some((comma, comma_end)) = comma_ending_at(tokens, sentence.start, source_start) else {
        if source_start > sentence.start {
            return bare_quote_before_source(context, sentence, source_start, cue_end);
        }
        let quote = quote_before_sentence(context, sentence.start)
            .filter(|_| closes_clause(context, cue_end, sentence.end, true))?;
        return Some((quote, None, sentence.start..cue_end));
    };
    let claim = claim_before(context.segmented, sentence.start, comma, comma_end)?;
    let quoted =
        tokens[comma_end - 1].is_quote_mark() || tokens[comma.saturating_sub(1)].is_quote_mark();
    // "Asked what he wanted, Adelson said, “They have got to win.”": narration before
    // the source, a quotation after the cue; the claim is the quotation.
    if !quoted && continued_quote(context, cue_end).is_some() {
        return None;
    }
    let has_verb = tokens[sentence.start..comma]
        .iter()
        .any(|token| context.grammar.is_finite_verb(&token.lower));
    if quoted || closes_clause(context, cue_end, sentence.end, has_verb) {
        return Some(with_continued_quote(
            context,
            sentence.start,
            claim,
            cue_end,
        ));
    }
    // "Whatever progress he made, officials said, could be unraveled."
    let rest = tokens
        .get(cue_end)
        .filter(|token| token.is_punct(','))
        .and_then(|_| claim_after(context, cue_end + 1, sentence.end))?;
    Some((claim, Some(rest), sentence.start..sentence.end))
}

/// The claim that starts the sentence at `start`, the quotation that goes on after the
/// cue if one does, and the tokens they cover. What follows the claim stays free: "…,"
/// she said, adding that …
fn with_continued_quote(
    context: &Context,
    start: usize,
    claim: Span,
    cue_end: usize,
) -> ClaimParts {
    let continued = continued_quote(context, cue_end);
    let claim_end = continued.unwrap_or(claim).end;
    let covered = start..first_token_from(&context.segmented.tokens, claim_end).max(cue_end);
    (claim, continued, covered)
}

/// "“The bridge will hold” Okafor said Saturday.": a quotation that opens the sentence
/// and closes right before its source, with no comma; it may go on after the cue
/// ("“It is over” she said “and we lost.”").
fn bare_quote_before_source(
    context: &Context,
    sentence: &Range<usize>,
    source_start: usize,
    cue_end: usize,
) -> Option<ClaimParts> {
    let tokens = &context.segmented.tokens;
    let closing = tokens
        .get(source_start - 1)
        .filter(|token| token.is_quote_mark())?;
    // A quotation of a word or two before a noun names something ("“Daily Show” host
    // Trevor Noah"); one of three words or more is a claim.
    let quote = context
        .segmented
        .quotes
        .closing_at(closing.span.end)
        .filter(|quote| quote.start == tokens[sentence.start].span.start)
        .filter(|_| {
            (sentence.start..source_start)
                .filter(|&i| tokens[i].is_word())
                .count()
                >= 3
        })?;
    // As after "…," she said: a quotation closed right before its source needs no
    // clause end after the cue ("…" Mills said afterwards).
    Some(with_continued_quote(
        context,
        sentence.start,
        quote,
        cue_end,
    ))
}

/// The quotation that ends right before the sentence `start`, in the same block.
fn quote_before_sentence(context: &Context, start: usize) -> Option<Span> {
    let tokens = &context.segmented.tokens;
    let closing = tokens
        .get(start.checked_sub(1)?)
        .filter(|token| token.is_quote_mark())?;
    context.segmented.quotes.closing_at(closing.span.end)
}

/// True when what follows the cue closes the clause: nothing, a short adjunct ("in
/// the report", "on Tuesday"), or a comma and a conjunction or a new quote.
pub(super) fn closes_clause(
    context: &Context,
    cue_end: usize,
    end: usize,
    claim_has_verb: bool,
) -> bool {
    let tokens = &context.segmented.tokens;
    let rest: Vec<&Token> = tokens[cue_end..end]
        .iter()
        .filter(|token| !matches!(token.kind, TokenKind::Punct('.' | '!' | '?' | '…')))
        .collect();
    let Some(first) = rest.first() else {
        return true;
    };
    // "…, a senior official said on condition of anonymity because …": why the source
    // is not named closes the clause, whatever follows.
    let anonymity_at = |at: usize| {
        marker(context.grammar)(Tokens::new(tokens, at..end))
            .is_ok_and(|(_, (_, rule))| rule.kind == MarkerKind::Anonymity)
    };
    if anonymity_at(cue_end) || (first.is_punct(',') && anonymity_at(cue_end + 1)) {
        return true;
    }
    if first.is_punct(',') {
        // "…, she said, adding …", "…, he said, on condition of anonymity.", "…, he
        // said, but …"; other clause words carry the claim on: "It's a reminder,
        // Rogers said, that …", "…, many economists say, because …".
        return rest.get(1).is_some_and(|next| {
            let info = context.word(next);
            next.is_quote_mark()
                || info.is_some_and(|info| {
                    info.is(WordClass::Coordinator)
                        || matches!(info.role, Some(WordRole::Preposition | WordRole::Time))
                })
                || (next.is_word()
                    && context
                        .grammar
                        .affixes
                        .has(&next.lower, AffixClass::Participle))
        });
    }
    // "…, Carson said after the attacks."
    let adjunct = context.word(first).is_some_and(|info| {
        matches!(
            info.role,
            Some(WordRole::Preposition | WordRole::Aux | WordRole::Time)
        ) || info.is(WordClass::AdjunctSubordinator)
    });
    // "…, the regulator said on Tuesday after a long inspection of the three towns.":
    // a longer adjunct still closes the clause when no verb starts a new one in it,
    // and what comes before is a clause ("In April, Trump threatened to …" is not).
    let verbless = || {
        claim_has_verb
            && !context.is(first, WordClass::Infinitive)
            && rest.len() <= MAX_VERBLESS_ADJUNCT
            && !rest
                .iter()
                .any(|token| token.is_quote_mark() || context.grammar.is_finite_verb(&token.lower))
    };
    adjunct
        && !rest.iter().any(|token| token.is_punct(','))
        && (rest.len() <= MAX_TRAILING_ADJUNCT || verbless())
}

/// `…," he said, "…"`: the quote after the cue continues the claim, also past a short
/// adjunct (`"Word is," Trump said last month on Twitter, "that Ford …"`) or with no
/// comma (`"…" she said "…"`).
fn continued_quote(context: &Context, cue_end: usize) -> Option<Span> {
    let tokens = &context.segmented.tokens;
    let after_words = (cue_end..tokens.len().min(cue_end + MAX_TRAILING_ADJUNCT + 1))
        .find(|&i| !tokens[i].is_word())?;
    let opening_at = if tokens[after_words].is_punct(',') {
        after_words + 1
    } else {
        after_words
    };
    let opening = tokens
        .get(opening_at)
        .filter(|token| token.is_quote_mark())?;
    context.segmented.quotes.opening_at(opening.span.start)
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::matcher::cases::{Case, check_cue_frame};

    /// Text → every `[source, cue, claim]` this frame finds in it, tried alone.
    #[rustfmt::skip]
    const CASES: &[Case] = &[
        ("The vulnerability led to the deaths of at least 30 spies, the sources said.", &[["the sources", "said", "The vulnerability led to the deaths of at least 30 spies"]]),
        // A long adjunct with no verb closes the clause (#19); not after a claim with
        // no verb, nor before an infinitive.
        ("Flood barriers failed, the regulator said on Tuesday after a long inspection of the three towns.", &[["the regulator", "said", "Flood barriers failed"]]),
        ("In April, Trump threatened to impose a 35 percent tax on imported Ford vehicles.", &[]),
        (r#""It migrated to countries like China," an official said."#, &[["an official", "said", r#""It migrated to countries like China,""#]]),
        // The speaker's name opens the clause after the quotation; age and home town
        // are its appositives (#19).
        (r#""Ted Cruz scares me," Harry Bond, 30, of Raleigh, said."#, &[["Harry Bond, 30, of Raleigh", "said", r#""Ted Cruz scares me,""#]]),
        ("The plan failed, The New York Times reported.", &[["The New York Times", "reported", "The plan failed"]]),
        ("The policy failed, one of the US officials said.", &[["one of the US officials", "said", "The policy failed"]]),
        ("“Does that fly?” Axelrod asked.", &[["Axelrod", "asked", "“Does that fly?”"]]),
        // The quote of the sentence before.
        ("“Five are missing.” Trump said.", &[["Trump", "said", "“Five are missing.”"]]),
        // A parenthetical cue: the claim goes on after it.
        ("Whatever progress he made, officials said, could be unraveled.", &[["officials", "said", "Whatever progress he made … could be unraveled"]]),
        ("It's a reminder, Rogers said, that costs rise.", &[["Rogers", "said", "It's a reminder … that costs rise"]]),
        // A quote after the cue continues the claim, past a short adjunct.
        (r#""Word is," Trump said last month on Twitter, "that Ford will move.""#, &[["Trump", "said", r#""Word is," … "that Ford will move.""#]]),
        // Short adjuncts, an addressee and a new clause after the cue close it.
        ("The plan failed, an official said on condition of anonymity.", &[["an official", "said", "The plan failed"]]),
        ("The plan failed, Carson said after the attacks.", &[["Carson", "said", "The plan failed"]]),
        ("The plan failed, his top aide told The Huffington Post.", &[["his top aide", "told", "The plan failed"]]),
        ("The plan failed, officials said, but costs rose.", &[["officials", "said", "The plan failed"]]),
        // A belief cue wants a party that can hold a view, but a quotation is spoken.
        ("The plan failed, the data think.", &[]),
        (r#""The plan failed," the data think."#, &[["the data", "think", r#""The plan failed,""#]]),
        // The claim follows the cue: source_first's.
        ("The plan failed, officials said the report was wrong.", &[]),
        // Narration, then a quotation after the cue: the quotation is the claim.
        ("Asked what he wanted, Adelson said, “They have got to win.”", &[]),
        // A passive.
        ("The plan failed, it was said.", &[]),
        // Single quotation marks, straight and curly, as double ones; an apostrophe
        // is none, and a quote inside a double quote is nested.
        ("'It migrated to countries like China,' an official said.", &[["an official", "said", "'It migrated to countries like China,'"]]),
        ("‘We will appeal,’ a Home Office spokesperson said.", &[["a Home Office spokesperson", "said", "‘We will appeal,’"]]),
        ("‘Does that fly?’ Axelrod asked.", &[["Axelrod", "asked", "‘Does that fly?’"]]),
        ("‘Five are missing.’ Trump said.", &[["Trump", "said", "‘Five are missing.’"]]),
        ("'Word is,' Trump said last month on Twitter, 'that Ford will move.'", &[["Trump", "said", "'Word is,' … 'that Ford will move.'"]]),
        ("‘Nobody’s getting carried away,’ he said, ‘but the lads believe now.’", &[["he", "said", "‘Nobody’s getting carried away,’ … ‘but the lads believe now.’"]]),
        ("'We back the officials' decision,' he said.", &[["he", "said", "'We back the officials' decision,'"]]),
        ("'The plan failed,' the data think.", &[["the data", "think", "'The plan failed,'"]]),
        ("The officials' plan failed, the sources said.", &[["the sources", "said", "The officials' plan failed"]]),
        ("\"He told me 'never again',\" she said.", &[["she", "said", "\"He told me 'never again',\""]]),
        ("‘He said “no”,’ she said.", &[["she", "said", "‘He said “no”,’"]]),
        // No comma after the quote, none before the next part; narration before the
        // quote is no claim of the source's.
        ("\"The bridge will hold\" Okafor said Saturday.", &[["Okafor", "said", "\"The bridge will hold\""]]),
        ("“It is over” she said “and we lost.”", &[["she", "said", "“It is over” … “and we lost.”"]]),
        ("“It is over,” she said “and we lost.”", &[["she", "said", "“It is over,” … “and we lost.”"]]),
        ("'We were second best' Jordan Mills said afterwards.", &[["Jordan Mills", "said", "'We were second best'"]]),
        ("He called it \"a disaster\" Okafor said.", &[]),
        ("“Daily Show” host Trevor Noah said the plan failed.", &[]),
        // Why the source is not named closes the clause.
        ("Army drivers could be brought in, a senior official said on condition of anonymity because the plans were secret.", &[["a senior official", "said", "Army drivers could be brought in"]]),
        ("The talks failed, one aide said, on condition of anonymity to discuss them.", &[["one aide", "said", "The talks failed"]]),
    ];

    #[test]
    fn case_table() {
        check_cue_frame(parse, CASES);
    }
}
