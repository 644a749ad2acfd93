//! `errcat parse`: the runtime's response reader, as JSON or for humans.

use errors_runtime::body::RawCode;
use errors_runtime::response::{ReadErrorKind, Reader, Response};
use serde::Serialize;

use crate::EntryJson;

/// What `errcat parse --json` prints: the contract of `../shared/DESIGN.md`.
#[derive(Serialize)]
pub struct ParseJson {
    vendor: &'static str,
    product: Option<&'static str>,
    code: Option<RawCode>,
    message: Option<String>,
    known: bool,
    entry: Option<EntryJson>,
    candidates: Vec<EntryJson>,
    success: bool,
    status: Option<String>,
    category: &'static str,
    retry: &'static str,
    decided_by: &'static str,
    retry_after_s: Option<u64>,
    shape: &'static str,
    http_status: Option<u16>,
    request_id: Option<String>,
    instance: Option<String>,
    reference: Option<String>,
    invalid_parameters: Vec<ParameterJson>,
}

#[derive(Serialize)]
struct ParameterJson {
    name: String,
    reason: String,
}

impl From<&Response> for ParseJson {
    fn from(response: &Response) -> Self {
        ParseJson {
            vendor: response.vendor().id(),
            product: response.product().map(|p| p.id()),
            code: response.code(),
            message: response.message().map(str::to_owned),
            known: response.entry().is_some(),
            entry: response.entry().map(EntryJson::from),
            candidates: response.candidates().iter().copied().map(EntryJson::from).collect(),
            success: response.is_success(),
            status: response.status().map(str::to_owned),
            category: response.category().as_str(),
            retry: response.retry().as_str(),
            decided_by: response.decided_by().as_str(),
            retry_after_s: response.retry_after_delay().map(|d| d.as_secs()),
            shape: response.shape().name,
            http_status: response.http_status(),
            request_id: response.request_id().map(str::to_owned),
            instance: response.instance().map(str::to_owned),
            reference: response.reference().map(str::to_owned),
            invalid_parameters: response
                .invalid_parameters()
                .iter()
                .map(|p| ParameterJson { name: p.name.clone(), reason: p.reason.clone() })
                .collect(),
        }
    }
}

/// Reads `body` as the runtime does.
pub fn read(
    body: &[u8],
    vendor: Option<&str>,
    status: Option<u16>,
    retry_after: Option<&str>,
) -> Result<Response, errors_runtime::response::ReadError> {
    let mut reader = Reader::new();
    if let Some(vendor) = vendor {
        reader = reader.vendor(vendor);
    }
    if let Some(status) = status {
        reader = reader.http_status(status);
    }
    if let Some(value) = retry_after {
        reader = reader.retry_after(value);
    }
    reader.read(body)
}

/// Whether the reader's error is about the vendor argument, not the body.
pub fn is_unknown_vendor(kind: &ReadErrorKind) -> bool {
    matches!(kind, ReadErrorKind::UnknownVendor(_))
}
