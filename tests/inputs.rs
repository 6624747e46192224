//! The binary on every input (stdin, pipe, Markdown, HTML, JSON, forced
//! formats) and every plain output (`--people`, `--quotes`, `--person`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_byline"))
}

fn byline(args: &[&str]) -> Output {
    bin().args(args).output().expect("run byline")
}

/// Runs byline with `input` on a pipe as standard input.
fn byline_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn byline");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input)
        .expect("write stdin");
    child.wait_with_output().expect("wait")
}

fn asset(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn tmp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("byline-inputs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("tmp dir");
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write");
    p
}

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json on stdout")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("utf8")
}

/// Fails with exactly one line on stderr containing every one of `what`.
fn assert_one_line_error(out: &Output, what: &[&str]) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "should fail");
    assert!(out.stdout.is_empty(), "stdout must be empty");
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    for w in what {
        assert!(err.contains(w), "says {w:?}: {err}");
    }
}

const SEED: &str = " date 2025-06-14 Mayor Ada Quist opens the new harbour bridge. Photo / Reuters

Mayor Ada Quist cut the ribbon on Saturday, ending six years of delays
that her predecessor, Tomas Brel, once called “a monument to committee work”.

“We kept our promise,” Quist told reporters. “Late, but we kept it.”
";

#[test]
fn dash_reads_standard_input() {
    let v = json(&byline_stdin(&["--json", "-"], SEED.as_bytes()));
    assert_eq!(v["source"], "-");
    assert_eq!(v["date"], "2025-06-14");
    assert_eq!(v["blocks"].as_array().map(Vec::len), Some(3));
    assert_eq!(v["blocks"][0]["credit"], "Reuters");
}

#[test]
fn a_pipe_without_file_reads_standard_input() {
    let text = stdout(&byline_stdin(&["--width", "40"], SEED.as_bytes()));
    assert!(
        text.starts_with("Mayor Ada Quist opens the new harbour\nbridge\n2025-06-14"),
        "{text}"
    );
    assert!(text.lines().all(|l| l.chars().count() <= 40), "{text}");
}

#[test]
fn empty_standard_input_is_a_one_line_error() {
    assert_one_line_error(&byline_stdin(&["-"], b""), &["standard input", "empty"]);
}

#[test]
fn formats_are_sniffed_on_standard_input() {
    let html = b"<!doctype html><html><head><title>Piped | Site</title></head><body><article><p>A paragraph that is long enough, with commas, to be the article.</p></article><nav>Home</nav></body></html>";
    let v = json(&byline_stdin(&["--json"], html));
    assert_eq!(v["title"], "Piped");
    assert_eq!(v["blocks"].as_array().map(Vec::len), Some(1));
    let md = b"# Piped markdown\n\nBody text.\n";
    let v = json(&byline_stdin(&["--json"], md));
    assert_eq!(v["title"], "Piped markdown");
    assert_eq!(v["blocks"][0]["text"], "Body text.");
}

#[test]
fn format_flag_forces_a_parser() {
    let p = tmp(
        "looks-like-md.txt",
        b"# Not a heading in a text file\n\nBody.\n",
    );
    let v = json(&byline(&["--json", &p.to_string_lossy()]));
    assert_eq!(v["blocks"][0]["text"], "# Not a heading in a text file");
    let v = json(&byline(&[
        "--json",
        "--format",
        "markdown",
        &p.to_string_lossy(),
    ]));
    assert_eq!(v["title"], "Not a heading in a text file");
    assert_eq!(v["blocks"].as_array().map(Vec::len), Some(1));
    let out = byline(&["--format", "pdf", &p.to_string_lossy()]);
    assert!(!out.status.success());
}

#[test]
fn markdown_sample() {
    let v = json(&byline(&["--json", &asset("harbour-notes.md")]));
    assert_eq!(
        v["title"],
        "Harbour notes: the night shift at the container wharf"
    );
    assert_eq!(v["date"], "2025-06-21");
    assert_eq!(v["author"], "Ana Ruiz");
    let captions = v["captions"].as_array().expect("captions");
    assert_eq!(captions.len(), 2);
    assert_eq!(captions[0]["credit"], "Tom Varga");
    assert_eq!(captions[1]["text"], "Trucks queue at the gate at 2am.");
    let texts: Vec<&str> = v["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .filter_map(|b| b["text"].as_str())
        .collect();
    assert!(texts.contains(&"A port that never stops"));
    assert!(texts.contains(
        &"“We are running a 24-hour business on infrastructure built for a 9-to-5 city."
    ));
    assert!(texts.contains(&"fuel, fruit and cars for the North Island;"));
}

#[test]
fn html_sample() {
    let v = json(&byline(&["--json", &asset("ferry-strike.html")]));
    assert_eq!(v["title"], "Ferry strike ends after overnight mediation");
    assert_eq!(v["date"], "2025-06-18");
    assert_eq!(v["author"], "Mere Tawhiri");
    let blocks = v["blocks"].as_array().expect("blocks");
    assert_eq!(blocks.len(), 9);
    assert_eq!(blocks[0]["kind"], "caption");
    assert_eq!(blocks[0]["credit"], "Dean Pereira");
    let all = serde_json::to_string(blocks).expect("json");
    for furniture in [
        "cookies",
        "Advertisement",
        "Read more",
        "Related",
        "Most read",
        "buses along the bays",
        "Share",
    ] {
        assert!(!all.contains(furniture), "{furniture} leaked: {all}");
    }
}

#[test]
fn json_output_round_trips() {
    let txt = tmp("seed.txt", SEED.as_bytes());
    for input in [
        txt.to_string_lossy().into_owned(),
        asset("harbour-notes.md"),
        asset("ferry-strike.html"),
    ] {
        let first = json(&byline(&["--json", &input]));
        let name = format!(
            "round-{}.json",
            Path::new(&input)
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("x")
        );
        let p = tmp(&name, &serde_json::to_vec_pretty(&first).expect("json"));
        let second = json(&byline(&["--json", &p.to_string_lossy()]));
        for field in ["title", "date", "blocks", "captions"] {
            assert_eq!(first[field], second[field], "{input}: {field}");
        }
        assert_eq!(second["source"], *p.to_string_lossy());
    }
}

#[test]
fn json_that_is_not_an_article_names_the_file() {
    let p = tmp("broken.json", b"{\"title\": \"T\", \"blocks\": [}");
    assert_one_line_error(
        &byline(&["--json", &p.to_string_lossy()]),
        &[&p.to_string_lossy(), "not a byline JSON article"],
    );
}

#[test]
fn entities_cannot_smuggle_escapes_from_html() {
    let p = tmp("hostile.html", b"<html><head><title>x&#27;]0;pwned&#7;</title></head><body><article><p>Red &#x1b;[31malert&#x9b;2J and more text, long enough to be a paragraph.</p></article></body></html>");
    for args in [vec!["--json"], vec![]] {
        let mut all = args.clone();
        let path = p.to_string_lossy().into_owned();
        all.push(&path);
        let text = stdout(&byline(&all));
        assert!(!text.contains(['\u{1b}', '\u{9b}', '\u{7}']), "{text:?}");
        assert!(text.contains("Red alert"), "{text}");
    }
}

#[test]
fn people_and_quotes_listings_run() {
    let p = tmp("listing.txt", SEED.as_bytes());
    let people = stdout(&byline(&["--people", &p.to_string_lossy()]));
    assert!(!people.is_empty());
    let quotes = stdout(&byline(&["--quotes", &p.to_string_lossy()]));
    assert!(!quotes.is_empty());
    let both = stdout(&byline(&["--people", "--quotes", &p.to_string_lossy()]));
    assert_eq!(both, format!("{people}{quotes}"));
    let out = byline(&["--json", "--people", &p.to_string_lossy()]);
    assert!(!out.status.success(), "--json and --people conflict");
}

#[test]
fn person_filter() {
    let p = tmp("person.txt", SEED.as_bytes());
    let path = p.to_string_lossy().into_owned();
    assert_one_line_error(
        &byline(&["--person", "Zebedee Nobody", &path]),
        &[&path, "no person named “Zebedee Nobody”"],
    );
    // With the analysis in place, any alias of a listed person filters the
    // body to that person's blocks.
    let v = json(&byline(&["--json", &path]));
    for person in v["people"].as_array().into_iter().flatten() {
        let name = person["name"].as_str().expect("name");
        let alias = person["aliases"][0].as_str().unwrap_or(name);
        let text = stdout(&byline(&["--person", &alias.to_uppercase(), &path]));
        let blocks = person["blocks"].as_array().map_or(0, Vec::len);
        assert!(
            text.starts_with(&format!("{name} — {blocks} of 3 blocks")),
            "{text}"
        );
    }
}
