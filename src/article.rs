//! The domain model: an `Article` (metadata and blocks) and its `Analysis`
//! (captions, quotes, people), with the serde shapes of FORMAT.md §3.

pub mod detect;
pub mod html;
pub mod input;
pub mod json;
pub mod load;
pub mod markdown;
pub mod text;

pub use detect::Format;
pub use input::{ParseError, parse_input};

use serde::{Deserialize, Serialize};

/// Header fields of an article; every one is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// `title TEXT` from the header.
    pub title: Option<String>,
    /// `date YYYY-MM-DD` from the header.
    pub date: Option<String>,
    /// `author TEXT` from the header.
    pub author: Option<String>,
    /// `source TEXT` from the header.
    pub source: Option<String>,
    /// `url TEXT` from the header.
    pub url: Option<String>,
}

/// What a block is: running text or a photo caption.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A paragraph of the article.
    Paragraph,
    /// A photo (or video, illustration) caption; its credit is split off.
    Caption,
}

/// One block of an article, in document order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Block {
    /// Paragraph or caption.
    pub kind: BlockKind,
    /// The text, whitespace normalised, credit removed.
    pub text: String,
    /// The credit of a caption (`AP`, `Getty Images`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
}

impl Block {
    /// A paragraph block.
    pub fn paragraph(text: impl Into<String>) -> Self {
        Block {
            kind: BlockKind::Paragraph,
            text: text.into(),
            credit: None,
        }
    }

    /// A caption block with an optional credit.
    pub fn caption(text: impl Into<String>, credit: Option<String>) -> Self {
        Block {
            kind: BlockKind::Caption,
            text: text.into(),
            credit,
        }
    }

    /// True for captions.
    pub fn is_caption(&self) -> bool {
        self.kind == BlockKind::Caption
    }
}

/// A parsed article: header metadata and its blocks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// Header fields.
    pub meta: Meta,
    /// Paragraphs and captions in document order.
    pub blocks: Vec<Block>,
}

impl Article {
    /// The title to show: the header's, or one derived from the first
    /// caption or the first sentence of the first paragraph.
    pub fn title(&self) -> Option<String> {
        if let Some(t) = &self.meta.title {
            return Some(t.clone());
        }
        let first = self.blocks.iter().find(|b| !b.text.trim().is_empty())?;
        let text = if first.is_caption() {
            first.text.as_str()
        } else {
            first_sentence(&first.text)
        };
        let t = text.trim().trim_end_matches(['.', ' ']).trim();
        if t.is_empty() {
            return None;
        }
        Some(truncate_chars(t, 120))
    }
}

/// The first sentence of `text`: up to the first `.`, `!` or `?` that is
/// followed by a space and a capital letter (or by the end).
fn first_sentence(text: &str) -> &str {
    let bytes: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(pos, c)) in bytes.iter().enumerate() {
        if matches!(c, '.' | '!' | '?') {
            let next = bytes.get(i + 1).map(|p| p.1);
            let after = bytes.get(i + 2).map(|p| p.1);
            let ends =
                next.is_none() || (next == Some(' ') && after.is_some_and(|a| a.is_uppercase()));
            if ends && !(c == '.' && is_abbreviation(&text[..pos])) {
                return &text[..pos + c.len_utf8()];
            }
        }
    }
    text
}

/// True when `before` ends with a word that takes a full stop without
/// ending a sentence: an initial (`J.`) or a common abbreviation (`Dr.`).
pub fn is_abbreviation(before: &str) -> bool {
    const ABBR: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Rep", "Gov", "Jr", "Sr", "Prof", "Gen", "Lt", "Col",
        "Capt", "Sgt", "No", "Mt", "Rev", "Hon", "Cr", "Insp", "Det", "Supt", "vs", "Co", "Inc",
        "Ltd", "Corp", "Bros", "Ft", "Pres", "Atty", "Gen", "Cmdr", "Adm", "Maj", "Cpl", "Pte",
    ];
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let last = word.rsplit('.').next().unwrap_or(word);
    let mut chars = last.chars();
    let single_initial =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_initial || ABBR.contains(&last)
}

fn truncate_chars(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// A caption as listed in the analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caption {
    /// Index of the caption's block.
    pub block: usize,
    /// Caption text without the credit.
    pub text: String,
    /// The credit, when there is one.
    pub credit: Option<String>,
}

/// A quotation found in the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Block where the quote opens.
    pub block: usize,
    /// Block where it closes (same as `block` unless it runs on).
    pub end_block: usize,
    /// Inner text without the outer quote marks.
    pub text: String,
    /// The attribution as written, or null.
    pub speaker: Option<String>,
    /// The id of the person the speaker resolves to, or null.
    pub person: Option<usize>,
    /// Byte ranges of the quote in each block it covers (for highlighting).
    #[serde(skip)]
    pub spans: Vec<Span>,
}

/// A byte range in one block's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Block index.
    pub block: usize,
    /// Start byte (inclusive).
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
}

/// A person named in the article, with every form of their name merged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Stable id within this analysis (index into `people`).
    pub id: usize,
    /// Canonical name: the fullest form.
    pub name: String,
    /// Other forms seen in the text.
    pub aliases: Vec<String>,
    /// Number of name-form occurrences.
    pub mentions: usize,
    /// Blocks that name the person, ascending.
    pub blocks: Vec<usize>,
}

/// One occurrence of a person's name in a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Where the name form stands.
    pub span: Span,
    /// Index into `Analysis::people`.
    pub person: usize,
}

/// What the analysis found in an article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    /// Every caption, in order.
    pub captions: Vec<Caption>,
    /// Every quote, in order.
    pub quotes: Vec<Quote>,
    /// People, most mentioned first; `id` equals the index.
    pub people: Vec<Person>,
    /// Every mention of a person, in document order.
    pub mentions: Vec<Mention>,
}

/// The `--json` document of FORMAT.md §3. Field names are a contract.
/// It borrows the article and its analysis, so writing it out (streamed,
/// see `serde_json::to_writer_pretty`) copies neither.
#[derive(Debug, Clone, Serialize)]
pub struct Report<'a> {
    /// The path as given on the command line (`-` for stdin).
    pub source: &'a str,
    /// Title from the header, or derived.
    pub title: Option<String>,
    /// Date from the header.
    pub date: Option<&'a str>,
    /// Author from the header, when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<&'a str>,
    /// URL from the header, when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    /// All blocks in order.
    pub blocks: &'a [Block],
    /// All captions.
    pub captions: &'a [Caption],
    /// All quotes.
    pub quotes: &'a [Quote],
    /// All people, most mentioned first.
    pub people: &'a [Person],
}

impl<'a> Report<'a> {
    /// Builds the report for an article and its analysis.
    pub fn new(source: &'a str, article: &'a Article, analysis: &'a Analysis) -> Self {
        Report {
            source,
            title: article.title(),
            date: article.meta.date.as_deref(),
            author: article.meta.author.as_deref(),
            url: article.meta.url.as_deref(),
            blocks: &article.blocks,
            captions: &analysis.captions,
            quotes: &analysis.quotes,
            people: &analysis.people,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_is_derived_from_first_caption_without_final_stop() {
        let a = Article {
            meta: Meta::default(),
            blocks: vec![Block::caption(
                "Mayor Ada Quist opens the bridge.",
                Some("AP".into()),
            )],
        };
        assert_eq!(
            a.title().as_deref(),
            Some("Mayor Ada Quist opens the bridge")
        );
    }

    #[test]
    fn title_is_derived_from_first_sentence() {
        let a = Article {
            meta: Meta::default(),
            blocks: vec![Block::paragraph("Dr. J. Quist spoke. Then left.")],
        };
        assert_eq!(a.title().as_deref(), Some("Dr. J. Quist spoke"));
    }

    #[test]
    fn header_title_wins() {
        let a = Article {
            meta: Meta {
                title: Some("Given".into()),
                ..Meta::default()
            },
            blocks: vec![Block::paragraph("Other.")],
        };
        assert_eq!(a.title().as_deref(), Some("Given"));
    }
}
