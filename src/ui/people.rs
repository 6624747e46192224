//! The people pane: everyone named, most mentioned first, with their
//! mention count and a mark on those in the filter.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::{fit, list_offset};
use crate::article::Person;

/// The people list.
pub struct People<'a> {
    /// Everyone, as the analysis lists them.
    pub people: &'a [Person],
    /// Indices into `people`, in display order.
    pub order: &'a [usize],
    /// The selected row.
    pub selected: usize,
    /// Whether the pane has focus.
    pub focused: bool,
    /// People in the filter.
    pub filter: &'a [usize],
    /// The frame around the list.
    pub block: Block<'a>,
    /// Styles.
    pub theme: &'a Theme,
}

impl Widget for People<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let inner = self.block.inner(area);
        self.block.render(area, buf);
        let t = self.theme;
        if self.order.is_empty() {
            buf.set_line(
                inner.x,
                inner.y,
                &Line::styled("No people found", t.dim),
                inner.width,
            );
            return;
        }
        let per_page = usize::from(inner.height).max(1);
        let first = list_offset(self.selected, per_page, self.order.len());
        let w = usize::from(inner.width);
        let rows = self.order.iter().enumerate().skip(first);
        for (y, (i, &p)) in (inner.y..inner.bottom()).zip(rows) {
            let Some(person) = self.people.get(p) else {
                continue;
            };
            let on = self.filter.contains(&p);
            let count = person.mentions.to_string();
            let mark = if on { "● " } else { "  " };
            let name_w = w.saturating_sub(count.width() + 3);
            let name = fit(&person.name, name_w);
            let pad = " ".repeat(w.saturating_sub(2 + name.width() + count.width()));
            let style = match (i == self.selected, self.focused) {
                (true, true) => t.selected,
                (true, false) => t.current,
                _ if on => t.name,
                _ => ratatui::style::Style::new(),
            };
            if i == self.selected {
                buf.set_style(
                    Rect {
                        y,
                        height: 1,
                        ..inner
                    },
                    style,
                );
            }
            let line = Line::from(vec![
                Span::styled(mark, t.name.patch(style)),
                Span::styled(name, style),
                Span::raw(pad),
                Span::styled(count, t.dim.patch(style)),
            ]);
            buf.set_line(inner.x, y, &line, inner.width);
        }
    }
}
