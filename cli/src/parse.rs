//! Recognises a vendor's HTTP error body.

use errors_runtime::ErrorInfo;
use errors_runtime::body::{NotificoreError, SinchError, VonageProblem};
use serde_json::Value;

/// What a body turned out to be.
pub struct Parsed {
    /// The vendor id.
    pub vendor: &'static str,
    /// The catalog entry, when the code is known.
    pub entry: Option<ErrorInfo>,
    /// The code as sent, for the report when it is unknown.
    pub raw_code: String,
    /// The vendor's message in this body, if any.
    pub message: Option<String>,
}

/// Why a body could not be read.
pub enum ParseError {
    NotJson(serde_json::Error),
    NotAnErrorBody(String),
}

const VENDORS: &[&str] = &["vonage", "sinch", "notificore"];

/// Parses `text` as the error body of `vendor`, or of whichever vendor's
/// shape it has when `vendor` is `None`.
pub fn parse(text: &str, vendor: Option<&str>) -> Result<Parsed, ParseError> {
    let value: Value = serde_json::from_str(text).map_err(ParseError::NotJson)?;
    let Value::Object(object) = &value else {
        return Err(ParseError::NotAnErrorBody(format!("expected a JSON object, found {}", kind(&value))));
    };
    let vendor: &'static str = match vendor {
        Some(v) if VENDORS.contains(&v) => VENDORS.iter().find(|known| **known == v).copied().unwrap_or("vonage"),
        Some(v) => {
            return Err(ParseError::NotAnErrorBody(format!(
                "no body format is known for vendor `{v}` (known: `vonage`, `sinch`, `notificore`)"
            )));
        }
        None if object.contains_key("type") || object.contains_key("detail") => "vonage",
        None if object.contains_key("errorCode") => "sinch",
        None if object.contains_key("error") => "notificore",
        None => {
            let keys: Vec<String> = object.keys().map(|k| format!("`{k}`")).collect();
            return Err(ParseError::NotAnErrorBody(format!(
                "no vendor's error fields found (keys: {}); expected Vonage `type`/`detail`, Sinch `errorCode` or Notificore `error`",
                if keys.is_empty() { "none".to_owned() } else { keys.join(", ") }
            )));
        }
    };
    let shape_error = |e: serde_json::Error| ParseError::NotAnErrorBody(format!("not a {vendor} error body: {e}"));
    Ok(match vendor {
        "vonage" => {
            let problem: VonageProblem = serde_json::from_value(value).map_err(shape_error)?;
            Parsed {
                vendor,
                entry: problem.entry(),
                raw_code: problem.type_url.clone(),
                message: problem.detail.or(problem.title),
            }
        }
        "sinch" => {
            let error: SinchError = serde_json::from_value(value).map_err(shape_error)?;
            Parsed {
                vendor,
                entry: error.entry(),
                raw_code: error.error_code.as_ref().map(ToString::to_string).unwrap_or_default(),
                message: error.message,
            }
        }
        _ => {
            let error: NotificoreError = serde_json::from_value(value).map_err(shape_error)?;
            Parsed { vendor, entry: error.entry(), raw_code: error.error.to_string(), message: error.error_description }
        }
    })
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
