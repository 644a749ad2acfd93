//! Bytes to a decision, per vendor, against what a user would write by
//! hand: `serde_json::from_slice::<serde_json::Value>` on the same bytes
//! (which only parses, and decides nothing).
//!
//! ```sh
//! cargo bench --bench response
//! ```
//!
//! Each body is a real one from `tests/responses/` (its source is named
//! beside it). `named` gives the reader the vendor and status, as a client
//! that knows whom it called does; `detected` leaves the vendor to the
//! reader. At the end the medians are printed as BENCHMARKS.md's table.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput};
use errors_runtime::response::Reader;

/// (name, vendor, HTTP status, body, source).
const BODIES: &[(&str, &str, u16, &str, &str)] = &[
    (
        "vonage problem",
        "vonage",
        401,
        r#"{"type":"https://developer.nexmo.com/api-errors#unauthorized","title":"Invalid credentials supplied","detail":"You did not provide correct credentials.","instance":"797a8f199c45014ab7b08bfe9cc1c12c"}"#,
        "Vonage/vonage-php-sdk-core test/Account/responses (shape), general#unauthorized",
    ),
    (
        "vonage sms",
        "vonage",
        200,
        r#"{"message-count":"1","messages":[{"status":"2","error-text":"Missing to param"}]}"#,
        "Vonage/vonage-python-sdk sms fixtures",
    ),
    (
        "sinch rest",
        "sinch",
        400,
        r#"{"errorCode":40001,"message":"Supplied SMS code invalid format","reference":"a reference"}"#,
        "sinch/sinch-sdk-java verification fixtures (shape)",
    ),
    (
        "sinch google-rpc",
        "sinch",
        404,
        r#"{"error":{"code":404,"message":"","status":"NOT_FOUND","details":[{"type":"ResourceInfo","resourceType":"AvailableNumber","resourceName":"+341123","owner":"","description":""}]}}"#,
        "sinch/sinch-sdk-java numbers fixtures",
    ),
    (
        "twilio rest",
        "twilio",
        400,
        r#"{"code":20001,"message":"Bad request","more_info":"https://www.twilio.com/docs/errors/20001","status":400}"#,
        "twilio/twilio-go client/error_test.go (the REST error body)",
    ),
    (
        "notificore",
        "notificore",
        200,
        r#"{"error":"40","errorDescription":"Message not found"}"#,
        "the Notificore seed page",
    ),
];

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("response");
    group.throughput(Throughput::Elements(1));
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    for &(name, vendor, status, body, _source) in BODIES {
        let bytes = body.as_bytes();
        // Every body must read, or the numbers would measure an error path.
        let reading = Reader::new().vendor(vendor).http_status(status).read(bytes).expect("a real body reads");
        assert_eq!(reading.vendor().id(), vendor);
        group.bench_function(format!("{name}/errcat named"), |b| {
            b.iter(|| Reader::new().vendor(vendor).http_status(status).read(black_box(bytes)).map(|r| r.retry()))
        });
        group.bench_function(format!("{name}/errcat detected"), |b| {
            b.iter(|| Reader::new().http_status(status).read(black_box(bytes)).map(|r| r.retry()))
        });
        group.bench_function(format!("{name}/serde_json Value"), |b| {
            b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(bytes)).map(|v| v.is_object()))
        });
    }
    group.finish();
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion);
    criterion.final_summary();
    print_table();
    // `cargo bench -- <filter>` and `--test` runs skip the paired rounds.
    if std::env::args().skip(1).all(|a| a == "--bench") {
        print_paired();
    }
}

/// Named ÷ Value again, measured in alternating rounds within one process:
/// each round times a batch of errcat reads and then a batch of
/// `serde_json::Value` parses of the same body, so that a slow spell of the
/// machine (frequency, a neighbour) slows both sides of a round alike. The
/// median of the rounds' ratios is printed, with its quartiles.
fn print_paired() {
    const ROUNDS: usize = 101;
    const BATCH: u32 = 5_000;
    fn time(mut f: impl FnMut()) -> f64 {
        let start = std::time::Instant::now();
        for _ in 0..BATCH {
            f();
        }
        start.elapsed().as_secs_f64()
    }
    println!("\n| body | paired rounds | named ÷ Value, median | lower quartile | upper quartile |");
    println!("|---|---|---|---|---|");
    for &(name, vendor, status, body, _) in BODIES {
        let bytes = body.as_bytes();
        let mut ratios: Vec<f64> = (0..ROUNDS)
            .map(|_| {
                let ours = time(|| {
                    black_box(
                        Reader::new().vendor(vendor).http_status(status).read(black_box(bytes)).map(|r| r.retry()).ok(),
                    );
                });
                let theirs = time(|| {
                    black_box(
                        serde_json::from_slice::<serde_json::Value>(black_box(bytes)).map(|v| v.is_object()).ok(),
                    );
                });
                ours / theirs
            })
            .collect();
        ratios.sort_by(f64::total_cmp);
        let at = |q: f64| ratios[((ratios.len() - 1) as f64 * q).round() as usize];
        println!("| {name} | {ROUNDS} | {:.2} | {:.2} | {:.2} |", at(0.5), at(0.25), at(0.75));
    }
}

/// BENCHMARKS.md's table, from criterion's saved medians of this run.
fn print_table() {
    let median = |id: &str| -> Option<f64> {
        let dir =
            std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("../criterion/response").join(id.replace('/', "_"));
        let text = std::fs::read_to_string(dir.join("new/estimates.json")).ok()?;
        let value: serde_json::Value = serde_json::from_str(&text).ok()?;
        value["median"]["point_estimate"].as_f64()
    };
    println!(
        "\n| body | bytes | errcat, vendor named (ns) | errcat, detected (ns) | `serde_json::Value` (ns) | named ÷ Value | detected ÷ Value |"
    );
    println!("|---|---|---|---|---|---|---|");
    for &(name, _, _, body, _) in BODIES {
        let (Some(named), Some(detected), Some(value)) = (
            median(&format!("{name}/errcat named")),
            median(&format!("{name}/errcat detected")),
            median(&format!("{name}/serde_json Value")),
        ) else {
            continue;
        };
        println!(
            "| {name} | {} | {named:.0} | {detected:.0} | {value:.0} | {:.2} | {:.2} |",
            body.len(),
            named / value,
            detected / value
        );
    }
}
