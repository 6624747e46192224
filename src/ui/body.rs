//! The body pane: the visible rows of the wrapped article, with captions,
//! quotes and names styled, and markers where the filter hides blocks.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::Theme;
use crate::app::doc::{CAPTION_INDENT, Mark, Seg, Wrapped};
use crate::app::outline::ItemKind;
use crate::app::rows::Row;

/// What the outline last jumped to, highlighted in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flash {
    /// Nothing.
    None,
    /// A whole caption block.
    Caption(usize),
    /// A quote, by index.
    Quote(usize),
}

impl Flash {
    /// The flash for an outline item at `block`.
    pub fn new(kind: Option<(ItemKind, usize)>) -> Flash {
        match kind {
            None => Flash::None,
            Some((ItemKind::Caption, block)) => Flash::Caption(block),
            Some((ItemKind::Quote(q), _)) => Flash::Quote(q),
        }
    }
}

/// The body's text column.
pub struct Body<'a> {
    /// The article at this measure.
    pub doc: &'a Wrapped,
    /// All rows of the body.
    pub rows: &'a [Row],
    /// The row at the top.
    pub top: usize,
    /// People in the filter, whose names stand out.
    pub filter: &'a [usize],
    /// Highlighted caption or quote.
    pub flash: Flash,
    /// Styles.
    pub theme: &'a Theme,
}

impl Widget for Body<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let rows = self
            .rows
            .iter()
            .skip(self.top)
            .take(usize::from(area.height));
        for (y, row) in (area.y..).zip(rows) {
            let line = self.line(*row);
            let x = match row {
                Row::Hidden { .. } | Row::NoMatch => {
                    area.x + area.width.saturating_sub(line.width() as u16) / 2
                }
                _ => area.x,
            };
            let room = area.width - (x - area.x);
            buf.set_line(x, y, &line, room);
        }
    }
}

impl Body<'_> {
    fn line(&self, row: Row) -> Line<'_> {
        let t = self.theme;
        match row {
            Row::Title(n) => Line::styled(self.doc.title.get(n).map_or("", |s| s), t.title),
            Row::Meta => Line::styled(self.doc.meta.as_deref().unwrap_or(""), t.meta),
            Row::Gap(_) => Line::default(),
            Row::Hidden { count, .. } => {
                let what = if count == 1 {
                    "paragraph"
                } else {
                    "paragraphs"
                };
                Line::styled(format!("··· {count} {what} hidden ···"), t.meta)
            }
            Row::NoMatch => Line::styled("··· no paragraph names all of them (a: any) ···", t.meta),
            Row::Text { block, line } => self.text_line(block, line),
        }
    }

    fn text_line(&self, block: usize, line: usize) -> Line<'_> {
        let Some(b) = self.doc.blocks.get(block) else {
            return Line::default();
        };
        let Some(l) = b.lines.get(line) else {
            return Line::default();
        };
        let t = self.theme;
        let base = if b.caption { t.caption } else { Style::new() };
        let flash_block = self.flash == Flash::Caption(block);
        let mut spans = Vec::with_capacity(l.segs.len() + 1);
        if b.caption && self.doc.measure > 2 * CAPTION_INDENT {
            spans.push(Span::styled("▌ ", t.caption_marker));
        }
        spans.extend(l.segs.iter().map(|s| {
            let mut style = base.patch(self.seg_style(s));
            if flash_block {
                style = style.patch(t.flash);
            }
            Span::styled(s.text.as_str(), style)
        }));
        Line::from(spans)
    }

    fn seg_style(&self, seg: &Seg) -> Style {
        let t = self.theme;
        let Mark {
            quote,
            person,
            credit,
        } = seg.mark;
        let mut style = Style::new();
        if credit {
            style = style.patch(t.credit);
        }
        if let Some(q) = quote {
            style = style.patch(t.quote);
            if self.flash == Flash::Quote(q) {
                style = style.patch(t.flash);
            }
        }
        if let Some(p) = person {
            style = style.patch(if self.filter.contains(&p) {
                t.name_filtered
            } else {
                t.name
            });
        }
        style
    }
}
