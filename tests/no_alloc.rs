//! No lookup allocates. Every lookup path runs under a counting allocator
//! (per thread, so parallel tests do not disturb each other), on hits and
//! misses, for every bundled entry. Keys are built before counting starts.

use std::fmt::Write;
use std::hint::black_box;
use std::str::FromStr;

mod common;

use allocation_counter::measure;
use common::{key, sum_over_enums};
use errors_runtime::{ErrorCode, ErrorInfo, UnknownCode, products};

fn assert_no_alloc(what: &str, run: impl FnOnce()) {
    let counted = measure(run);
    assert_eq!(
        counted.count_total, 0,
        "{what} allocated {} times ({} bytes)",
        counted.count_total, counted.bytes_total
    );
}

/// Keys near a real one (most of them unknown) and hostile shapes.
fn misses(key: &str) -> Vec<String> {
    vec![
        format!("{key}x"),
        format!("0{key}"),
        key[..key.len() - key.chars().last().map_or(0, char::len_utf8)].to_owned(),
        key.to_uppercase() + "\u{1F642}",
        "9".repeat(300),
        "x".repeat(4096),
    ]
}

/// Writes formatted output nowhere, so `Display` can be counted on its own.
struct Discard;

impl Write for Discard {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        black_box(s);
        Ok(())
    }
}

/// Reads every field of a record, the way a caller would.
fn read_all(info: ErrorInfo) {
    black_box((info.vendor_id(), info.product_id(), info.code(), info.name(), info.title()));
    black_box((info.description(), info.resolution(), info.http_status()));
    black_box((info.category(), info.retry(), info.docs_url(), info.own_docs_url()));
    let _ = write!(Discard, "{} {}", info.code(), info.rust_path());
}

#[test]
fn the_counter_sees_allocations() {
    let counted = measure(|| {
        black_box(Box::new(1u64));
    });
    assert_eq!(counted.count_total, 1, "the counting allocator is not installed");
}

#[test]
fn catalog_lookups_do_not_allocate() {
    let mut probed = 0;
    for product in products() {
        let (vendor, id) = (product.vendor().id(), product.id());
        for info in product.entries() {
            let key = key(info);
            let misses = misses(&key);
            let problem_url = product.problem_type().map(|template| template.replace("{code}", &key));
            assert_no_alloc(&format!("{} hit {key:?}", product.rust_path()), || {
                let found = product.find(&key);
                black_box(found.map(read_all));
                black_box(errors_runtime::lookup(vendor, id, &key));
                black_box(errors_runtime::product(vendor, id));
                for matched in errors_runtime::lookup_vendor(vendor, &key) {
                    black_box(matched);
                }
                if let Some(n) = info.code().as_u32() {
                    black_box(product.find_u32(n));
                }
                if let Some(url) = &problem_url {
                    black_box(errors_runtime::from_problem_type(url));
                }
            });
            assert_no_alloc(&format!("{} misses near {key:?}", product.rust_path()), || {
                for miss in &misses {
                    black_box(product.find(miss));
                    black_box(errors_runtime::lookup(vendor, id, miss));
                    black_box(errors_runtime::lookup(miss, miss, miss));
                    black_box(errors_runtime::lookup_vendor(vendor, miss).count());
                    black_box(errors_runtime::from_problem_type(miss));
                }
                black_box(product.find_u32(u32::MAX));
            });
            probed += 1;
        }
    }
    let all: usize = products().iter().map(|p| p.len()).sum();
    assert_eq!(probed, all);
}

/// `from_code`, `FromStr` (whose error keeps the input inline), `Display`
/// and `Debug` of one generated enum.
fn typed_lookups<E: ErrorCode + FromStr<Err = UnknownCode>>() -> usize {
    for &variant in E::all() {
        let key = key(variant.info());
        let misses = misses(&key);
        assert_no_alloc(&format!("{} {key:?}", E::PRODUCT.rust_path()), || {
            black_box(E::from_code(&key));
            black_box(key.parse::<E>().ok());
            let _ = write!(Discard, "{variant} {variant:?}");
            for miss in &misses {
                if let Err(unknown) = miss.parse::<E>() {
                    let _ = write!(Discard, "{unknown}");
                    black_box(unknown.input());
                }
            }
        });
    }
    E::all().len()
}

#[test]
fn typed_lookups_do_not_allocate() {
    let n: usize = sum_over_enums!(typed_lookups);
    let all: usize = products().iter().map(|p| p.len()).sum();
    assert_eq!(n, all, "an enum is missing from this test");
}

#[test]
fn numeric_lookups_do_not_allocate() {
    use errors_runtime::{notificore::ApiV1, sinch::Verification, vonage::Messages};
    assert_no_alloc("u32 lookups over a wide range", || {
        for code in (0..200_000u32).chain([u32::MAX - 1, u32::MAX]) {
            black_box(Messages::from_u32(code));
            black_box(Verification::try_from(code).ok());
            black_box(ApiV1::from_u32(code));
        }
    });
}
