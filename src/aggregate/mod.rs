//! Per-document sourcing statistics that merge associatively across batches, and
//! the registry of sources across documents.

pub mod registry;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::grammar::alias_key;
use crate::model::{Kind, MarkerKind, SourceType};
use crate::render::record::Record;

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

    /// Folds another batch's statistics into this one; the order of merges does not
    /// change the result.
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
        for (key, count) in &other.claims_by_source {
            *self.claims_by_source.entry(key.clone()).or_insert(0) += count;
        }
        for (key, name) in &other.source_names {
            self.source_names
                .entry(key.clone())
                .or_insert_with(|| name.clone());
        }
    }

    /// Number of distinct sources.
    pub fn distinct_sources(&self) -> usize {
        self.claims_by_source.len()
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

impl Stats {
    /// The mention that most often names `key` (ties: the alphabetically first).
    pub fn display_name(&self, key: &str) -> String {
        self.source_names
            .get(key)
            .and_then(|names| {
                names
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            })
            .map_or_else(|| key.to_string(), |(name, _)| name.clone())
    }
}
