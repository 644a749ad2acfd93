//! The whole catalog: every vendor and product, found by id, code or
//! problem-type URL.

use crate::support::EMPTY;
use crate::{ErrorInfo, ProductInfo, hash};

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
    /// `(vendor id, lookup key)` → position in `code_groups`. The key is
    /// the code (numbers in canonical decimal) or, for message-only
    /// products, the message.
    pub code_index: PairIndex,
    /// Per key, every `(product position, entry position)` that has it.
    pub code_groups: &'static [&'static [(u16, u32)]],
}

impl Catalog {
    /// The product with these ids, e.g. `("vonage", "messages")`.
    pub fn product(&self, vendor: &str, product: &str) -> Option<&'static ProductInfo> {
        self.products.get(self.product_index.get(vendor, product)?).copied()
    }

    /// The entry with this code in one product.
    pub fn lookup(&self, vendor: &str, product: &str, code: &str) -> Option<&'static ErrorInfo> {
        self.product(vendor, product)?.find(code)
    }

    /// Every entry of `vendor` with this code (or message), in product order.
    pub fn lookup_vendor(&self, vendor: &str, code: &str) -> VendorMatches {
        // Numeric codes are indexed in canonical decimal; "040" is not "40".
        let group = self.code_index.get(vendor, code).and_then(|g| self.code_groups.get(g)).copied().unwrap_or(&[]);
        VendorMatches { products: self.products, group: group.iter() }
    }

    /// The entry an RFC 7807 problem `type` URL names, e.g.
    /// `https://developer.vonage.com/api-errors#invalid-api-key`.
    ///
    /// The URL matches a product's `problem_type` template on its path and
    /// fragment; the scheme, the host (vendors serve the same pages from
    /// several hosts) and a leading language segment such as `/en` are
    /// ignored. Unknown URLs give `None`.
    pub fn from_problem_type(&self, url: &str) -> Option<&'static ErrorInfo> {
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
    type Item = &'static ErrorInfo;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let &(product, entry) = self.group.next()?;
            let found = self.products.get(usize::from(product)).and_then(|p| p.entries.get(entry as usize));
            if found.is_some() {
                return found;
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (0, Some(self.group.len()))
    }
}
