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

#[test]
fn codes_round_trip_borrowing_from_the_input() {
    use errors_runtime::Code;
    let message_only = notificore::ApiV2::ALL[0];
    let codes = [
        vonage::Messages::InvalidParams.code(),
        vonage::General::from_code("unauthorized").unwrap().code(),
        message_only.code(),
    ];
    assert!(matches!(codes[2], Code::Message(_)), "{:?}", codes[2]);
    for code in codes {
        let json = serde_json::to_string(&code).unwrap();
        let back: Code<'_> = serde_json::from_str(&json).unwrap();
        // The same lookup key; a message reads back as a string code.
        assert_eq!(back.to_string(), code.to_string(), "{json}");
        match code {
            Code::Message(text) => assert_eq!(back, Code::String(text)),
            _ => assert_eq!(back, code),
        }
    }
    assert_eq!(serde_json::to_string(&codes[0]).unwrap(), "1020");
    // In a user's own struct, borrowing from the body.
    #[derive(serde::Deserialize)]
    struct Logged<'a> {
        #[serde(borrow)]
        code: Code<'a>,
    }
    let body = String::from(r#"{"code": "conversation:error:not-allowed"}"#);
    let logged: Logged<'_> = serde_json::from_str(&body).unwrap();
    assert_eq!(logged.code, Code::String("conversation:error:not-allowed"));
    assert_eq!(vonage::Conversation::from_code(&logged.code.to_string()).map(|c| c.code()), Some(logged.code));
    // Out of range, wrong type, or a string that cannot be borrowed: clear errors.
    for (bad, expected) in [
        ("4294967296", "a code: a number from 0 to 4294967295"),
        ("-1", "a code: a number from 0 to 4294967295"),
        ("true", "invalid type: boolean"),
        (r#""a\"b""#, "invalid type: string"),
    ] {
        let error = serde_json::from_str::<Code<'_>>(bad).unwrap_err().to_string();
        assert!(error.contains(expected), "{bad}: {error}");
    }
}
