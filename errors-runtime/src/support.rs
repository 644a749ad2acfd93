//! Items that generated code is built from, reached through the hidden
//! `__private` module: the records and lookup indexes of a product.
//! Applications read them through [`ErrorInfo`](crate::ErrorInfo) and
//! [`ProductInfo`](crate::ProductInfo).

use crate::hash;
pub use crate::hash::Sample;
#[cfg(feature = "serde")]
pub use crate::serde_impls::{deserialize_code, serialize_code};
use crate::{Category, Retry, Severity};
#[cfg(feature = "serde")]
#[doc(hidden)]
pub use serde;

/// `Serialize` and `Deserialize` for a product enum, as its code, when
/// errors-runtime has its `serde` feature; nothing without it. Generated
/// code invokes it once per product, so a crate with its own catalog gets
/// the impls exactly when errors-runtime has them.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __product_serde {
    ($ty:ident) => {
        impl $crate::__private::serde::Serialize for $ty {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::__private::serialize_code(*self, serializer)
            }
        }
        impl<'de> $crate::__private::serde::Deserialize<'de> for $ty {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::__private::deserialize_code(deserializer)
            }
        }
    };
}

/// See the `serde` build of this macro: without the feature, nothing.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __product_serde {
    ($ty:ident) => {};
}

/// What every product enum has besides its data and its `from_code`: its
/// `PRODUCT`, `info`, the accessors that read the catalog record, and the
/// trait impls. Generated code invokes it once per product, with the enum
/// and its `ProductInfo` static; written here once, it is read (and gone
/// to) as source, not as generated code.
#[doc(hidden)]
#[macro_export]
macro_rules! __product {
    ($ty:ident, $product:ident) => {
        impl $ty {
            /// The product: vendor, names, documentation and lookup table.
            pub const PRODUCT: &'static $crate::ProductInfo = &$product;

            /// The catalog record of this code.
            #[inline]
            pub fn info(self) -> $crate::ErrorInfo {
                $crate::__private::error_info(&$product, self as u32)
            }

            /// The variant of a catalog record, if the record belongs to this product.
            #[inline]
            pub fn from_info(info: $crate::ErrorInfo) -> ::core::option::Option<Self> {
                if !::core::ptr::eq(info.product(), &$product) {
                    return ::core::option::Option::None;
                }
                Self::ALL.get(info.position()).copied()
            }

            /// The code as the vendor sends it (its message, where it sends
            /// only a message).
            #[inline]
            pub fn code(self) -> $crate::Code<'static> {
                self.info().code()
            }

            /// A short title, as the vendor writes it.
            #[inline]
            pub fn title(self) -> ::core::option::Option<&'static str> {
                self.info().title()
            }

            /// What happened, in the vendor's words.
            #[inline]
            pub fn description(self) -> &'static str {
                self.info().description()
            }

            /// How to fix it, in the vendor's words.
            #[inline]
            pub fn resolution(self) -> ::core::option::Option<&'static str> {
                self.info().resolution()
            }

            /// The HTTP status the error travels with, where documented.
            #[inline]
            pub fn http_status(self) -> ::core::option::Option<u16> {
                self.info().http_status()
            }

            /// The cross-vendor category.
            #[inline]
            pub fn category(self) -> $crate::Category {
                self.info().category()
            }

            /// Whether a retry can help.
            #[inline]
            pub fn retry(self) -> $crate::Retry {
                self.info().retry()
            }

            /// A page about this error, or else about its product or vendor.
            #[inline]
            pub fn docs_url(self) -> ::core::option::Option<&'static str> {
                self.info().docs_url()
            }
        }

        impl $crate::ErrorCode for $ty {
            const PRODUCT: &'static $crate::ProductInfo = &$product;

            #[inline]
            fn all() -> &'static [Self] {
                Self::ALL
            }

            #[inline]
            fn info(self) -> $crate::ErrorInfo {
                $ty::info(self)
            }

            #[inline]
            fn from_code(code: &str) -> ::core::option::Option<Self> {
                $ty::from_code(code)
            }
        }

        /// The product's type and the variant, e.g. `Messages::InvalidParams`.
        impl ::core::fmt::Debug for $ty {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(::core::stringify!($ty))?;
                f.write_str("::")?;
                f.write_str(self.info().name())
            }
        }

        impl ::core::fmt::Display for $ty {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::fmt::Display::fmt(&self.info(), f)
            }
        }

        impl ::core::str::FromStr for $ty {
            type Err = $crate::UnknownCode;
            #[inline]
            fn from_str(code: &str) -> ::core::result::Result<Self, Self::Err> {
                Self::from_code(code).ok_or_else(|| $crate::__private::unknown_code(&$product, code))
            }
        }

        impl ::core::error::Error for $ty {}

        $crate::__product_serde!($ty);
    };
}

/// Marks an empty slot in a [`StrIndex`] or [`U32Index`].
pub const EMPTY: u32 = u32::MAX;

/// A perfect-hash index from string keys to entry positions.
///
/// Built by `errcat-codegen`: every key has its own slot, so a lookup is
/// one hash, one slot read (after a pilot read in big products), one
/// length check and one comparison. The keys sit in one string, in slot
/// order, so the slot read gives both where the candidate key is and which
/// entry it belongs to.
#[derive(Debug)]
pub struct StrIndex {
    /// Which bytes of a key the hash reads.
    pub sample: Sample,
    /// The hash seed the tables were built with.
    pub seed: u64,
    /// How a hash finds its slot.
    pub place: Place,
    /// Two numbers per slot: where the slot's key starts in `keys`, and
    /// the position of its entry (or [`EMPTY`]); then one more pair whose
    /// first number is `keys.len()`. A slot's key ends where the next
    /// slot's starts, so an empty slot has an empty key.
    pub slots: &'static [u32],
    /// Every key, concatenated in slot order.
    pub keys: &'static str,
}

/// How a hash finds its slot in a [`StrIndex`] or [`U32Index::Hashed`].
#[derive(Debug)]
pub enum Place {
    /// The high bits of the hash times `multiplier`
    /// (`hash::direct_slot`); codegen picks a multiplier that gives
    /// every key its own slot. For small products.
    Direct {
        /// The multiplier.
        multiplier: u64,
    },
    /// One pilot per bucket of hashes (`hash::bucket`, `hash::slot`).
    Pilots(&'static [u8]),
}

impl StrIndex {
    /// An index with no keys.
    pub const EMPTY: StrIndex =
        StrIndex { sample: Sample::All, seed: 0, place: Place::Direct { multiplier: 0 }, slots: &[0, EMPTY], keys: "" };

    /// The position of `key`, if it is one of the keys.
    #[inline(always)]
    pub fn get(&self, key: &str) -> Option<usize> {
        self.get_bytes(key.as_bytes())
    }

    /// [`get`](Self::get) for a key as bytes.
    #[inline(always)]
    pub fn get_bytes(&self, key: &[u8]) -> Option<usize> {
        let slots = (self.slots.len() / 2).checked_sub(1).filter(|&n| n > 0)?;
        let h = hash::hash_str(self.seed, key, self.sample);
        let slot = match self.place {
            Place::Direct { multiplier } => hash::direct_slot(h, multiplier, slots),
            Place::Pilots(pilots) => hash::slot(h, *pilots.get(hash::bucket(h, pilots.len()))?, slots),
        };
        let &[start, position, end, _] = self.slots.get(slot * 2..slot * 2 + 4)? else {
            return None;
        };
        if (end as usize).wrapping_sub(start as usize) != key.len() {
            return None;
        }
        let candidate = self.keys.as_bytes().get(start as usize..end as usize)?;
        (same_bytes(candidate, key) && position != EMPTY).then_some(position as usize)
    }
}

/// Whether two byte strings are equal, reading them in the same pattern
/// as [`hash::hash_bytes`], so that branches follow the length only: 16
/// to 48 bytes as three (possibly overlapping) 16-byte chunks, longer
/// ones 16 bytes at a time plus the last 16, shorter ones as two
/// overlapping words. Every byte is compared, and short strings without
/// a call to `memcmp`.
#[inline(always)]
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let len = a.len();
    if len != b.len() {
        return false;
    }
    if len > 48 {
        // Every whole chunk, then the last 16 bytes, which cover the rest.
        a.chunks_exact(16).zip(b.chunks_exact(16)).all(|(x, y)| x == y) && a.last_chunk::<16>() == b.last_chunk::<16>()
    } else if let (Some(a_first), Some(a_last), Some(b_first), Some(b_last)) =
        (a.first_chunk::<16>(), a.last_chunk::<16>(), b.first_chunk::<16>(), b.last_chunk::<16>())
    {
        let middle = 16.min(len - 16);
        let a_middle = a.get(middle..).and_then(<[u8]>::first_chunk::<16>);
        let b_middle = b.get(middle..).and_then(<[u8]>::first_chunk::<16>);
        (a_first == b_first) & (a_middle == b_middle) & (a_last == b_last)
    } else if let (Some(a_first), Some(a_last), Some(b_first), Some(b_last)) =
        (a.first_chunk::<8>(), a.last_chunk::<8>(), b.first_chunk::<8>(), b.last_chunk::<8>())
    {
        (u64::from_le_bytes(*a_first) ^ u64::from_le_bytes(*b_first))
            | (u64::from_le_bytes(*a_last) ^ u64::from_le_bytes(*b_last))
            == 0
    } else if let (Some(a_first), Some(a_last), Some(b_first), Some(b_last)) =
        (a.first_chunk::<4>(), a.last_chunk::<4>(), b.first_chunk::<4>(), b.last_chunk::<4>())
    {
        (u32::from_le_bytes(*a_first) ^ u32::from_le_bytes(*b_first))
            | (u32::from_le_bytes(*a_last) ^ u32::from_le_bytes(*b_last))
            == 0
    } else {
        a.iter().zip(b).all(|(x, y)| x == y)
    }
}

/// An index from numeric codes to entry positions.
#[derive(Debug)]
pub enum U32Index {
    /// At most 256 codes (when codegen finds a multiplier): the slot is
    /// the high bits of the code times `multiplier` (`hash::direct_slot`).
    Direct {
        /// The multiplier that gives every code its own slot.
        multiplier: u64,
        /// Two numbers per slot: its code and the position of its entry
        /// (or [`EMPTY`]).
        slots: &'static [u32],
    },
    /// Any other set of codes: a perfect hash with pilots, as in
    /// [`StrIndex`].
    Hashed {
        /// The hash seed the tables were built with.
        seed: u64,
        /// One pilot per bucket.
        pilots: &'static [u8],
        /// Two numbers per slot: its code and the position of its entry
        /// (or [`EMPTY`]).
        slots: &'static [u32],
    },
}

impl U32Index {
    /// The position of `code`, if it is one of the codes.
    #[inline(always)]
    pub fn get(&self, code: u32) -> Option<usize> {
        let (slot, slots) = match *self {
            U32Index::Direct { multiplier, slots } => {
                (hash::direct_slot(u64::from(code), multiplier, slots.len() / 2), slots)
            }
            U32Index::Hashed { seed, pilots, slots } => {
                let h = hash::hash_u32(seed, code);
                let pilot = *pilots.get(hash::bucket(h, pilots.len()))?;
                (hash::slot(h, pilot, slots.len() / 2), slots)
            }
        };
        let &[key, position] = slots.get(slot * 2..slot * 2 + 2)? else {
            return None;
        };
        (key == code && position != EMPTY).then_some(position as usize)
    }
}

/// How a product's entries are found by code.
#[derive(Debug)]
pub enum Index {
    /// String codes, or message texts for message-only products.
    Str(&'static StrIndex),
    /// Numeric codes.
    U32(&'static U32Index),
}

/// The records of one product, column by column.
///
/// Columns rather than a struct per entry: a few literals per product
/// compile in a fraction of the time that a struct literal per entry takes
/// (see `BENCHMARKS.md`). Read entries through
/// [`ErrorInfo`](crate::ErrorInfo); every read is bounds-checked, so
/// inconsistent columns give absent values, never a panic.
#[derive(Debug)]
pub struct Records {
    /// Every entry's texts, concatenated: per entry its fields in
    /// [`Field`] order.
    pub text: &'static str,
    /// Where each text ends in `text`, [`Field::COUNT`] per entry, each a
    /// lowercase hexadecimal number of [`end_digits`](Self::end_digits)
    /// digits (`layout::write_end`). A text starts where the one before it
    /// ends (the first at 0); an empty text is an absent one.
    pub ends: &'static str,
    /// The width of each number in `ends`: enough digits for the longest.
    pub end_digits: u8,
    /// The numeric codes by position; empty unless codes are numbers.
    pub codes: &'static [u32],
    /// The HTTP status of each entry, 0 where none is documented.
    pub http_status: &'static [u16],
    /// Per entry, its category, retry hint and severity in one byte
    /// (`layout::class`).
    pub class: &'static [u8],
    /// Per entry, which of the product's sources document it, in one byte
    /// (`layout::source_mask`).
    pub sources: &'static [u8],
}

/// A product's source, for generated code.
pub const fn source(id: &'static str, url: &'static str, checked: &'static str) -> crate::Source {
    crate::Source::new(id, url, checked)
}

pub use crate::layout::Field;

impl Records {
    /// No entries.
    pub const EMPTY: Records =
        Records { text: "", ends: "", end_digits: 1, codes: &[], http_status: &[], class: &[], sources: &[] };

    /// The number of entries.
    pub const fn len(&self) -> usize {
        self.class.len()
    }

    /// Whether there are no entries.
    pub const fn is_empty(&self) -> bool {
        self.class.is_empty()
    }

    /// One text of the entry at `position`; `None` when absent.
    #[inline]
    pub fn text(&self, position: usize, field: Field) -> Option<&'static str> {
        let at = position.checked_mul(Field::COUNT)?.checked_add(field as usize)?;
        let end = self.end(at)?;
        let start = match at.checked_sub(1) {
            Some(before) => self.end(before)?,
            None => 0,
        };
        let text: &'static str = self.text;
        text.get(start..end).filter(|t| !t.is_empty())
    }

    /// The `at`-th number of `ends`.
    #[inline]
    fn end(&self, at: usize) -> Option<usize> {
        crate::layout::read_end(self.ends.as_bytes(), at, usize::from(self.end_digits))
    }

    /// The numeric code of the entry at `position`, if codes are numbers.
    #[inline]
    pub fn code_u32(&self, position: usize) -> Option<u32> {
        self.codes.get(position).copied()
    }

    /// The HTTP status of the entry at `position`, if documented.
    #[inline]
    pub fn http_status(&self, position: usize) -> Option<u16> {
        self.http_status.get(position).copied().filter(|&status| status != 0)
    }

    /// The category of the entry at `position`.
    #[inline]
    pub fn category(&self, position: usize) -> Category {
        self.class.get(position).map_or(Category::Unknown, |&class| crate::layout::class_category(class))
    }

    /// The retry hint of the entry at `position`.
    #[inline]
    pub fn retry(&self, position: usize) -> Retry {
        self.class.get(position).map_or(Retry::Never, |&class| crate::layout::class_retry(class))
    }

    /// The sources of the entry at `position`, as a `layout::source_mask`
    /// byte; none when the column lacks it.
    #[inline]
    pub fn source_mask(&self, position: usize) -> u8 {
        self.sources.get(position).copied().unwrap_or(0)
    }

    /// The severity of the entry at `position`: an error unless marked.
    pub fn severity(&self, position: usize) -> Severity {
        self.class.get(position).map_or(Severity::Error, |&class| crate::layout::class_severity(class))
    }
}

/// Parses a numeric code written in canonical decimal: digits only, no
/// sign, no leading zero (except `"0"`), at most `u32::MAX`.
pub fn parse_u32_code(text: &str) -> Option<u32> {
    parse_u32_bytes(text.as_bytes())
}

/// [`parse_u32_code`] for a code as bytes.
pub fn parse_u32_bytes(bytes: &[u8]) -> Option<u32> {
    if bytes.is_empty() || bytes.len() > 10 || (bytes.len() > 1 && bytes[0] == b'0') {
        return None;
    }
    let mut value: u64 = 0;
    for &b in bytes {
        if !b.is_ascii_digit() {
            return None;
        }
        value = value * 10 + u64::from(b - b'0');
    }
    u32::try_from(value).ok()
}

#[cfg(test)]
mod tests {
    use super::{Field, Records};
    use crate::{Category, Retry, Severity};

    // Two entries: `a` with every text (a warning), `bb` with only a name
    // and description.
    const RECORDS: Records = Records {
        text: "aAlphaTitleWhat happenedFix ithttps://x.testTyposbbBetaWhat else",
        ends: "01060b181e2c3133373740404040",
        end_digits: 2,
        codes: &[],
        http_status: &[429, 0],
        class: &[3 + 16 * 2 + 128, 12],
        sources: &[1, 6],
    };

    #[test]
    fn same_bytes_is_slice_equality_at_every_length() {
        let a: [u8; 64] = core::array::from_fn(|i| (i * 7 + 1) as u8);
        for len in 0..a.len() {
            let x = &a[..len];
            assert!(super::same_bytes(x, x), "{len}");
            assert!(!super::same_bytes(x, &a[..len.saturating_sub(1)]) || len == 0);
            for at in 0..len {
                let mut y = [0u8; 64];
                y[..len].copy_from_slice(x);
                y[at] ^= 0x80;
                assert!(!super::same_bytes(x, &y[..len]), "{len} {at}");
            }
        }
    }

    #[test]
    fn texts_are_read_between_consecutive_ends() {
        let read = |position, field| RECORDS.text(position, field);
        assert_eq!(RECORDS.len(), 2);
        assert_eq!(read(0, Field::Code), Some("a"));
        assert_eq!(read(0, Field::Name), Some("Alpha"));
        assert_eq!(read(0, Field::Title), Some("Title"));
        assert_eq!(read(0, Field::Description), Some("What happened"));
        assert_eq!(read(0, Field::Resolution), Some("Fix it"));
        assert_eq!(read(0, Field::DocsUrl), Some("https://x.test"));
        assert_eq!(read(0, Field::Causes), Some("Typos"));
        assert_eq!(read(1, Field::Code), Some("bb"));
        assert_eq!(read(1, Field::Name), Some("Beta"));
        assert_eq!(read(1, Field::Title), None);
        assert_eq!(read(1, Field::Description), Some("What else"));
        assert_eq!(read(1, Field::Resolution), None);
        assert_eq!(read(1, Field::DocsUrl), None);
        assert_eq!(read(1, Field::Causes), None);
        assert_eq!(read(2, Field::Code), None);
        assert_eq!(read(usize::MAX, Field::DocsUrl), None);
    }

    #[test]
    fn numeric_columns_decode() {
        assert_eq!(RECORDS.http_status(0), Some(429));
        assert_eq!(RECORDS.http_status(1), None);
        assert_eq!((RECORDS.category(0), RECORDS.retry(0)), (Category::RateLimit, Retry::Backoff));
        assert_eq!((RECORDS.category(1), RECORDS.retry(1)), (Category::Unknown, Retry::Never));
        assert_eq!((RECORDS.severity(0), RECORDS.severity(1)), (Severity::Warning, Severity::Error));
        assert_eq!(RECORDS.code_u32(0), None);
        assert_eq!((RECORDS.source_mask(0), RECORDS.source_mask(1), RECORDS.source_mask(2)), (1, 6, 0));
    }

    #[test]
    fn inconsistent_columns_read_as_absent() {
        let broken = Records {
            // Not hexadecimal, then an end before its start, then one past the text.
            text: "üx",
            ends: "zz030209",
            end_digits: 2,
            codes: &[7],
            http_status: &[],
            class: &[255],
            sources: &[],
        };
        assert_eq!(broken.text(0, Field::Code), None, "not hexadecimal");
        assert_eq!(broken.text(0, Field::Name), None, "starts where an unreadable end is");
        assert_eq!(broken.text(0, Field::Title), None, "ends before it starts");
        assert_eq!(broken.text(0, Field::Description), None, "ends past the text");
        assert_eq!(broken.text(0, Field::Resolution), None, "no such end");
        assert_eq!(broken.http_status(0), None);
        assert_eq!(broken.category(0), Category::Unknown);
        assert_eq!(broken.retry(0), Retry::Never);
        assert_eq!(broken.code_u32(0), Some(7));
        assert_eq!(broken.source_mask(0), 0);
        let inside_a_character = Records { ends: "01", ..broken };
        assert_eq!(inside_a_character.text(0, Field::Code), None);
        let zero_width = Records { end_digits: 0, ..broken };
        assert_eq!(zero_width.text(0, Field::Code), None);
        let too_wide = Records { ends: "ffffffffffffffffffff", end_digits: 20, ..broken };
        assert_eq!(too_wide.text(0, Field::Code), None);
        let uppercase = Records { text: "0123456789ab", ends: "0B", ..broken };
        assert_eq!(uppercase.text(0, Field::Code), None, "codegen writes lowercase");
        assert_eq!(Records { ends: "0b", ..uppercase }.text(0, Field::Code), Some("0123456789a"));
        let no_class = Records { class: &[], ..broken };
        assert_eq!((no_class.category(0), no_class.retry(0)), (Category::Unknown, Retry::Never));
    }
}
