//! Who speaks at a verb cue: its subject, the noun phrase (or pronoun, or name with
//! its appositive) that ends right before the cue, read leftwards over auxiliaries,
//! adverbs and time phrases; else the subject of the sentence the cue's clause
//! joins. Index walks over the tokens, calling the noun-phrase parsers.

use std::ops::Range;

use super::Context;
use super::claim::has_word;
use super::noun_phrase::{MAX_PHRASE_TOKENS, joins_names, noun_phrase};
use super::relay::{SourcePhrase, source_with_relays};
use super::tokens::Tokens;
use crate::grammar::{AffixClass, WordClass, WordRole};
use crate::segment::token::first_token_from;
use crate::segment::{Token, TokenKind};
use crate::span::Span;

/// The source of the verb cue at `at` and the index of its first token: the phrase
/// right before the cue, else the subject of a coordinated or participial clause.
/// `None` for a passive ("Jokes are told"), unless the cue is an `adjective`
/// ("advisers are convinced"), a question ("Asked if he believed …") or a naming
/// participle ("a group called Citizens for Trump").
pub fn cue_subject(
    context: &Context,
    sentence: &Range<usize>,
    at: usize,
    adjective: bool,
) -> Option<(SourcePhrase, usize)> {
    if !adjective && is_passive(context, sentence.start, at) {
        return None;
    }
    let (source, start) = source_before(context, sentence.start, at)
        .or_else(|| participle_subject(context, sentence, at))
        .or_else(|| long_subject(context, sentence, at))?;
    if opens_question(context, sentence.start, start) || names_a_thing(context, at, start) {
        return None;
    }
    Some((source, start))
}

/// Most tokens between a sentence's subject and its cue.
const MAX_SUBJECT_GAP_TOKENS: usize = 24;

/// "Large majorities of voters in six states going to the polls said …": a subject
/// whose modifiers no source phrase spans; the sentence's subject, when nothing
/// between it and the cue closes a clause.
fn long_subject(
    context: &Context,
    sentence: &Range<usize>,
    at: usize,
) -> Option<(SourcePhrase, usize)> {
    let tokens = &context.segmented.tokens;
    if at <= sentence.start || context.has_affix(&tokens[at].lower, AffixClass::Participle) {
        return None;
    }
    // The whole noun phrase, not only up to the head that names a source: "Large
    // majorities of voters", not "Large". A pronoun has no modifiers to span.
    let subject = read_sentence_subject(context, sentence.clone(), at)?;
    if subject.pronoun {
        return None;
    }
    let start = subject.start;
    let subject = SourcePhrase::single(subject.phrase);
    let gap_start = first_token_from(tokens, subject.span.end);
    let gap = tokens.get(gap_start..at)?;
    let modifier = gap.first().is_some_and(|first| {
        context.is_role(first, WordRole::Preposition)
            || context.has_affix(&first.lower, AffixClass::Participle)
            || (context.has_affix(&first.lower, AffixClass::PastParticiple)
                && gap
                    .get(1)
                    .is_some_and(|next| context.is_role(next, WordRole::Preposition)))
    });
    // "raised its forecast": after a determiner the cue word is a noun.
    let noun = context.is_role(&tokens[at - 1], WordRole::Determiner);
    let open_gap = modifier
        && !noun
        && gap.len() <= MAX_SUBJECT_GAP_TOKENS
        && gap.iter().all(|token| {
            token.is_word() || matches!(token.kind, TokenKind::Punct('.' | '\'' | '’' | '-'))
        });
    open_gap.then_some((subject, start))
}

/// "a group called Citizens for Trump", "a beer named Swing State": a naming
/// participle after an indefinite noun phrase names a thing; nobody speaks.
fn names_a_thing(context: &Context, at: usize, source_start: usize) -> bool {
    let tokens = &context.segmented.tokens;
    context.is(&tokens[at], WordClass::NamingVerb)
        && context.is(&tokens[source_start], WordClass::Indefinite)
}

/// "with 22 percent saying they would …", "despite polls showing her behind": the
/// subject of an absolute participle stands after "with", "despite" or "amid"; "…
/// landed in hot water by saying that …": after "by" or "after" the participle's
/// subject is the sentence's.
fn participle_subject(
    context: &Context,
    sentence: &Range<usize>,
    at: usize,
) -> Option<(SourcePhrase, usize)> {
    let tokens = &context.segmented.tokens;
    if at <= sentence.start || !context.has_affix(&tokens[at].lower, AffixClass::Participle) {
        return None;
    }
    let before = adverbs_before(context, sentence.start, at);
    if before > sentence.start && context.is(&tokens[before - 1], WordClass::GerundPreposition) {
        let subject = sentence_subject(context, sentence.clone(), before - 1)?;
        let start = first_token_from(tokens, subject.span.start);
        return (start < before - 1).then_some((subject, start));
    }
    let region_start = sentence.start.max(at.saturating_sub(MAX_PHRASE_TOKENS));
    let opener = (region_start..at)
        .rev()
        .find(|&i| context.is(&tokens[i], WordClass::AbsoluteOpener))?;
    let (rest, phrase) =
        source_with_relays(context.grammar)(Tokens::new(tokens, opener + 1..at)).ok()?;
    rest.is_empty().then_some((phrase, opener + 1))
}

/// Steps left from a cue over what may stand between it and its source: auxiliaries,
/// adverbs and time phrases ("Donald Trump on Sunday tweeted", "has repeatedly said").
/// A time phrase after a participle belongs to the source: "a cable released on
/// Wednesday showed".
fn skip_back_to_source(context: &Context, start: usize, at: usize) -> usize {
    let tokens = &context.segmented.tokens;
    let mut end = at;
    while end > start {
        let token = &tokens[end - 1];
        if is_aux_or_adverb(context, token) {
            end -= 1;
        } else if let Some(verb) = aspectual_before(context, start, end) {
            end = verb;
        } else if context.is_role(token, WordRole::Time) {
            let mut phrase_start = end - 1;
            if phrase_start > start
                && context.is(&tokens[phrase_start - 1], WordClass::TimeQualifier)
            {
                phrase_start -= 1;
            }
            let after_participle = phrase_start > start
                && context.has_affix(&tokens[phrase_start - 1].lower, AffixClass::PastParticiple);
            if after_participle {
                break;
            }
            end = phrase_start;
        } else {
            break;
        }
    }
    end
}

/// "continues to" in "He continues to insist", "went on to" in "went on to endorse":
/// an aspectual verb and "to" ending at `end`; the verb's index.
fn aspectual_before(context: &Context, start: usize, end: usize) -> Option<usize> {
    let tokens = &context.segmented.tokens;
    let to = end.checked_sub(1).filter(|&to| to > start)?;
    if !context.is(&tokens[to], WordClass::Infinitive) {
        return None;
    }
    let mut verb = to - 1;
    if verb > start && context.is(&tokens[verb], WordClass::AspectualParticle) {
        verb -= 1;
    }
    if !context.is(&tokens[verb], WordClass::Aspectual) {
        return None;
    }
    // "were more likely to say": a degree word goes with the adjective.
    if verb > start && context.is(&tokens[verb - 1], WordClass::Degree) {
        verb -= 1;
    }
    Some(verb)
}

/// "Jokes are told", "it has been widely condemned": a form of "be" before the cue,
/// with only adverbs between; not a cue in "-ing" ("The mayor is saying …" is
/// progressive).
fn is_passive(context: &Context, start: usize, at: usize) -> bool {
    passive_be(context, start, at).is_some()
}

/// The index of the form of "be" that makes the cue at `at` passive, if one does.
pub(super) fn passive_be(context: &Context, start: usize, at: usize) -> Option<usize> {
    let tokens = &context.segmented.tokens;
    if context.has_affix(&tokens[at].lower, AffixClass::Participle) {
        return None;
    }
    let mut index = at;
    while index > start
        && (is_adverb(context, &tokens[index - 1])
            || context.is(&tokens[index - 1], WordClass::Negation))
    {
        index -= 1;
    }
    (index > start && context.is(&tokens[index - 1], WordClass::Be)).then(|| index - 1)
}

/// "Asked if he believed …": a source right after "if" or "whether" asks, not says.
fn opens_question(context: &Context, start: usize, source_start: usize) -> bool {
    let tokens = &context.segmented.tokens;
    source_start > start && context.is(&tokens[source_start - 1], WordClass::EmbeddedQuestion)
}

/// The source phrase that ends right before the cue (auxiliaries and adverbs may
/// stand between), with the index of its first token. An appositive between commas
/// belongs to it: "Fred Kagan, director of the project, said".
pub fn source_before(context: &Context, start: usize, at: usize) -> Option<(SourcePhrase, usize)> {
    let tokens = &context.segmented.tokens;
    let end = skip_back_to_source(context, start, at);
    let last = tokens.get(end.checked_sub(1)?).filter(|_| end > start)?;
    if last.is_word() && context.is_role(last, WordRole::Pronoun) {
        return Some((SourcePhrase::single(last.span), end - 1));
    }
    // "…released a report, which charged that …": a relative word after a comma is
    // the whole source, as "who" is.
    let relative_after_comma = end - 1 > start
        && tokens[end - 2].is_punct(',')
        && context.is(last, WordClass::SubjectRelative);
    if relative_after_comma {
        return Some((SourcePhrase::single(last.span), end - 1));
    }
    if last.is_punct(',') {
        return with_appositive(context, start, end - 1);
    }
    if let Some(closing) = dash_ending_at(tokens, start, end) {
        return before_dash_aside(context, start, closing);
    }
    // "Several said …", "; most said they were worried": a quantifier standing for
    // the people just counted, opening its clause.
    if opens_clause_at(tokens, start, end - 1) && context.is(last, WordClass::StandaloneQuantifier)
    {
        return Some((SourcePhrase::single(last.span), end - 1));
    }
    let found = phrase_ending_at(context, start, end);
    // "officials who spoke on condition of anonymity said": what stands between
    // "who" and the cue is a relative clause; the source is the phrase before it.
    // "A clerk … who was present at the hearing told": auxiliaries may stand between.
    let mut before = found.as_ref().map_or(end, |(_, first)| *first);
    while before > start + 1 && context.is_role(&tokens[before - 1], WordRole::Aux) {
        before -= 1;
    }
    let relative = before
        .checked_sub(1)
        .filter(|&who| who > start && context.is(&tokens[who], WordClass::SubjectRelative));
    if let Some(who) = relative
        && let Some((mut phrase, first)) = noun_phrase_ending_at(context, start, who)
    {
        phrase.span = phrase.span.cover(tokens[end - 1].span);
        return Some((phrase, first));
    }
    // "Anyone who praised his candidacy warned …": a phrase inside a relative
    // clause is no subject; the clause's noun is.
    let relative = relative_clause_subject(context, start, end);
    match (found, relative) {
        (Some(found), Some(relative)) if relative.1 < found.1 => Some(relative),
        (found, relative) => found
            .or(relative)
            .or_else(|| quantifier_with_place(context, start, end)),
    }
}

/// "Some in the crowd said …", "Many within the party fear …": a quantifier opening
/// its clause, a preposition and a noun phrase that ends at the cue.
fn quantifier_with_place(
    context: &Context,
    start: usize,
    end: usize,
) -> Option<(SourcePhrase, usize)> {
    let tokens = &context.segmented.tokens;
    let floor = start.max(end.saturating_sub(MAX_PHRASE_TOKENS));
    let quantifier = (floor..end.saturating_sub(2)).find(|&q| {
        opens_clause_at(tokens, start, q)
            && context.is(&tokens[q], WordClass::StandaloneQuantifier)
            && context.is_role(&tokens[q + 1], WordRole::Preposition)
            && !context.is(&tokens[q + 1], WordClass::Partitive)
    })?;
    let (rest, _) = noun_phrase(context.grammar)(Tokens::new(tokens, quantifier + 2..end)).ok()?;
    rest.is_empty().then(|| {
        let span = tokens[quantifier].span.cover(tokens[end - 1].span);
        (SourcePhrase::single(span), quantifier)
    })
}

/// True when the token at `index` opens its clause: it is the first of the searched
/// tokens (from `start`), or follows a comma, semicolon, colon or dash.
fn opens_clause_at(tokens: &[Token], start: usize, index: usize) -> bool {
    index == start
        || matches!(
            tokens[index - 1].kind,
            TokenKind::Punct(',' | ';' | ':' | '—')
        )
}

/// Most tokens of a relative clause between its noun and the cue.
const MAX_RELATIVE_TOKENS: usize = 16;

/// "Hawkins and others who want to ban abortion said …", "The Republican who wrote
/// the speech says …": a restrictive relative clause of words only, ending right
/// before the cue; the source is its noun with the clause.
pub(super) fn relative_clause_subject(
    context: &Context,
    start: usize,
    end: usize,
) -> Option<(SourcePhrase, usize)> {
    let tokens = &context.segmented.tokens;
    let floor = start.max(end.saturating_sub(MAX_RELATIVE_TOKENS));
    let who = (floor + 1..end)
        .rev()
        .take_while(|&i| {
            let token = &tokens[i];
            token.is_word()
                || (matches!(token.kind, TokenKind::Punct('.' | '\'' | '’' | '-'))
                    && !token.is_quote_mark())
        })
        .find(|&i| context.is(&tokens[i], WordClass::PersonalRelative))?;
    // The clause ends in a word of its own, not "for", "the" or "and", and holds no
    // second clause.
    let closed = !context.is_function_word(&tokens[end - 1]);
    let single = !tokens[who + 1..end]
        .iter()
        .any(|token| context.is(token, WordClass::Coordinator));
    if !(closed && single && who + 1 < end) {
        return None;
    }
    let (mut phrase, first) = noun_phrase_ending_at(context, start, who)?;
    phrase.span = phrase.span.cover(tokens[end - 1].span);
    Some((phrase, first))
}

/// Longest appositive taken between a name and its closing comma.
const MAX_APPOSITIVE_TOKENS: usize = 32;

/// "<name>, <appositive>," ending at the comma `closing`. The appositive may hold
/// commas of its own ("Jeffrey Salkin, a Hollywood, Fla., rabbi, said"): every earlier
/// comma is tried; a phrase opening the clause wins, else the nearest.
fn with_appositive(
    context: &Context,
    start: usize,
    closing: usize,
) -> Option<(SourcePhrase, usize)> {
    let tokens = &context.segmented.tokens;
    let floor = start.max(closing.saturating_sub(MAX_APPOSITIVE_TOKENS));
    let plain = |token: &Token| {
        token.is_word()
            || (matches!(
                token.kind,
                TokenKind::Punct('.' | '\'' | '’' | '-' | '%' | '$' | '&' | ',')
            ) && !token.is_quote_mark())
    };
    let mut candidates = (floor..closing)
        .rev()
        .take_while(|&i| plain(&tokens[i]))
        .filter(|&i| tokens[i].is_punct(','))
        .enumerate()
        .filter_map(|(nth, opening)| {
            if !has_word(tokens, opening + 1..closing) {
                return None;
            }
            let (mut phrase, first) = phrase_ending_at(context, start, opening)?;
            // Past the nearest comma only a name may stand before the appositive.
            let names = tokens[first..opening]
                .iter()
                .any(|token| token.is_word() && token.is_capitalized());
            if nth > 0 && !names {
                return None;
            }
            phrase.span = phrase.span.cover(tokens[closing - 1].span);
            Some((phrase, first))
        });
    // "President Barack Obama, speaking in Orlando, Fla., said": the name that opens
    // the clause wins over a place that merely ends before a comma.
    // So does a name right after the quotation it speaks: "“…,” Harry Bond, 30, of
    // Raleigh, said".
    let opens = |first: usize| {
        first == start
            || tokens[first - 1].is_quote_mark()
            || (first >= 2 && tokens[first - 1].is_punct(',') && tokens[first - 2].is_quote_mark())
    };
    let nearest = candidates.next()?;
    if opens(nearest.1) {
        return Some(nearest);
    }
    Some(
        candidates
            .find(|(_, first)| opens(*first))
            .unwrap_or(nearest),
    )
}

/// "The justice — who has been in a scuffle — said", "Murphy -- after a pause --
/// told me": an aside between dashes stands between a source and its cue. The
/// source is the phrase before the opening dash; a relative aside ("who …") belongs
/// to it, as a relative clause between commas does.
fn before_dash_aside(
    context: &Context,
    start: usize,
    closing: usize,
) -> Option<(SourcePhrase, usize)> {
    let tokens = &context.segmented.tokens;
    let floor = start.max(closing.saturating_sub(MAX_APPOSITIVE_TOKENS));
    let opening = (floor + 1..closing)
        .rev()
        .find_map(|at| dash_ending_at(tokens, floor, at))?;
    let aside_start = first_after_dash(tokens, opening);
    if !has_word(tokens, aside_start..closing)
        || tokens[aside_start..closing]
            .iter()
            .any(Token::is_quote_mark)
    {
        return None;
    }
    let (mut phrase, first) = phrase_ending_at(context, start, opening)?;
    if context.is(&tokens[aside_start], WordClass::SubjectRelative) {
        phrase.span = phrase.span.cover(tokens[closing - 1].span);
    }
    Some((phrase, first))
}

/// When `tokens[floor..end]` ends with a dash ("—", "–", "--" spelt with two
/// hyphens, or a hyphen with spaces around it), the index of its first token.
fn dash_ending_at(tokens: &[Token], floor: usize, end: usize) -> Option<usize> {
    let last = end.checked_sub(1).filter(|&i| i > floor)?;
    match tokens[last].kind {
        TokenKind::Punct('—' | '–') => Some(last),
        TokenKind::Punct('-') if doubled_hyphen(tokens, last - 1) => Some(last - 1),
        TokenKind::Punct('-')
            if !glued(&tokens[last - 1], &tokens[last])
                && tokens
                    .get(last + 1)
                    .is_none_or(|next| !glued(&tokens[last], next)) =>
        {
            Some(last)
        }
        _ => None,
    }
}

/// True when tokens `at` and `at + 1` are two hyphens written together: "--".
fn doubled_hyphen(tokens: &[Token], at: usize) -> bool {
    tokens.get(at + 1).is_some_and(|next| {
        tokens[at].is_punct('-') && next.is_punct('-') && glued(&tokens[at], next)
    })
}

/// The first token after the dash that starts at `dash`.
fn first_after_dash(tokens: &[Token], dash: usize) -> usize {
    if doubled_hyphen(tokens, dash) {
        dash + 2
    } else {
        dash + 1
    }
}

/// Longest bracket taken as a source's label: "Sen. John Cornyn (R-Texas) told".
const MAX_LABEL_TOKENS: usize = 8;

/// The source phrase ending at `end`, through a short bracketed label after the name
/// ("(R-Ga.)", "(D-Calif.)", "(AP)", a stock ticker "(NASDAQ: ACME)"): the label
/// belongs to the source.
fn phrase_ending_at(context: &Context, start: usize, end: usize) -> Option<(SourcePhrase, usize)> {
    let tokens = &context.segmented.tokens;
    let closing = end
        .checked_sub(1)
        .filter(|&i| i > start && tokens[i].is_punct(')'));
    let Some(closing) = closing else {
        return noun_phrase_ending_at(context, start, end);
    };
    let floor = start.max(closing.saturating_sub(MAX_LABEL_TOKENS));
    let opening = (floor..closing).rev().find(|&i| tokens[i].is_punct('('))?;
    let label_is_plain = tokens[opening + 1..closing].iter().all(|token| {
        token.is_word() || matches!(token.kind, TokenKind::Punct('.' | '-' | ',' | '–' | ':'))
    });
    if !label_is_plain || !has_word(tokens, opening + 1..closing) {
        return None;
    }
    let (mut phrase, first) = noun_phrase_ending_at(context, start, opening)?;
    phrase.span = phrase.span.cover(tokens[closing].span);
    Some((phrase, first))
}

/// The longest source phrase that ends exactly at `end`; with the period of an
/// abbreviation that ends it ("Acme Inc. said": no sentence ends there).
fn noun_phrase_ending_at(
    context: &Context,
    start: usize,
    end: usize,
) -> Option<(SourcePhrase, usize)> {
    let tokens = &context.segmented.tokens;
    let abbreviation = end >= start + 2
        && tokens[end - 1].is_punct('.')
        && glued(&tokens[end - 2], &tokens[end - 1])
        && (context.grammar.is_abbreviation(&tokens[end - 2].lower)
            || tokens[end - 2].is_initials());
    if abbreviation {
        let (mut phrase, first) = noun_phrase_ending_at(context, start, end - 1)?;
        phrase.span = phrase.span.cover(tokens[end - 1].span);
        return Some((phrase, first));
    }
    let mut region_start = end;
    while region_start > start && end - region_start < MAX_PHRASE_TOKENS * 2 {
        if !inside_source_region(context, region_start - 1) {
            break;
        }
        region_start -= 1;
    }
    let (phrase, first) = (region_start..end).find_map(|first| {
        let (rest, phrase) =
            source_with_relays(context.grammar)(Tokens::new(tokens, first..end)).ok()?;
        rest.is_empty().then_some((phrase, first))
    })?;
    // "in a statement said", "in Iowa saying": the object of a preposition is no
    // subject ("of" is part of a phrase: "one of the officials").
    let after_preposition = first > start
        && context.word(&tokens[first - 1]).is_some_and(|info| {
            info.role == Some(WordRole::Preposition) && !info.is(WordClass::Partitive)
        })
        && !quantity_modifier(context, first);
    (!after_preposition).then_some((phrase, first))
}

/// True when the token at `index` can be part of a source phrase read leftwards.
fn inside_source_region(context: &Context, index: usize) -> bool {
    let tokens = &context.segmented.tokens;
    let token = &tokens[index];
    match token.kind {
        TokenKind::Word => {
            let info = context.grammar.word(&token.lower);
            match info.and_then(|info| info.role) {
                None | Some(WordRole::Determiner) => true,
                Some(WordRole::Preposition | WordRole::Time) => true,
                Some(WordRole::Boundary) => {
                    info.is_some_and(|info| info.is(WordClass::NounCoordinator))
                }
                Some(_) => false,
            }
        }
        TokenKind::Punct('.') => {
            index > 0 && glued(&tokens[index - 1], token) && tokens[index - 1].is_word()
        }
        TokenKind::Punct('&') => joins_names(tokens, index),
        // "officials'": an apostrophe, not a quotation mark.
        TokenKind::Punct('\'' | '’') if token.is_quote_mark() => false,
        TokenKind::Punct('\'' | '’' | '%') => index > 0 && glued(&tokens[index - 1], token),
        TokenKind::Punct(_) => false,
    }
}

/// What may stand between a source and its cue: an auxiliary ("has", "also") or an
/// adverb.
pub fn is_aux_or_adverb(context: &Context, token: &Token) -> bool {
    context.is_role(token, WordRole::Aux) || is_adverb(context, token)
}

/// The first of the auxiliaries and adverbs that stand right before `at`, no
/// further left than `start`: "also" and "falsely" in "…, while also falsely
/// suggesting"; `at` when none do.
pub(super) fn adverbs_before(context: &Context, start: usize, at: usize) -> usize {
    let tokens = &context.segmented.tokens;
    let mut first = at;
    while first > start && is_aux_or_adverb(context, &tokens[first - 1]) {
        first -= 1;
    }
    first
}

/// Fewer bytes than this make no adverb of a "-ly" word: "only", "fly".
const MIN_ADVERB_LEN: usize = 5;

/// A lowercase word of an adverb's ending (affixes.txt), as written: "falsely",
/// "publicly", "angrily"; not a source's head noun of that ending ("family").
fn is_adverb(context: &Context, token: &Token) -> bool {
    token.is_word()
        && !token.is_capitalized()
        && token.text.len() >= MIN_ADVERB_LEN
        && context.has_affix(token.text, AffixClass::Adverb)
        && context.grammar.source_noun(&token.lower).is_none()
}

/// "about half of voters", "at least half", "over 40 percent": a preposition before a
/// quantity modifies it; it does not make the phrase its object.
fn quantity_modifier(context: &Context, first: usize) -> bool {
    let tokens = &context.segmented.tokens;
    let grammar = context.grammar;
    let before = tokens[first - 1].lower.as_ref();
    let head = &tokens[first];
    (grammar.is(before, WordClass::QuantityModifier) && is_quantity(context, head))
        || (grammar.is(before, WordClass::BoundPreposition)
            && grammar.is(&head.lower, WordClass::Bound))
}

/// "half", "a", "42", "four": what "about" may qualify in a poll ("about half of voters").
fn is_quantity(context: &Context, token: &Token) -> bool {
    token.lower.starts_with(|c: char| c.is_ascii_digit())
        || context.grammar.is(&token.lower, WordClass::Quantity)
}

fn glued(left: &Token, right: &Token) -> bool {
    left.span.end == right.span.start
}

/// Most tokens of an opening phrase skipped before a subject: "On Tuesday, …".
const MAX_OPENER_TOKENS: usize = 6;

/// The noun phrase or pronoun that opens the sentence (after a short opener such as
/// "However," or "On Tuesday,"), when its head names a source: "Carly Fiorina threw
/// her support behind Cruz, saying …".
pub fn sentence_subject(
    context: &Context,
    sentence: Range<usize>,
    before: usize,
) -> Option<SourcePhrase> {
    let subject = read_sentence_subject(context, sentence, before)?;
    let first = context.segmented.tokens[subject.start].span;
    Some(SourcePhrase::single(first.cover(subject.head)))
}

/// The subject that opens a sentence, as [`sentence_subject`] reads it.
struct SentenceSubject {
    /// Index of its first token.
    start: usize,
    /// A pronoun ("He blasted Congress and …") rather than a noun phrase.
    pronoun: bool,
    /// The whole noun phrase ("Large majorities of voters"), or the pronoun.
    phrase: Span,
    /// The head that names a source, where the subject reading stops (see
    /// [`subject_head`]), or the pronoun.
    head: Span,
}

/// Reads the subject that opens the sentence: past a short opener and a leading
/// conjunction, a pronoun, or a noun phrase whose head names a source.
fn read_sentence_subject(
    context: &Context,
    sentence: Range<usize>,
    before: usize,
) -> Option<SentenceSubject> {
    let tokens = &context.segmented.tokens;
    // The comma right before the participle closes the main clause, not an opener.
    let opener_comma = (sentence.start..before.min(sentence.start + MAX_OPENER_TOKENS + 1))
        .find(|&i| tokens[i].is_punct(',') && i + 1 < before);
    let mut start = opener_comma.map_or(sentence.start, |comma| comma + 1);
    // "But the court overruled and said …": a leading conjunction is no subject.
    if tokens
        .get(start)
        .is_some_and(|token| context.is(token, WordClass::SentenceConjunction))
    {
        start += 1;
    }
    let first = tokens.get(start).filter(|_| start < before)?;
    if context.is_role(first, WordRole::Pronoun) {
        return Some(SentenceSubject {
            start,
            pronoun: true,
            phrase: first.span,
            head: first.span,
        });
    }
    let (_, phrase) = noun_phrase(context.grammar)(Tokens::new(tokens, start..before)).ok()?;
    let phrase_end = tokens[start..before].partition_point(|token| token.span.end <= phrase.end);
    let head = subject_head(context, &tokens[start..start + phrase_end])?;
    Some(SentenceSubject {
        start,
        pronoun: false,
        phrase,
        head: head.span,
    })
}

/// Fewer bytes than this make no agent noun of a word with its ending: "women", "list".
const MIN_AGENT_NOUN_LEN: usize = 6;

/// "businessman", "lawmaker", "analyst": a noun for a person by what
/// they do, known by its ending (affixes.txt).
fn is_agent_noun(context: &Context, token: &Token) -> bool {
    token.lower.len() >= MIN_AGENT_NOUN_LEN
        && context.has_affix(&token.lower, AffixClass::AgentNoun)
}

/// The head of a subject read left to right, where the greedy noun phrase may have
/// run on into the verb: "Smith saw", "the company cited". A name ends at its first
/// lowercase word that is no source noun, a source noun at its first word that is
/// none; the head must be a name or a source noun.
fn subject_head<'t>(context: &Context, phrase: &'t [Token<'t>]) -> Option<&'t Token<'t>> {
    // "the mayor", "the senator": a title names a person too.
    let is_source_noun = |token: &Token| {
        let grammar = context.grammar;
        grammar.source_noun(&token.lower).is_some() || grammar.opens_title(&token.lower)
    };
    let mut head: Option<&Token> = None;
    let content = phrase
        .iter()
        .filter(|token| token.is_word() && !context.is_role(token, WordRole::Determiner));
    for token in content {
        if token.is_capitalized() || is_source_noun(token) || is_agent_noun(context, token) {
            head = Some(token);
        } else if head.is_some() {
            break;
        }
    }
    head
}
