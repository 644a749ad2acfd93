//! `errors_runtime::response` (feature `response`): shapes, URL forms,
//! detection, decisions and `Retry-After`. The bodies are real unless a
//! test says otherwise; `tests/responses/` names their sources.
#![cfg(feature = "response")]

use core::time::Duration;

use errors_runtime::response::{DecidedBy, ReadErrorKind, Reader, Response};
use errors_runtime::{Category, CodeKind, Member, Path, ResponseShape, Retry, RetryAfter, sinch, vonage};
use proptest::prelude::*;

fn read(vendor: Option<&str>, status: Option<u16>, body: &str) -> Response {
    let mut reader = Reader::new();
    if let Some(vendor) = vendor {
        reader = reader.vendor(vendor);
    }
    if let Some(status) = status {
        reader = reader.http_status(status);
    }
    reader.read(body.as_bytes()).unwrap_or_else(|e| panic!("{body}: {e}"))
}

fn entry_path(response: &Response) -> Option<String> {
    response.entry().map(|e| e.rust_path().to_string())
}

#[test]
fn sms_status_zero_is_success_and_never_an_entry() {
    // vonage-python-sdk tests/data/sms/send_message.json (shape)
    let body = r#"{"message-count":"1","messages":[{"to":"447700900000","message-id":"0A0000000123ABCD1","status":"0","remaining-balance":"3.14159265","message-price":"0.03330000","network":"12345"}]}"#;
    let response = read(None, Some(200), body);
    assert!(response.is_success());
    assert_eq!(response.vendor().id(), "vonage");
    assert_eq!(response.product().map(|p| p.id()), Some("sms"));
    assert_eq!(response.entry(), None);
    assert_eq!(response.request_id(), Some("0A0000000123ABCD1"));
    assert_eq!((response.retry(), response.decided_by()), (Retry::Never, DecidedBy::Default));
    assert_eq!(response.to_string(), "Vonage SMS API: success");
}

#[test]
fn sms_partial_failure_reports_the_failed_part() {
    let body =
        r#"{"message-count":"2","messages":[{"status":"0","message-id":"a"},{"status":"1","error-text":"Throttled"}]}"#;
    let response = read(Some("vonage"), Some(200), body);
    assert!(!response.is_success());
    assert_eq!(entry_path(&response).as_deref(), Some("errors_runtime::vonage::Sms::Throttled"));
    assert_eq!(response.message(), Some("Throttled"));
    assert_eq!(response.request_id(), None, "the failed part has no message-id");
    assert_eq!((response.category(), response.retry()), (Category::RateLimit, Retry::Backoff));
}

#[test]
fn unknown_codes_are_decided_by_the_http_status_then_by_the_default() {
    let body = r#"{"type":"https://developer.vonage.com/api-errors#brand-new","title":"New"}"#;
    let cases = [
        (Some(429), Category::RateLimit, Retry::Backoff, DecidedBy::HttpStatus),
        (Some(401), Category::Authentication, Retry::AfterFix, DecidedBy::HttpStatus),
        (Some(503), Category::Server, Retry::Backoff, DecidedBy::HttpStatus),
        (Some(200), Category::Unknown, Retry::Backoff, DecidedBy::Default),
        (None, Category::Unknown, Retry::Backoff, DecidedBy::Default),
    ];
    for (status, category, retry, by) in cases {
        let response = read(None, status, body);
        assert_eq!(response.entry(), None);
        assert_eq!(response.product().map(|p| p.id()), Some("general"));
        assert_eq!(response.code_text().as_deref(), Some("brand-new"));
        assert_eq!((response.category(), response.retry(), response.decided_by()), (category, retry, by), "{status:?}");
    }
    // A known code is decided by the catalog, whatever the status says.
    let known = read(None, Some(500), r#"{"type":"https://developer.vonage.com/api-errors#rate-limited","title":"x"}"#);
    assert_eq!((known.category(), known.decided_by()), (Category::RateLimit, DecidedBy::Catalog));
}

#[test]
fn retry_after_in_both_forms() {
    let body = br#"{"type":"https://developer.vonage.com/api-errors#rate-limited","title":"Rate Limited"}"#;
    let seconds = Reader::new().http_status(429).retry_after("120").read(body).unwrap();
    assert_eq!(seconds.retry_after(), Some(RetryAfter::Seconds(120)));
    assert_eq!(seconds.retry_after_delay_from(0), Some(Duration::from_secs(120)));
    let date = Reader::new().retry_after("Wed, 21 Oct 2015 07:28:00 GMT").read(body).unwrap();
    assert_eq!(date.retry_after_delay_from(1_445_412_470), Some(Duration::from_secs(10)));
    assert_eq!(date.retry_after_delay(), Some(Duration::ZERO), "that date is long past");
    let junk = Reader::new().retry_after("soon").read(body).unwrap();
    assert_eq!(junk.retry_after(), None);
}

#[test]
fn every_observed_problem_type_form_resolves() {
    let cases = [
        // slash before the fragment (api-specification messages.yml, vonage-php-sdk-core)
        ("https://developer.nexmo.com/api-errors/#low-balance", "errors_runtime::vonage::General::LowBalance"),
        // www. host (vonage-ruby-sdk), and the verify path of Verify v2
        (
            "https://www.developer.vonage.com/api-errors/verify#invalid-code",
            "errors_runtime::vonage::VerifyV2::InvalidCode",
        ),
        // the Messages spec's own name
        (
            "https://developer.vonage.com/api-errors/messages-olympus#1000",
            "errors_runtime::vonage::Messages::Throttled",
        ),
        // a language segment and a doubled segment
        (
            "https://developer.vonage.com/en/api-errors/api-errors/messages#1020",
            "errors_runtime::vonage::Messages::InvalidParams",
        ),
        // the vendor's misspelling, declared as an alias
        ("https://developer.nexmo.com/api-errors/#unathorized", "errors_runtime::vonage::General::Unauthorized"),
        // products that had no template before
        (
            "https://developer.nexmo.com/api-errors/10dlc#brand-conflict",
            "errors_runtime::vonage::TenDlc::BrandConflict",
        ),
        ("https://developer.nexmo.com/api-errors/reports#rate-limit", "errors_runtime::vonage::Reports::RateLimit"),
        (
            "https://developer.nexmo.com/api-errors/whatsapp-provisioning#number-in-use",
            "errors_runtime::vonage::WhatsappProvisioning::NumberInUse",
        ),
        ("https://developer.nexmo.com/api-errors/account/subaccounts#invalid-parameters", ""),
    ];
    for (url, path) in cases {
        let body = format!(r#"{{"type":"{url}","title":"t"}}"#);
        let response = read(None, None, &body);
        assert_eq!(response.vendor().id(), "vonage", "{url}");
        if path.is_empty() {
            assert_eq!(response.product().map(|p| p.id()), Some("subaccounts"), "{url}");
        } else {
            assert_eq!(entry_path(&response).as_deref(), Some(path), "{url}");
            assert_eq!(
                errors_runtime::from_problem_type(url).map(|e| e.rust_path().to_string()).as_deref(),
                Some(path)
            );
        }
    }
    // Another host is not Vonage's, whatever its path.
    assert!(errors_runtime::from_problem_type("https://example.com/api-errors#low-balance").is_none());
    assert!(
        errors_runtime::from_problem_type("https://developer.vonage.com.evil.example/api-errors#low-balance").is_none()
    );
}

#[test]
fn string_aliases_work_for_typed_and_catalog_lookups() {
    assert_eq!(vonage::General::from_code("unathorized"), Some(vonage::General::Unauthorized));
    assert_eq!(errors_runtime::lookup("vonage", "general", "rate-limit").map(|e| e.name()), Some("RateLimited"));
    assert_eq!(vonage::General::from_code("unauthorized"), Some(vonage::General::Unauthorized));
}

#[test]
fn detection_tells_look_alike_bodies_apart() {
    let cases = [
        // Sinch Numbers (google.rpc), not Notificore's `error`.
        (r#"{"error":{"code":404,"message":"","status":"NOT_FOUND","details":[]}}"#, "sinch"),
        // Sinch Number Lookup problem, not Vonage's.
        (
            r#"{"type":"https://developers.sinch.com/docs/lookup/api/errors/validation","title":"Validation error","status":400,"traceId":"84c1fd4063"}"#,
            "sinch",
        ),
        // Vonage Audit, not Notificore.
        (r#"{"status":401,"error":"Unauthorized","message":"Failed"}"#, "vonage"),
        // Notificore itself.
        (r#"{"error":"40","errorDescription":"Message not found"}"#, "notificore"),
        // Sinch SMS `{code, text}`, not Vonage Video `{code, message}`.
        (r#"{"code":"syntax_invalid_json","text":"The JSON is invalid"}"#, "sinch"),
        (r#"{"code":400,"message":"You do not pass in a session ID."}"#, "vonage"),
    ];
    for (body, vendor) in cases {
        assert_eq!(read(None, None, body).vendor().id(), vendor, "{body}");
    }
}

#[test]
fn a_code_shared_by_products_leaves_the_product_open() {
    // A Sinch Voice body (sinch-sdk-java): the code alone does not say Voice
    // or Verification, so no product is claimed and both are candidates.
    let response = read(None, Some(401), r#"{"errorCode":40100,"message":"Authorization header missing"}"#);
    assert_eq!(response.vendor().id(), "sinch");
    assert_eq!(response.product(), None);
    assert_eq!(
        response.candidates(),
        [sinch::Verification::AuthorizationHeader.info(), sinch::Voice::AuthorizationHeader.info()]
    );
    // The caller who knows the product says so.
    let named = Reader::new().product("verification").read(br#"{"errorCode":40100}"#).unwrap();
    assert_eq!(named.product().map(|p| p.id()), Some("verification"));
    // Vonage's `invalid-json` is a code of four products, none of them
    // Conversation, the only product whose codes the `code` shape carries.
    let many = read(Some("vonage"), None, r#"{"code":"invalid-json","message":"x"}"#);
    assert_eq!(many.product(), None);
    assert!(many.candidates().is_empty(), "{:?}", many.candidates());
}

#[test]
fn fields_of_unexpected_types_are_kept_or_left_out_never_fatal() {
    // invalid_parameters as an object (vonage-php-sdk-core Verify2), a
    // numeric title, a numeric type (vonage-java-sdk Voice).
    let body =
        r#"{"type":400,"title":404,"invalid_parameters":{"event_url":["Is required.","Must be a URL"],"to":"Bad"}}"#;
    let response = read(Some("vonage"), Some(400), body);
    assert_eq!(response.message(), Some("404"));
    assert_eq!(response.code_text().as_deref(), Some("400"));
    let params: Vec<(&str, &str)> =
        response.invalid_parameters().iter().map(|p| (p.name.as_str(), p.reason.as_str())).collect();
    assert_eq!(params, [("event_url", "Is required.; Must be a URL"), ("to", "Bad")]);
    assert_eq!((response.category(), response.decided_by()), (Category::InvalidRequest, DecidedBy::HttpStatus));

    // Sinch's `status` as an integer.
    let sinch: errors_runtime::body::SinchError =
        serde_json::from_str(r#"{"status":400,"errorCode":40001,"message":["odd"]}"#).unwrap();
    assert_eq!(sinch.status.as_deref(), Some("400"));
    assert_eq!(sinch.message, None);
    assert_eq!(sinch.code(), Some(sinch::Verification::ParameterValidation));
    let problem: errors_runtime::body::VonageProblem =
        serde_json::from_str(r#"{"type":400,"title":7,"invalid_parameters":{"to":"Bad"},"detail":{"x":1}}"#).unwrap();
    assert_eq!(
        (problem.type_url.as_str(), problem.title.as_deref(), problem.detail.as_deref()),
        ("400", Some("7"), None)
    );
    assert_eq!(problem.invalid_parameters.len(), 1);
}

#[test]
fn refusals_say_why_and_still_decide() {
    let not_json = Reader::new().http_status(402).read(b"<html>Error 402</html>").unwrap_err();
    assert!(matches!(not_json.kind(), ReadErrorKind::NotJson(_)));
    assert_eq!(not_json.decision().category, Category::Billing);
    let not_object = Reader::new().read(b"[1,2]").unwrap_err();
    assert_eq!(not_object.to_string(), "the body is an array, not a JSON object");
    let other_vendor = Reader::new().vendor("notificore").read(br#"{"errorCode":40001}"#).unwrap_err();
    assert!(matches!(other_vendor.kind(), ReadErrorKind::NoShape { vendor: Some(_) }), "{other_vendor}");
    let unknown = Reader::new().vendor("acme").read(b"{}").unwrap_err();
    assert!(matches!(unknown.kind(), ReadErrorKind::UnknownVendor(_)));
}

#[test]
fn two_vendors_that_fit_equally_are_reported_not_guessed() {
    // A made-up catalog: two vendors declare the same shape.
    const SHAPE: ResponseShape = ResponseShape {
        name: "plain",
        code: &[Path { segments: &["code"], slot: 0 }],
        code_kind: CodeKind::Code,
        message: &[Path { segments: &["message"], slot: 1 }],
        request_id: &[],
        instance: &[],
        reference: &[],
        invalid_parameters: &[],
        status: &[],
        requires: &[],
        success: &[],
        product: None,
        products: None,
    };
    static A: errors_runtime::VendorInfo = errors_runtime::__private::vendor(errors_runtime::__private::VendorData {
        id: "a",
        name: "A",
        docs_url: None,
        responses: &[SHAPE],
        problem_hosts: &[],
        products: &[],
    });
    static B: errors_runtime::VendorInfo = errors_runtime::__private::vendor(errors_runtime::__private::VendorData {
        id: "b",
        name: "B",
        docs_url: None,
        responses: &[SHAPE],
        problem_hosts: &[],
        products: &[],
    });
    static CATALOG: errors_runtime::Catalog =
        errors_runtime::__private::catalog(errors_runtime::__private::CatalogData {
            vendors: &[&A, &B],
            products: &[],
            product_index: errors_runtime::__private::PairIndex { seed: 0, pilots: &[], slots: &[], keys: &[] },
            code_index: errors_runtime::__private::CodeIndex::EMPTY,
            // Put together by hand, without `by_length`: lookups search.
            members: &Member {
                name: "",
                slot: None,
                whole: false,
                children: &[
                    Member { name: "code", slot: Some(0), whole: false, children: &[], by_length: &[], items: None },
                    Member { name: "message", slot: Some(1), whole: false, children: &[], by_length: &[], items: None },
                ],
                by_length: &[],
                items: None,
            },
        });
    let body = br#"{"code":"x","message":"y"}"#;
    let error = Reader::with_catalog(&CATALOG).read(body).unwrap_err();
    assert_eq!(error.kind(), &ReadErrorKind::Ambiguous(vec!["a", "b"]));
    let named = Reader::with_catalog(&CATALOG).vendor("b").read(body).unwrap();
    assert_eq!((named.vendor().id(), named.code_text().as_deref()), ("b", Some("x")));
}

#[test]
fn a_response_is_an_error_for_question_mark_and_anyhow() {
    fn call() -> Result<(), Box<dyn std::error::Error + Send + Sync + 'static>> {
        let body = br#"{"errorCode":40001,"message":"Supplied SMS code invalid format","reference":"r-1"}"#;
        Err(Reader::new().vendor("sinch").read(body)?)?
    }
    let error = call().unwrap_err();
    assert_eq!(error.to_string(), "Sinch, code 40001: Supplied SMS code invalid format");
    let response = error.downcast::<Response>().unwrap();
    assert_eq!(response.reference(), Some("r-1"));
    use errors_runtime::body::ErrorMetadata;
    assert_eq!(ErrorMetadata::request_id(&*response), Some("r-1"));
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512), status in any::<u16>()) {
        let _ = Reader::new().http_status(status).read(&bytes);
        let _ = Reader::new().vendor("vonage").retry_after("1").read(&bytes);
    }

    #[test]
    fn arbitrary_json_never_panics(
        code in prop_oneof![any::<i64>().prop_map(|n| n.to_string()), any::<u64>().prop_map(|n| n.to_string()), "\"[^\"\\\\]{0,40}\"", Just("1e400".to_owned()), Just("-0.0".to_owned()), Just("{}".to_owned()), Just("[]".to_owned())],
        key in prop::sample::select(vec!["type", "status", "error", "errorCode", "code", "messages", "error-code", "title", "message"]),
    ) {
        for body in [
            format!(r#"{{"{key}":{code}}}"#),
            format!(r#"{{"{key}":{code},"title":{code},"traceId":{code}}}"#),
            format!(r#"{{"messages":[{{"status":{code}}},{code}],"{key}":[{code}]}}"#),
            format!(r#"{{"error":{{"code":{code},"status":{code}}}}}"#),
        ] {
            if let Ok(response) = Reader::new().read(body.as_bytes()) {
                let _ = (response.to_string(), response.code_text(), response.entry(), response.decision());
            }
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash(depth in 1usize..2000) {
        let body = format!("{}{}{}", r#"{"error":"#.repeat(depth), "1", "}".repeat(depth));
        let _ = Reader::new().read(body.as_bytes());
        let arrays = format!(r#"{{"messages":{}{}}}"#, "[".repeat(depth), "]".repeat(depth));
        let _ = Reader::new().read(arrays.as_bytes());
    }
}

#[test]
fn awkward_bodies_still_read_right() {
    // A failed part whose status is an object is passed over for the next.
    let body = r#"{"messages":[{"status":{"x":1}},{"status":"4","error-text":"Bad credentials"}]}"#;
    let response = read(Some("vonage"), None, body);
    assert_eq!(entry_path(&response).as_deref(), Some("errors_runtime::vonage::Sms::InvalidCredentials"));
    assert_eq!(response.message(), Some("Bad credentials"));
    // `messages` as an object is not an array to walk.
    let odd = Reader::new().vendor("vonage").read(br#"{"messages":{"[]":{"status":"4"}}}"#);
    assert!(odd.is_err(), "{odd:?}");
    // A product hint the vendor does not have leaves the shape's own.
    let hinted = Reader::new().vendor("vonage").product("nope").read(br#"{"messages":[{"status":"4"}]}"#).unwrap();
    assert_eq!(hinted.product().map(|p| p.id()), Some("sms"));
    assert_eq!(hinted.candidates().len(), 1);
    // A port in the type URL is not part of the host.
    let port = read(None, None, r#"{"type":"https://developer.vonage.com:443/api-errors#throttled","title":"t"}"#);
    assert_eq!(entry_path(&port).as_deref(), Some("errors_runtime::vonage::General::Throttled"));
}

#[test]
fn http_status_rules_cover_every_status() {
    let cases = [
        (400, Some(Category::InvalidRequest)),
        (401, Some(Category::Authentication)),
        (402, Some(Category::Billing)),
        (403, Some(Category::Permission)),
        (404, Some(Category::NotFound)),
        (408, Some(Category::Server)),
        (409, Some(Category::Conflict)),
        (410, Some(Category::NotFound)),
        (422, Some(Category::InvalidRequest)),
        (429, Some(Category::RateLimit)),
        (500, Some(Category::Server)),
        (599, Some(Category::Server)),
        (200, None),
        (302, None),
        (0, None),
        (600, None),
    ];
    for (status, category) in cases {
        assert_eq!(Category::from_http_status(status), category, "{status}");
    }
    assert_eq!(Category::from_http_status(503).map(Category::default_retry), Some(Retry::Backoff));
}

#[test]
fn message_only_products_are_found_by_the_message() {
    // Notificore API 2.0 sends its message in `error` (the seed's API 2.0 table).
    let response = read(Some("notificore"), Some(400), r#"{"error":"Invalid phone number format"}"#);
    assert_eq!(entry_path(&response).as_deref(), Some("errors_runtime::notificore::ApiV2::InvalidPhoneNumberFormat"));
    assert_eq!(response.product(), None, "the body does not say API 1.0 or 2.0");
    // ... or in `errorDescription`, beside a code API 1.0 does not have.
    let described = read(Some("notificore"), None, r#"{"error":"999","errorDescription":"Contact not found"}"#);
    assert_eq!(entry_path(&described).as_deref(), Some("errors_runtime::notificore::ApiV2::ContactsContactNotFound"));
    // Success is never an entry, even though API 1.0 lists code 0.
    let ok = read(Some("notificore"), None, r#"{"error":"0"}"#);
    assert!(ok.is_success() && ok.entry().is_none());
}

#[test]
fn every_shape_path_leads_to_its_slot_in_the_member_tree() {
    fn walk(parent: &'static Member, segments: &[&str]) -> Option<&'static Member> {
        let (first, rest) = segments.split_first()?;
        let member = parent.child(first.as_bytes())?;
        match rest.split_first() {
            None => Some(member),
            Some((&"[]", [])) => member.items,
            Some((&"[]", rest)) => walk(member.items?, rest),
            Some(_) => walk(member, rest),
        }
    }
    // Sorted, and indexed by name length.
    fn sorted(member: &'static Member) {
        let children = member.children;
        for pair in children.windows(2) {
            assert_eq!(Member::order(pair[0].name, pair[1].name), std::cmp::Ordering::Less, "{pair:?}");
        }
        let longest = children.iter().map(|m| m.name.len()).max().map_or(0, |n| n + 2);
        let starts: Vec<u16> =
            (0..longest).map(|n| children.iter().filter(|m| m.name.len() < n).count() as u16).collect();
        assert_eq!(member.by_length, starts, "{:?}", member.name);
        for child in children {
            assert_eq!(member.child(child.name.as_bytes()), Some(child));
            sorted(child);
        }
        if let Some(items) = member.items {
            sorted(items);
        }
    }
    let catalog = &errors_runtime::CATALOG;
    sorted(errors_runtime::__private::members(catalog));
    assert_eq!(errors_runtime::__private::members(catalog).child(b"no such member, longer than every one"), None);
    assert_eq!(errors_runtime::__private::members(catalog).child(b""), None);
    let mut paths = 0;
    for vendor in catalog.vendors() {
        for shape in vendor.responses() {
            let lists = [
                shape.code,
                shape.message,
                shape.request_id,
                shape.instance,
                shape.reference,
                shape.invalid_parameters,
                shape.requires,
            ];
            for path in lists.into_iter().flatten() {
                let member = walk(errors_runtime::__private::members(catalog), path.segments)
                    .unwrap_or_else(|| panic!("{path:?}"));
                assert_eq!(member.slot, Some(path.slot), "{}/{}: {path:?}", vendor.id(), shape.name);
                paths += 1;
            }
            for path in shape.invalid_parameters {
                assert!(
                    walk(errors_runtime::__private::members(catalog), path.segments).is_some_and(|m| m.whole),
                    "{path:?}"
                );
            }
        }
    }
    assert!(paths > 50, "{paths}");
}

#[test]
fn members_no_shape_names_are_skipped_and_escapes_are_kept() {
    // A real Sinch body, with a large member no shape reads and an escaped
    // message (sinch/sinch-sdk-java verification fixtures, shape).
    let filler = "x".repeat(100_000);
    let body = format!(
        r#"{{"padding":{{"list":["{filler}",[1,2,{{"deep":true}}]]}},"errorCode":40001,"message":"Supplied \"SMS\" code\ninvalid","reference":"r\u002d1"}}"#
    );
    let response = Reader::new().vendor("sinch").read(body.as_bytes()).unwrap();
    assert_eq!(response.code_text().as_deref(), Some("40001"));
    assert_eq!(response.message(), Some("Supplied \"SMS\" code\ninvalid"));
    assert_eq!(response.reference(), Some("r-1"));
    let plain = Reader::new().vendor("sinch").read(br#"{"errorCode":40001,"message":"m"}"#).unwrap();
    assert_eq!(response.entry().map(|e| e.name()), Some("ParameterValidation"));
    assert_eq!(response.candidates(), plain.candidates());
    assert_eq!(response.body().len(), body.len());
}

#[test]
fn a_byte_order_mark_is_not_content() {
    // The Notificore seed page's body, as a client that writes a BOM sends it.
    let body = b"\xEF\xBB\xBF{\"error\":\"40\",\"errorDescription\":\"Message not found\"}";
    let response = Reader::new().vendor("notificore").read(body).unwrap();
    assert_eq!(response.code_text().as_deref(), Some("40"));
    assert_eq!(response.message(), Some("Message not found"));
    assert_eq!(response.body(), &body[3..]);
    assert!(Reader::new().read(b"\xEF\xBB\xBF").is_err());
}

#[test]
fn a_repeated_member_counts_once_as_its_first_occurrence() {
    // As a tree reader would see these bodies: the first `code` is null, so
    // there is no code; the first `error` has none; the first `messages`
    // array is the one read.
    let sinch = Reader::new().vendor("sinch");
    assert_eq!(
        sinch
            .read(br#"{"errorCode":null,"errorCode":40001,"message":"m"}"#)
            .ok()
            .and_then(|r| r.code_text().map(|c| c.into_owned())),
        None
    );
    let rpc = sinch.read(br#"{"error":{"message":"first"},"error":{"code":404,"message":"second"}}"#);
    assert!(rpc.as_ref().map_or(true, |r| r.code().is_none() && r.message() != Some("second")), "{rpc:?}");
    let sms = br#"{"message-count":"1","messages":[{"status":"0"}],"messages":[{"status":"2","error-text":"Missing to param"}]}"#;
    let sms = Reader::new().vendor("vonage").read(sms).unwrap();
    assert!(sms.is_success(), "{sms:?}");
    assert_eq!(sms.message(), None);
}

/// A Twilio status callback is form-encoded; it is read through the same
/// shapes (Twilio's `callback`), and JSON-looking or prose bodies are not
/// taken for forms.
#[test]
fn form_encoded_callbacks_read_like_bodies() {
    let callback = b"MessageSid=SM0123&MessageStatus=undelivered&ErrorCode=30003&To=%2B15558675310";
    let response = Reader::new().read(callback).unwrap();
    assert_eq!(response.vendor().id(), "twilio");
    assert_eq!(response.code_text().as_deref(), Some("30003"));
    assert_eq!(response.request_id(), Some("SM0123"));
    let entry = response.entry().expect("30003 is in the catalog");
    assert_eq!((entry.product_id(), entry.title()), ("programmable-sms", Some("Unreachable destination handset")));
    // Percent-escapes and `+` are decoded; the first of a repeated name counts.
    let event = b"ErrorCode=11200&Msg=Got+HTTP+502%2C+again&ErrorCode=12100";
    let response = Reader::new().vendor("twilio").read(event).unwrap();
    assert_eq!((response.code_text().as_deref(), response.message()), (Some("11200"), Some("Got HTTP 502, again")));
    for prose in [&b"Internal Server Error"[..], b"<html>error=1</html>", b"a = b"] {
        assert!(matches!(Reader::new().read(prose).unwrap_err().kind(), ReadErrorKind::NotJson(_)), "{prose:?}");
    }
}

#[test]
fn bytes_that_are_not_utf8_in_a_string_are_kept_replaced_not_refused() {
    // Notificore's seed body, its message broken by a stray Latin-1 byte,
    // and a member no shape names holding another.
    let body = b"{\"error\":\"40\",\"errorDescription\":\"Message \xe9 not found\",\"note\":\"\xff\"}";
    let response = Reader::new().vendor("notificore").read(body).expect("read");
    assert_eq!(response.code_text().as_deref(), Some("40"));
    assert_eq!(response.message(), Some("Message \u{fffd} not found"));
    assert_eq!(response.body(), body);
    // Outside a string such a byte is not JSON.
    let refused = Reader::new().vendor("notificore").read(b"{\"error\":\xff}").unwrap_err();
    assert!(matches!(refused.kind(), ReadErrorKind::NotJson(_)), "{refused}");
}

#[test]
fn candidates_are_listed_best_first_and_the_first_decides() {
    // Verify v1 and Number Insight both answer `{"status": …}`: the `status`
    // shape lists Verify first, so its entry leads and decides.
    let response = read(Some("vonage"), Some(200), r#"{"status":"4","error_text":"Bad Credentials"}"#);
    assert_eq!(response.product(), None);
    let products: Vec<&str> = response.candidates().iter().map(|e| e.product_id()).collect();
    assert_eq!(products, ["verify", "number-insight"]);
    assert!(response.candidates().iter().all(|e| e.code() == errors_runtime::Code::Integer(4)));
    assert_eq!(response.entry(), response.candidates().first().copied());
    assert_eq!(response.decided_by(), DecidedBy::Catalog);
    // With the product named, only its entry is left.
    let named = Reader::new().vendor("vonage").product("number-insight").read(br#"{"status":"4"}"#).unwrap();
    assert_eq!(named.candidates().iter().map(|e| e.product_id()).collect::<Vec<_>>(), ["number-insight"]);
}

#[test]
fn a_template_many_products_share_names_no_product_for_a_code_none_has() {
    // Twilio's 30 products share one problem `type` template: a code none of
    // them has does not tell which product sent it.
    let body = r#"{"type":"https://www.twilio.com/docs/api/errors/99999","title":"Something new","status":400}"#;
    let unknown = read(Some("twilio"), Some(400), body);
    assert_eq!((unknown.product(), unknown.entry()), (None, None));
    assert_eq!(unknown.code_text().as_deref(), Some("https://www.twilio.com/docs/api/errors/99999"));
    // A code one of them has names that product (twilio-python
    // tests/unit/base/test_version.py, shape).
    let body = r#"{"type":"https://www.twilio.com/docs/api/errors/20001","title":"Invalid parameter","status":400}"#;
    let known = read(Some("twilio"), Some(400), body);
    assert_eq!(known.product().map(|p| p.id()), known.entry().map(|e| e.product_id()));
    assert!(known.entry().is_some());
}

#[test]
fn a_number_past_a_floats_range_is_kept_as_written() {
    // Valid JSON that serde_json refuses as a whole: the reader keeps it.
    let response = read(Some("sinch"), Some(503), r#"{"errorCode":1e400,"message":"Service unavailable"}"#);
    assert_eq!(response.code_text().as_deref(), Some("1e400"));
    assert_eq!(response.message(), Some("Service unavailable"));
    assert_eq!((response.entry(), response.decided_by()), (None, DecidedBy::HttpStatus));
    assert_eq!(response.retry(), Retry::Backoff);
}

#[test]
fn a_verify_search_result_is_a_success() {
    // Nexmo/api-specification definitions/verify.yml, the search response's
    // example (HTTP 200), cut down: its `status` reports the verification.
    for state in ["SUCCESS", "IN PROGRESS"] {
        let body =
            format!(r#"{{"request_id":"abcdef0123456789abcdef0123456789","status":"{state}","price":"0.1000000"}}"#);
        let response = read(Some("vonage"), Some(200), &body);
        assert!(response.is_success(), "{state}");
        assert_eq!(response.entry(), None);
    }
    // A failed verification comes with its reason (vonage-node-sdk
    // packages/verify/__tests__/__dataSets__/search.ts): not a success.
    let body = r#"{"request_id":"abcdef0123456789abcdef0123456789","status":"FAILED","error_text":"Your user entered an incorrect code more than three times."}"#;
    let failed = read(Some("vonage"), Some(200), body);
    assert!(!failed.is_success());
    assert_eq!(failed.code_text().as_deref(), Some("FAILED"));
}

#[test]
fn a_vendor_with_many_products_finds_codes_and_aliases_in_product_order() {
    // Vonage has more products than the reader scans; `legacy-problem`
    // carries codes of every product. `invalid-param` is an alias in General
    // (vonage-python-sdk fixtures), `invalid-json` a code of three products.
    let alias = read(Some("vonage"), Some(422), r#"{"type":"invalid-param","error_title":"Bad Request"}"#);
    assert_eq!(alias.entry(), Some(vonage::General::InvalidParams.info()));
    let shared = read(Some("vonage"), Some(400), r#"{"type":"invalid-json","error_title":"Bad Request"}"#);
    let products: Vec<&str> = shared.candidates().iter().map(|e| e.product_id()).collect();
    let mut sorted = products.clone();
    sorted.sort_unstable();
    assert!(products.len() >= 2 && products == sorted, "{products:?}");
    assert_eq!(shared.product(), None);
}

/// Delivery reports and message resources say how a message fared with a
/// status, and with a code only when it failed; both decide success.
#[test]
fn a_delivery_report_is_a_success_only_when_its_code_and_status_both_say_so() {
    // The Message resource's `error_code` is null until the message fails
    // (twilio-oai spec/json/twilio_api_v2010.json examples).
    let delivered =
        r#"{"sid":"SMaaaa","num_segments":"1","status":"delivered","error_code":null,"error_message":null}"#;
    let response = read(None, Some(200), delivered);
    assert_eq!((response.vendor().id(), response.shape().name), ("twilio", "message"));
    assert!(response.is_success(), "{response:?}");
    assert_eq!((response.status(), response.code(), response.entry()), (Some("delivered"), None, None));
    assert_eq!(response.request_id(), Some("SMaaaa"));

    // Failed without a code: an error, and HTTP 200 says nothing more.
    let failed = r#"{"sid":"SMaaaa","num_segments":"1","status":"failed","error_code":null}"#;
    let response = read(Some("twilio"), Some(200), failed);
    assert!(!response.is_success());
    assert_eq!((response.status(), response.code(), response.decided_by()), (Some("failed"), None, DecidedBy::Default));

    // A code where the status says all is well still counts as a failure.
    let both = r#"{"sid":"SMaaaa","num_segments":"1","status":"sent","error_code":30007,"error_message":null}"#;
    let response = read(Some("twilio"), Some(200), both);
    assert!(!response.is_success());
    assert_eq!(response.entry().map(|e| (e.product_id(), e.retry())), Some(("programmable-sms", Retry::Never)));

    // Sinch's 0 is "No error / Unknown error": a success only when the
    // status is Delivered (sinch/docs sms-smpp-error-specification.md).
    let report = |code: &str, status: &str| {
        format!(
            r#"{{"type":"recipient_delivery_report_sms","batch_id":"b1","recipient":"123456789","code":{code},"status":"{status}","at":"2016-10-02T09:34:18.542Z"}}"#
        )
    };
    let delivered = read(None, None, &report("0", "Delivered"));
    assert_eq!((delivered.vendor().id(), delivered.product().map(|p| p.id())), ("sinch", Some("sms-delivery-reports")));
    assert!(delivered.is_success(), "{delivered:?}");
    assert!(read(None, None, &report("401", "Dispatched")).is_success());
    let unknown = read(None, None, &report("0", "Unknown"));
    assert!(!unknown.is_success());
    assert_eq!(entry_path(&unknown).as_deref(), Some("errors_runtime::sinch::SmsDeliveryReports::NoErrorUnknownError"));
    let aborted = read(None, None, &report("\"412\"", "Aborted"));
    assert_eq!(
        aborted.entry().map(|e| (e.title(), e.category())),
        Some((Some("Unprovisioned region"), Category::Permission))
    );
    assert_eq!(
        aborted.to_string(),
        "Sinch SMS API delivery reports, code 412: SMSC rejected the message. The account hasn't been provisioned for this region."
    );
}

/// A batch report lists one element per code and status: the first that
/// does not report success is the one read, with its own status.
#[test]
fn a_batch_report_reads_its_first_failed_element_with_its_status() {
    // clxcommunications/sdk-xms-python tests/deserialize_test.py, test_read_delivery_report_summary
    let body = r#"{"batch_id":"3SD49KIOW8lL1Z5E","statuses":[{"code":0,"count":2,"status":"Delivered"},{"code":11,"count":1,"status":"Failed"}],"total_message_count":2,"type":"delivery_report_sms"}"#;
    let response = read(Some("sinch"), None, body);
    assert!(!response.is_success());
    assert_eq!((response.code_text().as_deref(), response.status()), (Some("11"), Some("Failed")));
    assert_eq!(response.entry().map(|e| e.title()), Some(Some("Message not delivered")));
    assert_eq!(response.request_id(), Some("3SD49KIOW8lL1Z5E"));
    let all_delivered =
        body.replace(r#"{"code":11,"count":1,"status":"Failed"}"#, r#"{"code":400,"count":1,"status":"Queued"}"#);
    let response = read(Some("sinch"), None, &all_delivered);
    assert!(response.is_success(), "{response:?}");
    assert_eq!((response.code_text().as_deref(), response.status()), (Some("0"), Some("Delivered")));
}

/// A status callback without `ErrorCode` reports a message on its way.
#[test]
fn a_status_callback_without_an_error_code_is_a_success() {
    let response = Reader::new().read(b"MessageSid=SM0123&MessageStatus=delivered&To=%2B15558675310").unwrap();
    assert_eq!((response.vendor().id(), response.shape().name), ("twilio", "message-callback"));
    assert!(response.is_success());
    assert_eq!(response.status(), Some("delivered"));
    let failed = Reader::new().read(b"MessageSid=SM0123&MessageStatus=undelivered&ErrorCode=30003").unwrap();
    assert!(!failed.is_success());
    assert_eq!((failed.status(), failed.code_text().as_deref()), (Some("undelivered"), Some("30003")));
}

/// A list page or batch report whose failed element has no code is not a
/// success; an empty code is no code; an empty list reports on nothing.
#[test]
fn an_element_that_failed_without_a_code_is_the_one_read() {
    let list = r#"{"messages":[{"sid":"SM1","status":"delivered","error_code":null},{"sid":"SM2","status":"failed","error_code":null}],"first_page_uri":"/x"}"#;
    let response = read(Some("twilio"), Some(200), list);
    assert_eq!(response.shape().name, "message-list");
    assert!(!response.is_success(), "{response:?}");
    assert_eq!((response.status(), response.request_id(), response.code()), (Some("failed"), Some("SM2"), None));
    // A coded failure later in the list is still the one read.
    let coded = list
        .replace(r#""SM2","status":"failed","error_code":null"#, r#""SM2","status":"undelivered","error_code":30003"#);
    let response = read(Some("twilio"), Some(200), &coded);
    assert_eq!((response.code_text().as_deref(), response.status()), (Some("30003"), Some("undelivered")));
    let delivered = list.replace(r#""status":"failed""#, r#""status":"sent""#);
    assert!(read(Some("twilio"), Some(200), &delivered).is_success());
    let empty = Reader::new().vendor("twilio").read(br#"{"messages":[],"first_page_uri":"/x"}"#);
    assert!(matches!(empty.unwrap_err().kind(), ReadErrorKind::NoShape { .. }));

    let report = r#"{"type":"delivery_report_sms","batch_id":"b","total_message_count":2,"statuses":[{"code":0,"status":"Delivered","count":1},{"status":"Failed","count":1}]}"#;
    let response = read(Some("sinch"), None, report);
    assert!(!response.is_success());
    assert_eq!((response.status(), response.code()), (Some("Failed"), None));

    let callback = Reader::new().read(b"MessageSid=SM1&MessageStatus=delivered&ErrorCode=").unwrap();
    assert!(callback.is_success(), "{callback:?}");
    assert_eq!(callback.code(), None);
}
