//! Compiles the golden output of codegen's fixture catalog against this
//! crate and checks that hostile catalog text survives byte-exact.

#[rustfmt::skip]
#[allow(dead_code)]
#[path = "../codegen/tests/golden/mod.rs"]
mod generated;

use errors_runtime::{Category, Code, ErrorCode, Retry};
use generated::{acme, type_};

#[test]
fn hostile_text_is_data() {
    let key = acme::Widgets::InvalidApiKey;
    assert_eq!(key.description(), "The key \"ABC\\123\" is wrong */ /* not a comment \"# #[derive(Debug)] {} {0}");
    assert_eq!(key.resolution(), Some("Use a valid key.\nThen\tretry: see https://acme.example/keys."));
    assert_eq!(acme::Widgets::Self_.description(), "Keyword code `self`: 🙂 ünïcödé 日本語");
    assert_eq!(acme::Widgets::DeviceErrorNotFound.description(), r#"Literal string with \backslashes\ and "quotes""#);
    assert_eq!(type_::MessagesV2::Multiline.description(), "Line one.\r\nLine \"two\".\0");
    assert_eq!(acme::VENDOR.name(), "Acme \"Messaging\" Co.");
    let bidi = acme::Widgets::from_code("cr\rcode").expect("a code with a carriage return");
    assert_eq!(bidi.title(), Some("Bidi \u{202E}override\u{202C} and \u{2066}isolate\u{2069}"));
    assert!(bidi.description().contains("\u{202E}desrever\u{202C}"));
}

#[test]
fn keyword_and_digit_codes_get_legal_names() {
    assert_eq!(acme::Widgets::from_code("self"), Some(acme::Widgets::Self_));
    assert_eq!(acme::Widgets::from_code("type"), Some(acme::Widgets::Type));
    assert_eq!(acme::Widgets::from_code("crate"), Some(acme::Widgets::Crate));
    assert_eq!(acme::Widgets::from_code("1st-code"), Some(acme::Widgets::_1stCode));
    assert_eq!(format!("{:?}", acme::Widgets::_1stCode), "Widgets::_1stCode");
}

#[test]
fn message_only_products_look_up_by_text() {
    assert_eq!(type_::MessagesV2::from_code("Campaign not found"), Some(type_::MessagesV2::NotFound));
    assert_eq!(type_::MessagesV2::from_code("campaign not found"), None);
    assert_eq!(type_::MessagesV2::NotFound.code(), Code::Message("Campaign not found"));
    assert_eq!(type_::MessagesV2::NotFound.code().to_string(), "Campaign not found");
    assert_eq!(type_::MessagesV2::NotFound.code().as_str(), None);
    assert_eq!(type_::MessagesV2::NotFound.http_status(), Some(404));
}

#[test]
fn numeric_tables() {
    assert_eq!(acme::Sms::from_u32(7), Some(acme::Sms::NumberBarred));
    assert_eq!(acme::Sms::from_u32(3), None);
    assert_eq!(acme::Sms::from_u32(u32::MAX), None);
    assert_eq!(acme::Billing::from_u32(0), Some(acme::Billing::NoError));
    assert_eq!(acme::Billing::from_u32(u32::MAX), Some(acme::Billing::MaxCode));
    assert_eq!(acme::Billing::from_code("4294967295"), Some(acme::Billing::MaxCode));
    assert_eq!(acme::Billing::from_code("4294967296"), None);
    assert_eq!(acme::Billing::from_code("040001"), None);
    assert_eq!(acme::Billing::from_code("+40001"), None);
    assert_eq!(acme::Billing::try_from(40001), Ok(acme::Billing::LowBalance));
    let err = acme::Billing::try_from(5).unwrap_err();
    assert_eq!(err.input(), "5");
}

#[test]
fn retry_defaults_and_overrides() {
    assert_eq!(acme::Widgets::InvalidApiKey.category(), Category::Authentication);
    assert_eq!(acme::Widgets::InvalidApiKey.retry(), Retry::AfterFix);
    assert_eq!(acme::Widgets::Crate.category(), Category::Conflict);
    assert_eq!(acme::Widgets::Crate.retry(), Retry::Backoff, "explicit retry overrides the category default");
}

#[test]
fn every_fixture_entry_round_trips() {
    fn check<E: ErrorCode + std::str::FromStr>() {
        for &e in E::all() {
            let key = e.code().to_string();
            if let Code::Message(message) = e.code() {
                assert_eq!(message, e.description());
            }
            assert_eq!(E::from_code(&key), Some(e), "{key:?}");
            assert!(key.parse::<E>().ok() == Some(e), "FromStr disagrees for {key:?}");
            assert_eq!(E::PRODUCT.find(&key), Some(e.info()));
        }
    }
    check::<acme::Widgets>();
    check::<acme::Billing>();
    check::<acme::Sms>();
    check::<type_::MessagesV2>();
    assert_eq!(generated::CATALOG.products().len(), 4);
}

#[test]
fn a_generated_catalog_has_its_own_lookups() {
    let catalog = &generated::CATALOG;
    assert_eq!(catalog.product("acme", "sms").map(|p| p.name()), Some("SMS API"));
    assert_eq!(catalog.product("acme", "nope"), None);
    assert_eq!(catalog.lookup("type", "v2", "Campaign not found").map(|e| e.name()), Some("NotFound"));
    assert_eq!(catalog.lookup_vendor("acme", "1").map(|e| e.name()).collect::<Vec<_>>(), ["Throttled"]);
    assert_eq!(catalog.lookup_vendor("acme", "01").count(), 0);
    let by_type = catalog.from_problem_type("https://acme.example/errors/widgets#invalid-api-key");
    assert_eq!(by_type.map(|e| e.name()), Some("InvalidApiKey"));
    let other_host = catalog.from_problem_type("http://www.acme.example/en/errors/widgets#self");
    assert_eq!(other_host.map(|e| e.name()), Some("Self_"));
    assert!(catalog.from_problem_type("https://acme.example/errors/widgets#").is_none());
    assert!(catalog.from_problem_type("https://acme.example/errors/gadgets#self").is_none());
    assert!(catalog.from_problem_type("").is_none());
}

#[test]
fn rust_paths_and_display() {
    let info = acme::Sms::Throttled.info();
    assert_eq!(info.rust_path().to_string(), "errors_runtime::acme::Sms::Throttled");
    assert_eq!(acme::Sms::Throttled.to_string(), "Acme \"Messaging\" Co. SMS API, code 1: You are sending too fast.");
    assert_eq!(
        type_::MessagesV2::Multiline.to_string(),
        "Type Vendor Messages v2: Line one. Line \"two\".\0",
        "Display stays on one line"
    );
}

#[test]
fn entries_name_their_sources() {
    let ids = |e: acme::Sms| e.info().sources().map(|s| s.id()).collect::<Vec<_>>();
    // No `source`: the first; named ones come in the product's order.
    assert_eq!(ids(acme::Sms::Throttled), ["errors-page"]);
    assert_eq!(ids(acme::Sms::MissingParameters), ["errors-page", "sdk"]);
    assert_eq!(ids(acme::Sms::NumberBarred), ["sdk"]);
    let sdk = acme::Sms::NumberBarred.info().sources().next().unwrap();
    assert_eq!(sdk.checked(), "2026-12-01");
    assert_eq!(
        sdk.to_string(),
        "https://github.com/acme/acme-sdk/blob/0123456789abcdef0123456789abcdef01234567/errors.json (checked 2026-12-01)"
    );
    assert_eq!(acme::Sms::PRODUCT.sources().len(), 2);
    // A product that names no source: its entries have none.
    assert_eq!(acme::Billing::ALL.iter().map(|e| e.info().sources().count()).sum::<usize>(), 0);
}
