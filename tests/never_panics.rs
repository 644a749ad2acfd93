//! Lookups take any input and answer `None`/`Err`, never panic.

use errors_runtime::__private::{Index, Records, StrIndex};
use errors_runtime::{CodeType, ErrorCode, ProductInfo, VendorInfo, products};
use proptest::prelude::*;

fn probe_everything(input: &str) {
    for product in products() {
        let _ = product.find(input);
        let _ = errors_runtime::lookup(product.vendor().id(), product.id(), input);
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
            let by_number = product.find_u32(n);
            let by_text = product.find(&n.to_string());
            if product.code_type() == errors_runtime::CodeType::Integer {
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
                prop_assert!(info.code().to_string() == input || info.description() == input);
            }
        }
    }
}

static VENDOR: VendorInfo = errors_runtime::__private::vendor(errors_runtime::__private::VendorData {
    id: "v",
    name: "V",
    docs_url: None,
    responses: &[],
    problem_hosts: &[],
    products: &[],
});

fn leak<T: ?Sized>(value: Box<T>) -> &'static T {
    Box::leak(value)
}

proptest! {
    /// A record handle reads its product's columns with bounds checks: even
    /// columns that disagree with each other give absent values, never a panic.
    #[test]
    fn inconsistent_records_never_panic(
        text in ".{0,24}",
        ends in "[0-9a-fA-Fz]{0,40}",
        end_digits in 0u8..20,
        codes in proptest::collection::vec(any::<u32>(), 0..4),
        http_status in proptest::collection::vec(any::<u16>(), 0..4),
        class in proptest::collection::vec(any::<u8>(), 0..4),
        masks in proptest::collection::vec(any::<u8>(), 0..4),
        source_count in 0usize..3,
        code_type in 0usize..3,
        position in 0u32..6,
    ) {
        let code_type = [CodeType::Integer, CodeType::String, CodeType::None][code_type];
        let records = Records {
            text: leak(text.into_boxed_str()),
            ends: leak(ends.into_boxed_str()),
            end_digits,
            codes: leak(codes.into_boxed_slice()),
            http_status: leak(http_status.into_boxed_slice()),
            class: leak(class.into_boxed_slice()),
            sources: leak(masks.into_boxed_slice()),
        };
        let sources = [
            errors_runtime::__private::source("a", "https://a.test", "2026-01-01"),
            errors_runtime::__private::source("b", "https://b.test", "2026-01-02"),
        ];
        let product: &'static ProductInfo = leak(Box::new(errors_runtime::__private::product(errors_runtime::__private::ProductData {
            vendor: &VENDOR,
            id: "p",
            name: "P",
            code_type,
            docs_url: None,
            problem_type: None,
            problem_templates: &[],
            aliases: &[],
            rust_path: "p::P",
            sources: leak(sources[..source_count].to_vec().into_boxed_slice()),
            records,
            index: Index::Str(&StrIndex::EMPTY),
        })));
        let handles = product.entries().chain([errors_runtime::__private::error_info(product, position)]);
        for info in handles {
            let shown = format!("{info} {info:?} {}", info.rust_path());
            prop_assert!(shown.contains(info.name()));
            let _ = (info.code(), info.title(), info.resolution(), info.http_status());
            let _ = (info.category(), info.retry(), info.docs_url());
            prop_assert!(info.sources().count() <= source_count);
        }
        prop_assert_eq!(product.entries().len(), product.len());
        prop_assert!(product.entry(product.len()).is_none());
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
