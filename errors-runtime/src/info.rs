//! The records behind every catalog entry.

use core::fmt;

use crate::support::{Index, parse_u32_code};
use crate::{Category, Retry};

/// How a product identifies its errors.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[non_exhaustive]
pub enum CodeType {
    /// Numeric codes such as `1020`.
    Integer,
    /// String codes such as `"invalid-api-key"`.
    String,
    /// No code: the vendor sends only a message, which is the key.
    None,
}

impl CodeType {
    /// The id used in catalogs: `"integer"`, `"string"` or `"none"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            CodeType::Integer => "integer",
            CodeType::String => "string",
            CodeType::None => "none",
        }
    }
}

/// The code of one entry, as the vendor sends it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Code {
    /// A numeric code.
    Integer(u32),
    /// A string code.
    String(&'static str),
    /// The vendor sends no code for this error, only its message.
    None,
}

impl Code {
    /// The numeric code, if this is one.
    pub const fn as_u32(self) -> Option<u32> {
        match self {
            Code::Integer(n) => Some(n),
            _ => None,
        }
    }

    /// The string code, if this is one.
    pub const fn as_str(self) -> Option<&'static str> {
        match self {
            Code::String(s) => Some(s),
            _ => None,
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Code::Integer(n) => fmt::Display::fmt(n, f),
            Code::String(s) => f.write_str(s),
            Code::None => f.write_str("(no code)"),
        }
    }
}

/// A vendor: Vonage, Sinch, …
#[derive(Debug)]
pub struct VendorInfo {
    /// The catalog id, e.g. `"vonage"`.
    pub id: &'static str,
    /// The display name, e.g. `"Vonage"`.
    pub name: &'static str,
    /// The vendor's error documentation.
    pub docs_url: Option<&'static str>,
}

/// One API of a vendor, with all of its entries.
#[derive(Debug)]
pub struct ProductInfo {
    /// The vendor.
    pub vendor: &'static VendorInfo,
    /// The catalog id, e.g. `"messages"`.
    pub id: &'static str,
    /// The display name, e.g. `"Messages API"`.
    pub name: &'static str,
    /// How entries are identified.
    pub code_type: CodeType,
    /// The product's error documentation.
    pub docs_url: Option<&'static str>,
    /// The RFC 7807 problem `type` template, with `{code}` for the code.
    pub problem_type: Option<&'static str>,
    /// The path of the generated enum, e.g. `"errors_runtime::vonage::Messages"`.
    pub rust_path: &'static str,
    /// Every entry, in the enum's declaration order.
    pub entries: &'static [ErrorInfo],
    /// The lookup table.
    pub index: Index,
}

impl ProductInfo {
    /// The position in [`entries`](Self::entries) of the entry with this
    /// code (or, for message-only products, this exact message).
    ///
    /// Numeric codes are accepted in canonical decimal (`"1020"`, not
    /// `"01020"` or `"+1020"`).
    pub fn position(&self, code: &str) -> Option<usize> {
        match &self.index {
            Index::Str(index) => index.get(code),
            Index::U32(index) => index.get(parse_u32_code(code)?),
        }
    }

    /// The position of the entry with this numeric code.
    pub fn position_u32(&self, code: u32) -> Option<usize> {
        match &self.index {
            Index::U32(index) => index.get(code),
            Index::Str(_) => None,
        }
    }

    /// The entry with this code (or message), if any.
    pub fn find(&self, code: &str) -> Option<&'static ErrorInfo> {
        self.entries.get(self.position(code)?)
    }

    /// The entry with this numeric code, if any.
    pub fn find_u32(&self, code: u32) -> Option<&'static ErrorInfo> {
        self.entries.get(self.position_u32(code)?)
    }
}

/// Everything the catalog says about one error.
///
/// Records are created by generated code only; read them through the
/// fields.
#[derive(Debug)]
pub struct ErrorInfo {
    /// The product (and through it, the vendor).
    pub product: &'static ProductInfo,
    /// The code as the vendor sends it.
    pub code: Code,
    /// The Rust variant name, e.g. `"InvalidParams"`.
    pub name: &'static str,
    /// A short title, as the vendor writes it.
    pub title: Option<&'static str>,
    /// What happened, in the vendor's words. For message-only products this
    /// is the exact message the vendor sends.
    pub description: &'static str,
    /// How to fix it, in the vendor's words.
    pub resolution: Option<&'static str>,
    /// The HTTP status the error travels with, where documented.
    pub http_status: Option<u16>,
    /// The cross-vendor category.
    pub category: Category,
    /// Whether a retry can help.
    pub retry: Retry,
    /// A page about this error.
    pub docs_url: Option<&'static str>,
}

impl ErrorInfo {
    /// The vendor's catalog id, e.g. `"vonage"`.
    pub fn vendor_id(&self) -> &'static str {
        self.product.vendor.id
    }

    /// The product's catalog id, e.g. `"messages"`.
    pub fn product_id(&self) -> &'static str {
        self.product.id
    }

    /// A page about this error: its own, else the product's, else the vendor's.
    pub fn docs_url(&self) -> Option<&'static str> {
        self.docs_url.or(self.product.docs_url).or(self.product.vendor.docs_url)
    }

    /// The path to match on, e.g. `errors_runtime::vonage::Messages::InvalidParams`.
    pub fn rust_path(&self) -> RustPath<'_> {
        RustPath(self)
    }
}

/// Writes the entry as one line: vendor, product, code and description.
impl fmt::Display for ErrorInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.product.vendor.name, self.product.name)?;
        if self.code != Code::None {
            write!(f, " error {}", self.code)?;
        }
        f.write_str(": ")?;
        for (i, line) in self.description.lines().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            f.write_str(line.trim())?;
        }
        Ok(())
    }
}

/// Displays an entry's Rust path; see [`ErrorInfo::rust_path`].
#[derive(Clone, Copy, Debug)]
pub struct RustPath<'a>(&'a ErrorInfo);

impl fmt::Display for RustPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}::{}", self.0.product.rust_path, self.0.name)
    }
}

/// The error of `FromStr` and `TryFrom<u32>` on a product enum: the code
/// is not in the catalog. It keeps the input (up to 64 bytes, cut at a
/// character boundary) without allocating.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct UnknownCode {
    product: &'static ProductInfo,
    input: [u8; Self::KEPT],
    len: u8,
    truncated: bool,
}

impl UnknownCode {
    const KEPT: usize = 64;

    /// Records that `input` is not a code of `product`.
    pub fn new(product: &'static ProductInfo, input: &str) -> Self {
        let mut len = input.len().min(Self::KEPT);
        while !input.is_char_boundary(len) {
            len -= 1;
        }
        let mut kept = [0u8; Self::KEPT];
        kept[..len].copy_from_slice(&input.as_bytes()[..len]);
        UnknownCode { product, input: kept, len: len as u8, truncated: len < input.len() }
    }

    /// Records that the numeric `code` is not a code of `product`.
    pub fn from_u32(product: &'static ProductInfo, code: u32) -> Self {
        let mut digits = [0u8; 10];
        let mut at = digits.len();
        let mut rest = code;
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        Self::new(product, core::str::from_utf8(&digits[at..]).unwrap_or_default())
    }

    /// The product that was searched.
    pub fn product(&self) -> &'static ProductInfo {
        self.product
    }

    /// The input, or its first 64 bytes when [`is_truncated`](Self::is_truncated).
    pub fn input(&self) -> &str {
        core::str::from_utf8(&self.input[..usize::from(self.len)]).unwrap_or_default()
    }

    /// Whether the input was longer than what is kept.
    pub fn is_truncated(&self) -> bool {
        self.truncated
    }
}

/// Records are unique: two are equal when they are the same record.
impl PartialEq for ErrorInfo {
    fn eq(&self, other: &Self) -> bool {
        core::ptr::eq(self, other)
    }
}

impl Eq for ErrorInfo {}

impl core::hash::Hash for ErrorInfo {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.product.hash(state);
        self.name.hash(state);
    }
}

/// Products are unique: two are equal when they are the same product.
impl PartialEq for ProductInfo {
    fn eq(&self, other: &Self) -> bool {
        core::ptr::eq(self, other)
    }
}

impl Eq for ProductInfo {}

impl core::hash::Hash for ProductInfo {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.vendor.id.hash(state);
        self.id.hash(state);
    }
}

impl fmt::Debug for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UnknownCode")
            .field("vendor", &self.product.vendor.id)
            .field("product", &self.product.id)
            .field("input", &self.input())
            .field("truncated", &self.truncated)
            .finish()
    }
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ellipsis = if self.truncated { "…" } else { "" };
        write!(
            f,
            "unknown {} {} code `{}{}`",
            self.product.vendor.name,
            self.product.name,
            self.input().escape_debug(),
            ellipsis
        )
    }
}

impl core::error::Error for UnknownCode {}
