//! The publishing policy `claimtrace check` enforces: limits on unsourced claims and
//! on anonymous sourcing, forbidden markers, and no claim a fact-checker disputed.

use crate::model::{Kind, MarkerKind, SourceType};
use crate::record::Record;
use crate::record::Status;
use crate::review::file::{Entry, ReviewFile};
use crate::review::matching::{Key, match_entries};

/// What a document must satisfy; `None` or empty means no limit.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Policy {
    /// Most claims with no source a document may have; claims a review file marks
    /// [`waives_source`] do not count.
    pub max_unsourced: Option<usize>,
    /// Largest share (0 to 1) of a document's attributed claims that may rest on
    /// anonymous sources.
    pub max_anonymous_share: Option<f64>,
    /// Markers no claim may carry.
    pub forbid_markers: Vec<MarkerKind>,
}

impl Policy {
    /// True when it sets no rule at all (then only a review file could fail a claim).
    pub fn is_empty(&self) -> bool {
        *self == Policy::default()
    }
}

/// Whether a claim with this review status may stand with no source: the desk
/// verified it itself, or it asserts nothing a source could back (narration,
/// opinion). A review carried to a claim reworded since (`was:`) waives nothing
/// until somebody has looked again.
pub fn waives_source(entry: &Entry) -> bool {
    matches!(entry.status, Status::Verified | Status::NotCheckable) && !entry.needs_second_look()
}

/// Which rule a document broke.
#[derive(Debug, Clone, PartialEq)]
pub enum Breach {
    Unsourced {
        count: usize,
        max: usize,
        /// Claims with no source that the review file waived (not in `count`).
        waived: usize,
    },
    AnonymousShare {
        anonymous: usize,
        attributed: usize,
        max: f64,
    },
    Marker(MarkerKind),
    Disputed,
}

impl Breach {
    /// The rule's name, as the `--format json` and `github` outputs give it: the
    /// option that sets it, or `disputed`.
    pub fn rule(&self) -> &'static str {
        match self {
            Breach::Unsourced { .. } => "max-unsourced",
            Breach::AnonymousShare { .. } => "max-anonymous-share",
            Breach::Marker(_) => "forbid-marker",
            Breach::Disputed => "disputed",
        }
    }
}

impl std::fmt::Display for Breach {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Breach::Unsourced { count, max, waived } => {
                write!(f, "claims with no source: {count}")?;
                if *waived > 0 {
                    write!(f, " (and {waived} verified or not-checkable in review)")?;
                }
                write!(f, ", more than --max-unsourced {max}")
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

/// A claim named in a violation, with where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Offender {
    pub id: String,
    pub text: String,
    /// The claim's byte span in the document.
    pub start: usize,
    pub end: usize,
    /// 1-based line and column (in characters) of `start`.
    pub line: usize,
    pub col: usize,
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

/// The violations of one document's records, each claim at its record's line and
/// column. With a review file, each
/// record takes the review of its entry (matched as in a merge): a claim marked
/// disputed fails whatever the policy, and one that [`waives_source`] does not
/// count as unsourced.
pub fn check(policy: &Policy, records: &[Record], review: Option<&ReviewFile>) -> Vec<Violation> {
    let Some(doc) = records.first().map(|record| record.doc.clone()) else {
        return Vec::new();
    };
    let reviews = match review {
        Some(review) => reviews_of(records, review),
        None => vec![None; records.len()],
    };
    let offenders = |keep: &dyn Fn(usize) -> bool| -> Vec<Offender> {
        (0..records.len())
            .filter(|&index| keep(index))
            .map(|index| {
                let record = &records[index];
                let (line, col) = (record.claim.line, record.claim.col);
                Offender {
                    id: record.id.clone(),
                    text: record.claim.text.clone(),
                    start: record.claim.start,
                    end: record.claim.end,
                    line,
                    col,
                    note: String::new(),
                }
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
        let unsourced = |index: usize| records[index].source.is_none();
        let waived = |index: usize| reviews[index].is_some_and(waives_source);
        let counted = offenders(&|index| unsourced(index) && !waived(index));
        if counted.len() > max {
            let waived = (0..records.len())
                .filter(|&index| unsourced(index) && waived(index))
                .count();
            add(
                Breach::Unsourced {
                    count: counted.len(),
                    max,
                    waived,
                },
                counted,
            );
        }
    }
    if let Some(max) = policy.max_anonymous_share {
        let is_anonymous = |index: usize| {
            records[index]
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
        let marked = offenders(&|index| records[index].markers.iter().any(|m| m.kind == kind));
        if !marked.is_empty() {
            add(Breach::Marker(kind), marked);
        }
    }
    let is_disputed = |index: usize| reviews[index].filter(|e| e.status == Status::Disputed);
    let mut disputed = offenders(&|index| is_disputed(index).is_some());
    let notes = (0..records.len()).filter_map(is_disputed);
    for (offender, entry) in disputed.iter_mut().zip(notes) {
        offender.note = entry.note.clone();
    }
    if !disputed.is_empty() {
        add(Breach::Disputed, disputed);
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

/// For each record, the review file's entry for it, matched by id as in a merge
/// (claims, changed and removed entries alike).
fn reviews_of<'r>(records: &[Record], review: &'r ReviewFile) -> Vec<Option<&'r Entry>> {
    let old: Vec<&Entry> = review.entries().collect();
    let old_keys: Vec<Key<'_>> = old.iter().map(|entry| entry.key()).collect();
    let fresh_keys: Vec<Key<'_>> = records
        .iter()
        .map(|record| Key {
            doc: Some(&record.doc),
            id: &record.id,
        })
        .collect();
    match_entries(&old_keys, &fresh_keys)
        .into_iter()
        .map(|found| found.map(|index| old[index]))
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
        assert_eq!(
            violations[0].breach,
            Breach::Unsourced {
                count: 1,
                max: 0,
                waived: 0
            }
        );
        let sky = &violations[0].claims[0];
        assert!(sky.text.contains("sky"));
        assert_eq!((sky.line, sky.col), (9, 1));
        assert_eq!(&STORY[sky.start..sky.end], "The sky is green");
    }

    /// A review file marking `needle`'s claim with `status`, and `more` keys
    /// of the entry (", was: {…}").
    fn review_marking(records: &[Record], needle: &str, status: &str, more: &str) -> ReviewFile {
        let record = records
            .iter()
            .find(|r| r.claim.text.contains(needle))
            .unwrap();
        let text = format!(
            "claims:\n- {{id: {}, doc: story.txt, review: {{status: {status}}}{more}}}\n",
            record.id
        );
        load_review(text.as_bytes()).unwrap()
    }

    #[test]
    fn claims_verified_or_not_checkable_in_review_do_not_count_as_unsourced() {
        let records = story_records();
        let policy = Policy {
            max_unsourced: Some(0),
            ..Policy::default()
        };
        // (status of the unsourced claim, whether it still fails)
        let table = [
            ("verified", false),
            ("not-checkable", false),
            ("unverifiable", true),
            ("needs-source", true),
            ("unreviewed", true),
            ("disputed", true),
        ];
        for (status, fails) in table {
            let review = review_marking(&records, "sky", status, "");
            let violations = check(&policy, &records, Some(&review));
            let unsourced = violations
                .iter()
                .any(|v| matches!(v.breach, Breach::Unsourced { .. }));
            assert_eq!(unsourced, fails, "{status}");
        }
        // A verdict carried to a claim reworded since waives nothing.
        let was = ", was: {id: c-0, text: The sky is blue}";
        let reworded = review_marking(&records, "sky", "verified", was);
        let violations = check(&policy, &records, Some(&reworded));
        assert!(matches!(
            violations[0].breach,
            Breach::Unsourced { waived: 0, .. }
        ));
        // A waiver is told when the limit is still broken.
        let mut two = records.clone();
        let mut extra = records.last().unwrap().clone();
        extra.id = "c-other".into();
        two.push(extra);
        let review = review_marking(&records, "sky", "verified", "");
        let violations = check(&policy, &two, Some(&review));
        assert_eq!(
            violations[0].breach,
            Breach::Unsourced {
                count: 1,
                max: 0,
                waived: 1
            }
        );
        assert!(
            violations[0]
                .breach
                .to_string()
                .contains("(and 1 verified or not-checkable in review)")
        );
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
