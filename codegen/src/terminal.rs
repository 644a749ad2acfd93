//! Text on its way to a terminal: the one home of the escaping rule.
//!
//! Codes, messages, paths and catalog texts come from bodies, files and
//! arguments that anyone can write. Printed raw, a control sequence such as
//! `"\u{1b}]0;owned\u{7}"` retitles the terminal, and a bidi override
//! reorders what is shown. Every such character is written as `\u{…}`
//! instead: C0 controls and DEL, C1 controls, bidi embeddings, overrides,
//! isolates and marks, and invisible format characters.

use std::borrow::Cow;

/// Whether `c` is escaped: `keep_layout` keeps line feeds and tabs.
fn escaped(c: char, keep_layout: bool) -> bool {
    match c {
        '\n' | '\t' => !keep_layout,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        // Bidi marks, embeddings, overrides and isolates; zero-width and
        // other invisible format characters. Not the zero-width (non-)joiners
        // U+200C and U+200D: Persian, Indic scripts and emoji need them.
        '\u{61c}' | '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}' => true,
        '\u{feff}' | '\u{ad}' | '\u{180e}' | '\u{fff9}'..='\u{fffb}' | '\u{e0000}'..='\u{e007f}' => true,
        _ => false,
    }
}

fn escape(text: &str, keep_layout: bool) -> Cow<'_, str> {
    if !text.chars().any(|c| escaped(c, keep_layout)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escaped(c, keep_layout) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A value shown inside a line (a code, a message, a path): every escaped
/// character, line breaks and tabs included, so it cannot fake a line.
pub fn inline(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// One line for a log or a `cargo::` instruction: line breaks folded into
/// spaces, then as [`inline`].
pub fn one_line(text: &str) -> String {
    let line = text.split(['\r', '\n']).filter(|part| !part.is_empty()).collect::<Vec<_>>().join(" ");
    inline(&line).into_owned()
}

/// A whole report: as [`inline`], but line feeds and tabs are layout.
pub fn block(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

/// Whether a JSON string's character is written `\uXXXX`, so that JSON
/// output stays exact JSON and still cannot drive a terminal.
pub fn escaped_in_json(c: char) -> bool {
    escaped(c, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_become_visible() {
        assert_eq!(inline("\u{1b}]0;owned\u{7}\u{1b}[2J"), "\\u{1b}]0;owned\\u{7}\\u{1b}[2J");
        assert_eq!(inline("a\u{202e}b\u{2066}c\u{85}"), "a\\u{202e}b\\u{2066}c\\u{85}");
        assert_eq!(inline("two\nlines"), "two\\u{a}lines");
        assert_eq!(block("two\n\tlines\r"), "two\n\tlines\\u{d}");
        // Plain text, quotes and other scripts are left as they are, joiners
        // included (this is "mi-khāham" in Persian, and a family emoji).
        assert!(matches!(inline(r#"Supplied "SMS" code — ünïcode 日本"#), Cow::Borrowed(_)));
        assert!(matches!(
            inline("\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645} 👨\u{200d}👩"),
            Cow::Borrowed(_)
        ));
        assert_eq!(inline("a\u{ad}b\u{e0041}"), "a\\u{ad}b\\u{e0041}");
    }
}
