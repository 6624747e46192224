//! The outline pane: captions and quotes, two rows each (who or what,
//! then the text cut to fit), the current item marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::theme::Theme;
use super::{fit, list_offset};
use crate::app::outline::{Item, ItemKind};
use crate::article::{Analysis, Article};

/// The outline list.
pub struct Outline<'a> {
    /// Items in document order.
    pub items: &'a [Item],
    /// The article the items are in.
    pub article: &'a Article,
    /// Its analysis (quotes and speakers).
    pub analysis: &'a Analysis,
    /// The selected item.
    pub selected: usize,
    /// Whether the pane has focus.
    pub focused: bool,
    /// Blocks that pass the filter; items elsewhere are dimmed.
    pub shown: &'a [bool],
    /// The frame around the list.
    pub block: Block<'a>,
    /// Styles.
    pub theme: &'a Theme,
}

impl Widget for Outline<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let inner = self.block.inner(area);
        self.block.render(area, buf);
        let t = self.theme;
        if self.items.is_empty() {
            buf.set_line(
                inner.x,
                inner.y,
                &Line::styled("No captions or quotes", t.dim),
                inner.width,
            );
            return;
        }
        let per_page = usize::from(inner.height / 2).max(1);
        let first = list_offset(self.selected, per_page, self.items.len());
        let w = usize::from(inner.width);
        let mut y = inner.y;
        for (i, item) in self.items.iter().enumerate().skip(first) {
            if y >= inner.bottom() {
                break;
            }
            let item_text = item.text(self.article, self.analysis);
            let (icon, text) = match item.kind() {
                ItemKind::Caption => ("▌ ", item_text.to_string()),
                ItemKind::Quote(_) => (
                    "“ ",
                    format!("“{}”", item_text.trim_end_matches([',', ' '])),
                ),
            };
            let hidden = !self.shown.get(item.block()).copied().unwrap_or(true);
            let (head, body) = match (i == self.selected, self.focused) {
                (true, true) => (t.selected, t.selected),
                (true, false) => (t.current, t.current),
                _ if hidden => (t.dim, t.dim),
                _ => (t.title, ratatui::style::Style::new()),
            };
            let label = fit(
                &item.label(self.article, self.analysis),
                w.saturating_sub(2),
            );
            let head_line = Line::from(vec![Span::styled(icon, head), Span::styled(label, head)]);
            let text_line = Line::styled(format!("  {}", fit(&text, w.saturating_sub(2))), body);
            for line in [head_line, text_line] {
                if y < inner.bottom() {
                    if i == self.selected {
                        buf.set_style(
                            Rect {
                                y,
                                height: 1,
                                ..inner
                            },
                            head,
                        );
                    }
                    buf.set_line(inner.x, y, &line, inner.width);
                    y += 1;
                }
            }
        }
    }
}
