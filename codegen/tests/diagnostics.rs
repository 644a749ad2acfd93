//! The broken-catalog corpus: one folder per class of mistake under
//! `tests/broken/<case>/`, each a small catalog with the full rendered
//! diagnostics pinned in `expected.txt` beside it. Paths are rendered as
//! `catalog/…`, as the build names them.
//!
//! Update with `UPDATE_EXPECT=1 cargo test -p errcat-codegen --test diagnostics`,
//! then read every changed `expected.txt`.

use std::path::{Path, PathBuf};

use errcat_codegen::diagnostic::Sources;
use errcat_codegen::{Builder, Diagnostic, Diagnostics, Error, cargo_error_lines};
use expect_test::{ExpectFile, expect_file};

fn case_dir(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken").join(case)
}

/// Checks `case`, compares the rendered report with `expected`, and makes
/// sure a failed generation writes nothing.
fn check(case: &str, expected: ExpectFile) {
    let dir = case_dir(case);
    let diagnostics = match Builder::new(&dir).display_root("catalog").check() {
        Ok(_) => panic!("broken case `{case}` passed the check"),
        Err(diagnostics) => diagnostics,
    };
    assert!(!diagnostics.is_empty());
    expected.assert_eq(&format!("{diagnostics}\n"));

    // One `cargo::error=` line per problem, each naming its file.
    let lines = cargo_error_lines(&diagnostics);
    assert_eq!(lines.len(), diagnostics.len(), "{case}");
    for line in &lines {
        assert!(line.starts_with("cargo::error=catalog"), "{case}: {line}");
        assert!(!line.contains('\n'), "{case}: {line:?}");
    }

    // Nothing is written when the catalog is broken.
    let out = tempfile::tempdir().unwrap();
    let kept = out.path().join("mod.rs");
    std::fs::write(&kept, "// before\n").unwrap();
    match Builder::new(&dir).out_dir(out.path()).write() {
        Err(Error::Catalog(_)) => {}
        other => panic!("{case}: expected catalog diagnostics, got {other:?}"),
    }
    let names: Vec<_> = std::fs::read_dir(out.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["mod.rs"], "{case}: files were written");
    assert_eq!(std::fs::read_to_string(&kept).unwrap(), "// before\n", "{case}");
}

macro_rules! cases {
    ($($test:ident => $case:literal,)*) => {
        $(
            #[test]
            fn $test() {
                check($case, expect_file![concat!("broken/", $case, "/expected.txt")]);
            }
        )*

        const CASES: &[&str] = &[$($case),*];
    };
}

cases! {
    syntax_error => "syntax-error",
    unknown_field => "unknown-field",
    unknown_top_level_key => "unknown-top-level-key",
    missing_field => "missing-field",
    wrong_value_type => "wrong-value-type",
    wrong_code_type => "wrong-code-type",
    code_out_of_range => "code-out-of-range",
    duplicate_code => "duplicate-code",
    name_collision => "name-collision",
    bad_identifier => "bad-identifier",
    unknown_category => "unknown-category",
    unknown_retry => "unknown-retry",
    http_status => "http-status",
    empty_description => "empty-description",
    problem_type => "problem-type",
    missing_vendor_toml => "missing-vendor-toml",
    invalid_ids => "invalid-ids",
    empty_product => "empty-product",
    enum_and_module_names => "enum-and-module-names",
    many_problems => "many-problems",
    bad_url => "bad-url",
    static_names => "static-names",
    reserved_module => "reserved-module",
    reserved_names => "reserved-names",
    deep_nesting => "deep-nesting",
    control_character => "control-character",
    response_shapes => "response-shapes",
    aliases => "aliases",
    sources => "sources",
    too_many_sources => "too-many-sources",
}

/// Every folder of the corpus has a test above, and every test a folder.
#[test]
fn every_case_is_tested() {
    let mut on_disk: Vec<String> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken"))
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().into_string().unwrap())
        .collect();
    on_disk.sort();
    let mut listed: Vec<&str> = CASES.to_vec();
    listed.sort();
    assert_eq!(on_disk, listed);
}

/// Every problem, not just the first: problems in one file and in several
/// files come out of one run, in file order.
#[test]
fn every_problem_in_one_run() {
    let diagnostics = Builder::new(case_dir("many-problems")).display_root("catalog").check().unwrap_err();
    let headlines: Vec<String> = diagnostics.headlines().collect();
    let files =
        ["catalog/acme/chat.toml", "catalog/acme/sms.toml", "catalog/beta/vendor.toml", "catalog/beta/voice.toml"];
    for file in files {
        assert!(
            headlines.iter().any(|h| h.starts_with(&format!("{file}:"))),
            "no problem reported in {file}: {headlines:#?}"
        );
    }
    let in_sms = headlines.iter().filter(|h| h.starts_with("catalog/acme/sms.toml:")).count();
    assert!(in_sms >= 6, "{headlines:#?}");
}

/// What a build script prints for cargo: one `cargo::error=` line per
/// problem, `path:line:col: message`, never broken over lines.
#[test]
fn cargo_error_lines_name_every_problem() {
    let diagnostics = Builder::new(case_dir("http-status")).display_root("catalog").check().unwrap_err();
    assert_eq!(
        cargo_error_lines(&diagnostics),
        [
            "cargo::error=catalog/acme/sms.toml:9:15: invalid HTTP status `99`",
            "cargo::error=catalog/acme/sms.toml:16:15: invalid HTTP status `600`",
            "cargo::error=catalog/acme/sms.toml:23:15: invalid HTTP status `-1`",
            "cargo::error=catalog/acme/sms.toml:30:15: invalid HTTP status `4010`",
        ]
    );

    let mut sources = Sources::default();
    let file = sources.add(PathBuf::from("catalog/acme/sms.toml"), "code = 1\n".to_owned());
    let diagnostics = Diagnostics {
        sources,
        items: vec![
            Diagnostic::at(file, 7..8, "first line\nsecond line\r\n", "here"),
            Diagnostic::path("catalog/Acme", "a whole folder"),
        ],
    };
    assert_eq!(
        cargo_error_lines(&diagnostics),
        ["cargo::error=catalog/acme/sms.toml:1:8: first line second line", "cargo::error=catalog/Acme: a whole folder",]
    );
}

/// Damaged files never panic the loader, the checks or the rendering:
/// every truncation of a product file, and hostile characters inserted
/// all through it, give either a catalog or diagnostics.
#[test]
fn damaged_files_never_panic() {
    let source = std::fs::read_to_string(case_dir("many-problems").join("acme/sms.toml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let vendor = dir.path().join("acme");
    std::fs::create_dir(&vendor).unwrap();
    std::fs::write(vendor.join("vendor.toml"), "name = \"Acme\"\n").unwrap();
    let check = |text: &str| {
        std::fs::write(vendor.join("sms.toml"), text).unwrap();
        if let Err(diagnostics) = Builder::new(dir.path()).display_root("catalog").check() {
            assert!(!diagnostics.is_empty());
            let rendered = diagnostics.to_string();
            assert!(rendered.starts_with("error: "), "{rendered}");
            for line in cargo_error_lines(&diagnostics) {
                assert!(!line.contains('\n'), "{line:?}");
            }
        }
    };
    let boundaries: Vec<usize> = source.char_indices().map(|(i, _)| i).chain([source.len()]).collect();
    for &end in &boundaries {
        check(&source[..end]);
    }
    for &at in boundaries.iter().step_by(7) {
        for insert in ["\"", "'", "[", "]]", "=", "\n", "#", "\\", "é", "\u{0}", "{", "\"\"\""] {
            check(&format!("{}{insert}{}", &source[..at], &source[at..]));
        }
    }
}
