//! How problem `type` URLs are cut up and compared: the one home of these
//! rules. codegen holds a byte-identical copy (`codegen/src/problem_url.rs`,
//! checked by a test), so the templates it splits ahead of time (and the
//! vendor hosts it takes from them) follow exactly the rules the runtime
//! reads URLs by.

/// What `{code}` stands for in a template.
pub const CODE: &str = "{code}";

/// A URL cut into the parts problem-type matching compares.
#[derive(Debug, Clone, Copy)]
pub struct UrlParts<'a> {
    /// The host, when the URL has a scheme (without user and port).
    pub host: Option<&'a str>,
    /// The path, without query or fragment.
    pub path: &'a str,
    /// What follows `#`.
    pub fragment: Option<&'a str>,
}

impl<'a> UrlParts<'a> {
    /// Cuts `url` up with byte scans (this runs on every URL read).
    pub fn split(url: &'a str) -> Self {
        let (host, rest) = match split_host(url) {
            Some((host, rest)) => (Some(host), rest),
            None => (None, url),
        };
        let (before, fragment) = match rest.bytes().position(|b| b == b'#') {
            Some(at) => (&rest[..at], Some(&rest[at + 1..])),
            None => (rest, None),
        };
        let path = before.bytes().position(|b| b == b'?').map_or(before, |at| &before[..at]);
        UrlParts { host, path, fragment }
    }

    /// The path's segments as compared: no empty ones (a slash before `#`,
    /// doubled slashes), no leading two-letter language segment (`/en`), no
    /// segment repeated right after itself.
    pub fn segments(&self) -> impl Iterator<Item = &'a str> + Clone {
        let mut skip_first = self.path.split('/').find(|s| !s.is_empty()).is_some_and(is_language);
        let mut previous: Option<&'a str> = None;
        self.path.split('/').filter(|s| !s.is_empty()).filter(move |&s| {
            if skip_first {
                skip_first = false;
                return false;
            }
            let repeated = previous == Some(s);
            previous = Some(s);
            !repeated
        })
    }
}

impl<'a> UrlParts<'a> {
    /// The last of [`segments`](Self::segments), found from the end.
    pub fn last_segment(&self) -> Option<&'a str> {
        let bytes = self.path.as_bytes();
        let mut end = bytes.len();
        while end > 0 && bytes[end - 1] == b'/' {
            end -= 1;
        }
        let start = bytes[..end].iter().rposition(|&b| b == b'/').map_or(0, |at| at + 1);
        let last = self.path.get(start..end).filter(|last| !last.is_empty())?;
        // A lone language segment is skipped, as `segments` does.
        let alone = bytes[..start].iter().all(|&b| b == b'/');
        (!(alone && is_language(last))).then_some(last)
    }
}

/// Whether a path segment is a language, such as `en`.
fn is_language(segment: &str) -> bool {
    segment.len() == 2 && segment.bytes().all(|b| b.is_ascii_lowercase())
}

/// The host of a URL with a scheme (`https://`), without user or port, and
/// what follows the authority.
pub fn split_host(url: &str) -> Option<(&str, &str)> {
    let colon = url.bytes().position(|b| b == b':')?;
    let scheme = &url.as_bytes()[..colon];
    let is_scheme = scheme.first().is_some_and(u8::is_ascii_alphabetic)
        && scheme.iter().all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    if !is_scheme {
        return None;
    }
    let rest = url.get(colon + 1..)?.strip_prefix("//")?;
    // One pass over the authority: where it ends, its last `@` and `:`.
    let (mut end, mut at, mut port) = (rest.len(), None, None);
    for (i, b) in rest.bytes().enumerate() {
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
        Some(colon) if colon >= start && rest.as_bytes()[colon + 1..end].iter().all(u8::is_ascii_digit) => colon,
        _ => end,
    };
    Some((&rest[start..host_end], &rest[end..]))
}

/// Hosts compare without letter case and without a leading `www.`.
pub fn same_host(a: &str, b: &str) -> bool {
    fn strip(host: &str) -> &str {
        match host.get(..4) {
            Some(www) if www.eq_ignore_ascii_case("www.") => &host[4..],
            _ => host,
        }
    }
    strip(a).eq_ignore_ascii_case(strip(b))
}

/// Where `{code}` starts in a template part (byte scans, not a substring
/// search: this runs for every template a URL is compared with).
fn code_at(part: &str) -> Option<usize> {
    let bytes = part.as_bytes();
    (0..bytes.len()).find(|&at| bytes[at] == b'{' && bytes[at..].starts_with(CODE.as_bytes()))
}

/// Whether a template part holds `{code}`.
pub fn has_code(part: &str) -> bool {
    code_at(part).is_some()
}

/// The code `text` holds in the place of `pattern`'s `{code}`.
pub fn code_in<'a>(pattern: &str, text: &'a str) -> Option<&'a str> {
    let at = code_at(pattern)?;
    let (before, after) = (&pattern[..at], &pattern[at + CODE.len()..]);
    let code = text.strip_prefix(before)?.strip_suffix(after)?;
    (!code.is_empty()).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_segment_is_the_last_of_segments() {
        let urls = [
            "https://h/en/api-errors#x",
            "https://h/api-errors/api-errors#x",
            "https://h/en#x",
            "https://h/#x",
            "https://h#x",
            "https://h//x//#y",
            "https://h/a/en",
            "https://h/en/en",
            "/api-errors/messages?q=1#1000",
            "",
        ];
        for url in urls {
            let parts = UrlParts::split(url);
            assert_eq!(parts.last_segment(), parts.segments().last(), "{url}");
        }
    }

    #[test]
    fn hosts_lose_user_and_port_and_need_a_scheme() {
        assert_eq!(split_host("https://developer.vonage.com:443/x").map(|h| h.0), Some("developer.vonage.com"));
        assert_eq!(split_host("https://me@developer.vonage.com/x").map(|h| h.0), Some("developer.vonage.com"));
        assert_eq!(split_host("/api-errors?next=https://x.example#c"), None);
        assert_eq!(split_host("1a://host/x"), None);
        assert_eq!(UrlParts::split("/api-errors?next=https://x.example#c").path, "/api-errors");
    }

    #[test]
    fn code_in_takes_the_text_around_the_placeholder() {
        assert_eq!(code_in("{code}", "1000"), Some("1000"));
        assert_eq!(code_in("e-{code}.html", "e-42.html"), Some("42"));
        assert_eq!(code_in("{code}", ""), None);
        assert_eq!(code_in("x{code}", "y1"), None);
        assert!(has_code("a{code}") && !has_code("a{cod") && !has_code("{"));
    }
}
