//! The vendors' error response bodies, deserialized with serde (feature
//! `serde`).
//!
//! Each body keeps what the vendor sent, raw, and resolves it against the
//! catalog on demand. A code the catalog does not know never makes
//! deserialization fail: [`entry`](VonageProblem::entry) is `None` and the
//! raw code and message are still there.
//!
//! ```
//! use errors_runtime::body::SinchError;
//! use errors_runtime::sinch::Verification;
//!
//! let body = r#"{"status":"400 ParameterValidation","errorCode":40001,"message":"Supplied SMS code invalid format"}"#;
//! let error: SinchError = serde_json::from_str(body)?;
//! assert_eq!(error.code(), Some(Verification::ParameterValidation));
//!
//! let unknown: SinchError = serde_json::from_str(r#"{"errorCode":49999,"message":"new"}"#)?;
//! assert_eq!(unknown.code(), None);
//! assert_eq!(unknown.message.as_deref(), Some("new"));
//! # Ok::<(), serde_json::Error>(())
//! ```

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;

use serde::{Deserialize, Serialize};

use crate::support::parse_u32_code;
use crate::{ErrorInfo, notificore, sinch};

/// A code as a vendor sent it: a JSON number or a JSON string.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(untagged)]
pub enum RawCode {
    /// A JSON number.
    Number(i64),
    /// A JSON string (or a number too large for `i64`, as text).
    Text(String),
}

impl RawCode {
    /// The code as a `u32`, when it is one (a number, or a string of digits).
    pub fn as_u32(&self) -> Option<u32> {
        match self {
            RawCode::Number(n) => u32::try_from(*n).ok(),
            RawCode::Text(text) => parse_u32_code(text.trim()),
        }
    }
}

impl fmt::Display for RawCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RawCode::Number(n) => fmt::Display::fmt(n, f),
            RawCode::Text(text) => f.write_str(text),
        }
    }
}

impl<'de> Deserialize<'de> for RawCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = RawCode;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an error code (number or string)")
            }
            fn visit_i64<E>(self, v: i64) -> Result<RawCode, E> {
                Ok(RawCode::Number(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<RawCode, E> {
                Ok(i64::try_from(v).map_or_else(|_| RawCode::Text(alloc::format!("{v}")), RawCode::Number))
            }
            fn visit_f64<E>(self, v: f64) -> Result<RawCode, E> {
                Ok(RawCode::Text(alloc::format!("{v}")))
            }
            fn visit_str<E>(self, v: &str) -> Result<RawCode, E> {
                Ok(RawCode::Text(v.into()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// A Vonage `application/problem+json` body (RFC 7807).
///
/// ```
/// use errors_runtime::body::VonageProblem;
/// use errors_runtime::{Retry, vonage};
///
/// let body = r#"{
///   "type": "https://developer.vonage.com/api-errors#invalid-api-key",
///   "title": "Invalid API Key",
///   "detail": "API key 'ABC123' does not exist, or you do not have access",
///   "instance": "797a8f199c45014ab7b08bfe9cc1c12c"
/// }"#;
/// let problem: VonageProblem = serde_json::from_str(body)?;
/// let info = problem.entry().expect("a catalogued problem type");
/// assert_eq!(vonage::General::from_info(info), Some(vonage::General::InvalidApiKey));
/// assert_eq!(info.retry(), Retry::AfterFix);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct VonageProblem {
    /// The problem type URL; `about:blank` when the body has none.
    #[serde(rename = "type", default = "about_blank")]
    pub type_url: String,
    /// A short summary.
    #[serde(default)]
    pub title: Option<String>,
    /// What went wrong with this request.
    #[serde(default)]
    pub detail: Option<String>,
    /// An id of this occurrence, for the vendor's support.
    #[serde(default)]
    pub instance: Option<String>,
    /// Per-parameter validation failures, when the vendor lists them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invalid_parameters: Vec<InvalidParameter>,
}

fn about_blank() -> String {
    "about:blank".into()
}

/// An `about:blank` problem with no other members, as RFC 7807 defines.
impl Default for VonageProblem {
    fn default() -> Self {
        VonageProblem {
            type_url: about_blank(),
            title: None,
            detail: None,
            instance: None,
            invalid_parameters: Vec::new(),
        }
    }
}

impl VonageProblem {
    /// The catalog entry the `type` URL names, if it is known.
    pub fn entry(&self) -> Option<ErrorInfo> {
        crate::from_problem_type(&self.type_url)
    }

    /// The code part of the `type` URL (after `#`), known or not.
    pub fn code(&self) -> Option<&str> {
        self.type_url.rsplit_once('#').map(|(_, code)| code).filter(|c| !c.is_empty())
    }
}

/// One entry of a Vonage problem's `invalid_parameters`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct InvalidParameter {
    /// The parameter.
    #[serde(default)]
    pub name: String,
    /// Why it is invalid.
    #[serde(default)]
    pub reason: String,
}

/// A Sinch error body: `{status, errorCode, message, reference}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct SinchError {
    /// HTTP status and error type, e.g. `"400 ParameterValidation"`.
    #[serde(default)]
    pub status: Option<String>,
    /// The 5-digit error code, e.g. `40001`.
    #[serde(rename = "errorCode", default)]
    pub error_code: Option<RawCode>,
    /// A description of the cause.
    #[serde(default)]
    pub message: Option<String>,
    /// An id for Sinch support, if any.
    #[serde(default)]
    pub reference: Option<String>,
}

impl SinchError {
    /// The Verification API code, if the catalog knows it.
    ///
    /// `errorCode` decides, unless `status` names a different error: Sinch's
    /// own examples pair some status names with another code (the 40005
    /// example carries `40002`, the 50300 example `50500`), and the status
    /// name is the more specific of the two. A status name that several
    /// codes share (`AuthorizationHeader`) never overrides the code.
    pub fn code(&self) -> Option<sinch::Verification> {
        let by_code = self.error_code.as_ref().and_then(RawCode::as_u32).and_then(sinch::Verification::from_u32);
        let status_name = self.status.as_deref().map(|s| s.trim().rsplit(' ').next().unwrap_or(s));
        let Some(status_name) = status_name.filter(|n| !n.is_empty()) else { return by_code };
        if by_code.is_some_and(|c| c.title() == Some(status_name)) {
            return by_code;
        }
        let mut named = sinch::Verification::ALL.iter().filter(|c| c.title() == Some(status_name));
        match (named.next(), named.next()) {
            (Some(&only), None) => Some(only),
            _ => by_code,
        }
    }

    /// The catalog entry, if the code is known.
    pub fn entry(&self) -> Option<ErrorInfo> {
        self.code().map(sinch::Verification::info)
    }
}

/// A Notificore error body: `{"error":"40","errorDescription":"Message not found"}`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct NotificoreError {
    /// The code (API 1.0 sends digits, as a string) or, for API 2.0, the message.
    pub error: RawCode,
    /// The vendor's description.
    #[serde(rename = "errorDescription", default)]
    pub error_description: Option<String>,
}

impl NotificoreError {
    /// The catalog entry: an API 1.0 code, else an API 2.0 message (in
    /// `errorDescription` or `error`).
    pub fn entry(&self) -> Option<ErrorInfo> {
        if let Some(code) = self.error.as_u32() {
            return notificore::ApiV1::from_u32(code).map(notificore::ApiV1::info);
        }
        let by_text = |text: &str| notificore::ApiV2::from_code(text.trim()).map(notificore::ApiV2::info);
        self.error_description.as_deref().and_then(by_text).or_else(|| match &self.error {
            RawCode::Text(text) => by_text(text),
            RawCode::Number(_) => None,
        })
    }
}
