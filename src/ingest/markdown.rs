//! Markdown emphasis: `*`, `**`, `_` and `__` around words are markup, not text. They
//! are taken out of the text people read (an [`Original`] maps its offsets back to
//! the file's bytes), so they stay out of sources and claims; list bullets
//! ("* item") and intraword underscores stay.

use super::original::{Original, TextBuilder};

/// The text without its emphasis delimiters, and the file it maps back to; None
/// when the text has none (it is then read as it is).
pub fn strip_emphasis(text: &str) -> Option<(String, Original)> {
    let delimiters = delimiters(text);
    if delimiters.is_empty() {
        return None;
    }
    let mut builder = TextBuilder::with_capacity(text.len());
    let mut copied_from = 0;
    for (start, end) in delimiters {
        builder.copy(copied_from, &text[copied_from..start]);
        copied_from = end;
    }
    builder.copy(copied_from, &text[copied_from..]);
    Some(builder.finish(text.to_string()))
}

/// The byte ranges of the emphasis delimiters of `text`, in order.
fn delimiters(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut index = 0;
    while index < bytes.len() {
        let mark = bytes[index];
        if mark != b'*' && mark != b'_' {
            index += 1;
            continue;
        }
        let run_end = index
            + bytes[index..]
                .iter()
                .take_while(|&&byte| byte == mark)
                .count();
        let before = index.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(run_end).copied();
        let word = |byte: Option<u8>| byte.is_some_and(|b| b.is_ascii_alphanumeric() || b >= 0x80);
        let space = |byte: Option<u8>| byte.is_none_or(|b| b.is_ascii_whitespace());
        // A delimiter touches a word on exactly one side ("*plan*", "**Officials**").
        let delimiter = word(before) != word(after) && !(space(before) && space(after));
        if delimiter {
            found.push((index, run_end));
        }
        index = run_end;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Markdown -> the text people read (the same when it has no emphasis).
    #[test]
    fn emphasis_table() {
        let table = [
            (
                "**Officials** said *the plan* failed.",
                "Officials said the plan failed.",
            ),
            ("* a bullet item", "* a bullet item"),
            ("snake_case_name and 2*3", "snake_case_name and 2*3"),
            ("__bold__ _it_", "bold it"),
            ("", ""),
        ];
        for (input, want) in table {
            let got = strip_emphasis(input);
            let text = got.as_ref().map_or(input, |(text, _)| text.as_str());
            assert_eq!(text, want, "{input}");
            if let Some((text, original)) = &got {
                // Every word maps back to itself in the file.
                for word in text.split(' ') {
                    let at = word.as_ptr() as usize - text.as_ptr() as usize;
                    let (start, end) = original.map.span(at, at + word.len());
                    assert_eq!(&input[start..end], word, "{input}");
                }
            }
        }
    }
}
