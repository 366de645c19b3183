//! Who speaks in an interview transcript: an answer's label stands for its speaker,
//! "A" for the interviewee the introduction names ("Marisol Vega, the city's housing
//! commissioner, spoke to us …"), "WRONA" for the full name the text gives
//! elsewhere ("Dr. Tomasz Wrona"); and "I" in an answer is its speaker too. The
//! label stays the source's mention, its speaker's name goes to `name`, as a
//! pronoun's antecedent does.

use std::cell::OnceCell;
use std::collections::HashMap;

use super::resolve::Mentions;
use crate::grammar::{Grammar, WordClass};
use crate::ingest::{Role, Speaker, Turn};
use crate::link::Digest;
use crate::model::{Source, SourceType};
use crate::span::Span;

/// The speakers of a section's transcript, each worked out from its names when an
/// answer first asks: a long document's section names hundreds of people, and
/// typing them all cost more than the rest of assessing its answers.
pub struct Speakers<'a> {
    text: &'a str,
    blocks: &'a [Digest],
    grammar: &'a Grammar,
    /// The person the introduction names first, but for the interviewer: whom "A:"
    /// stands for.
    interviewee: OnceCell<Option<String>>,
    /// Full names of people by their last word in lowercase, the first the text
    /// gives: "wrona" → "Tomasz Wrona".
    by_last_word: OnceCell<HashMap<String, String>>,
}

impl<'a> Speakers<'a> {
    /// The speakers of the section of `text` whose blocks are `blocks`.
    pub fn new(text: &'a str, blocks: &'a [Digest], grammar: &'a Grammar) -> Self {
        Speakers {
            text,
            blocks,
            grammar,
            interviewee: OnceCell::new(),
            by_last_word: OnceCell::new(),
        }
    }

    /// The source at `mention` (an answer's label, or "I" in an answer) when the
    /// speaker of `turn` says it; `mentions` types the section's names.
    pub fn source(&self, mentions: &Mentions, mention: Span, turn: Turn) -> Source {
        let (source_type, name) = match turn.speaker {
            // An interviewee nobody names is as anonymous as "a senior official".
            Speaker::Interviewee => match self.interviewee(mentions) {
                Some(name) => (SourceType::Person, Some(name.clone())),
                None => (SourceType::Anonymous, None),
            },
            Speaker::Named => {
                let label = turn.label.slice(self.text);
                let last = label
                    .split_whitespace()
                    .last()
                    .unwrap_or(label)
                    .trim_end_matches('.');
                let full = self
                    .by_last_word(mentions)
                    .get(&last.to_lowercase())
                    .cloned();
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

    /// The interviewee: the first person the introduction names in full.
    fn interviewee(&self, mentions: &Mentions) -> &Option<String> {
        self.interviewee.get_or_init(|| {
            let first_turn = self
                .blocks
                .iter()
                .position(|block| matches!(block.role, Role::Question | Role::Answer(_)))
                .unwrap_or(self.blocks.len());
            // The introduction's own paragraphs first: a headline may put a role
            // before the name ("Hydrologist Amara Felsted on …").
            let intro = &self.blocks[..first_turn];
            intro
                .iter()
                .filter(|block| block.role != Role::Title)
                .chain(intro.iter().filter(|block| block.role == Role::Title))
                .flat_map(|block| block.names.iter().copied())
                .filter(|&span| !after_interviewer_role(self.text, span, self.grammar))
                .find_map(|span| person(mentions, span))
        })
    }

    /// The full names of the section's people by their last word.
    fn by_last_word(&self, mentions: &Mentions) -> &HashMap<String, String> {
        self.by_last_word.get_or_init(|| {
            let mut by_last_word = HashMap::new();
            let names = self.blocks.iter().flat_map(|block| block.names.iter());
            for &span in names {
                if let Some(name) = person(mentions, span)
                    && let Some((_, last)) = name.rsplit_once(' ')
                {
                    by_last_word
                        .entry(last.to_lowercase())
                        .or_insert_with(|| name.clone());
                }
            }
            by_last_word
        })
    }
}

/// The name at `span` when it is a person's full name: an introduction names its
/// interviewee so, and a lone capitalised word ("the Port of Harwick") is no one's
/// name.
fn person(mentions: &Mentions, span: Span) -> Option<String> {
    match mentions.type_and_name(span) {
        (SourceType::Person, name) if name.contains(' ') => Some(name.to_string()),
        _ => None,
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
        .lexemes
        .caseless(source.slice(text))
        .is(WordClass::RefersSpeaker)
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
