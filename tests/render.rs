//! Whole-screen rendering tests: the real `App` on ratatui's
//! `TestBackend`, driven by key strings through the default keymap, one
//! insta snapshot per screen.

use byline::app::App;
use byline::keymap::Keymap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod analysis {
    use byline::article::*;
    include!("support/analysis.rs");
}

fn fixture() -> App {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/harbour.txt"
    ))
    .expect("fixture");
    let article = byline::article::text::parse(&text);
    let analysis = analysis::hand_analysis(&article);
    App::new(article, analysis, Keymap::default())
}

/// The app at `w`×`h` after typing `keys` (space-separated key strings).
fn app_at(w: u16, h: u16, keys: &str) -> App {
    let mut app = fixture();
    app.resize(w, h);
    for k in keys.split_whitespace() {
        app.press(k);
    }
    app
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| f.render_widget(app, f.area())).expect("draw");
    term.backend().to_string()
}

/// Snapshot of the screen at `w`×`h` after `keys`.
macro_rules! shot {
    ($name:literal, $w:expr, $h:expr, $keys:expr) => {{
        let app = app_at($w, $h, $keys);
        insta::assert_snapshot!($name, screen(&app, $w, $h), $keys);
    }};
}

#[test]
fn opening_screens() {
    shot!("open_160x45", 160, 45, "");
    shot!("open_100x30", 100, 30, "");
    shot!("open_60x20", 60, 20, "");
    shot!("open_40x12", 40, 12, "");
}
