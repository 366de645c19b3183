//! The attribution scorer of `shared/corpus/README.md`, reproduced exactly.
//!
//! * Word tokens are maximal runs of `char::is_alphanumeric` characters, kept as byte ranges.
//! * A span's tokens are the tokens overlapping its byte range; a gold span with fragments
//!   contributes the union of its fragments' tokens.
//! * A predicted claim matches a gold content when `2 * overlap >= max(|gold|, |pred|)` and
//!   `overlap >= 1`, one-to-one, best overlap first (ties: lower gold index, then lower
//!   predicted index).
//! * Source and cue are right when the gold one is absent, or when the prediction shares a
//!   token with it. A gold source or cue with no word token at all (PolNeAR has cues that
//!   are just `:` or `—`) is right when the prediction shares a byte with it instead, so
//!   that gold scored against itself is 100%.
//! * Gold attributions without content are skipped.
//!
//! Out-of-range or reversed byte ranges never panic: they are clamped to the text and a
//! reversed range counts as empty.

use std::cmp::{Reverse, max, min};
use std::iter::Sum;
use std::ops::{Add, AddAssign, Range};

use serde::Serialize;

use super::gold::{GoldAttribution, SpanRole};

/// One predicted attribution, as byte ranges into the document text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Predicted {
    /// The claim (content) span; for a claim in parts, the span covering them.
    pub content: Range<usize>,
    /// The claim's parts, when it has more than one: its tokens are theirs, as a
    /// gold content's with fragments are.
    pub fragments: Vec<Range<usize>>,
    /// The speaker mention, if any.
    pub source: Option<Range<usize>>,
    /// The reporting verb or phrase, if any.
    pub cue: Option<Range<usize>>,
}

/// Tallies for one document or, summed, for a corpus.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Gold attributions that have a content.
    pub gold: usize,
    /// Predicted attributions.
    pub predicted: usize,
    /// Matched (gold, predicted) content pairs.
    pub content: usize,
    /// Matched pairs whose source is right.
    pub source: usize,
    /// Matched pairs whose cue is right.
    pub cue: usize,
    /// Matched pairs whose source and cue are both right (the headline figure).
    pub full: usize,
}

/// Precision, recall and F1 as fractions in `0.0..=1.0`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    /// Correct / predicted.
    pub precision: f64,
    /// Correct / gold.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

/// Precision/recall/F1 for each of the four figures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ScoreTable {
    /// Content matched.
    pub content: Prf,
    /// Content matched and source right.
    pub source: Prf,
    /// Content matched and cue right.
    pub cue: Prf,
    /// Content matched, source and cue right.
    pub full: Prf,
}

/// Which figure to compute precision/recall/F1 for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Metric {
    /// Content matched.
    Content,
    /// Content matched and source right.
    Source,
    /// Content matched and cue right.
    Cue,
    /// Content matched, source and cue right.
    Full,
}

/// One matched (gold, predicted) pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MatchedPair {
    /// Index into the gold slice passed to [`score_document`].
    pub gold: usize,
    /// Index into the predicted slice passed to [`score_document`].
    pub predicted: usize,
    /// Number of content word tokens the two share.
    pub overlap_tokens: usize,
    /// Whether the predicted source is right.
    pub source_ok: bool,
    /// Whether the predicted cue is right.
    pub cue_ok: bool,
}

/// The score of one document, with enough detail to print its errors.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DocumentScore {
    /// The tallies.
    pub counts: Counts,
    /// Gold indices (with content) that no prediction matched, ascending.
    pub missed_gold: Vec<usize>,
    /// Predicted indices that matched no gold content, ascending.
    pub false_alarms: Vec<usize>,
    /// Matched pairs, ascending by gold index.
    pub matches: Vec<MatchedPair>,
}

/// Word tokens of a text: maximal runs of alphanumeric characters, as byte ranges.
pub fn word_tokens(text: &str) -> Vec<Range<usize>> {
    let mut tokens = Vec::new();
    let mut run_start: Option<usize> = None;
    for (offset, ch) in text.char_indices() {
        match (ch.is_alphanumeric(), run_start) {
            (true, None) => run_start = Some(offset),
            (false, Some(start)) => {
                tokens.push(start..offset);
                run_start = None;
            }
            _ => {}
        }
    }
    if let Some(start) = run_start {
        tokens.push(start..text.len());
    }
    tokens
}

/// The word tokens of one document, for looking up which tokens a byte range touches.
#[derive(Debug, Clone)]
pub struct TokenIndex {
    tokens: Vec<Range<usize>>,
    text_len: usize,
}

/// A set of token indices, kept as sorted, disjoint, non-adjacent index ranges.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TokenSet {
    runs: Vec<Range<usize>>,
}

impl TokenIndex {
    /// Tokenizes a document text.
    pub fn new(text: &str) -> Self {
        TokenIndex {
            tokens: word_tokens(text),
            text_len: text.len(),
        }
    }

    /// Byte ranges of all tokens, in text order.
    pub fn tokens(&self) -> &[Range<usize>] {
        &self.tokens
    }

    /// Clamps a byte range to the text; reversed ranges become empty.
    pub fn clamp(&self, bytes: &Range<usize>) -> Range<usize> {
        let start = min(bytes.start, self.text_len);
        let end = min(bytes.end, self.text_len);
        start..max(start, end)
    }

    /// Indices of the tokens overlapping a byte range (empty for an empty range).
    pub fn token_indices(&self, bytes: &Range<usize>) -> Range<usize> {
        let bytes = self.clamp(bytes);
        let first = self.tokens.partition_point(|t| t.end <= bytes.start);
        if bytes.is_empty() {
            return first..first;
        }
        let past_last = self.tokens.partition_point(|t| t.start < bytes.end);
        first..max(first, past_last)
    }

    /// The union of the tokens overlapping any of several byte ranges.
    pub fn token_set(&self, pieces: &[Range<usize>]) -> TokenSet {
        TokenSet::from_runs(pieces.iter().map(|p| self.token_indices(p)).collect())
    }

    /// The tokens overlapping one byte range.
    pub fn span_tokens(&self, bytes: &Range<usize>) -> TokenSet {
        TokenSet::from_runs(vec![self.token_indices(bytes)])
    }
}

impl TokenSet {
    /// Normalizes index ranges into sorted, merged runs, dropping empty ones.
    fn from_runs(mut runs: Vec<Range<usize>>) -> Self {
        runs.retain(|run| !run.is_empty());
        runs.sort_by_key(|run| run.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(runs.len());
        for run in runs {
            match merged.last_mut() {
                Some(last) if run.start <= last.end => last.end = max(last.end, run.end),
                _ => merged.push(run),
            }
        }
        TokenSet { runs: merged }
    }

    /// Number of tokens in the set.
    pub fn len(&self) -> usize {
        self.runs.iter().map(|run| run.len()).sum()
    }

    /// Whether the set has no token.
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// Index range from the first token to just past the last, if any.
    pub fn extent(&self) -> Option<Range<usize>> {
        Some(self.runs.first()?.start..self.runs.last()?.end)
    }

    /// Number of tokens present in both sets (linear merge of the runs).
    pub fn overlap(&self, other: &TokenSet) -> usize {
        let (mut i, mut j, mut shared) = (0, 0, 0);
        while let (Some(a), Some(b)) = (self.runs.get(i), other.runs.get(j)) {
            shared += min(a.end, b.end).saturating_sub(max(a.start, b.start));
            if a.end <= b.end {
                i += 1;
            } else {
                j += 1;
            }
        }
        shared
    }
}

/// Whether a predicted content with `overlap` shared tokens matches under the README rule.
pub fn contents_match(overlap: usize, gold_tokens: usize, predicted_tokens: usize) -> bool {
    overlap >= 1 && overlap * 2 >= max(gold_tokens, predicted_tokens)
}

/// Scores one document's predictions against its gold attributions.
pub fn score_document(
    text: &str,
    gold: &[GoldAttribution],
    predicted: &[Predicted],
) -> DocumentScore {
    let index = TokenIndex::new(text);
    let gold_contents = gold_content_sets(&index, gold);
    let predicted_contents: Vec<TokenSet> = predicted
        .iter()
        .map(|p| {
            if p.fragments.is_empty() {
                index.span_tokens(&p.content)
            } else {
                index.token_set(&p.fragments)
            }
        })
        .collect();
    let candidates = matching_candidates(&gold_contents, &predicted_contents);
    let pairs = assign_one_to_one(candidates, gold.len(), predicted.len());
    let matches: Vec<MatchedPair> = pairs
        .into_iter()
        .map(|(g, p, overlap)| judge_pair(&index, &gold[g], &predicted[p], g, p, overlap))
        .collect();
    summarize(gold, predicted.len(), matches)
}

/// Token sets of each gold content (fragments when given); `None` for skipped records.
fn gold_content_sets(index: &TokenIndex, gold: &[GoldAttribution]) -> Vec<Option<TokenSet>> {
    gold.iter()
        .map(|g| {
            g.exact_ranges(SpanRole::Content)
                .map(|ranges| index.token_set(&ranges))
        })
        .collect()
}

/// A (gold, predicted) pair that passes the overlap rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Candidate {
    overlap: usize,
    gold: usize,
    predicted: usize,
}

/// Finds every qualifying pair, comparing only spans whose token extents overlap.
fn matching_candidates(gold: &[Option<TokenSet>], predicted: &[TokenSet]) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    for (g, p) in overlapping_extent_pairs(gold, predicted) {
        let (Some(gold_set), Some(pred_set)) = (gold[g].as_ref(), predicted.get(p)) else {
            continue;
        };
        let overlap = gold_set.overlap(pred_set);
        if contents_match(overlap, gold_set.len(), pred_set.len()) {
            candidates.push(Candidate {
                overlap,
                gold: g,
                predicted: p,
            });
        }
    }
    candidates
}

/// Which side of the comparison an interval comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    Gold,
    Predicted,
}

/// Sweep line over token extents: returns every (gold, predicted) index pair whose
/// extents intersect, in O((n + m) log(n + m) + n·active + pairs).
fn overlapping_extent_pairs(
    gold: &[Option<TokenSet>],
    predicted: &[TokenSet],
) -> Vec<(usize, usize)> {
    let mut intervals: Vec<(Range<usize>, Side, usize)> = gold
        .iter()
        .enumerate()
        .filter_map(|(i, set)| Some((set.as_ref()?.extent()?, Side::Gold, i)))
        .chain(
            predicted
                .iter()
                .enumerate()
                .filter_map(|(i, set)| Some((set.extent()?, Side::Predicted, i))),
        )
        .collect();
    intervals.sort_by_key(|(extent, side, i)| (extent.start, *side, *i));
    let mut active_gold: Vec<(usize, usize)> = Vec::new();
    let mut active_predicted: Vec<(usize, usize)> = Vec::new();
    let mut pairs = Vec::new();
    for (extent, side, i) in intervals {
        active_gold.retain(|&(_, end)| end > extent.start);
        active_predicted.retain(|&(_, end)| end > extent.start);
        match side {
            Side::Gold => {
                pairs.extend(active_predicted.iter().map(|&(p, _)| (i, p)));
                active_gold.push((i, extent.end));
            }
            Side::Predicted => {
                pairs.extend(active_gold.iter().map(|&(g, _)| (g, i)));
                active_predicted.push((i, extent.end));
            }
        }
    }
    pairs
}

/// Greedy one-to-one assignment, best overlap first, ties by gold then predicted index.
/// Returns (gold, predicted, overlap) triples sorted by gold index.
fn assign_one_to_one(
    mut candidates: Vec<Candidate>,
    gold_len: usize,
    predicted_len: usize,
) -> Vec<(usize, usize, usize)> {
    candidates.sort_by_key(|c| (Reverse(c.overlap), c.gold, c.predicted));
    let mut gold_used = vec![false; gold_len];
    let mut predicted_used = vec![false; predicted_len];
    let mut pairs = Vec::new();
    for c in candidates {
        let free = !gold_used.get(c.gold).copied().unwrap_or(true)
            && !predicted_used.get(c.predicted).copied().unwrap_or(true);
        if free {
            gold_used[c.gold] = true;
            predicted_used[c.predicted] = true;
            pairs.push((c.gold, c.predicted, c.overlap));
        }
    }
    pairs.sort_unstable();
    pairs
}

/// Decides whether the source and cue of a matched pair are right.
fn judge_pair(
    index: &TokenIndex,
    gold: &GoldAttribution,
    predicted: &Predicted,
    gold_index: usize,
    predicted_index: usize,
    overlap_tokens: usize,
) -> MatchedPair {
    MatchedPair {
        gold: gold_index,
        predicted: predicted_index,
        overlap_tokens,
        source_ok: role_is_right(index, gold, SpanRole::Source, predicted.source.as_ref()),
        cue_ok: role_is_right(index, gold, SpanRole::Cue, predicted.cue.as_ref()),
    }
}

/// Source/cue rule: an absent gold span accepts anything; otherwise the prediction must
/// share a word token with it (or a byte, when the gold span has no word token).
pub fn role_is_right(
    index: &TokenIndex,
    gold: &GoldAttribution,
    role: SpanRole,
    predicted: Option<&Range<usize>>,
) -> bool {
    let Some(gold_ranges) = gold.exact_ranges(role) else {
        return true;
    };
    let Some(predicted) = predicted else {
        return false;
    };
    let gold_tokens = index.token_set(&gold_ranges);
    if gold_tokens.is_empty() {
        return shares_a_byte(index, &gold_ranges, predicted);
    }
    index.span_tokens(predicted).overlap(&gold_tokens) > 0
}

/// Whether a predicted byte range intersects any of the gold byte ranges (after clamping).
fn shares_a_byte(
    index: &TokenIndex,
    gold_ranges: &[Range<usize>],
    predicted: &Range<usize>,
) -> bool {
    let predicted = index.clamp(predicted);
    gold_ranges.iter().any(|g| {
        let g = index.clamp(g);
        max(g.start, predicted.start) < min(g.end, predicted.end)
    })
}

/// Builds the document score from the matched pairs.
fn summarize(
    gold: &[GoldAttribution],
    predicted_len: usize,
    matches: Vec<MatchedPair>,
) -> DocumentScore {
    let mut gold_matched = vec![false; gold.len()];
    let mut predicted_matched = vec![false; predicted_len];
    for m in &matches {
        gold_matched[m.gold] = true;
        predicted_matched[m.predicted] = true;
    }
    let missed_gold = (0..gold.len())
        .filter(|&g| gold[g].content.is_some() && !gold_matched[g])
        .collect();
    let false_alarms = (0..predicted_len)
        .filter(|&p| !predicted_matched[p])
        .collect();
    let counts = Counts {
        gold: gold.iter().filter(|g| g.content.is_some()).count(),
        predicted: predicted_len,
        content: matches.len(),
        source: matches.iter().filter(|m| m.source_ok).count(),
        cue: matches.iter().filter(|m| m.cue_ok).count(),
        full: matches.iter().filter(|m| m.source_ok && m.cue_ok).count(),
    };
    DocumentScore {
        counts,
        missed_gold,
        false_alarms,
        matches,
    }
}

/// `part / whole`, or 0 when `whole` is 0.
fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

impl Prf {
    /// Precision, recall and F1 from a correct count and the two denominators.
    pub fn from_counts(correct: usize, predicted: usize, gold: usize) -> Self {
        let precision = ratio(correct, predicted);
        let recall = ratio(correct, gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            precision,
            recall,
            f1,
        }
    }
}

impl Counts {
    /// The number of correct predictions for a metric.
    pub fn correct(&self, metric: Metric) -> usize {
        match metric {
            Metric::Content => self.content,
            Metric::Source => self.source,
            Metric::Cue => self.cue,
            Metric::Full => self.full,
        }
    }

    /// Precision/recall/F1 for a metric.
    pub fn prf(&self, metric: Metric) -> Prf {
        Prf::from_counts(self.correct(metric), self.predicted, self.gold)
    }

    /// Precision/recall/F1 for content matching alone.
    pub fn content_prf(&self) -> Prf {
        self.prf(Metric::Content)
    }

    /// Precision/recall/F1 for content matched with the right source.
    pub fn source_prf(&self) -> Prf {
        self.prf(Metric::Source)
    }

    /// Precision/recall/F1 for content matched with the right cue.
    pub fn cue_prf(&self) -> Prf {
        self.prf(Metric::Cue)
    }

    /// Precision/recall/F1 for content, source and cue all right (the headline figure).
    pub fn full_prf(&self) -> Prf {
        self.prf(Metric::Full)
    }

    /// All four figures at once, e.g. for JSON output.
    pub fn table(&self) -> ScoreTable {
        ScoreTable {
            content: self.content_prf(),
            source: self.source_prf(),
            cue: self.cue_prf(),
            full: self.full_prf(),
        }
    }
}

impl Add for Counts {
    type Output = Counts;

    /// Merges the tallies of two documents (or corpora).
    fn add(self, other: Counts) -> Counts {
        Counts {
            gold: self.gold + other.gold,
            predicted: self.predicted + other.predicted,
            content: self.content + other.content,
            source: self.source + other.source,
            cue: self.cue + other.cue,
            full: self.full + other.full,
        }
    }
}

impl AddAssign for Counts {
    /// Merges another document's tallies into these.
    fn add_assign(&mut self, other: Counts) {
        *self = *self + other;
    }
}

impl Sum for Counts {
    /// Merges the tallies of many documents.
    fn sum<I: Iterator<Item = Counts>>(iter: I) -> Counts {
        iter.fold(Counts::default(), Add::add)
    }
}

impl<'a> Sum<&'a Counts> for Counts {
    /// Merges the tallies of many documents, by reference.
    fn sum<I: Iterator<Item = &'a Counts>>(iter: I) -> Counts {
        iter.copied().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::super::gold::{GoldSpan, read_gold};
    use super::*;
    use std::path::Path;

    /// Byte range of the `nth` (0-based) occurrence of `needle` in `text`.
    fn nth_range(text: &str, needle: &str, nth: usize) -> Range<usize> {
        let start = text
            .match_indices(needle)
            .nth(nth)
            .map(|(i, _)| i)
            .unwrap_or_else(|| panic!("{needle:?} #{nth} not in {text:?}"));
        start..start + needle.len()
    }

    /// A range whose start lies after its end, as bad input might give.
    fn reversed(start: usize, end: usize) -> Range<usize> {
        Range { start, end }
    }

    /// Byte range of the first occurrence of `needle` in `text`.
    fn range(text: &str, needle: &str) -> Range<usize> {
        nth_range(text, needle, 0)
    }

    /// Gold span over the first occurrence of `needle`.
    fn span(text: &str, needle: &str) -> GoldSpan {
        let r = range(text, needle);
        GoldSpan {
            start: r.start,
            end: r.end,
            text: needle.to_string(),
        }
    }

    /// Gold attribution from needles; `None` leaves the role unannotated.
    fn gold(text: &str, source: Option<&str>, cue: Option<&str>, content: &str) -> GoldAttribution {
        GoldAttribution {
            source: source.map(|s| span(text, s)),
            cue: cue.map(|c| span(text, c)),
            content: Some(span(text, content)),
            ..GoldAttribution::default()
        }
    }

    /// Prediction from needles.
    fn pred(text: &str, source: Option<&str>, cue: Option<&str>, content: &str) -> Predicted {
        Predicted {
            content: range(text, content),
            source: source.map(|s| range(text, s)),
            cue: cue.map(|c| range(text, c)),
            ..Predicted::default()
        }
    }

    /// Counts literal in field order gold, predicted, content, source, cue, full.
    fn counts(values: [usize; 6]) -> Counts {
        let [gold, predicted, content, source, cue, full] = values;
        Counts {
            gold,
            predicted,
            content,
            source,
            cue,
            full,
        }
    }

    /// Texts of the word tokens of a string.
    fn token_texts(text: &str) -> Vec<&str> {
        word_tokens(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn tokenizer_splits_on_non_alphanumerics_with_byte_offsets() {
        let cases: [(&str, &[&str]); 9] = [
            ("", &[]),
            ("  \n\t", &[]),
            ("a", &["a"]),
            ("Hello, world!", &["Hello", "world"]),
            ("don’t", &["don", "t"]),
            ("$100,000 x_y", &["100", "000", "x", "y"]),
            (
                "“Ça suffit,” a déclaré François",
                &["Ça", "suffit", "a", "déclaré", "François"],
            ),
            ("São Paulo — 日本語", &["São", "Paulo", "日本語"]),
            ("…end", &["end"]),
        ];
        for (text, expected) in cases {
            assert_eq!(token_texts(text), expected, "{text:?}");
        }
        let text = "“Zoë”";
        assert_eq!(word_tokens(text), vec![3..7]);
    }

    #[test]
    fn token_indices_cover_touching_tokens_and_never_panic() {
        let text = "ab cd ef";
        let index = TokenIndex::new(text);
        let cases = [
            ("whole text", 0..8, 0..3),
            ("inside one token", 4..5, 1..2),
            ("between tokens", 2..3, 1..1),
            ("straddling", 1..4, 0..2),
            ("empty range inside a token", 1..1, 0..0),
            ("reversed", reversed(5, 2), 2..2),
            ("past the end", 7..100, 2..3),
            ("entirely past the end", 50..60, 3..3),
        ];
        for (name, bytes, expected) in cases {
            let got = index.token_indices(&bytes);
            assert!(got.is_empty() == expected.is_empty(), "{name}: {got:?}");
            if !expected.is_empty() {
                assert_eq!(got, expected, "{name}");
            }
        }
    }

    #[test]
    fn token_set_overlap_counts_shared_tokens() {
        let set = |runs: &[(usize, usize)]| {
            TokenSet::from_runs(runs.iter().map(|&(start, end)| start..end).collect())
        };
        type Runs = &'static [(usize, usize)];
        let cases: [(Runs, Runs, usize); 5] = [
            (&[(0, 5)], &[(3, 8)], 2),
            (&[(0, 2), (4, 6)], &[(1, 5)], 2),
            (&[(0, 2), (2, 4)], &[(0, 4)], 4),
            (&[], &[(0, 4)], 0),
            (&[(0, 3)], &[(3, 6)], 0),
        ];
        for (a, b, expected) in cases {
            let (a, b) = (set(a), set(b));
            assert_eq!(a.overlap(&b), expected, "{a:?} ∩ {b:?}");
            assert_eq!(b.overlap(&a), expected, "{b:?} ∩ {a:?}");
        }
        assert_eq!(set(&[(4, 6), (0, 2), (1, 3)]).runs, vec![0..3, 4..6]);
        assert_eq!(set(&[(0, 3), (3, 5)]).runs, vec![0..5]);
    }

    #[test]
    fn contents_match_at_exactly_half() {
        let cases = [
            ((2, 4, 2), true),
            ((2, 5, 2), false),
            ((4, 4, 8), true),
            ((4, 4, 9), false),
            ((0, 0, 0), false),
            ((1, 1, 1), true),
            ((1, 3, 1), false),
        ];
        for ((overlap, gold, predicted), expected) in cases {
            assert_eq!(
                contents_match(overlap, gold, predicted),
                expected,
                "{overlap} of {gold}/{predicted}"
            );
        }
    }

    /// One table row: a document, its gold, the predictions and the expected counts.
    struct Case {
        name: &'static str,
        text: &'static str,
        gold: Vec<GoldAttribution>,
        predicted: Vec<Predicted>,
        expected: Counts,
    }

    /// The scenarios the scorer must get right.
    fn cases() -> Vec<Case> {
        let said = "Smith said that taxes will rise next year.";
        let long = "Jones said that the new tax will rise sharply next year.";
        let quote = "\"Taxes will rise,\" Smith said, \"and soon.\"";
        let accents = "“Ça suffit,” a déclaré François Hollande à Paris.";
        let colon = "Smith: taxes will rise. Jones: no.";
        let gingrich = "Gingrich said. \"He should use social media.\"";
        let smith_gold = || {
            gold(
                said,
                Some("Smith"),
                Some("said"),
                "that taxes will rise next year",
            )
        };
        vec![
            Case {
                name: "exact match",
                text: said,
                gold: vec![smith_gold()],
                predicted: vec![pred(
                    said,
                    Some("Smith"),
                    Some("said"),
                    "that taxes will rise next year",
                )],
                expected: counts([1, 1, 1, 1, 1, 1]),
            },
            Case {
                name: "prediction with exactly half the gold tokens matches",
                text: said,
                gold: vec![gold(
                    said,
                    Some("Smith"),
                    Some("said"),
                    "that taxes will rise",
                )],
                predicted: vec![pred(said, Some("Smith"), Some("said"), "taxes will")],
                expected: counts([1, 1, 1, 1, 1, 1]),
            },
            Case {
                name: "prediction just under half the gold tokens does not match",
                text: long,
                gold: vec![gold(
                    long,
                    Some("Jones"),
                    Some("said"),
                    "the new tax will rise",
                )],
                predicted: vec![pred(long, Some("Jones"), Some("said"), "new tax")],
                expected: counts([1, 1, 0, 0, 0, 0]),
            },
            Case {
                name: "prediction twice as long as gold matches",
                text: long,
                gold: vec![gold(long, Some("Jones"), Some("said"), "the new tax will")],
                predicted: vec![pred(
                    long,
                    Some("Jones"),
                    Some("said"),
                    "that the new tax will rise sharply next",
                )],
                expected: counts([1, 1, 1, 1, 1, 1]),
            },
            Case {
                name: "prediction just over twice as long as gold does not match",
                text: long,
                gold: vec![gold(long, Some("Jones"), Some("said"), "the new tax will")],
                predicted: vec![pred(
                    long,
                    Some("Jones"),
                    Some("said"),
                    "that the new tax will rise sharply next year",
                )],
                expected: counts([1, 1, 0, 0, 0, 0]),
            },
            Case {
                name: "two predictions over one gold: only one matches",
                text: said,
                gold: vec![smith_gold()],
                predicted: vec![
                    pred(said, Some("Smith"), Some("said"), "taxes will rise"),
                    pred(
                        said,
                        Some("Smith"),
                        Some("said"),
                        "that taxes will rise next",
                    ),
                ],
                expected: counts([1, 2, 1, 1, 1, 1]),
            },
            Case {
                name: "fragments: the interrupting 'Smith said' is not content",
                text: quote,
                gold: vec![GoldAttribution {
                    source: Some(span(quote, "Smith")),
                    cue: Some(span(quote, "said")),
                    content: Some(span(quote, quote)),
                    fragments: Some(vec![
                        span(quote, "\"Taxes will rise,\""),
                        span(quote, "\"and soon.\""),
                    ]),
                    ..GoldAttribution::default()
                }],
                predicted: vec![pred(
                    quote,
                    Some("Smith"),
                    Some("said"),
                    "\"Taxes will rise,\"",
                )],
                expected: counts([1, 1, 1, 1, 1, 1]),
            },
            Case {
                name: "a prediction in parts counts its parts' tokens, not the clause between",
                text: long,
                gold: vec![gold(long, Some("Jones"), Some("said"), "Jones said that")],
                predicted: vec![Predicted {
                    // Its cover, the whole sentence (11 tokens), would not match;
                    // its parts hold 3 tokens, 2 of them the gold's 3.
                    content: range(long, long),
                    fragments: vec![range(long, "Jones said"), range(long, "year")],
                    ..pred(long, Some("Jones"), Some("said"), long)
                }],
                expected: counts([1, 1, 1, 1, 1, 1]),
            },
            Case {
                name: "without fragments the same prediction is under half",
                text: quote,
                gold: vec![gold(quote, Some("Smith"), Some("said"), quote)],
                predicted: vec![pred(
                    quote,
                    Some("Smith"),
                    Some("said"),
                    "\"Taxes will rise,\"",
                )],
                expected: counts([1, 1, 0, 0, 0, 0]),
            },
            Case {
                name: "gold without source accepts a predicted source",
                text: said,
                gold: vec![gold(
                    said,
                    None,
                    Some("said"),
                    "that taxes will rise next year",
                )],
                predicted: vec![pred(
                    said,
                    Some("next year"),
                    Some("said"),
                    "that taxes will rise next year",
                )],
                expected: counts([1, 1, 1, 1, 1, 1]),
            },
            Case {
                name: "gold without source accepts no predicted source",
                text: said,
                gold: vec![gold(said, None, None, "that taxes will rise next year")],
                predicted: vec![pred(said, None, None, "that taxes will rise next year")],
                expected: counts([1, 1, 1, 1, 1, 1]),
            },
            Case {
                name: "missing predicted source is wrong when gold has one",
                text: said,
                gold: vec![smith_gold()],
                predicted: vec![pred(
                    said,
                    None,
                    Some("said"),
                    "that taxes will rise next year",
                )],
                expected: counts([1, 1, 1, 0, 1, 0]),
            },
            Case {
                name: "cue wrong: content and source count, full does not",
                text: said,
                gold: vec![smith_gold()],
                predicted: vec![pred(
                    said,
                    Some("Smith"),
                    Some("rise"),
                    "that taxes will rise next year",
                )],
                expected: counts([1, 1, 1, 1, 0, 0]),
            },
            Case {
                name: "empty inputs",
                text: "",
                gold: vec![],
                predicted: vec![],
                expected: counts([0, 0, 0, 0, 0, 0]),
            },
            Case {
                name: "gold only",
                text: said,
                gold: vec![smith_gold()],
                predicted: vec![],
                expected: counts([1, 0, 0, 0, 0, 0]),
            },
            Case {
                name: "predictions only, one out of range and one reversed",
                text: said,
                gold: vec![],
                predicted: vec![
                    Predicted {
                        content: 5..500,
                        source: Some(900..1000),
                        cue: Some(reversed(3, 1)),
                        ..Predicted::default()
                    },
                    Predicted {
                        content: reversed(30, 2),
                        source: None,
                        cue: None,
                        ..Predicted::default()
                    },
                ],
                expected: counts([0, 2, 0, 0, 0, 0]),
            },
            Case {
                name: "gold without content is skipped",
                text: said,
                gold: vec![GoldAttribution {
                    content: None,
                    ..smith_gold()
                }],
                predicted: vec![],
                expected: counts([0, 0, 0, 0, 0, 0]),
            },
            Case {
                name: "non-ASCII text with byte offsets, partial source overlap",
                text: accents,
                gold: vec![gold(
                    accents,
                    Some("François Hollande"),
                    Some("a déclaré"),
                    "“Ça suffit,”",
                )],
                predicted: vec![pred(
                    accents,
                    Some("çois Hol"),
                    Some("déclaré"),
                    "Ça suffit",
                )],
                expected: counts([1, 1, 1, 1, 1, 1]),
            },
            Case {
                name: "non-ASCII: a predicted source on the wrong name is wrong",
                text: accents,
                gold: vec![gold(
                    accents,
                    Some("François Hollande"),
                    Some("a déclaré"),
                    "“Ça suffit,”",
                )],
                predicted: vec![pred(
                    accents,
                    Some("Paris"),
                    Some("déclaré"),
                    "“Ça suffit,”",
                )],
                expected: counts([1, 1, 1, 0, 1, 0]),
            },
            Case {
                name: "punctuation-only gold cue is right when the bytes meet",
                text: colon,
                gold: vec![
                    gold(colon, Some("Smith"), Some(":"), "taxes will rise"),
                    GoldAttribution {
                        source: Some(span(colon, "Jones")),
                        cue: Some(GoldSpan {
                            start: nth_range(colon, ":", 1).start,
                            end: nth_range(colon, ":", 1).end,
                            text: ":".into(),
                        }),
                        content: Some(span(colon, "no")),
                        ..GoldAttribution::default()
                    },
                ],
                predicted: vec![
                    pred(colon, Some("Smith"), Some("Smith:"), "taxes will rise"),
                    Predicted {
                        content: range(colon, "no"),
                        source: Some(range(colon, "Jones")),
                        cue: Some(range(colon, "Jones")),
                        ..Predicted::default()
                    },
                ],
                expected: counts([2, 2, 2, 2, 1, 1]),
            },
            Case {
                name: "source fragments: sharing only the cue word is wrong",
                text: gingrich,
                gold: vec![GoldAttribution {
                    source: Some(span(gingrich, "Gingrich said. \"He")),
                    source_fragments: Some(vec![span(gingrich, "Gingrich"), span(gingrich, "He")]),
                    cue: Some(span(gingrich, "said")),
                    content: Some(span(gingrich, "\"He should use social media.\"")),
                    ..GoldAttribution::default()
                }],
                predicted: vec![pred(
                    gingrich,
                    Some("said"),
                    Some("said"),
                    "should use social media",
                )],
                expected: counts([1, 1, 1, 0, 1, 0]),
            },
        ]
    }

    #[test]
    fn scores_the_table_of_scenarios() {
        for case in cases() {
            let score = score_document(case.text, &case.gold, &case.predicted);
            assert_eq!(score.counts, case.expected, "{}", case.name);
            assert_eq!(
                score.missed_gold.len(),
                case.expected.gold - case.expected.content,
                "{}: misses",
                case.name
            );
            assert_eq!(
                score.false_alarms.len(),
                case.expected.predicted - case.expected.content,
                "{}: false alarms",
                case.name
            );
        }
    }

    #[test]
    fn one_to_one_prefers_best_overlap_then_lowest_indices() {
        let text = "Smith said that taxes will rise next year.";
        let gold_list = vec![gold(
            text,
            Some("Smith"),
            Some("said"),
            "that taxes will rise next year",
        )];
        let cases = [
            (
                "larger overlap wins even at a higher index",
                vec![
                    pred(text, None, None, "taxes will rise"),
                    pred(
                        text,
                        Some("Smith"),
                        Some("said"),
                        "that taxes will rise next",
                    ),
                ],
                1,
            ),
            (
                "equal overlap: lower predicted index wins",
                vec![
                    pred(text, Some("Smith"), None, "that taxes will rise next year"),
                    pred(
                        text,
                        Some("Smith"),
                        Some("said"),
                        "that taxes will rise next year",
                    ),
                ],
                0,
            ),
        ];
        for (name, predicted, winner) in cases {
            let score = score_document(text, &gold_list, &predicted);
            assert_eq!(score.matches.len(), 1, "{name}");
            assert_eq!(score.matches[0].predicted, winner, "{name}");
            assert_eq!(score.false_alarms, vec![1 - winner], "{name}");
        }
    }

    #[test]
    fn greedy_assignment_reports_pairs_misses_and_false_alarms() {
        let text = "A said one two three four. B said five six seven eight. C said nine.";
        let gold_list = vec![
            gold(text, Some("A"), Some("said"), "one two three four"),
            gold(text, Some("B"), Some("said five"), "five six seven eight"),
            gold(text, Some("C"), Some("said nine"), "nine"),
        ];
        let predicted = vec![
            pred(text, Some("B"), None, "five six seven eight"),
            pred(text, Some("A"), Some("said"), "one two three four"),
            pred(text, None, None, "A said"),
        ];
        let score = score_document(text, &gold_list, &predicted);
        let pairs: Vec<(usize, usize, usize, bool, bool)> = score
            .matches
            .iter()
            .map(|m| (m.gold, m.predicted, m.overlap_tokens, m.source_ok, m.cue_ok))
            .collect();
        assert_eq!(pairs, vec![(0, 1, 4, true, true), (1, 0, 4, true, false)]);
        assert_eq!(score.missed_gold, vec![2]);
        assert_eq!(score.false_alarms, vec![2]);
    }

    #[test]
    fn many_attributions_match_quickly_and_correctly() {
        let sentence = "Person said alpha beta gamma delta. ";
        let text = sentence.repeat(2000);
        let content_offset = "Person said ".len();
        let content_len = "alpha beta gamma delta".len();
        let gold_list: Vec<GoldAttribution> = (0..2000)
            .map(|i| {
                let start = i * sentence.len();
                let at = |from: usize, len: usize| GoldSpan {
                    start: start + from,
                    end: start + from + len,
                    text: text[start + from..start + from + len].to_string(),
                };
                GoldAttribution {
                    source: Some(at(0, 6)),
                    cue: Some(at(7, 4)),
                    content: Some(at(content_offset, content_len)),
                    ..GoldAttribution::default()
                }
            })
            .collect();
        let predicted: Vec<Predicted> = (0..2000)
            .rev()
            .map(|i| {
                let start = i * sentence.len();
                Predicted {
                    content: start + content_offset..start + content_offset + content_len,
                    source: Some(start..start + 6),
                    cue: Some(start + 7..start + 11),
                    ..Predicted::default()
                }
            })
            .collect();
        let score = score_document(&text, &gold_list, &predicted);
        assert_eq!(score.counts, counts([2000, 2000, 2000, 2000, 2000, 2000]));
        assert!(score.matches.iter().all(|m| m.gold + m.predicted == 1999));
    }

    #[test]
    fn counts_merge_and_give_prf() {
        let a = counts([4, 2, 2, 1, 2, 1]);
        let b = counts([6, 8, 6, 5, 4, 3]);
        let mut merged = a;
        merged += b;
        assert_eq!(merged, a + b);
        assert_eq!(merged, counts([10, 10, 8, 6, 6, 4]));
        assert_eq!([a, b].iter().sum::<Counts>(), merged);
        let cases = [
            (Metric::Content, 0.8, 0.8, 0.8),
            (Metric::Source, 0.6, 0.6, 0.6),
            (Metric::Cue, 0.6, 0.6, 0.6),
            (Metric::Full, 0.4, 0.4, 0.4),
        ];
        for (metric, p, r, f) in cases {
            let prf = merged.prf(metric);
            assert!((prf.precision - p).abs() < 1e-12, "{metric:?}");
            assert!((prf.recall - r).abs() < 1e-12, "{metric:?}");
            assert!((prf.f1 - f).abs() < 1e-12, "{metric:?}");
        }
        let uneven = counts([4, 1, 1, 1, 1, 1]).full_prf();
        assert_eq!((uneven.precision, uneven.recall), (1.0, 0.25));
        assert!((uneven.f1 - 0.4).abs() < 1e-12);
        assert_eq!(Counts::default().full_prf(), Prf::default());
        assert_eq!(counts([0, 3, 0, 0, 0, 0]).content_prf(), Prf::default());
        assert_eq!(merged.table().full, merged.full_prf());
        let json = serde_json::to_string(&merged.table().cue).unwrap_or_default();
        assert!(json.starts_with("{\"precision\":"), "{json}");
    }

    /// Predictions that copy the gold covering spans of every attribution with content.
    fn predictions_from_gold(gold: &[GoldAttribution]) -> Vec<Predicted> {
        gold.iter()
            .filter_map(|g| {
                Some(Predicted {
                    content: g.content.as_ref()?.range(),
                    source: g.source.as_ref().map(GoldSpan::range),
                    cue: g.cue.as_ref().map(GoldSpan::range),
                    ..Predicted::default()
                })
            })
            .collect()
    }

    /// Whether a gold content is discontinuous with gaps so long that no contiguous
    /// prediction, not even its own covering span, passes the half-overlap rule.
    fn unreachable_by_contiguous_span(index: &TokenIndex, gold: &GoldAttribution) -> bool {
        let (Some(cover), Some(exact)) =
            (gold.content.as_ref(), gold.exact_ranges(SpanRole::Content))
        else {
            return false;
        };
        let exact = index.token_set(&exact);
        let cover = index.span_tokens(&cover.range());
        !contents_match(exact.overlap(&cover), exact.len(), cover.len())
    }

    /// Sanity check on the real dev split: gold scored against itself (predictions = gold
    /// covering spans) is perfect except for discontinuous contents that no contiguous span
    /// can match; on the others full F1 is exactly 100%.
    #[test]
    #[ignore = "reads the PolNeAR corpus from ../shared/corpus"]
    fn dev_gold_scored_against_itself_is_perfect() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/polnear/dev.jsonl");
        if !path.is_file() {
            eprintln!("skipped: {} is absent", path.display());
            return;
        }
        let docs = read_gold(&path).unwrap_or_else(|e| panic!("{e}"));
        let mut all = Counts::default();
        let mut reachable = Counts::default();
        let mut unreachable = 0;
        for doc in &docs {
            let index = TokenIndex::new(&doc.text);
            let score = score_document(
                &doc.text,
                &doc.attributions,
                &predictions_from_gold(&doc.attributions),
            );
            for &missed in &score.missed_gold {
                assert!(
                    unreachable_by_contiguous_span(&index, &doc.attributions[missed]),
                    "{}: gold {missed} missed although its covering span qualifies",
                    doc.id
                );
            }
            assert_eq!(
                score.false_alarms.len(),
                score.missed_gold.len(),
                "{}",
                doc.id
            );
            all += score.counts;
            let kept: Vec<GoldAttribution> = doc
                .attributions
                .iter()
                .filter(|g| !unreachable_by_contiguous_span(&index, g))
                .cloned()
                .collect();
            unreachable += doc.attributions.len() - kept.len();
            reachable += score_document(&doc.text, &kept, &predictions_from_gold(&kept)).counts;
        }
        println!("dev, all gold vs its covering spans: {all:?}");
        println!("  full: {:?}", all.full_prf());
        println!(
            "dev, without the {unreachable} unreachable discontinuous contents: {reachable:?}"
        );
        println!("  full: {:?}", reachable.full_prf());
        assert_eq!(
            all.full, all.content,
            "every matched pair has source and cue right"
        );
        assert_eq!(all.gold - all.content, unreachable);
        assert_eq!(reachable.full, reachable.gold);
        assert_eq!(reachable.full_prf().f1, 1.0);
    }
}
