//! The source registry: one row per canonical source across documents.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::most_frequent;
use crate::grammar::alias_key;
use crate::model::{CueKind, Kind, MarkerKind, SourceType};
use crate::record::Record;

/// One canonical source and what rests on it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceRow {
    pub name: String,
    #[serde(rename = "type")]
    pub source_type: SourceType,
    pub claims: usize,
    /// Number of documents citing it.
    pub documents: usize,
    /// The documents citing it, sorted.
    pub cited_in: BTreeSet<String>,
    pub direct_quotes: usize,
    /// Claims that are or hold a quotation (direct or mixed): how often its own words
    /// are quoted.
    pub quotes: usize,
    /// What it said or wrote in paraphrase: claims with a speech cue and no
    /// quotation, non-statements ("declined to say") left out.
    pub statements: usize,
    /// Markers on its claims, by kind.
    pub markers: BTreeMap<MarkerKind, usize>,
    /// How often each spelling names it; the most frequent is `name`.
    #[serde(skip)]
    pub mentions: BTreeMap<String, usize>,
}

/// Whether sources of this type are kept apart per document: "officials" or "the
/// memo" in two stories are not the same; named sources are one across documents.
pub fn kept_per_document(source_type: SourceType) -> bool {
    matches!(
        source_type,
        SourceType::Anonymous | SourceType::Document | SourceType::Unknown
    )
}

/// Rows keyed by canonical name; anonymous, document and unknown sources are kept
/// apart per document ("officials" in two stories are not the same people).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Registry {
    rows: BTreeMap<(String, String), SourceRow>,
}

impl Registry {
    /// The registry of some records.
    pub fn of_records<'r>(records: impl IntoIterator<Item = &'r Record>) -> Registry {
        let mut registry = Registry::default();
        for record in records {
            registry.add(record);
        }
        registry
    }

    /// Counts one record's source, if it has one.
    pub fn add(&mut self, record: &Record) {
        let Some(source) = &record.source else {
            return;
        };
        let canonical = source.name.clone().unwrap_or_else(|| source.text.clone());
        // A named source is shown by its canonical name; an unnamed one ("an
        // official") by how the text first mentions it.
        let (scope, shown) = if kept_per_document(source.source_type) {
            (record.doc.clone(), source.text.clone())
        } else {
            (String::new(), canonical.clone())
        };
        let row = self
            .rows
            .entry((alias_key(&canonical), scope))
            .or_insert_with(|| SourceRow {
                name: shown.clone(),
                source_type: source.source_type,
                claims: 0,
                documents: 0,
                cited_in: BTreeSet::new(),
                direct_quotes: 0,
                quotes: 0,
                statements: 0,
                markers: BTreeMap::new(),
                mentions: BTreeMap::new(),
            });
        *row.mentions.entry(shown).or_insert(0) += 1;
        if let Some(name) = most_frequent(&row.mentions) {
            row.name = name.clone();
        }
        row.claims += 1;
        row.cited_in.insert(record.doc.clone());
        row.documents = row.cited_in.len();
        match record.kind {
            Kind::Direct => {
                row.direct_quotes += 1;
                row.quotes += 1;
            }
            Kind::Mixed => row.quotes += 1,
            Kind::Indirect
                if record.cue_kind == Some(CueKind::Speech) && !record.is_non_statement() =>
            {
                row.statements += 1;
            }
            Kind::Indirect | Kind::Unattributed => {}
        }
        for marker in &record.markers {
            *row.markers.entry(marker.kind).or_insert(0) += 1;
        }
    }

    /// Rows with most claims first, ties by name.
    pub fn rows(&self) -> Vec<&SourceRow> {
        let mut rows: Vec<&SourceRow> = self.rows.values().collect();
        rows.sort_by(|a, b| b.claims.cmp(&a.claims).then_with(|| a.name.cmp(&b.name)));
        rows
    }
}
