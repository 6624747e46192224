//! The view: `impl Widget for &App` lays out the panes and hands each to
//! its widget in `ui/`. It only reads state; it never parses text.

mod body;
mod help;
mod outline;
mod people;
mod picker;
mod status;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use unicode_width::UnicodeWidthChar;

use crate::action::Action;
use crate::app::{App, Match};
use crate::layout::{self, Pane};
use body::{Body, Flash};
use theme::Theme;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        if let Some(list) = self.list() {
            picker::List {
                picker: list,
                notice: self.notice.as_deref(),
                keymap: self.keymap(),
                theme: &theme,
            }
            .render(area, buf);
            return self.render_help(area, buf);
        }
        let panes = if area == self.area {
            self.panes
        } else {
            layout::panes(area, self.shown())
        };
        let shown = self.shown_blocks();
        let flash = Flash::new(
            self.flash
                .and_then(|i| self.items.get(i))
                .map(|it| (it.kind(), it.block())),
        );
        Body {
            doc: &self.doc,
            article: &self.article,
            marks: &self.marks,
            rows: &self.rows,
            top: self.top,
            filter: &self.filter,
            flash,
            search: &self.search,
            justify: self.justify,
            theme: &theme,
        }
        .render(panes.text.intersection(area), buf);

        let overlay = self.shown().overlay;
        if let Some(rect) = panes.outline {
            if overlay == Some(Pane::Outline) {
                Clear.render(rect, buf);
            }
            outline::Outline {
                items: &self.items,
                article: &self.article,
                analysis: &self.analysis,
                selected: self.outline_sel,
                focused: self.focus == Pane::Outline,
                shown: &shown,
                block: frame(" Outline ", self.focus == Pane::Outline, &theme),
                theme: &theme,
            }
            .render(rect, buf);
        }
        if let Some(rect) = panes.people {
            if overlay == Some(Pane::People) {
                Clear.render(rect, buf);
            }
            let title = match (self.filter.len(), self.matching) {
                (0 | 1, _) => " People ".to_string(),
                (_, Match::Any) => " People · any ".to_string(),
                (_, Match::All) => " People · all ".to_string(),
            };
            people::People {
                people: &self.analysis.people,
                order: &self.people,
                selected: self.people_sel,
                focused: self.focus == Pane::People,
                filter: &self.filter,
                block: frame(title, self.focus == Pane::People, &theme),
                theme: &theme,
            }
            .render(rect, buf);
        }

        let (block, blocks) = self.position();
        status::Status {
            title: &self.title,
            percent: self.percent(),
            block: (block.map_or(blocks, |b| b + 1), blocks),
            file: self.file_no,
            filter: self.filter_label(),
            search: self.search_label(),
            notice: self
                .notice
                .as_deref()
                .or(self.analysing().then_some("analysing…")),
            hints: self.hints(),
            keymap: self.keymap(),
            theme: &theme,
        }
        .render(panes.status, buf);

        self.render_help(area, buf);
    }
}

impl App {
    /// The help overlay, when open.
    fn render_help(&self, area: Rect, buf: &mut Buffer) {
        if let Some(scroll) = self.help {
            help::Help {
                keymap: self.keymap(),
                scroll,
                theme: &self.theme,
            }
            .render(area, buf);
        }
    }

    /// "Quist + Brel (any)" for the status line.
    fn filter_label(&self) -> Option<String> {
        if self.filter.is_empty() {
            return None;
        }
        let names: Vec<&str> = self
            .filter
            .iter()
            .filter_map(|&p| self.analysis.people.get(p))
            .map(|p| p.name.as_str())
            .collect();
        let how = match (names.len(), self.matching) {
            (1, _) => "",
            (_, Match::Any) => " (any)",
            (_, Match::All) => " (all)",
        };
        Some(format!("filter: {}{how}", names.join(" + ")))
    }

    /// "/query▏ 3/17" while typing, "/query 3/17" after.
    fn search_label(&self) -> Option<String> {
        if !self.search.typing && self.search.query.is_empty() {
            return None;
        }
        let count = self.search_count().unwrap_or_default();
        let cursor = if self.search.typing { "▏" } else { "" };
        Some(format!("/{}{cursor} {count}", self.search.query))
    }

    /// The key hints that matter in the current focus.
    fn hints(&self) -> &'static [(Action, &'static str)] {
        match (self.focus, self.filter.is_empty()) {
            (Pane::Body, true) if self.in_folder() => &[
                (Action::Help, "help"),
                (Action::Back, "list"),
                (Action::Quit, "quit"),
            ],
            (Pane::Body, true) => &[
                (Action::Help, "help"),
                (Action::FocusNext, "pane"),
                (Action::Quit, "quit"),
            ],
            (Pane::Body, false) => &[
                (Action::Help, "help"),
                (Action::Clear, "clear"),
                (Action::Quit, "quit"),
            ],
            (Pane::Outline, _) => &[
                (Action::Help, "help"),
                (Action::Select, "jump"),
                (Action::FocusBody, "body"),
            ],
            (Pane::People, _) => &[
                (Action::Help, "help"),
                (Action::Select, "filter"),
                (Action::ToggleMatch, "any/all"),
            ],
        }
    }
}

/// A sidebar's frame, bright when focused.
fn frame<'a>(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Block<'a> {
    let style = if focused {
        theme.border_focused
    } else {
        theme.border
    };
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(style)
        .title(title.into().style(style))
}

/// `s` cut to `width` columns, ending in `…` when cut; control
/// characters become a visible placeholder.
pub(crate) fn fit(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    let clean = |c: char| if c.is_control() { '\u{FFFD}' } else { c };
    let total: usize = s.chars().map(|c| clean(c).width().unwrap_or(0)).sum();
    let room = if total > width {
        width.saturating_sub(1)
    } else {
        width
    };
    for c in s.chars().map(clean) {
        let cw = c.width().unwrap_or(0);
        if used + cw > room {
            break;
        }
        used += cw;
        out.push(c);
    }
    if total > width && width > 0 {
        out.push('…');
    }
    out
}

/// First item to draw so that `selected` stays in view, kept near the
/// middle once the list scrolls.
pub(crate) fn list_offset(selected: usize, per_page: usize, len: usize) -> usize {
    selected
        .saturating_sub(per_page / 2)
        .min(len.saturating_sub(per_page))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_by_display_width() {
        assert_eq!(fit("hello", 10), "hello");
        assert_eq!(fit("hello world", 6), "hello…");
        assert_eq!(fit("東京都庁", 5), "東京…");
        assert_eq!(fit("abc", 0), "");
        assert_eq!(fit("a\u{1b}b", 5), "a\u{FFFD}b");
    }

    #[test]
    fn list_offset_keeps_selection_in_view() {
        assert_eq!(list_offset(0, 5, 20), 0);
        assert_eq!(list_offset(10, 5, 20), 8);
        assert_eq!(list_offset(19, 5, 20), 15);
        assert_eq!(list_offset(3, 5, 2), 0);
    }
}
