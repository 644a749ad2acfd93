//! The vendors' error response bodies, deserialized with serde (feature
//! `serde`).
//!
//! These are building blocks for code that already deserializes with
//! serde; to read any vendor's response from its bytes, with a decision,
//! use [`response`](crate::response) (feature `response`). All of them,
//! and [`Response`](crate::response::Response), implement
//! [`ErrorMetadata`] for code, message and request id.
//!
//! Each body keeps what the vendor sent, raw, and resolves it against the
//! catalog on demand. A code the catalog does not know never makes
//! deserialization fail: [`entry`](VonageProblem::entry) is `None` and the
//! raw code and message are still there. Nor does a field of an unexpected
//! type: a number where text is expected is kept as its text, anything
//! else that cannot be read is left out, and `invalid_parameters` may be an
//! array of `{name, reason}` or an object from name to reason.
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

use alloc::borrow::Cow;
use alloc::string::{String, ToString};
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
    #[serde(rename = "type", default = "about_blank", deserialize_with = "lenient::text_or_blank")]
    pub type_url: String,
    /// A short summary.
    #[serde(default, deserialize_with = "lenient::text")]
    pub title: Option<String>,
    /// What went wrong with this request.
    #[serde(default, deserialize_with = "lenient::text")]
    pub detail: Option<String>,
    /// An id of this occurrence, for the vendor's support.
    #[serde(default, deserialize_with = "lenient::text")]
    pub instance: Option<String>,
    /// Per-parameter validation failures, when the vendor lists them.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "lenient::parameters")]
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

/// The members of an `invalid_parameters` element that name the parameter,
/// first found wins; the response reader uses the same lists.
pub(crate) const PARAMETER_NAMES: [&str; 4] = ["name", "parameter", "field", "param"];
/// The members of an `invalid_parameters` element that say why.
pub(crate) const PARAMETER_REASONS: [&str; 4] = ["reason", "message", "description", "detail"];

/// One entry of a problem's `invalid_parameters`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct InvalidParameter {
    /// The parameter.
    pub name: String,
    /// Why it is invalid.
    pub reason: String,
}

impl InvalidParameter {
    /// A parameter and why it is invalid.
    pub fn new(name: impl Into<String>, reason: impl Into<String>) -> Self {
        InvalidParameter { name: name.into(), reason: reason.into() }
    }
}

/// A Sinch error body: `{status, errorCode, message, reference}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct SinchError {
    /// HTTP status and error type, e.g. `"400 ParameterValidation"` (a bare
    /// number such as `400` is kept as its text).
    #[serde(default, deserialize_with = "lenient::text")]
    pub status: Option<String>,
    /// The 5-digit error code, e.g. `40001`.
    #[serde(rename = "errorCode", default, deserialize_with = "lenient::code")]
    pub error_code: Option<RawCode>,
    /// A description of the cause.
    #[serde(default, deserialize_with = "lenient::text")]
    pub message: Option<String>,
    /// An id for Sinch support, if any.
    #[serde(default, deserialize_with = "lenient::text")]
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
    #[serde(rename = "errorDescription", default, deserialize_with = "lenient::text")]
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

/// What every error body tells: a code, a message, a request id. Generic
/// code (logging, metrics) can take any of errcat's body types, and
/// [`Response`](crate::response::Response), through it.
pub trait ErrorMetadata {
    /// The code as sent, as text (for problem bodies, the `type` URL's
    /// code part).
    fn code(&self) -> Option<Cow<'_, str>>;
    /// The vendor's message.
    fn message(&self) -> Option<&str>;
    /// An id of the request or occurrence, for the vendor's support.
    fn request_id(&self) -> Option<&str>;
}

impl ErrorMetadata for VonageProblem {
    fn code(&self) -> Option<Cow<'_, str>> {
        VonageProblem::code(self).map(Cow::Borrowed)
    }
    fn message(&self) -> Option<&str> {
        self.detail.as_deref().or(self.title.as_deref())
    }
    fn request_id(&self) -> Option<&str> {
        self.instance.as_deref()
    }
}

impl ErrorMetadata for SinchError {
    fn code(&self) -> Option<Cow<'_, str>> {
        self.error_code.as_ref().map(|c| Cow::Owned(c.to_string()))
    }
    fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
    fn request_id(&self) -> Option<&str> {
        self.reference.as_deref()
    }
}

impl ErrorMetadata for NotificoreError {
    fn code(&self) -> Option<Cow<'_, str>> {
        Some(Cow::Owned(self.error.to_string()))
    }
    fn message(&self) -> Option<&str> {
        self.error_description.as_deref()
    }
    fn request_id(&self) -> Option<&str> {
        None
    }
}

/// Deserializers that keep what they can read and leave out the rest, so
/// that one field of an unexpected type never refuses a whole body.
mod lenient {
    use alloc::format;
    use alloc::string::{String, ToString};
    use alloc::vec::Vec;
    use core::fmt;

    use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

    use super::{InvalidParameter, PARAMETER_NAMES, PARAMETER_REASONS, RawCode};

    /// Text from a string, number or boolean; `None` from anything else.
    struct Text;

    impl<'de> Visitor<'de> for Text {
        type Value = Option<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(v.into()))
        }
        fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
            Ok(Some(v))
        }
        fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
            Ok(Some(format!("{v}")))
        }
        fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
            Ok(Some(v.to_string()))
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(Text)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
            Ok(None)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok(None)
        }
    }

    /// A text field of any JSON type.
    struct AnyText(Option<String>);

    impl<'de> de::Deserialize<'de> for AnyText {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(Text).map(AnyText)
        }
    }

    pub(super) fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        d.deserialize_any(Text)
    }

    pub(super) fn text_or_blank<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        Ok(text(d)?.unwrap_or_else(super::about_blank))
    }

    /// A code from a number or string; `None` from anything else.
    pub(super) fn code<'de, D: Deserializer<'de>>(d: D) -> Result<Option<RawCode>, D::Error> {
        struct Code;
        impl<'de> Visitor<'de> for Code {
            type Value = Option<RawCode>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Some(RawCode::Number(v)))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Some(i64::try_from(v).map_or_else(|_| RawCode::Text(v.to_string()), RawCode::Number)))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
                Ok(Some(RawCode::Text(format!("{v}"))))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Some(RawCode::Text(v.into())))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_none<E>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_any(Code)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                Text.visit_seq(seq).map(|_| None)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                Text.visit_map(map).map(|_| None)
            }
        }
        d.deserialize_any(Code)
    }

    /// `invalid_parameters`: an array of `{name, reason}` objects (or of
    /// strings), or an object from name to reason (or to a list of
    /// reasons); anything else is no parameters.
    pub(super) fn parameters<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<InvalidParameter>, D::Error> {
        struct Parameters;
        impl<'de> Visitor<'de> for Parameters {
            type Value = Vec<InvalidParameter>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(Parameter(p)) = seq.next_element()? {
                    out.extend(p);
                }
                Ok(out)
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some((name, Reasons(reason))) = map.next_entry::<AnyText, Reasons>()? {
                    out.push(InvalidParameter { name: name.0.unwrap_or_default(), reason });
                }
                Ok(out)
            }
            fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
                Ok(Vec::new())
            }
            fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
                Ok(Vec::new())
            }
            fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
                Ok(Vec::new())
            }
            fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
                Ok(Vec::new())
            }
            fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                Ok(Vec::new())
            }
            fn visit_unit<E>(self) -> Result<Self::Value, E> {
                Ok(Vec::new())
            }
            fn visit_none<E>(self) -> Result<Self::Value, E> {
                Ok(Vec::new())
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
                d.deserialize_any(Parameters)
            }
        }
        d.deserialize_any(Parameters)
    }

    /// One element of an `invalid_parameters` array.
    struct Parameter(Option<InvalidParameter>);

    impl<'de> de::Deserialize<'de> for Parameter {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Element;
            impl<'de> Visitor<'de> for Element {
                type Value = Option<InvalidParameter>;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("any JSON value")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                    // The earliest key of each list wins, whatever the order in the body.
                    let mut name: [Option<String>; 4] = Default::default();
                    let mut reason: [Option<String>; 4] = Default::default();
                    while let Some(AnyText(key)) = map.next_key()? {
                        let AnyText(value) = map.next_value()?;
                        let key = key.unwrap_or_default();
                        if let Some(at) = PARAMETER_NAMES.iter().position(|k| *k == key) {
                            name[at] = name[at].take().or(value);
                        } else if let Some(at) = PARAMETER_REASONS.iter().position(|k| *k == key) {
                            reason[at] = reason[at].take().or(value);
                        }
                    }
                    let (name, reason) = (name.into_iter().flatten().next(), reason.into_iter().flatten().next());
                    Ok(Some(InvalidParameter { name: name.unwrap_or_default(), reason: reason.unwrap_or_default() }))
                }
                fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                    Text.visit_seq(seq).map(|_| None)
                }
                fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                    Ok(Some(InvalidParameter { name: String::new(), reason: v.into() }))
                }
                fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
                    Ok(Some(InvalidParameter { name: String::new(), reason: v.to_string() }))
                }
                fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
                    Ok(Some(InvalidParameter { name: String::new(), reason: v.to_string() }))
                }
                fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
                    Ok(Some(InvalidParameter { name: String::new(), reason: format!("{v}") }))
                }
                fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
                    Ok(None)
                }
                fn visit_unit<E>(self) -> Result<Self::Value, E> {
                    Ok(None)
                }
            }
            d.deserialize_any(Element).map(Parameter)
        }
    }

    /// The reason (or reasons, joined with `; `) of one parameter.
    struct Reasons(String);

    impl<'de> de::Deserialize<'de> for Reasons {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Any;
            impl<'de> Visitor<'de> for Any {
                type Value = String;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("any JSON value")
                }
                fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<String, A::Error> {
                    let mut reasons: Vec<String> = Vec::new();
                    while let Some(AnyText(reason)) = seq.next_element()? {
                        reasons.extend(reason);
                    }
                    Ok(reasons.join("; "))
                }
                fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<String, A::Error> {
                    Text.visit_map(map).map(|_| String::new())
                }
                fn visit_str<E>(self, v: &str) -> Result<String, E> {
                    Ok(v.into())
                }
                fn visit_i64<E>(self, v: i64) -> Result<String, E> {
                    Ok(v.to_string())
                }
                fn visit_u64<E>(self, v: u64) -> Result<String, E> {
                    Ok(v.to_string())
                }
                fn visit_f64<E>(self, v: f64) -> Result<String, E> {
                    Ok(format!("{v}"))
                }
                fn visit_bool<E>(self, v: bool) -> Result<String, E> {
                    Ok(v.to_string())
                }
                fn visit_unit<E>(self) -> Result<String, E> {
                    Ok(String::new())
                }
            }
            d.deserialize_any(Any).map(Reasons)
        }
    }
}
