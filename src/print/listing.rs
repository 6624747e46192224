//! Plain listings from the analysis: the people (`--people`), the quotes
//! (`--quotes`) and one person's paragraphs (`--person NAME`).

use std::io::{self, Write};

use thiserror::Error;
use unicode_width::UnicodeWidthStr;

use super::{render_blocks, wrap_block};
use crate::article::{Analysis, Article, Person};

/// Why `--person NAME` found nobody. One line each.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum PersonError {
    /// The article names nobody at all.
    #[error("no person named “{0}”: the article names no people")]
    NoPeople(String),
    /// Nobody by that name; the closest names, or everyone, listed.
    #[error("no person named “{name}”; {hint}")]
    Unknown {
        /// The name asked for.
        name: String,
        /// `close names: A, B` or `people: A, B, C`.
        hint: String,
    },
    /// The name fits more than one person.
    #[error("“{name}” could be {}; give a fuller name", .people.join(" or "))]
    Ambiguous {
        /// The name asked for.
        name: String,
        /// Canonical names it fits.
        people: Vec<String>,
    },
}

/// One line per person, most mentioned first: name, mentions, aliases.
pub fn render_people(analysis: &Analysis, width: usize) -> String {
    if analysis.people.is_empty() {
        return "No people named.\n".to_string();
    }
    let name_w = analysis
        .people
        .iter()
        .map(|p| p.name.width())
        .max()
        .unwrap_or(0)
        .min(30);
    let mut out = String::new();
    for p in &analysis.people {
        let mentions = format!(
            "{} mention{}",
            p.mentions,
            if p.mentions == 1 { "" } else { "s" }
        );
        let pad = name_w.saturating_sub(p.name.width());
        let mut line = format!("{}{}  {mentions:>11}", p.name, " ".repeat(pad));
        let aliases: Vec<&str> = p
            .aliases
            .iter()
            .map(String::as_str)
            .filter(|a| *a != p.name)
            .collect();
        if !aliases.is_empty() {
            line.push_str("  ");
            line.push_str(&aliases.join(", "));
        }
        let indent = " ".repeat((name_w + 15).min(width / 2));
        let opts = textwrap::Options::new(width.max(10)).subsequent_indent(&indent);
        for l in textwrap::wrap(&line, opts) {
            out.push_str(&l);
            out.push('\n');
        }
    }
    out
}

/// Every quote, wrapped, with its speaker on the line below (the speaker
/// as written, and the person it resolves to when that differs).
pub fn render_quotes(article: &Article, analysis: &Analysis, width: usize) -> String {
    let mut out = Vec::new();
    // Writing to a vector cannot fail, and only `str`s are written.
    let _ = write_quotes(&mut out, article, analysis, width);
    String::from_utf8(out).unwrap_or_default()
}

/// [`render_quotes`] written to `out` quote by quote, so the listing of a
/// 10 MB article is never held whole.
pub fn write_quotes(
    out: &mut dyn Write,
    article: &Article,
    analysis: &Analysis,
    width: usize,
) -> io::Result<()> {
    if analysis.quotes.is_empty() {
        return out.write_all(b"No quotes.\n");
    }
    let width = width.max(10);
    for (i, q) in analysis.quotes.iter().enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
        }
        for line in wrap_block(&format!("“{}”", q.text(article)), width) {
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
        }
        let person = q.person.and_then(|id| analysis.people.get(id));
        let speaker = match (&q.speaker, person) {
            (Some(s), Some(p)) if **s != *p.name => format!("{s} ({})", p.name),
            (Some(s), _) => s.to_string(),
            (None, Some(p)) => p.name.clone(),
            (None, None) => "unattributed".to_string(),
        };
        for line in wrap_block(&format!("— {speaker}"), width.saturating_sub(2)) {
            out.write_all(b"  ")?;
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

/// The article's title and only the blocks that name `name`.
pub fn render_person(
    article: &Article,
    analysis: &Analysis,
    name: &str,
    width: usize,
) -> Result<String, PersonError> {
    let person = find_person(analysis, name)?;
    let mut out = String::new();
    let header = format!(
        "{} — {} of {} blocks",
        person.name,
        person.blocks.len(),
        article.blocks.len()
    );
    for line in wrap_block(&header, width.max(10)) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&render_blocks(article, &person.blocks, width));
    Ok(out)
}

/// The person `name` names: their name or any alias, case and spacing
/// ignored.
pub fn find_person<'a>(analysis: &'a Analysis, name: &str) -> Result<&'a Person, PersonError> {
    let want = norm(name);
    if analysis.people.is_empty() {
        return Err(PersonError::NoPeople(name.trim().to_string()));
    }
    let hits: Vec<&Person> = analysis
        .people
        .iter()
        .filter(|p| forms(p).any(|f| norm(f) == want))
        .collect();
    match hits.as_slice() {
        [one] => return Ok(one),
        [] => {}
        many => {
            return Err(PersonError::Ambiguous {
                name: name.trim().to_string(),
                people: many.iter().map(|p| p.name.clone()).collect(),
            });
        }
    }
    let mut close: Vec<(usize, &Person)> = analysis
        .people
        .iter()
        .filter_map(|p| closeness(p, &want).map(|d| (d, p)))
        .collect();
    close.sort_by_key(|&(d, p)| (d, std::cmp::Reverse(p.mentions)));
    let hint = if close.is_empty() {
        let all: Vec<&str> = analysis
            .people
            .iter()
            .take(8)
            .map(|p| p.name.as_str())
            .collect();
        let more = if analysis.people.len() > 8 {
            ", …"
        } else {
            ""
        };
        format!("people: {}{more}", all.join(", "))
    } else {
        let names: Vec<&str> = close.iter().take(5).map(|(_, p)| p.name.as_str()).collect();
        format!("close names: {}", names.join(", "))
    };
    Err(PersonError::Unknown {
        name: name.trim().to_string(),
        hint,
    })
}

fn forms(p: &Person) -> impl Iterator<Item = &str> {
    std::iter::once(p.name.as_str()).chain(p.aliases.iter().map(String::as_str))
}

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// How far `want` is from the person's names: 0 when one contains the
/// other, else the smallest edit distance to a name or one of its words,
/// when that is small for the length.
fn closeness(p: &Person, want: &str) -> Option<usize> {
    let mut best: Option<usize> = None;
    for form in forms(p) {
        let form = norm(form);
        let d = if form.contains(want) || want.contains(&form) {
            0
        } else {
            std::iter::once(form.as_str())
                .chain(form.split(' '))
                .map(|w| edit_distance(w, want))
                .min()
                .unwrap_or(usize::MAX)
        };
        best = Some(best.map_or(d, |b| b.min(d)));
    }
    let limit = (want.chars().count() / 3).max(2);
    best.filter(|&d| d <= limit)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Block, Meta, Quote, QuoteSpans, Span};

    fn person(id: usize, name: &str, aliases: &[&str], blocks: &[usize]) -> Person {
        Person {
            id,
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: blocks.len() + 1,
            blocks: blocks.to_vec(),
        }
    }

    fn sample() -> (Article, Analysis) {
        let article = Article {
            meta: Meta {
                title: Some("Bridge opens".into()),
                ..Meta::default()
            },
            blocks: vec![
                Block::paragraph("Mayor Ada Quist cut the ribbon."),
                Block::paragraph("Tomas Brel was not there."),
                Block::paragraph("“We kept our promise,” Quist said."),
            ],
        };
        let analysis = Analysis {
            people: vec![
                person(0, "Ada Quist", &["Mayor Ada Quist", "Quist"], &[0, 2]),
                person(1, "Tomas Brel", &["Brel"], &[1]),
            ],
            quotes: vec![Quote {
                block: 2,
                end_block: 2,
                speaker: Some("Quist".into()),
                person: Some(0),
                spans: QuoteSpans::new(
                    &[Span {
                        block: 2,
                        start: 0,
                        end: "“We kept our promise,”".len(),
                    }],
                    &[Span {
                        block: 2,
                        start: "“".len(),
                        end: "“We kept our promise,".len(),
                    }],
                ),
            }],
            ..Analysis::default()
        };
        (article, analysis)
    }

    #[test]
    fn any_alias_in_any_case_finds_the_person() {
        let (_, a) = sample();
        for name in ["Ada Quist", "quist", "  MAYOR  ada quist ", "brel"] {
            assert!(find_person(&a, name).is_ok(), "{name}");
        }
        assert_eq!(find_person(&a, "QUIST").map(|p| p.id), Ok(0));
    }

    #[test]
    fn unknown_names_list_close_ones() {
        let (_, a) = sample();
        let e = find_person(&a, "Qist").expect_err("unknown");
        assert_eq!(
            e.to_string(),
            "no person named “Qist”; close names: Ada Quist"
        );
        let e = find_person(&a, "Zebedee").expect_err("unknown");
        assert_eq!(
            e.to_string(),
            "no person named “Zebedee”; people: Ada Quist, Tomas Brel"
        );
        let e = find_person(&Analysis::default(), "Ada").expect_err("none");
        assert_eq!(
            e.to_string(),
            "no person named “Ada”: the article names no people"
        );
    }

    #[test]
    fn person_shows_only_their_blocks() {
        let (art, a) = sample();
        let out = render_person(&art, &a, "quist", 80).expect("found");
        assert!(out.starts_with("Ada Quist — 2 of 3 blocks\n\n"), "{out}");
        assert!(out.contains("Mayor Ada Quist cut"), "{out}");
        assert!(out.contains("We kept our promise"), "{out}");
        assert!(!out.contains("Brel"), "{out}");
    }

    #[test]
    fn people_and_quotes_listings() {
        let (art, a) = sample();
        let people = render_people(&a, 80);
        assert_eq!(
            people,
            "Ada Quist    3 mentions  Mayor Ada Quist, Quist\nTomas Brel   2 mentions  Brel\n"
        );
        let quotes = render_quotes(&art, &a, 80);
        assert_eq!(quotes, "“We kept our promise,”\n  — Quist (Ada Quist)\n");
        assert_eq!(
            render_quotes(&art, &Analysis::default(), 80),
            "No quotes.\n"
        );
    }
}
