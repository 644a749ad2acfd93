//! Builds the perfect-hash tables that `errors_runtime::support` probes.
//!
//! The scheme is CHD with 8-bit pilots, as in PtrHash: keys hash into
//! buckets of about `BUCKET_SIZE`; buckets are placed largest first, each
//! trying pilots 0..=255 until all its keys land in free slots. Every loop
//! is bounded: a key set that cannot be placed after every seed and load
//! factor in `ATTEMPTS` is an error, never a hang.

use std::fmt;

use crate::hash;

/// Average keys per bucket.
const BUCKET_SIZE: usize = 3;

/// (load factor in percent) per attempt; each attempt also takes a new seed.
const ATTEMPTS: &[u32] = &[90, 90, 85, 85, 80, 80, 75, 75, 70, 70, 60, 60, 50, 50, 40, 40, 30, 30, 25, 25];

/// Marks an empty slot; equals `errors_runtime::support::EMPTY`.
pub const EMPTY: u32 = u32::MAX;

/// A built table: `slots[slot(hash(key))]` is the key's position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub seed: u64,
    pub pilots: Vec<u8>,
    pub slots: Vec<u32>,
}

/// A numeric index: dense when the codes are close together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum U32Table {
    Dense { base: u32, slots: Vec<u32> },
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
pub fn build_str(keys: &[&str]) -> Result<Table, PhfError> {
    build(keys.len(), |seed| keys.iter().map(|k| hash::hash_bytes(seed, k.as_bytes())).collect())
}

/// Builds a table for distinct pairs of strings.
pub fn build_pairs(keys: &[(&str, &str)]) -> Result<Table, PhfError> {
    build(keys.len(), |seed| keys.iter().map(|(a, b)| hash::hash_pair(seed, a.as_bytes(), b.as_bytes())).collect())
}

/// Builds an index for distinct numeric codes.
pub fn build_u32(keys: &[u32]) -> Result<U32Table, PhfError> {
    if let (Some(&min), Some(&max)) = (keys.iter().min(), keys.iter().max()) {
        let range = (max - min) as usize + 1;
        if range <= (keys.len() * 4).max(64) {
            let mut slots = vec![EMPTY; range];
            for (position, &key) in keys.iter().enumerate() {
                let slot = &mut slots[(key - min) as usize];
                if *slot != EMPTY {
                    return Err(PhfError { keys: keys.len(), reason: format!("code {key} appears twice") });
                }
                *slot = position as u32;
            }
            return Ok(U32Table::Dense { base: min, slots });
        }
    }
    build(keys.len(), |seed| keys.iter().map(|&k| hash::hash_u32(seed, k)).collect()).map(U32Table::Hashed)
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

    #[test]
    fn every_key_finds_itself() {
        let keys: Vec<String> = (0..5000).map(|i| format!("conversation:error:code-{i}")).collect();
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let table = build_str(&refs).expect("builds");
        for (position, key) in refs.iter().enumerate() {
            assert_eq!(probe(&table, hash::hash_bytes(table.seed, key.as_bytes())), position as u32);
        }
    }

    #[test]
    fn near_duplicates_and_shared_prefixes() {
        let mut keys = vec!["10334".to_owned(), "103334".to_owned(), "1033334".to_owned(), String::new()];
        let prefix = "x".repeat(300);
        keys.extend((0..200).map(|i| format!("{prefix}{i}")));
        keys.extend((0..200).map(|i| format!("{i}{prefix}")));
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let table = build_str(&refs).expect("builds");
        for (position, key) in refs.iter().enumerate() {
            assert_eq!(probe(&table, hash::hash_bytes(table.seed, key.as_bytes())), position as u32);
        }
    }

    #[test]
    fn duplicate_keys_are_an_error_not_a_hang() {
        let err = build_str(&["a", "b", "a"]).expect_err("duplicates cannot be placed");
        assert!(err.to_string().contains("hash identically"), "{err}");
    }

    #[test]
    fn length_is_mixed_in() {
        for seed in 0..1000 {
            assert_ne!(hash::hash_bytes(seed, b"10334"), hash::hash_bytes(seed, b"103334"));
            assert_ne!(hash::hash_bytes(seed, b"a"), hash::hash_bytes(seed, b"a\0"));
        }
    }

    #[test]
    fn numeric_tables() {
        match build_u32(&[1000, 1010, 1020, 1021]).expect("builds") {
            U32Table::Dense { base, slots } => {
                assert_eq!(base, 1000);
                assert_eq!(slots[20], 2);
                assert_eq!(slots[1], EMPTY);
            }
            other => panic!("expected a dense table, got {other:?}"),
        }
        let sparse = [0, 40001, 50300, u32::MAX];
        match build_u32(&sparse).expect("builds") {
            U32Table::Hashed(table) => {
                for (position, &code) in sparse.iter().enumerate() {
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
