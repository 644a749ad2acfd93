//! Every bundled entry round-trips through every lookup.

use errors_runtime::{Code, CodeType, ErrorCode, products};

/// The key an entry is found by.
fn key(info: &errors_runtime::ErrorInfo) -> String {
    match info.code {
        Code::Integer(n) => n.to_string(),
        Code::String(s) => s.to_owned(),
        _ => info.description.to_owned(),
    }
}

#[test]
fn every_entry_is_found_by_its_code() {
    let mut total = 0;
    for product in products() {
        assert!(!product.entries.is_empty(), "{} has no entries", product.rust_path);
        for (position, info) in product.entries.iter().enumerate() {
            let key = key(info);
            assert_eq!(product.position(&key), Some(position), "{} {key:?}", product.rust_path);
            assert!(std::ptr::eq(product.find(&key).unwrap(), info));
            let found = errors_runtime::lookup(product.vendor.id, product.id, &key).expect("dynamic lookup");
            assert!(std::ptr::eq(found, info));
            assert!(errors_runtime::lookup_vendor(product.vendor.id, &key).any(|e| std::ptr::eq(e, info)));
            if let Code::Integer(n) = info.code {
                assert_eq!(product.code_type, CodeType::Integer);
                assert_eq!(product.position_u32(n), Some(position), "numeric lookup disagrees for {n}");
            }
            total += 1;
        }
    }
    assert!(total > 300, "only {total} entries");
}

/// Code → variant → code, `FromStr` agreeing with `from_code`, and the
/// numeric lookup agreeing with the string lookup, for every enum.
fn round_trip<E: ErrorCode + std::str::FromStr + std::fmt::Debug>() -> usize {
    for (position, &variant) in E::all().iter().enumerate() {
        let info = variant.info();
        assert!(std::ptr::eq(info, &E::PRODUCT.entries[position]), "ALL order differs from the table order");
        let key = key(info);
        assert_eq!(E::from_code(&key), Some(variant), "{key:?}");
        assert_eq!(key.parse::<E>().ok(), Some(variant));
        assert_eq!(format!("{variant:?}"), info.name);
        if let Code::Integer(n) = variant.code() {
            assert_eq!(E::PRODUCT.find_u32(n).map(|i| i.name), Some(info.name));
        }
        assert_eq!(variant.vendor_id(), E::PRODUCT.vendor.id);
    }
    E::all().len()
}

#[test]
fn every_enum_round_trips() {
    use errors_runtime::{notificore, sinch, vonage};
    let mut n = 0;
    n += round_trip::<notificore::ApiV1>();
    n += round_trip::<notificore::ApiV2>();
    n += round_trip::<sinch::Verification>();
    n += round_trip::<vonage::TenDlc>();
    n += round_trip::<vonage::Conversation>();
    n += round_trip::<vonage::General>();
    n += round_trip::<vonage::Messages>();
    n += round_trip::<vonage::Redact>();
    n += round_trip::<vonage::Reports>();
    n += round_trip::<vonage::SecretManagement>();
    n += round_trip::<vonage::Sms>();
    n += round_trip::<vonage::Subaccounts>();
    n += round_trip::<vonage::TrafficControl>();
    n += round_trip::<vonage::VerifyV2>();
    n += round_trip::<vonage::WhatsappProvisioning>();
    let all: usize = products().iter().map(|p| p.entries.len()).sum();
    assert_eq!(n, all, "an enum is missing from this test");
}

#[test]
fn numeric_enums_agree_with_u32_lookups() {
    use errors_runtime::{notificore::ApiV1, sinch::Verification, vonage::Messages};
    for &v in Messages::ALL {
        let n = v.code().as_u32().unwrap();
        assert_eq!(Messages::from_u32(n), Some(v));
        assert_eq!(Messages::try_from(n), Ok(v));
        assert_eq!(Messages::from_code(&n.to_string()), Messages::from_u32(n));
    }
    for n in 0..100_000u32 {
        assert_eq!(Verification::from_u32(n), Verification::from_code(&n.to_string()));
        assert_eq!(ApiV1::from_u32(n), ApiV1::from_code(&n.to_string()));
    }
}

#[test]
fn the_vendors_codes_resolve() {
    use errors_runtime::{Category, Retry, notificore, sinch, vonage};
    assert_eq!(vonage::General::from_code("invalid-api-key"), Some(vonage::General::InvalidApiKey));
    assert_eq!(vonage::Messages::from_code("1020"), Some(vonage::Messages::InvalidParams));
    assert_eq!(
        vonage::Messages::InvalidParams.info().rust_path().to_string(),
        "errors_runtime::vonage::Messages::InvalidParams"
    );
    assert_eq!(
        vonage::Conversation::from_code("conversation:error:not-found").map(|e| e.category()),
        Some(Category::NotFound)
    );
    assert_eq!(sinch::Verification::from_u32(40001).map(|e| e.http_status()), Some(Some(400)));
    assert_eq!(notificore::ApiV1::from_code("40").map(|e| e.retry()), Some(Retry::Never));
    assert_eq!(errors_runtime::lookup_vendor("vonage", "invalid-json").count(), 3);
}
