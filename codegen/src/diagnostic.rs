//! Problems found in a catalog, rendered like rustc's.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

/// Index of a file in [`Sources`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(usize);

/// The text of every file read, so diagnostics can quote it.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<(PathBuf, String)>,
}

impl Sources {
    /// Stores a file's text under the path shown in diagnostics.
    pub fn add(&mut self, display_path: PathBuf, text: String) -> FileId {
        self.files.push((display_path, text));
        FileId(self.files.len() - 1)
    }

    /// The path shown for `file`.
    pub fn path(&self, file: FileId) -> &Path {
        &self.files[file.0].0
    }

    /// The text of `file`.
    pub fn text(&self, file: FileId) -> &str {
        &self.files[file.0].1
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, file: FileId, offset: usize) -> (usize, usize) {
        let text = self.text(file);
        let offset = offset.min(text.len());
        let before = text.get(..offset).unwrap_or(text);
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (line, col)
    }
}

/// A span of a file with a label.
#[derive(Clone, Debug)]
pub struct Label {
    pub file: FileId,
    pub span: Range<usize>,
    pub text: String,
}

impl Label {
    pub fn new(file: FileId, span: Range<usize>, text: impl Into<String>) -> Self {
        Label { file, span, text: text.into() }
    }
}

/// Where a diagnostic points.
#[derive(Clone, Debug)]
pub enum Location {
    /// A span of a catalog file.
    Span(Label),
    /// A whole file or folder (a missing file, an unreadable one, a bad name).
    Path(PathBuf),
}

/// One problem in a catalog.
#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// Lowercase, code in backticks, no trailing period.
    pub message: String,
    pub location: Location,
    /// Other places involved, e.g. the first definition of a duplicate.
    pub related: Vec<Label>,
    /// How to fix it, when there is a clear fix.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A problem at a span.
    pub fn at(file: FileId, span: Range<usize>, message: impl Into<String>, label: impl Into<String>) -> Self {
        Diagnostic {
            message: message.into(),
            location: Location::Span(Label::new(file, span, label)),
            related: Vec::new(),
            help: None,
        }
    }

    /// A problem with a whole file or folder.
    pub fn path(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic { message: message.into(), location: Location::Path(path.into()), related: Vec::new(), help: None }
    }

    /// Adds a help line.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds another place involved.
    pub fn related(mut self, file: FileId, span: Range<usize>, text: impl Into<String>) -> Self {
        self.related.push(Label::new(file, span, text));
        self
    }

    /// `path:line:col` of the primary location.
    pub fn position(&self, sources: &Sources) -> String {
        match &self.location {
            Location::Span(label) => {
                let (line, col) = sources.line_col(label.file, label.span.start);
                format!("{}:{line}:{col}", sources.path(label.file).display())
            }
            Location::Path(path) => path.display().to_string(),
        }
    }

    /// One line: `path:line:col: message`, safe for a terminal
    /// ([`terminal::one_line`](crate::terminal::one_line)).
    pub fn headline(&self, sources: &Sources) -> String {
        crate::terminal::one_line(&format!("{}: {}", self.position(sources), self.message))
    }

    /// The full rustc-style report with snippets, without colour, safe for
    /// a terminal ([`terminal::block`](crate::terminal::block)): catalog
    /// text quoted in messages and labels cannot drive it.
    pub fn render(&self, sources: &Sources) -> String {
        crate::terminal::block(&self.render_raw(sources)).into_owned()
    }

    fn render_raw(&self, sources: &Sources) -> String {
        if let (Location::Path(path), true) = (&self.location, self.related.is_empty()) {
            // No snippet to quote: the title, the path, the help, laid out
            // as the snippet reports are.
            let mut out = format!("error: {}\n --> {}", self.message, path.display());
            if let Some(help) = &self.help {
                out.push_str(&format!("\n  |\n  = help: {help}"));
            }
            return out;
        }
        let mut group = Group::with_title(Level::ERROR.primary_title(&self.message));
        let mut path_strings = Vec::new();
        match &self.location {
            Location::Span(label) => {
                path_strings.push(sources.path(label.file).display().to_string());
            }
            Location::Path(path) => path_strings.push(path.display().to_string()),
        }
        for label in &self.related {
            path_strings.push(sources.path(label.file).display().to_string());
        }
        match &self.location {
            Location::Span(label) => {
                let mut snippet = Snippet::source(sources.text(label.file))
                    .path(path_strings[0].as_str())
                    .annotation(AnnotationKind::Primary.span(clamp(label, sources)).label(&label.text));
                for related in self.related.iter().filter(|r| r.file == label.file) {
                    snippet =
                        snippet.annotation(AnnotationKind::Context.span(clamp(related, sources)).label(&related.text));
                }
                group = group.element(snippet);
            }
            Location::Path(_) => group = group.element(Origin::path(path_strings[0].as_str())),
        }
        let primary_file = match &self.location {
            Location::Span(label) => Some(label.file),
            Location::Path(_) => None,
        };
        for (i, related) in self.related.iter().enumerate() {
            if Some(related.file) != primary_file {
                group = group.element(
                    Snippet::source(sources.text(related.file))
                        .path(path_strings[i + 1].as_str())
                        .annotation(AnnotationKind::Context.span(clamp(related, sources)).label(&related.text)),
                );
            }
        }
        if let Some(help) = &self.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        Renderer::plain().render(&[group])
    }
}

fn clamp(label: &Label, sources: &Sources) -> Range<usize> {
    let len = sources.text(label.file).len();
    label.span.start.min(len)..label.span.end.min(len).max(label.span.start.min(len))
}

/// Every problem found in one run, with the sources to render them.
#[derive(Debug)]
pub struct Diagnostics {
    pub sources: Sources,
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// The number of problems.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Puts the problems in reading order: by file, then by position in
    /// the file. Problems at the same place keep the order they were found.
    pub fn sort(&mut self) {
        let sources = &self.sources;
        self.items.sort_by_cached_key(|item| match &item.location {
            Location::Span(label) => (sources.path(label.file).to_path_buf(), label.span.start),
            Location::Path(path) => (path.clone(), 0),
        });
    }

    /// One `path:line:col: message` line per problem.
    pub fn headlines(&self) -> impl Iterator<Item = String> + '_ {
        self.items.iter().map(|d| d.headline(&self.sources))
    }
}

/// All reports, separated by blank lines, then a summary line.
impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for item in &self.items {
            writeln!(f, "{}\n", item.render(&self.sources))?;
        }
        let n = self.items.len();
        write!(f, "error: the catalog has {n} problem{}", if n == 1 { "" } else { "s" })
    }
}

impl std::error::Error for Diagnostics {}
