//! The lean writer with the real reader: for key sequences at several
//! sizes, the screen drawn incrementally (scrolling regions, short
//! moves) must equal a fresh full redraw of the same frame, cell by cell
//! with attributes, in the vt100 emulator without left/right margins and
//! in the test terminal `support::vt` with them (checked against vt100
//! where both apply); and the bytes per keystroke are compared with
//! stock ratatui (`cargo test --test lean -- --nocapture` prints them).

mod support;

use std::path::Path;

use byline::app::App;
use byline::article::{load, text};
use byline::keymap::Keymap;
use byline::lean::Screen;
use byline::term::Painter;
use ratatui::Terminal;
use ratatui::TerminalOptions;
use ratatui::Viewport;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use support::vt::{BOLD, Color, DIM, INVERSE, ITALIC, Term, UNDERLINE};

/// Every sample article of the project, one after another.
fn long_app() -> App {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = ["assets", "tests/corpus"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).expect("dir"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut all = String::from("title A long day in the news\n\n");
    for f in files {
        all.push_str(&std::fs::read_to_string(f).expect("read"));
        all.push_str("\n\n");
    }
    let loaded = load::load_bytes(Path::new("long"), all.as_bytes()).expect("load");
    let article = text::parse(&loaded.text);
    let analysis = byline::analyse::analyse(&article);
    App::new(article, analysis, Keymap::default())
}

fn hostile_app(name: &str) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/hostile")
        .join(name);
    let loaded = load::load_path(&path).expect("load");
    let article = text::parse(&loaded.text);
    let analysis = byline::analyse::analyse(&article);
    App::new(article, analysis, Keymap::default())
}

fn vt100_screen(bytes: &[u8], w: u16, h: u16) -> vt100::Parser {
    let nz = |n| std::num::NonZeroU16::new(n).expect("size");
    let mut p = vt100::Parser::new(nz(h), nz(w), 0);
    p.process(bytes);
    p
}

/// A short hostile article's bytes twenty times over, long enough to
/// scroll (the long word is long enough as it is).
fn hostile_long(name: &str) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/hostile")
        .join(name);
    let one = std::fs::read(&path).expect("read");
    let mut all = b"title Hostile, repeated\n\n".to_vec();
    let times = if one.len() > 10_000 { 1 } else { 20 };
    for _ in 0..times {
        all.extend_from_slice(&one);
        all.extend_from_slice(b"\n\n");
    }
    let loaded = load::load_bytes(&path, &all).expect("load");
    let article = text::parse(&loaded.text);
    let analysis = byline::analyse::analyse(&article);
    App::new(article, analysis, Keymap::default())
}

fn cells(bytes: &[u8], w: u16, h: u16) -> Vec<String> {
    let p = vt100_screen(bytes, w, h);
    let s = p.screen();
    (0..h)
        .map(|y| {
            (0..w)
                .map(|x| {
                    let c = s.cell(y, x).expect("cell");
                    let t = if c.contents().is_empty() {
                        " "
                    } else {
                        c.contents()
                    };
                    format!(
                        "{t}{:?}{:?}{}{}{}{}",
                        c.fgcolor(),
                        c.bgcolor(),
                        c.bold(),
                        c.italic(),
                        c.dim(),
                        c.inverse()
                    )
                })
                .collect()
        })
        .collect()
}

const KEYS: &[&str] = &[
    "j", "j", "j", "space", "k", "b", "ctrl-d", "z", "j", "j", "space", "k", "z", "tab", "j",
    "enter", "3", "j", "enter", "esc", "G", "k", "k", "g", "j", "?", "j", "esc", "y", "o", "j",
    "p", "j", "s", "j",
];

/// The cells as both vt100 and the test terminal see them: text,
/// colours, and the attributes vt100 keeps.
/// vt100 keeps a base character and nine combining marks per cell (a
/// terminal's own limit; xterm keeps two by default), the test terminal
/// all of them: only the first ten are compared.
fn common(text: &str, fg: Color, bg: Color, attrs: [bool; 5]) -> String {
    let text: String = text.chars().take(10).collect();
    format!("{text}{fg:?}{bg:?}{attrs:?}")
}

fn vt100_common(bytes: &[u8], w: u16, h: u16) -> Vec<Vec<String>> {
    let p = vt100_screen(bytes, w, h);
    let color = |c| match c {
        vt100::Color::Default => Color::Default,
        vt100::Color::Idx(n) => Color::Idx(n),
        vt100::Color::Rgb(r, g, b) => Color::Rgb(r, g, b),
    };
    (0..h)
        .map(|y| {
            (0..w)
                .map(|x| {
                    let c = p.screen().cell(y, x).expect("cell");
                    let t = if c.contents().is_empty() {
                        " "
                    } else {
                        c.contents()
                    };
                    let attrs = [c.bold(), c.dim(), c.italic(), c.underline(), c.inverse()];
                    common(t, color(c.fgcolor()), color(c.bgcolor()), attrs)
                })
                .collect()
        })
        .collect()
}

fn model_common(t: &Term, w: u16, h: u16) -> Vec<Vec<String>> {
    (0..h)
        .map(|y| {
            (0..w)
                .map(|x| {
                    let c = t.cell(x, y);
                    let text = if c.text.is_empty() { " " } else { &c.text };
                    let mut a = c.pen.attrs;
                    // vt100 keeps one intensity, and the writer sends bold
                    // before dim, so bold and dim read as dim there (xterm
                    // and the test terminal keep both).
                    if a & DIM != 0 {
                        a &= !BOLD;
                    }
                    let attrs = [BOLD, DIM, ITALIC, UNDERLINE, INVERSE].map(|b| a & b != 0);
                    common(text, c.pen.fg, c.pen.bg, attrs)
                })
                .collect()
        })
        .collect()
}

/// Without margins: vt100 and the test terminal agree on the lean
/// writer's output, and it equals a fresh redraw.
fn check_equal(mut app: App, w: u16, h: u16) {
    app.resize(w, h);
    let mut painter = Painter::default();
    let mut lean = Screen::new(Vec::new());
    let mut model = Term::new(w, h);
    for (i, key) in std::iter::once(&"").chain(KEYS).enumerate() {
        app.press(key);
        let (frame, scroll) = painter.frame(&app);
        let sent = lean.get_ref().len();
        lean.draw(&frame, scroll).expect("draw");
        model.feed(&lean.get_ref()[sent..]);
        let mut fresh = Screen::new(Vec::new());
        fresh.draw(&frame, None).expect("draw");
        let (a, b) = (cells(lean.get_ref(), w, h), cells(fresh.get_ref(), w, h));
        for y in 0..usize::from(h) {
            assert_eq!(a[y], b[y], "{w}x{h}: row {y} differs after key {i} ({key})");
        }
        let (v, m) = (
            vt100_common(lean.get_ref(), w, h),
            model_common(&model, w, h),
        );
        for y in 0..usize::from(h) {
            // vt100 drops U+FFFD without moving the cursor (terminals
            // print it in one column): such rows are the test terminal's
            // alone to check.
            if m[y].iter().any(|c| c.contains('\u{fffd}')) {
                continue;
            }
            if let Some(x) = (0..usize::from(w)).find(|&x| v[y][x] != m[y][x]) {
                panic!(
                    "{w}x{h}: the test terminal and vt100 differ at column {x}, row {y} after \
                     key {i} ({key}): vt100 {:?}, test terminal {:?}",
                    v[y][x], m[y][x]
                );
            }
        }
    }
}

/// Keys for the margins check: the common ones, then scrolling with
/// every sidebar layout (three panes, one, none) and a search.
const MARGIN_KEYS: &[&str] = &[
    "j", "k", "ctrl-d", "j", "j", "space", "b", "k", "o", "j", "j", "k", "p", "j", "k", "o", "j",
    "ctrl-u", "p", "/", "t", "h", "e", "enter", "n", "n", "j", "N", "k", "esc",
];

/// In the test terminal, with margins or without: each frame drawn
/// incrementally (scrolls of the body's column band or of whole rows)
/// equals a fresh redraw, cell by cell with every attribute. Returns how
/// many band scrolls were sent.
fn check_in_model(mut app: App, w: u16, h: u16, margins: bool) -> usize {
    app.resize(w, h);
    let mut painter = Painter::default();
    let mut lean = Screen::new(Vec::new());
    lean.set_margins(margins);
    let mut model = Term::new(w, h);
    if margins {
        // As byline turns it on when the terminal says it has margins.
        model.feed(b"\x1b[?69h");
    }
    let keys = std::iter::once(&"").chain(MARGIN_KEYS).chain(KEYS);
    for (i, key) in keys.enumerate() {
        app.press(key);
        let (frame, scroll) = painter.frame(&app);
        let sent = lean.get_ref().len();
        lean.draw(&frame, scroll).expect("draw");
        model.feed(&lean.get_ref()[sent..]);
        assert_eq!(model.margins(), (margins, 0, w - 1), "margins left set");
        assert_eq!(model.region(), (0, h - 1), "region left set");
        let mut fresh = Screen::new(Vec::new());
        fresh.draw(&frame, None).expect("draw");
        let mut redrawn = Term::new(w, h);
        redrawn.feed(fresh.get_ref());
        let (a, b) = (model.rows(), redrawn.rows());
        for y in 0..usize::from(h) {
            assert_eq!(
                a[y], b[y],
                "{w}x{h} with margins: row {y} differs after key {i} ({key})"
            );
        }
    }
    let band_end = format!("\x1b[1;{w}s");
    String::from_utf8_lossy(lean.get_ref())
        .matches(&band_end)
        .count()
}

#[test]
fn margin_scrolls_equal_fresh_redraws() {
    for (w, h) in [(160, 48), (120, 40), (100, 30), (80, 24), (50, 14)] {
        let bands = check_in_model(long_app(), w, h, true);
        if w >= 80 {
            assert!(bands > 5, "{w}x{h}: only {bands} band scrolls");
        }
    }
    for name in HOSTILE {
        for (w, h) in [(160, 48), (100, 30)] {
            check_in_model(hostile_app(name), w, h, true);
            // Most are shorter than a screen: repeated, they scroll.
            let bands = check_in_model(hostile_long(name), w, h, true);
            assert!(bands > 0, "{name} {w}x{h}: no band scrolls");
        }
    }
}

#[test]
fn whole_row_scrolls_equal_fresh_redraws_in_the_test_terminal() {
    for name in HOSTILE {
        assert_eq!(check_in_model(hostile_app(name), 160, 48, false), 0);
    }
}

const HOSTILE: [&str; 8] = [
    "bidi.txt",
    "c1.txt",
    "cjk.txt",
    "combining.txt",
    "emoji.txt",
    "escapes.txt",
    "long-word.txt",
    "nul.txt",
];

#[test]
fn incremental_screens_equal_fresh_redraws() {
    for (w, h) in [(80, 24), (160, 48), (100, 30), (50, 14)] {
        check_equal(long_app(), w, h);
    }
    // Not the files with U+FFFD, which vt100 drops without moving the
    // cursor: the test terminal checks those (`margin_scrolls_…`).
    for name in ["cjk.txt", "emoji.txt", "combining.txt", "long-word.txt"] {
        check_equal(hostile_app(name), 160, 48);
        check_equal(hostile_app(name), 60, 20);
    }
}

/// Counts what stock ratatui writes.
#[derive(Clone, Default)]
struct Counter(std::rc::Rc<std::cell::Cell<u64>>);

impl std::io::Write for Counter {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + b.len() as u64);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Bytes for one press of `key` after `setup`, lean and stock ratatui.
fn cost(w: u16, h: u16, setup: &[&str], key: &str, margins: bool) -> (u64, u64) {
    let mut app = long_app();
    app.resize(w, h);
    for k in setup {
        app.press(k);
    }
    let area = Rect::new(0, 0, w, h);
    let mut painter = Painter::default();
    let mut lean = Screen::new(Vec::new());
    lean.set_margins(margins);
    let (f, s) = painter.frame(&app);
    lean.draw(&f, s).expect("draw");
    let options = TerminalOptions {
        viewport: Viewport::Fixed(area),
    };
    let count = Counter::default();
    let mut stock =
        Terminal::with_options(CrosstermBackend::new(count.clone()), options).expect("terminal");
    stock
        .draw(|fr| (&app).render(area, fr.buffer_mut()))
        .expect("draw");
    let (lean0, stock0) = (lean.written(), count.0.get());
    let presses = 10;
    for _ in 0..presses {
        app.press(key);
        let (f, s) = painter.frame(&app);
        lean.draw(&f, s).expect("draw");
        stock
            .draw(|fr| (&app).render(area, fr.buffer_mut()))
            .expect("draw");
    }
    let stock_n = count.0.get() - stock0;
    ((lean.written() - lean0) / presses, stock_n / presses)
}

#[test]
fn bytes_per_keystroke_against_stock_ratatui() {
    println!("| size | view | key | lean | stock ratatui |");
    println!("|---|---|---|---|---|");
    for (w, h) in [(80, 24), (160, 48)] {
        let views = [
            ("reading", &["z"][..], false),
            ("panes", &[][..], false),
            ("panes, margins", &[][..], true),
        ];
        for (view, setup, margins) in views {
            for (name, key) in [("j", "j"), ("space", "space")] {
                let (lean, stock) = cost(w, h, setup, key, margins);
                println!("| {w}x{h} | {view} | {name} | {lean} | {stock} |");
                if name == "j" && margins {
                    // Within ten times what less sends (about 50 bytes).
                    assert!(lean < 250, "{w}x{h} panes j with margins: {lean} bytes");
                }
                if name == "j" && view == "reading" {
                    assert!(lean * 8 < stock, "{w}x{h} j: lean {lean}, stock {stock}");
                    assert!(lean < 160, "{w}x{h} one-line scroll costs {lean} bytes");
                }
                assert!(
                    lean <= stock,
                    "{w}x{h} {view} {name}: lean {lean} > stock {stock}"
                );
            }
        }
    }
}
