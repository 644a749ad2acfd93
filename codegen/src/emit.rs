//! Turns the IR and its tables into Rust, one module per vendor: tokens,
//! and for the parts with a line or more per code, syn items built
//! directly; prettyplease prints both.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote};

use crate::ir::{BodyPaths, Catalog, Code, CodeKind, CodeType, Entry, Product, ResponseShape, Severity, Vendor};
use crate::layout::{self, Field};
use crate::phf::{StrTable, Table, U32Table};
use crate::tables::{CatalogTables, ProductTable};

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

/// A part of a generated file, to be formatted by prettyplease: tokens,
/// or for the parts with a line or more per code, syn items.
pub enum Piece {
    Tokens(TokenStream),
    Items(Vec<syn::Item>),
}

/// The file stem of the catalog root: `mod` beside a file per vendor, or
/// `errcat` for one file with every module inline.
pub const ROOT: &str = "mod";
/// See [`ROOT`].
pub const ROOT_INLINE: &str = "errcat";

/// Tokens of the catalog root: the vendor module declarations (unless
/// `inline_modules`, where the modules come first, from
/// [`emit_vendor_module`]) and `CATALOG`.
pub fn emit_catalog(
    catalog: &Catalog,
    catalog_tables: &CatalogTables,
    body_paths: &BodyPaths,
    options: &EmitOptions,
) -> TokenStream {
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
    let members = members(body_paths);
    let module_docs = catalog.vendors.iter().map(|v| lit(&format!(" {} error codes.", md(&v.name))));
    let module_items =
        if options.inline_modules { quote!() } else { quote!(#(#[doc = #module_docs] pub mod #modules;)*) };
    let layout = Literal::u32_unsuffixed(layout::VERSION);
    quote! {
        // The runtime reads these tables by the layout they were written in.
        const _: () = assert!(
            ::errors_runtime::__private::LAYOUT == #layout,
            "this catalog was generated for another table layout than this errors-runtime reads: use the errcat-codegen released with it"
        );

        #module_items

        /// Every product of these catalogs, with catalog-wide lookups.
        pub static CATALOG: ::errors_runtime::Catalog =
            ::errors_runtime::__private::catalog(::errors_runtime::__private::CatalogData {
                vendors: &[#(&#modules::VENDOR),*],
                products: &[#(#product_refs),*],
                product_index: #product_index,
                code_index: #code_index,
                members: &#members,
            });
    }
}

/// The catalog's body paths as the tree the reader follows: each member's
/// children sorted by length, then bytes (`errors_runtime::Member::order`).
fn members(body_paths: &BodyPaths) -> TokenStream {
    #[derive(Default)]
    struct Node<'a> {
        slot: Option<usize>,
        whole: bool,
        children: std::collections::BTreeMap<&'a str, Node<'a>>,
        items: Option<Box<Node<'a>>>,
    }
    fn tokens(name: &str, node: &Node<'_>) -> TokenStream {
        let name = lit(name);
        let slot = match node.slot {
            Some(slot) => {
                let slot = Literal::usize_unsuffixed(slot);
                quote!(Some(#slot))
            }
            None => quote!(None),
        };
        let whole = node.whole;
        let (children, by_length) = list(&node.children);
        let items = match &node.items {
            Some(items) => {
                let items = tokens(crate::ir::WALK, items);
                quote!(Some(&#items))
            }
            None => quote!(None),
        };
        quote!(::errors_runtime::Member {
            name: #name,
            slot: #slot,
            whole: #whole,
            children: #children,
            by_length: #by_length,
            items: #items,
        })
    }
    /// The children, sorted, and where each name length starts among them
    /// (`Member::by_length`).
    fn list(children: &std::collections::BTreeMap<&str, Node<'_>>) -> (TokenStream, TokenStream) {
        let mut sorted: Vec<_> = children.iter().collect();
        sorted.sort_by(|(a, _), (b, _)| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
        let longest = sorted.iter().map(|(name, _)| name.len()).max();
        let starts = (0..longest.map_or(0, |longest| longest + 2))
            .map(|n| Literal::usize_unsuffixed(sorted.partition_point(|(name, _)| name.len() < n)));
        let items = sorted.iter().map(|(name, node)| tokens(name, node));
        (quote!(&[#(#items),*]), quote!(&[#(#starts),*]))
    }
    let mut root = Node::default();
    for (slot, path) in body_paths.paths.iter().enumerate() {
        let mut node = &mut root;
        for segment in crate::ir::path_segments(path) {
            node = if segment == crate::ir::WALK {
                node.items.get_or_insert_with(Default::default)
            } else {
                node.children.entry(segment).or_default()
            };
        }
        node.slot = Some(slot);
        node.whole = body_paths.whole.contains(path);
    }
    tokens("", &root)
}

/// The body of one vendor's module, in order: its file, or with
/// `inline_modules` what goes inside `pub mod vendor { … }` (its docs are
/// inner attributes either way).
pub fn emit_vendor_module(
    vendor: &Vendor,
    tables: &[ProductTable],
    body_paths: &BodyPaths,
    options: &EmitOptions,
) -> Vec<Piece> {
    emit_vendor(vendor, tables, body_paths, options)
}

fn pair_index(table: &Table, keys: impl Iterator<Item = TokenStream>) -> TokenStream {
    let (seed, pilots, slots) = (table.seed, u8s(&table.pilots), u32s(&table.slots));
    quote! {
        ::errors_runtime::__private::PairIndex {
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
        ::errors_runtime::__private::CodeIndex {
            seed: #seed,
            pilots: &[#(#pilots),*],
            starts: &[#(#starts),*],
            pairs: &[#(#pairs),*],
        }
    }
}

fn emit_vendor(vendor: &Vendor, tables: &[ProductTable], body_paths: &BodyPaths, options: &EmitOptions) -> Vec<Piece> {
    let id = lit(&vendor.id);
    let name = lit(&vendor.name);
    let docs_url = opt_lit(vendor.docs_url.as_deref());
    let mut doc = format!("{} error codes, one enum per product.", md(&vendor.name));
    if let Some(url) = &vendor.docs_url {
        doc.push_str(&format!("\n\nVendor documentation: {}", md(url)));
    }
    let doc = doc_lines(&doc);
    let responses = vendor.responses.iter().map(|shape| response_shape(shape, body_paths));
    let hosts = vendor.problem_hosts();
    let products = vendor.products.iter().map(|p| format_ident!("{}_PRODUCT", p.static_prefix));
    let header = quote! {
        #(#![doc = #doc])*

        // One short name for the runtime; no generated name can take it.
        use ::errors_runtime as __rt;

        /// The vendor these products belong to.
        pub static VENDOR: __rt::VendorInfo = __rt::__private::vendor(__rt::__private::VendorData {
            id: #id,
            name: #name,
            docs_url: #docs_url,
            responses: &[#(#responses),*],
            problem_hosts: &[#(#hosts),*],
            products: &[#(&#products),*],
        });
    };
    let mut pieces = vec![Piece::Tokens(header)];
    for (product, table) in vendor.products.iter().zip(tables) {
        pieces.extend(emit_product(vendor, product, table, options));
    }
    pieces
}

fn response_shape(shape: &ResponseShape, body_paths: &BodyPaths) -> TokenStream {
    let strs = |list: &[String]| {
        let items = list.iter().map(|s| lit(s));
        quote!(&[#(#items),*])
    };
    // `"messages[].status"` becomes `&["messages", "[]", "status"]`.
    let paths = |list: &[String]| {
        let items = list.iter().map(|path| {
            let segments = crate::ir::path_segments(path);
            let segments = segments.iter().map(|s| lit(s));
            // Every shape path is among the catalog's (`generate` checks the count).
            let slot = Literal::u16_unsuffixed(body_paths.slot(path).unwrap_or(u16::MAX));
            quote!(__rt::Path { segments: &[#(#segments),*], slot: #slot })
        });
        quote!(&[#(#items),*])
    };
    let name = lit(&shape.name);
    let code = paths(&shape.code);
    let code_kind = match shape.code_kind {
        CodeKind::Code => quote!(Code),
        CodeKind::ProblemType => quote!(ProblemType),
        CodeKind::Message => quote!(Message),
    };
    let message = paths(&shape.message);
    let request_id = paths(&shape.request_id);
    let instance = paths(&shape.instance);
    let reference = paths(&shape.reference);
    let invalid_parameters = paths(&shape.invalid_parameters);
    let status = paths(&shape.status);
    let requires = paths(&shape.requires);
    let success = strs(&shape.success);
    let product = opt_lit(shape.product.as_deref());
    let products = match &shape.products {
        Some(list) => {
            let list = strs(list);
            quote!(Some(#list))
        }
        None => quote!(None),
    };
    quote! {
        __rt::ResponseShape {
            name: #name,
            code: #code,
            code_kind: __rt::CodeKind::#code_kind,
            message: #message,
            request_id: #request_id,
            instance: #instance,
            reference: #reference,
            invalid_parameters: #invalid_parameters,
            status: #status,
            requires: #requires,
            success: #success,
            product: #product,
            products: #products,
        }
    }
}

fn emit_product(vendor: &Vendor, product: &Product, table: &ProductTable, options: &EmitOptions) -> Vec<Piece> {
    let rt = quote!(__rt);
    let ty = ident(&product.type_name);
    let records_const = format_ident!("{}_RECORDS", product.static_prefix);
    let index_static = format_ident!("{}_INDEX", product.static_prefix);
    let product_static = format_ident!("{}_PRODUCT", product.static_prefix);

    let items = product_items(vendor, product);

    let (index_type, index_value, index_variant) = match table {
        ProductTable::Str(table) => {
            let (sample, seed, place, positions) = match table {
                StrTable::Direct { sample, seed, multiplier, slots } => {
                    (sample, *seed, quote!(#rt::__private::Place::Direct { multiplier: #multiplier }), slots)
                }
                StrTable::Pilots { sample, table: Table { seed, pilots, slots } } => (
                    sample,
                    *seed,
                    {
                        let pilots = u8s(pilots);
                        quote!(#rt::__private::Place::Pilots(&[#(#pilots),*]))
                    },
                    slots,
                ),
            };
            let sample = ident(&format!("{sample:?}"));
            let (slots, keys) = crate::tables::str_slots(positions, &product.lookup_keys());
            let slots = u32s(&slots);
            let keys = lit(&keys);
            (
                quote!(#rt::__private::StrIndex),
                quote!(#rt::__private::StrIndex {
                    sample: #rt::__private::Sample::#sample,
                    seed: #seed,
                    place: #place,
                    slots: &[#(#slots),*],
                    keys: #keys,
                }),
                quote!(Str),
            )
        }
        ProductTable::U32(U32Table::Direct { multiplier, slots }) => {
            let slots = u32s(&crate::tables::u32_slots(slots, &product.numeric_codes()));
            (
                quote!(#rt::__private::U32Index),
                quote!(#rt::__private::U32Index::Direct { multiplier: #multiplier, slots: &[#(#slots),*] }),
                quote!(U32),
            )
        }
        ProductTable::U32(U32Table::Hashed(t)) => {
            let slots = u32s(&crate::tables::u32_slots(&t.slots, &product.numeric_codes()));
            let (seed, pilots) = (t.seed, u8s(&t.pilots));
            (
                quote!(#rt::__private::U32Index),
                quote!(#rt::__private::U32Index::Hashed {
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
    let problem_templates = product.problem_type.iter().chain(&product.problem_type_aliases).map(|template| {
        let parts = crate::problem_url::UrlParts::split(template.as_bytes());
        let url = lit(template);
        // Cut at ASCII bytes, the parts of a `&str` are text: lossless.
        let text = |part: &[u8]| String::from_utf8_lossy(part).into_owned();
        let segments = parts.segments().map(|s| lit(&text(s)));
        let fragment = parts.fragment.map(text);
        let fragment = opt_lit(fragment.as_deref());
        quote!(#rt::ProblemTemplate { url: #url, segments: &[#(#segments),*], fragment: #fragment })
    });
    let aliases = product.entries.iter().enumerate().flat_map(|(position, entry)| {
        let position = position as u32;
        entry.aliases.iter().map(move |alias| {
            let alias = lit(alias);
            quote!((#alias, #position))
        })
    });
    let sources = product.sources.iter().map(|source| {
        let (id, url, checked) = (lit(&source.id), lit(&source.url), lit(&source.checked));
        quote!(#rt::__private::source(#id, #url, #checked))
    });
    let has_aliases = product.entries.iter().any(|e| !e.aliases.is_empty());
    let rust_path = lit(&format!("{}::{}::{}", options.module_path, vendor.module, product.type_name));

    let from_code_doc = match product.code_type {
        CodeType::Integer => "The entry with this code, written in decimal (`\"1020\"`); `None` for anything else.",
        CodeType::String => "The entry with this code; `None` for anything else.",
        CodeType::None => "The entry whose message is exactly this text; `None` for anything else.",
    };
    let from_code_body = match product.code_type {
        CodeType::Integer => quote!(Self::from_u32(#rt::__private::parse_u32_code(code)?)),
        _ if has_aliases => quote!(Self::ALL.get(#product_static.position(code)?).copied()),
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
                #[inline]
                fn try_from(code: u32) -> ::core::result::Result<Self, Self::Error> {
                    Self::from_u32(code).ok_or_else(|| #rt::__private::unknown_u32(&#product_static, code))
                }
            }
        }
    });

    // Every method is small and `#[inline]`, so it is compiled where it is
    // used rather than once per product in errors-runtime: the crate's own
    // compile time then hardly grows with the catalog.
    let tokens = quote! {
        static #index_static: #index_type = #index_value;

        static #product_static: #rt::ProductInfo = #rt::__private::product(#rt::__private::ProductData {
            vendor: &VENDOR,
            id: #product_id,
            name: #product_name,
            code_type: #rt::CodeType::#code_type,
            docs_url: #product_docs,
            problem_type: #problem_type,
            problem_templates: &[#(#problem_templates),*],
            aliases: &[#(#aliases),*],
            rust_path: #rust_path,
            sources: &[#(#sources),*],
            records: #records_const,
            index: #rt::__private::Index::#index_variant(&#index_static),
        });

        impl #ty {
            #[doc = #from_code_doc]
            #[inline]
            pub fn from_code(code: &str) -> ::core::option::Option<Self> {
                #from_code_body
            }
        }

        #numeric

        // `PRODUCT`, `info`, the accessors and the trait impls, written once in the runtime.
        __rt::__product!(#ty, #product_static);
    };
    vec![Piece::Items(items), Piece::Tokens(tokens)]
}

/// The enum, its `ALL` array and its records: the items with a line or
/// more per code. They are built as syn nodes rather than as tokens, as
/// parsing that many tokens was most of the regeneration time.
fn product_items(vendor: &Vendor, product: &Product) -> Vec<syn::Item> {
    let ty = ident(&product.type_name);
    let count = Literal::usize_unsuffixed(product.entries.len());
    let variants = product.entries.iter().map(|entry| {
        let mut attrs = doc_attrs(&variant_doc(product, entry));
        // Searching the docs for `1020` or `invalid-api-key` finds it.
        attrs.extend(doc_aliases(entry).into_iter().map(alias_attr));
        syn::Variant { attrs, ident: ident(&entry.variant), fields: syn::Fields::Unit, discriminant: None }
    });
    // No `#[repr]`: the compiler picks the smallest integer anyway, and
    // with one rustdoc would print each variant's position (`= 0`, `= 1`)
    // as if it were a code. Implicit discriminants (0, 1, … in declaration
    // order, which is the position) cost the compiler far less than
    // explicit ones.
    let mut item: syn::ItemEnum = syn::parse_quote! {
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum #ty {}
    };
    item.attrs.splice(0..0, doc_attrs(&enum_doc(vendor, product)));
    item.variants = variants.collect();

    // `ALL` points at a static: a constant holding the array itself costs
    // the compiler more, as its value is kept for every crate that uses it.
    let all_static = format_ident!("{}_ALL", product.static_prefix);
    let mut all: syn::ItemStatic = syn::parse_quote!(static #all_static: [#ty; #count] = [];);
    let variant_paths = product.entries.iter().map(|entry| {
        let path = syn::Path {
            leading_colon: None,
            segments: [ty.clone(), ident(&entry.variant)].into_iter().map(syn::PathSegment::from).collect(),
        };
        syn::Expr::Path(syn::ExprPath { attrs: Vec::new(), qself: None, path })
    });
    *all.expr = array(variant_paths);
    let all_const = syn::parse_quote! {
        impl #ty {
            /// Every code, in catalog order.
            pub const ALL: &'static [Self] = &#all_static;
        }
    };

    vec![syn::Item::Enum(item), syn::Item::Static(all), all_const, syn::Item::Const(records(product))]
}

/// The product's records, column by column (see the runtime's `support::Records`).
fn records(product: &Product) -> syn::ItemConst {
    let count = product.entries.len();
    let mut text = String::new();
    let mut ends = Vec::with_capacity(count * Field::COUNT);
    let mut codes = Vec::new();
    let mut http_status = Vec::with_capacity(count);
    let mut class = Vec::with_capacity(count);
    let mut sources = Vec::with_capacity(count);
    for entry in &product.entries {
        let code = match &entry.code {
            Code::Integer(n) => {
                codes.push(*n);
                ""
            }
            Code::String(s) => s.as_str(),
            Code::None => "",
        };
        let fields = [
            code,
            &entry.variant,
            entry.title.as_deref().unwrap_or_default(),
            &entry.description,
            entry.resolution.as_deref().unwrap_or_default(),
            entry.docs_url.as_deref().unwrap_or_default(),
            entry.causes.as_deref().unwrap_or_default(),
        ];
        for field in fields {
            text.push_str(field);
            ends.push(text.len());
        }
        http_status.push(u32::from(entry.http_status.unwrap_or(0)));
        class.push(u32::from(layout::class(entry.category, entry.retry, entry.severity)));
        sources.push(u32::from(layout::source_mask(&entry.sources)));
    }
    let end_digits = layout::end_digits(text.len());
    let mut packed = String::with_capacity(ends.len() * end_digits);
    for &end in &ends {
        // Writing to a `String` cannot fail.
        let _ = layout::write_end(&mut packed, end, end_digits);
    }
    let records_const = format_ident!("{}_RECORDS", product.static_prefix);
    let (text, ends, end_digits) = (lit(&text), lit(&packed), Literal::usize_unsuffixed(end_digits));
    let mut item: syn::ItemConst = syn::parse_quote! {
        const #records_const: __rt::__private::Records = __rt::__private::Records {
            text: #text,
            ends: #ends,
            end_digits: #end_digits,
            codes: &[],
            http_status: &[],
            class: &[],
            sources: &[],
        };
    };
    // Fill the four empty columns written last above, as syn nodes: as
    // tokens, 100k numbers would have to be parsed back.
    if let syn::Expr::Struct(fields) = &mut *item.expr {
        for (field, values) in fields.fields.iter_mut().skip(3).zip([codes, http_status, class, sources]) {
            if let syn::Expr::Reference(slice) = &mut field.expr {
                *slice.expr = array(values.into_iter().map(|value| {
                    let lit = syn::Lit::Int(Literal::u32_unsuffixed(value).into());
                    syn::Expr::Lit(syn::ExprLit { attrs: Vec::new(), lit })
                }));
            }
        }
    }
    item
}

/// `[a, b, …]`.
fn array(elems: impl Iterator<Item = syn::Expr>) -> syn::Expr {
    syn::Expr::Array(syn::ExprArray { attrs: Vec::new(), bracket_token: Default::default(), elems: elems.collect() })
}

/// One `#[doc]` attribute per line, printed as `///` comments.
fn doc_attrs(text: &str) -> Vec<syn::Attribute> {
    doc_line_texts(text)
        .iter()
        .map(|line| {
            let lit = syn::Lit::Str(syn::LitStr::new(line, Span::call_site()));
            let value = syn::Expr::Lit(syn::ExprLit { attrs: Vec::new(), lit });
            let path = syn::Path::from(ident("doc"));
            attribute(syn::Meta::NameValue(syn::MetaNameValue { path, eq_token: Default::default(), value }))
        })
        .collect()
}

/// `#[doc(alias = "…")]`.
fn alias_attr(alias: Literal) -> syn::Attribute {
    let path = syn::Path::from(ident("doc"));
    let delimiter = syn::MacroDelimiter::Paren(Default::default());
    attribute(syn::Meta::List(syn::MetaList { path, delimiter, tokens: quote!(alias = #alias) }))
}

fn attribute(meta: syn::Meta) -> syn::Attribute {
    syn::Attribute {
        pound_token: Default::default(),
        style: syn::AttrStyle::Outer,
        bracket_token: Default::default(),
        meta,
    }
}

fn enum_doc(vendor: &Vendor, product: &Product) -> String {
    let mut doc = match crate::names::vendor_prefix(&vendor.name, &product.name) {
        Some(vendor) => format!("{} {} errors.", md(vendor), md(&product.name)),
        None => format!("{} errors.", md(&product.name)),
    };
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
    doc.push_str("\n\nSources (an entry that names none comes from the first):");
    for source in &product.sources {
        doc.push_str(&format!("\n- `{}`: {}, checked {}", source.id, md(&source.url), source.checked));
    }
    doc
}

/// The codes rustdoc's search should find a variant by, as literals: its
/// code and aliases, where rustdoc accepts them as aliases (no quotes,
/// tabs, line breaks, or spaces at the ends) and they differ from the
/// variant's own name.
fn doc_aliases(entry: &Entry) -> Vec<Literal> {
    let code = match &entry.code {
        Code::Integer(n) => Some(n.to_string()),
        Code::String(s) => Some(s.clone()),
        Code::None => None,
    };
    let accepted = |alias: &String| {
        !alias.is_empty()
            && alias.trim() == alias
            && !alias.contains(['"', '\'', '\t', '\n', '\r', '\\'])
            && !alias.chars().any(char::is_control)
            && *alias != entry.variant
    };
    let mut aliases: Vec<String> = code.into_iter().chain(entry.aliases.iter().cloned()).filter(accepted).collect();
    aliases.dedup();
    aliases.iter().map(|a| lit(a)).collect()
}

fn variant_doc(product: &Product, entry: &Entry) -> String {
    let mut doc = String::new();
    match &entry.code {
        Code::Integer(n) => doc.push_str(&format!("Code `{n}`")),
        Code::String(s) => doc.push_str(&format!("Code {}", code_span(s, md))),
        Code::None => doc.push_str("Message only"),
    }
    if let Some(title) = &entry.title {
        doc.push_str(&format!(": **{}**", md(title)));
    }
    doc.push_str("\n\n");
    doc.push_str(&md(&entry.description));
    if let Some(causes) = &entry.causes {
        doc.push_str("\n\n*Causes:* ");
        doc.push_str(&md(causes));
    }
    if let Some(resolution) = &entry.resolution {
        doc.push_str("\n\n*Resolution:* ");
        doc.push_str(&md(resolution));
    }
    doc.push_str("\n\n");
    let mut facts = Vec::new();
    if entry.severity == Severity::Warning {
        facts.push("a warning".to_owned());
    }
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
    if let Some(withdrawn) = &entry.withdrawn {
        doc.push_str(&format!("\n\n*Withdrawn:* {}", md(withdrawn)));
    }
    if let Some(ids) = product.own_source_ids(entry) {
        let ids: Vec<String> = ids.iter().map(|id| format!("`{id}`")).collect();
        doc.push_str(&format!("\n\n*Sources:* {}", ids.join(", ")));
    }
    doc
}

/// Inline code that shows `text` exactly, whatever backticks it holds;
/// `otherwise(text)` where it cannot be a code span (empty, or only
/// spaces). The one rule for rustdoc and the Markdown reference alike.
pub(crate) fn code_span(text: &str, otherwise: fn(&str) -> String) -> String {
    if text.trim().is_empty() {
        return otherwise(text);
    }
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
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
    doc_line_texts(text).iter().map(|line| lit(line)).collect()
}

/// The values of [`doc_lines`].
fn doc_line_texts(text: &str) -> Vec<String> {
    // prettyplease drops the spaces a doc line ends with.
    text.split('\n')
        .map(str::trim_end)
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
            doc
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
