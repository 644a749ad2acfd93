//! The seeded hash and the perfect-hash slot arithmetic.
//!
//! This file is the one definition of both. `errcat-codegen` compiles the
//! same file to build the tables, so a table built at generation time is
//! always probed the same way at run time. It depends on nothing but `core`.

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

/// Reads up to 8 bytes as a little-endian integer, zero-padded.
#[inline(always)]
fn read_partial(bytes: &[u8]) -> u64 {
    let mut word = [0u8; 8];
    let n = bytes.len().min(8);
    word[..n].copy_from_slice(&bytes[..n]);
    u64::from_le_bytes(word)
}

/// Hashes a byte string with `seed`.
///
/// Reads 8 bytes at a time and folds each word in with a 128-bit multiply.
/// The length enters multiplicatively, so keys that differ only by a
/// repeated byte (`"10334"`, `"103334"`) do not collide for every seed.
#[inline]
pub fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let mut state = fold_mul(seed ^ P0, (bytes.len() as u64) ^ P1);
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        state = fold_mul(state ^ read_partial(word), P2);
    }
    fold_mul(state ^ read_partial(words.remainder()), P3)
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
#[inline(always)]
pub const fn slot(hash: u64, pilot: u8, slots: usize) -> usize {
    reduce(fold_mul(hash ^ (pilot as u64).wrapping_mul(P2), P3), slots)
}

/// Hashes a pair of strings, e.g. (vendor id, code), without joining them.
#[inline]
pub fn hash_pair(seed: u64, first: &[u8], second: &[u8]) -> u64 {
    hash_bytes(hash_bytes(seed, first), second)
}
