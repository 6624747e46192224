//! The lean writer with the real reader: for key sequences at 80x24 and
//! 160x48, the screen drawn incrementally (scrolling regions, short
//! moves) must equal a fresh full redraw of the same frame, cell by cell
//! with attributes; and the bytes per keystroke are compared with stock
//! ratatui (`cargo test --test lean -- --nocapture` prints them).

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

fn cells(bytes: &[u8], w: u16, h: u16) -> Vec<String> {
    let nz = |n| std::num::NonZeroU16::new(n).expect("size");
    let mut p = vt100::Parser::new(nz(h), nz(w), 0);
    p.process(bytes);
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

fn check_equal(mut app: App, w: u16, h: u16) {
    app.resize(w, h);
    let mut painter = Painter::default();
    let mut lean = Screen::new(Vec::new());
    for (i, key) in std::iter::once(&"").chain(KEYS).enumerate() {
        app.press(key);
        let (frame, scroll) = painter.frame(&app);
        lean.draw(&frame, scroll).expect("draw");
        let mut fresh = Screen::new(Vec::new());
        fresh.draw(&frame, None).expect("draw");
        let (a, b) = (cells(lean.get_ref(), w, h), cells(fresh.get_ref(), w, h));
        for y in 0..usize::from(h) {
            assert_eq!(a[y], b[y], "{w}x{h}: row {y} differs after key {i} ({key})");
        }
    }
}

#[test]
fn incremental_screens_equal_fresh_redraws() {
    for (w, h) in [(80, 24), (160, 48), (100, 30), (50, 14)] {
        check_equal(long_app(), w, h);
    }
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
fn cost(w: u16, h: u16, setup: &[&str], key: &str) -> (u64, u64) {
    let mut app = long_app();
    app.resize(w, h);
    for k in setup {
        app.press(k);
    }
    let area = Rect::new(0, 0, w, h);
    let mut painter = Painter::default();
    let mut lean = Screen::new(Vec::new());
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
        for (view, setup) in [("reading", &["z"][..]), ("panes", &[][..])] {
            for (name, key) in [("j", "j"), ("space", "space")] {
                let (lean, stock) = cost(w, h, setup, key);
                println!("| {w}x{h} | {view} | {name} | {lean} | {stock} |");
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
