//! The one entry point from clean text to an `Article`: pick the format
//! (forced, from the extension, or sniffed) and hand over to its parser.

use thiserror::Error;

use super::detect::{Format, sniff};
use super::{Article, html, json, markdown, text};

/// Why clean text could not be parsed in the chosen format.
#[derive(Debug, Error)]
pub enum ParseError {
    /// JSON input that is not the FORMAT.md §3 shape.
    #[error("not a byline JSON article (an object with \"blocks\"): {0}")]
    Json(#[from] serde_json::Error),
}

/// Parses clean text (see `load`) as `hint`, or as the sniffed format when
/// there is no hint. Returns the article and the format used.
pub fn parse_input(text: &str, hint: Option<Format>) -> Result<(Article, Format), ParseError> {
    let format = hint.unwrap_or_else(|| sniff(text));
    let article = match format {
        Format::Text => text::parse(text),
        Format::Markdown => markdown::parse(text),
        Format::Html => html::parse(text),
        Format::Json => json::parse(text)?,
    };
    let mut article = article;
    // Grown by doubling while parsing; a 10 MB article has 100,000 blocks.
    article.blocks.shrink_to_fit();
    Ok((article, format))
}

/// Removes controls and escape sequences that entity or JSON escapes
/// (`&#27;`, `\u001b`) can bring back after loading, and collapses
/// whitespace to single spaces.
pub fn clean(s: &str) -> String {
    text::collapse(&super::load::sanitize(s).0)
}

/// Opens a quoted paragraph (blockquote text): `“` before it, inner `“”`
/// turned into `‘’`. None when the text already opens with a quote mark.
/// The caller closes the last paragraph of the quote with `”`, the news
/// convention for quotes that run over paragraphs (FORMAT.md §1).
pub fn quote_open(text: &str) -> Option<String> {
    if text.is_empty() || text.starts_with(['“', '"', '‘', '\'']) {
        return None;
    }
    Some(format!("“{}", text.replace('“', "‘").replace('”', "’")))
}

/// A date as `YYYY-MM-DD`: from ISO 8601 (`2025-06-14T09:00+12:00`, time
/// and zone dropped as written), `2025/06/14`, `14 June 2025`, `June 14,
/// 2025` or `Sat, 14 Jun 2025 …`. None when no date is recognised.
pub fn normalise_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && matches!(b[4], b'-' | b'/' | b'.')
        && b[7] == b[4]
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[8..10].iter().all(u8::is_ascii_digit)
        && b.get(10).is_none_or(|c| !c.is_ascii_digit())
    {
        return ymd(&s[..4], &s[5..7], &s[8..10]);
    }
    // Day, month name and year in either order.
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        let Some(month) = month_number(w) else {
            continue;
        };
        let before = i.checked_sub(1).and_then(|j| words.get(j));
        let after = words.get(i + 1);
        let day = before
            .filter(|d| is_day(d))
            .or(after.filter(|d| is_day(d)))?;
        let year = words[i + 1..]
            .iter()
            .find(|y| y.len() == 4 && y.bytes().all(|c| c.is_ascii_digit()))?;
        let day = day.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        return ymd(year, &format!("{month:02}"), &format!("{:0>2}", day));
    }
    None
}

fn ymd(y: &str, m: &str, d: &str) -> Option<String> {
    let (mo, da): (u32, u32) = (m.parse().ok()?, d.parse().ok()?);
    ((1..=12).contains(&mo) && (1..=31).contains(&da)).then(|| format!("{y}-{mo:02}-{da:02}"))
}

fn is_day(w: &str) -> bool {
    let digits = w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
    (1..=2).contains(&digits.len()) && digits.bytes().all(|c| c.is_ascii_digit())
}

fn month_number(w: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let w = w.to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let i = MONTHS.iter().position(|m| w.starts_with(m))?;
    let ok = full[i].starts_with(&w) || (w == "sept" && i == 8);
    ok.then_some(i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_normalised() {
        for (input, want) in [
            ("2025-06-14", Some("2025-06-14")),
            ("2025-06-14T09:30:00+12:00", Some("2025-06-14")),
            ("2025/06/14", Some("2025-06-14")),
            ("14 June 2025", Some("2025-06-14")),
            ("June 4, 2025", Some("2025-06-04")),
            ("Sat, 14 Jun 2025 08:00:00 GMT", Some("2025-06-14")),
            ("Updated 3rd Sept 2025, 5:02pm", Some("2025-09-03")),
            ("2025-13-01", None),
            ("yesterday", None),
            ("March on 5 streets", None),
        ] {
            assert_eq!(normalise_date(input).as_deref(), want, "{input}");
        }
    }

    #[test]
    fn clean_removes_decoded_escapes() {
        assert_eq!(clean("a\u{1b}[31m  b\n c\u{202E}"), "a b c");
    }

    #[test]
    fn hint_wins_over_sniffing() {
        let (a, f) = parse_input("# Not a title", Some(Format::Text)).expect("text");
        assert_eq!(f, Format::Text);
        assert_eq!(a.blocks[0].text, "# Not a title");
        let (a, f) = parse_input("# A title\n\nBody.", None).expect("md");
        assert_eq!(f, Format::Markdown);
        assert_eq!(a.meta.title.as_deref(), Some("A title"));
    }

    #[test]
    fn bad_json_is_an_error() {
        assert!(parse_input("{\"title\": 1", Some(Format::Json)).is_err());
    }
}
