//! Every word the grammar knows, numbered once when the grammar is loaded, with
//! every role the grammar files give it in one entry: the phrases it opens (cues,
//! "according to", markers), its role and classes, the source type of a source
//! noun, whether it is a finite verb, an abbreviation or a title's first word. A
//! token looks its word up here once, as it is made, and carries the number (see
//! `segment::Lower`); every later question about the word reads the entry, and
//! phrases are matched by comparing numbers, so that no stage hashes the same word
//! again.
//!
//! The lexicons stay what they are ([`PhraseSet`], [`Words`](super::Words), the
//! word lists): this table is an index made from them, and the reference it is
//! tested against (`tests` below) is asking them.

use rustc_hash::FxHashMap as HashMap;

use super::lexicon::{Opens, lexicons};
use super::shapes::ShapeFilter;
use super::{CueFlags, Grammar, MarkerRule, PhraseSet, WordClass, WordInfo, WordRole};
use crate::model::SourceType;
use crate::swar;

/// A word's number in the grammar's [`Lexemes`]; [`LexemeId::UNKNOWN`] for a word
/// the grammar does not know.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct LexemeId(u32);

impl LexemeId {
    /// A word the grammar does not know: it has no role, class or phrase.
    pub const UNKNOWN: LexemeId = LexemeId(0);
}

/// Everything the grammar says of one lowercase word. A new lexicon that the
/// text's words are looked up in gets a field here, a loop in [`Lexemes::of`] and a
/// line in the reference the tests hold the table to (`asked_of_the_lexicons`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lexeme {
    /// The phrase lexicons it is the first word of.
    pub opens: Opens,
    /// Its role and classes (`function_words.txt`, `word_classes.txt`); None when
    /// it has neither.
    pub info: Option<WordInfo>,
    /// The type of a source noun (`sources.txt`: "officials" -> anonymous).
    pub source_noun: Option<SourceType>,
    /// A finite verb most of the time (`mined/verb_forms.txt`).
    pub finite_verb: bool,
    /// An abbreviation without its final period (`abbreviations.txt`: "mr").
    pub abbreviation: bool,
    /// The first word of a title (`titles.txt`: "senator").
    pub opens_title: bool,
}

impl Lexeme {
    /// The word's role, if it is a function word.
    pub fn role(&self) -> Option<WordRole> {
        self.info.and_then(|info| info.role)
    }

    /// True when the word belongs to `class`.
    pub fn is(&self, class: WordClass) -> bool {
        self.info.is_some_and(|info| info.is(class))
    }
}

/// How a word is given to a lookup: as text, hashed to find it, or by the number a
/// token found for it when it was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKey<'w> {
    /// A lowercase word.
    Text(&'w str),
    /// A word already looked up in this grammar's table.
    Lexeme(LexemeId),
}

/// A lowercase word as the grammar's lookups take it: `&str` and `String` are
/// hashed; a token's lowercase form (`segment::Lower`) gives its lexeme.
pub trait AsWord {
    /// The word, as text or by its number.
    fn word_key(&self) -> WordKey<'_>;
}

impl AsWord for str {
    fn word_key(&self) -> WordKey<'_> {
        WordKey::Text(self)
    }
}

impl AsWord for String {
    fn word_key(&self) -> WordKey<'_> {
        WordKey::Text(self)
    }
}

impl AsWord for std::borrow::Cow<'_, str> {
    fn word_key(&self) -> WordKey<'_> {
        WordKey::Text(self)
    }
}

impl<W: AsWord + ?Sized> AsWord for &W {
    fn word_key(&self) -> WordKey<'_> {
        (**self).word_key()
    }
}

/// The lexemes of a grammar: the table, and the phrase lexicons matched on a
/// text's tokens, each phrase as the numbers of its words.
#[derive(Debug, Clone)]
pub struct Lexemes {
    /// Lowercase word -> its number: the reference, and the way to the words of
    /// more than eight bytes.
    ids: HashMap<Box<str>, LexemeId>,
    /// The words of at most eight bytes, most of a text's: found without hashing.
    short: ShortWords,
    /// The shapes of the words in `ids`: most longer words of a text that the
    /// grammar does not know are turned away without hashing them.
    shapes: ShapeFilter<64>,
    /// By number; entry 0 is the unknown word's.
    entries: Vec<Lexeme>,
    /// `cues.txt` (after `mined/cues.txt`), by the numbers of its words.
    pub cues: IdPhrases<CueFlags>,
    /// `according.txt`.
    pub according: IdPhrases<()>,
    /// `markers.txt`.
    pub markers: IdPhrases<MarkerRule>,
    /// `relays.txt`.
    pub relays: IdPhrases<()>,
}

impl Default for Lexemes {
    fn default() -> Self {
        Lexemes {
            ids: HashMap::default(),
            short: ShortWords::default(),
            shapes: ShapeFilter::default(),
            entries: vec![Lexeme::default()],
            cues: IdPhrases::default(),
            according: IdPhrases::default(),
            markers: IdPhrases::default(),
            relays: IdPhrases::default(),
        }
    }
}

impl Lexemes {
    /// The table of `grammar`'s lexicons as they are now.
    pub fn of(grammar: &Grammar) -> Lexemes {
        let mut lexemes = Lexemes::default();
        lexemes.cues = IdPhrases::of(&grammar.cues, &mut lexemes);
        lexemes.according = IdPhrases::of(&grammar.according, &mut lexemes);
        lexemes.markers = IdPhrases::of(&grammar.markers, &mut lexemes);
        lexemes.relays = IdPhrases::of(&grammar.relays, &mut lexemes);
        for rules in lexicons().filter(|rules| rules.opens != Opens::NONE) {
            for word in rules.words(grammar) {
                lexemes.entry(word).opens |= rules.opens;
            }
        }
        for (word, info) in grammar.words.iter() {
            lexemes.entry(word).info = Some(*info);
        }
        for (word, &source_type) in &grammar.source_nouns {
            lexemes.entry(word).source_noun = Some(source_type);
        }
        for word in &grammar.finite_verbs {
            lexemes.entry(word).finite_verb = true;
        }
        for word in &grammar.abbreviations {
            lexemes.entry(word).abbreviation = true;
        }
        for word in grammar.titles.first_words() {
            lexemes.entry(word).opens_title = true;
        }
        lexemes.short = ShortWords::of(&lexemes.ids);
        lexemes
    }

    /// The number of the lowercase word `lower`: [`LexemeId::UNKNOWN`] when the
    /// grammar does not know it.
    pub fn id(&self, lower: &str) -> LexemeId {
        match short_key(lower) {
            Some(key) => self.short.get(key),
            None => self.long_id(lower),
        }
    }

    /// [`Lexemes::id`] of `lower`, which stands at byte `at` of `bytes` (a block's
    /// lowercase copy): asked once of every word of the text, so a word of up to
    /// eight bytes is read in one load where eight bytes follow it, without a
    /// branch on its length.
    #[inline]
    pub fn id_at(&self, lower: &str, bytes: &[u8], at: usize) -> LexemeId {
        let len = lower.len();
        match swar::word_at(bytes, at) {
            Some(word) if (1..=8).contains(&len) => {
                debug_assert_eq!(&bytes[at..at + len], lower.as_bytes());
                self.short.get(word & (u64::MAX >> (64 - 8 * len)))
            }
            _ => self.id(lower),
        }
    }

    /// [`Lexemes::id`] of `word` in ASCII lowercase, when `word` is ASCII of at most
    /// eight bytes (most words of a claim), found without making the lowercase
    /// copy; None for any other word.
    // Inlined: each caller's words (a claim's, a cue's first) branch their own way.
    #[inline(always)]
    pub fn id_ascii_caseless(&self, word: &str) -> Option<LexemeId> {
        if !word.is_ascii() {
            return None;
        }
        short_key(word).map(|key| self.id_of_ascii_key(key))
    }

    /// [`Lexemes::id`] of the ASCII word of one to eight bytes whose bytes, in any
    /// case, are `key` read little-endian (zeros after the word): a word read
    /// from the text in one load, looked up with no copy made. A key of 0 (no
    /// word) finds nothing.
    #[inline]
    pub fn id_of_ascii_key(&self, key: u64) -> LexemeId {
        debug_assert!(!swar::has_non_ascii(key));
        self.short.get(swar::ascii_lowercase(key))
    }

    /// The entry of `word` in any case, as [`Lexemes::lexeme`] gives it for
    /// `word.to_lowercase()`: a short ASCII word (most words that assessing asks
    /// about: a cue's first word, a pronoun) is found without the lowercase copy.
    pub fn caseless(&self, word: &str) -> &Lexeme {
        let id = self
            .id_ascii_caseless(word)
            .unwrap_or_else(|| self.id(&word.to_lowercase()));
        self.get(id)
    }

    /// [`Lexemes::id`] of a word of more than eight bytes (or none).
    fn long_id(&self, lower: &str) -> LexemeId {
        if !self.shapes.may_contain(lower) {
            return LexemeId::UNKNOWN;
        }
        self.ids.get(lower).copied().unwrap_or_default()
    }

    /// The entry of `id`; the unknown word's for a number this table did not give.
    pub fn get(&self, id: LexemeId) -> &Lexeme {
        // A number from another grammar's table is a caller's mistake; it reads as
        // an unknown word rather than a panic on a user's input.
        debug_assert!(
            (id.0 as usize) < self.entries.len(),
            "{id:?} of another table"
        );
        self.entries.get(id.0 as usize).unwrap_or(&self.entries[0])
    }

    /// The number of `word`, looked up when it is given as text.
    pub fn id_of<W: AsWord + ?Sized>(&self, word: &W) -> LexemeId {
        match word.word_key() {
            WordKey::Text(lower) => self.id(lower),
            WordKey::Lexeme(id) => id,
        }
    }

    /// The entry of `word`.
    pub fn lexeme<W: AsWord + ?Sized>(&self, word: &W) -> &Lexeme {
        self.get(self.id_of(word))
    }

    /// Number of words known, the unknown word's entry left out.
    pub fn len(&self) -> usize {
        self.entries.len() - 1
    }

    /// True when the grammar knows no word.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The number of `word` (lowercase), given one when it has none yet.
    fn intern(&mut self, word: &str) -> LexemeId {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = LexemeId(u32::try_from(self.entries.len()).expect("fewer than 2^32 words"));
        self.entries.push(Lexeme::default());
        self.ids.insert(word.into(), id);
        self.shapes.insert(word);
        id
    }

    /// The entry of `word` (lowercase), made when it has none yet.
    fn entry(&mut self, word: &str) -> &mut Lexeme {
        let id = self.intern(word);
        &mut self.entries[id.0 as usize]
    }
}

/// A word of one to eight bytes read as a little-endian number, its missing bytes
/// zero: two words of that length are equal exactly when their keys are (no word
/// holds a zero byte). None for a longer or empty word.
fn short_key(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    let len = bytes.len();
    // Two loads that may overlap rather than a copy of `len` bytes (a call to
    // memcpy per word); an overlapped byte is the same byte in both.
    let key = match len {
        4..=8 => {
            let low = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
            let high = u32::from_le_bytes([
                bytes[len - 4],
                bytes[len - 3],
                bytes[len - 2],
                bytes[len - 1],
            ]);
            u64::from(low) | u64::from(high) << (8 * (len - 4))
        }
        1..=3 => {
            u64::from(bytes[0])
                | u64::from(bytes[len / 2]) << (8 * (len / 2))
                | u64::from(bytes[len - 1]) << (8 * (len - 1))
        }
        _ => return None,
    };
    Some(key)
}

/// The words of at most eight bytes by their keys (see [`short_key`]), each in one
/// of two slots, one in each half of the table (cuckoo hashing): a lookup reads
/// both and takes the one that holds the word, with no branch. Whether a word of
/// the text is known cannot be predicted, nor whether its first slot holds another
/// word; a table searched slot after slot branched on both (a fifth of the words
/// of a text went on past their first slot).
#[derive(Debug, Clone)]
struct ShortWords {
    /// By slot, the first half for the first hash and the second half for the
    /// second: a word's key (0 for an empty slot) and its number, side by side so
    /// that a lookup reads each slot in one place.
    slots: Box<[(u64, LexemeId)]>,
    /// 64 less the bits of a slot number within a half.
    shift: u32,
}

impl Default for ShortWords {
    fn default() -> Self {
        ShortWords {
            slots: Box::new([(0, LexemeId::UNKNOWN); 4]),
            shift: 63,
        }
    }
}

/// The seeds of the two hashes, xored into a key before it is mixed.
const SLOT_SEEDS: [u64; 2] = [0x9E37_79B9_7F4A_7C15, 0xC2B2_AE3D_27D4_EB4F];

/// MurmurHash3's 64-bit finalizer: every bit of `key` moves every bit of the
/// result, the top bits (a slot) included.
fn mix(mut key: u64) -> u64 {
    key ^= key >> 33;
    key = key.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    key ^= key >> 33;
    key = key.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    key ^ (key >> 33)
}

/// How many words a word placed in a taken slot may move on before the table is
/// made larger.
const MAX_MOVES: usize = 500;

impl ShortWords {
    /// The table of the short words of `ids`, at most a third full to start with
    /// (two-slot cuckoo tables fill to about half).
    fn of(ids: &HashMap<Box<str>, LexemeId>) -> ShortWords {
        let mut short: Vec<(u64, LexemeId)> = ids
            .iter()
            .filter_map(|(word, &id)| Some((short_key(word)?, id)))
            .collect();
        // The same table whatever order the map gives its words in.
        short.sort_unstable_by_key(|&(key, _)| key);
        let mut half = (short.len() * 3 / 2).next_power_of_two().max(2);
        loop {
            if let Some(table) = ShortWords::with_half(&short, half) {
                return table;
            }
            half *= 2;
        }
    }

    /// The table of `short` with `half` slots (a power of two, at least 2) in each half, or None
    /// when a word finds no place.
    fn with_half(short: &[(u64, LexemeId)], half: usize) -> Option<ShortWords> {
        let mut table = ShortWords {
            slots: vec![(0, LexemeId::UNKNOWN); 2 * half].into_boxed_slice(),
            shift: 64 - half.trailing_zeros(),
        };
        for &(key, id) in short {
            let (mut entry, mut side) = ((key, id), 0);
            for _ in 0..MAX_MOVES {
                let slot = table.slots_of(entry.0)[side];
                std::mem::swap(&mut table.slots[slot], &mut entry);
                if entry.0 == 0 {
                    break;
                }
                // The word moved out goes to its slot in the other half.
                side = usize::from(slot < half);
            }
            if entry.0 != 0 {
                return None;
            }
        }
        Some(table)
    }

    /// The two slots `key` may be in: one in each half, the top bits of the key
    /// mixed with each seed. A multiplication alone (the top bits of the key's
    /// product, or of its 128-bit product's halves xored) left keys that differ in a
    /// few bytes in the same two slots at every size up to 1,024: "'.z2..'", "'-l9’p",
    /// "20''1", and then "’8'.7u", "’’--", "''".
    #[inline]
    fn slots_of(&self, key: u64) -> [usize; 2] {
        let half = self.slots.len() / 2;
        let slot = |seed: u64| (mix(key ^ seed) >> self.shift) as usize;
        [slot(SLOT_SEEDS[0]), half + slot(SLOT_SEEDS[1])]
    }

    /// The number of the word whose key is `key`.
    #[inline]
    fn get(&self, key: u64) -> LexemeId {
        let [first, second] = self.slots_of(key).map(|slot| self.slots[slot]);
        let in_first = std::hint::select_unpredictable(first.0 == key, first.1, LexemeId::UNKNOWN);
        std::hint::select_unpredictable(second.0 == key, second.1, in_first)
    }
}

/// A phrase lexicon by the numbers of its words, matched on tokens that carry
/// them: the same phrases as the [`PhraseSet`] it was made from, longest first.
#[derive(Debug, Clone)]
pub struct IdPhrases<V> {
    /// First word -> the range of its phrases in `phrases`.
    by_first: HashMap<LexemeId, (u32, u32)>,
    /// The words of each phrase after the first, and its value; the phrases of one
    /// first word side by side, longest first.
    phrases: Vec<(Box<[LexemeId]>, V)>,
}

impl<V> Default for IdPhrases<V> {
    fn default() -> Self {
        IdPhrases {
            by_first: HashMap::default(),
            phrases: Vec::new(),
        }
    }
}

impl<V: Clone> IdPhrases<V> {
    /// The phrases of `set`, their words numbered in `lexemes`.
    fn of(set: &PhraseSet<V>, lexemes: &mut Lexemes) -> IdPhrases<V> {
        let mut ids = IdPhrases::default();
        for (first, list) in set.by_first_word() {
            let first = lexemes.intern(first);
            let start = ids.phrases.len() as u32;
            for (words, value) in list {
                let rest: Box<[LexemeId]> =
                    words[1..].iter().map(|word| lexemes.intern(word)).collect();
                ids.phrases.push((rest, value.clone()));
            }
            ids.by_first
                .insert(first, (start, ids.phrases.len() as u32 - start));
        }
        ids
    }

    /// The longest phrase at the start of a word sequence, given as `word_at(i)` =
    /// the number of the i-th word (None past the end or at a token that is no
    /// word); returns the number of words it spans and its value. What
    /// [`PhraseSet::longest_match`] answers for the same words.
    pub fn longest_match(
        &self,
        word_at: impl Fn(usize) -> Option<LexemeId>,
    ) -> Option<(usize, &V)> {
        let first = word_at(0)?;
        if first == LexemeId::UNKNOWN {
            return None;
        }
        let &(start, count) = self.by_first.get(&first)?;
        let candidates = &self.phrases[start as usize..(start + count) as usize];
        candidates.iter().find_map(|(rest, value)| {
            let matches = rest
                .iter()
                .enumerate()
                .all(|(i, &want)| word_at(i + 1) == Some(want));
            matches.then_some((rest.len() + 1, value))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    static GRAMMAR: LazyLock<Grammar> = LazyLock::new(|| Grammar::built_in().unwrap());

    /// What the lexicons themselves say of a lowercase word, as the entry says it.
    fn asked_of_the_lexicons(grammar: &Grammar, word: &str) -> Lexeme {
        Lexeme {
            opens: Opens {
                cue: grammar.cues.starts_with_word(word),
                according: grammar.according.starts_with_word(word),
                marker: grammar.markers.starts_with_word(word),
            },
            info: grammar.words.get(word).copied(),
            source_noun: grammar.source_nouns.get(word).copied(),
            finite_verb: grammar.finite_verbs.contains(word),
            abbreviation: grammar.abbreviations.contains(word),
            opens_title: grammar.titles.starts_with_word(word),
        }
    }

    #[test]
    fn every_word_known_has_the_entry_the_lexicons_give_it() {
        let grammar = &*GRAMMAR;
        let lexemes = &grammar.lexemes;
        assert!(lexemes.len() > 1000, "{}", lexemes.len());
        for (word, &id) in &lexemes.ids {
            assert_eq!(lexemes.id(word), id);
            assert_eq!(
                *lexemes.get(id),
                asked_of_the_lexicons(grammar, word),
                "{word}"
            );
        }
        for word in ["", "zebra", "Said", "said.", "unknownword"] {
            assert_eq!(lexemes.id(word), LexemeId::UNKNOWN, "{word}");
            assert_eq!(
                asked_of_the_lexicons(grammar, word),
                Lexeme::default(),
                "{word}"
            );
        }
        let said = lexemes.lexeme("said");
        assert!(said.opens.cue && said.finite_verb);
        assert!(lexemes.lexeme("according").opens.according);
        assert_eq!(
            lexemes.lexeme("officials").source_noun,
            Some(SourceType::Anonymous)
        );
        assert_eq!(lexemes.lexeme("he").role(), Some(WordRole::Pronoun));
        assert_eq!(lexemes.get(LexemeId(u32::MAX)), &Lexeme::default());
    }

    proptest! {
        #[test]
        fn a_word_is_found_as_the_map_finds_it(word in "[a-z'.é-]{0,11}|[a-z]{1,3}") {
            let lexemes = &GRAMMAR.lexemes;
            let reference = lexemes.ids.get(word.as_str()).copied().unwrap_or_default();
            prop_assert_eq!(lexemes.id(&word), reference);
        }
    }

    proptest! {
        #[test]
        fn a_short_key_is_the_words_bytes_padded_with_zeros(word in "[a-zé’]{0,9}") {
            let bytes = word.as_bytes();
            let want = (1..=8).contains(&bytes.len()).then(|| {
                let mut padded = [0; 8];
                padded[..bytes.len()].copy_from_slice(bytes);
                u64::from_le_bytes(padded)
            });
            prop_assert_eq!(short_key(&word), want);
        }
    }

    proptest! {
        #[test]
        fn a_word_in_capitals_is_found_as_its_lowercase_form(
            word in "[a-zA-Z'.-]{0,10}|(Said|SAID|THE|Officials|He|Can't|They'll|é)"
        ) {
            let lexemes = &GRAMMAR.lexemes;
            let want = (word.is_ascii() && (1..=8).contains(&word.len()))
                .then(|| lexemes.id(&word.to_ascii_lowercase()));
            prop_assert_eq!(lexemes.id_ascii_caseless(&word), want);
        }
    }

    proptest! {
        #[test]
        fn a_word_in_any_case_has_the_entry_of_its_lowercase_form(
            word in "[a-zA-Z'.é É-]{0,12}|(Said|SAID|He|I|Officials|According to|Photo|É)"
        ) {
            prop_assert_eq!(
                *GRAMMAR.lexemes.caseless(&word),
                asked_of_the_lexicons(&GRAMMAR, &word.to_lowercase())
            );
        }
    }

    #[test]
    fn every_word_of_the_table_is_found_by_its_key() {
        let lexemes = &GRAMMAR.lexemes;
        let short = lexemes.ids.keys().filter(|word| word.len() <= 8).count();
        assert!(short > 500, "{short}");
        let empty = Lexemes::default();
        for (word, &id) in &lexemes.ids {
            assert_eq!(lexemes.id(word), id, "{word}");
            assert_eq!(empty.id(word), LexemeId::UNKNOWN, "{word}");
        }
    }

    /// The short-word table of `words`, numbered in order, and the numbers it gives
    /// `asked`: each word's own, and unknown for any other.
    fn short_table_agrees(words: &[String], asked: &[String]) -> Result<(), TestCaseError> {
        let ids: HashMap<Box<str>, LexemeId> = words
            .iter()
            .enumerate()
            .map(|(nth, word)| (word.as_str().into(), LexemeId(nth as u32 + 1)))
            .collect();
        let table = ShortWords::of(&ids);
        // At most a third full, or a sixth when a word found no place at first. A
        // small table fails to place its words about once in as many tries as it
        // has slots, so one of a few words may double several times: it may take
        // up to 1,024 slots (16 KB).
        prop_assert!(table.slots.len() <= (6 * ids.len()).next_power_of_two().max(1024));
        for word in words.iter().chain(asked) {
            let Some(key) = short_key(word) else {
                continue;
            };
            let want = ids.get(word.as_str()).copied().unwrap_or_default();
            prop_assert_eq!(table.get(key), want, "{:?}", word);
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn the_short_word_table_finds_its_words_and_no_other(
            words in prop::collection::vec("[a-z0-9'’.-]{1,8}", 0..300),
            asked in prop::collection::vec("[a-z0-9'’.-]{1,8}", 0..50),
        ) {
            short_table_agrees(&words, &asked)?;
        }
    }

    #[test]
    fn words_that_differ_in_a_few_bytes_do_not_grow_the_table() {
        // These three shared slots in every table up to 1,024 slots while a slot
        // was the top bits of the product's low half alone.
        // So did the second three with the halves of the 128-bit product xored.
        for triple in [["'.z2..'", "'-l9’p", "20''1"], ["’8'.7u", "’’--", "''"]] {
            let words: Vec<String> = triple.map(String::from).to_vec();
            short_table_agrees(&words, &[]).unwrap();
            let ids: HashMap<Box<str>, LexemeId> = words
                .iter()
                .enumerate()
                .map(|(nth, word)| (word.as_str().into(), LexemeId(nth as u32 + 1)))
                .collect();
            assert!(ShortWords::of(&ids).slots.len() <= 16, "{triple:?}");
        }
    }

    #[test]
    fn a_full_short_word_table_moves_words_and_still_finds_them() {
        // Every word of two to three letters and more: 18,278 keys, many of them
        // sharing a slot, so that words are moved to their other slot.
        let letters = || (b'a'..=b'z').map(char::from);
        let mut words: Vec<String> = letters().map(String::from).collect();
        for first in letters() {
            for second in letters() {
                words.push(format!("{first}{second}"));
                words.extend(letters().map(|third| format!("{first}{second}{third}")));
            }
        }
        let asked: Vec<String> = words.iter().map(|word| format!("{word}q-")).collect();
        short_table_agrees(&words, &asked).unwrap();
    }

    /// Words of every phrase lexicon, a few words the grammar does not know, and a
    /// punctuation mark.
    fn words() -> Vec<String> {
        let grammar = &*GRAMMAR;
        let mut words: Vec<String> = ["zebra", "plan", ",", "the", "hope", "is", "expected"]
            .map(String::from)
            .to_vec();
        // The longest phrase of every seventh first word of the larger lexicons.
        // (A first word whose phrases an overlay removed has none.)
        fn longest<V>(list: &[(Vec<String>, V)]) -> Option<Vec<String>> {
            list.first().map(|(words, _)| words.clone())
        }
        for (_, list) in grammar.cues.by_first_word().step_by(7) {
            words.extend(longest(list).into_iter().flatten());
        }
        for (_, list) in grammar.markers.by_first_word().step_by(7) {
            words.extend(longest(list).into_iter().flatten());
        }
        for (_, list) in grammar.according.by_first_word() {
            words.extend(longest(list).into_iter().flatten());
        }
        for (_, list) in grammar.relays.by_first_word() {
            words.extend(longest(list).into_iter().flatten());
        }
        words.sort();
        words.dedup();
        words
    }

    static WORDS: LazyLock<Vec<String>> = LazyLock::new(words);

    /// Checks that `ids` matches what `set` matches at every start of `sequence`.
    fn phrases_agree<V: Clone + PartialEq + std::fmt::Debug>(
        set: &PhraseSet<V>,
        ids: &IdPhrases<V>,
        sequence: &[&str],
    ) -> Result<(), TestCaseError> {
        let lexemes = &GRAMMAR.lexemes;
        // A comma stands for a token that is no word: the lookups see None there.
        let word = |i: usize| sequence.get(i).copied().filter(|word| *word != ",");
        for start in 0..=sequence.len() {
            let by_text = set.longest_match(|i| word(start + i));
            let by_id = ids.longest_match(|i| word(start + i).map(|word| lexemes.id(word)));
            prop_assert_eq!(by_id, by_text, "at {} of {:?}", start, sequence);
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn phrases_matched_by_number_are_the_phrases_matched_by_text(
            picks in prop::collection::vec(0..10_000usize, 0..12)
        ) {
            let words = &*WORDS;
            let sequence: Vec<&str> = picks.iter().map(|&pick| words[pick % words.len()].as_str()).collect();
            let (grammar, lexemes) = (&*GRAMMAR, &GRAMMAR.lexemes);
            phrases_agree(&grammar.cues, &lexemes.cues, &sequence)?;
            phrases_agree(&grammar.according, &lexemes.according, &sequence)?;
            phrases_agree(&grammar.markers, &lexemes.markers, &sequence)?;
            phrases_agree(&grammar.relays, &lexemes.relays, &sequence)?;
        }
    }

    #[test]
    fn every_phrase_is_matched_by_number_whole_and_followed() {
        let grammar = &*GRAMMAR;
        let mut phrases = 0;
        for (_, list) in grammar.cues.by_first_word() {
            for (words, _) in list {
                let mut sequence: Vec<&str> = words.iter().map(String::as_str).collect();
                phrases_agree(&grammar.cues, &grammar.lexemes.cues, &sequence).unwrap();
                sequence.push("zebra");
                phrases_agree(&grammar.cues, &grammar.lexemes.cues, &sequence).unwrap();
                phrases += 1;
            }
        }
        assert_eq!(phrases, grammar.cues.len());
    }

    #[test]
    fn a_change_to_the_lexicons_is_in_the_table_once_indexed_again() {
        let mut grammar = GRAMMAR.clone();
        let the_hope = |grammar: &Grammar| {
            let lexemes = &grammar.lexemes;
            let words = ["the", "hope"].map(|word| lexemes.id(word));
            lexemes
                .cues
                .longest_match(|i| words.get(i).copied())
                .map(|(count, _)| count)
        };
        assert_eq!(the_hope(&grammar), Some(2));
        assert!(grammar.cues.remove("the hope"));
        assert_eq!(the_hope(&grammar), Some(2), "not indexed again yet");
        grammar.index();
        assert_eq!(the_hope(&grammar), None);
    }
}
