//! Human-readable output: styled on a terminal, plain when piped
//! (`anstream` strips the styles and honours `NO_COLOR`).

use anstyle::{AnsiColor, Style};
use errcat_codegen::terminal::{block, inline};
use errors_runtime::{ErrorInfo, Retry};

const LABEL: Style = Style::new().bold();
const HEADING: Style = Style::new().bold().underline();
const CODE: Style = AnsiColor::Cyan.on_default();
const PATH: Style = AnsiColor::Green.on_default();

fn retry_style(retry: Retry) -> Style {
    match retry {
        Retry::Backoff | Retry::Later => AnsiColor::Yellow.on_default().bold(),
        Retry::AfterFix => AnsiColor::Blue.on_default().bold(),
        _ => AnsiColor::Red.on_default().bold(),
    }
}

/// A multi-line explanation of one entry.
pub fn explain(info: ErrorInfo) -> String {
    let mut out = String::new();
    let code = match info.code() {
        errors_runtime::Code::Message(_) => "message".to_owned(),
        code => format!("{CODE}{}{CODE:#}", inline(&code.to_string())),
    };
    out.push_str(&format!("{HEADING}{}{HEADING:#} {code}\n", info.product()));
    let mut row = |label: &str, value: &str| {
        let mut lines = value.lines();
        out.push_str(&format!("  {LABEL}{label:<12}{LABEL:#} {}\n", lines.next().unwrap_or_default()));
        for line in lines {
            out.push_str(&format!("  {:<12} {line}\n", ""));
        }
    };
    // Catalog texts keep their line breaks (each becomes a row); nothing
    // else in them reaches the terminal raw.
    if let Some(title) = info.title() {
        row("title", &inline(title));
    }
    row("description", &block(info.description()));
    if info.severity() == errors_runtime::Severity::Warning {
        row("severity", "warning (the request went through)");
    }
    if let Some(causes) = info.causes() {
        row("causes", &block(causes));
    }
    if let Some(resolution) = info.resolution() {
        row("resolution", &block(resolution));
    }
    if let Some(status) = info.http_status() {
        row("http status", &status.to_string());
    }
    row("category", &format!("{} ({})", info.category(), info.category().summary()));
    let style = retry_style(info.retry());
    row("retry", &format!("{style}{}{style:#} ({})", info.retry(), info.retry().summary()));
    if let Some(url) = info.docs_url() {
        row("docs", &inline(url));
    }
    let sources: Vec<String> = info.sources().map(|s| inline(&s.to_string()).into_owned()).collect();
    if !sources.is_empty() {
        row(if sources.len() == 1 { "source" } else { "sources" }, &sources.join("\n"));
    }
    row("match on", &format!("{PATH}{}{PATH:#}", info.rust_path()));
    out
}

/// A response that resolved to a catalog entry: the entry, then what this
/// body adds.
pub fn response(response: &errors_runtime::response::Response, entry: ErrorInfo) -> String {
    let mut out = explain(entry);
    let mut row = |label: &str, value: &str| out.push_str(&format!("  {LABEL}{label:<12}{LABEL:#} {value}\n"));
    if response.product().is_none() {
        let others: Vec<String> = response.candidates().iter().skip(1).map(|c| c.rust_path().to_string()).collect();
        let note = if others.is_empty() {
            "the body does not name the product".to_owned()
        } else {
            format!("the body does not name the product; also: {}", others.join(", "))
        };
        row("product", &note);
    }
    if let Some(message) = response.message().filter(|m| *m != entry.description()) {
        row("this body", &inline(message));
    }
    for (label, value) in [
        ("status", response.status()),
        ("request id", response.request_id()),
        ("instance", response.instance()),
        ("reference", response.reference()),
    ] {
        if let Some(value) = value {
            row(label, &inline(value));
        }
    }
    for parameter in response.invalid_parameters() {
        row("parameter", &format!("{}: {}", inline(&parameter.name), inline(&parameter.reason)));
    }
    if let Some(delay) = response.retry_after_delay() {
        row("retry after", &format!("{} s", delay.as_secs()));
    }
    out
}

/// The one-paragraph report of a response whose code is not in the catalog
/// (or a success body), for stderr.
pub fn unknown_response(response: &errors_runtime::response::Response) -> String {
    // "Vonage Messages API", or the vendor alone when no product is known.
    let source = response.product().map_or_else(|| response.vendor().name().to_owned(), |p| p.to_string());
    let code = response.code_text().map(|c| format!(" `{}`", inline(&c))).unwrap_or_default();
    let mut out = if response.is_success() {
        let status = response.status().map(|s| format!("status `{}`", inline(s)));
        let sent: Vec<String> =
            [(!code.is_empty()).then(|| format!("code{code}")), status].into_iter().flatten().collect();
        format!("a {source} success body ({}): not an error", sent.join(", "))
    } else if code.is_empty() {
        format!("error: a {source} error body without a code")
    } else {
        format!("error: a {source} error body, but its code{code} is not in the catalog")
    };
    if let Some(message) = response.message() {
        out.push_str(&format!("\n  message: {}", inline(message)));
    }
    if let Some(status) = response.status().filter(|_| !response.is_success()) {
        out.push_str(&format!("\n  status: {}", inline(status)));
    }
    if !response.is_success() {
        out.push_str(&format!(
            "\n  decision: {} / {} (decided by {})",
            response.category(),
            response.retry(),
            response.decided_by()
        ));
    }
    if let Some(delay) = response.retry_after_delay() {
        out.push_str(&format!("\n  retry after: {} s", delay.as_secs()));
    }
    out
}
