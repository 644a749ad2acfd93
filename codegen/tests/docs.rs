//! The Markdown reference: `docs/error-reference.md` is fresh, every entry
//! is in it, and catalog text stays text. The fixture catalog's reference
//! is pinned in `tests/golden/reference.md`; update it with
//! `UPDATE_EXPECT=1 cargo test -p errcat-codegen --test docs`.

use std::path::Path;

use errcat_codegen::{Builder, docs, ir};
use expect_test::expect_file;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap()
}

fn bundled() -> ir::Catalog {
    Builder::new(root().join("catalog"))
        .display_root("catalog")
        .check()
        .unwrap_or_else(|e| panic!("the bundled catalog must load:\n{e}"))
}

fn fixture() -> ir::Catalog {
    Builder::new(root().join("codegen/tests/fixtures/catalog"))
        .check()
        .unwrap_or_else(|e| panic!("the fixture must load:\n{e}"))
}

#[test]
fn checked_in_reference_is_fresh() {
    let path = root().join(docs::REFERENCE_DIR).join(docs::REFERENCE_FILE);
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    let expected = docs::render(&bundled());
    assert!(current == expected, "docs/error-reference.md is stale; run `cargo build` and commit it");
}

#[test]
fn builder_reference_is_render() {
    let reference = Builder::new(root().join("catalog")).reference().unwrap();
    assert_eq!(reference, docs::render(&bundled()));
    let custom = Builder::new(root().join("catalog")).module_path("crate::errors").reference().unwrap();
    assert!(custom.contains("`crate::errors::vonage::Messages::Throttled`"));
}

#[test]
fn golden_fixture_reference() {
    expect_file!["golden/reference.md"].assert_eq(&docs::render(&fixture()));
}

#[test]
fn every_entry_is_listed_once_with_its_rust_path() {
    let catalog = bundled();
    let reference = docs::render(&catalog);
    for vendor in &catalog.vendors {
        for product in &vendor.products {
            for entry in &product.entries {
                let path = format!(
                    "* **Match on:** `errors_runtime::{}::{}::{}`\n",
                    vendor.module, product.type_name, entry.variant
                );
                assert_eq!(reference.matches(&path).count(), 1, "{path}");
            }
        }
    }
    let entries = reference.lines().filter(|l| l.starts_with("* **Match on:** ")).count();
    assert_eq!(entries, catalog.entry_count());
}

#[test]
fn entries_are_grouped_by_category_in_taxonomy_order() {
    let catalog = bundled();
    let reference = docs::render(&catalog);
    for section in reference.split("\n### ").skip(1) {
        let order: Vec<usize> = section
            .lines()
            .filter_map(|l| l.strip_prefix("#### Category `"))
            .map(|l| ir::Category::ALL.iter().position(|c| l.starts_with(&format!("{}`", c.as_str()))).unwrap())
            .collect();
        assert!(!order.is_empty());
        assert!(order.windows(2).all(|w| w[0] < w[1]), "categories out of order: {order:?}");
    }
}

/// Catalog text never becomes structure: no raw HTML, headings, lists or
/// table rows of its own.
#[test]
fn catalog_text_stays_text() {
    let reference = docs::render(&fixture());
    for line in reference.lines() {
        let structural =
            ["<!-- @generated", "<a id=\"", "# ", "## ", "### ", "#### ", "##### ", "* ", "  * ", "| ", "|---"];
        if line.starts_with(['<', '#', '*', '|', '-', '+', '>', ' ', '\t', '=']) {
            assert!(structural.iter().any(|s| line.starts_with(s)), "unexpected Markdown structure: {line:?}");
        }
    }
    assert!(reference.contains("\\<b\\>not html\\</b\\> \\& \\[not a link\\](x) \\| \\*not bold\\*"));
    assert!(!reference.contains("<b>"));
}

#[test]
fn deterministic() {
    assert_eq!(docs::render(&bundled()), docs::render(&bundled()));
}
