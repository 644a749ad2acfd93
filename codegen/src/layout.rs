//! How the generated tables pack an entry: each encoding written once,
//! its encoder beside its decoder. `errcat-codegen` holds a byte-identical
//! copy (`codegen/src/layout.rs`, checked by a test): it encodes what the
//! runtime decodes.

use core::fmt;

use crate::taxonomy::{Category, Retry, Severity};

/// The version of this layout, and of every other shape of the generated
/// tables: generated code checks that the runtime reads the one it was
/// written in. Raise it with any change to what generated code holds.
pub const VERSION: u32 = 5;

/// The texts of an entry, in the order the records hold them.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Field {
    /// The string code; empty for numeric codes and message-only products.
    Code,
    /// The Rust variant name.
    Name,
    /// The title.
    Title,
    /// The description.
    Description,
    /// The resolution.
    Resolution,
    /// The entry's own documentation page.
    DocsUrl,
    /// What can cause it.
    Causes,
}

impl Field {
    /// How many texts each entry has.
    pub const COUNT: usize = 7;
}

// A class byte holds a category in 4 bits, a retry advice in 3 and a
// warning in the top bit.
const _: () = assert!(Category::ALL.len() <= 16 && Retry::ALL.len() <= 8);
const WARNING: u8 = 128;

/// An entry's category, retry advice and severity in one byte: the
/// category's position in [`Category::ALL`], plus 16 times the advice's in
/// [`Retry::ALL`], plus 128 for a warning.
pub fn class(category: Category, retry: Retry, severity: Severity) -> u8 {
    let category = Category::ALL.iter().position(|&c| c == category).unwrap_or(Category::ALL.len() - 1);
    let retry = Retry::ALL.iter().position(|&r| r == retry).unwrap_or(0);
    let warning = if matches!(severity, Severity::Warning) { WARNING } else { 0 };
    (category as u8 & 15) | ((retry as u8 & 7) << 4) | warning
}

/// The category of a [`class`] byte.
#[inline]
pub fn class_category(class: u8) -> Category {
    Category::ALL.get(usize::from(class & 15)).copied().unwrap_or(Category::Unknown)
}

/// The retry advice of a [`class`] byte.
#[inline]
pub fn class_retry(class: u8) -> Retry {
    Retry::ALL.get(usize::from((class >> 4) & 7)).copied().unwrap_or(Retry::Never)
}

/// The severity of a [`class`] byte.
#[inline]
pub fn class_severity(class: u8) -> Severity {
    if class & WARNING != 0 { Severity::Warning } else { Severity::Error }
}

/// How many sources a product may have: an entry's are the bits of one
/// byte.
pub const MAX_SOURCES: usize = 8;

/// An entry's sources, given as positions among its product's sources, in
/// one byte: bit `i` for position `i`. Validation keeps positions below
/// [`MAX_SOURCES`]; others are dropped.
pub fn source_mask(positions: &[u8]) -> u8 {
    positions.iter().filter(|&&at| usize::from(at) < MAX_SOURCES).fold(0, |mask, &at| mask | 1 << at)
}

/// Whether a [`source_mask`] byte holds the source at `position`.
#[inline]
pub fn has_source(mask: u8, position: usize) -> bool {
    position < MAX_SOURCES && (mask >> position) & 1 == 1
}

/// How many hexadecimal digits each text end takes, for texts `len` bytes
/// long in all: enough for the longest. (One string of fixed-width numbers
/// rather than an array: at 100k codes, 600k integer literals cost the
/// compiler seconds.)
pub fn end_digits(len: usize) -> usize {
    let mut digits: u32 = 1;
    while len.checked_shr(4 * digits).is_some_and(|rest| rest != 0) {
        digits += 1;
    }
    digits as usize
}

/// Writes one text end, as [`read_end`] reads it back.
pub fn write_end(out: &mut impl fmt::Write, end: usize, digits: usize) -> fmt::Result {
    write!(out, "{end:0digits$x}")
}

/// The `at`-th text end of `ends`, each `digits` lowercase hexadecimal
/// digits.
#[inline]
pub fn read_end(ends: &[u8], at: usize, digits: usize) -> Option<usize> {
    let from = at.checked_mul(digits)?;
    let hex = ends.get(from..from.checked_add(digits)?)?;
    let mut end: u64 = 0;
    for &digit in hex {
        let value = match digit {
            b'0'..=b'9' => digit - b'0',
            b'a'..=b'f' => digit - b'a' + 10,
            _ => return None,
        };
        end = end.checked_mul(16)? + u64::from(value);
    }
    usize::try_from(end).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_class_byte_gives_back_what_it_packs() {
        for &category in Category::ALL {
            for &retry in Retry::ALL {
                for &severity in Severity::ALL {
                    let packed = class(category, retry, severity);
                    assert_eq!(
                        (class_category(packed), class_retry(packed), class_severity(packed)),
                        (category, retry, severity)
                    );
                }
            }
        }
    }

    #[test]
    fn a_source_mask_holds_the_positions_it_packs() {
        let mask = source_mask(&[0, 3, 7, 8, 200]);
        assert!((0..10).filter(|&at| has_source(mask, at)).eq([0, 3, 7]));
        assert_eq!(source_mask(&[]), 0);
        assert!(!has_source(u8::MAX, MAX_SOURCES));
    }

    #[test]
    fn text_ends_read_back_as_written() {
        struct Buf([u8; 64], usize);
        impl fmt::Write for Buf {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                let end = self.1 + s.len();
                self.0.get_mut(self.1..end).ok_or(fmt::Error)?.copy_from_slice(s.as_bytes());
                self.1 = end;
                Ok(())
            }
        }
        let ends = [0, 9, 15, 16, 255, 4095];
        let digits = end_digits(4095);
        assert_eq!((end_digits(0), end_digits(15), end_digits(16), digits), (1, 1, 2, 3));
        assert_eq!(end_digits(usize::MAX), usize::BITS as usize / 4);
        let mut buf = Buf([0; 64], 0);
        for end in ends {
            write_end(&mut buf, end, digits).unwrap();
        }
        for (at, end) in ends.into_iter().enumerate() {
            assert_eq!(read_end(&buf.0[..buf.1], at, digits), Some(end));
        }
        assert_eq!(read_end(&buf.0[..buf.1], ends.len(), digits), None);
        assert_eq!(read_end(b"0g", 0, 2), None);
    }
}
