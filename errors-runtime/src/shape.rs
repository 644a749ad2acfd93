//! Where a vendor's response bodies carry their errors: the `[[response]]`
//! tables of a catalog's `vendor.toml`, as data.

/// One body shape of a vendor, e.g. Vonage's `application/problem+json` or
/// its SMS API's `{"messages":[{"status","error-text"}]}`.
///
/// Every field that locates something is a list of [`Path`]s, tried in
/// order. The response reader (feature `response`) decides from these which
/// shape a body has and reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResponseShape {
    /// A short name, unique within the vendor, e.g. `"problem"`.
    pub name: &'static str,
    /// Where the code is; empty for bodies that carry only a message
    /// (such a shape fits by its `requires` alone).
    pub code: &'static [Path],
    /// What the code is.
    pub code_kind: CodeKind,
    /// Where the vendor's message is.
    pub message: &'static [Path],
    /// Where a request or trace id is.
    pub request_id: &'static [Path],
    /// Where an RFC 7807 `instance` is.
    pub instance: &'static [Path],
    /// Where a support reference is.
    pub reference: &'static [Path],
    /// Where per-parameter failures are.
    pub invalid_parameters: &'static [Path],
    /// Members that must be present, besides the code.
    pub requires: &'static [Path],
    /// Codes that mean success.
    pub success: &'static [&'static str],
    /// The product whose bodies have this shape, when the shape says.
    pub product: Option<&'static str>,
    /// The products whose codes this shape can carry, best first; `None`
    /// means every product of the vendor, and an empty list none (the API
    /// is not in the catalog).
    pub products: Option<&'static [&'static str]>,
}

/// A path into a JSON body: member names, with [`WALK`] after an array's
/// name to step into its elements. The catalog writes `"messages[].status"`;
/// codegen splits it into `&["messages", "[]", "status"]`.
pub type Path = &'static [&'static str];

/// The segment of a [`Path`] that steps into an array's elements.
pub const WALK: &str = "[]";

/// What a [`ResponseShape`]'s code holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CodeKind {
    /// A catalog code (a number, or a string such as `"invalid-api-key"`).
    Code,
    /// An RFC 7807 problem `type` URL, matched against the products'
    /// `problem_type` templates and their aliases.
    ProblemType,
    /// A message, looked up in the vendor's message-only products.
    Message,
}
