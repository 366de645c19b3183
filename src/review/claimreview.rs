//! schema.org ClaimReview JSON-LD for the claims a fact-checker settled, with every
//! field Google's fact-check documentation requires or recommends that the review
//! file and the desk's config ([`Desk`]) can fill: the review's `url`, `author`
//! (the organisation), `datePublished`, `claimReviewed` (the claim's own words),
//! `reviewRating` (the desk's scale) and `itemReviewed` (the Claim, with its
//! author when the source is named, and the article it appeared in).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};
use serde_yaml::Value as Yaml;

use crate::grammar::{Grammar, WordRole};
use crate::model::SourceType;
use crate::record::{PART_SEPARATOR, Status};
use crate::review::desk::{Article, Desk, Rating};
use crate::review::file::{Entry, EntrySource, ReviewFile};

/// The longest `claimReviewed` consumers show whole (Google: "less than 75
/// characters to minimize wrapping when displayed on a mobile device").
pub const CLAIM_REVIEWED_SHOWN: usize = 75;

/// The ClaimReviews of a review file, and what keeps them from being complete.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub reviews: Vec<Value>,
    pub warnings: Vec<Warning>,
}

/// Something a publisher should know before publishing the export.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Warning {
    /// No `review-url`: `url` is required by the consumers of ClaimReview.
    NoReviewUrl,
    /// No `org`: the review has no `author`.
    NoOrg,
    /// No `date`: the review has no `datePublished`.
    NoDate,
    /// A document with claims exported but no article URL in the desk's config.
    NoArticle { doc: String },
    /// A `claimReviewed` with no words (required by consumers).
    EmptyClaim { id: String },
    /// A `claimReviewed` longer than consumers show.
    LongClaim { id: String, chars: usize },
    /// Claims with a verdict status that the desk's ratings do not name.
    NoRating { status: Status, claims: usize },
    /// Rated claims under `changed`, reworded since their review: not exported
    /// until somebody takes a second look.
    SecondLook { claims: usize },
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::NoReviewUrl => f.write_str(
                "no review URL (--review-url or review-url: in the desk config): \
                 consumers require `url`",
            ),
            Warning::NoOrg => f.write_str(
                "no organisation (--org, --org-url or org: in the desk config): \
                 the reviews have no `author`",
            ),
            Warning::NoDate => f.write_str(
                "no date (--date or date: in the desk config): the reviews have no `datePublished`",
            ),
            Warning::NoArticle { doc } => write!(
                f,
                "{doc}: no article URL (articles: in the desk config): its claims have no `appearance`"
            ),
            Warning::EmptyClaim { id } => write!(
                f,
                "{id}: claimReviewed is empty (consumers require it); write a `summary:` in its review"
            ),
            Warning::LongClaim { id, chars } => write!(
                f,
                "{id}: claimReviewed has {chars} characters, more than the \
                 {CLAIM_REVIEWED_SHOWN} consumers show; write a shorter `summary:` in its review"
            ),
            Warning::NoRating { status, claims } => write!(
                f,
                "{claims} claims marked {status} not exported: the desk config's \
                 ratings: has no `{status}`"
            ),
            Warning::SecondLook { claims } => write!(
                f,
                "{claims} claims under changed: not exported: reworded since their \
                 review (take a second look, then delete their `was:`)"
            ),
        }
    }
}

/// Why a review file cannot be exported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    #[error("{id}: rating `{rating}` is not in the desk config's ratings (known: {})", known.join(", "))]
    UnknownRating {
        id: String,
        rating: String,
        known: Vec<String>,
    },
}

/// Statuses that are verdicts on a claim, exported when the desk rates them (the
/// others say where the review stands, not what it found).
const VERDICTS: [Status; 3] = [Status::Verified, Status::Disputed, Status::Unverifiable];

/// One ClaimReview per claim (not those under `changed` or `removed`) with a rating: the one
/// its reviewer wrote (`rating:` in its review), or else the one the desk gives
/// its status. `grammar` tells a pronoun ("He said") from a name.
pub fn claim_reviews(
    file: &ReviewFile,
    desk: &Desk,
    grammar: &Grammar,
) -> Result<Export, ExportError> {
    let mut reviews = Vec::new();
    let mut warnings = BTreeSet::new();
    let mut unrated: BTreeMap<Status, usize> = BTreeMap::new();
    for entry in &file.claims {
        let Some(rating) = rating(entry, desk)? else {
            if VERDICTS.contains(&entry.status) {
                *unrated.entry(entry.status).or_default() += 1;
            }
            continue;
        };
        let claim_reviewed = claim_reviewed(entry);
        let chars = claim_reviewed.chars().count();
        if chars == 0 {
            warnings.insert(Warning::EmptyClaim {
                id: entry.id.clone(),
            });
        } else if chars > CLAIM_REVIEWED_SHOWN {
            warnings.insert(Warning::LongClaim {
                id: entry.id.clone(),
                chars,
            });
        }
        let article = article(desk, entry);
        let article = article.as_ref();
        if article.is_none_or(|article| article.url.is_none()) {
            let doc = entry.doc.clone().unwrap_or_else(|| "(no doc)".into());
            warnings.insert(Warning::NoArticle { doc });
        }
        let mut review = json!({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": entry.id,
            "claimReviewed": claim_reviewed,
            "itemReviewed": item_reviewed(entry, article, grammar),
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": rating.value,
                "bestRating": desk.best_rating,
                "worstRating": desk.worst_rating,
                "alternateName": rating.name,
                "name": rating.name,
            },
        });
        if let Some(template) = &desk.review_url {
            review["url"] = template.replace("{id}", &entry.id).into();
        }
        if let Some(org) = organisation(desk) {
            review["author"] = org;
        }
        if let Some(date) = &desk.date {
            review["datePublished"] = date.clone().into();
        }
        if !entry.note.is_empty() {
            review["reviewBody"] = entry.note.clone().into();
        }
        reviews.push(review);
    }
    if !reviews.is_empty() {
        let missing = [
            (desk.review_url.is_none(), Warning::NoReviewUrl),
            (organisation(desk).is_none(), Warning::NoOrg),
            (desk.date.is_none(), Warning::NoDate),
        ];
        warnings.extend(missing.into_iter().filter(|(m, _)| *m).map(|(_, w)| w));
    }
    warnings.extend(
        unrated
            .into_iter()
            .map(|(status, claims)| Warning::NoRating { status, claims }),
    );
    let waiting = (file.changed.iter())
        .filter(|entry| rating(entry, desk).is_ok_and(|rating| rating.is_some()))
        .count();
    if waiting > 0 {
        warnings.insert(Warning::SecondLook { claims: waiting });
    }
    Ok(Export {
        reviews,
        warnings: warnings.into_iter().collect(),
    })
}

/// The desk's rating of `entry`: by the `rating:` its reviewer wrote, or else by
/// its status; none when the desk rates neither.
fn rating<'d>(entry: &Entry, desk: &'d Desk) -> Result<Option<&'d Rating>, ExportError> {
    match review_text(entry, "rating") {
        Some(name) => match desk.ratings.get(&name) {
            Some(rating) => Ok(Some(rating)),
            None => Err(ExportError::UnknownRating {
                id: entry.id.clone(),
                rating: name,
                known: desk.ratings.keys().cloned().collect(),
            }),
        },
        None => Ok(desk.ratings.get(entry.status.as_str())),
    }
}

/// A text key of the entry's review mapping, when written and not blank.
fn review_text(entry: &Entry, key: &str) -> Option<String> {
    let value = entry.raw_review()?.get(key)?;
    let text = match value {
        Yaml::String(text) => text.trim().to_string(),
        Yaml::Number(number) => number.to_string(),
        _ => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// The organisation that publishes the reviews, when the desk names it.
fn organisation(desk: &Desk) -> Option<Value> {
    if desk.org.is_none() && desk.org_url.is_none() {
        return None;
    }
    let mut org = json!({"@type": "Organization"});
    if let Some(name) = &desk.org {
        org["name"] = name.clone().into();
    }
    if let Some(url) = &desk.org_url {
        org["url"] = url.clone().into();
    }
    Some(org)
}

/// The article `entry` appeared in, as the desk's config gives it.
///
/// Records that carry their document's metadata (url, title, date, publisher)
/// give it to their review entries; this is where it joins: the entry's own
/// metadata first, the desk's `articles:` entry over it.
fn article(desk: &Desk, entry: &Entry) -> Option<Article> {
    let meta = entry
        .raw
        .get("meta")
        .and_then(serde_yaml::Value::as_mapping);
    let field = |key: &str| {
        meta.and_then(|meta| meta.get(key))
            .and_then(serde_yaml::Value::as_str)
            .map(str::to_string)
    };
    let mut article = Article {
        url: field("url"),
        title: field("title"),
        date: field("date"),
        publisher: field("publisher"),
    };
    let desk_entry = entry.doc.as_deref().and_then(|doc| desk.articles.get(doc));
    if let Some(desk_entry) = desk_entry {
        let over = |mine: &mut Option<String>, desk: &Option<String>| {
            if desk.is_some() {
                mine.clone_from(desk);
            }
        };
        over(&mut article.url, &desk_entry.url);
        over(&mut article.title, &desk_entry.title);
        over(&mut article.date, &desk_entry.date);
        over(&mut article.publisher, &desk_entry.publisher);
    }
    (article != Article::default()).then_some(article)
}

/// `claimReviewed`: the reviewer's `summary:`, or else the claim's own words: the
/// parts of a quote interrupted by its attribution without the clause between
/// them (`"A," she said. "B."` reads `A … B.`), each without its enclosing
/// quotation marks and trailing comma, whitespace folded.
fn claim_reviewed(entry: &Entry) -> String {
    if let Some(summary) = review_text(entry, "summary") {
        return fold_whitespace(&summary);
    }
    let parts: Vec<&str> = if entry.place.fragments.is_empty() {
        entry.claim_text.as_deref().into_iter().collect()
    } else {
        entry.place.fragments.iter().map(String::as_str).collect()
    };
    let words: Vec<String> = parts
        .iter()
        .map(|part| unquote(&fold_whitespace(part)).to_string())
        .filter(|part| !part.is_empty())
        .collect();
    words.join(PART_SEPARATOR)
}

fn fold_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A quotation without its marks and the comma that hands it to its attribution:
/// `"We will appeal,"` → `We will appeal`. Text that is not one quotation (marks
/// inside, or none around) is kept as it is, but for a trailing comma.
fn unquote(part: &str) -> &str {
    const DOUBLE: [(char, char); 3] = [('"', '"'), ('“', '”'), ('«', '»')];
    const SINGLE: [(char, char); 2] = [('\'', '\''), ('‘', '’')];
    let mut chars = part.chars();
    let (Some(open), Some(close)) = (chars.next(), chars.next_back()) else {
        return part.trim_end_matches(',');
    };
    let inner = chars.as_str();
    let is_double = DOUBLE.contains(&(open, close));
    let quoted = (is_double && !inner.contains(['"', '“', '”', '«', '»']))
        || SINGLE.contains(&(open, close));
    let words = if quoted { inner } else { part };
    words.trim().trim_end_matches(',').trim_end()
}

/// The Claim: who made it (when the source is named), where and when it appeared.
fn item_reviewed(entry: &Entry, article: Option<&Article>, grammar: &Grammar) -> Value {
    let mut claim = json!({"@type": "Claim"});
    if let Some(author) = entry.source.as_ref().and_then(|s| claim_author(s, grammar)) {
        claim["author"] = author;
    }
    let Some(article) = article else {
        return claim;
    };
    if let Some(date) = &article.date {
        // The claim entered public discourse with the article, as far as we know.
        claim["datePublished"] = date.clone().into();
    }
    if article.url.is_some() || article.title.is_some() {
        let mut appearance = json!({"@type": "CreativeWork"});
        if let Some(url) = &article.url {
            appearance["url"] = url.clone().into();
        }
        if let Some(title) = &article.title {
            appearance["headline"] = title.clone().into();
        }
        if let Some(date) = &article.date {
            appearance["datePublished"] = date.clone().into();
        }
        if let Some(publisher) = &article.publisher {
            appearance["publisher"] = json!({"@type": "Organization", "name": publisher});
        }
        claim["appearance"] = appearance;
    }
    claim
}

/// The claim's author: a named person as a Person, a named organisation or
/// publication as an Organization. Anonymous sources, documents, sources of no
/// known type and sources not named (a pronoun no name was found for, "the
/// council") make no author.
fn claim_author(source: &EntrySource, grammar: &Grammar) -> Option<Value> {
    let kind = match source.source_type {
        SourceType::Person => "Person",
        SourceType::Organization | SourceType::Publication => "Organization",
        SourceType::Anonymous | SourceType::Document | SourceType::Unknown => return None,
    };
    let name = source.shown().trim();
    let mut words = name.split_whitespace();
    let first = words.next()?;
    let lower = first.to_lowercase();
    let role = grammar.word_role(&lower);
    let pronoun = role == Some(WordRole::Pronoun) && words.next().is_none();
    let capitalised = name.chars().next().is_some_and(char::is_uppercase);
    (capitalised && !pronoun && role != Some(WordRole::Determiner))
        .then(|| json!({"@type": kind, "name": name}))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::file::load_review;

    fn grammar() -> Grammar {
        Grammar::built_in().expect("the built-in grammar loads")
    }

    fn export(text: &str, desk: &Desk) -> Export {
        claim_reviews(&load_review(text.as_bytes()).unwrap(), desk, &grammar()).unwrap()
    }

    #[test]
    fn settled_claims_become_claim_reviews() {
        let text = "\
claims:
- id: c-1
  doc: a.txt
  claim: {text: The plan failed.}
  source: {text: the ministry, type: organization, name: Ministry of Finance}
  review: {status: disputed, note: It succeeded., reviewer: Ann}
- id: c-2
  claim: {text: It rained.}
  source: null
  review: {status: verified}
- id: c-3
  review: {status: needs-source}
";
        let reviews = export(text, &Desk::default()).reviews;
        assert_eq!(reviews.len(), 2);
        let first = &reviews[0];
        assert_eq!(first["@type"], "ClaimReview");
        assert_eq!(first["claimReviewed"], "The plan failed.");
        assert_eq!(first["itemReviewed"]["author"]["@type"], "Organization");
        assert_eq!(
            first["itemReviewed"]["author"]["name"],
            "Ministry of Finance"
        );
        assert_eq!(first["reviewRating"]["ratingValue"], 1);
        assert_eq!(first["reviewBody"], "It succeeded.");
        // The reviewer is the desk's business; the organisation publishes.
        assert!(first.get("author").is_none());
        assert!(!first.to_string().contains("Ann"));
        assert!(reviews[1]["itemReviewed"].get("author").is_none());
        assert_eq!(reviews[1]["reviewRating"]["alternateName"], "Verified");
    }

    #[test]
    fn claim_reviewed_is_the_claims_own_words() {
        // (claim as written, fragments, summary, claimReviewed)
        let table: [(&str, &[&str], &str, &str); 9] = [
            ("\"We will appeal,\"", &[], "", "We will appeal"),
            ("‘We will appeal,’", &[], "", "We will appeal"),
            ("The plan\n  failed,", &[], "", "The plan failed"),
            (
                "\"A,\" … \"B.\"",
                &["\"You could tell,\"", "\"They were always right.\""],
                "",
                "You could tell … They were always right.",
            ),
            (
                "The CIA used a \"f----d up\" system",
                &[],
                "",
                "The CIA used a \"f----d up\" system",
            ),
            ("\"A\" and \"B\"", &[], "", "\"A\" and \"B\""),
            ("'We don't know,'", &[], "", "We don't know"),
            (
                "Anything",
                &[],
                "  A shorter   summary ",
                "A shorter summary",
            ),
            ("\"\"", &[], "", ""),
        ];
        for (text, fragments, summary, want) in table {
            let fragments: Vec<String> = fragments
                .iter()
                .map(|f| {
                    format!(
                        "{{text: {}, start: 0, end: 1}}",
                        serde_json::to_string(f).unwrap()
                    )
                })
                .collect();
            let yaml = format!(
                "claims:\n- id: c-1\n  claim: {{text: {}, start: 0, end: 1, fragments: [{}]}}\n  review: {{status: verified, summary: {}}}\n",
                serde_json::to_string(text).unwrap(),
                fragments.join(", "),
                serde_json::to_string(summary).unwrap()
            );
            let export = export(&yaml, &Desk::default());
            assert_eq!(export.reviews[0]["claimReviewed"], want, "{text:?}");
            let empty = Warning::EmptyClaim { id: "c-1".into() };
            assert_eq!(
                export.warnings.contains(&empty),
                want.is_empty(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_claims_author_is_a_named_person_or_organisation() {
        // (source text, type, resolved name, the author's type and name, if any)
        let table = [
            ("Ann Lee", "person", "null", Some(("Person", "Ann Lee"))),
            ("she", "person", "Ann Lee", Some(("Person", "Ann Lee"))),
            ("He", "person", "null", None),
            ("The council", "organization", "council", None),
            (
                "The Ministry of Finance",
                "organization",
                "Ministry of Finance",
                Some(("Organization", "Ministry of Finance")),
            ),
            (
                "Foreign Policy",
                "publication",
                "null",
                Some(("Organization", "Foreign Policy")),
            ),
            ("officials", "anonymous", "null", None),
            ("A Home Office spokesperson", "anonymous", "null", None),
            ("the cable", "document", "the cable", None),
            ("The Report", "document", "null", None),
            ("Someone", "unknown", "null", None),
        ];
        for (text, kind, name, want) in table {
            let yaml = format!(
                "claims:\n- id: c-1\n  claim: {{text: x}}\n  source: {{text: {text}, type: {kind}, name: {name}}}\n  review: {{status: verified}}\n"
            );
            let reviews = export(&yaml, &Desk::default()).reviews;
            let author = &reviews[0]["itemReviewed"]["author"];
            let got = author["@type"].as_str().zip(author["name"].as_str());
            assert_eq!(got, want, "{text} ({kind})");
        }
    }

    #[test]
    fn ratings_come_from_the_reviewers_rating_or_else_the_status() {
        let desk = Desk::from_yaml(
            "ratings:\n  verified: {value: 5, name: 'True'}\n  unverifiable: {value: 3, name: Unproven}\n  misleading: {value: 2, name: Misleading}\n",
        )
        .unwrap();
        let text = "\
claims:
- {id: c-1, review: {status: verified}}
- {id: c-2, review: {status: verified, rating: misleading}}
- {id: c-3, review: {status: unverifiable}}
- {id: c-4, review: {status: disputed}}
- {id: c-5, review: {status: disputed}}
- {id: c-6, review: {status: needs-source}}
";
        let export = export(text, &desk);
        let ratings: Vec<(&str, &str)> = export
            .reviews
            .iter()
            .map(|r| {
                (
                    r["identifier"].as_str().unwrap(),
                    r["reviewRating"]["alternateName"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            ratings,
            [("c-1", "True"), ("c-2", "Misleading"), ("c-3", "Unproven")]
        );
        assert!(export.warnings.contains(&Warning::NoRating {
            status: Status::Disputed,
            claims: 2
        }));

        let typo = "claims:\n- {id: c-9, review: {status: verified, rating: misleadng}}\n";
        let error =
            claim_reviews(&load_review(typo.as_bytes()).unwrap(), &desk, &grammar()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "c-9: rating `misleadng` is not in the desk config's ratings (known: misleading, unverifiable, verified)"
        );
    }
}
