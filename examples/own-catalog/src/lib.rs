//! A private catalog (`catalog/`) compiled into this crate by `build.rs`.

/// This crate's vendors' error codes.
pub mod errors {
    include!(concat!(env!("OUT_DIR"), "/errcat.rs"));
}

use errors_runtime::{ErrorCode, Retry};

/// Whether a failed send to Acme should be retried as is.
pub fn should_retry(code: &str) -> bool {
    errors::acme::Sms::from_code(code).is_some_and(|e| e.retry() == Retry::Backoff)
}

/// A log line for any catalogued error, ours or errcat's.
pub fn log_line<E: ErrorCode>(error: E) -> String {
    format!("[{}/{}] {} → {}", error.vendor_id(), error.product_id(), error.code(), error.retry())
}
