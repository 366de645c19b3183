//! ", saying …", ", adding that …": a participle cue after a comma, whose source is
//! the speaker already found in the sentence ("…, officials said, adding …"), else
//! the sentence's subject ("Carly Fiorina threw her support behind Cruz, saying …").
//! An index walk over the sentence's tokens.

use super::claim::{claim_after, claim_start};
use super::cue_site::CueSite;
use super::subject::sentence_subject;
use super::{Context, Found, Frame};

/// Parses the frame at the site's participle cue.
pub fn parse(context: &Context, site: &CueSite) -> Option<Found> {
    let tokens = &context.segmented.tokens;
    let (sentence, at) = (&site.sentence, site.at);
    let participle = &tokens[at];
    if !participle.lower.ends_with("ing") || at == sentence.start || !tokens[at - 1].is_punct(',') {
        return None;
    }
    let cue = site.cue.as_ref()?;
    let source = match site.previous.and_then(|hit| hit.source.clone()) {
        Some(source) => source,
        None => sentence_subject(context, sentence.clone(), at)?,
    };
    let start = claim_start(context, cue.end, sentence.end, cue.flags)?;
    let claim = claim_after(context.segmented, start, sentence.end)?;
    Some(Found::new(
        Frame::Participle,
        claim,
        cue.span,
        Some(source),
        at..sentence.end,
    ))
}
