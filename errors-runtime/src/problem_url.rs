//! How problem `type` URLs are cut up and compared: the one home of these
//! rules. codegen holds a byte-identical copy (`codegen/src/problem_url.rs`,
//! checked by a test), so the templates it splits ahead of time (and the
//! vendor hosts it takes from them) follow exactly the rules the runtime
//! reads URLs by.

/// What `{code}` stands for in a template.
pub const CODE: &str = "{code}";

/// A URL cut into the parts problem-type matching compares. The parts are
/// bytes: the reader matches a body's URL before (and mostly without)
/// checking it as UTF-8, and every cut is at an ASCII byte, so the parts of
/// a `&str` are `&str`s too.
#[derive(Debug, Clone, Copy)]
pub struct UrlParts<'a> {
    /// The host, when the URL has a scheme (without user and port).
    pub host: Option<&'a [u8]>,
    /// The path, without query or fragment.
    pub path: &'a [u8],
    /// What follows `#`.
    pub fragment: Option<&'a [u8]>,
}

impl<'a> UrlParts<'a> {
    /// Cuts `url` up with byte scans (this runs on every URL read).
    pub fn split(url: &'a [u8]) -> Self {
        let (host, rest) = match split_host(url) {
            Some((host, rest)) => (Some(host), rest),
            None => (None, url),
        };
        let (before, fragment) = match find_byte(rest, b'#') {
            Some(at) => (&rest[..at], Some(&rest[at + 1..])),
            None => (rest, None),
        };
        let path = find_byte(before, b'?').map_or(before, |at| &before[..at]);
        UrlParts { host, path, fragment }
    }

    /// The path's segments as compared: no empty ones (a slash before `#`,
    /// doubled slashes), no leading two-letter language segment (`/en`), no
    /// segment repeated right after itself.
    pub fn segments(&self) -> impl Iterator<Item = &'a [u8]> + Clone {
        let mut first = true;
        let mut previous: Option<&'a [u8]> = None;
        self.path.split(|&b| b == b'/').filter(|s| !s.is_empty()).filter(move |&s| {
            if core::mem::take(&mut first) && is_language(s) {
                return false;
            }
            let repeated = previous == Some(s);
            previous = Some(s);
            !repeated
        })
    }
}

/// Whether a path segment is a language, such as `en`.
fn is_language(segment: &[u8]) -> bool {
    segment.len() == 2 && segment.iter().all(u8::is_ascii_lowercase)
}

/// The host of a URL with a scheme (`https://`), without user or port, and
/// what follows the authority.
pub fn split_host(url: &[u8]) -> Option<(&[u8], &[u8])> {
    let colon = find_byte(url, b':')?;
    let scheme = &url[..colon];
    let is_scheme = scheme.first().is_some_and(u8::is_ascii_alphabetic)
        && scheme.iter().all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    if !is_scheme {
        return None;
    }
    let rest = url.get(colon + 1..)?.strip_prefix(b"//")?;
    // One pass over the authority: where it ends, its last `@` and `:`.
    let (mut end, mut at, mut port) = (rest.len(), None, None);
    for (i, &b) in rest.iter().enumerate() {
        match b {
            b'/' | b'#' | b'?' => {
                end = i;
                break;
            }
            b'@' => at = Some(i),
            b':' => port = Some(i),
            _ => {}
        }
    }
    let start = at.map_or(0, |at| at + 1);
    let host_end = match port {
        Some(colon) if colon >= start && rest[colon + 1..end].iter().all(u8::is_ascii_digit) => colon,
        _ => end,
    };
    Some((&rest[start..host_end], &rest[end..]))
}

/// Where `byte` first is in `bytes`, eight bytes at a time.
fn find_byte(bytes: &[u8], byte: u8) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    let mut rest = bytes;
    while let Some((chunk, tail)) = rest.split_first_chunk::<8>() {
        let x = u64::from_le_bytes(*chunk) ^ (ONES * u64::from(byte));
        // The high bit of each zero byte of `x`; bits above the lowest may
        // be false, and only the lowest is used.
        let found = x.wrapping_sub(ONES) & !x & HIGH;
        if found != 0 {
            return Some(bytes.len() - rest.len() + (found.trailing_zeros() / 8) as usize);
        }
        rest = tail;
    }
    let at = rest.iter().position(|&b| b == byte)?;
    Some(bytes.len() - rest.len() + at)
}

/// Hosts compare without letter case and without a leading `www.`.
pub fn same_host(a: &[u8], b: &[u8]) -> bool {
    fn strip(host: &[u8]) -> &[u8] {
        match host.split_at_checked(4) {
            Some((www, rest)) if www.eq_ignore_ascii_case(b"www.") => rest,
            _ => host,
        }
    }
    strip(a).eq_ignore_ascii_case(strip(b))
}

/// Where `{code}` starts in a template part (byte scans, not a substring
/// search: this runs for every template a URL is compared with).
fn code_at(part: &[u8]) -> Option<usize> {
    (0..part.len()).find(|&at| part[at] == b'{' && part[at..].starts_with(CODE.as_bytes()))
}

/// Whether a template part holds `{code}`.
pub fn has_code(part: &[u8]) -> bool {
    code_at(part).is_some()
}

/// The code `text` holds in the place of `pattern`'s `{code}`.
pub fn code_in<'a>(pattern: &[u8], text: &'a [u8]) -> Option<&'a [u8]> {
    let at = code_at(pattern)?;
    let (before, after) = (&pattern[..at], &pattern[at + CODE.len()..]);
    let code = text.strip_prefix(before)?.strip_suffix(after)?;
    (!code.is_empty()).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_byte_finds_the_first_at_every_offset_and_length() {
        for len in 0..40 {
            for at in 0..=len {
                let mut buf = [0u8; 40];
                let bytes = &mut buf[..len];
                // Bytes that borrow in the zero-byte test sit around it.
                for (i, b) in bytes.iter_mut().enumerate() {
                    *b = [0x00, 0x22, 0x80, 0xff, 0x24][i % 5];
                }
                if at < len {
                    bytes[at] = b'#';
                    bytes.iter_mut().skip(at + 1).step_by(3).for_each(|b| *b = b'#');
                }
                let expected = bytes.iter().position(|&b| b == b'#');
                assert_eq!(find_byte(bytes, b'#'), expected, "{bytes:?}");
            }
        }
    }

    #[test]
    fn hosts_lose_user_and_port_and_need_a_scheme() {
        let host = |url: &'static str| split_host(url.as_bytes()).map(|h| h.0);
        assert_eq!(host("https://developer.vonage.com:443/x"), Some(&b"developer.vonage.com"[..]));
        assert_eq!(host("https://me@developer.vonage.com/x"), Some(&b"developer.vonage.com"[..]));
        assert_eq!(host("/api-errors?next=https://x.example#c"), None);
        assert_eq!(host("1a://host/x"), None);
        assert_eq!(UrlParts::split(b"/api-errors?next=https://x.example#c").path, b"/api-errors");
        assert!(same_host(b"WWW.Nexmo.com", b"nexmo.COM") && !same_host(b"www.", b"w"));
    }

    #[test]
    fn code_in_takes_the_text_around_the_placeholder() {
        assert_eq!(code_in(b"{code}", b"1000"), Some(&b"1000"[..]));
        assert_eq!(code_in(b"e-{code}.html", b"e-42.html"), Some(&b"42"[..]));
        assert_eq!(code_in(b"{code}", b""), None);
        assert_eq!(code_in(b"x{code}", b"y1"), None);
        assert!(has_code(b"a{code}") && !has_code(b"a{cod") && !has_code(b"{"));
    }
}
