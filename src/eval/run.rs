//! Runs extraction over a gold corpus and scores it, overall and per publisher.

use std::collections::BTreeMap;

use serde::Serialize;

use super::gold::{GoldAttribution, GoldDoc, SpanRole};
use super::score::{Counts, Predicted, ScoreTable, score_document};
use crate::assess::cue_kind::cue_kind;
use crate::model::{Attribution, CueKind, Kind, Scope};
use crate::pipeline::Extractor;
use crate::span::Span;

/// A missed gold attribution or a false alarm, with its context, for development.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorExample {
    pub doc: String,
    /// "miss", "false-alarm", "wrong-span" (the cue was found but the claim's
    /// bounds missed the gold content; `expected` holds the gold content),
    /// "wrong-source" or "wrong-cue".
    pub what: String,
    pub content: String,
    pub source: Option<String>,
    pub cue: Option<String>,
    /// For wrong source or cue: what was expected.
    pub expected: Option<String>,
    /// The paragraph around the claim.
    pub context: String,
}

/// Longest context printed around an error.
const CONTEXT_CHARS: usize = 500;

/// The largest char boundary at or below `at`.
fn char_floor(text: &str, at: usize) -> usize {
    (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

/// The line of `text` holding byte `at`, cut to [`CONTEXT_CHARS`].
fn paragraph_around(text: &str, at: usize) -> String {
    let at = at.min(text.len());
    let start = text[..char_floor(text, at)]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    text[start..end].chars().take(CONTEXT_CHARS).collect()
}

/// Pairs of a missed gold attribution and an unmatched prediction whose cues share a
/// byte: the cue was found and the claim bounds were wrong, one error rather than two.
/// Each miss and each false alarm is used at most once, in text order.
fn cue_shared_pairs(
    doc: &GoldDoc,
    missed_gold: &[usize],
    false_alarms: &[usize],
    predicted: &[Predicted],
) -> Vec<(usize, usize)> {
    let mut used = vec![false; false_alarms.len()];
    let mut pairs = Vec::new();
    for &gold_index in missed_gold {
        let Some(gold_cue) = doc.attributions[gold_index].span(SpanRole::Cue) else {
            continue;
        };
        let shares_cue =
            |cue: &std::ops::Range<usize>| cue.start < gold_cue.end && gold_cue.start < cue.end;
        let found = false_alarms
            .iter()
            .enumerate()
            .find(|&(slot, &p)| !used[slot] && predicted[p].cue.as_ref().is_some_and(shares_cue));
        if let Some((slot, &p)) = found {
            used[slot] = true;
            pairs.push((gold_index, p));
        }
    }
    pairs
}

/// An error shown by what was predicted: a false alarm, a wrong span, source or cue.
fn prediction_example(
    doc: &GoldDoc,
    what: &str,
    prediction: &Predicted,
    expected: Option<String>,
) -> ErrorExample {
    let slice =
        |range: &std::ops::Range<usize>| doc.text.get(range.clone()).unwrap_or("").to_string();
    ErrorExample {
        doc: doc.id.clone(),
        what: what.into(),
        content: slice(&prediction.content),
        source: prediction.source.as_ref().map(slice),
        cue: prediction.cue.as_ref().map(slice),
        expected,
        context: paragraph_around(&doc.text, prediction.content.start),
    }
}

/// The result of an evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    pub documents: usize,
    pub overall: Counts,
    pub scores: ScoreTable,
    pub by_publisher: BTreeMap<String, Counts>,
    /// For each cue kind, how many predictions had it and how many of them were right
    /// in full: how far each kind can be trusted.
    pub by_cue_kind: BTreeMap<CueKind, KindTally>,
    pub errors: Vec<ErrorExample>,
}

/// Predictions of one cue kind, and those right in full (content, source and cue).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct KindTally {
    pub predicted: usize,
    pub full: usize,
}

impl KindTally {
    /// Right in full / predicted (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            0.0
        } else {
            self.full as f64 / self.predicted as f64
        }
    }
}

/// Extracts every gold document's text and scores the attributed claims (not the
/// unattributed ones) against the gold; keeps up to `max_errors` of each error kind.
pub fn evaluate(docs: &[GoldDoc], extractor: &Extractor, max_errors: usize) -> Evaluation {
    let mut overall = Counts::default();
    let mut by_publisher: BTreeMap<String, Counts> = BTreeMap::new();
    let mut by_cue_kind: BTreeMap<CueKind, KindTally> = BTreeMap::new();
    let mut errors = Vec::new();
    let mut kept: BTreeMap<&'static str, usize> = BTreeMap::new();
    for doc in docs {
        // Quotes counted one by one: the gold's contents in parts become one
        // attribution per part, as the extractor writes claims.
        // In a scope, the gold outside it goes too, judged by the same lexicon from
        // the gold's cue: an approximate view, as the gold names no kinds.
        let scope = extractor.in_scope();
        let grammar = extractor.grammar();
        let in_scope = |gold: &GoldAttribution| {
            let kind = gold
                .span(SpanRole::Cue)
                .filter(|cue| doc.text.get(cue.start..cue.end).is_some())
                .map(|cue| cue_kind(&doc.text, Span::new(cue.start, cue.end), grammar));
            scope.keeps_kind(kind)
        };
        let adjusted_doc;
        let doc = if extractor.splits_quotes() || scope != Scope::All {
            adjusted_doc = GoldDoc {
                attributions: doc
                    .attributions
                    .iter()
                    .filter(|gold| in_scope(gold))
                    .flat_map(|gold| {
                        if extractor.splits_quotes() {
                            gold.split_parts()
                        } else {
                            vec![gold.clone()]
                        }
                    })
                    .collect(),
                ..doc.clone()
            };
            &adjusted_doc
        } else {
            doc
        };
        let attributed: Vec<Attribution> = extractor
            .extract_text(&doc.text)
            .into_iter()
            .filter(|attribution| attribution.kind != Kind::Unattributed)
            .collect();
        let kinds: Vec<Option<CueKind>> = attributed.iter().map(|a| a.cue_kind).collect();
        let predicted: Vec<Predicted> = attributed
            .into_iter()
            .map(|attribution| Predicted {
                content: attribution.claim.start..attribution.claim.end,
                fragments: attribution
                    .fragments
                    .iter()
                    .map(|part| part.start..part.end)
                    .collect(),
                source: attribution
                    .source
                    .map(|source| source.span.start..source.span.end),
                cue: attribution.cue.map(|cue| cue.start..cue.end),
            })
            .collect();
        let score = score_document(&doc.text, &doc.attributions, &predicted);
        overall += score.counts;
        for kind in kinds.iter().flatten() {
            by_cue_kind.entry(*kind).or_default().predicted += 1;
        }
        for pair in score
            .matches
            .iter()
            .filter(|pair| pair.source_ok && pair.cue_ok)
        {
            if let Some(kind) = kinds[pair.predicted] {
                by_cue_kind.entry(kind).or_default().full += 1;
            }
        }
        *by_publisher
            .entry(doc.publisher.clone().unwrap_or_else(|| "unknown".into()))
            .or_default() += score.counts;
        let mut keep = |what: &'static str, example: ErrorExample| {
            let count = kept.entry(what).or_insert(0);
            if *count < max_errors {
                *count += 1;
                errors.push(example);
            }
        };
        let boundary_pairs =
            cue_shared_pairs(doc, &score.missed_gold, &score.false_alarms, &predicted);
        for &(gold_index, predicted_index) in &boundary_pairs {
            let gold = &doc.attributions[gold_index];
            let prediction = &predicted[predicted_index];
            keep(
                "wrong-span",
                prediction_example(
                    doc,
                    "wrong-span",
                    prediction,
                    gold.span(SpanRole::Content).map(|s| s.text.clone()),
                ),
            );
        }
        let paired_gold = |index: usize| boundary_pairs.iter().any(|&(g, _)| g == index);
        let paired_prediction = |index: usize| boundary_pairs.iter().any(|&(_, p)| p == index);
        for &index in score.missed_gold.iter().filter(|&&i| !paired_gold(i)) {
            let gold = &doc.attributions[index];
            keep(
                "miss",
                ErrorExample {
                    doc: doc.id.clone(),
                    what: "miss".into(),
                    content: gold
                        .span(SpanRole::Content)
                        .map(|s| s.text.clone())
                        .unwrap_or_default(),
                    source: gold.span(SpanRole::Source).map(|s| s.text.clone()),
                    cue: gold.span(SpanRole::Cue).map(|s| s.text.clone()),
                    expected: None,
                    context: paragraph_around(
                        &doc.text,
                        gold.span(SpanRole::Content).map_or(0, |s| s.start),
                    ),
                },
            );
        }
        for &index in score
            .false_alarms
            .iter()
            .filter(|&&i| !paired_prediction(i))
        {
            let prediction = &predicted[index];
            keep(
                "false-alarm",
                prediction_example(doc, "false-alarm", prediction, None),
            );
        }
        for pair in &score.matches {
            if pair.source_ok && pair.cue_ok {
                continue;
            }
            let prediction = &predicted[pair.predicted];
            let gold = &doc.attributions[pair.gold];
            let (what, expected) = if pair.source_ok {
                (
                    "wrong-cue",
                    gold.span(SpanRole::Cue).map(|s| s.text.clone()),
                )
            } else {
                (
                    "wrong-source",
                    gold.span(SpanRole::Source).map(|s| s.text.clone()),
                )
            };
            keep(what, prediction_example(doc, what, prediction, expected));
        }
    }
    Evaluation {
        documents: docs.len(),
        overall,
        scores: overall.table(),
        by_publisher,
        by_cue_kind,
        errors,
    }
}
