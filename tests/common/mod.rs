//! Helpers shared by the integration tests.

use errors_runtime::ErrorInfo;

/// The key an entry is found by: its code, numbers in decimal, or for
/// message-only products its message.
pub fn key(info: ErrorInfo) -> String {
    info.code().to_string()
}

/// The sum of `$check::<E>()` over every generated enum `E`. Callers
/// compare it with the catalog's entry count, so a missing enum is caught.
macro_rules! sum_over_enums {
    ($check:ident) => {{
        use errors_runtime::{notificore, sinch, twilio, vonage};
        $check::<notificore::ApiV1>()
            + $check::<notificore::ApiV2>()
            + $check::<sinch::Conversation>()
            + $check::<sinch::ConversationReasons>()
            + $check::<sinch::Fax>()
            + $check::<sinch::NumberLookup>()
            + $check::<sinch::NumberLookupFeatures>()
            + $check::<sinch::Numbers>()
            + $check::<sinch::Sms>()
            + $check::<sinch::SmsDeliveryReports>()
            + $check::<sinch::Verification>()
            + $check::<sinch::Voice>()
            + $check::<twilio::BrandedComms>()
            + $check::<twilio::Contacts>()
            + $check::<twilio::Conversations>()
            + $check::<twilio::ElasticSipTrunking>()
            + $check::<twilio::Events>()
            + $check::<twilio::Flex>()
            + $check::<twilio::Frontline>()
            + $check::<twilio::Functions>()
            + $check::<twilio::General>()
            + $check::<twilio::Interconnect>()
            + $check::<twilio::Lookup>()
            + $check::<twilio::Notifications>()
            + $check::<twilio::Notify>()
            + $check::<twilio::PhoneNumbers>()
            + $check::<twilio::Platform>()
            + $check::<twilio::ProgrammableChat>()
            + $check::<twilio::ProgrammableFax>()
            + $check::<twilio::ProgrammableMessaging>()
            + $check::<twilio::ProgrammableSms>()
            + $check::<twilio::ProgrammableVideo>()
            + $check::<twilio::ProgrammableVoice>()
            + $check::<twilio::ProgrammableWireless>()
            + $check::<twilio::Proxy>()
            + $check::<twilio::Studio>()
            + $check::<twilio::SuperSim>()
            + $check::<twilio::Sync>()
            + $check::<twilio::Taskrouter>()
            + $check::<twilio::TwilioLive>()
            + $check::<twilio::Understand>()
            + $check::<twilio::Verify>()
            + $check::<vonage::TenDlc>()
            + $check::<vonage::Account>()
            + $check::<vonage::Application>()
            + $check::<vonage::Conversation>()
            + $check::<vonage::Dispatch>()
            + $check::<vonage::General>()
            + $check::<vonage::Messages>()
            + $check::<vonage::NumberInsight>()
            + $check::<vonage::NumberPools>()
            + $check::<vonage::Redact>()
            + $check::<vonage::Reports>()
            + $check::<vonage::SecretManagement>()
            + $check::<vonage::Sms>()
            + $check::<vonage::SmsDlr>()
            + $check::<vonage::Subaccounts>()
            + $check::<vonage::TrafficControl>()
            + $check::<vonage::Verify>()
            + $check::<vonage::VerifyV2>()
            + $check::<vonage::Video>()
            + $check::<vonage::VoiceCallStatus>()
            + $check::<vonage::WhatsappProvisioning>()
    }};
}
pub(crate) use sum_over_enums;
