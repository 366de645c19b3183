//! Per-document sourcing statistics that merge associatively across batches, and
//! the registry of sources across documents.

pub mod registry;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::grammar::alias_key;
use crate::model::{CueKind, Kind, MarkerKind, SourceType};
use crate::record::Record;

/// Sourcing counts of one document, or of many merged.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stats {
    pub claims: usize,
    pub attributed: usize,
    pub unattributed: usize,
    pub direct: usize,
    pub mixed: usize,
    pub indirect: usize,
    /// Distinct sources (by canonical key) of each type.
    pub sources_by_type: BTreeMap<SourceType, BTreeSet<String>>,
    /// Claims per type of their source (unattributed claims are not counted).
    pub claims_by_type: BTreeMap<SourceType, usize>,
    /// Attributed claims per kind of their cue: what was said, believed, shown …
    pub claims_by_cue_kind: BTreeMap<CueKind, usize>,
    /// Claims resting on an anonymous source.
    pub anonymous_claims: usize,
    /// Claims carrying a hedge or uncertainty marker.
    pub hedged_claims: usize,
    /// Claims per source key.
    pub claims_by_source: BTreeMap<String, usize>,
    /// How often each mention names a source key; the most frequent is shown.
    pub source_names: BTreeMap<String, BTreeMap<String, usize>>,
}

impl Stats {
    /// The statistics of one document's records.
    pub fn of_records(records: &[Record]) -> Stats {
        let mut stats = Stats::default();
        for record in records {
            stats.add(record);
        }
        stats
    }

    /// Counts one record.
    pub fn add(&mut self, record: &Record) {
        self.claims += 1;
        match record.kind {
            Kind::Direct => self.direct += 1,
            Kind::Mixed => self.mixed += 1,
            Kind::Indirect => self.indirect += 1,
            Kind::Unattributed => self.unattributed += 1,
        }
        if record.kind != Kind::Unattributed {
            self.attributed += 1;
        }
        if let Some(cue_kind) = record.cue_kind {
            *self.claims_by_cue_kind.entry(cue_kind).or_insert(0) += 1;
        }
        let hedged = record
            .markers
            .iter()
            .any(|marker| matches!(marker.kind, MarkerKind::Hedge | MarkerKind::Uncertainty));
        if hedged {
            self.hedged_claims += 1;
        }
        let Some(source) = &record.source else {
            return;
        };
        *self.claims_by_type.entry(source.source_type).or_insert(0) += 1;
        if source.source_type == SourceType::Anonymous {
            self.anonymous_claims += 1;
        }
        let shown = source.name.clone().unwrap_or_else(|| source.text.clone());
        let key = alias_key(&shown);
        self.sources_by_type
            .entry(source.source_type)
            .or_default()
            .insert(key.clone());
        *self.claims_by_source.entry(key.clone()).or_insert(0) += 1;
        *self
            .source_names
            .entry(key)
            .or_default()
            .entry(shown)
            .or_insert(0) += 1;
    }

    /// Folds another batch's statistics into this one. Every field is a sum or a set
    /// union, so merging is associative and commutative: partial statistics of one
    /// document (a JSONL file split anywhere) merge to exactly the whole's.
    pub fn merge(&mut self, other: &Stats) {
        self.claims += other.claims;
        self.attributed += other.attributed;
        self.unattributed += other.unattributed;
        self.direct += other.direct;
        self.mixed += other.mixed;
        self.indirect += other.indirect;
        self.anonymous_claims += other.anonymous_claims;
        self.hedged_claims += other.hedged_claims;
        for (kind, keys) in &other.sources_by_type {
            self.sources_by_type
                .entry(*kind)
                .or_default()
                .extend(keys.iter().cloned());
        }
        for (kind, count) in &other.claims_by_type {
            *self.claims_by_type.entry(*kind).or_insert(0) += count;
        }
        for (kind, count) in &other.claims_by_cue_kind {
            *self.claims_by_cue_kind.entry(*kind).or_insert(0) += count;
        }
        for (key, count) in &other.claims_by_source {
            *self.claims_by_source.entry(key.clone()).or_insert(0) += count;
        }
        for (key, names) in &other.source_names {
            let mine = self.source_names.entry(key.clone()).or_default();
            for (name, count) in names {
                *mine.entry(name.clone()).or_insert(0) += count;
            }
        }
    }

    /// Attributed claims whose cue reports `kind`.
    pub fn cue_kind_claims(&self, kind: CueKind) -> usize {
        self.claims_by_cue_kind.get(&kind).copied().unwrap_or(0)
    }

    /// Number of distinct sources.
    pub fn distinct_sources(&self) -> usize {
        self.claims_by_source.len()
    }

    /// Claims resting on a source of one type.
    pub fn claims_of(&self, kind: SourceType) -> usize {
        self.claims_by_type.get(&kind).copied().unwrap_or(0)
    }

    /// Claims resting on a named source: a person, an organization or a publication.
    pub fn named_claims(&self) -> usize {
        [
            SourceType::Person,
            SourceType::Organization,
            SourceType::Publication,
        ]
        .into_iter()
        .map(|kind| self.claims_of(kind))
        .sum()
    }

    /// Share of attributed claims that rest on an anonymous source, in [0, 1].
    pub fn anonymous_share(&self) -> f64 {
        share(self.anonymous_claims, self.attributed)
    }

    /// Share of claims with no attribution, in [0, 1].
    pub fn unattributed_share(&self) -> f64 {
        share(self.unattributed, self.claims)
    }

    /// Share of claims carrying a hedge or uncertainty marker, in [0, 1].
    pub fn hedged_share(&self) -> f64 {
        share(self.hedged_claims, self.claims)
    }

    /// Distinct sources of one type.
    pub fn sources_of(&self, kind: SourceType) -> usize {
        self.sources_by_type.get(&kind).map_or(0, BTreeSet::len)
    }

    /// The `n` sources with most claims, most first, ties by name.
    pub fn top_sources(&self, n: usize) -> Vec<(String, usize)> {
        let mut sources: Vec<(String, usize)> = self
            .claims_by_source
            .iter()
            .map(|(key, count)| (self.display_name(key), *count))
            .collect();
        sources.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        sources.truncate(n);
        sources
    }
}

/// `part / whole`, or 0 when there is no whole.
pub fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Merges the statistics of the documents that share a key (a publisher, say);
/// groups come out sorted by key.
pub fn group_by<'s>(docs: impl IntoIterator<Item = (String, &'s Stats)>) -> Vec<(String, Stats)> {
    let mut groups: BTreeMap<String, Stats> = BTreeMap::new();
    for (key, stats) in docs {
        groups.entry(key).or_default().merge(stats);
    }
    groups.into_iter().collect()
}

/// The most frequent of some spellings (ties: the first in sort order), so a name
/// does not depend on the order documents arrive in.
pub fn most_frequent(spellings: &BTreeMap<String, usize>) -> Option<&String> {
    spellings
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
        .map(|(name, _)| name)
}

impl Stats {
    /// The mention that most often names `key` (ties: the alphabetically first).
    pub fn display_name(&self, key: &str) -> String {
        self.source_names
            .get(key)
            .and_then(most_frequent)
            .map_or_else(|| key.to_string(), Clone::clone)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ClaimForm;
    use crate::record::{ClaimRecord, SourceRecord, TextSpan};

    fn record(source: Option<(&str, SourceType)>, hedged: bool) -> Record {
        let span = |text: &str| TextSpan {
            text: text.to_string(),
            start: 0,
            end: text.len(),
        };
        Record {
            doc: "d".into(),
            id: "c-1".into(),
            meta: Default::default(),
            kind: if source.is_some() {
                Kind::Indirect
            } else {
                Kind::Unattributed
            },
            cue_kind: source.map(|_| CueKind::Speech),
            claim_form: Some(ClaimForm::Clause),
            claim: ClaimRecord {
                text: "Prices rose".into(),
                start: 0,
                end: 11,
                line: 1,
                col: 1,
                fragments: Vec::new(),
            },
            cue: source.map(|_| span("said")),
            source: source.map(|(text, source_type)| SourceRecord {
                text: text.into(),
                start: 0,
                end: text.len(),
                source_type,
                name: None,
                via: Vec::new(),
            }),
            markers: if hedged {
                vec![crate::record::MarkerRecord {
                    kind: MarkerKind::Hedge,
                    text: "reportedly".into(),
                    start: 0,
                    end: 10,
                }]
            } else {
                Vec::new()
            },
            score: 0.5,
        }
    }

    #[test]
    fn merging_parts_gives_the_whole_in_any_order() {
        let records = [
            record(Some(("officials", SourceType::Anonymous)), true),
            record(Some(("the ministry", SourceType::Organization)), false),
            record(None, true),
            record(Some(("Officials", SourceType::Anonymous)), false),
            record(Some(("the ministry", SourceType::Organization)), false),
        ];
        let whole = Stats::of_records(&records);
        let (a, b, c) = (
            Stats::of_records(&records[..2]),
            Stats::of_records(&records[2..3]),
            Stats::of_records(&records[3..]),
        );
        let mut left = a.clone();
        left.merge(&b);
        left.merge(&c);
        let mut right = c.clone();
        let mut bc = b.clone();
        bc.merge(&a);
        right.merge(&bc);
        assert_eq!(left, whole);
        assert_eq!(right, whole);
        assert_eq!(whole.claims_of(SourceType::Anonymous), 2);
        assert_eq!(whole.named_claims(), 2);
        assert_eq!(whole.hedged_share(), 0.4);
        assert_eq!(whole.anonymous_share(), 0.5);
    }
}
