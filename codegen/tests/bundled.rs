//! The checked-in generated code must be what the bundled catalogs produce.

use std::path::Path;

#[test]
fn checked_in_code_is_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let generated = errcat_codegen::Builder::new(root.join("catalog"))
        .display_root("catalog")
        .generate()
        .unwrap_or_else(|e| panic!("the bundled catalog must generate:\n{e}"));
    let dir = root.join("errors-runtime/src/generated");
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".rs"))
        .collect();
    on_disk.sort();
    let mut expected: Vec<String> = generated.files.iter().map(|(n, _)| n.clone()).collect();
    expected.sort();
    assert_eq!(on_disk, expected, "generated files differ from the catalog's vendors; run `cargo build`");
    for (name, text) in &generated.files {
        let current = std::fs::read_to_string(dir.join(name)).unwrap();
        assert!(current == *text, "errors-runtime/src/generated/{name} is stale; run `cargo build` and commit it");
    }
}
