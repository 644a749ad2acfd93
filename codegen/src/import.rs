//! Imports a vendor's machine-readable error dictionary into catalog TOML,
//! and merges a newer copy into what an earlier import (and the people who
//! edited it since) left.
//!
//! One stage, data flowing one way: read the dictionary into a
//! [`Dictionary`] (one reader per [`Format`]), read the vendor folder's
//! product files as they are, [`merge`] the two, render every product file
//! deterministically, and write them all or nothing ([`crate::write`]).
//!
//! Merging never clobbers:
//!
//! * a code the vendor added is added, classified by the written rules
//!   ([`Category::classify`]);
//! * the vendor's texts (`title`, `description`, `causes`, `resolution`,
//!   `docs_url`, `severity`) are updated to the dictionary's, and so is
//!   `http_status` where the dictionary states one;
//! * what people decide (`category`, `retry`, `name`, `note`, `aliases`,
//!   and `http_status` where the dictionary states none) is kept as it is
//!   in the file;
//! * a code the vendor dropped is kept and marked `withdrawn`, and
//!   reported; one that comes back loses the mark.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::ident;
use crate::model::{CodeValue, ErrorEntry};
use crate::taxonomy::{Category, Severity};
use crate::write::{FileSet, write_all};

/// The dictionary formats `errcat import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// Twilio's error dictionary (`twilio-error-codes.json`): a JSON array
    /// of `{code, message, description, causes, solutions, log_level,
    /// product, last_updated, …}`.
    Twilio,
    /// An OpenAPI document's `x-errors` table (YAML or JSON), as Vonage's
    /// definitions carry it: `code → {description, resolution, link}`, one
    /// product per document.
    OpenApi,
}

impl Format {
    /// Every format, by the name the CLI takes.
    pub const ALL: &'static [(&'static str, Format)] = &[("twilio", Format::Twilio), ("openapi", Format::OpenApi)];

    /// The format named `name` (`"twilio"`).
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL.iter().find(|(n, _)| *n == name).map(|&(_, f)| f)
    }

    fn name(self) -> &'static str {
        match self {
            Format::Twilio => "twilio",
            Format::OpenApi => "openapi",
        }
    }
}

/// An entry's code, as the merge keys it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Key {
    Integer(u32),
    String(String),
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Key::Integer(n) => write!(f, "{n}"),
            Key::String(s) => f.write_str(s),
        }
    }
}

/// A vendor's dictionary, read: products with their entries.
#[derive(Debug, Clone, PartialEq)]
pub struct Dictionary {
    /// What a new vendor folder's `vendor.toml` holds; `None` writes one
    /// with the folder's name.
    pub vendor_toml: Option<String>,
    /// The newest date the dictionary states, e.g. `"2022-11-01"`.
    pub as_of: Option<String>,
    /// Where the vendor publishes the dictionary, when the format says.
    pub url: Option<String>,
    /// By product id (the file name).
    pub products: BTreeMap<String, DictionaryProduct>,
    /// Whether this is every product of the vendor (Twilio's dictionary),
    /// with codes unique across them, or one product among others
    /// (an OpenAPI document): then the folder's other products are left
    /// alone and codes are matched within the product only.
    pub whole_vendor: bool,
}

/// One product of a [`Dictionary`].
#[derive(Debug, Clone, PartialEq)]
pub struct DictionaryProduct {
    pub name: String,
    pub docs_url: Option<String>,
    /// The problem `type` template, and others the vendor also sends.
    pub problem_types: Vec<String>,
    /// `"integer"` or `"string"`, the product file's `code_type`.
    pub code_type: &'static str,
    /// By code.
    pub entries: BTreeMap<Key, VendorTexts>,
}

/// What the vendor says about one code: the fields an import owns.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct VendorTexts {
    pub title: Option<String>,
    /// The HTTP status, where the dictionary states one.
    pub http_status: Option<u16>,
    pub description: String,
    pub causes: Option<String>,
    pub resolution: Option<String>,
    pub docs_url: Option<String>,
    pub severity: Severity,
}

/// What an import did, for the person running it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// `(product, code)` of every new entry.
    pub added: Vec<(String, Key)>,
    /// Entries whose vendor texts changed.
    pub updated: Vec<(String, Key)>,
    /// Entries the vendor no longer lists, newly marked `withdrawn`.
    pub withdrawn: Vec<(String, Key)>,
    /// Withdrawn entries the vendor lists again.
    pub restored: Vec<(String, Key)>,
    /// `(from, to, code)` of entries the vendor now lists under another
    /// product: moved, with what people set.
    pub moved: Vec<(String, String, Key)>,
    /// Entries left as they were.
    pub unchanged: usize,
    /// Entries whose category is `unknown`, by product, errors and
    /// warnings apart: `(product, errors, warnings, entries)`.
    pub unknown: Vec<(String, usize, usize, usize)>,
    /// The files written (those whose bytes changed).
    pub written: Vec<PathBuf>,
}

impl ImportReport {
    /// Entries in the vendor folder after the import.
    pub fn total(&self) -> usize {
        self.unknown.iter().map(|u| u.3).sum()
    }

    /// Entries whose category is `unknown`.
    pub fn unknown_total(&self) -> usize {
        self.unknown.iter().map(|u| u.1 + u.2).sum()
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} added, {} updated, {} moved, {} withdrawn, {} restored, {} unchanged; {} files written",
            self.added.len(),
            self.updated.len(),
            self.moved.len(),
            self.withdrawn.len(),
            self.restored.len(),
            self.unchanged,
            self.written.len()
        )?;
        for (product, code) in &self.withdrawn {
            writeln!(f, "withdrawn: {product} {code}")?;
        }
        let total = self.total();
        let unknown = self.unknown_total();
        let percent = if total == 0 { 0.0 } else { 100.0 * unknown as f64 / total as f64 };
        writeln!(f, "category `unknown`: {unknown} of {total} entries ({percent:.1} %)")?;
        for (product, errors, warnings, entries) in &self.unknown {
            if errors + warnings > 0 {
                writeln!(f, "  {product}: {errors} errors and {warnings} warnings of {entries}")?;
            }
        }
        Ok(())
    }
}

/// Why an import stopped; nothing was written.
#[derive(Debug)]
pub enum ImportError {
    /// The dictionary could not be read as its format.
    Source { path: PathBuf, message: String },
    /// A product file in the vendor folder could not be read.
    Existing { path: PathBuf, message: String },
    /// Reading or writing a file failed.
    Io { path: PathBuf, source: std::io::Error },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Source { path, message } => write!(f, "error: {}: {message}", path.display()),
            ImportError::Existing { path, message } => {
                write!(
                    f,
                    "error: {}: {message}\nhelp: fix the file (`errcat check` shows where), then import again",
                    path.display()
                )
            }
            ImportError::Io { path, source } => write!(f, "error: {}: {source}", path.display()),
        }
    }
}

impl std::error::Error for ImportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ImportError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Reads `source` as `format` and merges it into the vendor folder `into`
/// (created when absent), writing every changed file at once.
///
/// `product` names the product file of a one-product format (`openapi`:
/// one API per document); by default the source's file name.
pub fn import(
    format: Format,
    source: &Path,
    into: &Path,
    product: Option<&str>,
    origin: &Origin,
) -> Result<ImportReport, ImportError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ImportError::Io { path, source }
    };
    let fail = |message: String| ImportError::Source { path: source.to_path_buf(), message };
    let text = std::fs::read_to_string(source).map_err(io(source))?;
    let dictionary = match format {
        Format::Twilio if product.is_some() => {
            return Err(fail("a Twilio dictionary names its own products; leave `--product` out".into()));
        }
        Format::Twilio => read_twilio(&text),
        Format::OpenApi => {
            let stem = source.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            let id = product.map_or_else(|| product_id(stem), str::to_owned);
            if !crate::load::is_valid_id(&id) {
                return Err(fail(format!(
                    "`{id}` is not a product id (lowercase letters, digits and `-`); give `--product`"
                )));
            }
            read_openapi(&text, &id)
        }
    }
    .map_err(fail)?;
    let Some(url) = origin.url.clone().or_else(|| dictionary.url.clone()) else {
        return Err(fail(format!(
            "errcat cannot tell where this {} document is published; give its URL (`--source-url`)",
            format.name()
        )));
    };
    let origin = Source { id: String::new(), url, checked: origin.checked.clone() };
    let existing = read_folder(into)?;
    let (files, mut report) = merge(format, &dictionary, &existing, &origin);
    let mut set: Vec<(String, String)> = files.into_iter().map(|(id, text)| (format!("{id}.toml"), text)).collect();
    if !into.join("vendor.toml").exists() {
        let folder = into.file_name().and_then(|n| n.to_str()).unwrap_or("vendor");
        let vendor = dictionary.vendor_toml.clone().unwrap_or_else(|| {
            format!(
                "#:schema ../../schema/vendor.schema.json\n# Written by `errcat import`: give the vendor's name as it writes it.\nname = {}\n",
                toml_string(&title_case(folder))
            )
        });
        set.push(("vendor.toml".to_owned(), vendor));
    }
    std::fs::create_dir_all(into).map_err(io(into))?;
    let written = write_all(&[FileSet { dir: into, files: &set, prune: false }])
        .map_err(|e| ImportError::Io { path: e.path, source: e.source })?;
    report.written = written.written;
    Ok(report)
}

/// Where an imported document is published and when it was read: what
/// the `[[source]]` of the files it writes says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// The document's URL; default: the one the format knows (Twilio's).
    pub url: Option<String>,
    /// The day of the import, `YYYY-MM-DD`.
    pub checked: String,
}

/// A `[[source]]` table as written.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
pub struct Source {
    pub id: String,
    pub url: String,
    pub checked: String,
}

/// A product file as it is in the vendor folder.
#[derive(Debug, Default)]
pub struct ExistingProduct {
    pub name: Option<String>,
    pub docs_url: Option<String>,
    pub sources: Vec<Source>,
    pub entries: BTreeMap<Key, ErrorEntry>,
}

/// The product files of `dir`, read as they are (none when `dir` does not
/// exist).
fn read_folder(dir: &Path) -> Result<BTreeMap<String, ExistingProduct>, ImportError> {
    #[derive(Deserialize)]
    struct Header {
        name: Option<String>,
        docs_url: Option<String>,
    }
    #[derive(Deserialize)]
    struct File {
        product: Option<Header>,
        #[serde(default)]
        source: Vec<Source>,
        #[serde(default)]
        error: Vec<ErrorEntry>,
    }
    let mut products = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return Ok(products) };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let Some(stem) = path.file_name().and_then(|n| n.to_str()).and_then(crate::load::toml_stem) else { continue };
        if stem == "vendor" {
            continue;
        }
        let text = std::fs::read_to_string(&path).map_err(|source| ImportError::Io { path: path.clone(), source })?;
        let file: File = toml::from_str(&text)
            .map_err(|e| ImportError::Existing { path: path.clone(), message: e.message().to_owned() })?;
        let header = file.product.unwrap_or(Header { name: None, docs_url: None });
        let mut product = ExistingProduct {
            name: header.name,
            docs_url: header.docs_url,
            sources: file.source,
            entries: BTreeMap::new(),
        };
        for entry in file.error {
            let key = match entry.code.as_ref().map(|c| c.get_ref()) {
                Some(CodeValue::Integer(n)) => u32::try_from(*n).ok().map(Key::Integer),
                Some(CodeValue::String(s)) => Some(Key::String(s.clone())),
                None => None,
            };
            let Some(key) = key else {
                return Err(ImportError::Existing {
                    path,
                    message: "an imported product's entries have codes (integers or strings); one has none".into(),
                });
            };
            product.entries.insert(key, entry);
        }
        products.insert(stem.to_owned(), product);
    }
    Ok(products)
}

/// The merged product files (id → text) and what changed.
/// `origin` is the dictionary's `[[source]]` (its id is chosen here): a
/// product file keeps its sources, with the one at the dictionary's URL
/// checked again, or the dictionary's added.
pub fn merge(
    format: Format,
    dictionary: &Dictionary,
    existing: &BTreeMap<String, ExistingProduct>,
    origin: &Source,
) -> (BTreeMap<String, String>, ImportReport) {
    let mut report = ImportReport::default();
    let mut files = BTreeMap::new();
    let withdrawn_note = match &dictionary.as_of {
        Some(date) => format!("not in the vendor's dictionary as of {date}"),
        None => "not in the vendor's dictionary".to_owned(),
    };
    // Codes are unique across a vendor's products: an entry follows its
    // code to the product the dictionary now lists it under.
    let kept_by_code: BTreeMap<&Key, (&String, &ErrorEntry)> =
        existing.iter().flat_map(|(id, p)| p.entries.iter().map(move |(code, e)| (code, (id, e)))).collect();
    let listed: BTreeSet<&Key> = dictionary.products.values().flat_map(|p| p.entries.keys()).collect();
    let mut ids: BTreeSet<&String> = dictionary.products.keys().collect();
    if dictionary.whole_vendor {
        ids.extend(existing.keys());
    }
    for id in ids {
        let theirs = dictionary.products.get(id);
        let ours = existing.get(id);
        let name = theirs
            .map(|p| p.name.clone())
            .or_else(|| ours.and_then(|p| p.name.clone()))
            .unwrap_or_else(|| title_case(id));
        let docs_url = theirs.and_then(|p| p.docs_url.clone()).or_else(|| ours.and_then(|p| p.docs_url.clone()));
        let problem_types = theirs.map(|p| p.problem_types.clone()).unwrap_or_default();
        // This product's codes in the dictionary, and its codes the
        // dictionary no longer lists anywhere (they stay, withdrawn).
        let mut codes: BTreeSet<&Key> = theirs.map(|p| p.entries.keys().collect()).unwrap_or_default();
        let in_theirs = |code: &Key| match dictionary.whole_vendor {
            true => listed.contains(code),
            false => theirs.is_some_and(|p| p.entries.contains_key(code)),
        };
        codes.extend(ours.into_iter().flat_map(|p| p.entries.keys()).filter(|code| !in_theirs(code)));
        let code_type = match theirs {
            Some(p) => p.code_type,
            None if codes.iter().all(|c| matches!(c, Key::Integer(_))) => "integer",
            None => "string",
        };
        if codes.is_empty() {
            continue;
        }
        let mut sources = ours.map(|p| p.sources.clone()).unwrap_or_default();
        let ours_at = sources.iter().position(|s| s.url == origin.url);
        let dictionary_at = ours_at.unwrap_or(sources.len());
        match ours_at {
            Some(at) => sources[at].checked.clone_from(&origin.checked),
            None => {
                let mut id = "dictionary".to_owned();
                for n in 2.. {
                    if sources.iter().all(|s| s.id != id) {
                        break;
                    }
                    id = format!("dictionary-{n}");
                }
                sources.push(Source { id, ..origin.clone() });
            }
        }
        let mut entries = Vec::new();
        let (mut unknown_errors, mut unknown_warnings) = (0, 0);
        for code in codes {
            let texts = theirs.and_then(|p| p.entries.get(code));
            let kept = match dictionary.whole_vendor {
                true => kept_by_code.get(code).copied(),
                false => ours.and_then(|p| p.entries.get(code)).map(|e| (id, e)),
            };
            let mut entry = merge_entry(code.clone(), texts, kept.map(|k| k.1), &withdrawn_note);
            // An entry the dictionary lists names it, unless it is the
            // default source of an entry that names none.
            let dictionary_id = &sources[dictionary_at].id;
            if texts.is_some()
                && !entry.sources.contains(dictionary_id)
                && !(entry.sources.is_empty() && dictionary_at == 0)
            {
                if entry.sources.is_empty() {
                    entry.sources.push(sources[0].id.clone());
                }
                entry.sources.push(dictionary_id.clone());
            }
            let at = (id.clone(), code.clone());
            match (texts, kept) {
                (Some(_), None) => report.added.push(at),
                (None, Some((_, kept))) if kept.withdrawn.is_none() => report.withdrawn.push(at),
                (Some(_), Some((_, kept))) if kept.withdrawn.is_some() => report.restored.push(at),
                (Some(_), Some((from, _))) if *from != *id => {
                    report.moved.push((from.to_string(), id.clone(), code.clone()))
                }
                (Some(texts), Some((_, kept))) if !same_texts(texts, kept) => report.updated.push(at),
                _ => report.unchanged += 1,
            }
            if entry.category == Category::Unknown.as_str() {
                match entry.texts.severity {
                    Severity::Warning => unknown_warnings += 1,
                    Severity::Error => unknown_errors += 1,
                }
            }
            entries.push(entry);
        }
        report.unknown.push((id.clone(), unknown_errors, unknown_warnings, entries.len()));
        name_entries(&mut entries);
        let header = Header {
            name: &name,
            code_type,
            docs_url: docs_url.as_deref(),
            problem_types: &problem_types,
            sources: &sources,
        };
        files.insert(id.clone(), render_product(format, dictionary, &header, &entries));
    }
    (files, report)
}

/// Gives every entry without a kept `name` one, derived from its title as
/// the catalog derives names, with the code appended where two would meet.
/// Written out, so that a vendor rewording a title never renames a variant.
///
/// A derived name that cannot be written as a `name` (`_403Forbidden`,
/// from a title that starts with a digit) is left to the catalog's own
/// derivation, which gives the same.
///
/// A string code names its entry itself (the catalog derives the name from
/// it), so only numeric codes get a written `name`: from the title, else
/// from the first words of the description.
fn name_entries(entries: &mut [Merged]) {
    let mut names: BTreeSet<String> = entries.iter().filter_map(|e| e.name.clone()).collect();
    for entry in entries.iter_mut().filter(|e| e.name.is_none() && matches!(e.code, Key::Integer(_))) {
        // "Throttled. You are sending…" → `Throttled`: the first sentence
        // when it is short, else the first six words.
        let first_words = || {
            let description = &entry.texts.description;
            let sentence = description.split_once(". ").map_or(description.as_str(), |(first, _)| first);
            let words: Vec<&str> = sentence.split_whitespace().collect();
            words.iter().take(6).copied().collect::<Vec<_>>().join(" ")
        };
        let derived = match entry.texts.title.as_deref() {
            Some(title) => ident::upper_camel(title),
            None => ident::upper_camel(&first_words()),
        };
        let name = match derived {
            Some(derived) if !names.contains(&derived) => {
                names.insert(derived.clone());
                if !ident::is_upper_camel(&derived) {
                    continue;
                }
                derived
            }
            Some(derived) if ident::is_upper_camel(&derived) => format!("{derived}{}", entry.code),
            _ => format!("Code{}", entry.code),
        };
        names.insert(name.clone());
        entry.name = Some(name);
    }
}

/// One entry after the merge, ready to render.
struct Merged {
    code: Key,
    texts: VendorTexts,
    category: String,
    retry: Option<String>,
    name: Option<String>,
    http_status: Option<i64>,
    aliases: Vec<String>,
    note: Option<String>,
    withdrawn: Option<String>,
    /// The `source` ids as written; empty for the file's first source.
    sources: Vec<String>,
}

fn merge_entry(code: Key, texts: Option<&VendorTexts>, kept: Option<&ErrorEntry>, withdrawn_note: &str) -> Merged {
    let kept_text = |field: Option<&toml::Spanned<String>>| field.map(|s| s.get_ref().clone());
    let merged_texts = match (texts, kept) {
        (Some(texts), _) => texts.clone(),
        (None, Some(kept)) => VendorTexts {
            title: kept_text(kept.title.as_ref()),
            http_status: None,
            description: kept.description.get_ref().clone(),
            causes: kept_text(kept.causes.as_ref()),
            resolution: kept_text(kept.resolution.as_ref()),
            docs_url: kept_text(kept.docs_url.as_ref()),
            severity: kept.severity.as_ref().and_then(|s| Severity::from_id(s.get_ref())).unwrap_or_default(),
        },
        (None, None) => VendorTexts::default(),
    };
    let category = match kept {
        Some(kept) => kept.category.get_ref().clone(),
        None => {
            let t = &merged_texts;
            let sources = [t.title.as_deref(), Some(t.description.as_str()), t.causes.as_deref()];
            Category::classify(sources.into_iter().flatten()).unwrap_or(Category::Unknown).as_str().to_owned()
        }
    };
    // Listed again: no longer withdrawn. Not listed: marked, once.
    let listed = texts.is_some();
    let withdrawn = match kept {
        _ if listed => None,
        Some(kept) => kept_text(kept.withdrawn.as_ref()).or_else(|| Some(withdrawn_note.to_owned())),
        None => None,
    };
    Merged {
        code,
        category,
        retry: kept.and_then(|k| kept_text(k.retry.as_ref())),
        name: kept.and_then(|k| kept_text(k.name.as_ref())),
        http_status: merged_texts
            .http_status
            .map(i64::from)
            .or_else(|| kept.and_then(|k| k.http_status.as_ref().map(|s| *s.get_ref()))),
        aliases: kept.map(|k| k.aliases.iter().map(|a| a.get_ref().clone()).collect()).unwrap_or_default(),
        note: kept.and_then(|k| kept_text(k.note.as_ref())),
        withdrawn,
        sources: kept.map(|k| k.source.iter().map(|s| s.get_ref().clone()).collect()).unwrap_or_default(),
        texts: merged_texts,
    }
}

/// Whether a kept entry already has the dictionary's texts.
fn same_texts(texts: &VendorTexts, kept: &ErrorEntry) -> bool {
    fn text(field: &Option<toml::Spanned<String>>) -> Option<&str> {
        field.as_ref().map(|s| s.get_ref().as_str())
    }
    texts.title.as_deref() == text(&kept.title)
        && texts.description == *kept.description.get_ref()
        && texts.causes.as_deref() == text(&kept.causes)
        && texts.resolution.as_deref() == text(&kept.resolution)
        && texts.docs_url.as_deref() == text(&kept.docs_url)
        && Some(texts.severity)
            == kept.severity.as_ref().map_or(Some(Severity::Error), |s| Severity::from_id(s.get_ref()))
        && texts
            .http_status
            .is_none_or(|status| kept.http_status.as_ref().map(|s| *s.get_ref()) == Some(i64::from(status)))
}

/// `"programmable-sms"` → `"Programmable Sms"`, for a product only the
/// folder still has.
fn title_case(id: &str) -> String {
    id.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

// --- Rendering -------------------------------------------------------------

/// A product file's `[product]` table.
struct Header<'a> {
    name: &'a str,
    code_type: &'a str,
    docs_url: Option<&'a str>,
    problem_types: &'a [String],
    sources: &'a [Source],
}

fn render_product(format: Format, dictionary: &Dictionary, header: &Header<'_>, entries: &[Merged]) -> String {
    let mut out = String::new();
    out.push_str("#:schema ../../schema/product.schema.json\n");
    let _ = writeln!(
        out,
        "# Written by `errcat import {}`{}.",
        format.name(),
        match &dictionary.as_of {
            Some(date) => format!(" from the vendor's dictionary as of {date}"),
            None => String::new(),
        }
    );
    out.push_str(
        "# Importing again updates the vendor's texts (title, description, causes,\n\
         # resolution, docs_url, severity), adds new codes and marks dropped ones\n\
         # `withdrawn`; category, retry, name, http_status, note and aliases are\n\
         # kept as edited here.\n\n",
    );
    out.push_str("[product]\n");
    let _ = writeln!(out, "name = {}", toml_string(header.name));
    let _ = writeln!(out, "code_type = {}", toml_string(header.code_type));
    if let Some(url) = header.docs_url {
        let _ = writeln!(out, "docs_url = {}", toml_string(url));
    }
    if let Some((first, others)) = header.problem_types.split_first() {
        let _ = writeln!(out, "problem_type = {}", toml_string(first));
        if !others.is_empty() {
            let others: Vec<String> = others.iter().map(|t| toml_string(t)).collect();
            let _ = writeln!(out, "problem_type_aliases = [{}]", others.join(", "));
        }
    }
    out.push_str(
        "\n# Where these entries come from: each names its own with `source = […]`, or comes from the first.\n",
    );
    for (at, source) in header.sources.iter().enumerate() {
        if at > 0 {
            out.push('\n');
        }
        out.push_str("[[source]]\n");
        let _ = writeln!(out, "id = {}", toml_string(&source.id));
        let _ = writeln!(out, "url = {}", toml_string(&source.url));
        let _ = writeln!(out, "checked = {}", toml_string(&source.checked));
    }
    for entry in entries {
        out.push_str("\n[[error]]\n");
        let _ = match &entry.code {
            Key::Integer(n) => writeln!(out, "code = {n}"),
            Key::String(code) => writeln!(out, "code = {}", toml_string(code)),
        };
        if let Some(name) = &entry.name {
            let _ = writeln!(out, "name = {}", toml_string(name));
        }
        let texts = &entry.texts;
        if let Some(title) = &texts.title {
            let _ = writeln!(out, "title = {}", toml_string(title));
        }
        let _ = writeln!(out, "description = {}", toml_string(&texts.description));
        if let Some(causes) = &texts.causes {
            let _ = writeln!(out, "causes = {}", toml_string(causes));
        }
        if let Some(resolution) = &texts.resolution {
            let _ = writeln!(out, "resolution = {}", toml_string(resolution));
        }
        if texts.severity != Severity::Error {
            let _ = writeln!(out, "severity = {}", toml_string(texts.severity.as_str()));
        }
        if let Some(status) = entry.http_status {
            let _ = writeln!(out, "http_status = {status}");
        }
        let _ = writeln!(out, "category = {}", toml_string(&entry.category));
        if let Some(retry) = &entry.retry {
            let _ = writeln!(out, "retry = {}", toml_string(retry));
        }
        if let Some(url) = &texts.docs_url {
            let _ = writeln!(out, "docs_url = {}", toml_string(url));
        }
        if !entry.aliases.is_empty() {
            let aliases: Vec<String> = entry.aliases.iter().map(|a| toml_string(a)).collect();
            let _ = writeln!(out, "aliases = [{}]", aliases.join(", "));
        }
        if !entry.sources.is_empty() {
            let sources: Vec<String> = entry.sources.iter().map(|s| toml_string(s)).collect();
            let _ = writeln!(out, "source = [{}]", sources.join(", "));
        }
        if let Some(note) = &entry.note {
            let _ = writeln!(out, "note = {}", toml_string(note));
        }
        if let Some(withdrawn) = &entry.withdrawn {
            let _ = writeln!(out, "withdrawn = {}", toml_string(withdrawn));
        }
    }
    out
}

/// A TOML basic string holding `text` exactly.
fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

// --- Twilio ----------------------------------------------------------------

/// Where Twilio publishes its error dictionary.
pub const TWILIO_DICTIONARY_URL: &str = "https://www.twilio.com/docs/api/errors/twilio-error-codes.json";

/// Reads Twilio's `twilio-error-codes.json`.
///
/// * Products are Twilio's `product` names, as file names
///   (`Programmable SMS` → `programmable-sms`); entries without one go to
///   `general`.
/// * `message` is the title; `description` the description (else
///   `secondary_message`, else the message); `causes` and `solutions` the
///   causes and resolution. Line ends become `\n` and texts are trimmed.
/// * `log_level` `WARNING` (any case) makes a warning.
/// * The docs URL is `https://www.twilio.com/docs/errors/{code}`.
/// * The dictionary is published at [`TWILIO_DICTIONARY_URL`].
pub fn read_twilio(json: &str) -> Result<Dictionary, String> {
    #[derive(Deserialize)]
    struct Entry {
        code: serde_json::Value,
        message: Option<String>,
        secondary_message: Option<String>,
        description: Option<String>,
        causes: Option<String>,
        solutions: Option<String>,
        log_level: Option<String>,
        product: Option<String>,
        last_updated: Option<String>,
    }
    let entries: Vec<Entry> = serde_json::from_str(json)
        .map_err(|e| format!("not a Twilio error dictionary (a JSON array of entries): {e}"))?;
    let mut products: BTreeMap<String, DictionaryProduct> = BTreeMap::new();
    let mut as_of: Option<String> = None;
    for (at, entry) in entries.into_iter().enumerate() {
        let code = match &entry.code {
            serde_json::Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
            serde_json::Value::String(s) => s.trim().parse().ok(),
            _ => None,
        };
        let Some(code) = code else {
            return Err(format!("entry {at} has no numeric `code` ({})", entry.code));
        };
        // Some fields hold the words "null" or "warning" instead of a text.
        let clean = |text: Option<String>| {
            text.map(|t| t.replace("\r\n", "\n").replace('\r', "\n").trim().to_owned())
                .filter(|t| !t.is_empty() && !t.eq_ignore_ascii_case("null") && !t.eq_ignore_ascii_case("warning"))
        };
        let title = clean(entry.message);
        let description = clean(entry.description)
            .or_else(|| clean(entry.secondary_message))
            .or_else(|| title.clone())
            .unwrap_or_else(|| format!("Twilio error {code}."));
        let product_name = clean(entry.product).unwrap_or_else(|| "General".to_owned());
        let id = product_id(&product_name);
        if let Some(date) = entry.last_updated.as_deref().and_then(|d| d.get(..10))
            && as_of.as_deref().is_none_or(|seen| date > seen)
        {
            as_of = Some(date.to_owned());
        }
        let severity = match entry.log_level.as_deref() {
            Some(level) if level.eq_ignore_ascii_case("warning") => Severity::Warning,
            _ => Severity::Error,
        };
        let product = products.entry(id).or_insert_with(|| DictionaryProduct {
            name: product_name,
            code_type: "integer",
            docs_url: Some("https://www.twilio.com/docs/api/errors".to_owned()),
            // The RFC 9457 bodies' `type`, then the `more_info` form.
            problem_types: vec![
                "https://www.twilio.com/docs/api/errors/{code}".to_owned(),
                "https://www.twilio.com/docs/errors/{code}".to_owned(),
            ],
            entries: BTreeMap::new(),
        });
        let http_status = stated_http_status(&description);
        let texts = VendorTexts {
            title,
            http_status,
            description,
            causes: clean(entry.causes),
            resolution: clean(entry.solutions),
            docs_url: Some(format!("https://www.twilio.com/docs/errors/{code}")),
            severity,
        };
        if product.entries.insert(Key::Integer(code), texts).is_some() {
            return Err(format!("code {code} appears twice"));
        }
    }
    Ok(Dictionary {
        vendor_toml: Some(TWILIO_VENDOR.to_owned()),
        as_of,
        url: Some(TWILIO_DICTIONARY_URL.to_owned()),
        products,
        whole_vendor: true,
    })
}

// --- OpenAPI `x-errors` ------------------------------------------------------

/// Reads the `x-errors` table and the problem-details examples of an
/// OpenAPI document (YAML, or JSON when it starts with `{`) as the one
/// product `id`, named by `info.title`.
///
/// * The table gives codes, descriptions and resolutions. A `link.url`
///   becomes the entry's `docs_url` when it is absolute (Vonage's are
///   site-relative, so none).
/// * The examples (a schema whose `type` property's example is a URL with a
///   `#code`) give titles, the HTTP status of the response they sit in, and
///   codes the table lacks. Only those on the product's own `type` base
///   count (the one the table's codes use most; without a table, the most
///   used one other than the vendor's generic `…/api-errors`), and that
///   base becomes the product's `problem_type`.
/// * Codes that are all digits (`"1000"`, written quoted) make an integer
///   product; any other makes a string one.
pub fn read_openapi(text: &str, id: &str) -> Result<Dictionary, String> {
    #[derive(Deserialize)]
    struct Document {
        info: Option<Info>,
        #[serde(rename = "x-errors", default)]
        x_errors: BTreeMap<String, XError>,
    }
    #[derive(Deserialize)]
    struct Info {
        title: Option<String>,
    }
    #[derive(Deserialize)]
    struct XError {
        description: Option<String>,
        resolution: Option<String>,
        link: Option<Link>,
    }
    #[derive(Deserialize)]
    struct Link {
        url: Option<String>,
    }
    let json = text.trim_start().starts_with('{');
    let parse_error = |e: &dyn fmt::Display| format!("not an OpenAPI document: {e}");
    let (document, tree): (Document, serde_json::Value) = if json {
        (
            serde_json::from_str(text).map_err(|e| parse_error(&e))?,
            serde_json::from_str(text).map_err(|e| parse_error(&e))?,
        )
    } else {
        (
            serde_saphyr::from_str(text).map_err(|e| parse_error(&e))?,
            serde_saphyr::from_str(text).map_err(|e| parse_error(&e))?,
        )
    };
    let mut found = Vec::new();
    problem_examples(&tree, None, &mut found);
    let base = product_base(&found, &document.x_errors);
    let examples: Vec<&Example> = found.iter().filter(|e| Some(e.base()) == base.as_deref()).collect();
    if document.x_errors.is_empty() && examples.is_empty() {
        return Err("the document has no `x-errors` table and no problem-details examples".into());
    }
    let clean = |text: Option<String>| text.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty());
    let numeric = document.x_errors.keys().map(String::as_str).chain(examples.iter().map(|e| e.code())).all(is_number);
    let key_of = |code: &str| match code.parse::<u32>() {
        Ok(n) if numeric => Key::Integer(n),
        _ => Key::String(code.trim().to_owned()),
    };
    let mut entries = BTreeMap::new();
    for (code, error) in document.x_errors {
        let description = clean(error.description).unwrap_or_else(|| format!("Error `{code}`."));
        let docs_url = error.link.and_then(|l| l.url).filter(|u| u.starts_with("https://") || u.starts_with("http://"));
        let texts =
            VendorTexts { description, resolution: clean(error.resolution), docs_url, ..VendorTexts::default() };
        entries.insert(key_of(&code), texts);
    }
    // The examples add titles and statuses, and codes the table lacks; the
    // first example of a code wins.
    for example in examples {
        let title = clean(example.title.clone());
        let entry = entries.entry(key_of(example.code())).or_insert_with(|| VendorTexts {
            description: clean(example.detail.clone())
                .or_else(|| title.clone())
                .unwrap_or_else(|| example.code().to_owned()),
            ..VendorTexts::default()
        });
        entry.title = entry.title.take().or(title);
        entry.http_status = entry.http_status.or(example.status);
    }
    let name = document.info.and_then(|i| clean(i.title)).unwrap_or_else(|| title_case(id));
    let product = DictionaryProduct {
        name,
        code_type: if numeric { "integer" } else { "string" },
        docs_url: None,
        problem_types: base.map(|base| format!("{base}#{{code}}")).into_iter().collect(),
        entries,
    };
    Ok(Dictionary {
        vendor_toml: None,
        as_of: None,
        url: None,
        products: BTreeMap::from([(id.to_owned(), product)]),
        whole_vendor: false,
    })
}

/// Whether `code` is a number as the catalog writes one: digits, no
/// leading zero, within `u32`.
fn is_number(code: &str) -> bool {
    code.parse::<u32>().is_ok_and(|n| n.to_string() == code)
}

/// A problem-details body an OpenAPI document gives as an example: the
/// `example`s of a schema's `type`, `title` and `detail` properties, and
/// the HTTP status of the response it sits in.
#[derive(Debug)]
struct Example {
    url: String,
    title: Option<String>,
    detail: Option<String>,
    status: Option<u16>,
}

impl Example {
    /// The `type` URL without its fragment.
    fn base(&self) -> &str {
        self.url.split_once('#').map_or(&self.url, |(base, _)| base)
    }

    /// The fragment: the code.
    fn code(&self) -> &str {
        self.url.split_once('#').map_or("", |(_, code)| code)
    }
}

/// Every problem-details example below `value`; `status` is that of the
/// nearest response around it (a `'401'` or `400_json` key).
fn problem_examples(value: &serde_json::Value, status: Option<u16>, out: &mut Vec<Example>) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = map.get("properties") {
                let example = |name: &str| {
                    properties.get(name).and_then(|p| p.get("example")).and_then(Value::as_str).map(str::to_owned)
                };
                if let Some(url) = example("type").filter(|u| u.contains('#') && u.contains("://")) {
                    out.push(Example { url, title: example("title"), detail: example("detail"), status });
                }
            }
            for (key, child) in map {
                problem_examples(child, response_status(key).or(status), out);
            }
        }
        Value::Array(items) => items.iter().for_each(|item| problem_examples(item, status, out)),
        _ => {}
    }
}

/// The error status a response key names: `'401'`, `400_json`.
fn response_status(key: &str) -> Option<u16> {
    let digits = key.get(..3)?;
    let rest = &key[3..];
    let status: u16 = digits.parse().ok()?;
    ((400..=599).contains(&status) && (rest.is_empty() || rest.starts_with('_'))).then_some(status)
}

/// The `type` URL base of the document's own product: among the bases
/// that are not the vendor's generic one (a path ending in `api-errors`,
/// unless it is the only one), and whose codes are numbers exactly when the
/// table's are, the one that names most of the table's codes, then the
/// most used.
fn product_base(examples: &[Example], table: &BTreeMap<String, impl Sized>) -> Option<String> {
    let table_numeric = !table.is_empty() && table.keys().all(|code| is_number(code));
    let mut bases: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for example in examples.iter().filter(|e| table.is_empty() || is_number(e.code()) == table_numeric) {
        let counts = bases.entry(example.base()).or_default();
        counts.0 += usize::from(table.contains_key(example.code()));
        counts.1 += 1;
    }
    let generic = |base: &str| base.trim_end_matches('/').ends_with("api-errors");
    let only_generic = bases.keys().all(|base| generic(base));
    bases
        .into_iter()
        .filter(|(base, _)| only_generic || !generic(base))
        .max_by_key(|(base, counts)| (*counts, core::cmp::Reverse(*base)))
        .map(|(base, _)| base.to_owned())
}

/// The status a Twilio description states on a line of its own
/// (`HTTP status: 429`).
fn stated_http_status(description: &str) -> Option<u16> {
    description.lines().find_map(|line| {
        let status: u16 = line.trim().strip_prefix("HTTP status:")?.trim().parse().ok()?;
        crate::taxonomy::HTTP_STATUSES.contains(&status).then_some(status)
    })
}

/// A product name as a file name: lowercase words joined by `-`.
fn product_id(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() { "general".to_owned() } else { words.join("-") }
}

/// The `vendor.toml` a first Twilio import writes: the bundled catalog's,
/// with the shapes of Twilio's error bodies and message reports (a test
/// keeps the two the same).
const TWILIO_VENDOR: &str = include_str!("twilio_vendor.toml");
