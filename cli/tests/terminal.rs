//! Text from bodies, files and arguments never reaches a terminal raw:
//! control and bidi characters are shown as `\u{…}` on both streams, and
//! JSON output stays exact JSON.

mod common;

use std::process::Output;

use common::errcat;

/// Characters that must never be printed as they are.
fn raw_controls(bytes: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

fn assert_safe(out: &Output) {
    assert_eq!(raw_controls(&out.stdout), [], "stdout: {:?}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(raw_controls(&out.stderr), [], "stderr: {:?}", String::from_utf8_lossy(&out.stderr));
}

const TITLE_AND_CLEAR: &str = "\u{1b}]0;owned\u{7}\u{1b}[2J";

#[test]
fn body_codes_and_messages_are_escaped_in_every_shape() {
    // The code and message fields of three vendors' real shapes, filled
    // with a terminal title sequence, a screen clear and a bidi override.
    let hostile = r#"\u001b]0;owned\u0007\u001b[2J\u202e"#;
    for (vendor, body) in [
        ("sinch", format!(r#"{{"errorCode":"{hostile}","message":"{hostile}","reference":"{hostile}"}}"#)),
        ("vonage", format!(r#"{{"type":"https://developer.vonage.com/api-errors#{hostile}","title":"{hostile}"}}"#)),
        ("notificore", format!(r#"{{"error":"{hostile}","errorDescription":"{hostile}"}}"#)),
        // A known code, so the entry's report is printed to stdout.
        ("sinch", format!(r#"{{"errorCode":40001,"message":"{hostile}","reference":"{hostile}"}}"#)),
    ] {
        let out = errcat(&["parse", vendor], Some(&body));
        assert_safe(&out);
        let shown = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(shown.contains(r"\u{1b}]0;owned\u{7}\u{1b}[2J\u{202e}"), "{vendor}: {shown}");

        let json = errcat(&["parse", vendor, "--json"], Some(&body));
        assert_safe(&json);
        let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("exact JSON");
        assert_eq!(value["message"].as_str(), Some(format!("{TITLE_AND_CLEAR}\u{202e}").as_str()), "{vendor}");
    }
}

#[test]
fn arguments_are_escaped_in_errors() {
    for args in [
        vec!["explain", TITLE_AND_CLEAR, "1"],
        vec!["explain", "vonage", "a\nok: fake line\u{1b}[2J"],
        vec!["explain", "vonage", "1", "--product", TITLE_AND_CLEAR],
        vec!["list", "--vendor", TITLE_AND_CLEAR],
        vec!["check", "/nonexistent/\u{1b}[31m"],
        vec!["docs", "/nonexistent/\u{1b}[31m"],
    ] {
        let out = errcat(&args, None);
        assert!(!out.status.success(), "{args:?}");
        assert_safe(&out);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(r"\u{1b}"), "{args:?}: {stderr}");
        assert!(!stderr.contains("\nok: fake line"), "{args:?}: {stderr}");
    }
    let retry_after = errcat(&["parse", "--retry-after", TITLE_AND_CLEAR], Some("{}"));
    assert_safe(&retry_after);
}

#[test]
fn catalog_text_in_diagnostics_is_escaped() {
    let dir = std::env::temp_dir().join(format!("errcat-terminal-{}", std::process::id()));
    let vendor = dir.join("acme");
    std::fs::create_dir_all(&vendor).unwrap();
    std::fs::write(vendor.join("vendor.toml"), "name = \"Acme\\u001b]0;owned\\u0007\"\n").unwrap();
    std::fs::write(
        vendor.join("sms.toml"),
        "[product]\nname = \"SMS\"\ncode_type = \"integer\"\n\n[[error]]\ncode = 1\ndescription = \"x\"\ncategory = \"\\u001b[2J\\u202e\"\n",
    )
    .unwrap();
    let out = errcat(&["check", dir.to_str().unwrap()], None);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_safe(&out);
    // Shown, as visible symbols (the snippet renderer's) or as `\u{…}`.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("unknown category `"), "{stderr}");
    assert!(stderr.contains("[2J"), "{stderr}");
}
