//! Reporting stays linear: 10,000 problems in a 1 MB catalog file, checked
//! and rendered in full, as `errcat check` and the build do.
//!
//! ```sh
//! cargo bench -p errcat-codegen --bench diagnostics
//! ```

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::Criterion;
use errcat_codegen::Builder;

const ENTRIES: usize = 10_000;

/// A product file of `ENTRIES` entries, about 1 MB, each with one problem:
/// an unknown category (a label at the entry), or a code already used by
/// the first entry (a label there too, far away in the file).
fn catalog(dir: &Path, duplicate: bool) {
    let vendor = dir.join("acme");
    std::fs::create_dir_all(&vendor).unwrap();
    std::fs::write(vendor.join("vendor.toml"), "name = \"Acme\"\n").unwrap();
    let mut text = String::from("[product]\nname = \"SMS\"\ncode_type = \"integer\"\n");
    for i in 1..=ENTRIES {
        let (code, category) = if duplicate { (1, "server") } else { (i, "nope") };
        text.push_str(&format!(
            "\n[[error]]\ncode = {code}\nname = \"E{i}\"\ndescription = \"{}\"\ncategory = \"{category}\"\n",
            "a description of realistic length, ".repeat(2)
        ));
    }
    std::fs::write(vendor.join("sms.toml"), text).unwrap();
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("diagnostics");
    group.sample_size(10).measurement_time(Duration::from_secs(5)).warm_up_time(Duration::from_secs(1));
    for (name, duplicate) in [("10k unknown categories, 1 MB", false), ("10k duplicate codes, 1 MB", true)] {
        let dir = tempfile::tempdir().unwrap();
        catalog(dir.path(), duplicate);
        let builder = Builder::new(dir.path()).display_root("catalog");
        let report = builder.check().unwrap_err();
        assert!(report.len() >= ENTRIES - 1, "{}", report.len());
        let size = std::fs::metadata(dir.path().join("acme/sms.toml")).unwrap().len();
        assert!(size >= 1_000_000, "{size}");
        group.bench_function(name, |b| b.iter(|| black_box(builder.check().unwrap_err().to_string().len())));
    }
    group.finish();
}

criterion::criterion_group!(benches, bench);
criterion::criterion_main!(benches);
