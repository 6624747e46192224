//! The body pane: the visible rows of the wrapped article, with captions,
//! quotes and names styled, and markers where the filter hides blocks.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::app::doc::{self, CAPTION_INDENT, Mark, Marks, Seg, Wrapped};
use crate::app::outline::ItemKind;
use crate::app::rows::Row;
use crate::app::search::Search;
use crate::article::Article;

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
    /// The article, for the text of the lines shown.
    pub article: &'a Article,
    /// Quotes and names by block.
    pub marks: &'a Marks,
    /// All rows of the body.
    pub rows: &'a [Row],
    /// The row at the top.
    pub top: usize,
    /// People in the filter, whose names stand out.
    pub filter: &'a [usize],
    /// Highlighted caption or quote.
    pub flash: Flash,
    /// The search, whose matches are highlighted (the current one more).
    pub search: &'a Search,
    /// Spread words to end lines flush at the measure.
    pub justify: bool,
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
        // Each shown block's matches, found once for all its lines.
        let mut hits: Vec<(u32, Vec<Hit>)> = Vec::new();
        for row in rows.clone() {
            if let Row::Text { block, .. } = *row
                && hits.last().is_none_or(|h| h.0 != block)
            {
                hits.push((block, self.hits_in(block as usize)));
            }
        }
        for (y, row) in (area.y..).zip(rows) {
            let none = Vec::new();
            let shown = match row {
                Row::Text { block, .. } => hits.iter().find(|h| h.0 == *block).map(|h| &h.1),
                _ => None,
            };
            let line = self.line(*row, shown.unwrap_or(&none));
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

/// A match in a block: start and end bytes, and whether it is the
/// current one.
type Hit = (usize, usize, bool);

impl Body<'_> {
    fn hits_in(&self, block: usize) -> Vec<Hit> {
        let (first, found) = self.search.in_block(self.article, block);
        let current = self.search.current;
        (first..)
            .zip(found)
            .map(|(i, (s, e))| (s, e, Some(i) == current))
            .collect()
    }

    fn line(&self, row: Row, hits: &[Hit]) -> Line<'_> {
        let t = self.theme;
        match row {
            Row::Title(n) => {
                Line::styled(self.doc.title.get(n as usize).map_or("", |s| s), t.title)
            }
            Row::Meta => Line::styled(self.doc.meta.as_deref().unwrap_or(""), t.meta),
            Row::Gap(_) | Row::Unwrapped { .. } => Line::default(),
            Row::Hidden { count, .. } => {
                let what = if count == 1 {
                    "paragraph"
                } else {
                    "paragraphs"
                };
                Line::styled(format!("··· {count} {what} hidden ···"), t.meta)
            }
            Row::NoMatch => Line::styled("··· no paragraph names all of them (a: any) ···", t.meta),
            Row::Text { block, line } => self.text_line(block as usize, line as usize, hits),
        }
    }

    fn text_line(&self, block: usize, line: usize, hits: &[Hit]) -> Line<'_> {
        let Some(b) = self.doc.block(block) else {
            return Line::default();
        };
        let Some(&l) = b.get(line) else {
            return Line::default();
        };
        let segs = doc::segments(self.article, self.marks, block, l);
        let t = self.theme;
        let caption = self
            .article
            .blocks
            .get(block)
            .is_some_and(|b| b.is_caption());
        let base = if caption { t.caption } else { t.body };
        let flash_block = self.flash == Flash::Caption(block);
        let mut pieces: Vec<(String, Style)> = Vec::with_capacity(segs.len() + 1);
        let mut width = self.doc.measure;
        if caption && self.doc.measure > 2 * CAPTION_INDENT {
            pieces.push(("▌ ".to_string(), t.caption_marker));
            width -= CAPTION_INDENT;
        }
        let mut pos = l.start();
        for s in &segs {
            let mut style = base.patch(self.seg_style(s));
            if flash_block {
                style = style.patch(t.flash);
            }
            for (text, hit) in split_at_hits(&s.text, pos, hits) {
                let style = match hit {
                    Some(true) => style.patch(t.search_current),
                    Some(false) => style.patch(t.search),
                    None => style,
                };
                pieces.push((text.to_string(), style));
            }
            pos += s.text.len();
        }
        if self.justify && line + 1 < b.len() {
            justify(&mut pieces, width);
        }
        Line::from(
            pieces
                .into_iter()
                .map(|(text, style)| Span::styled(text, style))
                .collect::<Vec<_>>(),
        )
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

/// `text` (starting at byte `pos` of its block) cut where search hits
/// start and end; each piece says whether it is in a hit (and whether
/// that is the current one).
fn split_at_hits<'t>(text: &'t str, pos: usize, hits: &[Hit]) -> Vec<(&'t str, Option<bool>)> {
    let end = pos + text.len();
    let mut cuts = vec![0, text.len()];
    for &(s, e, _) in hits {
        for p in [s, e] {
            if p > pos && p < end && text.is_char_boundary(p - pos) {
                cuts.push(p - pos);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let at = pos + w[0];
            let hit = hits
                .iter()
                .find(|&&(s, e, _)| s <= at && at < e)
                .map(|&(_, _, current)| current);
            (&text[w[0]..w[1]], hit)
        })
        .filter(|(t, _)| !t.is_empty())
        .collect()
}

/// Widens the spaces between words so the line fills `width` columns.
fn justify(pieces: &mut [(String, Style)], width: usize) {
    let used: usize = pieces.iter().map(|(t, _)| t.width()).sum();
    let gaps: usize = pieces
        .iter()
        .map(|(t, _)| t.chars().filter(|&c| c == ' ').count())
        .sum();
    let Some(extra) = width.checked_sub(used).filter(|&e| e > 0 && gaps > 0) else {
        return;
    };
    let (each, more) = (extra / gaps, extra % gaps);
    let mut gap = 0;
    for (text, _) in pieces.iter_mut() {
        if !text.contains(' ') {
            continue;
        }
        let mut out = String::with_capacity(text.len() + extra);
        for c in text.chars() {
            out.push(c);
            if c == ' ' {
                // The last gaps take the odd spaces, so the ragged part
                // sits at the end of the line where the eye leaves it.
                let pad = each + usize::from(gap >= gaps - more);
                out.extend(std::iter::repeat_n(' ', pad));
                gap += 1;
            }
        }
        *text = out;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hits_split_segments() {
        let hits = [(4, 7, false), (10, 12, true)];
        let parts = split_at_hits("xx bar baz qu", 2, &hits);
        let got: Vec<_> = parts.iter().map(|(t, h)| (*t, *h)).collect();
        assert_eq!(
            got,
            [
                ("xx", None),
                (" ba", Some(false)),
                ("r b", None),
                ("az", Some(true)),
                (" qu", None)
            ]
        );
    }

    #[test]
    fn justify_fills_the_width() {
        let mut p = vec![
            ("the cat".to_string(), Style::new()),
            (" sat on".to_string(), Style::new()),
        ];
        justify(&mut p, 20);
        let line: String = p.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(line.width(), 20);
        assert!(
            line.starts_with("the ") && line.ends_with(" on"),
            "{line:?}"
        );
        let mut none = vec![("word".to_string(), Style::new())];
        justify(&mut none, 20);
        assert_eq!(none[0].0, "word");
    }
}
