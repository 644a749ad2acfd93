//! The table stage, between the IR and emission: which lookup table each
//! product gets, and the catalog-wide indexes, built with [`phf`](mod@crate::phf).
//! Emission only writes out what this stage chose.

use crate::phf::{self, StrTable, Table, U32Table};
use crate::{Error, ir};

/// The lookup table built for one product.
#[derive(Debug, Clone)]
pub enum ProductTable {
    Str(StrTable),
    U32(U32Table),
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

/// Each of a vendor's products' lookup table, in product order: a table
/// over numbers for numeric codes, else over the lookup keys.
pub fn vendor_tables(vendor: &ir::Vendor) -> Result<Vec<ProductTable>, Error> {
    let mut tables = Vec::new();
    for product in &vendor.products {
        let hash_error = |source| Error::Hash { vendor: vendor.id.clone(), product: product.id.clone(), source };
        let table = match product.code_type {
            ir::CodeType::Integer => ProductTable::U32(phf::build_u32(&product.numeric_codes()).map_err(hash_error)?),
            _ => ProductTable::Str(phf::build_str(&product.lookup_keys()).map_err(hash_error)?),
        };
        tables.push(table);
    }
    Ok(tables)
}

/// The `slots` and `keys` of a runtime `StrIndex` over `keys`, from a
/// table's entry position per slot: per slot, where its key starts in the
/// keys string and its entry position (or `EMPTY`), then the end.
pub fn str_slots(positions: &[u32], keys: &[&str]) -> (Vec<u32>, String) {
    let mut slots = Vec::with_capacity(positions.len() * 2 + 2);
    let mut blob = String::new();
    for &position in positions {
        slots.extend([blob.len() as u32, position]);
        if let Some(key) = keys.get(position as usize) {
            blob.push_str(key);
        }
    }
    slots.extend([blob.len() as u32, phf::EMPTY]);
    (slots, blob)
}

/// The `slots` of a runtime `U32Index` (direct or hashed) over `codes`,
/// from a table's entry position per slot: per slot, its code and its
/// entry position (or `EMPTY`).
pub fn u32_slots(positions: &[u32], codes: &[u32]) -> Vec<u32> {
    positions
        .iter()
        .flat_map(|&position| match codes.get(position as usize) {
            Some(&code) => [code, position],
            None => [0, phf::EMPTY],
        })
        .collect()
}

/// The catalog-wide indexes: products by ids, entries by vendor and code.
pub fn catalog_tables(catalog: &ir::Catalog) -> Result<CatalogTables, Error> {
    let hash_error = |source| Error::Hash { vendor: "*".to_owned(), product: "*".to_owned(), source };
    let mut product_keys = Vec::new();
    let mut code_keys: std::collections::BTreeMap<(String, String), Vec<(u16, u32)>> = Default::default();
    for vendor in &catalog.vendors {
        for product in &vendor.products {
            let position = u16::try_from(product_keys.len()).map_err(|_| {
                hash_error(phf::PhfError { keys: product_keys.len(), reason: "more than 65535 products".to_owned() })
            })?;
            product_keys.push((vendor.id.as_str(), product.id.as_str()));
            for (entry, key) in product.lookup_keys().into_iter().enumerate() {
                let key = match &product.entries[entry].code {
                    ir::Code::Integer(n) => n.to_string(),
                    _ => key.to_owned(),
                };
                code_keys.entry((vendor.id.clone(), key)).or_default().push((position, entry as u32));
            }
        }
    }
    let products = phf::build_pairs(&product_keys).map_err(hash_error)?;
    let code_keys: Vec<_> = code_keys.into_iter().collect();
    let pairs: Vec<(&str, &str)> = code_keys.iter().map(|((v, k), _)| (v.as_str(), k.as_str())).collect();
    let codes = phf::build_pairs(&pairs).map_err(hash_error)?;
    Ok(CatalogTables { products, codes, code_keys })
}
