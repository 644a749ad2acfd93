//! How errcat names a product in prose, in docs and in `Display`: the
//! vendor, then the product ("Vonage Messages API"), except where the
//! product's name already starts with its vendor's ("Twilio Live", not
//! "Twilio Twilio Live"). `errcat-codegen` holds a byte-identical copy
//! (`codegen/src/names.rs`, checked by a test).

/// The vendor name to write before `product`: `None` when `product`
/// already starts with it.
pub fn vendor_prefix<'a>(vendor: &'a str, product: &str) -> Option<&'a str> {
    let named_after_vendor = product.strip_prefix(vendor).is_some_and(|rest| rest.starts_with(' '));
    (!named_after_vendor).then_some(vendor)
}

#[cfg(test)]
mod tests {
    use super::vendor_prefix;

    #[test]
    fn a_product_named_after_its_vendor_is_not_named_twice() {
        assert_eq!(vendor_prefix("Vonage", "Messages API"), Some("Vonage"));
        assert_eq!(vendor_prefix("Twilio", "Twilio Live"), None);
        assert_eq!(vendor_prefix("Sinch", "Sinchronous"), Some("Sinch"), "a word, not a prefix");
        assert_eq!(vendor_prefix("Sinch", "Sinch"), Some("Sinch"));
    }
}
