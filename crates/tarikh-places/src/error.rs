//! The gazetteer's one error type: it names the file, the line and what to do.

use std::fmt;
use std::path::PathBuf;

/// A gazetteer file that cannot be used, with where and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacesError {
    /// The file at fault (e.g. `data/places/ar/places.toml`).
    pub path: PathBuf,
    /// 1-based line in that file, when known.
    pub line: Option<usize>,
    /// What was expected, what was found, and what to do about it.
    pub message: String,
}

impl PlacesError {
    /// An error in `path` at byte offset `offset` of `source` (converted to a line number).
    pub fn at(path: impl Into<PathBuf>, source: &str, offset: Option<usize>, message: impl Into<String>) -> Self {
        let line = offset.map(|o| source[..o.min(source.len())].matches('\n').count() + 1);
        PlacesError { path: path.into(), line, message: message.into() }
    }
}

impl fmt::Display for PlacesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "gazetteer error in `{}` line {}: {}", self.path.display(), line, self.message),
            None => write!(f, "gazetteer error in `{}`: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for PlacesError {}
