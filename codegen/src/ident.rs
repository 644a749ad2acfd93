//! The one place where catalog text becomes Rust identifiers.
//!
//! The rule, for every identifier errcat derives:
//!
//! 1. Split the source on every character that is not an ASCII letter or
//!    digit; drop empty words.
//! 2. `UpperCamelCase` (types, variants): capitalise each word; a word in
//!    all capitals (`SMS`, `JWT`) is lowered after its first letter, other
//!    words keep their inner capitals (`ParameterValidation`).
//!    `snake_case` (modules): lowercase words joined by `_`.
//!    `SCREAMING_SNAKE_CASE` (statics): the same, uppercased.
//! 3. A result that starts with a digit gets a leading `_` (`1st-code` →
//!    `_1stCode`).
//! 4. A result that is a Rust keyword gets a trailing `_` (`self` → `self_`,
//!    `Self` → `Self_`). Raw identifiers are not used: `r#self` is not legal.
//! 5. Nothing left (the source has no ASCII letter or digit): no identifier;
//!    the catalog must give one.

/// Every strict, reserved and edition-dependent keyword.
const KEYWORDS: &[&str] = &[
    "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "macro",
    "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return", "self", "static", "struct", "super",
    "trait", "true", "try", "type", "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while",
    "yield",
];

/// Module names errors-runtime defines at its root, where the bundled
/// vendor modules are re-exported; a vendor may not take them.
pub const RESERVED_MODULES: &[&str] =
    &["body", "catalog", "code", "errors_runtime", "generated", "hash", "info", "support", "taxonomy"];

/// Crates every Rust file can name without declaring them (the extern
/// prelude): a vendor module of that name would shadow the crate wherever
/// the generated modules are in scope.
pub const PRELUDE_CRATES: &[&str] = &["alloc", "core", "proc_macro", "std"];

/// Why a vendor module name cannot be used, if it cannot.
pub fn module_conflict(module: &str) -> Option<&'static str> {
    if PRELUDE_CRATES.contains(&module) {
        Some("the name of a crate every Rust file can name, which the module would shadow")
    } else if RESERVED_MODULES.contains(&module) {
        Some("a name errors-runtime uses itself")
    } else {
        None
    }
}

/// Whether a file or folder name cannot be created on Windows, one of the
/// platforms Rust supports: its device names (`con`, `nul`, `com1`, …),
/// with any extension and in any case.
pub fn is_windows_device_name(name: &str) -> bool {
    let base = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    let numbered =
        |prefix: &str| base.strip_prefix(prefix).is_some_and(|n| n.len() == 1 && n.bytes().all(|b| b.is_ascii_digit()));
    matches!(base.as_str(), "con" | "prn" | "aux" | "nul") || numbered("com") || numbered("lpt")
}

/// Names the generated enums define themselves; a variant may not take them.
pub const RESERVED_VARIANTS: &[&str] = &["ALL", "PRODUCT"];

fn words(source: &str) -> impl Iterator<Item = &str> {
    source.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty())
}

fn finish(ident: String) -> Option<String> {
    if ident.is_empty() {
        return None;
    }
    let ident = if ident.starts_with(|c: char| c.is_ascii_digit()) { format!("_{ident}") } else { ident };
    Some(if is_keyword(&ident) { format!("{ident}_") } else { ident })
}

/// Whether `word` is a Rust keyword.
pub fn is_keyword(word: &str) -> bool {
    KEYWORDS.contains(&word)
}

/// `invalid-api-key` → `InvalidApiKey`; `None` when nothing is left.
pub fn upper_camel(source: &str) -> Option<String> {
    let mut out = String::new();
    for word in words(source) {
        let all_caps = word.chars().all(|c| !c.is_ascii_lowercase());
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            if all_caps {
                out.extend(chars.map(|c| c.to_ascii_lowercase()));
            } else {
                out.extend(chars);
            }
        }
    }
    finish(out)
}

/// `secret-management` → `secret_management`; `None` when nothing is left.
pub fn snake(source: &str) -> Option<String> {
    let joined = words(source).map(str::to_ascii_lowercase).collect::<Vec<_>>().join("_");
    finish(joined)
}

/// `InvalidApiKey` → `INVALID_API_KEY`, for names of generated statics.
pub fn screaming_from_camel(camel: &str) -> String {
    let mut out = String::new();
    let mut prev_lower_or_digit = false;
    for c in camel.trim_start_matches('_').trim_end_matches('_').chars() {
        if c.is_ascii_uppercase() && prev_lower_or_digit {
            out.push('_');
        }
        prev_lower_or_digit = c.is_ascii_lowercase() || c.is_ascii_digit();
        out.push(c.to_ascii_uppercase());
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) { format!("_{out}") } else { out }
}

/// Whether an explicit `name` is already a legal `UpperCamelCase` variant name.
pub fn is_upper_camel(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_alphanumeric())
        && !is_keyword(name)
        && !RESERVED_VARIANTS.contains(&name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upper_camel_table() {
        let cases: &[(&str, Option<&str>)] = &[
            ("invalid-api-key", Some("InvalidApiKey")),
            ("device:error:not-found", Some("DeviceErrorNotFound")),
            ("Invalid params", Some("InvalidParams")),
            ("SMS not found", Some("SmsNotFound")),
            ("ParameterValidation", Some("ParameterValidation")),
            ("JWT", Some("Jwt")),
            ("Account Not Enabled For HTTP", Some("AccountNotEnabledForHttp")),
            ("Signature And API Secret Disallowed", Some("SignatureAndApiSecretDisallowed")),
            ("1st-code", Some("_1stCode")),
            ("10dlc", Some("_10dlc")),
            ("1000", Some("_1000")),
            ("self", Some("Self_")),
            ("Self", Some("Self_")),
            ("type", Some("Type")),
            ("crate", Some("Crate")),
            ("  spaced  out ", Some("SpacedOut")),
            ("naïve café", Some("NaVeCaf")),
            ("", None),
            ("---", None),
            ("日本語", None),
            ("🙂", None),
        ];
        for (source, expected) in cases {
            assert_eq!(upper_camel(source).as_deref(), *expected, "upper_camel({source:?})");
        }
    }

    #[test]
    fn snake_table() {
        let cases: &[(&str, Option<&str>)] = &[
            ("vonage", Some("vonage")),
            ("secret-management", Some("secret_management")),
            ("api-v1", Some("api_v1")),
            ("10dlc", Some("_10dlc")),
            ("self", Some("self_")),
            ("crate", Some("crate_")),
            ("super", Some("super_")),
            ("type", Some("type_")),
            ("Mixed-Case", Some("mixed_case")),
            ("-", None),
        ];
        for (source, expected) in cases {
            assert_eq!(snake(source).as_deref(), *expected, "snake({source:?})");
        }
    }

    #[test]
    fn screaming_table() {
        let cases = [
            ("Messages", "MESSAGES"),
            ("InvalidApiKey", "INVALID_API_KEY"),
            ("ApiV1", "API_V1"),
            ("TenDlc", "TEN_DLC"),
            ("_10dlc", "_10DLC"),
            ("Self_", "SELF"),
        ];
        for (source, expected) in cases {
            assert_eq!(screaming_from_camel(source), expected, "screaming({source:?})");
        }
    }

    #[test]
    fn explicit_names() {
        assert!(is_upper_camel("InvalidParams"));
        assert!(is_upper_camel("Sms2Way"));
        assert!(!is_upper_camel("invalidParams"));
        assert!(!is_upper_camel("Invalid_Params"));
        assert!(!is_upper_camel("_Invalid"));
        assert!(!is_upper_camel("Self"));
        assert!(!is_upper_camel("ALL"));
        assert!(!is_upper_camel("PRODUCT"));
        assert!(!is_upper_camel(""));
        assert!(!is_upper_camel("Café"));
    }
}
