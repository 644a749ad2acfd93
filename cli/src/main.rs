//! `errcat`: explain, list, parse and check error catalogs.

mod parse;
mod render;

use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use errcat_codegen::terminal::{block, inline};
use errors_runtime::{Code, ErrorInfo, ProductInfo};
use serde::Serialize;

const EXIT_CODES: &str = "\
Exit status:
  0  success
  1  nothing matched (explain, parse: unknown vendor, product or code),
     or the catalog has problems (check, docs)
  2  bad usage or unreadable input";

/// Explain the error codes of messaging APIs (Vonage, Sinch, Notificore, Twilio, …).
#[derive(Parser)]
#[command(name = "errcat", version, about, propagate_version = true, after_help = EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Explain a code (or, for message-only products, a message) of a vendor.
    #[command(after_help = "Examples:\n  errcat explain vonage invalid-api-key\n  errcat explain sinch 40001 --json")]
    Explain {
        /// The vendor id, e.g. `vonage`.
        vendor: String,
        /// The code or message as the vendor sent it, e.g. `invalid-api-key` or `1020`, or a
        /// problem `type` URL such as `https://developer.vonage.com/api-errors#invalid-api-key`.
        code: String,
        /// Only look in this product, e.g. `messages`.
        #[arg(long)]
        product: Option<String>,
        /// Print a JSON array of the matching entries.
        #[arg(long)]
        json: bool,
    },
    /// Read an HTTP error body on stdin and explain it.
    #[command(
        after_help = "Examples:\n  curl -s … | errcat parse --status 429 --retry-after 30\n  echo '{\"error\":\"40\",\"errorDescription\":\"Message not found\"}' | errcat parse notificore\n\nExit status: 0 the body names a catalog entry, 1 a vendor's body whose code is not in the\ncatalog (or a success body), 2 not JSON, no vendor's shape fits, or bad usage."
    )]
    Parse {
        /// The vendor (`vonage`, `sinch`, `notificore`, `twilio`); worked out from the body when absent.
        vendor: Option<String>,
        /// The response's HTTP status; it decides category and retry when the code is unknown.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(http_statuses()))]
        status: Option<u16>,
        /// The response's `Retry-After` header: seconds or an HTTP-date.
        #[arg(long, value_name = "VALUE")]
        retry_after: Option<String>,
        /// Print one JSON object: vendor, product, code, message, entry, decision, ….
        #[arg(long)]
        json: bool,
    },
    /// List catalog entries.
    List {
        /// Print a JSON array, one object per entry.
        #[arg(long)]
        json: bool,
        /// Only this vendor, e.g. `vonage`.
        #[arg(long)]
        vendor: Option<String>,
        /// Only this product, e.g. `messages`.
        #[arg(long)]
        product: Option<String>,
    },
    /// Write a Markdown reference of every entry of a catalog folder, or of the catalogs built in.
    #[command(after_help = "The bundled reference is kept in docs/error-reference.md by `cargo build`.")]
    Docs {
        /// The catalog folder [default: `catalog` when there is one here, else the catalogs built
        /// into errcat].
        dir: Option<PathBuf>,
        /// Write to this file instead of stdout.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Validate a catalog folder with the same diagnostics as the build.
    Check {
        /// The catalog folder [default: `catalog`, when there is one here].
        dir: Option<PathBuf>,
    },
    /// Import a vendor's machine-readable error dictionary into a vendor folder, or merge a
    /// newer copy into it.
    #[command(after_help = "Examples:\n  errcat import twilio twilio-error-codes.json --into catalog/twilio\n  \
        errcat import openapi definitions/redact.yml --into catalog/acme --product redact\n\n\
        Importing again adds new codes, updates the vendor's texts and marks codes it dropped\n\
        `withdrawn`; category, retry, name, http_status, note and aliases are kept as edited.\n\
        The folder's catalog is checked afterwards.")]
    Import {
        /// The dictionary's format: `twilio` (Twilio's `twilio-error-codes.json`) or `openapi`
        /// (an OpenAPI document's `x-errors` table, YAML or JSON).
        format: String,
        /// The dictionary file.
        source: PathBuf,
        /// The vendor folder to write, e.g. `catalog/twilio`; its parent is the catalog.
        #[arg(long, value_name = "DIR")]
        into: PathBuf,
        /// The product file an `openapi` document becomes [default: the document's file name].
        #[arg(long, value_name = "ID")]
        product: Option<String>,
        /// Where the vendor publishes the document, for the files' `[[source]]` [default:
        /// Twilio's dictionary URL for `twilio`; required for `openapi`].
        #[arg(long, value_name = "URL")]
        source_url: Option<String>,
        /// The day the document was read, `YYYY-MM-DD` [default: today].
        #[arg(long, value_name = "DATE")]
        checked: Option<String>,
    },
}

/// One entry as the JSON contract describes it.
#[derive(Serialize)]
pub struct EntryJson {
    vendor: &'static str,
    product: &'static str,
    code: CodeJson,
    name: &'static str,
    title: Option<&'static str>,
    description: &'static str,
    resolution: Option<&'static str>,
    causes: Option<&'static str>,
    severity: &'static str,
    http_status: Option<u16>,
    category: &'static str,
    retry: &'static str,
    docs_url: Option<&'static str>,
    rust_path: String,
    /// Where the catalog's facts about the entry come from.
    sources: Vec<SourceJson>,
}

#[derive(Serialize)]
struct SourceJson {
    id: &'static str,
    url: &'static str,
    checked: &'static str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum CodeJson {
    Integer(u32),
    String(&'static str),
    None(Option<()>),
}

impl From<ErrorInfo> for EntryJson {
    fn from(info: ErrorInfo) -> Self {
        EntryJson {
            vendor: info.vendor_id(),
            product: info.product_id(),
            code: match info.code() {
                Code::Integer(n) => CodeJson::Integer(n),
                Code::String(s) => CodeJson::String(s),
                _ => CodeJson::None(None),
            },
            name: info.name(),
            title: info.title(),
            description: info.description(),
            resolution: info.resolution(),
            causes: info.causes(),
            severity: info.severity().as_str(),
            http_status: info.http_status(),
            category: info.category().as_str(),
            retry: info.retry().as_str(),
            docs_url: info.docs_url(),
            rust_path: info.rust_path().to_string(),
            sources: info.sources().map(|s| SourceJson { id: s.id(), url: s.url(), checked: s.checked() }).collect(),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Explain { vendor, code, product, json } => explain(&vendor, &code, product.as_deref(), json),
        Command::Parse { vendor, status, retry_after, json } => {
            parse_stdin(vendor.as_deref(), status, retry_after.as_deref(), json)
        }
        Command::List { json, vendor, product } => list(json, vendor.as_deref(), product.as_deref()),
        Command::Docs { dir, output } => docs(dir, output),
        Command::Check { dir } => check(dir),
        Command::Import { format, source, into, product, source_url, checked } => {
            let checked = checked.unwrap_or_else(today);
            let origin = errcat_codegen::import::Origin { url: source_url, checked };
            import(&format, &source, &into, product.as_deref(), &origin)
        }
    }
}

/// Reports a usage or input problem: one line, exit 2.
fn usage_error(message: &str) -> ExitCode {
    report(&format!("error: {message}"));
    ExitCode::from(2)
}

/// Writes an unstyled report to stderr; arguments and catalog or body text
/// in it are already [`inline`]-escaped, and this keeps any left over from
/// reaching the terminal raw.
fn report(text: &str) {
    eprintln!("{}", block(text));
}

fn known_vendors() -> String {
    let mut ids: Vec<&str> = errors_runtime::products().iter().map(|p| p.vendor().id()).collect();
    ids.dedup();
    ids.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>().join(", ")
}

fn products_of(vendor: Option<&str>, product: Option<&str>) -> Result<Vec<&'static ProductInfo>, String> {
    if let Some(vendor) = vendor.filter(|v| !errors_runtime::products().iter().any(|p| p.vendor().id() == *v)) {
        return Err(format!("unknown vendor `{}` (known: {})", inline(vendor), known_vendors()));
    }
    let selected: Vec<_> = errors_runtime::products()
        .iter()
        .copied()
        .filter(|p| vendor.is_none_or(|v| p.vendor().id() == v) && product.is_none_or(|id| p.id() == id))
        .collect();
    if let (Some(product), true) = (product, selected.is_empty()) {
        let known: Vec<String> = errors_runtime::products()
            .iter()
            .filter(|p| vendor.is_none_or(|v| p.vendor().id() == v))
            .map(|p| format!("`{}`", p.id()))
            .collect();
        return Err(format!("unknown product `{}` (known: {})", inline(product), known.join(", ")));
    }
    Ok(selected)
}

fn print_json<T: Serialize>(value: &T) -> ExitCode {
    let mut out = std::io::stdout().lock();
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, TerminalSafeJson::default());
    let written = value.serialize(&mut serializer).map_err(std::io::Error::from).and_then(|()| writeln!(out));
    finish_write(written)
}

/// Pretty JSON in which the characters [`errcat_codegen::terminal`] escapes
/// are written `\uXXXX`: the same JSON values, but safe on a terminal.
#[derive(Default)]
struct TerminalSafeJson(serde_json::ser::PrettyFormatter<'static>);

impl serde_json::ser::Formatter for TerminalSafeJson {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        out: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| errcat_codegen::terminal::escaped_in_json(c)) {
            out.write_all(&rest.as_bytes()[..at])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(out, "\\u{unit:04x}")?;
            }
            rest = &rest[at + c.len_utf8()..];
        }
        out.write_all(rest.as_bytes())
    }
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + std::io::Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

fn print_text(text: &str) -> ExitCode {
    let mut out = anstream::stdout().lock();
    finish_write(out.write_all(text.as_bytes()).and_then(|()| out.flush()))
}

fn finish_write(result: std::io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`errcat list | head`) is not worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => usage_error(&format!("cannot write to stdout: {e}")),
    }
}

fn list(json: bool, vendor: Option<&str>, product: Option<&str>) -> ExitCode {
    let products = match products_of(vendor, product) {
        Ok(p) => p,
        Err(message) => return usage_error(&message),
    };
    let entries = products.iter().flat_map(|p| p.entries());
    if json {
        return print_json(&entries.map(EntryJson::from).collect::<Vec<_>>());
    }
    let mut text = String::new();
    for info in entries {
        let code = inline(&info.code().to_string()).into_owned();
        text.push_str(&format!(
            "{}/{}\t{code}\t{}\t{}\n",
            info.vendor_id(),
            info.product_id(),
            info.category(),
            info.rust_path()
        ));
    }
    print_text(&text)
}

fn explain(vendor: &str, code: &str, product: Option<&str>, json: bool) -> ExitCode {
    let products = match products_of(Some(vendor), product) {
        Ok(p) => p,
        Err(message) => {
            // The contract: nothing matched is exit 1, an unknown vendor included.
            report(&format!("error: {message}"));
            return ExitCode::FAILURE;
        }
    };
    // A problem `type` URL names its product and code.
    let by_url = errors_runtime::CATALOG
        .match_vendor_problem_type(vendor, code)
        .filter(|m| product.is_none_or(|p| m.product.id() == p));
    if let Some(found) = by_url
        && found.entry.is_none()
    {
        report(&format!(
            "error: the URL names `{vendor}/{}`, which has no entry `{}`",
            found.product.id(),
            inline(found.code)
        ));
        return ExitCode::FAILURE;
    }
    let matches: Vec<ErrorInfo> = match (by_url, product) {
        (Some(found), _) => found.entry.into_iter().collect(),
        (None, Some(_)) => products.iter().filter_map(|p| p.find(code)).collect(),
        (None, None) => errors_runtime::lookup_vendor(vendor, code).collect(),
    };
    if matches.is_empty() {
        let scope = product.map_or_else(|| vendor.to_owned(), |p| format!("{vendor}/{p}"));
        let mut message = format!("error: no `{}` entry has the code or message `{}`", inline(&scope), inline(code));
        let suggestions = suggest(&products, code);
        if !suggestions.is_empty() {
            let list: Vec<String> = suggestions.iter().map(|s| format!("`{}`", inline(s))).collect();
            message.push_str(&format!("\n  help: did you mean {}?", list.join(" or ")));
        }
        report(&message);
        return ExitCode::FAILURE;
    }
    if json {
        return print_json(&matches.into_iter().map(EntryJson::from).collect::<Vec<_>>());
    }
    let text: Vec<String> = matches.into_iter().map(render::explain).collect();
    print_text(&text.join("\n"))
}

/// Codes (or messages) close to `input`, best first.
///
/// The work is bounded: a comparison costs the product of the two lengths,
/// and a key more than four times as long as the input, or less than a
/// quarter, never scores the 0.85 a suggestion needs (Jaro–Winkler is at
/// most 0.6 × (2 + shorter ÷ longer) ÷ 3 + 0.4).
fn suggest(products: &[&'static ProductInfo], input: &str) -> Vec<String> {
    let wanted = input.trim().to_lowercase();
    let len = wanted.chars().count();
    let comparable = |key: &String| {
        let key_len = key.chars().count();
        key_len <= len.saturating_mul(4) && len <= key_len.saturating_mul(4)
    };
    let mut scored: Vec<(f64, String)> = products
        .iter()
        .flat_map(|p| p.entries())
        .map(|info| info.code().to_string())
        .filter(comparable)
        .map(|key| (strsim::jaro_winkler(&wanted, &key.to_lowercase()), key))
        .filter(|(score, _)| *score >= 0.85)
        .collect();
    if let Some((_, exact)) = scored.iter().find(|(_, key)| key.to_lowercase() == wanted) {
        return vec![exact.clone()];
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    scored.dedup_by(|a, b| a.1 == b.1);
    let best = scored.first().map_or(0.0, |(score, _)| *score);
    scored.into_iter().take_while(|(score, _)| best - score < 0.05).take(3).map(|(_, key)| key).collect()
}

fn parse_stdin(vendor: Option<&str>, status: Option<u16>, retry_after: Option<&str>, json: bool) -> ExitCode {
    let mut body = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut body) {
        return usage_error(&format!("cannot read stdin: {e}"));
    }
    if body.trim_ascii().is_empty() {
        return usage_error("stdin is empty: pipe an HTTP response body into `errcat parse`");
    }
    if let Some(value) = retry_after.filter(|v| v.parse::<errors_runtime::RetryAfter>().is_err()) {
        return usage_error(&format!(
            "`--retry-after {}` is neither a number of seconds nor an HTTP-date",
            inline(value)
        ));
    }
    let response = match parse::read(&body, vendor, status, retry_after) {
        Ok(response) => response,
        Err(error) if parse::is_unknown_vendor(error.kind()) => {
            return usage_error(&format!("{error} (known: {})", known_vendors()));
        }
        Err(error) => return usage_error(&error.to_string()),
    };
    let code = if response.entry().is_some() { ExitCode::SUCCESS } else { ExitCode::FAILURE };
    if json {
        let written = print_json(&parse::ParseJson::from(&response));
        return if written == ExitCode::SUCCESS { code } else { written };
    }
    let Some(entry) = response.entry() else {
        report(&render::unknown_response(&response));
        return code;
    };
    let written = print_text(&render::response(&response, entry));
    if written == ExitCode::SUCCESS { code } else { written }
}

/// The catalog folder a command works on: the one given, else `catalog/`
/// here.
fn catalog_dir(dir: Option<PathBuf>) -> Result<PathBuf, ExitCode> {
    match dir {
        Some(dir) if dir.is_dir() => Ok(dir),
        Some(dir) => Err(usage_error(&format!("`{}` is not a folder", inline(&dir.display().to_string())))),
        None if Path::new("catalog").is_dir() => Ok(PathBuf::from("catalog")),
        None => Err(usage_error(
            "no catalog folder given, and there is no `catalog/` here\n  help: name one, e.g. `errcat check path/to/catalog`; \
             `errcat list` and `errcat explain` use the catalogs built into errcat",
        )),
    }
}

fn docs(dir: Option<PathBuf>, output: Option<PathBuf>) -> ExitCode {
    // With no folder given and none here: the catalogs built into errcat.
    let markdown = if dir.is_none() && !Path::new("catalog").is_dir() {
        Ok(errors_runtime::REFERENCE.to_owned())
    } else {
        match catalog_dir(dir) {
            Ok(dir) => errcat_codegen::Builder::new(&dir).reference(),
            Err(code) => return code,
        }
    };
    let markdown = match markdown {
        Ok(markdown) => markdown,
        Err(errcat_codegen::Error::Catalog(diagnostics)) => {
            eprintln!("{diagnostics}");
            return ExitCode::FAILURE;
        }
        Err(other) => {
            report(&other.to_string());
            return ExitCode::FAILURE;
        }
    };
    match output {
        // Whole or not at all, as the build writes its files.
        Some(path) => {
            let (dir, name) = match (path.parent(), path.file_name().and_then(|n| n.to_str())) {
                (Some(dir), Some(name)) => {
                    (if dir.as_os_str().is_empty() { std::path::Path::new(".") } else { dir }, name)
                }
                _ => return usage_error(&format!("`{}` is not a file name", inline(&path.display().to_string()))),
            };
            let files = [(name.to_owned(), markdown)];
            match errcat_codegen::write::write_all(&[errcat_codegen::write::FileSet {
                dir,
                files: &files,
                prune: false,
            }]) {
                Ok(_) => ExitCode::SUCCESS,
                Err(e) => usage_error(&format!("cannot write `{}`: {e}", inline(&path.display().to_string()))),
            }
        }
        // Exact, unless stdout is a terminal: then escaped.
        None => {
            let stdout = std::io::stdout();
            let text = if std::io::IsTerminal::is_terminal(&stdout) { block(&markdown) } else { markdown.into() };
            finish_write(stdout.lock().write_all(text.as_bytes()))
        }
    }
}

/// Today's date in UTC, `YYYY-MM-DD`.
fn today() -> String {
    let mut now = humantime::format_rfc3339(std::time::SystemTime::now()).to_string();
    now.truncate(10);
    now
}

fn import(
    format: &str,
    source: &Path,
    into: &Path,
    product: Option<&str>,
    origin: &errcat_codegen::import::Origin,
) -> ExitCode {
    use errcat_codegen::import::Format;
    let Some(format) = Format::from_name(format) else {
        let known: Vec<String> = Format::ALL.iter().map(|(name, _)| format!("`{name}`")).collect();
        return usage_error(&format!("unknown format `{}` (known: {})", inline(format), known.join(", ")));
    };
    let report = match errcat_codegen::import::import(format, source, into, product, origin) {
        Ok(report) => report,
        Err(error) => {
            report(&error.to_string());
            return ExitCode::from(2);
        }
    };
    let _ = print_text(&block(&report.to_string()));
    // The folder's catalog, checked as the build will check it.
    let catalog = into.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    check(Some(catalog.to_path_buf()))
}

fn check(dir: Option<PathBuf>) -> ExitCode {
    let dir = match catalog_dir(dir) {
        Ok(dir) => dir,
        Err(code) => return code,
    };
    match errcat_codegen::Builder::new(&dir).check() {
        Ok(catalog) => {
            let products: usize = catalog.vendors.iter().map(|v| v.products.len()).sum();
            print_text(&format!(
                "ok: {} vendors, {products} products, {} entries\n",
                catalog.vendors.len(),
                catalog.entry_count()
            ))
        }
        Err(diagnostics) => {
            eprintln!("{diagnostics}");
            ExitCode::FAILURE
        }
    }
}

/// `--status`'s range, as clap takes one.
fn http_statuses() -> std::ops::RangeInclusive<i64> {
    let statuses = errors_runtime::HTTP_STATUSES;
    i64::from(*statuses.start())..=i64::from(*statuses.end())
}
