//! JSON Schemas of the catalog format, for editors.
//!
//! Derived with `schemars` from the serde [`model`](crate::model), so they
//! cannot drift from what the loader reads: one schema for product files
//! ([`product_schema`]) and one for `vendor.toml` ([`vendor_schema`]).
//! They are checked in under `schema/` at the repository root (the build
//! script rewrites them when their bytes change), and every catalog file
//! names its schema on its first line, which taplo and VS Code's Even Better
//! TOML read:
//!
//! ```toml
//! #:schema ../../schema/product.schema.json
//! ```
//!
//! The schemas constrain what the validator checks where JSON Schema can say
//! it: required fields, no unknown fields, category and retry ids, code
//! types, the type of `code` per `code_type`, HTTP statuses, Rust names,
//! the `{code}` placeholder, non-blank text. Some checks stay with the
//! validator alone (duplicate codes and names, names derived from codes or
//! titles); `errcat check` and the build report those.
//!
//! They use JSON Schema draft 7, which taplo and most editors support.

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::transform::{RecursiveTransform, Transform};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Value, json};

use crate::ident::RESERVED_VARIANTS;
use crate::model::{
    CodeValue, ERROR_FIELDS, ErrorEntry, PRODUCT_FIELDS, ProductHeader, RESPONSE_FIELDS, SOURCE_FIELDS, SourceTable,
    VENDOR_FIELDS, VendorFile,
};
use crate::taxonomy::{Category, HTTP_STATUSES, Retry, Severity};

/// The folder of the checked-in schemas, relative to the repository root.
pub const SCHEMA_DIR: &str = "schema";
/// File name of the product-file schema under `schema/`.
pub const PRODUCT_SCHEMA_FILE: &str = "product.schema.json";
/// File name of the `vendor.toml` schema under `schema/`.
pub const VENDOR_SCHEMA_FILE: &str = "vendor.schema.json";

/// The schema files, by file name, as checked in under `schema/`.
pub fn files() -> Vec<(String, String)> {
    vec![(PRODUCT_SCHEMA_FILE.to_owned(), product_schema()), (VENDOR_SCHEMA_FILE.to_owned(), vendor_schema())]
}

/// The JSON Schema of `catalog/<vendor>/<product>.toml`, pretty-printed,
/// with a final newline.
pub fn product_schema() -> String {
    let mut schema = generator().into_root_schema_for::<ProductFile>();
    set_root(
        &mut schema,
        "errcat product file",
        "One API of a vendor: `catalog/<vendor>/<product>.toml`, a `[product]` table and its \
         `[[error]]` entries. The product id is the file name (lowercase ASCII letters, digits \
         and `-`). See catalog/README.md.",
    );
    schema.insert("allOf".to_owned(), code_rules());
    if let Some(retry) = schema.pointer_mut("/definitions/ErrorEntry/properties/retry/description") {
        let defaults: Vec<String> =
            Category::ALL.iter().map(|c| format!("`{}`: `{}`", c.as_str(), c.default_retry().as_str())).collect();
        *retry = Value::String(format!(
            "{}\n\nDefaults by category: {}.",
            retry.as_str().unwrap_or_default(),
            defaults.join(", ")
        ));
    }
    to_json(&schema)
}

/// The JSON Schema of `catalog/<vendor>/vendor.toml`, pretty-printed, with
/// a final newline.
pub fn vendor_schema() -> String {
    let mut schema = generator().into_root_schema_for::<VendorFile>();
    set_root(
        &mut schema,
        "errcat vendor.toml",
        "A vendor: `catalog/<vendor>/vendor.toml`, beside one `<product>.toml` per API. The vendor \
         id is the folder name (lowercase ASCII letters, digits and `-`). See catalog/README.md.",
    );
    to_json(&schema)
}

/// A product file as a whole. The loader reads it table by table (to
/// report every problem); this is its shape for the schema.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)]
struct ProductFile {
    /// Required. The API: its name, code type and links.
    product: ProductHeader,
    /// Optional. Where the entries come from, one `[[source]]` table
    /// each; an entry without `source` comes from the first.
    #[schemars(length(max = 8))]
    source: Option<Vec<SourceTable>>,
    /// Required, at least one. The errors of the API, one `[[error]]`
    /// table each, in the vendor's order.
    #[schemars(length(min = 1))]
    error: Vec<ErrorEntry>,
}

fn generator() -> SchemaGenerator {
    SchemaSettings::draft07().with_transform(RecursiveTransform(Tidy)).into_generator()
}

fn set_root(schema: &mut Schema, title: &str, description: &str) {
    schema.insert("title".to_owned(), title.into());
    schema.insert("description".to_owned(), description.into());
}

/// Pretty JSON with a fixed key order, whatever `serde_json` features the
/// build enables (`preserve_order` would change the order of its maps):
/// keywords in a reading order, properties in the model's field order.
fn to_json(schema: &Schema) -> String {
    let mut out = String::new();
    write_json(&mut out, schema.as_value(), 0, Keys::Schema);
    out.push('\n');
    out
}

/// What the keys of an object are.
#[derive(Clone, Copy, PartialEq)]
enum Keys {
    /// Keywords of a schema.
    Schema,
    /// Property or definition names, each mapped to a schema.
    Names,
    /// Plain data (`enum`, `const`, `required`, …).
    Data,
}

/// Schema keywords in the order they are written.
const KEYWORDS: &[&str] = &[
    "$schema",
    "$ref",
    "title",
    "description",
    "type",
    "const",
    "enum",
    "format",
    "pattern",
    "minLength",
    "minimum",
    "maximum",
    "not",
    "items",
    "minItems",
    "maxItems",
    "uniqueItems",
    "properties",
    "additionalProperties",
    "required",
    "anyOf",
    "allOf",
    "if",
    "then",
    "definitions",
];

/// Names in the order the model declares them.
fn name_order(keys: &[&String]) -> &'static [&'static str] {
    const FILE: &[&str] = &["product", "source", "error"];
    const DEFINITIONS: &[&str] = &["ProductHeader", "SourceTable", "ErrorEntry", "ResponseShape"];
    let lists = [FILE, VENDOR_FIELDS, PRODUCT_FIELDS, SOURCE_FIELDS, ERROR_FIELDS, RESPONSE_FIELDS, DEFINITIONS];
    lists.into_iter().find(|list| keys.iter().all(|k| list.contains(&k.as_str()))).unwrap_or(&[])
}

fn write_json(out: &mut String, value: &Value, indent: usize, keys: Keys) {
    let pad = |out: &mut String, level: usize| out.extend(std::iter::repeat_n("  ", level));
    match value {
        Value::Array(items) if !items.is_empty() => {
            let inner = if keys == Keys::Schema { Keys::Schema } else { Keys::Data };
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                pad(out, indent + 1);
                write_json(out, item, indent + 1, inner);
            }
            out.push('\n');
            pad(out, indent);
            out.push(']');
        }
        Value::Object(map) if !map.is_empty() => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            let order: &[&str] = match keys {
                Keys::Schema => KEYWORDS,
                Keys::Names => name_order(&entries.iter().map(|(k, _)| *k).collect::<Vec<_>>()),
                Keys::Data => &[],
            };
            let rank = |key: &str| order.iter().position(|k| *k == key).unwrap_or(order.len());
            entries.sort_by(|(a, _), (b, _)| rank(a).cmp(&rank(b)).then_with(|| a.cmp(b)));
            out.push('{');
            for (i, (key, value)) in entries.into_iter().enumerate() {
                out.push_str(if i == 0 { "\n" } else { ",\n" });
                pad(out, indent + 1);
                out.push_str(&Value::String(key.clone()).to_string());
                out.push_str(": ");
                let inner = match (keys, key.as_str()) {
                    (Keys::Schema, "properties" | "definitions") => Keys::Names,
                    (Keys::Schema, "not" | "items" | "additionalProperties" | "anyOf" | "allOf" | "if" | "then") => {
                        Keys::Schema
                    }
                    (Keys::Names, _) => Keys::Schema,
                    _ => Keys::Data,
                };
                write_json(out, value, indent + 1, inner);
            }
            out.push('\n');
            pad(out, indent);
            out.push('}');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// `code` and `name` depend on the product's `code_type`.
fn code_rules() -> Value {
    let when = |code_type: &str, then: Value| {
        json!({
            "if": {
                "required": ["product"],
                "properties": { "product": {
                    "required": ["code_type"],
                    "properties": { "code_type": { "const": code_type } },
                } },
            },
            "then": { "properties": { "error": { "items": then } } },
        })
    };
    let named = json!([{ "required": ["name"] }, { "required": ["title"] }]);
    json!([
        when(
            crate::taxonomy::CodeType::Integer.as_str(),
            json!({
                "required": ["code"],
                "properties": { "code": { "type": "integer" } },
                "anyOf": named,
            })
        ),
        when(
            crate::taxonomy::CodeType::String.as_str(),
            json!({
                "required": ["code"],
                "properties": { "code": { "type": "string" } },
            })
        ),
        when(
            crate::taxonomy::CodeType::None.as_str(),
            json!({
                "properties": { "code": false },
                "anyOf": named,
            })
        ),
    ])
}

/// Tidies every subschema. TOML has no null: optional fields are absent,
/// never `null`, so the `null` that schemars allows for `Option` fields
/// goes. Descriptions come from doc comments: their hard-wrapped lines are
/// joined (paragraph breaks stay), as editors show them reflowed anyway.
#[derive(Clone)]
struct Tidy;

impl Transform for Tidy {
    fn transform(&mut self, schema: &mut Schema) {
        if let Some(Value::String(text)) = schema.get_mut("description") {
            *text = text
                .split("\n\n")
                .map(|p| p.split('\n').collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
                .join("\n\n");
        }
        if let Some(Value::Array(types)) = schema.get_mut("type") {
            types.retain(|t| t != "null");
            if let [single] = types.as_slice() {
                let single = single.clone();
                schema.insert("type".to_owned(), single);
            }
        }
        if let Some(Value::Array(values)) = schema.get_mut("enum") {
            values.retain(|v| !v.is_null());
        }
        if let Some(Value::Array(options)) = schema.get_mut("anyOf") {
            options.retain(|o| o.get("type").is_none_or(|t| t != "null"));
        }
    }
}

/// Text that must not be blank.
pub(crate) struct Text;

impl JsonSchema for Text {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "\\S" })
    }
}

/// `code_type`.
pub(crate) struct CodeType;

impl JsonSchema for CodeType {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "CodeType".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let ids: Vec<&str> = crate::taxonomy::CodeType::ALL.iter().map(|t| t.as_str()).collect();
        json_schema!({ "type": "string", "enum": ids })
    }
}

/// A category id, from the runtime's own taxonomy.
pub(crate) struct CategoryId;

impl JsonSchema for CategoryId {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Category".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let ids: Vec<&str> = Category::ALL.iter().map(|c| c.as_str()).collect();
        json_schema!({ "type": "string", "enum": ids })
    }
}

/// A retry advice id, from the runtime's own taxonomy.
pub(crate) struct RetryId;

impl JsonSchema for RetryId {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Retry".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let ids: Vec<&str> = Retry::ALL.iter().map(|r| r.as_str()).collect();
        json_schema!({ "type": "string", "enum": ids })
    }
}

/// A severity id, from the runtime's own taxonomy.
pub(crate) struct SeverityId;

impl JsonSchema for SeverityId {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Severity".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let ids: Vec<&str> = Severity::ALL.iter().map(|s| s.as_str()).collect();
        json_schema!({ "type": "string", "enum": ids })
    }
}

/// An HTTP status.
pub(crate) struct HttpStatus;

impl JsonSchema for HttpStatus {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "HttpStatus".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "integer", "minimum": HTTP_STATUSES.start(), "maximum": HTTP_STATUSES.end() })
    }
}

/// An UpperCamelCase Rust name that the generated code does not define
/// itself (see [`crate::ident::is_upper_camel`]).
pub(crate) struct RustName;

impl JsonSchema for RustName {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "RustName".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let mut reserved: Vec<&str> = RESERVED_VARIANTS.to_vec();
        reserved.push("Self");
        json_schema!({ "type": "string", "pattern": "^[A-Z][A-Za-z0-9]*$", "not": { "enum": reserved } })
    }
}

/// A `problem_type` template.
pub(crate) struct ProblemType;

impl JsonSchema for ProblemType {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "ProblemType".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "^https?://[^\\s\\x00-\\x1f\\x7f]*\\{code\\}[^\\s\\x00-\\x1f\\x7f]*$" })
    }
}

/// The id of a `[[source]]`.
pub(crate) struct SourceId;

impl JsonSchema for SourceId {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "SourceId".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$" })
    }
}

/// An entry's `source`: one id or a list.
pub(crate) struct SourceIds;

impl JsonSchema for SourceIds {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "SourceIds".into()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let id = SourceId::json_schema(generator);
        json_schema!({ "anyOf": [id, { "type": "array", "items": id, "minItems": 1, "uniqueItems": true }] })
    }
}

/// A day, `YYYY-MM-DD`.
pub(crate) struct Date;

impl JsonSchema for Date {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" })
    }
}

/// An `http(s)://` address without spaces or control characters.
pub(crate) struct Url;

impl JsonSchema for Url {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Url".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "^https?://[^\\s\\x00-\\x1f\\x7f]+$" })
    }
}

/// An integer or a string code; which one the product's `code_type` says
/// (the root schema's `allOf`).
impl JsonSchema for CodeValue {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Code".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": ["integer", "string"],
            "minimum": 0,
            "maximum": u32::MAX,
            "minLength": 1,
        })
    }
}

/// The name of a `[[response]]` shape.
pub(crate) struct ShapeName;

impl JsonSchema for ShapeName {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "ShapeName".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$" })
    }
}

/// A path into a JSON body, or a list of them.
pub(crate) struct Paths;

impl JsonSchema for Paths {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Paths".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let path = json!({ "type": "string", "pattern": "^[^.\\[\\]]+(\\[\\])?(\\.[^.\\[\\]]+(\\[\\])?)*$" });
        json_schema!({ "anyOf": [path, { "type": "array", "items": path, "minItems": 1 }] })
    }
}

/// What a shape's `code` holds.
pub(crate) struct CodeKind;

impl JsonSchema for CodeKind {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "CodeKind".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "enum": ["code", "problem-type", "message"] })
    }
}

/// A product id: a product file's name without `.toml`.
pub(crate) struct ProductId;

impl JsonSchema for ProductId {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "ProductId".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$" })
    }
}

/// A host name, e.g. `developer.vonage.com`.
pub(crate) struct Host;

impl JsonSchema for Host {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Host".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({ "type": "string", "pattern": "^[A-Za-z0-9.-]+$" })
    }
}
