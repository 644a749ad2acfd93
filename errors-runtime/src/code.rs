//! The trait every generated product enum implements.

use core::fmt::{Debug, Display};
use core::hash::Hash;

use crate::{Category, Code, ErrorInfo, ProductInfo, Retry};

/// An error code of one vendor product, e.g. [`vonage::Messages`](crate::vonage::Messages).
///
/// Every generated enum implements it, so code that handles several vendors
/// can be written once:
///
/// ```
/// use errors_runtime::{ErrorCode, Retry};
///
/// fn should_retry<E: ErrorCode>(error: E) -> bool {
///     error.retry().is_retryable()
/// }
///
/// let throttled = errors_runtime::vonage::Messages::from_code("1000").unwrap();
/// assert!(should_retry(throttled));
/// assert_eq!(throttled.retry(), Retry::Backoff);
/// ```
///
/// The enums also have inherent methods of the same names, so calling them
/// needs no import of this trait.
pub trait ErrorCode: Copy + Eq + Ord + Hash + Debug + Display + Send + Sync + 'static {
    /// The product these codes belong to.
    const PRODUCT: &'static ProductInfo;

    /// Every code, in declaration order.
    fn all() -> &'static [Self];

    /// The catalog record of this code.
    fn info(self) -> ErrorInfo;

    /// The code with this value (or, for message-only products, message).
    fn from_code(code: &str) -> Option<Self>;

    /// The vendor's catalog id, e.g. `"vonage"`.
    fn vendor_id(self) -> &'static str {
        Self::PRODUCT.vendor().id()
    }

    /// The product's catalog id, e.g. `"messages"`.
    fn product_id(self) -> &'static str {
        Self::PRODUCT.id()
    }

    /// The code as the vendor sends it.
    fn code(self) -> Code<'static> {
        self.info().code()
    }

    /// A short title, as the vendor writes it.
    fn title(self) -> Option<&'static str> {
        self.info().title()
    }

    /// What happened, in the vendor's words.
    fn description(self) -> &'static str {
        self.info().description()
    }

    /// How to fix it, in the vendor's words.
    fn resolution(self) -> Option<&'static str> {
        self.info().resolution()
    }

    /// The HTTP status the error travels with, where documented.
    fn http_status(self) -> Option<u16> {
        self.info().http_status()
    }

    /// The cross-vendor category.
    fn category(self) -> Category {
        self.info().category()
    }

    /// Whether a retry can help.
    fn retry(self) -> Retry {
        self.info().retry()
    }

    /// A page about this error, or else about its product or vendor.
    fn docs_url(self) -> Option<&'static str> {
        self.info().docs_url()
    }
}
