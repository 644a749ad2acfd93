//! The cross-vendor taxonomy (`Category`, `Retry` and `Severity`), and
//! the `CodeType` of a product.
//!
//! `errcat-codegen` holds a byte-identical copy (`codegen/src/taxonomy.rs`,
//! checked by a test), so the catalog validator and the runtime agree on
//! the names without a dependency between them.

use core::fmt;
use core::ops::RangeInclusive;

/// The HTTP statuses an entry or a response can carry: RFC 9110's classes
/// 1xx to 5xx. Catalogs are checked against it, and the CLI's `--status`.
pub const HTTP_STATUSES: RangeInclusive<u16> = 100..=599;

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
    /// Every code type, in declaration order.
    pub const ALL: &'static [CodeType] = &[CodeType::Integer, CodeType::String, CodeType::None];

    /// The id used in catalogs: `"integer"`, `"string"` or `"none"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            CodeType::Integer => "integer",
            CodeType::String => "string",
            CodeType::None => "none",
        }
    }

    /// The code type with this id, if any.
    pub fn from_id(id: &str) -> Option<CodeType> {
        CodeType::ALL.iter().copied().find(|t| t.as_str() == id)
    }
}

/// What kind of failure an error is, the same across vendors.
///
/// Classify by asking, in this order, *what must change for the call to
/// succeed*:
///
/// 1. Nothing on the caller's side, the vendor failed or timed out:
///    [`Server`](Category::Server).
/// 2. The caller sends too much, too fast, or too many at once:
///    [`RateLimit`](Category::RateLimit). Quotas that reset with time count
///    here; a fixed cap on how many things an account may own is
///    [`Conflict`](Category::Conflict).
/// 3. Who the caller is: missing, wrong, expired or revoked credentials,
///    keys, tokens, signatures, auth headers:
///    [`Authentication`](Category::Authentication).
/// 4. What the caller may do: the account or application is suspended,
///    barred or not provisioned for the product, the IP is not allowed, a
///    feature is not enabled: [`Permission`](Category::Permission).
/// 5. Money: balance, credit, funds, prices: [`Billing`](Category::Billing).
/// 6. Policy rather than facts: regulation, sanctions, spam and fraud
///    filters, consent and opt-outs, registration duties such as 10DLC
///    vetting, carriers blocking traffic: [`Compliance`](Category::Compliance).
/// 7. The destination: the recipient's number or address is invalid,
///    unknown, unreachable, absent, deactivated or cannot receive this
///    channel: [`Recipient`](Category::Recipient). A number that is merely
///    malformed in the request is still `Recipient`: the fix is a different
///    destination, not a different request shape.
/// 8. The origin: sender ID, originator, from-number, brand or channel
///    account is invalid, unregistered or not the caller's:
///    [`Sender`](Category::Sender).
/// 9. The message itself: text empty or too long, encoding, template,
///    media: [`Content`](Category::Content).
/// 10. A referenced resource does not exist (or no longer exists):
///     [`NotFound`](Category::NotFound).
/// 11. The resource exists but its state forbids the action: already
///     exists, duplicate, in use, in a transitional state, a cap on owned
///     resources reached: [`Conflict`](Category::Conflict).
/// 12. Anything else the caller must fix in the request: malformed JSON,
///     missing or invalid parameters, wrong verb or headers, unsupported
///     operation: [`InvalidRequest`](Category::InvalidRequest).
/// 13. The vendor does not say: [`Unknown`](Category::Unknown).
///
/// The first rule that applies wins. New names may be added to this list;
/// existing ones are never renamed or removed.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
#[non_exhaustive]
pub enum Category {
    /// Credentials are missing, wrong, expired or revoked.
    Authentication,
    /// Authenticated, but not allowed to do this (suspended, not provisioned, IP not allowed).
    Permission,
    /// Balance, credit or payment.
    Billing,
    /// Too many requests, too fast or at once.
    RateLimit,
    /// The request is malformed or its parameters are invalid.
    InvalidRequest,
    /// A referenced resource does not exist.
    NotFound,
    /// The resource's state forbids the action (duplicate, in use, cap reached).
    Conflict,
    /// The destination number or address cannot receive the message.
    Recipient,
    /// The sender ID, originator, brand or channel account is not usable.
    Sender,
    /// The message body, template or media is not acceptable.
    Content,
    /// Regulation, consent, spam or fraud policy blocks the message.
    Compliance,
    /// The vendor failed; nothing is wrong with the request.
    Server,
    /// The vendor does not say what went wrong.
    #[default]
    Unknown,
}

impl Category {
    /// Every category, in declaration order.
    pub const ALL: &'static [Category] = &[
        Category::Authentication,
        Category::Permission,
        Category::Billing,
        Category::RateLimit,
        Category::InvalidRequest,
        Category::NotFound,
        Category::Conflict,
        Category::Recipient,
        Category::Sender,
        Category::Content,
        Category::Compliance,
        Category::Server,
        Category::Unknown,
    ];

    /// The id used in catalogs and JSON, e.g. `"rate-limit"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Category::Authentication => "authentication",
            Category::Permission => "permission",
            Category::Billing => "billing",
            Category::RateLimit => "rate-limit",
            Category::InvalidRequest => "invalid-request",
            Category::NotFound => "not-found",
            Category::Conflict => "conflict",
            Category::Recipient => "recipient",
            Category::Sender => "sender",
            Category::Content => "content",
            Category::Compliance => "compliance",
            Category::Server => "server",
            Category::Unknown => "unknown",
        }
    }

    /// The category with this id, if any.
    pub fn from_id(id: &str) -> Option<Category> {
        Category::ALL.iter().copied().find(|c| c.as_str() == id)
    }

    /// What the category means, in one line (the CLI and the reference
    /// show it).
    pub const fn summary(self) -> &'static str {
        match self {
            Category::Authentication => "credentials are missing, wrong or expired",
            Category::Permission => "authenticated, but not allowed to do this",
            Category::Billing => "balance, credit or payment",
            Category::RateLimit => "too many requests, too fast",
            Category::InvalidRequest => "the request is malformed or has invalid parameters",
            Category::NotFound => "a referenced resource does not exist",
            Category::Conflict => "the resource's state forbids the action",
            Category::Recipient => "the destination cannot receive the message",
            Category::Sender => "the sender ID, originator or brand is not usable",
            Category::Content => "the message body, template or media is not acceptable",
            Category::Compliance => "regulation, consent or spam policy blocks it",
            Category::Server => "the vendor failed",
            Category::Unknown => "the vendor does not say",
        }
    }

    /// The categories in the order of the rules above: the first that
    /// applies wins.
    pub const RULE_ORDER: &'static [Category] = &[
        Category::Server,
        Category::RateLimit,
        Category::Authentication,
        Category::Permission,
        Category::Billing,
        Category::Compliance,
        Category::Recipient,
        Category::Sender,
        Category::Content,
        Category::NotFound,
        Category::Conflict,
        Category::InvalidRequest,
    ];

    /// The words that show a rule applies, for classifying a whole vendor
    /// dictionary at once (`errcat import` does, through
    /// [`classify`](Self::classify)). Each is matched as a substring,
    /// without ASCII case. People reviewing a catalog overrule them.
    pub const fn signals(self) -> &'static [&'static str] {
        match self {
            Category::Server => &[
                "internal error",
                "internal server error",
                "server error",
                "system error",
                "service unavailable",
                "temporarily unavailable",
                "currently unavailable",
                "timed out",
                "timeout",
                "try again later",
                "upstream",
                "gateway",
                "internal failure",
                "internal issue",
                "network error",
                "carrier error",
                "downstream",
                "congestion",
                "dns resolution",
                "degraded",
                "service error",
                "generic error",
                "internal twilio error",
                "transient",
                "degradation",
                "connection error",
                "transport error",
                "shutdown",
            ],
            Category::RateLimit => &[
                "rate limit",
                "rate-limit",
                "ratelimit",
                "too many requests",
                "too many concurrent",
                "throttl",
                "queue overflow",
                "queue is full",
                "concurrency",
                "quota",
                "per second",
                "limit exceeded",
                "exceeded authorized limit",
                "attempts reached",
                "too many attempts",
                "too fast",
                "concurrent",
            ],
            Category::Authentication => &[
                "authenticat",
                "credential",
                "auth token",
                "api key",
                "signature",
                "unauthori",
                "password",
                "access token",
                "invalid token",
                "expired token",
                "token expired",
                "authorization failed",
                "expired session",
                "session expired",
            ],
            Category::Permission => &[
                "permission",
                "not permitted",
                "forbidden",
                "suspended",
                "not enabled",
                "disabled",
                "not provisioned",
                "access denied",
                "trial account",
                "unverified",
                "not allowed",
                "not authorized",
                "not active",
                "legal hold",
                "account is closed",
                "has been closed",
                "cannot be used",
                "not been enabled",
                "cannot access",
                "denied",
                "no valid account",
                "not been set up",
            ],
            Category::Billing => &["balance", "credit", "funds", "payment", "billing", "insufficient", "pricing"],
            Category::Compliance => &[
                "blocked",
                "blacklist",
                "blocklist",
                "opt out",
                "opt-out",
                "opted out",
                "unsubscribed",
                "consent",
                "spam",
                "fraud",
                "compliance",
                "regulat",
                "10dlc",
                "a2p",
                "filtered",
                "prohibited",
                "sanction",
                "identity document",
                "regulatory",
                "bundle",
                "do not call",
                "dnc",
            ],
            Category::Recipient => &[
                "'to'",
                "to number",
                "to phone number",
                "called number",
                "called phone number",
                "recipient",
                "destination",
                "unreachable",
                "handset",
                "landline",
                "not a mobile",
                "cannot receive",
                "subscriber",
                "busy",
                "did not answer",
                "no answer",
                "declined",
                "callee",
                "not attached",
                "other end",
                "uninstalled",
                "unregistered",
                "not registered",
                "decline",
            ],
            Category::Sender => &[
                "'from'",
                "from number",
                "from phone number",
                "from address",
                "sender",
                "caller id",
                "callerid",
                "originator",
                "short code",
                "alphanumeric",
            ],
            Category::Content => &[
                "message body",
                "sms body",
                "body is required",
                "empty body",
                "media",
                "content",
                "template",
                "too long",
                "message length",
                "characters",
                "encoding",
                "unicode",
                "attachment",
                "image",
                "emoji",
            ],
            Category::NotFound => &[
                "not found",
                "does not exist",
                "doesn't exist",
                "no longer exists",
                "not exist",
                "could not find",
                "cannot find",
                "unknown sid",
                "deleted",
                "no available",
                "not available",
                "were found",
                "could not be found",
                "no match",
                "no target",
                "could not recognize",
                "no longer",
            ],
            Category::Conflict => &[
                "already",
                "duplicate",
                "in use",
                "conflict",
                "limit reached",
                "maximum number of",
                "in progress",
                "locked",
                "limit has been reached",
                "reached",
                "maximum",
                "final closed state",
                "mismatch",
                "does not allow",
                "cannot mutate",
                "is full",
                "pending deletion",
                "can only be",
                "linked to",
                "still has",
                "dependencies",
                "reserved",
                "not a member",
                "not member",
                "does not belong",
                "not associated",
                "not owned",
                "not related",
                "collision",
                "cancel",
                "approaching",
                "over the limit",
                "exceeded max",
            ],
            Category::InvalidRequest => &[
                "invalid",
                "missing",
                "required",
                "malformed",
                "parse",
                "parameter",
                "bad request",
                "must be",
                "must not",
                "unsupported",
                "not supported",
                "format",
                "syntax",
                "illegal",
                "incorrect",
                "cannot be",
                "exceeds",
                "validation",
                "not provided",
                "not specified",
                "is absent",
                "not valid",
                "out of range",
                "too large",
                "too small",
                "not set",
                "expected",
                "does not support",
                "no supported",
                "json",
                "url",
                "configuration",
                "configured",
                "should be",
                "should not",
                "can not",
                "cannot",
                "only one",
                "must contain",
                "not a number",
                "empty",
                "greater or equal",
                "too big",
                "too old",
                "deprecated",
                "non-supported",
                "too many",
                "certificate",
                "expired",
                "callback",
                "webhook",
                "refused",
            ],
            Category::Unknown => &[],
        }
    }

    /// The category the [`signals`](Self::signals) give `texts`: each text
    /// in turn (a title, then a description, then causes), and within one
    /// text the first category in [`RULE_ORDER`](Self::RULE_ORDER) with a
    /// signal in it. `None` when no text has any.
    pub fn classify<'t>(texts: impl IntoIterator<Item = &'t str>) -> Option<Category> {
        fn contains(text: &str, word: &str) -> bool {
            let (text, word) = (text.as_bytes(), word.as_bytes());
            !word.is_empty() && text.windows(word.len()).any(|window| window.eq_ignore_ascii_case(word))
        }
        texts.into_iter().find_map(|text| {
            Category::RULE_ORDER.iter().copied().find(|c| c.signals().iter().any(|word| contains(text, word)))
        })
    }

    /// The advice that applies when an entry does not set its own `retry`.
    ///
    /// | category | default |
    /// |---|---|
    /// | `authentication`, `permission`, `billing`, `invalid-request`, `sender`, `content` | [`Retry::AfterFix`] |
    /// | `rate-limit`, `server`, `unknown` | [`Retry::Backoff`] |
    /// | `not-found`, `conflict`, `recipient`, `compliance` | [`Retry::Never`] |
    pub const fn default_retry(self) -> Retry {
        match self {
            Category::Authentication
            | Category::Permission
            | Category::Billing
            | Category::InvalidRequest
            | Category::Sender
            | Category::Content => Retry::AfterFix,
            Category::RateLimit | Category::Server | Category::Unknown => Retry::Backoff,
            Category::NotFound | Category::Conflict | Category::Recipient | Category::Compliance => Retry::Never,
        }
    }

    /// The category an HTTP status implies on its own, for responses whose
    /// code the catalog does not know. Its retry advice is the category's
    /// [`default_retry`](Self::default_retry). This is the one place errcat
    /// reads meaning into HTTP statuses:
    ///
    /// | status | category |
    /// |---|---|
    /// | 401, 407 | `authentication` |
    /// | 402 | `billing` |
    /// | 403 | `permission` |
    /// | 404, 410 | `not-found` |
    /// | 409 | `conflict` |
    /// | 408, 500..=599 | `server` |
    /// | 429 | `rate-limit` |
    /// | any other 400..=499 | `invalid-request` |
    /// | anything else (1xx, 2xx, 3xx, out of range) | none |
    pub const fn from_http_status(status: u16) -> Option<Category> {
        Some(match status {
            401 | 407 => Category::Authentication,
            402 => Category::Billing,
            403 => Category::Permission,
            404 | 410 => Category::NotFound,
            409 => Category::Conflict,
            408 | 500..=599 => Category::Server,
            429 => Category::RateLimit,
            400..=499 => Category::InvalidRequest,
            _ => return None,
        })
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Parses the id [`Display`](fmt::Display) writes: `"rate-limit"`.
impl core::str::FromStr for Category {
    type Err = UnknownTaxonomyId;

    fn from_str(id: &str) -> Result<Category, UnknownTaxonomyId> {
        Category::from_id(id).ok_or(UnknownTaxonomyId { kind: "category" })
    }
}

/// Whether sending the same request again can succeed.
///
/// Each [`Category`] has a default ([`Category::default_retry`]); a catalog
/// entry overrides it when the vendor's text says otherwise, e.g. an absent
/// subscriber is a `recipient` error whose advice is [`Later`](Retry::Later).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug)]
#[non_exhaustive]
pub enum Retry {
    /// Retrying cannot help: the outcome is final for this request and
    /// destination (unknown number, resource gone, duplicate, policy block).
    Never,
    /// Retry only after the caller changes something: credentials, balance,
    /// account settings or the payload.
    AfterFix,
    /// The same request may succeed soon: retry with exponential backoff
    /// (throttling, timeouts, vendor trouble). Seconds to minutes.
    Backoff,
    /// A temporary condition at the far end (absent subscriber, handset off,
    /// full inbox, carrier outage): retry on a slow schedule, minutes to
    /// hours, or let the vendor's own retry policy run.
    Later,
}

impl Retry {
    /// Every advice, in declaration order.
    pub const ALL: &'static [Retry] = &[Retry::Never, Retry::AfterFix, Retry::Backoff, Retry::Later];

    /// The id used in catalogs and JSON, e.g. `"after-fix"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Retry::Never => "never",
            Retry::AfterFix => "after-fix",
            Retry::Backoff => "backoff",
            Retry::Later => "later",
        }
    }

    /// The advice with this id, if any.
    pub fn from_id(id: &str) -> Option<Retry> {
        Retry::ALL.iter().copied().find(|r| r.as_str() == id)
    }

    /// What the advice means, in one line (the CLI and the reference show
    /// it).
    pub const fn summary(self) -> &'static str {
        match self {
            Retry::Never => "retrying cannot help: the outcome is final for this request",
            Retry::AfterFix => "retry only after changing something: credentials, balance, settings or payload",
            Retry::Backoff => "the same request may succeed soon: retry with exponential backoff",
            Retry::Later => "a temporary condition at the far end: retry on a slow schedule, minutes to hours",
        }
    }

    /// `true` for [`Backoff`](Retry::Backoff) and [`Later`](Retry::Later):
    /// the unchanged request may succeed.
    pub const fn is_retryable(self) -> bool {
        matches!(self, Retry::Backoff | Retry::Later)
    }
}

impl fmt::Display for Retry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Parses the id [`Display`](fmt::Display) writes: `"after-fix"`.
impl core::str::FromStr for Retry {
    type Err = UnknownTaxonomyId;

    fn from_str(id: &str) -> Result<Retry, UnknownTaxonomyId> {
        Retry::from_id(id).ok_or(UnknownTaxonomyId { kind: "retry advice" })
    }
}

/// Whether an entry is an error or a warning.
///
/// A warning reports something the vendor noticed while the request still
/// went through (Twilio logs these with `log_level` `WARNING`); an error
/// means the request, or part of it, failed.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
#[non_exhaustive]
pub enum Severity {
    /// The request, or part of it, failed.
    #[default]
    Error,
    /// The request went through; the vendor reports a problem anyway.
    Warning,
}

impl Severity {
    /// Every severity, in declaration order.
    pub const ALL: &'static [Severity] = &[Severity::Error, Severity::Warning];

    /// The id used in catalogs and JSON: `"error"` or `"warning"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// The severity with this id, if any.
    pub fn from_id(id: &str) -> Option<Severity> {
        Severity::ALL.iter().copied().find(|s| s.as_str() == id)
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Parses the id [`Display`](fmt::Display) writes: `"warning"`.
impl core::str::FromStr for Severity {
    type Err = UnknownTaxonomyId;

    fn from_str(id: &str) -> Result<Severity, UnknownTaxonomyId> {
        Severity::from_id(id).ok_or(UnknownTaxonomyId { kind: "severity" })
    }
}

/// A text that is not the id of a [`Category`], a [`Retry`] or a
/// [`Severity`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownTaxonomyId {
    kind: &'static str,
}

impl fmt::Display for UnknownTaxonomyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a {} id", self.kind)
    }
}

impl core::error::Error for UnknownTaxonomyId {}
