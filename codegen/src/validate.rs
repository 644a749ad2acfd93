//! Checks the loaded model and builds the IR, collecting every problem.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::Spanned;

use crate::diagnostic::{Diagnostic, FileId};
use crate::ident;
use crate::ir::{
    Catalog, Category, Code, CodeKind, CodeType, Entry, Product, ResponseShape, Retry, Severity, Source, Vendor,
};
use crate::load::{Loaded, LoadedProduct, LoadedVendor};
use crate::model::{self, CodeValue, ErrorEntry, PathList, SourceTable};
use crate::taxonomy::HTTP_STATUSES;

/// Builds the IR; `None` when any problem was reported into `diags`.
pub fn validate(loaded: Loaded, diags: &mut Vec<Diagnostic>) -> Option<Catalog> {
    let before = diags.len();
    let mut vendors = Vec::new();
    let mut modules: BTreeMap<String, String> = BTreeMap::new();
    for vendor in loaded.vendors {
        let dir = vendor.dir.clone();
        if let Some(v) = validate_vendor(vendor, diags) {
            if let Some(why) = ident::module_conflict(&v.module) {
                diags.push(
                    Diagnostic::path(
                        dir.clone(),
                        format!("vendor folder `{}` becomes module `{}`, {why}", v.id, v.module),
                    )
                    .help("rename the folder, e.g. to the vendor's brand name"),
                );
            }
            if let Some(first) = modules.insert(v.module.clone(), v.id.clone()) {
                diags.push(
                    Diagnostic::path(
                        dir,
                        format!("vendor folders `{first}` and `{}` both become module `{}`", v.id, v.module),
                    )
                    .help("rename one of the two folders"),
                );
            }
            vendors.push(v);
        }
    }
    vendors.sort_by(|a, b| a.id.cmp(&b.id));
    (diags.len() == before).then_some(Catalog { vendors })
}

fn validate_vendor(vendor: LoadedVendor, diags: &mut Vec<Diagnostic>) -> Option<Vendor> {
    if vendor.vendor_toml_missing {
        let mut diag = Diagnostic::path(
            vendor.dir.join("vendor.toml"),
            format!("vendor folder `{}` has no `vendor.toml`", vendor.id),
        )
        .help(format!(
            "create `{}` with `name = \"…\"` (and optionally `docs_url = \"…\"`)",
            vendor.dir.join("vendor.toml").display()
        ));
        if let Some(first) = vendor.products.first() {
            let span = first.header.as_ref().map_or(0..0, Spanned::span);
            diag = Diagnostic::at(
                first.file,
                span,
                format!("`{}` has no `vendor.toml`", vendor.dir.display()),
                "this product's vendor is not described",
            )
            .help(diag.help.unwrap_or_default());
        }
        diags.push(diag);
    }
    let module = ident::snake(&vendor.id);
    if module.is_none() {
        diags.push(Diagnostic::path(&vendor.dir, format!("vendor id `{}` cannot be made a module name", vendor.id)));
    }
    let mut products = Vec::new();
    let mut type_names: BTreeMap<String, (FileId, Range<usize>, String)> = BTreeMap::new();
    let mut static_names: BTreeMap<String, (FileId, Range<usize>, String)> = BTreeMap::new();
    for product in vendor.products {
        let Some(p) = validate_product(product, diags) else { continue };
        let (product, file, name_span) = p;
        let statics_collide = static_names
            .insert(product.static_prefix.clone(), (file, name_span.clone(), product.id.clone()))
            .filter(|(_, _, first_id)| type_names.get(&product.type_name).is_none_or(|(_, _, id)| id != first_id));
        if let Some((first_file, first_span, first_id)) = statics_collide {
            diags.push(
                Diagnostic::at(
                    file,
                    name_span.clone(),
                    format!(
                        "products `{first_id}` and `{}` both need statics named `{}_*`",
                        product.id, product.static_prefix
                    ),
                    "second product here",
                )
                .related(first_file, first_span, format!("`{first_id}` is here"))
                .help("give one of them a `rust_name = \"…\"` that differs in more than letter case"),
            );
        }
        if let Some((first_file, first_span, first_id)) =
            type_names.insert(product.type_name.clone(), (file, name_span.clone(), product.id.clone()))
        {
            diags.push(
                Diagnostic::at(
                    file,
                    name_span,
                    format!("products `{first_id}` and `{}` both become enum `{}`", product.id, product.type_name),
                    "second product here",
                )
                .related(first_file, first_span, format!("`{first_id}` is here"))
                .help("give one of them a different `rust_name = \"…\"` in `[product]`"),
            );
        }
        products.push(product);
    }
    let (file, vendor_file) = vendor.file?;
    check_url(file, vendor_file.docs_url.as_ref(), "docs_url", diags);
    products.sort_by(|a, b| a.id.cmp(&b.id));
    let before = diags.len();
    for host in &vendor_file.problem_hosts {
        let valid = !host.get_ref().is_empty()
            && host.get_ref().bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
        if !valid {
            diags.push(
                Diagnostic::at(file, host.span(), format!("`{}` is not a host name", host.get_ref()), "not a host")
                    .help("write the host alone, e.g. `\"developers.sinch.com\"`, without scheme or path"),
            );
        }
    }
    let has_hosts = !vendor_file.problem_hosts.is_empty();
    let responses = validate_responses(file, vendor.responses, &products, has_hosts, diags);
    let name = non_empty(file, &vendor_file.name, "name", diags)?;
    (diags.len() == before).then_some(())?;
    Some(Vendor {
        id: vendor.id,
        name,
        docs_url: vendor_file.docs_url.map(Spanned::into_inner),
        module: module?,
        products,
        responses,
        extra_problem_hosts: vendor_file.problem_hosts.into_iter().map(Spanned::into_inner).collect(),
    })
}

/// Checks the `[[response]]` shapes of a vendor: unique names, well-formed
/// paths, known code kinds and products.
fn validate_responses(
    file: FileId,
    shapes: Vec<Spanned<model::ResponseShape>>,
    products: &[Product],
    has_hosts: bool,
    diags: &mut Vec<Diagnostic>,
) -> Vec<ResponseShape> {
    let mut names: BTreeMap<String, Range<usize>> = BTreeMap::new();
    let mut out = Vec::new();
    let product_ids = || products.iter().map(|p| format!("`{}`", p.id)).collect::<Vec<_>>().join(", ");
    for shape in shapes {
        let shape = shape.into_inner();
        let before = diags.len();
        let name = shape.name.get_ref().clone();
        if !crate::load::is_valid_id(&name) {
            diags.push(
                Diagnostic::at(
                    file,
                    shape.name.span(),
                    format!("shape name `{name}` is not a valid name"),
                    "not a name",
                )
                .help("use lowercase ASCII letters, digits and `-`, e.g. `name = \"problem\"`"),
            );
        }
        if let Some(first) = names.insert(name.clone(), shape.name.span()) {
            diags.push(
                Diagnostic::at(file, shape.name.span(), format!("two shapes are named `{name}`"), "second shape here")
                    .related(file, first, "first shape here")
                    .help("give each `[[response]]` its own `name`"),
            );
        }
        let mut paths = |field: &str, list: Option<&Spanned<PathList>>| -> Vec<String> {
            let Some(list) = list else { return Vec::new() };
            if list.get_ref().0.is_empty() {
                diags.push(
                    Diagnostic::at(file, list.span(), format!("`{field}` is an empty list"), "no path")
                        .help(format!("name at least one path, or leave `{field}` out")),
                );
            }
            for path in &list.get_ref().0 {
                if let Err(why) = crate::ir::check_path(path) {
                    diags.push(
                        Diagnostic::at(file, list.span(), format!("`{field}` path `{path}` is malformed: {why}"), "here")
                            .help("write member names joined by `.`, with `[]` after an array's name, e.g. `\"messages[].status\"`"),
                    );
                }
            }
            list.get_ref().0.clone()
        };
        let code = paths("code", shape.code.as_ref());
        let message = paths("message", shape.message.as_ref());
        let request_id = paths("request_id", shape.request_id.as_ref());
        let instance = paths("instance", shape.instance.as_ref());
        let reference = paths("reference", shape.reference.as_ref());
        let invalid_parameters = paths("invalid_parameters", shape.invalid_parameters.as_ref());
        let status = paths("status", shape.status.as_ref());
        let requires = paths("requires", shape.requires.as_ref());
        // A status is judged beside the code of its own array element.
        let array = |path: &String| path.find("[]").map(|end| path[..end + 2].to_owned());
        if let Some(list) = &shape.status {
            let code_arrays: Vec<String> = code.iter().filter_map(array).collect();
            let well_formed = status.iter().filter(|path| crate::ir::check_path(path).is_ok());
            for walked in well_formed.filter_map(array) {
                if !code_arrays.contains(&walked) {
                    diags.push(
                        Diagnostic::at(
                            file,
                            list.span(),
                            format!("`status` walks `{walked}`, but the code is not read from that array"),
                            "here",
                        )
                        .help(format!(
                            "read the code from the same array (`code = \"{walked}.…\"`), or the status from outside it"
                        )),
                    );
                }
            }
        }
        if code.is_empty() && requires.is_empty() {
            diags.push(
                Diagnostic::at(file, shape.name.span(), format!("shape `{name}` has neither `code` nor `requires`"), "this shape")
                    .help("say where the code is (`code = \"…\"`), or which members a body of this shape always has (`requires = [\"…\"]`)"),
            );
        }
        let code_kind = match &shape.code_kind {
            None => CodeKind::Code,
            Some(kind) => match CodeKind::ALL.iter().find(|(id, _)| id == kind.get_ref()) {
                Some(&(_, kind)) => kind,
                None => {
                    diags.push(
                        Diagnostic::at(
                            file,
                            kind.span(),
                            format!("unknown code kind `{}`", kind.get_ref()),
                            "not a code kind",
                        )
                        .help("use `\"code\"`, `\"problem-type\"` or `\"message\"`"),
                    );
                    CodeKind::Code
                }
            },
        };
        if code_kind == CodeKind::ProblemType && !has_hosts && !products.iter().any(|p| p.problem_type.is_some()) {
            diags.push(
                Diagnostic::at(
                    file,
                    shape.name.span(),
                    format!("shape `{name}` reads problem types, but the vendor has no problem type hosts"),
                    "this shape",
                )
                .help("add `problem_type = \"https://…#{code}\"` to the products whose URLs these are, or `problem_hosts = [\"…\"]` to `vendor.toml`"),
            );
        }
        let mut known = |id: &Spanned<String>| {
            if products.iter().any(|p| &p.id == id.get_ref()) {
                return;
            }
            diags.push(
                Diagnostic::at(
                    file,
                    id.span(),
                    format!("no product `{}` in this vendor", id.get_ref()),
                    "unknown product",
                )
                .help(format!("use one of {}", product_ids())),
            );
        };
        shape.product.iter().for_each(&mut known);
        shape.products.iter().flatten().for_each(&mut known);
        for success in &shape.success {
            if success.get_ref().trim().is_empty() {
                diags.push(
                    Diagnostic::at(file, success.span(), "a `success` code is empty", "empty text")
                        .help("write the code or status the vendor sends on success, e.g. `success = [\"0\"]`"),
                );
            }
        }
        if diags.len() != before {
            continue;
        }
        out.push(ResponseShape {
            name,
            code,
            code_kind,
            message,
            request_id,
            instance,
            reference,
            invalid_parameters,
            status,
            requires,
            success: shape.success.into_iter().map(Spanned::into_inner).collect(),
            product: shape.product.map(Spanned::into_inner),
            products: shape.products.map(|list| list.into_iter().map(Spanned::into_inner).collect()),
        });
    }
    out
}

/// Checks a `type` URL template: an http(s) URL with exactly one `{code}`.
fn check_template(file: FileId, template: &Spanned<String>, field: &str, diags: &mut Vec<Diagnostic>) {
    check_url(file, Some(template), field, diags);
    let text = template.get_ref();
    match text.matches("{code}").count() {
        1 => {
            let parts = crate::problem_url::UrlParts::split(text.as_bytes());
            let in_place =
                parts.fragment.is_some_and(crate::problem_url::has_code) || crate::problem_url::has_code(parts.path);
            if !in_place {
                diags.push(
                    Diagnostic::at(
                        file,
                        template.span(),
                        format!("`{field}` has `{{code}}` where no URL is compared"),
                        "in the host or the query",
                    )
                    .help("put `{code}` in the path or after `#`: hosts are compared whole and queries are ignored"),
                );
            }
        }
        0 => {
            let help = if text.contains('{') {
                "write `{code}` where the code goes; it is the only placeholder".to_owned()
            } else {
                let base = text.rsplit_once('#').map_or(text.as_str(), |(base, _)| base);
                let example = format!("\"{base}#{{code}}\"");
                let example = if field == "problem_type" { example } else { format!("[{example}]") };
                format!("write `{{code}}` where the code goes, e.g. `{field} = {example}`")
            };
            diags.push(
                Diagnostic::at(
                    file,
                    template.span(),
                    format!("`{field}` has no `{{code}}` placeholder"),
                    "missing `{code}`",
                )
                .help(help),
            );
        }
        _ => diags.push(
            Diagnostic::at(
                file,
                template.span(),
                format!("`{field}` has `{{code}}` more than once"),
                "one URL has one code",
            )
            .help("keep one `{code}`, where the code goes"),
        ),
    }
}

/// Checks that an optional URL field holds an `http(s)://` address with no
/// spaces or control characters (it is printed into docs and links).
fn check_url(file: FileId, value: Option<&Spanned<String>>, field: &str, diags: &mut Vec<Diagnostic>) {
    let Some(value) = value else { return };
    let url = value.get_ref();
    let has_scheme = url.starts_with("https://") || url.starts_with("http://");
    if !has_scheme || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        diags.push(
            Diagnostic::at(file, value.span(), format!("`{field}` is not an http(s) URL"), "expected `https://…`")
                .help("write the full address, starting with `https://`, without spaces or line breaks"),
        );
    }
}

fn non_empty(file: FileId, value: &Spanned<String>, field: &str, diags: &mut Vec<Diagnostic>) -> Option<String> {
    if value.get_ref().trim().is_empty() {
        diags.push(
            Diagnostic::at(file, value.span(), format!("`{field}` is empty"), "empty text")
                .help(format!("write the {field} as the vendor does")),
        );
        return None;
    }
    Some(value.get_ref().clone())
}

fn validate_product(product: LoadedProduct, diags: &mut Vec<Diagnostic>) -> Option<(Product, FileId, Range<usize>)> {
    let file = product.file;
    let header = product.header?;
    let header_span = header.span();
    let header = header.into_inner();
    let before = diags.len();

    let code_type = match CodeType::from_id(header.code_type.get_ref()) {
        Some(code_type) => Some(code_type),
        None => {
            let other = header.code_type.get_ref();
            diags.push(
                Diagnostic::at(
                    file,
                    header.code_type.span(),
                    format!("unknown code type `{other}`"),
                    "not a code type",
                )
                .help(format!("use {}", quoted_list(CodeType::ALL.iter().map(|t| t.as_str())))),
            );
            None
        }
    };
    check_url(file, header.docs_url.as_ref(), "docs_url", diags);
    if let Some(template) = &header.problem_type {
        check_template(file, template, "problem_type", diags);
    }
    for template in &header.problem_type_aliases {
        check_template(file, template, "problem_type_aliases", diags);
    }
    if header.problem_type.is_none()
        && let Some(first) = header.problem_type_aliases.first()
    {
        diags.push(
            Diagnostic::at(
                file,
                first.span(),
                "`problem_type_aliases` without a `problem_type`",
                "an alias of nothing",
            )
            .help("write the vendor's current template as `problem_type`, and older forms as aliases"),
        );
    }
    let name = non_empty(file, &header.name, "name", diags);
    let (type_name, name_span) = match &header.rust_name {
        Some(rust_name) => {
            if !ident::is_upper_camel(rust_name.get_ref()) {
                diags.push(
                    Diagnostic::at(
                        file,
                        rust_name.span(),
                        format!("enum name `{}` is not an UpperCamelCase Rust identifier", rust_name.get_ref()),
                        "not a legal enum name",
                    )
                    .help(match ident::upper_camel(rust_name.get_ref()) {
                        Some(suggestion) => format!("try `rust_name = \"{suggestion}\"`"),
                        None => "use ASCII letters and digits, starting with a capital".to_owned(),
                    }),
                );
            }
            (rust_name.get_ref().clone(), rust_name.span())
        }
        None => match ident::upper_camel(&product.id) {
            Some(name) if !name.starts_with('_') => (name, header_span.clone()),
            derived => {
                let label = match derived {
                    Some(name) => format!("the derived enum name would be `{name}`"),
                    None => "no enum name can be derived".to_owned(),
                };
                diags.push(
                    Diagnostic::at(
                        file,
                        header_span.clone(),
                        format!("product id `{}` does not make a readable enum name", product.id),
                        label,
                    )
                    .help("add `rust_name = \"SomeName\"` (UpperCamelCase) to `[product]`"),
                );
                (String::new(), header_span.clone())
            }
        },
    };

    if product.entry_count == 0 {
        diags.push(
            Diagnostic::at(
                file,
                header_span.clone(),
                format!("product `{}` has no entries", product.id),
                "this product has no `[[error]]` entry",
            )
            .help("add at least one `[[error]]` entry, or leave the file out until there is one"),
        );
    }
    let sources = validate_sources(file, product.sources, diags);
    let source_ids: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    let mut entries = Vec::new();
    let mut codes: BTreeMap<Code, Range<usize>> = BTreeMap::new();
    let mut variants: BTreeMap<String, Range<usize>> = BTreeMap::new();
    for entry in product.errors {
        let Some(code_type) = code_type else { break };
        let entry_span = entry.span();
        // Duplicates are looked for even among entries with other problems.
        let checked = validate_entry(file, code_type, &source_ids, entry.into_inner(), entry_span, diags);
        let what = if code_type == CodeType::None { "message" } else { "code" };
        if let Some((key, code_span)) = checked.key
            && let Some(first) = codes.insert(key.clone(), code_span.clone())
        {
            let shown = match &key {
                Code::Integer(n) => n.to_string(),
                Code::String(s) => s.clone(),
                Code::None => String::new(),
            };
            diags.push(
                Diagnostic::at(file, code_span, format!("duplicate {what} `{shown}`"), format!("{what} used again"))
                    .related(file, first.clone(), "first used here")
                    .help(format!("each {what} may appear once per product; remove or merge one entry")),
            );
            // Later duplicates point at the first use too.
            codes.insert(key, first);
        }
        if let Some((variant, variant_span)) = checked.variant
            && let Some(first) = variants.insert(variant.clone(), variant_span.clone())
        {
            diags.push(
                Diagnostic::at(
                    file,
                    variant_span,
                    format!("two entries become variant `{variant}`"),
                    "this entry's name",
                )
                .related(file, first.clone(), "collides with this entry")
                .help("give one of them a different `name = \"…\"`"),
            );
            variants.insert(variant, first);
        }
        for (alias, alias_span) in checked.aliases {
            if let Some(first) = codes.insert(Code::String(alias.clone()), alias_span.clone()) {
                diags.push(
                    Diagnostic::at(file, alias_span, format!("alias `{alias}` is already a code"), "alias here")
                        .related(file, first.clone(), "first used here")
                        .help("an alias must differ from every code and alias of the product; remove it"),
                );
                codes.insert(Code::String(alias), first);
            }
        }
        entries.extend(checked.entry);
    }
    if diags.len() != before {
        return None;
    }
    let static_prefix = ident::screaming_from_camel(&type_name);
    Some((
        Product {
            id: product.id,
            name: name?,
            code_type: code_type?,
            docs_url: header.docs_url.map(Spanned::into_inner),
            problem_type: header.problem_type.map(Spanned::into_inner),
            problem_type_aliases: header.problem_type_aliases.into_iter().map(Spanned::into_inner).collect(),
            type_name,
            static_prefix,
            sources,
            entries,
        },
        file,
        name_span,
    ))
}

/// One entry, checked.
struct Checked {
    /// The entry, when it has no problem.
    entry: Option<Entry>,
    /// Its lookup key (the code, or the message of a message-only entry)
    /// and where it is written, whenever it is known.
    key: Option<(Code, Range<usize>)>,
    /// Its variant name and where it comes from, whenever it is known.
    variant: Option<(String, Range<usize>)>,
    /// Its aliases and where each is written.
    aliases: Vec<(String, Range<usize>)>,
}

/// Checks an entry, reporting every problem.
fn validate_entry(
    file: FileId,
    code_type: CodeType,
    source_ids: &[&str],
    raw: ErrorEntry,
    entry_span: Range<usize>,
    diags: &mut Vec<Diagnostic>,
) -> Checked {
    let before = diags.len();
    check_url(file, raw.docs_url.as_ref(), "docs_url", diags);
    check_url(file, raw.completed_from.as_ref(), "completed_from", diags);
    let aliases: Vec<(String, Range<usize>)> = raw.aliases.iter().map(|a| (a.get_ref().clone(), a.span())).collect();
    if code_type != CodeType::String
        && let Some(first) = raw.aliases.first()
    {
        diags.push(
            Diagnostic::at(
                file,
                first.span(),
                "`aliases` are for string codes",
                "in a product whose codes are not strings",
            )
            .help("leave `aliases` out, or use them in a product with `code_type = \"string\"`"),
        );
    }
    for alias in &raw.aliases {
        if alias.get_ref().is_empty() || alias.get_ref().trim() != alias.get_ref() {
            diags.push(
                Diagnostic::at(file, alias.span(), "an alias is empty or has surrounding spaces", "this alias")
                    .help("write the code exactly as the vendor sends it"),
            );
        }
    }
    let sources = entry_sources(file, source_ids, &raw.source, diags);
    // The `[[error]]` line.
    let header_span = entry_span;
    let code = match (code_type, &raw.code) {
        (CodeType::Integer, Some(code)) => match code.get_ref() {
            CodeValue::Integer(n) => match u32::try_from(*n) {
                Ok(n) => Some(Code::Integer(n)),
                Err(_) => {
                    diags.push(
                        Diagnostic::at(
                            file,
                            code.span(),
                            format!("code `{n}` is out of range"),
                            "not in 0..=4294967295",
                        )
                        .help("numeric codes are unsigned 32-bit integers"),
                    );
                    None
                }
            },
            CodeValue::String(s) => {
                let mut diag = Diagnostic::at(
                    file,
                    code.span(),
                    format!("code `\"{s}\"` is a string, but this product's `code_type` is `integer`"),
                    "expected an integer",
                );
                diag.help = Some(match s.parse::<u32>() {
                    Ok(n) => format!("write `code = {n}` without quotes"),
                    Err(_) => "change `code_type` to `\"string\"` or write the code as an integer".to_owned(),
                });
                diags.push(diag);
                None
            }
        },
        (CodeType::String, Some(code)) => match code.get_ref() {
            CodeValue::String(s) if s.is_empty() => {
                diags.push(Diagnostic::at(file, code.span(), "code is empty", "empty code"));
                None
            }
            CodeValue::String(s) => Some(Code::String(s.clone())),
            CodeValue::Integer(n) => {
                diags.push(
                    Diagnostic::at(
                        file,
                        code.span(),
                        format!("code `{n}` is an integer, but this product's `code_type` is `string`"),
                        "expected a string",
                    )
                    .help(format!("write `code = \"{n}\"`")),
                );
                None
            }
        },
        (CodeType::None, Some(code)) => {
            diags.push(
                Diagnostic::at(
                    file,
                    code.span(),
                    "this product's `code_type` is `none`, so entries have no `code`",
                    "unexpected code",
                )
                .help("remove `code`: message-only entries are found by their `description`"),
            );
            None
        }
        (CodeType::None, None) => Some(Code::None),
        (_, None) => {
            let help = if code_type == CodeType::Integer {
                "add `code = 1234`, the number the vendor sends"
            } else {
                "add `code = \"…\"`, the code the vendor sends"
            };
            diags.push(
                Diagnostic::at(file, header_span.clone(), "missing field `code`", "this entry has no `code`")
                    .help(help),
            );
            None
        }
    };
    let code_span = raw.code.as_ref().map_or(raw.description.span(), Spanned::span);

    let description = non_empty(file, &raw.description, "description", diags);
    for (field, value) in
        [("title", &raw.title), ("resolution", &raw.resolution), ("causes", &raw.causes), ("withdrawn", &raw.withdrawn)]
    {
        if let Some(value) = value {
            non_empty(file, value, field, diags);
        }
    }

    let http_status = match &raw.http_status {
        Some(status) => match u16::try_from(*status.get_ref()) {
            Ok(s) if HTTP_STATUSES.contains(&s) => Some(s),
            _ => {
                diags.push(
                    Diagnostic::at(
                        file,
                        status.span(),
                        format!("invalid HTTP status `{}`", status.get_ref()),
                        not_an_http_status(),
                    )
                    .help("use the status the vendor documents, or leave `http_status` out"),
                );
                None
            }
        },
        None => None,
    };

    let category = match Category::from_id(raw.category.get_ref()) {
        Some(c) => Some(c),
        None => {
            diags.push(
                Diagnostic::at(
                    file,
                    raw.category.span(),
                    format!("unknown category `{}`", raw.category.get_ref()),
                    "not a category",
                )
                .help(
                    match Category::ALL.iter().find(|c| c.as_str().eq_ignore_ascii_case(raw.category.get_ref())) {
                        Some(c) => format!("categories are lowercase: write `category = \"{}\"`", c.as_str()),
                        None => format!("use one of {}", crate::load::categories()),
                    },
                ),
            );
            None
        }
    };
    let retry = match &raw.retry {
        Some(retry) => match Retry::from_id(retry.get_ref()) {
            Some(r) => Some(r),
            None => {
                diags.push(
                    Diagnostic::at(
                        file,
                        retry.span(),
                        format!("unknown retry advice `{}`", retry.get_ref()),
                        "not a retry advice",
                    )
                    .help(format!(
                        "use one of {}, or leave `retry` out for the category's default",
                        Retry::ALL.iter().map(|r| format!("`{}`", r.as_str())).collect::<Vec<_>>().join(", ")
                    )),
                );
                None
            }
        },
        None => category.map(Category::default_retry),
    };

    let severity = match &raw.severity {
        Some(severity) => match Severity::from_id(severity.get_ref()) {
            Some(s) => Some(s),
            None => {
                diags.push(
                    Diagnostic::at(
                        file,
                        severity.span(),
                        format!("unknown severity `{}`", severity.get_ref()),
                        "not a severity",
                    )
                    .help("use `\"error\"` or `\"warning\"`, or leave `severity` out for an error"),
                );
                None
            }
        },
        None => Some(Severity::Error),
    };

    let variant = variant_name(file, code_type, &raw, header_span, diags);
    let key = match (&code, &description) {
        (Some(Code::None), Some(message)) => Some((Code::String(message.clone()), code_span)),
        (Some(Code::None), None) | (None, _) => None,
        (Some(code), _) => Some((code.clone(), code_span)),
    };

    let entry = match (code, description, category, retry, severity, &variant) {
        (Some(code), Some(description), Some(category), Some(retry), Some(severity), Some((variant, _)))
            if diags.len() == before =>
        {
            Some(Entry {
                code,
                variant: variant.clone(),
                title: raw.title.map(Spanned::into_inner),
                description,
                resolution: raw.resolution.map(Spanned::into_inner),
                causes: raw.causes.map(Spanned::into_inner),
                severity,
                http_status,
                category,
                retry,
                docs_url: raw.docs_url.map(Spanned::into_inner),
                aliases: raw.aliases.into_iter().map(Spanned::into_inner).collect(),
                note: raw.note.map(Spanned::into_inner),
                completed_from: raw.completed_from.map(Spanned::into_inner),
                withdrawn: raw.withdrawn.map(Spanned::into_inner),
                sources,
            })
        }
        _ => None,
    };
    Checked { entry, key, variant, aliases }
}

/// Checks a product's `[[source]]` tables: at most
/// [`MAX_SOURCES`](crate::layout::MAX_SOURCES), each with a unique id, a
/// URL and a real date.
fn validate_sources(file: FileId, tables: Vec<Spanned<SourceTable>>, diags: &mut Vec<Diagnostic>) -> Vec<Source> {
    let mut ids: BTreeMap<String, Range<usize>> = BTreeMap::new();
    let mut sources = Vec::new();
    for (position, table) in tables.into_iter().enumerate() {
        let span = table.span();
        let table = table.into_inner();
        if position == crate::layout::MAX_SOURCES {
            diags.push(
                Diagnostic::at(
                    file,
                    span.clone(),
                    format!("more than {} sources", crate::layout::MAX_SOURCES),
                    "one too many",
                )
                .help("name one source per repository or site, and the files in the entries' `note`"),
            );
        }
        let id = table.id.get_ref();
        if !crate::load::is_valid_id(id) {
            diags.push(
                Diagnostic::at(file, table.id.span(), format!("source id `{id}` is not a valid id"), "not an id")
                    .help("ids are lowercase ASCII letters, digits and `-`, e.g. `\"errors-page\"`"),
            );
        }
        if let Some(first) = ids.get(id) {
            diags.push(
                Diagnostic::at(file, table.id.span(), format!("duplicate source `{id}`"), "used again")
                    .related(file, first.clone(), "first used here")
                    .help("give each `[[source]]` of the file its own id"),
            );
        } else {
            ids.insert(id.clone(), table.id.span());
        }
        check_url(file, Some(&table.url), "url", diags);
        if !is_date(table.checked.get_ref()) {
            diags.push(
                Diagnostic::at(
                    file,
                    table.checked.span(),
                    format!("`checked` is not a date: `{}`", table.checked.get_ref()),
                    "expected `\"YYYY-MM-DD\"`",
                )
                .help("write the day the catalog was last compared with the source, e.g. `checked = \"2026-12-02\"`"),
            );
        }
        sources.push(Source {
            id: table.id.into_inner(),
            url: table.url.into_inner(),
            checked: table.checked.into_inner(),
        });
    }
    sources
}

/// Whether `text` is a calendar date written `YYYY-MM-DD`.
fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |range: Range<usize>| {
        let part = bytes.get(range)?;
        part.iter().all(u8::is_ascii_digit).then(|| part.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let (Some(year), Some(month), Some(day)) = (digits(0..4), digits(5..7), digits(8..10)) else { return false };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    bytes.len() == 10 && bytes[4] == b'-' && bytes[7] == b'-' && (1..=days).contains(&day)
}

/// The positions of an entry's sources among the product's, in the
/// product's order; the first source when the entry names none (and none
/// when the product has none).
fn entry_sources(file: FileId, ids: &[&str], named: &[Spanned<String>], diags: &mut Vec<Diagnostic>) -> Vec<u8> {
    if named.is_empty() {
        return if ids.is_empty() { Vec::new() } else { vec![0] };
    }
    let mut positions = Vec::new();
    for id in named {
        match ids.iter().position(|known| *known == id.get_ref()) {
            Some(at) if positions.contains(&at) => diags.push(
                Diagnostic::at(file, id.span(), format!("source `{}` is named twice", id.get_ref()), "again")
                    .help("name each source once"),
            ),
            Some(at) => positions.push(at),
            None => {
                let help = match crate::load::did_you_mean(id.get_ref(), ids) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None if ids.is_empty() => "add a `[[source]]` table with this id after `[product]`".to_owned(),
                    None => {
                        let mut known: Vec<&str> = ids.to_vec();
                        known.sort_unstable();
                        known.dedup();
                        format!(
                            "use one of {}, or add a `[[source]]` table with this id",
                            quoted_list(known.into_iter())
                        )
                    }
                };
                diags.push(
                    Diagnostic::at(
                        file,
                        id.span(),
                        format!("unknown source `{}`", id.get_ref()),
                        "not a `[[source]]` of this file",
                    )
                    .help(help),
                );
            }
        }
    }
    positions.sort_unstable();
    positions.into_iter().filter_map(|at| u8::try_from(at).ok()).collect()
}

/// The variant name: explicit `name`, else derived from a string code,
/// else from `title`.
fn variant_name(
    file: FileId,
    code_type: CodeType,
    raw: &ErrorEntry,
    header_span: Range<usize>,
    diags: &mut Vec<Diagnostic>,
) -> Option<(String, Range<usize>)> {
    if let Some(name) = &raw.name {
        if ident::is_upper_camel(name.get_ref()) {
            return Some((name.get_ref().clone(), name.span()));
        }
        let text = name.get_ref();
        let suggestion = ident::upper_camel(text).filter(|s| ident::is_upper_camel(s) && s != text);
        let (message, help) = if ident::is_keyword(text) {
            (
                format!("variant name `{text}` is a Rust keyword"),
                format!("choose another name, e.g. `name = \"{text}Error\"`"),
            )
        } else if ident::RESERVED_VARIANTS.contains(&text.as_str()) {
            (
                format!("variant name `{text}` is reserved: the generated enum defines `{text}` itself"),
                match suggestion {
                    Some(s) => format!("try `name = \"{s}\"`"),
                    None => "choose another name".to_owned(),
                },
            )
        } else {
            (
                format!("variant name `{text}` is not an UpperCamelCase Rust identifier"),
                match suggestion {
                    Some(s) => format!("try `name = \"{s}\"`"),
                    None => "use ASCII letters and digits, starting with a capital letter, e.g. `name = \"SomeName\"`"
                        .to_owned(),
                },
            )
        };
        diags.push(Diagnostic::at(file, name.span(), message, "not a legal variant name").help(help));
        return None;
    }
    let source = match (code_type, &raw.code, &raw.title) {
        (CodeType::String, Some(code), _) => match code.get_ref() {
            CodeValue::String(s) => Some((s.as_str(), code.span(), "code")),
            CodeValue::Integer(_) => return None, // the code is reported
        },
        (CodeType::None, Some(_), _) => return None, // the code is reported
        (_, _, Some(title)) => Some((title.get_ref().as_str(), title.span(), "title")),
        _ => None,
    };
    let Some((text, span, from)) = source else {
        let why = if code_type == CodeType::Integer { "an integer code" } else { "a message-only entry" };
        diags.push(
            Diagnostic::at(
                file,
                header_span,
                "entry has no variant name",
                format!("{why} needs a `name` or a `title`"),
            )
            .help("add `name = \"SomeName\"` (UpperCamelCase), or a `title` to derive it from"),
        );
        return None;
    };
    match ident::upper_camel(text) {
        Some(name) if !ident::RESERVED_VARIANTS.contains(&name.as_str()) => Some((name, span)),
        Some(name) => {
            diags.push(
                Diagnostic::at(
                    file,
                    span,
                    format!("{from} `{text}` gives variant name `{name}`, which the generated enum defines itself"),
                    "derived name is reserved",
                )
                .help("add `name = \"SomeName\"` (UpperCamelCase) to this entry"),
            );
            None
        }
        None => {
            diags.push(
                Diagnostic::at(
                    file,
                    span.clone(),
                    format!("cannot make a Rust identifier from {from} `{text}`"),
                    "no ASCII letter or digit to build a name from",
                )
                .help("add `name = \"SomeName\"` (UpperCamelCase) to this entry"),
            );
            None
        }
    }
}

/// The label of a diagnostic on a status outside [`HTTP_STATUSES`].
pub(crate) fn not_an_http_status() -> String {
    format!("not in {}..={}", HTTP_STATUSES.start(), HTTP_STATUSES.end())
}

/// TOML strings for a help line: `` `"a"`, `"b"` or `"c"` ``.
fn quoted_list<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    let quoted: Vec<String> = ids.map(|id| format!("`\"{id}\"`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}
