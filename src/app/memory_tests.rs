//! Search, marks, the jump list, several files and saved positions, on
//! the test fixture.

use super::tests::{app, keys, person};
use super::*;
use crate::article::text;
use crate::store::{Store, content_key};

fn typed(a: &mut App, text: &str) {
    a.press("/");
    for c in text.chars() {
        a.press(&if c == ' ' {
            "space".to_string()
        } else {
            c.to_string()
        });
    }
}

#[test]
fn search_counts_steps_and_wraps_with_a_notice() {
    let mut a = app(100, 30);
    typed(&mut a, "ferry");
    assert!(a.search.typing);
    assert_eq!(a.search_count().as_deref(), Some("1/4"));
    keys(&mut a, "enter");
    assert!(!a.search.typing);
    keys(&mut a, "n n n");
    assert_eq!(a.search_count().as_deref(), Some("4/4"));
    assert_eq!(a.notice, None);
    keys(&mut a, "n");
    assert_eq!(a.search_count().as_deref(), Some("1/4"));
    assert!(a.notice.as_deref().is_some_and(|n| n.contains("wrapped")));
    keys(&mut a, "N");
    assert_eq!(a.search_count().as_deref(), Some("4/4"));
    // The body shows the match: its block is on screen.
    let h = a.search.hit(&a.article, 3).expect("a fourth match");
    let first = rows::first_row(&a.rows, h.block()).expect("shown");
    assert!(first >= a.top && first < a.top + a.body_height());
}

#[test]
fn search_is_smart_case() {
    let mut a = app(100, 30);
    typed(&mut a, "Ferry");
    keys(&mut a, "enter");
    assert_eq!(a.search_count().as_deref(), Some("1/1"));
}

#[test]
fn search_keys_are_text_not_actions() {
    let mut a = app(100, 30);
    typed(&mut a, "quit");
    assert!(!a.should_quit());
    assert_eq!(a.search.query, "quit");
    keys(&mut a, "backspace backspace");
    assert_eq!(a.search.query, "qu");
}

#[test]
fn search_looks_only_in_the_filtered_blocks() {
    let mut a = app(100, 30);
    a.filter = vec![person(&a, "Piet Vann")];
    a.refilter();
    typed(&mut a, "ferry");
    assert_eq!(a.search_count().as_deref(), Some("1/2"));
    // Clearing the filter finds the rest again.
    keys(&mut a, "enter esc");
    assert_eq!(a.search.count(), 4);
}

#[test]
fn esc_cancels_a_search_and_goes_back() {
    let mut a = app(60, 12);
    let top = a.top;
    typed(&mut a, "mooring");
    assert_ne!(a.top, top, "the body follows the match while typing");
    keys(&mut a, "esc");
    assert_eq!(a.top, top);
    assert_eq!(a.search_count(), None);
    typed(&mut a, "zzzz");
    keys(&mut a, "enter");
    assert!(a.notice.as_deref().is_some_and(|n| n.contains("not found")));
}

#[test]
fn marks_set_and_jump() {
    let mut a = app(60, 12);
    keys(&mut a, "j j j j j m a g");
    assert_eq!(a.top, 0);
    keys(&mut a, "' a");
    assert_eq!(a.top, 5);
    keys(&mut a, "' b");
    assert_eq!(a.notice.as_deref(), Some("no mark b"));
    assert_eq!(a.marks().collect::<Vec<_>>(), ['a']);
}

#[test]
fn the_jump_list_goes_back_and_forward() {
    let mut a = app(60, 12);
    keys(&mut a, "j j G");
    let bottom = a.top;
    keys(&mut a, "ctrl-o");
    assert_eq!(a.top, 2);
    keys(&mut a, "ctrl-i");
    assert_eq!(a.top, bottom);
    keys(&mut a, "ctrl-o ctrl-o");
    assert_eq!(a.notice.as_deref(), Some("at the start of the jump list"));
}

#[test]
fn going_back_undoes_a_filter_change() {
    let mut a = app(160, 45);
    let p = person(&a, "Piet Vann");
    a.filter = vec![p];
    a.refilter();
    a.record_jump();
    a.filter.clear();
    a.refilter();
    keys(&mut a, "ctrl-o");
    assert_eq!(a.filter, vec![p]);
}

#[test]
fn files_switch_and_keep_their_places() {
    let mut a = app(100, 30);
    let article = text::parse("title Second\n\nOne.\n\nTwo.\n");
    let analysis = crate::analyse::analyse(&article);
    let b = App::new(article, analysis, Keymap::default());
    a.add_file(b);
    keys(&mut a, "j j j");
    keys(&mut a, "]");
    assert_eq!(a.title(), "Second");
    assert_eq!(a.file_no, (2, 2));
    assert_eq!(a.top, 0);
    assert_eq!(a.area, Rect::new(0, 0, 100, 30));
    keys(&mut a, "]");
    assert!(a.title().starts_with("Port Selwyn"));
    assert_eq!(a.top, 3);
    keys(&mut a, "[");
    assert_eq!(a.title(), "Second");
}

fn scratch(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("byline-app-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

#[test]
fn positions_and_marks_survive_a_restart() {
    let dir = scratch("restart");
    let src = include_str!("../../tests/fixtures/harbour.txt");
    let key = content_key(src);
    let path = Some("/articles/harbour.txt".to_string());
    let mut a = app(60, 12);
    a.remember(Store::new(&dir), key.clone(), path.clone(), true);
    keys(&mut a, "j j j m x j j j j q");
    assert!(a.should_quit());
    let top = a.top_row();

    let mut b = app(60, 12);
    b.remember(Store::new(&dir), key.clone(), path.clone(), true);
    assert_eq!(b.top_row(), top);
    keys(&mut b, "' x");
    assert_eq!(b.top, 3);

    let mut c = app(60, 12);
    c.remember(Store::new(&dir), key, path, false);
    assert_eq!(c.top, 0, "--from-start");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_edited_article_falls_back_to_the_same_block() {
    let dir = scratch("edited");
    let src = include_str!("../../tests/fixtures/harbour.txt");
    let path = Some("/articles/harbour.txt".to_string());
    let mut a = app(60, 12);
    a.remember(Store::new(&dir), content_key(src), path.clone(), true);
    keys(&mut a, "ctrl-d ctrl-d");
    let (block, _) = a.position();
    let block = block.expect("a block at the top");
    a.save_state().expect("save");

    // A paragraph added at the top moves every block down by one.
    let edited = src.replacen("\n\nMayor", "\n\nA new first paragraph.\n\nMayor", 1);
    let article = text::parse(&edited);
    let analysis = crate::analyse::analyse(&article);
    let mut b = App::new(article, analysis, Keymap::default());
    b.resize(60, 12);
    b.remember(Store::new(&dir), content_key(&edited), path, true);
    assert_eq!(b.position().0, Some(block + 1));
    let _ = std::fs::remove_dir_all(dir);
}
