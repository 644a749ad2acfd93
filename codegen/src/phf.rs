//! Builds the perfect-hash tables that errors-runtime's `support` module probes.
//!
//! Small products (at most `DIRECT_MAX_KEYS` keys) get a direct table: a
//! bounded search finds a multiplier that sends every key's hash to its own
//! slot, so a lookup is one hash, one multiply and one slot read. Bigger
//! products, and small ones for which the search finds no multiplier, get
//! CHD with 8-bit pilots, as in PtrHash: keys hash into buckets of about
//! `BUCKET_SIZE`; buckets are placed largest first, each trying pilots
//! 0..=255 until all its keys land in free slots.
//!
//! Every loop is bounded: a key set that cannot be placed after every seed
//! and load factor in `ATTEMPTS` is an error, never a hang.

use std::fmt;

use crate::hash;
pub use crate::hash::Sample;

/// Average keys per bucket.
const BUCKET_SIZE: usize = 3;

/// (load factor in percent) per attempt; each attempt also takes a new seed.
const ATTEMPTS: &[u32] = &[90, 90, 85, 85, 80, 80, 75, 75, 70, 70, 60, 60, 50, 50, 40, 40, 30, 30, 25, 25];

/// Products of at most this many keys try a direct table.
const DIRECT_MAX_KEYS: usize = 256;
/// Direct table sizes in slots per key (rounded up to a power of two),
/// smallest first, up to `DIRECT_MAX_SLOTS` slots; and multipliers tried
/// per size.
const DIRECT_LOADS: &[usize] = &[2, 4, 8];
const DIRECT_MAX_SLOTS: usize = 2048;
const DIRECT_TRIES: usize = 5000;

/// Marks an empty slot; equals errors-runtime's `support::EMPTY`.
pub const EMPTY: u32 = u32::MAX;

/// A built table: `slots[slot(hash(key))]` is the key's position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub seed: u64,
    pub pilots: Vec<u8>,
    pub slots: Vec<u32>,
}

/// A string index: direct for small products, pilots otherwise. Either
/// hashes the keys under `sample` (see [`Sample`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StrTable {
    /// `slots[hash::direct_slot(hash_str(seed, key, sample), multiplier, slots.len())]`
    /// is the key's position.
    Direct { sample: Sample, seed: u64, multiplier: u64, slots: Vec<u32> },
    /// A perfect hash with pilots.
    Pilots { sample: Sample, table: Table },
}

/// A numeric index: direct when there are few codes, pilots otherwise.
/// (A table indexed by `code - base` for close codes measured no faster
/// than a direct one on any real product; see BENCHMARKS.md.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum U32Table {
    /// `slots[hash::direct_slot(code, multiplier, slots.len())]` is the
    /// code's position.
    Direct { multiplier: u64, slots: Vec<u32> },
    /// A perfect hash with pilots, as for strings.
    Hashed(Table),
}

/// The key set could not be placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhfError {
    pub keys: usize,
    pub reason: String,
}

impl fmt::Display for PhfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot build a perfect hash for {} keys: {}", self.keys, self.reason)
    }
}

impl std::error::Error for PhfError {}

/// The seed of attempt `n`: fixed, so output is reproducible.
fn seed(n: usize) -> u64 {
    // splitmix64 of the attempt number
    let mut z = (n as u64).wrapping_add(1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Builds a table for distinct string keys.
pub fn build_str(keys: &[&str]) -> Result<StrTable, PhfError> {
    let sample = sample_for(keys);
    match build_str_direct(keys, sample) {
        Some(table) => Ok(table),
        None => build_pilots(keys, sample).map(|table| StrTable::Pilots { sample, table }),
    }
}

/// A direct table for distinct string keys under `sample`, when one fits
/// (at most `DIRECT_MAX_KEYS` keys).
pub fn build_str_direct(keys: &[&str], sample: Sample) -> Option<StrTable> {
    let seed = seed(0);
    let hashes: Vec<u64> = keys.iter().map(|k| hash::hash_str(seed, k.as_bytes(), sample)).collect();
    build_direct(&hashes).map(|(multiplier, slots)| StrTable::Direct { sample, seed, multiplier, slots })
}

/// The cheapest sample that tells every key apart: the first and last 8
/// bytes and the length, or the last 16 bytes and the length, else every
/// byte.
pub fn sample_for(keys: &[&str]) -> Sample {
    type Sampler = fn(&[u8]) -> (usize, &[u8], &[u8]);
    let distinct = |sample: Sampler| {
        let mut samples: Vec<_> = keys.iter().map(|k| sample(k.as_bytes())).collect();
        samples.sort_unstable();
        samples.windows(2).all(|w| w[0] != w[1])
    };
    if distinct(|k| (k.len(), &k[..k.len().min(8)], &k[k.len().saturating_sub(8)..])) {
        Sample::Ends
    } else if distinct(|k| (k.len(), &[], &k[k.len().saturating_sub(16)..])) {
        Sample::Tail
    } else {
        Sample::All
    }
}

/// Builds a table with pilots for distinct string keys, whatever their
/// number.
pub fn build_pilots(keys: &[&str], sample: Sample) -> Result<Table, PhfError> {
    build(keys.len(), |seed| keys.iter().map(|k| hash::hash_str(seed, k.as_bytes(), sample)).collect())
}

/// Builds a table for distinct pairs of strings.
pub fn build_pairs(keys: &[(&str, &str)]) -> Result<Table, PhfError> {
    build(keys.len(), |seed| keys.iter().map(|(a, b)| hash::hash_pair(seed, a.as_bytes(), b.as_bytes())).collect())
}

/// Builds an index for distinct numeric codes.
pub fn build_u32(keys: &[u32]) -> Result<U32Table, PhfError> {
    match build_u32_direct(keys) {
        Some(table) => Ok(table),
        None => build_u32_hashed(keys),
    }
}

/// A direct table for distinct numeric codes, when one fits (at most
/// `DIRECT_MAX_KEYS` codes).
pub fn build_u32_direct(keys: &[u32]) -> Option<U32Table> {
    let codes: Vec<u64> = keys.iter().map(|&k| u64::from(k)).collect();
    build_direct(&codes).map(|(multiplier, slots)| U32Table::Direct { multiplier, slots })
}

/// A table with pilots for distinct numeric codes, whatever their number.
pub fn build_u32_hashed(keys: &[u32]) -> Result<U32Table, PhfError> {
    build(keys.len(), |seed| keys.iter().map(|&k| hash::hash_u32(seed, k)).collect()).map(U32Table::Hashed)
}

/// Searches a bounded number of multipliers for one that sends every hash
/// to its own slot: `(multiplier, position per slot)`. `None` when there
/// are too many keys, two hashes are equal, or no multiplier is found.
fn build_direct(hashes: &[u64]) -> Option<(u64, Vec<u32>)> {
    if hashes.is_empty() || hashes.len() > DIRECT_MAX_KEYS {
        return None;
    }
    // `taken[slot] == stamp` when a key of the current try is there.
    let mut taken: Vec<u32> = Vec::new();
    let mut stamp = 0u32;
    for &load in DIRECT_LOADS {
        // A power of two, so the slot is a shift of the product.
        let slots = (hashes.len() * load).next_power_of_two();
        if slots > DIRECT_MAX_SLOTS {
            break;
        }
        taken.clear();
        taken.resize(slots, 0);
        for attempt in 0..DIRECT_TRIES {
            stamp += 1;
            let multiplier = seed(attempt) | 1;
            let fits = hashes.iter().all(|&h| {
                let slot = &mut taken[hash::direct_slot(h, multiplier, slots)];
                std::mem::replace(slot, stamp) != stamp
            });
            if fits {
                let mut table = vec![EMPTY; slots];
                for (position, &h) in hashes.iter().enumerate() {
                    table[hash::direct_slot(h, multiplier, slots)] = position as u32;
                }
                return Some((multiplier, table));
            }
        }
    }
    None
}

fn build(n: usize, hashes_for: impl Fn(u64) -> Vec<u64>) -> Result<Table, PhfError> {
    if n == 0 {
        return Ok(Table { seed: 0, pilots: Vec::new(), slots: Vec::new() });
    }
    if n >= EMPTY as usize {
        return Err(PhfError { keys: n, reason: "too many keys".to_owned() });
    }
    let mut last_reason = String::new();
    for (attempt, &load) in ATTEMPTS.iter().enumerate() {
        let seed = seed(attempt);
        let hashes = hashes_for(seed);
        let mut sorted = hashes.clone();
        sorted.sort_unstable();
        if sorted.windows(2).any(|w| w[0] == w[1]) {
            last_reason = "two keys hash identically (are they distinct?)".to_owned();
            continue;
        }
        let buckets = n.div_ceil(BUCKET_SIZE);
        let slots = (n * 100).div_ceil(load as usize).max(n);
        match place(&hashes, buckets, slots) {
            Some((pilots, slot_table)) => return Ok(Table { seed, pilots, slots: slot_table }),
            None => last_reason = format!("no pilot fits after {} seeds", attempt + 1),
        }
    }
    Err(PhfError { keys: n, reason: last_reason })
}

fn place(hashes: &[u64], buckets: usize, slots: usize) -> Option<(Vec<u8>, Vec<u32>)> {
    let mut members: Vec<Vec<u32>> = vec![Vec::new(); buckets];
    for (position, &h) in hashes.iter().enumerate() {
        members[hash::bucket(h, buckets)].push(position as u32);
    }
    let mut order: Vec<usize> = (0..buckets).collect();
    // Largest buckets first; ties by index keep the output deterministic.
    order.sort_by(|&a, &b| members[b].len().cmp(&members[a].len()).then(a.cmp(&b)));

    let mut pilots = vec![0u8; buckets];
    let mut table = vec![EMPTY; slots];
    let mut taken: Vec<usize> = Vec::new();
    for bucket in order {
        if members[bucket].is_empty() {
            break;
        }
        let mut placed = false;
        for pilot in 0..=u8::MAX {
            taken.clear();
            let fits = members[bucket].iter().all(|&position| {
                let slot = hash::slot(hashes[position as usize], pilot, slots);
                if table[slot] != EMPTY || taken.contains(&slot) {
                    return false;
                }
                taken.push(slot);
                true
            });
            if fits {
                for (&position, &slot) in members[bucket].iter().zip(&taken) {
                    table[slot] = position;
                }
                pilots[bucket] = pilot;
                placed = true;
                break;
            }
        }
        if !placed {
            return None;
        }
    }
    Some((pilots, table))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn probe(table: &Table, h: u64) -> u32 {
        let pilot = table.pilots[hash::bucket(h, table.pilots.len())];
        table.slots[hash::slot(h, pilot, table.slots.len())]
    }

    /// The position a string table gives `key` (`EMPTY` if none).
    fn find(table: &StrTable, key: &str) -> u32 {
        match table {
            StrTable::Direct { sample, seed, multiplier, slots } => {
                let h = hash::hash_str(*seed, key.as_bytes(), *sample);
                slots[hash::direct_slot(h, *multiplier, slots.len())]
            }
            StrTable::Pilots { sample, table } => probe(table, hash::hash_str(table.seed, key.as_bytes(), *sample)),
        }
    }

    fn assert_all_found(keys: &[String]) {
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let direct = build_str(&refs).expect("builds");
        let all = StrTable::Pilots { sample: Sample::All, table: build_pilots(&refs, Sample::All).expect("builds") };
        let sample = sample_for(&refs);
        let sampled = StrTable::Pilots { sample, table: build_pilots(&refs, sample).expect("builds") };
        for table in [&direct, &all, &sampled] {
            for (position, key) in refs.iter().enumerate() {
                assert_eq!(find(table, key), position as u32, "{key:?}");
            }
        }
    }

    #[test]
    fn every_key_finds_itself() {
        let keys: Vec<String> = (0..5000).map(|i| format!("conversation:error:code-{i}")).collect();
        assert_all_found(&keys);
        assert_all_found(&keys[..100]);
        assert!(matches!(build_str(&["throttled", "invalid-api-key"]), Ok(StrTable::Direct { .. })));
    }

    #[test]
    fn near_duplicates_and_shared_prefixes() {
        let mut keys = vec!["10334".to_owned(), "103334".to_owned(), "1033334".to_owned(), String::new()];
        let prefix = "x".repeat(300);
        keys.extend((0..200).map(|i| format!("{prefix}{i}")));
        keys.extend((0..200).map(|i| format!("{i}{prefix}")));
        assert_all_found(&keys);
        assert_all_found(&keys[..4]);
    }

    /// Key sets built to defeat a hash: shared prefixes and suffixes with
    /// a difference in the middle of every 16-byte block, every length of
    /// one repeated byte, all short strings over a small alphabet. Table
    /// construction ends (it is bounded) and finds every key.
    #[test]
    fn adversarial_key_sets() {
        let mut middle = Vec::new();
        for len in [17, 31, 32, 33, 47, 48, 49, 100] {
            for at in 0..len {
                let mut key = vec![b'a'; len];
                key[at] = b'b';
                middle.push(String::from_utf8(key).unwrap());
            }
        }
        assert_all_found(&middle);
        let repeated: Vec<String> = (0..300).map(|n| "0".repeat(n)).collect();
        assert_all_found(&repeated);
        assert_all_found(&repeated[..40]);
        let mut short = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> =
                short.iter().flat_map(|s| ["a", "b", "\0", "\u{80}"].map(|c| format!("{s}{c}"))).collect();
            short.extend(longer);
            short.sort();
            short.dedup();
        }
        assert_all_found(&short);
        let numbers: Vec<String> = (0..20_000).map(|n| (n * 10).to_string()).collect();
        assert_all_found(&numbers);
    }

    #[test]
    fn samples() {
        assert_eq!(sample_for(&["conversation:error:not-found", "member:error:not-found"]), Sample::Ends);
        assert_eq!(sample_for(&["a:error:x-not-found", "a:error:y-not-found"]), Sample::Tail);
        assert_eq!(sample_for(&["a:error:xx-was-not-found-here", "a:error:yy-was-not-found-here"]), Sample::All);
        assert_eq!(sample_for(&["", "a", "ab", "abc", "abcd", "abcdefghijklmno"]), Sample::Ends);
        for keys in [
            &["a:error:x-not-found", "a:error:y-not-found"][..],
            &["a:error:xx-was-not-found-here", "a:error:yy-was-not-found-here"],
        ] {
            let refs: Vec<String> = keys.iter().map(|k| (*k).to_owned()).collect();
            assert_all_found(&refs);
        }
    }

    #[test]
    fn duplicate_keys_are_an_error_not_a_hang() {
        let err = build_str(&["a", "b", "a"]).expect_err("duplicates cannot be placed");
        assert!(err.to_string().contains("hash identically"), "{err}");
        let many: Vec<String> = (0..1000).map(|i| format!("k{}", i % 999)).collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        assert!(build_str(&refs).is_err());
        assert!(build_u32(&[1, 1_000_000, 1]).is_err());
    }

    #[test]
    fn length_is_mixed_in() {
        for seed in 0..1000 {
            assert_ne!(hash::hash_bytes(seed, b"10334"), hash::hash_bytes(seed, b"103334"));
            assert_ne!(hash::hash_bytes(seed, b"a"), hash::hash_bytes(seed, b"a\0"));
            assert_ne!(hash::hash_bytes(seed, b""), hash::hash_bytes(seed, b"\0"));
        }
    }

    #[test]
    fn numeric_tables() {
        for few in [&[1000, 1010, 1020, 1021][..], &[0, 40001, 50300, u32::MAX]] {
            match build_u32(few).expect("builds") {
                U32Table::Direct { multiplier, slots } => {
                    for (position, &code) in few.iter().enumerate() {
                        assert_eq!(slots[hash::direct_slot(code.into(), multiplier, slots.len())], position as u32);
                    }
                    assert_eq!(slots.iter().filter(|&&s| s != EMPTY).count(), few.len());
                }
                other => panic!("expected a direct table, got {other:?}"),
            }
        }
        let many: Vec<u32> = (0..5000).map(|i| i * 7919 + (i % 3) * 1_000_000).collect();
        match build_u32(&many).expect("builds") {
            U32Table::Hashed(table) => {
                for (position, &code) in many.iter().enumerate() {
                    assert_eq!(probe(&table, hash::hash_u32(table.seed, code)), position as u32);
                }
            }
            other => panic!("expected a hashed table, got {other:?}"),
        }
        assert!(build_u32(&[5, 5]).is_err());
    }

    #[test]
    fn same_keys_same_table() {
        let keys = ["invalid-api-key", "throttled", "not-found"];
        assert_eq!(build_str(&keys), build_str(&keys));
    }
}
