use super::*;
use crate::store::{Record, Spot};

/// A fresh folder under the temp directory.
fn folder(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("byline-library-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("dir");
    d
}

fn write(dir: &Path, name: &str, text: &[u8]) {
    std::fs::write(dir.join(name), text).expect("write");
}

fn article(date: &str, title: &str) -> String {
    format!(
        "date {date}\ntitle {title}\n\nMayor Ada Quist opened the bridge. \
         “It is done,” Quist said.\n\nTomas Brel, the engineer, was there.\n\nThe end.\n"
    )
}

fn titles(l: &Listing) -> Vec<&str> {
    l.order()
        .into_iter()
        .map(|i| l.entries[i].title())
        .collect()
}

#[test]
fn sorted_newest_first_then_by_name_undated_last() {
    let dir = folder("sort");
    write(&dir, "b.txt", article("2025-03-01", "Bravo").as_bytes());
    write(&dir, "a.txt", article("2025-03-01", "Alpha").as_bytes());
    write(&dir, "c.txt", article("2025-06-14", "Charlie").as_bytes());
    write(&dir, "d.txt", b"title Delta\n\nNo date on this one.\n");
    write(
        &dir,
        "e.md",
        b"---\ntitle: Echo\ndate: 14 June 2024\n---\n\nText.\n",
    );
    let mut l = scan(&dir).expect("scan");
    // Before anything is read: by name.
    assert_eq!(titles(&l), ["a.txt", "b.txt", "c.txt", "d.txt", "e.md"]);
    l.load_all(None);
    assert!(l.read());
    assert_eq!(titles(&l), ["Charlie", "Alpha", "Bravo", "Echo", "Delta"]);
    let echo = &l.entries[4];
    assert_eq!(echo.date(), Some("2024-06-14"), "dates are normalised");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn other_files_are_counted_and_bad_ones_skipped_with_a_reason() {
    let dir = folder("skip");
    write(&dir, "good.txt", article("2025-01-01", "Good").as_bytes());
    write(&dir, "photo.jpg", b"\xff\xd8\xff\xe0");
    write(&dir, "notes.html", b"<p>A page with a paragraph.</p>");
    write(
        &dir,
        "binary.txt",
        b"\x00\x01\x02\x03\x00\x00\x05\x06ELF\x00\x00",
    );
    write(&dir, "empty.md", b"");
    write(&dir, "package.json", b"{\"name\": \"x\"}");
    write(&dir, ".hidden.txt", b"secret");
    std::fs::create_dir_all(dir.join("sub")).expect("subfolder");
    write(
        &dir.join("sub"),
        "deep.txt",
        article("2025-01-01", "Deep").as_bytes(),
    );
    let mut l = scan(&dir).expect("scan");
    assert_eq!(l.others, 2, "photo.jpg and sub/");
    l.load_all(None);
    let names: Vec<&str> = l
        .order()
        .iter()
        .map(|&i| l.entries[i].name.as_str())
        .collect();
    assert_eq!(names, ["good.txt", "notes.html"]);
    let skipped: Vec<(&str, &str)> = l
        .skipped()
        .iter()
        .map(|&i| {
            let e = &l.entries[i];
            (e.name.as_str(), e.skipped.as_deref().unwrap_or(""))
        })
        .collect();
    assert_eq!(
        skipped,
        [
            ("binary.txt", "binary"),
            ("empty.md", "empty"),
            ("package.json", "not a byline JSON article"),
        ]
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn progress_is_the_saved_percent_else_block_over_block_count() {
    assert_eq!(Progress::from_position(None, 10), Progress::Read(0));
    assert_eq!(Progress::from_position(Some(0), 10), Progress::Read(10));
    assert_eq!(Progress::from_position(Some(4), 10), Progress::Read(50));
    assert_eq!(Progress::from_position(Some(9), 10), Progress::Read(100));
    assert_eq!(Progress::from_position(Some(30), 10), Progress::Read(100));
    assert_eq!(Progress::from_position(Some(0), 0), Progress::Read(100));
    assert_eq!(Progress::Read(45).label(), "45%");
    assert_eq!(Progress::New.label(), "new");

    let dir = folder("progress");
    let text = article("2025-01-01", "Read");
    write(&dir, "read.txt", text.as_bytes());
    write(
        &dir,
        "unread.txt",
        article("2024-01-01", "Unread").as_bytes(),
    );
    let store = Store::new(dir.join("state"));
    let record = Record {
        position: Some(Spot {
            block: Some(1),
            offset: 0,
            fingerprint: 0,
        }),
        ..Record::default()
    };
    store
        .save(&store::content_key(&text), &record)
        .expect("save");
    let mut l = scan(&dir).expect("scan");
    assert_eq!(l.others, 1, "the store's folder");
    l.load_all(Some(&store));
    let progress: Vec<Progress> = l.order().iter().map(|&i| l.entries[i].progress).collect();
    // Three blocks, the top one the second: two of three read.
    assert_eq!(progress, [Progress::Read(66), Progress::New]);
    // The reader's own percentage wins when it was saved.
    let record = Record {
        percent: Some(100),
        ..record
    };
    store
        .save(&store::content_key(&text), &record)
        .expect("save");
    l.load_all(Some(&store));
    let i = l.order()[0];
    assert_eq!(l.entries[i].progress, Progress::Read(100));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_background_reader_sends_meta_then_people() {
    let dir = folder("spawn");
    write(&dir, "a.txt", article("2025-01-01", "A").as_bytes());
    write(&dir, "b.bin.txt", b"\x00\x00\x00\x00\x01\x02\x03");
    let mut l = scan(&dir).expect("scan");
    let rx = spawn(l.paths(), None);
    let updates: Vec<Update> = rx.iter().collect();
    assert!(matches!(updates[0], Update::Meta(0, _, Progress::New)));
    assert!(matches!(updates[1], Update::Skipped(1, _)));
    assert_eq!(updates[2], Update::People(0, 2));
    for u in updates {
        assert!(l.apply(u));
    }
    assert_eq!(l.entries[0].people, Some(2));
    assert!(!l.apply(Update::People(9, 1)), "no such entry");
    let _ = std::fs::remove_dir_all(dir);
}
