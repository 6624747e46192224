//! Hostile articles (tests/hostile/, written by make.py there): escape
//! sequences, C1 controls, bidi overrides, NUL, invalid UTF-8, a 100,000
//! character word, CJK, emoji sequences, combining marks. Nothing may
//! panic, overflow its pane, or reach the terminal as an escape sequence.

mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use byline::app::App;
use byline::article::{load, text};
use byline::keymap::Keymap;
use byline::layout::{self, Shown};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use support::pty::{Session, escape_sequences};

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("tests/hostile")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 8, "corpus missing: {files:?}");
    files
}

fn app_for(path: &Path) -> App {
    let loaded = load::load_path(path).expect("hostile files load");
    let article = text::parse(&loaded.text);
    let analysis = byline::analyse::analyse(&article);
    App::new(article, analysis, Keymap::default())
}

const KEYS: &[&str] = &[
    "j", "space", "G", "2", "j", "enter", "3", "j", "enter", "a", "esc", "z", "g", "z", "y",
];

#[test]
fn every_file_renders_in_every_size_inside_its_panes() {
    for path in corpus() {
        let mut app = app_for(&path);
        for (w, h) in [
            (200, 50),
            (160, 48),
            (100, 30),
            (80, 24),
            (40, 12),
            (12, 4),
            (1, 1),
        ] {
            app.resize(w, h);
            for key in KEYS {
                app.press(key);
                let area = Rect::new(0, 0, w, h);
                let mut buf = Buffer::empty(area);
                (&app).render(area, &mut buf);
                if w >= 120 && !app.should_quit() {
                    check_borders(&buf, &path, key);
                }
            }
        }
    }
}

/// In the three-pane layout, the sidebars' vertical borders are intact on
/// every row: no text ran over them.
fn check_borders(buf: &Buffer, path: &Path, key: &str) {
    let area = buf.area;
    let shown = Shown {
        outline: true,
        people: true,
        overlay: None,
        lone_right: false,
        measure: layout::MAX_MEASURE,
    };
    let panes = layout::panes(area, shown);
    for rect in [panes.outline, panes.people].into_iter().flatten() {
        // Reading mode hides the sidebars: check only frames drawn.
        if buf[(rect.x, rect.y)].symbol() != "╭" || buf[(rect.right() - 1, rect.y)].symbol() != "╮"
        {
            continue;
        }
        for y in rect.y + 1..rect.bottom().saturating_sub(1) {
            for x in [rect.x, rect.right() - 1] {
                let s = buf[(x, y)].symbol();
                assert!(
                    s == "│" || s == "┃" || s == "║",
                    "{}: after {key}, border at ({x},{y}) is {s:?}",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn no_payload_reaches_the_terminal_as_an_escape_sequence() {
    for path in corpus() {
        let name = path.to_string_lossy().to_string();
        for (w, h) in [(160, 48), (60, 16)] {
            let mut s = Session::byline(&[&name], w, h);
            s.wait_text("Hostile");
            for key in [
                "j", " ", "G", "2", "j", "\r", "3", "j", "\r", "\x1b", "z", "g",
            ] {
                s.send(key);
            }
            s.settle(Duration::from_millis(200));
            s.send("q");
            let (status, _) = s.exit_within(Duration::from_secs(5));
            assert!(status.success(), "{name}: {status:?}\n{}", s.screen());
            for seq in escape_sequences(&s.raw) {
                let text = String::from_utf8_lossy(&seq);
                assert!(!text.contains("PWNED"), "{name}: payload in {text:?}");
                assert!(
                    !text.starts_with("\x1b]") && !text.starts_with("\x1bP"),
                    "{name}: an OSC or DCS was written: {text:?}"
                );
            }
            let c1 = s
                .raw
                .windows(2)
                .any(|p| p[0] == 0xc2 && (0x80..=0x9f).contains(&p[1]));
            assert!(!c1, "{name}: a C1 control was written");
            assert!(!s.parser.screen().alternate_screen());
        }
    }
}

#[test]
fn planted_text_is_still_shown_as_text() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/escapes.txt");
    let mut s = Session::byline(&[&path.to_string_lossy()], 160, 48);
    s.wait_text("ESCAPES");
    s.wait_text("A link click there.");
    s.send("q");
    s.exit_within(Duration::from_secs(5));
}
