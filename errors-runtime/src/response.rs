//! A vendor's HTTP response, read into one typed value and a decision
//! (feature `response`).
//!
//! Give [`Reader`] what you know (the vendor, the product you called, the
//! HTTP status, the `Retry-After` header) and the body bytes. Where each
//! vendor puts its codes is catalog data (the `[[response]]` tables of its
//! `vendor.toml`), so bodies of your own catalog's vendors are read the
//! same way: [`Reader::with_catalog`].
//!
//! ```
//! use errors_runtime::response::{DecidedBy, Reader};
//! use errors_runtime::{Category, Retry};
//!
//! // The Vonage SMS API answers HTTP 200 and puts its error in the body.
//! let body = br#"{"message-count":"1","messages":[{"status":"2","error-text":"Missing to param"}]}"#;
//! let response = Reader::new().vendor("vonage").http_status(200).read(body)?;
//! assert_eq!(response.vendor().id(), "vonage");
//! assert_eq!(response.product().map(|p| p.id()), Some("sms"));
//! assert_eq!(response.message(), Some("Missing to param"));
//! assert_eq!(response.entry().map(|e| e.name()), Some("MissingParameters"));
//! assert_eq!(response.category(), Category::InvalidRequest);
//! assert_eq!(response.retry(), Retry::AfterFix);
//! assert_eq!(response.decided_by(), DecidedBy::Catalog);
//!
//! // A code the catalog does not know: the HTTP status decides.
//! let body = br#"{"type":"https://developer.vonage.com/api-errors#brand-new","title":"New"}"#;
//! let response = Reader::new().http_status(503).retry_after("30").read(body)?;
//! assert!(response.entry().is_none());
//! assert_eq!(response.code_text().as_deref(), Some("brand-new"));
//! assert_eq!((response.category(), response.decided_by()), (Category::Server, DecidedBy::HttpStatus));
//! assert_eq!(response.retry_after_delay(), Some(core::time::Duration::from_secs(30)));
//! # Ok::<(), errors_runtime::response::ReadError>(())
//! ```

use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use core::fmt;
use core::time::Duration;

use crate::form;
use crate::json::{self, Number, Scanner, Start};

use crate::body::{InvalidParameter, PARAMETER_NAMES, PARAMETER_REASONS, RawCode};
use crate::catalog::product_problem_code;
use crate::problem_url::UrlParts;
use crate::{
    CATALOG, Catalog, Category, CodeKind, CodeType, ErrorInfo, Member, Path, ProductInfo, ResponseShape, Retry,
    RetryAfter, VendorInfo,
};

/// What made a [`Response`]'s category and retry advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DecidedBy {
    /// The catalog entry the body names.
    Catalog,
    /// The HTTP status ([`Category::from_http_status`]), for a code the
    /// catalog does not know.
    HttpStatus,
    /// Nothing was known: [`Category::Unknown`] and its default retry
    /// advice ([`Retry::Backoff`]). A success body is decided this way too,
    /// with [`Retry::Never`].
    Default,
}

impl DecidedBy {
    /// `"catalog"`, `"http-status"` or `"default"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            DecidedBy::Catalog => "catalog",
            DecidedBy::HttpStatus => "http-status",
            DecidedBy::Default => "default",
        }
    }
}

impl fmt::Display for DecidedBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a category and retry advice were decided from, for one response.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Decision {
    /// The cross-vendor category.
    pub category: Category,
    /// Whether a retry can help.
    pub retry: Retry,
    /// Where both came from.
    pub decided_by: DecidedBy,
}

impl Decision {
    /// The decision without a catalog entry: from the HTTP status when it
    /// implies a category, else the stated default.
    pub fn from_http_status(status: Option<u16>) -> Decision {
        match status.and_then(Category::from_http_status) {
            Some(category) => Decision { category, retry: category.default_retry(), decided_by: DecidedBy::HttpStatus },
            None => Decision {
                category: Category::Unknown,
                retry: Category::Unknown.default_retry(),
                decided_by: DecidedBy::Default,
            },
        }
    }

    fn from_entry(entry: ErrorInfo) -> Decision {
        Decision { category: entry.category(), retry: entry.retry(), decided_by: DecidedBy::Catalog }
    }

    const SUCCESS: Decision =
        Decision { category: Category::Unknown, retry: Retry::Never, decided_by: DecidedBy::Default };
}

/// Reads responses; set what you know, then [`read`](Self::read) the body.
#[derive(Debug, Clone, Copy)]
pub struct Reader<'a> {
    catalog: &'static Catalog,
    vendor: Option<&'a str>,
    product: Option<&'a str>,
    http_status: Option<u16>,
    retry_after: Option<&'a str>,
}

impl Default for Reader<'_> {
    fn default() -> Self {
        Reader::new()
    }
}

impl<'a> Reader<'a> {
    /// A reader of the bundled catalogs' vendors.
    pub fn new() -> Self {
        Reader::with_catalog(&CATALOG)
    }

    /// A reader of another catalog's vendors, e.g. the `CATALOG` that
    /// `errcat-codegen` generates from your own build script.
    pub fn with_catalog(catalog: &'static Catalog) -> Self {
        Reader { catalog, vendor: None, product: None, http_status: None, retry_after: None }
    }

    /// The vendor that sent the response (its catalog id, e.g. `"sinch"`).
    /// Without it, the vendor whose shapes fit the body best is taken.
    pub fn vendor(mut self, vendor: &'a str) -> Self {
        self.vendor = Some(vendor);
        self
    }

    /// The product called (its catalog id, e.g. `"verification"`), when the
    /// caller knows it: a code (not a problem `type` URL, which names its
    /// own product) is then looked up in that product only. An id the
    /// vendor does not have is ignored.
    pub fn product(mut self, product: &'a str) -> Self {
        self.product = Some(product);
        self
    }

    /// The HTTP status of the response.
    pub fn http_status(mut self, status: u16) -> Self {
        self.http_status = Some(status);
        self
    }

    /// The `Retry-After` header's value, as sent. A value that is neither
    /// seconds nor an HTTP-date is ignored ([`Response::retry_after`] is
    /// `None`).
    pub fn retry_after(mut self, value: &'a str) -> Self {
        self.retry_after = Some(value);
        self
    }

    /// Reads a body.
    ///
    /// # Errors
    ///
    /// [`ReadError`] when the body is neither a JSON object nor a
    /// form-encoded callback (`ErrorCode=30003&…`), when the vendor is not
    /// in the catalog, or when no vendor's declared shape fits (or two
    /// vendors' fit equally well). The error still carries a [`Decision`]
    /// from the HTTP status.
    pub fn read(&self, body: &[u8]) -> Result<Response, ReadError> {
        // A UTF-8 byte order mark is encoding, not content (RFC 8259 lets
        // a parser ignore it).
        let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
        let fail = |kind: ReadErrorKind| ReadError { kind, decision: Decision::from_http_status(self.http_status) };
        let vendors: &[&'static VendorInfo] = match self.vendor {
            Some(id) => {
                match self
                    .catalog
                    .vendors()
                    .iter()
                    .find(|v| crate::support::same_bytes(v.id().as_bytes(), id.as_bytes()))
                {
                    // A slice of the catalog's own list, hence no `Catalog::vendor`.
                    Some(vendor) => core::slice::from_ref(vendor),
                    None => return Err(fail(ReadErrorKind::UnknownVendor(id.into()))),
                }
            }
            None => self.catalog.vendors(),
        };
        let mut root = Body::new(body);
        match parse(self.catalog.members(), body, &mut root) {
            Ok(None) => {}
            Ok(Some(kind)) => return Err(fail(ReadErrorKind::NotAnObject(kind))),
            Err(why) => return Err(fail(ReadErrorKind::NotJson(why))),
        }
        // The best fit so far and the next one are written in place, in
        // turn, so that a fit is never copied.
        let mut fits = [Fit::default(), Fit::default()];
        let mut best: Option<(usize, &'static VendorInfo, &'static ResponseShape)> = None;
        let mut tied: Vec<&'static str> = Vec::new();
        for &vendor in vendors {
            for shape in vendor.responses() {
                if !root.may_fit(shape) {
                    continue;
                }
                let (next, to_beat) = match best {
                    Some((at, ..)) => (1 - at, fits.get(at).map_or(0, |top| top.score)),
                    None => (0, 0),
                };
                let Some(slot) = fits.get_mut(next) else { continue };
                if !fit(vendor, shape, &root, to_beat, slot) {
                    continue;
                }
                let score = slot.score;
                match best {
                    Some((_, top_vendor, _)) if score == to_beat && top_vendor.id() != vendor.id() => {
                        if !tied.contains(&vendor.id()) {
                            tied.push(vendor.id());
                        }
                    }
                    Some(_) if score <= to_beat => {}
                    _ => {
                        best = Some((next, vendor, shape));
                        tied.clear();
                    }
                }
            }
        }
        let Some((found, vendor, shape)) = best.and_then(|(at, vendor, shape)| Some((fits.get(at)?, vendor, shape)))
        else {
            return Err(fail(ReadErrorKind::NoShape { vendor: self.vendor.map(Box::from) }));
        };
        if !tied.is_empty() {
            tied.insert(0, vendor.id());
            return Err(fail(ReadErrorKind::Ambiguous(tied)));
        }
        self.resolve(vendor, shape, &root, found, body)
    }

    #[inline(never)]
    fn resolve(
        &self,
        vendor: &'static VendorInfo,
        shape: &'static ResponseShape,
        root: &Body<'_>,
        found: &Fit<'_>,
        body: &[u8],
    ) -> Result<Response, ReadError> {
        let vendor_products = self.catalog.products_of(vendor);
        let products = || vendor_products.iter().copied();
        let Fit {
            code: code_node,
            url,
            message,
            request_id,
            instance,
            reference,
            invalid_parameters: parameters,
            status,
            ..
        } = *found;
        let code = code_node.and_then(|v| root.sent_code(v, body));
        // A number is looked up as one where the product's codes are
        // numbers; its text is then written only if something else needs it.
        let number = match code_node {
            Some(Value::Uint(n)) if shape.code_kind == CodeKind::Code => u32::try_from(n).ok(),
            _ => None,
        };
        // Asked at most once, and only where it matters: a vendor has many
        // products.
        let mut known: Option<bool> = None;
        let mut has_messages =
            || *known.get_or_insert_with(|| vendor_products.iter().any(|p| p.code_type() == CodeType::None));
        let code_scalar = match (number, url) {
            (Some(_), _) if shape.success.is_empty() && !has_messages() => None,
            (_, Some(_)) => None,
            _ => code_node.and_then(|v| root.scalar_text(v)),
        };
        let code_text = match url {
            Some((text, _)) => Some(text),
            None => code_scalar.as_ref().map(|c| trim(c.as_bytes())),
        };
        let message_value = message;
        let message = || message_value.and_then(|v| root.scalar_text(v));
        let success = match url {
            Some(_) => false,
            None => reports_success(shape, root, code_node, status),
        };

        let mut product: Option<&'static ProductInfo> = None;
        let mut candidates = Candidates::NONE;
        let mut code_is_a_code = false;
        // A vendor has few products: a scan beats hashing the ids.
        let by_id = |id: &str| vendor_products.iter().copied().find(|p| p.id().len() == id.len() && p.id() == id);
        let hinted = self.product.and_then(by_id).or_else(|| shape.product.and_then(by_id));
        if success {
            product = hinted;
        } else if code_node.is_some() {
            match shape.code_kind {
                CodeKind::ProblemType => {
                    let code = code_text.unwrap_or_default();
                    // Cut up while fitting, unless the code is not a string;
                    // its host is then known to be the vendor's, so the
                    // match need not check it again.
                    let url = match url {
                        Some((_, url)) => UrlParts { host: None, ..url },
                        None => UrlParts::split(code),
                    };
                    if let Some(found) = crate::catalog::match_parts(vendor_products, &url)
                        && !found.shared
                    {
                        product = Some(found.product);
                        if let Some(entry) = found.entry {
                            candidates.push(entry);
                        }
                    }
                }
                // A message is looked up with the body's other texts, below.
                CodeKind::Message => {}
                CodeKind::Code => {
                    let find = |p: &'static ProductInfo| match number.and_then(|n| p.find_number_indexed(n)) {
                        Some(found) => found,
                        None => match (code_text, number) {
                            (Some(code), _) => p.find_bytes(code),
                            (None, Some(n)) => p.find_bytes(ScalarText::integer(false, n.into()).as_bytes()),
                            (None, None) => None,
                        },
                    };
                    if let Some(p) = hinted {
                        product = Some(p);
                        if let Some(entry) = find(p) {
                            candidates.push(entry);
                        }
                    } else {
                        // Every product of a vendor with many: one probe of
                        // the catalog-wide code index (in product order), and
                        // the few products with aliases searched for them.
                        // A vendor with a few products is quicker scanned.
                        let number_text = number.map(|n| ScalarText::integer(false, n.into()));
                        let key = code_text.or(number_text.as_ref().map(ScalarText::as_bytes));
                        let indexed = match (shape.products, key) {
                            (None, Some(key)) if vendor_products.len() > SCAN_PRODUCTS => {
                                self.catalog.code_index().get_bytes(self.catalog.products(), vendor.id(), key)
                            }
                            _ => None,
                        };
                        if let (Some(group), Some(key)) = (indexed, key) {
                            let mut found = group
                                .iter()
                                .filter_map(|&(p, at)| self.catalog.products().get(usize::from(p))?.entry(at as usize));
                            let mut next = found.next();
                            for &p in vendor_products {
                                let entry = match next {
                                    Some(entry) if core::ptr::eq(entry.product(), p) => {
                                        next = found.next();
                                        Some(entry)
                                    }
                                    _ if !p.has_aliases() => None,
                                    _ => p.find_bytes(key),
                                };
                                if let Some(entry) = entry.filter(|_| p.code_type() != CodeType::None) {
                                    candidates.push(entry);
                                    code_is_a_code = true;
                                }
                            }
                        } else {
                            let listed = shape.products.unwrap_or(&[]).iter();
                            let listed = listed.filter_map(|id| by_id(id));
                            let every = shape.products.is_none().then(products).into_iter().flatten();
                            for p in listed.chain(every) {
                                if p.code_type() != CodeType::None
                                    && let Some(entry) = find(p)
                                {
                                    candidates.push(entry);
                                    code_is_a_code = true;
                                }
                            }
                        }
                    }
                }
            }
        }
        // Message-only products are found by the texts the body carries: the
        // code first when it is a message, else the message first (and the
        // code too, unless a code product knew it as a code).
        if !success && product.is_none_or(|p| p.code_type() == CodeType::None) && has_messages() {
            let message = message();
            let message = message.as_ref().map(ScalarText::as_bytes);
            let texts = match shape.code_kind {
                CodeKind::Message => [code_text, message],
                _ => [message, code_text.filter(|_| !code_is_a_code)],
            };
            let in_scope = |p: &ProductInfo| {
                p.code_type() == CodeType::None
                    && product.is_none_or(|q| q.id() == p.id())
                    && shape.products.is_none_or(|listed| listed.contains(&p.id()))
            };
            for text in texts.into_iter().flatten() {
                let text = trim(text);
                for &p in vendor_products {
                    if in_scope(p)
                        && let Some(entry) = p.find_bytes(text)
                    {
                        candidates.push(entry);
                    }
                }
            }
        }
        let decision = match candidates.as_slice().first() {
            _ if success => Decision::SUCCESS,
            Some(&entry) => Decision::from_entry(entry),
            None => Decision::from_http_status(self.http_status),
        };
        // Built in the caller's `Result`, not aside and then copied there.
        Ok(Response {
            vendor,
            shape,
            product,
            code,
            message: message_value.and_then(|v| root.kept_text(v, body)),
            success,
            candidates,
            request_id: request_id.and_then(|v| root.kept_text(v, body)),
            instance: instance.and_then(|v| root.kept_text(v, body)),
            reference: reference.and_then(|v| root.kept_text(v, body)),
            status: status.and_then(|v| root.kept_text(v, body)),
            invalid_parameters: parameters
                .map(|v| match root.whole(v) {
                    Some(node) => invalid_parameters(node),
                    None => root
                        .text(v)
                        .map(|t| alloc::vec![InvalidParameter { name: String::new(), reason: t.into_owned() }])
                        .unwrap_or_default(),
                })
                .unwrap_or_default(),
            http_status: self.http_status,
            decision,
            retry_after: self.retry_after.and_then(|v| v.parse().ok()),
            body: body.into(),
        })
    }
}

/// Up to how many products a vendor's are scanned for a code rather than
/// found through the catalog's code index.
const SCAN_PRODUCTS: usize = 8;

/// Reads a body with the bundled catalogs: shorthand for [`Reader`].
///
/// # Errors
///
/// As [`Reader::read`].
pub fn read(
    vendor: Option<&str>,
    http_status: Option<u16>,
    retry_after: Option<&str>,
    body: &[u8],
) -> Result<Response, ReadError> {
    let mut reader = Reader::new();
    reader.vendor = vendor;
    reader.http_status = http_status;
    reader.retry_after = retry_after;
    reader.read(body)
}

/// A vendor's response, read: who sent it, what it says, and what to do.
///
/// It is an error value (`Display`, `Error`, `Send + Sync + 'static`), so a
/// client can return it with `?` or wrap it with thiserror's `#[from]`.
#[derive(Debug, Clone)]
pub struct Response {
    vendor: &'static VendorInfo,
    shape: &'static ResponseShape,
    product: Option<&'static ProductInfo>,
    code: Option<SentCode>,
    message: Option<Text>,
    success: bool,
    candidates: Candidates,
    request_id: Option<Text>,
    instance: Option<Text>,
    reference: Option<Text>,
    status: Option<Text>,
    invalid_parameters: Vec<InvalidParameter>,
    http_status: Option<u16>,
    decision: Decision,
    retry_after: Option<RetryAfter>,
    body: Box<[u8]>,
}

impl Response {
    /// The vendor the body was attributed to.
    pub fn vendor(&self) -> &'static VendorInfo {
        self.vendor
    }

    /// The product, when the body (its shape or its problem `type` URL) or
    /// the reader's [`product`](Reader::product) determines it.
    pub fn product(&self) -> Option<&'static ProductInfo> {
        self.product
    }

    /// The shape the body was read with.
    pub fn shape(&self) -> &'static ResponseShape {
        self.shape
    }

    /// The code as sent: a number or a string (for problem bodies, the
    /// whole `type` URL).
    pub fn code(&self) -> Option<RawCode> {
        Some(match self.code.as_ref()? {
            SentCode::Number(n) => RawCode::Number(*n),
            SentCode::Text(text) => RawCode::Text(self.text_of(text)?.into()),
        })
    }

    /// The code as text. For a problem `type` URL: the code part of the
    /// product's template it fits (`"invalid-api-key"`), else the part
    /// after `#`, else the whole URL.
    pub fn code_text(&self) -> Option<Cow<'_, str>> {
        let text = match self.code.as_ref()? {
            SentCode::Number(n) => return Some(Cow::Owned(n.to_string())),
            SentCode::Text(text) => self.text_of(text)?,
        };
        if self.shape.code_kind == CodeKind::ProblemType {
            let url = text.trim();
            let by_template = self.product.and_then(|product| product_problem_code(product, url));
            let fragment = UrlParts::split(url.as_bytes()).fragment.filter(|f| !f.is_empty());
            // Cut at `#`, the fragment of a `&str` is text.
            let fragment = fragment.and_then(|f| core::str::from_utf8(f).ok());
            return Some(Cow::Borrowed(by_template.or(fragment).unwrap_or(url)));
        }
        Some(Cow::Borrowed(text))
    }

    /// The vendor's message, as sent.
    pub fn message(&self) -> Option<&str> {
        self.text(&self.message)
    }

    /// Whether this is a success body (Vonage SMS status `"0"`, a
    /// delivery report of a delivered message, …).
    pub fn is_success(&self) -> bool {
        self.success
    }

    /// The state of the message the body reports on, as sent, when the
    /// shape has one: a delivery report's `"delivered"`, `"undelivered"`,
    /// `"Failed"`, ….
    pub fn status(&self) -> Option<&str> {
        self.text(&self.status)
    }

    /// The catalog entry: the product's, when the product is known, else
    /// the best of [`candidates`](Self::candidates).
    pub fn entry(&self) -> Option<ErrorInfo> {
        self.candidates.as_slice().first().copied()
    }

    /// Every entry the code could be, best first: one when the product is
    /// known, several when the vendor uses the code in several products.
    pub fn candidates(&self) -> &[ErrorInfo] {
        self.candidates.as_slice()
    }

    /// A request or trace id, when the body has one.
    pub fn request_id(&self) -> Option<&str> {
        self.text(&self.request_id)
    }

    /// An RFC 7807 `instance`, when the body has one.
    pub fn instance(&self) -> Option<&str> {
        self.text(&self.instance)
    }

    /// A support reference, when the body has one.
    pub fn reference(&self) -> Option<&str> {
        self.text(&self.reference)
    }

    /// Per-parameter failures, when the body lists them.
    pub fn invalid_parameters(&self) -> &[InvalidParameter] {
        &self.invalid_parameters
    }

    /// The HTTP status given to the reader.
    pub fn http_status(&self) -> Option<u16> {
        self.http_status
    }

    /// The category, retry advice and where they came from.
    pub fn decision(&self) -> Decision {
        self.decision
    }

    /// The cross-vendor category.
    pub fn category(&self) -> Category {
        self.decision.category
    }

    /// Whether a retry can help.
    pub fn retry(&self) -> Retry {
        self.decision.retry
    }

    /// Where [`category`](Self::category) and [`retry`](Self::retry) came from.
    pub fn decided_by(&self) -> DecidedBy {
        self.decision.decided_by
    }

    /// The `Retry-After` header, read.
    pub fn retry_after(&self) -> Option<RetryAfter> {
        self.retry_after
    }

    /// The delay `Retry-After` asks for, from now (an HTTP-date in the past
    /// is no delay).
    #[cfg(feature = "std")]
    pub fn retry_after_delay(&self) -> Option<Duration> {
        self.retry_after.map(RetryAfter::delay)
    }

    /// The delay `Retry-After` asks for, as seen at `now_unix_seconds`.
    pub fn retry_after_delay_from(&self, now_unix_seconds: u64) -> Option<Duration> {
        self.retry_after.map(|r| r.delay_from(now_unix_seconds))
    }

    /// The body as received, byte for byte (without a UTF-8 byte order
    /// mark): what no shape names is kept here.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The body as text, invalid UTF-8 replaced, for logs.
    pub fn body_text(&self) -> Cow<'_, str> {
        String::from_utf8_lossy(&self.body)
    }
}

impl Response {
    fn text<'s>(&'s self, text: &'s Option<Text>) -> Option<&'s str> {
        self.text_of(text.as_ref()?)
    }

    fn text_of<'s>(&'s self, text: &'s Text) -> Option<&'s str> {
        match text {
            Text::InBody { start, end } => core::str::from_utf8(self.body.get(*start as usize..*end as usize)?).ok(),
            Text::Owned(text) => Some(text),
        }
    }
}

/// The code as the body has it; a string is kept as a [`Text`], so
/// reading a body allocates nothing for it.
#[derive(Debug, Clone)]
enum SentCode {
    Number(i64),
    Text(Text),
}

/// The candidate entries, best first: up to [`FEW`] kept without
/// allocating (a body's code and message can each name one).
#[derive(Debug, Clone)]
enum Candidates {
    /// The first `len` of `entries`; the rest repeat the first.
    Few {
        len: u8,
        entries: [ErrorInfo; FEW],
    },
    Many(Vec<ErrorInfo>),
}

const FEW: usize = 3;

impl Candidates {
    // `Few` needs an entry to fill its array with, so none is an empty `Many`.
    const NONE: Candidates = Candidates::Many(Vec::new());

    fn push(&mut self, entry: ErrorInfo) {
        match self {
            Candidates::Many(all) if all.is_empty() => *self = Candidates::Few { len: 1, entries: [entry; FEW] },
            Candidates::Many(all) if !all.contains(&entry) => all.push(entry),
            Candidates::Many(_) => {}
            Candidates::Few { len, entries } => {
                let kept = entries.get(..usize::from(*len)).unwrap_or_default();
                if kept.contains(&entry) {
                    return;
                }
                match entries.get_mut(usize::from(*len)) {
                    Some(free) => {
                        *free = entry;
                        *len += 1;
                    }
                    None => {
                        let mut all = entries.to_vec();
                        all.push(entry);
                        *self = Candidates::Many(all);
                    }
                }
            }
        }
    }

    fn as_slice(&self) -> &[ErrorInfo] {
        match self {
            Candidates::Few { len, entries } => entries.get(..usize::from(*len)).unwrap_or_default(),
            Candidates::Many(all) => all,
        }
    }
}

/// A text of the body: where it sits in the kept copy when the body holds
/// it verbatim (no escapes), so that reading it allocates nothing more.
#[derive(Debug, Clone)]
enum Text {
    InBody { start: u32, end: u32 },
    Owned(Box<str>),
}

impl Text {
    fn new(text: Cow<'_, str>, body: &[u8]) -> Text {
        match text {
            Cow::Borrowed(borrowed) => {
                Text::in_body(borrowed.as_bytes(), body).unwrap_or_else(|| Text::Owned(borrowed.into()))
            }
            Cow::Owned(owned) => Text::Owned(owned.into()),
        }
    }

    /// Where `part`, borrowed from the original of the body kept, sits.
    fn in_body(part: &[u8], body: &[u8]) -> Option<Text> {
        let at = (part.as_ptr() as usize).wrapping_sub(body.as_ptr() as usize);
        let end = at.wrapping_add(part.len());
        if at > body.len() || end > body.len() {
            return None;
        }
        Some(Text::InBody { start: u32::try_from(at).ok()?, end: u32::try_from(end).ok()? })
    }
}

impl fmt::Display for Response {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.product {
            Some(product) => write!(f, "{product}")?,
            None => f.write_str(self.vendor.name())?,
        }
        if self.success {
            return f.write_str(": success");
        }
        // As `ErrorInfo` writes it: "Sinch Verification, code 40001: …".
        match self.code_text() {
            Some(code) => write!(f, ", code {}", code.escape_debug())?,
            None => f.write_str(", no code")?,
        }
        match (self.message(), self.entry()) {
            (Some(message), _) => write!(f, ": {}", message.escape_debug()),
            (None, Some(entry)) => write!(f, ": {}", entry.description()),
            (None, None) => Ok(()),
        }
    }
}

impl core::error::Error for Response {}

/// Why a body could not be read. It still carries a [`Decision`] from the
/// HTTP status, so a caller can act on the response anyway.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadError {
    kind: ReadErrorKind,
    decision: Decision,
}

/// What went wrong in a [`ReadError`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ReadErrorKind {
    /// The body is not JSON; the parser's message.
    NotJson(Box<str>),
    /// The body is JSON but not an object; what it is.
    NotAnObject(&'static str),
    /// The given vendor is not in the catalog.
    UnknownVendor(Box<str>),
    /// No declared shape fits (of the given vendor, when one was given).
    NoShape {
        /// The vendor given to the reader.
        vendor: Option<Box<str>>,
    },
    /// Shapes of several vendors fit equally well; give the vendor.
    Ambiguous(Vec<&'static str>),
}

impl ReadError {
    /// What went wrong.
    pub fn kind(&self) -> &ReadErrorKind {
        &self.kind
    }

    /// The decision the HTTP status alone gives.
    pub fn decision(&self) -> Decision {
        self.decision
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ReadErrorKind::NotJson(why) => write!(f, "the body is not JSON: {why}"),
            ReadErrorKind::NotAnObject(kind) => write!(f, "the body is {kind}, not a JSON object"),
            ReadErrorKind::UnknownVendor(id) => write!(f, "no vendor `{}` in the catalog", id.escape_debug()),
            ReadErrorKind::NoShape { vendor: Some(id) } => {
                write!(f, "the body does not have any of {}'s declared error shapes", id.escape_debug())
            }
            ReadErrorKind::NoShape { vendor: None } => {
                f.write_str("the body does not have any vendor's declared error shape")
            }
            ReadErrorKind::Ambiguous(vendors) => {
                write!(f, "the body fits the shapes of {} equally well; give the vendor", vendors.join(" and "))
            }
        }
    }
}

impl core::error::Error for ReadError {}

// --- Fitting shapes -------------------------------------------------------

/// How well a shape fits a body, and where its code is.
#[derive(Default)]
struct Fit<'a> {
    score: u32,
    code: Option<Value>,
    /// A problem `type` code's bytes, cut up once.
    url: Option<(&'a [u8], UrlParts<'a>)>,
    /// What the shape's other paths found (in the code's array element,
    /// for paths through an array); only scored fits have them.
    message: Option<Value>,
    request_id: Option<Value>,
    instance: Option<Value>,
    reference: Option<Value>,
    invalid_parameters: Option<Value>,
    status: Option<Value>,
}

/// How well `shape` fits `root`: `None` when it does not. Every declared
/// member present counts; a problem `type` on one of the vendor's hosts
/// counts most.
///
/// A shape that cannot reach `to_beat` even with every optional field is
/// not scored further (its score is then a lower bound, and loses).
fn fit<'r>(vendor: &VendorInfo, shape: &ResponseShape, root: &'r Body<'_>, to_beat: u32, out: &mut Fit<'r>) -> bool {
    let mut score = 0;
    for path in shape.requires {
        if root.get(path, None).is_none() {
            return false;
        }
        score += 1;
    }
    let (index, code) = find_code(shape, root);
    let mut url = None;
    match code {
        Some(code) => {
            score += 2;
            if shape.code_kind == CodeKind::ProblemType
                && let Some(text) = root.bytes(code)
            {
                let text = trim(text);
                let parts = UrlParts::split(text);
                if let Some(host) = parts.host {
                    if !crate::catalog::vendor_has_host(vendor, host) {
                        return false;
                    }
                    score += 3;
                }
                url = Some((text, parts));
            }
        }
        // Without its code, a shape fits only by what it requires.
        None if shape.requires.is_empty() => return false,
        None => {}
    }
    let others =
        [shape.message, shape.request_id, shape.instance, shape.reference, shape.invalid_parameters, shape.status];
    let mut found = [None; 6];
    if score + others.len() as u32 >= to_beat {
        for (paths, value) in others.iter().zip(&mut found) {
            *value = first(paths, root, index);
            score += u32::from(value.is_some());
        }
    }
    let [message, request_id, instance, reference, invalid_parameters, status] = found;
    *out = Fit { score, code, url, message, request_id, instance, reference, invalid_parameters, status };
    true
}

/// The code and, for a path through an array, which element it is in: the
/// first element that does not report success (by its code, or by its
/// status when it has no code), else the first with a code.
fn find_code<'a>(shape: &ResponseShape, root: &Body<'a>) -> (Option<usize>, Option<Value>) {
    // An empty code (`ErrorCode=` in a form) is no code.
    let usable = |&(_, v): &(usize, Value)| v.is_scalar() && root.bytes(v).is_none_or(|b| !trim(b).is_empty());
    for path in shape.code {
        if !path.walks() {
            if let Some((_, value)) = root.get(path, None).map(|v| (0, v)).filter(usable) {
                return (None, Some(value));
            }
            continue;
        }
        // The elements' codes and statuses side by side, each in element
        // order: a message that failed without a code counts too (a
        // Twilio message's `error_code` is null unless it has one).
        let status_slot = shape.status.iter().find(|s| s.walks()).map(|s| s.slot);
        let mut statuses = status_slot.into_iter().flat_map(|slot| root.elements(slot)).peekable();
        let mut codes = root.elements(path.slot).filter(usable).peekable();
        let mut fallback = None;
        loop {
            let at = match (codes.peek(), statuses.peek()) {
                (None, None) => break,
                (Some(&(c, _)), Some(&(s, _))) => c.min(s),
                (Some(&(c, _)), None) => c,
                (None, Some(&(s, _))) => s,
            };
            let code = codes.next_if(|&(i, _)| i == at).map(|(_, v)| v);
            let status = statuses.next_if(|&(i, _)| i == at).map(|(_, v)| v);
            if !reports_success(shape, root, code, status) {
                return (Some(at), code);
            }
            if code.is_some() {
                fallback.get_or_insert((Some(at), code));
            }
        }
        if let Some(found) = fallback {
            return found;
        }
    }
    (None, None)
}

/// [`str::trim`] on a string's bytes, at once for the usual text that
/// starts and ends with visible ASCII.
fn trim(text: &[u8]) -> &[u8] {
    match (text.first(), text.last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => match core::str::from_utf8(text) {
            Ok(text) => text.trim().as_bytes(),
            Err(_) => text.trim_ascii(),
        },
    }
}

/// Whether `code` is one of the codes or statuses that mean success in
/// `shape`.
fn is_success(shape: &ResponseShape, code: &[u8]) -> bool {
    shape.success.iter().any(|s| s.as_bytes() == code)
}

/// Whether a body (or an array element) with this code and status reports
/// success: it has one of them, and each it has means success.
fn reports_success(shape: &ResponseShape, root: &Body<'_>, code: Option<Value>, status: Option<Value>) -> bool {
    if shape.success.is_empty() || (code.is_none() && status.is_none()) {
        return false;
    }
    [code, status]
        .into_iter()
        .flatten()
        .all(|value| root.scalar_text(value).is_some_and(|text| is_success(shape, trim(text.as_bytes()))))
}

/// How many array elements a reader looks through for a code.
const MAX_ELEMENTS: usize = 1024;

/// The first of `paths` present in `root`.
#[inline]
fn first<'a>(paths: &[Path], root: &Body<'a>, index: Option<usize>) -> Option<Value> {
    paths.iter().find_map(|path| root.get(path, index))
}

/// The members of `node` (a whole value kept for per-parameter failures)
/// that `path`-less lookups name.
fn member<'n, 'a>(node: &'n Node<'a>, name: &str) -> Option<&'n Node<'a>> {
    let Node::Object(members) = node else { return None };
    members.iter().find(|(key, _)| key == name).map(|(_, value)| value).filter(|v| !matches!(v, Node::Null))
}

fn invalid_parameters(node: &Node<'_>) -> Vec<InvalidParameter> {
    let param = |name: Option<Cow<'_, str>>, reason: Option<Cow<'_, str>>| InvalidParameter {
        name: name.map(Cow::into_owned).unwrap_or_default(),
        reason: reason.map(Cow::into_owned).unwrap_or_default(),
    };
    match node {
        Node::Array(items) => items
            .iter()
            .map(|item| match item {
                Node::Object(_) => {
                    let name = PARAMETER_NAMES.iter().find_map(|k| member(item, k)?.text());
                    let reason = PARAMETER_REASONS.iter().find_map(|k| member(item, k)?.text());
                    param(name, reason)
                }
                other => param(None, other.text()),
            })
            .collect(),
        Node::Object(members) => members
            .iter()
            .map(|(name, value)| {
                let reason = match value {
                    Node::Array(reasons) => {
                        let texts: Vec<String> = reasons.iter().filter_map(Node::text).map(Cow::into_owned).collect();
                        Some(Cow::Owned(texts.join("; ")))
                    }
                    other => other.text(),
                };
                param(Some(Cow::Borrowed(name.as_ref())), reason)
            })
            .collect(),
        other => other.text().map(|t| alloc::vec![param(None, Some(t))]).unwrap_or_default(),
    }
}

// --- The body, read along the catalog's paths ------------------------------

/// What a body holds at the catalog's paths, found in one pass.
struct Body<'a> {
    /// The body read, which [`Value::Raw`] points into.
    body: &'a [u8],
    /// In body order (an array's elements in order): inline while they
    /// fit, since an error body has a handful of the members paths name.
    inline: [Found; INLINE],
    len: usize,
    /// Everything, once more than [`INLINE`] were found.
    spilled: Vec<Found>,
    /// Which of the first 256 slots have something, to miss without a scan.
    present: [u64; 4],
    /// Strings that had escapes ([`Value::Unescaped`]).
    unescaped: Vec<String>,
    /// Whole values ([`Value::Whole`]).
    wholes: Vec<Node<'a>>,
}

const INLINE: usize = 6;

#[derive(Clone, Copy)]
struct Found {
    slot: u16,
    /// The array element, for a path through an array; else 0.
    element: u16,
    value: Value,
}

/// A value found at a path: scalars as they are, the rest by reference.
#[derive(Debug, Clone, Copy)]
enum Value {
    /// An object or array no path keeps. First, so that an unused slot of
    /// [`Body::inline`] is all zeros.
    NotKept,
    Bool(bool),
    Int(i64),
    Uint(u64),
    Float(f64),
    /// A string's bytes as the body has them (no escapes), at
    /// `start..end` of it: known to be UTF-8 when `utf8`, else checked when
    /// its text is read.
    Raw {
        start: u32,
        end: u32,
        utf8: bool,
    },
    /// A string with escapes, at this position in [`Body::unescaped`].
    Unescaped(u32),
    /// An object or array, at this position in [`Body::wholes`].
    Whole(u32),
}

impl Value {
    fn is_scalar(self) -> bool {
        matches!(self, Value::Int(_) | Value::Uint(_) | Value::Float(_) | Value::Raw { .. } | Value::Unescaped(_))
    }
}

impl<'a> Body<'a> {
    fn new(body: &'a [u8]) -> Self {
        const EMPTY: Found = Found { slot: 0, element: 0, value: Value::NotKept };
        Body {
            body,
            inline: [EMPTY; INLINE],
            len: 0,
            spilled: Vec::new(),
            present: [0; 4],
            unescaped: Vec::new(),
            wholes: Vec::new(),
        }
    }

    #[inline(always)]
    fn record(&mut self, slot: u16, element: u16, value: Value) {
        if let Some(word) = self.present.get_mut(usize::from(slot / 64)) {
            *word |= 1 << (slot % 64);
        }
        let found = Found { slot, element, value };
        match self.inline.get_mut(self.len) {
            Some(free) => {
                *free = found;
                self.len += 1;
            }
            None => self.spill(found),
        }
    }

    /// [`record`](Self::record) past the inline ones.
    #[cold]
    #[inline(never)]
    fn spill(&mut self, found: Found) {
        if self.spilled.is_empty() {
            self.spilled.extend_from_slice(&self.inline);
        }
        self.spilled.push(found);
    }

    /// A string of the body, without escapes, by where it is; a copy
    /// where its place cannot be written down (a body past 4 GiB).
    #[inline(always)]
    fn raw(&mut self, bytes: &'a [u8], utf8: bool) -> Value {
        let start = (bytes.as_ptr() as usize).wrapping_sub(self.body.as_ptr() as usize);
        let end = start.wrapping_add(bytes.len());
        match (u32::try_from(start), u32::try_from(end)) {
            (Ok(start), Ok(end)) if end as usize <= self.body.len() => Value::Raw { start, end, utf8 },
            _ => self.unescaped(json::lossy(bytes).into_owned()),
        }
    }

    /// The bytes of a [`Value::Raw`].
    fn raw_bytes(&self, start: u32, end: u32) -> &'a [u8] {
        self.body.get(start as usize..end as usize).unwrap_or_default()
    }

    /// Keeps a string that had escapes.
    fn unescaped(&mut self, text: String) -> Value {
        match u32::try_from(self.unescaped.len()) {
            Ok(at) => {
                self.unescaped.push(text);
                Value::Unescaped(at)
            }
            Err(_) => Value::NotKept,
        }
    }

    /// A tree's value as found: a whole one kept when `keep`.
    fn value_of(&mut self, node: &Node<'a>, keep: bool) -> Option<Value> {
        Some(match node {
            Node::Null => return None,
            Node::Bool(b) => Value::Bool(*b),
            Node::Int(n) => Value::Int(*n),
            Node::Uint(n) => Value::Uint(*n),
            Node::Float(n) => Value::Float(*n),
            Node::Str(Cow::Borrowed(s)) => self.raw(s.as_bytes(), true),
            Node::Str(Cow::Owned(s)) => self.unescaped(s.clone()),
            Node::Array(_) | Node::Object(_) if keep => match u32::try_from(self.wholes.len()) {
                Ok(at) => {
                    self.wholes.push(node.clone());
                    Value::Whole(at)
                }
                Err(_) => Value::NotKept,
            },
            Node::Array(_) | Node::Object(_) | Node::NotKept => Value::NotKept,
        })
    }

    fn found(&self) -> &[Found] {
        if self.spilled.is_empty() { self.inline.get(..self.len).unwrap_or_default() } else { &self.spilled }
    }

    /// Whether `shape` can fit, by the bitset alone: what it requires is
    /// there, and so is its code when it requires nothing (most shapes of
    /// a vendor fail here, before [`fit`] looks at values).
    fn may_fit(&self, shape: &ResponseShape) -> bool {
        shape.requires.iter().all(|path| self.may_have(path.slot))
            && (!shape.requires.is_empty() || shape.code.iter().any(|path| self.may_have(path.slot)))
    }

    fn may_have(&self, slot: u16) -> bool {
        self.present.get(usize::from(slot / 64)).is_none_or(|word| word & (1 << (slot % 64)) != 0)
    }

    /// The value at `path` (the first, when a member repeats); a path
    /// through an array takes element `index` (or the first).
    fn get(&self, path: &Path, index: Option<usize>) -> Option<Value> {
        if !self.may_have(path.slot) {
            return None;
        }
        let element = match index {
            Some(index) if path.walks() => index,
            _ => 0,
        };
        self.found().iter().find(|f| f.slot == path.slot && usize::from(f.element) == element).map(|f| f.value)
    }

    /// Each element's value at a path through an array, in order.
    fn elements(&self, slot: u16) -> impl Iterator<Item = (usize, Value)> + '_ {
        let mut last = None;
        let found = if self.may_have(slot) { self.found() } else { &[] };
        found
            .iter()
            .filter(move |f| f.slot == slot && last.replace(f.element) != Some(f.element))
            .map(|f| (usize::from(f.element), f.value))
    }

    /// A string value's text.
    fn str(&self, value: Value) -> Option<&str> {
        match value {
            Value::Raw { start, end, .. } => core::str::from_utf8(self.raw_bytes(start, end)).ok(),
            Value::Unescaped(at) => self.unescaped.get(at as usize).map(String::as_str),
            _ => None,
        }
    }

    /// A string value's bytes, not checked as UTF-8: codes and messages
    /// are looked up by their bytes.
    fn bytes(&self, value: Value) -> Option<&[u8]> {
        match value {
            Value::Raw { start, end, .. } => Some(self.raw_bytes(start, end)),
            Value::Unescaped(at) => self.unescaped.get(at as usize).map(String::as_bytes),
            _ => None,
        }
    }

    /// A string, number or boolean as bytes to look up, numbers written
    /// without allocating.
    #[inline(always)]
    fn scalar_text(&self, value: Value) -> Option<ScalarText<'_>> {
        Some(match value {
            Value::Bool(b) => ScalarText::Str(if b { b"true" } else { b"false" }),
            Value::Int(n) => ScalarText::integer(n < 0, n.unsigned_abs()),
            Value::Uint(n) => ScalarText::integer(false, n),
            Value::Float(n) => ScalarText::number(&n),
            other => ScalarText::Str(self.bytes(other)?),
        })
    }

    /// Text for a message or id field: strings, numbers and booleans.
    fn text(&self, value: Value) -> Option<Cow<'_, str>> {
        match value {
            Value::Bool(b) => Some(Cow::Borrowed(if b { "true" } else { "false" })),
            Value::Raw { start, end, .. } => Some(json::lossy(self.raw_bytes(start, end))),
            Value::Unescaped(_) => self.str(value).map(Cow::Borrowed),
            other => self.scalar_text(other).map(ScalarText::into_string).map(Cow::Owned),
        }
    }

    /// A code value as the [`Response`] keeps it (its strings pointing
    /// into `body`, the kept copy's original).
    fn sent_code(&self, value: Value, body: &[u8]) -> Option<SentCode> {
        let owned = |text: String| SentCode::Text(Text::Owned(text.into()));
        Some(match value {
            Value::Int(n) => SentCode::Number(n),
            Value::Uint(n) => i64::try_from(n).map_or_else(|_| owned(n.to_string()), SentCode::Number),
            Value::Float(n) => owned(n.to_string()),
            Value::Raw { start, end, utf8 } => SentCode::Text(self.raw_text(start, end, utf8)),
            other => SentCode::Text(Text::new(Cow::Borrowed(self.str(other)?), body)),
        })
    }

    /// A [`Value::Raw`] as the [`Response`] keeps it: where it is, unless
    /// bytes that are not UTF-8 must be replaced.
    fn raw_text(&self, start: u32, end: u32, utf8: bool) -> Text {
        match utf8 {
            true => Text::InBody { start, end },
            false => match json::lossy(self.raw_bytes(start, end)) {
                Cow::Borrowed(_) => Text::InBody { start, end },
                Cow::Owned(text) => Text::Owned(text.into()),
            },
        }
    }

    /// A message or id as the [`Response`] keeps it.
    fn kept_text(&self, value: Value, body: &[u8]) -> Option<Text> {
        match value {
            Value::Raw { start, end, utf8 } => Some(self.raw_text(start, end, utf8)),
            other => self.text(other).map(|t| Text::new(t, body)),
        }
    }

    /// A whole value's tree.
    fn whole(&self, value: Value) -> Option<&Node<'a>> {
        match value {
            Value::Whole(at) => self.wholes.get(at as usize),
            _ => None,
        }
    }

    /// Records what a kept whole value holds at the paths below `member`.
    fn record_within(&mut self, member: &Member, element: u16, node: &Node<'a>) {
        match node {
            Node::Object(members) => {
                for (key, value) in members {
                    if let Some(child) = member.child(key.as_bytes()) {
                        self.record_node(child, element, value);
                    }
                }
            }
            Node::Array(items) => {
                if let Some(each) = member.items {
                    for (i, item) in items.iter().enumerate().take(MAX_ELEMENTS) {
                        self.record_node(each, i as u16, item);
                    }
                }
            }
            _ => {}
        }
    }

    fn record_node(&mut self, member: &'static Member, element: u16, node: &Node<'a>) {
        if let Some(slot) = member.slot
            && let Some(value) = self.value_of(node, member.whole)
        {
            self.record(slot, element, value);
        }
        self.record_within(member, element, node);
    }
}

/// Reads `body` along the tree under `root` into `found`: `Ok(Some(kind))`
/// when it is JSON but not an object.
fn parse<'a>(root: &'static Member, body: &'a [u8], found: &mut Body<'a>) -> Result<Option<&'static str>, Box<str>> {
    let describe = |e: json::SyntaxError| e.describe(body).into_boxed_str();
    // A form is ASCII and never starts as JSON does.
    if body.first() != Some(&b'{')
        && let Ok(text) = core::str::from_utf8(body)
        && form::is_form(text)
    {
        read_form(text, root, found);
        return Ok(None);
    }
    let mut scanner = Scanner::new(body);
    // The body itself is read as a member: its slot and kind are ignored.
    let root = Member { slot: None, whole: false, ..*root };
    let kind = read_member(&mut scanner, &root, 0, found).map_err(describe)?;
    scanner.finish().map_err(describe)?;
    Ok(match kind {
        Kind::Object => None,
        Kind::Other(kind) => Some(kind),
    })
}

/// Whether the member at position `at` is met for the first time in its
/// object (or form), marking it in `seen`: a repeated member counts once,
/// as its first occurrence. Positions past 64 are not tracked.
fn first_occurrence(seen: &mut u64, at: usize) -> bool {
    let bit = if at < 64 { 1u64 << at } else { 0 };
    let first = *seen & bit == 0;
    *seen |= bit;
    first
}

/// Reads a form-encoded body as an object whose members are strings.
fn read_form<'a>(text: &'a str, root: &'static Member, body: &mut Body<'a>) {
    let mut seen = 0u64;
    for (name, value) in form::pairs(text) {
        let Some(at) = root.child_at(name.as_bytes()) else { continue };
        if !first_occurrence(&mut seen, at) {
            continue;
        }
        let Some(slot) = root.children.get(at).and_then(|m| m.slot) else { continue };
        let value = match value {
            Cow::Borrowed(text) => body.raw(text.as_bytes(), true),
            Cow::Owned(text) => body.unescaped(text),
        };
        body.record(slot, 0, value);
    }
}

enum Kind {
    Object,
    Other(&'static str),
}

/// Reads one value at `member`, recording what the paths through it find;
/// what no path names is skipped.
// Inlined into the member loops, so that a scalar (most members) costs no
// call; objects and arrays recurse through `read_container`.
#[inline(always)]
fn read_member<'a>(
    scanner: &mut Scanner<'a>,
    member: &Member,
    element: u16,
    body: &mut Body<'a>,
) -> Result<Kind, json::SyntaxError> {
    if member.whole {
        return read_whole(scanner, member, element, body);
    }
    let scalar = |body: &mut Body<'a>, value: Value, kind: &'static str| {
        if let Some(slot) = member.slot {
            body.record(slot, element, value);
        }
        Ok(Kind::Other(kind))
    };
    match scanner.start()? {
        start @ (Start::Object | Start::Array) => read_container(scanner, start, member, element, body),
        Start::String if member.slot.is_none() => {
            scanner.skip_string()?;
            Ok(Kind::Other("a string"))
        }
        Start::String => {
            let value = match scanner.string()? {
                json::Str::Raw { bytes, ascii } => body.raw(bytes, ascii),
                json::Str::Decoded(text) => body.unescaped(text),
            };
            scalar(body, value, "a string")
        }
        Start::Number => {
            let value = match scanner.number()? {
                Number::Uint(n) => Value::Uint(n),
                Number::Int(n) => Value::Int(n),
                Number::Float(n) => Value::Float(n),
                // Kept as written, as a string would be.
                Number::Big(written) => body.raw(written, true),
            };
            scalar(body, value, "a number")
        }
        Start::Null => {
            scanner.literal(Start::Null)?;
            Ok(Kind::Other("null"))
        }
        boolean => {
            scanner.literal(boolean)?;
            scalar(body, Value::Bool(boolean == Start::True), "a boolean")
        }
    }
}

/// [`read_member`] for a value kept whole.
#[inline(never)]
fn read_whole<'a>(
    scanner: &mut Scanner<'a>,
    member: &Member,
    element: u16,
    body: &mut Body<'a>,
) -> Result<Kind, json::SyntaxError> {
    let node = read_node(scanner, 1)?;
    let kind = node.kind();
    if let Some(slot) = member.slot
        && let Some(value) = body.value_of(&node, true)
    {
        body.record(slot, element, value);
    }
    body.record_within(member, element, &node);
    Ok(Kind::Other(kind))
}

/// [`read_member`] for the object or array that `start` saw.
#[inline(never)]
fn read_container<'a>(
    scanner: &mut Scanner<'a>,
    start: Start,
    member: &Member,
    element: u16,
    body: &mut Body<'a>,
) -> Result<Kind, json::SyntaxError> {
    if let Some(slot) = member.slot {
        body.record(slot, element, Value::NotKept);
    }
    scanner.enter()?;
    let mut first = true;
    if start == Start::Object {
        let mut seen = 0u64;
        while let Some(key) = scanner.next_key(&mut first)? {
            let children = member.children;
            let at = member.child_at(key.as_bytes()).filter(|&at| first_occurrence(&mut seen, at));
            match at.and_then(|at| children.get(at)) {
                Some(child) => {
                    read_member(scanner, child, element, body)?;
                }
                None => scanner.skip_value()?,
            }
        }
        return Ok(Kind::Object);
    }
    let mut at = 0;
    while scanner.next_element(&mut first)? {
        match member.items.filter(|_| at < MAX_ELEMENTS) {
            Some(each) => {
                read_member(scanner, each, at as u16, body)?;
            }
            None => scanner.skip_value()?,
        }
        at += 1;
    }
    Ok(Kind::Other("an array"))
}

// --- The body as a tree ---------------------------------------------------

/// How deep the reader keeps a body; deeper values are skipped (shapes'
/// paths are short) and nesting deeper than [`json::MAX_NESTING`] is an error.
const MAX_DEPTH: usize = 8;

/// A JSON value that borrows its strings from the body where it can.
#[derive(Debug, Clone)]
enum Node<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Uint(u64),
    Float(f64),
    Str(Cow<'a, str>),
    Array(Vec<Node<'a>>),
    Object(Vec<(Cow<'a, str>, Node<'a>)>),
    /// An object or array no path looks into, or deeper than [`MAX_DEPTH`].
    NotKept,
}

impl<'a> Node<'a> {
    fn kind(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool(_) => "a boolean",
            Node::Int(_) | Node::Uint(_) | Node::Float(_) => "a number",
            Node::Str(_) => "a string",
            Node::Array(_) => "an array",
            Node::Object(_) | Node::NotKept => "an object",
        }
    }

    /// A string or number as text, numbers written without allocating;
    /// anything else has none.
    fn scalar_text(&self) -> Option<ScalarText<'_>> {
        Some(match self {
            Node::Str(s) => ScalarText::Str(s.as_bytes()),
            Node::Int(n) => ScalarText::integer(*n < 0, n.unsigned_abs()),
            Node::Uint(n) => ScalarText::integer(false, *n),
            Node::Float(n) => ScalarText::number(n),
            _ => return None,
        })
    }

    /// Text for a message or id field: strings, numbers and booleans.
    fn text(&self) -> Option<Cow<'_, str>> {
        match self {
            Node::Bool(b) => Some(Cow::Borrowed(if *b { "true" } else { "false" })),
            Node::Str(s) => Some(Cow::Borrowed(s.as_ref())),
            other => other.scalar_text().map(ScalarText::into_string).map(Cow::Owned),
        }
    }
}

/// A scalar's text as bytes (a string's not yet checked as UTF-8); a
/// number is written into a small buffer, so reading a code allocates
/// nothing.
enum ScalarText<'a> {
    Str(&'a [u8]),
    Small { buf: [u8; 24], len: usize },
    Owned(String),
}

impl ScalarText<'_> {
    fn integer(negative: bool, magnitude: u64) -> Self {
        let mut buf = [0u8; 24];
        let mut at = buf.len();
        let mut rest = magnitude;
        loop {
            at -= 1;
            buf[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if negative {
            at -= 1;
            buf[at] = b'-';
        }
        buf.copy_within(at.., 0);
        ScalarText::Small { buf, len: buf.len() - at }
    }

    #[inline(never)]
    fn number(n: &dyn fmt::Display) -> Self {
        struct Buf {
            buf: [u8; 24],
            len: usize,
        }
        impl fmt::Write for Buf {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                let end = self.len + s.len();
                self.buf.get_mut(self.len..end).ok_or(fmt::Error)?.copy_from_slice(s.as_bytes());
                self.len = end;
                Ok(())
            }
        }
        let mut buf = Buf { buf: [0; 24], len: 0 };
        match fmt::write(&mut buf, format_args!("{n}")) {
            Ok(()) => ScalarText::Small { buf: buf.buf, len: buf.len },
            // Floats such as 1e300 print hundreds of digits.
            Err(_) => ScalarText::Owned(n.to_string()),
        }
    }

    fn as_bytes(&self) -> &[u8] {
        match self {
            ScalarText::Str(s) => s,
            ScalarText::Small { buf, len } => buf.get(..*len).unwrap_or_default(),
            ScalarText::Owned(s) => s.as_bytes(),
        }
    }

    /// The text, bytes that are not UTF-8 replaced.
    fn into_string(self) -> String {
        match self {
            ScalarText::Owned(s) => s,
            other => json::lossy(other.as_bytes()).into_owned(),
        }
    }
}

/// A whole value as a tree, `depth` levels down; deeper than
/// [`MAX_DEPTH`] it is skipped.
fn read_node<'a>(scanner: &mut Scanner<'a>, depth: usize) -> Result<Node<'a>, json::SyntaxError> {
    if depth > MAX_DEPTH {
        scanner.skip_value()?;
        return Ok(Node::NotKept);
    }
    let start = scanner.start()?;
    Ok(match start {
        Start::Object => {
            scanner.enter()?;
            // Error bodies have a handful of members: one allocation for them.
            let mut members = Vec::with_capacity(if depth == 0 { 8 } else { 4 });
            let mut first = true;
            while let Some(key) = scanner.next_key(&mut first)? {
                members.push((key.into_text(), read_node(scanner, depth + 1)?));
            }
            Node::Object(members)
        }
        Start::Array => {
            scanner.enter()?;
            let (mut items, mut first) = (Vec::new(), true);
            while scanner.next_element(&mut first)? {
                items.push(read_node(scanner, depth + 1)?);
            }
            Node::Array(items)
        }
        Start::String => Node::Str(scanner.string()?.into_text()),
        Start::Number => match scanner.number()? {
            Number::Uint(n) => Node::Uint(n),
            Number::Int(n) => Node::Int(n),
            Number::Float(n) => Node::Float(n),
            Number::Big(written) => Node::Str(json::lossy(written)),
        },
        Start::Null => {
            scanner.literal(start)?;
            Node::Null
        }
        boolean => {
            scanner.literal(boolean)?;
            Node::Bool(boolean == Start::True)
        }
    })
}

impl crate::body::ErrorMetadata for Response {
    fn code(&self) -> Option<Cow<'_, str>> {
        self.code_text()
    }
    fn message(&self) -> Option<&str> {
        Response::message(self)
    }
    fn request_id(&self) -> Option<&str> {
        self.request_id().or(self.instance()).or(self.reference())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_keep_order_and_drop_repeats_inline_and_spilled() {
        let entries: Vec<ErrorInfo> = crate::vonage::Messages::PRODUCT.entries().take(5).collect();
        let mut candidates = Candidates::NONE;
        assert!(candidates.as_slice().is_empty());
        for (i, &entry) in entries.iter().enumerate() {
            candidates.push(entry);
            candidates.push(entries[0]);
            assert_eq!(candidates.as_slice(), &entries[..=i]);
        }
        assert!(matches!(candidates, Candidates::Many(_)), "five spill past {FEW}");
    }
}
