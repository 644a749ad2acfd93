//! The whole catalog: every vendor and product, found by id, code or
//! problem-type URL.

use crate::problem_url::{UrlParts, code_in, has_code, same_host};
use crate::support::EMPTY;
use crate::{Code, ErrorInfo, ProductInfo, VendorInfo, hash};

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
        self.group(products, vendor, key.as_bytes()).unwrap_or(&[])
    }

    /// [`get`](Self::get) for a key as bytes; `None` for an index with no
    /// keys (a catalog put together by hand).
    #[cfg(feature = "response")]
    pub(crate) fn get_bytes(
        &self,
        products: &[&'static ProductInfo],
        vendor: &str,
        key: &[u8],
    ) -> Option<&'static [(u16, u32)]> {
        if self.pilots.is_empty() {
            return None;
        }
        Some(self.group(products, vendor, key).unwrap_or(&[]))
    }

    fn group(&self, products: &[&'static ProductInfo], vendor: &str, key: &[u8]) -> Option<&'static [(u16, u32)]> {
        let slots = self.starts.len().checked_sub(1).filter(|&n| n > 0)?;
        if self.pilots.is_empty() {
            return None;
        }
        let h = hash::hash_pair(self.seed, vendor.as_bytes(), key);
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
fn is_lookup_key(info: ErrorInfo, key: &[u8]) -> bool {
    match info.code() {
        Code::Integer(n) => crate::support::parse_u32_bytes(key) == Some(n),
        Code::String(text) | Code::Message(text) => text.as_bytes() == key,
    }
}

/// Every product of a set of catalogs, with catalog-wide lookups.
///
/// The bundled catalogs are [`CATALOG`](crate::CATALOG); the crate-level
/// functions ([`lookup`](crate::lookup), …) search it.
#[derive(Debug)]
pub struct Catalog {
    data: CatalogData,
}

/// What a [`Catalog`] holds, as generated code writes it
/// (`__private::catalog`). Not part of the API: it changes with the layout.
#[derive(Debug)]
pub struct CatalogData {
    /// Sorted by id.
    pub vendors: &'static [&'static VendorInfo],
    /// Sorted by vendor id, then product id.
    pub products: &'static [&'static ProductInfo],
    /// `(vendor id, product id)` → position in `products`.
    pub product_index: PairIndex,
    /// `(vendor id, lookup key)` → every `(position in products, entry
    /// position)` with that key. The key is the code (numbers in canonical
    /// decimal) or, for message-only products, the message.
    pub code_index: CodeIndex,
    /// Every vendor's body paths ([`ResponseShape`](crate::ResponseShape)
    /// fields) as one tree, for the response reader: its root is the body.
    pub members: &'static crate::Member,
}

impl Catalog {
    pub(crate) const fn new(data: CatalogData) -> Catalog {
        Catalog { data }
    }

    /// Every vendor, sorted by id.
    pub const fn vendors(&self) -> &'static [&'static VendorInfo] {
        self.data.vendors
    }

    /// Every product, sorted by vendor id, then product id.
    #[inline]
    pub const fn products(&self) -> &'static [&'static ProductInfo] {
        self.data.products
    }

    /// The index of every vendor's codes.
    #[cfg(feature = "response")]
    #[inline]
    pub(crate) const fn code_index(&self) -> &CodeIndex {
        &self.data.code_index
    }

    /// The body paths of every vendor's shapes, as one tree.
    pub(crate) const fn members(&self) -> &'static crate::Member {
        self.data.members
    }

    /// The vendor with this id, e.g. `"vonage"`.
    pub fn vendor(&self, id: &str) -> Option<&'static VendorInfo> {
        self.vendors().iter().find(|v| v.id() == id).copied()
    }

    /// The products of `vendor`, one of this catalog's vendors: its own
    /// list, or (for a vendor put together by hand without one) the
    /// catalog's products with its id.
    #[cfg(feature = "response")]
    pub(crate) fn products_of(&self, vendor: &'static VendorInfo) -> &'static [&'static ProductInfo] {
        if vendor.products().is_empty() { self.vendor_products(vendor.id()) } else { vendor.products() }
    }

    /// The products of one vendor, in id order.
    pub fn vendor_products(&self, vendor: &str) -> &'static [&'static ProductInfo] {
        let products = self.products();
        // Few products: a scan that compares lengths before bytes is
        // quicker than a binary search of string comparisons.
        if products.len() <= 32 {
            let is = |p: &ProductInfo| p.vendor().id().len() == vendor.len() && p.vendor().id() == vendor;
            let Some(start) = products.iter().position(|p| is(p)) else { return &[] };
            let len = products[start..].iter().take_while(|p| is(p)).count();
            return &products[start..start + len];
        }
        let start = products.partition_point(|p| p.vendor().id() < vendor);
        let len = products.get(start..).map_or(0, |rest| rest.partition_point(|p| p.vendor().id() == vendor));
        products.get(start..start + len).unwrap_or(&[])
    }

    /// The product with these ids, e.g. `("vonage", "messages")`.
    pub fn product(&self, vendor: &str, product: &str) -> Option<&'static ProductInfo> {
        self.products().get(self.data.product_index.get(vendor, product)?).copied()
    }

    /// The entry with this code in one product.
    pub fn lookup(&self, vendor: &str, product: &str, code: &str) -> Option<ErrorInfo> {
        self.product(vendor, product)?.find(code)
    }

    /// Every entry of `vendor` with this code (or message), in product order.
    pub fn lookup_vendor(&self, vendor: &str, code: &str) -> VendorMatches {
        // Numeric codes are indexed in canonical decimal; "040" is not "40".
        let group = self.data.code_index.get(self.products(), vendor, code);
        VendorMatches { products: self.products(), group: group.iter() }
    }

    /// The entry an RFC 7807 problem `type` URL names, e.g.
    /// `https://developer.vonage.com/api-errors#invalid-api-key`; see
    /// [`match_problem_type`](Self::match_problem_type) for the forms that
    /// match.
    pub fn from_problem_type(&self, url: &str) -> Option<ErrorInfo> {
        self.match_problem_type(url)?.entry
    }

    /// The product and code an RFC 7807 problem `type` URL names, whether
    /// or not the product has that code.
    ///
    /// The URL matches a product's `problem_type` template, or one of its
    /// `problem_type_aliases`, when:
    ///
    /// * its host is a host of one of the vendor's templates, compared
    ///   without letter case and without a leading `www.` (a URL without a
    ///   scheme and host skips this check);
    /// * its path segments equal the template's, where empty segments (a
    ///   slash before `#` or doubled), a leading two-letter language segment
    ///   such as `/en`, a segment repeated right after itself and a query
    ///   string are ignored;
    /// * and its fragment fits the template's around `{code}`.
    ///
    /// When several templates match, one whose product has the code wins;
    /// when none has it, the first in catalog order is given (the response
    /// reader then names no product, as the URL does not tell which).
    pub fn match_problem_type<'u>(&self, url: &'u str) -> Option<ProblemTypeMatch<'u>> {
        match_among(self.products(), url)
    }

    /// [`match_problem_type`](Self::match_problem_type) among one vendor's
    /// products only.
    pub fn match_vendor_problem_type<'u>(&self, vendor: &str, url: &'u str) -> Option<ProblemTypeMatch<'u>> {
        match_among(self.vendor_products(vendor), url)
    }
}

/// [`Catalog::match_problem_type`] over some products. The URL is cut up
/// once and its host checked once per vendor; codegen has cut up the
/// templates, and one whose last segment differs from the URL's is passed
/// over at once.
pub(crate) fn match_among<'u>(products: &[&'static ProductInfo], url: &'u str) -> Option<ProblemTypeMatch<'u>> {
    let url = url.trim();
    let found = match_parts(products, &UrlParts::split(url.as_bytes()))?;
    // Cut at ASCII bytes and around template texts, the code is text.
    let code = core::str::from_utf8(found.code).ok()?;
    Some(ProblemTypeMatch { product: found.product, code, entry: found.entry })
}

/// What [`match_parts`] found: a [`ProblemTypeMatch`] whose code is bytes.
pub(crate) struct PartsMatch<'u> {
    pub(crate) product: &'static ProductInfo,
    pub(crate) code: &'u [u8],
    pub(crate) entry: Option<ErrorInfo>,
    /// Whether another product's template fits the URL as well, with no
    /// product having the code: then the URL does not tell the product.
    pub(crate) shared: bool,
}

/// [`match_among`] for a URL already cut up.
pub(crate) fn match_parts<'u>(products: &[&'static ProductInfo], url: &UrlParts<'u>) -> Option<PartsMatch<'u>> {
    // The URL's segments, cut once for every template (inline: a lookup
    // allocates nothing); past `SEGMENTS` each template cuts them again.
    const SEGMENTS: usize = 8;
    let mut segments: [&[u8]; SEGMENTS] = [&[]; SEGMENTS];
    let mut count = 0;
    for segment in url.segments() {
        if let Some(slot) = segments.get_mut(count) {
            *slot = segment;
        }
        count += 1;
    }
    let ours = segments.get(..count);
    let mut host_checked: Option<(*const VendorInfo, bool)> = None;
    let mut first: Option<PartsMatch<'u>> = None;
    for &product in products {
        if let Some(host) = url.host {
            let vendor: *const VendorInfo = product.vendor();
            let known = match host_checked {
                Some((checked, known)) if core::ptr::eq(checked, vendor) => known,
                _ => {
                    let known = vendor_has_host(product.vendor(), host);
                    host_checked = Some((vendor, known));
                    known
                }
            };
            if !known {
                continue;
            }
        }
        for template in product.problem_templates() {
            let Some(code) = template.code_of(url, ours) else { continue };
            let entry = product.find_bytes(code);
            if entry.is_some() {
                return Some(PartsMatch { product, code, entry, shared: false });
            }
            match &mut first {
                Some(found) => found.shared |= !core::ptr::eq(found.product, product),
                None => first = Some(PartsMatch { product, code, entry, shared: false }),
            }
        }
    }
    first
}

/// What [`Catalog::match_problem_type`] found in a problem `type` URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProblemTypeMatch<'u> {
    /// The product whose template the URL fits.
    pub product: &'static ProductInfo,
    /// The code part of the URL, as written.
    pub code: &'u str,
    /// The product's entry with that code, if it has one.
    pub entry: Option<ErrorInfo>,
}

/// The code `url` carries when it fits one of `product`'s templates.
#[cfg(feature = "response")]
pub(crate) fn product_problem_code<'u>(product: &'static ProductInfo, url: &'u str) -> Option<&'u str> {
    match_among(core::slice::from_ref(&product), url).map(|m| m.code)
}

/// Whether `host` is one of `vendor`'s problem-type hosts.
pub(crate) fn vendor_has_host(vendor: &VendorInfo, host: &[u8]) -> bool {
    vendor.problem_hosts().iter().any(|known| same_host(known.as_bytes(), host))
}

/// A problem `type` template, cut up by codegen with the rules that
/// [`Catalog::match_problem_type`] lists: `https://developer.vonage.com/en/api-errors/messages#{code}`
/// is the segments `["api-errors", "messages"]` and the fragment `"{code}"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProblemTemplate {
    /// The template as the catalog writes it.
    pub url: &'static str,
    /// The path's segments, as compared.
    pub segments: &'static [&'static str],
    /// What follows `#`; `{code}` marks the code when it is here.
    pub fragment: Option<&'static str>,
}

impl ProblemTemplate {
    /// The code `url` carries in the place of `{code}`, when it fits.
    /// `segments` are the URL's [`UrlParts::segments`], when they were
    /// collected.
    fn code_of<'a>(&self, url: &UrlParts<'a>, segments: Option<&[&'a [u8]]>) -> Option<&'a [u8]> {
        // Most templates differ from the URL in their number of segments
        // or their last one: compared first, as the cheapest.
        if let Some(ours) = segments
            && (ours.len() != self.segments.len()
                || matches!((ours.last(), self.segments.last()), (Some(a), Some(b)) if *a != b.as_bytes() && !has_code(b.as_bytes())))
        {
            return None;
        }
        let mut code = None;
        match self.fragment.map(str::as_bytes) {
            Some(pattern) if has_code(pattern) => code = Some(code_in(pattern, url.fragment?)?),
            theirs if url.fragment.unwrap_or_default() != theirs.unwrap_or_default() => return None,
            _ => {}
        }
        if let Some(ours) = segments {
            for (&a, b) in ours.iter().zip(self.segments) {
                let b = b.as_bytes();
                if code.is_none() && has_code(b) {
                    code = Some(code_in(b, a)?);
                } else if a != b {
                    return None;
                }
            }
            return code;
        }
        let mut ours = url.segments();
        let mut theirs = self.segments.iter().map(|s| s.as_bytes());
        loop {
            match (ours.next(), theirs.next()) {
                (None, None) => return code,
                (Some(a), Some(b)) if code.is_none() && has_code(b) => code = Some(code_in(b, a)?),
                (Some(a), Some(b)) if a == b => {}
                _ => return None,
            }
        }
    }
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
