//! HTML extraction against hand-written expectations: each page under
//! tests/fixtures/html/ copies the markup patterns of a kind of news site
//! (text invented) and has a `.expected.json` with title, date, author and
//! the exact block list. Prints precision and recall of the blocks per page
//! (`cargo test --test html_fixtures -- --nocapture`) and requires an exact
//! match.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use byline::article::{Block, Format, load, parse_input};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Expected {
    title: Option<String>,
    date: Option<String>,
    author: Option<String>,
    blocks: Vec<Block>,
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/html");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixture dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    pages.sort();
    pages
}

/// Blocks compared as multisets: (precision, recall, true positives).
fn score(got: &[Block], want: &[Block]) -> (f64, f64, usize) {
    let mut pool: HashMap<&Block, usize> = HashMap::new();
    for b in want {
        *pool.entry(b).or_default() += 1;
    }
    let mut hits = 0;
    for b in got {
        if let Some(n) = pool.get_mut(b)
            && *n > 0
        {
            *n -= 1;
            hits += 1;
        }
    }
    let p = if got.is_empty() {
        1.0
    } else {
        hits as f64 / got.len() as f64
    };
    let r = if want.is_empty() {
        1.0
    } else {
        hits as f64 / want.len() as f64
    };
    (p, r, hits)
}

#[test]
fn pages_extract_exactly_the_expected_article() {
    let pages = fixtures();
    let mut failures = Vec::new();
    println!(
        "{:<28} {:>4} {:>4} {:>6} {:>6}  meta",
        "page", "want", "got", "prec", "recall"
    );
    for page in &pages {
        let name = page.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
        let expected_path = page.with_extension("expected.json");
        let want: Expected =
            serde_json::from_str(&std::fs::read_to_string(&expected_path).expect("expected file"))
                .expect("expected json");
        let bytes = std::fs::read(page).expect("page");
        let loaded = load::load_bytes(page, &bytes).expect("loads");
        let (got, _) = parse_input(&loaded.text, Some(Format::Html)).expect("parses");
        let (p, r, _) = score(&got.blocks, &want.blocks);
        let meta_ok = got.meta.title == want.title
            && got.meta.date == want.date
            && got.meta.author == want.author;
        println!(
            "{name:<28} {:>4} {:>4} {p:>6.3} {r:>6.3}  {}",
            want.blocks.len(),
            got.blocks.len(),
            if meta_ok { "ok" } else { "DIFF" }
        );
        if !meta_ok {
            failures.push(format!(
                "{name}: meta got title={:?} date={:?} author={:?}, want {:?} {:?} {:?}",
                got.meta.title, got.meta.date, got.meta.author, want.title, want.date, want.author
            ));
        }
        if got.blocks != want.blocks {
            let extra: Vec<&Block> = got
                .blocks
                .iter()
                .filter(|b| !want.blocks.contains(b))
                .collect();
            let missing: Vec<&Block> = want
                .blocks
                .iter()
                .filter(|b| !got.blocks.contains(b))
                .collect();
            failures.push(format!(
                "{name}: blocks differ\n  extra: {extra:#?}\n  missing: {missing:#?}\n  got order: {:#?}",
                got.blocks.iter().map(|b| b.text.chars().take(50).collect::<String>()).collect::<Vec<_>>()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(pages.len() >= 4, "at least four fixture pages");
}
