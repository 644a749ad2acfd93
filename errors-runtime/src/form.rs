//! Form-encoded bodies (`application/x-www-form-urlencoded`), as vendors
//! post them to status callbacks: `MessageStatus=undelivered&ErrorCode=30003`.
//! The response reader reads one as a flat object of strings.

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

/// Whether `text` reads as a form rather than as JSON, markup or prose:
/// `name=value` pairs joined by `&`, with no whitespace, no JSON opener,
/// and names made of letters, digits and `_-.[]%`.
pub(crate) fn is_form(text: &str) -> bool {
    let is_name =
        |name: &str| !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"_-.[]%".contains(&b));
    let text = text.trim_end_matches(['\r', '\n']);
    !text.starts_with(['{', '['])
        && text.contains('=')
        && text.bytes().all(|b| b.is_ascii_graphic())
        && text.split('&').all(|pair| pair.is_empty() || pair.split_once('=').is_some_and(|(name, _)| is_name(name)))
}

/// The pairs of a form, decoded (`+` is a space, `%XX` a byte); a name or
/// value that does not decode to UTF-8 is kept as written.
pub(crate) fn pairs(text: &str) -> Vec<(Cow<'_, str>, Cow<'_, str>)> {
    let text = text.trim_end_matches(['\r', '\n']);
    text.split('&').filter_map(|pair| pair.split_once('=')).map(|(name, value)| (decode(name), decode(value))).collect()
}

fn decode(text: &str) -> Cow<'_, str> {
    if !text.contains(['+', '%']) {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(at + 1..at + 3).and_then(|h| core::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(byte) => {
                        out.push(byte);
                        at += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            other => out.push(other),
        }
        at += 1;
    }
    match String::from_utf8(out) {
        Ok(decoded) => Cow::Owned(decoded),
        Err(_) => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_told_from_json_and_prose() {
        assert!(is_form("MessageStatus=undelivered&ErrorCode=30003"));
        assert!(is_form("ErrorCode=30003\r\n"));
        assert!(is_form("a=&b=1"));
        assert!(!is_form("{\"a\":1}"));
        assert!(!is_form("Internal Server Error"));
        assert!(!is_form("a = b"));
        assert!(!is_form("=x"));
        assert!(!is_form(""));
        assert!(!is_form("<html>error=1</html>"));
        assert!(!is_form("[1]=2"));
    }

    #[test]
    fn pairs_are_decoded() {
        let form = "Msg=Got+HTTP+404+response+to+http%3A%2F%2Fexample.com%2Ffoo.xml&ErrorCode=15003&bad=%zz%4&e=%C3%A9";
        let pairs = pairs(form);
        assert_eq!(
            pairs[0],
            (Cow::Borrowed("Msg"), Cow::Owned("Got HTTP 404 response to http://example.com/foo.xml".into()))
        );
        assert_eq!(pairs[1], (Cow::Borrowed("ErrorCode"), Cow::Borrowed("15003")));
        assert_eq!(pairs[2].1, "%zz%4");
        assert_eq!(pairs[3].1, "é");
        // Not UTF-8 once decoded: kept as written.
        assert_eq!(super::pairs("a=%FF")[0].1, "%FF");
    }
}
