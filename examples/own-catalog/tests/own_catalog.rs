use errors_runtime::Category;
use own_catalog::errors::{CATALOG, acme::Sms};
use own_catalog::{log_line, should_retry};

#[test]
fn private_codes_are_typed() {
    assert_eq!(Sms::from_code("queue-full"), Some(Sms::QueueFull));
    assert_eq!("bad-msisdn".parse::<Sms>().map(|e| e.category()), Ok(Category::Recipient));
    assert!(should_retry("queue-full"));
    assert!(!should_retry("no-credit"));
    assert!(!should_retry("unknown"));
    assert_eq!(Sms::QueueFull.info().rust_path().to_string(), "own_catalog::errors::acme::Sms::QueueFull");
    let source = Sms::QueueFull.info().sources().next().map(|s| (s.id(), s.url(), s.checked()));
    assert_eq!(source, Some(("api-docs", "https://acme.example/docs/errors", "2026-12-02")));
}

#[test]
fn private_and_bundled_catalogs_share_the_runtime() {
    assert_eq!(log_line(Sms::NoCredit), "[acme/sms] no-credit → after-fix");
    assert_eq!(log_line(errors_runtime::vonage::General::Throttled), "[vonage/general] throttled → backoff");
    let info = CATALOG.from_problem_type("https://acme.example/errors#bad-msisdn").unwrap();
    assert_eq!(Sms::from_info(info), Some(Sms::BadMsisdn));
    assert_eq!(CATALOG.lookup("acme", "sms", "queue-full").map(|e| e.http_status()), Some(Some(503)));
}

#[test]
fn private_vendors_responses_are_read_by_their_declared_shapes() {
    use errors_runtime::response::{DecidedBy, Reader};

    let body = br#"{"error":{"id":"queue-full","text":"try again in a minute"},"ticket":"T-77"}"#;
    let response = Reader::with_catalog(&CATALOG).http_status(503).read(body).unwrap();
    assert_eq!(response.vendor().id(), "acme");
    assert_eq!(response.entry().and_then(Sms::from_info), Some(Sms::QueueFull));
    assert_eq!((response.reference(), response.message()), (Some("T-77"), Some("try again in a minute")));
    assert_eq!(response.decided_by(), DecidedBy::Catalog);

    let problem = br#"{"type":"https://acme.example/errors#no-credit","title":"No credit"}"#;
    let response = Reader::with_catalog(&CATALOG).vendor("acme").read(problem).unwrap();
    assert_eq!(response.entry().and_then(Sms::from_info), Some(Sms::NoCredit));

    // The bundled reader knows nothing of Acme.
    assert!(Reader::new().vendor("acme").read(body).is_err());
}
