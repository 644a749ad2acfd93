//! The validated catalog: sorted, with identifiers resolved. Emitting
//! reads only this.

pub use crate::taxonomy::{Category, CodeType, Retry, Severity};

/// Every vendor, sorted by id.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    pub vendors: Vec<Vendor>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Vendor {
    /// Folder name, e.g. `vonage`.
    pub id: String,
    pub name: String,
    pub docs_url: Option<String>,
    /// Module name, e.g. `vonage`.
    pub module: String,
    /// Sorted by id.
    pub products: Vec<Product>,
    /// The body shapes of `[[response]]`, in catalog order.
    pub responses: Vec<ResponseShape>,
    /// Hosts of problem `type` URLs declared besides the templates' own.
    pub extra_problem_hosts: Vec<String>,
}

/// Where a vendor's response bodies carry their errors. Paths are checked
/// (`a.b[].c`) and products exist.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseShape {
    pub name: String,
    pub code: Vec<String>,
    pub code_kind: CodeKind,
    pub message: Vec<String>,
    pub request_id: Vec<String>,
    pub instance: Vec<String>,
    pub reference: Vec<String>,
    pub invalid_parameters: Vec<String>,
    pub status: Vec<String>,
    pub requires: Vec<String>,
    pub success: Vec<String>,
    pub product: Option<String>,
    /// `None`: every product of the vendor.
    pub products: Option<Vec<String>>,
}

/// The segment that steps into an array's elements (`errors_runtime::WALK`).
pub const WALK: &str = "[]";

/// The segments of a checked body path: `"messages[].status"` is
/// `["messages", "[]", "status"]` (`errors_runtime::WALK` is `"[]"`).
pub fn path_segments(path: &str) -> Vec<&str> {
    let mut segments = Vec::new();
    for segment in path.split('.') {
        match segment.strip_suffix("[]") {
            Some(name) => segments.extend([name, WALK]),
            None => segments.push(segment),
        }
    }
    segments
}

/// Checks a body path as the catalog writes it: member names joined by
/// `.`, each non-empty, one of them at most followed by `[]`.
pub fn check_path(path: &str) -> Result<(), &'static str> {
    if path.is_empty() {
        return Err("it is empty");
    }
    let segments = path_segments(path);
    if segments.iter().filter(|s| **s == "[]").count() > 1 {
        return Err("only one `[]` may be in a path");
    }
    for name in segments.into_iter().filter(|s| *s != "[]") {
        if name.is_empty() {
            return Err("a member name is empty");
        }
        if name.contains(['[', ']']) {
            return Err("`[]` may only end a member name");
        }
    }
    Ok(())
}

/// What a shape's `code` holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    Code,
    ProblemType,
    Message,
}

impl CodeKind {
    /// The catalog spellings, in declaration order.
    pub const ALL: [(&'static str, CodeKind); 3] =
        [("code", CodeKind::Code), ("problem-type", CodeKind::ProblemType), ("message", CodeKind::Message)];
}

#[derive(Debug, Clone, PartialEq)]
pub struct Product {
    /// File stem, e.g. `messages`.
    pub id: String,
    pub name: String,
    pub code_type: CodeType,
    pub docs_url: Option<String>,
    pub problem_type: Option<String>,
    /// Other templates of `type` URLs that name this product's errors.
    pub problem_type_aliases: Vec<String>,
    /// Enum name, e.g. `Messages`.
    pub type_name: String,
    /// Prefix of the generated statics, e.g. `MESSAGES`.
    pub static_prefix: String,
    /// The `[[source]]` tables, in catalog order, at most
    /// `layout::MAX_SOURCES`.
    pub sources: Vec<Source>,
    /// In catalog order; the discriminant is the position.
    pub entries: Vec<Entry>,
}

/// A page or file that documents entries of a product.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub id: String,
    pub url: String,
    /// `YYYY-MM-DD`.
    pub checked: String,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Code {
    Integer(u32),
    String(String),
    None,
}

/// One entry, as validation leaves it: texts are never empty, and an absent
/// text is `None`. The runtime stores every text in one string per product
/// and reads an empty one as absent, so an IR built by hand must keep to
/// this too.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// A `Code::String` is never empty.
    pub code: Code,
    /// Variant name.
    pub variant: String,
    pub title: Option<String>,
    pub description: String,
    pub resolution: Option<String>,
    pub causes: Option<String>,
    pub severity: Severity,
    pub http_status: Option<u16>,
    pub category: Category,
    pub retry: Retry,
    pub docs_url: Option<String>,
    /// Other codes that find this entry (string codes only, never empty).
    pub aliases: Vec<String>,
    pub note: Option<String>,
    pub completed_from: Option<String>,
    pub withdrawn: Option<String>,
    /// Positions in the product's `sources`, ascending; empty only when
    /// the product has none.
    pub sources: Vec<u8>,
}

impl Product {
    /// The ids of an entry's sources, when it names its own; `None` when it
    /// comes from the product's default (first) source alone, or the
    /// product names none.
    pub fn own_source_ids(&self, entry: &Entry) -> Option<Vec<&str>> {
        (entry.sources != [0] && !entry.sources.is_empty()).then(|| {
            entry.sources.iter().filter_map(|&at| self.sources.get(usize::from(at))).map(|s| s.id.as_str()).collect()
        })
    }

    /// The numeric code of each entry, 0 where an entry has none (only in a
    /// product whose codes are not numbers).
    pub fn numeric_codes(&self) -> Vec<u32> {
        self.entries
            .iter()
            .map(|e| match e.code {
                Code::Integer(n) => n,
                _ => 0,
            })
            .collect()
    }

    /// The key each entry is found by: its code, or its message.
    pub fn lookup_keys(&self) -> Vec<&str> {
        self.entries
            .iter()
            .map(|e| match &e.code {
                Code::String(s) => s.as_str(),
                _ => e.description.as_str(),
            })
            .collect()
    }
}

impl Vendor {
    /// The hosts of every product's problem `type` templates and the
    /// declared `problem_hosts`, sorted and without repeats.
    pub fn problem_hosts(&self) -> Vec<&str> {
        let templates = self.products.iter().flat_map(|p| p.problem_type.iter().chain(&p.problem_type_aliases));
        let mut hosts: Vec<&str> = templates
            .filter_map(|t| crate::problem_url::split_host(t.as_bytes()).map(|(host, _)| host))
            // Cut at ASCII bytes, a host of a `&str` is text.
            .filter_map(|host| std::str::from_utf8(host).ok())
            .chain(self.extra_problem_hosts.iter().map(String::as_str))
            .collect();
        hosts.sort_unstable();
        hosts.dedup();
        hosts
    }
}

/// The catalog's distinct body paths, sorted: a path's position is its
/// slot (`errors_runtime::Path::slot`), the same in every vendor's module.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyPaths {
    /// Sorted, distinct.
    pub paths: Vec<String>,
    /// The paths some shape reads per-parameter failures from: the reader
    /// keeps their whole value.
    pub whole: Vec<String>,
}

impl BodyPaths {
    pub fn new(catalog: &Catalog) -> BodyPaths {
        let shapes = || catalog.vendors.iter().flat_map(|v| &v.responses);
        let mut paths: Vec<String> = shapes()
            .flat_map(|s| {
                [
                    &s.code,
                    &s.message,
                    &s.request_id,
                    &s.instance,
                    &s.reference,
                    &s.invalid_parameters,
                    &s.status,
                    &s.requires,
                ]
            })
            .flatten()
            .cloned()
            .collect();
        paths.sort_unstable();
        paths.dedup();
        let mut whole: Vec<String> = shapes().flat_map(|s| s.invalid_parameters.iter().cloned()).collect();
        whole.sort_unstable();
        whole.dedup();
        BodyPaths { paths, whole }
    }

    /// The slot of one of the catalog's paths.
    pub fn slot(&self, path: &str) -> Option<u16> {
        self.paths.binary_search_by(|p| p.as_str().cmp(path)).ok().and_then(|at| u16::try_from(at).ok())
    }
}

impl Catalog {
    /// The number of entries across all products.
    pub fn entry_count(&self) -> usize {
        self.vendors.iter().flat_map(|v| &v.products).map(|p| p.entries.len()).sum()
    }
}
