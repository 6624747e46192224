use std::path::PathBuf;

use super::*;
use crate::library::scan;

/// A folder of three articles (dated 2025-03, 2025-06 and 2024-01) and
/// a binary file, with a store beside it.
fn folder(name: &str) -> (PathBuf, Store) {
    let dir = std::env::temp_dir().join(format!("byline-picker-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let news = dir.join("news");
    std::fs::create_dir_all(&news).expect("dir");
    let body: String = (1..=30)
        .map(|n| format!("Paragraph {n} where Ada Quist said more about the bridge.\n\n"))
        .collect();
    for (file, date, title) in [
        ("bridge.txt", "2025-03-01", "Bridge opens"),
        ("cup.txt", "2025-06-14", "Cup final won"),
        ("storm.txt", "2024-01-09", "Storm closes the port"),
    ] {
        let text = format!("date {date}\ntitle {title}\n\n{body}");
        std::fs::write(news.join(file), text).expect("write");
    }
    std::fs::write(news.join("photo.txt"), b"\x00\x00\x01\x02\x00\x03").expect("write");
    let store = Store::new(dir.join("state"));
    (news, store)
}

fn picker_app(name: &str) -> (App, Store) {
    let (news, store) = folder(name);
    let mut listing = scan(&news).expect("scan");
    listing.load_all(Some(&store));
    let opener = Opener {
        config: Config::defaults(),
        depth: Depth::None,
        store: Some(store.clone()),
        restore: true,
    };
    let mut app = App::with_picker(Picker::new(listing, opener));
    app.resize(100, 30);
    (app, store)
}

fn picker(app: &App) -> &Picker {
    app.picker.as_deref().expect("a picker")
}

fn titles(app: &App) -> Vec<String> {
    let p = picker(app);
    p.order
        .iter()
        .map(|&i| p.listing.entries[i].title().to_string())
        .collect()
}

#[test]
fn the_list_is_newest_first_and_moves_with_the_keys() {
    let (mut app, _) = picker_app("keys");
    assert!(app.list_shown());
    assert_eq!(
        titles(&app),
        ["Cup final won", "Bridge opens", "Storm closes the port"]
    );
    app.press("j");
    assert_eq!(picker(&app).sel, 1);
    app.press("G");
    assert_eq!(picker(&app).sel, 2);
    app.press("down");
    assert_eq!(picker(&app).sel, 2, "stops at the end");
    app.press("g");
    assert_eq!(picker(&app).sel, 0);
    app.press("k");
    assert_eq!(picker(&app).sel, 0, "stops at the top");
    // Reader keys do nothing here.
    for k in ["tab", "z", "m", "'", "ctrl-o", "]", "h", "y"] {
        app.press(k);
        assert!(app.list_shown(), "{k}");
    }
    app.press("q");
    assert!(app.should_quit());
}

#[test]
fn enter_reads_back_returns_with_progress_saved() {
    let (mut app, store) = picker_app("read");
    app.press("j");
    app.press("enter");
    assert!(!app.list_shown());
    assert_eq!(app.title(), "Bridge opens");
    assert_eq!(app.file_no, (2, 3));
    app.press("ctrl-d");
    app.press("ctrl-d");
    let place = app.top_row();
    let want = Progress::Read(app.percent() as u8);
    assert!(matches!(want, Progress::Read(p) if p > 0), "{want:?}");
    app.press("backspace");
    assert!(app.list_shown());
    let p = picker(&app);
    let bridge = p.selected().expect("selected");
    assert_eq!(p.listing.entries[bridge].title(), "Bridge opens");
    assert_eq!(p.listing.entries[bridge].progress, want);
    // The store agrees, so the next start shows the same.
    let mut again = scan(&p.listing.dir).expect("scan");
    again.load_all(Some(&store));
    let i = again.order()[1];
    assert_eq!(again.entries[i].progress, want);
    // Opening it again comes back at the same place.
    app.press("enter");
    assert_eq!(app.top_row(), place);
    // Read to the end: 100%.
    app.press("G");
    app.press("h");
    let p = picker(&app);
    assert_eq!(p.listing.entries[bridge].progress, Progress::Read(100));
}

#[test]
fn brackets_open_the_neighbours_of_the_list() {
    let (mut app, _) = picker_app("neighbours");
    app.press("enter");
    assert_eq!(app.title(), "Cup final won");
    app.press("]");
    assert_eq!(app.title(), "Bridge opens");
    app.press("]");
    assert_eq!(app.title(), "Storm closes the port");
    app.press("]");
    assert_eq!(app.title(), "Storm closes the port");
    assert!(app.notice.as_deref().is_some_and(|n| n.contains("last")));
    app.press("[");
    assert_eq!(app.title(), "Bridge opens");
    app.press("h");
    assert_eq!(picker(&app).sel, 1, "the list shows where the reader was");
    // Every article visited now has a position.
    let p = picker(&app);
    assert!(
        p.listing
            .entries
            .iter()
            .filter(|e| e.skipped.is_none())
            .all(|e| e.progress != Progress::New)
    );
}

#[test]
fn slash_filters_by_title_as_you_type() {
    let (mut app, _) = picker_app("filter");
    for k in ["/", "s", "t", "o"] {
        app.press(k);
    }
    assert_eq!(titles(&app), ["Storm closes the port"]);
    assert!(picker(&app).typing);
    app.press("backspace");
    app.press("backspace");
    assert_eq!(titles(&app), ["Bridge opens", "Storm closes the port"]);
    app.press("enter");
    assert!(!picker(&app).typing, "enter keeps the filter");
    assert_eq!(picker(&app).query, "s");
    app.press("enter");
    assert!(!app.list_shown(), "then opens the selection");
    app.press("h");
    app.press("esc");
    assert_eq!(titles(&app).len(), 3, "esc clears the filter");
    for k in ["/", "z", "z", "z"] {
        app.press(k);
    }
    assert!(titles(&app).is_empty());
    app.press("enter");
    app.press("enter");
    assert!(app.list_shown(), "nothing to open");
}

#[test]
fn back_without_a_folder_says_so() {
    let (mut app, _) = picker_app("nofolder");
    app.picker = None;
    app.press("h");
    assert!(
        app.notice
            .as_deref()
            .is_some_and(|n| n.contains("byline DIR"))
    );
}

#[test]
fn a_file_gone_since_the_listing_is_a_notice_not_a_crash() {
    let (mut app, _) = picker_app("gone");
    let p = picker(&app);
    let first = p.listing.entries[p.order[0]].path.clone();
    std::fs::remove_file(&first).expect("remove");
    app.press("enter");
    assert!(app.list_shown());
    assert!(
        app.notice
            .as_deref()
            .is_some_and(|n| n.contains("no such file")),
        "{:?}",
        app.notice
    );
}

#[test]
fn background_updates_sort_without_moving_an_untouched_selection() {
    let (news, store) = folder("tick");
    let listing = scan(&news).expect("scan");
    let opener = Opener {
        config: Config::defaults(),
        depth: Depth::None,
        store: Some(store),
        restore: true,
    };
    let mut p = Picker::new(listing, opener);
    p.start(Duration::ZERO);
    let mut app = App::with_picker(p);
    let deadline = Instant::now() + Duration::from_secs(10);
    while picker(&app).busy() {
        app.tick();
        assert!(Instant::now() < deadline, "the reader never finished");
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(titles(&app)[0], "Cup final won");
    assert_eq!(picker(&app).sel, 0);
    let p = picker(&app);
    assert!(
        p.listing
            .entries
            .iter()
            .filter(|e| e.skipped.is_none())
            .all(|e| e.people == Some(1))
    );
}

#[test]
fn a_click_opens_the_row_and_the_wheel_moves() {
    let (mut app, _) = picker_app("mouse");
    app.wheel(5, 5, 1);
    assert_eq!(picker(&app).sel, 1);
    app.click(5, 0);
    assert!(app.list_shown(), "the heading is not a row");
    app.click(5, 20);
    assert!(
        app.list_shown(),
        "below the rows (a skipped file, then nothing)"
    );
    app.click(5, 3);
    assert!(!app.list_shown());
    assert_eq!(app.title(), "Storm closes the port");
}
