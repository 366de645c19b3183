//! Interview transcripts. A turn is a paragraph headed by a label and its mark:
//! "Q:" and "A:" (also "Q." and "A.", "Question:", "Answer:", "Interviewer:": the
//! `question-label` and `answer-label` words of word_classes.txt) or a speaker's name
//! ("WRONA:", "Jane Doe:"), and the paragraphs after it up to the next label, but
//! no further than [`MAX_TURN_BYTES`] past its own. An exchange is a run of turns,
//! each label within that reach of the last; an exchange is a transcript when it
//! holds a question turn and an answer turn. A named speaker counts when their label
//! heads two turns or more of the exchange: one whose turns end in a question mark
//! at least half the time asks, any other answers (once the exchange is a
//! transcript, a name that heads one turn answers too: a clip played in the
//! interview). So a Q&A line in an article, a list of "Clinton: 547." or a headline's
//! "Sanders: …" stays as it was, and so does the text far from any label: articles
//! joined into one file are not one interview because two of them hold one.
//!
//! A question is nobody's claim ([`Role::Question`]); an answer is the claim of the
//! interviewee ([`Role::Answer`], with its label as the mention of its speaker and
//! its mark as the cue). Labels are taken off their blocks; a stage direction in a
//! transcript ("(LAUGHTER)", "\[CROSSTALK\]") is nobody's words.

use std::collections::HashMap;

use super::block::{Block, Role, Speaker, Turn};
use crate::grammar::{Grammar, WordClass};
use crate::span::Span;

/// Most words of a speaker's name in a label: "JAKE TAPPER:", "Dr. Jane Doe:".
const MAX_LABEL_WORDS: usize = 3;

/// How far into its block a label's colon may stand.
const MAX_LABEL_BYTES: usize = 40;

/// How far past its label, in bytes, a turn may run: a speaker's paragraphs follow
/// their label closely (the longest turn of the PolNeAR and style-set transcripts is
/// 1.5 KB), and text that runs on further with no label is no longer the interview.
/// Unbounded, one transcript among articles joined into one file made most of the
/// paragraphs after it, hundreds of KB, its answers.
pub const MAX_TURN_BYTES: usize = 8 * 1024;

/// What a label says of its turn.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Says {
    /// "Q:", "Question:", "Interviewer:"
    Asks,
    /// "A:", "Answer:"
    Answers,
    /// A speaker's name, by its last word in lowercase ("tapper" for "JAKE TAPPER").
    Name(String),
}

/// A block's label.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Label {
    words: Span,
    mark: Span,
    /// Where the turn's text starts.
    text_start: usize,
    says: Says,
}

/// Marks the turns of interview transcripts: questions, and answers with their
/// labels, each block without its label. Leaves any other text as it is.
pub fn mark_turns(text: &str, blocks: &mut [Block], grammar: &Grammar) {
    let labels: Vec<(usize, Label)> = blocks
        .iter()
        .enumerate()
        .filter(|(_, block)| block.role == Role::Body)
        .filter_map(|(index, block)| label(text, block.span, grammar).map(|label| (index, label)))
        .collect();
    for exchange in labels.chunk_by(|(_, before), (_, label)| {
        label.words.start - before.words.start <= MAX_TURN_BYTES
    }) {
        mark_exchange(text, blocks, exchange);
    }
}

/// Marks the turns of one exchange (see the module's documentation), `labels` in
/// text order, when it is a transcript.
fn mark_exchange(text: &str, blocks: &mut [Block], labels: &[(usize, Label)]) {
    let [_, .., (last_index, last)] = labels else {
        return;
    };
    // Each turn runs from its label's block to the next label's; the last, to the
    // first block that starts out of its label's reach.
    let reach = last.words.start + MAX_TURN_BYTES;
    let last_end = blocks[*last_index..]
        .iter()
        .position(|block| block.span.start > reach)
        .map_or(blocks.len(), |after| last_index + after);
    let ends: Vec<usize> = labels
        .iter()
        .skip(1)
        .map(|(index, _)| *index)
        .chain([last_end])
        .collect();
    let mut speakers: HashMap<&str, (usize, usize)> = HashMap::new();
    for ((index, label), &end) in labels.iter().zip(&ends) {
        if let Says::Name(name) = &label.says {
            let asks = ends_in_question(text, &blocks[*index..end]);
            let (turns, asked) = speakers.entry(name).or_default();
            *turns += 1;
            *asked += usize::from(asks);
        }
    }
    // Some(true): the turn asks; Some(false): it answers; None: a name heard once,
    // which answers in a transcript.
    let asks = |says: &Says| match says {
        Says::Asks => Some(true),
        Says::Answers => Some(false),
        Says::Name(name) => match speakers.get(name.as_str()) {
            Some(&(turns, asked)) if turns >= 2 => Some(2 * asked >= turns),
            _ => None,
        },
    };
    let has = |want: bool| {
        labels
            .iter()
            .any(|(_, label)| asks(&label.says) == Some(want))
    };
    if !(has(true) && has(false)) {
        return;
    }
    let roles: Vec<Role> = labels
        .iter()
        .map(|(_, label)| match (asks(&label.says), &label.says) {
            (Some(true), _) => Role::Question,
            (_, Says::Answers) => Role::Answer(Turn {
                label: label.words,
                mark: label.mark,
                speaker: Speaker::Interviewee,
            }),
            _ => Role::Answer(Turn {
                label: label.words,
                mark: label.mark,
                speaker: Speaker::Named,
            }),
        })
        .collect();
    for (((index, label), &end), role) in labels.iter().zip(&ends).zip(roles) {
        blocks[*index].span.start = label.text_start;
        for block in &mut blocks[*index..end] {
            if block.role != Role::Body {
                continue;
            }
            block.role = if is_stage_direction(block.span.slice(text)) {
                Role::Boilerplate
            } else {
                role
            };
        }
    }
}

/// The label that heads `block`, if one does: "Q." or "A.", or a capitalised word
/// or name (up to three words) and a colon; then a space and the turn's text.
fn label(text: &str, block: Span, grammar: &Grammar) -> Option<Label> {
    let line = block.slice(text);
    let bytes = line.as_bytes();
    // "Q." and "A.": a single letter's period, not a name's ("A. Smith said").
    let letter_period = (bytes.len() > 2 && bytes[0].is_ascii_uppercase() && bytes[1] == b'.')
        .then_some((1, false));
    // Asked of every paragraph: memchr, not a byte loop.
    let colon =
        memchr::memchr(b':', &bytes[..bytes.len().min(MAX_LABEL_BYTES)]).map(|at| (at, true));
    let (mark_at, says) =
        [letter_period, colon]
            .into_iter()
            .flatten()
            .find_map(|(at, by_colon)| {
                says(&line[..at], &line[at + 1..], by_colon, grammar).map(|says| (at, says))
            })?;
    let rest = line[mark_at + 1..].trim_start();
    let end = block.start + mark_at;
    Some(Label {
        words: Span::new(block.start, end),
        mark: Span::new(end, end + 1),
        text_start: block.end - rest.len(),
        says,
    })
}

/// What the label `words` says of its turn, when they are a label: its mark (a
/// colon, else a single letter's period) is followed by a space and text.
fn says(words: &str, after: &str, by_colon: bool, grammar: &Grammar) -> Option<Says> {
    let count = words.split_whitespace().count();
    let well_formed = (1..=MAX_LABEL_WORDS).contains(&count)
        && words.trim_end() == words
        && words.split_whitespace().all(is_name_word)
        && after.starts_with(char::is_whitespace)
        && after.contains(char::is_alphabetic);
    if !well_formed {
        return None;
    }
    let is = |word: &str, class| grammar.is(&word.trim_end_matches('.').to_lowercase(), class);
    let last = words.split_whitespace().last()?;
    if count == 1 && is(last, WordClass::QuestionLabel) {
        Some(Says::Asks)
    } else if count == 1 && is(last, WordClass::AnswerLabel) {
        Some(Says::Answers)
    } else if by_colon
        && !words
            .split_whitespace()
            .any(|word| is_no_speaker(word, grammar))
    {
        Some(Says::Name(last.trim_end_matches('.').to_lowercase()))
    } else {
        None
    }
}

/// A word a speaker's name may hold: capitalised, letters and the marks of names
/// ("O'Neill", "Jean-Luc", "Dr.").
fn is_name_word(word: &str) -> bool {
    word.starts_with(|c: char| c.is_uppercase())
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
}

/// A word that makes a label a section's or a caption's rather than a speaker's
/// ("Editor's Note:", "UPDATE:", "Photo:"), or a function word ("But:").
fn is_no_speaker(word: &str, grammar: &Grammar) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    grammar.word_role(&lower).is_some()
        || [
            WordClass::SectionLabel,
            WordClass::CaptionLabel,
            WordClass::CorrectionLabel,
        ]
        .into_iter()
        .any(|class| grammar.is(&lower, class))
}

/// True when the last body block of a turn ends in a question mark (before any
/// closing quotation mark or bracket).
fn ends_in_question(text: &str, turn: &[Block]) -> bool {
    turn.iter()
        .rev()
        .find(|block| block.role == Role::Body)
        .is_some_and(|block| {
            block
                .span
                .slice(text)
                .trim_end()
                .trim_end_matches(['"', '”', '’', '\'', ')', ']'])
                .ends_with('?')
        })
}

/// "(LAUGHTER)", "\[CROSSTALK\]", "(BEGIN VIDEO CLIP)": a paragraph in brackets.
fn is_stage_direction(block: &str) -> bool {
    let block = block.trim();
    (block.starts_with('(') && block.ends_with(')'))
        || (block.starts_with('[') && block.ends_with(']'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::layout::layout;

    /// Each block of `text` as it reads, with its role: "title", "body", "-" (any
    /// other non-prose role), "Q" (a question), or "A <label> <interviewee|named>".
    fn turns(text: &str) -> Vec<String> {
        let grammar = Grammar::built_in().expect("the built-in grammar loads");
        layout(text, &grammar)
            .into_iter()
            .map(|block| {
                let role = match block.role {
                    Role::Title => "title".to_string(),
                    Role::Body => "body".to_string(),
                    Role::Question => "Q".to_string(),
                    Role::Answer(turn) => format!(
                        "A {} {}",
                        turn.label.slice(text),
                        match turn.speaker {
                            Speaker::Interviewee => "interviewee",
                            Speaker::Named => "named",
                        }
                    ),
                    _ => "-".to_string(),
                };
                format!("{role}: {}", block.span.slice(text))
            })
            .collect()
    }

    /// A text (paragraphs between blank lines) → its blocks (see [`turns`]).
    #[rustfmt::skip]
    const CASES: &[(&str, &[&str])] = &[
        // "Q:" and "A:" after an introduction; the labels come off.
        ("Head\n\nAna Ruiz spoke to us.\n\nQ: Why now?\n\nA: The money came in.",
         &["title: Head", "body: Ana Ruiz spoke to us.", "Q: Why now?", "A A interviewee: The money came in."]),
        // "Q." and "A.", "Question:" and "Answer:"; an answer goes on in the paragraphs
        // after it, up to the next label; a stage direction is nobody's.
        ("Head\n\nQ. Why now?\n\nA. The money came in.\n\n(LAUGHTER)\n\nIt took years.\n\nQuestion: And next?\n\nAnswer: A new lab.",
         &["title: Head", "Q: Why now?", "A A interviewee: The money came in.", "-: (LAUGHTER)", "A A interviewee: It took years.", "Q: And next?", "A Answer interviewee: A new lab."]),
        // Names: the speaker whose turns end in a question mark asks (half of them
        // is enough); the other answers; "Interviewer:" always asks.
        ("Head\n\nMARSH: When did it start?\n\nWRONA: In 2017.\n\nMARSH: Critics say it costs too much.\n\nWRONA: It costs less than a ship.\n\nInterviewer: What next?\n\nDr. Wrona: A second lab.",
         &["title: Head", "Q: When did it start?", "A WRONA named: In 2017.", "Q: Critics say it costs too much.", "A WRONA named: It costs less than a ship.", "Q: What next?", "A Dr. Wrona named: A second lab."]),
        // In a transcript, a name heard once answers (a clip played on air).
        ("Head\n\nJAKE TAPPER: Take a listen.\n\nTRUMP: Divisions have gotten worse.\n\nTAPPER: Do you agree?\n\nFALLIN: I think he is right.\n\nTAPPER: Why?\n\nFALLIN: People are scared.",
         &["title: Head", "Q: Take a listen.", "A TRUMP named: Divisions have gotten worse.", "Q: Do you agree?", "A FALLIN named: I think he is right.", "Q: Why?", "A FALLIN named: People are scared."]),
        // Not transcripts: a lone "Q:" line, a label inside a paragraph, a list of
        // tallies, names that never ask, a headline-style line, section labels, initials.
        ("Head\n\nQ: What did you see?\n\nThe mayor left.",
         &["title: Head", "body: Q: What did you see?", "body: The mayor left."]),
        ("Head\n\nHe said: Q: Why? A: Because.",
         &["title: Head", "body: He said: Q: Why? A: Because."]),
        ("Head\n\nClinton: 547.\n\nSanders: 46.\n\nClinton: 2,316.\n\nSanders: 1,547.",
         &["title: Head", "body: Clinton: 547.", "body: Sanders: 46.", "body: Clinton: 2,316.", "body: Sanders: 1,547."]),
        ("Head\n\nSMITH: We won.\n\nJONES: We lost.\n\nSMITH: We won again.\n\nJONES: We lost again.",
         &["title: Head", "body: SMITH: We won.", "body: JONES: We lost.", "body: SMITH: We won again.", "body: JONES: We lost again."]),
        ("Head\n\nSanders: Brexit's message could draw Trump support.\n\nUPDATE: Who knew?\n\nPhoto: Why?\n\nA. Smith said the plan failed.",
         &["title: Head", "body: Sanders: Brexit's message could draw Trump support.", "body: Who knew?", "body: Photo: Why?", "body: A. Smith said the plan failed."]),
    ];

    #[test]
    fn case_table() {
        for (text, want) in CASES {
            assert_eq!(turns(text), *want, "{text:?}");
        }
    }

    /// `count` paragraphs of prose, each its own sentence ("Costs rose 7%.").
    fn prose(count: usize) -> String {
        (0..count)
            .map(|index| format!("Costs rose {index}%.\n\n"))
            .collect()
    }

    /// Issue #22: a turn runs no further than its label's reach, and turns far apart
    /// are judged apart: articles joined into one file after an interview were all
    /// its answers, hundreds of KB of them.
    #[test]
    fn a_turn_ends_out_of_its_labels_reach_and_far_labels_are_judged_apart() {
        let interview = "Head\n\nQ: Why now?\n\nA: The money came in.\n\n";
        let after = prose(2 * MAX_TURN_BYTES / "Costs rose 100%.\n\n".len());
        // Names heard once answer in a transcript, but these are out of its reach.
        let text = format!("{interview}{after}Clinton: We won.\n\nSanders: We lost.");
        let got = turns(&text);
        let reach = text.find("A: ").expect("the answer's label") + MAX_TURN_BYTES;
        let grammar = Grammar::built_in().expect("the built-in grammar loads");
        for (block, role) in layout(&text, &grammar).iter().zip(&got).skip(3) {
            let want = match block.span.start <= reach {
                true => "A A interviewee: ",
                false => "body: ",
            };
            assert!(role.starts_with(want), "at {}: {role}", block.span.start);
        }
        assert_eq!(
            got[..3],
            [
                "title: Head",
                "Q: Why now?",
                "A A interviewee: The money came in."
            ]
        );
        assert_eq!(
            got[got.len() - 2..],
            ["body: Clinton: We won.", "body: Sanders: We lost."]
        );
        // Within reach, the same labels are one exchange: its turns, as in the table.
        let near = format!(
            "{interview}{}Clinton: We won.\n\nSanders: We lost.",
            prose(3)
        );
        assert_eq!(
            turns(&near)[6..],
            ["A Clinton named: We won.", "A Sanders named: We lost."]
        );
    }

    /// Many turns stay linear: one look at each block's start.
    #[test]
    fn a_long_transcript_is_read_in_one_pass() {
        let text = "Head\n\n".to_string() + &"Q: Why?\n\nA: Because it works.\n\n".repeat(20_000);
        let started = std::time::Instant::now();
        let blocks = turns(&text);
        assert_eq!(blocks.len(), 40_001);
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
    }
}
