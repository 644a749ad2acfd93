//! `errcat`: list, explain and check error catalogs.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use errors_runtime::{Code, ErrorInfo, ProductInfo};
use serde::Serialize;

/// Look up, explain and check errcat error catalogs.
#[derive(Parser)]
#[command(name = "errcat", version, about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// List catalog entries.
    List {
        /// Print a JSON array, one object per entry.
        #[arg(long)]
        json: bool,
        /// Only this vendor (e.g. `vonage`).
        #[arg(long)]
        vendor: Option<String>,
        /// Only this product (e.g. `messages`).
        #[arg(long)]
        product: Option<String>,
    },
    /// Explain a code (or, for message-only products, a message) of a vendor.
    Explain {
        /// The vendor id, e.g. `vonage`.
        vendor: String,
        /// The code or message as the vendor sent it, e.g. `invalid-api-key` or `1020`.
        code: String,
        /// Only look in this product.
        #[arg(long)]
        product: Option<String>,
        /// Print a JSON array of the matching entries.
        #[arg(long)]
        json: bool,
    },
    /// Validate a catalog folder with the build's diagnostics.
    Check {
        /// The catalog folder.
        #[arg(default_value = "catalog")]
        dir: PathBuf,
    },
}

/// One entry as the JSON contract describes it.
#[derive(Serialize)]
struct EntryJson {
    vendor: &'static str,
    product: &'static str,
    code: CodeJson,
    name: &'static str,
    title: Option<&'static str>,
    description: &'static str,
    resolution: Option<&'static str>,
    http_status: Option<u16>,
    category: &'static str,
    retry: &'static str,
    docs_url: Option<&'static str>,
    rust_path: String,
}

#[derive(Serialize)]
#[serde(untagged)]
enum CodeJson {
    Integer(u32),
    String(&'static str),
    None(Option<()>),
}

impl From<&'static ErrorInfo> for EntryJson {
    fn from(info: &'static ErrorInfo) -> Self {
        EntryJson {
            vendor: info.vendor_id(),
            product: info.product_id(),
            code: match info.code {
                Code::Integer(n) => CodeJson::Integer(n),
                Code::String(s) => CodeJson::String(s),
                _ => CodeJson::None(None),
            },
            name: info.name,
            title: info.title,
            description: info.description,
            resolution: info.resolution,
            http_status: info.http_status,
            category: info.category.as_str(),
            retry: info.retry.as_str(),
            docs_url: info.docs_url(),
            rust_path: info.rust_path().to_string(),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::List { json, vendor, product } => list(json, vendor.as_deref(), product.as_deref()),
        Command::Explain { vendor, code, product, json } => explain(&vendor, &code, product.as_deref(), json),
        Command::Check { dir } => check(dir),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

fn known_vendors() -> String {
    let mut ids: Vec<&str> = errors_runtime::products().iter().map(|p| p.vendor.id).collect();
    ids.dedup();
    ids.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>().join(", ")
}

fn products_of(vendor: Option<&str>, product: Option<&str>) -> Result<Vec<&'static ProductInfo>, String> {
    if let Some(vendor) = vendor.filter(|v| !errors_runtime::products().iter().any(|p| p.vendor.id == *v)) {
        return Err(format!("unknown vendor `{vendor}` (known: {})", known_vendors()));
    }
    let selected: Vec<_> = errors_runtime::products()
        .iter()
        .copied()
        .filter(|p| vendor.is_none_or(|v| p.vendor.id == v) && product.is_none_or(|id| p.id == id))
        .collect();
    if let (Some(product), true) = (product, selected.is_empty()) {
        let known: Vec<String> = errors_runtime::products()
            .iter()
            .filter(|p| vendor.is_none_or(|v| p.vendor.id == v))
            .map(|p| format!("`{}`", p.id))
            .collect();
        return Err(format!("unknown product `{product}` (known: {})", known.join(", ")));
    }
    Ok(selected)
}

fn print_json<T: Serialize>(value: &T) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let written =
        serde_json::to_writer_pretty(&mut out, value).map_err(std::io::Error::from).and_then(|()| writeln!(out));
    match written {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`errcat list --json | head`) is not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&format!("cannot write to stdout: {e}")),
    }
}

fn list(json: bool, vendor: Option<&str>, product: Option<&str>) -> ExitCode {
    let products = match products_of(vendor, product) {
        Ok(p) => p,
        Err(message) => return fail(&message),
    };
    let entries = products.iter().flat_map(|p| p.entries.iter());
    if json {
        return print_json(&entries.map(EntryJson::from).collect::<Vec<_>>());
    }
    let mut out = std::io::stdout().lock();
    for info in entries {
        let line = format!(
            "{}/{}\t{}\t{}\t{}",
            info.vendor_id(),
            info.product_id(),
            info.code,
            info.category,
            info.rust_path()
        );
        if writeln!(out, "{line}").is_err() {
            break;
        }
    }
    ExitCode::SUCCESS
}

fn explain(vendor: &str, code: &str, product: Option<&str>, json: bool) -> ExitCode {
    let products = match products_of(Some(vendor), product) {
        Ok(p) => p,
        Err(message) => return fail(&message),
    };
    let matches: Vec<&'static ErrorInfo> = products.iter().filter_map(|p| p.find(code)).collect();
    if matches.is_empty() {
        let scope = match product {
            Some(product) => format!("{vendor}/{product}"),
            None => vendor.to_owned(),
        };
        eprintln!("error: no `{scope}` entry has code or message `{}`", code.escape_debug());
        return ExitCode::FAILURE;
    }
    if json {
        return print_json(&matches.into_iter().map(EntryJson::from).collect::<Vec<_>>());
    }
    let mut text = String::new();
    for (i, info) in matches.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        text.push_str(&describe(info));
    }
    print!("{text}");
    ExitCode::SUCCESS
}

fn describe(info: &ErrorInfo) -> String {
    let mut out = format!("{} {} — {}\n", info.product.vendor.name, info.product.name, info.code);
    if let Some(title) = info.title {
        out.push_str(&format!("  title:       {title}\n"));
    }
    out.push_str(&format!("  description: {}\n", info.description));
    if let Some(resolution) = info.resolution {
        out.push_str(&format!("  resolution:  {resolution}\n"));
    }
    if let Some(status) = info.http_status {
        out.push_str(&format!("  http status: {status}\n"));
    }
    out.push_str(&format!("  category:    {}\n", info.category));
    out.push_str(&format!("  retry:       {}\n", info.retry));
    if let Some(url) = info.docs_url() {
        out.push_str(&format!("  docs:        {url}\n"));
    }
    out.push_str(&format!("  match on:    {}\n", info.rust_path()));
    out
}

fn check(dir: PathBuf) -> ExitCode {
    if !dir.is_dir() {
        return fail(&format!("`{}` is not a folder", dir.display()));
    }
    match errcat_codegen::Builder::new(&dir).check() {
        Ok(catalog) => {
            let products: usize = catalog.vendors.iter().map(|v| v.products.len()).sum();
            println!("ok: {} vendors, {products} products, {} entries", catalog.vendors.len(), catalog.entry_count());
            ExitCode::SUCCESS
        }
        Err(diagnostics) => {
            eprintln!("{diagnostics}");
            ExitCode::FAILURE
        }
    }
}
