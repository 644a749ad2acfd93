//! `errcat check DIR` on folders outside the workspace: the build's
//! diagnostics, word for word, with paths named as the user gave the
//! folder; non-zero exit on any problem, zero on a good catalog.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use errcat_codegen::Builder;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn broken_cases() -> Vec<PathBuf> {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(workspace().join("codegen/tests/broken"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 15, "the broken corpus is missing: {cases:?}");
    cases
}

/// A fresh scratch folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("errcat-check").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Copies the catalog folders and `.toml` files of `from` into `to`.
fn copy_catalog(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_catalog(&path, &target);
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("toml")) {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

fn errcat_check(current_dir: &Path, dir: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(["check", dir])
        .current_dir(current_dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("errcat runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8 output")
}

/// Every broken case, checked from a folder outside the workspace, prints
/// exactly what the library renders and exits with 1.
#[test]
fn check_prints_the_library_diagnostics_for_every_broken_case() {
    for case in broken_cases() {
        let name = case.file_name().unwrap().to_str().unwrap().to_owned();
        let root = scratch(&name);
        copy_catalog(&case, &root.join("my-catalog"));

        let out = errcat_check(&root, "my-catalog");
        let expected = Builder::new(root.join("my-catalog")).display_root("my-catalog").check().unwrap_err();
        assert_eq!(out.status.code(), Some(1), "{name}: exit status; stderr:\n{}", text(&out.stderr));
        assert_eq!(text(&out.stderr), format!("{expected}\n"), "{name}");
        assert_eq!(text(&out.stdout), "", "{name}");

        // The same text as the pinned corpus, up to the folder's name.
        let pinned = std::fs::read_to_string(case.join("expected.txt")).unwrap();
        assert_eq!(text(&out.stderr).replace("my-catalog", "catalog"), pinned, "{name}");
    }
}

/// Paths are named as the user wrote the folder: relative stays relative,
/// absolute stays absolute.
#[test]
fn check_names_paths_as_given() {
    let root = scratch("paths");
    copy_catalog(&workspace().join("codegen/tests/broken/duplicate-code"), &root.join("cat"));

    let relative = text(&errcat_check(&root, "./cat").stderr);
    assert!(relative.contains(" --> ./cat/acme/sms.toml:18:8\n"), "{relative}");

    let absolute_dir = root.join("cat");
    let absolute = errcat_check(Path::new("/"), absolute_dir.to_str().unwrap());
    let stderr = text(&absolute.stderr);
    let position = format!(" --> {}:18:8\n", absolute_dir.join("acme/sms.toml").display());
    assert!(stderr.contains(&position), "{stderr}");
    assert_eq!(stderr, format!("{}\n", Builder::new(&absolute_dir).check().unwrap_err()));
}

#[test]
fn check_accepts_a_good_catalog_outside_the_workspace() {
    let root = scratch("good");
    copy_catalog(&workspace().join("codegen/tests/fixtures/catalog"), &root.join("catalog"));
    let out = errcat_check(&root, "catalog");
    assert_eq!(out.status.code(), Some(0), "stderr:\n{}", text(&out.stderr));
    let catalog = Builder::new(root.join("catalog")).check().unwrap();
    assert!(text(&out.stdout).starts_with("ok: "), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains(&format!("{} entries", catalog.entry_count())), "{}", text(&out.stdout));
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn check_accepts_the_workspace_catalog() {
    let out = errcat_check(&workspace(), "catalog");
    assert_eq!(out.status.code(), Some(0), "stderr:\n{}", text(&out.stderr));
}

#[test]
fn check_refuses_a_missing_folder() {
    let root = scratch("missing");
    let out = errcat_check(&root, "no-such-folder");
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("no-such-folder"), "{}", text(&out.stderr));
}

#[test]
fn an_empty_folder_is_not_a_catalog() {
    let dir = scratch("empty");
    let out = errcat_check(&dir, ".");
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with("error: no vendor folder: this is not a catalog\n"), "{stderr}");
    assert!(stderr.contains("= help: a catalog folder holds a folder per vendor"), "{stderr}");
    assert!(text(&out.stdout).is_empty());
}

#[test]
fn a_catalog_file_in_capitals_is_read_not_skipped() {
    let dir = scratch("capitals");
    copy_catalog(&workspace().join("codegen/tests/fixtures/catalog"), &dir);
    std::fs::write(dir.join("acme/Extra.TOML"), "[product]\nname = \"Extra\"\n").unwrap();
    let out = errcat_check(&dir, ".");
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("product file `Extra.TOML` does not have a valid product id"), "{stderr}");
    assert!(stderr.contains("rename the file to `extra.toml`"), "{stderr}");
}

#[test]
fn without_a_folder_check_and_docs_use_catalog_here_or_say_there_is_none() {
    let empty = scratch("no-catalog");
    let out = Command::new(env!("CARGO_BIN_EXE_errcat")).arg("check").current_dir(&empty).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with("error: no catalog folder given, and there is no `catalog/` here\n"), "{stderr}");
    assert!(stderr.contains("help: name one"), "{stderr}");
    // `docs` prints the catalogs built into errcat: the checked-in reference.
    let out = Command::new(env!("CARGO_BIN_EXE_errcat")).arg("docs").current_dir(&empty).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let bundled = std::fs::read_to_string(workspace().join("docs/error-reference.md")).unwrap();
    assert!(text(&out.stdout) == bundled, "errcat docs without a catalog is not the bundled reference");
    let with_catalog = scratch("catalog-here");
    copy_catalog(&workspace().join("codegen/tests/fixtures/catalog"), &with_catalog.join("catalog"));
    let out = Command::new(env!("CARGO_BIN_EXE_errcat")).arg("check").current_dir(&with_catalog).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with("ok: "));
}
