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

#[test]
fn focus_and_scroll() {
    shot!("focus_outline_160x45", 160, 45, "tab");
    shot!("focus_people_160x45", 160, 45, "tab tab");
    shot!("scroll_100x30", 100, 30, "j j j j j j j j j j");
    shot!("page_60x20", 60, 20, "space");
    shot!("bottom_40x12", 40, 12, "G");
    shot!("switch_sidebar_100x30", 100, 30, "s");
}

#[test]
fn outline_jump() {
    // The sixth item is Okafor's quote, after the second caption.
    shot!("jump_160x45", 160, 45, "2 j j j j j j enter");
    shot!("jump_100x30", 100, 30, "2 j j j j j j enter");
    shot!("outline_overlay_60x20", 60, 20, "2 j j j");
    shot!("jump_from_overlay_60x20", 60, 20, "2 j j j j j j enter");
}

#[test]
fn people_filter() {
    // People are listed most mentioned first: Quist, Okafor, Brel, Vann.
    shot!("filter_one_160x45", 160, 45, "3 enter");
    shot!("filter_any_160x45", 160, 45, "3 enter j j enter");
    shot!("filter_all_160x45", 160, 45, "3 enter j j enter a");
    shot!("filter_one_100x30", 100, 30, "3 enter 1");
    shot!("people_overlay_40x12", 40, 12, "3 enter");
    shot!("filter_all_40x12", 40, 12, "3 enter j j enter a esc");
    shot!("filter_cleared_160x45", 160, 45, "3 enter esc");
}

#[test]
fn help_and_reading_mode() {
    shot!("help_160x45", 160, 45, "?");
    shot!("help_100x30", 100, 30, "?");
    shot!("help_40x12", 40, 12, "?");
    shot!("reading_160x45", 160, 45, "z");
    shot!("reading_100x30", 100, 30, "j j j z");
}

#[test]
fn resize_keeps_place() {
    let mut app = app_at(160, 45, "ctrl-d");
    let before = screen(&app, 160, 45);
    insta::assert_snapshot!("resize_before_160x45", before);
    app.resize(60, 20);
    insta::assert_snapshot!("resize_to_60x20", screen(&app, 60, 20));
    app.resize(40, 12);
    insta::assert_snapshot!("resize_to_40x12", screen(&app, 40, 12));
    app.resize(160, 45);
    assert_eq!(
        screen(&app, 160, 45),
        before,
        "growing back restores the same screen"
    );
}

#[test]
fn tiny_terminals_do_not_panic() {
    for w in [
        1, 2, 3, 4, 7, 12, 19, 24, 25, 33, 40, 44, 45, 79, 80, 119, 120,
    ] {
        for h in [1, 2, 3, 4, 5, 12] {
            for keys in ["", "?", "2", "3 enter", "z G", "p j enter a"] {
                let app = app_at(w, h, keys);
                screen(&app, w, h);
            }
        }
    }
}
