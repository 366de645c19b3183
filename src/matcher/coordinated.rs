//! "Scott blasted Congress and said the state …", "acquiesced to the demand and
//! offered to debate": a cue after a coordinator, its source the subject of the verb
//! before it: the speaker found earlier in the sentence, else the sentence's subject.
//! An index walk over the sentence's tokens.

use super::claim::{claim_after, claim_start};
use super::cue_site::CueSite;
use super::source_first::claim_end;
use super::subject::{is_aux_or_adverb, sentence_subject};
use super::{Context, Found, Frame};
use crate::grammar::{WordClass, WordRole};
use crate::segment::Token;
use crate::segment::token::first_token_from;

/// Parses the frame at the site's cue.
pub fn parse(context: &Context, site: &CueSite) -> Option<Found> {
    let tokens = &context.segmented.tokens;
    let sentence = &site.sentence;
    let cue = site.cue_with_source()?;
    // "and repeatedly reminded", "and has said", "and on Monday announced": the
    // verb's own auxiliaries, adverbs and time.
    let in_verb_group = |token: &Token| {
        is_aux_or_adverb(context, token)
            || context.is_role(token, WordRole::Time)
            || context.is(token, WordClass::TimeQualifier)
    };
    let mut before = site.at;
    while before > sentence.start && in_verb_group(&tokens[before - 1]) {
        before -= 1;
    }
    let coordinator = before.checked_sub(1).filter(|&at| at > sentence.start)?;
    if !context.is(&tokens[coordinator], WordClass::Coordinator) {
        return None;
    }
    let speaker = site
        .previous
        .filter(|hit| hit.covered.end <= coordinator)
        .and_then(|hit| hit.source.clone());
    // "Beck, who supported Cruz and opposed Trump, said …": verbs joined inside a
    // relative clause are the source's description, not its words.
    let in_relative = || {
        tokens[sentence.start..coordinator]
            .iter()
            .any(|token| context.is(token, WordClass::SubjectRelative))
    };
    let source = match speaker {
        Some(source) => source,
        None if in_relative() => return None,
        None => sentence_subject(context, sentence.clone(), coordinator)?,
    };
    let source_start = first_token_from(tokens, source.span.start);
    let end = claim_end(context, sentence, source_start, cue.end);
    let start = claim_start(context, cue.end, end, cue.flags)?;
    let claim = claim_after(context, start, end)?;
    Some(Found::new(
        Frame::Coordinated,
        claim,
        cue.span,
        Some(source),
        site.at..end.max(cue.end),
    ))
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::matcher::FRAMES;
    use crate::matcher::cases::{Case, check, check_cue_frame};

    /// Text → every `[source, cue, claim]` this frame finds in it, tried alone: the
    /// source is the sentence's subject.
    #[rustfmt::skip]
    const CASES: &[Case] = &[
        ("The mayor toured the site and said the bridge would reopen in May.", &[["The mayor", "said", "the bridge would reopen in May"]]),
        ("After the vote, the senator thanked her staff and repeatedly warned that the fight was not over.", &[["the senator", "warned", "that the fight was not over"]]),
        ("The governor freed up state funds and on Monday announced that more money was coming.", &[["The governor", "announced", "that more money was coming"]]),
        // Verbs joined inside a relative clause describe the source.
        ("Beck, who backed Cruz and said Trump would lose, spoke on Friday.", &[]),
        // Joined subjects are no coordinated verb.
        ("Smith and Jones said the deal was done.", &[]),
        // No subject that names a source.
        ("In the end the plan failed badly and officials said costs rose.", &[]),
    ];

    /// Text → what every frame finds, in order: the speaker of the first verb speaks on,
    /// and the first claim ends where the second verb joins.
    #[rustfmt::skip]
    const AFTER_A_SPEAKER: &[Case] = &[
        ("McConnell embraced the mogul and said he would back him.", &[["McConnell", "said", "he would back him"]]),
        ("The report said that the plan failed and argued that costs rose.", &[["The report", "said", "that the plan failed"], ["The report", "argued", "that costs rose"]]),
        ("The clerk said the files were copied and Gates said he saw them.", &[["The clerk", "said", "the files were copied"], ["Gates", "said", "he saw them"]]),
        ("Governor Ann Roy criticized the budget cuts and said the state would pay for the repairs.", &[["Governor Ann Roy", "criticized", "the budget cuts"], ["Governor Ann Roy", "said", "the state would pay for the repairs"]]),
        ("In a statement, Governor Ann Roy blasted Congress and said the state would pay.", &[["Governor Ann Roy", "blasted", "Congress"], ["Governor Ann Roy", "said", "the state would pay"]]),
        ("Beck, who praised the plan and said Trump would lose, told reporters he was wrong.", &[["who", "praised", "the plan"], ["who", "said", "Trump would lose"], ["Beck, who praised the plan and said Trump would lose", "told", "he was wrong"]]),
    ];

    #[test]
    fn case_table() {
        check_cue_frame(parse, CASES);
        check(&FRAMES, crate::ingest::Role::Body, AFTER_A_SPEAKER);
    }
}
