//! Helpers shared by the integration tests.

use errors_runtime::{Code, ErrorInfo};

/// The key an entry is found by: its code, numbers in decimal, or for
/// message-only products its message.
pub fn key(info: ErrorInfo) -> String {
    match info.code() {
        Code::Integer(n) => n.to_string(),
        Code::String(s) => s.to_owned(),
        Code::None => info.description().to_owned(),
    }
}

/// The sum of `$check::<E>()` over every generated enum `E`. Callers
/// compare it with the catalog's entry count, so a missing enum is caught.
macro_rules! sum_over_enums {
    ($check:ident) => {{
        use errors_runtime::{notificore, sinch, vonage};
        $check::<notificore::ApiV1>()
            + $check::<notificore::ApiV2>()
            + $check::<sinch::Sms>()
            + $check::<sinch::Verification>()
            + $check::<vonage::TenDlc>()
            + $check::<vonage::Account>()
            + $check::<vonage::Conversation>()
            + $check::<vonage::General>()
            + $check::<vonage::Messages>()
            + $check::<vonage::NumberInsight>()
            + $check::<vonage::Redact>()
            + $check::<vonage::Reports>()
            + $check::<vonage::SecretManagement>()
            + $check::<vonage::Sms>()
            + $check::<vonage::Subaccounts>()
            + $check::<vonage::TrafficControl>()
            + $check::<vonage::Verify>()
            + $check::<vonage::VerifyV2>()
            + $check::<vonage::WhatsappProvisioning>()
    }};
}
pub(crate) use sum_over_enums;
