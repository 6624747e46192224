//! `App::update` on the test fixture with a hand-built analysis.

use super::*;
use crate::article::text;

mod analysis {
    use crate::article::*;
    include!("../../tests/support/analysis.rs");
}

pub(super) fn app(w: u16, h: u16) -> App {
    let src = include_str!("../../tests/fixtures/harbour.txt");
    let article = text::parse(src);
    let analysis = analysis::hand_analysis(&article);
    let mut app = App::new(article, analysis, Keymap::default());
    app.resize(w, h);
    app
}

pub(super) fn keys(app: &mut App, keys: &str) {
    for k in keys.split_whitespace() {
        app.press(k);
    }
}

pub(super) fn person(app: &App, name: &str) -> usize {
    app.analysis
        .people
        .iter()
        .position(|p| p.name == name)
        .expect("person")
}

#[test]
fn tab_cycles_focus_through_the_panes_in_wide_mode() {
    let mut a = app(160, 45);
    assert_eq!(a.focus, Pane::Body);
    keys(&mut a, "tab");
    assert_eq!(a.focus, Pane::Outline);
    keys(&mut a, "tab");
    assert_eq!(a.focus, Pane::People);
    keys(&mut a, "tab");
    assert_eq!(a.focus, Pane::Body);
    keys(&mut a, "shift-tab");
    assert_eq!(a.focus, Pane::People);
    keys(&mut a, "1");
    assert_eq!(a.focus, Pane::Body);
}

#[test]
fn tab_skips_hidden_panes() {
    let mut a = app(160, 45);
    keys(&mut a, "o tab");
    assert!(!a.show_outline);
    assert_eq!(a.focus, Pane::People);
}

#[test]
fn medium_mode_shows_one_sidebar_and_s_switches_it() {
    let mut a = app(100, 30);
    assert_eq!(a.mode(), Mode::Medium);
    assert!(a.panes.outline.is_some() && a.panes.people.is_none());
    keys(&mut a, "s");
    assert!(a.panes.outline.is_none() && a.panes.people.is_some());
    assert_eq!(a.focus, Pane::Body);
    keys(&mut a, "2");
    assert!(a.panes.outline.is_some());
    assert_eq!(a.focus, Pane::Outline);
}

#[test]
fn narrow_mode_opens_lists_as_overlays_and_esc_closes_them() {
    let mut a = app(60, 20);
    assert!(a.panes.outline.is_none());
    keys(&mut a, "p");
    assert_eq!(a.focus, Pane::People);
    assert!(a.panes.people.is_some());
    keys(&mut a, "esc");
    assert_eq!(a.focus, Pane::Body);
    assert!(a.panes.people.is_none());
}

#[test]
fn j_scrolls_the_body_and_moves_in_lists() {
    let mut a = app(60, 12);
    keys(&mut a, "j j j");
    assert_eq!(a.top, 3);
    keys(&mut a, "k");
    assert_eq!(a.top, 2);
    keys(&mut a, "G");
    assert_eq!(a.top, a.max_top());
    assert_eq!(a.percent(), 100);
    keys(&mut a, "g");
    assert_eq!(a.top, 0);
    keys(&mut a, "2 j j");
    assert_eq!(a.outline_sel, 2);
    assert_eq!(a.top, 0, "the body stays put while the list moves");
}

#[test]
fn pages_and_half_pages() {
    let mut a = app(60, 20);
    let h = a.body_height();
    keys(&mut a, "space");
    assert_eq!(a.top, h - 2);
    keys(&mut a, "b ctrl-d");
    assert_eq!(a.top, h / 2);
    keys(&mut a, "ctrl-u");
    assert_eq!(a.top, 0);
}

#[test]
fn the_outline_follows_the_body() {
    let mut a = app(100, 30);
    keys(&mut a, "G");
    let b = rows::block_at(&a.rows, a.top).expect("a block");
    let item = &a.items[a.outline_sel];
    assert!(item.block() <= b);
    assert!(
        a.items
            .get(a.outline_sel + 1)
            .is_none_or(|next| next.block() > b)
    );
}

#[test]
fn enter_in_the_outline_jumps_and_highlights() {
    let mut a = app(160, 20);
    let target = a
        .items
        .iter()
        .position(|i| i.label(&a.article, &a.analysis) == "Piet Vann")
        .expect("Vann quote");
    keys(&mut a, "2");
    for _ in 0..target {
        keys(&mut a, "j");
    }
    keys(&mut a, "enter");
    assert_eq!(a.flash, Some(target));
    let on_screen = &a.rows[a.top..(a.top + a.body_height()).min(a.rows.len())];
    assert!(
        on_screen
            .iter()
            .any(|r| matches!(r, Row::Text { block: 8, .. }))
    );
    assert!(a.top == a.max_top() || rows::block_at(&a.rows, a.top) == Some(8));
    keys(&mut a, "esc");
    assert_eq!(a.flash, None);
}

#[test]
fn people_filter_any_and_all() {
    let mut a = app(160, 45);
    let (quist, brel) = (person(&a, "Ada Quist"), person(&a, "Tomas Brel"));
    let idx = |a: &App, p| a.people.iter().position(|&q| q == p).expect("listed");
    keys(&mut a, "3");
    for _ in 0..idx(&a, quist) {
        keys(&mut a, "j");
    }
    keys(&mut a, "enter");
    assert_eq!(a.filter, vec![quist]);
    let shown = |a: &App| {
        (0..a.article.blocks.len())
            .filter(|&b| a.shown_blocks()[b])
            .collect::<Vec<_>>()
    };
    assert_eq!(shown(&a), a.analysis.people[quist].blocks);
    assert!(a.rows.iter().any(|r| matches!(r, Row::Hidden { .. })));

    keys(&mut a, "g");
    for _ in 0..idx(&a, brel) {
        keys(&mut a, "j");
    }
    keys(&mut a, "enter");
    assert_eq!(a.filter, vec![quist, brel]);
    let any = shown(&a);
    keys(&mut a, "a");
    assert_eq!(a.matching, Match::All);
    let all = shown(&a);
    assert!(all.len() < any.len());
    assert!(all.iter().all(|b| any.contains(b)));
    assert_eq!(all, vec![1, 9], "blocks naming both");

    keys(&mut a, "enter");
    assert_eq!(a.filter, vec![quist], "enter again removes the person");
    keys(&mut a, "esc");
    assert!(a.filter.is_empty());
    assert!(!a.rows.iter().any(|r| matches!(r, Row::Hidden { .. })));
}

#[test]
fn resize_keeps_the_block_and_line() {
    let mut a = app(160, 30);
    for _ in 0..14 {
        keys(&mut a, "j");
    }
    let before = rows::anchor_of(&a.doc, &a.rows, a.top);
    let Row::Text { block, .. } = a.rows[a.top] else {
        panic!("{:?}", a.rows[a.top])
    };
    a.resize(50, 30);
    let Row::Text { block: after, line } = a.rows[a.top] else {
        panic!("{:?}", a.rows[a.top])
    };
    assert_eq!(after, block);
    let rows::Anchor::Block { offset, .. } = before else {
        panic!()
    };
    assert!(
        a.doc
            .line(after as usize, line as usize)
            .expect("line")
            .start()
            <= offset
    );
    a.resize(160, 30);
    assert_eq!(
        rows::anchor_of(&a.doc, &a.rows, a.top),
        before,
        "back at the same width, same place"
    );
}

#[test]
fn reading_mode_hides_the_sidebars_and_toggles_back() {
    let mut a = app(160, 45);
    keys(&mut a, "z");
    assert!(a.panes.outline.is_none() && a.panes.people.is_none());
    keys(&mut a, "z");
    assert!(a.panes.outline.is_some() && a.panes.people.is_some());
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut a = app(40, 12);
    keys(&mut a, "?");
    assert_eq!(a.help, Some(0));
    keys(&mut a, "j");
    assert_eq!(a.help, Some(1));
    assert_eq!(a.top, 0, "keys go to help while it is open");
    keys(&mut a, "esc");
    assert_eq!(a.help, None);
    keys(&mut a, "? q");
    assert!(a.should_quit());
}

#[test]
fn quit_keys() {
    for k in ["q", "ctrl-c"] {
        let mut a = app(80, 24);
        keys(&mut a, k);
        assert!(a.should_quit(), "{k}");
    }
}

#[test]
fn every_action_at_every_small_size_is_safe() {
    for (w, h) in [
        (1, 1),
        (2, 1),
        (1, 3),
        (5, 2),
        (12, 4),
        (40, 12),
        (79, 5),
        (119, 3),
    ] {
        let mut a = app(w, h);
        for &action in Action::ALL.iter().chain(Action::ALL.iter().rev()) {
            if action != Action::Quit {
                a.update(action);
                a.update(Action::Down);
            }
        }
        assert!(a.top <= a.rows.len());
    }
}
