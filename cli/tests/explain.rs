//! `errcat explain`, `parse` and `list` as a user runs them.

mod common;

use std::process::Command;

use common::{errcat, text};

#[test]
fn explain_for_a_human_is_plain_when_piped() {
    let out = errcat(&["explain", "vonage", "1020"], None);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(!stdout.contains('\u{1b}'), "no colour when piped: {stdout:?}");
    assert!(stdout.starts_with("Vonage Messages API 1020\n"), "{stdout}");
    for expected in [
        "description  The value of one or more parameters is invalid.",
        "category     invalid-request",
        "retry        after-fix",
        "match on     errors_runtime::vonage::Messages::InvalidParams",
    ] {
        assert!(stdout.contains(expected), "missing {expected:?} in\n{stdout}");
    }
}

#[test]
fn explain_searches_every_product_of_the_vendor() {
    let out = errcat(&["explain", "vonage", "invalid-json", "--json"], None);
    assert!(out.status.success());
    let entries: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let products: Vec<&str> = entries.iter().map(|e| e["product"].as_str().unwrap()).collect();
    assert_eq!(products, ["10dlc", "general", "number-pools", "whatsapp-provisioning"]);
    let narrowed = errcat(&["explain", "vonage", "invalid-json", "--product", "general", "--json"], None);
    let entries: Vec<serde_json::Value> = serde_json::from_slice(&narrowed.stdout).unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["rust_path"], "errors_runtime::vonage::General::InvalidJson");
    assert_eq!(entries[0]["http_status"], 400);
}

#[test]
fn explain_misses_exit_1_with_suggestions() {
    let out = errcat(&["explain", "vonage", "invalid-api-kye"], None);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with("error: no `vonage` entry has the code or message `invalid-api-kye`"), "{stderr}");
    assert!(stderr.contains("did you mean `invalid-api-key`"), "{stderr}");
    let upper = errcat(&["explain", "vonage", "INVALID-API-KEY"], None);
    assert!(text(&upper.stderr).contains("did you mean `invalid-api-key`?"));
    let far = errcat(&["explain", "sinch", "zzzzzz"], None);
    assert_eq!(far.status.code(), Some(1));
    assert!(!text(&far.stderr).contains("did you mean"));
}

#[test]
fn unknown_vendors_and_products_are_one_line_errors() {
    // `explain` finding nothing is exit 1 (the contract); a bad `list` filter is a usage error.
    let cases: [(&[&str], i32); 3] = [
        (&["explain", "nobody", "1"], 1),
        (&["explain", "vonage", "1", "--product", "nope"], 1),
        (&["list", "--vendor", "x"], 2),
    ];
    for (args, code) in cases {
        let out = errcat(args, None);
        assert_eq!(out.status.code(), Some(code), "{args:?}");
        let stderr = text(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("error: unknown "), "{stderr}");
    }
}

#[test]
fn parse_works_out_the_vendor() {
    let cases = [
        (
            r#"{"type":"https://developer.vonage.com/api-errors#throttled","title":"Throttled","detail":"slow down","instance":"x"}"#,
            "errors_runtime::vonage::General::Throttled",
        ),
        (
            r#"{"status":"400 ParameterValidation","errorCode":40001,"message":"bad"}"#,
            "errors_runtime::sinch::Verification::ParameterValidation",
        ),
        (r#"{"error":"40","errorDescription":"Message not found"}"#, "errors_runtime::notificore::ApiV1::"),
    ];
    for (body, path) in cases {
        let out = errcat(&["parse"], Some(body));
        assert!(out.status.success(), "{body}: {}", text(&out.stderr));
        assert!(text(&out.stdout).contains(path), "{body}:\n{}", text(&out.stdout));
    }
    let json = errcat(&["parse", "sinch", "--json"], Some(r#"{"errorCode":"42900"}"#));
    let reading: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(reading["code"], "42900", "the code as sent");
    assert_eq!(reading["entry"]["code"], 42900);
    assert_eq!(reading["decided_by"], "catalog");
}

#[test]
fn parse_says_what_is_wrong_with_the_input() {
    let cases = [
        ("not json", 2, "error: the body is not JSON"),
        ("[1]", 2, "error: the body is an array, not a JSON object"),
        (r#"{"hello":"world"}"#, 2, "error: the body does not have any vendor's declared error shape"),
        ("", 2, "error: stdin is empty"),
        (
            r#"{"errorCode":49999,"message":"new"}"#,
            1,
            "error: a Sinch error body, but its code `49999` is not in the catalog",
        ),
    ];
    for (body, code, message) in cases {
        let out = errcat(&["parse"], Some(body));
        assert_eq!(out.status.code(), Some(code), "{body:?}");
        assert!(text(&out.stderr).starts_with(message), "{body:?}: {}", text(&out.stderr));
        assert!(!text(&out.stderr).contains("panicked"));
    }
}

#[test]
fn list_json_follows_the_contract() {
    let out = errcat(&["list", "--json"], None);
    assert!(out.status.success());
    let entries: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(entries.len(), errors_runtime::products().iter().map(|p| p.len()).sum::<usize>());
    let keys = [
        "vendor",
        "product",
        "code",
        "name",
        "title",
        "description",
        "resolution",
        "http_status",
        "category",
        "retry",
        "rust_path",
    ];
    for entry in &entries {
        let object = entry.as_object().unwrap();
        for key in keys {
            assert!(object.contains_key(key), "{key} missing in {entry}");
        }
    }
    let v2 = entries.iter().find(|e| e["product"] == "api-v2").unwrap();
    assert!(v2["code"].is_null(), "message-only entries have a null code");
    let sms = errcat(&["list", "--json", "--vendor", "vonage", "--product", "sms"], None);
    let entries: Vec<serde_json::Value> = serde_json::from_slice(&sms.stdout).unwrap();
    assert_eq!(entries.len(), 29);
    assert!(entries.iter().all(|e| e["code"].is_u64()));
    // Every entry names its sources; SMS status 1 is in the errors page
    // and in the API definition kept in `data/`.
    let throttled = entries.iter().find(|e| e["code"] == 1).unwrap();
    let sources = throttled["sources"].as_array().unwrap();
    let ids: Vec<&str> = sources.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert!(ids.starts_with(&["errors-page", "api-spec"]), "{ids:?}");
    assert_eq!(sources[0]["url"], "https://developer.vonage.com/en/api-errors/sms");
    assert_eq!(
        sources[1]["url"],
        "https://github.com/Nexmo/api-specification/blob/ad042003e946f5d99512cda2a8601488c8e863e5/definitions/sms.yml"
    );
    assert!(sources.iter().all(|s| s["checked"].as_str().is_some_and(|d| d.len() == 10)));
    let all: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(all.iter().all(|e| !e["sources"].as_array().unwrap().is_empty()), "an entry without a source");
}

#[test]
fn every_command_has_help() {
    for args in [
        &["--help"][..],
        &["explain", "--help"],
        &["parse", "--help"],
        &["list", "--help"],
        &["check", "--help"],
        &["docs", "--help"],
    ] {
        let out = errcat(args, None);
        assert!(out.status.success(), "{args:?}");
        assert!(text(&out.stdout).contains("Usage: errcat"), "{args:?}");
    }
}

#[test]
fn docs_match_the_checked_in_reference() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_errcat")).arg("docs").current_dir(root).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let checked_in = std::fs::read_to_string(root.join("docs/error-reference.md")).unwrap();
    assert!(text(&out.stdout) == checked_in, "`errcat docs` differs from docs/error-reference.md");
    assert!(checked_in.contains("errors_runtime::vonage::Messages::InvalidParams"));
}

#[test]
fn explain_is_styled_when_colour_is_forced() {
    let out = Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(["explain", "vonage", "throttled", "--product", "general"])
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(stdout.contains("\u{1b}["), "expected ANSI styles: {stdout:?}");
    assert!(stdout.contains("errors_runtime::vonage::General::Throttled"));
}

#[test]
fn explain_takes_a_problem_type_url() {
    let out =
        errcat(&["explain", "vonage", "https://developer.vonage.com/api-errors/messages-olympus#1000", "--json"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let entries: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["rust_path"], "errors_runtime::vonage::Messages::Throttled");
    let unknown = errcat(&["explain", "vonage", "https://developer.vonage.com/api-errors/messages#9999"], None);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(
        text(&unknown.stderr).contains("names `vonage/messages`, which has no entry `9999`"),
        "{}",
        text(&unknown.stderr)
    );
}

#[test]
fn parse_takes_status_and_retry_after() {
    let body = r#"{"type":"https://developer.vonage.com/api-errors#something-new","title":"New"}"#;
    let out = errcat(&["parse", "--json", "--status", "429", "--retry-after", "30"], Some(body));
    assert_eq!(out.status.code(), Some(1), "unknown code: {}", text(&out.stderr));
    let reading: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(reading["vendor"], "vonage");
    assert_eq!(reading["product"], "general");
    assert_eq!(reading["known"], false);
    assert_eq!(reading["entry"], serde_json::Value::Null);
    assert_eq!(reading["candidates"], serde_json::json!([]));
    assert_eq!(reading["category"], "rate-limit");
    assert_eq!(reading["retry"], "backoff");
    assert_eq!(reading["decided_by"], "http-status");
    assert_eq!(reading["retry_after_s"], 30);
    let bad = errcat(&["parse", "--retry-after", "soon"], Some(body));
    assert_eq!(bad.status.code(), Some(2));
    let success = errcat(&["parse", "--json"], Some(r#"{"message-count":"1","messages":[{"status":"0"}]}"#));
    assert_eq!(success.status.code(), Some(1));
    let reading: serde_json::Value = serde_json::from_slice(&success.stdout).unwrap();
    assert_eq!((reading["success"].as_bool(), reading["product"].as_str()), (Some(true), Some("sms")));
    // Untrusted text from the body is escaped before it reaches a terminal.
    let hostile = errcat(&["parse"], Some("{\"errorCode\":\"\\u001b[2J\",\"message\":\"\\u001b]0;owned\\u0007\"}"));
    assert_eq!(hostile.status.code(), Some(1));
    assert!(!text(&hostile.stderr).contains('\u{1b}'), "{:?}", text(&hostile.stderr));
}

#[test]
fn a_huge_code_is_reported_without_comparing_it_to_every_entry() {
    // 100,000 characters: no entry is within a factor of four of its length,
    // so no suggestion is computed (this took seconds before the bound).
    let huge = "invalid-api-key".repeat(6_700);
    let out = errcat(&["explain", "vonage", &huge], None);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with("error: no `vonage` entry has the code or message `invalid-api-key"),
        "{}",
        &stderr[..200]
    );
    assert!(!stderr.contains("did you mean"));
    // A near miss still gets its suggestion.
    let near = errcat(&["explain", "vonage", "invalid-api-kye"], None);
    assert!(text(&near.stderr).contains("did you mean `invalid-api-key`?"));
}

/// A Twilio warning says so, and carries its causes, in both forms.
#[test]
fn explain_shows_a_warning_and_its_causes() {
    let out = errcat(&["explain", "twilio", "14109"], None);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with("Twilio Programmable SMS 14109\n"), "{stdout}");
    for expected in ["severity     warning (the request went through)", "causes       * A runaway loop"] {
        assert!(stdout.contains(expected), "missing {expected:?} in\n{stdout}");
    }
    let json = errcat(&["explain", "twilio", "14109", "--json"], None);
    let entries: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(entries[0]["severity"], "warning");
    assert!(entries[0]["causes"].as_str().is_some_and(|c| c.starts_with("* A runaway loop")));
    let error = errcat(&["explain", "twilio", "21211", "--json"], None);
    let entries: Vec<serde_json::Value> = serde_json::from_slice(&error.stdout).unwrap();
    assert_eq!(entries[0]["severity"], "error");
    // A product named after its vendor is not named twice.
    let live = errcat(&["explain", "twilio", "58000"], None);
    assert!(text(&live.stdout).starts_with("Twilio Live 58000\n"), "{}", text(&live.stdout));
}
