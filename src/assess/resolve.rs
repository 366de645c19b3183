//! Who "he", "they", "the official" and "the cable" are: the nearest compatible
//! earlier mention, across sentences and paragraphs.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::sync::Arc;

use super::canonical::{canonical_name, strip_titles};
use super::memo::Memos;
use crate::grammar::{AffixClass, Grammar, WordClass, WordRole, classify, lowercase};
use crate::model::SourceType;
use crate::span::Span;

/// Something the text has named: a person, an organization, a source phrase.
#[derive(Debug)]
pub struct Mention {
    pub span: Span,
    pub source_type: SourceType,
    /// Canonical name: "Maria Lopez", "Foreign Policy", "the cable". Shared with
    /// the name memo and the mentions that resolve to it: a name is copied only
    /// into the source that shows it.
    pub name: Arc<str>,
    /// A source phrase's head noun; None for a name.
    head: Option<Span>,
    /// Nouns a later mention may use for it: "senator", "official", "cable".
    /// Worked out on first need (see [`Mentions::roles`]): only "the
    /// senator"-style anaphors ask, and looking them up is not free.
    roles: OnceCell<Vec<String>>,
}

/// What a source phrase asks for when it names nobody itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anaphor<'t> {
    /// he, she
    Person,
    /// they
    Group,
    /// it
    Thing,
    /// who, which: the phrase right before it
    Relative,
    /// "the official", "the cable", "the senator"
    Role(&'t str),
}

/// The role nouns of the titles a name opens with: "Sen. Maria Lopez" -> senator.
fn title_roles(phrase: &str, grammar: &Grammar) -> Vec<String> {
    let parts: Vec<&str> = phrase.split_whitespace().collect();
    let titles_end = parts.len() - strip_titles(&parts, grammar).len();
    parts[..titles_end]
        .iter()
        .filter_map(|word| {
            let lower = word.trim_end_matches('.').to_lowercase();
            grammar
                .titles
                .longest_match(|i| (i == 0).then_some(lower.as_str()))
                .map(|(_, role)| role.clone())
        })
        .collect()
}

/// The mention a source phrase makes, for later anaphora: its head noun is a role,
/// looked up only when an anaphor asks (`Mentions::roles`).
pub fn source_mention(span: Span, head: Span, source_type: SourceType, name: Arc<str>) -> Mention {
    Mention {
        span,
        source_type,
        name,
        head: Some(head),
        roles: OnceCell::new(),
    }
}

/// The role a source phrase's head names: the singular of its last word.
fn head_roles(head: &str, grammar: &Grammar) -> Vec<String> {
    head.split_whitespace()
        .last()
        .map(|word| vec![singular(word, grammar).into_owned()])
        .unwrap_or_default()
}

/// How many earlier mentions of each list an anaphor looks back over: "nearest"
/// stays nearby, and resolution stays linear in the document.
const LOOKBACK: usize = 64;

/// A mention whose type and name are worked out on first need: a document names
/// far more people and bodies than any anaphor ever looks at.
struct LazyMention {
    span: Span,
    mention: OnceCell<Mention>,
}

/// The mentions met so far: names found in the prose (found on first need: most
/// sources name themselves), and sources in text order.
pub struct Mentions<'a> {
    text: &'a str,
    grammar: &'a Grammar,
    memos: &'a Memos,
    names: Vec<LazyMention>,
    sources: Vec<LazyMention>,
}

impl<'a> Mentions<'a> {
    /// Mentions of a document's prose, whose capitalised names are `names` (see
    /// [`crate::link::names::name_spans`]), in text order.
    pub fn new(
        text: &'a str,
        names: impl IntoIterator<Item = Span>,
        grammar: &'a Grammar,
        memos: &'a Memos,
    ) -> Self {
        let names = names
            .into_iter()
            .map(|span| LazyMention {
                span,
                mention: OnceCell::new(),
            })
            .collect();
        Mentions {
            text,
            grammar,
            memos,
            names,
            sources: Vec::new(),
        }
    }

    /// The type and canonical name of the phrase at `span`.
    pub fn type_and_name(&self, span: Span) -> (SourceType, Arc<str>) {
        let phrase = span.slice(self.text);
        // News names the same people and bodies again and again, as names and as
        // sources: the memo keeps each answer for the run.
        self.memos.typed_names.get_or_insert_with(phrase, || {
            let source_type = classify(phrase, self.grammar);
            (
                source_type,
                Arc::from(canonical_name(phrase, source_type, self.grammar)),
            )
        })
    }

    /// The mention the capitalised name at `span` makes.
    fn name_mention(&self, span: Span) -> Mention {
        let (source_type, name) = self.type_and_name(span);
        Mention {
            span,
            source_type,
            name,
            head: None,
            roles: OnceCell::new(),
        }
    }

    /// The role nouns of `mention`: a source phrase's from its head noun, a name's
    /// from the titles it opens with.
    fn roles<'m>(&self, mention: &'m Mention) -> &'m [String] {
        mention.roles.get_or_init(|| match mention.head {
            Some(head) => head_roles(head.slice(self.text), self.grammar),
            None => {
                let phrase = mention.span.slice(self.text);
                self.memos
                    .title_roles
                    .get_or_insert_with(phrase, || title_roles(phrase, self.grammar))
            }
        })
    }

    /// Adds a source mention; sources arrive in text order.
    pub fn push_source(&mut self, mention: Mention) {
        self.sources.push(LazyMention {
            span: mention.span,
            mention: OnceCell::from(mention),
        });
    }

    /// The nearest mentions that end before byte `at`, nearest first; a name's
    /// mention is worked out only when the iterator reaches it, and not at all when
    /// `may_fit` rejects the name's text.
    fn before<'s>(
        &'s self,
        at: usize,
        may_fit: impl Fn(&str) -> bool + 's,
    ) -> impl Iterator<Item = &'s Mention> {
        let window = |list: &'s [LazyMention]| {
            let end = list.partition_point(|lazy| lazy.span.start < at);
            &list[end.saturating_sub(LOOKBACK)..end]
        };
        nearest_first(window(&self.names), window(&self.sources))
            .filter(move |lazy| lazy.span.end <= at)
            .filter_map(move |lazy| match lazy.mention.get() {
                Some(mention) => Some(mention),
                None => may_fit(lazy.span.slice(self.text))
                    .then(|| lazy.mention.get_or_init(|| self.name_mention(lazy.span))),
            })
    }

    /// The earlier full name a one-word person name ends: "Sullivan" -> "Kevin Sullivan".
    pub fn full_name(&self, short: &str, at: usize) -> Option<Arc<str>> {
        if short.split_whitespace().count() != 1 {
            return None;
        }
        // A person's canonical name is an alias or made of the phrase's own words
        // (see canonical_name), so a name that ends with `short` comes from a
        // phrase that contains it, unless some alias ends with it: the other
        // names need not be worked out.
        let spaced = short.contains(char::is_whitespace);
        let some_alias_fits = self
            .grammar
            .aliases
            .values()
            .any(|alias| alias.ends_with(short));
        let may_fit =
            move |phrase: &str| spaced || some_alias_fits || contains_short(phrase, short);
        self.before(at, may_fit)
            .filter(|mention| mention.source_type == SourceType::Person)
            .find(|mention| {
                // The cheap test first: most names end otherwise.
                mention.name.ends_with(short) && mention.name.split_whitespace().nth(1).is_some()
            })
            .map(|mention| mention.name.clone())
    }
}

/// `phrase.contains(needle)` by a plain scan: both are a few words long, and
/// `str::contains` sets up a two-way searcher on every call, for up to 64 names
/// per short name.
fn contains_short(phrase: &str, needle: &str) -> bool {
    let (phrase, needle) = (phrase.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    // Compare whole windows only where the first byte matches.
    (0..phrase.len()).any(|at| phrase[at] == first && phrase[at..].starts_with(needle))
}

/// The mentions of two lists sorted by start, latest start first; among equal
/// starts, names before sources and each list in its own order. Merging the two
/// windows costs no sort and no allocation per anaphor.
fn nearest_first<'s>(
    names: &'s [LazyMention],
    sources: &'s [LazyMention],
) -> impl Iterator<Item = &'s LazyMention> {
    let same_start = |a: &LazyMention, b: &LazyMention| a.span.start == b.span.start;
    let mut names = names.chunk_by(same_start).rev().peekable();
    let mut sources = sources.chunk_by(same_start).rev().peekable();
    std::iter::from_fn(move || {
        let take_name = match (names.peek(), sources.peek()) {
            (Some(name), Some(source)) => name[0].span.start >= source[0].span.start,
            (name, _) => name.is_some(),
        };
        if take_name {
            names.next()
        } else {
            sources.next()
        }
    })
    .flatten()
}

/// The antecedent of the source phrase at `span` among the mentions before it;
/// None when the phrase names someone itself or nothing fits.
pub fn resolve<'m>(
    text: &str,
    span: Span,
    mentions: &'m Mentions,
    grammar: &Grammar,
) -> Option<&'m Mention> {
    let anaphor = anaphor(span.slice(text), grammar)?;
    // "the official": every candidate's roles are compared with its singular.
    let role_noun = match anaphor {
        Anaphor::Role(noun) => Some(singular(noun, grammar)),
        _ => None,
    };
    let fits = |mention: &&Mention| match anaphor {
        Anaphor::Person => {
            mention.source_type == SourceType::Person && !is_pronoun(&mention.name, grammar)
        }
        Anaphor::Group => {
            matches!(
                mention.source_type,
                SourceType::Anonymous | SourceType::Organization
            ) && !is_pronoun(&mention.name, grammar)
        }
        Anaphor::Thing => {
            matches!(
                mention.source_type,
                SourceType::Organization | SourceType::Document | SourceType::Publication
            ) && !is_pronoun(&mention.name, grammar)
        }
        Anaphor::Relative => true,
        Anaphor::Role(_) => mentions
            .roles(mention)
            .iter()
            .any(|role| Some(singular(role, grammar)) == role_noun),
    };
    let mut candidates = mentions.before(span.start, |_| true).filter(fits);
    if anaphor == Anaphor::Relative {
        // "Smith, who said": only the phrase just before the comma.
        return candidates
            .next()
            .filter(|mention| span.start - mention.span.end <= 3);
    }
    candidates.next()
}

/// What kind of antecedent a source phrase needs, if it needs one.
fn anaphor<'t>(phrase: &'t str, grammar: &Grammar) -> Option<Anaphor<'t>> {
    if let Some(info) = grammar.lexemes.caseless(phrase).info {
        let refers = [
            (WordClass::RefersPerson, Anaphor::Person),
            (WordClass::RefersGroup, Anaphor::Group),
            (WordClass::RefersThing, Anaphor::Thing),
            (WordClass::RefersRelative, Anaphor::Relative),
        ];
        if let Some((_, anaphor)) = refers.into_iter().find(|(class, _)| info.is(*class)) {
            return Some(anaphor);
        }
    }
    let mut words = phrase.split_whitespace();
    let (Some(determiner), Some(noun), None) = (words.next(), words.next(), words.next()) else {
        return None;
    };
    let definite = grammar.lexemes.caseless(determiner).is(WordClass::Definite);
    let common =
        noun.chars().next().is_some_and(char::is_lowercase) && grammar.word_role(noun).is_none();
    (definite && common).then_some(Anaphor::Role(noun))
}

fn is_pronoun(name: &str, grammar: &Grammar) -> bool {
    grammar.lexemes.caseless(name).role() == Some(WordRole::Pronoun)
}

/// Fewest bytes left of a plural for its ending to go: "bus" stays.
const MIN_SINGULAR_LEN: usize = 3;

/// "officials" -> "official", lowercase, by the `plural` and `not-plural` endings
/// of affixes.txt; good enough for matching role nouns. Asked for every role of
/// every candidate an anaphor looks back at, so a lowercase word is not copied.
fn singular<'w>(word: &'w str, grammar: &Grammar) -> Cow<'w, str> {
    let lower = lowercase(word);
    let affixes = &grammar.affixes;
    match affixes.strip(&lower, AffixClass::Plural) {
        Some(stem)
            if !affixes.has(&lower, AffixClass::NotPlural) && stem.len() >= MIN_SINGULAR_LEN =>
        {
            match lower {
                // Then `word` is its own lowercase form.
                Cow::Borrowed(_) => Cow::Borrowed(&word[..stem.len()]),
                Cow::Owned(_) => Cow::Owned(stem.to_string()),
            }
        }
        _ => lower,
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;
    use std::sync::LazyLock;

    use super::singular;
    use crate::grammar::Grammar;

    static GRAMMAR: LazyLock<Grammar> = LazyLock::new(|| Grammar::built_in().unwrap());

    /// Word → its singular, and whether a lowercase word was read without a copy.
    #[rustfmt::skip]
    const CASES: &[(&str, &str, bool)] = &[
        ("officials", "official", true),
        ("Officials", "official", false),
        ("OFFICIALS", "official", false),
        ("official", "official", true),
        ("boss", "boss", true),
        ("bus", "bus", true),
        ("Ministères", "ministère", false),
    ];

    #[test]
    fn singular_case_table() {
        for &(word, want, borrowed) in CASES {
            let got = singular(word, &GRAMMAR);
            assert_eq!(got, want, "{word}");
            assert_eq!(matches!(got, Cow::Borrowed(_)), borrowed, "{word}");
        }
    }
}
