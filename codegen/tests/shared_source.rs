//! codegen's copies of errors-runtime's hash, table layout, naming, taxonomy
//! and problem-URL rules are byte-identical to the runtime's: one definition, in two
//! packages that can be published apart. The Twilio `vendor.toml` a first
//! import writes is the bundled catalog's, the same way.

use std::path::Path;

#[test]
fn the_copies_match_the_runtime() {
    let codegen = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let runtime = Path::new(env!("CARGO_MANIFEST_DIR")).join("../errors-runtime/src");
    for name in ["hash.rs", "layout.rs", "names.rs", "problem_url.rs", "taxonomy.rs"] {
        let ours = std::fs::read_to_string(codegen.join(name)).unwrap();
        let theirs = std::fs::read_to_string(runtime.join(name)).unwrap();
        assert!(
            ours == theirs,
            "codegen/src/{name} differs from errors-runtime/src/{name}: edit the runtime's, then \
             `cp errors-runtime/src/{name} codegen/src/{name}`"
        );
    }
}

/// A first `errcat import twilio` writes the bundled catalog's `vendor.toml`.
#[test]
fn the_twilio_starter_vendor_toml_is_the_bundled_one() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let starter = std::fs::read_to_string(root.join("src/twilio_vendor.toml")).unwrap();
    let bundled = std::fs::read_to_string(root.join("../catalog/twilio/vendor.toml")).unwrap();
    assert!(
        starter == bundled,
        "codegen/src/twilio_vendor.toml differs from catalog/twilio/vendor.toml: edit the catalog's, then \
         `cp catalog/twilio/vendor.toml codegen/src/twilio_vendor.toml`"
    );
}
