//! The JSON grammar (RFC 8259) that the response reader reads bodies by:
//! one pass over the bytes, strings borrowed when they have no escapes,
//! and values nobody asked for skipped without being decoded or allocated.
//! A string's bytes are checked as UTF-8 only when its text is read
//! (outside strings, JSON is ASCII, so nothing else needs the check).
//!
//! It accepts what serde_json accepts, with three exceptions: a `\u`
//! escape of a lone surrogate becomes U+FFFD instead of refusing the body,
//! so do bytes in a string that are not UTF-8, and nesting deeper than
//! [`MAX_NESTING`] is refused even inside a member that is skipped
//! (serde_json skips those at any depth).

use alloc::borrow::Cow;
use alloc::string::String;
use core::fmt;

/// How deeply objects and arrays may nest (serde_json's limit too).
pub(crate) const MAX_NESTING: u32 = 127;

/// Why a body is not JSON, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    what: &'static str,
    /// The byte offset.
    at: usize,
}

impl SyntaxError {
    /// "what at line L column C", the way serde_json words its errors.
    pub(crate) fn describe(self, body: &[u8]) -> String {
        let before = body.get(..self.at).unwrap_or(body);
        let line_start = before.iter().rposition(|&b| b == b'\n').map_or(0, |at| at + 1);
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        alloc::format!("{} at line {line} column {}", self.what, self.at - line_start + 1)
    }
}

/// A string as the body has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Str<'a> {
    /// The bytes between the quotes, which hold no escapes; not yet checked
    /// as UTF-8 unless `ascii` (which a scan may leave false for ASCII).
    Raw { bytes: &'a [u8], ascii: bool },
    /// The escapes decoded, and bytes that are not UTF-8 replaced.
    Decoded(String),
}

impl<'a> Str<'a> {
    /// The string's bytes (a key is compared by them).
    pub(crate) fn as_bytes(&self) -> &[u8] {
        match self {
            Str::Raw { bytes, .. } => bytes,
            Str::Decoded(text) => text.as_bytes(),
        }
    }

    /// The text, bytes that are not UTF-8 replaced with U+FFFD.
    pub(crate) fn into_text(self) -> Cow<'a, str> {
        match self {
            Str::Raw { bytes, .. } => lossy(bytes),
            Str::Decoded(text) => Cow::Owned(text),
        }
    }
}

/// `bytes` as text, replaced where they are not UTF-8 (checked first
/// without the replacing machinery, since they almost always are).
pub(crate) fn lossy(bytes: &[u8]) -> Cow<'_, str> {
    match core::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// Appends a run of string bytes, replacing what is not UTF-8.
fn push_lossy(to: &mut String, run: &[u8]) {
    to.push_str(&lossy(run));
}

/// What the next value is, by its first byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Start {
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// A number, kept the way serde_json keeps it: unsigned when it fits
/// `u64`, signed when negative and it fits `i64`, else a float; past a
/// float's range, as written (where serde_json refuses the whole text).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Number<'a> {
    Uint(u64),
    Int(i64),
    Float(f64),
    Big(&'a [u8]),
}

pub(crate) struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: u32,
}

impl<'a> Scanner<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Scanner { bytes, at: 0, depth: 0 }
    }

    fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.at).copied()
    }

    fn fail<T>(&self, what: &'static str) -> Result<T, SyntaxError> {
        Err(SyntaxError { what, at: self.at })
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.at += 1;
        }
    }

    /// Skips whitespace and says what value comes next.
    pub(crate) fn start(&mut self) -> Result<Start, SyntaxError> {
        self.skip_whitespace();
        Ok(match self.peek() {
            Some(b'{') => Start::Object,
            Some(b'[') => Start::Array,
            Some(b'"') => Start::String,
            Some(b'-' | b'0'..=b'9') => Start::Number,
            Some(b't') => Start::True,
            Some(b'f') => Start::False,
            Some(b'n') => Start::Null,
            Some(_) => return self.fail("expected value"),
            None => return self.fail("EOF while parsing a value"),
        })
    }

    /// After the whole value: nothing but whitespace.
    pub(crate) fn finish(&mut self) -> Result<(), SyntaxError> {
        self.skip_whitespace();
        match self.peek() {
            None => Ok(()),
            Some(_) => self.fail("trailing characters"),
        }
    }

    /// `true`, `false` or `null`, whichever [`start`](Self::start) saw.
    pub(crate) fn literal(&mut self, start: Start) -> Result<(), SyntaxError> {
        let word: &[u8] = match start {
            Start::True => b"true",
            Start::False => b"false",
            _ => b"null",
        };
        for &expected in word {
            match self.peek() {
                Some(b) if b == expected => self.at += 1,
                Some(_) => return self.fail("expected ident"),
                None => return self.fail("EOF while parsing a value"),
            }
        }
        Ok(())
    }

    /// Steps into the object or array [`start`](Self::start) saw.
    pub(crate) fn enter(&mut self) -> Result<(), SyntaxError> {
        if self.depth >= MAX_NESTING {
            return self.fail("recursion limit exceeded");
        }
        self.depth += 1;
        self.at += 1;
        Ok(())
    }

    fn leave(&mut self) {
        self.depth -= 1;
        self.at += 1;
    }

    /// The next key of the object entered, up to its `:`; `None` after
    /// its `}`. `first` starts true for each object.
    #[inline(always)]
    pub(crate) fn next_key(&mut self, first: &mut bool) -> Result<Option<Str<'a>>, SyntaxError> {
        if !self.before_next(first, b'}', "expected `,` or `}`")? {
            return Ok(None);
        }
        let key = self.string()?;
        self.colon()?;
        Ok(Some(key))
    }

    /// Like [`next_key`](Self::next_key) for an object being skipped.
    fn skip_key(&mut self, first: &mut bool) -> Result<bool, SyntaxError> {
        if !self.before_next(first, b'}', "expected `,` or `}`")? {
            return Ok(false);
        }
        self.skip_string()?;
        self.colon()?;
        Ok(true)
    }

    /// Whether the array entered has another element.
    pub(crate) fn next_element(&mut self, first: &mut bool) -> Result<bool, SyntaxError> {
        self.before_next(first, b']', "expected `,` or `]`")
    }

    /// Past the `,` before a member or element: false at the closing byte.
    #[inline(always)]
    fn before_next(&mut self, first: &mut bool, close: u8, expected: &'static str) -> Result<bool, SyntaxError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b) if b == close => {
                self.leave();
                return Ok(false);
            }
            None => {
                return self.fail(if close == b'}' {
                    "EOF while parsing an object"
                } else {
                    "EOF while parsing a list"
                });
            }
            _ => {}
        }
        if !core::mem::replace(first, false) {
            if self.peek() != Some(b',') {
                return self.fail(expected);
            }
            self.at += 1;
            self.skip_whitespace();
            // `[1,]` and `{"a":1,}` are not JSON.
            if self.peek() == Some(close) {
                return self.fail("trailing comma");
            }
        }
        if close == b'}' {
            match self.peek() {
                Some(b'"') => {}
                Some(_) => return self.fail("key must be a string"),
                None => return self.fail("EOF while parsing an object"),
            }
        }
        Ok(true)
    }

    #[inline(always)]
    fn colon(&mut self) -> Result<(), SyntaxError> {
        self.skip_whitespace();
        match self.peek() {
            Some(b':') => {
                self.at += 1;
                Ok(())
            }
            Some(_) => self.fail("expected `:`"),
            None => self.fail("EOF while parsing an object"),
        }
    }

    /// Skips any value, checking its grammar.
    pub(crate) fn skip_value(&mut self) -> Result<(), SyntaxError> {
        match self.start()? {
            Start::Object => {
                self.enter()?;
                let mut first = true;
                while self.skip_key(&mut first)? {
                    self.skip_value()?;
                }
            }
            Start::Array => {
                self.enter()?;
                let mut first = true;
                while self.next_element(&mut first)? {
                    self.skip_value()?;
                }
            }
            Start::String => self.skip_string()?,
            Start::Number => {
                self.scan_number()?;
            }
            literal => self.literal(literal)?,
        }
        Ok(())
    }

    /// Past the bytes of a string that need no decoding: up to a quote, a
    /// backslash or a control character, eight bytes at a time. False when
    /// a byte past ASCII may be among them.
    #[inline(always)]
    fn plain_run(&mut self) -> bool {
        const ONES: u64 = u64::from_le_bytes([0x01; 8]);
        const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
        // The high bit of each byte of `x` that is zero; bits above the
        // lowest may be false, and only the lowest is used.
        let zero_bytes = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
        // The bytes of `x` that end a plain run: a quote, a backslash or a
        // control character (the lowest one exact).
        let special = |x: u64| {
            zero_bytes(x ^ (ONES * u64::from(b'"')))
                | zero_bytes(x ^ (ONES * u64::from(b'\\')))
                | (x.wrapping_sub(ONES * 0x20) & !x & HIGH)
        };
        let bytes = self.bytes();
        let mut rest = bytes.get(self.at..).unwrap_or_default();
        // The high bits of every chunk looked at, the bytes past the run too.
        let mut high = 0;
        while let Some((chunk, tail)) = rest.split_first_chunk::<8>() {
            let x = u64::from_le_bytes(*chunk);
            high |= x;
            let special = special(x);
            if special != 0 {
                self.at = bytes.len() - rest.len() + (special.trailing_zeros() / 8) as usize;
                return high & HIGH == 0;
            }
            rest = tail;
        }
        // Fewer than eight bytes are left: the body's last eight, shifted
        // to start at the run and padded with quotes, which end it.
        let run = match (rest.len(), bytes.last_chunk::<8>()) {
            (0, _) => 0,
            (left @ 1..8, Some(last)) => {
                let x = (u64::from_le_bytes(*last) >> (8 * (8 - left))) | ((ONES * u64::from(b'"')) << (8 * left));
                high |= x;
                (special(x).trailing_zeros() / 8) as usize
            }
            // A body shorter than eight bytes.
            _ => {
                let run = rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).unwrap_or(rest.len());
                for &b in rest.get(..run).unwrap_or_default() {
                    high |= u64::from(b);
                }
                run
            }
        };
        self.at = bytes.len() - rest.len() + run;
        high & HIGH == 0
    }

    /// A string, at its opening quote: borrowed unless it has escapes.
    // Inlined into each caller but for the escapes: most strings have none.
    #[inline(always)]
    pub(crate) fn string(&mut self) -> Result<Str<'a>, SyntaxError> {
        self.at += 1;
        let start = self.at;
        let ascii = self.plain_run();
        if self.peek() == Some(b'"') {
            let raw = self.bytes().get(start..self.at).unwrap_or_default();
            self.at += 1;
            return Ok(Str::Raw { bytes: raw, ascii });
        }
        self.escaped_string(start)
    }

    /// The rest of a string that has an escape (or a control character),
    /// which started at `start`.
    #[cold]
    #[inline(never)]
    fn escaped_string(&mut self, start: usize) -> Result<Str<'a>, SyntaxError> {
        let bytes = self.bytes();
        // Escapes are ASCII, so the runs between them cut no character.
        let mut owned = String::new();
        push_lossy(&mut owned, bytes.get(start..self.at).unwrap_or_default());
        loop {
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Str::Decoded(owned));
                }
                Some(b'\\') => {
                    self.at += 1;
                    let decoded = self.escape()?;
                    owned.push(decoded);
                }
                Some(_) => return self.fail("control character (\\u0000-\\u001F) found while parsing a string"),
                None => return self.fail("EOF while parsing a string"),
            }
            let run = self.at;
            self.plain_run();
            push_lossy(&mut owned, bytes.get(run..self.at).unwrap_or_default());
        }
    }

    /// Skips a string, at its opening quote, checking its escapes.
    pub(crate) fn skip_string(&mut self) -> Result<(), SyntaxError> {
        self.at += 1;
        loop {
            self.plain_run();
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.at += 1;
                    match self.peek() {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => self.at += 1,
                        Some(b'u') => {
                            self.at += 1;
                            self.hex4()?;
                        }
                        Some(_) => return self.fail("invalid escape"),
                        None => return self.fail("EOF while parsing a string"),
                    }
                }
                Some(_) => return self.fail("control character (\\u0000-\\u001F) found while parsing a string"),
                None => return self.fail("EOF while parsing a string"),
            }
        }
    }

    /// The character an escape stands for, just past its backslash.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let Some(b) = self.peek() else { return self.fail("EOF while parsing a string") };
        self.at += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = self.hex4()?;
                if (0xD800..0xDC00).contains(&unit) {
                    // A leading surrogate pairs with a trailing one that
                    // follows at once; anything else leaves it lone.
                    let bytes = self.bytes();
                    if bytes.get(self.at) == Some(&b'\\') && bytes.get(self.at + 1) == Some(&b'u') {
                        let back = self.at;
                        self.at += 2;
                        let low = self.hex4()?;
                        if (0xDC00..0xE000).contains(&low) {
                            let scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                            return Ok(char::from_u32(scalar).unwrap_or(char::REPLACEMENT_CHARACTER));
                        }
                        self.at = back;
                    }
                    char::REPLACEMENT_CHARACTER
                } else {
                    char::from_u32(unit).unwrap_or(char::REPLACEMENT_CHARACTER)
                }
            }
            _ => {
                self.at -= 1;
                return self.fail("invalid escape");
            }
        })
    }

    /// Four hex digits.
    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b) => (b as char).to_digit(16),
                None => return self.fail("EOF while parsing a string"),
            };
            let Some(digit) = digit else { return self.fail("invalid escape") };
            unit = unit * 16 + digit;
            self.at += 1;
        }
        Ok(unit)
    }

    /// A number, at its first byte.
    pub(crate) fn number(&mut self) -> Result<Number<'a>, SyntaxError> {
        let start = self.at;
        let (negative, magnitude) = self.scan_number()?;
        if let Some(magnitude) = magnitude {
            if !negative {
                return Ok(Number::Uint(magnitude));
            }
            // `-0` is a float, as serde_json has it.
            if magnitude != 0
                && let Some(n) = 0i64.checked_sub_unsigned(magnitude)
            {
                return Ok(Number::Int(n));
            }
        }
        // The grammar is checked: the digits are ASCII and parse.
        let written = self.bytes().get(start..self.at).unwrap_or_default();
        match core::str::from_utf8(written).ok().and_then(|t| t.parse::<f64>().ok()) {
            Some(n) if n.is_finite() => Ok(Number::Float(n)),
            _ => Ok(Number::Big(written)),
        }
    }

    /// Past a number, checking its grammar: whether it is negative, and
    /// its magnitude when it is an integer that fits `u64`. (A number
    /// skipped is not range-checked, as serde_json does not check it.)
    fn scan_number(&mut self) -> Result<(bool, Option<u64>), SyntaxError> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let mut magnitude: Option<u64> = Some(0);
        match self.peek() {
            Some(b'0') => {
                self.at += 1;
                if let Some(b'0'..=b'9') = self.peek() {
                    return self.fail("invalid number");
                }
            }
            Some(b'1'..=b'9') => {
                while let Some(digit @ b'0'..=b'9') = self.peek() {
                    magnitude =
                        magnitude.and_then(|m| m.checked_mul(10)).and_then(|m| m.checked_add(u64::from(digit - b'0')));
                    self.at += 1;
                }
            }
            Some(_) => return self.fail("invalid number"),
            None => return self.fail("EOF while parsing a value"),
        }
        if self.peek() == Some(b'.') {
            magnitude = None;
            self.at += 1;
            self.digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            magnitude = None;
            self.at += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.at += 1;
            }
            self.digits()?;
        }
        Ok((negative, magnitude))
    }

    /// One or more digits.
    fn digits(&mut self) -> Result<(), SyntaxError> {
        match self.peek() {
            Some(b'0'..=b'9') => {}
            Some(_) => return self.fail("invalid number"),
            None => return self.fail("EOF while parsing a value"),
        }
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        Ok(())
    }
}

impl fmt::Debug for Scanner<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Scanner").field("at", &self.at).field("depth", &self.depth).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;
    use proptest::prelude::*;
    use serde_json::Value as Json;

    /// The whole text as a `serde_json::Value`, read with the scanner.
    fn read(text: &str) -> Result<Json, SyntaxError> {
        fn value(scanner: &mut Scanner<'_>) -> Result<Json, SyntaxError> {
            Ok(match scanner.start()? {
                Start::Object => {
                    scanner.enter()?;
                    let (mut map, mut first) = (serde_json::Map::new(), true);
                    while let Some(key) = scanner.next_key(&mut first)? {
                        let v = value(scanner)?;
                        // The first of a repeated key, as the reader keeps.
                        map.entry(key.into_text().into_owned()).or_insert(v);
                    }
                    Json::Object(map)
                }
                Start::Array => {
                    scanner.enter()?;
                    let (mut items, mut first) = (Vec::new(), true);
                    while scanner.next_element(&mut first)? {
                        items.push(value(scanner)?);
                    }
                    Json::Array(items)
                }
                Start::String => Json::String(scanner.string()?.into_text().into_owned()),
                Start::Number => match scanner.number()? {
                    Number::Uint(n) => Json::from(n),
                    Number::Int(n) => Json::from(n),
                    Number::Float(n) => Json::from(n),
                    // Kept as written by the scanner (tested below); refused
                    // here, as serde_json refuses it, to compare the rest.
                    Number::Big(_) => return Err(SyntaxError { what: "number out of range", at: 0 }),
                },
                Start::Null => {
                    scanner.literal(Start::Null)?;
                    Json::Null
                }
                b => {
                    scanner.literal(b)?;
                    Json::Bool(b == Start::True)
                }
            })
        }
        let mut scanner = Scanner::new(text.as_bytes());
        let v = value(&mut scanner)?;
        scanner.finish()?;
        Ok(v)
    }

    fn skips(text: &str) -> bool {
        let mut scanner = Scanner::new(text.as_bytes());
        scanner.skip_value().and_then(|()| scanner.finish()).is_ok()
    }

    /// serde_json's reading, with the first of repeated keys kept.
    fn reference(text: &str) -> Option<Json> {
        // serde_json keeps the last of a repeated key; the reader the first.
        if text.contains('{') {
            struct First(Json);
            impl<'de> serde::Deserialize<'de> for First {
                fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    struct V;
                    impl<'de> serde::de::Visitor<'de> for V {
                        type Value = First;
                        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                            f.write_str("JSON")
                        }
                        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<First, A::Error> {
                            let mut out = serde_json::Map::new();
                            while let Some((k, First(v))) = map.next_entry::<String, First>()? {
                                out.entry(k).or_insert(v);
                            }
                            Ok(First(Json::Object(out)))
                        }
                        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<First, A::Error> {
                            let mut out = Vec::new();
                            while let Some(First(v)) = seq.next_element::<First>()? {
                                out.push(v);
                            }
                            Ok(First(Json::Array(out)))
                        }
                        fn visit_bool<E>(self, v: bool) -> Result<First, E> {
                            Ok(First(Json::Bool(v)))
                        }
                        fn visit_u64<E>(self, v: u64) -> Result<First, E> {
                            Ok(First(Json::from(v)))
                        }
                        fn visit_i64<E>(self, v: i64) -> Result<First, E> {
                            Ok(First(Json::from(v)))
                        }
                        fn visit_f64<E>(self, v: f64) -> Result<First, E> {
                            Ok(First(Json::from(v)))
                        }
                        fn visit_str<E>(self, v: &str) -> Result<First, E> {
                            Ok(First(Json::String(v.into())))
                        }
                        fn visit_unit<E>(self) -> Result<First, E> {
                            Ok(First(Json::Null))
                        }
                    }
                    d.deserialize_any(V)
                }
            }
            return serde_json::from_str::<First>(text).ok().map(|f| f.0);
        }
        serde_json::from_str::<Json>(text).ok()
    }

    /// Same values, floats within rounding (serde_json's default float
    /// parser may differ from the standard library's in the last bit).
    fn same(a: &Json, b: &Json) -> bool {
        match (a, b) {
            (Json::Number(x), Json::Number(y)) if x.is_f64() || y.is_f64() => {
                let (x, y) = (x.as_f64().unwrap_or(f64::NAN), y.as_f64().unwrap_or(f64::NAN));
                x == y || (x - y).abs() <= x.abs().max(y.abs()) * 1e-15
            }
            (Json::Array(x), Json::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y)),
            (Json::Object(x), Json::Object(y)) => {
                x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
            }
            _ => a == b,
        }
    }

    fn agrees(text: &str) {
        let ours = read(text);
        let theirs = reference(text);
        match (&ours, &theirs) {
            (Ok(a), Some(b)) => assert!(same(a, b), "{text:?}: read {a:?}, serde_json {b:?}"),
            (Err(_), None) => {}
            _ => panic!("{text:?}: read {ours:?}, serde_json {theirs:?}"),
        }
        let ignored = serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok();
        assert_eq!(skips(text), ignored, "{text:?}: skipping and serde_json disagree");
    }

    #[test]
    fn accepts_and_refuses_what_serde_json_does() {
        let texts = [
            "",
            " ",
            "{}",
            "[]",
            " {\"a\" : [1, 2.5, -3, true, false, null]} ",
            "[1,]",
            "{\"a\":1,}",
            "[,1]",
            "{,}",
            "{\"a\"}",
            "{\"a\":}",
            "{1:2}",
            "[1 2]",
            "01",
            "-01",
            "-",
            "-0",
            "0",
            "1.",
            "1.5",
            ".5",
            "1e",
            "1e+",
            "1E+2",
            "1e-400",
            "1e400",
            "-1e400",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901234567890",
            "\"",
            "\"abc",
            "\"a\\\"b\"",
            "\"\\u00e9\\n\\t\\/\\\\\"",
            "\"\\u12\"",
            "\"\\u12g4\"",
            "\"\\x\"",
            "\"a\nb\"",
            "\"a\u{1}b\"",
            "\"\\ud83d\\ude00\"",
            "\"0123456789abcdef\\\"0123456789\"",
            "\"é😀 long enough to chunk\"",
            "tru",
            "true",
            "truex",
            "nul",
            "null",
            "falsey",
            "{} x",
            "{}}",
            "[]]",
            "\u{feff}{}",
            "{\"a\":1,\"a\":2}",
            "[\"a\\u0000\"]",
            "\t\r\n[\r\n]\t",
        ];
        for text in texts {
            agrees(text);
        }
    }

    #[test]
    fn numbers_past_a_floats_range_are_kept_as_written() {
        for text in ["1e400", "-1e400", "123456789e999"] {
            let mut scanner = Scanner::new(text.as_bytes());
            assert_eq!(scanner.start(), Ok(Start::Number));
            assert_eq!(scanner.number(), Ok(Number::Big(text.as_bytes())));
            assert_eq!(scanner.finish(), Ok(()));
        }
    }

    #[test]
    fn strings_read_alike_wherever_they_end() {
        // A string's run ends in the body's last eight bytes, a chunk, or a
        // body shorter than eight, at every offset, on every kind of byte
        // that ends or taints a plain run.
        for specials in ["\"", "\\n", "\u{1}", "é", "x"] {
            for before in 0..12 {
                for after in 0..12 {
                    let text = alloc::format!(
                        "{}\"{}{specials}{}\"",
                        " ".repeat(before % 3),
                        "a".repeat(before),
                        "b".repeat(after)
                    );
                    agrees(&text);
                    agrees(&alloc::format!("[{text}]"));
                    agrees(&alloc::format!("{{{text}:{text}}}"));
                }
            }
        }
    }

    #[test]
    fn nesting_stops_where_serde_json_stops() {
        for depth in [126, 127, 128, 10_000] {
            let text = alloc::format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            assert_eq!(read(&text).is_ok(), depth <= 127, "depth {depth}");
            // serde_json skips any depth; the scanner, which recurses,
            // refuses past its limit whether it reads or skips.
            assert_eq!(skips(&text), depth <= 127, "depth {depth}");
            assert_eq!(read(&text).is_ok(), reference(&text).is_some(), "depth {depth}");
        }
    }

    #[test]
    fn a_lone_surrogate_is_a_replacement_character() {
        assert_eq!(read(r#""a\ud800b""#), Ok(Json::String("a\u{fffd}b".into())));
        assert_eq!(read(r#""\udc00""#), Ok(Json::String("\u{fffd}".into())));
        assert_eq!(read(r#""\ud800\u0041""#), Ok(Json::String("\u{fffd}A".into())));
        assert!(skips(r#""\ud800""#));
    }

    #[test]
    fn errors_say_where() {
        let body = "{\n  \"a\": tru\n}";
        let error = read(body).unwrap_err();
        assert_eq!(error.describe(body.as_bytes()), "expected ident at line 2 column 11");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_kept_in_strings_and_refused_outside() {
        let mut scanner = Scanner::new(b"\"a\xffb\"");
        assert_eq!(scanner.string(), Ok(Str::Raw { bytes: b"a\xffb", ascii: false }));
        assert_eq!(Str::Raw { bytes: b"a\xffb", ascii: false }.into_text(), "a\u{fffd}b");
        let mut scanner = Scanner::new(b"\"plain ascii, long enough\"");
        assert!(matches!(scanner.string(), Ok(Str::Raw { ascii: true, .. })));
        let mut scanner = Scanner::new(b"\"\\n\xff\"");
        assert_eq!(scanner.string(), Ok(Str::Decoded("\n\u{fffd}".into())));
        let mut scanner = Scanner::new(b"{\"a\":\xff}");
        let refused = scanner.skip_value().unwrap_err();
        assert_eq!(refused.describe(b"{\"a\":\xff}"), "expected value at line 1 column 6");
    }

    /// Pieces that make mostly-broken and sometimes-valid JSON.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(alloc::vec![
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"a\"",
            "\"k\\\"\"",
            "\"\\u00e9x\"",
            "\"long string past eight bytes\"",
            "1",
            "-0.5e3",
            "0",
            "12345678901234567890",
            "true",
            "null",
            " ",
            "\n",
            "\"",
            "\\",
            "x",
            "\"\\ud83d\\ude00\"",
        ])
    }

    proptest! {
        #[test]
        fn agrees_with_serde_json_on_pieces(pieces in prop::collection::vec(piece(), 0..24)) {
            agrees(&pieces.concat());
        }

        #[test]
        fn agrees_with_serde_json_on_valid_json(value in json_value()) {
            let text = serde_json::to_string(&value).unwrap_or_default();
            agrees(&text);
            let pretty = serde_json::to_string_pretty(&value).unwrap_or_default();
            agrees(&pretty);
        }

        #[test]
        fn any_text_is_read_or_refused(text in any::<String>()) {
            let _ = read(&text);
            let _ = skips(&text);
        }
    }

    fn json_value() -> impl Strategy<Value = Json> {
        let leaf = prop_oneof![
            Just(Json::Null),
            any::<bool>().prop_map(Json::Bool),
            any::<u64>().prop_map(Json::from),
            any::<i64>().prop_map(Json::from),
            (-1e300f64..1e300).prop_map(Json::from),
            "\\PC{0,20}".prop_map(Json::String),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
                prop::collection::btree_map("[a-z\"\\\\é]{0,6}", inner, 0..6)
                    .prop_map(|m| Json::Object(m.into_iter().collect())),
            ]
        })
    }
}
