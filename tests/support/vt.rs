//! A test-only terminal with left/right margins, which the vt100 crate
//! lacks: exactly the sequences byline's lean writer sends (CUP, CUF,
//! CUB, CR, LF, SGR with 16, 256 and 24-bit colours, EL, ED, DECSTBM,
//! DECLRMM, DECSLRM, SU, SD, and text with wide and combining
//! characters), behaving as xterm does. Anything else panics, so the
//! writer cannot send a sequence the checks silently ignore.

#![allow(dead_code)]

use unicode_width::UnicodeWidthChar;

/// A colour as vt100 reports it: the 16 named ones are indices 0-15.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Color {
    #[default]
    Default,
    Idx(u8),
    Rgb(u8, u8, u8),
}

/// SGR attribute bits: 1 << code for codes 1 (bold) to 9 (crossed out).
pub const BOLD: u16 = 1 << 1;
pub const DIM: u16 = 1 << 2;
pub const ITALIC: u16 = 1 << 3;
pub const UNDERLINE: u16 = 1 << 4;
pub const INVERSE: u16 = 1 << 7;

/// The graphic rendition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pen {
    pub fg: Color,
    pub bg: Color,
    pub ul: Color,
    pub attrs: u16,
}

/// One cell: its text (`""` blank), whether it starts a wide glyph or is
/// the second column of one, and its rendition.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    pub text: String,
    pub wide: bool,
    pub cont: bool,
    pub pen: Pen,
}

impl Cell {
    /// An erased cell: blank, with the pen's background (xterm's
    /// background colour erase).
    fn erased(pen: Pen) -> Cell {
        Cell {
            pen: Pen {
                bg: pen.bg,
                ..Pen::default()
            },
            ..Cell::default()
        }
    }
}

/// The terminal.
#[derive(Debug, Clone)]
pub struct Term {
    w: u16,
    h: u16,
    cells: Vec<Cell>,
    x: u16,
    y: u16,
    /// The last column was printed: the next character wraps first.
    wrap: bool,
    pen: Pen,
    top: u16,
    bottom: u16,
    /// DEC mode 69: `CSI l;r s` sets left/right margins.
    lrmm: bool,
    left: u16,
    right: u16,
}

impl Term {
    pub fn new(w: u16, h: u16) -> Term {
        Term {
            w,
            h,
            cells: vec![Cell::default(); usize::from(w) * usize::from(h)],
            x: 0,
            y: 0,
            wrap: false,
            pen: Pen::default(),
            top: 0,
            bottom: h - 1,
            lrmm: false,
            left: 0,
            right: w - 1,
        }
    }

    pub fn cell(&self, x: u16, y: u16) -> &Cell {
        &self.cells[usize::from(y) * usize::from(self.w) + usize::from(x)]
    }

    fn cell_mut(&mut self, x: u16, y: u16) -> &mut Cell {
        &mut self.cells[usize::from(y) * usize::from(self.w) + usize::from(x)]
    }

    /// Whether left/right margin mode is on, and the margins (0-based,
    /// inclusive).
    pub fn margins(&self) -> (bool, u16, u16) {
        (self.lrmm, self.left, self.right)
    }

    /// The scrolling region's rows (0-based, inclusive).
    pub fn region(&self) -> (u16, u16) {
        (self.top, self.bottom)
    }

    /// Each row as one string, every cell with its text and rendition.
    pub fn rows(&self) -> Vec<String> {
        (0..self.h)
            .map(|y| {
                (0..self.w)
                    .map(|x| {
                        let c = self.cell(x, y);
                        let t = if c.text.is_empty() { " " } else { &c.text };
                        format!("{t}{:?}", c.pen)
                    })
                    .collect()
            })
            .collect()
    }

    /// Processes output; panics on anything outside the subset.
    pub fn feed(&mut self, bytes: &[u8]) {
        let text = std::str::from_utf8(bytes).expect("the writer sends UTF-8");
        let mut it = text.chars().peekable();
        while let Some(c) = it.next() {
            match c {
                '\x1b' => {
                    assert_eq!(it.next(), Some('['), "only CSI sequences are known");
                    let mut params = String::new();
                    let fin = loop {
                        match it.next() {
                            Some(p @ '\x30'..='\x3f') => params.push(p),
                            Some(f @ '\x40'..='\x7e') => break f,
                            other => panic!("CSI {params:?} then {other:?}"),
                        }
                    };
                    self.csi(&params, fin);
                }
                '\r' => self.cr(),
                '\n' => self.lf(),
                c if c.is_control() => panic!("control character {c:?}"),
                c => self.print(c),
            }
        }
    }

    fn csi(&mut self, params: &str, fin: char) {
        if let Some(mode) = params.strip_prefix('?') {
            match (mode, fin) {
                ("69", 'h') => self.lrmm = true,
                ("69", 'l') => {
                    self.lrmm = false;
                    (self.left, self.right) = (0, self.w - 1);
                }
                _ => panic!("unknown private mode CSI ?{mode}{fin}"),
            }
            return;
        }
        let nums: Vec<Option<u16>> = if params.is_empty() {
            Vec::new()
        } else {
            params
                .split(';')
                .map(|p| {
                    (!p.is_empty())
                        .then(|| p.parse().unwrap_or_else(|_| panic!("CSI {params}{fin}")))
                })
                .collect()
        };
        let arg = |i: usize, d: u16| nums.get(i).copied().flatten().unwrap_or(d);
        let count = |i: usize| arg(i, 1).max(1);
        self.wrap = self.wrap && fin == 'm';
        match fin {
            'H' => {
                self.y = arg(0, 1).clamp(1, self.h) - 1;
                self.x = arg(1, 1).clamp(1, self.w) - 1;
            }
            'C' => {
                let limit = if self.lrmm && self.x <= self.right {
                    self.right
                } else {
                    self.w - 1
                };
                self.x = (self.x + count(0)).min(limit);
            }
            'D' => {
                let limit = if self.lrmm && self.x >= self.left {
                    self.left
                } else {
                    0
                };
                self.x = self.x.saturating_sub(count(0)).max(limit);
            }
            'm' => self.sgr(params),
            'K' => {
                let (y, x) = (self.y, self.x);
                match arg(0, 0) {
                    0 => self.erase(y, x..self.w),
                    1 => self.erase(y, 0..x + 1),
                    2 => self.erase(y, 0..self.w),
                    n => panic!("EL {n}"),
                }
            }
            'J' => {
                assert_eq!(arg(0, 0), 2, "only ED 2 is known");
                for y in 0..self.h {
                    self.erase(y, 0..self.w);
                }
            }
            'r' => {
                let (t, b) = (arg(0, 1), arg(1, self.h));
                assert!(t < b && b <= self.h, "bad DECSTBM {t};{b}");
                (self.top, self.bottom) = (t - 1, b - 1);
                (self.x, self.y) = (0, 0);
            }
            's' => {
                assert!(self.lrmm, "CSI s without mode 69 (save cursor) is unknown");
                let (l, r) = (arg(0, 1), arg(1, self.w));
                assert!(l < r && r <= self.w, "bad DECSLRM {l};{r}");
                (self.left, self.right) = (l - 1, r - 1);
                (self.x, self.y) = (0, 0);
            }
            'S' => self.scroll(i32::from(count(0))),
            'T' => self.scroll(-i32::from(count(0))),
            _ => panic!("unknown sequence CSI {params}{fin}"),
        }
    }

    fn sgr(&mut self, params: &str) {
        let nums: Vec<u16> = if params.is_empty() {
            vec![0]
        } else {
            params
                .split(';')
                .map(|p| p.parse().unwrap_or_else(|_| panic!("SGR {params}")))
                .collect()
        };
        let mut it = nums.into_iter();
        let extended = |it: &mut std::vec::IntoIter<u16>| match it.next() {
            Some(5) => Color::Idx(byte(it.next(), params)),
            Some(2) => Color::Rgb(
                byte(it.next(), params),
                byte(it.next(), params),
                byte(it.next(), params),
            ),
            other => panic!("SGR {params}: colour kind {other:?}"),
        };
        let p = &mut self.pen;
        while let Some(n) = it.next() {
            match n {
                0 => *p = Pen::default(),
                1..=9 => p.attrs |= 1 << n,
                22 => p.attrs &= !(BOLD | DIM),
                23 | 24 | 27 => p.attrs &= !(1 << (n - 20)),
                30..=37 => p.fg = Color::Idx((n - 30) as u8),
                38 => p.fg = extended(&mut it),
                39 => p.fg = Color::Default,
                40..=47 => p.bg = Color::Idx((n - 40) as u8),
                48 => p.bg = extended(&mut it),
                49 => p.bg = Color::Default,
                58 => p.ul = extended(&mut it),
                59 => p.ul = Color::Default,
                90..=97 => p.fg = Color::Idx((n - 90 + 8) as u8),
                100..=107 => p.bg = Color::Idx((n - 100 + 8) as u8),
                _ => panic!("unknown SGR {n} in {params}"),
            }
        }
    }

    /// Erases columns `xs` of row `y`, and the other half of any wide
    /// glyph cut by the edges.
    fn erase(&mut self, y: u16, xs: std::ops::Range<u16>) {
        self.wrap = false;
        let pen = self.pen;
        if xs.start > 0 && self.cell(xs.start, y).cont {
            *self.cell_mut(xs.start - 1, y) = Cell::erased(pen);
        }
        if xs.end < self.w && self.cell(xs.end, y).cont {
            *self.cell_mut(xs.end, y) = Cell::erased(pen);
        }
        for x in xs {
            *self.cell_mut(x, y) = Cell::erased(pen);
        }
    }

    fn cr(&mut self) {
        self.wrap = false;
        self.x = if self.lrmm && self.x >= self.left {
            self.left
        } else {
            0
        };
    }

    fn lf(&mut self) {
        self.wrap = false;
        if self.y == self.bottom {
            self.scroll(1);
        } else if self.y + 1 < self.h {
            self.y += 1;
        }
    }

    /// SU (up, positive) or SD within the region and, with mode 69,
    /// the left/right margins.
    fn scroll(&mut self, lines: i32) {
        let (l, r) = if self.lrmm {
            (self.left, self.right)
        } else {
            (0, self.w - 1)
        };
        for x in [l, r + 1] {
            for y in self.top..=self.bottom {
                assert!(
                    x >= self.w || !self.cell(x, y).cont,
                    "a scroll would cut a wide glyph at column {x}, row {y}"
                );
            }
        }
        let rows: Vec<u16> = (self.top..=self.bottom).collect();
        let n = lines.unsigned_abs() as usize;
        let order: Vec<usize> = if lines > 0 {
            (0..rows.len()).collect()
        } else {
            (0..rows.len()).rev().collect()
        };
        let blank = Cell::erased(self.pen);
        for i in order {
            let src = if lines > 0 {
                i.checked_add(n).filter(|s| *s < rows.len())
            } else {
                i.checked_sub(n)
            };
            for x in l..=r {
                let cell = match src {
                    Some(s) => self.cell(x, rows[s]).clone(),
                    None => blank.clone(),
                };
                *self.cell_mut(x, rows[i]) = cell;
            }
        }
    }

    fn print(&mut self, c: char) {
        let w = c.width().unwrap_or(0) as u16;
        if w == 0 {
            // A combining mark joins the glyph before the cursor.
            let x = if self.wrap {
                self.x
            } else {
                self.x.checked_sub(1).expect("a combining mark at column 0")
            };
            let x = if self.cell(x, self.y).cont { x - 1 } else { x };
            self.cell_mut(x, self.y).text.push(c);
            return;
        }
        let edge = if self.lrmm && self.x <= self.right {
            self.right
        } else {
            self.w - 1
        };
        if self.wrap {
            self.x = if self.lrmm { self.left } else { 0 };
            self.lf();
        }
        assert!(
            self.x + w - 1 <= edge,
            "a wide glyph at the last column ({}, {})",
            self.x,
            self.y
        );
        let (x, y, pen) = (self.x, self.y, self.pen);
        // Overwriting half of a wide glyph blanks the other half.
        if self.cell(x, y).cont {
            *self.cell_mut(x - 1, y) = Cell::default();
        }
        let last = x + w - 1;
        if self.cell(last, y).wide && last + 1 < self.w {
            *self.cell_mut(last + 1, y) = Cell::default();
        }
        *self.cell_mut(x, y) = Cell {
            text: c.to_string(),
            wide: w == 2,
            cont: false,
            pen,
        };
        if w == 2 {
            *self.cell_mut(x + 1, y) = Cell {
                cont: true,
                pen,
                ..Cell::default()
            };
        }
        if last >= edge {
            self.x = edge;
            self.wrap = true;
        } else {
            self.x = last + 1;
        }
    }
}

fn byte(n: Option<u16>, params: &str) -> u8 {
    n.and_then(|n| u8::try_from(n).ok())
        .unwrap_or_else(|| panic!("SGR {params}: bad colour"))
}
