//! The `http` feature: status codes both ways, and the reader taking an
//! `http::Response`.
#![cfg(feature = "http")]

use errors_runtime::{Category, vonage};

#[test]
fn status_codes_convert_both_ways() {
    let info = vonage::General::from_code("unauthorized").unwrap().info();
    assert_eq!(info.status_code(), Some(http::StatusCode::UNAUTHORIZED));
    assert_eq!(Category::from_status_code(http::StatusCode::TOO_MANY_REQUESTS), Some(Category::RateLimit));
    assert_eq!(Category::from_status_code(http::StatusCode::OK), None);
    let error: Box<dyn std::error::Error + Send + Sync> = Box::new(info);
    assert!(error.to_string().starts_with("Vonage Generic Errors, code unauthorized: "));
}

#[cfg(feature = "response")]
#[test]
fn the_reader_takes_an_http_response() {
    use errors_runtime::Retry;
    use errors_runtime::response::{DecidedBy, Reader};
    // A code the catalog does not know, so the status and Retry-After decide.
    let response = http::Response::builder()
        .status(http::StatusCode::SERVICE_UNAVAILABLE)
        .header(http::header::RETRY_AFTER, "120")
        .body(br#"{"type":"https://developer.vonage.com/api-errors#brand-new","title":"New"}"#.to_vec())
        .unwrap();
    let read = Reader::new().vendor("vonage").read_response(&response).unwrap();
    assert_eq!(
        (read.category(), read.retry(), read.decided_by()),
        (Category::Server, Retry::Backoff, DecidedBy::HttpStatus)
    );
    assert_eq!(read.http_status(), Some(503));
    assert_eq!(read.retry_after_delay(), Some(std::time::Duration::from_secs(120)));
}
