//! The catalog files as written, with spans: what serde reads.

use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

// The doc comments of the fields below are also the hover docs of the JSON
// Schemas in `schema/` (see [`crate::schema`]): write them for catalog
// editors. `toml::Spanned` is invisible in the files, hence the
// `#[schemars(with = …)]` on every field.

/// `catalog/<vendor>/vendor.toml`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VendorFile {
    /// Required. The vendor's display name, as it writes it, e.g. `"Vonage"`.
    #[schemars(with = "crate::schema::Text")]
    pub name: Spanned<String>,
    /// Optional. The vendor's page about its errors.
    #[schemars(with = "Option<crate::schema::Url>")]
    pub docs_url: Option<Spanned<String>>,
}

/// The `[product]` table of a product file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProductHeader {
    /// Required. The API's display name, as the vendor writes it, e.g. `"Messages API"`.
    #[schemars(with = "crate::schema::Text")]
    pub name: Spanned<String>,
    /// Required. What the vendor sends as a code: `"integer"` (e.g. `1020`),
    /// `"string"` (e.g. `"invalid-api-key"`) or `"none"` (only a message:
    /// entries have no `code` and are looked up by their `description`).
    #[schemars(with = "crate::schema::CodeType")]
    pub code_type: Spanned<String>,
    /// Optional. The vendor's page about this API's errors.
    #[schemars(with = "Option<crate::schema::Url>")]
    pub docs_url: Option<Spanned<String>>,
    /// Optional. The RFC 7807 problem `type` URL template of this API's
    /// errors; it must contain `{code}`, e.g. `"https://…/errors#{code}"`.
    #[schemars(with = "Option<crate::schema::ProblemType>")]
    pub problem_type: Option<Spanned<String>>,
    /// Optional. The Rust enum name (UpperCamelCase), when the one derived
    /// from the file name reads badly, e.g. `"TenDlc"` for `10dlc.toml`.
    #[schemars(with = "Option<crate::schema::RustName>")]
    pub rust_name: Option<Spanned<String>>,
}

/// One `[[error]]` entry of a product file.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ErrorEntry {
    /// The code the vendor sends: an integer (0..=4294967295) when the
    /// product's `code_type` is `"integer"`, a string when it is
    /// `"string"`; absent when it is `"none"`. Unique within the product.
    #[schemars(with = "Option<CodeValue>")]
    pub code: Option<Spanned<CodeValue>>,
    /// Optional. The Rust variant name (UpperCamelCase). When absent it is
    /// derived from a string code, otherwise from `title`; an integer or
    /// message-only entry without `title` needs a `name`.
    #[schemars(with = "Option<crate::schema::RustName>")]
    pub name: Option<Spanned<String>>,
    /// Optional. A short title, as the vendor writes it, e.g. `"Throttled"`.
    #[schemars(with = "Option<crate::schema::Text>")]
    pub title: Option<Spanned<String>>,
    /// Required. What happened, in the vendor's words. For `code_type =
    /// "none"` this is the message the vendor sends, verbatim: lookups
    /// match it exactly.
    #[schemars(with = "crate::schema::Text")]
    pub description: Spanned<String>,
    /// Optional. How to fix it, in the vendor's words.
    #[schemars(with = "Option<crate::schema::Text>")]
    pub resolution: Option<Spanned<String>>,
    /// Optional. The HTTP status the error travels with (100..=599).
    #[schemars(with = "Option<crate::schema::HttpStatus>")]
    pub http_status: Option<Spanned<i64>>,
    /// Required. The cross-vendor category. Pick it with the ordered rules
    /// in the docs of `errors_runtime::Category`
    /// (`errors-runtime/src/taxonomy.rs`).
    #[schemars(with = "crate::schema::CategoryId")]
    pub category: Spanned<String>,
    /// Optional. Whether retrying can help; set it only when it differs
    /// from the category's default (see `errors_runtime::Retry`).
    #[schemars(with = "Option<crate::schema::RetryId>")]
    pub retry: Option<Spanned<String>>,
    /// Optional. A page about this one error.
    #[schemars(with = "Option<crate::schema::Url>")]
    pub docs_url: Option<Spanned<String>>,
    /// Optional. An editorial note: discrepancies in the source, caveats.
    #[schemars(with = "Option<String>")]
    pub note: Option<Spanned<String>>,
    /// Optional. The source text was cut off and was completed from this page.
    #[schemars(with = "Option<crate::schema::Url>")]
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
