//! The language knowledge: lexicons and patterns read from `grammar/` files.
//!
//! Every file is embedded in the binary; [`Grammar::load`] layers a user's folder
//! over them: entries are added, `!phrase` removes a built-in entry.

pub mod aliases;
pub mod file;
pub mod first_words;
pub mod line_rules;
pub mod phrases;
pub mod source_type;
mod text;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;

pub use aliases::Aliases;
pub use file::{Example, Line};
pub use first_words::{FirstWords, Opens};
pub use line_rules::LineRules;
pub use phrases::{LowerWords, PhraseSet};
pub use source_type::classify;
pub use text::{alias_key, is_article, push_lowercase};

use crate::error::Error;
use crate::model::{MarkerKind, SourceType};

/// The built-in grammar files: (name, content).
pub const BUILT_IN: &[(&str, &str)] = &[
    // Mined from PolNeAR train by scripts/mine_train.py; the hand-written cues.txt
    // comes after it, so its entries win.
    (
        "mined/cues.txt",
        include_str!("../../grammar/mined/cues.txt"),
    ),
    ("cues.txt", include_str!("../../grammar/cues.txt")),
    ("according.txt", include_str!("../../grammar/according.txt")),
    ("sources.txt", include_str!("../../grammar/sources.txt")),
    ("names.txt", include_str!("../../grammar/names.txt")),
    (
        "name_hints.txt",
        include_str!("../../grammar/name_hints.txt"),
    ),
    ("relays.txt", include_str!("../../grammar/relays.txt")),
    ("markers.txt", include_str!("../../grammar/markers.txt")),
    (
        "function_words.txt",
        include_str!("../../grammar/function_words.txt"),
    ),
    (
        "abbreviations.txt",
        include_str!("../../grammar/abbreviations.txt"),
    ),
    ("layout.txt", include_str!("../../grammar/layout.txt")),
    ("titles.txt", include_str!("../../grammar/titles.txt")),
    ("aliases.txt", include_str!("../../grammar/aliases.txt")),
];

/// What a reporting cue allows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CueFlags {
    /// May stand between claim and source: "…, said the cable."
    pub invert: bool,
    /// Takes an addressee before the claim: "told Foreign Policy that …"
    pub recipient: bool,
    /// Only a cue when its source is a document or publication: "the cable read".
    pub document: bool,
    /// The claim may be a to-infinitive: "declined to comment", "vowed to fight".
    pub infinitive: bool,
    /// Speaks of its own clause, with no source: "Sanders appears to be spending
    /// more", "the president is expected to run". The claim is the whole clause.
    pub impersonal: bool,
    /// Only a cue with a party that can hold a view (a person, group or organization)
    /// as its source: "I think we still have bases", "voters believe", not "the data
    /// think".
    pub person: bool,
}

/// The role of a closed-class word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordRole {
    /// May stand between a source and its cue: "has", "also", "repeatedly".
    Aux,
    /// Ends a source phrase on its left: "that", "but", "when".
    Boundary,
    /// A determiner or quantifier that may open a source phrase.
    Determiner,
    /// A preposition: ends a source head ("officials in Beijing").
    Preposition,
    /// A subject pronoun: a whole source on its own ("he said").
    Pronoun,
    /// A time word: "…, the Times reported Monday."
    Time,
}

/// A layout rule from `layout.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayoutRule {
    /// The whole line is boilerplate ("Advertisement").
    Line,
    /// A line starting with this is boilerplate ("Topics:").
    Prefix,
    /// Everything after this line is reader comments.
    CommentsStart,
    /// Opens a teaser box ("Read this") …
    TeaserStart,
    /// … which this closes ("Read more+").
    TeaserEnd,
    /// A word that marks a photo credit ("Getty Images", "Reuters").
    Credit,
    /// A leading label that is not part of the claim ("Summary:").
    Label,
    /// A line starting with this opens an author's bio ("About").
    BioStart,
}

/// A reliability marker's kind and weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarkerRule {
    pub kind: MarkerKind,
    pub weight: f64,
}

/// All lexicons, ready for matching.
#[derive(Debug, Clone, Default)]
pub struct Grammar {
    pub cues: PhraseSet<CueFlags>,
    pub according: PhraseSet<()>,
    /// Lowercase head noun -> source type ("officials" -> anonymous).
    pub source_nouns: HashMap<String, SourceType>,
    /// Known names -> type ("Foreign Policy" -> publication).
    pub names: PhraseSet<SourceType>,
    /// Words inside a capitalised name that give its type ("Ministry" -> organization).
    pub name_hints: HashMap<String, SourceType>,
    pub relays: PhraseSet<()>,
    pub markers: PhraseSet<MarkerRule>,
    pub function_words: HashMap<String, WordRole>,
    /// Lowercase abbreviations without their final period ("mr", "u.s", "sept").
    pub abbreviations: HashSet<String>,
    pub layout: Vec<(String, LayoutRule)>,
    /// Titles before a name ("senator", "gov"), lowercase without a final period,
    /// with the role noun a later mention uses ("gov" -> "governor").
    pub titles: PhraseSet<String>,
    /// Other names of sources -> canonical name.
    pub aliases: Aliases,
    /// Every `@example` of every file, for `grammar check` and the tests.
    pub examples: Vec<Example>,
    /// The first words of `cues`, `according` and `markers`, made by [`Grammar::load`]
    /// once they are complete.
    pub first_words: FirstWords,
    /// The whole-line and prefix rules of `layout`, made by [`Grammar::load`] (like
    /// `first_words`, an index: code that changes `layout` afterwards makes it again
    /// with [`LineRules::new`]).
    pub line_rules: LineRules,
}

impl Grammar {
    /// The built-in grammar.
    pub fn built_in() -> Result<Grammar, Error> {
        Grammar::load(None)
    }

    /// The built-in grammar with the files of `overlay` layered over it.
    pub fn load(overlay: Option<&Path>) -> Result<Grammar, Error> {
        let mut grammar = Grammar::default();
        for (name, content) in BUILT_IN {
            grammar.apply_file(name, name, content)?;
        }
        if let Some(dir) = overlay {
            grammar.apply_overlay(dir)?;
        }
        grammar.first_words = FirstWords::of(&grammar);
        grammar.line_rules = LineRules::new(&grammar.layout);
        Ok(grammar)
    }

    /// Reads every `*.txt` of `dir` as an overlay of the built-in file of the same name.
    fn apply_overlay(&mut self, dir: &Path) -> Result<(), Error> {
        let io = |source| Error::Io {
            path: dir.to_path_buf(),
            source,
        };
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            let name = path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            let shown = path.display().to_string();
            if !BUILT_IN.iter().any(|(known, _)| *known == name) {
                let known: Vec<_> = BUILT_IN.iter().map(|(known, _)| *known).collect();
                return Err(grammar_error(
                    &shown,
                    1,
                    format!("unknown grammar file; expected one of {}", known.join(", ")),
                ));
            }
            let bytes = std::fs::read(&path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            let content = String::from_utf8(bytes).map_err(|error| Error::InvalidUtf8 {
                path: shown.clone(),
                offset: error.utf8_error().valid_up_to(),
            })?;
            self.apply_file(&name, &shown, &content)?;
        }
        Ok(())
    }

    /// Adds (or removes) the entries of one file, interpreted by its `name`;
    /// errors name `shown`.
    fn apply_file(&mut self, name: &str, shown: &str, content: &str) -> Result<(), Error> {
        for line in file::parse_file(shown, content)? {
            match line {
                Line::Example(example) => self.examples.push(example),
                Line::Entry {
                    phrase,
                    fields,
                    remove,
                    line,
                } => {
                    let entry = Entry {
                        file: shown,
                        line,
                        phrase: &phrase,
                        fields: &fields,
                    };
                    if remove {
                        self.remove_entry(name, &entry)?;
                    } else {
                        self.add_entry(name, &entry)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// Interprets one entry of the file `name`.
    fn add_entry(&mut self, name: &str, entry: &Entry) -> Result<(), Error> {
        match file_kind(name) {
            "cues.txt" => {
                let flags = entry.cue_flags()?;
                self.cues.insert(entry.phrase, flags);
            }
            "according.txt" => {
                entry.no_fields()?;
                self.according.insert(entry.phrase, ());
            }
            "sources.txt" => {
                let source_type = entry.source_type()?;
                self.source_nouns
                    .insert(entry.phrase.to_lowercase(), source_type);
            }
            "names.txt" => {
                let source_type = entry.source_type()?;
                self.names.insert(entry.phrase, source_type);
            }
            "name_hints.txt" => {
                let source_type = entry.source_type()?;
                self.name_hints
                    .insert(entry.phrase.to_lowercase(), source_type);
            }
            "relays.txt" => {
                entry.no_fields()?;
                self.relays.insert(entry.phrase, ());
            }
            "markers.txt" => {
                let rule = entry.marker_rule()?;
                self.markers.insert(entry.phrase, rule);
            }
            "function_words.txt" => {
                let role = entry.word_role()?;
                self.function_words
                    .insert(entry.phrase.to_lowercase(), role);
            }
            "abbreviations.txt" => {
                entry.no_fields()?;
                let abbreviation = entry.phrase.trim_end_matches('.').to_lowercase();
                self.abbreviations.insert(abbreviation);
            }
            "layout.txt" => {
                let rule = entry.layout_rule()?;
                self.layout.push((entry.phrase.to_string(), rule));
            }
            "titles.txt" => {
                let title = entry.phrase.trim_end_matches('.').to_lowercase();
                let role = match entry.fields {
                    [] => title.clone(),
                    [role] => role.to_lowercase(),
                    _ => return Err(entry.error("expected `title` or `title | role`".into())),
                };
                self.titles.insert(&title, role);
            }
            "aliases.txt" => {
                if entry.fields.is_empty() {
                    return Err(entry.error("expected `alias | canonical name`".into()));
                }
                self.aliases.insert(entry.phrase, entry.fields.join(" "));
            }
            _ => return Err(entry.error(format!("no rules known for grammar file `{name}`"))),
        }
        Ok(())
    }

    /// Removes one built-in entry named by `!phrase` in an overlay.
    fn remove_entry(&mut self, name: &str, entry: &Entry) -> Result<(), Error> {
        let lower = entry.phrase.to_lowercase();
        let removed = match file_kind(name) {
            "cues.txt" => self.cues.remove(entry.phrase),
            "according.txt" => self.according.remove(entry.phrase),
            "sources.txt" => self.source_nouns.remove(&lower).is_some(),
            "names.txt" => self.names.remove(entry.phrase),
            "name_hints.txt" => self.name_hints.remove(&lower).is_some(),
            "relays.txt" => self.relays.remove(entry.phrase),
            "markers.txt" => self.markers.remove(entry.phrase),
            "function_words.txt" => self.function_words.remove(&lower).is_some(),
            "abbreviations.txt" => self.abbreviations.remove(lower.trim_end_matches('.')),
            "layout.txt" => {
                let before = self.layout.len();
                self.layout.retain(|(phrase, _)| phrase != entry.phrase);
                before != self.layout.len()
            }
            "titles.txt" => self.titles.remove(entry.phrase.trim_end_matches('.')),
            "aliases.txt" => self.aliases.remove(entry.phrase),
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            Err(entry.error(format!(
                "`!{}` removes nothing: no such entry",
                entry.phrase
            )))
        }
    }

    /// The role of a lowercase word, if it is a function word.
    pub fn word_role(&self, lower: &str) -> Option<WordRole> {
        self.function_words.get(lower).copied()
    }
}

/// One entry being interpreted, with where it came from.
struct Entry<'a> {
    file: &'a str,
    line: usize,
    phrase: &'a str,
    fields: &'a [String],
}

impl Entry<'_> {
    fn error(&self, message: String) -> Error {
        grammar_error(self.file, self.line, message)
    }

    fn no_fields(&self) -> Result<(), Error> {
        if self.fields.is_empty() {
            Ok(())
        } else {
            Err(self.error(format!("expected no fields after `{}`", self.phrase)))
        }
    }

    fn cue_flags(&self) -> Result<CueFlags, Error> {
        let mut flags = CueFlags::default();
        for field in self.fields {
            match field.as_str() {
                "invert" => flags.invert = true,
                "recipient" => flags.recipient = true,
                "document" => flags.document = true,
                "infinitive" => flags.infinitive = true,
                "person" => flags.person = true,
                "impersonal" => flags.impersonal = true,
                other => {
                    return Err(self.error(format!(
                        "unknown cue flag `{other}`; expected invert, recipient, document, infinitive, person or impersonal"
                    )));
                }
            }
        }
        Ok(flags)
    }

    fn source_type(&self) -> Result<SourceType, Error> {
        match self.fields {
            [one] => one.parse().map_err(|message: String| self.error(message)),
            _ => Err(self.error(
                "expected `phrase | TYPE` with TYPE one of person, anonymous, organization, publication, document, unknown".into(),
            )),
        }
    }

    fn marker_rule(&self) -> Result<MarkerRule, Error> {
        let [kind, weight] = self.fields else {
            return Err(self
                .error("expected `phrase | KIND WEIGHT`, e.g. `reportedly | hedge 0.15`".into()));
        };
        let kind: MarkerKind = kind
            .parse()
            .map_err(|message: String| self.error(message))?;
        let weight: f64 = weight
            .parse()
            .ok()
            .filter(|weight: &f64| (0.0..=1.0).contains(weight))
            .ok_or_else(|| {
                self.error(format!(
                    "expected a weight between 0 and 1, found `{weight}`"
                ))
            })?;
        Ok(MarkerRule { kind, weight })
    }

    fn word_role(&self) -> Result<WordRole, Error> {
        match self.fields {
            [role] => match role.as_str() {
                "aux" => Ok(WordRole::Aux),
                "boundary" => Ok(WordRole::Boundary),
                "determiner" => Ok(WordRole::Determiner),
                "preposition" => Ok(WordRole::Preposition),
                "pronoun" => Ok(WordRole::Pronoun),
                "time" => Ok(WordRole::Time),
                other => Err(self.error(format!(
                    "unknown word role `{other}`; expected aux, boundary, determiner, preposition, pronoun or time"
                ))),
            },
            _ => Err(self.error("expected `word | ROLE`".into())),
        }
    }

    fn layout_rule(&self) -> Result<LayoutRule, Error> {
        let rule = match self.fields {
            [rule] => rule.as_str(),
            _ => "",
        };
        Ok(match rule {
            "line" => LayoutRule::Line,
            "prefix" => LayoutRule::Prefix,
            "comments-start" => LayoutRule::CommentsStart,
            "teaser-start" => LayoutRule::TeaserStart,
            "teaser-end" => LayoutRule::TeaserEnd,
            "credit" => LayoutRule::Credit,
            "label" => LayoutRule::Label,
            "bio-start" => LayoutRule::BioStart,
            _ => {
                return Err(self.error(
                    "expected `phrase | RULE` with RULE one of line, prefix, comments-start, teaser-start, teaser-end, credit, label, bio-start".into(),
                ));
            }
        })
    }
}

/// The file whose rules interpret `name`: mined lexicons read like their hand-written
/// counterparts.
fn file_kind(name: &str) -> &str {
    name.strip_prefix("mined/").unwrap_or(name)
}

fn grammar_error(file: &str, line: usize, message: String) -> Error {
    Error::Grammar {
        file: file.to_string(),
        line,
        message,
    }
}
