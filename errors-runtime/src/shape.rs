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
    /// Where the state of the message the body reports on is, e.g. a
    /// delivery report's `"delivered"` or `"failed"`.
    pub status: &'static [Path],
    /// Members that must be present, besides the code.
    pub requires: &'static [Path],
    /// Codes and statuses that mean success: a body is a success body when
    /// its code and its status, those it has, are all among them. A
    /// problem `type` URL is never a success code.
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
/// codegen splits it into `["messages", "[]", "status"]` and numbers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Path {
    /// The member names, and [`WALK`].
    pub segments: &'static [&'static str],
    /// The path's position among its catalog's distinct body paths: where
    /// the reader keeps what it finds there (see [`Member`]).
    pub slot: u16,
}

impl Path {
    /// Whether the path steps into an array's elements.
    pub fn walks(&self) -> bool {
        self.segments.contains(&WALK)
    }
}

/// The segment of a [`Path`] that steps into an array's elements.
pub const WALK: &str = "[]";

/// Every body path of a catalog, as a tree of member names that the
/// response reader follows in one pass over a body: members no path names
/// are skipped unread.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    /// The member's name ([`WALK`] for an array's elements; empty for the
    /// body itself, the root of the catalog's tree).
    pub name: &'static str,
    /// The [`Path::slot`] of the path that ends here, if one does.
    pub slot: Option<u16>,
    /// Whether the whole value is kept (per-parameter failures are read
    /// from all of it).
    pub whole: bool,
    /// The members below, sorted by [`Member::order`].
    pub children: &'static [Member],
    /// Where the children of each name length start: entry `n` is the
    /// position of the first child whose name has at least `n` bytes, for
    /// `n` up to one past the longest. Empty means not indexed (then a
    /// lookup searches).
    pub by_length: &'static [u16],
    /// What a path takes from each element when the value is an array.
    pub items: Option<&'static Member>,
}

impl Member {
    /// How [`children`](Self::children) are sorted: by length, then
    /// bytes, so a lookup compares lengths until the few names of the
    /// key's length.
    pub fn order(a: &str, b: &str) -> core::cmp::Ordering {
        a.len().cmp(&b.len()).then_with(|| a.cmp(b))
    }

    /// The child named `name`.
    pub fn child(&self, name: &[u8]) -> Option<&'static Member> {
        self.child_at(name).and_then(|at| self.children.get(at))
    }

    /// The position of the child named `name`.
    pub fn child_at(&self, name: &[u8]) -> Option<usize> {
        let children = self.children;
        let (start, end) = match (self.by_length.get(name.len()), self.by_length.get(name.len() + 1)) {
            (Some(&start), Some(&end)) => (usize::from(start), usize::from(end)),
            _ if self.by_length.is_empty() => {
                let start = children.partition_point(|m| m.name.len() < name.len());
                let end = start + children.get(start..)?.iter().take_while(|m| m.name.len() == name.len()).count();
                (start, end)
            }
            // Longer than every child.
            _ => return None,
        };
        children
            .get(start..end)?
            .iter()
            .position(|m| crate::support::same_bytes(m.name.as_bytes(), name))
            .map(|at| start + at)
    }
}

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
