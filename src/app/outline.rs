//! The outline's items: every caption and every quote, in document order,
//! with the label the list shows (credit or speaker).

use crate::article::{Analysis, Article};

/// What an outline item points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// A photo caption (the whole block).
    Caption,
    /// Quote `n` of `Analysis::quotes`.
    Quote(usize),
}

/// One line of the outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Caption or quote.
    pub kind: ItemKind,
    /// First block it covers.
    pub block: usize,
    /// Last block it covers.
    pub end_block: usize,
    /// Speaker, or the caption's credit.
    pub label: String,
    /// Caption text, or the quote's inner text.
    pub text: String,
}

/// Captions and quotes in document order; a caption comes before the
/// quotes inside it.
pub fn items(article: &Article, analysis: &Analysis) -> Vec<Item> {
    let mut out: Vec<Item> = article
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.is_caption())
        .map(|(i, b)| Item {
            kind: ItemKind::Caption,
            block: i,
            end_block: i,
            label: match &b.credit {
                Some(c) => format!("Photo · {c}"),
                None => "Photo".to_string(),
            },
            text: b.text.clone(),
        })
        .collect();
    out.extend(analysis.quotes.iter().enumerate().map(|(qi, q)| {
        let person = q
            .person
            .and_then(|p| analysis.people.get(p))
            .map(|p| p.name.clone());
        Item {
            kind: ItemKind::Quote(qi),
            block: q.block,
            end_block: q.end_block.max(q.block),
            label: person
                .or_else(|| q.speaker.clone())
                .unwrap_or_else(|| "unattributed".into()),
            text: q.text.clone(),
        }
    }));
    let order = |k: &ItemKind| match k {
        ItemKind::Caption => 0,
        ItemKind::Quote(n) => n + 1,
    };
    out.sort_by_key(|it| (it.block, order(&it.kind)));
    out
}

/// The item for a body whose top row shows `block`: the last item that
/// starts at or before it.
pub fn current(items: &[Item], block: usize) -> Option<usize> {
    items.iter().rposition(|it| it.block <= block)
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
            text: "said".into(),
            speaker: speaker.map(str::to_string),
            person,
            spans: vec![],
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
        let labels: Vec<_> = it.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["Ada Quist", "Photo · AP", "unattributed"]);
        assert_eq!(current(&it, 1), Some(1));
        assert_eq!(current(&it, 0), Some(0));
    }
}
