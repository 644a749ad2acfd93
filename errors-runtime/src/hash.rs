//! The seeded hash and the perfect-hash slot arithmetic.
//!
//! This file is the one definition of both. `errcat-codegen` holds a
//! byte-identical copy (`codegen/src/hash.rs`, checked by a test) to build
//! the tables, so a table built at generation time is always probed the
//! same way at run time. It depends on nothing but `core`.

// Constants from wyhash: odd, with well-spread bits.
const P0: u64 = 0xa076_1d64_78bd_642f;
const P1: u64 = 0xe703_7ed1_a0b4_28db;
const P2: u64 = 0x8ebc_6af0_9c88_c6e3;
const P3: u64 = 0x5899_65cc_7537_4cc3;

/// Multiplies to 128 bits and folds the halves together.
#[inline(always)]
const fn fold_mul(a: u64, b: u64) -> u64 {
    let wide = (a as u128).wrapping_mul(b as u128);
    (wide as u64) ^ ((wide >> 64) as u64)
}

/// The two halves of 16 bytes read as a little-endian integer.
#[inline(always)]
const fn halves(bytes: &[u8; 16]) -> (u64, u64) {
    let word = u128::from_le_bytes(*bytes);
    (word as u64, (word >> 64) as u64)
}

/// Which bytes of a string key its hash reads.
///
/// Codegen picks, per product, the cheapest sample under which every key
/// hashes differently; the lookup compares the whole key afterwards, so a
/// sample only has to tell the product's own keys apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sample {
    /// Every byte (`hash_bytes`).
    All,
    /// The length and the last 16 bytes (`hash_tail`).
    Tail,
    /// The length and the first and last 8 bytes (`hash_ends`).
    Ends,
}

/// Hashes a string key under a [`Sample`].
#[inline(always)]
pub fn hash_str(seed: u64, bytes: &[u8], sample: Sample) -> u64 {
    match sample {
        Sample::All => hash_bytes(seed, bytes),
        Sample::Tail => hash_tail(seed, bytes),
        Sample::Ends => hash_ends(seed, bytes),
    }
}

/// The length, mixed with the seed by one multiply.
#[inline(always)]
const fn length_state(seed: u64, len: usize) -> u64 {
    (seed ^ P0 ^ len as u64).wrapping_mul(P1)
}

/// The first and last 8 bytes of a key as two words; for a key shorter
/// than 16 bytes they hold every byte (with its length, they determine it).
#[inline(always)]
fn end_words(bytes: &[u8]) -> (u64, u64) {
    if let (Some(first), Some(last)) = (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        (u64::from_le_bytes(*first), u64::from_le_bytes(*last))
    } else if let (Some(first), Some(last)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        (u64::from(u32::from_le_bytes(*first)), u64::from(u32::from_le_bytes(*last)))
    } else if let Some(&first) = bytes.first() {
        // 1 to 3 bytes: the first, middle and last cover them all.
        let middle = bytes.get(bytes.len() / 2).copied().unwrap_or(0);
        let last = bytes.last().copied().unwrap_or(0);
        (u64::from(first) << 16 | u64::from(middle) << 8 | u64::from(last), 0)
    } else {
        (0, 0)
    }
}

/// Hashes a byte string with `seed`, reading every byte.
///
/// wyhash-style: 16-byte chunks, each pair of words folded with one 128-bit
/// multiply. Keys of 16 to 48 bytes take a branch-free path: three chunks
/// at offsets 0, `min(16, len - 16)` and `len - 16`, the first two folded
/// independently so that their multiplies overlap. Longer keys fold 16
/// bytes at a time; shorter ones use two overlapping reads that cover
/// every byte. No branch depends on a key's bytes, only on its length.
///
/// The length enters multiplicatively, so keys that differ only by a
/// repeated byte (`"10334"`, `"103334"`) do not collide for every seed.
#[inline]
pub fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let len = bytes.len();
    let mut state = length_state(seed, len);
    let (a, b) = if len > 48 {
        let mut rest = bytes;
        while let Some((chunk, tail)) = rest.split_first_chunk::<16>() {
            if tail.is_empty() {
                break;
            }
            let (lo, hi) = halves(chunk);
            state = fold_mul(lo ^ P2, hi ^ state);
            rest = tail;
        }
        bytes.last_chunk::<16>().map_or((0, 0), halves)
    } else if let (Some(first), Some(last)) = (bytes.first_chunk::<16>(), bytes.last_chunk::<16>()) {
        let middle = bytes.get(16.min(len - 16)..).and_then(<[u8]>::first_chunk::<16>).unwrap_or(last);
        let (first_lo, first_hi) = halves(first);
        let (middle_lo, middle_hi) = halves(middle);
        let x = fold_mul(first_lo ^ seed ^ P2, first_hi ^ P3);
        let y = fold_mul(middle_lo ^ seed ^ P3, middle_hi ^ P2);
        let (last_lo, last_hi) = halves(last);
        (last_lo ^ x, last_hi ^ y)
    } else {
        end_words(bytes)
    };
    fold_mul(a ^ P2, b ^ state)
}

/// Hashes the length and the last 16 bytes of a byte string (every byte
/// of a shorter one) with `seed`: one multiply for the length, one for the
/// bytes.
#[inline]
pub fn hash_tail(seed: u64, bytes: &[u8]) -> u64 {
    let (a, b) = match bytes.last_chunk::<16>() {
        Some(last) => halves(last),
        None => end_words(bytes),
    };
    fold_mul(a ^ P2, b ^ length_state(seed, bytes.len()))
}

/// Hashes the length and the first and last 8 bytes of a byte string
/// (every byte of one shorter than 16) with `seed`: one multiply for the
/// length, one for the bytes.
#[inline]
pub fn hash_ends(seed: u64, bytes: &[u8]) -> u64 {
    let (a, b) = end_words(bytes);
    fold_mul(a ^ P2, b ^ length_state(seed, bytes.len()))
}

/// Hashes a pair of strings, e.g. (vendor id, code), without joining them.
#[inline]
pub fn hash_pair(seed: u64, first: &[u8], second: &[u8]) -> u64 {
    hash_bytes(hash_bytes(seed, first), second)
}

/// Hashes a numeric code with `seed`.
#[inline]
pub const fn hash_u32(seed: u64, code: u32) -> u64 {
    fold_mul(seed ^ P0 ^ code as u64, P1)
}

/// Maps a hash to `0..len` using its high bits (Lemire's reduction).
#[inline(always)]
pub const fn reduce(hash: u64, len: usize) -> usize {
    (((hash as u128) * (len as u128)) >> 64) as usize
}

/// The bucket a hash belongs to.
#[inline(always)]
pub const fn bucket(hash: u64, buckets: usize) -> usize {
    reduce(hash, buckets)
}

/// The slot a hash lands in, given its bucket's pilot.
///
/// The bucket took the hash's high bits; one multiply brings its low bits
/// up, so keys of one bucket spread over every slot.
#[inline(always)]
pub const fn slot(hash: u64, pilot: u8, slots: usize) -> usize {
    reduce((hash ^ (pilot as u64).wrapping_mul(P2)).wrapping_mul(P3), slots)
}

/// The slot of a hash in a table without pilots: the high bits of one
/// multiply. Codegen searches for a `multiplier` that gives every key of a
/// small product its own slot.
#[inline(always)]
pub const fn direct_slot(hash: u64, multiplier: u64, slots: usize) -> usize {
    reduce(hash.wrapping_mul(multiplier), slots)
}
