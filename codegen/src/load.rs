//! Reads a catalog folder into the serde model, keeping every file's text
//! for diagnostics. Problems are collected, not returned early.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::IntoDeserializer;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Diagnostic, FileId, Sources};
use crate::ir::{Category, Retry};
use crate::model::{
    ERROR_FIELDS, ErrorEntry, PRODUCT_FIELDS, ProductHeader, RESPONSE_FIELDS, ResponseShape, SOURCE_FIELDS,
    SourceTable, VENDOR_FIELDS, VendorFile,
};

/// A catalog as read, before validation.
#[derive(Debug, Default)]
pub struct Loaded {
    pub vendors: Vec<LoadedVendor>,
}

#[derive(Debug)]
pub struct LoadedVendor {
    pub id: String,
    pub dir: PathBuf,
    /// `None` when vendor.toml is missing or broken (already reported).
    pub file: Option<(FileId, VendorFile)>,
    /// The `[[response]]` shapes that deserialized; broken ones are
    /// already reported.
    pub responses: Vec<Spanned<ResponseShape>>,
    pub vendor_toml_missing: bool,
    pub products: Vec<LoadedProduct>,
}

#[derive(Debug)]
pub struct LoadedProduct {
    pub id: String,
    pub file: FileId,
    /// `None` when `[product]` is missing or broken (already reported).
    pub header: Option<Spanned<ProductHeader>>,
    /// Entries that deserialized; broken ones are already reported.
    pub errors: Vec<Spanned<ErrorEntry>>,
    /// How many `[[error]]` entries the file has, broken ones included.
    pub entry_count: usize,
    /// The `[[source]]` tables that deserialized; broken ones are already
    /// reported.
    pub sources: Vec<Spanned<SourceTable>>,
}

/// Whether `id` is a legal vendor or product id.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Reads every vendor folder under `dir`. Paths in diagnostics start with
/// `display_root`.
pub fn load(dir: &Path, display_root: &Path, sources: &mut Sources, diags: &mut Vec<Diagnostic>) -> Loaded {
    let mut loaded = Loaded::default();
    let entries = match sorted_entries(dir) {
        Ok(entries) => entries,
        Err(err) => {
            diags.push(Diagnostic::path(display_root, format!("cannot read the catalog folder: {err}")));
            return loaded;
        }
    };
    let folders = entries.iter().filter(|(_, path)| path.is_dir()).count();
    if folders == 0 {
        diags.push(
            Diagnostic::path(display_root, "no vendor folder: this is not a catalog").help(
                "a catalog folder holds a folder per vendor, each with a `vendor.toml` and a `.toml` per product",
            ),
        );
    }
    for (name, path) in entries {
        let display = display_root.join(&name);
        if path.is_dir() {
            if !is_valid_id(&name) {
                diags.push(
                    Diagnostic::path(&display, format!("vendor folder `{name}` is not a valid vendor id"))
                        .help(id_help("the folder", &name, "")),
                );
                continue;
            }
            if crate::ident::is_windows_device_name(&name) {
                diags.push(unportable(&display, "vendor folder", &name));
                continue;
            }
            loaded.vendors.push(load_vendor(&name, &path, &display, sources, diags));
        } else if toml_stem(&name).is_some() {
            diags.push(
                Diagnostic::path(&display, "product file outside a vendor folder")
                    .help("move it to `<vendor>/<product>.toml` next to a `vendor.toml`"),
            );
        }
    }
    loaded
}

/// The stem of a catalog file: `.toml` in any letter case (`SMS.TOML` is
/// read too, and then named by its invalid id, never skipped silently).
pub(crate) fn toml_stem(name: &str) -> Option<&str> {
    let at = name.len().checked_sub(".toml".len())?;
    let (stem, extension) = (name.get(..at)?, name.get(at..)?);
    extension.eq_ignore_ascii_case(".toml").then_some(stem)
}

/// A name that cannot be a file or folder on Windows.
fn unportable(display: &Path, what: &str, name: &str) -> Diagnostic {
    Diagnostic::path(display, format!("{what} `{name}` has a name Windows reserves for a device"))
        .help("rename it: a clone of this catalog could not be checked out or generated on Windows")
}

/// How to fix an invalid id: the rule, and a rename when one can be made.
fn id_help(what: &str, id: &str, suffix: &str) -> String {
    let rule = "ids are lowercase ASCII letters, digits and `-`";
    let suggestion: String = id
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if is_valid_id(&suggestion) {
        format!("{rule}: rename {what} to `{suggestion}{suffix}`")
    } else {
        format!("{rule}: rename {what}, e.g. to `my-id{suffix}`")
    }
}

fn sorted_entries(dir: &Path) -> std::io::Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        out.push((name, entry.path()));
    }
    out.sort();
    Ok(out)
}

fn load_vendor(
    id: &str,
    dir: &Path,
    display: &Path,
    sources: &mut Sources,
    diags: &mut Vec<Diagnostic>,
) -> LoadedVendor {
    let mut vendor = LoadedVendor {
        id: id.to_owned(),
        dir: display.to_path_buf(),
        file: None,
        responses: Vec::new(),
        vendor_toml_missing: false,
        products: Vec::new(),
    };
    let entries = match sorted_entries(dir) {
        Ok(entries) => entries,
        Err(err) => {
            diags.push(Diagnostic::path(display, format!("cannot read the vendor folder: {err}")));
            return vendor;
        }
    };
    let mut saw_vendor_toml = false;
    for (name, path) in entries {
        let display = display.join(&name);
        let Some(stem) = toml_stem(&name) else { continue };
        if path.is_dir() {
            continue;
        }
        saw_vendor_toml |= stem == "vendor";
        let Some(file) = read_file(&path, &display, sources, diags) else { continue };
        let text = sources.text(file).to_owned();
        let Some(table) = parse_toml(file, &text, diags) else { continue };
        if stem == "vendor" {
            let (table, responses) = take_array_of_tables(file, &text, table, "response", &RESPONSE, diags);
            vendor.responses = responses;
            vendor.file =
                deserialize_table::<VendorFile>(file, &text, table, &VENDOR, diags).map(|v| (file, v.into_inner()));
            continue;
        }
        if !is_valid_id(stem) {
            diags.push(
                Diagnostic::path(&display, format!("product file `{name}` does not have a valid product id"))
                    .help(id_help("the file", stem, ".toml")),
            );
            continue;
        }
        if crate::ident::is_windows_device_name(stem) {
            diags.push(unportable(&display, "product file", &name));
            continue;
        }
        vendor.products.push(load_product(stem, file, &text, table, diags));
    }
    vendor.vendor_toml_missing = !saw_vendor_toml;
    vendor
}

fn read_file(path: &Path, display: &Path, sources: &mut Sources, diags: &mut Vec<Diagnostic>) -> Option<FileId> {
    match std::fs::read_to_string(path) {
        Ok(text) => Some(sources.add(display.to_path_buf(), text)),
        Err(err) => {
            diags.push(Diagnostic::path(display, format!("cannot read the file: {err}")));
            None
        }
    }
}

/// Parses a whole file, reporting every syntax error.
fn parse_toml<'t>(file: FileId, text: &'t str, diags: &mut Vec<Diagnostic>) -> Option<Spanned<DeTable<'t>>> {
    let (table, errors) = DeTable::parse_recoverable(text);
    if errors.is_empty() {
        return Some(table);
    }
    for error in errors {
        diags.push(syntax_error(file, text, &error));
    }
    None
}

/// A TOML syntax error, in errcat's words where toml's are terse.
fn syntax_error(file: FileId, text: &str, error: &toml::de::Error) -> Diagnostic {
    let span = error.span().unwrap_or_else(|| spanless_error_line(text, error.message()));
    let message = lowercase_first(error.message().trim().trim_end_matches('.'));
    if message == "duplicate key" {
        let key = text.get(span.clone()).unwrap_or_default().trim();
        let help = if key == "product" {
            "a product file has one `[product]` table; merge the two".to_owned()
        } else {
            format!("remove one of the two `{key}`")
        };
        let what = if key.is_empty() { "duplicate key".to_owned() } else { format!("duplicate key `{key}`") };
        return Diagnostic::at(file, span, what, "defined a second time").help(help);
    }
    if message == "recursion limit" {
        return Diagnostic::at(file, span, "keys or values nest deeper than the TOML parser allows", "too deep")
            .help("flatten it: catalog tables and keys are never more than a few levels deep");
    }
    let diagnostic = Diagnostic::at(file, span.clone(), message.clone(), "invalid TOML");
    let raw_control =
        text.get(span.start..).and_then(|t| t.chars().next()).filter(|c| c.is_control() && *c != '\n' && *c != '\r');
    if let Some(c) = raw_control
        && (message.starts_with("invalid basic string") || message.starts_with("invalid literal string"))
    {
        diagnostic.help(format!(
            "a string cannot hold a raw control character: write it as `\\u{:04X}` in a \"…\" string, or remove it",
            u32::from(c)
        ))
    } else if message.starts_with("invalid basic string") || message.starts_with("invalid literal string") {
        diagnostic.help("close the string on the same line, or use `\"\"\"` for text over several lines")
    } else if message.contains("expected `=`") {
        let line_start = text.get(..span.start).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
        let key = text.get(line_start..span.start).unwrap_or_default().trim();
        let simple = !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        diagnostic.help(if simple { format!("write `{key} = …`") } else { "write `key = value`".to_owned() })
    } else {
        diagnostic
    }
}

/// Where an error the parser gives no position for (its recursion limit,
/// say) is: the first line that, with the lines before it, gives the same
/// error. Found by bisection, so a large file is parsed a few dozen times
/// at most, and only when this error happens.
fn spanless_error_line(text: &str, message: &str) -> std::ops::Range<usize> {
    let ends: Vec<usize> = text.match_indices('\n').map(|(at, _)| at + 1).chain([text.len()]).collect();
    let fails = |lines: usize| {
        let prefix = &text[..ends[lines - 1]];
        let (_, errors) = DeTable::parse_recoverable(prefix);
        errors.iter().any(|e| e.span().is_none() && e.message() == message)
    };
    let (mut low, mut high) = (1, ends.len());
    if !fails(high) {
        return 0..0;
    }
    while low < high {
        let mid = low + (high - low) / 2;
        if fails(mid) { high = mid } else { low = mid + 1 }
    }
    let start = if low >= 2 { ends[low - 2] } else { 0 };
    let line = &text[start..ends[low - 1]];
    let trimmed = line.trim_end();
    let lead = line.len() - line.trim_start().len();
    start + lead.min(trimmed.len())..start + trimmed.len()
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// What a table of a catalog file may hold.
struct Schema {
    /// How a label names the table: `entry`, `table`, `file`.
    what: &'static str,
    fields: &'static [&'static str],
    required: &'static [&'static str],
    /// Fields of other tables, with where they belong, for misplaced keys.
    elsewhere: &'static [(&'static [&'static str], &'static str)],
    /// Fields that take one string or a list of strings.
    lists: &'static [&'static str],
}

const VENDOR: Schema = Schema {
    what: "file",
    fields: VENDOR_FIELDS,
    required: &["name"],
    elsewhere: &[
        (PRODUCT_FIELDS, "a product file's `[product]` table"),
        (ERROR_FIELDS, "a product file's `[[error]]` entries"),
    ],
    lists: &["problem_hosts"],
};

const RESPONSE: Schema = Schema {
    what: "shape",
    fields: RESPONSE_FIELDS,
    required: &["name"],
    elsewhere: &[(VENDOR_FIELDS, "the top of `vendor.toml`")],
    lists: &[
        "code",
        "message",
        "request_id",
        "instance",
        "reference",
        "invalid_parameters",
        "status",
        "requires",
        "success",
        "products",
    ],
};

const PRODUCT: Schema = Schema {
    what: "table",
    fields: PRODUCT_FIELDS,
    required: &["name", "code_type"],
    elsewhere: &[(ERROR_FIELDS, "an `[[error]]` entry")],
    lists: &["problem_type_aliases"],
};

const ERROR: Schema = Schema {
    what: "entry",
    fields: ERROR_FIELDS,
    required: &["description", "category"],
    elsewhere: &[(PRODUCT_FIELDS, "the `[product]` table")],
    lists: &["aliases", "source"],
};

const SOURCE: Schema = Schema {
    what: "source",
    fields: SOURCE_FIELDS,
    required: &["id", "url", "checked"],
    elsewhere: &[(ERROR_FIELDS, "an `[[error]]` entry"), (PRODUCT_FIELDS, "the `[product]` table")],
    lists: &[],
};

/// How to add a missing required field.
fn required_help(schema: &Schema, field: &str) -> String {
    match (schema.what, field) {
        ("file", "name") => "add `name = \"…\"`, the vendor's name as it writes it".to_owned(),
        ("shape", "name") => "add `name = \"…\"`, a short name for this body shape, e.g. `\"problem\"`".to_owned(),
        (_, "name") => "add `name = \"…\"`, the API's name as the vendor writes it".to_owned(),
        ("source", "id") => "add `id = \"…\"`, a short name for entries to refer to, e.g. `\"errors-page\"`".to_owned(),
        ("source", "url") => "add `url = \"https://…\"`, where the source is".to_owned(),
        ("source", "checked") => {
            "add `checked = \"YYYY-MM-DD\"`, the day the catalog was last compared with the source".to_owned()
        }
        (_, "code_type") => "add `code_type = \"integer\"`, `\"string\"` or `\"none\"` (message-only)".to_owned(),
        (_, "description") => "add `description = \"…\"`: what happened, in the vendor's words".to_owned(),
        (_, "category") => format!("add `category = \"…\"`, one of {}", categories()),
        _ => format!("add `{field} = …`"),
    }
}

/// Every category id, backticked.
pub(crate) fn categories() -> String {
    Category::ALL.iter().map(|c| format!("`{}`", c.as_str())).collect::<Vec<_>>().join(", ")
}

/// The TOML type a field takes.
#[derive(Clone, Copy, PartialEq)]
enum Expected {
    Text,
    Integer,
    /// `code`: an integer or a string, checked against `code_type` later.
    Code,
}

fn expected(field: &str) -> Expected {
    match field {
        "http_status" => Expected::Integer,
        "code" => Expected::Code,
        _ => Expected::Text,
    }
}

/// The closest of `candidates` to a misspelt `key`, if any is close.
pub(crate) fn did_you_mean<'c>(key: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let key_lower = key.to_ascii_lowercase();
    candidates
        .iter()
        .filter_map(|&c| {
            let distance = strsim::levenshtein(&key_lower, c);
            let common = key_lower.bytes().zip(c.bytes()).take_while(|(a, b)| a == b).count();
            let close = distance <= (c.len() / 3).max(1) || (common >= 4 && distance <= 3);
            close.then_some((distance, c))
        })
        .min()
        .map(|(_, c)| c)
}

fn article(toml_type: &str) -> &'static str {
    match toml_type {
        "string" => "a string",
        "integer" => "an integer",
        "float" => "a float",
        "boolean" => "a boolean",
        "datetime" => "a datetime",
        "array" => "an array",
        "table" => "a table",
        _ => "a value",
    }
}

/// Checks one value's TOML type against its field, so that every wrong
/// type is reported on its own and in errcat's words.
fn check_type(
    file: FileId,
    text: &str,
    schema: &Schema,
    key: &str,
    value: &Spanned<DeValue<'_>>,
) -> Option<Diagnostic> {
    let span = value.span();
    let source = text.get(span.clone()).unwrap_or_default();
    let found = value.get_ref().type_str();
    if schema.lists.contains(&key) {
        let strings = match value.get_ref() {
            DeValue::String(_) => return None,
            DeValue::Array(items) => items.iter().all(|item| matches!(item.get_ref(), DeValue::String(_))),
            _ => false,
        };
        if strings {
            return None;
        }
        return Some(
            Diagnostic::at(
                file,
                span,
                format!("`{key}` must be a string or a list of strings, found {}", article(found)),
                "expected `\"…\"` or `[\"…\", …]`",
            )
            .help(format!("write `{key} = \"…\"`, or `{key} = [\"…\", \"…\"]` for several")),
        );
    }
    let want = expected(key);
    match (want, value.get_ref()) {
        (Expected::Text, DeValue::String(_)) | (Expected::Code, DeValue::String(_)) => return None,
        (Expected::Integer | Expected::Code, DeValue::Integer(n)) => {
            if i64::from_str_radix(n.as_str(), n.radix()).is_ok() {
                return None;
            }
            let diagnostic = if want == Expected::Code {
                Diagnostic::at(file, span, format!("code `{source}` is out of range"), "not in 0..=4294967295")
                    .help("numeric codes are unsigned 32-bit integers")
            } else {
                Diagnostic::at(
                    file,
                    span,
                    format!("invalid HTTP status `{source}`"),
                    crate::validate::not_an_http_status(),
                )
                .help("use the status the vendor documents, or leave `http_status` out")
            };
            return Some(diagnostic);
        }
        _ => {}
    }
    let (wanted, label) = match want {
        Expected::Text => ("a string", "expected a string"),
        Expected::Integer => ("an integer", "expected an integer"),
        Expected::Code => ("an integer or a string", "expected an integer or a string"),
    };
    let diagnostic = Diagnostic::at(file, span, format!("`{key}` must be {wanted}, found {}", article(found)), label);
    let help = match (want, value.get_ref()) {
        (Expected::Integer, DeValue::String(s)) if s.trim().parse::<i64>().is_ok() => {
            Some(format!("write `{key} = {}` without quotes", s.trim()))
        }
        (Expected::Integer | Expected::Code, DeValue::Float(_)) => Some(format!("write `{key}` as a whole number")),
        (Expected::Text, _) if key == "category" => Some(format!("use one of {}", categories())),
        (Expected::Text, _) if key == "retry" => Some(format!(
            "use one of {}, or leave `retry` out for the category's default",
            Retry::ALL.iter().map(|r| format!("`{}`", r.as_str())).collect::<Vec<_>>().join(", ")
        )),
        (Expected::Text, _) if key == "code_type" => Some("use `\"integer\"`, `\"string\"` or `\"none\"`".to_owned()),
        (Expected::Text, DeValue::Integer(_) | DeValue::Float(_) | DeValue::Boolean(_) | DeValue::Datetime(_)) => {
            Some(format!("put the text in quotes: `{key} = \"{}\"`", source.escape_default()))
        }
        (Expected::Text, DeValue::Array(_) | DeValue::Table(_)) => Some(format!("write `{key} = \"…\"`, one string")),
        _ => None,
    };
    Some(match help {
        Some(help) => diagnostic.help(help),
        None => diagnostic,
    })
}

/// Deserializes one table. Reports every unknown key (and then ignores
/// it), every value of the wrong type and every missing required field;
/// the table is usable only when there is none of the last two.
fn deserialize_table<'de, T: Deserialize<'de>>(
    file: FileId,
    text: &str,
    table: Spanned<DeTable<'de>>,
    schema: &Schema,
    diags: &mut Vec<Diagnostic>,
) -> Option<Spanned<T>> {
    let span = table.span();
    let mut table = table.into_inner();
    let mut usable = true;

    let unknown: Vec<Spanned<String>> = table
        .keys()
        .filter(|key| !schema.fields.contains(&key.get_ref().as_ref()))
        .map(|key| Spanned::new(key.span(), key.get_ref().to_string()))
        .collect();
    let mut suggested = Vec::new();
    for key in unknown {
        table.remove(key.get_ref().as_str());
        let name = key.get_ref();
        let mut diagnostic = Diagnostic::at(
            file,
            key.span(),
            format!("unknown field `{name}`"),
            format!("not a field of this {}", schema.what),
        );
        let elsewhere = schema.elsewhere.iter().find(|(fields, _)| fields.contains(&name.as_str()));
        if schema.what == "table" && name == "error" {
            diagnostic = diagnostic
                .help("keys below `[product]` belong to it: write each entry as an `[[error]]` table after it");
        } else if let Some((_, place)) = elsewhere {
            diagnostic = diagnostic.help(if schema.what == "table" {
                format!("`{name}` is a field of {place}: start the entry with an `[[error]]` line above it")
            } else {
                format!("`{name}` belongs in {place}")
            });
        } else if let Some(suggestion) = did_you_mean(name, schema.fields) {
            suggested.push(suggestion);
            diagnostic = diagnostic.help(format!("did you mean `{suggestion}`?"));
        } else {
            diagnostic = diagnostic.help(format!("expected one of {}", backticked(schema.fields)));
        }
        diags.push(diagnostic);
    }

    for (key, value) in table.iter() {
        if let Some(diagnostic) = check_type(file, text, schema, key.get_ref(), value) {
            diags.push(diagnostic);
            usable = false;
        }
    }

    // A list written as one string is a list of one.
    for &key in schema.lists {
        if let Some(value) = table.get_mut(key)
            && matches!(value.get_ref(), DeValue::String(_))
        {
            let span = value.span();
            let one = std::mem::replace(value, Spanned::new(span.clone(), DeValue::Boolean(false)));
            *value = Spanned::new(span, DeValue::Array(std::iter::once(one).collect()));
        }
    }

    for &field in schema.required {
        if table.contains_key(field) {
            continue;
        }
        usable = false;
        if suggested.contains(&field) {
            continue; // the misspelling is reported, with this field as the fix
        }
        let what = schema.what;
        let at = if span.is_empty() { 0..0 } else { span.clone() };
        diags.push(
            Diagnostic::at(file, at, format!("missing field `{field}`"), format!("this {what} has no `{field}`"))
                .help(required_help(schema, field)),
        );
    }
    if !usable {
        return None;
    }

    let value = Spanned::new(span.clone(), DeValue::Table(table));
    match Spanned::<T>::deserialize(value.into_deserializer()) {
        Ok(parsed) => Some(parsed),
        Err(error) => {
            // The checks above should leave nothing for serde to reject;
            // without a position of its own, the error points at the table.
            let message = lowercase_first(error.message().trim().trim_end_matches('.'));
            diags.push(Diagnostic::at(file, error.span().unwrap_or(span), message, format!("in this {}", schema.what)));
            None
        }
    }
}

/// Takes `key`, an array of tables, out of `table` and deserializes each
/// element on its own, so that every element's problems are reported in
/// that element's terms.
fn take_array_of_tables<'de, T: Deserialize<'de>>(
    file: FileId,
    text: &str,
    table: Spanned<DeTable<'de>>,
    key: &str,
    schema: &Schema,
    diags: &mut Vec<Diagnostic>,
) -> (Spanned<DeTable<'de>>, Vec<Spanned<T>>) {
    let span = table.span();
    let mut table = table.into_inner();
    let mut parsed = Vec::new();
    let Some(value) = table.remove(key) else { return (Spanned::new(span, table), parsed) };
    let value_span = value.span();
    let wrong = |found: &str| {
        Diagnostic::at(
            file,
            value_span.clone(),
            format!("`{key}` must be an array of tables, found {}", article(found)),
            format!("expected `[[{key}]]` tables"),
        )
        .help(format!("write each one as a `[[{key}]]` table"))
    };
    match value.into_inner() {
        DeValue::Array(items) => {
            for item in items {
                let item_span = item.span();
                match item.into_inner() {
                    DeValue::Table(t) => {
                        parsed.extend(deserialize_table(file, text, Spanned::new(item_span, t), schema, diags));
                    }
                    other => diags.push(wrong(other.type_str())),
                }
            }
        }
        other => diags.push(wrong(other.type_str())),
    }
    (Spanned::new(span, table), parsed)
}

fn backticked(fields: &[&str]) -> String {
    fields.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ")
}

fn load_product(
    id: &str,
    file: FileId,
    text: &str,
    table: Spanned<DeTable<'_>>,
    diags: &mut Vec<Diagnostic>,
) -> LoadedProduct {
    let (table, sources) = take_array_of_tables(file, text, table, "source", &SOURCE, diags);
    let mut product =
        LoadedProduct { id: id.to_owned(), file, header: None, errors: Vec::new(), entry_count: 0, sources };
    let table_span = table.span();
    let mut saw_product = false;
    for (key, value) in table.into_inner() {
        match key.get_ref().as_ref() {
            "product" => {
                saw_product = true;
                let span = value.span();
                match value.into_inner() {
                    DeValue::Table(t) => {
                        product.header = deserialize_table(file, text, Spanned::new(span, t), &PRODUCT, diags);
                    }
                    other => diags.push(
                        Diagnostic::at(
                            file,
                            span,
                            format!("`product` must be a table, found {}", article(other.type_str())),
                            "expected a `[product]` table",
                        )
                        .help("write `[product]` on its own line, then its fields below it"),
                    ),
                }
            }
            "error" => {
                let span = value.span();
                match value.into_inner() {
                    DeValue::Array(items) => {
                        product.entry_count = items.len();
                        for item in items {
                            let item_span = item.span();
                            match item.into_inner() {
                                DeValue::Table(t) => {
                                    if let Some(entry) =
                                        deserialize_table(file, text, Spanned::new(item_span, t), &ERROR, diags)
                                    {
                                        product.errors.push(entry);
                                    }
                                }
                                other => diags.push(
                                    Diagnostic::at(
                                        file,
                                        item_span,
                                        format!("`error` entries must be tables, found {}", article(other.type_str())),
                                        "expected an `[[error]]` table",
                                    )
                                    .help("write each entry as an `[[error]]` table"),
                                ),
                            }
                        }
                    }
                    other => {
                        product.entry_count = 1;
                        diags.push(
                            Diagnostic::at(
                                file,
                                span,
                                format!("`error` must be an array of tables, found {}", article(other.type_str())),
                                "expected `[[error]]` tables",
                            )
                            .help("write each entry as an `[[error]]` table"),
                        );
                    }
                }
            }
            other => {
                let help = if let Some(suggestion) = did_you_mean(other, &["product", "error", "source"]) {
                    match suggestion {
                        "product" => "did you mean `[product]`?".to_owned(),
                        "source" => "did you mean `[[source]]`?".to_owned(),
                        _ => "did you mean `[[error]]`?".to_owned(),
                    }
                } else if PRODUCT_FIELDS.contains(&other) {
                    format!("`{other}` belongs in the `[product]` table: move it below the `[product]` line")
                } else if ERROR_FIELDS.contains(&other) {
                    format!("`{other}` is a field of an entry: start the entry with an `[[error]]` line above it")
                } else {
                    "a product file has one `[product]` table, `[[source]]` tables and `[[error]]` entries".to_owned()
                };
                diags.push(
                    Diagnostic::at(file, key.span(), format!("unknown top-level key `{other}`"), "not a catalog key")
                        .help(help),
                );
            }
        }
    }
    if !saw_product {
        diags.push(
            Diagnostic::at(file, table_span.start..table_span.start, "missing `[product]` table", "expected here")
                .help("start the file with `[product]`, `name = \"…\"` and `code_type = \"integer\"`, `\"string\"` or `\"none\"`"),
        );
    }
    product
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        let cases = [
            ("descripton", Some("description")),
            ("Description", Some("description")),
            ("retries", Some("retry")),
            ("doc_url", Some("docs_url")),
            ("http-status", Some("http_status")),
            ("colour", None),
            ("homepage", None),
            ("x", None),
        ];
        for (key, want) in cases {
            assert_eq!(did_you_mean(key, ERROR_FIELDS), want, "{key}");
        }
        assert_eq!(did_you_mean("errors", &["product", "error"]), Some("error"));
        assert_eq!(did_you_mean("version", &["product", "error"]), None);
    }

    #[test]
    fn id_suggestions() {
        assert_eq!(
            id_help("the file", "Messages", ".toml"),
            "ids are lowercase ASCII letters, digits and `-`: rename the file to `messages.toml`"
        );
        assert_eq!(
            id_help("the folder", "My_Vendor", ""),
            "ids are lowercase ASCII letters, digits and `-`: rename the folder to `my-vendor`"
        );
        assert!(id_help("the folder", "日本", "").ends_with("e.g. to `my-id`"));
    }
}
