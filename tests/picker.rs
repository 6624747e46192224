//! The folder picker (`byline DIR`): whole-screen snapshots of the list
//! on ratatui's `TestBackend`, every size without a panic, and the real
//! binary in a pseudo-terminal: pick, read, go back, see the progress,
//! quit.

mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use byline::app::App;
use byline::app::picker::{Opener, Picker};
use byline::config::Config;
use byline::config::style::Depth;
use byline::library;
use byline::store::Store;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::pty::Session;

/// A paragraph-rich article body naming `people`.
fn body(people: &[&str]) -> String {
    (1..=24)
        .map(|n| {
            let who = people[n % people.len()];
            format!("Paragraph {n}: {who} said the work went on through the night and into the morning.\n\n")
        })
        .collect()
}

/// A fresh folder called `news` (the name the list shows) holding
/// `articles` (file name, text).
fn news(tag: &str, articles: &[(&str, String)]) -> PathBuf {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let root = std::env::temp_dir().join(format!("byline-picker-{}-{tag}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let dir = root.join("news");
    std::fs::create_dir_all(&dir).expect("folder");
    for (name, text) in articles {
        std::fs::write(dir.join(name), text).expect("write");
    }
    dir
}

fn three() -> Vec<(&'static str, String)> {
    vec![
        (
            "bridge.txt",
            format!(
                "date 2025-03-08\ntitle Port Selwyn opens its harbour bridge\n\n{}",
                body(&["Mayor Ada Quist", "Tomas Brel", "Lena Okafor"])
            ),
        ),
        (
            "ferry.md",
            format!(
                "---\ntitle: Ferry strike ends after overnight mediation\ndate: 2025-06-18\n---\n\n{}",
                body(&["Mere Tawhiri", "Sam Ellery"])
            ),
        ),
        (
            "storm.html",
            format!(
                "<html><head><title>Storm closes the coast road</title>\
                 <meta property=\"article:published_time\" content=\"2024-11-02\"></head>\
                 <body><article><h1>Storm closes the coast road</h1>{}</article></body></html>",
                body(&["Piet Vann"])
                    .split("\n\n")
                    .filter(|p| !p.is_empty())
                    .map(|p| format!("<p>{p}</p>"))
                    .collect::<String>()
            ),
        ),
    ]
}

/// The three articles, one with a title far too long for the screen,
/// and a file that is not an article.
fn folder_for_screens() -> PathBuf {
    let mut files = three();
    files.push((
        "council.txt",
        format!(
            "date 2025-01-20\ntitle Council votes to keep the night ferry, rebuild the wharf and \
             review every harbour lease before the next election\n\n{}",
            body(&[
                "Councillor Ana Ruiz",
                "Hone Parata",
                "Ada Quist",
                "Tomas Brel"
            ])
        ),
    ));
    let dir = news("screens", &files);
    std::fs::write(dir.join("photo.txt"), b"\x00\x00\x01\x02\x00\x03\x04").expect("write");
    std::fs::write(dir.join("cover.jpg"), b"\xff\xd8").expect("write");
    dir
}

/// The picker for `dir`, everything read, positions kept beside it.
fn picker_app(dir: &Path) -> App {
    let store = Store::new(dir.with_file_name("state"));
    let mut listing = library::scan(dir).expect("scan");
    listing.load_all(Some(&store));
    let opener = Opener {
        config: Config::defaults(),
        depth: Depth::None,
        store: Some(store),
        restore: true,
    };
    App::with_picker(Picker::new(listing, opener))
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| f.render_widget(app, f.area())).expect("draw");
    term.backend().to_string()
}

fn at(app: &mut App, w: u16, h: u16, keys: &str) -> String {
    app.resize(w, h);
    for k in keys.split_whitespace() {
        app.press(k);
    }
    screen(app, w, h)
}

#[test]
fn list_screens() {
    let dir = folder_for_screens();
    let mut app = picker_app(&dir);
    insta::assert_snapshot!("picker_100x30", at(&mut app, 100, 30, ""));
    insta::assert_snapshot!("picker_40x12", at(&mut app, 40, 12, ""));
    // Read a little of the second article and come back: its progress.
    insta::assert_snapshot!(
        "picker_after_reading_100x30",
        at(&mut app, 100, 30, "j enter ctrl-d ctrl-d h")
    );
    insta::assert_snapshot!("picker_filter_40x12", at(&mut app, 40, 12, "/ f e r"));
    insta::assert_snapshot!("picker_help_40x12", at(&mut app, 40, 12, "enter esc ?"));
}

#[test]
fn no_size_panics() {
    let dir = folder_for_screens();
    for w in [1, 2, 5, 10, 15, 16, 23, 24, 35, 36, 40, 59, 60, 100, 200] {
        for h in [1, 2, 3, 4, 12, 30] {
            for keys in ["", "G", "/ z z", "/ f", "j enter", "j enter h", "?"] {
                let mut app = picker_app(&dir);
                at(&mut app, w, h, keys);
            }
        }
    }
}

#[test]
fn pick_read_return_and_quit_in_a_terminal() {
    let dir = news("pty", &three());
    let d = dir.to_string_lossy().into_owned();
    let mut s = Session::byline(&[&d], 100, 30);
    // Newest first; nothing read yet.
    s.wait_text("3 articles");
    s.wait_for("people counted", |sc| {
        let c = sc.contents();
        c.contains("Ferry strike ends") && !c.contains('…')
    });
    let rows: Vec<String> = s.screen().lines().map(String::from).collect();
    assert!(
        rows[1].contains("Ferry strike") && rows[1].contains("new"),
        "{rows:?}"
    );
    assert!(
        rows[2].contains("Port Selwyn") && rows[2].contains("2025-03-08"),
        "{rows:?}"
    );
    assert!(rows[3].contains("Storm closes"), "{rows:?}");
    // Pick the second, read a page and a half.
    s.send("j");
    s.send("\r");
    s.wait_text("file 2/3");
    s.send(" ");
    s.send("\x04");
    s.settle(Duration::from_millis(150));
    // Back to the list: the article's progress is there, and saved.
    s.send("h");
    s.wait_text("3 articles");
    s.wait_for("progress on the bridge row", |sc| {
        sc.contents()
            .lines()
            .find(|l| l.contains("Port Selwyn"))
            .is_some_and(|l| l.trim_end().ends_with('%'))
    });
    assert!(support::pty::position_saved(&s.data));
    let row = s
        .screen()
        .lines()
        .find(|l| l.contains("Port Selwyn"))
        .map(String::from)
        .unwrap_or_default();
    let shown = row.split_whitespace().last().unwrap_or("").to_string();
    assert!(shown.ends_with('%') && shown != "0%", "{row}");
    s.send("q");
    let (status, _) = s.exit_within(Duration::from_secs(3));
    assert!(status.success(), "{status:?}");
    // What the list showed is what the store gives the next start.
    let mut listing = library::scan(&dir).expect("scan");
    listing.load_all(Some(&Store::new(&s.data)));
    let bridge = listing
        .entries
        .iter()
        .find(|e| e.name == "bridge.txt")
        .expect("bridge");
    assert_eq!(bridge.progress.label(), shown);
    let others: Vec<String> = listing
        .entries
        .iter()
        .filter(|e| e.name != "bridge.txt")
        .map(|e| e.progress.label())
        .collect();
    assert_eq!(others, ["new", "new"]);
}
