//! The values the pipeline produces: attributions with their cue, source and markers.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// What kind of party a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceType {
    Person,
    Anonymous,
    Organization,
    Publication,
    Document,
    Unknown,
}

impl SourceType {
    /// Every type, in report order.
    pub const ALL: [SourceType; 6] = [
        SourceType::Person,
        SourceType::Anonymous,
        SourceType::Organization,
        SourceType::Publication,
        SourceType::Document,
        SourceType::Unknown,
    ];

    /// Every type's name, in report order.
    pub fn names() -> Vec<&'static str> {
        SourceType::ALL.map(SourceType::as_str).to_vec()
    }

    /// The lowercase name used in files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceType::Person => "person",
            SourceType::Anonymous => "anonymous",
            SourceType::Organization => "organization",
            SourceType::Publication => "publication",
            SourceType::Document => "document",
            SourceType::Unknown => "unknown",
        }
    }
}

impl std::str::FromStr for SourceType {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        by_name(&SourceType::ALL, SourceType::as_str, text, "source type")
    }
}

/// The value of `all` whose name is `text`, or an error that names `what` and lists
/// the names: "unknown source type `x`; expected person, … or unknown".
fn by_name<T: Copy>(
    all: &[T],
    name: fn(T) -> &'static str,
    text: &str,
    what: &str,
) -> Result<T, String> {
    all.iter()
        .copied()
        .find(|value| name(*value) == text)
        .ok_or_else(|| {
            let names: Vec<&str> = all.iter().map(|value| name(*value)).collect();
            let (last, rest) = names.split_last().expect("a list of names");
            format!(
                "unknown {what} `{text}`; expected {} or {last}",
                rest.join(", ")
            )
        })
}

/// What a reliability marker says about a claim or its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MarkerKind {
    Hedge,
    Uncertainty,
    Anonymity,
    NoComment,
    SecondHand,
    Estimate,
    Belief,
    NonStatement,
}

impl MarkerKind {
    /// Every kind, in report order.
    pub const ALL: [MarkerKind; 8] = [
        MarkerKind::Hedge,
        MarkerKind::Uncertainty,
        MarkerKind::Anonymity,
        MarkerKind::NoComment,
        MarkerKind::SecondHand,
        MarkerKind::Estimate,
        MarkerKind::Belief,
        MarkerKind::NonStatement,
    ];

    /// The kebab-case name used in files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            MarkerKind::Hedge => "hedge",
            MarkerKind::Uncertainty => "uncertainty",
            MarkerKind::Anonymity => "anonymity",
            MarkerKind::NoComment => "no-comment",
            MarkerKind::SecondHand => "second-hand",
            MarkerKind::Estimate => "estimate",
            MarkerKind::Belief => "belief",
            MarkerKind::NonStatement => "non-statement",
        }
    }
}

impl std::str::FromStr for MarkerKind {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        MarkerKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == text)
            .ok_or_else(|| {
                format!(
                    "unknown marker kind `{text}`; expected hedge, uncertainty, anonymity, no-comment, second-hand, estimate, belief or non-statement"
                )
            })
    }
}

/// What the cue reports: something said or written, a belief, what evidence shows, a
/// stance taken, or an intention. From `grammar/cue_kinds.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CueKind {
    Speech,
    Belief,
    Evidential,
    Stance,
    Intent,
}

impl CueKind {
    /// Every kind, in output order.
    pub const ALL: [CueKind; 5] = [
        CueKind::Speech,
        CueKind::Belief,
        CueKind::Evidential,
        CueKind::Stance,
        CueKind::Intent,
    ];

    /// The lowercase name used in files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            CueKind::Speech => "speech",
            CueKind::Belief => "belief",
            CueKind::Evidential => "evidential",
            CueKind::Stance => "stance",
            CueKind::Intent => "intent",
        }
    }
}

impl std::str::FromStr for CueKind {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        by_name(&CueKind::ALL, CueKind::as_str, text, "cue kind")
    }
}

/// Which attributions a run keeps: all of them, or only what somebody said or wrote
/// (for counting who is quoted), by the kind of their cue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Scope {
    #[default]
    All,
    Speech,
}

impl Scope {
    /// True when `attribution` is in scope: its cue's kind is (see
    /// [`Scope::keeps_kind`]) and, for `speech`, it states something (no
    /// `non-statement` marker: "asked whether …", "declined to say …").
    pub fn keeps(self, attribution: &Attribution) -> bool {
        self.keeps_kind(attribution.cue_kind)
            && (self == Scope::All || !attribution.is_non_statement())
    }

    /// True when an attribution whose cue reports `cue_kind` (none: no cue) is in
    /// scope. Claims nobody is said to have made stay in either: they are what a
    /// story asserts on its own.
    pub fn keeps_kind(self, cue_kind: Option<CueKind>) -> bool {
        match self {
            Scope::All => true,
            Scope::Speech => cue_kind.is_none_or(|kind| kind == CueKind::Speech),
        }
    }
}

/// The grammatical shape of a claim: a quotation, a finite reported clause ("the
/// plan was dead"), an infinitive ("vowed to fight the closure") or a noun phrase
/// ("criticized the plan", "support for the bill").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimForm {
    Quote,
    Clause,
    Infinitive,
    NounPhrase,
}

impl ClaimForm {
    /// Every form, in output order.
    pub const ALL: [ClaimForm; 4] = [
        ClaimForm::Quote,
        ClaimForm::Clause,
        ClaimForm::Infinitive,
        ClaimForm::NounPhrase,
    ];

    /// The kebab-case name used in files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimForm::Quote => "quote",
            ClaimForm::Clause => "clause",
            ClaimForm::Infinitive => "infinitive",
            ClaimForm::NounPhrase => "noun-phrase",
        }
    }
}

/// How the claim is rendered: quoted, partly quoted, paraphrased, or not attributed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Direct,
    Mixed,
    Indirect,
    Unattributed,
}

impl Kind {
    /// The lowercase name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Mixed => "mixed",
            Kind::Indirect => "indirect",
            Kind::Unattributed => "unattributed",
        }
    }
}

/// One link in a relay chain: the outlet or document the source reached us through.
#[derive(Debug, Clone, PartialEq)]
pub struct Relay {
    pub span: Span,
    pub source_type: SourceType,
}

/// Who says so.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// The mention in the text (a pronoun stays a pronoun).
    pub span: Span,
    pub source_type: SourceType,
    /// Canonical or resolved name, when known.
    pub name: Option<String>,
    /// Relays, nearest first: officials -> via Foreign Policy -> via the report.
    pub via: Vec<Relay>,
}

/// A reliability marker found in the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Marker {
    pub kind: MarkerKind,
    pub span: Span,
    pub weight: f64,
}

/// Where a claim's sourcing score started, before its markers took their weights
/// off (`grammar/scores.txt`): kept so that the reasons for a score can be given
/// later without the grammar.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ScoreBasis {
    /// What the source's type gives; 0 with no source.
    pub source: f64,
    /// What a direct quote of the source's own words adds; 0 for any other claim.
    pub direct_quote: f64,
}

/// Adds `part` to a claim that `claim` covers and whose parts are `fragments` (none
/// for a claim of one part): a quote interrupted by its attribution ("A," she said.
/// "B.") is one claim in parts, without the attribution clause. The claim then
/// covers every part; the parts stay in text order, and one that touches or
/// overlaps the last merges with it.
pub fn add_claim_part(claim: &mut Span, fragments: &mut Vec<Span>, part: Span) {
    if fragments.is_empty() {
        fragments.push(*claim);
    }
    match fragments.last_mut() {
        Some(last) if part.start <= last.end => *last = last.cover(part),
        _ => fragments.push(part),
    }
    if let [only] = fragments[..] {
        // Merged back into one part: a claim of one part lists none.
        *claim = only;
        fragments.clear();
    } else {
        *claim = claim.cover(part);
    }
}

/// Grows the last part of a claim (see [`add_claim_part`]) to take in `next`, which
/// follows it with nothing but space between: two quoted sentences in a row are one
/// stretch of the speaker's words.
pub fn grow_claim(claim: &mut Span, fragments: &mut [Span], next: Span) {
    if let Some(last) = fragments.last_mut() {
        *last = last.cover(next);
    }
    *claim = claim.cover(next);
}

/// One claim with its cue, source and markers.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    pub kind: Kind,
    /// The claim's span; for a claim in parts, the span that covers them.
    pub claim: Span,
    /// The claim's parts in text order when it has more than one ("A," she said.
    /// "B."): the attribution clause between them is not the claim. Empty for a
    /// claim of one part.
    pub fragments: Vec<Span>,
    pub cue: Option<Span>,
    /// What the cue reports (none without a cue).
    pub cue_kind: Option<CueKind>,
    /// The claim's grammatical shape.
    pub claim_form: ClaimForm,
    pub source: Option<Source>,
    pub markers: Vec<Marker>,
    /// How well the claim is sourced, in [0, 1]; not whether it is true
    /// (`assess::score::reasons` says why).
    pub score: f64,
    /// Where the score started.
    pub basis: ScoreBasis,
}

impl Attribution {
    /// True when the attribution states nothing: it carries a `non-statement`
    /// marker (a refused report, a question, a caption …).
    pub fn is_non_statement(&self) -> bool {
        self.markers
            .iter()
            .any(|marker| marker.kind == MarkerKind::NonStatement)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_types_are_read_by_name() {
        assert_eq!("belief".parse(), Ok(CueKind::Belief));
        assert_eq!("document".parse(), Ok(SourceType::Document));
        assert_eq!(
            "rumour".parse::<CueKind>(),
            Err(
                "unknown cue kind `rumour`; expected speech, belief, evidential, stance or intent"
                    .into()
            )
        );
        assert_eq!(
            "x".parse::<SourceType>(),
            Err("unknown source type `x`; expected person, anonymous, organization, publication, document or unknown".into())
        );
    }

    /// A cue's kind (none: no cue) → kept by `all`, kept by `speech`.
    #[test]
    fn scopes() {
        let table = [
            (None, true, true),
            (Some(CueKind::Speech), true, true),
            (Some(CueKind::Belief), true, false),
            (Some(CueKind::Evidential), true, false),
            (Some(CueKind::Stance), true, false),
            (Some(CueKind::Intent), true, false),
        ];
        for (kind, all, speech) in table {
            assert_eq!(Scope::All.keeps_kind(kind), all, "{kind:?}");
            assert_eq!(Scope::Speech.keeps_kind(kind), speech, "{kind:?}");
        }
    }

    /// Parts added one by one → the claim's cover and its parts (none for one part).
    #[test]
    fn claims_in_parts() {
        type Spans = &'static [(usize, usize)];
        let table: &[(Spans, (usize, usize), Spans)] = &[
            // `"A," she said. "B."`: two parts, the clause between them left out.
            (&[(0, 4), (15, 19)], (0, 19), &[(0, 4), (15, 19)]),
            // Three parts.
            (
                &[(0, 4), (10, 14), (20, 24)],
                (0, 24),
                &[(0, 4), (10, 14), (20, 24)],
            ),
            // A part that touches or overlaps the last merges with it: one part again.
            (&[(0, 4), (4, 9)], (0, 9), &[]),
            (&[(0, 6), (3, 9)], (0, 9), &[]),
            (&[(0, 4), (10, 14), (12, 20)], (0, 20), &[(0, 4), (10, 20)]),
        ];
        for (parts, cover, want) in table {
            let span = |&(start, end): &(usize, usize)| Span::new(start, end);
            let mut claim = span(&parts[0]);
            let mut fragments = Vec::new();
            for part in &parts[1..] {
                add_claim_part(&mut claim, &mut fragments, span(part));
            }
            assert_eq!(claim, span(cover), "{parts:?}");
            assert_eq!(
                fragments,
                want.iter().map(span).collect::<Vec<_>>(),
                "{parts:?}"
            );
        }
    }

    #[test]
    fn a_quoted_sentence_right_after_the_last_part_grows_it() {
        let mut claim = Span::new(0, 4);
        let mut fragments = Vec::new();
        add_claim_part(&mut claim, &mut fragments, Span::new(15, 19));
        grow_claim(&mut claim, &mut fragments, Span::new(20, 26));
        assert_eq!(claim, Span::new(0, 26));
        assert_eq!(fragments, [Span::new(0, 4), Span::new(15, 26)]);
        // A claim of one part just grows.
        let (mut claim, mut none) = (Span::new(0, 4), Vec::new());
        grow_claim(&mut claim, &mut none, Span::new(5, 9));
        assert_eq!((claim, none.len()), (Span::new(0, 9), 0));
    }
}
