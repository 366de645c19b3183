//! "Some intelligence officials told Foreign Policy that 30 was a low estimate": the
//! source, its cue, an addressee if the cue takes one, then the claim; and "The New
//! York Times reported:" at the end of its paragraph, whose claim is the next one. An
//! index walk over the sentence's tokens; the source is the cue's subject
//! (`subject.rs`).

use std::ops::Range;

use super::claim::{
    COLON_LOOKAHEAD, claim_after, claim_start, has_finite_verb, is_clause_comma, parenthetical_end,
};
use super::claim_first::closes_clause;
use super::cue_site::CueSite;
use super::noun_phrase::{MAX_PHRASE_TOKENS, noun_phrase};
use super::phrase::marker;
use super::subject::{is_aux_or_adverb, relative_clause_subject, source_before};
use super::tokens::Tokens;
use super::{Context, Found, Frame};
use crate::grammar::{AffixClass, WordClass, WordRole, classify};
use crate::model::{MarkerKind, SourceType};
use crate::segment::Token;
use crate::span::Span;

/// Parses the frame at the site's cue.
pub fn parse(context: &Context, site: &CueSite) -> Option<Found> {
    let cue = site.cue_with_source()?;
    let subject = site.subject(context).filter(|subject| subject.allowed)?;
    let tokens = &context.segmented.tokens;
    let sentence = &site.sentence;
    let mut source = subject.source.clone();
    if colon_ends_block(tokens, cue.end, sentence.end) {
        let mut hit = Found::new(
            Frame::SourceCueClaim,
            Span::default(),
            cue.span,
            Some(source),
            subject.start..sentence.end,
        );
        hit.claim_in_next_block = true;
        return Some(hit);
    }
    if reported_by_closing_cue(context, sentence, cue.end)
        || opens_clause_with_own_cue(context, sentence, cue.end)
    {
        return None;
    }
    let (claim, end) = match reporting_as_comma(context, sentence, subject.start, cue.end) {
        // "As the mayor said on Tuesday, the bridge will reopen": the clause after
        // the aside is the claim, and ends as a main clause does.
        Some(comma) => {
            let end = claim_end(context, sentence, comma + 1, comma + 1);
            (claim_after(context, comma + 1, end)?, end)
        }
        None => {
            let end = claim_end(context, sentence, subject.start, cue.end);
            let claim = claim_start(context, cue.end, end, cue.flags)
                .and_then(|start| claim_after(context, start, end))?;
            (claim, end)
        }
    };
    // "A senior official, who asked not to be named, said …": why a source is not
    // named is no claim of its own; the marker qualifies the source's real claim.
    let anonymity = marker(context.grammar)(Tokens::new(tokens, site.at..sentence.end))
        .is_ok_and(|(_, (span, rule))| rule.kind == MarkerKind::Anonymity && span.end >= claim.end);
    if anonymity {
        return None;
    }
    if cue.flags.recipient
        && let Some(outlet) = publication_recipient(context, cue.end, end)
    {
        // "some intelligence officials told Foreign Policy that …"
        source.via.push(outlet);
    }
    Some(Found::new(
        Frame::SourceCueClaim,
        claim,
        cue.span,
        Some(source),
        subject.start..end.max(cue.end),
    ))
}

/// The comma that closes "As <source> <cue> [short phrase]," opening its sentence:
/// "As the mayor said on Tuesday, …", "But as Kreutz points out in a column, …".
fn reporting_as_comma(
    context: &Context,
    sentence: &Range<usize>,
    source_start: usize,
    cue_end: usize,
) -> Option<usize> {
    let tokens = &context.segmented.tokens;
    let at = source_start
        .checked_sub(1)
        .filter(|&at| at >= sentence.start)?;
    let opens_clause = at == sentence.start
        || (at == sentence.start + 1
            && context.is(&tokens[sentence.start], WordClass::SentenceConjunction));
    if !(opens_clause && context.is(&tokens[at], WordClass::ReportingAs)) {
        return None;
    }
    // The aside's own words are a time or a place ("on Tuesday", "in his column"),
    // not the cue's object: "As Clinton talked about unity, Trump …" is a time.
    let first = tokens.get(cue_end)?;
    let adjunct = first.is_punct(',')
        || context.is_role(first, WordRole::Preposition)
        || context.is_role(first, WordRole::Time)
        || context.is(first, WordClass::TimeOpener);
    if !adjunct {
        return None;
    }
    (cue_end..sentence.end.min(cue_end + COLON_LOOKAHEAD))
        .take_while(|&i| {
            tokens[i].is_punct(',')
                || (tokens[i].is_word() && !context.is(&tokens[i], WordClass::Complementizer))
        })
        .find(|&i| tokens[i].is_punct(','))
}

/// The addressee of a cue when it is a publication: the source reached us through it.
fn publication_recipient(context: &Context, cue_end: usize, end: usize) -> Option<Span> {
    let tokens = &context.segmented.tokens;
    let (_, recipient) = noun_phrase(context.grammar)(Tokens::new(tokens, cue_end..end)).ok()?;
    (classify(recipient.slice(context.text), context.grammar) == SourceType::Publication)
        .then_some(recipient)
}

/// Where a claim that follows its cue ends: at a closing dash or bracket around the
/// source, at a semicolon, at the comma that closes a subordinate clause ("While Ramos
/// said that …, he appears"), or before the next attribution ("…, and three-quarters
/// said …", "…, adding …").
pub(super) fn claim_end(
    context: &Context,
    sentence: &Range<usize>,
    source_start: usize,
    cue_end: usize,
) -> usize {
    let tokens = &context.segmented.tokens;
    let end = parenthetical_end(tokens, sentence, source_start, cue_end);
    // "Graham, who says the allies should send troops, tweeted …": a relative clause
    // ends at its comma, like a subordinate one.
    let relative = context.is(&tokens[source_start], WordClass::SubjectRelative);
    let subordinate = relative
        || (source_start > sentence.start
            && context.is(&tokens[source_start - 1], WordClass::Subordinator));
    let mut depth = 0usize;
    for (index, token) in tokens.iter().enumerate().take(end).skip(cue_end) {
        if token.is_quote_mark() {
            depth = usize::from(depth == 0);
            // "…that Trump represents “New York values,” stating that …": a quotation
            // that closes on a comma, then the next attribution.
            let closes_on_comma =
                depth == 0 && index > cue_end + 1 && tokens[index - 1].is_punct(',');
            if closes_on_comma
                && (next_attribution_at(context, sentence, index + 1)
                    || concedes_at(context, index + 1))
            {
                return index + 1;
            }
            continue;
        }
        if depth > 0 {
            continue;
        }
        if token.is_punct(';') {
            return index;
        }
        // "who on Tuesday endorsed Clinton, said …": a relative or subordinate
        // clause's one-word claim ends at its comma too.
        if is_clause_comma(tokens, index)
            && (index > cue_end + 1 || (subordinate && index > cue_end))
            && (subordinate
                || next_attribution_at(context, sentence, index + 1)
                || concedes_at(context, index + 1)
                || spliced_attribution_at(context, sentence, cue_end, index))
        {
            return index;
        }
        // "vowed to keep abortion legal and celebrated the ruling": a verb of the
        // source's own after a claim with none.
        if index > cue_end + 2 && verb_phrase_coordinated_at(context, sentence, cue_end, index) {
            return index;
        }
        // "…to discuss the work, but he was copied and Gates said he spoke …": a
        // clause joined without a comma, with a source and cue of its own.
        if index > cue_end + 1
            && context.is(token, WordClass::Coordinator)
            && next_attribution_at(context, sentence, index)
        {
            return index;
        }
        // "…that Rubio was liberal and argued that …": a second verb of saying.
        if index > cue_end && coordinated_cue_at(context, sentence, index) {
            return index;
        }
        // "Hawkins and others who want to ban abortion said …": the relative
        // clause's claim ends at the cue whose source holds the clause.
        if relative
            && index > cue_end
            && context.cue_end_at(index, sentence.end).is_some()
            && relative_clause_subject(context, sentence.start, index)
                .is_some_and(|(_, first)| first < source_start)
        {
            return index;
        }
    }
    end
}

/// "Social media has added another link to the chain, she noted.": a source and a
/// cue that close the sentence after a comma report everything before it, this cue
/// with it.
fn reported_by_closing_cue(context: &Context, sentence: &Range<usize>, cue_end: usize) -> bool {
    let tokens = &context.segmented.tokens;
    let mut in_quote = false;
    for comma in cue_end + 1..sentence.end {
        if tokens[comma].is_quote_mark() {
            in_quote = !in_quote;
        }
        if in_quote || !is_clause_comma(tokens, comma) {
            continue;
        }
        let closes = cues_with_source_from(context, sentence, comma + 1)
            .any(|cue_end| closes_clause(context, cue_end, sentence.end, true));
        if closes {
            return true;
        }
    }
    false
}

/// "Despite the doubts he sometimes feels, Okafor said …": a cue right before a comma
/// that ends its opening clause, after which a source and a cue of their own start.
fn opens_clause_with_own_cue(context: &Context, sentence: &Range<usize>, cue_end: usize) -> bool {
    cue_end < sentence.end
        && is_clause_comma(&context.segmented.tokens, cue_end)
        && cues_with_source_from(context, sentence, cue_end + 1)
            .next()
            .is_some()
}

/// True when a conjunction at `index` joins a finite verb to the claim after the
/// cue at `cue_end`, and that claim has none (an infinitive or a noun phrase): the
/// verb is the source's, not the claim's ("vowed to keep abortion legal and
/// celebrated the ruling").
fn verb_phrase_coordinated_at(
    context: &Context,
    sentence: &Range<usize>,
    cue_end: usize,
    index: usize,
) -> bool {
    let tokens = &context.segmented.tokens;
    let is_finite_verb = |token: &Token| {
        token.is_word() && !token.is_capitalized() && context.grammar.is_finite_verb(&token.lower)
    };
    context.is(&tokens[index], WordClass::Coordinator)
        && tokens
            .get(index + 1)
            .is_some_and(|next| index + 1 < sentence.end && is_finite_verb(next))
        && !tokens[cue_end..index].iter().any(is_finite_verb)
}

/// True when a concessive clause, the writer's own aside, opens at `at`: "…, though
/// it is unclear why".
fn concedes_at(context: &Context, at: usize) -> bool {
    context
        .segmented
        .tokens
        .get(at)
        .is_some_and(|token| context.is(token, WordClass::Concessive))
}

/// True when an attribution of its own starts at `start`: a participle cue
/// ("adding …") or a conjunction, a source and a cue ("and three-quarters said").
fn next_attribution_at(context: &Context, sentence: &Range<usize>, start: usize) -> bool {
    let tokens = &context.segmented.tokens;
    let Some(first) = tokens.get(start).filter(|_| start < sentence.end) else {
        return false;
    };
    if context.has_affix(&first.lower, AffixClass::Participle)
        && context.cue_end_at(start, sentence.end).is_some()
    {
        return true;
    }
    if !context.is_role(first, WordRole::Boundary) {
        return false;
    }
    cues_with_source_from(context, sentence, start + 1)
        .next()
        .is_some()
}

/// "…said they support Clinton, 39 have said they support Sanders": a claim that is a
/// clause of its own (a finite verb, no subordinator first: "that if the state held
/// up the deal, Patriot could …" is one clause), then after its comma a source and cue
/// with a claim of their own (not an aside between commas, "the plan, officials said,
/// was costly", nor the sentence's close).
fn spliced_attribution_at(
    context: &Context,
    sentence: &Range<usize>,
    cue_end: usize,
    comma: usize,
) -> bool {
    let tokens = &context.segmented.tokens;
    let mut first = cue_end;
    while first < comma && context.is(&tokens[first], WordClass::Complementizer) {
        first += 1;
    }
    let whole_clause = first < comma
        && !context.is(&tokens[first], WordClass::Subordinator)
        && has_finite_verb(context, first..comma);
    whole_clause
        && cues_with_source_from(context, sentence, comma + 1).any(|end| {
            end + MIN_SPLICED_CLAIM_TOKENS <= sentence.end
                && tokens[end..end + MIN_SPLICED_CLAIM_TOKENS]
                    .iter()
                    .all(Token::is_word)
        })
}

/// Words that must follow a spliced source and cue ("39 have said they support").
const MIN_SPLICED_CLAIM_TOKENS: usize = 2;

/// The end of each cue, in order, whose source starts exactly at `from` (and runs
/// up to it): "three-quarters said" after "and", "she noted" after a comma.
fn cues_with_source_from<'c>(
    context: &'c Context,
    sentence: &Range<usize>,
    from: usize,
) -> impl Iterator<Item = usize> + 'c {
    let end = sentence.end;
    ((from + 1)..end.min(from + 1 + MAX_PHRASE_TOKENS)).filter_map(move |at| {
        let cue_end = context.cue_end_at(at, end)?;
        source_before(context, from, at)
            .is_some_and(|(_, first)| first == from)
            .then_some(cue_end)
    })
}

/// "and argued", "but also insisted": a conjunction, then (after auxiliaries) a cue.
fn coordinated_cue_at(context: &Context, sentence: &Range<usize>, index: usize) -> bool {
    let tokens = &context.segmented.tokens;
    if !context.is(&tokens[index], WordClass::Coordinator) {
        return false;
    }
    let mut next = index + 1;
    while next < sentence.end && is_aux_or_adverb(context, &tokens[next]) {
        next += 1;
    }
    next < sentence.end
        && !tokens[next].is_capitalized()
        && context.cue_end_at(next, sentence.end).is_some()
}

/// "The New York Times reported:" at the end of its paragraph.
fn colon_ends_block(tokens: &[Token], cue_end: usize, end: usize) -> bool {
    // "told reporters at the picket line:": a short phrase may come first.
    end == tokens.len()
        && end > cue_end
        && end - cue_end <= COLON_LOOKAHEAD
        && tokens[end - 1].is_punct(':')
        && tokens[cue_end..end - 1]
            .iter()
            .all(|token| token.is_word() || token.is_punct(','))
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::matcher::cases::{Case, check_cue_frame};

    /// Text → every `[source, cue, claim]` this frame finds in it, tried alone.
    #[rustfmt::skip]
    const CASES: &[Case] = &[
        // "As <source> <cue> <time or place>," opening the sentence: the clause after it is the claim.
        ("As the mayor said on Tuesday, the bridge, which is old, will reopen in May.", &[["the mayor", "said", "the bridge, which is old, will reopen in May"]]),
        ("But as Lee noted in her column, the plan was never funded.", &[["Lee", "noted", "the plan was never funded"]]),
        // Inside a sentence "as" makes no such aside, and this frame reads no claim there.
        ("Such rules, as the court said last year, are rare.", &[]),
        // A cue flagged `not-reflexive` is none before a reflexive pronoun.
        ("The bank found itself at the center of the crisis.", &[]),
        ("Obama found himself in an awkward position.", &[]),
        ("Politico found a strong appetite for change.", &[["Politico", "found", "a strong appetite for change"]]),
        // An adjective before its "that" clause is no passive (flag `adjective`).
        ("The Mexican government is worried that the rhetoric could hurt trade.", &[["The Mexican government", "worried", "that the rhetoric could hurt trade"]]),
        ("Her advisers are not convinced that the plan will work.", &[["Her advisers", "convinced", "that the plan will work"]]),
        // After "by", "after" or "while" the participle's subject is the sentence's,
        // adverbs between.
        ("The mayor fought the charge by arguing that he saw a threat.", &[["The mayor", "arguing", "that he saw a threat"]]),
        ("The mayor fought the charge while also arguing that he saw a threat.", &[["The mayor", "arguing", "that he saw a threat"]]),
        // An aspectual verb and "to" between source and cue.
        ("He continues to insist that he will fight on.", &[["He", "insist", "that he will fight on"]]),
        ("The senator began to argue that the bill was flawed.", &[["The senator", "argue", "that the bill was flawed"]]),
        ("Democratic voters were more likely to say that Lee shares their views.", &[["Democratic voters", "say", "that Lee shares their views"]]),
        ("The mayor is trying to argue that the deficit is small.", &[["The mayor", "argue", "that the deficit is small"]]),
        // A participle and a time after the source's noun ("released Sunday").
        ("A report published Wednesday said the minister used a personal email account.", &[["A report published Wednesday", "said", "the minister used a personal email account"]]),
        // A subject whose modifiers no source phrase spans: the sentence's subject,
        // when a preposition or participle opens what stands between it and the cue (#19).
        ("Large majorities of registered voters in four counties going to the polls on Super Tuesday said they back the ban.", &[["Large majorities of registered voters", "said", "they back the ban"]]),
        ("A survey of voters conducted in May by the university found that Lee was ahead.", &[["A survey of voters", "found", "that Lee was ahead"]]),
        ("Corvane raised its forecast for the full year.", &[]),
        // A restrictive relative clause before the cue belongs to its source, and the
        // claim of a cue inside it ends at that cue (#19).
        ("Hawkins and others who want to ban abortion said the ruling makes the choice stark.", &[["who", "want", "to ban abortion"], ["Hawkins and others who want to ban abortion", "said", "the ruling makes the choice stark"]]),
        ("The aide who wrote the speech delivered by the mother says he will not vote for Lee.", &[["who", "wrote", "the speech delivered by the mother"], ["The aide who wrote the speech delivered by the mother", "says", "he will not vote for Lee"]]),
        // A quantifier opening its clause, then a place: "Some in the crowd".
        ("Some in the crowd said the senator was the only candidate they trusted.", &[["Some in the crowd", "said", "the senator was the only candidate they trusted"]]),
        ("In the crowd, some said it was over.", &[["some", "said", "it was over"]]),
        // A "that" further on when a prepositional phrase follows the cue (#19).
        ("Fiorina declared in a heated argument with Keyworth that any new deal would need scrutiny.", &[["Fiorina", "declared", "that any new deal would need scrutiny"]]),
        // "to" before a bare verb opens an infinitive claim for any cue; before a
        // noun phrase it is a preposition (#19).
        ("Trump and Ryan pledged to work together.", &[["Trump and Ryan", "pledged", "to work together"]]),
        ("Topsec had not responded to Trump.", &[]),
        // An ampersand inside a name, glued or between capitalized words.
        ("AT&T said the merger was off.", &[["AT&T", "said", "the merger was off"]]),
        ("A Johnson & Johnson spokesman said the recall was voluntary.", &[["A Johnson & Johnson spokesman", "said", "the recall was voluntary"]]),
        // Initials joined by periods are one name, their last period no sentence end.
        ("The F.B.I. has said it had no record of the meeting.", &[["The F.B.I.", "said", "it had no record of the meeting"]]),
        ("Two C.I.A. officials said the cable was real.", &[["Two C.I.A. officials", "said", "the cable was real"]]),
        // A publication as addressee is a relay.
        ("Some intelligence officials told Foreign Policy that 30 was a low estimate.", &[["Some intelligence officials via Foreign Policy", "told", "that 30 was a low estimate"]]),
        ("Sen. John Cornyn (R-Texas) told reporters that the vote would slip.", &[["Sen. John Cornyn (R-Texas)", "told", "that the vote would slip"]]),
        // A relative clause with an auxiliary before its predicate belongs to the source (#19).
        ("A clerk with the registry who was present at the hearing told reporters the judge left early.", &[["A clerk with the registry who was present at the hearing", "told", "the judge left early"]]),
        ("Supporters who have heard directly from the campaign say the plan works.", &[["Supporters who have heard directly from the campaign", "say", "the plan works"]]),
        // The writer's concession after a comma is not the claim (#19).
        ("The audit revealed the fund was short, though it is unclear why and the treasurer denies any fault.", &[["The audit", "revealed", "the fund was short"], ["the treasurer", "denies", "any fault"]]),
        // A progressive cue is no passive (#19).
        ("The mayor is saying the budget is balanced.", &[["The mayor", "saying", "the budget is balanced"]]),
        // A suffix's period ends the name before its cue; an aside between dashes
        // stands between a source and its cue, and a relative one belongs to it (#19).
        ("Joseph Biden Jr. said the remarks had made him a danger.", &[["Joseph Biden Jr.", "said", "the remarks had made him a danger"]]),
        ("The justice — who has been in a scuffle — said she regretted her remarks.", &[["The justice — who has been in a scuffle", "said", "she regretted her remarks"]]),
        ("The justice -- who has been in a scuffle -- said she regretted her remarks.", &[["The justice -- who has been in a scuffle", "said", "she regretted her remarks"]]),
        ("Murphy — after a pause — told me he had a tragedy-free life.", &[["Murphy", "told", "he had a tragedy-free life"]]),
        ("Some economists - including a minority of the committee - warn that the bank could undermine growth.", &[["Some economists", "warn", "that the bank could undermine growth"]]),
        ("Critics have been arguing for months that the toll is unfair.", &[["Critics", "arguing", "that the toll is unfair"]]),
        ("A diplomatic cable released on Wednesday showed that Intel threatened to lay off engineers.", &[["A diplomatic cable released on Wednesday", "showed", "that Intel threatened to lay off engineers"]]),
        ("The cable read that the deal was done.", &[["The cable", "read", "that the deal was done"]]),
        ("The campaign declined to comment on the report.", &[["The campaign", "declined", "to comment on the report"]]),
        // Why a source is not named is no claim: the anonymity marker qualifies the
        // claim its source makes.
        ("A senior official, who asked not to be named, said the plan failed.", &[["A senior official, who asked not to be named", "said", "the plan failed"]]),
        ("The U.S. Army said it was ready.", &[["The U.S. Army", "said", "it was ready"]]),
        ("A spokesman for the ministry said the plan failed.", &[["A spokesman for the ministry", "said", "the plan failed"]]),
        ("Hamadoun Toure, the UN agency's secretary-general, said the plan failed.", &[["Hamadoun Toure, the UN agency's secretary-general", "said", "the plan failed"]]),
        ("Prices rose because officials have repeatedly said the plan worked.", &[["officials", "said", "the plan worked"]]),
        ("Officials said on Monday that the plan failed.", &[["Officials", "said", "that the plan failed"]]),
        ("Trump wrote on Facebook: “The plan failed.”", &[["Trump", "wrote", "“The plan failed.”"]]),
        // Single quotation marks as double ones; apostrophes in names and words.
        ("Trump wrote on Facebook: ‘The plan failed.’", &[["Trump", "wrote", "‘The plan failed.’"]]),
        // A short phrase after the cue, then a colon and the quotation.
        ("Smith put it this way: \"We got lucky.\"", &[["Smith", "put it", "\"We got lucky.\""]]),
        ("The mayor told reporters on Monday: ‘We will rebuild.’", &[["The mayor", "told", "‘We will rebuild.’"]]),
        ("Mr O'Connell added: 'I don't blame the lads who were building it.'", &[["Mr O'Connell", "added", "'I don't blame the lads who were building it.'"]]),
        ("Councillor Declan O’Neill said residents had been ‘left high and dry’.", &[["Councillor Declan O’Neill", "said", "residents had been ‘left high and dry’"]]),
        ("He said yes.", &[["He", "said", "yes"]]),
        // The subject of an absolute participle clause; a coordinated cue is
        // coordinated.rs's.
        ("McConnell embraced the mogul and said he would back him.", &[]),
        ("Trump won, with 22 percent saying they would vote for him.", &[["22 percent", "saying", "they would vote for him"]]),
        // The claim ends at a subordinate clause's comma, before the next attribution,
        // at a second verb of saying, at the dash that closes a parenthetical.
        ("While Ramos said that taxes would rise, he appears calm.", &[["Ramos", "said", "that taxes would rise"]]),
        ("Cruz said that Trump represents \"New York values,\" adding that the rest is noise.", &[["Cruz", "said", "that Trump represents \"New York values,\""]]),
        // A source and cue that close the sentence report what is before them, the
        // verb inside it with it (#19).
        ("Social media has added another link to the chain, she noted.", &[]),
        ("Despite the doubts he sometimes feels, Okafor said the club would stay.", &[["Okafor", "said", "the club would stay"]]),
        ("Clinton vowed to keep abortion legal and celebrated the ruling on Monday.", &[["Clinton", "vowed", "to keep abortion legal"]]),
        ("Officials said the plan failed and collapsed.", &[["Officials", "said", "the plan failed and collapsed"]]),
        ("Officials said the plan failed, and three-quarters said it was costly.", &[["Officials", "said", "the plan failed"], ["three-quarters", "said", "it was costly"]]),
        // A relative clause's one-word claim ends at its comma; ", while" ends a claim.
        ("Bernie Sanders, who on Tuesday endorsed Clinton, said Wednesday he agrees.", &[["who", "endorsed", "Clinton"], ["Bernie Sanders, who on Tuesday endorsed Clinton", "said", "he agrees"]]),
        ("Half of voters say they prefer an outsider, while 4 in 10 want a governor with experience.", &[["Half of voters", "say", "they prefer an outsider"], ["4 in 10", "want", "a governor with experience"]]),
        // A comma splice: a whole clause, then a source and cue with a claim of their own.
        ("Most delegates have said they voted for Lee, 39 have said they voted for Ortiz.", &[["Most delegates", "said", "they voted for Lee"], ["39", "said", "they voted for Ortiz"]]),
        // A fronted clause or adjunct before the comma is part of the claim.
        ("Officials said that if the state held up the deal, the company would close its mines.", &[["Officials", "said", "that if the state held up the deal, the company would close its mines"]]),
        ("The report said that the plan failed and argued that costs rose.", &[["The report", "said", "that the plan failed"]]),
        ("XFocus — a group the US believes was involved — had links to the army.", &[["the US", "believes", "was involved"]]),
        ("The union released a report, which charged that the company had lied.", &[["which", "charged", "that the company had lied"]]),
        ("Graham, who says the allies should send troops, tweeted a map.", &[["who", "says", "the allies should send troops"], ["Graham, who says the allies should send troops", "tweeted", "a map"]]),
        // "X reported:" at the end of its paragraph: the claim is the next one.
        ("The New York Times reported:", &[["The New York Times", "reported", "<next block>"]]),
        ("Its leader, Tomas Revic, told reporters at the picket line:", &[["Its leader, Tomas Revic", "told", "<next block>"]]),
        ("Smith said: the plan failed.", &[["Smith", "said", "the plan failed"]]),
        // A belief cue wants a party that can hold a view.
        ("Voters believe the plan failed.", &[["Voters", "believe", "the plan failed"]]),
        ("The data think the plan failed.", &[]),
        // A document cue wants a document.
        ("The committee read the bill twice before the vote.", &[]),
        // A passive, a question, a naming participle.
        ("Jokes are told about the plan.", &[]),
        ("Asked if he believed the plan failed, Smith left.", &[]),
        ("A group called Citizens for Trump met on Monday.", &[]),
        // One bare word after the cue is its object; a bare preposition phrase no claim.
        ("Officials identified people.", &[]),
        ("Topsec had not responded to a request for comment.", &[]),
    ];

    #[test]
    fn case_table() {
        check_cue_frame(parse, CASES);
    }
}
