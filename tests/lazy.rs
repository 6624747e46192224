//! Wrapping on demand draws what wrapping everything up front draws: a
//! long article read with keys, resizes, filters and searches, screen by
//! screen, against the same reader made to wrap all of it after every
//! step. Only the status line may differ (the percentage is estimated
//! until the whole article is wrapped).

use byline::analyse::analyse;
use byline::app::{App, Prepared};
use byline::keymap::Keymap;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

#[path = "../benches/common/gen.rs"]
mod generator;

fn screen(app: &App, w: u16, h: u16) -> Vec<String> {
    let area = Rect::new(0, 0, w, h);
    let mut buf = Buffer::empty(area);
    app.render(area, &mut buf);
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

fn pair(bytes: usize) -> (App, App) {
    let article = byline::article::text::parse(&generator::generate(bytes));
    let analysis = analyse(&article);
    let lazy = App::new(article.clone(), analysis.clone(), Keymap::default());
    let full = App::new(article, analysis, Keymap::default());
    (lazy, full)
}

fn wrap_all(app: &mut App) {
    while app.idle() {}
    assert!(!app.has_idle_work());
}

/// Runs `steps` on both readers and compares every screen but the last row.
fn same_screens(lazy: &mut App, full: &mut App, steps: &[&str], (mut w, mut h): (u16, u16)) {
    for step in steps {
        if let Some(size) = step.strip_prefix("resize:") {
            let (a, b) = size.split_once('x').expect("WxH");
            (w, h) = (a.parse().expect("w"), b.parse().expect("h"));
        }
        for app in [&mut *lazy, &mut *full] {
            match step.starts_with("resize:") {
                true => app.resize(w, h),
                false => app.press(step),
            }
        }
        wrap_all(full);
        let (a, b) = (screen(lazy, w, h), screen(full, w, h));
        let body = usize::from(h) - 1;
        assert_eq!(a[..body], b[..body], "after {step}");
        assert_eq!(lazy.position(), full.position(), "after {step}");
    }
}

#[test]
fn lazy_wrapping_draws_what_full_wrapping_draws() {
    let (mut lazy, mut full) = pair(200 * 1024);
    for app in [&mut lazy, &mut full] {
        app.resize(160, 48);
    }
    wrap_all(&mut full);
    assert!(lazy.has_idle_work(), "a long article is not wrapped whole");
    let keys = [
        "j",
        "j",
        "space",
        "space",
        "ctrl-d",
        "b",
        "k",
        "G",
        "k",
        "k",
        "b",
        "ctrl-u",
        "g",
        "G",
        "resize:100x30",
        "g",
        "space",
        "resize:60x20",
        "space",
        "resize:160x48",
        "G",
        "resize:120x40",
        "b",
        "b",
        "z",
        "space",
        "z",
        "g",
        "3",
        "enter",
        "1",
        "space",
        "space",
        "G",
        "b",
        "esc",
        "g",
        "/",
        "w",
        "e",
        "e",
        "k",
        "enter",
        "n",
        "n",
        "N",
        "G",
        "n",
        "2",
        "j",
        "j",
        "j",
        "enter",
        "1",
        "ctrl-o",
        "ctrl-o",
        "g",
        "o",
        "space",
        "o",
        "G",
        "p",
        "b",
        "p",
    ];
    same_screens(&mut lazy, &mut full, &keys, (160, 48));
    // Once idle wrapping is done, the percentage is exact too.
    wrap_all(&mut lazy);
    assert_eq!(lazy.percent(), full.percent());
    assert_eq!(screen(&lazy, 120, 40), screen(&full, 120, 40));
}

#[test]
fn a_late_analysis_fills_in_without_moving_the_text() {
    let article = byline::article::text::parse(&generator::generate(100 * 1024));
    let analysis = analyse(&article);
    let mut late = App::new(article.clone(), Default::default(), Keymap::default());
    let (tx, rx) = std::sync::mpsc::channel();
    late.analyse_later(rx);
    let mut now = App::new(article.clone(), analysis.clone(), Keymap::default());
    for app in [&mut late, &mut now] {
        app.resize(160, 48);
        app.press("space");
        app.press("space");
    }
    let before = screen(&late, 160, 48);
    assert!(before[47].contains("analysing…"), "{}", before[47]);
    assert!(!late.poll());
    tx.send(Prepared::new(&article, analysis.clone()))
        .expect("send");
    assert!(late.poll() && !late.analysing());
    assert_eq!(screen(&late, 160, 48), screen(&now, 160, 48));
    assert_eq!(late.top_row(), now.top_row());
}
