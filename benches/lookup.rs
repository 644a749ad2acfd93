//! errcat's generated lookups against their peers, side by side on the same
//! keys: `phf::Map` (phf 0.14), std `HashMap`, a rustc `match` and binary
//! search over a sorted slice.
//!
//! ```sh
//! cargo bench --bench lookup
//! ```
//!
//! Each benchmark looks up every key of a shuffled array of `LOOKUPS` keys
//! per iteration. At the end of a run the medians are printed as
//! BENCHMARKS.md's table: ns per lookup, and how many times faster than
//! `phf::Map`. The keys are
//! the codes of the bundled catalog's largest string product (Vonage
//! Conversation, `x:error:y`), its largest numeric product (Vonage
//! Messages), a sparse numeric one (Sinch Verification, 5-digit codes) and
//! the largest imported one (Twilio General, 474 codes from 400 to 94,604),
//! all hits or with 10% misses. `benches/peers/` holds the `phf::Map` and
//! `match` peers, generated from the same catalog (see
//! `tests/bench_peers.rs`).
//!
//! The `shape/` groups weigh codegen's choices on the same products: each
//! table shape and key sample it could build (with `errcat_codegen::phf`),
//! probed through errors-runtime's index types, so that every scheme shows
//! what it wins or goes. A second table prints their medians.

use std::collections::HashMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use criterion::{BenchmarkGroup, Criterion, Throughput, measurement::WallTime};
use errcat_codegen::{phf as shapes, tables};
use errors_runtime::__private::{Place, Sample, StrIndex, U32Index};
use errors_runtime::{ErrorCode, sinch, twilio, vonage};

#[rustfmt::skip]
#[path = "peers/vonage_conversation.rs"]
mod vonage_conversation;
#[rustfmt::skip]
#[path = "peers/vonage_messages.rs"]
mod vonage_messages;
#[rustfmt::skip]
#[path = "peers/sinch_verification.rs"]
mod sinch_verification;
#[rustfmt::skip]
#[path = "peers/twilio_general.rs"]
mod twilio_general;

/// Lookups per iteration.
const LOOKUPS: usize = 4096;

/// A small deterministic generator (splitmix64), so every run and every
/// peer sees the same keys in the same order.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// `LOOKUPS` keys: every hit key equally often, every tenth one replaced by
/// a miss when `misses` is not empty, shuffled.
fn workload<K: Copy>(hits: &[K], misses: &[K], rng: &mut Rng) -> Vec<K> {
    let mut keys: Vec<K> = (0..LOOKUPS)
        .map(|i| if !misses.is_empty() && i % 10 == 0 { misses[(i / 10) % misses.len()] } else { hits[i % hits.len()] })
        .collect();
    rng.shuffle(&mut keys);
    keys
}

/// Times `lookup` over `keys`; the positions found are summed so that no
/// lookup can be optimized away.
fn bench<K: Copy>(group: &mut BenchmarkGroup<'_, WallTime>, name: &str, keys: &[K], lookup: impl Fn(K) -> Option<u16>) {
    group.bench_function(name, |b| {
        b.iter(|| {
            let mut sum = 0usize;
            for &key in black_box(keys) {
                sum += lookup(key).map_or(0, |p| usize::from(p) + 1);
            }
            sum
        })
    });
}

/// The sum `bench` computes, to check that every peer agrees.
fn checksum<K: Copy>(keys: &[K], lookup: impl Fn(K) -> Option<u16>) -> usize {
    keys.iter().map(|&k| lookup(k).map_or(0, |p| usize::from(p) + 1)).sum()
}

/// Unknown string codes shaped like the real ones: a real key with one
/// character changed, a real namespace with an unknown reason, a real key
/// with a suffix.
fn string_misses(hits: &[&'static str], known: impl Fn(&str) -> bool, rng: &mut Rng) -> Vec<&'static str> {
    let mut misses = Vec::new();
    while misses.len() < hits.len() {
        let key = hits[rng.below(hits.len())];
        let candidate = match misses.len() % 3 {
            0 => {
                let mut bytes = key.as_bytes().to_vec();
                let at = rng.below(bytes.len());
                bytes[at] = if bytes[at] == b'z' { b'a' } else { bytes[at] + 1 };
                String::from_utf8(bytes).unwrap_or_default()
            }
            1 => match key.split_once(':') {
                Some((namespace, _)) => format!("{namespace}:error:unknown-{}", rng.below(1000)),
                None => format!("unknown-{key}"),
            },
            _ => format!("{key}s"),
        };
        if !candidate.is_empty() && !known(&candidate) {
            misses.push(&*Box::leak(candidate.into_boxed_str()));
        }
    }
    misses
}

/// Unknown numeric codes in and just around the range of the real ones.
fn numeric_misses(hits: &[u32], rng: &mut Rng) -> Vec<u32> {
    let (min, max) = (hits.iter().min().copied().unwrap_or(0), hits.iter().max().copied().unwrap_or(0));
    let mut misses = Vec::new();
    while misses.len() < hits.len() {
        let candidate = min.saturating_sub(10) + rng.below((max - min + 20) as usize + 1) as u32;
        if !hits.contains(&candidate) {
            misses.push(candidate);
        }
    }
    misses
}

fn strings<E: ErrorCode>(
    c: &mut Criterion,
    name: &str,
    position: impl Fn(E) -> u16,
    phf: &phf::Map<&'static str, u16>,
    by_match: impl Fn(&str) -> Option<u16> + Copy,
) {
    let codes: Vec<&'static str> =
        E::all().iter().map(|e| e.info().code().as_str().expect("a string product")).collect();
    let hash_map: HashMap<&'static str, u16> = codes.iter().enumerate().map(|(p, &k)| (k, p as u16)).collect();
    let mut sorted: Vec<(&'static str, u16)> = codes.iter().enumerate().map(|(p, &k)| (k, p as u16)).collect();
    sorted.sort_unstable();
    let mut rng = Rng(0x5eed);
    let misses = string_misses(&codes, |k| hash_map.contains_key(k), &mut rng);

    for (workload_name, miss_keys) in [("hit", &[][..]), ("miss10", &misses[..])] {
        let keys = workload(&codes, miss_keys, &mut rng);
        let errcat = |k: &str| E::from_code(k).map(&position);
        let phf_get = |k: &str| phf.get(k).copied();
        let hash_get = |k: &str| hash_map.get(k).copied();
        let binary = |k: &str| sorted.binary_search_by(|(s, _)| (*s).cmp(k)).ok().map(|i| sorted[i].1);
        let expected = checksum(&keys, errcat);
        assert_eq!(checksum(&keys, phf_get), expected, "phf disagrees");
        assert_eq!(checksum(&keys, hash_get), expected, "HashMap disagrees");
        assert_eq!(checksum(&keys, by_match), expected, "match disagrees");
        assert_eq!(checksum(&keys, binary), expected, "binary search disagrees");

        let mut group = c.benchmark_group(format!("{name}/{workload_name}"));
        group.throughput(Throughput::Elements(LOOKUPS as u64));
        bench(&mut group, "errcat", &keys, errcat);
        bench(&mut group, "phf_map", &keys, phf_get);
        bench(&mut group, "hash_map", &keys, hash_get);
        bench(&mut group, "match", &keys, by_match);
        bench(&mut group, "binary_search", &keys, binary);
        group.finish();
    }
}

fn numbers<E: ErrorCode>(
    c: &mut Criterion,
    name: &str,
    from_u32: impl Fn(u32) -> Option<E>,
    position: impl Fn(E) -> u16,
    phf: &phf::Map<u32, u16>,
    by_match: impl Fn(u32) -> Option<u16> + Copy,
) {
    let codes: Vec<u32> = E::all().iter().map(|e| e.info().code().as_u32().expect("a numeric product")).collect();
    let hash_map: HashMap<u32, u16> = codes.iter().enumerate().map(|(p, &k)| (k, p as u16)).collect();
    let mut sorted: Vec<(u32, u16)> = codes.iter().enumerate().map(|(p, &k)| (k, p as u16)).collect();
    sorted.sort_unstable();
    let mut rng = Rng(0x5eed);
    let misses = numeric_misses(&codes, &mut rng);

    for (workload_name, miss_keys) in [("hit", &[][..]), ("miss10", &misses[..])] {
        let keys = workload(&codes, miss_keys, &mut rng);
        let errcat = |k: u32| from_u32(k).map(&position);
        let phf_get = |k: u32| phf.get(&k).copied();
        let hash_get = |k: u32| hash_map.get(&k).copied();
        let binary = |k: u32| sorted.binary_search_by_key(&k, |&(s, _)| s).ok().map(|i| sorted[i].1);
        let expected = checksum(&keys, errcat);
        assert_eq!(checksum(&keys, phf_get), expected, "phf disagrees");
        assert_eq!(checksum(&keys, hash_get), expected, "HashMap disagrees");
        assert_eq!(checksum(&keys, by_match), expected, "match disagrees");
        assert_eq!(checksum(&keys, binary), expected, "binary search disagrees");

        let mut group = c.benchmark_group(format!("{name}/{workload_name}"));
        group.throughput(Throughput::Elements(LOOKUPS as u64));
        bench(&mut group, "errcat", &keys, errcat);
        bench(&mut group, "phf_map", &keys, phf_get);
        bench(&mut group, "hash_map", &keys, hash_get);
        bench(&mut group, "match", &keys, by_match);
        bench(&mut group, "binary_search", &keys, binary);
        group.finish();
    }
}

fn lookups(c: &mut Criterion) {
    strings::<vonage::Conversation>(
        c,
        "str_vonage_conversation",
        |e| e as u16,
        &vonage_conversation::PHF,
        vonage_conversation::by_match,
    );
    numbers::<vonage::Messages>(
        c,
        "u32_vonage_messages",
        vonage::Messages::from_u32,
        |e| e as u16,
        &vonage_messages::PHF,
        vonage_messages::by_match,
    );
    numbers::<sinch::Verification>(
        c,
        "u32_sinch_verification",
        sinch::Verification::from_u32,
        |e| e as u16,
        &sinch_verification::PHF,
        sinch_verification::by_match,
    );
    numbers::<twilio::General>(
        c,
        "u32_twilio_general",
        twilio::General::from_u32,
        |e| e as u16,
        &twilio_general::PHF,
        twilio_general::by_match,
    );
}

fn leak<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

/// The runtime's index for a string table codegen built over `keys`.
fn str_index(table: &shapes::StrTable, keys: &[&str]) -> &'static StrIndex {
    let (sample, seed, place, positions) = match table {
        shapes::StrTable::Direct { sample, seed, multiplier, slots } => {
            (*sample, *seed, Place::Direct { multiplier: *multiplier }, slots)
        }
        shapes::StrTable::Pilots { sample, table } => {
            (*sample, table.seed, Place::Pilots(leak(table.pilots.clone())), &table.slots)
        }
    };
    let sample = match sample {
        shapes::Sample::All => Sample::All,
        shapes::Sample::Tail => Sample::Tail,
        shapes::Sample::Ends => Sample::Ends,
    };
    let (slots, blob) = tables::str_slots(positions, keys);
    Box::leak(Box::new(StrIndex { sample, seed, place, slots: leak(slots), keys: Box::leak(blob.into_boxed_str()) }))
}

/// The runtime's index for a numeric table codegen built over `codes`.
fn u32_index(table: &shapes::U32Table, codes: &[u32]) -> &'static U32Index {
    Box::leak(Box::new(match table {
        shapes::U32Table::Direct { multiplier, slots } => {
            U32Index::Direct { multiplier: *multiplier, slots: leak(tables::u32_slots(slots, codes)) }
        }
        shapes::U32Table::Hashed(t) => U32Index::Hashed {
            seed: t.seed,
            pilots: leak(t.pilots.clone()),
            slots: leak(tables::u32_slots(&t.slots, codes)),
        },
    }))
}

/// Every string table shape for `E`'s codes: what codegen ships first, then
/// the alternatives it passed over.
fn string_shapes<E: ErrorCode>(c: &mut Criterion, name: &str) {
    let codes: Vec<&'static str> =
        E::all().iter().map(|e| e.info().code().as_str().expect("a string product")).collect();
    let sampled = shapes::sample_for(&codes);
    let pilots = |sample| shapes::build_pilots(&codes, sample).map(|table| shapes::StrTable::Pilots { sample, table });
    let variants = [
        ("shipped", shapes::build_str(&codes).ok()),
        ("direct_all_bytes", shapes::build_str_direct(&codes, shapes::Sample::All)),
        ("pilots_sampled", pilots(sampled).ok()),
        ("pilots_all_bytes", pilots(shapes::Sample::All).ok()),
    ];
    let mut rng = Rng(0x5eed);
    let known: std::collections::HashSet<&str> = codes.iter().copied().collect();
    let misses = string_misses(&codes, |k| known.contains(k), &mut rng);
    for (workload_name, miss_keys) in [("hit", &[][..]), ("miss10", &misses[..])] {
        let keys = workload(&codes, miss_keys, &mut rng);
        let expected = checksum(&keys, |k: &str| E::from_code(k).map(|e| e.info().position() as u16));
        let mut group = c.benchmark_group(format!("shape/{name}/{workload_name}"));
        group.throughput(Throughput::Elements(LOOKUPS as u64));
        for (variant, table) in &variants {
            let Some(table) = table else { continue };
            let index = str_index(table, &codes);
            let lookup = |k: &str| index.get(k).map(|p| p as u16);
            assert_eq!(checksum(&keys, lookup), expected, "{name} {variant} disagrees");
            bench(&mut group, variant, &keys, lookup);
        }
        group.finish();
    }
}

/// Every numeric table shape for `E`'s codes that codegen could build.
fn numeric_shapes<E: ErrorCode>(c: &mut Criterion, name: &str) {
    let codes: Vec<u32> = E::all().iter().map(|e| e.info().code().as_u32().expect("a numeric product")).collect();
    let variants = [
        ("shipped", shapes::build_u32(&codes).ok()),
        ("direct", shapes::build_u32_direct(&codes)),
        ("hashed", shapes::build_u32_hashed(&codes).ok()),
    ];
    let mut rng = Rng(0x5eed);
    let misses = numeric_misses(&codes, &mut rng);
    for (workload_name, miss_keys) in [("hit", &[][..]), ("miss10", &misses[..])] {
        let keys = workload(&codes, miss_keys, &mut rng);
        let expected = checksum(&keys, |k: u32| E::PRODUCT.position_u32(k).map(|p| p as u16));
        let mut group = c.benchmark_group(format!("shape/{name}/{workload_name}"));
        group.throughput(Throughput::Elements(LOOKUPS as u64));
        for (variant, table) in &variants {
            let Some(table) = table else { continue };
            let index = u32_index(table, &codes);
            let lookup = |k: u32| index.get(k).map(|p| p as u16);
            assert_eq!(checksum(&keys, lookup), expected, "{name} {variant} disagrees");
            bench(&mut group, variant, &keys, lookup);
        }
        group.finish();
    }
}

fn table_shapes(c: &mut Criterion) {
    string_shapes::<vonage::Conversation>(c, "str_vonage_conversation");
    numeric_shapes::<vonage::Messages>(c, "u32_vonage_messages");
    numeric_shapes::<sinch::Verification>(c, "u32_sinch_verification");
    numeric_shapes::<twilio::ProgrammableSms>(c, "u32_twilio_programmable_sms");
    numeric_shapes::<twilio::General>(c, "u32_twilio_general");
}

fn main() {
    let started = SystemTime::now();
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    lookups(&mut criterion);
    table_shapes(&mut criterion);
    criterion.final_summary();
    // `cargo bench` passes `--bench`; `cargo test --benches` runs each
    // benchmark once and measures nothing.
    if std::env::args().any(|arg| arg == "--bench") {
        print_table(started);
        print_shapes(started);
    }
}

/// The table's rows: criterion's group and the workload's name.
const WORKLOADS: [(&str, &str); 8] = [
    ("str_vonage_conversation/hit", "strings, hit"),
    ("str_vonage_conversation/miss10", "strings, 10 % miss"),
    ("u32_vonage_messages/hit", "u32 close codes (Messages), hit"),
    ("u32_vonage_messages/miss10", "u32 close codes (Messages), 10 % miss"),
    ("u32_sinch_verification/hit", "u32 sparse (Sinch), hit"),
    ("u32_sinch_verification/miss10", "u32 sparse (Sinch), 10 % miss"),
    ("u32_twilio_general/hit", "u32 sparse, 474 codes (Twilio General), hit"),
    ("u32_twilio_general/miss10", "u32 sparse, 474 codes (Twilio General), 10 % miss"),
];

/// The table's columns: criterion's benchmark and the peer's name.
const PEERS: [(&str, &str); 5] = [
    ("errcat", "errcat"),
    ("phf_map", "phf::Map"),
    ("hash_map", "HashMap"),
    ("match", "match"),
    ("binary_search", "binary search"),
];

/// The column every ratio is taken against.
const PHF_COLUMN: usize = 1;

/// Prints the medians this run measured as BENCHMARKS.md's table. Rows that
/// a filter skipped are left out rather than filled from an older run.
fn print_table(started: SystemTime) {
    let Some(dir) = criterion_dir() else {
        eprintln!("no criterion output found: set CRITERION_HOME to where criterion writes its reports");
        return;
    };
    let mut rows = Vec::new();
    for (group, workload) in WORKLOADS {
        let group_dir = dir.join(group.replace('/', "_"));
        let medians: Option<Vec<f64>> =
            PEERS.iter().map(|(peer, _)| median_ns(&group_dir.join(peer), started)).collect();
        if let Some(medians) = medians {
            let phf = medians[PHF_COLUMN];
            let cells: Vec<String> = medians
                .iter()
                .enumerate()
                .map(|(column, ns)| {
                    let cell = format!("{ns:.2} ns ({:.2}×)", phf / ns);
                    if column == 0 { format!("**{cell}**") } else { cell }
                })
                .collect();
            rows.push(format!("| {workload} | {} |", cells.join(" | ")));
        }
    }
    if rows.is_empty() {
        return;
    }
    println!("\nMedian time per lookup (how many times faster than phf::Map):\n");
    let names: Vec<&str> = PEERS.iter().map(|(_, name)| *name).collect();
    println!("| workload | {} |", names.join(" | "));
    println!("|---|{}", "---|".repeat(PEERS.len()));
    for row in rows {
        println!("{row}");
    }
}

/// The `shape/` groups' medians: ns per lookup for every shape built, and
/// how many times faster than the one codegen ships.
fn print_shapes(started: SystemTime) {
    let Some(dir) = criterion_dir() else { return };
    let products = [
        "str_vonage_conversation",
        "u32_vonage_messages",
        "u32_sinch_verification",
        "u32_twilio_programmable_sms",
        "u32_twilio_general",
    ];
    let variants = ["shipped", "direct_all_bytes", "pilots_sampled", "pilots_all_bytes", "direct", "hashed"];
    let mut rows = Vec::new();
    for product in products {
        for workload in ["hit", "miss10"] {
            let group = dir.join(format!("shape_{product}_{workload}"));
            let Some(shipped) = median_ns(&group.join("shipped"), started) else { continue };
            let cells: Vec<String> = variants
                .iter()
                .filter_map(|v| {
                    median_ns(&group.join(v), started).map(|ns| format!("{v} {ns:.2} ns ({:.2}×)", ns / shipped))
                })
                .collect();
            rows.push(format!("| {product} {workload} | {} |", cells.join(" · ")));
        }
    }
    if rows.is_empty() {
        return;
    }
    println!("\nTable shapes, median ns per lookup (time relative to the shipped shape):\n");
    println!("| product, workload | shapes |\n|---|---|");
    for row in rows {
        println!("{row}");
    }
}

/// Where criterion writes its reports: `$CRITERION_HOME`, else the
/// `criterion` folder of the target directory this benchmark was built in.
fn criterion_dir() -> Option<PathBuf> {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return Some(home.into());
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return Some(Path::new(&target).join("criterion"));
    }
    // The binary is `<target>/release/deps/lookup-<hash>`.
    let exe = std::env::current_exe().ok()?;
    exe.ancestors().map(|dir| dir.join("criterion")).find(|dir| dir.is_dir())
}

/// The median ns per lookup of one benchmark, if this run measured it.
fn median_ns(benchmark: &Path, started: SystemTime) -> Option<f64> {
    let estimates = benchmark.join("new").join("estimates.json");
    let modified = std::fs::metadata(&estimates).ok()?.modified().ok()?;
    if modified < started {
        return None;
    }
    let estimates: serde_json::Value = serde_json::from_slice(&std::fs::read(&estimates).ok()?).ok()?;
    Some(estimates["median"]["point_estimate"].as_f64()? / LOOKUPS as f64)
}
