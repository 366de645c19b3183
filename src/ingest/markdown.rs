//! Markdown emphasis: `*`, `**`, `_` and `__` around words are markup, not text. They
//! become spaces (the text keeps its byte offsets), so they stay out of sources and
//! claims; list bullets ("* item") and intraword underscores stay.

/// The text with emphasis delimiters blanked.
pub fn blank_emphasis(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
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
            out[index..run_end].fill(b' ');
        }
        index = run_end;
    }
    // Only ASCII bytes were replaced by ASCII spaces, so the text is still UTF-8.
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emphasis_table() {
        let table = [
            (
                "**Officials** said *the plan* failed.",
                "  Officials   said  the plan  failed.",
            ),
            ("* a bullet item", "* a bullet item"),
            ("snake_case_name and 2*3", "snake_case_name and 2*3"),
            ("__bold__ _it_", "  bold    it "),
            ("", ""),
        ];
        for (input, want) in table {
            let got = blank_emphasis(input);
            assert_eq!(got, want, "{input}");
            assert_eq!(got.len(), input.len());
        }
    }
}
