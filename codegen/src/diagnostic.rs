//! Problems found in a catalog, rendered like rustc's.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

/// Index of a file in [`Sources`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(usize);

/// The text of every file read, so diagnostics can quote it, with where
/// each line starts: finding a position or quoting a line never rescans a
/// file, so reporting stays linear in file size plus problem count.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
}

#[derive(Debug)]
struct SourceFile {
    path: PathBuf,
    text: String,
    /// Byte offset of every line's start; the first is 0.
    line_starts: Vec<usize>,
}

impl Sources {
    /// Stores a file's text under the path shown in diagnostics.
    pub fn add(&mut self, display_path: PathBuf, text: String) -> FileId {
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(at, _)| at + 1)).collect();
        self.files.push(SourceFile { path: display_path, text, line_starts });
        FileId(self.files.len() - 1)
    }

    /// The path shown for `file`.
    pub fn path(&self, file: FileId) -> &Path {
        &self.files[file.0].path
    }

    /// The text of `file`.
    pub fn text(&self, file: FileId) -> &str {
        &self.files[file.0].text
    }

    /// The 0-based line holding a byte offset.
    fn line_of(&self, file: FileId, offset: usize) -> usize {
        let starts = &self.files[file.0].line_starts;
        starts.partition_point(|&start| start <= offset).saturating_sub(1)
    }

    /// The bytes of lines `first..=last` (0-based), line breaks included.
    fn lines(&self, file: FileId, first: usize, last: usize) -> Range<usize> {
        let source = &self.files[file.0];
        let start = source.line_starts.get(first).copied().unwrap_or(source.text.len());
        let end = source.line_starts.get(last + 1).copied().unwrap_or(source.text.len());
        start..end
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, file: FileId, offset: usize) -> (usize, usize) {
        let text = self.text(file);
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(file, offset);
        let line_start = self.files[file.0].line_starts[line];
        let col = text[line_start..offset].chars().count() + 1;
        (line + 1, col)
    }
}

/// The largest char boundary at or before `at`.
fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Related labels this many lines or fewer from the primary one share its
/// snippet; farther ones get their own, so no report quotes a whole file.
const SAME_SNIPPET_LINES: usize = 50;

/// The lines a snippet quotes: the annotated ones, with their offsets.
struct Window {
    first_line: usize,
    bytes: Range<usize>,
}

impl Window {
    fn of(sources: &Sources, file: FileId, spans: &[Range<usize>]) -> Window {
        let first = spans.iter().map(|s| sources.line_of(file, s.start)).min().unwrap_or(0);
        let last = spans.iter().map(|s| sources.line_of(file, s.end.saturating_sub(1).max(s.start))).max().unwrap_or(0);
        Window { first_line: first, bytes: sources.lines(file, first, last) }
    }

    /// A span of the file as a span of the window.
    fn shift(&self, span: Range<usize>) -> Range<usize> {
        let clamp = |at: usize| at.clamp(self.bytes.start, self.bytes.end) - self.bytes.start;
        clamp(span.start)..clamp(span.end).max(clamp(span.start))
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
        let primary_file = match &self.location {
            Location::Span(label) => Some(label.file),
            Location::Path(_) => None,
        };
        match &self.location {
            Location::Span(label) => {
                let span = clamp(label, sources);
                let line = sources.line_of(label.file, span.start);
                let near = |r: &&Label| {
                    r.file == label.file
                        && sources.line_of(r.file, clamp(r, sources).start).abs_diff(line) <= SAME_SNIPPET_LINES
                };
                let mut spans = vec![span.clone()];
                spans.extend(self.related.iter().filter(near).map(|r| clamp(r, sources)));
                let window = Window::of(sources, label.file, &spans);
                let mut snippet = Snippet::source(&sources.text(label.file)[window.bytes.clone()])
                    .line_start(window.first_line + 1)
                    .path(path_strings[0].as_str())
                    .annotation(AnnotationKind::Primary.span(window.shift(span)).label(&label.text));
                for related in self.related.iter().filter(near) {
                    let span = window.shift(clamp(related, sources));
                    snippet = snippet.annotation(AnnotationKind::Context.span(span).label(&related.text));
                }
                group = group.element(snippet);
                for (i, related) in self.related.iter().enumerate() {
                    if related.file == label.file && !near(&related) {
                        group = group.element(related_snippet(sources, related, &path_strings[i + 1]));
                    }
                }
            }
            Location::Path(_) => group = group.element(Origin::path(path_strings[0].as_str())),
        }
        for (i, related) in self.related.iter().enumerate() {
            if Some(related.file) != primary_file {
                group = group.element(related_snippet(sources, related, &path_strings[i + 1]));
            }
        }
        if let Some(help) = &self.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        Renderer::plain().render(&[group])
    }
}

/// A snippet of its own for a related label: its lines only.
fn related_snippet<'a>(
    sources: &'a Sources,
    related: &'a Label,
    path: &'a str,
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let span = clamp(related, sources);
    let window = Window::of(sources, related.file, std::slice::from_ref(&span));
    Snippet::source(&sources.text(related.file)[window.bytes.clone()])
        .line_start(window.first_line + 1)
        .path(path)
        .annotation(AnnotationKind::Context.span(window.shift(span)).label(&related.text))
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
