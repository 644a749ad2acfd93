//! The catalog files as written, with spans: what serde reads.

#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

// The doc comments of the fields below are also the hover docs of the JSON
// Schemas in `schema/` (see [`crate::schema`]): write them for catalog
// editors. `toml::Spanned` is invisible in the files, hence the
// `#[schemars(with = …)]` on every field.

/// `catalog/<vendor>/vendor.toml`.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct VendorFile {
    /// Required. The vendor's display name, as it writes it, e.g. `"Vonage"`.
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Text"))]
    pub name: Spanned<String>,
    /// Optional. Hosts of the vendor's problem `type` URLs besides those of
    /// its products' `problem_type` templates, e.g. `"developers.sinch.com"`:
    /// a `type` URL on a host the vendor does not declare is not its.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<crate::schema::Host>"))]
    pub problem_hosts: Vec<Spanned<String>>,
    /// Optional. The vendor's page about its errors.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Url>"))]
    pub docs_url: Option<Spanned<String>>,
    /// Optional. Where this vendor's response bodies carry their errors:
    /// one `[[response]]` table per body shape. Readers try every shape and
    /// take the one that fits best (see catalog/README.md). The loader reads
    /// each table on its own (into `LoadedVendor::responses`); this field is
    /// here for the JSON Schema.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<ResponseShape>"))]
    pub response: Vec<Spanned<ResponseShape>>,
}

/// One `[[response]]` table of `vendor.toml`: a body shape.
///
/// Fields are paths into the JSON body: member names joined by `.`, where
/// `name[]` walks every element of the array `name`, e.g.
/// `"messages[].status"`. A field given as a list takes the first path that
/// is present.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ResponseShape {
    /// Required. A short name for the shape, unique within the vendor, e.g. `"problem"`.
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::ShapeName"))]
    pub name: Spanned<String>,
    /// Optional. Where the code is: a string or number. With
    /// `code_kind = "problem-type"` the value is an RFC 7807 `type` URL.
    /// A shape without one (a body that carries only a message) needs
    /// `requires`.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Paths>"))]
    pub code: Option<Spanned<PathList>>,
    /// Optional. What the code is: `"code"` (default, a catalog code),
    /// `"problem-type"` (a URL matched against the products'
    /// `problem_type` templates) or `"message"` (a message looked up in
    /// message-only products).
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::CodeKind>"))]
    pub code_kind: Option<Spanned<String>>,
    /// Optional. Where the vendor's message is.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Paths>"))]
    pub message: Option<Spanned<PathList>>,
    /// Optional. Where a request or trace id is.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Paths>"))]
    pub request_id: Option<Spanned<PathList>>,
    /// Optional. Where an RFC 7807 `instance` (an id of this occurrence) is.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Paths>"))]
    pub instance: Option<Spanned<PathList>>,
    /// Optional. Where a support reference is.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Paths>"))]
    pub reference: Option<Spanned<PathList>>,
    /// Optional. Where per-parameter failures are: an array of
    /// `{name, reason}` objects, or an object from name to reason.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Paths>"))]
    pub invalid_parameters: Option<Spanned<PathList>>,
    /// Optional. Where the state of the message the body reports on is
    /// (a delivery report's `"delivered"`, `"failed"`): with `success`, it
    /// tells a report of a delivered message from one of a failed message.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Paths>"))]
    pub status: Option<Spanned<PathList>>,
    /// Optional. Members that must be present, besides the code, for a
    /// body to have this shape; they tell it apart from other shapes.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Paths>"))]
    pub requires: Option<Spanned<PathList>>,
    /// Optional. Codes and statuses that mean success, e.g. `["0"]`: a
    /// body whose code and status, those it has, are all among them is a
    /// success body, not an error.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<crate::schema::Text>"))]
    pub success: Vec<Spanned<String>>,
    /// Optional. The product (file name) whose bodies have this shape.
    /// Without it, the code is looked up across `products`.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::ProductId>"))]
    pub product: Option<Spanned<String>>,
    /// Optional. The products whose codes this shape can carry, best
    /// first; default: every product of the vendor. `[]` says none of the
    /// catalog's (the API is not in it), so codes stay unknown.
    #[cfg_attr(feature = "schema", schemars(with = "Option<Vec<crate::schema::ProductId>>"))]
    pub products: Option<Vec<Spanned<String>>>,
}

/// Paths into a JSON body, as written: one string or a list.
#[derive(Debug, Clone, PartialEq)]
pub struct PathList(pub Vec<String>);

impl<'de> Deserialize<'de> for PathList {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = PathList;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a path such as `\"error.code\"`, or a list of paths")
            }
            fn visit_str<E>(self, v: &str) -> Result<PathList, E> {
                Ok(PathList(vec![v.to_owned()]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<PathList, A::Error> {
                let mut paths = Vec::new();
                while let Some(path) = seq.next_element::<String>()? {
                    paths.push(path);
                }
                Ok(PathList(paths))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// The keys a `[[response]]` table may have.
pub const RESPONSE_FIELDS: &[&str] = &[
    "name",
    "code",
    "code_kind",
    "message",
    "request_id",
    "instance",
    "reference",
    "invalid_parameters",
    "status",
    "requires",
    "success",
    "product",
    "products",
];

/// The `[product]` table of a product file.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProductHeader {
    /// Required. The API's display name, as the vendor writes it, e.g. `"Messages API"`.
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Text"))]
    pub name: Spanned<String>,
    /// Required. What the vendor sends as a code: `"integer"` (e.g. `1020`),
    /// `"string"` (e.g. `"invalid-api-key"`) or `"none"` (only a message:
    /// entries have no `code` and are looked up by their `description`).
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::CodeType"))]
    pub code_type: Spanned<String>,
    /// Optional. The vendor's page about this API's errors.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Url>"))]
    pub docs_url: Option<Spanned<String>>,
    /// Optional. The RFC 7807 problem `type` URL template of this API's
    /// errors; it must contain `{code}`, e.g. `"https://…/errors#{code}"`.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::ProblemType>"))]
    pub problem_type: Option<Spanned<String>>,
    /// Optional. Other `type` URL templates that name this API's errors:
    /// legacy paths and forms the vendor also sends, each with `{code}`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<crate::schema::ProblemType>"))]
    pub problem_type_aliases: Vec<Spanned<String>>,
    /// Optional. The Rust enum name (UpperCamelCase), when the one derived
    /// from the file name reads badly, e.g. `"TenDlc"` for `10dlc.toml`.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::RustName>"))]
    pub rust_name: Option<Spanned<String>>,
}

/// One `[[error]]` entry of a product file.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ErrorEntry {
    /// The code the vendor sends: an integer (0..=4294967295) when the
    /// product's `code_type` is `"integer"`, a string when it is
    /// `"string"`; absent when it is `"none"`. Unique within the product.
    #[cfg_attr(feature = "schema", schemars(with = "Option<CodeValue>"))]
    pub code: Option<Spanned<CodeValue>>,
    /// Optional. The Rust variant name (UpperCamelCase). When absent it is
    /// derived from a string code, otherwise from `title`; an integer or
    /// message-only entry without `title` needs a `name`.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::RustName>"))]
    pub name: Option<Spanned<String>>,
    /// Optional. A short title, as the vendor writes it, e.g. `"Throttled"`.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Text>"))]
    pub title: Option<Spanned<String>>,
    /// Required. What happened, in the vendor's words. For `code_type =
    /// "none"` this is the message the vendor sends, verbatim: lookups
    /// match it exactly.
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Text"))]
    pub description: Spanned<String>,
    /// Optional. How to fix it, in the vendor's words.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Text>"))]
    pub resolution: Option<Spanned<String>>,
    /// Optional. What can cause it, in the vendor's words.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Text>"))]
    pub causes: Option<Spanned<String>>,
    /// Optional. `"error"` (default) or `"warning"`: the vendor reports a
    /// problem although the request went through.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::SeverityId>"))]
    pub severity: Option<Spanned<String>>,
    /// Optional. The HTTP status the error travels with (100..=599).
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::HttpStatus>"))]
    pub http_status: Option<Spanned<i64>>,
    /// Required. The cross-vendor category. Pick it with the ordered rules
    /// in the docs of `errors_runtime::Category`
    /// (`errors-runtime/src/taxonomy.rs`).
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::CategoryId"))]
    pub category: Spanned<String>,
    /// Optional. Whether retrying can help; set it only when it differs
    /// from the category's default (see `errors_runtime::Retry`).
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::RetryId>"))]
    pub retry: Option<Spanned<String>>,
    /// Optional. A page about this one error.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Url>"))]
    pub docs_url: Option<Spanned<String>>,
    /// Optional. Other codes the vendor sends for this entry (older codes,
    /// known misspellings); string codes only. Lookups find the entry by
    /// any of them.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "Vec<crate::schema::Text>"))]
    pub aliases: Vec<Spanned<String>>,
    /// Optional. An editorial note: discrepancies in the source, caveats.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub note: Option<Spanned<String>>,
    /// Optional. The source text was cut off and was completed from this page.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Url>"))]
    pub completed_from: Option<Spanned<String>>,
    /// Optional. The vendor no longer lists this code: since when, or why
    /// (`errcat import` writes it when a code leaves the vendor's
    /// dictionary). The entry stays until the next major release.
    #[cfg_attr(feature = "schema", schemars(with = "Option<crate::schema::Text>"))]
    pub withdrawn: Option<Spanned<String>>,
    /// Optional. The ids of the file's `[[source]]` tables that document
    /// this entry, best first; default: the first `[[source]]`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::SourceIds"))]
    pub source: Vec<Spanned<String>>,
}

/// One `[[source]]` table of a product file: a page or file that
/// documents entries of the product. The first is the default source of
/// every entry that does not name its own.
#[derive(Debug, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SourceTable {
    /// Required. A short name for the source, unique within the file,
    /// e.g. `"errors-page"`; entries name it in `source`.
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::SourceId"))]
    pub id: Spanned<String>,
    /// Required. Where the source is: the vendor's page, or a file in a
    /// public repository, best as a URL pinned to a commit
    /// (`https://github.com/<owner>/<repo>/blob/<commit>/<path>`).
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Url"))]
    pub url: Spanned<String>,
    /// Required. When the catalog was last compared with the source, as
    /// `"YYYY-MM-DD"`.
    #[cfg_attr(feature = "schema", schemars(with = "crate::schema::Date"))]
    pub checked: Spanned<String>,
}

/// The keys a `[[source]]` table may have.
pub const SOURCE_FIELDS: &[&str] = &["id", "url", "checked"];

/// The keys an `[[error]]` table may have, for help messages.
pub const ERROR_FIELDS: &[&str] = &[
    "code",
    "name",
    "title",
    "description",
    "resolution",
    "causes",
    "severity",
    "http_status",
    "category",
    "retry",
    "docs_url",
    "aliases",
    "note",
    "completed_from",
    "withdrawn",
    "source",
];

/// The keys a `[product]` table may have.
pub const PRODUCT_FIELDS: &[&str] =
    &["name", "code_type", "docs_url", "problem_type", "problem_type_aliases", "rust_name"];

/// The keys `vendor.toml` may have.
pub const VENDOR_FIELDS: &[&str] = &["name", "problem_hosts", "docs_url", "response"];

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
