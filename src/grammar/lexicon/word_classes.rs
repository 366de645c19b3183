//! `word_classes.txt`: the word lists the frames, the source types and the
//! resolution of pronouns ask about, each a class a word may belong to: "one |
//! count counting quantity number" is a count in "one in five", counts the noun
//! after "of" in "one of the officials", is a quantity in "about one in five" and a
//! number after an estimate ("around one hundred"). Unlike the one role of
//! `function_words.txt`, a word may have any number of classes.

use super::{Entry, Lexicon};
use crate::error::Error;
use crate::grammar::Grammar;

/// A word class of `word_classes.txt`: what a piece of code asks of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    /// A number word that makes a ratio around "in": "four in 10", "one in five".
    Count,
    /// What "about", "over" or "under" may qualify: "about half of voters".
    Quantity,
    /// A number after an estimate word: "around a dozen", "roughly 30".
    Number,
    /// Before "of", counts the noun after it, which heads the phrase: "one of the
    /// officials" is headed by "officials".
    Counting,
    /// A quantifier that opens its clause before a cue is a source on its own:
    /// "Several said …".
    StandaloneQuantifier,
    /// Before a preposition and a quantity, bounds it: "at least half".
    QuantityModifier,
    /// The preposition of a bound: "at" in "at least half".
    BoundPreposition,
    /// The bound after it: "least" in "at least half".
    Bound,
    /// Opens a subordinate clause, whose claim ends at its comma: "While Ramos
    /// said that …, he appears".
    Subordinator,
    /// Opens a short adverbial clause after a cue that ends its clause: "…, Carson
    /// said after the attacks."
    AdjunctSubordinator,
    /// Joins two clauses: "… and said", "…, he said, but …".
    Coordinator,
    /// Between a source and its cue, with "to": "continues to insist", "went on to
    /// endorse".
    Aspectual,
    /// After an aspectual verb, before "to": "on" in "went on to".
    AspectualParticle,
    /// Before an aspectual adjective: "more" in "were more likely to say".
    Degree,
    /// Before a source and its cue, makes them an aside to the clause after their
    /// comma, which is the claim: "As the mayor said on Tuesday, the bridge …".
    ReportingAs,
    /// Opens a sentence without being its subject: "But the court overruled …".
    SentenceConjunction,
    /// Joins two nouns into one source: "current and former officials".
    NounCoordinator,
    /// Opens a time adjunct right after a cue: "said on Friday he met …".
    TimeOpener,
    /// Makes one time phrase with the time word after it, between a source and its
    /// cue: "Donald Trump on Sunday tweeted".
    TimeQualifier,
    /// A pronoun that stands for a person: "he said".
    RefersPerson,
    /// A pronoun that stands for a group: "they said".
    RefersGroup,
    /// A pronoun that stands for an organization or a text: "it said".
    RefersThing,
    /// A relative pronoun as a source: it stands for the phrase just before its
    /// comma ("Smith, who said").
    RefersRelative,
    /// A determiner that makes `"<determiner> <noun>"` refer back: "the official".
    Definite,
    /// An article, dropped from a canonical name: "the cable".
    Article,
    /// An indefinite article: "a group called Citizens for Trump" names a thing.
    Indefinite,
    /// A pronoun as the object of a cue: "told him".
    ObjectPronoun,
    /// A reflexive pronoun: after a cue flagged `not-reflexive`, makes it no cue
    /// ("found himself").
    Reflexive,
    /// After a source and its comma, opens a clause about the source, not the
    /// claim: "according to the Times, which first reported …".
    Relative,
    /// After the source of an inverted cue, a clause about that source: "…," said an
    /// official who …".
    PersonalRelative,
    /// The subject of a relative clause: "officials who spoke … said".
    SubjectRelative,
    /// A form of "be" before a cue makes it passive: "Jokes are told".
    Be,
    /// A negation between "be" and a cue: "is not expected".
    Negation,
    /// A participle that names a thing after an indefinite noun phrase: "a group
    /// called Citizens for Trump".
    NamingVerb,
    /// The cue of the question frame: "When asked whether …".
    Asks,
    /// Before "asked", leaves the asker unnamed: "When asked", "was asked".
    NoAsker,
    /// After "asked", opens the question: "asked whether", "asked to name".
    Question,
    /// After "asked", belongs to the cue and opens the question: "asked about".
    QuestionPreposition,
    /// Before a source, makes it the subject of a question: "Asked if he believed …".
    EmbeddedQuestion,
    /// Before a participle, makes the one after it its subject: "with 22 percent
    /// saying …".
    AbsoluteOpener,
    /// A preposition whose "-ing" object shares the sentence's subject: "… by saying".
    GerundPreposition,
    /// The label of an interviewer's turn in a transcript: "Q:", "Question:",
    /// "Interviewer:"; a question is no source's claim.
    QuestionLabel,
    /// The label of an interviewee's turn in a transcript: "A:", "Answer:"; it
    /// stands for the interviewee the introduction names.
    AnswerLabel,
    /// Right before a name in a transcript's introduction, makes it the
    /// interviewer's: "our reporter Ellen Marsh", "senior writer Michael Grunwald".
    InterviewerRole,
    /// In an interview's answer, a pronoun source that stands for whoever answers:
    /// "I think …".
    RefersSpeaker,
    /// Ends a section label or kicker before a colon, which names no source:
    /// "ANALYSIS:", "ON THE AGENDA:".
    SectionLabel,
    /// In a headline, the topic after a source before its colon: "CNN President On
    /// Trump:".
    TopicPreposition,
    /// Before a headline's source, says it follows: "From Jones: …".
    SourceIntro,
    /// Before [`WordClass::SourceIntro`]: "More from the report: …".
    IntroAdverb,
    /// A one-word answer that is a claim: "he said yes".
    Answer,
    /// A complementizer after a cue, where its claim starts: "said on Monday that …".
    Complementizer,
    /// The infinitive marker that a cue flagged `infinitive` takes: "declined to
    /// comment".
    Infinitive,
    /// After an impersonal cue, opens its clause: "appears to", "seems that".
    ImpersonalComplement,
    /// Joins a complement into a noun phrase: "one of the officials", "Ministry of
    /// State Security".
    Partitive,
    /// Between two counts, makes one quantity: "four in 10 voters".
    Ratio,
    /// The agent of a passive after a document noun: "a report by Foreign Policy".
    PassiveAgent,
    /// After a publication's name, still means the publication: "a Foreign Policy
    /// report".
    Work,
    /// A word whose first letters an apostrophe stands for: the mark before it is no
    /// quotation mark ("'em", "rock 'n' roll", "'cause").
    Elided,
    /// A verb that follows the closing mark of a quotation but never a possessive:
    /// "said" in "'…the ministers' plans' said Smith".
    AfterQuote,
    /// Opens a reported clause: "that", "whether", "when" ("said when the bridge
    /// reopens").
    ClauseOpener,
    /// A subject pronoun: with a word after it, a claim is a clause ("they plan to").
    SubjectPronoun,
    /// A contracted verb after its apostrophe, whatever the word before it: "'t" in
    /// "can't", "'ll".
    ContractedVerb,
    /// A cue that puts a question to a source: "asked whether …" states nothing.
    QuestionCue,
    /// A cue that refuses: with an infinitive, an act, not a statement ("declined
    /// to fund the project").
    Refusal,
    /// A speech verb that states only with a clause or a quotation: with a noun
    /// phrase it has another sense ("added a second goal").
    NeedsClause,
    /// Before a colon at a block's start, labels a photo caption or video blurb.
    CaptionLabel,
    /// Before a colon at a block's start, labels a correction note: what it says
    /// the article said is no claim of the article's ("Correction: … incorrectly
    /// said …").
    CorrectionLabel,
    /// The author's own voice as a source outside quotations: "I think …".
    FirstPerson,
    /// After a comma, opens the writer's concession, which ends a reported claim:
    /// "…, though it is unclear why".
    Concessive,
}

/// How many classes there are.
pub const CLASS_COUNT: usize = CLASSES.len();

/// Each class by its name in the file, in the order errors list them.
const CLASSES: &[(&str, WordClass)] = &[
    ("count", WordClass::Count),
    ("quantity", WordClass::Quantity),
    ("number", WordClass::Number),
    ("counting", WordClass::Counting),
    ("standalone-quantifier", WordClass::StandaloneQuantifier),
    ("quantity-modifier", WordClass::QuantityModifier),
    ("bound-preposition", WordClass::BoundPreposition),
    ("bound", WordClass::Bound),
    ("subordinator", WordClass::Subordinator),
    ("adjunct-subordinator", WordClass::AdjunctSubordinator),
    ("coordinator", WordClass::Coordinator),
    ("reporting-as", WordClass::ReportingAs),
    ("aspectual", WordClass::Aspectual),
    ("aspectual-particle", WordClass::AspectualParticle),
    ("degree", WordClass::Degree),
    ("sentence-conjunction", WordClass::SentenceConjunction),
    ("noun-coordinator", WordClass::NounCoordinator),
    ("time-opener", WordClass::TimeOpener),
    ("time-qualifier", WordClass::TimeQualifier),
    ("refers-person", WordClass::RefersPerson),
    ("refers-group", WordClass::RefersGroup),
    ("refers-thing", WordClass::RefersThing),
    ("refers-relative", WordClass::RefersRelative),
    ("definite", WordClass::Definite),
    ("article", WordClass::Article),
    ("indefinite", WordClass::Indefinite),
    ("object-pronoun", WordClass::ObjectPronoun),
    ("reflexive", WordClass::Reflexive),
    ("relative", WordClass::Relative),
    ("personal-relative", WordClass::PersonalRelative),
    ("subject-relative", WordClass::SubjectRelative),
    ("be", WordClass::Be),
    ("negation", WordClass::Negation),
    ("naming-verb", WordClass::NamingVerb),
    ("asks", WordClass::Asks),
    ("no-asker", WordClass::NoAsker),
    ("question", WordClass::Question),
    ("question-preposition", WordClass::QuestionPreposition),
    ("embedded-question", WordClass::EmbeddedQuestion),
    ("absolute-opener", WordClass::AbsoluteOpener),
    ("gerund-preposition", WordClass::GerundPreposition),
    ("question-label", WordClass::QuestionLabel),
    ("answer-label", WordClass::AnswerLabel),
    ("interviewer-role", WordClass::InterviewerRole),
    ("refers-speaker", WordClass::RefersSpeaker),
    ("section-label", WordClass::SectionLabel),
    ("topic-preposition", WordClass::TopicPreposition),
    ("source-intro", WordClass::SourceIntro),
    ("intro-adverb", WordClass::IntroAdverb),
    ("answer", WordClass::Answer),
    ("complementizer", WordClass::Complementizer),
    ("infinitive", WordClass::Infinitive),
    ("impersonal-complement", WordClass::ImpersonalComplement),
    ("partitive", WordClass::Partitive),
    ("ratio", WordClass::Ratio),
    ("passive-agent", WordClass::PassiveAgent),
    ("work", WordClass::Work),
    ("elided", WordClass::Elided),
    ("after-quote", WordClass::AfterQuote),
    ("clause-opener", WordClass::ClauseOpener),
    ("subject-pronoun", WordClass::SubjectPronoun),
    ("contracted-verb", WordClass::ContractedVerb),
    ("question-cue", WordClass::QuestionCue),
    ("refusal", WordClass::Refusal),
    ("needs-clause", WordClass::NeedsClause),
    ("caption-label", WordClass::CaptionLabel),
    ("correction-label", WordClass::CorrectionLabel),
    ("first-person", WordClass::FirstPerson),
    ("concessive", WordClass::Concessive),
];

/// The classes of one word, a bit per [`WordClass`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Classes(u128);

impl Classes {
    /// True when `class` is among them.
    pub fn has(self, class: WordClass) -> bool {
        self.0 & Classes::bit(class) != 0
    }

    /// True when there are none.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Each class among them.
    pub fn iter(self) -> impl Iterator<Item = WordClass> {
        CLASSES
            .iter()
            .map(|(_, class)| *class)
            .filter(move |class| self.has(*class))
    }

    fn bit(class: WordClass) -> u128 {
        1 << class as u32
    }
}

impl FromIterator<WordClass> for Classes {
    fn from_iter<I: IntoIterator<Item = WordClass>>(classes: I) -> Classes {
        Classes(
            classes
                .into_iter()
                .fold(0, |bits, class| bits | Classes::bit(class)),
        )
    }
}

/// The lexicon of `word_classes.txt`.
pub struct WordClasses;

impl Lexicon for WordClasses {
    const FILE: &'static str = "word_classes.txt";
    const TEXT: &'static str = include_str!("../../../grammar/word_classes.txt");
    type Value = Classes;

    /// `word | CLASS [CLASS …]`.
    fn parse(entry: &Entry) -> Result<Classes, Error> {
        if entry.fields.is_empty() || entry.phrase.contains(' ') {
            return Err(entry.error("expected `word | CLASS [CLASS …]`".into()));
        }
        entry.values(CLASSES, "word class").collect()
    }

    /// A later line of the same word replaces its classes.
    fn add(grammar: &mut Grammar, phrase: &str, classes: Classes) {
        grammar.words.set_classes(phrase.to_lowercase(), classes);
    }

    /// Takes every class off the word (its role in `function_words.txt` stays).
    fn remove(grammar: &mut Grammar, phrase: &str) -> bool {
        grammar.words.remove_classes(&phrase.to_lowercase())
    }

    fn words(grammar: &Grammar) -> impl Iterator<Item = &str> {
        grammar
            .words
            .iter()
            .filter(|(_, info)| !info.classes.is_empty())
            .map(|(word, _)| word)
    }
}

#[cfg(test)]
mod tests {
    use super::super::one_of;
    use super::*;

    fn parse(phrase: &str, fields: &[&str]) -> Result<Classes, String> {
        let fields: Vec<String> = fields.iter().map(|field| field.to_string()).collect();
        let entry = Entry {
            file: "word_classes.txt",
            line: 4,
            phrase,
            fields: &fields,
        };
        WordClasses::parse(&entry).map_err(|error| error.to_string())
    }

    #[test]
    fn entries_and_their_errors() {
        let one = [WordClass::Count, WordClass::Counting];
        let table: &[(&str, &[&str], Result<Classes, String>)] = &[
            ("one", &["count", "counting"], Ok(one.into_iter().collect())),
            (
                "who",
                &["subject-relative"],
                Ok([WordClass::SubjectRelative].into_iter().collect()),
            ),
            (
                "one",
                &[],
                Err("word_classes.txt:4: expected `word | CLASS [CLASS …]`".into()),
            ),
            (
                "at least",
                &["bound"],
                Err("word_classes.txt:4: expected `word | CLASS [CLASS …]`".into()),
            ),
            (
                "one",
                &["count", "numeral"],
                Err(format!(
                    "word_classes.txt:4: unknown word class `numeral`; expected {}",
                    one_of(CLASSES)
                )),
            ),
        ];
        for (phrase, fields, want) in table {
            assert_eq!(&parse(phrase, fields), want, "{phrase} {fields:?}");
        }
        assert!(one_of(CLASSES).starts_with("count, quantity, number, counting, "));
        assert!(one_of(CLASSES).ends_with(", correction-label, first-person or concessive"));
    }

    #[test]
    fn every_class_has_a_bit_of_its_own() {
        assert!(CLASSES.len() <= 128);
        let all: Classes = CLASSES.iter().map(|(_, class)| *class).collect();
        assert_eq!(all.0.count_ones() as usize, CLASSES.len());
    }

    #[test]
    fn a_later_line_replaces_a_words_classes_and_removing_them_keeps_its_role() {
        let mut grammar = Grammar::built_in().expect("the built-in grammar loads");
        let that = grammar.word("that").copied().unwrap();
        assert!(that.role.is_some() && that.classes.has(WordClass::Complementizer));
        WordClasses::add(
            &mut grammar,
            "That",
            [WordClass::Work].into_iter().collect(),
        );
        let classes = grammar.word("that").unwrap().classes;
        assert!(classes.has(WordClass::Work) && !classes.has(WordClass::Complementizer));
        assert!(WordClasses::remove(&mut grammar, "that"));
        assert_eq!(grammar.word("that").unwrap().role, that.role);
        assert!(grammar.word("that").unwrap().classes.is_empty());
        assert!(!WordClasses::remove(&mut grammar, "that"));
        assert!(WordClasses::remove(&mut grammar, "dubbed"));
        assert!(grammar.word("dubbed").is_none());
    }
}
