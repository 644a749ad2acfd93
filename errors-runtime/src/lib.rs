//! Typed, documented error codes of messaging APIs.
//!
//! Vonage, Sinch, Notificore and others answer failures with codes
//! (`"invalid-api-key"`, `1020`, `"40001"`, `"conversation:error:not-found"`)
//! or only a message. This crate makes each one a variant of an enum that
//! knows what happened, how to fix it, its HTTP status, a cross-vendor
//! [`Category`] and whether a [`Retry`] can help.
//!
//! # From a response to a decision
//!
//! With the `response` feature, `response::Reader` reads the bytes, HTTP
//! status and `Retry-After` of any bundled vendor's response into one value
//! with a category and retry decision (see its module docs). The body types
//! of `body` (feature `serde`) are the building blocks:
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use errors_runtime::body::VonageProblem;
//! use errors_runtime::{Category, Retry, vonage};
//!
//! // What Vonage sent back, as `application/problem+json`.
//! let body = r#"{
//!     "type": "https://developer.vonage.com/api-errors#rate-limited",
//!     "title": "Rate Limited",
//!     "detail": "You have exceeded your rate limit. You can try again at YYYY-MM-DD HH:mm:ss",
//!     "instance": "797a8f199c45014ab7b08bfe9cc1c12c"
//! }"#;
//! let problem: VonageProblem = serde_json::from_str(body).unwrap();
//!
//! let decision = match problem.entry() {
//!     Some(error) if error.retry().is_retryable() => "retry with backoff",
//!     Some(error) if error.category() == Category::Authentication => "fix the credentials",
//!     Some(_) => "give up and report",
//!     None => "unknown problem type: log it, then give up",
//! };
//! assert_eq!(decision, "retry with backoff");
//!
//! // The same entry, typed:
//! let typed = vonage::General::from_info(problem.entry().unwrap());
//! assert_eq!(typed, Some(vonage::General::RateLimited));
//! assert_eq!(typed.unwrap().retry(), Retry::Backoff);
//! assert_eq!(typed.unwrap().http_status(), Some(429));
//! # }
//! ```
//!
//! # Codes you already have
//!
//! ```
//! use errors_runtime::{Category, ErrorCode, Retry, vonage};
//!
//! let error: vonage::Messages = "1020".parse()?;
//! assert_eq!(error, vonage::Messages::InvalidParams);
//! assert_eq!(error.category(), Category::InvalidRequest);
//! assert_eq!(error.retry(), Retry::AfterFix);
//! assert_eq!(
//!     error.to_string(),
//!     "Vonage Messages API, code 1020: The value of one or more parameters is invalid."
//! );
//!
//! // Generic code works across vendors through the `ErrorCode` trait.
//! fn log_line<E: ErrorCode>(error: E) -> String {
//!     format!("{}/{} {} ({})", error.vendor_id(), error.product_id(), error.code(), error.category())
//! }
//! assert_eq!(log_line(error), "vonage/messages 1020 (invalid-request)");
//!
//! // When only the vendor is known, search all of its products.
//! assert_eq!(errors_runtime::lookup_vendor("vonage", "invalid-json").count(), 4);
//! # Ok::<(), errors_runtime::UnknownCode>(())
//! ```
//!
//! # What is in the crate
//!
//! * A module per vendor ([`vonage`], [`sinch`], [`notificore`]) and an enum
//!   per product. Each enum has `ALL`, `from_code`, `FromStr`, `code()`,
//!   `title()`, `description()`, `resolution()`, `http_status()`,
//!   `category()`, `retry()`, `docs_url()`, `info()`, `from_info()`,
//!   `Display`, `Debug` and `Error`; numeric products also `from_u32` and
//!   `TryFrom<u32>`. Enums are `#[non_exhaustive]`: new codes are not
//!   breaking changes.
//! * [`ErrorCode`], the trait they all implement, and [`ErrorInfo`], a
//!   small `Copy` handle to the record behind every variant.
//! * Catalog-wide lookups: [`lookup`], [`lookup_vendor`], [`product`],
//!   [`from_problem_type`], [`products`].
//! * [`Category`] and [`Retry`], whose docs hold the classification rules.
//! * With the `serde` feature, `body`: the vendors' error bodies; with
//!   `response`, `response`: whole responses, read by the shapes each
//!   vendor's catalog declares ([`ResponseShape`]).
//! * [`RetryAfter`]: the `Retry-After` header, in both of its forms.
//! * With `serde`, `Serialize`/`Deserialize` for [`Category`], [`Retry`],
//!   [`Code`] (a number or a borrowed string), [`ErrorInfo`] and every
//!   product enum (as its code); with `http`,
//!   `ErrorInfo::status_code`, `Category::from_status_code` and a
//!   reader that takes an `http::Response`.
//!
//! Lookups by code are perfect-hash probes (problem-type URLs scan the
//! handful of products that have a template): every lookup takes
//! any input, allocates nothing, and answers `None` (or [`UnknownCode`]) for
//! what it does not know. The crate has no dependencies (serde is optional), no `unsafe`, and
//! is `no_std` without its default `std` feature.
//!
//! The enums are generated from the TOML catalogs of the errcat repository;
//! [`reference`](mod@reference) lists every entry, as the catalogs' Markdown reference does.

#![no_std]
#![cfg_attr(docsrs, feature(doc_cfg))]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "serde")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

// Generated code names this crate by its full path, so it compiles
// unchanged both here and in crates that generate their own catalogs.
extern crate self as errors_runtime;

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub mod body;
mod catalog;
mod code;
#[cfg(feature = "response")]
mod form;
mod hash;
#[cfg(feature = "http")]
mod http_impls;
mod info;
#[cfg(feature = "response")]
mod json;
// codegen's copy encodes with what this one decodes.
#[allow(dead_code)]
mod layout;
mod names;
mod problem_url;
#[cfg(feature = "response")]
#[cfg_attr(docsrs, doc(cfg(feature = "response")))]
pub mod response;
mod retry_after;
#[cfg(feature = "serde")]
mod serde_impls;
mod shape;
mod support;
mod taxonomy;

#[rustfmt::skip]
mod generated;

/// The Markdown reference of every bundled entry (`docs/error-reference.md`,
/// which the build keeps up to date), as text (feature `reference`).
#[cfg(feature = "reference")]
pub const REFERENCE: &str = include_str!("../../docs/error-reference.md");

// Documentation only (`cfg(doc)`): every entry of the bundled catalogs,
// `docs/error-reference.md`, which the build keeps up to date.
#[cfg(doc)]
#[doc = include_str!("../../docs/error-reference.md")]
pub mod reference {}

pub use catalog::{Catalog, ProblemTemplate, ProblemTypeMatch, VendorMatches};
pub use code::ErrorCode;
pub use generated::*;
pub use info::{Code, Entries, EntrySources, ErrorInfo, ProductInfo, RustPath, Source, UnknownCode, VendorInfo};
pub use retry_after::{InvalidRetryAfter, RetryAfter};
pub use shape::{CodeKind, Member, Path, ResponseShape, WALK};
pub use taxonomy::{Category, CodeType, HTTP_STATUSES, Retry, Severity, UnknownTaxonomyId};

/// Every product of every vendor in the bundled catalogs, sorted by vendor
/// and product id.
pub fn products() -> &'static [&'static ProductInfo] {
    CATALOG.products()
}

/// The product with these catalog ids, e.g. `("vonage", "messages")`.
pub fn product(vendor: &str, product: &str) -> Option<&'static ProductInfo> {
    CATALOG.product(vendor, product)
}

/// The entry with this code in one product, e.g.
/// `lookup("vonage", "general", "invalid-api-key")`. Numeric codes are
/// written in decimal (`"1020"`); message-only products take the message.
pub fn lookup(vendor: &str, product: &str, code: &str) -> Option<ErrorInfo> {
    CATALOG.lookup(vendor, product, code)
}

/// Every entry of `vendor` with this code, across its products, in product
/// order. Use it when the product is unknown: Vonage's `invalid-json`, for
/// one, exists in four products.
///
/// ```
/// let products: Vec<&str> = errors_runtime::lookup_vendor("vonage", "invalid-json")
///     .map(|e| e.product_id())
///     .collect();
/// assert_eq!(products, ["10dlc", "general", "number-pools", "whatsapp-provisioning"]);
/// ```
pub fn lookup_vendor(vendor: &str, code: &str) -> VendorMatches {
    CATALOG.lookup_vendor(vendor, code)
}

/// The entry an RFC 7807 problem `type` URL names; see
/// [`Catalog::from_problem_type`].
///
/// ```
/// use errors_runtime::vonage;
///
/// let info = errors_runtime::from_problem_type(
///     "https://developer.vonage.com/api-errors/account/secret-management#validation",
/// )
/// .unwrap();
/// assert_eq!(vonage::SecretManagement::from_info(info), Some(vonage::SecretManagement::Validation));
/// assert!(errors_runtime::from_problem_type("https://example.com/Error#out-of-credit").is_none());
/// ```
pub fn from_problem_type(url: &str) -> Option<ErrorInfo> {
    CATALOG.from_problem_type(url)
}

/// What generated code is built from: the table layout, the index types
/// and the constructors behind the catalog's values. Not part of the API;
/// it changes with the layout, and generated code checks
/// `__private::LAYOUT` so that a runtime and an `errcat-codegen` that
/// disagree fail to compile with a message that says so.
#[doc(hidden)]
pub mod __private {
    pub use crate::catalog::{CatalogData, CodeIndex, PairIndex};
    pub use crate::info::{ProductData, VendorData};
    pub use crate::layout::VERSION as LAYOUT;
    pub use crate::support::*;
    use crate::{Catalog, ErrorInfo, ProductInfo, UnknownCode, VendorInfo};

    /// A vendor, from its data.
    pub const fn vendor(data: VendorData) -> VendorInfo {
        VendorInfo::new(data)
    }

    /// A product, from its data.
    pub const fn product(data: ProductData) -> ProductInfo {
        ProductInfo::new(data)
    }

    /// A catalog, from its data.
    pub const fn catalog(data: CatalogData) -> Catalog {
        Catalog::new(data)
    }

    /// The body paths of a catalog's shapes, as the reader's tree.
    pub const fn members(catalog: &Catalog) -> &'static crate::Member {
        catalog.members()
    }

    /// The entry at `position` of `product`.
    #[inline]
    pub const fn error_info(product: &'static ProductInfo, position: u32) -> ErrorInfo {
        ErrorInfo::at(product, position)
    }

    /// `input` is not a code of `product`.
    pub fn unknown_code(product: &'static ProductInfo, input: &str) -> UnknownCode {
        UnknownCode::new(product, input)
    }

    /// The numeric `code` is not a code of `product`.
    pub fn unknown_u32(product: &'static ProductInfo, code: u32) -> UnknownCode {
        UnknownCode::from_u32(product, code)
    }
}
