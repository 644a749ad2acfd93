//! The generated code of a small fixture catalog is pinned in
//! `tests/golden/`; `tests/fixture.rs` at the workspace root compiles and
//! exercises the same files. Update with `UPDATE_EXPECT=1 cargo test -p errcat-codegen --test golden`.

use std::path::{Path, PathBuf};

use errcat_codegen::{Builder, Generated};
use expect_test::expect_file;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalog")
}

fn generate(dir: &Path) -> Generated {
    Builder::new(dir).generate().unwrap_or_else(|e| panic!("fixture must generate:\n{e}"))
}

fn file<'a>(generated: &'a Generated, name: &str) -> &'a str {
    &generated.files.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no `{name}` generated")).1
}

#[test]
fn golden_output() {
    let generated = generate(&fixture());
    let names: Vec<&str> = generated.files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["mod.rs", "acme.rs", "type_.rs"]);
    expect_file!["golden/mod.rs"].assert_eq(file(&generated, "mod.rs"));
    expect_file!["golden/acme.rs"].assert_eq(file(&generated, "acme.rs"));
    expect_file!["golden/type_.rs"].assert_eq(file(&generated, "type_.rs"));
}

#[test]
fn every_file_has_the_generated_header() {
    for (name, text) in generate(&fixture()).files {
        assert!(text.starts_with("// @generated"), "{name} lacks the @generated header");
        assert!(text.lines().next().is_some_and(|l| l.contains("Do not edit")), "{name}");
    }
}

/// Copies the fixture, creating files in the given order.
fn copy_fixture(to: &Path, reverse: bool) {
    let mut files = Vec::new();
    for vendor in std::fs::read_dir(fixture()).unwrap() {
        let vendor = vendor.unwrap().path();
        for file in std::fs::read_dir(&vendor).unwrap() {
            files.push(file.unwrap().path());
        }
    }
    files.sort();
    if reverse {
        files.reverse();
    }
    for file in files {
        let rel = file.strip_prefix(fixture()).unwrap();
        std::fs::create_dir_all(to.join(rel).parent().unwrap()).unwrap();
        std::fs::copy(&file, to.join(rel)).unwrap();
    }
}

#[test]
fn output_does_not_depend_on_file_order_or_run() {
    let forward = tempfile::tempdir().unwrap();
    let backward = tempfile::tempdir().unwrap();
    copy_fixture(forward.path(), false);
    copy_fixture(backward.path(), true);
    let a = generate(forward.path());
    let b = generate(backward.path());
    let c = generate(forward.path());
    assert_eq!(a, b, "file creation order changed the output");
    assert_eq!(a, c, "two runs gave different output");
    assert_eq!(a, generate(&fixture()));
}

#[test]
fn writes_only_changed_files_and_nothing_on_error() {
    let catalog = tempfile::tempdir().unwrap();
    copy_fixture(catalog.path(), false);
    let out = tempfile::tempdir().unwrap();
    let builder = Builder::new(catalog.path()).out_dir(out.path());

    let first = builder.write().expect("writes");
    assert_eq!(first.written.len(), 3);
    // The generated files (not the git-ignored staging folder beside them).
    let mtimes = |dir: &Path| -> Vec<(PathBuf, std::time::SystemTime)> {
        let mut v: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().is_file())
            .map(|e| {
                let p = e.unwrap().path();
                let m = std::fs::metadata(&p).unwrap().modified().unwrap();
                (p, m)
            })
            .collect();
        v.sort();
        v
    };
    let before = mtimes(out.path());
    std::thread::sleep(std::time::Duration::from_millis(20));

    let second = builder.write().expect("writes");
    assert!(second.written.is_empty(), "rewrote unchanged files: {:?}", second.written);
    assert_eq!(second.unchanged.len(), 3);
    assert_eq!(mtimes(out.path()), before, "unchanged files were touched");

    // Change one entry: only that vendor's file is rewritten.
    let sms = catalog.path().join("acme/sms.toml");
    let text = std::fs::read_to_string(&sms).unwrap().replace("You are sending too fast.", "Slow down.");
    std::fs::write(&sms, text).unwrap();
    let third = builder.write().expect("writes");
    assert_eq!(third.written, [out.path().join("acme.rs")]);
    let after_change = mtimes(out.path());

    // Break the catalog: the write fails and leaves every file as it was.
    std::fs::write(&sms, "[product]\nname = \"SMS\"\ncode_type = \"integer\"\n[[error]]\ncode = \"x\"\n").unwrap();
    let contents_before: Vec<Vec<u8>> = after_change.iter().map(|(p, _)| std::fs::read(p).unwrap()).collect();
    assert!(builder.write().is_err());
    assert_eq!(mtimes(out.path()), after_change);
    let contents_after: Vec<Vec<u8>> = after_change.iter().map(|(p, _)| std::fs::read(p).unwrap()).collect();
    assert_eq!(contents_before, contents_after);
    assert!(
        std::fs::read_dir(out.path()).unwrap().all(|e| !e.unwrap().file_name().to_string_lossy().ends_with(".tmp")),
        "temporary files left behind"
    );
    let staged: Vec<_> = std::fs::read_dir(out.path().join(errcat_codegen::write::STAGING))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(staged, [".gitignore"], "staged files left behind");
}

/// A file is printed piece by piece (the vendor header, then per product
/// its syn items and its tokens). Put together, the pieces are still what
/// prettyplease prints for the whole file: every generated file, of the
/// fixture and of the bundled catalogs, is a fixed point of it.
#[test]
fn generated_files_are_a_fixed_point_of_prettyplease() {
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().join("catalog");
    for dir in [fixture(), bundled] {
        for (name, text) in generate(&dir).files {
            let body = text.split_once("\n\n").map(|(_, body)| body).unwrap_or_default();
            let file = syn::parse_file(body).unwrap_or_else(|e| panic!("{name} does not parse: {e}"));
            let reprinted = prettyplease::unparse(&file);
            if reprinted != body {
                let line = reprinted.lines().zip(body.lines()).position(|(a, b)| a != b).unwrap_or(0);
                panic!(
                    "{name} differs from prettyplease's output at line {}:\n  prettyplease: {:?}\n  written:      {:?}",
                    line + 1,
                    reprinted.lines().nth(line),
                    body.lines().nth(line)
                );
            }
        }
    }
}
