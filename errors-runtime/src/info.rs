//! The records behind every catalog entry.

use core::fmt;

use crate::support::{Field, Index, Records, parse_u32_bytes};
use crate::{Category, CodeType, ResponseShape, Retry, Severity};

/// What identifies one entry, as the vendor sends it: its code, or, where
/// the vendor sends no code, its message. Its [`Display`](fmt::Display) is
/// the entry's lookup key: what `from_code` and [`lookup`](crate::lookup)
/// take.
///
/// A catalog's codes are `Code<'static>`: they borrow the catalog's text.
/// The lifetime lets a code be read from a body without copying (with the
/// `serde` feature, it deserializes borrowing from the input).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
pub enum Code<'a> {
    /// A numeric code.
    Integer(u32),
    /// A string code.
    String(&'a str),
    /// The vendor sends no code for this error, only this message, which
    /// lookups match exactly.
    Message(&'a str),
}

impl<'a> Code<'a> {
    /// The numeric code, if this is one.
    pub const fn as_u32(self) -> Option<u32> {
        match self {
            Code::Integer(n) => Some(n),
            _ => None,
        }
    }

    /// The string code, if this is one.
    pub const fn as_str(self) -> Option<&'a str> {
        match self {
            Code::String(s) => Some(s),
            _ => None,
        }
    }

    /// The message, if the vendor sends only a message for this entry.
    pub const fn as_message(self) -> Option<&'a str> {
        match self {
            Code::Message(m) => Some(m),
            _ => None,
        }
    }
}

impl fmt::Display for Code<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Code::Integer(n) => fmt::Display::fmt(n, f),
            Code::String(s) => f.write_str(s),
            Code::Message(m) => f.write_str(m),
        }
    }
}

/// A vendor: Vonage, Sinch, …
pub struct VendorInfo {
    data: VendorData,
}

/// What a [`VendorInfo`] holds, as generated code writes it
/// (`__private::vendor`). Not part of the API: it changes with the layout.
pub struct VendorData {
    /// See [`VendorInfo::id`].
    pub id: &'static str,
    /// See [`VendorInfo::name`].
    pub name: &'static str,
    /// See [`VendorInfo::docs_url`].
    pub docs_url: Option<&'static str>,
    /// See [`VendorInfo::responses`].
    pub responses: &'static [ResponseShape],
    /// See [`VendorInfo::problem_hosts`].
    pub problem_hosts: &'static [&'static str],
    /// See [`VendorInfo::products`].
    pub products: &'static [&'static ProductInfo],
}

impl VendorInfo {
    pub(crate) const fn new(data: VendorData) -> VendorInfo {
        VendorInfo { data }
    }

    /// The catalog id, e.g. `"vonage"`.
    #[inline]
    pub const fn id(&self) -> &'static str {
        self.data.id
    }

    /// The display name, e.g. `"Vonage"`.
    pub const fn name(&self) -> &'static str {
        self.data.name
    }

    /// The vendor's error documentation.
    pub const fn docs_url(&self) -> Option<&'static str> {
        self.data.docs_url
    }

    /// Where the vendor's response bodies carry their errors, one shape per
    /// `[[response]]` table of its `vendor.toml`; the response reader
    /// (feature `response`) tries them all.
    #[inline]
    pub const fn responses(&self) -> &'static [ResponseShape] {
        self.data.responses
    }

    /// The hosts of the vendor's problem `type` templates, e.g.
    /// `"developer.vonage.com"`: a `type` URL on another host is not this
    /// vendor's.
    #[inline]
    pub const fn problem_hosts(&self) -> &'static [&'static str] {
        self.data.problem_hosts
    }

    /// The vendor's products, in id order (each points back here).
    #[inline]
    pub const fn products(&self) -> &'static [&'static ProductInfo] {
        self.data.products
    }
}

// By hand: a derived `Debug` would follow `products` back to the vendor.
impl fmt::Debug for VendorInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Ids(&'static [&'static ProductInfo]);
        impl fmt::Debug for Ids {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_list().entries(self.0.iter().map(|p| p.id())).finish()
            }
        }
        f.debug_struct("VendorInfo")
            .field("id", &self.id())
            .field("name", &self.name())
            .field("docs_url", &self.docs_url())
            .field("responses", &self.responses())
            .field("problem_hosts", &self.problem_hosts())
            .field("products", &Ids(self.products()))
            .finish()
    }
}

/// One API of a vendor, with all of its entries.
pub struct ProductInfo {
    data: ProductData,
}

/// What a [`ProductInfo`] holds, as generated code writes it
/// (`__private::product`). Not part of the API: it changes with the layout.
#[derive(Debug)]
pub struct ProductData {
    /// See [`ProductInfo::vendor`].
    pub vendor: &'static VendorInfo,
    /// See [`ProductInfo::id`].
    pub id: &'static str,
    /// See [`ProductInfo::name`].
    pub name: &'static str,
    /// See [`ProductInfo::code_type`].
    pub code_type: CodeType,
    /// See [`ProductInfo::docs_url`].
    pub docs_url: Option<&'static str>,
    /// See [`ProductInfo::problem_type`].
    pub problem_type: Option<&'static str>,
    /// `problem_type` first, then its aliases, cut up.
    pub problem_templates: &'static [crate::ProblemTemplate],
    /// Other codes that find an entry, with the entry's position.
    pub aliases: &'static [(&'static str, u32)],
    /// See [`ProductInfo::rust_path`].
    pub rust_path: &'static str,
    /// See [`ProductInfo::sources`].
    pub sources: &'static [Source],
    /// How the entries are stored and found.
    pub records: Records,
    /// The lookup table.
    pub index: Index,
}

// By hand: `vendor` is shown by id, as it points back here.
impl fmt::Debug for ProductInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProductInfo")
            .field("vendor", &self.vendor().id())
            .field("id", &self.id())
            .field("name", &self.name())
            .field("code_type", &self.code_type())
            .field("docs_url", &self.docs_url())
            .field("problem_type", &self.problem_type())
            .field("rust_path", &self.rust_path())
            .field("sources", &self.sources())
            .field("len", &self.len())
            .finish()
    }
}

/// Writes the product's full name: its vendor's, then its own ("Vonage
/// Messages API"), or its own alone when it already starts with its
/// vendor's ("Twilio Live").
impl fmt::Display for ProductInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(vendor) = crate::names::vendor_prefix(self.vendor().name(), self.name()) {
            write!(f, "{vendor} ")?;
        }
        f.write_str(self.name())
    }
}

impl ProductInfo {
    pub(crate) const fn new(data: ProductData) -> ProductInfo {
        ProductInfo { data }
    }

    /// The vendor.
    #[inline]
    pub const fn vendor(&self) -> &'static VendorInfo {
        self.data.vendor
    }

    /// The catalog id, e.g. `"messages"`.
    #[inline]
    pub const fn id(&self) -> &'static str {
        self.data.id
    }

    /// The display name, e.g. `"Messages API"`.
    pub const fn name(&self) -> &'static str {
        self.data.name
    }

    /// How entries are identified.
    #[inline]
    pub const fn code_type(&self) -> CodeType {
        self.data.code_type
    }

    /// The product's error documentation.
    pub const fn docs_url(&self) -> Option<&'static str> {
        self.data.docs_url
    }

    /// The RFC 7807 problem `type` template, with `{code}` for the code.
    pub const fn problem_type(&self) -> Option<&'static str> {
        self.data.problem_type
    }

    /// Every `type` template of this product, cut up: `problem_type` first,
    /// then its aliases (legacy paths, forms the vendor also sends).
    #[inline]
    pub const fn problem_templates(&self) -> &'static [crate::ProblemTemplate] {
        self.data.problem_templates
    }

    /// The path of the generated enum, e.g. `"errors_runtime::vonage::Messages"`.
    pub const fn rust_path(&self) -> &'static str {
        self.data.rust_path
    }

    /// Where the entries come from, the default source first; an entry's
    /// own are [`ErrorInfo::sources`].
    pub const fn sources(&self) -> &'static [Source] {
        self.data.sources
    }

    /// Whether some entry has an alias.
    #[cfg(feature = "response")]
    #[inline]
    pub(crate) const fn has_aliases(&self) -> bool {
        !self.data.aliases.is_empty()
    }

    /// The entries, column by column.
    #[inline]
    pub(crate) const fn records(&self) -> &Records {
        &self.data.records
    }

    /// The number of entries.
    pub const fn len(&self) -> usize {
        self.data.records.len()
    }

    /// Whether the product has no entries.
    pub const fn is_empty(&self) -> bool {
        self.data.records.is_empty()
    }

    /// The entry at `position`, in the enum's declaration order.
    pub fn entry(&'static self, position: usize) -> Option<ErrorInfo> {
        (position < self.len()).then_some(ErrorInfo { product: self, position: position as u32 })
    }

    /// Every entry, in the enum's declaration order.
    pub fn entries(&'static self) -> Entries {
        Entries { product: self, positions: 0..self.len() as u32 }
    }

    /// The position of the entry with this code (or, for message-only
    /// products, this exact message).
    ///
    /// Numeric codes are accepted in canonical decimal (`"1020"`, not
    /// `"01020"` or `"+1020"`).
    pub fn position(&self, code: &str) -> Option<usize> {
        self.position_bytes(code.as_bytes())
    }

    /// [`position`](Self::position) for a code as bytes, which the response
    /// reader looks up before (or without) checking them as UTF-8.
    #[inline(always)]
    pub(crate) fn position_bytes(&self, code: &[u8]) -> Option<usize> {
        match &self.data.index {
            Index::Str(index) => index.get_bytes(code).or_else(|| self.alias_position_bytes(code)),
            Index::U32(index) => index.get(parse_u32_bytes(code)?),
        }
    }

    /// The position of the entry that has `code` as an alias.
    #[inline]
    pub fn alias_position(&self, code: &str) -> Option<usize> {
        self.alias_position_bytes(code.as_bytes())
    }

    fn alias_position_bytes(&self, code: &[u8]) -> Option<usize> {
        self.data.aliases.iter().find(|(alias, _)| alias.as_bytes() == code).map(|&(_, position)| position as usize)
    }

    /// The position of the entry with this numeric code.
    pub fn position_u32(&self, code: u32) -> Option<usize> {
        match &self.data.index {
            Index::U32(index) => index.get(code),
            Index::Str(_) => None,
        }
    }

    /// The entry with this code (or message), if any.
    pub fn find(&'static self, code: &str) -> Option<ErrorInfo> {
        self.entry(self.position(code)?)
    }

    /// [`find`](Self::find) for a code as bytes.
    #[inline(always)]
    pub(crate) fn find_bytes(&'static self, code: &[u8]) -> Option<ErrorInfo> {
        self.entry(self.position_bytes(code)?)
    }

    /// The entry with this numeric code, if any.
    pub fn find_u32(&'static self, code: u32) -> Option<ErrorInfo> {
        self.entry(self.position_u32(code)?)
    }

    /// [`find_u32`](Self::find_u32) where the product's codes are indexed
    /// as numbers; `None` where they are indexed as text (then look the
    /// number's text up).
    #[cfg(feature = "response")]
    pub(crate) fn find_number_indexed(&'static self, number: u32) -> Option<Option<ErrorInfo>> {
        match &self.data.index {
            Index::U32(index) => Some(index.get(number).and_then(|at| self.entry(at))),
            Index::Str(_) => None,
        }
    }
}

/// A page or file that documents entries of a product: one `[[source]]`
/// table of its catalog file.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Source {
    id: &'static str,
    url: &'static str,
    checked: &'static str,
}

impl Source {
    pub(crate) const fn new(id: &'static str, url: &'static str, checked: &'static str) -> Source {
        Source { id, url, checked }
    }

    /// Its id within the product, e.g. `"errors-page"`.
    pub const fn id(self) -> &'static str {
        self.id
    }

    /// Where it is: the vendor's page, or a file in a public repository.
    pub const fn url(self) -> &'static str {
        self.url
    }

    /// When the catalog was last compared with it, as `YYYY-MM-DD`.
    pub const fn checked(self) -> &'static str {
        self.checked
    }
}

/// Writes the URL, then when it was checked: `https://… (checked 2026-12-02)`.
impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (checked {})", self.url, self.checked)
    }
}

/// The sources of one entry, from [`ErrorInfo::sources`], in their
/// product's order.
#[derive(Clone, Debug)]
pub struct EntrySources {
    sources: &'static [Source],
    mask: u8,
    next: usize,
}

impl Iterator for EntrySources {
    type Item = Source;

    fn next(&mut self) -> Option<Source> {
        while let Some(&source) = self.sources.get(self.next) {
            self.next += 1;
            if crate::layout::has_source(self.mask, self.next - 1) {
                return Some(source);
            }
        }
        None
    }
}

impl core::iter::FusedIterator for EntrySources {}

/// The entries of a product, from [`ProductInfo::entries`].
#[derive(Clone, Debug)]
pub struct Entries {
    product: &'static ProductInfo,
    positions: core::ops::Range<u32>,
}

impl Iterator for Entries {
    type Item = ErrorInfo;

    fn next(&mut self) -> Option<ErrorInfo> {
        let position = self.positions.next()?;
        Some(ErrorInfo { product: self.product, position })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.positions.size_hint()
    }
}

impl DoubleEndedIterator for Entries {
    fn next_back(&mut self) -> Option<ErrorInfo> {
        let position = self.positions.next_back()?;
        Some(ErrorInfo { product: self.product, position })
    }
}

impl ExactSizeIterator for Entries {}

impl core::iter::FusedIterator for Entries {}

/// Everything the catalog says about one error: a small `Copy` handle to
/// its product's records.
///
/// Get one from a product enum ([`info`](crate::ErrorCode::info)), a
/// product ([`ProductInfo::find`]) or the catalog ([`lookup`](crate::lookup)).
/// Two are equal when they are the same entry of the same product.
#[derive(Clone, Copy)]
pub struct ErrorInfo {
    product: &'static ProductInfo,
    position: u32,
}

impl ErrorInfo {
    /// The entry at `position` of `product`, for generated code, which
    /// knows the position is in range. Out of range, the accessors read
    /// defaults or whatever the columns hold there, and never panic.
    #[inline]
    pub(crate) const fn at(product: &'static ProductInfo, position: u32) -> ErrorInfo {
        ErrorInfo { product, position }
    }

    /// The product (and through it, the vendor).
    #[inline]
    pub const fn product(self) -> &'static ProductInfo {
        self.product
    }

    /// The vendor.
    #[inline]
    pub const fn vendor(self) -> &'static VendorInfo {
        self.product.vendor()
    }

    /// The position in the product, which is the enum's declaration order.
    #[inline]
    pub const fn position(self) -> usize {
        self.position as usize
    }

    /// The vendor's catalog id, e.g. `"vonage"`.
    pub const fn vendor_id(self) -> &'static str {
        self.product.vendor().id()
    }

    /// The product's catalog id, e.g. `"messages"`.
    pub const fn product_id(self) -> &'static str {
        self.product.id()
    }

    /// The code as the vendor sends it, or the message for a vendor that
    /// sends only a message.
    #[inline]
    pub fn code(self) -> Code<'static> {
        let records = self.product.records();
        let code = match self.product.code_type() {
            CodeType::Integer => records.code_u32(self.position()).map(Code::Integer),
            CodeType::String => records.text(self.position(), Field::Code).map(Code::String),
            CodeType::None => None,
        };
        // Columns that lack the code (never in generated tables) leave the message.
        code.unwrap_or_else(|| Code::Message(self.description()))
    }

    /// The Rust variant name, e.g. `"InvalidParams"`.
    #[inline]
    pub fn name(self) -> &'static str {
        self.text(Field::Name).unwrap_or_default()
    }

    /// A short title, as the vendor writes it.
    #[inline]
    pub fn title(self) -> Option<&'static str> {
        self.text(Field::Title)
    }

    /// What happened, in the vendor's words. For message-only products this
    /// is the exact message the vendor sends.
    #[inline]
    pub fn description(self) -> &'static str {
        self.text(Field::Description).unwrap_or_default()
    }

    /// How to fix it, in the vendor's words.
    #[inline]
    pub fn resolution(self) -> Option<&'static str> {
        self.text(Field::Resolution)
    }

    /// What can cause it, in the vendor's words.
    #[inline]
    pub fn causes(self) -> Option<&'static str> {
        self.text(Field::Causes)
    }

    /// Whether the vendor reports this as an error or as a warning (the
    /// request went through).
    #[inline]
    pub fn severity(self) -> Severity {
        self.product.records().severity(self.position())
    }

    /// The HTTP status the error travels with, where documented.
    #[inline]
    pub fn http_status(self) -> Option<u16> {
        self.product.records().http_status(self.position())
    }

    /// The cross-vendor category.
    #[inline]
    pub fn category(self) -> Category {
        self.product.records().category(self.position())
    }

    /// Whether a retry can help.
    #[inline]
    pub fn retry(self) -> Retry {
        self.product.records().retry(self.position())
    }

    /// A page about this error: its own, else the product's, else the vendor's.
    pub fn docs_url(self) -> Option<&'static str> {
        self.own_docs_url().or(self.product.docs_url()).or(self.product.vendor().docs_url())
    }

    /// The page the catalog gives for this error itself, if any.
    pub fn own_docs_url(self) -> Option<&'static str> {
        self.text(Field::DocsUrl)
    }

    /// Where the catalog's facts about this entry come from: pages and
    /// files of the vendor, each with the day it was last checked.
    pub fn sources(self) -> EntrySources {
        let mask = self.product.records().source_mask(self.position());
        EntrySources { sources: self.product.sources(), mask, next: 0 }
    }

    /// The path to match on, e.g. `errors_runtime::vonage::Messages::InvalidParams`.
    pub fn rust_path(self) -> RustPath {
        RustPath(self)
    }

    fn text(self, field: Field) -> Option<&'static str> {
        self.product.records().text(self.position(), field)
    }
}

impl fmt::Debug for ErrorInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorInfo")
            .field("vendor", &self.vendor_id())
            .field("product", &self.product_id())
            .field("code", &self.code())
            .field("name", &self.name())
            .field("title", &self.title())
            .field("description", &self.description())
            .field("resolution", &self.resolution())
            .field("causes", &self.causes())
            .field("severity", &self.severity())
            .field("http_status", &self.http_status())
            .field("category", &self.category())
            .field("retry", &self.retry())
            .field("docs_url", &self.own_docs_url())
            .finish()
    }
}

/// Writes the entry as one line: vendor, product, code and description.
impl fmt::Display for ErrorInfo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // "Vonage Messages API, code 1020: …": product names often end in
        // "Errors" already, so no "error" word of errcat's own.
        write!(f, "{}", self.product)?;
        let code = self.code();
        if code.as_message().is_none() {
            write!(f, ", code {code}")?;
        }
        f.write_str(": ")?;
        for (i, line) in self.description().lines().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            f.write_str(line.trim())?;
        }
        Ok(())
    }
}

/// An entry is an error value too, like the product enums: it works with
/// `?`, `Box<dyn Error>` and anyhow.
impl core::error::Error for ErrorInfo {}

/// Displays an entry's Rust path; see [`ErrorInfo::rust_path`].
#[derive(Clone, Copy, Debug)]
pub struct RustPath(ErrorInfo);

impl fmt::Display for RustPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}::{}", self.0.product.rust_path(), self.0.name())
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
    pub(crate) fn new(product: &'static ProductInfo, input: &str) -> Self {
        let mut len = input.len().min(Self::KEPT);
        while !input.is_char_boundary(len) {
            len -= 1;
        }
        let mut kept = [0u8; Self::KEPT];
        kept[..len].copy_from_slice(&input.as_bytes()[..len]);
        UnknownCode { product, input: kept, len: len as u8, truncated: len < input.len() }
    }

    /// Records that the numeric `code` is not a code of `product`.
    pub(crate) fn from_u32(product: &'static ProductInfo, code: u32) -> Self {
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

/// Two entries are equal when they are the same entry of the same product.
impl PartialEq for ErrorInfo {
    fn eq(&self, other: &Self) -> bool {
        core::ptr::eq(self.product, other.product) && self.position == other.position
    }
}

impl Eq for ErrorInfo {}

impl core::hash::Hash for ErrorInfo {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.product.hash(state);
        self.position.hash(state);
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
        self.vendor().id().hash(state);
        self.id().hash(state);
    }
}

impl fmt::Debug for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UnknownCode")
            .field("vendor", &self.product.vendor().id())
            .field("product", &self.product.id())
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
            self.product.vendor().name(),
            self.product.name(),
            self.input().escape_debug(),
            ellipsis
        )
    }
}

impl core::error::Error for UnknownCode {}
