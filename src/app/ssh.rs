//! What the reader offers a remote terminal: the text `y` copies (sent
//! by `term` with OSC 52), the mouse (only with `--mouse`), and the hook
//! that saves the reading position on every way out.

use super::outline::ItemKind;
use super::{App, rows};
use crate::layout::Pane;
use crate::ui::list_offset;

impl App {
    /// `y`: the focused quote with its speaker and the article's title,
    /// the focused caption with its credit, or else the paragraph at the
    /// top of the body. `term` takes it with [`App::take_clipboard`].
    pub(super) fn copy(&mut self) {
        self.clipboard = self.copy_text();
    }

    /// The text `y` copies now.
    pub fn copy_text(&self) -> Option<String> {
        if self.focus == Pane::Outline
            && let Some(item) = self.items.get(self.outline_sel)
        {
            return Some(match item.kind() {
                ItemKind::Quote(q) => {
                    let quote = &self.analysis.quotes[q];
                    let who = quote.speaker.as_deref().unwrap_or("unattributed");
                    format!(
                        "“{}” — {who}, in “{}”",
                        quote.text(&self.article).trim(),
                        self.title
                    )
                }
                ItemKind::Caption => {
                    let text = item.text(&self.article, &self.analysis);
                    match &self.article.blocks[item.block()].credit {
                        Some(credit) => format!("{text} — {credit}"),
                        None => text.to_string(),
                    }
                }
            });
        }
        let block = rows::block_at(&self.rows, self.top)?;
        self.article.blocks.get(block).map(|b| b.text.clone())
    }

    /// Text waiting to go to the clipboard, taken once.
    pub fn take_clipboard(&mut self) -> Option<String> {
        self.clipboard.take()
    }

    /// Saves where the reader is (every open file), so the next start
    /// opens there. Called by `term` on quit, suspend, SIGHUP, SIGTERM,
    /// SIGINT and panic; with the terminal going away there is nowhere to
    /// report a failed save, so it costs only the position.
    pub fn save_position(&self) {
        let _ = self.save_state();
    }

    /// The pane under column `x`, row `y` (overlays first).
    fn pane_at(&self, x: u16, y: u16) -> Option<(Pane, ratatui::layout::Rect)> {
        let at = ratatui::layout::Position { x, y };
        let lists = [
            (Pane::Outline, self.panes.outline),
            (Pane::People, self.panes.people),
        ];
        lists
            .into_iter()
            .find_map(|(p, r)| r.filter(|r| r.contains(at)).map(|r| (p, r)))
            .or_else(|| {
                self.panes
                    .body
                    .contains(at)
                    .then_some((Pane::Body, self.panes.body))
            })
    }

    /// The wheel turned `lines` over (x, y): scroll the body, or move a
    /// list's selection, without moving the focus.
    pub fn wheel(&mut self, x: u16, y: u16, lines: i32) {
        if self.help.is_some() {
            return;
        }
        if self.list_shown() {
            return self.list_move(lines as isize);
        }
        let Some((pane, _)) = self.pane_at(x, y) else {
            return;
        };
        let focus = self.focus;
        self.focus = pane;
        self.move_by(lines as isize);
        self.focus = focus;
    }

    /// A click at (x, y): focus the pane; on a list item, select it and
    /// act on it as Enter does.
    pub fn click(&mut self, x: u16, y: u16) {
        if self.help.is_some() {
            self.help = None;
            return;
        }
        if self.list_shown() {
            return self.list_click(y);
        }
        let Some((pane, rect)) = self.pane_at(x, y) else {
            return;
        };
        self.focus = pane;
        let inner_y = rect.y + 1;
        let inner_h = usize::from(rect.height.saturating_sub(2)).max(1);
        if y < inner_y || y >= rect.bottom().saturating_sub(1) {
            return;
        }
        let row = usize::from(y - inner_y);
        match pane {
            Pane::Body => return,
            Pane::Outline => {
                let per_page = (inner_h / 2).max(1);
                let i = list_offset(self.outline_sel, per_page, self.items.len()) + row / 2;
                if i >= self.items.len() {
                    return;
                }
                self.outline_sel = i;
            }
            Pane::People => {
                let i = list_offset(self.people_sel, inner_h, self.people.len()) + row;
                if i >= self.people.len() {
                    return;
                }
                self.people_sel = i;
            }
        }
        self.update(crate::action::Action::Select);
    }
}
