//! The real-body corpus (`tests/responses/*.json` at the workspace root):
//! error and success bodies from the vendors' own SDK fixtures and API
//! specifications, each with its source and the reading it must get. Every
//! case goes through `errors_runtime::response` and through `errcat parse`.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use errors_runtime::response::{ReadErrorKind, Reader, Response};
use serde_json::Value;

struct Case {
    file: String,
    index: usize,
    source: String,
    http_status: Option<u16>,
    body: String,
    expect: Value,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/responses")
}

fn corpus() -> Vec<Case> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .expect("tests/responses exists")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("readable corpus file");
        let Value::Array(items) = serde_json::from_str(&text).expect("a corpus file is a JSON array") else {
            panic!("{} is not an array", path.display())
        };
        for (index, item) in items.into_iter().enumerate() {
            let field =
                |name: &str| item.get(name).unwrap_or_else(|| panic!("{}[{index}] has no `{name}`", path.display()));
            cases.push(Case {
                file: path.file_name().unwrap().to_string_lossy().into_owned(),
                index,
                source: field("source").as_str().expect("source is text").to_owned(),
                http_status: field("http_status").as_u64().map(|s| u16::try_from(s).expect("an HTTP status")),
                body: field("body").as_str().expect("body is text").to_owned(),
                expect: field("expect").clone(),
            });
        }
    }
    cases
}

/// `vendor/product/code` of an entry, as the corpus writes it.
fn entry_key(info: errors_runtime::ErrorInfo) -> String {
    format!("{}/{}/{}", info.vendor_id(), info.product_id(), info.code())
}

#[derive(Debug, Default, PartialEq)]
struct Tally {
    right: usize,
    /// The body does not name its product, and the right entry is one of
    /// the candidates but not the first.
    among_candidates: usize,
    /// A success body, as expected (never an entry).
    success: usize,
    unknown_kept: usize,
    candidates_only: usize,
    refused_as_expected: usize,
    wrong: Vec<String>,
    missed: Vec<String>,
    refused: Vec<String>,
}

/// Compares one reading with what the case expects; `Err` says why not.
fn judge(case: &Case, reading: &Result<Response, errors_runtime::response::ReadError>, tally: &mut Tally) {
    let at = format!("{}[{}] ({})", case.file, case.index, case.source);
    let expect = &case.expect;
    if let Some(refusal) = expect.get("refused").and_then(Value::as_str) {
        match reading {
            Err(e)
                if matches!(
                    (refusal, e.kind()),
                    ("not-json", ReadErrorKind::NotJson(_))
                        | ("no-shape", ReadErrorKind::NoShape { .. })
                        | ("ambiguous", ReadErrorKind::Ambiguous(_))
                ) =>
            {
                tally.refused_as_expected += 1;
            }
            other => tally.wrong.push(format!("{at}: expected a `{refusal}` refusal, got {other:?}")),
        }
        return;
    }
    let response = match reading {
        Ok(response) => response,
        Err(e) => return tally.refused.push(format!("{at}: {e}")),
    };
    let want_vendor = expect["vendor"].as_str().expect("expect.vendor");
    let want_product = expect["product"].as_str();
    let want_entry = expect["entry"].as_str();
    let got_product = response.product().map(|p| p.id());
    let got_entry = response.entry().map(entry_key);
    let mut problems = Vec::new();
    if response.vendor().id() != want_vendor {
        problems.push(format!("vendor {} instead of {want_vendor}", response.vendor().id()));
    }
    if let (Some(got), Some(want)) = (got_product, want_product)
        && got != want
    {
        problems.push(format!("product {got} instead of {want}"));
    }
    if response.is_success() != expect["success"].as_bool().expect("expect.success") {
        problems.push(format!("success {} expected {}", response.is_success(), expect["success"]));
    }
    let among = got_product.is_none()
        && want_entry.is_some_and(|want| response.candidates().iter().any(|c| entry_key(*c) == want));
    match (&got_entry, want_entry) {
        (Some(got), Some(want)) if got != want && !among => problems.push(format!("entry {got} instead of {want}")),
        // An entry claimed for a product the body determines, where the catalog has none.
        (Some(got), None) if got_product.is_some() => problems.push(format!("entry {got}, expected none")),
        _ => {}
    }
    if let Some(code) =
        expect["code"].as_str().map(str::to_owned).or_else(|| expect["code"].as_i64().map(|n| n.to_string()))
        && response.code_text().as_deref() != Some(code.as_str())
    {
        problems.push(format!("code {:?} instead of {code:?}", response.code_text()));
    }
    if let Some(want) = expect.get("status")
        && response.status() != want.as_str()
    {
        problems.push(format!("status {:?} instead of {want}", response.status()));
    }
    if !problems.is_empty() {
        return tally.wrong.push(format!("{at}: {}", problems.join("; ")));
    }
    match (got_entry, want_entry) {
        (Some(got), Some(want)) if got == want => tally.right += 1,
        (Some(_), Some(_)) => tally.among_candidates += 1,
        (None, Some(want)) => tally.missed.push(format!("{at}: {want} not found")),
        (Some(_), None) => tally.candidates_only += 1,
        (None, None) if response.is_success() => tally.success += 1,
        (None, None) => tally.unknown_kept += 1,
    }
}

fn read(case: &Case, vendor: Option<&str>) -> Result<Response, errors_runtime::response::ReadError> {
    let mut reader = Reader::new();
    if let Some(vendor) = vendor {
        reader = reader.vendor(vendor);
    }
    if let Some(status) = case.http_status {
        reader = reader.http_status(status);
    }
    reader.read(case.body.as_bytes())
}

#[test]
fn the_corpus_is_big_and_sourced() {
    let cases = corpus();
    assert!(cases.len() >= 150, "only {} real bodies", cases.len());
    for case in &cases {
        assert!(
            case.source.starts_with("github:") || case.source.starts_with("seed:"),
            "{}: {}",
            case.file,
            case.source
        );
        let commit = case.source.split_once('@').map(|(_, rest)| rest.split(':').next().unwrap_or(""));
        if case.source.starts_with("github:") {
            assert!(
                commit.is_some_and(|c| c.len() == 40 && c.bytes().all(|b| b.is_ascii_hexdigit())),
                "{}",
                case.source
            );
        }
    }
}

#[test]
fn every_real_body_reads_as_its_vendor_sent_it() {
    let cases = corpus();
    let mut tally = Tally::default();
    for case in &cases {
        judge(case, &read(case, None), &mut tally);
    }
    let expected_known = tally.right + tally.among_candidates + tally.missed.len();
    println!(
        "{} bodies: {} right, {} right among candidates, {} success, {} unknown but kept, {} with candidates only, {} refused as expected, {} missed, {} wrong, {} refused",
        cases.len(),
        tally.right,
        tally.among_candidates,
        tally.success,
        tally.unknown_kept,
        tally.candidates_only,
        tally.refused_as_expected,
        tally.missed.len(),
        tally.wrong.len(),
        tally.refused.len()
    );
    assert!(tally.wrong.is_empty(), "misread:\n{}", tally.wrong.join("\n"));
    assert!(tally.refused.is_empty(), "refused:\n{}", tally.refused.join("\n"));
    let resolved = tally.right + tally.among_candidates;
    assert!(resolved * 100 >= expected_known * 97, "too few resolve:\n{}", tally.missed.join("\n"));
}

#[test]
fn naming_the_vendor_never_changes_the_reading() {
    for case in corpus() {
        let Some(vendor) = case.expect["vendor"].as_str() else { continue };
        let (Ok(guessed), Ok(named)) = (read(&case, None), read(&case, Some(vendor))) else { continue };
        assert_eq!(guessed.vendor().id(), named.vendor().id(), "{}", case.source);
        assert_eq!(guessed.entry(), named.entry(), "{}", case.source);
        assert_eq!(guessed.product().map(|p| p.id()), named.product().map(|p| p.id()), "{}", case.source);
    }
}

#[test]
fn a_named_vendor_is_the_only_one_reported() {
    let vendors: Vec<&str> = errors_runtime::CATALOG.vendors().iter().map(|v| v.id()).collect();
    for case in corpus() {
        for &vendor in &vendors {
            if let Ok(response) = read(&case, Some(vendor)) {
                assert_eq!(response.vendor().id(), vendor, "{}", case.source);
                if response.vendor().id() != case.expect["vendor"].as_str().unwrap_or("") {
                    assert!(
                        response.product().is_none() || response.entry().is_none(),
                        "{vendor} claims {}",
                        case.source
                    );
                }
            }
        }
    }
}

/// `errcat parse --json` reads every body exactly as the runtime does.
#[test]
fn the_cli_gives_the_runtime_reading() {
    for case in corpus() {
        let mut command = Command::new(env!("CARGO_BIN_EXE_errcat"));
        command.args(["parse", "--json"]);
        if let Some(status) = case.http_status {
            command.args(["--status", &status.to_string()]);
        }
        let mut child = command.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        std::io::Write::write_all(&mut child.stdin.take().unwrap(), case.body.as_bytes()).unwrap();
        let output = child.wait_with_output().unwrap();
        let reading = read(&case, None);
        let Ok(response) = reading else {
            assert_eq!(output.status.code(), Some(2), "{}", case.source);
            continue;
        };
        let want_exit = if response.entry().is_some() { 0 } else { 1 };
        assert_eq!(
            output.status.code(),
            Some(want_exit),
            "{}: {}",
            case.source,
            String::from_utf8_lossy(&output.stderr)
        );
        let json: Value = serde_json::from_slice(&output.stdout).expect("one JSON object");
        assert_eq!(json["vendor"], response.vendor().id(), "{}", case.source);
        assert_eq!(json["product"].as_str(), response.product().map(|p| p.id()), "{}", case.source);
        assert_eq!(json["known"], response.entry().is_some(), "{}", case.source);
        assert_eq!(json["success"], response.is_success(), "{}", case.source);
        assert_eq!(json["category"], response.category().as_str(), "{}", case.source);
        assert_eq!(json["retry"], response.retry().as_str(), "{}", case.source);
        assert_eq!(json["decided_by"], response.decided_by().as_str(), "{}", case.source);
        let entry = json["entry"]["rust_path"].as_str();
        assert_eq!(entry, response.entry().map(|e| e.rust_path().to_string()).as_deref(), "{}", case.source);
        assert_eq!(json["candidates"].as_array().map(Vec::len), Some(response.candidates().len()), "{}", case.source);
        for key in ["code", "message", "retry_after_s"] {
            assert!(json.get(key).is_some(), "{key} missing for {}", case.source);
        }
    }
}
