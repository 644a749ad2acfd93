fn main() -> std::process::ExitCode {
    errcat_codegen::Builder::new("catalog").module_path("own_catalog::errors").compile_to_out_dir()
}
