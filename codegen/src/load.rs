//! Reads a catalog folder into the serde model, keeping every file's text
//! for diagnostics. Problems are collected, not returned early.

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::IntoDeserializer;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diagnostic::{Diagnostic, FileId, Sources};
use crate::model::{ERROR_FIELDS, ErrorEntry, PRODUCT_FIELDS, ProductHeader, VENDOR_FIELDS, VendorFile};

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
    for (name, path) in entries {
        let display = display_root.join(&name);
        if path.is_dir() {
            if !is_valid_id(&name) {
                diags.push(
                    Diagnostic::path(&display, format!("vendor id `{name}` is not a valid id"))
                        .help("use lowercase ASCII letters, digits and `-`, e.g. `my-vendor`"),
                );
                continue;
            }
            loaded.vendors.push(load_vendor(&name, &path, &display, sources, diags));
        } else if name.ends_with(".toml") {
            diags.push(
                Diagnostic::path(&display, "product file outside a vendor folder")
                    .help("move it to `<vendor>/<product>.toml` next to a `vendor.toml`"),
            );
        }
    }
    loaded
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
        let Some(stem) = name.strip_suffix(".toml") else { continue };
        if path.is_dir() {
            continue;
        }
        saw_vendor_toml |= stem == "vendor";
        let Some(file) = read_file(&path, &display, sources, diags) else { continue };
        let text = sources.text(file).to_owned();
        let Some(table) = parse_toml(file, &text, diags) else { continue };
        if stem == "vendor" {
            vendor.file =
                deserialize_table::<VendorFile>(file, table, VENDOR_FIELDS, diags).map(|v| (file, v.into_inner()));
            continue;
        }
        if !is_valid_id(stem) {
            diags.push(
                Diagnostic::path(&display, format!("product id `{stem}` is not a valid id"))
                    .help("use lowercase ASCII letters, digits and `-`, e.g. `verify-v2.toml`"),
            );
            continue;
        }
        vendor.products.push(load_product(stem, file, table, diags));
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
        diags.push(toml_error(file, &error, "invalid TOML"));
    }
    None
}

/// Turns a toml error into a diagnostic at its span.
fn toml_error(file: FileId, error: &toml::de::Error, label: &str) -> Diagnostic {
    let span = error.span().unwrap_or(0..0);
    let message = error.message().trim().trim_end_matches('.').to_owned();
    let message = lowercase_first(&message);
    Diagnostic::at(file, span, message, label)
}

fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Deserializes one table, reporting every unknown key on its own and any
/// other problem once.
fn deserialize_table<'de, T: Deserialize<'de>>(
    file: FileId,
    table: Spanned<DeTable<'de>>,
    fields: &[&str],
    diags: &mut Vec<Diagnostic>,
) -> Option<Spanned<T>> {
    let mut unknown = false;
    for key in table.get_ref().keys() {
        if !fields.contains(&key.get_ref().as_ref()) {
            unknown = true;
            diags.push(
                Diagnostic::at(file, key.span(), format!("unknown field `{}`", key.get_ref()), "not a catalog field")
                    .help(format!("expected one of {}", backticked(fields))),
            );
        }
    }
    if unknown {
        return None;
    }
    let span = table.span();
    let value = Spanned::new(span, DeValue::Table(table.into_inner()));
    match Spanned::<T>::deserialize(value.into_deserializer()) {
        Ok(parsed) => Some(parsed),
        Err(error) => {
            let mut diag = toml_error(file, &error, "in this table");
            if let Some(field) = diag.message.strip_prefix("missing field ") {
                let field = field.to_owned();
                diag.help = Some(format!("add {} to this table", field));
            }
            diags.push(diag);
            None
        }
    }
}

fn backticked(fields: &[&str]) -> String {
    fields.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ")
}

fn load_product(id: &str, file: FileId, table: Spanned<DeTable<'_>>, diags: &mut Vec<Diagnostic>) -> LoadedProduct {
    let mut product = LoadedProduct { id: id.to_owned(), file, header: None, errors: Vec::new() };
    let table_span = table.span();
    let mut saw_product = false;
    for (key, value) in table.into_inner() {
        match key.get_ref().as_ref() {
            "product" => {
                saw_product = true;
                let span = value.span();
                match value.into_inner() {
                    DeValue::Table(t) => {
                        product.header = deserialize_table(file, Spanned::new(span, t), PRODUCT_FIELDS, diags);
                    }
                    other => diags.push(Diagnostic::at(
                        file,
                        span,
                        format!("`product` must be a table, found {}", other.type_str()),
                        "expected `[product]`",
                    )),
                }
            }
            "error" => {
                let span = value.span();
                match value.into_inner() {
                    DeValue::Array(items) => {
                        for item in items {
                            let item_span = item.span();
                            match item.into_inner() {
                                DeValue::Table(t) => {
                                    if let Some(entry) =
                                        deserialize_table(file, Spanned::new(item_span, t), ERROR_FIELDS, diags)
                                    {
                                        product.errors.push(entry);
                                    }
                                }
                                other => diags.push(Diagnostic::at(
                                    file,
                                    item_span,
                                    format!("`error` entries must be tables, found {}", other.type_str()),
                                    "expected `[[error]]`",
                                )),
                            }
                        }
                    }
                    other => diags.push(
                        Diagnostic::at(
                            file,
                            span,
                            format!("`error` must be an array of tables, found {}", other.type_str()),
                            "expected `[[error]]`",
                        )
                        .help("write each entry as an `[[error]]` table"),
                    ),
                }
            }
            other => diags.push(
                Diagnostic::at(file, key.span(), format!("unknown top-level key `{other}`"), "not a catalog key")
                    .help("a product file has one `[product]` table and `[[error]]` entries"),
            ),
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
