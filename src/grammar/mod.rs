//! The language knowledge: lexicons read from the `grammar/` files, one concern per
//! file, plain text an editor can change ("said | invert" in `cues.txt`, "officials |
//! anonymous" in `sources.txt`), so that vocabulary is data rather than Rust.
//!
//! Every file is embedded in the binary ([`BUILT_IN`]), each read by its own
//! [`Lexicon`] in [`lexicon`]; [`Grammar::load`] layers a user's folder over them:
//! entries are added, `!phrase` removes a built-in entry. The line format is in
//! [`file`](mod@file); the lookups built from the lexicons ([`PhraseSet`], [`Aliases`],
//! [`Words`], [`LineRules`]) and [`classify`] in files of their own, and [`Lexemes`],
//! the table of every word the grammar knows with all its roles, made from them.

pub mod aliases;
pub mod file;
pub mod lexemes;
pub mod lexicon;
pub mod line_rules;
pub mod page;
pub mod phrases;
pub mod shapes;
pub mod source_type;
mod text;
pub mod words;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;

pub use aliases::Aliases;
pub use file::{Example, Line};
pub use lexemes::{AsWord, IdPhrases, Lexeme, LexemeId, Lexemes, WordKey};
pub use lexicon::affixes::{AffixClass, Affixes};
pub use lexicon::cues::CueFlags;
pub use lexicon::function_words::WordRole;
pub use lexicon::layout::LayoutRule;
pub use lexicon::markers::MarkerRule;
pub use lexicon::scores::Scores;
pub use lexicon::word_classes::{Classes, WordClass};
pub use lexicon::{BUILT_IN, BuiltIn, Entry, Lexicon, Opens, Rules};
pub use line_rules::LineRules;
pub use page::{PageRule, PageRules};
pub use phrases::{LowerWords, PhraseSet};
pub use source_type::classify;
pub use text::{alias_key, lookup_form, lowercase, straight_apostrophes};
pub use words::{WordInfo, Words};

use crate::error::Error;
use crate::model::{CueKind, SourceType};

/// All lexicons, ready for matching: a field per grammar file, and the indexes made
/// from them once they are complete.
#[derive(Debug, Clone, Default)]
pub struct Grammar {
    /// `cues.txt`, after `mined/cues.txt`: reporting cues and the frames each allows.
    pub cues: PhraseSet<CueFlags>,
    /// `cue_kinds.txt`: lowercase cue phrase -> what it reports ("believes" -> belief).
    pub cue_kinds: HashMap<String, CueKind>,
    /// `according.txt`: "according to"-style phrases.
    pub according: PhraseSet<()>,
    /// `sources.txt`: lowercase head noun -> source type ("officials" -> anonymous).
    pub source_nouns: HashMap<String, SourceType>,
    /// `names.txt`: known names -> type ("Foreign Policy" -> publication).
    pub names: PhraseSet<SourceType>,
    /// `name_hints.txt`: words inside a capitalised name that give its type
    /// ("Ministry" -> organization).
    pub name_hints: HashMap<String, SourceType>,
    /// `relays.txt`: what relayed a source ("cited in", "released by").
    pub relays: PhraseSet<()>,
    /// `markers.txt`: reliability markers with their kind and weight.
    pub markers: PhraseSet<MarkerRule>,
    /// `scores.txt`: where the sourcing score starts, what a direct quote adds and a
    /// relay takes off.
    pub scores: Scores,
    /// `function_words.txt` and `word_classes.txt`: lowercase word -> its role
    /// and its classes, one entry for both.
    pub words: Words,
    /// `mined/verb_forms.txt`: lowercase words that are finite verbs most of the
    /// time ("was", "said", "will"), mined from silver tags.
    pub finite_verbs: HashSet<String>,
    /// `affixes.txt`: the endings and beginnings that class a word by its form.
    pub affixes: Affixes,
    /// `abbreviations.txt`: lowercase abbreviations without their final period ("mr",
    /// "u.s", "sept").
    pub abbreviations: HashSet<String>,
    /// `layout.txt`: boilerplate lines and their rules, in file order.
    pub layout: Vec<(String, LayoutRule)>,
    /// `page.txt`: words of an HTML element's attributes that make it the article's
    /// body, boilerplate or reader comments.
    pub page: PageRules,
    /// `titles.txt`: titles before a name ("senator", "gov"), lowercase without a final
    /// period, with the role noun a later mention uses ("gov" -> "governor").
    pub titles: PhraseSet<String>,
    /// `aliases.txt`: other names of sources -> canonical name.
    pub aliases: Aliases,
    /// Every `@example` of every file, for `grammar check` and the tests.
    pub examples: Vec<Example>,
    /// Every word the lexicons know, with all its roles, and the phrase lexicons
    /// by the numbers of their words: an index made by [`Grammar::index`] once the
    /// lexicons are complete (code that changes them afterwards calls it again).
    pub lexemes: Lexemes,
    /// The whole-line and prefix rules of `layout`, made by [`Grammar::index`] (like
    /// `lexemes`, an index).
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
        for built_in in BUILT_IN {
            grammar.apply_file(&built_in.rules, built_in.name, built_in.text)?;
        }
        if let Some(dir) = overlay {
            grammar.apply_overlay(dir)?;
        }
        grammar.index();
        Ok(grammar)
    }

    /// Makes the indexes of the lexicons again ([`Lexemes`], [`LineRules`]): after
    /// loading, and after any change to the lexicons.
    pub fn index(&mut self) {
        self.lexemes = Lexemes::of(self);
        self.line_rules = LineRules::new(&self.layout);
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
            // A mined file ("mined/cues.txt") is overlaid by the file of its lexicon.
            let Some(built_in) = BUILT_IN.iter().find(|built_in| built_in.rules.file == name)
            else {
                let mut known: Vec<_> = BUILT_IN
                    .iter()
                    .map(|built_in| built_in.rules.file)
                    .collect();
                known.dedup();
                return Err(Error::Grammar {
                    file: shown,
                    line: 1,
                    message: format!("unknown grammar file; expected one of {}", known.join(", ")),
                });
            };
            let bytes = std::fs::read(&path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            let content = String::from_utf8(bytes).map_err(|error| Error::InvalidUtf8 {
                path: shown.clone(),
                offset: error.utf8_error().valid_up_to(),
            })?;
            self.apply_file(&built_in.rules, &shown, &content)?;
        }
        Ok(())
    }

    /// Adds (or removes) the entries of one file, read by `rules`; errors name `shown`.
    fn apply_file(&mut self, rules: &Rules, shown: &str, content: &str) -> Result<(), Error> {
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
                        rules.remove(self, &entry)?;
                    } else {
                        rules.add(self, &entry)?;
                    }
                }
            }
        }
        Ok(())
    }

    /// What the grammar knows of a lowercase word (a `&str`, or a token's
    /// lowercase form, which carries its lexeme): its role and its classes.
    pub fn word<W: AsWord + ?Sized>(&self, word: &W) -> Option<&WordInfo> {
        match word.word_key() {
            WordKey::Text(lower) => self.words.get(lower),
            WordKey::Lexeme(id) => self.lexemes.get(id).info.as_ref(),
        }
    }

    /// The role of a lowercase word, if it is a function word.
    pub fn word_role<W: AsWord + ?Sized>(&self, word: &W) -> Option<WordRole> {
        self.word(word).and_then(|info| info.role)
    }

    /// True when the lowercase word belongs to `class`.
    pub fn is<W: AsWord + ?Sized>(&self, word: &W, class: WordClass) -> bool {
        match word.word_key() {
            // The class's own shape filter turns most words away unhashed.
            WordKey::Text(lower) => self.words.is(lower, class),
            WordKey::Lexeme(id) => self.lexemes.get(id).is(class),
        }
    }

    /// The type of a source noun ("officials" -> anonymous).
    pub fn source_noun<W: AsWord + ?Sized>(&self, word: &W) -> Option<SourceType> {
        match word.word_key() {
            WordKey::Text(lower) => self.source_nouns.get(lower).copied(),
            WordKey::Lexeme(id) => self.lexemes.get(id).source_noun,
        }
    }

    /// True for an abbreviation without its final period ("mr", "u.s").
    pub fn is_abbreviation<W: AsWord + ?Sized>(&self, word: &W) -> bool {
        match word.word_key() {
            WordKey::Text(lower) => self.abbreviations.contains(lower),
            WordKey::Lexeme(id) => self.lexemes.get(id).abbreviation,
        }
    }

    /// True for a word that is a finite verb most of the time ("was", "said").
    pub fn is_finite_verb<W: AsWord + ?Sized>(&self, word: &W) -> bool {
        match word.word_key() {
            WordKey::Text(lower) => self.finite_verbs.contains(lower),
            WordKey::Lexeme(id) => self.lexemes.get(id).finite_verb,
        }
    }

    /// True when the lowercase word is the first word of a title (`titles.txt`).
    pub fn opens_title<W: AsWord + ?Sized>(&self, word: &W) -> bool {
        match word.word_key() {
            WordKey::Text(lower) => self.titles.starts_with_word(lower),
            WordKey::Lexeme(id) => self.lexemes.get(id).opens_title,
        }
    }

    /// Everything the grammar says of a lowercase word (see [`Lexeme`]): read by
    /// the number a token carries, or found by the word's bytes (see
    /// [`Lexemes::id`]). The lexicons' own maps, which the other lookups ask of a
    /// word given as text, answer the same (`lexemes::tests`).
    pub fn lexeme<W: AsWord + ?Sized>(&self, word: &W) -> &Lexeme {
        self.lexemes.lexeme(word)
    }
}
