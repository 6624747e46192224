//! The help overlay: every action with its keys, generated from the live
//! keymap and the actions' doc lines, so it cannot drift.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use unicode_width::UnicodeWidthStr;

use super::fit;
use super::theme::Theme;
use crate::action::Action;
use crate::keymap::Keymap;

/// The help box.
pub struct Help<'a> {
    /// The live keymap.
    pub keymap: &'a Keymap,
    /// Lines scrolled off the top.
    pub scroll: usize,
    /// Styles.
    pub theme: &'a Theme,
}

impl Help<'_> {
    /// One (keys, description) pair per bound action.
    fn entries(&self) -> Vec<(String, &'static str)> {
        Action::ALL
            .iter()
            .filter_map(|&a| {
                let keys: Vec<String> = self.keymap.keys(a).map(|k| k.to_string()).collect();
                (!keys.is_empty()).then(|| (keys.join(" "), a.doc()))
            })
            .collect()
    }
}

/// As many of the space-separated `keys` as fit in `width` (the first
/// always, cut if need be): dropping an alias beats cutting one in half.
fn first_keys(keys: &str, width: usize) -> String {
    let mut out = String::new();
    for k in keys.split(' ') {
        if !out.is_empty() && out.width() + 1 + k.width() > width {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(k);
    }
    out
}

impl Widget for Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let entries = self.entries();
        let widest = entries.iter().map(|(k, _)| k.width()).max().unwrap_or(0);
        // Narrow screens give the descriptions the room; keys drop aliases.
        let key_w = widest
            .min(22)
            .min(usize::from(area.width.saturating_sub(4)) / 3);
        let doc_w = entries.iter().map(|(_, d)| d.width()).max().unwrap_or(0);
        let w = (key_w + doc_w + 6) as u16;
        let h = entries.len() as u16 + 2;
        let rect = crate::layout::centred(area, w, h);
        Clear.render(rect, buf);
        let more = usize::from(rect.height.saturating_sub(2)) < entries.len();
        let hint = if more {
            " j/k scroll · esc close "
        } else {
            " esc close "
        };
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(t.border_focused)
            .title(" Keys ")
            .title_bottom(Line::from(hint).right_aligned());
        let inner = block.inner(rect);
        block.render(rect, buf);
        let scroll = self
            .scroll
            .min(entries.len().saturating_sub(usize::from(inner.height)));
        let doc_room = usize::from(inner.width).saturating_sub(key_w + 3);
        for (y, (keys, doc)) in (inner.y..inner.bottom()).zip(entries.iter().skip(scroll)) {
            let keys = fit(&first_keys(keys, key_w), key_w);
            let pad = " ".repeat(key_w.saturating_sub(keys.width()));
            let line = Line::from(vec![
                Span::styled(format!(" {keys}{pad}  "), t.key),
                Span::raw(fit(doc, doc_room)),
            ]);
            buf.set_line(inner.x, y, &line, inner.width);
        }
    }
}
