//! `errcat_codegen::import` on Twilio's real dictionaries: the 2019 copy
//! (men232/twilio-error-codes) and the 2022 one (see `data/twilio/README.md`).
#![cfg(feature = "import")]

use std::path::{Path, PathBuf};

use errcat_codegen::import::{Format, Key, Origin, import};

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/twilio").join(name)
}

/// Read on `checked`, from where the format says it is published.
fn on(checked: &str) -> Origin {
    Origin { url: None, checked: checked.to_owned() }
}

/// The day `catalog/twilio` was last imported.
const BUNDLED_CHECKED: &str = "2026-12-02";

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("errcat-import-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("catalog")).unwrap();
    dir
}

/// Replaces the line `from` within the `[[error]]` block of `code`.
fn edit(file: &Path, code: u32, from: &str, to: &str) {
    let text = std::fs::read_to_string(file).unwrap();
    let start = text.find(&format!("[[error]]\ncode = {code}\n")).unwrap_or_else(|| panic!("no entry {code}"));
    let end = text[start + 1..].find("[[error]]").map_or(text.len(), |at| start + 1 + at);
    let block = &text[start..end];
    assert!(block.contains(from), "entry {code} has no `{from}`:\n{block}");
    let edited = format!("{}{}{}", &text[..start], block.replacen(from, to, 1), &text[end..]);
    std::fs::write(file, edited).unwrap();
}

fn block(file: &Path, code: u32) -> String {
    let text = std::fs::read_to_string(file).unwrap();
    let start = text.find(&format!("[[error]]\ncode = {code}\n")).unwrap_or_else(|| panic!("no entry {code}"));
    let end = text[start + 1..].find("[[error]]").map_or(text.len(), |at| start + 1 + at);
    text[start..end].to_owned()
}

#[test]
fn a_newer_dictionary_adds_updates_keeps_and_withdraws() {
    let dir = scratch("merge");
    let twilio = dir.join("catalog/twilio");

    let first =
        import(Format::Twilio, &data("twilio-error-codes-2019-11.json"), &twilio, None, &on("2019-12-01")).unwrap();
    assert_eq!(first.added.len(), 1123);
    assert!(first.updated.is_empty() && first.withdrawn.is_empty());
    let source =
        "[[source]]\nid = \"dictionary\"\nurl = \"https://www.twilio.com/docs/api/errors/twilio-error-codes.json\"\n";
    let general_text = std::fs::read_to_string(twilio.join("general.toml")).unwrap();
    assert!(general_text.contains(&format!("{source}checked = \"2019-12-01\"\n")), "{general_text}");
    assert!(!general_text.contains("\nsource = "), "every entry comes from the only source");
    errcat_codegen::Builder::new(dir.join("catalog")).check().unwrap_or_else(|d| panic!("{d}"));

    // A person reviews two entries.
    let general = twilio.join("general.toml");
    let old_21211 = block(&general, 21211);
    assert!(old_21211.contains("title = \"Invalid Called Phone Number\""), "{old_21211}");
    let category = old_21211.lines().find(|l| l.starts_with("category = ")).unwrap().to_owned();
    edit(&general, 21211, &category, "category = \"recipient\"\nretry = \"never\"");
    edit(&general, 21211, "name = \"InvalidCalledPhoneNumber\"", "name = \"InvalidTo\"");
    edit(&general, 21211, "docs_url = ", "note = \"reviewed by hand\"\ndocs_url = ");
    let lookup = twilio.join("lookup.toml");
    let old_60101 = block(&lookup, 60101);
    let category = old_60101.lines().find(|l| l.starts_with("category = ")).unwrap().to_owned();
    edit(&lookup, 60101, &category, "category = \"compliance\"\nsource = [\"dictionary\", \"help-center\"]");
    // …and names a second source.
    let lookup_text = std::fs::read_to_string(&lookup).unwrap();
    let help_center =
        "[[source]]\nid = \"help-center\"\nurl = \"https://help.twilio.com/\"\nchecked = \"2020-01-01\"\n";
    let lookup_text = lookup_text.replacen("\n[[error]]", &format!("\n{help_center}\n[[error]]"), 1);
    std::fs::write(&lookup, lookup_text).unwrap();

    let second =
        import(Format::Twilio, &data("twilio-error-codes-2022-11.json"), &twilio, None, &on("2022-12-01")).unwrap();
    // New codes are added…
    assert!(second.added.contains(&("general".into(), Key::Integer(400))), "{second}");
    assert_eq!(second.added.len(), 1900 - 1122, "{second}");
    // …changed texts are updated, what the person set is kept…
    assert!(second.updated.contains(&("general".into(), Key::Integer(21211))), "{second}");
    let new_21211 = block(&general, 21211);
    assert!(new_21211.contains("title = \"Invalid 'To' Phone Number\""), "{new_21211}");
    for kept in ["category = \"recipient\"", "retry = \"never\"", "name = \"InvalidTo\"", "note = \"reviewed by hand\""]
    {
        assert!(new_21211.contains(kept), "lost `{kept}`:\n{new_21211}");
    }
    // …a code that moved product follows, with what was set…
    assert!(
        second.moved.iter().any(|(from, to, code)| (from.as_str(), to.as_str(), code)
            == ("general", "programmable-voice", &Key::Integer(21216))),
        "{second}"
    );
    assert!(!general.exists() || !std::fs::read_to_string(&general).unwrap().contains("code = 21216\n"));
    // …and a dropped code is reported and marked, not deleted.
    assert_eq!(second.withdrawn, vec![("lookup".to_owned(), Key::Integer(60101))], "{second}");
    let withdrawn = block(&lookup, 60101);
    assert!(withdrawn.contains("withdrawn = \"not in the vendor's dictionary as of 2022-11-01\""), "{withdrawn}");
    assert!(withdrawn.contains("category = \"compliance\""), "{withdrawn}");
    assert!(withdrawn.contains("source = [\"dictionary\", \"help-center\"]"), "{withdrawn}");
    let lookup_text = std::fs::read_to_string(&lookup).unwrap();
    assert!(lookup_text.contains(&format!("{source}checked = \"2022-12-01\"\n\n{help_center}")), "{lookup_text}");
    errcat_codegen::Builder::new(dir.join("catalog")).check().unwrap_or_else(|d| panic!("{d}"));

    // The dictionary's source is checked again; one a person added stays.
    let voice_text = std::fs::read_to_string(twilio.join("programmable-voice.toml")).unwrap();
    assert!(voice_text.contains(&format!("{source}checked = \"2022-12-01\"\n")), "{voice_text}");

    // The same dictionary again changes nothing, byte for byte.
    let before: Vec<(PathBuf, Vec<u8>)> = files(&twilio);
    let third =
        import(Format::Twilio, &data("twilio-error-codes-2022-11.json"), &twilio, None, &on("2022-12-01")).unwrap();
    assert!(third.written.is_empty(), "{third}");
    assert!(third.added.is_empty() && third.updated.is_empty() && third.withdrawn.is_empty() && third.moved.is_empty());
    assert_eq!(files(&twilio), before);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_bundled_catalog_is_what_the_importer_writes() {
    // catalog/twilio was written by this importer from the 2022 dictionary
    // and reviewed by hand since: importing it again changes no byte.
    let dir = scratch("bundled");
    let copy = dir.join("catalog/twilio");
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("../catalog/twilio");
    std::fs::create_dir_all(&copy).unwrap();
    for (path, bytes) in files(&bundled) {
        std::fs::write(copy.join(path.file_name().unwrap()), bytes).unwrap();
    }
    let report =
        import(Format::Twilio, &data("twilio-error-codes-2022-11.json"), &copy, None, &on(BUNDLED_CHECKED)).unwrap();
    assert!(report.written.is_empty(), "{report}");
    assert_eq!(report.unchanged, 1900, "{report}");
    let share = report.unknown_total() as f64 / report.total() as f64;
    assert!(share <= 0.10, "{report}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_broken_dictionary_writes_nothing() {
    let dir = scratch("broken");
    let source = dir.join("broken.json");
    std::fs::write(&source, "{\"code\": 1}").unwrap();
    let error = import(Format::Twilio, &source, &dir.join("catalog/twilio"), None, &on("2026-01-01")).unwrap_err();
    assert!(error.to_string().contains("not a Twilio error dictionary"), "{error}");
    assert!(!dir.join("catalog/twilio").join("general.toml").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect();
    files.sort();
    files
}

/// Where Vonage publishes the spec `name`, at the commit `data/` copies.
fn spec_origin(name: &str) -> Origin {
    let commit = "ad042003e946f5d99512cda2a8601488c8e863e5";
    let url = format!("https://github.com/Nexmo/api-specification/blob/{commit}/definitions/{name}");
    Origin { url: Some(url), checked: "2026-12-02".to_owned() }
}

fn spec(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../data/vonage-api-specification").join(name)
}

#[test]
fn an_openapi_x_errors_table_becomes_one_product() {
    let dir = scratch("openapi");
    let vendor = dir.join("catalog/vonage-spec");

    let sms = import(Format::OpenApi, &spec("sms.yml"), &vendor, None, &spec_origin("sms.yml")).unwrap();
    assert_eq!(sms.added.len(), 19, "{sms}");
    let file = vendor.join("sms.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("name = \"SMS API\"\ncode_type = \"integer\""), "{text}");
    assert!(text.contains("code = 1\nname = \"Throttled\"\ndescription = \"Throttled. You are sending SMS faster than the account limit.\""), "{text}");
    assert!(vendor.join("vendor.toml").exists());

    // Kebab-case codes make a string product; its file is named by option.
    let redact =
        import(Format::OpenApi, &spec("redact.yml"), &vendor, Some("data-redaction"), &spec_origin("redact.yml"))
            .unwrap();
    assert_eq!(redact.added.len(), 3, "{redact}");
    assert!(redact.withdrawn.is_empty(), "another product's codes are not this document's to withdraw: {redact}");
    assert_eq!(redact.written, vec![vendor.join("data-redaction.toml")], "only its own file: {redact}");
    let redact_text = std::fs::read_to_string(vendor.join("data-redaction.toml")).unwrap();
    assert!(redact_text.contains("code_type = \"string\""), "{redact_text}");
    // Its problem-details examples give titles and the product's `type` base.
    assert!(
        redact_text.contains("[[error]]\ncode = \"invalid-product\"\ntitle = \"Invalid Product\"\n"),
        "{redact_text}"
    );
    assert!(
        redact_text.contains("problem_type = \"https://developer.nexmo.com/api-errors/redact#{code}\""),
        "{redact_text}"
    );

    // A person's category survives the next import, which writes nothing.
    edit(&file, 1, "category = \"rate-limit\"", "category = \"rate-limit\"\nretry = \"later\"");
    let again = import(Format::OpenApi, &spec("sms.yml"), &vendor, None, &spec_origin("sms.yml")).unwrap();
    assert!(again.written.is_empty() && again.added.is_empty(), "{again}");
    assert!(block(&file, 1).contains("retry = \"later\""));

    // A code only an example names is added, with the example's status.
    let reports = import(Format::OpenApi, &spec("reports.yml"), &vendor, None, &spec_origin("reports.yml")).unwrap();
    assert_eq!(reports.added.len(), 3, "{reports}");
    let reports_text = std::fs::read_to_string(vendor.join("reports.toml")).unwrap();
    assert!(
        reports_text.contains("code = \"invalid-filter\"\ntitle = \"Invalid filter\"\ndescription = \"When using message_id, the following parameters are not supported: [date_start, date_end]\"\nhttp_status = 422\n"),
        "{reports_text}"
    );

    let messages = import(
        Format::OpenApi,
        &spec("messages-olympus.yml"),
        &vendor,
        Some("messages"),
        &spec_origin("messages-olympus.yml"),
    )
    .unwrap();
    assert_eq!(messages.added.len(), 44, "{messages}");
    errcat_codegen::Builder::new(dir.join("catalog")).check().unwrap_or_else(|d| panic!("{d}"));

    let unpublished = Origin { url: None, ..spec_origin("sms.yml") };
    let error = import(Format::OpenApi, &spec("sms.yml"), &vendor, None, &unpublished).unwrap_err();
    assert!(error.to_string().contains("give its URL (`--source-url`)"), "{error}");
    let sms_text = std::fs::read_to_string(&file).unwrap();
    assert!(sms_text.contains("url = \"https://github.com/Nexmo/api-specification/blob/ad042003e946f5d99512cda2a8601488c8e863e5/definitions/sms.yml\"\nchecked = \"2026-12-02\"\n"), "{sms_text}");

    let twilio_option =
        import(Format::Twilio, &data("twilio-error-codes-2022-11.json"), &vendor, Some("x"), &on("2026-01-01"));
    assert!(twilio_option.unwrap_err().to_string().contains("leave `--product` out"));
    let _ = std::fs::remove_dir_all(&dir);
}
