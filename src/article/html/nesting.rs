//! A guard against hostile nesting: html5ever checks element scope on the
//! stack of open elements for every tag, so 100,000 nested `div`s take
//! minutes. Pages nested deeper than any real one are reduced to their
//! `p`, `br` and `title` tags (which cannot nest) before parsing.

use std::borrow::Cow;

/// Deeper than any real page; real news pages stay under ~60.
const MAX_NESTING: usize = 1000;

/// Elements that close themselves or are closed by their next sibling,
/// so an unclosed run of them does not mean deep nesting.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dd", "dt", "option", "tr", "td", "th", "!doctype",
];

/// The text unchanged, or reduced to `p`, `br` and `title` tags when it
/// nests deeper than `MAX_NESTING`.
pub fn tame(text: &str) -> Cow<'_, str> {
    if max_depth(text) <= MAX_NESTING {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for piece in Tags::new(text) {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Tag { raw, name, .. } => {
                if matches!(name.as_str(), "p" | "br" | "title") {
                    out.push_str(raw);
                } else {
                    out.push(' ');
                }
            }
        }
    }
    Cow::Owned(out)
}

/// Approximate nesting depth from the tags alone.
fn max_depth(text: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    for piece in Tags::new(text) {
        if let Piece::Tag {
            name,
            closing,
            self_closing,
            ..
        } = piece
        {
            if NOT_NESTING.contains(&name.as_str()) || self_closing {
                continue;
            }
            if closing {
                depth = depth.saturating_sub(1);
            } else {
                depth += 1;
                max = max.max(depth);
            }
        }
    }
    max
}

enum Piece<'a> {
    Text(&'a str),
    Tag {
        raw: &'a str,
        name: String,
        closing: bool,
        self_closing: bool,
    },
}

/// A rough tag scanner: comments and the raw text of `script` and `style`
/// are skipped as text.
struct Tags<'a> {
    rest: &'a str,
}

impl<'a> Tags<'a> {
    fn new(text: &'a str) -> Self {
        Tags { rest: text }
    }
}

impl<'a> Iterator for Tags<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        if self.rest.is_empty() {
            return None;
        }
        let s = self.rest;
        let Some(lt) = s.find('<') else {
            self.rest = "";
            return Some(Piece::Text(s));
        };
        if lt > 0 {
            self.rest = &s[lt..];
            return Some(Piece::Text(&s[..lt]));
        }
        if s.starts_with("<!--") {
            let end = s.find("-->").map_or(s.len(), |e| e + 3);
            self.rest = &s[end..];
            return Some(Piece::Text(""));
        }
        let end = s.find('>').map_or(s.len(), |e| e + 1);
        let raw = &s[..end];
        let closing = raw.starts_with("</");
        let name: String = raw
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '!') {
            self.rest = &s[1..];
            return Some(Piece::Text(&s[..1]));
        }
        self.rest = &s[end..];
        if !closing && matches!(name.as_str(), "script" | "style") {
            let body_end = find_close(self.rest, &name);
            self.rest = &self.rest[body_end..];
        }
        Some(Piece::Tag {
            raw,
            name,
            closing,
            self_closing: raw.ends_with("/>"),
        })
    }
}

/// Where `</name` starts in `s` (any case), or the end of `s`.
fn find_close(s: &str, name: &str) -> usize {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(i) = s[from..].find("</") {
        let at = from + i;
        let tail = &bytes[at + 2..];
        if tail.len() >= name.len() && tail[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return at;
        }
        from = at + 2;
    }
    s.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_untouched() {
        let page = "<html><body><div><p>One<p>Two<br><img src=x></div><script>if (a<b) {}</script></body></html>";
        assert!(matches!(tame(page), Cow::Borrowed(_)));
        assert_eq!(max_depth(page), 3);
        assert_eq!(find_close("a</b></SCRIPT>x", "script"), 5);
    }

    #[test]
    fn hostile_nesting_is_flattened() {
        let page = format!(
            "<html><body>{}<p>Deep text.</p>{}</body></html>",
            "<div>".repeat(5000),
            "</div>".repeat(5000)
        );
        let tamed = tame(&page);
        assert!(tamed.contains("<p>Deep text.</p>"));
        assert!(!tamed.contains("<div>"));
    }
}
