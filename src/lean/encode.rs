//! The escape sequences the lean writer sends, each as short as the
//! terminal allows: one SGR per style change (reset only when an
//! attribute must go), the cheapest of several cursor moves, and glyphs
//! made safe (no control character can leave this module, and a grapheme
//! is cut to what a per-character `wcwidth` terminal draws in its cells).

use std::io::Write;

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthChar;

/// The graphic state the terminal is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pen {
    fg: Color,
    bg: Color,
    ul: Color,
    modifier: Modifier,
}

impl Pen {
    /// The pen a cell is drawn with.
    pub fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            ul: cell.underline_color,
            modifier: cell.modifier,
        }
    }

    /// Whether erasing with this pen leaves default blanks: terminals
    /// give erased cells the pen's colours, so scrolls and `EL` need it.
    pub fn is_default(&self) -> bool {
        *self == Pen::default()
    }
}

const MODIFIERS: [(Modifier, u8); 9] = [
    (Modifier::BOLD, 1),
    (Modifier::DIM, 2),
    (Modifier::ITALIC, 3),
    (Modifier::UNDERLINED, 4),
    (Modifier::SLOW_BLINK, 5),
    (Modifier::RAPID_BLINK, 6),
    (Modifier::REVERSED, 7),
    (Modifier::HIDDEN, 8),
    (Modifier::CROSSED_OUT, 9),
];

/// Appends the SGR that turns `from` into `to` (nothing when equal).
pub fn sgr(out: &mut Vec<u8>, from: Pen, to: Pen) {
    if from == to {
        return;
    }
    let mut params = String::new();
    let dropped = !(from.modifier - to.modifier).is_empty();
    let base = if dropped {
        params.push('0');
        Pen::default()
    } else {
        from
    };
    for (m, code) in MODIFIERS {
        if to.modifier.contains(m) && !base.modifier.contains(m) {
            push_param(&mut params, &code.to_string());
        }
    }
    if to.fg != base.fg {
        push_param(&mut params, &color(to.fg, 30));
    }
    if to.bg != base.bg {
        push_param(&mut params, &color(to.bg, 40));
    }
    if to.ul != base.ul {
        push_param(&mut params, &color(to.ul, 50));
    }
    if params == "0" {
        params.clear();
    }
    let _ = write!(out, "\x1b[{params}m");
}

fn push_param(params: &mut String, p: &str) {
    if !params.is_empty() {
        params.push(';');
    }
    params.push_str(p);
}

/// SGR parameters for a colour; `base` is 30 (fg), 40 (bg) or 50 (underline).
fn color(c: Color, base: u8) -> String {
    let named = |n: u8| {
        if base == 50 {
            format!("58;5;{n}")
        } else if n < 8 {
            (base + n).to_string()
        } else {
            (base + 60 + n - 8).to_string()
        }
    };
    match c {
        Color::Reset => (base + 9).to_string(),
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => named(8),
        Color::LightRed => named(9),
        Color::LightGreen => named(10),
        Color::LightYellow => named(11),
        Color::LightBlue => named(12),
        Color::LightMagenta => named(13),
        Color::LightCyan => named(14),
        Color::White => named(15),
        Color::Indexed(n) => format!("{};5;{n}", base + 8),
        Color::Rgb(r, g, b) => format!("{};2;{r};{g};{b}", base + 8),
    }
}

/// The shortest way from `from` (`None`: unknown) to column `x`, row `y`.
pub fn move_to(out: &mut Vec<u8>, from: Option<(u16, u16)>, x: u16, y: u16) {
    let cup = if x == 0 {
        format!("\x1b[{}H", y + 1)
    } else {
        format!("\x1b[{};{}H", y + 1, x + 1)
    };
    let Some((cx, cy)) = from else {
        return out.extend_from_slice(cup.as_bytes());
    };
    let right = |d: u16| match d {
        0 => String::new(),
        1 => "\x1b[C".to_string(),
        d => format!("\x1b[{d}C"),
    };
    let mut best = cup;
    let mut consider = |s: String| {
        if s.len() < best.len() {
            best = s;
        }
    };
    if (cx, cy) == (x, y) {
        return;
    }
    if cy == y {
        if x > cx {
            consider(right(x - cx));
        } else {
            consider(format!("\r{}", right(x)));
            consider(format!("\x1b[{}D", cx - x));
        }
    } else if y == cy + 1 {
        // Raw mode: LF moves down only; CR returns to column 0.
        if x == cx {
            consider("\n".to_string());
        }
        consider(format!("\r\n{}", right(x)));
    }
    out.extend_from_slice(best.as_bytes());
}

/// Whether a cell holds one printable character one column wide: rows of
/// such cells are diffed cell by cell.
pub fn is_simple(cell: &Cell) -> bool {
    let mut chars = cell.symbol().chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => !c.is_control() && c.width() == Some(1),
        _ => false,
    }
}

/// The bytes to print for a symbol given `width` cells: controls become
/// U+FFFD, joiners and variation selectors are dropped, characters that
/// would overrun the cells are cut, and missing columns are padded, so
/// the terminal's cursor ends exactly `width` columns on.
pub fn glyph(out: &mut Vec<u8>, symbol: &str, width: usize) {
    let mut used = 0;
    let mut any = false;
    let mut tmp = [0u8; 4];
    for c in symbol.chars() {
        let c = if c.is_control() { '\u{FFFD}' } else { c };
        if matches!(c, '\u{200D}' | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}') {
            continue;
        }
        let w = c.width().unwrap_or(1);
        if w == 0 {
            // Combining marks ride on a base character; alone they are
            // dropped (some terminals would draw them as a column).
            if any {
                out.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
            }
            continue;
        }
        if used + w > width {
            break;
        }
        used += w;
        any = true;
        out.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
    }
    out.extend(std::iter::repeat_n(b' ', width - used));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sgr_of(from: Pen, to: Pen) -> String {
        let mut v = Vec::new();
        sgr(&mut v, from, to);
        String::from_utf8(v).expect("utf8")
    }

    #[test]
    fn sgr_adds_without_reset_and_resets_only_to_drop() {
        let bold = Pen {
            modifier: Modifier::BOLD,
            ..Pen::default()
        };
        let bold_cyan = Pen {
            fg: Color::Cyan,
            ..bold
        };
        assert_eq!(sgr_of(Pen::default(), bold_cyan), "\x1b[1;36m");
        assert_eq!(sgr_of(bold_cyan, bold), "\x1b[39m");
        assert_eq!(sgr_of(bold_cyan, Pen::default()), "\x1b[m");
        let cyan = Pen {
            fg: Color::Cyan,
            ..Pen::default()
        };
        assert_eq!(sgr_of(bold_cyan, cyan), "\x1b[0;36m");
        assert_eq!(sgr_of(cyan, cyan), "");
    }

    #[test]
    fn moves_pick_the_shortest() {
        let mv = |from, x, y| {
            let mut v = Vec::new();
            move_to(&mut v, from, x, y);
            String::from_utf8(v).expect("utf8")
        };
        assert_eq!(mv(None, 0, 0), "\x1b[1H");
        assert_eq!(mv(Some((3, 4)), 9, 4), "\x1b[6C");
        assert_eq!(mv(Some((30, 4)), 0, 5), "\r\n");
        assert_eq!(mv(Some((30, 4)), 30, 5), "\n");
        assert_eq!(mv(Some((30, 4)), 2, 4), "\r\x1b[2C");
        assert_eq!(mv(Some((3, 4)), 9, 20), "\x1b[21;10H");
    }

    #[test]
    fn glyphs_never_carry_controls_and_fill_their_cells() {
        let g = |s: &str, w| {
            let mut v = Vec::new();
            glyph(&mut v, s, w);
            String::from_utf8(v).expect("utf8")
        };
        assert_eq!(g("a", 1), "a");
        assert_eq!(g("\u{1b}", 1), "\u{FFFD}");
        assert_eq!(g("\u{9b}", 1), "\u{FFFD}");
        assert_eq!(g("👨\u{200D}👩\u{200D}👧", 2), "👨");
        assert_eq!(g("❤\u{FE0F}", 2), "❤ ");
        assert_eq!(g("e\u{301}", 1), "e\u{301}");
        assert_eq!(g("東", 2), "東");
        assert_eq!(g("\u{301}", 1), " ");
    }
}
