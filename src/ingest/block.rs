//! A block of a document and the role it plays on the page: what layout gives the
//! rest of the pipeline.

use crate::span::Span;

/// What a block is on the page; only the prose roles carry claims.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Body,
    Bullet,
    /// Photo captions and credits.
    Caption,
    /// Adverts, teasers, tags, repeated headlines, bylines and bios.
    Boilerplate,
    /// Reader comments after the article.
    Comment,
    /// An interviewer's turn in a transcript: it asks, and claims nothing of its own
    /// (what it reports others to have said still counts).
    Question,
    /// An interviewee's turn in a transcript (or a paragraph of one), whose words
    /// are the claim of the speaker its label stands for.
    Answer(Turn),
}

impl Role {
    /// True for the roles whose text is the article's own prose (a headline is:
    /// "Trump says …" is a claim with its source), or an interview's.
    pub fn is_prose(self) -> bool {
        matches!(
            self,
            Role::Title | Role::Body | Role::Bullet | Role::Question | Role::Answer(_)
        )
    }
}

/// A paragraph, bullet or line with its role; `span` excludes bullet markers and labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    pub role: Role,
}

/// Who answers in a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speaker {
    /// The interviewee the introduction names, whom an "A:" label stands for.
    Interviewee,
    /// The person the label names: "WRONA:", "Jane Doe:".
    Named,
}

/// The label of an answer: who answers, and the mark after the label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Turn {
    /// The label's words: "A", "WRONA", "Jane Doe".
    pub label: Span,
    /// The colon after them (the period of "A."): the cue of the answer.
    pub mark: Span,
    pub speaker: Speaker,
}
