//! The outline's items: every caption and every quote, in document order,
//! with the label the list shows (credit or speaker).

use std::borrow::Cow;

use crate::article::{Analysis, Article};

/// What an outline item points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// A photo caption (the whole block).
    Caption,
    /// Quote `n` of `Analysis::quotes`.
    Quote(usize),
}

/// One line of the outline. Its label and text are read from the article
/// and analysis when drawn, not copied: a 10 MB article has 100,000s of
/// quotes, so an item is 8 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    /// The quote's index, or [`CAPTION`].
    what: u32,
    /// First block it covers.
    block: u32,
}

/// [`Item::what`] of a caption.
const CAPTION: u32 = u32::MAX;

impl Item {
    fn new(kind: ItemKind, block: usize) -> Self {
        let what = match kind {
            ItemKind::Caption => CAPTION,
            ItemKind::Quote(q) => u32::try_from(q).unwrap_or(CAPTION - 1),
        };
        Item {
            what,
            block: u32::try_from(block).unwrap_or(u32::MAX),
        }
    }

    /// Caption or quote.
    pub fn kind(&self) -> ItemKind {
        match self.what {
            CAPTION => ItemKind::Caption,
            q => ItemKind::Quote(q as usize),
        }
    }

    /// First block it covers.
    pub fn block(&self) -> usize {
        self.block as usize
    }

    /// Speaker (the person's name when resolved), or the caption's credit.
    pub fn label<'a>(&self, article: &'a Article, analysis: &'a Analysis) -> Cow<'a, str> {
        match self.kind() {
            ItemKind::Caption => match article
                .blocks
                .get(self.block())
                .and_then(|b| b.credit.as_ref())
            {
                Some(c) => Cow::Owned(format!("Photo · {c}")),
                None => Cow::Borrowed("Photo"),
            },
            ItemKind::Quote(qi) => {
                let Some(q) = analysis.quotes.get(qi) else {
                    return Cow::Borrowed("unattributed");
                };
                let person = q.person.and_then(|p| analysis.people.get(p));
                Cow::Borrowed(
                    person
                        .map(|p| p.name.as_str())
                        .or(q.speaker.as_deref())
                        .unwrap_or("unattributed"),
                )
            }
        }
    }

    /// Caption text, or the quote's inner text.
    pub fn text<'a>(&self, article: &'a Article, analysis: &'a Analysis) -> Cow<'a, str> {
        match self.kind() {
            ItemKind::Caption => Cow::Borrowed(
                article
                    .blocks
                    .get(self.block())
                    .map_or("", |b| b.text.as_str()),
            ),
            ItemKind::Quote(qi) => analysis
                .quotes
                .get(qi)
                .map_or(Cow::Borrowed(""), |q| q.text(article)),
        }
    }
}

/// Captions and quotes in document order; a caption comes before the
/// quotes inside it.
pub fn items(article: &Article, analysis: &Analysis) -> Vec<Item> {
    let captions = article.blocks.iter().filter(|b| b.is_caption()).count();
    let mut out: Vec<Item> = Vec::with_capacity(captions + analysis.quotes.len());
    out.extend(
        article
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.is_caption())
            .map(|(i, _)| Item::new(ItemKind::Caption, i)),
    );
    out.extend(
        analysis
            .quotes
            .iter()
            .enumerate()
            .map(|(qi, q)| Item::new(ItemKind::Quote(qi), q.block)),
    );
    // A caption first, then quotes in order (`CAPTION + 1` wraps to 0).
    out.sort_by_key(|it| (it.block, it.what.wrapping_add(1)));
    out
}

/// The item for a body whose top row shows `block`: the last item that
/// starts at or before it.
pub fn current(items: &[Item], block: usize) -> Option<usize> {
    items.iter().rposition(|it| it.block() <= block)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Block, Person, Quote};

    #[test]
    fn captions_and_quotes_interleave_in_document_order() {
        let article = Article {
            blocks: vec![
                Block::paragraph("p"),
                Block::caption("cap", Some("AP".into())),
                Block::paragraph("q"),
            ],
            ..Article::default()
        };
        let quote = |block, speaker: Option<&str>, person| Quote {
            block,
            end_block: block,
            speaker: speaker.map(Into::into),
            person,
            spans: crate::article::QuoteSpans::new(&[], &[]),
        };
        let analysis = Analysis {
            quotes: vec![quote(0, Some("she"), Some(0)), quote(2, None, None)],
            people: vec![Person {
                id: 0,
                name: "Ada Quist".into(),
                aliases: vec![],
                mentions: 1,
                blocks: vec![0],
            }],
            ..Analysis::default()
        };
        let it = items(&article, &analysis);
        let labels: Vec<_> = it.iter().map(|i| i.label(&article, &analysis)).collect();
        assert_eq!(labels, ["Ada Quist", "Photo · AP", "unattributed"]);
        assert_eq!(current(&it, 1), Some(1));
        assert_eq!(current(&it, 0), Some(0));
    }
}
