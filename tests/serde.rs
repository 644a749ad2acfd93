//! The `serde` feature: taxonomy ids, codes, product enums as their codes
//! and entries as vendor/product/code, each round-tripping through JSON.
#![cfg(feature = "serde")]

use errors_runtime::{Category, ErrorCode, ErrorInfo, Retry, notificore, sinch, vonage};

#[test]
fn taxonomy_is_written_as_its_ids() {
    assert_eq!(serde_json::to_string(&Category::RateLimit).unwrap(), r#""rate-limit""#);
    assert_eq!(serde_json::to_string(&Retry::AfterFix).unwrap(), r#""after-fix""#);
    for &category in Category::ALL {
        let json = serde_json::to_string(&category).unwrap();
        assert_eq!(serde_json::from_str::<Category>(&json).unwrap(), category);
    }
    for &retry in Retry::ALL {
        let json = serde_json::to_string(&retry).unwrap();
        assert_eq!(serde_json::from_str::<Retry>(&json).unwrap(), retry);
    }
    let error = serde_json::from_str::<Category>(r#""Rate-Limit""#).unwrap_err().to_string();
    assert!(error.contains("a category id such as `rate-limit`"), "{error}");
}

#[test]
fn product_enums_are_written_as_their_codes() {
    assert_eq!(serde_json::to_string(&vonage::Messages::InvalidParams).unwrap(), "1020");
    assert_eq!(serde_json::to_string(&sinch::Verification::ParameterValidation).unwrap(), "40001");
    let general = vonage::General::from_code("unauthorized").unwrap();
    assert_eq!(serde_json::to_string(&general).unwrap(), r#""unauthorized""#);
    assert_eq!(serde_json::from_str::<vonage::Messages>("1020").unwrap(), vonage::Messages::InvalidParams);
    assert_eq!(serde_json::from_str::<vonage::Messages>(r#""1020""#).unwrap(), vonage::Messages::InvalidParams);
    let error = serde_json::from_str::<vonage::Messages>("1").unwrap_err().to_string();
    assert!(error.contains("no entry `1` in `errors_runtime::vonage::Messages`"), "{error}");
    // Every variant of every product round-trips.
    fn round_trip<E: ErrorCode + serde::Serialize + serde::de::DeserializeOwned + std::fmt::Debug>() {
        for &variant in E::all() {
            let json = serde_json::to_string(&variant).unwrap();
            assert_eq!(serde_json::from_str::<E>(&json).unwrap(), variant, "{json}");
        }
    }
    round_trip::<vonage::Messages>();
    round_trip::<vonage::Conversation>();
    round_trip::<sinch::Verification>();
    round_trip::<notificore::ApiV1>();
    round_trip::<notificore::ApiV2>();
}

#[test]
fn entries_are_written_as_vendor_product_and_code() {
    let info = vonage::Messages::InvalidParams.info();
    let json = serde_json::to_string(&info).unwrap();
    assert_eq!(json, r#"{"vendor":"vonage","product":"messages","code":1020}"#);
    assert_eq!(serde_json::from_str::<ErrorInfo>(&json).unwrap(), info);
    assert_eq!(serde_json::to_string(&info.code()).unwrap(), "1020");
    for product in errors_runtime::products() {
        for entry in product.entries() {
            let json = serde_json::to_string(&entry).unwrap();
            assert_eq!(serde_json::from_str::<ErrorInfo>(&json).unwrap(), entry, "{json}");
        }
    }
    let missing = serde_json::from_str::<ErrorInfo>(r#"{"vendor":"vonage","product":"messages","code":1}"#);
    assert!(missing.unwrap_err().to_string().contains("no entry `1` in `vonage/messages`"));
}
