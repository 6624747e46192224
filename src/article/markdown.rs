//! Markdown articles: front matter (`title:`, `date:`, `author:`), the first
//! `# Title`, paragraphs, images as captions, `>` blockquotes as quoted
//! text, list items and lower headings as paragraphs.
//!
//! Images: `![alt](src "title")` is a caption whose text is the alt text
//! and whose credit is the title (or a credit found at the end of the alt
//! text). An image with empty alt text followed by text in the same
//! paragraph (`![](x.jpg) Caption. Photo / AP`) takes that text as its
//! caption.
//!
//! Blockquotes: each paragraph is opened with `“` and the last one closed
//! with `”`, the news convention for a quote running over paragraphs
//! (FORMAT.md §1), so the analysis sees them as quotes; quote marks inside
//! become single quotes. A blockquote paragraph that already opens with a
//! quote mark is left as written.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::input::{clean, normalise_date, quote_open};
use super::text::{make_block, split_credit};
use super::{Article, Block, Meta};

/// Parses Markdown (already sanitised) into an `Article`.
pub fn parse(text: &str) -> Article {
    let (mut meta, body) = front_matter(text);
    let mut b = Builder {
        title_given: meta.title.clone(),
        ..Builder::default()
    };
    for event in Parser::new_ext(body, Options::empty()) {
        b.event(event);
    }
    b.flush();
    if meta.title.is_none() {
        meta.title = b.title;
    }
    Article {
        meta,
        blocks: b.blocks,
    }
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    /// The first `# ` heading.
    title: Option<String>,
    /// The front matter's title: an `# ` heading equal to it is dropped.
    title_given: Option<String>,
    text: String,
    heading: Option<HeadingLevel>,
    /// Alt text and title of the image being read.
    image: Option<(String, String)>,
    /// After an image with no alt text: the rest of the paragraph is its
    /// caption, with this credit when the image had a title.
    caption_next: Option<Option<String>>,
    quote_depth: usize,
    /// Blocks opened with `“` in the current blockquote.
    quoted: Vec<usize>,
}

impl Builder {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                match &mut self.image {
                    Some((alt, _)) => alt.push_str(&t),
                    None => self.text.push_str(&t),
                }
            }
            Event::SoftBreak | Event::HardBreak => self.text.push(' '),
            Event::Rule => self.flush(),
            Event::Html(_)
            | Event::InlineHtml(_)
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_) => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Heading { level, .. } => {
                self.flush();
                self.heading = Some(level);
            }
            Tag::Image { title, .. } => {
                self.flush();
                self.image = Some((String::new(), title.to_string()));
            }
            Tag::BlockQuote(_) => {
                self.flush();
                if self.quote_depth == 0 {
                    self.quoted.clear();
                }
                self.quote_depth += 1;
            }
            Tag::Paragraph
            | Tag::Item
            | Tag::List(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::Table(_)
            | Tag::TableRow
            | Tag::TableHead
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::MetadataBlock(_) => self.flush(),
            Tag::TableCell => self.text.push(' '),
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. } => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Image => self.end_image(),
            TagEnd::Heading(_) => {
                self.flush();
                self.heading = None;
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote_depth = self.quote_depth.saturating_sub(1);
                if self.quote_depth == 0 {
                    self.close_quote();
                }
            }
            TagEnd::Paragraph => {
                self.flush();
                self.caption_next = None;
            }
            _ => {
                if !matches!(
                    tag,
                    TagEnd::Emphasis
                        | TagEnd::Strong
                        | TagEnd::Strikethrough
                        | TagEnd::Superscript
                        | TagEnd::Subscript
                        | TagEnd::Link
                        | TagEnd::TableCell
                ) {
                    self.flush();
                }
            }
        }
    }

    fn end_image(&mut self) {
        let Some((alt, title)) = self.image.take() else {
            return;
        };
        let alt = clean(&alt);
        let title = Some(clean(&title)).filter(|t| !t.is_empty());
        if alt.is_empty() {
            self.caption_next = Some(title);
            return;
        }
        let block = match title {
            Some(credit) => Block::caption(alt, Some(credit)),
            None => match split_credit(&alt) {
                Some((text, credit)) => Block::caption(text, Some(credit)),
                None => Block::caption(alt, None),
            },
        };
        self.blocks.push(block);
    }

    /// Ends the current block: a heading, caption, quoted or plain paragraph.
    fn flush(&mut self) {
        let text = clean(&std::mem::take(&mut self.text));
        if text.is_empty() {
            return;
        }
        if self.heading == Some(HeadingLevel::H1) {
            if self.title.is_none() && self.title_given.is_none() {
                self.title = Some(text);
                return;
            }
            if self.title_given.as_deref() == Some(text.as_str()) {
                return;
            }
        }
        let block = if let Some(credit) = self.caption_next.take() {
            match split_credit(&text) {
                Some((text, found)) => Block::caption(text, Some(found)),
                None => Block::caption(text, credit),
            }
        } else if self.quote_depth > 0 {
            match quote_open(&text) {
                Some(q) => {
                    self.quoted.push(self.blocks.len());
                    Block::paragraph(q)
                }
                None => Block::paragraph(text),
            }
        } else if self.heading.is_some() {
            Block::paragraph(text)
        } else {
            make_block(&text)
        };
        self.blocks.push(block);
    }

    fn close_quote(&mut self) {
        if let Some(&last) = self.quoted.last()
            && let Some(block) = self.blocks.get_mut(last)
        {
            block.text.push('”');
        }
        self.quoted.clear();
    }
}

/// Splits `---` (YAML-ish) or `+++` (TOML-ish) front matter off the top
/// and reads `title`, `date`, `author`, `source` and `url` from it.
fn front_matter(text: &str) -> (Meta, &str) {
    let mut meta = Meta::default();
    let trimmed = text.trim_start_matches(['\n', ' ']);
    let Some(fence) = ["---", "+++"]
        .into_iter()
        .find(|f| trimmed.lines().next().map(str::trim_end) == Some(*f))
    else {
        return (meta, text);
    };
    let after = &trimmed[fence.len()..];
    let after = after.strip_prefix('\n').unwrap_or(after);
    let mut offset = 0;
    let mut end = None;
    for line in after.split_inclusive('\n') {
        if line.trim_end() == fence {
            end = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((fm_end, body_start)) = end else {
        return (meta, text);
    };
    for line in after[..fm_end].lines() {
        let Some((key, value)) = line.split_once(':').or_else(|| line.split_once('=')) else {
            continue;
        };
        let value = clean(value.trim().trim_matches(['"', '\'']));
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => meta.title = Some(value),
            "date" | "published" => meta.date = Some(normalise_date(&value).unwrap_or(value)),
            "author" | "byline" => meta.author = Some(value),
            "source" | "publication" => meta.source = Some(value),
            "url" | "link" => meta.url = Some(value),
            _ => {}
        }
    }
    (meta, &after[body_start..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::BlockKind;

    #[test]
    fn title_paragraphs_and_headings() {
        let a = parse("# The bridge\n\nFirst *para*\nwraps.\n\n## Later\n\n# Second h1\n");
        assert_eq!(a.meta.title.as_deref(), Some("The bridge"));
        assert_eq!(
            a.blocks,
            vec![
                Block::paragraph("First para wraps."),
                Block::paragraph("Later"),
                Block::paragraph("Second h1"),
            ]
        );
    }

    #[test]
    fn front_matter_fields() {
        let a = parse(
            "---\ntitle: \"Harbour notes\"\ndate: 2025-06-14T09:00:00+12:00\nauthor: Jo Bloggs\ntags: [a, b]\n---\n\n# Harbour notes\n\nBody.\n",
        );
        assert_eq!(a.meta.title.as_deref(), Some("Harbour notes"));
        assert_eq!(a.meta.date.as_deref(), Some("2025-06-14"));
        assert_eq!(a.meta.author.as_deref(), Some("Jo Bloggs"));
        assert_eq!(a.blocks, vec![Block::paragraph("Body.")]);
    }

    #[test]
    fn images_become_captions() {
        let a = parse(
            "![Ada Quist at the bridge.](a.jpg \"Reuters\")\n\n![Brel in the crowd. Photo / AP](b.jpg)\n\n![](c.jpg)\nThe new span at dusk. Photo: Jo Bloggs\n\nText ![Inline alt](d.jpg) and more.\n\n![No credit](e.jpg)\n",
        );
        assert_eq!(
            a.blocks,
            vec![
                Block::caption("Ada Quist at the bridge.", Some("Reuters".into())),
                Block::caption("Brel in the crowd.", Some("AP".into())),
                Block::caption("The new span at dusk.", Some("Jo Bloggs".into())),
                Block::paragraph("Text"),
                Block::caption("Inline alt", None),
                Block::paragraph("and more."),
                Block::caption("No credit", None),
            ]
        );
    }

    #[test]
    fn blockquotes_are_quoted_across_paragraphs() {
        let a = parse(
            "> We kept our promise.\n>\n> Late, but we kept “it”.\n\nAfter.\n\n> “Already quoted,” she said.\n",
        );
        let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "“We kept our promise.",
                "“Late, but we kept ‘it’.”",
                "After.",
                "“Already quoted,” she said.",
            ]
        );
    }

    #[test]
    fn lists_are_paragraphs_and_credits_make_captions() {
        let a = parse("- one\n- two\n  - nested\n\n1. first\n\nA cap. Photo / AP\n");
        let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts, vec!["one", "two", "nested", "first", "A cap."]);
        assert_eq!(a.blocks[4].kind, BlockKind::Caption);
    }

    #[test]
    fn entities_cannot_smuggle_escapes() {
        let a = parse("Red &#x1b;[31m text &#27;]0;x&#7; end");
        assert!(!a.blocks[0].text.contains('\u{1b}'), "{:?}", a.blocks);
    }
}
