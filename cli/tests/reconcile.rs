//! The reconciliation report: for every machine-readable vendor source kept in
//! `data/`, the codes it carries that the bundled catalog lacks, the catalog's
//! codes it does not carry, and the HTTP statuses on which the two disagree.
//!
//! The report is committed as `catalog/RECONCILIATION.md`, so a vendor update
//! is a diff to read. This test fails when the committed copy is stale;
//! regenerate with `UPDATE_EXPECT=1 cargo test -p errcat --test reconcile`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use errcat_codegen::import::{Dictionary, Key, read_openapi, read_twilio};
use errors_runtime::{ErrorInfo, ProductInfo};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A recorded source: where it is kept, what it is, and how to read it.
struct Source {
    vendor: &'static str,
    path: String,
    origin: &'static str,
    /// Where the vendor publishes it: the `url` of the `[[source]]` that
    /// catalog entries name it by.
    url: String,
    /// The product id of an OpenAPI document; `None` for Twilio's dictionary.
    openapi_product: Option<&'static str>,
}

impl Source {
    fn read(&self) -> Dictionary {
        let text = std::fs::read_to_string(root().join(&self.path)).unwrap_or_else(|e| panic!("{}: {e}", self.path));
        let read = match self.openapi_product {
            Some(id) => read_openapi(&text, id),
            None => read_twilio(&text),
        };
        read.unwrap_or_else(|e| panic!("{}: {e}", self.path))
    }
}

fn sources() -> Vec<Source> {
    let vonage = [
        ("sms.yml", "sms"),
        ("messages-olympus.yml", "messages"),
        ("redact.yml", "redact"),
        ("reports.yml", "reports"),
    ];
    let twilio = [
        ("2022-11", "twilio-error-codes.json, copy in umeshthakre/otp-sender-backend@7f3d4dbf (2022-11-07)"),
        ("2019-11", "twilio-error-codes.json, copy in men232/twilio-error-codes@7cd52b39 (2019-11-29)"),
    ];
    let vonage = vonage.into_iter().map(|(file, id)| Source {
        vendor: "vonage",
        path: format!("data/vonage-api-specification/{file}"),
        origin: "Nexmo/api-specification@ad042003 (2021-07-14)",
        url: format!(
            "https://github.com/Nexmo/api-specification/blob/ad042003e946f5d99512cda2a8601488c8e863e5/definitions/{file}"
        ),
        openapi_product: Some(id),
    });
    let twilio = twilio.into_iter().map(|(date, origin)| Source {
        vendor: "twilio",
        path: format!("data/twilio/twilio-error-codes-{date}.json"),
        origin,
        url: errcat_codegen::import::TWILIO_DICTIONARY_URL.to_owned(),
        openapi_product: None,
    });
    vonage.chain(twilio).collect()
}

/// The bundled entry for `key` in `product` (its code or an alias).
fn find(product: &'static ProductInfo, key: &Key) -> Option<ErrorInfo> {
    product.find(&key.to_string())
}

fn product(vendor: &str, id: &str) -> Option<&'static ProductInfo> {
    errors_runtime::products().iter().copied().find(|p| p.vendor().id() == vendor && p.id() == id)
}

/// What one source says against the catalog, for one product (or, for a
/// whole-vendor dictionary, for the vendor).
#[derive(Default)]
struct Tally {
    in_source: usize,
    found: usize,
    missing: Vec<String>,
    /// The catalog's entries of the compared products that the source lacks.
    extra: Vec<String>,
    /// `code: source status vs catalog status`.
    status: Vec<String>,
    /// Codes found in another product than the source files them under.
    moved: Vec<String>,
}

fn code_of(info: ErrorInfo) -> String {
    let code = info.code();
    code.as_u32().map(|n| n.to_string()).or_else(|| code.as_str().map(str::to_owned)).unwrap_or_default()
}

fn compare(vendor: &str, dictionary: &Dictionary) -> BTreeMap<String, Tally> {
    let mut out: BTreeMap<String, Tally> = BTreeMap::new();
    let vendor_products: Vec<&'static ProductInfo> =
        errors_runtime::products().iter().copied().filter(|p| p.vendor().id() == vendor).collect();
    let mut seen: BTreeSet<(&'static str, usize)> = BTreeSet::new();
    for (id, source) in &dictionary.products {
        let tally = out.entry(id.clone()).or_default();
        let own = product(vendor, id);
        for (key, texts) in &source.entries {
            tally.in_source += 1;
            let hit = own.and_then(|p| find(p, key)).or_else(|| {
                // A whole-vendor dictionary's codes are unique across products,
                // so an entry filed elsewhere in the catalog still counts.
                if !dictionary.whole_vendor {
                    return None;
                }
                let other = vendor_products.iter().find_map(|p| find(p, key))?;
                tally.moved.push(format!("{key} (catalog: {})", other.product_id()));
                Some(other)
            });
            let Some(info) = hit else {
                tally.missing.push(key.to_string());
                continue;
            };
            tally.found += 1;
            seen.insert((info.product_id(), info.position()));
            if let Some(stated) = texts.http_status
                && info.http_status() != Some(stated)
            {
                let kept = info.http_status().map_or("none".to_owned(), |s| s.to_string());
                tally.status.push(format!("{key}: source {stated}, catalog {kept}"));
            }
        }
    }
    // The reverse: catalog entries of the compared products that no source code reached.
    let compared: Vec<&'static ProductInfo> = if dictionary.whole_vendor {
        vendor_products
    } else {
        dictionary.products.keys().filter_map(|id| product(vendor, id)).collect()
    };
    for p in compared {
        for info in p.entries() {
            if !seen.contains(&(info.product_id(), info.position())) {
                let home =
                    if dictionary.products.contains_key(p.id()) { p.id().to_owned() } else { String::from("(none)") };
                out.entry(home).or_default().extra.push(format!("{}/{}", p.id(), code_of(info)));
            }
        }
    }
    out
}

fn list(items: &[String]) -> String {
    if items.is_empty() { "–".to_owned() } else { items.join(", ") }
}

fn report() -> String {
    let mut out = String::new();
    out.push_str(
        "<!-- @generated by `UPDATE_EXPECT=1 cargo test -p errcat --test reconcile`. Do not edit. -->\n\
         # Reconciliation: the bundled catalog against its recorded sources\n\n\
         For each machine-readable source kept in `data/`, per product: how many codes the source \
         carries, how many of them the catalog has (as a code or an alias), the codes it lacks, the \
         catalog's codes the source does not carry, and where the two state different HTTP statuses \
         (\"catalog none\" means the catalog states none). The seed pages the catalogs were first written \
         from are prose, not data, and are not compared here.\n",
    );
    let (mut total, mut found) = (0, 0);
    for source in sources() {
        let dictionary = source.read();
        let tallies = compare(source.vendor, &dictionary);
        let in_source: usize = tallies.values().map(|t| t.in_source).sum();
        let hits: usize = tallies.values().map(|t| t.found).sum();
        total += in_source;
        found += hits;
        let _ = write!(
            out,
            "\n## {} `{}`\n\n{}. {hits} of {in_source} codes in the catalog ({:.1} %).\n\n\
             | product | in source | in catalog | missing from catalog | not in source | HTTP status differs |\n\
             |---|---|---|---|---|---|\n",
            source.vendor,
            source.path,
            source.origin,
            percent(hits, in_source),
        );
        for (id, t) in &tallies {
            let _ = writeln!(
                out,
                "| {id} | {} | {} | {} | {} | {} |",
                t.in_source,
                t.found,
                list(&t.missing),
                t.extra.len(),
                list(&t.status)
            );
        }
        let moved: Vec<&String> = tallies.values().flat_map(|t| &t.moved).collect();
        if !moved.is_empty() {
            let _ = writeln!(
                out,
                "\n{} codes are filed under another product than the source's: {}.",
                moved.len(),
                moved.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
            );
        }
        let extra: Vec<&String> = tallies.values().flat_map(|t| &t.extra).collect();
        if !extra.is_empty() && !dictionary.whole_vendor {
            let _ = writeln!(
                out,
                "\nIn the catalog, not in this source: {}.",
                extra.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
            );
        }
    }
    let _ = writeln!(
        out,
        "\n## In all\n\n{found} of {total} source codes are in the catalog ({:.1} %).",
        percent(found, total)
    );
    out
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 { 100.0 } else { part as f64 * 100.0 / whole as f64 }
}

#[test]
fn the_committed_reconciliation_report_is_current() {
    let path = root().join("catalog/RECONCILIATION.md");
    let fresh = report();
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "catalog/RECONCILIATION.md is stale; regenerate with `UPDATE_EXPECT=1 cargo test -p errcat --test reconcile`"
    );
}

#[test]
fn every_code_of_the_recorded_sources_is_in_the_catalog() {
    // The 2019 Twilio copy is superseded by the 2022 one, which dropped 60101;
    // the report names what it lacks, the catalog follows the newer copy.
    for source in sources().into_iter().filter(|s| !s.path.ends_with("2019-11.json")) {
        let dictionary = source.read();
        let tallies = compare(source.vendor, &dictionary);
        let missing: Vec<String> =
            tallies.iter().flat_map(|(id, t)| t.missing.iter().map(move |code| format!("{id}/{code}"))).collect();
        assert!(missing.is_empty(), "{}: codes the catalog lacks: {missing:?}", source.path);
        assert!(tallies.values().map(|t| t.in_source).sum::<usize>() > 0, "{}: read no codes", source.path);
    }
}

#[test]
fn entries_name_the_recorded_sources_that_carry_them() {
    let names = |info: ErrorInfo, url: &str| info.sources().any(|s| s.url() == url);
    for source in sources() {
        let dictionary = source.read();
        let mut carried: BTreeSet<(&'static str, usize)> = BTreeSet::new();
        let mut unnamed = Vec::new();
        for (id, products) in &dictionary.products {
            for key in products.entries.keys() {
                let hit = product(source.vendor, id).and_then(|p| find(p, key)).or_else(|| {
                    let vendor = errors_runtime::products().iter().filter(|p| p.vendor().id() == source.vendor);
                    dictionary.whole_vendor.then(|| vendor.copied().find_map(|p| find(p, key))).flatten()
                });
                let Some(info) = hit else { continue };
                carried.insert((info.product_id(), info.position()));
                if !names(info, &source.url) {
                    unnamed.push(format!("{}/{key}", info.product_id()));
                }
            }
        }
        assert!(unnamed.is_empty(), "{}: entries that do not name `{}`: {unnamed:?}", source.path, source.url);
        // An OpenAPI document is one product's: whatever names it, it carries.
        if !dictionary.whole_vendor {
            let named_wrongly: Vec<String> = dictionary
                .products
                .keys()
                .filter_map(|id| product(source.vendor, id))
                .flat_map(ProductInfo::entries)
                .filter(|&info| names(info, &source.url) && !carried.contains(&(info.product_id(), info.position())))
                .map(|info| format!("{}/{}", info.product_id(), code_of(info)))
                .collect();
            assert!(named_wrongly.is_empty(), "{}: entries that name it but it lacks: {named_wrongly:?}", source.path);
        }
    }
}

#[test]
fn every_bundled_entry_names_a_source() {
    let unsourced: Vec<String> = errors_runtime::products()
        .iter()
        .flat_map(|p| p.entries())
        .filter(|info| info.sources().next().is_none())
        .map(|info| format!("{}/{}/{}", info.vendor_id(), info.product_id(), code_of(info)))
        .collect();
    assert!(unsourced.is_empty(), "entries without a source: {unsourced:?}");
    for product in errors_runtime::products() {
        for source in product.sources() {
            let date = source.checked().as_bytes();
            assert!(source.url().starts_with("https://"), "{}: {}", product.id(), source.url());
            assert!(date.len() == 10 && date[4] == b'-' && date[7] == b'-', "{}: {}", product.id(), source.checked());
        }
    }
}
