//! A config error for the user: the file, the line, the key (read back
//! from the text around the parser's position) and the bad value.

use std::fmt;
use std::path::{Path, PathBuf};

/// A config that could not be used, for the user: which file and what
/// is wrong where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line, when the problem is on one.
    pub line: Option<usize>,
    /// Dotted key (`theme.quote`), when known.
    pub key: Option<String>,
    /// What is wrong, quoting the bad value.
    pub message: String,
    /// The line as written.
    pub text: Option<String>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "config {}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        if let Some(key) = &self.key {
            write!(f, ", key `{key}`")?;
        }
        write!(f, ": {}", self.message)?;
        if let (Some(line), Some(text)) = (self.line, &self.text) {
            write!(f, "\n  {line} | {text}")?;
        }
        write!(
            f,
            "\n  fix or remove the setting; `byline --print-config` shows them all"
        )
    }
}

impl std::error::Error for ConfigError {}

/// A parse error placed on its line, with the key read from the text:
/// the nearest `key =` at or above the error, under the last `[table]`.
pub(super) fn locate(
    text: &str,
    path: &Path,
    span: Option<std::ops::Range<usize>>,
    message: &str,
) -> ConfigError {
    let mut err = ConfigError {
        path: path.to_path_buf(),
        line: None,
        key: None,
        message: message.trim().to_string(),
        text: None,
    };
    let Some(span) = span else {
        return err;
    };
    let at = span.start.min(text.len());
    let before = text.get(..at).unwrap_or("");
    let line_no = before.matches('\n').count();
    let lines: Vec<&str> = text.lines().collect();
    err.line = Some(line_no + 1);
    err.text = lines.get(line_no).map(|l| l.trim().to_string());
    let mut key = None;
    for l in lines.iter().take(line_no + 1).rev() {
        let l = l.trim();
        if let Some(table) = l.strip_prefix('[').and_then(|r| r.split(']').next()) {
            let table = table.trim();
            err.key = Some(match key {
                Some(k) => format!("{table}.{k}"),
                None => table.to_string(),
            });
            return err;
        }
        if key.is_none() && !l.starts_with('#') {
            key = l
                .split_once('=')
                .map(|(k, _)| k.trim().trim_matches('"').to_string());
        }
    }
    err.key = key;
    err
}
