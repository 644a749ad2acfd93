//! Lookups take any input and answer `None`/`Err`, never panic.

use errors_runtime::{ErrorCode, products};
use proptest::prelude::*;

fn probe_everything(input: &str) {
    for product in products() {
        let _ = product.find(input);
        let _ = errors_runtime::lookup(product.vendor.id, product.id, input);
    }
    let _ = errors_runtime::lookup(input, input, input);
    let _ = errors_runtime::lookup_vendor(input, input).count();
    let _ = errors_runtime::lookup_vendor("vonage", input).count();
    let _ = input.parse::<errors_runtime::vonage::General>();
    let _ = input.parse::<errors_runtime::vonage::Messages>();
    let _ = input.parse::<errors_runtime::notificore::ApiV2>();
    if let Err(e) = input.parse::<errors_runtime::sinch::Verification>() {
        assert!(input.starts_with(e.input()), "the error keeps a prefix of the input");
        let _ = e.to_string();
    }
}

#[test]
fn edge_inputs() {
    let huge = "x".repeat(1 << 20);
    let huge_digits = "9".repeat(1 << 20);
    let multibyte = "ü".repeat(100);
    for input in [
        "",
        " ",
        "\0",
        "-1",
        "0",
        "00",
        "4294967296",
        "18446744073709551616",
        &huge,
        &huge_digits,
        &multibyte,
        "🙂",
        "invalid-api-key\0",
    ] {
        probe_everything(input);
    }
    let err = multibyte.parse::<errors_runtime::vonage::General>().unwrap_err();
    assert!(err.is_truncated());
    assert!(err.input().len() <= 64 && multibyte.starts_with(err.input()));
    assert_eq!(errors_runtime::vonage::General::from_code(&huge), None);
}

proptest! {
    #[test]
    fn arbitrary_strings(input in any::<String>()) {
        probe_everything(&input);
    }

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
        probe_everything(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn arbitrary_integers(n in any::<u32>()) {
        for product in products() {
            let by_number = product.find_u32(n).map(|i| i as *const _);
            let by_text = product.find(&n.to_string()).map(|i| i as *const _);
            if product.code_type == errors_runtime::CodeType::Integer {
                prop_assert_eq!(by_number, by_text);
            }
        }
        let _ = errors_runtime::sinch::Verification::try_from(n);
        let _ = errors_runtime::vonage::Messages::from_u32(n);
    }

    #[test]
    fn code_like_strings(input in "[a-z:-]{0,40}|[0-9]{0,12}") {
        for product in products() {
            if let Some(info) = product.find(&input) {
                prop_assert!(info.code.to_string() == input || info.description == input);
            }
        }
    }
}

#[test]
fn generic_entry_point_via_trait() {
    fn describe<E: ErrorCode>(code: &str) -> Option<String> {
        E::from_code(code).map(|e| format!("{}/{} {}", e.vendor_id(), e.product_id(), e.retry()))
    }
    assert_eq!(describe::<errors_runtime::vonage::General>("throttled").as_deref(), Some("vonage/general backoff"));
    assert_eq!(describe::<errors_runtime::vonage::General>("nope"), None);
}
