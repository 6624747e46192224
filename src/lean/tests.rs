//! The lean writer against a terminal emulator: whatever path it takes
//! (scrolling regions, gap re-sends, erases), the screen must equal a
//! fresh full redraw of the same frame.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use super::{Screen, Scroll};

fn screen_of(bytes: &[u8], w: u16, h: u16) -> String {
    let nz = |n| std::num::NonZeroU16::new(n).expect("size");
    let mut p = vt100::Parser::new(nz(h), nz(w), 0);
    p.process(bytes);
    let s = p.screen();
    let mut out = String::new();
    for y in 0..h {
        for x in 0..w {
            let c = s.cell(y, x).expect("cell");
            let text = match c.contents() {
                "" => " ",
                t => t,
            };
            out.push_str(&format!(
                "{text}{:?}{:?}{}{}{}",
                c.fgcolor(),
                c.bgcolor(),
                c.bold(),
                c.italic(),
                c.inverse()
            ));
        }
        out.push('\n');
    }
    out
}

fn text_frame(w: u16, h: u16, top: usize, lines: &[String]) -> Buffer {
    let mut b = Buffer::empty(Rect::new(0, 0, w, h));
    for y in 0..h - 1 {
        if let Some(l) = lines.get(top + usize::from(y)) {
            let style = if (top + usize::from(y)) % 3 == 0 {
                Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
            } else {
                Style::new()
            };
            b.set_stringn(2, y, l, usize::from(w) - 4, style);
        }
    }
    b.set_stringn(
        0,
        h - 1,
        format!("row {top}"),
        20,
        Style::new().bg(Color::Blue),
    );
    b
}

#[test]
fn scrolling_paths_equal_a_fresh_redraw() {
    let (w, h) = (40, 12);
    let lines: Vec<String> = (0..60)
        .map(|i| match i % 7 {
            0 => format!("東京 line {i} with wide 漢字 text"),
            1 => String::new(),
            2 => format!("e\u{301} combining {i} 👨\u{200D}👩\u{200D}👧 zwj"),
            _ => format!("plain line number {i} of the article text"),
        })
        .collect();
    let mut lean = Screen::new(Vec::new());
    let mut last_top = 0usize;
    for top in [0usize, 1, 2, 5, 4, 14, 3, 30, 31, 30, 48, 0] {
        let frame = text_frame(w, h, top, &lines);
        let scroll = Scroll {
            rows: 0..h - 1,
            cols: 0..w,
            lines: top as i32 - last_top as i32,
        };
        lean.draw(&frame, Some(scroll)).expect("draw");
        last_top = top;
        let mut fresh = Screen::new(Vec::new());
        fresh.draw(&frame, None).expect("draw");
        let (a, b) = (
            screen_of(lean.get_ref(), w, h),
            screen_of(fresh.get_ref(), w, h),
        );
        for (y, (ra, rb)) in a.lines().zip(b.lines()).enumerate() {
            assert_eq!(ra, rb, "row {y} after scrolling to {top}");
        }
    }
}

#[test]
fn a_one_line_scroll_sends_about_one_line() {
    let (w, h) = (80, 24);
    let lines: Vec<String> = (0..100)
        .map(|i| format!("this is line {i} of a long article, wrapped at seventy-odd columns"))
        .collect();
    let mut lean = Screen::new(Vec::new());
    lean.draw(&text_frame(w, h, 0, &lines), None).expect("draw");
    let before = lean.written();
    let scroll = Scroll {
        rows: 0..h - 1,
        cols: 0..w,
        lines: 1,
    };
    lean.draw(&text_frame(w, h, 1, &lines), Some(scroll))
        .expect("draw");
    let cost = lean.written() - before;
    assert!(cost < 140, "one line cost {cost} bytes");
}

#[test]
fn nothing_changed_sends_nothing() {
    let lines = vec!["a".to_string(); 5];
    let mut lean = Screen::new(Vec::new());
    let f = text_frame(20, 6, 0, &lines);
    lean.draw(&f, None).expect("draw");
    let n = lean.written();
    lean.draw(&f, None).expect("draw");
    assert_eq!(lean.written(), n);
}
