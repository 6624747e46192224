//! Lean terminal output for slow links: a frame writer that keeps a model
//! of what the terminal shows and sends only the difference, in few bytes.
//!
//! Stock ratatui redraws every scrolled row. Here a scroll of the body is
//! first done by the terminal itself when that leaves fewer cells to send,
//! and the model is shifted to match, so a one-line scroll costs about one
//! new line: a scrolling region of whole rows (`CSI t;b r` + `CSI S`/`T`),
//! or, when the body is a column band beside sidebars and the terminal
//! has said it supports them ([`Screen::set_margins`]), a region with left
//! and right margins too (DECSLRM, `CSI l;r s`), which leaves the
//! sidebars alone. Small gaps between changed cells are re-sent rather
//! than jumped, the tail of a row that became blank is erased with `EL`,
//! and each style change is one SGR. Rows holding wide or composed
//! graphemes are rewritten whole, with glyphs cut to what the terminal
//! draws ([`encode::glyph`]), so the terminal and the model cannot
//! disagree about columns.

pub mod encode;

use std::io::{self, Write};
use std::ops::Range;

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;

use encode::Pen;

/// A scroll the writer may let the terminal do: the band of rows `rows`
/// and columns `cols` moved up by `lines` (down when negative), as when
/// the reader scrolled the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scroll {
    /// Terminal rows that scrolled (the body pane's rows).
    pub rows: Range<u16>,
    /// Terminal columns that scrolled (the body pane's columns).
    pub cols: Range<u16>,
    /// How far the content moved up.
    pub lines: i32,
}

/// Rough bytes of a scroll of whole rows (`CSI t;b r CSI S CSI r`).
const ROWS_COST: usize = 16;

/// Rough bytes of a scroll of a column band (the same with `CSI l;r s`
/// before and `CSI 1;w s` after).
const BAND_COST: usize = 32;

/// The frame writer.
#[derive(Debug)]
pub struct Screen<W: Write> {
    out: W,
    shown: Buffer,
    cursor: Option<(u16, u16)>,
    pen: Pen,
    fresh: bool,
    written: u64,
    margins: bool,
}

impl<W: Write> Screen<W> {
    /// A writer to `out`; the first frame clears the screen.
    pub fn new(out: W) -> Self {
        Screen {
            out,
            shown: Buffer::empty(Rect::default()),
            cursor: None,
            pen: Pen::default(),
            fresh: true,
            written: 0,
            margins: false,
        }
    }

    /// The terminal has left/right margins and DEC mode 69 (DECLRMM) is
    /// on, so `CSI l;r s` sets them: a scroll may then move the body's
    /// columns alone. Off (the default), scrolls span whole rows.
    pub fn set_margins(&mut self, on: bool) {
        self.margins = on;
    }

    /// Whether scrolls may use left/right margins.
    pub fn margins(&self) -> bool {
        self.margins
    }

    /// Forget what the terminal shows (after a resume, or when something
    /// else wrote to it): the next frame clears and redraws.
    pub fn invalidate(&mut self) {
        self.fresh = true;
    }

    /// Bytes written so far.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// The output, to write other sequences (OSC 52) between frames.
    pub fn raw(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.written += bytes.len() as u64;
        self.out.write_all(bytes)?;
        self.out.flush()
    }

    /// The writer, for tests.
    pub fn get_ref(&self) -> &W {
        &self.out
    }

    /// Brings the terminal to show `next`, in one write.
    pub fn draw(&mut self, next: &Buffer, scroll: Option<Scroll>) -> io::Result<()> {
        let mut out = Vec::with_capacity(1024);
        if self.fresh || self.shown.area != next.area {
            // SGR first: the erase uses the current background.
            out.extend_from_slice(b"\x1b[m\x1b[H\x1b[2J");
            self.pen = Pen::default();
            self.cursor = Some((0, 0));
            self.shown = Buffer::empty(next.area);
            self.fresh = false;
        } else if let Some(s) = scroll {
            self.scroll(&mut out, next, s);
        }
        for y in 0..next.area.height {
            self.row(&mut out, next, y);
        }
        self.written += out.len() as u64;
        self.out.write_all(&out)?;
        self.out.flush()
    }

    /// Lets the terminal scroll `s` when that leaves fewer cells to send:
    /// whole rows, or only the band's columns when margins are available,
    /// whichever leaves least to send.
    fn scroll(&mut self, out: &mut Vec<u8>, next: &Buffer, s: Scroll) {
        let area = self.shown.area;
        let rows = s.rows.start..s.rows.end.min(area.height);
        let cols = s.cols.start..s.cols.end.min(area.width);
        let span = i32::from(rows.end.saturating_sub(rows.start));
        if s.lines == 0 || s.lines.abs() >= span || cols.is_empty() {
            return;
        }
        let full = 0..area.width;
        let mut bands = vec![(full.clone(), ROWS_COST)];
        if self.margins && cols != full && !straddles(&self.shown, rows.clone(), cols.clone()) {
            bands.push((cols, BAND_COST));
        }
        let mut best = None;
        let mut least = changed(&self.shown, next, rows.clone());
        for (band, overhead) in bands {
            let mut shifted = self.shown.clone();
            shift(&mut shifted, rows.clone(), band.clone(), s.lines);
            let cost = changed(&shifted, next, rows.clone()) + overhead;
            if cost < least {
                least = cost;
                best = Some((band, shifted));
            }
        }
        let Some((band, shifted)) = best else {
            return;
        };
        // Terminals fill the lines a scroll brings in with the pen's
        // background.
        if !self.pen.is_default() {
            encode::sgr(out, self.pen, Pen::default());
            self.pen = Pen::default();
        }
        let (n, dir) = (s.lines.unsigned_abs(), if s.lines > 0 { 'S' } else { 'T' });
        let count = if n == 1 { String::new() } else { n.to_string() };
        let _ = write!(out, "\x1b[{};{}r", rows.start + 1, rows.end);
        if band == full {
            let _ = write!(out, "\x1b[{count}{dir}");
        } else {
            // Explicit full-width margins afterwards: some terminals might
            // read a bare `CSI s` as save-cursor.
            let _ = write!(
                out,
                "\x1b[{};{}s\x1b[{count}{dir}\x1b[1;{}s",
                band.start + 1,
                band.end,
                area.width
            );
        }
        out.extend_from_slice(b"\x1b[r");
        // DECSTBM and DECSLRM home the cursor.
        self.cursor = Some((0, 0));
        self.shown = shifted;
    }

    fn row(&mut self, out: &mut Vec<u8>, next: &Buffer, y: u16) {
        let w = next.area.width;
        let dirty: Vec<bool> = (0..w).map(|x| self.shown[(x, y)] != next[(x, y)]).collect();
        let differs = |x: u16| dirty[usize::from(x)];
        if !dirty.contains(&true) {
            return;
        }
        let simple = (0..w)
            .all(|x| encode::is_simple(&self.shown[(x, y)]) && encode::is_simple(&next[(x, y)]));
        if !simple {
            return self.rewrite_row(out, next, y);
        }
        // From `tail` on, the new row is default blanks: erase it with EL
        // when more than a few of those cells changed.
        let tail = (0..w)
            .rev()
            .take_while(|&x| is_blank(&next[(x, y)]))
            .last()
            .unwrap_or(w);
        let tail_dirty = (tail..w).filter(|&x| differs(x)).count();
        let erase = tail_dirty > 3;
        let end = if erase { tail } else { w };
        let dirty: Vec<u16> = (0..end).filter(|&x| differs(x)).collect();
        for x in dirty {
            self.goto(out, next, x, y);
            self.put(out, next, x, y, 1);
        }
        let from = (tail..w).find(|&x| differs(x)).unwrap_or(tail);
        if erase {
            self.goto(out, next, from, y);
            if !self.pen.is_default() {
                encode::sgr(out, self.pen, Pen::default());
                self.pen = Pen::default();
            }
            out.extend_from_slice(b"\x1b[K");
            for x in from..w {
                self.shown[(x, y)] = Cell::default();
            }
        }
    }

    /// Rows with wide or composed graphemes are written whole, left to
    /// right, so that every column is accounted for.
    fn rewrite_row(&mut self, out: &mut Vec<u8>, next: &Buffer, y: u16) {
        let w = next.area.width;
        let mut x = 0;
        encode::move_to(out, self.cursor, 0, y);
        self.cursor = Some((0, y));
        while x < w {
            let cell = &next[(x, y)];
            let cw = cell_width(cell);
            // A wide glyph whose second column was drawn over, or that
            // would not fit, is shown as a blank.
            let whole = cw <= 1 || (x + 1 < w && is_plain_space(&next[(x + 1, y)]));
            let width = if whole { cw.max(1) } else { 1 };
            self.put(out, next, x, y, width);
            if width == 2 {
                self.shown[(x + 1, y)] = next[(x + 1, y)].clone();
            }
            x += width;
        }
    }

    /// Moves to (x, y), re-sending a short run of unchanged cells when
    /// that is shorter than a cursor jump.
    fn goto(&mut self, out: &mut Vec<u8>, next: &Buffer, x: u16, y: u16) {
        if let Some((cx, cy)) = self.cursor
            && cy == y
            && cx < x
            && x - cx <= 4
            && (cx..x).all(|gx| {
                let c = &next[(gx, y)];
                Pen::of(c) == self.pen && c.symbol().len() == 1
            })
        {
            for gx in cx..x {
                out.extend_from_slice(next[(gx, y)].symbol().as_bytes());
            }
            self.cursor = Some((x, y));
            return;
        }
        encode::move_to(out, self.cursor, x, y);
        self.cursor = Some((x, y));
    }

    /// Writes the cell at (x, y) over `width` columns and records it.
    fn put(&mut self, out: &mut Vec<u8>, next: &Buffer, x: u16, y: u16, width: u16) {
        let cell = &next[(x, y)];
        let pen = Pen::of(cell);
        encode::sgr(out, self.pen, pen);
        self.pen = pen;
        let symbol = if width < cell_width(cell) {
            " "
        } else {
            cell.symbol()
        };
        encode::glyph(out, symbol, usize::from(width));
        self.shown[(x, y)] = cell.clone();
        let end = x + width;
        // At the last column the cursor waits to wrap: treat it as lost.
        self.cursor = (end < next.area.width).then_some((end, y));
    }
}

/// Columns a cell's grapheme takes, as ratatui laid it out.
fn cell_width(cell: &Cell) -> u16 {
    let w = unicode_width::UnicodeWidthStr::width(cell.symbol());
    u16::try_from(w.clamp(1, 2)).unwrap_or(1)
}

fn is_plain_space(cell: &Cell) -> bool {
    cell.symbol() == " "
}

fn is_blank(cell: &Cell) -> bool {
    cell.symbol() == " " && Pen::of(cell).is_default()
}

/// Whether a wide glyph crosses an edge of the band (terminals differ in
/// what a scroll does to half a glyph).
fn straddles(buf: &Buffer, rows: Range<u16>, cols: Range<u16>) -> bool {
    let edges = [cols.start.checked_sub(1), cols.end.checked_sub(1)];
    rows.flat_map(|y| edges.into_iter().flatten().map(move |x| (x, y)))
        .any(|p| cell_width(&buf[p]) > 1)
}

/// How many cells differ in `rows`.
fn changed(a: &Buffer, b: &Buffer, rows: Range<u16>) -> usize {
    let w = a.area.width;
    rows.flat_map(|y| (0..w).map(move |x| (x, y)))
        .filter(|&p| a[p] != b[p])
        .count()
}

/// Moves the content of the band `rows` × `cols` up by `lines` (down when
/// negative), as the terminal does, filling with blanks.
pub fn shift(buf: &mut Buffer, rows: Range<u16>, cols: Range<u16>, lines: i32) {
    let n = lines.unsigned_abs() as u16;
    let ys: Vec<u16> = if lines > 0 {
        rows.clone().collect()
    } else {
        rows.clone().rev().collect()
    };
    for y in ys {
        let src = if lines > 0 {
            y.checked_add(n).filter(|s| *s < rows.end)
        } else {
            y.checked_sub(n).filter(|s| *s >= rows.start)
        };
        for x in cols.clone() {
            buf[(x, y)] = match src {
                Some(s) => buf[(x, s)].clone(),
                None => Cell::default(),
            };
        }
    }
}

#[cfg(test)]
mod tests;
