//! The desk's config for publishing fact checks (`desk.yaml`, kept beside its
//! review files): who publishes them, where each review is published and when,
//! the rating scale, and the URL, title, date and publisher of each reviewed
//! article. `export claimreview` reads it; its flags of the same names win.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::review::file::{LoadError, positioned};

/// The desk's config. Every key is optional; `ratings` replaces the default scale
/// as a whole when given.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Desk {
    /// The organisation that publishes the fact checks (ClaimReview `author`).
    #[serde(default)]
    pub org: Option<String>,
    /// Its home page.
    #[serde(default)]
    pub org_url: Option<String>,
    /// Where each review is published; `{id}` becomes the claim id.
    #[serde(default)]
    pub review_url: Option<String>,
    /// When the reviews are published, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
    /// The lowest number of the rating scale.
    #[serde(default = "worst_rating")]
    pub worst_rating: i64,
    /// The highest number of the rating scale.
    #[serde(default = "best_rating")]
    pub best_rating: i64,
    /// The rating of a claim, by the `rating:` its reviewer wrote or else by its
    /// status: `verified: {value: 5, name: "True"}`.
    #[serde(default = "default_ratings")]
    pub ratings: BTreeMap<String, Rating>,
    /// The article each document of the review file is, by its `doc` name.
    #[serde(default)]
    pub articles: BTreeMap<String, Article>,
}

/// A verdict as published: its number on the scale and its words.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    pub value: i64,
    pub name: String,
}

/// What is known of the article a claim appeared in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    /// `YYYY-MM-DD`, or a date and time (`2024-05-01T09:30:00Z`).
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub publisher: Option<String>,
}

fn worst_rating() -> i64 {
    1
}

fn best_rating() -> i64 {
    5
}

/// The scale when the desk names none: the two verdicts claimtrace always had.
fn default_ratings() -> BTreeMap<String, Rating> {
    let rating = |value, name: &str| Rating {
        value,
        name: name.to_string(),
    };
    BTreeMap::from([
        ("verified".to_string(), rating(5, "Verified")),
        ("disputed".to_string(), rating(1, "Disputed")),
    ])
}

impl Default for Desk {
    fn default() -> Self {
        Desk {
            org: None,
            org_url: None,
            review_url: None,
            date: None,
            worst_rating: worst_rating(),
            best_rating: best_rating(),
            ratings: default_ratings(),
            articles: BTreeMap::new(),
        }
    }
}

impl Desk {
    /// Reads a desk config; an error has the line and column of what is wrong (an
    /// unknown key, a value of the wrong type, a bad URL, date or rating).
    pub fn from_yaml(text: &str) -> Result<Desk, LoadError> {
        if text.trim().is_empty() {
            return Ok(Desk::default());
        }
        let desk: Desk = serde_yaml::from_str(text).map_err(|error| positioned(text, &error))?;
        desk.validate().map_err(|invalid| LoadError {
            line: key_line(text, &invalid.path),
            column: 1,
            message: invalid.to_string(),
        })?;
        Ok(desk)
    }

    /// Checks every value (the flags' too, once laid over the file), naming the
    /// key of the first that is wrong.
    pub fn validate(&self) -> Result<(), Invalid> {
        let invalid = |path: &[&str], message: String| Invalid {
            path: path.iter().map(|key| key.to_string()).collect(),
            message,
        };
        if self.org.as_deref().is_some_and(|org| org.trim().is_empty()) {
            return Err(invalid(&["org"], "the organisation's name is empty".into()));
        }
        if let Some(url) = &self.org_url {
            check_url(url).map_err(|m| invalid(&["org-url"], m))?;
        }
        if let Some(template) = &self.review_url {
            check_url(&template.replace("{id}", "c-0")).map_err(|m| invalid(&["review-url"], m))?;
        }
        if let Some(date) = &self.date {
            check_date(date).map_err(|m| invalid(&["date"], m))?;
        }
        if self.worst_rating >= self.best_rating {
            let message = format!(
                "{} is not above worst-rating {}",
                self.best_rating, self.worst_rating
            );
            return Err(invalid(&["best-rating"], message));
        }
        for (key, rating) in &self.ratings {
            let path = ["ratings", key.as_str()];
            if !(self.worst_rating..=self.best_rating).contains(&rating.value) {
                let message = format!(
                    "value {} is outside the scale {}..{} (worst-rating..best-rating)",
                    rating.value, self.worst_rating, self.best_rating
                );
                return Err(invalid(&path, message));
            }
            if rating.name.trim().is_empty() {
                return Err(invalid(&path, "the name is empty".into()));
            }
        }
        for (doc, article) in &self.articles {
            if let Some(url) = &article.url {
                check_url(url).map_err(|m| invalid(&["articles", doc, "url"], m))?;
            }
            if let Some(date) = &article.date {
                check_date(date).map_err(|m| invalid(&["articles", doc, "date"], m))?;
            }
        }
        Ok(())
    }
}

/// A wrong value of a desk config: the keys down to it, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}: {message}", path.join(": "))]
pub struct Invalid {
    pub path: Vec<String>,
    pub message: String,
}

/// An absolute http(s) URL with a host and no whitespace.
fn check_url(url: &str) -> Result<(), String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let host = rest.map(|rest| rest.split(['/', '?', '#']).next().unwrap_or_default());
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    if host.is_some_and(|host| !host.is_empty()) && clean {
        Ok(())
    } else {
        Err(format!(
            "`{url}` is not an absolute http(s) URL (https://example.org/…)"
        ))
    }
}

/// A calendar date `YYYY-MM-DD`, optionally followed by a time (`T…`).
fn check_date(date: &str) -> Result<(), String> {
    let time = date.get(10..).unwrap_or_default();
    let day = date.get(..10).and_then(calendar_day);
    if day.is_some() && (time.is_empty() || time.starts_with('T')) {
        Ok(())
    } else {
        Err(format!("`{date}` is not a date YYYY-MM-DD"))
    }
}

/// The year, month and day of `YYYY-MM-DD`, when that day exists.
fn calendar_day(text: &str) -> Option<(u32, u32, u32)> {
    let number = |field: &str, digits: usize| {
        (field.len() == digits && field.bytes().all(|b| b.is_ascii_digit()))
            .then(|| field.parse::<u32>().ok())
            .flatten()
    };
    let mut fields = text.split('-');
    let year = number(fields.next()?, 4)?;
    let month = number(fields.next()?, 2)?;
    let day = number(fields.next()?, 2)?;
    (fields.next().is_none() && (1..=days_in_month(year, month)).contains(&day))
        .then_some((year, month, day))
}

/// Days in `month` of `year` (0 for a month that does not exist).
fn days_in_month(year: u32, month: u32) -> u32 {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    }
}

/// The line where `path` (keys, each nested in the one before) is written in
/// `text`, as far down as it can be found; 1 when not even its first key is.
fn key_line(text: &str, path: &[String]) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = None;
    let mut from = 0;
    for (depth, key) in path.iter().enumerate() {
        let names = |line: &&str| {
            let line = if depth == 0 { line } else { line.trim_start() };
            line.starts_with(&format!("{key}:"))
        };
        match lines[from..].iter().position(names) {
            Some(at) => {
                found = Some(from + at);
                from += at + 1;
            }
            None => break,
        }
    }
    found.map_or(1, |index| index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DESK: &str = "\
org: Riverton Fact Check
org-url: https://factcheck.example
review-url: https://factcheck.example/checks/{id}
date: 2024-05-02
best-rating: 6
ratings:
  verified: {value: 6, name: 'True'}
  disputed: {value: 1, name: 'False'}
  misleading: {value: 3, name: Misleading}
articles:
  stories/bridge.txt:
    url: https://news.example/bridge
    title: Bridge closes
    date: 2024-05-01T09:30:00Z
    publisher: Riverton Herald
";

    #[test]
    fn a_desk_config_is_read_whole() {
        let desk = Desk::from_yaml(DESK).unwrap();
        assert_eq!(desk.org.as_deref(), Some("Riverton Fact Check"));
        assert_eq!((desk.worst_rating, desk.best_rating), (1, 6));
        assert_eq!(desk.ratings.len(), 3);
        assert_eq!(desk.ratings["misleading"].value, 3);
        let article = &desk.articles["stories/bridge.txt"];
        assert_eq!(article.publisher.as_deref(), Some("Riverton Herald"));
        assert_eq!(Desk::from_yaml("").unwrap(), Desk::default());
        assert_eq!(Desk::from_yaml("org: X\n").unwrap().ratings.len(), 2);
    }

    #[test]
    fn wrong_values_are_refused_with_their_line() {
        // (the line of DESK replaced, its replacement, the line of the error, what it says)
        let table = [
            (
                2,
                "org_url: https://x.example",
                2,
                "unknown field `org_url`",
            ),
            (
                2,
                "org-url: factcheck.example",
                2,
                "not an absolute http(s) URL",
            ),
            (2, "org-url: 'https:// x'", 2, "not an absolute http(s) URL"),
            (3, "review-url: https://", 3, "review-url"),
            (4, "date: 2024-02-30", 4, "not a date"),
            (4, "date: 02/05/2024", 4, "not a date"),
            (4, "date: 2024-05-02 10:00", 4, "not a date"),
            (5, "best-rating: 1", 5, "1 is not above worst-rating 1"),
            (5, "best-rating: five", 5, "invalid type"),
            (
                5,
                "best-rating: 2",
                9,
                "ratings: misleading: value 3 is outside the scale 1..2",
            ),
        ];
        for (replaced, replacement, line, says) in table {
            let text: String = DESK
                .lines()
                .enumerate()
                .map(|(i, l)| if i + 1 == replaced { replacement } else { l })
                .map(|l| format!("{l}\n"))
                .collect();
            let error = Desk::from_yaml(&text).unwrap_err();
            assert_eq!(error.line, line, "{replacement}: {error}");
            assert!(error.message.contains(says), "{replacement}: {error}");
        }
        let error = Desk::from_yaml("ratings:\n  verified: {value: 5, name: ''}\n").unwrap_err();
        assert!(error.message.contains("name is empty"), "{error}");
        assert_eq!(error.line, 2);
        let error = Desk::from_yaml("org: X\narticles:\n  a.txt: {date: May 1}\n").unwrap_err();
        assert_eq!(error.line, 3);
        assert!(
            error.message.contains("articles: a.txt: date: `May 1`"),
            "{error}"
        );
    }

    #[test]
    fn dates_follow_the_calendar() {
        for (date, ok) in [
            ("2024-02-29", true),
            ("2023-02-29", false),
            ("2000-02-29", true),
            ("1900-02-29", false),
            ("2024-12-31", true),
            ("2024-13-01", false),
            ("2024-1-01", false),
            ("2024-05-01T00:00:00+02:00", true),
            ("2024-05-é1", false),
            ("2024-05-0é", false),
            ("２０２４-05-01", false),
            ("", false),
        ] {
            assert_eq!(check_date(date).is_ok(), ok, "{date}");
        }
    }
}
