//! The status line: title, position, the filter, and key hints taken from
//! the live keymap. When space is short, hints go first, then the title
//! is cut.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::fit;
use super::theme::Theme;
use crate::action::Action;
use crate::keymap::Keymap;

/// The status line.
pub struct Status<'a> {
    /// The article title.
    pub title: &'a str,
    /// Percent scrolled.
    pub percent: usize,
    /// Block at the top (1-based) and block count.
    pub block: (usize, usize),
    /// This file's number and how many are open.
    pub file: (usize, usize),
    /// Description of the filter, if one is on.
    pub filter: Option<String>,
    /// The search and its match count, if there is one.
    pub search: Option<String>,
    /// A message that stands in for the title until the next key.
    pub notice: Option<&'a str>,
    /// Hints as (action, short label), keys looked up in `keymap`.
    pub hints: &'a [(Action, &'a str)],
    /// The live keymap.
    pub keymap: &'a Keymap,
    /// Styles.
    pub theme: &'a Theme,
}

impl Widget for Status<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        buf.set_style(area, t.status);
        let w = usize::from(area.width);
        let mut pos = format!(" {}% · {}/{} ", self.percent, self.block.0, self.block.1);
        if self.file.1 > 1 {
            pos = format!(" file {}/{} ·{pos}", self.file.0, self.file.1);
        }
        // The search comes first: while typing it is what matters.
        let filter = [self.search, self.filter]
            .into_iter()
            .flatten()
            .map(|f| format!(" {f} "))
            .collect::<String>();
        // Hints (most important first) only while the left side keeps a
        // dozen columns; then the filter, cut if need be; the title gets
        // what is left, and goes when that is too little to read.
        let mut hints: Vec<Span> = Vec::new();
        let mut hints_w = 0;
        for (action, label) in self.hints {
            let Some(key) = self.keymap.first_key(*action) else {
                continue;
            };
            let (k, l) = (format!(" {key}"), format!(" {label} "));
            let add = k.width() + l.width();
            if pos.width() + filter.width() + hints_w + add + 12 > w {
                break;
            }
            hints_w += add;
            hints.push(Span::styled(k, t.status.patch(t.key)));
            hints.push(Span::styled(l, t.status));
        }
        let left_room = w.saturating_sub(pos.width() + hints_w);
        let filter = fit(&filter, left_room);
        let title_room = left_room.saturating_sub(filter.width() + 1);
        let mut left = Vec::new();
        if let Some(notice) = self.notice {
            let notice = fit(notice, title_room.max(left_room.min(notice.width())));
            left.push(Span::styled(format!(" {notice}"), t.status.patch(t.key)));
        } else if title_room >= 8 || filter.is_empty() {
            let title = fit(self.title, title_room);
            left.push(Span::styled(format!(" {title}"), t.status.patch(t.title)));
        }
        if !filter.is_empty() {
            left.push(Span::styled(filter, t.status.patch(t.key)));
        }
        buf.set_line(area.x, area.y, &Line::from(left), area.width);
        let mut right = vec![Span::styled(pos, t.status)];
        right.extend(hints);
        let right = Line::from(right);
        let rw = right.width() as u16;
        if rw <= area.width {
            buf.set_line(area.right() - rw, area.y, &right, rw);
        }
    }
}
