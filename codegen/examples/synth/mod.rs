//! Synthetic catalogs for the scale run (`examples/scale.rs`) and its small
//! version in the test suite (`tests/synthetic.rs`), and a scratch copy of
//! errors-runtime that compiles one.
//!
//! A catalog of `n` codes has `max(1, n / 5000)` vendors of eight products
//! each, of uneven sizes, cycling through the key shapes vendors use:
//! `namespace:error:reason` strings, kebab-case strings, sparse 5-digit
//! numbers, dense numbers and message-only entries. Everything is
//! deterministic: the same `n` always gives the same files.

#![allow(dead_code)] // each user takes what it needs

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

const WORDS: &[&str] = &[
    "invalid",
    "missing",
    "expired",
    "unknown",
    "duplicate",
    "blocked",
    "pending",
    "member",
    "session",
    "token",
    "number",
    "sender",
    "message",
    "channel",
    "account",
    "balance",
    "template",
    "media",
    "webhook",
    "request",
    "limit",
    "quota",
    "region",
    "format",
    "header",
    "signature",
    "payload",
    "state",
    "action",
    "user",
    "device",
    "leg",
    "call",
    "event",
    "content",
    "address",
    "country",
    "language",
    "timeout",
    "version",
];

const NAMESPACES: &[&str] = &[
    "conversation",
    "member",
    "user",
    "application",
    "event",
    "leg",
    "media",
    "session",
    "device",
    "knocking",
    "rtc",
    "http",
    "system",
    "legs",
    "custom",
];

const CATEGORIES: &[&str] = &[
    "authentication",
    "permission",
    "billing",
    "rate-limit",
    "invalid-request",
    "not-found",
    "conflict",
    "recipient",
    "sender",
    "content",
    "compliance",
    "server",
];

const STATUSES: &[u16] = &[400, 401, 402, 403, 404, 409, 422, 429, 500, 503];

/// Relative product sizes within a vendor.
const WEIGHTS: &[usize] = &[1, 2, 4, 8, 1, 3, 6, 5];

/// The key shapes, one per product, in turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `conversation:error:invalid-member`
    Namespaced,
    /// `invalid-api-key`
    Kebab,
    /// `40312`, spread over 10000..=99999
    Sparse,
    /// `1000`, `1003`, `1004`, …: small gaps
    Dense,
    /// no code: the message is the key
    Message,
}

const SHAPES: &[Shape] = &[Shape::Namespaced, Shape::Dense, Shape::Kebab, Shape::Sparse, Shape::Message];

/// What was written.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    pub vendors: usize,
    pub products: usize,
    pub codes: usize,
    pub bytes: usize,
}

/// splitmix64: deterministic pseudo-random numbers.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The `i`-th distinct list of words (two words, then three, …).
fn words(mut i: usize) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut len = 2;
    let mut count = WORDS.len().pow(2);
    while i >= count {
        i -= count;
        len += 1;
        count = WORDS.len().pow(len as u32);
    }
    for _ in 0..len {
        out.push(WORDS[i % WORDS.len()]);
        i /= WORDS.len();
    }
    out
}

fn upper_camel(words: &[&str]) -> String {
    words.iter().map(|w| w[..1].to_ascii_uppercase() + &w[1..]).collect()
}

fn toml_string(text: &str) -> String {
    format!("{text:?}")
}

/// Writes a synthetic catalog of about `codes` codes into `dir`.
pub fn write_catalog(dir: &Path, codes: usize) -> io::Result<Summary> {
    let vendors = (codes / 5000).max(1);
    let per_vendor = codes / vendors;
    let weight_sum: usize = WEIGHTS.iter().sum();
    let mut summary = Summary { vendors, ..Summary::default() };
    let mut rng = Rng(codes as u64);
    let mut shape_turn = 0;
    for v in 0..vendors {
        let vendor_dir = dir.join(format!("vendor{v:02}"));
        fs::create_dir_all(&vendor_dir)?;
        let vendor_toml =
            format!("name = \"Vendor {v}\"\ndocs_url = \"https://api.example.com/vendor{v:02}/errors\"\n");
        fs::write(vendor_dir.join("vendor.toml"), &vendor_toml)?;
        summary.bytes += vendor_toml.len();
        let mut left = per_vendor;
        for (p, &weight) in WEIGHTS.iter().enumerate() {
            let size = if p + 1 == WEIGHTS.len() { left } else { (per_vendor * weight / weight_sum).max(1) };
            left = left.saturating_sub(size);
            let shape = SHAPES[shape_turn % SHAPES.len()];
            shape_turn += 1;
            let stem = format!("{}-{p}", WORDS[(v * 8 + p) % WORDS.len()]);
            let text = product_toml(&stem, v, shape, size, &mut rng);
            fs::write(vendor_dir.join(format!("{stem}.toml")), &text)?;
            summary.products += 1;
            summary.codes += size;
            summary.bytes += text.len();
        }
    }
    Ok(summary)
}

fn product_toml(stem: &str, vendor: usize, shape: Shape, size: usize, rng: &mut Rng) -> String {
    let mut out = String::new();
    let code_type = match shape {
        Shape::Namespaced | Shape::Kebab => "string",
        Shape::Sparse | Shape::Dense => "integer",
        Shape::Message => "none",
    };
    writeln!(out, "[product]\nname = \"{} API\"\ncode_type = \"{code_type}\"", upper_camel(&[stem])).unwrap();
    writeln!(out, "docs_url = \"https://api.example.com/vendor{vendor:02}/{stem}/errors\"").unwrap();
    if shape == Shape::Namespaced {
        writeln!(out, "problem_type = \"https://api.example.com/vendor{vendor:02}/{stem}#{{code}}\"").unwrap();
    }
    // Sparse codes: distinct values in 10000..=99999.
    let mut sparse: Vec<u32> = Vec::new();
    if shape == Shape::Sparse {
        let mut seen = std::collections::HashSet::new();
        while sparse.len() < size.min(90_000) {
            let code = 10_000 + rng.below(90_000) as u32;
            if seen.insert(code) {
                sparse.push(code);
            }
        }
        sparse.sort_unstable();
    }
    let mut dense = 1000u32;
    for i in 0..size {
        let reason = words(i);
        out.push_str("\n[[error]]\n");
        let name = upper_camel(&reason);
        match shape {
            Shape::Namespaced => {
                let namespace = rng.pick(NAMESPACES);
                writeln!(out, "code = {}", toml_string(&format!("{namespace}:error:{}", reason.join("-")))).unwrap();
            }
            Shape::Kebab => writeln!(out, "code = {}", toml_string(&reason.join("-"))).unwrap(),
            Shape::Sparse => writeln!(out, "code = {}", sparse.get(i).copied().unwrap_or_default()).unwrap(),
            Shape::Dense => {
                writeln!(out, "code = {dense}").unwrap();
                dense += 1 + rng.below(4) as u32;
            }
            Shape::Message => {}
        }
        writeln!(out, "name = \"{name}\"").unwrap();
        if i % 3 == 0 {
            writeln!(out, "title = {}", toml_string(&reason.join(" "))).unwrap();
        }
        let description = match shape {
            Shape::Message => format!("The {} could not be processed.", reason.join(" ")),
            _ => format!(
                "The {} {} is {} for this {}; the request was not processed.",
                rng.pick(WORDS),
                reason.join(" "),
                rng.pick(WORDS),
                rng.pick(WORDS)
            ),
        };
        writeln!(out, "description = {}", toml_string(&description)).unwrap();
        if i % 2 == 0 {
            let resolution =
                format!("Check the {} and the {}, then send the request again.", rng.pick(WORDS), rng.pick(WORDS));
            writeln!(out, "resolution = {}", toml_string(&resolution)).unwrap();
        }
        if i % 4 != 3 {
            writeln!(out, "http_status = {}", rng.pick(STATUSES)).unwrap();
        }
        writeln!(out, "category = \"{}\"", rng.pick(CATEGORIES)).unwrap();
    }
    out
}

/// Every key of a product written by [`write_catalog`] is looked up by the
/// `check` binary of [`scratch_crate`]; this is its source.
const CHECK: &str = r#"//! Every entry of every product resolves through the generated tables.
use errors_runtime::{Code, products};

fn main() {
    let mut count = 0;
    for product in products() {
        for (position, info) in product.entries().enumerate() {
            let key = match info.code() {
                Code::Integer(n) => n.to_string(),
                Code::String(s) => s.to_owned(),
                _ => info.description().to_owned(),
            };
            assert_eq!(product.position(&key), Some(position), "{} {key:?}", product.rust_path());
            if let Code::Integer(n) = info.code() {
                assert_eq!(product.position_u32(n), Some(position), "{} {n}", product.rust_path());
            }
            let found = errors_runtime::lookup(product.vendor().id(), product.id(), &key).expect("catalog lookup");
            assert_eq!(found, info, "{} {key:?}", product.rust_path());
            assert!(errors_runtime::lookup_vendor(product.vendor().id(), &key).any(|e| e == info));
            count += 1;
        }
        for miss in ["", "no such code", "99999999", "x:error:nothing-here"] {
            if let Some(p) = product.position(miss) {
                let entry = product.entry(p).expect("a position in range");
                let key = entry.code().to_string();
                assert!(key == miss || entry.description() == miss, "{} {miss:?}", product.rust_path());
            }
        }
    }
    println!("{count}");
}
"#;

/// A copy of errors-runtime at `dest` whose `generated/` holds `files`, with
/// a `check` binary that looks every code up. Returns the crate folder.
pub fn scratch_crate(runtime_src: &Path, files: &[(String, String)], dest: &Path) -> io::Result<PathBuf> {
    let src = dest.join("src");
    copy_dir(runtime_src, &src, &runtime_src.join("generated"))?;
    let generated = src.join("generated");
    fs::create_dir_all(&generated)?;
    for (name, text) in files {
        fs::write(generated.join(name), text)?;
    }
    fs::write(
        dest.join("Cargo.toml"),
        r#"[package]
name = "errors-runtime"
version = "0.0.0"
edition = "2024"
publish = false

[lib]
path = "src/lib.rs"

[[bin]]
name = "check"
path = "check.rs"

[features]
default = ["std"]
std = []
serde = []

[workspace]
"#,
    )?;
    fs::write(dest.join("check.rs"), CHECK)?;
    Ok(dest.to_path_buf())
}

fn copy_dir(from: &Path, to: &Path, skip: &Path) -> io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let path = entry?.path();
        if path == skip {
            continue;
        }
        let target = to.join(path.file_name().unwrap_or_default());
        if path.is_dir() {
            copy_dir(&path, &target, skip)?;
        } else {
            fs::copy(&path, &target)?;
        }
    }
    Ok(())
}

/// errors-runtime's source folder, from codegen's manifest folder.
pub fn runtime_src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../errors-runtime/src")
}
