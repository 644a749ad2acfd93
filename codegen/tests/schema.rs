//! The JSON Schemas under `schema/`: fresh, valid draft 7, accepted by every
//! bundled and fixture catalog file, named on each catalog file's first
//! line, and rejecting broken files that the build rejects too.

use std::path::{Path, PathBuf};

use errcat_codegen::schema;
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("a schema is JSON")
}

fn validator(schema_text: &str) -> jsonschema::Validator {
    jsonschema::draft7::new(&parse(schema_text)).expect("the schema compiles")
}

/// The TOML document as the JSON value editors validate.
fn toml_value(text: &str) -> Value {
    toml::from_str(text).unwrap_or_else(|e| panic!("not TOML: {e}\n{text}"))
}

/// Problems the schema finds, one line each.
fn problems(validator: &jsonschema::Validator, text: &str) -> Vec<String> {
    let value = toml_value(text);
    validator.iter_errors(&value).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

/// Every `*.toml` under a catalog folder, sorted.
fn catalog_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for vendor in std::fs::read_dir(dir).unwrap() {
        let vendor = vendor.unwrap().path();
        if !vendor.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&vendor).unwrap() {
            let file = file.unwrap().path();
            if file.extension().is_some_and(|e| e == "toml") {
                files.push(file);
            }
        }
    }
    files.sort();
    files
}

fn is_vendor_file(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == "vendor.toml")
}

#[test]
fn checked_in_schemas_are_fresh() {
    for (name, text) in schema::files() {
        let path = root().join(schema::SCHEMA_DIR).join(&name);
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(current == text, "schema/{name} is stale; run `cargo build` and commit it");
    }
}

#[test]
fn schemas_are_valid_draft_7() {
    for (name, text) in schema::files() {
        let value = parse(&text);
        assert!(jsonschema::draft7::meta::is_valid(&value), "{name} is not a valid draft 7 schema");
        assert_eq!(value["$schema"], "http://json-schema.org/draft-07/schema#", "{name}");
    }
}

#[test]
fn every_field_has_a_description() {
    fn walk(value: &Value, at: &str, missing: &mut Vec<String>) {
        let Value::Object(map) = value else { return };
        if let Some(Value::Object(properties)) = map.get("properties") {
            for (name, property) in properties {
                let described = property.get("description").and_then(Value::as_str).is_some_and(|d| !d.is_empty());
                // The conditional rules restate fields; their docs are the field's own.
                if !described && !at.contains("allOf") {
                    missing.push(format!("{at}/properties/{name}"));
                }
            }
        }
        for (key, child) in map {
            match child {
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        walk(item, &format!("{at}/{key}/{i}"), missing);
                    }
                }
                _ => walk(child, &format!("{at}/{key}"), missing),
            }
        }
    }
    for (name, text) in schema::files() {
        let mut missing = Vec::new();
        walk(&parse(&text), "#", &mut missing);
        assert!(missing.is_empty(), "{name}: fields without a description: {missing:?}");
    }
}

#[test]
fn enums_come_from_the_taxonomy() {
    let product = parse(&schema::product_schema());
    let entry = &product["definitions"]["ErrorEntry"]["properties"];
    let categories: Vec<&str> = errcat_codegen::ir::Category::ALL.iter().map(|c| c.as_str()).collect();
    let retries: Vec<&str> = errcat_codegen::ir::Retry::ALL.iter().map(|r| r.as_str()).collect();
    assert_eq!(entry["category"]["enum"], serde_json::json!(categories));
    assert_eq!(entry["retry"]["enum"], serde_json::json!(retries));
    let header = &product["definitions"]["ProductHeader"]["properties"];
    assert_eq!(header["code_type"]["enum"], serde_json::json!(["integer", "string", "none"]));
}

/// The bundled catalogs and the codegen fixtures all pass.
#[test]
fn schemas_accept_every_catalog_file() {
    let product = validator(&schema::product_schema());
    let vendor = validator(&schema::vendor_schema());
    let dirs = [root().join("catalog"), root().join("codegen/tests/fixtures/catalog")];
    let mut checked = 0;
    for dir in dirs {
        for path in catalog_files(&dir) {
            let text = std::fs::read_to_string(&path).unwrap();
            let validator = if is_vendor_file(&path) { &vendor } else { &product };
            let found = problems(validator, &text);
            assert!(found.is_empty(), "{} does not match its schema:\n{}", path.display(), found.join("\n"));
            checked += 1;
        }
    }
    assert!(checked > 20, "only {checked} catalog files found");
}

/// taplo and Even Better TOML find a file's schema from its first line.
#[test]
fn every_bundled_catalog_file_names_its_schema() {
    for path in catalog_files(&root().join("catalog")) {
        let text = std::fs::read_to_string(&path).unwrap();
        let file = if is_vendor_file(&path) { schema::VENDOR_SCHEMA_FILE } else { schema::PRODUCT_SCHEMA_FILE };
        let directive = format!("#:schema ../../{}/{file}", schema::SCHEMA_DIR);
        let first = text.lines().next().unwrap_or_default();
        assert_eq!(first, directive, "first line of {}", path.display());
        let target = path.parent().unwrap().join(directive.trim_start_matches("#:schema "));
        assert!(target.is_file(), "{} names a schema that does not exist", path.display());
    }
}

const VENDOR: &str = "name = \"Acme\"\n";

/// A product file with one entry made of `entry` lines.
fn product(code_type: &str, entry: &str) -> String {
    format!("[product]\nname = \"Chat API\"\ncode_type = \"{code_type}\"\n\n[[error]]\n{entry}\n")
}

/// What the build says about a one-product catalog: `Ok` or its problems.
fn build(vendor: &str, product: &str) -> Result<(), String> {
    let dir = tempfile::tempdir().unwrap();
    let acme = dir.path().join("acme");
    std::fs::create_dir(&acme).unwrap();
    std::fs::write(acme.join("vendor.toml"), vendor).unwrap();
    std::fs::write(acme.join("chat.toml"), product).unwrap();
    errcat_codegen::Builder::new(dir.path()).check().map(drop).map_err(|d| d.to_string())
}

#[test]
fn good_files_pass_both_the_schema_and_the_build() {
    let product_schema = validator(&schema::product_schema());
    let vendor_schema = validator(&schema::vendor_schema());
    let vendor = "name = \"Acme\"\ndocs_url = \"https://acme.example/errors\"\n";
    assert_eq!(problems(&vendor_schema, vendor), Vec::<String>::new());
    let good = [
        product("string", "code = \"bad\"\ndescription = \"Bad.\"\ncategory = \"invalid-request\""),
        product(
            "integer",
            "code = 4294967295\ntitle = \"Max\"\ndescription = \"Max.\"\ncategory = \"server\"\nhttp_status = 599\n\
             retry = \"later\"\nresolution = \"Wait.\"\ndocs_url = \"https://acme.example/max\"\nnote = \"n\"\ncompleted_from = \"https://acme.example/full\"",
        ),
        product(
            "integer",
            "code = 0\nname = \"Zero\"\ndescription = \"Zero.\"\ncategory = \"unknown\"\nhttp_status = 100",
        ),
        product("none", "title = \"Gone\"\ndescription = \"the thing is gone\"\ncategory = \"not-found\""),
        product("none", "name = \"Gone\"\ndescription = \"the thing is gone\"\ncategory = \"not-found\""),
        format!(
            "#:schema ../../schema/product.schema.json\n{}",
            product("string", "code = \"x\"\ndescription = \"X.\"\ncategory = \"content\"")
        )
        .replace(
            "code_type = \"string\"",
            "code_type = \"string\"\ndocs_url = \"https://a.example\"\nproblem_type = \"https://a.example#{code}\"\n\
             rust_name = \"Chat2\"",
        ),
    ];
    for text in good {
        assert_eq!(problems(&product_schema, &text), Vec::<String>::new(), "schema rejects:\n{text}");
        assert_eq!(build(vendor, &text), Ok(()), "build rejects:\n{text}");
    }
}

/// Each broken file: the schema rejects it, and so does the build, so the
/// schema is never stricter than errcat itself.
#[test]
fn broken_files_fail_the_schema_and_the_build() {
    let product_schema = validator(&schema::product_schema());
    let ok = "code = \"bad\"\ndescription = \"Bad.\"\ncategory = \"invalid-request\"";
    let cases: Vec<(&str, String)> = vec![
        ("unknown entry field", product("string", &format!("{ok}\ncolour = \"red\""))),
        ("misspelt field", product("string", "code = \"bad\"\ndescripton = \"Bad.\"\ncategory = \"invalid-request\"")),
        ("unknown top-level key", format!("version = 2\n{}", product("string", ok))),
        ("unknown product field", product("string", ok).replace("[product]\n", "[product]\nhomepage = \"x\"\n")),
        ("bad category", product("string", "code = \"bad\"\ndescription = \"Bad.\"\ncategory = \"oops\"")),
        ("category in capitals", product("string", "code = \"bad\"\ndescription = \"Bad.\"\ncategory = \"Billing\"")),
        ("bad retry", product("string", &format!("{ok}\nretry = \"sometimes\""))),
        ("http_status 700", product("string", &format!("{ok}\nhttp_status = 700"))),
        ("http_status 99", product("string", &format!("{ok}\nhttp_status = 99"))),
        ("http_status as text", product("string", &format!("{ok}\nhttp_status = \"404\""))),
        (
            "integer code in a string product",
            product("string", "code = 5\ndescription = \"B.\"\ncategory = \"server\""),
        ),
        (
            "string code in an integer product",
            product("integer", "code = \"5\"\ntitle = \"T\"\ndescription = \"B.\"\ncategory = \"server\""),
        ),
        ("float code", product("integer", "code = 1.5\ntitle = \"T\"\ndescription = \"B.\"\ncategory = \"server\"")),
        ("negative code", product("integer", "code = -1\ntitle = \"T\"\ndescription = \"B.\"\ncategory = \"server\"")),
        (
            "code above u32",
            product("integer", "code = 4294967296\ntitle = \"T\"\ndescription = \"B.\"\ncategory = \"server\""),
        ),
        ("empty string code", product("string", "code = \"\"\ndescription = \"B.\"\ncategory = \"server\"")),
        (
            "code in a message-only product",
            product("none", "code = \"x\"\ntitle = \"T\"\ndescription = \"B.\"\ncategory = \"server\""),
        ),
        ("missing code", product("string", "description = \"B.\"\ncategory = \"server\"")),
        (
            "integer entry without name or title",
            product("integer", "code = 1\ndescription = \"B.\"\ncategory = \"server\""),
        ),
        ("message entry without name or title", product("none", "description = \"B.\"\ncategory = \"server\"")),
        ("missing description", product("string", "code = \"bad\"\ncategory = \"server\"")),
        ("blank description", product("string", "code = \"bad\"\ndescription = \" \"\ncategory = \"server\"")),
        ("missing category", product("string", "code = \"bad\"\ndescription = \"B.\"")),
        ("lowercase name", product("string", &format!("{ok}\nname = \"bad\""))),
        ("reserved name", product("string", &format!("{ok}\nname = \"ALL\""))),
        ("unknown code type", product("number", ok)),
        (
            "problem type without placeholder",
            product("string", ok).replace("[product]\n", "[product]\nproblem_type = \"https://a.example\"\n"),
        ),
        ("bad rust_name", product("string", ok).replace("[product]\n", "[product]\nrust_name = \"my-enum\"\n")),
        ("no product table", format!("[[error]]\n{ok}\n")),
        ("no entries", "[product]\nname = \"Chat API\"\ncode_type = \"string\"\nerror = []\n".to_owned()),
        ("product without name", product("string", ok).replace("name = \"Chat API\"\n", "")),
    ];
    for (what, text) in &cases {
        assert!(!problems(&product_schema, text).is_empty(), "the schema accepts a file with {what}:\n{text}");
        assert!(build(VENDOR, text).is_err(), "the build accepts a file with {what}:\n{text}");
    }

    let vendor_schema = validator(&schema::vendor_schema());
    let good_product = product("string", ok);
    for (what, text) in [
        ("an unknown field", "name = \"Acme\"\nhomepage = \"x\"\n"),
        ("no name", "docs_url = \"https://acme.example\"\n"),
        ("a blank name", "name = \"\"\n"),
        ("a name that is not text", "name = 5\n"),
    ] {
        assert!(!problems(&vendor_schema, text).is_empty(), "the schema accepts a vendor.toml with {what}");
        assert!(build(text, &good_product).is_err(), "the build accepts a vendor.toml with {what}");
    }
}

/// An editor shows the schema's own words for a bad value.
#[test]
fn problems_point_at_the_field() {
    let product_schema = validator(&schema::product_schema());
    let found = problems(
        &product_schema,
        &product("string", "code = \"bad\"\ndescription = \"B.\"\ncategory = \"server\"\nhttp_status = 700"),
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].starts_with("/error/0/http_status: 700"), "{found:?}");
}
