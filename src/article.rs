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

use serde::{Deserialize, Serialize, Serializer};
use std::borrow::Cow;
use std::sync::Arc;

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
    /// The credit of a caption (`AP`, `Getty Images`). Boxed rather than
    /// a `String`: 48 bytes a block rather than 56, and a 10 MB article
    /// has 100,000 blocks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<Box<str>>,
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
            credit: credit.map(String::into_boxed_str),
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

/// A caption as listed in the analysis: its block, whose text (without
/// the credit) and credit are the caption's; not copied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Caption {
    /// Index of the caption's block.
    pub block: usize,
}

impl Caption {
    /// Caption text without the credit.
    pub fn text<'a>(&self, article: &'a Article) -> &'a str {
        &article.blocks[self.block].text
    }

    /// The credit, when there is one.
    pub fn credit<'a>(&self, article: &'a Article) -> Option<&'a str> {
        article.blocks[self.block].credit.as_deref()
    }
}

/// A quotation found in the article. Its text is not copied: it is read
/// from the article through `spans` (see [`Quote::text`]), and a speaker
/// named many times shares one allocation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// Block where the quote opens.
    pub block: usize,
    /// Block where it closes (same as `block` unless it runs on).
    pub end_block: usize,
    /// The attribution as written, or null.
    pub speaker: Option<Arc<str>>,
    /// The id of the person the speaker resolves to, or null.
    pub person: Option<usize>,
    /// Byte ranges of the quote, marks included, in each block it covers
    /// (for highlighting; reads as a slice), and of its inner text.
    pub spans: QuoteSpans,
}

impl Quote {
    /// Inner text without the outer quote marks: each block's part
    /// trimmed, joined by a space (borrowed when the quote is in one block).
    pub fn text<'a>(&self, article: &'a Article) -> Cow<'a, str> {
        let mut parts = self
            .spans
            .inner()
            .map(|s| article.blocks[s.block].text[s.start..s.end].trim());
        let Some(first) = parts.next() else {
            return Cow::Borrowed("");
        };
        let mut out = None::<String>;
        for part in parts {
            let o = out.get_or_insert_with(|| first.to_string());
            o.push(' ');
            o.push_str(part);
        }
        out.map_or(Cow::Borrowed(first), Cow::Owned)
    }
}

/// The outer and inner ranges of a quote. A quote within one block (nearly
/// every quote) keeps them inline: its outer span and the lengths of its
/// two marks; a quote running over blocks keeps both lists on the heap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpans(QuoteRepr);

#[derive(Debug, Clone, PartialEq, Eq)]
enum QuoteRepr {
    /// Outer span, bytes of the opening mark, bytes of the closing mark.
    One(Span, u8, u8),
    /// The outer spans, then as many inner spans.
    Many(Box<[Span]>),
}

impl QuoteSpans {
    /// From the outer and inner spans, one of each per block.
    pub fn new(outer: &[Span], inner: &[Span]) -> Self {
        if let ([o], [i]) = (outer, inner)
            && o.block == i.block
            && let Some(open) = i.start.checked_sub(o.start)
            && let Some(close) = o.end.checked_sub(i.end)
            && let (Ok(open), Ok(close)) = (u8::try_from(open), u8::try_from(close))
        {
            return QuoteSpans(QuoteRepr::One(*o, open, close));
        }
        QuoteSpans(QuoteRepr::Many(
            outer.iter().chain(inner).copied().collect(),
        ))
    }

    /// Adds the next block's outer and inner span (a quote running on).
    pub fn push(&mut self, outer: Span, inner: Span) {
        let mut all = self.outer().to_vec();
        all.push(outer);
        all.extend(self.inner());
        all.push(inner);
        self.0 = QuoteRepr::Many(all.into_boxed_slice());
    }

    /// The ranges with the marks, one per block.
    pub fn outer(&self) -> &[Span] {
        match &self.0 {
            QuoteRepr::One(s, _, _) => std::slice::from_ref(s),
            QuoteRepr::Many(v) => &v[..v.len() / 2],
        }
    }

    /// The ranges without the marks, one per block.
    pub fn inner(&self) -> impl Iterator<Item = Span> + '_ {
        let (one, many) = match &self.0 {
            QuoteRepr::One(s, open, close) => (
                Some(Span {
                    block: s.block,
                    start: s.start + *open as usize,
                    end: s.end - *close as usize,
                }),
                &[][..],
            ),
            QuoteRepr::Many(v) => (None, &v[v.len() / 2..]),
        };
        one.into_iter().chain(many.iter().copied())
    }
}

impl<'a> IntoIterator for &'a QuoteSpans {
    type Item = &'a Span;
    type IntoIter = std::slice::Iter<'a, Span>;

    fn into_iter(self) -> Self::IntoIter {
        self.outer().iter()
    }
}

impl std::ops::Deref for QuoteSpans {
    type Target = [Span];

    fn deref(&self) -> &[Span] {
        self.outer()
    }
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
    /// All captions, their text and credit read from the article.
    pub captions: CaptionsJson<'a>,
    /// All quotes, their text read from the article as they are written.
    pub quotes: QuotesJson<'a>,
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
            captions: CaptionsJson {
                captions: &analysis.captions,
                article,
            },
            quotes: QuotesJson {
                quotes: &analysis.quotes,
                article,
            },
            people: &analysis.people,
        }
    }
}

/// The captions of a [`Report`]: serialised as FORMAT.md §3's caption
/// objects (`block`, `text`, `credit`).
#[derive(Debug, Clone, Copy)]
pub struct CaptionsJson<'a> {
    /// The captions.
    pub captions: &'a [Caption],
    /// The article they are blocks of.
    pub article: &'a Article,
}

/// One caption as written out.
#[derive(Serialize)]
struct CaptionJson<'a> {
    block: usize,
    text: &'a str,
    credit: Option<&'a str>,
}

impl Serialize for CaptionsJson<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(self.captions.iter().map(|c| CaptionJson {
            block: c.block,
            text: c.text(self.article),
            credit: c.credit(self.article),
        }))
    }
}

/// The quotes of a [`Report`]: serialised as FORMAT.md §3's quote objects
/// (`block`, `end_block`, `text`, `speaker`, `person`), one at a time.
#[derive(Debug, Clone, Copy)]
pub struct QuotesJson<'a> {
    /// The quotes.
    pub quotes: &'a [Quote],
    /// The article their spans point into.
    pub article: &'a Article,
}

/// One quote as written out.
#[derive(Serialize)]
struct QuoteJson<'a> {
    block: usize,
    end_block: usize,
    text: Cow<'a, str>,
    speaker: Option<&'a str>,
    person: Option<usize>,
}

impl Serialize for QuotesJson<'_> {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        ser.collect_seq(self.quotes.iter().map(|q| QuoteJson {
            block: q.block,
            end_block: q.end_block,
            text: q.text(self.article),
            speaker: q.speaker.as_deref(),
            person: q.person,
        }))
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
