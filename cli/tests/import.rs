//! `errcat import` as a user runs it: the files it writes name where the
//! document is published and when it was read.

mod common;

use common::{errcat, text};

const REDACT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/vonage-api-specification/redact.yml");
const PUBLISHED: &str =
    "https://github.com/Nexmo/api-specification/blob/ad042003e946f5d99512cda2a8601488c8e863e5/definitions/redact.yml";

#[test]
fn an_import_writes_its_source_and_checks_the_catalog() {
    let dir = tempfile::tempdir().unwrap();
    let into = dir.path().join("catalog/acme");
    let into = into.to_str().unwrap();
    let args = ["import", "openapi", REDACT, "--into", into, "--source-url", PUBLISHED, "--checked", "2026-12-02"];
    let out = errcat(&args, None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("ok: 1 vendors, 1 products, 3 entries"), "{}", text(&out.stdout));
    let file = std::fs::read_to_string(dir.path().join("catalog/acme/redact.toml")).unwrap();
    let source = format!("[[source]]\nid = \"dictionary\"\nurl = \"{PUBLISHED}\"\nchecked = \"2026-12-02\"\n");
    assert!(file.contains(&source), "{file}");

    // Without `--checked`, today; the file changes only in that line.
    let again = errcat(&args[..args.len() - 2], None);
    assert!(again.status.success(), "{}", text(&again.stderr));
    let today = std::fs::read_to_string(dir.path().join("catalog/acme/redact.toml")).unwrap();
    let checked = today.lines().find(|l| l.starts_with("checked = ")).unwrap();
    assert_eq!(checked.len(), "checked = \"2026-12-02\"".len(), "{checked}");
    assert_eq!(today.replace(checked, "checked = \"2026-12-02\""), file);
}

#[test]
fn an_openapi_import_needs_to_know_where_the_document_is_published() {
    let dir = tempfile::tempdir().unwrap();
    let into = dir.path().join("catalog/acme");
    let out = errcat(&["import", "openapi", REDACT, "--into", into.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("give its URL (`--source-url`)"), "{}", text(&out.stderr));
    assert!(!into.exists(), "nothing is written");
}
