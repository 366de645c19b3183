//! Quotation spans: double and single marks, straight and curly, nested and
//! unclosed.
//!
//! A double mark (`"` `“` `”` `„` `«` `»`) is always a quotation mark. A single
//! mark (`'` `‘` `’`) may be an apostrophe, and no document says which style it
//! quotes in, so each single mark of a block is read from its neighbours, then
//! the marks are paired:
//!
//! - **opens**: the start, a space or `( [ — - “ "` before it, a letter, a digit
//!   or an opening mark after it (`'These`, `(‘no`);
//! - **closes**: anything else before it, a space, punctuation or the end after
//!   it (`disgrace,'`, `U-turn’ on`, `'no'.`);
//! - **apostrophe**: inside a word (`don't`, `O'Neill`: the word keeps it), before
//!   a two-digit year (`'90s`), a possessive `s` (`"Jeopardy!"'s`) or a word of
//!   the class `elided` of `grammar/word_classes.txt` (`'em`, `'cause`), and after
//!   an elided word with one before it (`rock 'n' roll`);
//! - **weak close**: after a word in `s` and before a word that may follow a
//!   possessive (`officials' advice`; not an article, a preposition, a
//!   conjunction, a pronoun, "be" or a verb of the class `after-quote`: `'brave
//!   officials' and`, `'…plans' said`): it closes only when no other close comes
//!   before the next opening, so `'The officials' advice was clear.'` is one quote;
//! - an opening pairs with the next close; a second opening before that close
//!   starts over (`the 'burbs … 'enough'`); one left open at the block's end is a
//!   quote (going on in the next paragraph) only when it opens the block, follows
//!   a colon, or opens a sentence after a single quote the block closed (`'A,' she
//!   said. 'B …`);
//! - a single quote inside a double one is nested (`"He told me 'never again',"
//!   she said.`: the top-level quote is the double one), and the other way round
//!   (`‘He said “no”,’ she said.`); a single quote that crosses a double one is
//!   dropped.
//!
//! The paired single marks are quotation marks to the frames
//! ([`Token::is_quote_mark`]); the others stay apostrophes.

use super::sentence;
use super::token::{Lower, Side, Token, TokenKind};
use crate::grammar::{Grammar, WordClass, WordRole};
use crate::span::Span;

/// A top-level quotation in a block, with its marks; `closed` is false when the
/// block ends inside it (a quote that goes on in the next paragraph).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    pub span: Span,
    pub closed: bool,
}

/// A block's top-level quotations, sorted and never overlapping.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quotes(Vec<Quote>);

impl Quotes {
    /// The quotes that share a byte with `span`, found by binary search.
    pub fn overlapping(&self, span: Span) -> &[Quote] {
        let first = self.0.partition_point(|quote| quote.span.end <= span.start);
        let last = self.0.partition_point(|quote| quote.span.start < span.end);
        &self.0[first..last.max(first)]
    }

    /// The quotation that opens at byte `start`.
    pub fn opening_at(&self, start: usize) -> Option<Span> {
        self.overlapping(Span::new(start, start + 1))
            .iter()
            .find(|quote| quote.span.start == start)
            .map(|quote| quote.span)
    }

    /// The last quotation when it is left open: its mark has no closing one in the
    /// block (a speaker's words that go on in the next paragraph).
    pub fn left_open(&self) -> Option<Span> {
        self.0
            .last()
            .filter(|quote| !quote.closed)
            .map(|quote| quote.span)
    }

    /// The quotation that closes at byte `end` (exclusive).
    pub fn closing_at(&self, end: usize) -> Option<Span> {
        self.overlapping(Span::new(end.saturating_sub(1), end))
            .iter()
            .find(|quote| quote.span.end == end)
            .map(|quote| quote.span)
    }
}

/// The longest quotation taken as one, in bytes. A paragraph of news is a few
/// KB (2.6 KB at most in PolNeAR train); a quote that runs on for longer is a
/// mark left open, and every claim that ends at its close would copy it: in one
/// 3.9 MB paragraph, that made 112 MB of output.
pub const MAX_QUOTE_BYTES: usize = 16 * 1024;

/// True for a token that may be a quotation mark: a double mark, or a single one
/// that may also be an apostrophe.
pub fn is_mark(kind: TokenKind) -> bool {
    kind.is_double_quote() || kind.is_single_quote()
}

/// Finds the top-level quotations among a block's tokens and marks the single marks
/// that open or close a quotation (see the module's docs).
pub fn find_quotes(text: &str, tokens: &mut [Token], grammar: &Grammar) -> Quotes {
    let marks: Vec<usize> = (0..tokens.len())
        .filter(|&index| is_mark(tokens[index].kind))
        .collect();
    find_quotes_at(text, tokens, &marks, grammar)
}

/// [`find_quotes`], given `marks`: the indices of the tokens that are [`is_mark`],
/// in order. Only those are looked at. A runaway quote is still dropped as if every
/// token were: its length only grows token by token, so it is caught at the next
/// mark, or at the block's end.
pub fn find_quotes_at(
    text: &str,
    tokens: &mut [Token],
    marks: &[usize],
    grammar: &Grammar,
) -> Quotes {
    let mut quotes = Vec::new();
    // The single marks, paired once the double quotes are known.
    let mut singles = Vec::new();
    let mut depth = 0usize;
    let mut open_at = 0;
    for &index in marks {
        let token = &tokens[index];
        let TokenKind::Punct(mark) = token.kind else {
            continue;
        };
        if depth > 0 && token.span.end - open_at > MAX_QUOTE_BYTES {
            // A runaway quote: its opening mark is taken for a stray one.
            depth = 0;
        }
        let opens = match mark {
            // “Apparently not,“ he said: an opening mark glued to the word before it,
            // with a space after, is a mistyped closing one.
            '“' => depth == 0 || !closes_like_a_closing_mark(text, tokens, index),
            '„' | '«' => true,
            '”' | '»' => false,
            '"' => straight_quote_opens(text, tokens, index, depth),
            '\'' | '‘' | '’' => {
                singles.push(index);
                continue;
            }
            _ => continue,
        };
        if opens {
            if depth == 0 {
                open_at = token.span.start;
            }
            depth += 1;
        } else if depth > 0 {
            depth -= 1;
            if depth == 0 {
                quotes.push(Quote {
                    span: Span::new(open_at, token.span.end),
                    closed: true,
                });
            }
        }
    }
    if depth > 0
        && let Some(last) = tokens.last()
        && last.span.end - open_at <= MAX_QUOTE_BYTES
    {
        quotes.push(Quote {
            span: Span::new(open_at, last.span.end),
            closed: false,
        });
    }
    let pairs = pair_single_marks(text, tokens, &singles, grammar);
    if pairs.is_empty() {
        return Quotes(quotes);
    }
    Quotes(with_single_quotes(tokens, quotes, &pairs))
}

/// True when the mark at `index` is glued to what precedes it and followed by space
/// or the end of the text.
fn closes_like_a_closing_mark(text: &str, tokens: &[Token], index: usize) -> bool {
    let span = tokens[index].span;
    let glued_before = text[..span.start]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace());
    let space_after = text[span.end..]
        .chars()
        .next()
        .is_none_or(char::is_whitespace);
    glued_before && space_after
}

/// A straight quote opens when nothing but space or an opening bracket stands before
/// it, or when no quote is open and a word follows it at once.
fn straight_quote_opens(text: &str, tokens: &[Token], index: usize, depth: usize) -> bool {
    let start = tokens[index].span.start;
    let before = text[..start].chars().next_back();
    let after_space =
        before.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '-'));
    let glued_to_next = tokens
        .get(index + 1)
        .is_some_and(|next| next.span.start == tokens[index].span.end);
    if after_space && glued_to_next {
        return true;
    }
    if after_space && !glued_to_next {
        return depth == 0;
    }
    false
}

/// What a single mark is, from what stands around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    Opens,
    Closes,
    /// Closes only when no other close comes before the next opening: after a word
    /// in `s` and before a word that may follow a possessive, where it may be an
    /// apostrophe (`officials' advice`).
    ClosesWeakly,
    Apostrophe,
}

/// What may stand right before an opening single mark besides space (`'` ends the
/// `''` of NYT archive copy: `'''College Bowl,''' he replied`).
fn opens_after(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '[' | '{' | '—' | '–' | '-' | '/' | '"' | '“' | '„' | '«' | '\''
        )
}

/// What may stand right after an opening single mark: the quotation's first letter,
/// digit or mark.
fn starts_quotation(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '"' | '“' | '„' | '«' | '(' | '[' | '…' | '£' | '$' | '€')
}

/// Reads the single mark at `index` (see the module's docs).
fn read_single_mark(text: &str, tokens: &[Token], index: usize, grammar: &Grammar) -> Reading {
    let span = tokens[index].span;
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    if before.is_none_or(opens_after) && after.is_some_and(starts_quotation) {
        let next = tokens
            .get(index + 1)
            .filter(|next| next.is_word() && next.span.start == span.end);
        let apostrophe = next.is_some_and(|word| {
            is_short_year(word.text)
                || word.lower == "s"
                || grammar.is(&word.lower, WordClass::Elided)
        });
        return if apostrophe {
            Reading::Apostrophe
        } else {
            Reading::Opens
        };
    }
    let closes = before.is_some_and(|c| {
        !c.is_whitespace() && !matches!(c, '(' | '[' | '{' | '“' | '„' | '«' | '‘')
    }) && after.is_none_or(|c| !c.is_alphanumeric());
    if !closes {
        return Reading::Apostrophe;
    }
    let Some(word) = index
        .checked_sub(1)
        .map(|previous| &tokens[previous])
        .filter(|word| word.is_word() && word.span.end == span.start)
    else {
        return Reading::Closes;
    };
    // The second mark of "rock 'n' roll".
    let elided = grammar.is(&word.lower, WordClass::Elided)
        && index >= 2
        && tokens[index - 2].kind.is_single_quote()
        && tokens[index - 2].span.end == word.span.start;
    if elided {
        return Reading::Apostrophe;
    }
    // "the officials' advice": a noun may follow the apostrophe of a plural
    // possessive; punctuation, an article, a preposition, a conjunction, a pronoun or
    // a verb like "was" or "said" hardly do ("'deeply frustrating'.", "'ring hollow'
    // in", "'brave officials' and", "'…plans' were"); and "was", "this" have none.
    let plural = word.lower.ends_with('s') && grammar.word_role(&word.lower).is_none();
    let noun_may_follow = after.is_some_and(char::is_whitespace)
        && tokens
            .get(index + 1)
            .is_some_and(|next| next.is_word() && !ends_a_quotation(&next.lower, grammar));
    if plural && noun_may_follow {
        Reading::ClosesWeakly
    } else {
        Reading::Closes
    }
}

/// True for a word that follows the end of a quotation but never a possessive: an
/// article, a preposition, a conjunction, a pronoun, a form of "be", a verb of the
/// class `after-quote` of `grammar/word_classes.txt` ("said").
fn ends_a_quotation(lower: &Lower, grammar: &Grammar) -> bool {
    matches!(
        grammar.word_role(lower),
        Some(WordRole::Boundary | WordRole::Preposition | WordRole::Pronoun)
    ) || [WordClass::Article, WordClass::Be, WordClass::AfterQuote]
        .into_iter()
        .any(|class| grammar.is(lower, class))
}

/// A year of two digits, or their decade: "90", "90s".
fn is_short_year(word: &str) -> bool {
    match word.as_bytes() {
        [a, b] | [a, b, b's' | b'S'] => a.is_ascii_digit() && b.is_ascii_digit(),
        _ => false,
    }
}

/// A quotation between single marks: the token indices of its marks (no closing one
/// when it runs to the block's end) and its span.
#[derive(Debug, Clone, Copy)]
struct SingleQuote {
    opening: usize,
    closing: Option<usize>,
    span: Span,
}

/// Pairs the single marks at `singles` (token indices, in order) into quotations, in
/// order and never overlapping.
fn pair_single_marks(
    text: &str,
    tokens: &[Token],
    singles: &[usize],
    grammar: &Grammar,
) -> Vec<SingleQuote> {
    if singles.is_empty() {
        return Vec::new();
    }
    let readings: Vec<Reading> = singles
        .iter()
        .map(|&index| read_single_mark(text, tokens, index, grammar))
        .collect();
    // Whether a close that is not weak follows each mark before the next opening.
    let mut close_ahead = vec![false; readings.len()];
    let mut ahead = false;
    for (nth, reading) in readings.iter().enumerate().rev() {
        close_ahead[nth] = ahead;
        match reading {
            Reading::Opens => ahead = false,
            Reading::Closes => ahead = true,
            Reading::ClosesWeakly | Reading::Apostrophe => {}
        }
    }
    let mut pairs = Vec::new();
    let mut opening: Option<usize> = None;
    for (nth, &index) in singles.iter().enumerate() {
        let span = tokens[index].span;
        if opening.is_some_and(|at| span.end - tokens[at].span.start > MAX_QUOTE_BYTES) {
            // A runaway quote: its opening mark was an apostrophe.
            opening = None;
        }
        match readings[nth] {
            Reading::Opens => opening = Some(index),
            Reading::ClosesWeakly if close_ahead[nth] => {}
            Reading::Closes | Reading::ClosesWeakly => {
                if let Some(at) = opening.take() {
                    pairs.push(SingleQuote {
                        opening: at,
                        closing: Some(index),
                        span: tokens[at].span.cover(span),
                    });
                }
            }
            Reading::Apostrophe => {}
        }
    }
    // Left open: a quote that goes on in the next paragraph, when it opens the block,
    // follows a colon, or opens a sentence after a quote this block closed in single
    // marks ('A,' she said. 'B …).
    let opens_run_on = |at: usize| {
        at == 0
            || tokens[at - 1].is_punct(':')
            || (!pairs.is_empty() && sentence::is_sentence_mark(tokens[at - 1].kind))
    };
    if let Some(at) = opening
        && let Some(last) = tokens.last()
        && last.span.end - tokens[at].span.start <= MAX_QUOTE_BYTES
        && opens_run_on(at)
    {
        pairs.push(SingleQuote {
            opening: at,
            closing: None,
            span: tokens[at].span.cover(last.span),
        });
    }
    pairs
}

/// The top-level quotations once the single quotes `pairs` join the double ones
/// `doubles`: a single quote inside a double one is nested, one that holds double
/// ones takes their place, one that crosses a double one is dropped. Marks the single
/// marks of every quote kept, nested or not.
fn with_single_quotes(
    tokens: &mut [Token],
    doubles: Vec<Quote>,
    pairs: &[SingleQuote],
) -> Vec<Quote> {
    let mut held = vec![false; doubles.len()];
    let mut top_level = Vec::new();
    for pair in pairs {
        let first = doubles.partition_point(|quote| quote.span.end <= pair.span.start);
        let last = doubles
            .partition_point(|quote| quote.span.start < pair.span.end)
            .max(first);
        let overlapping = &doubles[first..last];
        let nested = matches!(overlapping, [double]
            if double.span.start < pair.span.start && pair.span.end <= double.span.end);
        let holds = overlapping
            .iter()
            .all(|double| pair.span.start < double.span.start && double.span.end <= pair.span.end);
        if !nested && !holds {
            continue;
        }
        if holds {
            held[first..last].fill(true);
            top_level.push(Quote {
                span: pair.span,
                closed: pair.closing.is_some(),
            });
        }
        tokens[pair.opening].single_quote = Some(Side::Opening);
        if let Some(closing) = pair.closing {
            tokens[closing].single_quote = Some(Side::Closing);
        }
    }
    let mut quotes: Vec<Quote> = doubles
        .into_iter()
        .zip(held)
        .filter(|(_, held)| !held)
        .map(|(quote, _)| quote)
        .chain(top_level)
        .collect();
    quotes.sort_unstable_by_key(|quote| quote.span.start);
    quotes
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use super::*;
    use crate::segment::token::tokenize;

    static GRAMMAR: LazyLock<Grammar> = LazyLock::new(|| Grammar::built_in().unwrap());

    fn quotes(text: &str) -> Vec<(&str, bool)> {
        let mut tokens = tokenize(text, Span::new(0, text.len()));
        find_quotes(text, &mut tokens, &GRAMMAR)
            .0
            .iter()
            .map(|quote| (quote.span.slice(text), quote.closed))
            .collect()
    }

    /// `text` with each single mark that opens a quotation shown as ‹ and each that
    /// closes one as ›; apostrophes stay as they are.
    fn single_marks(text: &str) -> String {
        let mut tokens = tokenize(text, Span::new(0, text.len()));
        find_quotes(text, &mut tokens, &GRAMMAR);
        let mut shown = String::new();
        let mut at = 0;
        for token in &tokens {
            let Some(side) = token.single_quote else {
                continue;
            };
            shown.push_str(&text[at..token.span.start]);
            shown.push(if side == Side::Opening { '‹' } else { '›' });
            at = token.span.end;
        }
        shown.push_str(&text[at..]);
        shown
    }

    /// The loop `find_quotes_at` replaced: every punctuation token looked at, the
    /// runaway test made at each.
    fn quotes_looking_at_every_token(text: &str, tokens: &mut [Token]) -> Quotes {
        let marks: Vec<usize> = (0..tokens.len())
            .filter(|&index| matches!(tokens[index].kind, TokenKind::Punct(_)))
            .collect();
        find_quotes_at(text, tokens, &marks, &GRAMMAR)
    }

    fn agree(text: &str) -> Result<(), String> {
        let mut marks_only = tokenize(text, Span::new(0, text.len()));
        let mut every = marks_only.clone();
        let (found, found_every) = (
            find_quotes(text, &mut marks_only, &GRAMMAR),
            quotes_looking_at_every_token(text, &mut every),
        );
        if found != found_every {
            Err(format!("{found:?} != {found_every:?}"))
        } else if marks_only != every {
            Err(format!("single marks differ: {marks_only:?} != {every:?}"))
        } else {
            Ok(())
        }
    }

    #[test]
    fn runaway_quotes_are_dropped_as_when_every_token_was_looked_at() {
        let commas = "word, ".repeat(MAX_QUOTE_BYTES / 5);
        for text in [
            format!("“Open {commas} and on.” Then “a” b."),
            format!("“Open {commas} and never closed, he said."),
            format!("\"Open {commas}\" and \"b\"."),
            format!("“a” and “open {commas}"),
            format!("'Open {commas} and on.' Then 'a' b."),
            format!("‘Open {commas} and never closed, he said."),
            format!("'a' and: 'open {commas}"),
        ] {
            agree(&text).unwrap();
        }
    }

    proptest::proptest! {
        #[test]
        fn looking_at_the_marks_alone_finds_the_same_quotes(
            text in "[a-z ,.\"“”„«»(—-]{0,40}|[a-zA-Z0-9 ,.:'‘’\"“”(—-]{0,40}"
        ) {
            proptest::prop_assert_eq!(agree(&text), Ok(()));
        }
    }

    #[test]
    fn a_quote_left_open_does_not_run_on_past_the_limit() {
        let words = "word ".repeat(MAX_QUOTE_BYTES / 4);
        for text in [
            format!("“Open {words} closed,” he said. “Short,” she said."),
            format!("He said “open {words} and never closed."),
            format!("‘Open {words} closed,’ he said. ‘Short,’ she said."),
            format!("He said: 'open {words} and never closed."),
        ] {
            let quoted = quotes(&text);
            assert!(
                quoted
                    .iter()
                    .all(|(quote, _)| quote.len() <= MAX_QUOTE_BYTES)
            );
            assert!(
                quoted.contains(&("“Short,”", true))
                    || quoted.contains(&("‘Short,’", true))
                    || !text.contains("Short")
            );
        }
    }

    /// Text → its top-level quotations, and whether each is closed.
    #[rustfmt::skip]
    const QUOTES: &[(&str, &[(&str, bool)])] = &[
        ("He said \"yes,\" then \"no.\"", &[("\"yes,\"", true), ("\"no.\"", true)]),
        ("“a “b” c” d", &[("“a “b” c”", true)]),
        ("\"open and never closed", &[("\"open and never closed", false)]),
        ("no quotes here", &[]),
        ("stray ” close", &[]),
        ("“Apparently not,“ he said. “A leopard.”", &[("“Apparently not,“", true), ("“A leopard.”", true)]),
        ("made the CIA \"invincible,\" Foreign Policy reported.", &[("\"invincible,\"", true)]),
        // Single marks, straight and curly, after the quote and before it.
        ("'These numbers are a disgrace,' said Mr Smith.", &[("'These numbers are a disgrace,'", true)]),
        ("‘We will appeal,’ a Home Office spokesperson said.", &[("‘We will appeal,’", true)]),
        ("The council said: ‘We will appeal.’", &[("‘We will appeal.’", true)]),
        ("‘Nobody’s getting carried away,’ he said, ‘but the lads believe now.’", &[("‘Nobody’s getting carried away,’", true), ("‘but the lads believe now.’", true)]),
        ("'Every winter it's the same,' he said. 'Sandbags, promises.'", &[("'Every winter it's the same,'", true), ("'Sandbags, promises.'", true)]),
        ("'I won't stand here and tell people it's fine, because it isn't,' Ms Okafor said.", &[("'I won't stand here and tell people it's fine, because it isn't,'", true)]),
        // Headlines, and partial quotes with the punctuation outside.
        ("Chancellor: 'no U-turn on fuel duty'", &[("'no U-turn on fuel duty'", true)]),
        ("Minister: ‘no U-turn’ on Brackenford bus cuts", &[("‘no U-turn’", true)]),
        ("Flood defences 'will not be ready this winter', council admits", &[("'will not be ready this winter'", true)]),
        ("He said the delay was 'deeply frustrating'.", &[("'deeply frustrating'", true)]),
        ("The state would 'not tolerate' delays, she added: 'We are committed.'", &[("'not tolerate'", true), ("'We are committed.'", true)]),
        // Apostrophes: in words, plural possessives, years, elided words.
        ("Don't blame the council's officials' plans from the '90s, rock 'n' roll or O'Neill at five o'clock.", &[]),
        ("Leave ’em to the Joneses’ car in the ’90s, or to rock ’n’ roll and Labour’s O’Neill.", &[]),
        ("Mr O'Connell and Seán Ó Briain’s team said 'it's over' for Ms Ní Bhraonáin's side.", &[("'it's over'", true)]),
        ("The officials' view was clear.", &[]),
        ("\"Jeopardy!\"'s host said 'no'.", &[("\"Jeopardy!\"", true), ("'no'", true)]),
        // An apostrophe inside a quote, or at its end before punctuation.
        ("'We back the officials' decision,' he said.", &[("'We back the officials' decision,'", true)]),
        ("‘The council’s hands are tied. Officials’ advice was clear, and we followed it.’", &[("‘The council’s hands are tied. Officials’ advice was clear, and we followed it.’", true)]),
        ("'These are the ministers' plans' says Smith.", &[("'These are the ministers' plans'", true)]),
        ("He praised the 'brave officials' and left.", &[("'brave officials'", true)]),
        ("He said the 'ministers' plans' were sound.", &[("'ministers' plans'", true)]),
        ("'The ministers' plan failed again' the council said.", &[("'The ministers' plan failed again'", true)]),
        ("It was what the rules call 'bad practices'.", &[("'bad practices'", true)]),
        // An opening before the close starts over; one left open is an apostrophe,
        // unless it opens the block, follows a colon, or opens a sentence after a
        // single quote the block closed.
        ("In the 'burbs, residents said 'enough is enough'.", &[("'enough is enough'", true)]),
        ("He played rock and 'Bama football.", &[]),
        ("‘We will fight on.", &[("‘We will fight on.", false)]),
        ("He said: 'We will fight on.", &[("'We will fight on.", false)]),
        ("‘We lost,’ she said. ‘We will fight on.", &[("‘We lost,’", true), ("‘We will fight on.", false)]),
        ("'We lost,' she said. 'We will fight on.", &[("'We lost,'", true), ("'We will fight on.", false)]),
        ("She said we lost. 'Bama fans will fight on.", &[]),
        ("’We will appeal,’ he said.", &[("’We will appeal,’", true)]),
        // Nested either way: the outer quote is the top-level one.
        ("\"He told me 'never again',\" she said.", &[("\"He told me 'never again',\"", true)]),
        ("\"I said, 'Don't do it,'\" he said.", &[("\"I said, 'Don't do it,'\"", true)]),
        ("‘He said “no”,’ she said.", &[("‘He said “no”,’", true)]),
        ("'He said \"no,\" and left,' she said.", &[("'He said \"no,\" and left,'", true)]),
        // A single quote that crosses a double one is dropped.
        ("‘He said “no,’ she said.”", &[("“no,’ she said.”", true)]),
        // A single quote right inside a double one of two apostrophes.
        ("'''College Bowl,''' he replied.", &[("'''College Bowl,'''", true)]),
    ];

    #[test]
    fn quote_table() {
        let failures: Vec<String> = QUOTES
            .iter()
            .filter(|(text, want)| quotes(text) != *want)
            .map(|(text, want)| format!("{text:?}\n  want {want:?}\n  got  {:?}", quotes(text)))
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Text → the text with the single marks that open a quotation shown as ‹ and
    /// those that close one as ›: nested quotes have theirs too; apostrophes none.
    #[rustfmt::skip]
    const SINGLE_MARKS: &[(&str, &str)] = &[
        ("\"He told me 'never again',\" she said.", "\"He told me ‹never again›,\" she said."),
        ("‘He said “no”,’ she said.", "‹He said “no”,› she said."),
        ("Rock 'n' roll, the '90s and the officials' 'last stand'.", "Rock 'n' roll, the '90s and the officials' ‹last stand›."),
        ("‘The Joneses’ car,’ she said.", "‹The Joneses’ car,› she said."),
        ("‘He said “no,’ she said.”", "‘He said “no,’ she said.”"),
    ];

    #[test]
    fn single_mark_table() {
        for (text, want) in SINGLE_MARKS {
            assert_eq!(single_marks(text), *want, "{text}");
        }
    }

    // Generated texts: words, contractions and possessives, and quotations in either
    // style, some nesting one of the other style.

    /// Words with no apostrophe, which may open or end a quotation (not two digits:
    /// after a single mark, they are a year).
    const PLAIN: &[&str] = &[
        "the", "council", "said", "Smith", "plan", "it", "was", "Mr", "300", "never", "again",
        "U-turn", "Dublin", "Cape", "Town", "Mumbai", "plans", "this",
    ];

    /// Words with apostrophes (a plural possessive with its noun), and words that end
    /// in "s" or "in" (a close after them may be an apostrophe), inside a quotation or
    /// out of it.
    const WITH_APOSTROPHES: &[&str] = &[
        "don't",
        "council's",
        "officials' advice",
        "'90s",
        "rock 'n' roll",
        "O'Neill",
        "o'clock",
        "’em",
        "'em",
        "the Joneses’ car",
        "won’t",
        "’90s",
        "rock ’n’ roll",
        "O’Neill",
        "Labour’s",
        "ministers’ plan",
        "O'Connell",
        "Ní Bhraonáin's",
        "it's",
        "fails",
        "’08",
        "30",
    ];

    /// The marks of each style: straight and curly, single and double.
    const STYLES: &[(&str, &str, bool)] = &[
        ("'", "'", true),
        ("‘", "’", true),
        ("\"", "\"", false),
        ("“", "”", false),
    ];

    /// What a generated quotation ends with inside its marks.
    const ENDINGS: &[&str] = &["", ",", ".", "?"];

    /// What follows a generated quotation: punctuation or a word that cannot follow a
    /// possessive (a close after "officials" before a noun is read as an apostrophe
    /// when a later close may end the quotation).
    const AFTER: &[&str] = &[
        ",",
        ".",
        " he said",
        " and",
        " in Dublin",
        " said Smith",
        ":",
    ];

    /// A generated piece of text.
    #[derive(Debug, Clone)]
    enum Piece {
        Words(&'static str),
        /// A quotation: its style, its words (the first and last plain), a quotation
        /// of the other kind after them, what ends it and what follows it.
        Quote {
            style: usize,
            words: Vec<&'static str>,
            nested: Option<(usize, Vec<&'static str>)>,
            ending: &'static str,
            after: &'static str,
        },
    }

    fn words() -> impl proptest::strategy::Strategy<Value = Vec<&'static str>> {
        use proptest::prelude::*;
        let plain = proptest::sample::select(PLAIN);
        let any = proptest::sample::select([PLAIN, WITH_APOSTROPHES].concat());
        (plain.clone(), proptest::collection::vec(any, 0..4), plain)
            .prop_map(|(first, middle, last)| [vec![first], middle, vec![last]].concat())
    }

    fn piece() -> impl proptest::strategy::Strategy<Value = Piece> {
        use proptest::prelude::*;
        prop_oneof![
            proptest::sample::select([PLAIN, WITH_APOSTROPHES].concat()).prop_map(Piece::Words),
            (
                0..STYLES.len(),
                words(),
                proptest::option::of((0..2usize, words())),
                proptest::sample::select(ENDINGS),
                proptest::sample::select(AFTER),
            )
                .prop_map(|(style, words, nested, ending, after)| Piece::Quote {
                    style,
                    words,
                    nested,
                    ending,
                    after,
                }),
        ]
    }

    /// Renders `pieces`, separated by spaces; returns the text, the span of each
    /// top-level quotation, and the byte offset of each single mark of a quotation.
    fn render(pieces: &[Piece]) -> (String, Vec<Span>, Vec<usize>) {
        let (mut text, mut spans, mut single_marks) = (String::new(), Vec::new(), Vec::new());
        let mark = |text: &mut String, marks: &mut Vec<usize>, mark: &str, single: bool| {
            if single {
                marks.push(text.len());
            }
            text.push_str(mark);
        };
        for piece in pieces {
            if !text.is_empty() {
                text.push(' ');
            }
            match piece {
                Piece::Words(words) => text.push_str(words),
                Piece::Quote {
                    style,
                    words,
                    nested,
                    ending,
                    after,
                } => {
                    let (open, close, single) = STYLES[*style];
                    let start = text.len();
                    mark(&mut text, &mut single_marks, open, single);
                    text.push_str(&words.join(" "));
                    if let Some((inner, inner_words)) = nested {
                        // The other kind of mark: single inside double and back.
                        let (inner_open, inner_close, inner_single) =
                            STYLES[if single { 2 + inner } else { *inner }];
                        text.push(' ');
                        mark(&mut text, &mut single_marks, inner_open, inner_single);
                        text.push_str(&inner_words.join(" "));
                        mark(&mut text, &mut single_marks, inner_close, inner_single);
                    }
                    text.push_str(ending);
                    mark(&mut text, &mut single_marks, close, single);
                    spans.push(Span::new(start, text.len()));
                    text.push_str(after);
                }
            }
        }
        (text, spans, single_marks)
    }

    proptest::proptest! {
        #[test]
        fn apostrophes_are_never_marks_and_every_quotation_is_found(
            pieces in proptest::collection::vec(piece(), 0..12)
        ) {
            let (text, spans, single_marks) = render(&pieces);
            let mut tokens = tokenize(&text, Span::new(0, text.len()));
            let found = find_quotes(&text, &mut tokens, &GRAMMAR);
            let found_spans: Vec<Span> = found.0.iter().map(|quote| quote.span).collect();
            proptest::prop_assert_eq!(&found_spans, &spans, "{}", text);
            let marked: Vec<usize> = tokens
                .iter()
                .filter(|token| token.single_quote.is_some())
                .map(|token| token.span.start)
                .collect();
            proptest::prop_assert_eq!(&marked, &single_marks, "{}", text);
            proptest::prop_assert_eq!(agree(&text), Ok(()));
        }
    }
}
