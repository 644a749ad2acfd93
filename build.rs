//! Regenerates `errors-runtime/src/generated/` from `catalog/` when the
//! `regenerate` feature is on (the workspace's CLI turns it on). Consumers
//! of the crate never build the generator.

use std::process::ExitCode;

fn main() -> ExitCode {
    println!("cargo::rerun-if-changed=build.rs");
    #[cfg(feature = "regenerate")]
    {
        let root = std::path::PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
        // A packaged crate ships its generated code, not the catalogs: then
        // there is nothing to regenerate from.
        if !root.join("catalog").is_dir() {
            return ExitCode::SUCCESS;
        }
        return errcat_codegen::build_script(
            &root.join("catalog"),
            &root.join("errors-runtime/src/generated"),
            std::path::Path::new("catalog"),
        );
    }
    #[allow(unreachable_code)]
    ExitCode::SUCCESS
}
