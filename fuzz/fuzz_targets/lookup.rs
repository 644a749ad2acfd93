//! Any text as a code, a product id or a problem `type` URL: lookups never
//! panic, and what they find is the entry they were asked for.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for vendor in ["vonage", "sinch", "notificore", text] {
        for info in errors_runtime::lookup_vendor(vendor, text) {
            assert_eq!(info.vendor_id(), vendor);
        }
        let _ = errors_runtime::product(vendor, text);
        for product in ["messages", "verification", "api-v1", text] {
            let _ = errors_runtime::lookup(vendor, product, text);
        }
    }
    let _ = errors_runtime::from_problem_type(text);
    let _ = errors_runtime::CATALOG.match_problem_type(text);
    let _ = text.parse::<errors_runtime::RetryAfter>();
});
