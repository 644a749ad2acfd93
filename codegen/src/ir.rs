//! The validated catalog: sorted, with identifiers resolved. Emitting
//! reads only this.

pub use crate::taxonomy::{Category, Retry};

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeType {
    Integer,
    String,
    None,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Product {
    /// File stem, e.g. `messages`.
    pub id: String,
    pub name: String,
    pub code_type: CodeType,
    pub docs_url: Option<String>,
    pub problem_type: Option<String>,
    /// Enum name, e.g. `Messages`.
    pub type_name: String,
    /// Prefix of the generated statics, e.g. `MESSAGES`.
    pub static_prefix: String,
    /// In catalog order; the discriminant is the position.
    pub entries: Vec<Entry>,
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
    pub http_status: Option<u16>,
    pub category: Category,
    pub retry: Retry,
    pub docs_url: Option<String>,
    pub note: Option<String>,
    pub completed_from: Option<String>,
}

impl Product {
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

impl Catalog {
    /// The number of entries across all products.
    pub fn entry_count(&self) -> usize {
        self.vendors.iter().flat_map(|v| &v.products).map(|p| p.entries.len()).sum()
    }
}
