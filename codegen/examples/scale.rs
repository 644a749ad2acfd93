//! The scale run: synthetic catalogs of 1k, 10k and 100k codes, each
//! regenerated and compiled into a scratch copy of errors-runtime.
//!
//! ```sh
//! cargo run --release -p errcat-codegen --example scale            # 1000 10000 100000
//! cargo run --release -p errcat-codegen --example scale -- 1000    # chosen sizes
//! ```
//!
//! For each size it reports the regeneration time (load + validate + IR +
//! tables + emit + format + write, as `cargo build` runs it), the release
//! compile time and peak memory of errors-runtime with that catalog (from
//! `/usr/bin/time -v` when it exists), the size of the generated source and
//! of the rlib. Then it runs a binary that looks every code up. Nothing in
//! the repository is touched: everything happens in a temporary folder, or
//! in `$ERRCAT_SCALE_DIR/<codes>/` (kept) when that variable is set.

#[path = "synth/mod.rs"]
mod synth;

use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Instant;

struct Row {
    codes: usize,
    products: usize,
    regenerate_s: f64,
    compile_s: f64,
    peak_rss_mib: Option<f64>,
    source_bytes: usize,
    rlib_bytes: u64,
}

fn main() -> ExitCode {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.replace('_', "").parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![1_000, 10_000, 100_000] } else { sizes };
    let mut rows = Vec::new();
    for codes in sizes {
        match run(codes) {
            Ok(row) => rows.push(row),
            Err(message) => {
                eprintln!("error: {codes} codes: {message}");
                return ExitCode::FAILURE;
            }
        }
    }
    println!();
    println!("| codes | products | regenerate | compile (release) | peak RSS | generated source | rlib |");
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    for row in &rows {
        let rss = row.peak_rss_mib.map_or("n/a".to_owned(), |m| format!("{m:.0} MiB"));
        println!(
            "| {} | {} | {:.2} s | {:.1} s | {rss} | {:.1} MiB | {:.1} MiB |",
            row.codes,
            row.products,
            row.regenerate_s,
            row.compile_s,
            row.source_bytes as f64 / (1 << 20) as f64,
            row.rlib_bytes as f64 / (1 << 20) as f64,
        );
    }
    ExitCode::SUCCESS
}

fn run(codes: usize) -> Result<Row, String> {
    let temp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let root = match std::env::var_os("ERRCAT_SCALE_DIR") {
        Some(dir) => Path::new(&dir).join(codes.to_string()),
        None => temp.path().to_path_buf(),
    };
    if root.exists() {
        std::fs::remove_dir_all(&root).map_err(|e| e.to_string())?;
    }
    let catalog = root.join("catalog");
    let summary = synth::write_catalog(&catalog, codes).map_err(|e| e.to_string())?;
    eprintln!(
        "{codes} codes: {} vendors, {} products, {} KiB of TOML",
        summary.vendors,
        summary.products,
        summary.bytes / 1024
    );

    let out = root.join("generated");
    let started = Instant::now();
    errcat_codegen::Builder::new(&catalog).out_dir(&out).write().map_err(|e| e.to_string())?;
    let regenerate_s = started.elapsed().as_secs_f64();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&out).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        // Only the generated modules: not the writer's staging folder.
        if !path.is_file() || path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
        files.push((path.file_name().unwrap_or_default().to_string_lossy().into_owned(), text));
    }
    let source_bytes = files.iter().map(|(_, text)| text.len()).sum();
    eprintln!("  regenerated in {regenerate_s:.2} s: {} files, {} KiB", files.len(), source_bytes / 1024);

    let krate = synth::scratch_crate(&synth::runtime_src(), &files, &root.join("crate")).map_err(|e| e.to_string())?;
    let target = root.join("target");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let timed = Path::new("/usr/bin/time").exists();
    let mut command = if timed {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-v").arg(&cargo);
        c
    } else {
        Command::new(&cargo)
    };
    command
        .args(["build", "--release", "--lib", "--offline", "--quiet"])
        .current_dir(&krate)
        .env("CARGO_TARGET_DIR", &target)
        .env_remove("RUSTFLAGS")
        .env("CARGO_INCREMENTAL", "0");
    let started = Instant::now();
    let output = command.output().map_err(|e| format!("cannot run cargo: {e}"))?;
    let compile_s = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        return Err(format!("the scratch crate does not compile:\n{stderr}"));
    }
    let peak_rss_mib = stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes): "))
        .and_then(|kb| kb.trim().parse::<f64>().ok())
        .map(|kb| kb / 1024.0);
    let rlib_bytes = std::fs::metadata(target.join("release/liberrors_runtime.rlib")).map_err(|e| e.to_string())?.len();
    eprintln!("  compiled in {compile_s:.1} s");

    let check = Command::new(&cargo)
        .args(["run", "--release", "--bin", "check", "--offline", "--quiet"])
        .current_dir(&krate)
        .env("CARGO_TARGET_DIR", &target)
        .output()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if !check.status.success() {
        return Err(format!("a code does not resolve:\n{}", String::from_utf8_lossy(&check.stderr)));
    }
    let resolved: usize = String::from_utf8_lossy(&check.stdout).trim().parse().unwrap_or(0);
    if resolved != summary.codes {
        return Err(format!("{resolved} of {} codes resolved", summary.codes));
    }
    eprintln!("  every code resolves");
    Ok(Row {
        codes: summary.codes,
        products: summary.products,
        regenerate_s,
        compile_s,
        peak_rss_mib,
        source_bytes,
        rlib_bytes,
    })
}
