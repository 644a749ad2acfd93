//! Typed, documented error codes of messaging APIs.
//!
//! Every vendor is a module, every product an enum, every error code a
//! variant that knows what happened, how to fix it, its HTTP status, its
//! cross-vendor [`Category`] and whether a [`Retry`] can help.
//!
//! ```
//! use errors_runtime::{Category, Retry, vonage};
//!
//! let error: vonage::Messages = "1020".parse()?;
//! assert_eq!(error, vonage::Messages::InvalidParams);
//! assert_eq!(error.category(), Category::InvalidRequest);
//! assert_eq!(error.retry(), Retry::AfterFix);
//! println!("{error}"); // Vonage Messages API error 1020: The value of one or more parameters is invalid.
//! # Ok::<(), errors_runtime::UnknownCode>(())
//! ```
//!
//! Lookups are perfect-hash tables: they take any input, allocate nothing
//! and answer `None` for unknown codes. The crate has no dependencies and is
//! `no_std` without its default `std` feature.
//!
//! The enums are generated from the TOML catalogs in the errcat repository;
//! they are `#[non_exhaustive]`, so new codes are not breaking changes.

#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[cfg(feature = "std")]
extern crate std;

// Generated code names this crate by its full path, so it compiles
// unchanged both here and in crates that generate their own catalogs.
extern crate self as errors_runtime;

mod code;
#[doc(hidden)]
pub mod hash;
mod info;
pub mod support;
mod taxonomy;

#[rustfmt::skip]
mod generated;

pub use code::ErrorCode;
pub use generated::*;
pub use info::{Code, CodeType, ErrorInfo, ProductInfo, RustPath, UnknownCode, VendorInfo};
pub use taxonomy::{Category, Retry};

/// Every product of every vendor in the bundled catalogs, sorted by vendor
/// and product id.
pub fn products() -> &'static [&'static ProductInfo] {
    generated::PRODUCTS
}

/// The product with these catalog ids, e.g. `("vonage", "messages")`.
pub fn product(vendor: &str, product: &str) -> Option<&'static ProductInfo> {
    generated::PRODUCTS.iter().copied().find(|p| p.vendor.id == vendor && p.id == product)
}

/// The entry with this code in one product, e.g.
/// `lookup("vonage", "general", "invalid-api-key")`.
pub fn lookup(vendor: &str, product: &str, code: &str) -> Option<&'static ErrorInfo> {
    crate::product(vendor, product)?.find(code)
}

/// Every entry of `vendor` with this code, across its products, in product
/// order. Useful when the product is unknown: some codes exist in several.
pub fn lookup_vendor<'a>(vendor: &'a str, code: &'a str) -> impl Iterator<Item = &'static ErrorInfo> + 'a {
    generated::PRODUCTS.iter().filter(move |p| p.vendor.id == vendor).filter_map(move |p| p.find(code))
}
