//! Any text as a vendor's `vendor.toml` and one product file: checking
//! never panics, and every problem renders.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let (vendor, product) = input.split_once('\0').unwrap_or((input, ""));
    let Ok(dir) = tempfile::tempdir() else { return };
    let folder = dir.path().join("acme");
    if std::fs::create_dir(&folder).is_err()
        || std::fs::write(folder.join("vendor.toml"), vendor).is_err()
        || std::fs::write(folder.join("sms.toml"), product).is_err()
    {
        return;
    }
    if let Err(diagnostics) = errcat_codegen::Builder::new(dir.path()).check() {
        assert!(!diagnostics.is_empty());
        let _ = diagnostics.to_string();
        let _ = errcat_codegen::cargo_error_lines(&diagnostics);
    }
});
