//! Compiles errcat's TOML error catalogs into Rust for `errors-runtime`.
//!
//! One pipeline, one module per stage:
//!
//! 1. [`load`]: read `catalog/<vendor>/*.toml` with serde and `toml::Spanned`;
//! 2. [`validate`]: check everything, collecting *every* problem as a
//!    [`Diagnostic`]; build the [`ir`] (sorted, identifiers from [`ident`]);
//! 3. [`tables`]: choose and build each product's lookup table and the
//!    catalog-wide indexes ([`phf`] perfect hashes, with the hash function
//!    of `errors-runtime` itself);
//! 4. [`emit`]: produce tokens with `quote`, and the parts with a line or
//!    more per code (enums, records, `ALL`) directly as `syn` items:
//!    parsing 100k codes' tokens through `syn` dominated regeneration.
//!    Literals come from `proc_macro2`, identifiers from [`ident`];
//! 5. parse the tokens with `syn`, print everything with `prettyplease`,
//!    add the `@generated` header (stages 3 to 5 run per vendor, on every
//!    core);
//! 6. [`mod@write`]: write every file of a run (modules, reference, schemas)
//!    all or nothing, each only when its bytes change.
//!
//! The same catalogs always give byte-identical output.
//!
//! ```no_run
//! let report = errcat_codegen::Builder::new("catalog")
//!     .out_dir("errors-runtime/src/generated")
//!     .write()?;
//! println!("{} files written", report.written.len());
//! # Ok::<(), errcat_codegen::Error>(())
//! ```

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub mod diagnostic;
pub mod docs;
pub mod emit;
pub mod ident;
#[cfg(feature = "import")]
pub mod import;
pub mod ir;
pub mod load;
pub mod model;
pub mod phf;
#[cfg(feature = "schema")]
pub mod schema;
pub mod tables;
pub mod terminal;
pub mod validate;
pub mod write;

/// The hash function of `errors-runtime`: a byte-identical copy of its
/// source (`tests/shared_source.rs` fails when they differ), so that tables
/// built here are probed identically there.
#[allow(dead_code)]
mod hash;

/// How `errors-runtime` cuts up problem `type` URLs, a byte-identical copy
/// like the hash's, so that templates are cut up here exactly as URLs are
/// there.
#[allow(dead_code)]
pub mod problem_url;

/// The cross-vendor taxonomy of `errors-runtime`, a byte-identical copy
/// like the hash's.
#[allow(dead_code)]
pub mod taxonomy;

/// How `errors-runtime`'s tables pack an entry, a byte-identical copy like
/// the hash's: codegen encodes with it what the runtime decodes.
#[allow(dead_code)]
mod layout;

/// How `errors-runtime` names a product in prose, a byte-identical copy
/// like the hash's.
mod names;

pub use diagnostic::{Diagnostic, Diagnostics};
pub use write::{HEADER, WriteError, WriteReport};

/// Anything that stops generation.
#[derive(Debug)]
pub enum Error {
    /// The catalog has problems; nothing was written.
    Catalog(Diagnostics),
    /// A product's keys could not be placed in a perfect-hash table.
    Hash { vendor: String, product: String, source: phf::PhfError },
    /// The generated tokens did not parse: a bug in errcat-codegen.
    Format(String),
    /// The catalogs exceed what the generated tables can hold.
    Limit(String),
    /// Reading or writing a file failed.
    Io { path: PathBuf, source: std::io::Error },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Catalog(diagnostics) => fmt::Display::fmt(diagnostics, f),
            Error::Hash { vendor, product, source } => write!(f, "error: product `{vendor}/{product}`: {source}"),
            Error::Format(message) => {
                write!(f, "error: generated code does not parse (a bug in errcat-codegen): {message}")
            }
            Error::Io { path, source } => write!(f, "error: {}: {source}", path.display()),
            Error::Limit(message) => write!(f, "error: {message}"),
        }
    }
}

impl From<write::WriteError> for Error {
    fn from(error: write::WriteError) -> Self {
        Error::Io { path: error.path, source: error.source }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Catalog(d) => Some(d),
            Error::Hash { source, .. } => Some(source),
            Error::Format(_) | Error::Limit(_) => None,
            Error::Io { source, .. } => Some(source),
        }
    }
}

/// Generated files, by file name, in a stable order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    pub files: Vec<(String, String)>,
}

/// Configures and runs the pipeline.
#[derive(Debug, Clone)]
pub struct Builder {
    catalog_dir: PathBuf,
    display_root: Option<PathBuf>,
    out_dir: Option<PathBuf>,
    module_path: String,
    single_file: bool,
}

impl Builder {
    /// A pipeline over the catalog folder `catalog_dir`.
    pub fn new(catalog_dir: impl Into<PathBuf>) -> Self {
        Builder {
            catalog_dir: catalog_dir.into(),
            display_root: None,
            out_dir: None,
            module_path: "errors_runtime".to_owned(),
            single_file: false,
        }
    }

    /// Where [`write`](Self::write) puts the files (default: `generated`
    /// beside the catalog folder).
    pub fn out_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// How the catalog folder is named in diagnostics (default: as given).
    pub fn display_root(mut self, root: impl Into<PathBuf>) -> Self {
        self.display_root = Some(root.into());
        self
    }

    /// The Rust path at which the generated modules are reachable, used in
    /// each product's `rust_path` (default: `errors_runtime`).
    pub fn module_path(mut self, path: impl Into<String>) -> Self {
        self.module_path = path.into();
        self
    }

    /// Emits one file, `errcat.rs`, with every vendor module inline, for
    /// `include!` (default: `mod.rs` plus a file per vendor).
    pub fn single_file(mut self, single: bool) -> Self {
        self.single_file = single;
        self
    }

    /// Compiles a private catalog from a build script, prost-build style:
    /// writes `$OUT_DIR/errcat.rs` (when its bytes change), tells cargo to
    /// rerun when the catalog changes, and on failure prints every
    /// diagnostic and returns failure.
    ///
    /// ```no_run
    /// // build.rs
    /// fn main() -> std::process::ExitCode {
    ///     errcat_codegen::Builder::new("catalog").module_path("my_app::errors").compile_to_out_dir()
    /// }
    /// ```
    ///
    /// ```ignore
    /// // src/lib.rs
    /// pub mod errors {
    ///     include!(concat!(env!("OUT_DIR"), "/errcat.rs"));
    /// }
    /// ```
    pub fn compile_to_out_dir(self) -> ExitCode {
        println!("cargo::rerun-if-changed={}", self.catalog_dir.display());
        let Some(out_dir) = std::env::var_os("OUT_DIR") else {
            println!("cargo::error=`compile_to_out_dir` must run in a build script (OUT_DIR is not set)");
            return ExitCode::FAILURE;
        };
        let builder = self.single_file(true).out_dir(out_dir);
        report_to_cargo(builder.write().map(drop))
    }

    /// The Markdown reference of every entry ([`docs::render_with`]), with
    /// Rust paths under [`module_path`](Self::module_path).
    pub fn reference(&self) -> Result<String, Error> {
        let catalog = self.check().map_err(Error::Catalog)?;
        Ok(docs::render_with(&catalog, &self.module_path))
    }

    /// Loads and validates, returning the IR or every problem found.
    pub fn check(&self) -> Result<ir::Catalog, Diagnostics> {
        let mut sources = diagnostic::Sources::default();
        let mut items = Vec::new();
        let display = self.display_root.as_deref().unwrap_or(&self.catalog_dir);
        let loaded = load::load(&self.catalog_dir, display, &mut sources, &mut items);
        let catalog = validate::validate(loaded, &mut items);
        match catalog {
            Some(catalog) if items.is_empty() => Ok(catalog),
            _ => {
                let mut diagnostics = Diagnostics { sources, items };
                diagnostics.sort();
                Err(diagnostics)
            }
        }
    }

    /// Runs the whole pipeline in memory.
    pub fn generate(&self) -> Result<Generated, Error> {
        let catalog = self.check().map_err(Error::Catalog)?;
        self.generate_ir(&catalog)
    }

    /// Generates and writes the files that changed. On any error nothing is
    /// written.
    pub fn write(&self) -> Result<WriteReport, Error> {
        let catalog = self.check().map_err(Error::Catalog)?;
        self.write_ir(&catalog)
    }

    /// Generates from an already checked catalog and writes the files that
    /// changed.
    fn write_ir(&self, catalog: &ir::Catalog) -> Result<WriteReport, Error> {
        let generated = self.generate_ir(catalog)?;
        Ok(write::write_files(&self.target_dir(), &generated.files)?)
    }

    fn generate_ir(&self, catalog: &ir::Catalog) -> Result<Generated, Error> {
        let options = emit::EmitOptions { module_path: self.module_path.clone(), inline_modules: self.single_file };
        generate_with(catalog, &options)
    }

    /// Where [`write`](Self::write) puts the generated modules.
    fn target_dir(&self) -> PathBuf {
        self.out_dir.clone().unwrap_or_else(|| self.catalog_dir.parent().unwrap_or(Path::new(".")).join("generated"))
    }
}

/// Builds tables, emits and formats every file of `catalog`, which must be
/// as validation leaves it (see [`ir::Entry`]).
pub fn generate_from_ir(catalog: &ir::Catalog, module_path: &str) -> Result<Generated, Error> {
    generate_with(catalog, &emit::EmitOptions { module_path: module_path.to_owned(), inline_modules: false })
}

fn generate_with(catalog: &ir::Catalog, options: &emit::EmitOptions) -> Result<Generated, Error> {
    // Each vendor's tables, tokens and formatted text on whichever thread is
    // free, biggest vendors first; the catalog-wide tables and root file on
    // this thread first. Tokens never cross threads (they are not `Send`),
    // only text does; the output is the same whatever the scheduling.
    let vendors = &catalog.vendors;
    let body_paths = ir::BodyPaths::new(catalog);
    if body_paths.paths.len() > usize::from(u16::MAX) {
        let count = body_paths.paths.len();
        return Err(Error::Limit(format!(
            "the response shapes declare {count} distinct body paths; at most 65535 fit"
        )));
    }
    let body_paths = &body_paths;
    let mut order: Vec<usize> = (0..vendors.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(vendors[i].products.iter().map(|p| p.entries.len()).sum::<usize>()));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        while let Some(&i) = order.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed)) {
            done.push((i, vendor_text(&vendors[i], body_paths, options)));
        }
        done
    };
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get).min(vendors.len().max(1));
    let (root, mut texts) = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let root = tables::catalog_tables(catalog).and_then(|tables| {
            let stem = if options.inline_modules { emit::ROOT_INLINE } else { emit::ROOT };
            format_tokens(stem, emit::emit_catalog(catalog, &tables, body_paths, options))
        });
        let mut texts = work();
        for helper in helpers {
            match helper.join() {
                Ok(done) => texts.extend(done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        (root, texts)
    });
    texts.sort_by_key(|(i, _)| *i);
    let texts = texts.into_iter().map(|(_, text)| text).collect::<Result<Vec<String>, Error>>()?;
    let root = root?;
    let files = if options.inline_modules {
        vec![(format!("{}.rs", emit::ROOT_INLINE), format!("{HEADER}\n\n{}{root}", texts.concat()))]
    } else {
        let mut files = vec![(format!("{}.rs", emit::ROOT), format!("{HEADER}\n\n{root}"))];
        files.extend(
            vendors.iter().zip(texts).map(|(v, text)| (format!("{}.rs", v.module), format!("{HEADER}\n\n{text}"))),
        );
        files
    };
    Ok(Generated { files })
}

/// One vendor's perfect-hash tables, tokens and formatted text.
fn vendor_text(vendor: &ir::Vendor, body_paths: &ir::BodyPaths, options: &emit::EmitOptions) -> Result<String, Error> {
    let tables = tables::vendor_tables(vendor)?;
    let mut text = String::new();
    for piece in emit::emit_vendor_module(vendor, &tables, body_paths, options) {
        match piece {
            emit::Piece::Tokens(tokens) => text.push_str(&format_tokens(&vendor.module, tokens)?),
            emit::Piece::Items(items) => {
                text.push_str(&prettyplease::unparse(&syn::File { shebang: None, attrs: Vec::new(), items }))
            }
        }
    }
    if !options.inline_modules {
        return Ok(text);
    }
    // Inside `pub mod vendor { … }`, as prettyplease would indent it. No
    // generated line break is inside a literal: they are all escaped.
    let mut inline = format!("pub mod {} {{\n", vendor.module);
    for line in text.lines() {
        if !line.is_empty() {
            inline.push_str("    ");
            inline.push_str(line);
        }
        inline.push('\n');
    }
    inline.push_str("}\n");
    Ok(inline)
}

/// Formats the tokens of one file (`stem` names it in errors).
fn format_tokens(stem: &str, tokens: proc_macro2::TokenStream) -> Result<String, Error> {
    let file: syn::File = syn::parse2(tokens).map_err(|e| Error::Format(format!("{stem}.rs: {e}")))?;
    Ok(prettyplease::unparse(&file))
}

/// The body of a build script that regenerates checked-in code: tells cargo
/// what to watch, writes the files that changed, and on failure prints every
/// diagnostic (`cargo::error=` headlines, then the full reports) and
/// returns failure. Generated files are left untouched on failure.
///
/// Beside the catalog folder (in its parent) it also keeps
/// `docs/error-reference.md` ([`docs`]) and, with the `schema` feature,
/// `schema/*.schema.json` (module `schema`) up to date, all of them written
/// together, all or nothing, and only when their bytes change.
pub fn build_script(catalog_dir: &Path, out_dir: &Path, display_root: &Path) -> ExitCode {
    println!("cargo::rerun-if-changed={}", catalog_dir.display());
    let builder = Builder::new(catalog_dir).out_dir(out_dir).display_root(display_root);
    let root = catalog_dir.parent().unwrap_or(Path::new("."));
    // Load and validate once, for the code and the reference alike; then
    // write the modules, the reference and the schemas all or nothing.
    let written = builder.check().map_err(Error::Catalog).and_then(|catalog| {
        let generated = builder.generate_ir(&catalog)?;
        let reference = [(docs::REFERENCE_FILE.to_owned(), docs::render_with(&catalog, &builder.module_path))];
        let docs_dir = root.join(docs::REFERENCE_DIR);
        let target_dir = builder.target_dir();
        // The schemas are written only by a build with the `schema` feature
        // (the errcat workspace's), so build scripts do not compile schemars.
        #[cfg(feature = "schema")]
        let schemas = Some((root.join(schema::SCHEMA_DIR), schema::files()));
        #[cfg(not(feature = "schema"))]
        let schemas: Option<(PathBuf, Vec<(String, String)>)> = None;
        let mut sets = vec![
            write::FileSet { dir: &target_dir, files: &generated.files, prune: true },
            write::FileSet { dir: &docs_dir, files: &reference, prune: true },
        ];
        if let Some((dir, files)) = &schemas {
            sets.push(write::FileSet { dir, files, prune: true });
        }
        write::write_all(&sets)?;
        // A hand edit of a generated file reruns this script, which puts
        // the file back.
        for set in &sets {
            for (name, _) in set.files {
                println!("cargo::rerun-if-changed={}", set.dir.join(name).display());
            }
        }
        Ok(())
    });
    report_to_cargo(written)
}

/// Prints a failed generation the way cargo shows build-script errors.
fn report_to_cargo(result: Result<(), Error>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error::Catalog(diagnostics)) => {
            for line in cargo_error_lines(&diagnostics) {
                println!("{line}");
            }
            eprintln!("{diagnostics}");
            ExitCode::FAILURE
        }
        Err(other) => {
            println!("cargo::error={}", terminal::one_line(other.to_string().trim_start_matches("error: ")));
            ExitCode::FAILURE
        }
    }
}

/// The `cargo::error=` lines a build script prints for `diagnostics`: one
/// per problem, `path:line:col: message`, each on a single line so cargo
/// shows all of them at the top of its output.
pub fn cargo_error_lines(diagnostics: &Diagnostics) -> Vec<String> {
    // A headline is one line: a break would end the instruction early.
    diagnostics.headlines().map(|headline| format!("cargo::error={headline}")).collect()
}
