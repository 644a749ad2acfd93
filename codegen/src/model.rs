//! The catalog files as written, with spans: what serde reads.

use serde::Deserialize;
use toml::Spanned;

/// `catalog/<vendor>/vendor.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VendorFile {
    pub name: Spanned<String>,
    pub docs_url: Option<Spanned<String>>,
}

/// The `[product]` table of a product file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProductHeader {
    pub name: Spanned<String>,
    pub code_type: Spanned<String>,
    pub docs_url: Option<Spanned<String>>,
    pub problem_type: Option<Spanned<String>>,
    pub rust_name: Option<Spanned<String>>,
}

/// One `[[error]]` entry of a product file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorEntry {
    pub code: Option<Spanned<CodeValue>>,
    pub name: Option<Spanned<String>>,
    pub title: Option<Spanned<String>>,
    pub description: Spanned<String>,
    pub resolution: Option<Spanned<String>>,
    pub http_status: Option<Spanned<i64>>,
    pub category: Spanned<String>,
    pub retry: Option<Spanned<String>>,
    pub docs_url: Option<Spanned<String>>,
    pub note: Option<Spanned<String>>,
    pub completed_from: Option<Spanned<String>>,
}

/// The keys an `[[error]]` table may have, for help messages.
pub const ERROR_FIELDS: &[&str] = &[
    "code",
    "name",
    "title",
    "description",
    "resolution",
    "http_status",
    "category",
    "retry",
    "docs_url",
    "note",
    "completed_from",
];

/// The keys a `[product]` table may have.
pub const PRODUCT_FIELDS: &[&str] = &["name", "code_type", "docs_url", "problem_type", "rust_name"];

/// The keys `vendor.toml` may have.
pub const VENDOR_FIELDS: &[&str] = &["name", "docs_url"];

/// A `code` as written: an integer or a string. Its type is checked
/// against the product's `code_type` during validation.
#[derive(Debug, Clone, PartialEq)]
pub enum CodeValue {
    Integer(i64),
    String(String),
}

impl<'de> Deserialize<'de> for CodeValue {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = CodeValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an integer or a string")
            }
            fn visit_i64<E>(self, v: i64) -> Result<CodeValue, E> {
                Ok(CodeValue::Integer(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<CodeValue, E> {
                i64::try_from(v).map(CodeValue::Integer).map_err(|_| E::custom("integer out of range"))
            }
            fn visit_str<E>(self, v: &str) -> Result<CodeValue, E> {
                Ok(CodeValue::String(v.to_owned()))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}
