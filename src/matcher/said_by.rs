//! Verb cues: "<source> <cue> [recipient] [that] <claim>", "<claim>, <source> <cue>."
//! and the inverted "<claim>, <cue> <source>."

use std::ops::Range;

use super::claim::{
    claim_after, claim_before, claim_start, comma_ending_at, has_word, is_clause_comma,
    parenthetical_end,
};
use super::noun_phrase::{MAX_PHRASE_TOKENS, noun_phrase};
use super::phrase::{according, cue};
use super::relay::{SourcePhrase, source_with_relays};
use super::source::{
    coordinated_subject, is_aux_or_adverb, is_passive, opens_question, participle_subject,
    source_before,
};
use super::tokens::Tokens;
use super::{Context, Found, Frame};
use crate::grammar::{CueFlags, WordRole, classify};
use crate::model::SourceType;
use crate::segment::token::first_token_from;
use crate::segment::{Token, TokenKind};
use crate::span::Span;

/// How many tokens of adjuncts may follow a cue that ends its clause: "…, one of the
/// officials said in the report."
const MAX_TRAILING_ADJUNCT: usize = 4;

/// Parses the frames of the verb cue at token `at`.
pub fn parse(context: &Context, sentence: Range<usize>, at: usize) -> Option<Found> {
    let tokens = &context.segmented.tokens;
    // The token's first-word flags answer what the phrase lookups would at once
    // when no phrase of the lexicon starts with it.
    let opens = context.segmented.opens[at];
    if opens.according && according(context.grammar)(Tokens::new(tokens, at..sentence.end)).is_ok()
    {
        return None;
    }
    if let Some(question) = question_put(context, &sentence, at) {
        return Some(question);
    }
    if !opens.cue {
        return None;
    }
    let (after_cue, (cue_span, flags)) =
        cue(context.grammar)(Tokens::new(tokens, at..sentence.end)).ok()?;
    let cue_end = after_cue.offset;
    if flags.impersonal {
        return impersonal(context, &sentence, at, cue_end, cue_span);
    }
    // "Hamadoun Toure, the UN agency's secretary-general, said …": the whole
    // sentence before the cue is a name and its appositive, not a claim.
    let appositive_subject = at > sentence.start
        && tokens[at - 1].is_punct(',')
        && source_before(context, sentence.start, at)
            .is_some_and(|(_, first)| first == sentence.start);
    if appositive_subject {
        return source_first(context, &sentence, at, cue_end, cue_span, flags);
    }
    inverted(context, &sentence, at, cue_end, cue_span, flags)
        .or_else(|| source_first(context, &sentence, at, cue_end, cue_span, flags))
}

/// "When asked whether he would …, Christie said", "Sanders was asked to name …": a
/// question put by nobody named. The claim is the question, up to its clause's end.
fn question_put(context: &Context, sentence: &Range<usize>, at: usize) -> Option<Found> {
    let tokens = &context.segmented.tokens;
    if tokens[at].lower != "asked" {
        return None;
    }
    let unnamed_asker = at == sentence.start
        || tokens[at - 1].is_punct(',')
        || matches!(
            tokens[at - 1].lower.as_ref(),
            "when" | "whenever" | "was" | "were" | "being" | "after" | "if" | "once"
        );
    let next = tokens.get(at + 1).filter(|_| at + 1 < sentence.end)?;
    let about = next.lower == "about";
    let opens_question = matches!(
        next.lower.as_ref(),
        "whether" | "if" | "what" | "why" | "how" | "who" | "which" | "when" | "where" | "to"
    );
    if !unnamed_asker || !(about || opens_question) {
        return None;
    }
    let cue_end = if about { at + 2 } else { at + 1 };
    let end = (cue_end..sentence.end)
        .find(|&i| {
            matches!(
                tokens[i].kind,
                TokenKind::Punct(',' | ';' | ':' | '.' | '?' | '—' | '–')
            ) || tokens[i].is_double_quote()
        })
        .unwrap_or(sentence.end);
    if end <= cue_end + 1 {
        return None;
    }
    Some(Found {
        frame: Frame::Question,
        claim: tokens[cue_end].span.cover(tokens[end - 1].span),
        cue: tokens[at].span.cover(tokens[cue_end - 1].span),
        source: None,
        sentence: 0,
        covered: at..end,
        claim_in_next_block: false,
    })
}

/// "Sanders appears to be spending more heavily": a cue that speaks of its own clause,
/// followed by "to", "that" or "like"; the claim is the clause, its subject included,
/// and there is no source.
fn impersonal(
    context: &Context,
    sentence: &Range<usize>,
    at: usize,
    cue_end: usize,
    cue_span: Span,
) -> Option<Found> {
    let tokens = &context.segmented.tokens;
    tokens.get(cue_end).filter(|next| {
        cue_end < sentence.end && matches!(next.lower.as_ref(), "to" | "that" | "like")
    })?;
    let clause_start = (sentence.start..at)
        .rev()
        .find(|&i| {
            let token = &tokens[i];
            matches!(
                token.kind,
                TokenKind::Punct(',' | ';' | ':' | '—' | '–' | '(' | '"' | '“' | '”')
            ) || context.is_role(token, WordRole::Boundary)
        })
        .map_or(sentence.start, |boundary| boundary + 1);
    if !has_word(tokens, clause_start..at) {
        return None;
    }
    // The clause ends at its first break: "…used by ISIS - so much so that …".
    let end = (cue_end..sentence.end)
        .find(|&i| {
            (is_clause_comma(tokens, i)
                || matches!(
                    tokens[i].kind,
                    TokenKind::Punct(';' | ':' | '—' | '–' | '-' | '(')
                ))
                && !(tokens[i].is_punct('-')
                    && i > 0
                    && tokens[i - 1].span.end == tokens[i].span.start)
        })
        .unwrap_or(sentence.end);
    let claim = claim_after(context.segmented, clause_start, end)?;
    Some(Found {
        frame: Frame::Impersonal,
        claim,
        cue: cue_span,
        source: None,
        sentence: 0,
        covered: clause_start..end,
        claim_in_next_block: false,
    })
}

/// "<claim>, said the cable."
fn inverted(
    context: &Context,
    sentence: &Range<usize>,
    at: usize,
    cue_end: usize,
    cue_span: Span,
    flags: CueFlags,
) -> Option<Found> {
    if !flags.invert {
        return None;
    }
    let tokens = &context.segmented.tokens;
    let (comma, comma_end) = comma_ending_at(tokens, sentence.start, at)?;
    let (rest, source) =
        source_with_relays(context.grammar)(Tokens::new(tokens, cue_end..sentence.end)).ok()?;
    // "…," said Sen. Chris Murphy (D-Conn.), who …", "…," said an official who …".
    let closes = rest.first().is_none_or(|next| {
        matches!(
            next.kind,
            TokenKind::Punct('.' | '!' | '?' | ',' | ';' | '"' | '”' | '(')
        ) || matches!(next.lower.as_ref(), "who" | "whose")
    });
    if !closes
        || !looks_like_source(context, source.head)
        || !cue_allows(context, flags, source.head)
    {
        return None;
    }
    let mut claim = claim_before(context.segmented, sentence.start, comma, comma_end)?;
    let mut covered = sentence.start..rest.offset;
    // "\"The risk,\" said Edward Leamer, an economist at UCLA, \"is that …\"": the quote
    // resumes after the source's appositive.
    if tokens[comma_end - 1].is_double_quote()
        && let Some(resumed) = quote_after_appositive(context, rest.offset, sentence.end)
    {
        claim = claim.cover(resumed);
        covered.end = first_token_from(tokens, resumed.end);
    }
    Some(found(
        Frame::ClaimCueSource,
        claim,
        cue_span,
        source,
        covered,
    ))
}

/// "<source> <cue> [that] <claim>", or when nothing follows the cue,
/// "<claim>, <source> <cue>."
fn source_first(
    context: &Context,
    sentence: &Range<usize>,
    at: usize,
    cue_end: usize,
    cue_span: Span,
    flags: CueFlags,
) -> Option<Found> {
    let tokens = &context.segmented.tokens;
    if is_passive(context, sentence.start, at) {
        return None;
    }
    let (source, source_start) = source_before(context, sentence.start, at)
        .or_else(|| coordinated_subject(context, sentence, at))
        .or_else(|| participle_subject(context, sentence, at))?;
    if opens_question(context, sentence.start, source_start)
        || names_a_thing(context, at, source_start)
    {
        return None;
    }
    // "…, his top aide told The Huffington Post.": the addressee closes nothing.
    let clause_end = if flags.recipient {
        let object_pronoun = tokens.get(cue_end).is_some_and(|token| {
            cue_end < sentence.end
                && matches!(
                    token.lower.as_ref(),
                    "him" | "her" | "them" | "me" | "us" | "you"
                )
        });
        if object_pronoun {
            cue_end + 1
        } else {
            noun_phrase(context.grammar)(Tokens::new(tokens, cue_end..sentence.end))
                .map_or(cue_end, |(rest, _)| rest.offset)
        }
    } else {
        cue_end
    };
    // A quotation before its speaker is spoken whatever the verb: "''For me,'' Mr.
    // Bruner concluded" even though "concluded" alone wants a document.
    let allowed = cue_allows(context, flags, source.head);
    let quotation = |hit: &Found| {
        context
            .segmented
            .quotes
            .opening_at(hit.claim.start)
            .is_some()
    };
    if let Some(hit) = claim_first(
        context,
        sentence,
        source_start,
        clause_end,
        cue_span,
        &source,
    )
    .filter(|hit| allowed || quotation(hit))
    {
        return Some(hit);
    }
    if !allowed {
        return None;
    }
    if colon_ends_block(tokens, cue_end, sentence.end) {
        let mut hit = found(
            Frame::SourceCueClaim,
            Span::default(),
            cue_span,
            source,
            source_start..sentence.end,
        );
        hit.claim_in_next_block = true;
        return Some(hit);
    }
    let end = claim_end(context, sentence, source_start, cue_end);
    let claim = claim_start(context, cue_end, end, flags)
        .and_then(|start| claim_after(context.segmented, start, end))?;
    let mut source = source;
    if flags.recipient
        && let Some(outlet) = publication_recipient(context, cue_end, end)
    {
        // "some intelligence officials told Foreign Policy that …"
        source.via.push(outlet);
    }
    Some(found(
        Frame::SourceCueClaim,
        claim,
        cue_span,
        source,
        source_start..end.max(cue_end),
    ))
}

/// The addressee of a cue when it is a publication: the source reached us through it.
fn publication_recipient(context: &Context, cue_end: usize, end: usize) -> Option<Span> {
    let tokens = &context.segmented.tokens;
    let (_, recipient) = noun_phrase(context.grammar)(Tokens::new(tokens, cue_end..end)).ok()?;
    (classify(recipient.slice(context.text), context.grammar) == SourceType::Publication)
        .then_some(recipient)
}

/// "<claim>, <source> <cue>." — and its variants: a quote in the sentence before
/// ("…are missing.” Trump said."), a parenthetical cue ("X, officials said, Y").
fn claim_first(
    context: &Context,
    sentence: &Range<usize>,
    source_start: usize,
    cue_end: usize,
    cue_span: Span,
    source: &SourcePhrase,
) -> Option<Found> {
    let tokens = &context.segmented.tokens;
    let Some((comma, comma_end)) = comma_ending_at(tokens, sentence.start, source_start) else {
        let quote = quote_before_sentence(context, sentence.start).filter(|_| {
            source_start == sentence.start && closes_clause(context, cue_end, sentence.end)
        })?;
        let covered = sentence.start..cue_end;
        return Some(found(
            Frame::ClaimSourceCue,
            quote,
            cue_span,
            source.clone(),
            covered,
        ));
    };
    let mut claim = claim_before(context.segmented, sentence.start, comma, comma_end)?;
    let quoted = tokens[comma_end - 1].is_double_quote()
        || tokens[comma.saturating_sub(1)].is_double_quote();
    // "Asked what he wanted, Adelson said, “They have got to win.”": narration before
    // the source, a quotation after the cue; the claim is the quotation.
    if !quoted && continued_quote(context, cue_end).is_some() {
        return None;
    }
    if quoted || closes_clause(context, cue_end, sentence.end) {
        if let Some(continued) = continued_quote(context, cue_end) {
            claim = claim.cover(continued);
        }
        // What follows the claim stays free: "…," she said, adding that …
        let covered = sentence.start..first_token_from(tokens, claim.end).max(cue_end);
        return Some(found(
            Frame::ClaimSourceCue,
            claim,
            cue_span,
            source.clone(),
            covered,
        ));
    }
    // "Whatever progress he made, officials said, could be unraveled."
    let rest = tokens
        .get(cue_end)
        .filter(|token| token.is_punct(','))
        .and_then(|_| claim_after(context.segmented, cue_end + 1, sentence.end))?;
    Some(found(
        Frame::ClaimSourceCue,
        claim.cover(rest),
        cue_span,
        source.clone(),
        sentence.start..sentence.end,
    ))
}

/// The quotation that ends right before the sentence `start`, in the same block.
fn quote_before_sentence(context: &Context, start: usize) -> Option<Span> {
    let tokens = &context.segmented.tokens;
    let closing = tokens
        .get(start.checked_sub(1)?)
        .filter(|token| token.is_double_quote())?;
    context.segmented.quotes.closing_at(closing.span.end)
}

/// Where a claim that follows its cue ends: at a closing dash or bracket around the
/// source, at a semicolon, at the comma that closes a subordinate clause ("While Ramos
/// said that …, he appears"), or before the next attribution ("…, and three-quarters
/// said …", "…, adding …").
fn claim_end(
    context: &Context,
    sentence: &Range<usize>,
    source_start: usize,
    cue_end: usize,
) -> usize {
    let tokens = &context.segmented.tokens;
    let end = parenthetical_end(tokens, sentence, source_start, cue_end);
    // "Graham, who says the allies should send troops, tweeted …": a relative clause
    // ends at its comma, like a subordinate one.
    let relative = tokens[source_start].lower == "who";
    let subordinate = relative
        || (source_start > sentence.start
            && SUBORDINATORS.contains(&tokens[source_start - 1].lower.as_ref()));
    let mut depth = 0usize;
    for (index, token) in tokens.iter().enumerate().take(end).skip(cue_end) {
        if token.is_double_quote() {
            depth = usize::from(depth == 0);
            continue;
        }
        if depth > 0 {
            continue;
        }
        if token.is_punct(';') {
            return index;
        }
        if is_clause_comma(tokens, index)
            && index > cue_end + 1
            && (subordinate || next_attribution_at(context, sentence, index + 1))
        {
            return index;
        }
        // "…that Rubio was liberal and argued that …": a second verb of saying.
        if index > cue_end + 1 && coordinated_cue_at(context, sentence, index) {
            return index;
        }
    }
    end
}

/// Words that open a subordinate clause: a claim inside one ends at its comma.
const SUBORDINATORS: &[&str] = &[
    "while", "although", "though", "because", "as", "when", "since", "after", "before", "once",
    "whereas", "if",
];

/// Words that open a short adverbial clause after a cue that ends its clause.
const ADJUNCT_SUBORDINATORS: &[&str] = &["after", "before", "when", "while", "as", "until"];

/// True when an attribution of its own starts at `start`: a participle cue
/// ("adding …") or a conjunction, a source and a cue ("and three-quarters said").
fn next_attribution_at(context: &Context, sentence: &Range<usize>, start: usize) -> bool {
    let tokens = &context.segmented.tokens;
    let grammar = context.grammar;
    let Some(first) = tokens.get(start).filter(|_| start < sentence.end) else {
        return false;
    };
    let is_cue = |index: usize| cue(grammar)(Tokens::new(tokens, index..sentence.end)).is_ok();
    if first.lower.ends_with("ing") && is_cue(start) {
        return true;
    }
    if !context.is_role(first, WordRole::Boundary) {
        return false;
    }
    let window = (start + 2)..sentence.end.min(start + 2 + MAX_PHRASE_TOKENS);
    window.into_iter().any(|index| {
        tokens[index].is_word()
            && is_cue(index)
            && source_before(context, start + 1, index).is_some_and(|(_, first)| first == start + 1)
    })
}

/// "and argued", "but also insisted": a conjunction, then (after auxiliaries) a cue.
fn coordinated_cue_at(context: &Context, sentence: &Range<usize>, index: usize) -> bool {
    let tokens = &context.segmented.tokens;
    if !matches!(tokens[index].lower.as_ref(), "and" | "but") {
        return false;
    }
    let mut next = index + 1;
    while next < sentence.end && is_aux_or_adverb(context, &tokens[next]) {
        next += 1;
    }
    next < sentence.end
        && !tokens[next].is_capitalized()
        && cue(context.grammar)(Tokens::new(tokens, next..sentence.end)).is_ok()
}

fn found(
    frame: Frame,
    claim: Span,
    cue: Span,
    source: SourcePhrase,
    covered: Range<usize>,
) -> Found {
    Found {
        frame,
        claim,
        cue,
        source: Some(source),
        sentence: 0,
        covered,
        claim_in_next_block: false,
    }
}

/// After an inverted cue, what names a source: a capitalised name, a phrase opened by
/// a determiner, or a known source noun ("said little" is no source).
fn looks_like_source(context: &Context, head: Span) -> bool {
    let text = head.slice(context.text);
    let first = text.split_whitespace().next().unwrap_or("");
    let last = text.split_whitespace().last().unwrap_or("").to_lowercase();
    first.chars().next().is_some_and(char::is_uppercase)
        || context.grammar.word_role(&first.to_lowercase()) == Some(WordRole::Determiner)
        || context.grammar.source_nouns.contains_key(&last)
}

/// A document cue ("the cable read", "a poll shows") needs a document or publication;
/// a belief cue ("think") a person or group, not a document.
fn cue_allows(context: &Context, flags: CueFlags, source: Span) -> bool {
    if !flags.document && !flags.person {
        // Most cues ("said") take any source: no need to type it here.
        return true;
    }
    let text = source.slice(context.text);
    let source_type = classify(text, context.grammar);
    let document_ok = !flags.document
        || matches!(source_type, SourceType::Document | SourceType::Publication)
        || mentions_document(context, text);
    // Believing and wanting take a party that can hold a view: a person or group, not
    // a text ("the data think"); sources.txt types no personal pronoun as one.
    let person_ok =
        !flags.person || !matches!(source_type, SourceType::Document | SourceType::Publication);
    document_ok && person_ok
}

/// "A new batch of State Department emails released this week showed": a document
/// noun anywhere in the phrase, not only at its head, lets a document cue speak.
fn mentions_document(context: &Context, text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|word| !word.is_empty())
        .any(|word| {
            context
                .grammar
                .source_nouns
                .get(word.to_lowercase().as_str())
                .is_some_and(|kind| matches!(kind, SourceType::Document | SourceType::Publication))
        })
}

/// "a group called Citizens for Trump", "a beer named Swing State": a naming
/// participle after an indefinite noun phrase names a thing; nobody speaks.
fn names_a_thing(context: &Context, at: usize, source_start: usize) -> bool {
    let tokens = &context.segmented.tokens;
    let naming = matches!(
        tokens[at].lower.as_ref(),
        "called" | "named" | "dubbed" | "titled" | "calling"
    );
    naming && matches!(tokens[source_start].lower.as_ref(), "a" | "an")
}

/// "The New York Times reports:" at the end of its paragraph.
fn colon_ends_block(tokens: &[Token], cue_end: usize, end: usize) -> bool {
    cue_end + 1 == end && tokens[cue_end].is_punct(':') && end == tokens.len()
}

/// True when what follows the cue closes the clause: nothing, a short adjunct ("in
/// the report", "on Tuesday"), or a comma and a conjunction or a new quote.
fn closes_clause(context: &Context, cue_end: usize, end: usize) -> bool {
    let tokens = &context.segmented.tokens;
    let rest: Vec<&Token> = tokens[cue_end..end]
        .iter()
        .filter(|token| !matches!(token.kind, TokenKind::Punct('.' | '!' | '?' | '…')))
        .collect();
    let Some(first) = rest.first() else {
        return true;
    };
    if first.is_punct(',') {
        // "…, she said, adding …", "…, he said, on condition of anonymity.", "…, he
        // said, but …"; other clause words carry the claim on: "It's a reminder,
        // Rogers said, that …", "…, many economists say, because …".
        return rest.get(1).is_some_and(|next| {
            next.is_double_quote()
                || (next.is_word() && matches!(next.lower.as_ref(), "and" | "but"))
                || context.is_role(next, WordRole::Preposition)
                || context.is_role(next, WordRole::Time)
                || (next.is_word() && next.lower.ends_with("ing"))
        });
    }
    // "…, Carson said after the attacks."
    let subordinate = first.is_word() && ADJUNCT_SUBORDINATORS.contains(&first.lower.as_ref());
    let adjunct = context.is_role(first, WordRole::Preposition)
        || context.is_role(first, WordRole::Aux)
        || context.is_role(first, WordRole::Time)
        || subordinate;
    adjunct && rest.len() <= MAX_TRAILING_ADJUNCT && !rest.iter().any(|token| token.is_punct(','))
}

/// The quotation that opens after `, ` following the appositive of an inverted source
/// (`, an economist at UCLA, "…"`), when no other quotation comes first.
fn quote_after_appositive(context: &Context, from: usize, end: usize) -> Option<Span> {
    let tokens = &context.segmented.tokens;
    tokens
        .get(from)
        .filter(|token| from < end && token.is_punct(','))?;
    let opening = (from + 1..end).find(|&i| tokens[i].is_double_quote())?;
    tokens
        .get(opening - 1)
        .filter(|before| before.is_punct(','))?;
    context
        .segmented
        .quotes
        .opening_at(tokens[opening].span.start)
}

/// `…," he said, "…"`: the quote after the cue continues the claim, also past a short
/// adjunct: `"Word is," Trump said last month on Twitter, "that Ford …"`.
fn continued_quote(context: &Context, cue_end: usize) -> Option<Span> {
    let tokens = &context.segmented.tokens;
    let comma = (cue_end..tokens.len().min(cue_end + MAX_TRAILING_ADJUNCT + 1))
        .find(|&i| !tokens[i].is_word())
        .filter(|&i| tokens[i].is_punct(','))?;
    let opening = tokens
        .get(comma + 1)
        .filter(|token| token.is_double_quote())?;
    context.segmented.quotes.opening_at(opening.span.start)
}
