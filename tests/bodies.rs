//! Every JSON error body shown in the vendors' seed pages deserializes and
//! resolves to the right entry (feature `serde`). The bodies are copied
//! from the pages, with the pages' rendering artefacts removed.
#![cfg(feature = "serde")]

use errors_runtime::body::{NotificoreError, RawCode, SinchError, VonageProblem};
use errors_runtime::{notificore, sinch, vonage};

/// Vonage problem bodies from the HTTP status page: (product, code, body).
const VONAGE: &[(&str, &str, &str)] = &[
    (
        "general",
        "invalid-json",
        r#"{"type": "https://developer.vonage.com/api-errors#invalid-json", "title": "Malformed JSON", "detail": "Malformed JSON payload.", "instance": "f94b4e56604e07e5e5ad5a7228618f81"}"#,
    ),
    (
        "general",
        "unauthorized",
        r#"{"type": "https://developer.vonage.com/api-errors#unauthorized", "title": "Invalid credentials supplied", "detail": "You did not provide correct credentials.", "instance": "797a8f199c45014ab7b08bfe9cc1c12c"}"#,
    ),
    (
        "secret-management",
        "maximum-secrets-allowed",
        r#"{"type": "https://developer.vonage.com/api-errors/account/secret-management#maximum-secrets-allowed", "title": "Maxmimum number of secrets already met", "detail": "This account has reached maximum number of '2' allowed secrets", "instance": "797a8f199c45014ab7b08bfe9cc1c12c"}"#,
    ),
    (
        "general",
        "invalid-api-key",
        r#"{"type": "https://developer.vonage.com/api-errors#invalid-api-key", "title": "Invalid API Key", "detail": "API key 'ABC123' does not exist, or you do not have access", "instance": "797a8f199c45014ab7b08bfe9cc1c12c"}"#,
    ),
    (
        "general",
        "wrong-verb",
        r#"{"type": "https://developer.vonage.com/api-errors#wrong-verb", "title": "Request method not allowed", "detail": "Request method 'OPTIONS' not supported", "instance": "797a8f199c45014ab7b08bfe9cc1c12c"}"#,
    ),
    (
        "general",
        "accept-header",
        r#"{"type": "https://developer.vonage.com/api-errors#accept-header", "title": "Invalid Accept header", "detail": "Invalid Accept header provided. Must be one of the following: 'application/json'", "instance": "797a8f199c45014ab7b08bfe9cc1c12c"}"#,
    ),
    (
        "general",
        "conflict",
        r#"{"type": "https://developer.vonage.com/api-errors#conflict", "title": "Conflict", "detail": "This resource cannot be updated once the job has started running", "instance": "797a8f199c45014ab7b08bfe9cc1c12c"}"#,
    ),
    (
        "general",
        "gone",
        r#"{"type": "https://developer.vonage.com/api-errors#gone", "title": "Gone", "detail": "The resource at this location no longer exists", "instance": "797a8f199c45014ab7b08bfe9cc1c12c"}"#,
    ),
    (
        "general",
        "content-type-header",
        r#"{"type": "https://developer.vonage.com/api-errors#content-type-header", "title": "Invalid Content-Type header", "detail": "Invalid Content-Type header provided. Must be one of the following: 'application/json'", "instance": "797a8f199c45014ab7b08bfe9cc1c12c"}"#,
    ),
    (
        "secret-management",
        "validation",
        r#"{"type": "https://developer.vonage.com/api-errors/account/secret-management#validation", "title": "Bad Request", "detail": "The request failed due to validation errors", "invalid_parameters": [{"name": "secret", "reason": "must contain 1 upper case character"}], "instance": "797a8f199c45014ab7b08bfe9cc1c12c"}"#,
    ),
    (
        "general",
        "rate-limited",
        r#"{"type": "https://developer.vonage.com/api-errors#rate-limited", "title": "Rate Limited", "detail": "You have exceeded your rate limit. You can try again at YYYY-MM-DD HH:mm:ss", "instance": "797a8f199c45014ab7b08bfe9cc1c12c"}"#,
    ),
];

/// Sinch bodies: (documented code, code in the body, body). Where the page
/// contradicts itself the body carries another code; its status name still
/// identifies the documented entry.
const SINCH: &[(u32, u32, &str)] = &[
    (
        40001,
        40001,
        r#"{"status": "400 ParameterValidation", "errorCode": 40001, "message": "Supplied SMS code invalid format / The SMS code is not valid. Maximum 10 characters. Valid characters: A-Z, a-z, 0-9, '-'"}"#,
    ),
    (
        40002,
        40002,
        r#"{"status": "400 MissingParameter", "errorCode": 40002, "message": "Endpoint parameter is missing."}"#,
    ),
    (40003, 40003, r#"{"status": "400 InvalidRequest", "errorCode": 40003, "message": "Phone number invalid"}"#),
    (
        40005,
        40002,
        r#"{"status": "400 NumberMissingLeadingPlus", "errorCode": 40002, "message": "Phone number missing leading plus sign"}"#,
    ),
    (
        40100,
        40100,
        r#"{"status": "401 AuthorizationHeader", "errorCode": 40100, "message": "Invalid authorization header"}"#,
    ),
    (40101, 40101, r#"{"status": "401 AuthorizationHeader", "errorCode": 40101, "message": "X-Timestamp required"}"#),
    (40102, 40102, r#"{"status": "401 InvalidSignature", "errorCode": 40102, "message": "Invalid signature"}"#),
    (
        40104,
        40104,
        r#"{"status": "401 AuthorizationRequired", "errorCode": 40104, "message": "Authorization required"}"#,
    ),
    (40107, 40107, r#"{"status": "401 InvalidAuthorization", "errorCode": 40107, "message": "Invalid authorization"}"#),
    (40200, 40200, r#"{"status": "402 PaymentRequired", "errorCode": 40200, "message": "Not enough credit"}"#),
    (
        40300,
        40300,
        r#"{"status": "403 ForbiddenRequest", "errorCode": 40300, "message": "Seamless not available / Seamless verification not available for given destination"}"#,
    ),
    (
        40303,
        40303,
        r#"{"status": "401 RestrictedAction", "errorCode": 40303, "message": "No verification method available"}"#,
    ),
    (
        40400,
        40400,
        r#"{"status": "404 ResourceNotFound", "errorCode": 40400, "message": "Requested resource not found"}"#,
    ),
    (40900, 40900, r#"{"status": "409 RequestConflict", "errorCode": 40900, "message": "Reference already defined"}"#),
    (
        42200,
        42200,
        r#"{"status": "422 ApplicationConfiguration", "errorCode": 42200, "message": "Application name has not been configured"}"#,
    ),
    (42201, 42201, r#"{"status": "422 Unavailable", "errorCode": 42201, "message": "Destination denied"}"#),
    (42900, 42900, r#"{"status": "429 CapacityExceeded", "errorCode": 42900, "message": "Request capacity exceeded"}"#),
    (
        42901,
        42901,
        r#"{"status": "429 VelocityConstraint", "errorCode": 42901, "message": "Cannot initiate verification to the same number too quickly"}"#,
    ),
    (
        50000,
        50000,
        r#"{"status": "500 InternalError", "errorCode": 50000, "message": "General error; try submitting request again"}"#,
    ),
    (
        50300,
        50500,
        r#"{"status": "503 TemporaryDown", "errorCode": 50500, "message": "Service temporarily unavailable"}"#,
    ),
    (
        50301,
        50301,
        r#"{"status": "503 ConfigurationError", "errorCode": 50301, "message": "Server configuration error; please contact support"}"#,
    ),
];

#[test]
fn vonage_examples_resolve() {
    assert_eq!(VONAGE.len(), 11);
    for (product, code, body) in VONAGE {
        let problem: VonageProblem = serde_json::from_str(body).expect(body);
        let info = problem.entry().unwrap_or_else(|| panic!("{body} did not resolve"));
        assert_eq!((info.product_id(), info.code().as_str()), (*product, Some(*code)), "{body}");
        assert_eq!(problem.code(), Some(*code));
        assert!(problem.title.is_some() && problem.detail.is_some() && problem.instance.is_some());
    }
}

#[test]
fn vonage_typed_variants_and_extensions() {
    let (_, _, body) = VONAGE.iter().find(|(_, c, _)| *c == "validation").unwrap();
    let problem: VonageProblem = serde_json::from_str(body).unwrap();
    let validation = vonage::SecretManagement::from_info(problem.entry().unwrap());
    assert_eq!(validation, Some(vonage::SecretManagement::Validation));
    assert_eq!(problem.invalid_parameters.len(), 1);
    assert_eq!(problem.invalid_parameters[0].name, "secret");
    assert_eq!(problem.invalid_parameters[0].reason, "must contain 1 upper case character");
    let (_, _, body) = VONAGE.iter().find(|(_, c, _)| *c == "invalid-api-key").unwrap();
    let problem: VonageProblem = serde_json::from_str(body).unwrap();
    assert_eq!(vonage::General::from_info(problem.entry().unwrap()), Some(vonage::General::InvalidApiKey));
    assert_eq!(vonage::Messages::from_info(problem.entry().unwrap()), None, "another product's record");
}

#[test]
fn vonage_unknown_type_is_kept() {
    // The pages' own illustration uses a type no catalog has.
    let body = r#"{"type": "https://example.com/Error#out-of-credit", "title": "You do not have enough credit", "detail": "Your current balance is 30, but that costs 50.", "instance": "<trace_id>"}"#;
    let problem: VonageProblem = serde_json::from_str(body).unwrap();
    assert_eq!(problem.entry(), None);
    assert_eq!(problem.code(), Some("out-of-credit"));
    assert_eq!(problem.detail.as_deref(), Some("Your current balance is 30, but that costs 50."));
    let minimal: VonageProblem = serde_json::from_str("{}").unwrap();
    assert_eq!(minimal.type_url, "about:blank");
    assert_eq!(minimal.entry(), None);
}

#[test]
fn sinch_examples_resolve() {
    assert_eq!(SINCH.len(), 21, "every Sinch example body");
    for (documented, _, body) in SINCH {
        let error: SinchError = serde_json::from_str(body).expect(body);
        let code = error.code().unwrap_or_else(|| panic!("{body} did not resolve"));
        assert_eq!(code.code().as_u32(), Some(*documented), "{body}");
        let status: u16 = error.status.as_deref().unwrap()[..3].parse().unwrap();
        // 40303's body says 401, the page lists it under 403 (see its catalog note).
        if *documented != 40303 {
            assert_eq!(code.http_status(), Some(status), "{body}");
        }
    }
    // The page's contradictions: 40005 and 50300 show another code in their bodies.
    let discrepancies: Vec<(u32, u32)> = SINCH.iter().filter(|(d, s, _)| d != s).map(|(d, s, _)| (*d, *s)).collect();
    assert_eq!(discrepancies, [(40005, 40002), (50300, 50500)]);
    // Without the status name, the code decides.
    let bare: SinchError = serde_json::from_str(r#"{"errorCode":40002}"#).unwrap();
    assert_eq!(bare.code(), Some(sinch::Verification::MissingParameter));
    assert!(sinch::Verification::from_u32(40005).is_some() && sinch::Verification::from_u32(50300).is_some());
}

#[test]
fn sinch_unknown_and_string_codes_are_kept() {
    let body = r#"{"status":"400 Whatever","errorCode":"49999","message":"new","reference":"r-1"}"#;
    let error: SinchError = serde_json::from_str(body).unwrap();
    assert_eq!(error.code(), None);
    assert_eq!(error.error_code, Some(RawCode::Text("49999".into())));
    assert_eq!(error.reference.as_deref(), Some("r-1"));
    let as_string: SinchError = serde_json::from_str(r#"{"errorCode":"40001"}"#).unwrap();
    assert_eq!(as_string.code(), Some(sinch::Verification::ParameterValidation));
    let huge: SinchError = serde_json::from_str(r#"{"errorCode":18446744073709551615}"#).unwrap();
    assert_eq!(huge.code(), None);
    assert_eq!(huge.error_code, Some(RawCode::Text("18446744073709551615".into())));
}

#[test]
fn notificore_example_resolves() {
    let body = r#"{"error":"40","errorDescription":"Message not found"}"#;
    let error: NotificoreError = serde_json::from_str(body).unwrap();
    let info = error.entry().expect("code 40 is catalogued");
    assert_eq!(notificore::ApiV1::from_info(info).and_then(|e| e.code().as_u32()), Some(40));
    let numeric: NotificoreError = serde_json::from_str(r#"{"error":40}"#).unwrap();
    assert_eq!(numeric.entry(), Some(info));
    let unknown: NotificoreError = serde_json::from_str(r#"{"error":"999","errorDescription":"brand new"}"#).unwrap();
    assert_eq!(unknown.entry(), None);
    assert_eq!(unknown.error_description.as_deref(), Some("brand new"));
    let v2: NotificoreError = serde_json::from_str(r#"{"error":"Campaign not found"}"#).unwrap();
    assert_eq!(v2.entry().map(|i| i.product_id()), Some("api-v2"));
}

mod never_fail_on_unknown {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn arbitrary_codes_and_texts(code in any::<i64>(), text in any::<String>()) {
            let sinch = serde_json::json!({"errorCode": code, "message": text});
            let parsed: SinchError = serde_json::from_value(sinch).unwrap();
            let _ = parsed.entry();
            let sinch = serde_json::json!({"errorCode": text.clone(), "status": text.clone()});
            let _ = serde_json::from_value::<SinchError>(sinch).unwrap().entry();
            let vonage = serde_json::json!({"type": text.clone(), "detail": text.clone()});
            let _ = serde_json::from_value::<VonageProblem>(vonage).unwrap().entry();
            let notificore = serde_json::json!({"error": text.clone(), "errorDescription": text});
            let _ = serde_json::from_value::<NotificoreError>(notificore).unwrap().entry();
            let notificore = serde_json::json!({"error": code});
            let _ = serde_json::from_value::<NotificoreError>(notificore).unwrap().entry();
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
            let _ = serde_json::from_slice::<VonageProblem>(&bytes);
            let _ = serde_json::from_slice::<SinchError>(&bytes);
            let _ = serde_json::from_slice::<NotificoreError>(&bytes);
        }
    }
}
