//! Catalog text is data: `errcat list --json` carries every string
//! byte-for-byte, from the TOML through the generated runtime to JSON.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use errors_runtime::Code;
use serde_json::Value;

fn list_json() -> Vec<Value> {
    let out = Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(["list", "--json"])
        .env("NO_COLOR", "1")
        .output()
        .expect("errcat runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    match serde_json::from_slice(&out.stdout).expect("`list --json` is JSON") {
        Value::Array(entries) => entries,
        other => panic!("`list --json` is not an array: {other}"),
    }
}

fn str_field<'v>(entry: &'v Value, field: &str) -> &'v str {
    entry[field].as_str().unwrap_or_else(|| panic!("`{field}` is not a string in {entry}"))
}

fn opt_field<'v>(entry: &'v Value, field: &str) -> Option<&'v str> {
    match &entry[field] {
        Value::Null => None,
        Value::String(s) => Some(s),
        other => panic!("`{field}` is {other} in {entry}"),
    }
}

fn code_json(code: Code) -> Value {
    match code {
        Code::Integer(n) => Value::from(n),
        Code::String(s) => Value::from(s),
        _ => Value::Null,
    }
}

/// Every entry of the runtime, in order, with its strings unchanged.
#[test]
fn list_json_matches_the_runtime_byte_for_byte() {
    let json = list_json();
    let runtime: Vec<_> = errors_runtime::products().iter().flat_map(|p| p.entries()).collect();
    assert_eq!(json.len(), runtime.len());
    for (entry, info) in json.iter().zip(runtime) {
        assert_eq!(str_field(entry, "vendor"), info.vendor_id());
        assert_eq!(str_field(entry, "product"), info.product_id());
        assert_eq!(entry["code"], code_json(info.code()), "{entry}");
        assert_eq!(str_field(entry, "name"), info.name());
        assert_eq!(str_field(entry, "description").as_bytes(), info.description().as_bytes(), "{entry}");
        assert_eq!(opt_field(entry, "title"), info.title(), "{entry}");
        assert_eq!(opt_field(entry, "resolution"), info.resolution(), "{entry}");
        assert_eq!(str_field(entry, "category"), info.category().as_str());
        assert_eq!(str_field(entry, "retry"), info.retry().as_str());
    }
}

/// The runtime's strings are the catalog's: read the TOML with the
/// generator and compare every description, title and resolution.
#[test]
fn list_json_matches_the_catalog_byte_for_byte() {
    let catalog_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../catalog");
    let catalog = errcat_codegen::Builder::new(&catalog_dir).check().unwrap_or_else(|e| panic!("{e}"));
    let mut written = BTreeMap::new();
    for vendor in &catalog.vendors {
        for product in &vendor.products {
            for entry in &product.entries {
                let key = (vendor.id.clone(), product.id.clone(), entry.variant.clone());
                written.insert(key, (entry.description.clone(), entry.title.clone(), entry.resolution.clone()));
            }
        }
    }
    let json = list_json();
    assert_eq!(json.len(), written.len());
    let (mut quotes, mut non_ascii) = (0, 0);
    for entry in &json {
        let key = (
            str_field(entry, "vendor").to_owned(),
            str_field(entry, "product").to_owned(),
            str_field(entry, "name").to_owned(),
        );
        let (description, title, resolution) =
            written.get(&key).unwrap_or_else(|| panic!("{key:?} is not in the catalog"));
        assert_eq!(str_field(entry, "description"), description);
        assert_eq!(opt_field(entry, "title"), title.as_deref());
        assert_eq!(opt_field(entry, "resolution"), resolution.as_deref());
        for text in [Some(description), title.as_ref(), resolution.as_ref()].into_iter().flatten() {
            quotes += usize::from(text.contains(['"', '\'']));
            non_ascii += usize::from(!text.is_ascii());
        }
    }
    // The real catalog has text that naive code generation would break.
    assert!(quotes > 0, "no text with a quote to prove anything with");
    assert!(non_ascii > 0, "no non-ASCII text to prove anything with");
}
