//! The scale run's small version: a synthetic catalog of 1000 codes (every
//! key shape of `examples/synth`) is generated, compiled into a scratch copy
//! of errors-runtime, and every code must resolve through the generated
//! tables. Correctness only; `cargo run --release -p errcat-codegen
//! --example scale` measures the big ones.

#[path = "../examples/synth/mod.rs"]
mod synth;

use std::process::Command;

#[test]
fn every_code_of_a_1k_synthetic_catalog_resolves() {
    let temp = tempfile::tempdir().unwrap();
    let catalog = temp.path().join("catalog");
    let summary = synth::write_catalog(&catalog, 1000).unwrap();
    assert_eq!(summary.codes, 1000);
    let generated = errcat_codegen::Builder::new(&catalog)
        .generate()
        .unwrap_or_else(|e| panic!("the synthetic catalog must generate:\n{e}"));
    let krate = synth::scratch_crate(&synth::runtime_src(), &generated.files, &temp.path().join("crate")).unwrap();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(["run", "--bin", "check", "--offline", "--quiet"])
        .current_dir(&krate)
        .env("CARGO_TARGET_DIR", temp.path().join("target"))
        .output()
        .expect("cargo runs");
    assert!(output.status.success(), "the check failed:\n{}", String::from_utf8_lossy(&output.stderr));
    let resolved: usize = String::from_utf8_lossy(&output.stdout).trim().parse().expect("a count");
    assert_eq!(resolved, summary.codes);
}
