//! The whole catalog: every vendor and product, found by id, code or
//! problem-type URL.

use crate::support::{EMPTY, parse_u32_code};
use crate::{Code, ErrorInfo, ProductInfo, hash};

/// A perfect-hash index from pairs of strings to positions.
#[derive(Debug)]
pub struct PairIndex {
    /// The hash seed the tables were built with.
    pub seed: u64,
    /// One pilot per bucket.
    pub pilots: &'static [u8],
    /// Position per slot, or [`EMPTY`].
    pub slots: &'static [u32],
    /// The key of each position.
    pub keys: &'static [(&'static str, &'static str)],
}

impl PairIndex {
    /// The position of `(first, second)`, if it is one of the keys.
    #[inline]
    pub fn get(&self, first: &str, second: &str) -> Option<usize> {
        if self.pilots.is_empty() || self.slots.is_empty() {
            return None;
        }
        let h = hash::hash_pair(self.seed, first.as_bytes(), second.as_bytes());
        let pilot = *self.pilots.get(hash::bucket(h, self.pilots.len()))?;
        let position = *self.slots.get(hash::slot(h, pilot, self.slots.len()))?;
        if position == EMPTY {
            return None;
        }
        let position = position as usize;
        match self.keys.get(position) {
            Some((a, b)) if *a == first && *b == second => Some(position),
            _ => None,
        }
    }
}

/// A perfect-hash index from `(vendor id, lookup key)` to every entry
/// with that key, for [`Catalog::lookup_vendor`].
///
/// Flat, so that it costs little to compile at any size: one array of
/// `(product position, entry position)` pairs grouped by key, and per slot
/// where its group starts. The keys themselves are not stored again: a
/// group's first entry (its vendor, and its code or message) is the key.
#[derive(Debug)]
pub struct CodeIndex {
    /// The hash seed the tables were built with.
    pub seed: u64,
    /// One pilot per bucket.
    pub pilots: &'static [u8],
    /// Per slot, where its group starts in `pairs`; then one more number,
    /// `pairs.len()`. A slot's group ends where the next slot's starts, so
    /// an empty slot has an empty group.
    pub starts: &'static [u32],
    /// Every `(product position, entry position)`, grouped by key, the
    /// groups in slot order and each group in product order.
    pub pairs: &'static [(u16, u32)],
}

impl CodeIndex {
    /// An index with no keys.
    pub const EMPTY: CodeIndex = CodeIndex { seed: 0, pilots: &[], starts: &[0], pairs: &[] };

    /// Every `(product position, entry position)` of `vendor` with this
    /// lookup key (the code, numbers in canonical decimal, or for
    /// message-only products the message); empty when there is none.
    /// `products` are the positions' products.
    #[inline]
    pub fn get(&self, products: &[&'static ProductInfo], vendor: &str, key: &str) -> &'static [(u16, u32)] {
        self.group(products, vendor, key).unwrap_or(&[])
    }

    fn group(&self, products: &[&'static ProductInfo], vendor: &str, key: &str) -> Option<&'static [(u16, u32)]> {
        let slots = self.starts.len().checked_sub(1).filter(|&n| n > 0)?;
        if self.pilots.is_empty() {
            return None;
        }
        let h = hash::hash_pair(self.seed, vendor.as_bytes(), key.as_bytes());
        let pilot = *self.pilots.get(hash::bucket(h, self.pilots.len()))?;
        let slot = hash::slot(h, pilot, slots);
        let &[start, end] = self.starts.get(slot..slot + 2)? else {
            return None;
        };
        let pairs: &'static [(u16, u32)] = self.pairs;
        let group = pairs.get(start as usize..end as usize)?;
        let &(product, entry) = group.first()?;
        let info = products.get(usize::from(product))?.entry(entry as usize)?;
        (info.vendor_id() == vendor && is_lookup_key(info, key)).then_some(group)
    }
}

/// Whether `key` is the lookup key of `info`: its code (numbers in
/// canonical decimal) or, for message-only products, its message.
fn is_lookup_key(info: ErrorInfo, key: &str) -> bool {
    match info.code() {
        Code::Integer(n) => parse_u32_code(key) == Some(n),
        Code::String(code) => code == key,
        Code::None => info.description() == key,
    }
}

/// Every product of a set of catalogs, with catalog-wide lookups.
///
/// The bundled catalogs are [`CATALOG`](crate::CATALOG); the crate-level
/// functions ([`lookup`](crate::lookup), …) search it.
#[derive(Debug)]
pub struct Catalog {
    /// Every product, sorted by vendor id then product id.
    pub products: &'static [&'static ProductInfo],
    /// `(vendor id, product id)` → position in `products`.
    pub product_index: PairIndex,
    /// `(vendor id, lookup key)` → every `(position in products, entry
    /// position)` with that key. The key is the code (numbers in canonical
    /// decimal) or, for message-only products, the message.
    pub code_index: CodeIndex,
}

impl Catalog {
    /// The product with these ids, e.g. `("vonage", "messages")`.
    pub fn product(&self, vendor: &str, product: &str) -> Option<&'static ProductInfo> {
        self.products.get(self.product_index.get(vendor, product)?).copied()
    }

    /// The entry with this code in one product.
    pub fn lookup(&self, vendor: &str, product: &str, code: &str) -> Option<ErrorInfo> {
        self.product(vendor, product)?.find(code)
    }

    /// Every entry of `vendor` with this code (or message), in product order.
    pub fn lookup_vendor(&self, vendor: &str, code: &str) -> VendorMatches {
        // Numeric codes are indexed in canonical decimal; "040" is not "40".
        let group = self.code_index.get(self.products, vendor, code);
        VendorMatches { products: self.products, group: group.iter() }
    }

    /// The entry an RFC 7807 problem `type` URL names, e.g.
    /// `https://developer.vonage.com/api-errors#invalid-api-key`.
    ///
    /// The URL matches a product's `problem_type` template on its path and
    /// fragment; the scheme, the host (vendors serve the same pages from
    /// several hosts) and a leading language segment such as `/en` are
    /// ignored. Unknown URLs give `None`.
    pub fn from_problem_type(&self, url: &str) -> Option<ErrorInfo> {
        let url = url_path(url.trim());
        self.products.iter().find_map(|product| {
            let template = url_path(product.problem_type?);
            let (prefix, suffix) = template.split_once("{code}")?;
            let code = url.strip_prefix(prefix)?.strip_suffix(suffix)?;
            if code.is_empty() {
                return None;
            }
            product.find(code)
        })
    }
}

/// The path and fragment of a URL, without scheme, host or language segment.
fn url_path(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = rest.find(['/', '#']).map_or("", |i| &rest[i..]);
    let bytes = path.as_bytes();
    let is_language = bytes.len() >= 3
        && bytes[0] == b'/'
        && bytes[1].is_ascii_lowercase()
        && bytes[2].is_ascii_lowercase()
        && (bytes.len() == 3 || bytes[3] == b'/');
    if is_language { &path[3..] } else { path }
}

/// The entries found by [`Catalog::lookup_vendor`].
#[derive(Debug, Clone)]
pub struct VendorMatches {
    products: &'static [&'static ProductInfo],
    group: core::slice::Iter<'static, (u16, u32)>,
}

impl Iterator for VendorMatches {
    type Item = ErrorInfo;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let &(product, entry) = self.group.next()?;
            let found = self.products.get(usize::from(product)).and_then(|p| p.entry(entry as usize));
            if found.is_some() {
                return found;
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.group.len()))
    }
}
