//! HTML pages, parsed with `tl` (a real, zero-copy HTML parser), read as a person
//! reads them: the article's text with its paragraphs, character references
//! decoded (the whole HTML5 table, from `htmlize`), whitespace folded as a browser
//! folds it, and nothing of the markup. What is not the article is left out by
//! what the page says of itself: tags (nav, aside, footer …), and the words of
//! class, id, role, aria-label, itemprop and data-component attributes
//! (`grammar/page.txt`: ad slots, related stories, newsletter prompts, comments);
//! when the page marks its article (itemprop="articleBody", an `<article>`, a
//! `<main>`), only that is read. The page's metadata (JSON-LD, `og:`/`article:`
//! meta tags, `<title>`) become the document's. An [`OffsetMap`] takes every
//! offset of the text back to the HTML bytes, where records point.
//!
//! [`OffsetMap`]: super::OffsetMap

use super::Metadata;
use super::original::{Original, TextBuilder};
use crate::error::Error;
use crate::grammar::{PageRule, PageRules};

mod meta;

/// Elements whose content is never body text.
const DROPPED: &[&str] = &[
    "head",
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "aside",
    "footer",
    "header",
    "form",
    "svg",
    "figcaption",
    "button",
    "select",
    "iframe",
    "object",
    "dialog",
];

/// Elements that start and end a block (a paragraph of their own).
const BLOCKS: &[&str] = &[
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "article", "section", "main",
    "figure", "table", "tr", "td", "th", "dd", "dt", "br", "hr", "pre", "title",
];

/// The attributes whose words say what an element is (see `grammar/page.txt`).
const TELLING_ATTRIBUTES: &[&str] = &[
    "class",
    "id",
    "role",
    "aria-label",
    "itemprop",
    "data-component",
];

/// A page read: its text, the HTML it maps back to, and its metadata.
#[derive(Debug, Clone)]
pub struct Page {
    pub text: String,
    pub original: Original,
    pub meta: Metadata,
}

/// True when the text looks like an HTML document rather than prose.
pub fn looks_like_html(text: &str) -> bool {
    let head = text
        .trim_start()
        .get(..64.min(text.trim_start().len()))
        .unwrap_or("");
    let lower = head.to_ascii_lowercase();
    lower.starts_with("<!doctype html") || lower.starts_with("<html")
}

/// Reads the HTML page `html` (`name` is for errors); `rules` says which elements
/// are the body, boilerplate or comments by their attributes (none: by tag only).
pub fn project(name: &str, html: String, rules: Option<&PageRules>) -> Result<Page, Error> {
    let (text, map, meta) = {
        let dom = tl::parse(&html, tl::ParserOptions::default()).map_err(|error| Error::Html {
            path: name.to_string(),
            message: error.to_string(),
        })?;
        let walk = Walk {
            parser: dom.parser(),
            base: html.as_ptr() as usize,
            len: html.len(),
            rules,
        };
        let root = walk.article_root(&dom);
        let starts: Vec<tl::NodeHandle> = match root {
            Some(root) => vec![root],
            None => dom.children().to_vec(),
        };
        let mut builder = TextBuilder::with_capacity(html.len() / 2);
        walk.text(&starts, &mut builder);
        let meta = meta::page_metadata(&dom);
        let (text, original) = builder.finish(String::new());
        (text, original.map, meta)
    };
    Ok(Page {
        text,
        original: Original { text: html, map },
        meta,
    })
}

/// What a walk over one parsed page needs.
struct Walk<'p, 'h> {
    parser: &'p tl::Parser<'h>,
    /// Where the HTML starts in memory: `tl` hands out slices of it.
    base: usize,
    len: usize,
    rules: Option<&'p PageRules>,
}

/// A step of the walk: an element or text to read, or the end of a block.
enum Step {
    Node(tl::NodeHandle),
    /// A block's closing tag, at these bytes, with what closes it there.
    Close(usize, usize, &'static str),
}

impl Walk<'_, '_> {
    /// The offset of a slice of the HTML, when it is one.
    fn offset_of(&self, bytes: &[u8]) -> Option<usize> {
        let start = (bytes.as_ptr() as usize).checked_sub(self.base)?;
        (start + bytes.len() <= self.len).then_some(start)
    }

    /// What the attributes of `tag` say it is.
    fn rule(&self, tag: &tl::HTMLTag) -> Option<PageRule> {
        let rules = self.rules?;
        let attributes = tag.attributes();
        let values = TELLING_ATTRIBUTES
            .iter()
            .filter_map(|name| attributes.get(*name).flatten())
            .map(|value| value.as_utf8_str());
        let values: Vec<_> = values.collect();
        rules.rule_of(values.iter().map(|value| value.as_ref()))
    }

    /// The element that holds the article: the largest with a body rule
    /// (itemprop="articleBody"), else the largest `<article>`, else `<main>`; none
    /// for a page that marks none.
    fn article_root(&self, dom: &tl::VDom) -> Option<tl::NodeHandle> {
        let mut best: [Option<(usize, tl::NodeHandle)>; 3] = [None; 3];
        for (index, node) in dom.nodes().iter().enumerate() {
            let Some(tag) = node.as_tag() else { continue };
            let name = tag.name().as_utf8_str().to_ascii_lowercase();
            let rank = if self.rule(tag) == Some(PageRule::Body) {
                0
            } else if name == "article" {
                1
            } else if name == "main" {
                2
            } else {
                continue;
            };
            let (start, end) = tag.boundaries(self.parser);
            let size = end.saturating_sub(start);
            let handle = tl::NodeHandle::new(index as u32);
            if best[rank].is_none_or(|(largest, _)| size > largest) {
                best[rank] = Some((size, handle));
            }
        }
        best.into_iter().flatten().next().map(|(_, handle)| handle)
    }

    /// Writes the text of `starts` and all they hold into `out`. An explicit stack:
    /// ten thousand nested elements must not overflow the call stack.
    fn text(&self, starts: &[tl::NodeHandle], out: &mut TextBuilder) {
        let mut stack: Vec<Step> = starts
            .iter()
            .rev()
            .map(|&handle| Step::Node(handle))
            .collect();
        let mut pre = 0usize;
        while let Some(step) = stack.pop() {
            let handle = match step {
                Step::Node(handle) => handle,
                Step::Close(start, end, piece) => {
                    if piece == "pre" {
                        pre = pre.saturating_sub(1);
                    } else {
                        close_block(out, start, end, piece);
                    }
                    continue;
                }
            };
            match handle.get(self.parser) {
                Some(tl::Node::Tag(tag)) => {
                    let name = tag.name().as_utf8_str().to_ascii_lowercase();
                    let raw = tag.raw().as_bytes();
                    let Some(start) = self.offset_of(raw) else {
                        continue;
                    };
                    let end = start + raw.len();
                    // The page itself is never boilerplate, whatever its classes say
                    // (WordPress gives <body> "comments-open").
                    let page_itself = matches!(name.as_str(), "html" | "body");
                    let left_out = DROPPED.contains(&name.as_str())
                        || (!page_itself
                            && matches!(
                                self.rule(tag),
                                Some(PageRule::Boilerplate | PageRule::Comments)
                            ));
                    if left_out {
                        // What stood there separates the words on either side.
                        space(out, start, end);
                        continue;
                    }
                    let open_end = raw
                        .iter()
                        .position(|&byte| byte == b'>')
                        .map_or(end, |at| start + at + 1);
                    let close_start = raw
                        .iter()
                        .rposition(|&byte| byte == b'<')
                        .map_or(end, |at| start + at);
                    let has_close = close_start >= open_end && close_start > start;
                    let (close_from, close_to) = if has_close {
                        (close_start, end)
                    } else {
                        (end, end)
                    };
                    if name == "blockquote" {
                        open_block(out, start, open_end, "\n\n“");
                        stack.push(Step::Close(close_from, close_to, "”\n\n"));
                    } else if BLOCKS.contains(&name.as_str()) {
                        open_block(out, start, open_end, "\n\n");
                        stack.push(Step::Close(close_from, close_to, "\n\n"));
                    }
                    if name == "pre" {
                        pre += 1;
                        stack.push(Step::Close(close_from, close_to, "pre"));
                    }
                    let children = tag.children();
                    stack.extend(
                        children
                            .top()
                            .as_slice()
                            .iter()
                            .rev()
                            .map(|&child| Step::Node(child)),
                    );
                }
                Some(tl::Node::Raw(bytes)) => {
                    if let Some(start) = self.offset_of(bytes.as_bytes()) {
                        let text = bytes.as_utf8_str();
                        decode_text(out, start, &text, pre > 0);
                    }
                }
                _ => {}
            }
        }
    }
}

/// A block's opening tag at `start..end`: a paragraph break (and an opening
/// quotation mark for a blockquote), unless the text is at one already.
fn open_block(out: &mut TextBuilder, start: usize, end: usize, piece: &str) {
    let text = out.text();
    let piece = if text.is_empty() || text.ends_with("\n\n") {
        piece.trim_start_matches('\n')
    } else {
        piece
    };
    out.replace(start, end, piece);
}

/// A block's closing tag at `start..end`.
fn close_block(out: &mut TextBuilder, start: usize, end: usize, piece: &str) {
    if piece == "\n\n" && (out.text().is_empty() || out.text().ends_with("\n\n")) {
        return;
    }
    out.replace(start, end, piece);
}

/// One space for the bytes `start..end` (whitespace, or an element left out),
/// unless the text is at a space or a break already.
fn space(out: &mut TextBuilder, start: usize, end: usize) {
    let text = out.text();
    if text.is_empty() || text.ends_with([' ', '\n', '“']) {
        return;
    }
    out.replace(start, end, " ");
}

/// Whitespace as HTML folds it: ASCII whitespace and the no-break space a
/// reference such as `&nbsp;` stands for.
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c' | '\u{a0}')
}

/// Writes a text node at `start` of the HTML: character references decoded,
/// whitespace runs folded to one space (kept as is in `<pre>`).
fn decode_text(out: &mut TextBuilder, start: usize, raw: &str, pre: bool) {
    let bytes = raw.as_bytes();
    let mut copied_from = 0;
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if byte == b'&'
            && let Some((length, decoded)) = reference(&raw[at..])
        {
            out.copy(start + copied_from, &raw[copied_from..at]);
            if !pre && decoded.chars().all(is_html_space) {
                space(out, start + at, start + at + length);
            } else {
                out.replace(start + at, start + at + length, &decoded);
            }
            at += length;
            copied_from = at;
            continue;
        }
        if !pre && byte.is_ascii_whitespace() {
            let run = bytes[at..]
                .iter()
                .take_while(|b| b.is_ascii_whitespace())
                .count();
            out.copy(start + copied_from, &raw[copied_from..at]);
            space(out, start + at, start + at + run);
            at += run;
            copied_from = at;
            continue;
        }
        at += 1;
    }
    out.copy(start + copied_from, &raw[copied_from..]);
}

/// The character reference at the start of `text` (which starts with `&`): its
/// length and what it stands for, by the HTML5 rules (`htmlize`): the longest
/// named reference of the whole table, with or without its `;` where the table
/// allows, or a numeric one. None when it is not one (`&bogus;`, a bare `&`).
fn reference(text: &str) -> Option<(usize, String)> {
    let bytes = text.as_bytes();
    let length = if bytes.get(1) == Some(&b'#') {
        let hex = matches!(bytes.get(2), Some(b'x' | b'X'));
        let digits_from = if hex { 3 } else { 2 };
        let digits = bytes[digits_from..]
            .iter()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let end = digits_from + digits;
        end + usize::from(bytes.get(end) == Some(&b';'))
    } else {
        let longest = htmlize::ENTITY_MAX_LENGTH.min(bytes.len());
        (htmlize::ENTITY_MIN_LENGTH..=longest)
            .rev()
            .find(|&length| htmlize::ENTITIES.contains_key(&bytes[..length]))?
    };
    let reference = text.get(..length)?;
    let decoded = htmlize::unescape(reference);
    (decoded != reference).then(|| (length, decoded.into_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(html: &str) -> Page {
        let grammar = crate::Grammar::built_in().expect("the built-in grammar loads");
        project("a.html", html.to_string(), Some(&grammar.page)).expect("HTML reads")
    }

    #[test]
    fn the_text_people_read_with_offsets_into_the_html() {
        let html = "<html><head><title>T</title><script>var said=1;</script></head><body><nav>Menu said</nav><p>Prices   rose,\n the <b>ministry</b> said.</p><figure><img src=x><figcaption>Alex Wong / Getty</figcaption></figure><blockquote>We won.</blockquote><p>AT&amp;T&rsquo;s chief said it &#8212; twice.</p><footer>About us</footer></body></html>";
        let page = page(html);
        assert_eq!(
            page.text,
            "Prices rose, the ministry said.\n\n“We won.”\n\nAT&T’s chief said it — twice.\n\n"
        );
        let map = &page.original.map;
        // text piece -> the HTML it maps back to
        let table = [
            ("Prices rose,", "Prices   rose,"),
            ("the ministry said", "the <b>ministry</b> said"),
            ("AT&T’s", "AT&amp;T&rsquo;s"),
            ("—", "&#8212;"),
            ("“We won.”", "<blockquote>We won.</blockquote>"),
        ];
        for (piece, want) in table {
            let at = page.text.find(piece).unwrap();
            let (start, end) = map.span(at, at + piece.len());
            assert_eq!(&html[start..end], want, "{piece}");
        }
        assert!(looks_like_html("  <!DOCTYPE html><p>x"));
        assert!(!looks_like_html("The plan <b>failed</b>."));
    }

    /// Every HTML5 character reference, by the table: named ones with and without
    /// `;`, numeric ones, and what is not one.
    #[test]
    fn character_references() {
        let table = [
            ("Fran&ccedil;ois", "François"),
            ("&pound;1.2bn and &euro;5", "£1.2bn and €5"),
            ("&amp &lt; &copy 2024", "& < © 2024"),
            ("&notin; &notit;", "∉ ¬it;"),
            ("&#233;&#xE9;&#X1F642;", "éé🙂"),
            ("&#128; &#0; &#xD800;", "€ \u{fffd} \u{fffd}"),
            ("&bogus; & &#; &#x;", "&bogus; & &#; &#x;"),
            ("a&nbsp;&nbsp;b", "a b"),
        ];
        for (html, want) in table {
            let page = page(&format!("<p>{html}</p>"));
            assert_eq!(page.text.trim_end(), want, "{html}");
        }
    }

    #[test]
    fn deep_nesting_and_broken_markup_do_not_fail() {
        let deep = format!("{}text{}", "<div>".repeat(10_000), "</div>".repeat(10_000));
        assert_eq!(page(&deep).text.trim(), "text");
        let broken = "<p>unclosed <b>bold <i>and <p>more &bogus; &#xZZ; &";
        let text = page(broken).text;
        assert!(text.contains("more &bogus; &#xZZ; &"), "{text:?}");
    }
}
