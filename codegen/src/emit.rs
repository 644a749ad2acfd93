//! Turns the IR and its tables into Rust tokens, one module per vendor.
//! Only tokens here: formatting happens afterwards.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote};

use crate::ir::{Catalog, Code, CodeType, Entry, Product, Vendor};
use crate::phf::{EMPTY, StrTable, Table, U32Table};

/// The lookup table built for one product.
#[derive(Debug, Clone)]
pub enum ProductTable {
    Str(StrTable),
    U32(U32Table),
}

/// How generated code names the runtime crate.
#[derive(Debug, Clone)]
pub struct EmitOptions {
    /// Path prefix of the generated modules in `rust_path` strings, e.g.
    /// `errors_runtime` (the modules are re-exported at its root).
    pub module_path: String,
    /// Put every vendor module inline in one file named `errcat`, for
    /// `include!` from a build script's `OUT_DIR`.
    pub inline_modules: bool,
}

/// A `(vendor id, lookup key)` with every `(product position, entry position)` that has it.
pub type CodeGroup = ((String, String), Vec<(u16, u32)>);

/// The catalog-wide tables of `mod.rs`.
#[derive(Debug, Clone)]
pub struct CatalogTables {
    /// Over `(vendor id, product id)`, in product order.
    pub products: Table,
    /// Over `(vendor id, lookup key)`, in the order of `code_keys`; emitted
    /// as a flat `CodeIndex` (the keys themselves are not emitted).
    pub codes: Table,
    /// The keys of `codes`, with every `(product position, entry position)` per key.
    pub code_keys: Vec<CodeGroup>,
}

/// Tokens of `mod.rs` and of each vendor module, by file stem. The same
/// as [`emit_catalog`] followed by [`emit_vendor_module`] per vendor, in
/// one stream when `inline_modules` is set.
pub fn emit(
    catalog: &Catalog,
    tables: &[Vec<ProductTable>],
    catalog_tables: &CatalogTables,
    options: &EmitOptions,
) -> Vec<(String, TokenStream)> {
    let vendors = catalog.vendors.iter().zip(tables).map(|(vendor, t)| emit_vendor_module(vendor, t, options));
    let root = emit_catalog(catalog, catalog_tables, options);
    if options.inline_modules {
        vec![(ROOT_INLINE.to_owned(), quote!(#(#vendors)* #root))]
    } else {
        let mut files = vec![(ROOT.to_owned(), root)];
        files.extend(catalog.vendors.iter().map(|v| v.module.clone()).zip(vendors));
        files
    }
}

/// The file stem of the catalog root: `mod` beside a file per vendor, or
/// `errcat` for one file with every module inline.
pub const ROOT: &str = "mod";
/// See [`ROOT`].
pub const ROOT_INLINE: &str = "errcat";

/// Tokens of the catalog root: the vendor module declarations (unless
/// `inline_modules`, where the modules come first, from
/// [`emit_vendor_module`]) and `CATALOG`.
pub fn emit_catalog(catalog: &Catalog, catalog_tables: &CatalogTables, options: &EmitOptions) -> TokenStream {
    let modules: Vec<Ident> = catalog.vendors.iter().map(|v| ident(&v.module)).collect();
    let product_refs = catalog.vendors.iter().zip(&modules).flat_map(|(vendor, module)| {
        vendor.products.iter().map(move |p| {
            let ty = ident(&p.type_name);
            quote!(#module::#ty::PRODUCT)
        })
    });
    let product_keys = catalog.vendors.iter().flat_map(|v| {
        v.products.iter().map(move |p| {
            let (vendor, product) = (lit(&v.id), lit(&p.id));
            quote!((#vendor, #product))
        })
    });
    let product_index = pair_index(&catalog_tables.products, product_keys);
    let code_index = code_index(catalog_tables);
    let module_docs = catalog.vendors.iter().map(|v| lit(&format!(" {} error codes.", md(&v.name))));
    let module_items =
        if options.inline_modules { quote!() } else { quote!(#(#[doc = #module_docs] pub mod #modules;)*) };
    quote! {
        #module_items

        /// Every product of these catalogs, with catalog-wide lookups.
        pub static CATALOG: ::errors_runtime::Catalog = ::errors_runtime::Catalog {
            products: &[#(#product_refs),*],
            product_index: #product_index,
            code_index: #code_index,
        };
    }
}

/// Tokens of one vendor's module: the body of its file, or with
/// `inline_modules` the whole `pub mod vendor { … }` (its docs are inner
/// attributes either way).
pub fn emit_vendor_module(vendor: &Vendor, tables: &[ProductTable], options: &EmitOptions) -> TokenStream {
    let tokens = emit_vendor(vendor, tables, options);
    if options.inline_modules {
        let module = ident(&vendor.module);
        quote!(pub mod #module { #tokens })
    } else {
        tokens
    }
}

fn pair_index(table: &Table, keys: impl Iterator<Item = TokenStream>) -> TokenStream {
    let (seed, pilots, slots) = (table.seed, u8s(&table.pilots), u32s(&table.slots));
    quote! {
        ::errors_runtime::PairIndex {
            seed: #seed,
            pilots: &[#(#pilots),*],
            slots: &[#(#slots),*],
            keys: &[#(#keys),*],
        }
    }
}

/// The `CodeIndex` of `mod.rs`: per slot, where its group starts in the
/// pairs, then the end; the pairs grouped by key, in slot order.
fn code_index(tables: &CatalogTables) -> TokenStream {
    let Table { seed, pilots, slots } = &tables.codes;
    let mut starts = Vec::with_capacity(slots.len() + 1);
    let mut pairs = Vec::with_capacity(tables.code_keys.len());
    for &position in slots {
        starts.push(pairs.len() as u32);
        if let Some((_, group)) = tables.code_keys.get(position as usize) {
            pairs.extend(group);
        }
    }
    starts.push(pairs.len() as u32);
    let pilots = u8s(pilots);
    let starts = u32s(&starts);
    let pairs = pairs.iter().map(|&(p, e)| {
        let (p, e) = (Literal::u16_unsuffixed(p), Literal::u32_unsuffixed(e));
        quote!((#p, #e))
    });
    quote! {
        ::errors_runtime::CodeIndex {
            seed: #seed,
            pilots: &[#(#pilots),*],
            starts: &[#(#starts),*],
            pairs: &[#(#pairs),*],
        }
    }
}

fn emit_vendor(vendor: &Vendor, tables: &[ProductTable], options: &EmitOptions) -> TokenStream {
    let id = lit(&vendor.id);
    let name = lit(&vendor.name);
    let docs_url = opt_lit(vendor.docs_url.as_deref());
    let mut doc = format!("{} error codes, one enum per product.", md(&vendor.name));
    if let Some(url) = &vendor.docs_url {
        doc.push_str(&format!("\n\nVendor documentation: {}", md(url)));
    }
    let doc = doc_lines(&doc);
    let products = vendor.products.iter().zip(tables).map(|(p, t)| emit_product(vendor, p, t, options));
    quote! {
        #(#![doc = #doc])*

        // One short name for the runtime; no generated name can take it.
        use ::errors_runtime as __rt;

        /// The vendor these products belong to.
        pub static VENDOR: __rt::VendorInfo = __rt::VendorInfo {
            id: #id,
            name: #name,
            docs_url: #docs_url,
        };

        #(#products)*
    }
}

fn emit_product(vendor: &Vendor, product: &Product, table: &ProductTable, options: &EmitOptions) -> TokenStream {
    let rt = quote!(__rt);
    let ty = ident(&product.type_name);
    let entries_static = format_ident!("{}_ENTRIES", product.static_prefix);
    let index_static = format_ident!("{}_INDEX", product.static_prefix);
    let product_static = format_ident!("{}_PRODUCT", product.static_prefix);
    let count = Literal::usize_unsuffixed(product.entries.len());
    let repr = if product.entries.len() <= usize::from(u16::MAX) { quote!(u16) } else { quote!(u32) };

    let variants: Vec<Ident> = product.entries.iter().map(|e| ident(&e.variant)).collect();
    let discriminants = (0..product.entries.len()).map(Literal::usize_unsuffixed);
    let variant_docs = product.entries.iter().map(|e| {
        let lines = doc_lines(&variant_doc(product, e));
        quote!(#(#[doc = #lines])*)
    });
    let enum_doc = doc_lines(&enum_doc(vendor, product));

    let infos = product.entries.iter().map(|e| {
        let code = match &e.code {
            Code::Integer(n) => {
                let n = Literal::u32_unsuffixed(*n);
                quote!(#rt::Code::Integer(#n))
            }
            Code::String(s) => {
                let s = lit(s);
                quote!(#rt::Code::String(#s))
            }
            Code::None => quote!(#rt::Code::None),
        };
        let name = lit(&e.variant);
        let title = opt_lit(e.title.as_deref());
        let description = lit(&e.description);
        let resolution = opt_lit(e.resolution.as_deref());
        let http_status = match e.http_status {
            Some(s) => {
                let s = Literal::u16_unsuffixed(s);
                quote!(Some(#s))
            }
            None => quote!(None),
        };
        let category = ident(&format!("{:?}", e.category));
        let retry = ident(&format!("{:?}", e.retry));
        let docs_url = opt_lit(e.docs_url.as_deref());
        quote! {
            #rt::ErrorInfo {
                product: &#product_static,
                code: #code,
                name: #name,
                title: #title,
                description: #description,
                resolution: #resolution,
                http_status: #http_status,
                category: #rt::Category::#category,
                retry: #rt::Retry::#retry,
                docs_url: #docs_url,
            }
        }
    });

    let (index_type, index_value, index_variant) = match table {
        ProductTable::Str(table) => {
            let (sample, seed, place, positions) = match table {
                StrTable::Direct { sample, seed, multiplier, slots } => {
                    (sample, *seed, quote!(#rt::support::Place::Direct { multiplier: #multiplier }), slots)
                }
                StrTable::Pilots { sample, table: Table { seed, pilots, slots } } => (
                    sample,
                    *seed,
                    {
                        let pilots = u8s(pilots);
                        quote!(#rt::support::Place::Pilots(&[#(#pilots),*]))
                    },
                    slots,
                ),
            };
            let sample = ident(&format!("{sample:?}"));
            let (slots, keys) = str_slots(positions, &product.lookup_keys());
            let slots = u32s(&slots);
            let keys = lit(&keys);
            (
                quote!(#rt::support::StrIndex),
                quote!(#rt::support::StrIndex {
                    sample: #rt::support::Sample::#sample,
                    seed: #seed,
                    place: #place,
                    slots: &[#(#slots),*],
                    keys: #keys,
                }),
                quote!(Str),
            )
        }
        ProductTable::U32(U32Table::Dense { base, slots }) => {
            let slots = u32s(slots);
            (
                quote!(#rt::support::U32Index),
                quote!(#rt::support::U32Index::Dense { base: #base, slots: &[#(#slots),*] }),
                quote!(U32),
            )
        }
        ProductTable::U32(U32Table::Direct { multiplier, slots }) => {
            let slots = u32s(&u32_slots(slots, product));
            (
                quote!(#rt::support::U32Index),
                quote!(#rt::support::U32Index::Direct { multiplier: #multiplier, slots: &[#(#slots),*] }),
                quote!(U32),
            )
        }
        ProductTable::U32(U32Table::Hashed(t)) => {
            let slots = u32s(&u32_slots(&t.slots, product));
            let (seed, pilots) = (t.seed, u8s(&t.pilots));
            (
                quote!(#rt::support::U32Index),
                quote!(#rt::support::U32Index::Hashed {
                    seed: #seed,
                    pilots: &[#(#pilots),*],
                    slots: &[#(#slots),*],
                }),
                quote!(U32),
            )
        }
    };

    let product_id = lit(&product.id);
    let product_name = lit(&product.name);
    let code_type = match product.code_type {
        CodeType::Integer => quote!(Integer),
        CodeType::String => quote!(String),
        CodeType::None => quote!(None),
    };
    let product_docs = opt_lit(product.docs_url.as_deref());
    let problem_type = opt_lit(product.problem_type.as_deref());
    let rust_path = lit(&format!("{}::{}::{}", options.module_path, vendor.module, product.type_name));

    let from_code_doc = match product.code_type {
        CodeType::Integer => "The entry with this code, written in decimal (`\"1020\"`); `None` for anything else.",
        CodeType::String => "The entry with this code; `None` for anything else.",
        CodeType::None => "The entry whose message is exactly this text; `None` for anything else.",
    };
    let from_code_body = match product.code_type {
        CodeType::Integer => quote!(Self::from_u32(#rt::support::parse_u32_code(code)?)),
        _ => quote!(Self::ALL.get(#index_static.get(code)?).copied()),
    };
    let numeric = (product.code_type == CodeType::Integer).then(|| {
        quote! {
            impl #ty {
                /// The entry with this numeric code; `None` for anything else.
                #[inline]
                pub fn from_u32(code: u32) -> ::core::option::Option<Self> {
                    Self::ALL.get(#index_static.get(code)?).copied()
                }
            }

            impl ::core::convert::TryFrom<u32> for #ty {
                type Error = #rt::UnknownCode;
                fn try_from(code: u32) -> ::core::result::Result<Self, Self::Error> {
                    Self::from_u32(code).ok_or_else(|| #rt::UnknownCode::from_u32(&#product_static, code))
                }
            }
        }
    });

    quote! {
        #(#[doc = #enum_doc])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        #[repr(#repr)]
        pub enum #ty {
            #(#variant_docs #variants = #discriminants,)*
        }

        static #entries_static: [#rt::ErrorInfo; #count] = [#(#infos),*];

        static #index_static: #index_type = #index_value;

        static #product_static: #rt::ProductInfo = #rt::ProductInfo {
            vendor: &VENDOR,
            id: #product_id,
            name: #product_name,
            code_type: #rt::CodeType::#code_type,
            docs_url: #product_docs,
            problem_type: #problem_type,
            rust_path: #rust_path,
            entries: &#entries_static,
            index: #rt::support::Index::#index_variant(&#index_static),
        };

        impl #ty {
            /// Every code, in catalog order.
            pub const ALL: &'static [Self] = &[#(Self::#variants),*];

            /// The product: vendor, names, documentation and lookup table.
            pub const PRODUCT: &'static #rt::ProductInfo = &#product_static;

            /// The catalog record of this code.
            #[inline]
            pub fn info(self) -> &'static #rt::ErrorInfo {
                &#entries_static[self as usize]
            }

            /// The variant of a catalog record, if the record belongs to this product.
            pub fn from_info(info: &#rt::ErrorInfo) -> ::core::option::Option<Self> {
                if !::core::ptr::eq(info.product, &#product_static) {
                    return None;
                }
                Self::ALL.get(#entries_static.iter().position(|e| ::core::ptr::eq(e, info))?).copied()
            }

            #[doc = #from_code_doc]
            #[inline]
            pub fn from_code(code: &str) -> ::core::option::Option<Self> {
                #from_code_body
            }

            /// The code as the vendor sends it.
            pub fn code(self) -> #rt::Code {
                self.info().code
            }

            /// A short title, as the vendor writes it.
            pub fn title(self) -> ::core::option::Option<&'static str> {
                self.info().title
            }

            /// What happened, in the vendor's words.
            pub fn description(self) -> &'static str {
                self.info().description
            }

            /// How to fix it, in the vendor's words.
            pub fn resolution(self) -> ::core::option::Option<&'static str> {
                self.info().resolution
            }

            /// The HTTP status the error travels with, where documented.
            pub fn http_status(self) -> ::core::option::Option<u16> {
                self.info().http_status
            }

            /// The cross-vendor category.
            pub fn category(self) -> #rt::Category {
                self.info().category
            }

            /// Whether a retry can help.
            pub fn retry(self) -> #rt::Retry {
                self.info().retry
            }

            /// A page about this error, or else about its product or vendor.
            pub fn docs_url(self) -> ::core::option::Option<&'static str> {
                self.info().docs_url()
            }
        }

        #numeric

        impl #rt::ErrorCode for #ty {
            const PRODUCT: &'static #rt::ProductInfo = &#product_static;

            fn all() -> &'static [Self] {
                Self::ALL
            }

            fn info(self) -> &'static #rt::ErrorInfo {
                #ty::info(self)
            }

            fn from_code(code: &str) -> ::core::option::Option<Self> {
                #ty::from_code(code)
            }
        }

        impl ::core::fmt::Debug for #ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.info().name)
            }
        }

        impl ::core::fmt::Display for #ty {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt(self.info(), f)
            }
        }

        impl ::core::str::FromStr for #ty {
            type Err = #rt::UnknownCode;
            fn from_str(code: &str) -> ::core::result::Result<Self, Self::Err> {
                Self::from_code(code).ok_or_else(|| #rt::UnknownCode::new(&#product_static, code))
            }
        }

        impl ::core::error::Error for #ty {}
    }
}

/// The `slots` and `keys` of a `StrIndex`: per slot, where its key starts
/// in the keys string and its entry position (or `EMPTY`), then the end.
fn str_slots(positions: &[u32], keys: &[&str]) -> (Vec<u32>, String) {
    let mut slots = Vec::with_capacity(positions.len() * 2 + 2);
    let mut blob = String::new();
    for &position in positions {
        slots.extend([blob.len() as u32, position]);
        if let Some(key) = keys.get(position as usize) {
            blob.push_str(key);
        }
    }
    slots.extend([blob.len() as u32, EMPTY]);
    (slots, blob)
}

/// The `slots` of a numeric `U32Index`: per slot, its code and its entry
/// position (or `EMPTY`).
fn u32_slots(positions: &[u32], product: &Product) -> Vec<u32> {
    positions
        .iter()
        .flat_map(|&position| match product.entries.get(position as usize).map(|e| &e.code) {
            Some(Code::Integer(code)) => [*code, position],
            _ => [0, EMPTY],
        })
        .collect()
}

fn enum_doc(vendor: &Vendor, product: &Product) -> String {
    let mut doc = format!("{} {} errors.", md(&vendor.name), md(&product.name));
    let how = match product.code_type {
        CodeType::Integer => "Codes are numbers: use `from_code` or `from_u32`.",
        CodeType::String => "Codes are strings: use `from_code` or `str::parse`.",
        CodeType::None => "The vendor sends only a message: `from_code` takes the exact message text.",
    };
    doc.push_str("\n\n");
    doc.push_str(how);
    if let Some(url) = &product.docs_url {
        doc.push_str(&format!("\n\nVendor documentation: {}", md(url)));
    }
    if let Some(template) = &product.problem_type {
        doc.push_str(&format!("\n\nRFC 7807 problem type: `{}`", template.replace('`', "")));
    }
    doc
}

fn variant_doc(product: &Product, entry: &Entry) -> String {
    let mut doc = String::new();
    match &entry.code {
        Code::Integer(n) => doc.push_str(&format!("Code `{n}`")),
        Code::String(s) => doc.push_str(&format!("Code {}", code_span(s))),
        Code::None => doc.push_str("Message only"),
    }
    if let Some(title) = &entry.title {
        doc.push_str(&format!(": **{}**", md(title)));
    }
    doc.push_str("\n\n");
    doc.push_str(&md(&entry.description));
    if let Some(resolution) = &entry.resolution {
        doc.push_str("\n\n*Resolution:* ");
        doc.push_str(&md(resolution));
    }
    doc.push_str("\n\n");
    let mut facts = Vec::new();
    if let Some(status) = entry.http_status {
        facts.push(format!("HTTP {status}"));
    }
    facts.push(format!("category `{}`", entry.category.as_str()));
    facts.push(format!("retry `{}`", entry.retry.as_str()));
    doc.push_str(&facts.join(" · "));
    if let Some(url) = &entry.docs_url {
        doc.push_str(&format!("\n\nMore: {}", md(url)));
    }
    if let Some(note) = &entry.note {
        doc.push_str(&format!("\n\n*Catalog note:* {}", md(note)));
    }
    if let Some(source) = &entry.completed_from {
        doc.push_str(&format!("\n\n*Text completed from:* {}", md(source)));
    }
    let _ = product;
    doc
}

/// Inline code that shows `text` exactly, whatever backticks it holds.
fn code_span(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') || text.is_empty() { " " } else { "" };
    if text.trim().is_empty() {
        return md(text);
    }
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Escapes catalog text for rustdoc's Markdown so it renders as written:
/// every Markdown-significant ASCII character is backslash-escaped, and
/// URLs become autolinks (a bare URL is a rustdoc warning).
pub fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let mut rest = line;
        let mut at_line_start = true;
        while !rest.is_empty() {
            if let Some(len) = url_len(rest) {
                out.push('<');
                out.push_str(&rest[..len]);
                out.push('>');
                rest = &rest[len..];
                at_line_start = false;
                continue;
            }
            let Some(c) = rest.chars().next() else { break };
            let significant = matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '{' | '}' | '!' | '&' | '$'
            ) || (at_line_start && matches!(c, '-' | '+' | '=' | ' ' | '\t'))
                || (matches!(c, '.' | ')') && out.ends_with(|d: char| d.is_ascii_digit()));
            if c == '\t' {
                out.push_str("&#9;");
            } else if is_unprintable(c) {
                out.extend(c.escape_default());
            } else if significant && c.is_ascii_whitespace() {
                out.push_str(if c == ' ' { "&#32;" } else { "&#9;" });
            } else {
                if significant {
                    out.push('\\');
                }
                out.push(c);
            }
            at_line_start = at_line_start && (c == ' ' || c == '\t');
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The length of a URL at the start of `text`, without trailing punctuation.
fn url_len(text: &str) -> Option<usize> {
    if !(text.starts_with("https://") || text.starts_with("http://")) {
        return None;
    }
    let end = text
        .find(|c: char| c.is_whitespace() || is_unprintable(c) || matches!(c, '<' | '>' | '"' | '`'))
        .unwrap_or(text.len());
    let url = text[..end].trim_end_matches(['.', ',', ';', ':', ')', '!', '?', '\'']);
    (url.len() > "https://".len()).then_some(url.len())
}

/// Characters a doc comment cannot hold as they are: control characters
/// (a bare CR is a compile error) and bidirectional overrides (denied by
/// rustc's `text_direction_codepoint_in_literal`).
fn is_unprintable(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// One `#[doc]` literal per line, so rustfmt-style `///` comments come out.
/// Whatever text reaches here, unprintable characters are written as
/// escapes, so the generated file always compiles.
fn doc_lines(text: &str) -> Vec<Literal> {
    text.split('\n')
        .map(|line| {
            let mut doc = String::with_capacity(line.len() + 1);
            if !line.is_empty() {
                doc.push(' ');
            }
            for c in line.chars() {
                if is_unprintable(c) {
                    doc.extend(c.escape_default());
                } else {
                    doc.push(c);
                }
            }
            lit(&doc)
        })
        .collect()
}

/// Unsuffixed literals: the field types say what they are.
fn u32s(values: &[u32]) -> Vec<Literal> {
    values.iter().map(|&v| Literal::u32_unsuffixed(v)).collect()
}

fn u8s(values: &[u8]) -> Vec<Literal> {
    values.iter().map(|&v| Literal::u8_unsuffixed(v)).collect()
}

fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

fn lit(text: &str) -> Literal {
    Literal::string(text)
}

fn opt_lit(text: Option<&str>) -> TokenStream {
    match text {
        Some(t) => {
            let t = lit(t);
            quote!(Some(#t))
        }
        None => quote!(None),
    }
}

#[cfg(test)]
mod tests {
    use super::md;

    #[test]
    fn markdown_escaping() {
        let cases = [
            ("plain text.", "plain text."),
            ("<trace_id>", "\\<trace\\_id\\>"),
            ("*/ and /* and `x`", "\\*/ and /\\* and \\`x\\`"),
            ("# not a heading", "\\# not a heading"),
            ("- not a list", "\\- not a list"),
            ("1. not a list", "1\\. not a list"),
            ("see https://example.com/a_b.", "see <https://example.com/a_b>."),
            ("[link](x)", "\\[link\\](x)"),
            ("  indented", "&#32;&#32;indented"),
            ("emoji 🙂 and ü", "emoji 🙂 and ü"),
            ("cr\r\nnul\0", "cr\\r\nnul\\u{0}"),
        ];
        for (input, expected) in cases {
            assert_eq!(md(input), expected, "md({input:?})");
        }
    }
}
