//! Blocks of a plain-text article and the role each plays on the page.

pub use super::block::{Block, Role};
use super::release::{floor_char_boundary, mark_release};
use super::transcript::mark_turns;
use crate::grammar::line_rules::starts_with_ignore_case;
use crate::grammar::{Grammar, LayoutRule, LineRules};
use crate::span::Span;

/// The size from which a text's block vector is made at its largest size at once.
const RESERVE_BLOCKS_FROM_BYTES: usize = 1 << 20;

/// Characters that open a bullet line.
const BULLETS: &[char] = &['•', '◦', '▪', '‣', '·', '*', '-', '–'];

/// The longest block, in bytes. A paragraph of news is a few KB (2.6 KB at most
/// in PolNeAR train); a longer one is a text without paragraph breaks, read in
/// pieces so that the tokens held at once stay a few MB, whatever its length.
pub const MAX_BLOCK_BYTES: usize = 64 * 1024;

/// Splits `text` into blocks and gives each its role.
pub fn layout(text: &str, grammar: &Grammar) -> Vec<Block> {
    let rules = &grammar.line_rules;
    let mut blocks = split_blocks(text, rules);
    assign_roles(text, &mut blocks, rules, grammar);
    strip_labels(text, &mut blocks, grammar);
    // After a press release's own dateline, whose wire tag marks it, is read.
    mark_release(text, &mut blocks, grammar);
    strip_dateline(text, &mut blocks);
    mark_turns(text, &mut blocks, grammar);
    if blocks
        .iter()
        .any(|block| block.span.len() > MAX_BLOCK_BYTES)
    {
        blocks = blocks
            .into_iter()
            .flat_map(|block| pieces(text, block, MAX_BLOCK_BYTES))
            .collect();
    }
    blocks
}

/// `block` cut into pieces of at most `limit` bytes (at least 4, the longest
/// character), each ending after a sentence's final mark and a space where one
/// lies in its second half, else after a space, else at a character boundary.
fn pieces(text: &str, block: Block, limit: usize) -> Vec<Block> {
    let mut pieces = Vec::new();
    let mut start = block.span.start;
    while block.span.end - start > limit {
        let window = &text.as_bytes()[start..start + limit];
        let half = limit / 2;
        let after_sentence = window[half..]
            .windows(2)
            .rposition(|pair| matches!(pair[0], b'.' | b'?' | b'!') && pair[1] == b' ')
            .map(|at| half + at + 2);
        let after_space = || {
            window
                .iter()
                .rposition(|&byte| byte == b' ')
                .map(|at| at + 1)
        };
        let boundary = || {
            (1..=limit)
                .rev()
                .find(|&at| text.is_char_boundary(start + at))
        };
        // A plain cut, for text that has no paragraphs: "Mr. " may end a piece, and
        // text with no ASCII space is cut inside a word. A limit of 4 bytes or
        // more always leaves a boundary; the rest of the block is the fallback.
        let cut = after_sentence
            .or_else(after_space)
            .or_else(boundary)
            .map_or(block.span.end, |at| start + at);
        if let Some(span) = trimmed_span(text, Span::new(start, cut)) {
            pieces.push(Block { span, ..block });
        }
        start = cut;
    }
    if let Some(span) = trimmed_span(text, Span::new(start, block.span.end)) {
        pieces.push(Block { span, ..block });
    }
    pieces
}

/// Paragraphs and bullet lines, trimmed. Consecutive lines form one paragraph only
/// when the first looks hard-wrapped (it does not end a sentence) and neither is a
/// layout line such as "Advertisement".
fn split_blocks(text: &str, rules: &LineRules) -> Vec<Block> {
    // Asked only where a line that ends a sentence has another line after it: most
    // texts never do, and are not scanned a second time.
    let wrapped = std::cell::OnceCell::new();
    let is_wrapped = || *wrapped.get_or_init(|| wrapped_with_blank_lines(text));
    // A long document's blocks get room for a block per line, the most there can
    // be, at once: grown by doubling, the vector left each smaller copy behind in
    // the allocator (pages never touched cost no memory). A short one's copies
    // are small, and reused by the next document. The room is at most the text's
    // own size in bytes, so that a text of blank lines asks for no more than that.
    let room = if text.len() >= RESERVE_BLOCKS_FROM_BYTES {
        let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
        lines.min(text.len() / std::mem::size_of::<Block>() + 1)
    } else {
        0
    };
    let mut blocks: Vec<Block> = Vec::with_capacity(room);
    let mut open: Option<Span> = None;
    for line in line_spans(text) {
        let Some(trimmed) = trimmed_span(text, line) else {
            blocks.extend(open.take().map(body));
            continue;
        };
        if let Some(bullet) = bullet_body(text, trimmed) {
            blocks.extend(open.take().map(body));
            blocks.push(Block {
                span: bullet,
                role: Role::Bullet,
            });
            continue;
        }
        let joins = open.is_some_and(|paragraph| {
            continues_paragraph(
                paragraph.slice(text),
                trimmed.slice(text),
                rules,
                is_wrapped,
            )
        });
        if !joins {
            blocks.extend(open.take().map(body));
        }
        open = Some(
            open.filter(|_| joins)
                .map_or(trimmed, |span| span.cover(trimmed)),
        );
    }
    blocks.extend(open.map(body));
    blocks
}

/// The spans of `text`'s lines, each with its newline, as `str::split_inclusive('\n')`
/// cuts them: found by memchr, which reads a line of news in a few instructions
/// where the standard library's search took 1.4 a byte.
fn line_spans(text: &str) -> impl Iterator<Item = Span> + '_ {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes())
        .map(|newline| newline + 1)
        .chain(std::iter::once(text.len()));
    ends.scan(0, |start, end| {
        let line = Span::new(*start, end);
        *start = end;
        Some(line)
    })
    // Only the last can be empty: after a final newline, or of an empty text.
    .filter(|line| line.end > line.start)
}

/// True when `next` line continues the hard-wrapped paragraph `paragraph`: its last
/// line does not end a sentence, or `wrapped()` says the text is (see
/// [`wrapped_with_blank_lines`]). A quotation closed after a comma does not end one,
/// nor one that a lowercase word follows on the next line: its attribution follows
/// (`"The bridge will hold,"` / `said Dr. Helen Okafor.`).
fn continues_paragraph(
    paragraph: &str,
    next: &str,
    rules: &LineRules,
    wrapped: impl FnOnce() -> bool,
) -> bool {
    let last_line = paragraph
        .rsplit('\n')
        .next()
        .unwrap_or(paragraph)
        .trim_end();
    let quoted = last_line.strip_suffix(['"', '”', '’', '\'']);
    let attribution_follows = quoted.is_some_and(|quoted| {
        quoted.ends_with(',') || next.trim_start().starts_with(char::is_lowercase)
    });
    let ends_paragraph = !attribution_follows && ends_sentence(last_line) && !wrapped();
    !ends_paragraph && rules.rule(last_line).is_none() && rules.rule(next).is_none()
}

/// True when `line` ends a sentence, or a quotation, or introduces what follows.
fn ends_sentence(line: &str) -> bool {
    line.ends_with(['.', '!', '?', '"', '”', ':', '’', '\''])
}

/// Fewest pairs of adjacent lines that tell a hard-wrapped text.
const MIN_WRAPPED_PAIRS: usize = 3;

/// The longest line, in bytes, of a hard-wrapped text (wrapped at 80 columns at most,
/// with room for multi-byte characters).
const MAX_WRAPPED_LINE_BYTES: usize = 120;

/// True when `text` is hard-wrapped prose with blank lines between its paragraphs
/// (wire copy, email): it has a blank line, no line is long, and at least half of the
/// lines followed by another end mid-sentence. Its lines break anywhere, so a line
/// that ends a sentence does not end a paragraph either (`…said Dr. Okafor.` /
/// `"The union …"`). A page with a paragraph a line has long lines, whatever short
/// ones it holds (a media contact's).
fn wrapped_with_blank_lines(text: &str) -> bool {
    let mut has_blank = false;
    let (mut pairs, mut mid_sentence) = (0usize, 0usize);
    let mut previous: Option<&str> = None;
    for line in text.lines() {
        let line = line.trim();
        if line.len() > MAX_WRAPPED_LINE_BYTES {
            return false;
        }
        if line.is_empty() {
            has_blank = true;
            previous = None;
            continue;
        }
        if let Some(before) = previous {
            pairs += 1;
            mid_sentence += usize::from(!ends_sentence(before));
        }
        previous = Some(line);
    }
    has_blank && pairs >= MIN_WRAPPED_PAIRS && 2 * mid_sentence >= pairs
}

fn body(span: Span) -> Block {
    Block {
        span,
        role: Role::Body,
    }
}

/// The span without surrounding whitespace, or None when it is blank.
fn trimmed_span(text: &str, span: Span) -> Option<Span> {
    let slice = span.slice(text);
    let start = span.start + (slice.len() - slice.trim_start().len());
    let end = span.start + slice.trim_end().len();
    (start < end).then_some(Span::new(start, end))
}

/// For a line opening with a bullet, a numbered-list marker ("1.", "2)"), a
/// Markdown heading ("## ") or blockquote ("> ") marker and a space, the text after
/// the marker: such a line is a block of its own.
fn bullet_body(text: &str, line: Span) -> Option<Span> {
    let slice = line.slice(text);
    let marker_len = if let Some(marker) = slice.chars().next().filter(|c| BULLETS.contains(c)) {
        marker.len_utf8()
    } else if slice.starts_with('#') {
        slice.len() - slice.trim_start_matches('#').len()
    } else if slice.starts_with('>') {
        1
    } else {
        let digits = slice.len() - slice.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let numbered = (1..=3).contains(&digits) && slice[digits..].starts_with(['.', ')']);
        if !numbered {
            return None;
        }
        digits + 1
    };
    let rest = &slice[marker_len..];
    let blockquote_without_space = slice.starts_with('>') && !rest.is_empty();
    if !rest.starts_with([' ', '\t']) && !blockquote_without_space {
        return None;
    }
    trimmed_span(text, Span::new(line.start + marker_len, line.end))
}

/// Title, boilerplate, captions, teasers, bios and comments; the rest stays body.
fn assign_roles(text: &str, blocks: &mut [Block], rules: &LineRules, grammar: &Grammar) {
    let mut title: Option<&str> = None;
    let mut in_teaser = false;
    let mut in_comments = false;
    for block in blocks.iter_mut() {
        let line = block.span.slice(text);
        let rule = rules.rule(line);
        let role = &mut block.role;
        if in_comments {
            *role = Role::Comment;
            continue;
        }
        match rule {
            Some(LayoutRule::CommentsStart) => {
                in_comments = true;
                *role = Role::Boilerplate;
                continue;
            }
            Some(LayoutRule::TeaserStart) => {
                in_teaser = true;
                *role = Role::Boilerplate;
                continue;
            }
            Some(LayoutRule::TeaserEnd) => {
                in_teaser = false;
                *role = Role::Boilerplate;
                continue;
            }
            Some(LayoutRule::Line | LayoutRule::Prefix) => {
                *role = Role::Boilerplate;
                continue;
            }
            _ => {}
        }
        if in_teaser || !line.chars().any(char::is_alphabetic) {
            *role = Role::Boilerplate;
        } else if title.is_none() {
            title = Some(line);
            *role = Role::Title;
        } else if title == Some(line) {
            *role = Role::Boilerplate;
        }
    }
    mark_credits(text, blocks, grammar);
    mark_bios(text, blocks, grammar);
}

/// A photo credit ("Alex Wong / Getty Images") makes it, the short label before it
/// and the caption after it non-body.
fn mark_credits(text: &str, blocks: &mut [Block], grammar: &Grammar) {
    for index in 0..blocks.len() {
        if blocks[index].role != Role::Body || !is_credit(blocks[index].span.slice(text), grammar) {
            continue;
        }
        blocks[index].role = Role::Caption;
        if let Some(before) = index.checked_sub(1).and_then(|i| blocks.get_mut(i))
            && before.role == Role::Body
            && is_label_line(before.span.slice(text), 8)
        {
            before.role = Role::Caption;
        }
        if let Some(after) = blocks.get_mut(index + 1)
            && after.role == Role::Body
            && has_at_most_words(after.span.slice(text), 20)
        {
            after.role = Role::Caption;
        }
    }
}

/// A short line with a slash between names, or naming a photo agency.
fn is_credit(line: &str, grammar: &Grammar) -> bool {
    if !is_label_line(line, 10) {
        return false;
    }
    let lower = line.to_lowercase();
    line.contains('/')
        || grammar.layout.iter().any(|(phrase, rule)| {
            *rule == LayoutRule::Credit && lower.contains(&phrase.to_lowercase())
        })
}

/// A line of at most `max_words` words that does not end like a sentence.
fn is_label_line(line: &str, max_words: usize) -> bool {
    let ends_sentence = line.trim_end().ends_with(['.', '!', '?', '"', '”', ':']);
    !ends_sentence && has_at_most_words(line, max_words)
}

/// True when `line` has at most `max_words` words; reads no further than that, as
/// most lines asked about are whole paragraphs.
fn has_at_most_words(line: &str, max_words: usize) -> bool {
    line.split_whitespace().nth(max_words).is_none()
}

/// "About Tom Espiner": the byline before it and the bio after it are not body.
fn mark_bios(text: &str, blocks: &mut [Block], grammar: &Grammar) {
    let openers: Vec<&str> = grammar
        .layout
        .iter()
        .filter(|(_, rule)| *rule == LayoutRule::BioStart)
        .map(|(phrase, _)| phrase.as_str())
        .collect();
    for index in 0..blocks.len() {
        let line = blocks[index].span.slice(text);
        let opens_bio = blocks[index].role == Role::Body
            && is_label_line(line, 5)
            && openers.iter().any(|opener| {
                line.strip_prefix(opener)
                    .is_some_and(|name| name.starts_with(' ') && is_name(name))
            });
        if !opens_bio {
            continue;
        }
        blocks[index].role = Role::Boilerplate;
        if let Some(before) = index.checked_sub(1).and_then(|i| blocks.get_mut(i))
            && is_label_line(before.span.slice(text), 4)
        {
            before.role = Role::Boilerplate;
        }
        if let Some(after) = blocks.get_mut(index + 1) {
            after.role = Role::Boilerplate;
        }
    }
}

/// Every word capitalised: "Tom Espiner".
fn is_name(text: &str) -> bool {
    let mut words = text.split_whitespace().peekable();
    words.peek().is_some() && words.all(|word| word.chars().next().is_some_and(char::is_uppercase))
}

/// Moves a block's start past a leading label such as "Summary:".
fn strip_labels(text: &str, blocks: &mut [Block], grammar: &Grammar) {
    let labels = Labels::new(grammar);
    for block in blocks.iter_mut().filter(|block| block.role.is_prose()) {
        let line = block.span.slice(text);
        if let Some(phrase) = labels.opening(line) {
            let rest = &line[phrase.len()..];
            let skipped = phrase.len() + (rest.len() - rest.trim_start().len());
            if skipped < line.len() {
                block.span.start += skipped;
            }
        }
    }
}

/// The longest news dateline, in bytes: "CAMBRIDGE, Mass., Dec. 11 (UPI) — ".
const MAX_DATELINE_BYTES: usize = 64;

/// Moves the first body block's start past a news dateline ("LONDON (Reuters) - ",
/// "NEW YORK, Dec. 14 (UPI) — ", "BEIJING — "): it names where the story was
/// filed, and is no part of the claim the paragraph makes.
fn strip_dateline(text: &str, blocks: &mut [Block]) {
    if let Some(block) = blocks.iter_mut().find(|block| block.role == Role::Body)
        && let Some(len) = dateline_len(block.span.slice(text))
    {
        block.span.start += len;
    }
}

/// The length of the news dateline `paragraph` opens with, and the space after it:
/// a place in capitals (a word of two letters at least, ASCII capitals and `. ' -`),
/// then optionally a comma and more of the place or the date in capitalised words,
/// abbreviations and numbers ("Mass., Dec. 11"), then optionally a wire's name in
/// brackets, then a dash and a space, with text after it. None for anything else.
fn dateline_len(paragraph: &str) -> Option<usize> {
    let head = &paragraph[..floor_char_boundary(paragraph, MAX_DATELINE_BYTES)];
    // The dash after the place, the date and the wire's name.
    let dash = head
        .match_indices(['-', '—', '–'])
        .map(|(at, _)| at)
        .find(|&at| head[..at].ends_with([' ', '\u{a0}', ')']))?;
    let before = head[..dash].trim_end();
    let (place_and_date, wire) = match before.strip_suffix(')') {
        Some(open) => {
            let (rest, name) = open.rsplit_once('(')?;
            let plain = name
                .chars()
                .all(|c| c.is_alphanumeric() || " .&/-".contains(c));
            (plain && !name.trim().is_empty()).then_some((rest.trim_end(), true))?
        }
        None => (before, false),
    };
    let mut parts = place_and_date.split(',');
    let place = parts.next()?.trim();
    let capitals = place.chars().filter(char::is_ascii_uppercase).count();
    let place_ok = capitals >= 2
        && place
            .chars()
            .all(|c| c.is_ascii_uppercase() || " .'’-".contains(c));
    let rest_ok = parts.all(|part| {
        part.split_whitespace()
            .all(|word| word.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit()))
            && !part.trim().is_empty()
    });
    // A dash glued to a word is a hyphen: "ANTI-WAR" is no dateline.
    let after_dash = &paragraph[dash..];
    let dash_len = after_dash
        .char_indices()
        .find(|&(_, c)| !matches!(c, '-' | '—' | '–'))
        .map(|(at, _)| at)?;
    let after = &after_dash[dash_len..];
    let spaces = after.len() - after.trim_start().len();
    let text_follows = spaces > 0 && !after.trim().is_empty();
    // A wire's name or a long dash: a bare "-" after a place is too common a hyphen.
    let marked = wire || !after_dash.starts_with('-') || dash_len > 1;
    (place_ok && rest_ok && text_follows && marked).then_some(dash + dash_len + spaces)
}

/// The `label` phrases of layout.txt, in file order, with what lets most lines be
/// passed over at a glance: a line opens with a label only if the label's last
/// byte ("Summary:": the colon) stands among its first bytes. Scanning every
/// layout rule for every paragraph was a third of the layout of a text.
struct Labels<'g> {
    phrases: Vec<&'g str>,
    /// The longest phrase, in bytes.
    longest: usize,
    /// The last bytes of the phrases, ASCII lowercase; none when a phrase is empty
    /// (every line opens with it).
    last_bytes: Option<[bool; 256]>,
}

impl<'g> Labels<'g> {
    fn new(grammar: &'g Grammar) -> Self {
        let phrases: Vec<&str> = grammar
            .layout
            .iter()
            .filter(|(_, rule)| *rule == LayoutRule::Label)
            .map(|(phrase, _)| phrase.as_str())
            .collect();
        let mut last_bytes = Some([false; 256]);
        for phrase in &phrases {
            match (phrase.as_bytes().last(), &mut last_bytes) {
                (Some(&last), Some(bytes)) => bytes[usize::from(last.to_ascii_lowercase())] = true,
                _ => last_bytes = None,
            }
        }
        Labels {
            longest: phrases.iter().map(|phrase| phrase.len()).max().unwrap_or(0),
            phrases,
            last_bytes,
        }
    }

    /// The first label (in file order) that `line` opens with, ignoring ASCII case.
    fn opening(&self, line: &str) -> Option<&'g str> {
        if let Some(last_bytes) = &self.last_bytes {
            let head = &line.as_bytes()[..line.len().min(self.longest)];
            if !head
                .iter()
                .any(|byte| last_bytes[usize::from(byte.to_ascii_lowercase())])
            {
                return None;
            }
        }
        self.phrases
            .iter()
            .find(|phrase| starts_with_ignore_case(line, phrase))
            .copied()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// The label `line` opens with by a scan of every layout rule (the reference).
    fn label_by_scan<'g>(grammar: &'g Grammar, line: &str) -> Option<&'g str> {
        grammar
            .layout
            .iter()
            .find(|(phrase, rule)| {
                *rule == LayoutRule::Label && starts_with_ignore_case(line, phrase)
            })
            .map(|(phrase, _)| phrase.as_str())
    }

    /// Paragraph → the dateline taken off its start (None: nothing is).
    #[rustfmt::skip]
    const DATELINES: &[(&str, Option<&str>)] = &[
        ("LONDON (Reuters) - Britain's economy grew.", Some("LONDON (Reuters) - ")),
        ("NEW YORK, Dec. 14 (UPI) — In hypothetical match-ups, Clinton led.", Some("NEW YORK, Dec. 14 (UPI) — ")),
        ("CAMBRIDGE, Mass., Dec. 11 (UPI) — Young Democrats back Sanders.", Some("CAMBRIDGE, Mass., Dec. 11 (UPI) — ")),
        ("BEIJING — China said on Monday it would retaliate.", Some("BEIJING — ")),
        ("WASHINGTON (AP) -- The Senate voted.", Some("WASHINGTON (AP) -- ")),
        ("O'HARE, Ill. (AP) – Flights resumed.", Some("O'HARE, Ill. (AP) – ")),
        // Nothing after it, a hyphen after a bare place, a hyphenated word, a
        // sentence, one capital: no dateline.
        ("WASHINGTON (AP) —", None),
        ("US - China talks resumed on Monday.", None),
        ("ANTI-WAR protesters marched on Sunday.", None),
        ("The plan — which failed — cost $5m.", None),
        ("I — for one — disagree.", None),
        ("Talks (in Geneva) — stalled again.", None),
    ];

    #[test]
    fn dateline_table() {
        for &(paragraph, want) in DATELINES {
            let got = dateline_len(paragraph).map(|len| &paragraph[..len]);
            assert_eq!(got, want, "{paragraph}");
        }
    }

    /// Only the first body paragraph loses its dateline.
    #[test]
    fn the_dateline_comes_off_the_first_body_paragraph() {
        let grammar = Grammar::built_in().unwrap();
        let text = "Economy grows\n\nLONDON (Reuters) - It grew.\n\nPARIS (Reuters) - It shrank.\n";
        let bodies: Vec<&str> = layout(text, &grammar)
            .iter()
            .filter(|block| block.role == Role::Body)
            .map(|block| block.span.slice(text))
            .collect();
        assert_eq!(bodies, ["It grew.", "PARIS (Reuters) - It shrank."]);
    }

    proptest! {
        /// A dateline ends on a character boundary inside its paragraph, before text.
        #[test]
        fn a_dateline_ends_inside_its_paragraph(paragraph in "[A-Z]{0,6}[ ,.a-z0-9()—–é'-]{0,70}") {
            if let Some(len) = dateline_len(&paragraph) {
                prop_assert!(len < paragraph.len() && paragraph.is_char_boundary(len));
            }
        }

        /// The memchr line split cuts where `str::split_inclusive` does.
        #[test]
        fn line_spans_are_the_lines_split_inclusive_gives(text in "[a\n\r é]{0,40}") {
            let spans: Vec<&str> = line_spans(&text).map(|line| line.slice(&text)).collect();
            let lines: Vec<&str> = text.split_inclusive('\n').collect();
            prop_assert_eq!(spans, lines);
        }

        /// The glance at a line's first bytes passes over no label the scan finds,
        /// in any case, and with an empty phrase among them (a user's grammar).
        #[test]
        fn labels_found_at_a_glance_are_those_of_the_scan(
            pick in 0usize..40,
            upper in any::<bool>(),
            cut in 0usize..25,
            rest in "[ a-zA-Z:’'.é]{0,30}",
            empty_phrase in any::<bool>(),
        ) {
            let mut grammar = Grammar::built_in().unwrap();
            if empty_phrase {
                grammar.layout.push((String::new(), LayoutRule::Label));
            }
            let phrase = grammar.layout[pick % grammar.layout.len()].0.clone();
            let phrase = if upper { phrase.to_uppercase() } else { phrase };
            let head = phrase.get(..cut.min(phrase.len())).unwrap_or(&phrase);
            let line = format!("{head}{rest}");
            prop_assert_eq!(Labels::new(&grammar).opening(&line), label_by_scan(&grammar, &line));
        }
    }

    fn roles(text: &str) -> Vec<(String, Role)> {
        let grammar = Grammar::built_in().unwrap();
        layout(text, &grammar)
            .into_iter()
            .map(|block| (block.span.slice(text).to_string(), block.role))
            .collect()
    }

    #[test]
    fn title_repeats_adverts_bullets_and_captions() {
        let text = "Big news\nAdvertisement\nBig news\n\n  • First point.\n  • Second point.\n\nCIA Wall\n\nAlex Wong / Getty Images\n\nThe wall in Langley.\n\nBody text\nwrapped here.\n";
        let want = [
            ("Big news", Role::Title),
            ("Advertisement", Role::Boilerplate),
            ("Big news", Role::Boilerplate),
            ("First point.", Role::Bullet),
            ("Second point.", Role::Bullet),
            ("CIA Wall", Role::Caption),
            ("Alex Wong / Getty Images", Role::Caption),
            ("The wall in Langley.", Role::Caption),
            ("Body text\nwrapped here.", Role::Body),
        ];
        let want: Vec<(String, Role)> = want.iter().map(|(t, r)| (t.to_string(), *r)).collect();
        assert_eq!(roles(text), want);
    }

    /// Which lines one paragraph holds, by where a line ends (issue #17: an
    /// attribution on the line after its quote).
    #[test]
    fn hard_wrapped_lines_join_until_a_sentence_ends() {
        let table: &[(&str, &[&str])] = &[
            ("Body text\nwrapped here.", &["Body text\nwrapped here."]),
            (
                "One sentence.\nAnother one.",
                &["One sentence.", "Another one."],
            ),
            (
                "\"The bridge will hold,\"\nsaid Dr. Helen Okafor.",
                &["\"The bridge will hold,\"\nsaid Dr. Helen Okafor."],
            ),
            (
                "‘It will hold,’\nsaid Mr Okafor.",
                &["‘It will hold,’\nsaid Mr Okafor."],
            ),
            (
                "\"The bridge will hold\"\nsaid Dr. Helen Okafor.",
                &["\"The bridge will hold\"\nsaid Dr. Helen Okafor."],
            ),
            (
                "\"The bridge will hold.\"\nThe mayor left.",
                &["\"The bridge will hold.\"", "The mayor left."],
            ),
        ];
        for (text, want) in table {
            let got: Vec<String> = roles(text).into_iter().map(|(text, _)| text).collect();
            assert_eq!(got, *want, "{text:?}");
        }
    }

    #[test]
    fn wrapped_text_with_blank_lines_joins_every_line_of_a_paragraph() {
        let wrapped = "Head line\n\nStriking drivers kept the\nport blockaded on Tuesday, and\nthe talks broke down.\n\n\"We have an offer,\"\nsaid Ilka Dravec, the minister.\n\"It is fair.\"\n";
        let got: Vec<String> = roles(wrapped).into_iter().map(|(text, _)| text).collect();
        assert_eq!(
            got,
            [
                "Head line",
                "Striking drivers kept the\nport blockaded on Tuesday, and\nthe talks broke down.",
                "\"We have an offer,\"\nsaid Ilka Dravec, the minister.\n\"It is fair.\"",
            ]
        );
        // A paragraph a line, and short lines that end mid-sentence (a contact block):
        // a line that ends a sentence still ends its block.
        let long = "x ".repeat(70);
        let contact = format!("{long}.\n\nMedia Contact:\nJane Roe\njane@example.com\n");
        let got: Vec<String> = roles(&contact).into_iter().map(|(text, _)| text).collect();
        assert_eq!(got[1..], ["Media Contact:", "Jane Roe\njane@example.com"]);
        // One paragraph a line, a few lines together: each sentence's line stays a block.
        let unwrapped = "One sentence.\nAnother one.\n\nA third one.\nAnd so on.\n";
        let got: Vec<String> = roles(unwrapped).into_iter().map(|(text, _)| text).collect();
        assert_eq!(
            got,
            [
                "One sentence.",
                "Another one.",
                "A third one.",
                "And so on."
            ]
        );
    }

    #[test]
    fn markdown_headings_quotes_and_lists() {
        let text = "# Big news\n\nIntro line here.\n> Quoted words, he said.\n1. First point.\n2) Second point.\n#hashtag stays\n";
        let got = roles(text);
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Big news",
                "Intro line here.",
                "Quoted words, he said.",
                "First point.",
                "Second point.",
                "#hashtag stays"
            ]
        );
        assert_eq!(got[0].1, Role::Title);
    }

    #[test]
    fn teasers_comments_labels_and_bios() {
        let text = "Title\n\nSummary: Officials said so.\n\nRead this\n\nOther story: a claim\n\nRead more+\n\nBody.\n\nTom Espiner\n\nAbout Tom Espiner\n\nTom is a reporter.\n\nLog in or register to join the discussion\n  • I've said it before.\n";
        let got = roles(text);
        let role_of = |needle: &str| got.iter().find(|(t, _)| t == needle).map(|(_, r)| *r);
        assert_eq!(role_of("Officials said so."), Some(Role::Body));
        assert_eq!(role_of("Other story: a claim"), Some(Role::Boilerplate));
        assert_eq!(role_of("Read more+"), Some(Role::Boilerplate));
        assert_eq!(role_of("Body."), Some(Role::Body));
        assert_eq!(role_of("Tom Espiner"), Some(Role::Boilerplate));
        assert_eq!(role_of("Tom is a reporter."), Some(Role::Boilerplate));
        assert_eq!(role_of("I've said it before."), Some(Role::Comment));
    }

    /// The pieces of a block with no paragraph break: each at most the limit,
    /// together every byte of the block but the spaces at the cuts.
    fn assert_pieces(text: &str) -> Vec<Block> {
        let grammar = Grammar::built_in().expect("the built-in grammar loads");
        let blocks = layout(text, &grammar);
        let mut joined = String::new();
        for block in &blocks {
            assert!(block.span.len() <= MAX_BLOCK_BYTES, "{}", block.span.len());
            joined.push_str(block.span.slice(text));
        }
        let without_spaces = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(without_spaces(&joined), without_spaces(text));
        blocks
    }

    #[test]
    fn a_paragraph_longer_than_the_limit_is_read_in_pieces_cut_after_sentences() {
        let text = format!(
            "A headline\n\n{}",
            "Officials said the plan would work. ".repeat(5_000)
        );
        let blocks = assert_pieces(&text);
        assert!(blocks.len() >= 4, "{}", blocks.len());
        for block in &blocks[1..] {
            assert!(block.span.slice(&text).ends_with("work."));
            assert_eq!(block.role, Role::Body);
        }
    }

    proptest::proptest! {
        #[test]
        fn pieces_keep_every_character_within_the_limit(
            text in "[a. é€\n!?]{0,200}",
            limit in 4usize..40,
        ) {
            let block = Block { span: Span::new(0, text.len()), role: Role::Body };
            let mut joined = String::new();
            let mut end = 0;
            for piece in pieces(&text, block, limit) {
                proptest::prop_assert!(piece.span.len() <= limit);
                proptest::prop_assert!(piece.span.start >= end);
                proptest::prop_assert!(!piece.span.is_empty());
                end = piece.span.end;
                joined.push_str(piece.span.slice(&text));
            }
            let without_spaces = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            proptest::prop_assert_eq!(without_spaces(&joined), without_spaces(&text));
        }
    }

    #[test]
    fn a_long_text_without_spaces_is_cut_at_character_boundaries() {
        for text in [
            "é".repeat(100_000),
            "ab€".repeat(50_000),
            format!("x{}", " y".repeat(70_000)),
        ] {
            assert_pieces(&text);
        }
    }
}
