//! Regenerates `errors-runtime/src/generated/` from `catalog/` when the
//! `regenerate` feature is on (the workspace's CLI turns it on). Consumers
//! of the crate never build the generator.

use std::process::ExitCode;

fn main() -> ExitCode {
    println!("cargo::rerun-if-changed=build.rs");
    #[cfg(feature = "regenerate")]
    {
        let root = std::path::PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
        return errcat_codegen::build_script(
            &root.join("catalog"),
            &root.join("errors-runtime/src/generated"),
            std::path::Path::new("catalog"),
        );
    }
    #[allow(unreachable_code)]
    ExitCode::SUCCESS
}
