//! Which format an input is in: by file extension, by a `--format` flag, or
//! by sniffing the first bytes of the (already sanitised) text.

use std::path::Path;

/// An input format byline can parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// The plain-text article of FORMAT.md §1.
    Text,
    /// CommonMark with optional front matter.
    Markdown,
    /// A web page; the article is extracted from it.
    Html,
    /// The `--json` shape of FORMAT.md §3 (title, date, blocks).
    Json,
}

impl Format {
    /// The lower-case name used by `--format` and in messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Json => "json",
        }
    }
}

/// The format a file extension names, if it names one.
pub fn by_extension(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "txt" | "text" => Some(Format::Text),
        "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "json" => Some(Format::Json),
        _ => None,
    }
}

/// Guesses the format from the content: an HTML doctype or root tag, a
/// JSON object with `blocks`, Markdown signals (a `# ` first line, front
/// matter, an image line), else plain text.
pub fn sniff(text: &str) -> Format {
    let start = text.trim_start();
    let head: String = start
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<')
            && ["<head", "<body", "<article", "<p>", "<div"]
                .iter()
                .any(|t| head.contains(t)))
    {
        return Format::Html;
    }
    if start.starts_with('{') && is_json_article(start) {
        return Format::Json;
    }
    if looks_markdown(text) {
        return Format::Markdown;
    }
    Format::Text
}

fn is_json_article(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text)
        .is_ok_and(|v| v.get("blocks").is_some_and(serde_json::Value::is_array))
}

fn looks_markdown(text: &str) -> bool {
    let mut lines = text.lines().map(str::trim_end).filter(|l| !l.is_empty());
    let Some(first) = lines.next() else {
        return false;
    };
    if first.starts_with("# ") {
        return true;
    }
    if first == "---" {
        let key = lines.next().unwrap_or("");
        if ["title:", "date:", "author:"]
            .iter()
            .any(|k| key.starts_with(k))
        {
            return true;
        }
    }
    let mut signals = 0;
    for line in text.lines().take(2000) {
        let l = line.trim_start();
        if l.starts_with("![") && l.contains("](") {
            return true;
        }
        if l.starts_with("## ") || l.starts_with("> ") || l.starts_with("```") {
            signals += 1;
        }
    }
    signals >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions() {
        assert_eq!(by_extension(Path::new("a.MD")), Some(Format::Markdown));
        assert_eq!(by_extension(Path::new("a.htm")), Some(Format::Html));
        assert_eq!(by_extension(Path::new("a.json")), Some(Format::Json));
        assert_eq!(by_extension(Path::new("a.txt")), Some(Format::Text));
        assert_eq!(by_extension(Path::new("a")), None);
        assert_eq!(by_extension(Path::new("a.article")), None);
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff("\n<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff("<html lang=en>"), Format::Html);
        assert_eq!(sniff("<div class=x><p>Hi</p></div>"), Format::Html);
        assert_eq!(sniff(r#"{"title":"T","blocks":[]}"#), Format::Json);
        assert_eq!(sniff(r#"{"title":"T"}"#), Format::Text);
        assert_eq!(sniff("# Title\n\nBody."), Format::Markdown);
        assert_eq!(sniff("---\ntitle: T\n---\nBody."), Format::Markdown);
        assert_eq!(sniff("Para.\n\n![Alt](x.jpg)\n"), Format::Markdown);
        assert_eq!(sniff("date 2025-06-14 Text.\n\nMore."), Format::Text);
        assert_eq!(sniff("#hashtag news\n\nMore."), Format::Text);
        assert_eq!(sniff("<3 is a heart, she said."), Format::Text);
    }
}
