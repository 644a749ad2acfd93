//! Every bundled entry round-trips through every lookup.

mod common;

use common::{key, sum_over_enums};
use errors_runtime::{Category, Code, CodeType, ErrorCode, products};

#[test]
fn every_entry_is_found_by_its_code() {
    let mut total = 0;
    for product in products() {
        assert!(!product.is_empty(), "{} has no entries", product.rust_path());
        for (position, info) in product.entries().enumerate() {
            let key = key(info);
            assert_eq!(product.position(&key), Some(position), "{} {key:?}", product.rust_path());
            assert_eq!(product.find(&key), Some(info));
            let found = errors_runtime::lookup(product.vendor().id(), product.id(), &key).expect("dynamic lookup");
            assert_eq!(found, info);
            assert!(errors_runtime::lookup_vendor(product.vendor().id(), &key).any(|e| e == info));
            if let Code::Integer(n) = info.code() {
                assert_eq!(product.code_type(), CodeType::Integer);
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
        assert_eq!(info, E::PRODUCT.entry(position).unwrap(), "ALL order differs from the table order");
        let key = key(info);
        assert_eq!(E::from_code(&key), Some(variant), "{key:?}");
        assert_eq!(key.parse::<E>().ok(), Some(variant));
        // `Debug` names the product's type, then the variant.
        let type_name = E::PRODUCT.rust_path().rsplit("::").next().unwrap();
        assert_eq!(format!("{variant:?}"), format!("{type_name}::{}", info.name()));
        if let Code::Integer(n) = variant.code() {
            assert_eq!(E::PRODUCT.find_u32(n).map(|i| i.name()), Some(info.name()));
        }
        assert_eq!(variant.vendor_id(), E::PRODUCT.vendor().id());
    }
    E::all().len()
}

#[test]
fn every_enum_round_trips() {
    let n: usize = sum_over_enums!(round_trip);
    let all: usize = products().iter().map(|p| p.len()).sum();
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
    // General, 10DLC, Number Pools and WhatsApp provisioning all document it.
    assert_eq!(errors_runtime::lookup_vendor("vonage", "invalid-json").count(), 4);
}

/// The number of entries per product, pinned so that an accidental deletion
/// or a lost file fails CI. Change it together with the catalog.
#[test]
fn entry_counts_are_pinned() {
    let expected: &[(&str, &str, usize)] = &[
        ("notificore", "api-v1", 59),
        ("notificore", "api-v2", 42),
        ("sinch", "conversation", 5),
        ("sinch", "conversation-reasons", 27),
        ("sinch", "fax", 58),
        ("sinch", "number-lookup", 1),
        ("sinch", "number-lookup-features", 1),
        ("sinch", "numbers", 4),
        ("sinch", "sms", 8),
        ("sinch", "sms-delivery-reports", 153),
        ("sinch", "verification", 21),
        ("sinch", "voice", 15),
        ("twilio", "branded-comms", 25),
        ("twilio", "contacts", 13),
        ("twilio", "conversations", 2),
        ("twilio", "elastic-sip-trunking", 34),
        ("twilio", "events", 18),
        ("twilio", "flex", 90),
        ("twilio", "frontline", 20),
        ("twilio", "functions", 9),
        ("twilio", "general", 474),
        ("twilio", "interconnect", 40),
        ("twilio", "lookup", 18),
        ("twilio", "notifications", 68),
        ("twilio", "notify", 2),
        ("twilio", "phone-numbers", 73),
        ("twilio", "platform", 22),
        ("twilio", "programmable-chat", 166),
        ("twilio", "programmable-fax", 6),
        ("twilio", "programmable-messaging", 1),
        ("twilio", "programmable-sms", 200),
        ("twilio", "programmable-video", 94),
        ("twilio", "programmable-voice", 223),
        ("twilio", "programmable-wireless", 18),
        ("twilio", "proxy", 39),
        ("twilio", "studio", 26),
        ("twilio", "super-sim", 28),
        ("twilio", "sync", 42),
        ("twilio", "taskrouter", 53),
        ("twilio", "twilio-live", 4),
        ("twilio", "understand", 6),
        ("twilio", "verify", 86),
        ("vonage", "10dlc", 17),
        ("vonage", "account", 3),
        ("vonage", "application", 3),
        ("vonage", "conversation", 120),
        ("vonage", "dispatch", 6),
        ("vonage", "general", 27),
        ("vonage", "messages", 67),
        ("vonage", "number-insight", 10),
        ("vonage", "number-pools", 13),
        ("vonage", "redact", 3),
        ("vonage", "reports", 4),
        ("vonage", "secret-management", 4),
        ("vonage", "sms", 29),
        ("vonage", "sms-dlr", 21),
        ("vonage", "subaccounts", 7),
        ("vonage", "traffic-control", 6),
        ("vonage", "verify", 17),
        ("vonage", "verify-v2", 20),
        ("vonage", "video", 13),
        ("vonage", "voice-call-status", 8),
        ("vonage", "whatsapp-provisioning", 8),
    ];
    let actual: Vec<(&str, &str, usize)> = products().iter().map(|p| (p.vendor().id(), p.id(), p.len())).collect();
    assert_eq!(actual, expected);
    assert_eq!(actual.iter().map(|(_, _, n)| n).sum::<usize>(), 2700);
}

/// Each `(product, code, status)` is a Vonage entry with that HTTP status.
fn assert_vonage_statuses(expected: &[(&str, &str, u16)]) {
    for (product, code, status) in expected {
        let info = errors_runtime::lookup("vonage", product, code).unwrap_or_else(|| panic!("{product} {code}"));
        assert_eq!(info.http_status(), Some(*status), "vonage {product} {code}");
    }
}

/// HTTP statuses that the vendors' specs and SDK tests state where the seed
/// pages do not (each entry's `note` names its source), and the HTTP 200 that
/// the legacy APIs answer every status with.
#[test]
fn sourced_http_statuses() {
    let vonage: &[(&str, &str, u16)] = &[
        ("messages", "1000", 429),
        ("messages", "1030", 500),
        ("messages", "1110", 422),
        ("messages", "1120", 422),
        ("verify-v2", "concurrent", 422),
        ("verify-v2", "conflict", 422),
        ("10dlc", "brand-conflict", 409),
        ("10dlc", "number-already-linked", 409),
        ("conversation", "http:error:too-many-request", 429),
        ("conversation", "system:error:internal-error", 500),
        ("general", "unprocessable-entity", 422),
        ("sms", "2", 200),
        ("verify", "16", 200),
        ("number-insight", "3", 200),
    ];
    assert_vonage_statuses(vonage);
    for product in ["sms", "verify", "number-insight"] {
        let product = errors_runtime::product("vonage", product).unwrap();
        assert!(product.entries().all(|e| e.http_status() == Some(200)), "{}", product.id());
    }
}

/// The HTTP statuses the seed pages state, code by code.
#[test]
fn seed_http_statuses() {
    let vonage: &[(&str, &str, u16)] = &[
        ("general", "invalid-json", 400),
        ("general", "unauthorized", 401),
        ("secret-management", "maximum-secrets-allowed", 403),
        ("general", "invalid-api-key", 404),
        ("general", "wrong-verb", 405),
        ("general", "accept-header", 406),
        ("general", "conflict", 409),
        ("general", "gone", 410),
        ("general", "content-type-header", 415),
        ("secret-management", "validation", 422),
        ("general", "rate-limited", 429),
    ];
    assert_vonage_statuses(vonage);
    let sinch: &[(u32, u16)] = &[
        (40001, 400),
        (40002, 400),
        (40003, 400),
        (40005, 400),
        (40100, 401),
        (40101, 401),
        (40102, 401),
        (40104, 401),
        (40107, 401),
        (40200, 402),
        (40300, 403),
        (40303, 403),
        (40400, 404),
        (40900, 409),
        (42200, 422),
        (42201, 422),
        (42900, 429),
        (42901, 429),
        (50000, 500),
        (50300, 503),
        (50301, 503),
    ];
    let verification = errors_runtime::product("sinch", "verification").unwrap();
    assert_eq!(verification.len(), sinch.len());
    for (code, status) in sinch {
        let info = verification.find_u32(*code).unwrap_or_else(|| panic!("sinch {code}"));
        assert_eq!(info.http_status(), Some(*status), "sinch {code}");
    }
}

/// Every entry is classified, and texts are clean: no empty strings, no
/// stray whitespace from transcription.
#[test]
fn catalog_text_is_clean() {
    for product in products() {
        for info in product.entries() {
            let texts = [Some(info.description()), info.title(), info.resolution()];
            for text in texts.into_iter().flatten() {
                assert!(!text.trim().is_empty(), "{} has an empty text", info.rust_path());
                assert_eq!(text, text.trim(), "{} has stray whitespace", info.rust_path());
            }
            // Transcribed descriptions are one line; an imported vendor's
            // keep the line breaks (Markdown) of its own dictionary.
            if info.vendor_id() != "twilio" {
                assert_eq!(info.description().lines().count(), 1, "{} description spans lines", info.rust_path());
            }
        }
    }
}

/// Every entry of a product with a `problem_type` template resolves from
/// its URL, and the URL forms the vendor uses interchangeably agree.
#[test]
fn problem_type_urls_resolve() {
    let mut checked = 0;
    for product in products() {
        let Some(template) = product.problem_type() else { continue };
        for info in product.entries() {
            let url = template.replace("{code}", &info.code().to_string());
            let found = errors_runtime::from_problem_type(&url);
            assert!(found == Some(info), "{url} resolved to {found:?}");
            checked += 1;
        }
    }
    assert!(checked > 150, "only {checked} problem types checked");
    let vonage = errors_runtime::vonage::General::InvalidApiKey.info();
    for url in [
        "https://developer.vonage.com/api-errors#invalid-api-key",
        "https://developer.vonage.com/en/api-errors#invalid-api-key",
        "https://developer.nexmo.com/api-errors#invalid-api-key",
        "  https://developer.vonage.com/api-errors#invalid-api-key\n",
    ] {
        assert_eq!(errors_runtime::from_problem_type(url), Some(vonage), "{url:?}");
    }
    for url in [
        "https://developer.vonage.com/api-errors#",
        "https://developer.vonage.com/api-errors#no-such-code",
        "https://developer.vonage.com/api-errors/messages#invalid-api-key",
        "https://example.com/Error#out-of-credit",
        "about:blank",
        "",
    ] {
        assert_eq!(errors_runtime::from_problem_type(url), None, "{url:?}");
    }
}

/// A key with any one byte changed is not that key: every byte of a
/// string key takes part in the comparison, whatever the hash samples.
#[test]
fn near_misses_are_not_matches() {
    let mut probes = 0;
    for product in products() {
        for info in product.entries() {
            let key = key(info);
            let bytes = key.as_bytes();
            for at in 0..bytes.len() {
                for replacement in [b'X', b'~', b'0'] {
                    if bytes[at] == replacement {
                        continue;
                    }
                    let mut changed = bytes.to_vec();
                    changed[at] = replacement;
                    let Ok(changed) = String::from_utf8(changed) else { continue };
                    let found = product.find(&changed);
                    assert!(found != Some(info), "{changed:?} matched {:?}", key);
                    assert!(errors_runtime::lookup_vendor(product.vendor().id(), &changed).all(|f| f != info));
                    probes += 1;
                }
            }
        }
    }
    assert!(probes > 10_000, "{probes}");
}

/// `lookup_vendor` gives exactly the entries of that vendor with that key,
/// in product order, for every key of every vendor asked of every vendor.
#[test]
fn lookup_vendor_is_exact() {
    let all: Vec<errors_runtime::ErrorInfo> = products().iter().flat_map(|p| p.entries()).collect();
    let mut vendors: Vec<&str> = products().iter().map(|p| p.vendor().id()).collect();
    vendors.dedup();
    vendors.push("no-such-vendor");
    let mut keys: Vec<String> = all.iter().map(|&info| key(info)).collect();
    keys.extend(["", "0", "01", "040", "+1020", "01020", "invalid-json ", "Invalid-json"].map(str::to_owned));
    for vendor in &vendors {
        for key_text in &keys {
            let found: Vec<_> = errors_runtime::lookup_vendor(vendor, key_text).collect();
            let expected: Vec<_> =
                all.iter().copied().filter(|info| info.vendor_id() == *vendor && key(*info) == *key_text).collect();
            assert_eq!(found.len(), expected.len(), "{vendor} {key_text:?}");
            assert!(found.iter().zip(&expected).all(|(a, b)| a == b), "{vendor} {key_text:?}");
        }
    }
}

/// Twilio's codes are unique across its products: a lookup by code alone
/// finds each one, and only it.
#[test]
fn every_twilio_code_is_found_catalog_wide() {
    let mut seen = 0;
    for product in products().iter().filter(|p| p.vendor().id() == "twilio") {
        for info in product.entries() {
            let Code::Integer(n) = info.code() else { panic!("{} has no numeric code", info.rust_path()) };
            let found: Vec<_> = errors_runtime::lookup_vendor("twilio", &n.to_string()).collect();
            assert_eq!(found, vec![info], "twilio {n}");
            seen += 1;
        }
    }
    assert_eq!(seen, 1900);
}

/// The classification targets of the Twilio import: the written rules
/// leave at most 10 % `unknown`, and the messaging products, reviewed by
/// hand, have no `unknown` error at all.
#[test]
fn twilio_entries_are_classified() {
    const REVIEWED: &[&str] = &[
        "programmable-sms",
        "programmable-messaging",
        "verify",
        "lookup",
        "conversations",
        "phone-numbers",
        "notify",
        "branded-comms",
    ];
    let twilio: Vec<_> = products().iter().filter(|p| p.vendor().id() == "twilio").flat_map(|p| p.entries()).collect();
    let unknown = twilio.iter().filter(|e| e.category() == Category::Unknown).count();
    assert!(unknown * 10 <= twilio.len(), "{unknown} of {} unknown", twilio.len());
    for info in &twilio {
        if REVIEWED.contains(&info.product_id()) && info.severity() == errors_runtime::Severity::Error {
            assert_ne!(info.category(), Category::Unknown, "{} is unreviewed", info.rust_path());
        }
    }
    let warnings = twilio.iter().filter(|e| e.severity() == errors_runtime::Severity::Warning).count();
    assert_eq!(warnings, 304, "Twilio's dictionary has 304 WARNING entries");
}

/// Placeholders the vendor fills in per response are written `<…>`
/// (catalog/README.md), never as if they were text the API sends:
/// `$parameter`, a bare `YYYY-MM-DD` or `{reason}`.
#[test]
fn placeholders_are_marked() {
    let unmarked = |text: &str| {
        let outside: String = text.split('<').map(|part| part.split_once('>').map_or(part, |(_, rest)| rest)).collect();
        let dollar = outside.as_bytes().windows(2).any(|w| w[0] == b'$' && w[1].is_ascii_alphabetic());
        let brace = outside.contains('{') && outside.contains('}');
        dollar || brace || outside.contains("YYYY") || outside.contains("HH:mm")
    };
    // Twilio's texts are its dictionary's Markdown, imported as written.
    let found: Vec<String> = products()
        .iter()
        .filter(|p| p.vendor().id() != "twilio")
        .flat_map(|p| p.entries())
        .filter(|e| [e.title(), Some(e.description()), e.resolution()].into_iter().flatten().any(unmarked))
        .map(|e| format!("{}/{}/{}", e.vendor_id(), e.product_id(), e.name()))
        .collect();
    assert!(found.is_empty(), "unmarked placeholders: {found:?}");
    let marked = errors_runtime::vonage::General::RateLimited.info().description();
    assert!(marked.ends_with("<YYYY-MM-DD HH:mm:ss>") && !unmarked(marked), "{marked}");
    assert!(unmarked("missing the mandatory parameter `$parameter`"));
}
