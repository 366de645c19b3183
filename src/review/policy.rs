//! The publishing policy `claimtrace check` enforces: limits on unsourced claims and
//! on anonymous sourcing, forbidden markers, and no claim a fact-checker disputed.

use crate::model::{Kind, MarkerKind, SourceType};
use crate::record::Record;
use crate::record::Status;
use crate::review::file::ReviewFile;
use crate::review::matching::{Key, match_entries};

/// What a document must satisfy; `None` or empty means no limit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Policy {
    /// Most claims with no source a document may have.
    pub max_unsourced: Option<usize>,
    /// Largest share (0 to 1) of a document's attributed claims that may rest on
    /// anonymous sources.
    pub max_anonymous_share: Option<f64>,
    /// Markers no claim may carry.
    pub forbid_markers: Vec<MarkerKind>,
}

/// Which rule a document broke.
#[derive(Debug, Clone, PartialEq)]
pub enum Breach {
    Unsourced {
        count: usize,
        max: usize,
    },
    AnonymousShare {
        anonymous: usize,
        attributed: usize,
        max: f64,
    },
    Marker(MarkerKind),
    Disputed,
}

impl std::fmt::Display for Breach {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Breach::Unsourced { count, max } => {
                write!(
                    f,
                    "claims with no source: {count}, more than --max-unsourced {max}"
                )
            }
            Breach::AnonymousShare {
                anonymous,
                attributed,
                max,
            } => write!(
                f,
                "claims on anonymous sources: {anonymous} of {attributed} attributed ({:.2}), more than --max-anonymous-share {max}",
                share(*anonymous, *attributed)
            ),
            Breach::Marker(kind) => {
                write!(
                    f,
                    "claims with a {0} marker (--forbid-marker {0})",
                    kind.as_str()
                )
            }
            Breach::Disputed => f.write_str("claims disputed in review"),
        }
    }
}

/// A claim named in a violation.
#[derive(Debug, Clone, PartialEq)]
pub struct Offender {
    pub id: String,
    pub text: String,
    /// The review note, for a disputed claim.
    pub note: String,
}

/// One broken rule in one document, with the claims that break it.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    pub doc: String,
    pub breach: Breach,
    pub claims: Vec<Offender>,
}

/// The violations of one document's records; with a review file, any claim whose
/// review (matched as in a merge) says disputed fails whatever the policy.
pub fn check(policy: &Policy, records: &[Record], review: Option<&ReviewFile>) -> Vec<Violation> {
    let Some(doc) = records.first().map(|record| record.doc.clone()) else {
        return Vec::new();
    };
    let offenders = |keep: &dyn Fn(&Record) -> bool| -> Vec<Offender> {
        records
            .iter()
            .filter(|record| keep(record))
            .map(|record| Offender {
                id: record.id.clone(),
                text: record.claim.text.clone(),
                note: String::new(),
            })
            .collect()
    };
    let mut violations = Vec::new();
    let mut add = |breach: Breach, claims: Vec<Offender>| {
        violations.push(Violation {
            doc: doc.clone(),
            breach,
            claims,
        });
    };

    if let Some(max) = policy.max_unsourced {
        let unsourced = offenders(&|record| record.source.is_none());
        if unsourced.len() > max {
            add(
                Breach::Unsourced {
                    count: unsourced.len(),
                    max,
                },
                unsourced,
            );
        }
    }
    if let Some(max) = policy.max_anonymous_share {
        let is_anonymous = |record: &Record| {
            record
                .source
                .as_ref()
                .is_some_and(|source| source.source_type == SourceType::Anonymous)
        };
        let anonymous = offenders(&is_anonymous);
        let attributed = records
            .iter()
            .filter(|r| r.kind != Kind::Unattributed)
            .count();
        if share(anonymous.len(), attributed) > max {
            add(
                Breach::AnonymousShare {
                    anonymous: anonymous.len(),
                    attributed,
                    max,
                },
                anonymous,
            );
        }
    }
    for &kind in &policy.forbid_markers {
        let marked = offenders(&|record| record.markers.iter().any(|m| m.kind == kind));
        if !marked.is_empty() {
            add(Breach::Marker(kind), marked);
        }
    }
    if let Some(review) = review {
        let disputed = disputed(records, review);
        if !disputed.is_empty() {
            add(Breach::Disputed, disputed);
        }
    }
    violations
}

/// `part / whole`, 0 for an empty document.
fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The records whose review, matched by id as in a merge, says disputed.
fn disputed(records: &[Record], review: &ReviewFile) -> Vec<Offender> {
    let old: Vec<_> = review.claims.iter().chain(&review.removed).collect();
    let old_keys: Vec<Key<'_>> = old.iter().map(|entry| entry.key()).collect();
    let fresh_keys: Vec<Key<'_>> = records
        .iter()
        .map(|record| Key {
            doc: Some(&record.doc),
            id: &record.id,
        })
        .collect();
    records
        .iter()
        .zip(match_entries(&old_keys, &fresh_keys))
        .filter_map(|(record, found)| {
            let entry = old[found?];
            (entry.status == Status::Disputed).then(|| Offender {
                id: record.id.clone(),
                text: record.claim.text.clone(),
                note: entry.note.clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::records;
    use crate::review::file::load_review;
    use crate::review::test_support::extraction;

    const STORY: &str = "Title\n\nThe plan failed, officials said.\n\nThe vote was close, sources said.\n\nThe budget reportedly grew, Ann Lee said.\n\nThe sky is green.\n";

    fn story_records() -> Vec<Record> {
        records(&extraction("story.txt", STORY))
    }

    fn breaches(policy: &Policy, review: Option<&ReviewFile>) -> Vec<Breach> {
        check(policy, &story_records(), review)
            .into_iter()
            .map(|violation| violation.breach)
            .collect()
    }

    #[test]
    fn no_policy_no_violation() {
        assert!(breaches(&Policy::default(), None).is_empty());
    }

    #[test]
    fn unsourced_claims_over_the_limit_fail() {
        let policy = |max| Policy {
            max_unsourced: Some(max),
            ..Policy::default()
        };
        assert!(breaches(&policy(1), None).is_empty());
        let violations = check(&policy(0), &story_records(), None);
        assert_eq!(violations.len(), 1);
        assert_eq!(violations[0].breach, Breach::Unsourced { count: 1, max: 0 });
        assert!(violations[0].claims[0].text.contains("sky"));
    }

    #[test]
    fn anonymous_share_over_the_limit_fails() {
        let policy = |max| Policy {
            max_anonymous_share: Some(max),
            ..Policy::default()
        };
        assert!(breaches(&policy(0.7), None).is_empty());
        assert!(matches!(
            breaches(&policy(0.5), None)[..],
            [Breach::AnonymousShare {
                anonymous: 2,
                attributed: 3,
                ..
            }]
        ));
    }

    #[test]
    fn forbidden_markers_fail() {
        let policy = Policy {
            forbid_markers: vec![MarkerKind::Hedge, MarkerKind::Estimate],
            ..Policy::default()
        };
        assert_eq!(breaches(&policy, None), [Breach::Marker(MarkerKind::Hedge)]);
    }

    #[test]
    fn a_disputed_claim_always_fails() {
        let records = story_records();
        let plan = records
            .iter()
            .find(|r| r.claim.text.contains("plan"))
            .unwrap();
        let text = format!(
            "claims:\n- {{id: {}, doc: old-name.txt, review: {{status: disputed, note: wrong year}}}}\n- {{id: c-0, review: {{status: disputed}}}}\n",
            plan.id
        );
        let review = load_review(text.as_bytes()).unwrap();
        let violations = check(&Policy::default(), &records, Some(&review));
        assert_eq!(violations.len(), 1);
        assert_eq!(violations[0].breach, Breach::Disputed);
        assert_eq!(violations[0].claims[0].note, "wrong year");
    }
}
