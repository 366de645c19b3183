//! HTML articles, parsed with `tl` (a real, zero-copy HTML parser), projected onto a
//! text of the same byte length: visible text stays where it is, markup becomes
//! spaces and paragraph breaks. Every offset the pipeline reports is therefore an
//! offset into the original HTML bytes.

use crate::error::Error;

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
];

/// Elements that start and end a block (a paragraph of their own).
const BLOCKS: &[&str] = &[
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "article", "section", "main",
    "figure", "table", "tr", "td", "th", "dd", "dt", "br", "hr", "pre", "title",
];

/// True when the text looks like an HTML document rather than prose.
pub fn looks_like_html(text: &str) -> bool {
    let head = text
        .trim_start()
        .get(..64.min(text.trim_start().len()))
        .unwrap_or("");
    let lower = head.to_ascii_lowercase();
    lower.starts_with("<!doctype html") || lower.starts_with("<html")
}

/// The text of an HTML document at the same byte offsets; `name` is for errors.
pub fn project(name: &str, html: &str) -> Result<String, Error> {
    let dom = tl::parse(html, tl::ParserOptions::default()).map_err(|error| Error::Html {
        path: name.to_string(),
        message: error.to_string(),
    })?;
    let parser = dom.parser();
    let base = html.as_ptr() as usize;
    let mut out = vec![b' '; html.len()];
    // An explicit stack: ten thousand nested elements must not overflow the call stack.
    let mut stack: Vec<(tl::NodeHandle, bool)> = dom
        .children()
        .iter()
        .rev()
        .map(|handle| (*handle, false))
        .collect();
    while let Some((handle, dropped)) = stack.pop() {
        let Some(node) = handle.get(parser) else {
            continue;
        };
        match node {
            tl::Node::Tag(tag) => {
                let name = tag.name().as_utf8_str().to_ascii_lowercase();
                let dropped = dropped || DROPPED.contains(&name.as_str());
                let (start, end) = tag.boundaries(parser);
                if !dropped {
                    mark_element(&mut out, &name, start, end, tag.raw().as_bytes());
                }
                let children = tag.children();
                stack.extend(
                    children
                        .top()
                        .as_slice()
                        .iter()
                        .rev()
                        .map(|child| (*child, dropped)),
                );
            }
            tl::Node::Raw(bytes) if !dropped => {
                let raw = bytes.as_bytes();
                let start = (raw.as_ptr() as usize).wrapping_sub(base);
                if start
                    .checked_add(raw.len())
                    .is_some_and(|end| end <= out.len())
                {
                    decode_into(&mut out[start..start + raw.len()], raw);
                }
            }
            _ => {}
        }
    }
    String::from_utf8(out).map_err(|error| Error::Html {
        path: name.to_string(),
        message: format!(
            "projection is not UTF-8 at byte {}",
            error.utf8_error().valid_up_to()
        ),
    })
}

/// Paragraph breaks over a block element's tags; curly quotes over a blockquote's.
fn mark_element(out: &mut [u8], name: &str, start: usize, end: usize, raw: &[u8]) {
    let open_end = raw
        .iter()
        .position(|&byte| byte == b'>')
        .map_or(start, |i| start + i);
    let close_start = raw
        .iter()
        .rposition(|&byte| byte == b'<')
        .map_or(end, |i| start + i);
    let has_close = close_start > open_end;
    if name == "blockquote" {
        // The quotation marks sit right against the quoted words.
        let opening = "“".as_bytes();
        write_at(out, start, open_end, b"\n\n");
        if open_end + 1 >= start + 2 + opening.len() {
            write_at(out, open_end + 1 - opening.len(), open_end, opening);
        }
        if has_close {
            write_at(out, close_start, end, "”\n\n".as_bytes());
        }
    } else if BLOCKS.contains(&name) {
        write_at(out, start, open_end, b"\n\n");
        if has_close {
            write_at(out, close_start, end, b"\n\n");
        }
    }
}

/// Writes `bytes` over `out[start..=last]` when they fit there.
fn write_at(out: &mut [u8], start: usize, last: usize, bytes: &[u8]) {
    if last < out.len() && last + 1 >= start + bytes.len() {
        out[start..start + bytes.len()].copy_from_slice(bytes);
    }
}

/// Copies a text node, decoding character references; a reference is longer than
/// the character it stands for, so the rest of its bytes become spaces.
fn decode_into(out: &mut [u8], raw: &[u8]) {
    let mut index = 0;
    while index < raw.len() {
        if raw[index] == b'&'
            && let Some((decoded, length)) = entity(&raw[index..])
        {
            let mut buffer = [0u8; 4];
            let encoded = decoded.encode_utf8(&mut buffer).as_bytes();
            if encoded.len() <= length {
                out[index..index + encoded.len()].copy_from_slice(encoded);
                index += length;
                continue;
            }
        }
        out[index] = raw[index];
        index += 1;
    }
}

/// The character an entity at the start of `bytes` stands for, and its length.
fn entity(bytes: &[u8]) -> Option<(char, usize)> {
    let end = bytes.iter().take(12).position(|&byte| byte == b';')?;
    let name = std::str::from_utf8(&bytes[1..end]).ok()?;
    let decoded = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        _ => {
            let number = name.strip_prefix('#')?;
            let value = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(value)?
        }
    };
    Some((decoded, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_keeps_its_offsets_and_markup_goes() {
        let html = "<html><head><title>T</title><script>var said=1;</script></head><body><nav>Menu said</nav><p>Prices rose, the ministry said.</p><figure><img src=x><figcaption>Alex Wong / Getty</figcaption></figure><blockquote>We won.</blockquote><p>AT&amp;T&rsquo;s chief said it &#8212; twice.</p><footer>About us</footer></body></html>";
        let text = project("a.html", html).unwrap();
        assert_eq!(text.len(), html.len());
        let start = html.find("Prices").unwrap();
        assert_eq!(&text[start..start + 30], "Prices rose, the ministry said");
        assert!(
            !text.contains("Menu")
                && !text.contains("var said")
                && !text.contains("Getty")
                && !text.contains("About")
        );
        assert!(text.contains("“We won.”"));
        assert!(
            text.contains("AT&    T’    s chief said it —     twice."),
            "{text}"
        );
        assert!(looks_like_html("  <!DOCTYPE html><p>x"));
        assert!(!looks_like_html("The plan <b>failed</b>."));
    }

    #[test]
    fn deep_nesting_and_broken_markup_do_not_fail() {
        let deep = format!("{}text{}", "<div>".repeat(10_000), "</div>".repeat(10_000));
        assert_eq!(project("d.html", &deep).unwrap().len(), deep.len());
        let broken = "<p>unclosed <b>bold <i>and <p>more &bogus; &#xZZ; &";
        assert_eq!(project("b.html", broken).unwrap().len(), broken.len());
    }
}
