//! Any bytes, with any vendor, status and `Retry-After`: the reader never
//! panics, and whatever it reads can be shown.
#![no_main]

use errors_runtime::response::Reader;
use libfuzzer_sys::fuzz_target;

const VENDORS: [Option<&str>; 4] = [None, Some("vonage"), Some("sinch"), Some("notificore")];

fuzz_target!(|input: &[u8]| {
    let Some((&selector, body)) = input.split_first() else { return };
    let status = u16::from(selector) * 3;
    let retry_after = std::str::from_utf8(body.get(..8).unwrap_or_default()).unwrap_or("");
    let mut reader = Reader::new().http_status(status).retry_after(retry_after);
    if let Some(vendor) = VENDORS[usize::from(selector % 4)] {
        reader = reader.vendor(vendor);
    }
    match reader.read(body) {
        Ok(response) => {
            let _ = (response.to_string(), response.code_text(), response.entry(), response.decision());
            let _ = (response.request_id(), response.instance(), response.reference(), response.invalid_parameters());
        }
        Err(error) => {
            let _ = (error.to_string(), error.decision());
        }
    }
});
