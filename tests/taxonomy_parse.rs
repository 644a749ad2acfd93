//! `Category` and `Retry` round-trip through `Display` and `FromStr`.

use errors_runtime::{Category, Retry};

#[test]
fn every_id_round_trips() {
    for &category in Category::ALL {
        assert_eq!(category.to_string().parse::<Category>(), Ok(category));
    }
    for &retry in Retry::ALL {
        assert_eq!(retry.to_string().parse::<Retry>(), Ok(retry));
    }
    assert_eq!(Category::default(), Category::Unknown);
}

#[test]
fn other_texts_are_errors_that_say_what_was_expected() {
    let error = "Rate-Limit".parse::<Category>().unwrap_err();
    assert_eq!(error.to_string(), "not a category id");
    assert_eq!("soon".parse::<Retry>().unwrap_err().to_string(), "not a retry advice id");
    fn is_error<E: std::error::Error + Send + Sync + 'static>(_: &E) {}
    is_error(&error);
}

#[test]
fn debug_names_the_product_and_display_does_not_double_words() {
    use errors_runtime::vonage;
    assert_eq!(format!("{:?}", vonage::Messages::InvalidParams), "Messages::InvalidParams");
    let general = vonage::General::from_code("unauthorized").unwrap();
    let shown = general.to_string();
    assert!(shown.starts_with("Vonage Generic Errors, code unauthorized: "), "{shown}");
    assert!(!shown.contains("Errors error"), "{shown}");
    // A product named after its vendor is not named twice.
    let live = errors_runtime::twilio::TwilioLive::from_u32(58000).unwrap().to_string();
    assert!(live.starts_with("Twilio Live, code 58000: "), "{live}");
    assert_eq!(errors_runtime::twilio::TwilioLive::PRODUCT.name(), "Twilio Live");
    assert_eq!(errors_runtime::twilio::TwilioLive::PRODUCT.to_string(), "Twilio Live");
    assert_eq!(vonage::Messages::PRODUCT.to_string(), "Vonage Messages API");
}
