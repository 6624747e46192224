//! The folder list (`byline DIR`): a heading with the folder and the
//! column names, one row per article (title, date, people, progress),
//! the skipped files dimmed after them, and a status line with the
//! filter and key hints from the live keymap. Columns drop from the
//! right as the terminal narrows: people below 24 columns, the date
//! below 36; the title is cut to what is left.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::{fit, list_offset};
use crate::action::Action;
use crate::app::picker::Picker;
use crate::keymap::Keymap;
use crate::library::{Entry, Progress};

/// The list screen.
pub struct List<'a> {
    /// The picker's state.
    pub picker: &'a Picker,
    /// A one-line message for the status line.
    pub notice: Option<&'a str>,
    /// The live keymap, for hints.
    pub keymap: &'a Keymap,
    /// Styles.
    pub theme: &'a Theme,
}

/// Column widths for a terminal `width` columns wide (0: not shown).
#[derive(Debug, Clone, Copy)]
struct Columns {
    title: usize,
    date: usize,
    people: usize,
    read: usize,
}

impl Columns {
    fn for_width(width: usize) -> Columns {
        let read = if width >= 16 { 4 } else { 0 };
        let people = match width {
            60.. => 6,
            24.. => 3,
            _ => 0,
        };
        let date = if width >= 36 { 10 } else { 0 };
        let gaps = [date, people, read].iter().filter(|&&c| c > 0).count();
        // A space each side of the row and before each column.
        let title = width.saturating_sub(2 + gaps + date + people + read);
        Columns {
            title,
            date,
            people,
            read,
        }
    }

    /// A row from its cells, each padded or cut to its column.
    fn row<'a>(&self, cells: [(String, Style); 4]) -> Line<'a> {
        let [title, date, people, read] = cells;
        let mut spans = vec![Span::raw(" ")];
        let title_text = fit(&title.0, self.title);
        let pad = self.title.saturating_sub(title_text.width());
        spans.push(Span::styled(title_text, title.1));
        spans.push(Span::raw(" ".repeat(pad)));
        for ((text, style), w, left) in [
            (date, self.date, true),
            (people, self.people, false),
            (read, self.read, false),
        ] {
            if w == 0 {
                continue;
            }
            let text = fit(&text, w);
            let pad = " ".repeat(w.saturating_sub(text.width()));
            spans.push(Span::raw(" "));
            if left {
                spans.push(Span::styled(text, style));
                spans.push(Span::raw(pad));
            } else {
                spans.push(Span::raw(pad));
                spans.push(Span::styled(text, style));
            }
        }
        spans.push(Span::raw(" "));
        Line::from(spans)
    }
}

impl Widget for List<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let t = self.theme;
        let cols = Columns::for_width(usize::from(area.width));
        let status = Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        };
        self.status(status, buf);
        if area.height < 2 {
            return;
        }
        let mut list = Rect {
            height: area.height - 1,
            ..area
        };
        if area.height >= 3 {
            self.heading(cols, Rect { height: 1, ..area }, buf);
            list.y += 1;
            list.height -= 1;
        }
        self.rows(cols, list, buf, t);
    }
}

impl List<'_> {
    fn heading(&self, cols: Columns, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let listing = self.picker.listing();
        let dir = listing
            .dir
            .file_name()
            .map_or_else(|| listing.dir.to_string_lossy(), |n| n.to_string_lossy());
        let n = listing.order().len();
        let what = if n == 1 { "article" } else { "articles" };
        let people = if cols.people >= 6 { "People" } else { "Ppl" };
        let line = cols.row([
            (format!("{dir}/ · {n} {what}"), t.title),
            ("Date".into(), t.dim),
            (people.into(), t.dim),
            ("Read".into(), t.dim),
        ]);
        buf.set_line(area.x, area.y, &line, area.width);
    }

    fn rows(&self, cols: Columns, area: Rect, buf: &mut Buffer, t: &Theme) {
        let p = self.picker;
        let listing = p.listing();
        let skipped = if p.query.is_empty() {
            listing.skipped()
        } else {
            Vec::new()
        };
        if p.order.is_empty() {
            let why = if !p.query.is_empty() {
                format!("No title matches “{}”", p.query)
            } else if p.busy() {
                "Reading…".to_string()
            } else {
                "No articles in this folder".to_string()
            };
            buf.set_line(
                area.x + 1,
                area.y,
                &Line::styled(fit(&why, usize::from(area.width.saturating_sub(2))), t.dim),
                area.width.saturating_sub(1),
            );
            let rest = Rect {
                y: area.y + 1,
                height: area.height.saturating_sub(1),
                ..area
            };
            return self.skipped_rows(&skipped, 0, rest, buf);
        }
        let per_page = usize::from(area.height);
        let total = p.order.len() + skipped.len();
        let first = list_offset(p.sel, per_page, total);
        let mut y = area.y;
        for (row, &i) in p.order.iter().enumerate().skip(first) {
            if y >= area.bottom() {
                return;
            }
            let selected = row == p.sel;
            if selected {
                buf.set_style(
                    Rect {
                        y,
                        height: 1,
                        ..area
                    },
                    t.selected,
                );
            }
            let line = entry_row(cols, &listing.entries[i], selected, t);
            buf.set_line(area.x, y, &line, area.width);
            y += 1;
        }
        let skip = first.saturating_sub(p.order.len());
        let rest = Rect {
            y,
            height: area.bottom() - y,
            ..area
        };
        self.skipped_rows(&skipped, skip, rest, buf);
    }

    /// The files that are not articles, dimmed, each with why.
    fn skipped_rows(&self, skipped: &[usize], skip: usize, area: Rect, buf: &mut Buffer) {
        let entries = &self.picker.listing().entries;
        let room = usize::from(area.width.saturating_sub(2));
        for (y, &i) in (area.y..area.bottom()).zip(skipped.iter().skip(skip)) {
            let e = &entries[i];
            let why = e.skipped.as_deref().unwrap_or("");
            let text = fit(&format!("{} — skipped: {why}", e.name), room);
            buf.set_line(
                area.x + 1,
                y,
                &Line::styled(text, self.theme.dim),
                area.width,
            );
        }
    }

    fn status(&self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let p = self.picker;
        buf.set_style(area, t.status);
        let w = usize::from(area.width);
        let n = p.listing().order().len();
        let left = if p.typing || !p.query.is_empty() {
            let cursor = if p.typing { "▏" } else { "" };
            format!(" /{}{cursor} {}/{n}", p.query, p.order.len())
        } else if let Some(notice) = self.notice {
            format!(" {notice}")
        } else {
            let mut s = format!(" {n} {}", if n == 1 { "article" } else { "articles" });
            let skipped = p.listing().skipped().len();
            if skipped > 0 {
                s.push_str(&format!(" · {skipped} skipped"));
            }
            if p.busy() {
                s.push_str(" · reading…");
            }
            s
        };
        let hints: &[(Action, &str)] = if p.query.is_empty() {
            &[
                (Action::Select, "open"),
                (Action::Search, "filter"),
                (Action::Help, "help"),
                (Action::Quit, "quit"),
            ]
        } else {
            &[
                (Action::Select, "open"),
                (Action::Clear, "clear"),
                (Action::Help, "help"),
                (Action::Quit, "quit"),
            ]
        };
        // Hints only while the left side keeps its text (or a dozen
        // columns of it).
        let keep = left.width().min(16);
        let mut right: Vec<Span> = Vec::new();
        let mut right_w = 0;
        for (action, label) in hints {
            let Some(key) = self.keymap.first_key(*action) else {
                continue;
            };
            let (k, l) = (format!(" {key}"), format!(" {label} "));
            let add = k.width() + l.width();
            if keep + right_w + add > w {
                break;
            }
            right_w += add;
            right.push(Span::styled(k, t.status.patch(t.key)));
            right.push(Span::styled(l, t.status));
        }
        let style = if self.notice.is_some() && !p.typing && p.query.is_empty() {
            t.status.patch(t.key)
        } else {
            t.status
        };
        let left = fit(&left, w.saturating_sub(right_w));
        buf.set_line(area.x, area.y, &Line::styled(left, style), area.width);
        let right = Line::from(right);
        let rw = right.width() as u16;
        if rw > 0 && rw <= area.width {
            buf.set_line(area.right() - rw, area.y, &right, rw);
        }
    }
}

/// One article's row: title (the file name, dimmed, until read), date,
/// people, progress; all in the selection's style when selected.
fn entry_row<'a>(cols: Columns, e: &Entry, selected: bool, t: &Theme) -> Line<'a> {
    let people = e.people.map_or_else(|| "…".to_string(), |n| n.to_string());
    let [title, date, progress] = if selected {
        [t.selected; 3]
    } else {
        let title = if e.meta.is_some() { t.body } else { t.dim };
        let progress = match e.progress {
            Progress::New => t.key,
            Progress::Read(100) | Progress::Pending => t.dim,
            Progress::Read(_) => t.body,
        };
        [title, t.dim, progress]
    };
    cols.row([
        (e.title().to_string(), title),
        (e.date().unwrap_or("").to_string(), date),
        (people, date),
        (e.progress.label(), progress),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_drop_from_the_right_as_the_terminal_narrows() {
        let c = Columns::for_width(100);
        assert_eq!((c.date, c.people, c.read), (10, 6, 4));
        assert_eq!(c.title, 100 - 2 - 3 - 20);
        let c = Columns::for_width(40);
        assert_eq!((c.date, c.people, c.read), (10, 3, 4));
        assert_eq!(c.title, 40 - 2 - 3 - 17);
        let c = Columns::for_width(30);
        assert_eq!((c.date, c.people), (0, 3));
        let c = Columns::for_width(10);
        assert_eq!((c.date, c.people, c.read, c.title), (0, 0, 0, 8));
        assert_eq!(Columns::for_width(0).title, 0);
    }
}
