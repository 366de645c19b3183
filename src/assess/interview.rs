//! Who speaks in an interview transcript: an answer's label stands for its speaker,
//! "A" for the interviewee the introduction names ("Marisol Vega, the city's housing
//! commissioner, spoke to us …"), "WRONA" for the full name the text gives
//! elsewhere ("Dr. Tomasz Wrona"); and "I" in an answer is its speaker too. The
//! label stays the source's mention, its speaker's name goes to `name`, as a
//! pronoun's antecedent does.

use std::collections::HashMap;

use super::resolve::Mentions;
use crate::grammar::{Grammar, WordClass};
use crate::ingest::{Role, Speaker, Turn};
use crate::link::Digest;
use crate::model::{Source, SourceType};
use crate::span::Span;

/// The speakers of a section's transcript, worked out from its names once.
#[derive(Debug, Default)]
pub struct Speakers {
    /// The person the introduction names first, but for the interviewer: whom "A:"
    /// stands for.
    interviewee: Option<String>,
    /// Full names of people by their last word in lowercase, the first the text
    /// gives: "wrona" → "Tomasz Wrona".
    by_last_word: HashMap<String, String>,
}

impl Speakers {
    /// The speakers of the section whose blocks are `blocks`.
    pub fn new(text: &str, blocks: &[Digest], mentions: &Mentions, grammar: &Grammar) -> Self {
        let first_turn = blocks
            .iter()
            .position(|block| matches!(block.role, Role::Question | Role::Answer(_)))
            .unwrap_or(blocks.len());
        // A person by their full name: an introduction names its interviewee so, and
        // a lone capitalised word ("the Port of Harwick") is no one's name.
        let person = |span: Span| match mentions.type_and_name(span) {
            (SourceType::Person, name) if name.contains(' ') => Some(name),
            _ => None,
        };
        // The introduction's own paragraphs first: a headline may put a role before
        // the name ("Hydrologist Amara Felsted on …").
        let intro = &blocks[..first_turn];
        let interviewee = intro
            .iter()
            .filter(|block| block.role != Role::Title)
            .chain(intro.iter().filter(|block| block.role == Role::Title))
            .flat_map(|block| block.names.iter().copied())
            .filter(|&span| !after_interviewer_role(text, span, grammar))
            .find_map(person);
        let mut by_last_word = HashMap::new();
        for span in blocks.iter().flat_map(|block| block.names.iter().copied()) {
            if let Some(name) = person(span)
                && let Some((_, last)) = name.rsplit_once(' ')
            {
                by_last_word
                    .entry(last.to_lowercase())
                    .or_insert_with(|| name.clone());
            }
        }
        Speakers {
            interviewee,
            by_last_word,
        }
    }

    /// The source at `mention` (an answer's label, or "I" in an answer) when the
    /// speaker of `turn` says it.
    pub fn source(&self, text: &str, mention: Span, turn: Turn) -> Source {
        let (source_type, name) = match turn.speaker {
            // An interviewee nobody names is as anonymous as "a senior official".
            Speaker::Interviewee => match &self.interviewee {
                Some(name) => (SourceType::Person, Some(name.clone())),
                None => (SourceType::Anonymous, None),
            },
            Speaker::Named => {
                let label = turn.label.slice(text);
                let last = label
                    .split_whitespace()
                    .last()
                    .unwrap_or(label)
                    .trim_end_matches('.');
                let full = self.by_last_word.get(&last.to_lowercase()).cloned();
                (SourceType::Person, full.filter(|full| full != label))
            }
        };
        Source {
            span: mention,
            source_type,
            name,
            via: Vec::new(),
        }
    }
}

/// The turn `source` answers in, when it is "I" inside an interview's answer.
pub fn first_person_turn(
    text: &str,
    source: Span,
    blocks: &[Digest],
    grammar: &Grammar,
) -> Option<Turn> {
    let block = blocks.get(blocks.partition_point(|block| block.span.end <= source.start))?;
    let Role::Answer(turn) = block.role else {
        return None;
    };
    grammar
        .is(&source.slice(text).to_lowercase(), WordClass::RefersSpeaker)
        .then_some(turn)
}

/// True when the word right before `name` makes it the interviewer's: "our reporter
/// Ellen Marsh".
fn after_interviewer_role(text: &str, name: Span, grammar: &Grammar) -> bool {
    text[..name.start]
        .split_whitespace()
        .last()
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .is_some_and(|word| grammar.is(&word, WordClass::InterviewerRole))
}
